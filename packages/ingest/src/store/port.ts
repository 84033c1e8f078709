/**
 * The storage port of the importer: the few reads and writes the pipeline needs. Implemented over
 * @cyclelens/db by {@link ../store/db-store.ts} and in memory by {@link ../store/memory-store.ts}
 * (tests). Every write of one item runs inside `transaction`, which commits all or nothing.
 */
import type { BarRow, CorporateActionRow, InstrumentKind, ObservationRow, PositioningRow } from "../types.js";

/** An instrument as stored (metadata and provenance). */
export interface InstrumentRecord {
  id: number;
  symbol: string;
  name: string;
  kind: InstrumentKind;
  segment: string;
  benchmarkSymbol: string | null;
  inceptionDate: string | null;
  /** "demo" or the real source(s) of its data. */
  provenance: string;
}

/** An instrument with the coverage of its bars. */
export interface StoredInstrument extends InstrumentRecord {
  /** Last bar date, ISO; null without bars. */
  lastDate: string | null;
  /** Distinct sources of the stored bars. */
  sources: string[];
}

export interface SeriesRecord {
  id: number;
  code: string;
  title: string;
  unit: string;
  frequency: string;
  source: string;
  provenance: string;
}

export interface StoredSeries extends SeriesRecord {
  lastDate: string | null;
  sources: string[];
}

export interface InstrumentWrite {
  symbol: string;
  name: string;
  kind: InstrumentKind;
  segment: string;
  benchmarkSymbol: string | null;
  inceptionDate: string | null;
  provenance: string;
}

export interface SeriesWrite {
  code: string;
  title: string;
  unit: string;
  frequency: string;
  /** Publisher, e.g. "Board of Governors of the Federal Reserve System (US) via FRED". */
  source: string;
  provenance: string;
}

export interface ValuationWrite {
  date: string;
  forwardPE: number | null;
  trailingPE: number | null;
  priceToBook: number | null;
  dividendYield: number | null;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Reads and writes available inside a transaction. */
export interface IngestTx {
  instrument(symbol: string): Promise<InstrumentRecord | null>;
  series(code: string): Promise<SeriesRecord | null>;
  /** Stored bars of an instrument in [from, to], ordered by date (missing values null). */
  readBars(instrumentId: number, from: string, to: string): Promise<BarRow[]>;
  /** Stored observations of a series in [from, to], ordered by date. */
  readObservations(seriesId: number, from: string, to: string): Promise<ObservationRow[]>;
  /** Insert or update by symbol; returns the id. */
  upsertInstrument(input: InstrumentWrite): Promise<number>;
  upsertSeries(input: SeriesWrite): Promise<number>;
  /** Deletes the instrument's bars whose source is "demo"; returns how many. */
  deleteDemoBars(instrumentId: number): Promise<number>;
  deleteDemoObservations(seriesId: number): Promise<number>;
  deleteDemoValuations(instrumentId: number): Promise<number>;
  deleteDemoCorporateActions(instrumentId: number): Promise<number>;
  deleteDemoPositioning(segment: string): Promise<number>;
  upsertBars(instrumentId: number, rows: readonly BarRow[], source: string): Promise<WriteCounts>;
  upsertObservations(seriesId: number, rows: readonly ObservationRow[], source: string): Promise<WriteCounts>;
  upsertValuations(
    instrumentId: number,
    rows: readonly ValuationWrite[],
    source: string,
  ): Promise<WriteCounts>;
  upsertPositioning(rows: readonly Omit<PositioningRow, "source">[], source: string): Promise<WriteCounts>;
  /** Dividends and splits, keyed by (instrument, date, kind, source). */
  upsertCorporateActions(
    instrumentId: number,
    rows: readonly CorporateActionRow[],
    source: string,
  ): Promise<WriteCounts>;
}

export interface IngestRunRecord {
  provider: string;
  target: string;
  rangeFrom: string | null;
  rangeTo: string | null;
  rowsAdded: number;
  rowsUpdated: number;
  rowsRejected: number;
  status: "ok" | "partial" | "failed";
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
}

export interface IngestStore {
  /** Read-only look-ups outside any transaction. */
  instrument(symbol: string): Promise<StoredInstrument | null>;
  series(code: string): Promise<StoredSeries | null>;
  /** Runs `fn` in one transaction: everything commits, or nothing does when `fn` throws. */
  transaction<T>(fn: (tx: IngestTx) => Promise<T>): Promise<T>;
  /** Appends to the ingest-run log (outside the item's transaction, so failures are logged too). */
  recordRun(run: IngestRunRecord): Promise<void>;
  /** e.g. "sqlite file:/tmp/x.db". */
  readonly description: string;
  close(): Promise<void>;
}
