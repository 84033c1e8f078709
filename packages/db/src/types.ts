import type { PolicyDecision } from "./reference/fomc.js";
/**
 * The public interface of @cyclelens/db. The API (apps/api) and the importers (packages/ingest) code against
 * these types only; the two generated Prisma clients (SQLite, PostgreSQL) stay private.
 *
 * Dates: every calendar date crossing this interface as text is ISO `YYYY-MM-DD`; columnar reads return
 * epoch days (days since 1970-01-01) in an `Int32Array`, the convention of @cyclelens/core.
 */

/** `YYYY-MM-DD`. */
export type ISODate = string;

export type Provider = "sqlite" | "postgresql";

/** Inclusive date range; a missing bound is open. */
export interface DateRange {
  from?: ISODate | undefined;
  to?: ISODate | undefined;
}

/**
 * One read window of a history: an instrument or series id and an inclusive date range (a missing bound is
 * open). Several windows may name the same id.
 */
export interface DateWindow extends DateRange {
  id: number;
}

/** Structurally identical to `Series` of @cyclelens/core: strictly increasing epoch days and one value each. */
export interface Series {
  readonly dates: Int32Array;
  readonly values: Float64Array;
}

export type InstrumentKind = "ETF" | "INDEX";

/** "demo" for the generated demo dataset, otherwise the name of the real source (e.g. "yahoo", "fred"). */
export type Provenance = string;

export interface Instrument {
  id: number;
  /** Upper case, e.g. "IWM", "^RUT". */
  symbol: string;
  name: string;
  kind: InstrumentKind;
  /** e.g. "small_cap", "large_cap", "regional_banks", "tech", "broad". */
  segment: string;
  benchmarkSymbol: string | null;
  inceptionDate: ISODate | null;
  currency: string;
  provenance: Provenance;
  updatedAt: Date;
}

export interface InstrumentInput {
  /** Stored upper case. */
  symbol: string;
  name: string;
  kind: InstrumentKind;
  segment: string;
  benchmarkSymbol?: string | null | undefined;
  inceptionDate?: ISODate | null | undefined;
  currency?: string | undefined;
  provenance: Provenance;
}

export interface InstrumentFilter {
  kind?: InstrumentKind | undefined;
  segment?: string | undefined;
  /** Case-insensitive. */
  symbols?: readonly string[] | undefined;
}

/** Daily bars of one instrument, one array per column, ordered by date. `NaN` marks a missing value. */
export interface BarColumns {
  readonly dates: Int32Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
  readonly volume: Float64Array;
}

/** One bar to write. Missing / null / NaN values are stored as NULL (close is required). */
export interface BarRow {
  date: ISODate;
  open?: number | null | undefined;
  high?: number | null | undefined;
  low?: number | null | undefined;
  close: number;
  adjClose?: number | null | undefined;
  volume?: number | null | undefined;
}

export interface EconomicSeriesInfo {
  id: number;
  /** FRED-style code, e.g. "DFEDTARU", "DFF", "DGS10". */
  code: string;
  title: string;
  unit: string;
  frequency: string;
  source: string;
  provenance: Provenance;
  updatedAt: Date;
}

export interface EconomicSeriesInput {
  code: string;
  title: string;
  unit: string;
  frequency: string;
  source: string;
  provenance: Provenance;
}

export interface ObservationRow {
  date: ISODate;
  value: number;
}

/** Valuation snapshots of one instrument, columnar, ordered by date. `NaN` marks a missing value. */
export interface ValuationColumns {
  readonly dates: Int32Array;
  readonly forwardPE: Float64Array;
  readonly trailingPE: Float64Array;
  readonly priceToBook: Float64Array;
  readonly dividendYield: Float64Array;
  /** Source of the latest snapshot. */
  readonly source: string;
  /** All sources present (when several sources report the same date, a non-demo source wins, then A→Z). */
  readonly sources: readonly string[];
}

export interface ValuationRow {
  date: ISODate;
  forwardPE?: number | null | undefined;
  trailingPE?: number | null | undefined;
  priceToBook?: number | null | undefined;
  /** Percent, e.g. 1.3 for 1.3 %. */
  dividendYield?: number | null | undefined;
}

/** Positioning of one segment: a Series plus its unit and source. */
export interface PositioningSeries extends Series {
  readonly segment: string;
  readonly unit: string;
  /** Source of the latest observation. */
  readonly source: string;
  readonly sources: readonly string[];
}

