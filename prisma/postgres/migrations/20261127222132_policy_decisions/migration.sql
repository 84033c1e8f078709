-- CreateTable
CREATE TABLE "policy_decisions" (
    "effective" TEXT NOT NULL,
    "announced" TEXT,
    "lower" DOUBLE PRECISION NOT NULL,
    "upper" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "provenance" TEXT NOT NULL,

    CONSTRAINT "policy_decisions_pkey" PRIMARY KEY ("effective")
);

