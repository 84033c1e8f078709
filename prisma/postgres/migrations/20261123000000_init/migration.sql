-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "instruments" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "benchmark_symbol" TEXT,
    "inception_date" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "provenance" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instruments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_bars" (
    "instrument_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "open" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "low" DOUBLE PRECISION,
    "close" DOUBLE PRECISION NOT NULL,
    "adj_close" DOUBLE PRECISION,
    "volume" DOUBLE PRECISION,
    "source" TEXT NOT NULL,

    CONSTRAINT "daily_bars_pkey" PRIMARY KEY ("instrument_id","date")
);

-- CreateTable
CREATE TABLE "economic_series" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "provenance" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "economic_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "series_observations" (
    "series_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "series_observations_pkey" PRIMARY KEY ("series_id","date")
);

-- CreateTable
CREATE TABLE "valuation_snapshots" (
    "instrument_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "forward_pe" DOUBLE PRECISION,
    "trailing_pe" DOUBLE PRECISION,
    "price_to_book" DOUBLE PRECISION,
    "dividend_yield" DOUBLE PRECISION,

    CONSTRAINT "valuation_snapshots_pkey" PRIMARY KEY ("instrument_id","date","source")
);

-- CreateTable
CREATE TABLE "positioning_observations" (
    "segment" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,

    CONSTRAINT "positioning_observations_pkey" PRIMARY KEY ("segment","date","source")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "range_from" TEXT,
    "range_to" TEXT,
    "rows_added" INTEGER NOT NULL DEFAULT 0,
    "rows_updated" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "instruments_symbol_key" ON "instruments"("symbol");

-- CreateIndex
CREATE INDEX "instruments_kind_segment_idx" ON "instruments"("kind", "segment");

-- CreateIndex
CREATE UNIQUE INDEX "economic_series_code_key" ON "economic_series"("code");

-- CreateIndex
CREATE INDEX "ingest_runs_provider_target_started_at_idx" ON "ingest_runs"("provider", "target", "started_at");

-- AddForeignKey
ALTER TABLE "daily_bars" ADD CONSTRAINT "daily_bars_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "series_observations" ADD CONSTRAINT "series_observations_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "economic_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "valuation_snapshots" ADD CONSTRAINT "valuation_snapshots_instrument_id_fkey" FOREIGN KEY ("instrument_id") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
