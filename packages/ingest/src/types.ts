/** Rows and results shared by the providers, the CSV importer and the pipeline. All dates are ISO `YYYY-MM-DD`. */

/**
 * A daily bar. Open, high and low are null for close-only sources (index closes, `date,close`
 * files); `adjClose` is null when the source says nothing about adjustment (a CSV without an
 * adjusted-close column) and equals `close` for Stooq (its close is split-adjusted already);
 * `volume` is null when the source has none.
 */
export interface BarRow {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
}

export interface ObservationRow {
  date: string;
  value: number;
}

export interface ValuationRow {
  symbol: string;
  date: string;
  source: string;
  forwardPE: number | null;
  trailingPE: number | null;
  priceToBook: number | null;
  dividendYield: number | null;
}

export interface PositioningRow {
  segment: string;
  date: string;
  source: string;
  value: number;
  unit: string;
}

/** A row that was refused, with where it came from and why. */
export interface Rejection {
  /** File name, or the provider's URL/label for fetched data. */
  file: string;
  /** 1-based line in the file (header = line 1); for JSON answers, the 1-based position of the point. */
  line: number;
  reason: string;
}

/** A parsed row and the line it came from. */
export interface Located<T> {
  line: number;
  row: T;
}

/** What a parser or a provider hands to validation. */
export interface Parsed<T> {
  /** File name or provider label used in rejections. */
  file: string;
  rows: Located<T>[];
  rejects: Rejection[];
  /** Rows deliberately skipped, e.g. FRED's "." for holidays (not errors). */
  skipped: number;
  /** Rejections beyond the ones kept in `rejects` (a file of millions of bad lines keeps the first 10,000). */
  omitted?: number;
}

export interface DateRange {
  /** Inclusive; undefined = from the beginning of the provider's history. */
  from?: string | undefined;
  /** Inclusive; undefined = up to today. */
  to?: string | undefined;
}

export type InstrumentKind = "ETF" | "INDEX";

export interface SeriesMeta {
  code: string;
  title: string;
  unit: string;
  frequency: string;
}

export interface SplitEvent {
  date: string;
  numerator: number;
  denominator: number;
}

export interface DividendEvent {
  date: string;
  amount: number;
}

/**
 * A corporate action as stored: a dividend (`amount` cash per share, numerator/denominator null) or a split
 * (`numerator` shares after for `denominator` shares before, amount null).
 */
export interface CorporateActionRow {
  date: string;
  kind: "dividend" | "split";
  amount: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A corporate action read from a CSV file (`--kind actions`). */
export interface CorporateActionCsvRow extends CorporateActionRow {
  symbol: string;
  source: string;
}
