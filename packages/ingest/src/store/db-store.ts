/**
 * The {@link IngestStore} port over @cyclelens/db (SQLite or PostgreSQL).
 *
 * - Look-ups: `instruments.bySymbols` / `economicSeries.byCodes`; last stored dates and row
 *   sources from `dataset.coverage()` (one aggregate statement per table).
 * - Writes: the db package's bulk upserts (idempotent, counting inserted/updated/unchanged) inside
 *   `transactionWithDemoPurge`, i.e. `db.transaction` plus the demo-row deletes of the provenance
 *   rule, on the same transaction.
 */
import {
  type Database,
  type DemoPurge,
  epochDayToISO,
  type Repositories,
  transactionWithDemoPurge,
} from "@cyclelens/db";
import type { BarRow, CorporateActionRow } from "../types.js";
import type {
  IngestRunRecord,
  IngestStore,
  IngestTx,
  InstrumentRecord,
  SeriesRecord,
  StoredInstrument,
  StoredSeries,
} from "./port.js";

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

async function instrumentRecord(r: Repositories, symbol: string): Promise<InstrumentRecord | null> {
  const i = (await r.instruments.bySymbols([symbol]))[0];
  if (!i) return null;
  return {
    id: i.id,
    symbol: i.symbol,
    name: i.name,
    kind: i.kind,
    segment: i.segment,
    benchmarkSymbol: i.benchmarkSymbol,
    inceptionDate: i.inceptionDate,
    provenance: i.provenance,
  };
}

async function seriesRecord(r: Repositories, code: string): Promise<SeriesRecord | null> {
  const s = (await r.economicSeries.byCodes([code]))[0];
  if (!s) return null;
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    unit: s.unit,
    frequency: s.frequency,
    source: s.source,
    provenance: s.provenance,
  };
}

class DbTx implements IngestTx {
  constructor(
    private readonly r: Repositories,
    private readonly purge: DemoPurge,
  ) {}

  instrument(symbol: string) {
    return instrumentRecord(this.r, symbol);
  }

  series(code: string) {
    return seriesRecord(this.r, code);
  }

  async readBars(instrumentId: number, from: string, to: string): Promise<BarRow[]> {
    const cols = (await this.r.bars.forInstruments([instrumentId], { from, to })).get(instrumentId);
    if (!cols) return [];
    const out: BarRow[] = new Array(cols.dates.length);
    for (let i = 0; i < cols.dates.length; i++) {
      out[i] = {
        date: epochDayToISO(cols.dates[i]!),
        open: orNull(cols.open[i]),
        high: orNull(cols.high[i]),
        low: orNull(cols.low[i]),
        close: cols.close[i]!,
        adjClose: orNull(cols.adjClose[i]),
        volume: orNull(cols.volume[i]),
      };
    }
    return out;
  }

  async readObservations(seriesId: number, from: string, to: string) {
    const series = (await this.r.observations.forSeries([seriesId], { from, to })).get(seriesId);
    if (!series) return [];
    return Array.from(series.dates, (d, i) => ({ date: epochDayToISO(d), value: series.values[i]! }));
  }

  async upsertInstrument(input: Parameters<IngestTx["upsertInstrument"]>[0]) {
    return (await this.r.upsertInstrument(input)).id;
  }

  async upsertSeries(input: Parameters<IngestTx["upsertSeries"]>[0]) {
    return (await this.r.upsertEconomicSeries(input)).id;
  }

  deleteDemoBars(id: number) {
    return this.purge.bars(id);
  }
  deleteDemoObservations(id: number) {
    return this.purge.observations(id);
  }
  deleteDemoValuations(id: number) {
    return this.purge.valuations(id);
  }
  deleteDemoCorporateActions(id: number) {
    return this.purge.corporateActions(id);
  }
  deleteDemoPositioning(segment: string) {
    return this.purge.positioning(segment);
  }

  upsertBars(id: number, rows: readonly BarRow[], source: string) {
    return this.r.upsertBars(id, rows, { source });
  }
  upsertObservations(id: number, rows: Parameters<IngestTx["upsertObservations"]>[1], source: string) {
    return this.r.upsertObservations(id, rows, { source });
  }
  upsertValuations(id: number, rows: Parameters<IngestTx["upsertValuations"]>[1], source: string) {
    return this.r.upsertValuations(id, rows, { source });
  }
  upsertPositioning(rows: Parameters<IngestTx["upsertPositioning"]>[0], source: string) {
    return this.r.upsertPositioning(rows, { source });
  }
  upsertCorporateActions(id: number, rows: readonly CorporateActionRow[], source: string) {
    return this.r.upsertCorporateActions(id, rows, { source });
  }
}

export class DbStore implements IngestStore {
  readonly description: string;

  constructor(
    readonly db: Database,
    private readonly ownsDb = true,
  ) {
    this.description = `${db.provider} ${db.url}`;
  }

  async instrument(symbol: string): Promise<StoredInstrument | null> {
    const rec = await instrumentRecord(this.db, symbol);
    if (!rec) return null;
    const cov = (await this.db.dataset.coverage()).instruments.find((c) => c.id === rec.id);
    return { ...rec, lastDate: cov?.lastDate ?? null, sources: cov?.sources ?? [] };
  }

  async series(code: string): Promise<StoredSeries | null> {
    const rec = await seriesRecord(this.db, code);
    if (!rec) return null;
    const cov = (await this.db.dataset.coverage()).series.find((c) => c.id === rec.id);
    return { ...rec, lastDate: cov?.lastDate ?? null, sources: cov?.sources ?? [] };
  }

  transaction<T>(fn: (tx: IngestTx) => Promise<T>): Promise<T> {
    return transactionWithDemoPurge(this.db, (r, purge) => fn(new DbTx(r, purge)));
  }

  async recordRun(run: IngestRunRecord): Promise<void> {
    await this.db.recordIngestRun(run);
  }

  async close(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }
}