export interface PositioningRow {
  segment: string;
  date: ISODate;
  value: number;
  /** e.g. "net_pct_overweight". */
  unit: string;
}

export type CorporateActionKind = "dividend" | "split";

/**
 * A dividend or a split of an instrument. A dividend has `amount` (cash per share, in the instrument's currency)
 * and null `numerator` / `denominator`; a split has `numerator` shares after for `denominator` shares before
 * (2-for-1: 2 and 1; a 1-for-10 reverse split: 1 and 10; prices before it divide by numerator / denominator)
 * and a null `amount`.
 */
export interface CorporateAction {
  /** Ex-date, exchange-local. */
  date: ISODate;
  kind: CorporateActionKind;
  amount: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "demo" or the real source of this row (e.g. "yahoo"). */
  source: string;
}

/** One action to write: `amount` (> 0) for a dividend, `numerator` and `denominator` (> 0) for a split. */
export interface CorporateActionRow {
  date: ISODate;
  kind: CorporateActionKind;
  amount?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
}

/** Options of the bulk writes. */
export interface WriteOptions {
  /** Source recorded on each row; defaults to the instrument's / series' provenance ("demo" for positioning). */
  source?: string | undefined;
}

/** What a bulk upsert did. inserted + updated + unchanged = number of distinct input rows. */
export interface UpsertResult {
  inserted: number;
  /** Existing rows whose values changed. */
  updated: number;
  /** Existing rows written again with identical values (not touched). */
  unchanged: number;
}

export type IngestStatus = "ok" | "partial" | "failed" | "running";

export interface IngestRunInput {
  provider: string;
  target: string;
  rangeFrom?: ISODate | null | undefined;
  rangeTo?: ISODate | null | undefined;
  rowsAdded?: number | undefined;
  rowsUpdated?: number | undefined;
  rowsRejected?: number | undefined;
  status: IngestStatus;
  error?: string | null | undefined;
  startedAt: Date;
  finishedAt?: Date | null | undefined;
}

export interface IngestRun {
  id: number;
  provider: string;
  target: string;
  rangeFrom: ISODate | null;
  rangeTo: ISODate | null;
  rowsAdded: number;
  rowsUpdated: number;
  rowsRejected: number;
  status: IngestStatus;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface RowCoverage {
  /** Distinct row sources, A→Z (e.g. ["demo"], ["yahoo"], ["demo", "yahoo"]). */
  sources: string[];
  firstDate: ISODate | null;
  lastDate: ISODate | null;
  rows: number;
}

export interface InstrumentCoverage extends RowCoverage {
  id: number;
  symbol: string;
  kind: InstrumentKind;
  segment: string;
  provenance: Provenance;
  updatedAt: Date;
}

export interface SeriesCoverage extends RowCoverage {
  id: number;
  code: string;
  title: string;
  provenance: Provenance;
  updatedAt: Date;
}

export interface ValuationCoverage extends RowCoverage {
  instrumentId: number;
  symbol: string;
}

export interface PositioningCoverage extends RowCoverage {
  segment: string;
}

/** A stored FOMC decision (see `FOMC_DECISIONS`) with its provenance ("federal-reserve"). */
export interface StoredPolicyDecision extends PolicyDecision {
  readonly provenance: string;
}

/** "demo": only demo rows; "imported": only real sources; "mixed": both; "empty": no data at all. */
export type DatasetLabel = "demo" | "imported" | "mixed" | "empty";

export interface DatasetCoverage {
  dataset: DatasetLabel;
  instruments: InstrumentCoverage[];
  series: SeriesCoverage[];
  valuations: ValuationCoverage[];
  positioning: PositioningCoverage[];
}

/** The repositories. Every read is ONE SQL statement, whatever the number of ids. */
export interface Repositories {
  instruments: {
    /** Ordered by symbol. */
    list(filter?: InstrumentFilter): Promise<Instrument[]>;
    /** Case-insensitive ("iwm" finds IWM); unknown symbols are absent; ordered by symbol. */
    bySymbols(symbols: readonly string[]): Promise<Instrument[]>;
  };
  bars: {
    /** Bars per instrument id (ids without bars in the range map to empty columns), ordered by date. */
    forInstruments(ids: readonly number[], range?: DateRange): Promise<Map<number, BarColumns>>;
    /**
     * The bars of each window, in the order of `windows` (empty columns where a window holds none): ONE
     * statement for all of them (per 20,000 rows), read columnar without one object per row (see reads.ts).
     */
    forWindows(windows: readonly DateWindow[]): Promise<BarColumns[]>;
  };
  economicSeries: {
    /** Ordered by code. */
    list(): Promise<EconomicSeriesInfo[]>;
    /** Case-insensitive codes; unknown codes are absent. */
    byCodes(codes: readonly string[]): Promise<EconomicSeriesInfo[]>;
  };
  observations: {
    forSeries(ids: readonly number[], range?: DateRange): Promise<Map<number, Series>>;
    /** The observations of each window, in the order of `windows`: like `bars.forWindows`. */
    forWindows(windows: readonly DateWindow[]): Promise<Series[]>;
  };
  valuations: {
    forInstruments(ids: readonly number[], range?: DateRange): Promise<Map<number, ValuationColumns>>;
  };
  corporateActions: {
    /**
     * Dividends and splits per instrument id in the range (ids without any map to []), ordered by date then kind
     * ("dividend" before "split"). One row per (date, kind): when several sources report it, a non-demo source
     * wins, then A→Z (like valuations). `kind` filters to one kind.
     */
    forInstruments(
      ids: readonly number[],
      range?: DateRange,
      kind?: CorporateActionKind,
    ): Promise<Map<number, CorporateAction[]>>;
  };
  positioning: {
    /** Segments with no rows in the range are absent from the map. */
    forSegments(segments: readonly string[], range?: DateRange): Promise<Map<string, PositioningSeries>>;
  };
  dataset: {
    coverage(): Promise<DatasetCoverage>;
  };
  policyDecisions: {
    /** The FOMC record stored in this database (see `FOMC_DECISIONS`), by effective date. */
    list(): Promise<StoredPolicyDecision[]>;
  };
  /**
   * The dataset version: a counter bumped in the same transaction as every write that changes stored data
   * (rows inserted or updated, instrument or series metadata, demo rows purged). One cheap statement, so a
   * reader can cache history and reload it only when this number moves.
   */
  dataVersion(): Promise<number>;
  /**
   * The dataset change log after `version` (exclusive), oldest first, at most `limit` (default 1,000) rows: one
   * row per committed write transaction that bumped the version, under the version it left (see
   * {@link DatasetChange}). The newest 10,000 versions are kept.
   */
  changesSince(version: number, limit?: number): Promise<DatasetChange[]>;
  ingestRuns: {
    /** Most recent first. */
    list(filter?: { provider?: string; target?: string; limit?: number }): Promise<IngestRun[]>;
  };

