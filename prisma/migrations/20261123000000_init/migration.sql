-- CreateTable
CREATE TABLE "instruments" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "benchmark_symbol" TEXT,
    "inception_date" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "provenance" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "daily_bars" (
    "instrument_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "open" REAL,
    "high" REAL,
    "low" REAL,
    "close" REAL NOT NULL,
    "adj_close" REAL,
    "volume" REAL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("instrument_id", "date"),
    CONSTRAINT "daily_bars_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "economic_series" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "provenance" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "series_observations" (
    "series_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("series_id", "date"),
    CONSTRAINT "series_observations_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "economic_series" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "valuation_snapshots" (
    "instrument_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "forward_pe" REAL,
    "trailing_pe" REAL,
    "price_to_book" REAL,
    "dividend_yield" REAL,

    PRIMARY KEY ("instrument_id", "date", "source"),
    CONSTRAINT "valuation_snapshots_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "positioning_observations" (
    "segment" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "unit" TEXT NOT NULL,

    PRIMARY KEY ("segment", "date", "source")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "provider" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "range_from" TEXT,
    "range_to" TEXT,
    "rows_added" INTEGER NOT NULL DEFAULT 0,
    "rows_updated" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "started_at" DATETIME NOT NULL,
    "finished_at" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "instruments_symbol_key" ON "instruments"("symbol");

-- CreateIndex
CREATE INDEX "instruments_kind_segment_idx" ON "instruments"("kind", "segment");

-- CreateIndex
CREATE UNIQUE INDEX "economic_series_code_key" ON "economic_series"("code");

-- CreateIndex
CREATE INDEX "ingest_runs_provider_target_started_at_idx" ON "ingest_runs"("provider", "target", "started_at");
