-- CreateTable
CREATE TABLE "dataset_version" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "dataset_version_pkey" PRIMARY KEY ("id")
);