  /**
   * Makes the stored FOMC record equal to `decisions` (provenance `provenance`): one read, and only when they
   * differ one transaction that replaces it and bumps the dataset version. `migrate()` calls it with the built-in
   * record, so every database has it.
   */
  syncPolicyDecisions(
    decisions: readonly PolicyDecision[],
    provenance: string,
  ): Promise<{ changed: boolean; count: number }>;
  /** Insert or update by symbol (stored upper case). */
  upsertInstrument(input: InstrumentInput): Promise<Instrument>;
  /** Insert or update by code. */
  upsertEconomicSeries(input: EconomicSeriesInput): Promise<EconomicSeriesInfo>;
  /** Idempotent bulk upsert keyed by (instrument, date); atomic. Throws InvalidRowError on a malformed row. */
  upsertBars(instrumentId: number, rows: readonly BarRow[], options?: WriteOptions): Promise<UpsertResult>;
  /** Keyed by (series, date). */
  upsertObservations(
    seriesId: number,
    rows: readonly ObservationRow[],
    options?: WriteOptions,
  ): Promise<UpsertResult>;
  /** Keyed by (instrument, date, source). */
  upsertValuations(
    instrumentId: number,
    rows: readonly ValuationRow[],
    options?: WriteOptions,
  ): Promise<UpsertResult>;
  /**
   * Dividends and splits, keyed by (instrument, date, kind, source); atomic, idempotent, bumps the dataset version
   * when something changed. Throws InvalidRowError on a malformed row (unknown kind, a dividend without a positive
   * amount, a split without positive numerator and denominator); the other kind's fields are ignored.
   */
  upsertCorporateActions(
    instrumentId: number,
    rows: readonly CorporateActionRow[],
    options?: WriteOptions,
  ): Promise<UpsertResult>;
  /** Keyed by (segment, date, source). */
  upsertPositioning(rows: readonly PositioningRow[], options?: WriteOptions): Promise<UpsertResult>;
  recordIngestRun(run: IngestRunInput): Promise<IngestRun>;
}

export interface QueryEvent {
  sql: string;
  durationMs: number;
}

export interface TransactionOptions {
  /** Default 10 minutes. */
  timeoutMs?: number;
  /** Recorded in the dataset change log for this transaction's writes (default: the database's). */
  changeSource?: ChangeSource | undefined;
}

/** Who wrote a change: the ingest CLI, the API's keyed mutations, the migrator, the scheduled refresh, the seed. */
export type ChangeSource = "ingest" | "api" | "migrate" | "refresh" | "seed";

/** The kinds of stored data a change touched. */
export type ChangeKind =
  | "instruments"
  | "series"
  | "bars"
  | "observations"
  | "valuations"
  | "corporateActions"
  | "positioning"
  | "policyDecisions";

/** One committed write transaction that moved the dataset version (a `dataset_changes` row). */
export interface DatasetChange {
  /** The dataset version after the transaction (what `dataVersion()` returned right after it committed). */
  version: number;
  /** When the transaction wrote it (the writer's clock). */
  changedAt: Date;
  source: ChangeSource;
  /** Symbols of the instruments whose rows or metadata changed, sorted. */
  instruments: string[];
  /** Codes of the economic series whose observations or metadata changed, sorted. */
  series: string[];
  /** What kinds of data changed, sorted. */
  kinds: ChangeKind[];
}

export interface WatchOptions {
  /**
   * SQLite only: how often the watcher reads the dataset version (one indexed single-row read), default 250 ms.
   * Taken from the first `watchDataset` call of a database (one watcher per database).
   */
  pollIntervalMs?: number | undefined;
  /** Errors of the watcher (a lost LISTEN connection, a failed read, a listener that threw); default: ignored. */
  onError?: ((error: Error) => void) | undefined;
}

/** A registration of `watchDataset`. */
export interface DatasetWatch {
  /** Resolves once the watcher listens (PostgreSQL: LISTEN issued; SQLite: first version read). */
  readonly ready: Promise<void>;
  /** Unregisters the listener; the last one stops the watcher (and its connection). */
  close(): Promise<void>;
}

/** A connected database (SQLite or PostgreSQL). Create with `createDatabase`. */
export interface Database extends Repositories {
  readonly provider: Provider;
  /** The URL with any password removed. */
  readonly url: string;
  /** Runs `fn` in one transaction: all writes commit together or none does (rollback on throw). */
  transaction<T>(fn: (tx: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Called after each SQL statement sent to the database (counted at the driver adapter). Returns an unsubscribe. */
  onQuery(listener: (e: QueryEvent) => void): () => void;
  /**
   * Calls `listener` with every dataset change committed after the watch started, by any writer: this process,
   * the ingest CLI, another API instance. One watcher per database object, shared by its listeners. PostgreSQL:
   * one dedicated connection LISTENs on `cyclelens_dataset` (notified by the writing transaction on commit),
   * reconnects with backoff when lost and then reads the changes it missed from the log. SQLite: polls the
   * dataset version every `pollIntervalMs` (default 250 ms) and reads the log when it moved. Changes arrive
   * in version order, each once.
   */
  watchDataset(listener: (change: DatasetChange) => void, options?: WatchOptions): DatasetWatch;
  close(): Promise<void>;
}

export type LogLevel = "query" | "info" | "warn" | "error";

export interface CreateDatabaseOptions {
  /** Defaults to DATABASE_URL, then `file:./data/cyclelens.db` at the repo root. */
  url?: string | undefined;
  /** Prisma log levels written to stdout/stderr (default: none). */
  log?: readonly LogLevel[] | undefined;
  /**
   * SQLite: how long a write waits for another writer's lock before failing with `DatabaseBusyError`
   * (default 60,000 ms). The wait is polite and asynchronous: retries with a growing pause, never a blocked
   * event loop.
   */
  lockTimeoutMs?: number | undefined;
  /** Recorded in the dataset change log for this database's writes (default "api"). */
  changeSource?: ChangeSource | undefined;
}

export interface MigrateOptions {
  /** Migrations folder; defaults to prisma/migrations (SQLite) or prisma/postgres/migrations at the repo root. */
  dir?: string | undefined;
  /** Progress messages. */
  log?: ((message: string) => void) | undefined;
  /** Store the built-in reference data (the FOMC record) after migrating. Default: true unless `dir` is given. */
  referenceData?: boolean | undefined;
}

export interface MigrateResult {
  /** Names of the migrations applied by this call. */
  applied: string[];
  /** Number of migrations that were already applied. */
  alreadyApplied: number;
}
