-- CreateTable
CREATE TABLE "dataset_changes" (
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "instruments" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "kinds" TEXT NOT NULL,

    CONSTRAINT "dataset_changes_pkey" PRIMARY KEY ("version")
);

