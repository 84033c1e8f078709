/**
 * What the importer knows about CycleLens' instruments and series: names, kinds, segments,
 * benchmarks, FRED titles/units/frequencies (used when FRED is read without an API key), the
 * default provider of each, and the `core` and `macro` presets.
 */
import type { ProviderName } from "./providers/provider.js";
import type { InstrumentWrite, SeriesWrite } from "./store/port.js";

export type InstrumentInfo = Omit<InstrumentWrite, "provenance">;
export type SeriesInfo = Omit<SeriesWrite, "provenance">;

export const FRED_SOURCE = "Board of Governors of the Federal Reserve System (US) via FRED";

export const INSTRUMENTS: Record<string, InstrumentInfo> = {
  IWM: {
    symbol: "IWM",
    name: "iShares Russell 2000 ETF",
    kind: "ETF",
    segment: "small_cap",
    benchmarkSymbol: "^RUT",
    inceptionDate: "2000-05-22",
  },
  SPY: {
    symbol: "SPY",
    name: "SPDR S&P 500 ETF Trust",
    kind: "ETF",
    segment: "large_cap",
    benchmarkSymbol: "^GSPC",
    inceptionDate: "1993-01-22",
  },
  KRE: {
    symbol: "KRE",
    name: "SPDR S&P Regional Banking ETF",
    kind: "ETF",
    segment: "regional_banks",
    // the index KRE tracks: S&P Regional Banks Select Industry Index
    benchmarkSymbol: "^SPSIRBK",
    inceptionDate: "2006-06-19",
  },
  QQQ: {
    symbol: "QQQ",
    name: "Invesco QQQ Trust",
    kind: "ETF",
    segment: "tech",
    // the index QQQ tracks: Nasdaq-100
    benchmarkSymbol: "^NDX",
    inceptionDate: "1999-03-10",
  },
  RSP: {
    symbol: "RSP",
    name: "Invesco S&P 500 Equal Weight ETF",
    kind: "ETF",
    segment: "equal_weight",
    benchmarkSymbol: "SPY",
    inceptionDate: "2003-04-24",
  },
  XLY: {
    symbol: "XLY",
    name: "Consumer Discretionary Select Sector SPDR Fund",
    kind: "ETF",
    segment: "cyclicals",
    benchmarkSymbol: null,
    inceptionDate: "1998-12-16",
  },
  XLP: {
    symbol: "XLP",
    name: "Consumer Staples Select Sector SPDR Fund",
    kind: "ETF",
    segment: "defensives",
    benchmarkSymbol: null,
    inceptionDate: "1998-12-16",
  },
  "^RUT": {
    symbol: "^RUT",
    name: "Russell 2000 Index",
    kind: "INDEX",
    segment: "small_cap",
    benchmarkSymbol: null,
    inceptionDate: null,
  },
  "^GSPC": {
    symbol: "^GSPC",
    name: "S&P 500 Index",
    kind: "INDEX",
    segment: "large_cap",
    benchmarkSymbol: null,
    inceptionDate: null,
  },
};

const treasury = (years: number): SeriesInfo => ({
  code: `DGS${years}`,
  title: `Market Yield on U.S. Treasury Securities at ${years}-Year Constant Maturity, Quoted on an Investment Basis`,
  unit: "percent",
  frequency: "daily",
  source: FRED_SOURCE,
});

const FRED_STLOUIS = "Federal Reserve Bank of St. Louis (FRED)";
const BLS_SOURCE = "U.S. Bureau of Labor Statistics via FRED";

