-- CreateTable
CREATE TABLE "policy_decisions" (
    "effective" TEXT NOT NULL PRIMARY KEY,
    "announced" TEXT,
    "lower" REAL NOT NULL,
    "upper" REAL NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "provenance" TEXT NOT NULL
);

