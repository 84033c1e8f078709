-- CreateTable
CREATE TABLE "corporate_actions" (
    "instrument_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "amount" REAL,
    "numerator" REAL,
    "denominator" REAL,

    PRIMARY KEY ("instrument_id", "date", "kind", "source"),
    CONSTRAINT "corporate_actions_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

