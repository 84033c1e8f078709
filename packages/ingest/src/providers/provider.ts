/**
 * The provider interface: every data source answers "bars of an instrument" and/or "observations
 * of a series" for a date range, with rows located for validation and provider errors typed.
 */
import type { HttpOptions } from "../http.js";
import type {
  BarRow,
  DateRange,
  DividendEvent,
  InstrumentKind,
  ObservationRow,
  Parsed,
  SeriesMeta,
  SplitEvent,
} from "../types.js";

export type ProviderName = "fred" | "stooq" | "yahoo";
export const PROVIDER_NAMES: readonly ProviderName[] = ["fred", "stooq", "yahoo"];

export interface BarsResult extends Parsed<BarRow> {
  /** What the provider says about the instrument (Yahoo's name, type and first trade date), if anything. */
  meta?: { name?: string; kind?: InstrumentKind; inceptionDate?: string };
  splits?: SplitEvent[];
  dividends?: DividendEvent[];
}

export interface SeriesResult extends Parsed<ObservationRow> {
  /** Title, unit and frequency when the provider returns them (FRED API with a key). */
  meta?: Partial<SeriesMeta>;
}

export interface BarsProvider {
  readonly name: ProviderName;
  fetchBars(symbol: string, range: DateRange): Promise<BarsResult>;
}

export interface SeriesProvider {
  readonly name: ProviderName;
  fetchSeries(code: string, range: DateRange): Promise<SeriesResult>;
}

export type Provider = (BarsProvider | SeriesProvider) & { readonly name: ProviderName };

export interface ProviderOptions extends HttpOptions {
  /** Today's date, ISO (default: the machine's UTC date); the default end of ranges. */
  today?: string;
}

export function isBarsProvider(p: Provider): p is BarsProvider & Provider {
  return typeof (p as BarsProvider).fetchBars === "function";
}

export function isSeriesProvider(p: Provider): p is SeriesProvider & Provider {
  return typeof (p as SeriesProvider).fetchSeries === "function";
}

/** First date asked for when no `from` is given: far enough back for every provider's full history. */
export const EARLIEST = "1900-01-01";
