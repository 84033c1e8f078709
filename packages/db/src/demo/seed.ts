import type { Database, UpsertResult } from "../types.js";
import { DEMO_END, DEMO_PROVENANCE, DEMO_START, generateDemoData } from "./generate.js";

export interface SeedOptions {
  /** Do nothing when the database already holds any instrument or series (default false: upsert everything). */
  ifEmpty?: boolean;
}

export interface SeedResult {
  skipped: boolean;
  bars: UpsertResult;
  observations: UpsertResult;
  valuations: UpsertResult;
  positioning: UpsertResult;
  durationMs: number;
}

const zero = (): UpsertResult => ({ inserted: 0, updated: 0, unchanged: 0 });
const add = (a: UpsertResult, b: UpsertResult) => {
  a.inserted += b.inserted;
  a.updated += b.updated;
  a.unchanged += b.unchanged;
};

/**
 * Fills the database with the deterministic demo dataset (all rows flagged provenance/source "demo") in one
 * transaction and logs an ingest run. Idempotent: seeding twice adds no rows.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const result: SeedResult = {
    skipped: false,
    bars: zero(),
    observations: zero(),
    valuations: zero(),
    positioning: zero(),
    durationMs: 0,
  };
  if (options.ifEmpty) {
    const [instruments, series] = await Promise.all([db.instruments.list(), db.economicSeries.list()]);
    if (instruments.length > 0 || series.length > 0) {
      result.skipped = true;
      result.durationMs = performance.now() - t0;
      return result;
    }
  }
  const data = generateDemoData();
  const startedAt = new Date();
  await db.transaction(
    async (tx) => {
      const ids = new Map<string, number>();
      for (const inst of data.instruments) {
        const row = await tx.upsertInstrument(inst.input);
        ids.set(row.symbol, row.id);
        add(result.bars, await tx.upsertBars(row.id, inst.bars, { source: DEMO_PROVENANCE }));
      }
      for (const s of data.series) {
        const row = await tx.upsertEconomicSeries(s.input);
        add(result.observations, await tx.upsertObservations(row.id, s.rows, { source: DEMO_PROVENANCE }));
      }
      for (const v of data.valuations) {
        add(
          result.valuations,
          await tx.upsertValuations(ids.get(v.symbol)!, v.rows, { source: DEMO_PROVENANCE }),
        );
      }
      add(result.positioning, await tx.upsertPositioning(data.positioning, { source: DEMO_PROVENANCE }));
      const all = [result.bars, result.observations, result.valuations, result.positioning];
      await tx.recordIngestRun({
        provider: DEMO_PROVENANCE,
        target: "all",
        rangeFrom: DEMO_START,
        rangeTo: DEMO_END,
        rowsAdded: all.reduce((n, r) => n + r.inserted, 0),
        rowsUpdated: all.reduce((n, r) => n + r.updated, 0),
        rowsRejected: 0,
        status: "ok",
        startedAt,
        finishedAt: new Date(),
      });
    },
    { changeSource: "seed" },
  );
  result.durationMs = performance.now() - t0;
  return result;
}