export const SERIES: Record<string, SeriesInfo> = {
  DFEDTARU: {
    code: "DFEDTARU",
    title: "Federal Funds Target Range - Upper Limit",
    unit: "percent",
    frequency: "daily",
    source: FRED_SOURCE,
  },
  DFEDTARL: {
    code: "DFEDTARL",
    title: "Federal Funds Target Range - Lower Limit",
    unit: "percent",
    frequency: "daily",
    source: FRED_SOURCE,
  },
  DFEDTAR: {
    code: "DFEDTAR",
    title: "Federal Funds Target Rate (DISCONTINUED)",
    unit: "percent",
    frequency: "daily",
    source: FRED_SOURCE,
  },
  DFF: {
    code: "DFF",
    title: "Federal Funds Effective Rate",
    unit: "percent",
    frequency: "daily",
    source: FRED_SOURCE,
  },
  FEDFUNDS: {
    code: "FEDFUNDS",
    title: "Federal Funds Effective Rate",
    unit: "percent",
    frequency: "monthly",
    source: FRED_SOURCE,
  },
  DGS2: treasury(2),
  DGS10: treasury(10),
  DGS3MO: {
    code: "DGS3MO",
    title:
      "Market Yield on U.S. Treasury Securities at 3-Month Constant Maturity, Quoted on an Investment Basis",
    unit: "percent",
    frequency: "daily",
    source: FRED_SOURCE,
  },
  T10Y2Y: {
    code: "T10Y2Y",
    title: "10-Year Treasury Constant Maturity Minus 2-Year Treasury Constant Maturity",
    unit: "percent",
    frequency: "daily",
    source: FRED_STLOUIS,
  },
  T10Y3M: {
    code: "T10Y3M",
    title: "10-Year Treasury Constant Maturity Minus 3-Month Treasury Constant Maturity",
    unit: "percent",
    frequency: "daily",
    source: FRED_STLOUIS,
  },
  UNRATE: {
    code: "UNRATE",
    title: "Unemployment Rate",
    unit: "percent",
    frequency: "monthly",
    source: BLS_SOURCE,
  },
  SAHMREALTIME: {
    code: "SAHMREALTIME",
    title: "Real-time Sahm Rule Recession Indicator",
    unit: "percentage points",
    frequency: "monthly",
    source: "Claudia Sahm via FRED",
  },
  SAHMCURRENT: {
    code: "SAHMCURRENT",
    title: "Sahm Rule Recession Indicator",
    unit: "percentage points",
    frequency: "monthly",
    source: "Claudia Sahm via FRED",
  },
  USREC: {
    code: "USREC",
    title:
      "NBER based Recession Indicators for the United States from the Period following the Peak through the Trough",
    unit: "+1 or 0",
    frequency: "monthly",
    source: FRED_STLOUIS,
  },
  USRECD: {
    code: "USRECD",
    title:
      "NBER based Recession Indicators for the United States from the Period following the Peak through the Trough",
    unit: "+1 or 0",
    frequency: "daily",
    source: FRED_STLOUIS,
  },
};

export const PRESETS: Record<string, string[]> = {
  core: [
    "IWM",
    "SPY",
    "KRE",
    "QQQ",
    "^RUT",
    "^GSPC",
    "DFEDTARU",
    "DFEDTARL",
    "DFEDTAR",
    "DFF",
    "FEDFUNDS",
    "DGS2",
    "DGS10",
  ],
  /** The free macro signals (yield curve, labour market, recessions) and the market-internal ratios. */
  macro: [
    "DGS2",
    "DGS10",
    "DGS3MO",
    "T10Y2Y",
    "T10Y3M",
    "UNRATE",
    "SAHMREALTIME",
    "USREC",
    "XLY",
    "XLP",
    "RSP",
  ],
};

export type ItemKind = "instrument" | "series";

export interface ResolvedItem {
  kind: ItemKind;
  /** Upper-case symbol or series code. */
  name: string;
  provider: ProviderName;
}

/**
 * What a name on the command line is: a catalog instrument or series, a FRED code when the
 * provider is fred, otherwise an instrument (any ticker Yahoo/Stooq know).
 * Default providers: FRED for series, Yahoo for instruments (it has the adjusted close).
 */
export function resolveItem(rawName: string, provider?: ProviderName): ResolvedItem {
  const name = rawName.trim().toUpperCase();
  const isSeries = name in SERIES || (provider === "fred" && !(name in INSTRUMENTS));
  if (isSeries) {
    if (provider && provider !== "fred") {
      throw new Error(`${name} is an economic series: only --provider fred serves it`);
    }
    return { kind: "series", name, provider: "fred" };
  }
  if (provider === "fred") throw new Error(`${name} is an instrument: use --provider yahoo or stooq`);
  return { kind: "instrument", name, provider: provider ?? "yahoo" };
}

/** Catalog metadata of an instrument, or a default built from the symbol (and what the provider said). */
export function instrumentInfo(symbol: string, fromProvider: Partial<InstrumentInfo> = {}): InstrumentInfo {
  const s = symbol.toUpperCase();
  const known = INSTRUMENTS[s];
  if (known) return known;
  return {
    symbol: s,
    name: fromProvider.name ?? s,
    kind: fromProvider.kind ?? (s.startsWith("^") ? "INDEX" : "ETF"),
    segment: fromProvider.segment ?? "other",
    benchmarkSymbol: fromProvider.benchmarkSymbol ?? null,
    inceptionDate: fromProvider.inceptionDate ?? null,
  };
}

export function seriesInfo(code: string, fromProvider: Partial<SeriesInfo> = {}): SeriesInfo {
  const c = code.toUpperCase();
  const known = SERIES[c];
  return {
    code: c,
    title: fromProvider.title ?? known?.title ?? c,
    unit: normaliseUnit(fromProvider.unit) ?? known?.unit ?? "",
    frequency: fromProvider.frequency?.toLowerCase().split(",")[0]?.trim() ?? known?.frequency ?? "",
    source: known?.source ?? fromProvider.source ?? "FRED",
  };
}

function normaliseUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  return /^percent$/i.test(unit.trim()) ? "percent" : unit.trim();
}
