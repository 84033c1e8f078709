-- CreateTable
CREATE TABLE "dataset_changes" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "changed_at" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "instruments" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "kinds" TEXT NOT NULL
);

