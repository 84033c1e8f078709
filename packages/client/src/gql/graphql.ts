/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date YYYY-MM-DD with no time of day or time zone: a bar dated 2024-09-18 is that trading day on every machine. */
  Date: { input: string; output: string; }
};

/** One trading day of an instrument. Prices in the instrument's currency. */
export type Bar = {
  /** Close adjusted for dividends and splits. */
  adjClose?: Maybe<Scalars['Float']['output']>;
  /** Closing price as traded. */
  close: Scalars['Float']['output'];
  /** The trading day. */
  date: Scalars['Date']['output'];
  /** Highest price. */
  high?: Maybe<Scalars['Float']['output']>;
  /** Lowest price. */
  low?: Maybe<Scalars['Float']['output']>;
  /** Opening price. */
  open?: Maybe<Scalars['Float']['output']>;
  /** Shares traded; null for indexes. */
  volume?: Maybe<Scalars['Float']['output']>;
};

/** Bollinger bands on one date: the SMA and the bands k population standard deviations above and below. */
export type BollingerPoint = {
  /** The date. */
  date: Scalars['Date']['output'];
  /** Lower band. */
  lower?: Maybe<Scalars['Float']['output']>;
  /** Middle band (SMA). */
  middle?: Maybe<Scalars['Float']['output']>;
  /** %B: where the price sits between the bands (0 = lower, 1 = upper). */
  percentB?: Maybe<Scalars['Float']['output']>;
  /** Upper band. */
  upper?: Maybe<Scalars['Float']['output']>;
};

/** One calendar year's total return (last close of the year over the last close of the year before). */
export type CalendarYearReturn = {
  /** Exit close date. */
  endDate: Scalars['Date']['output'];
  /** True for a year the data covers only in part. */
  partial: Scalars['Boolean']['output'];
  /** Total return, a fraction. */
  return?: Maybe<Scalars['Float']['output']>;
  /** Entry close date. */
  startDate: Scalars['Date']['output'];
  /** The year. */
  year: Scalars['Int']['output'];
};

/** The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252. */
export type Comparison = {
  /** Jensen's alpha, annualised (risk-free 0). */
  alpha?: Maybe<Scalars['Float']['output']>;
  /** Moving-average length of the ratio, trading days. */
  averagePeriod: Scalars['Int']['output'];
  /** The instrument compared (e.g. IWM). */
  base: Instrument;
  /** Total return of the base. */
  baseReturn?: Maybe<Scalars['Float']['output']>;
  /** The benchmark (e.g. SPY). */
  benchmark: Instrument;
  /** Total return of the benchmark. */
  benchmarkReturn?: Maybe<Scalars['Float']['output']>;
  /** Beta of daily returns to the benchmark's. */
  beta?: Maybe<Scalars['Float']['output']>;
  /** Correlation of daily returns. */
  correlation?: Maybe<Scalars['Float']['output']>;
  /** Every crossing of the ratio and its moving average inside the range. */
  crossovers: Array<RatioCrossover>;
  /** Down-market capture (below 1 = falls less than the benchmark). */
  downCapture?: Maybe<Scalars['Float']['output']>;
  /** Last common day. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Annualised mean return difference over the tracking error. */
  informationRatio?: Maybe<Scalars['Float']['output']>;
  /** The ratio against its average on the last day. */
  leadership: Leadership;
  /** Common trading days in the window, day 0 included. */
  observations: Scalars['Int']['output'];
  /** R² of the regression on the benchmark. */
  rSquared?: Maybe<Scalars['Float']['output']>;
  /** The ratio line base / benchmark; with `rebase` (default) divided by its value on day 0, so 1.05 = 5 % ahead since the start. */
  relativeStrength: Array<Point>;
  /** Moving average of the ratio line, on the same scale as `relativeStrength` with the same `rebase`. */
  relativeStrengthAverage: Array<Point>;
  /** Base return − benchmark return (0.05 = the base did 5 points better). */
  returnGap?: Maybe<Scalars['Float']['output']>;
  /** Beta over a trailing window of daily returns (default 63 ≈ 3 months). */
  rollingBeta: Array<Point>;
  /** Correlation over a trailing window of daily returns (default 63). */
  rollingCorrelation: Array<Point>;
  /** Day 0. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Annualised standard deviation of the return difference. */
  trackingError?: Maybe<Scalars['Float']['output']>;
  /** Up-market capture: geometric mean return on the benchmark's up days relative to the benchmark's. */
  upCapture?: Maybe<Scalars['Float']['output']>;
};


/** The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252. */
export type ComparisonRelativeStrengthArgs = {
  rebase?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252. */
export type ComparisonRelativeStrengthAverageArgs = {
  rebase?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252. */
export type ComparisonRollingBetaArgs = {
  window?: InputMaybe<Scalars['Int']['input']>;
};


/** The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252. */
export type ComparisonRollingCorrelationArgs = {
  window?: InputMaybe<Scalars['Int']['input']>;
};

/** What is stored for one instrument or series. */
export type Coverage = {
  /** First date stored. */
  firstDate?: Maybe<Scalars['Date']['output']>;
  /** True when any stored row is demo data. */
  isDemo: Scalars['Boolean']['output'];
  /** instrument, series, valuation or positioning. */
  kind: Scalars['String']['output'];
  /** Last date stored. */
  lastDate?: Maybe<Scalars['Date']['output']>;
  /** Symbol, series code or segment. */
  name: Scalars['String']['output'];
  /** "demo" or the real source. */
  provenance: Scalars['String']['output'];
  /** Rows stored. */
  rows: Scalars['Int']['output'];
  /** Distinct sources of the stored rows. */
  sources: Array<Scalars['String']['output']>;
  /** Last update of the metadata, ISO 8601 timestamp (UTC). */
  updatedAt?: Maybe<Scalars['String']['output']>;
};

/** Direction of a policy-rate cycle. */
export type CycleDirection =
  /** Rate cuts. */
  | 'EASING'
  /** Rate hikes. */
  | 'TIGHTENING';

/** Base minus benchmark return in the N months after a cycle began (e.g. IWM − SPY). */
export type CycleExcess = {
  /** The instrument studied. */
  base: Instrument;
  /** Base total return. */
  baseReturn?: Maybe<Scalars['Float']['output']>;
  /** The benchmark. */
  benchmark: Instrument;
  /** Benchmark total return. */
  benchmarkReturn?: Maybe<Scalars['Float']['output']>;
  /** False when the horizon runs past the data. */
  complete: Scalars['Boolean']['output'];
  /** Day 0 of the base. */
  entryDate?: Maybe<Scalars['Date']['output']>;
  /** Base − benchmark; positive = base led. */
  excessReturn?: Maybe<Scalars['Float']['output']>;
  /** Exit date of the base. */
  exitDate?: Maybe<Scalars['Date']['output']>;
  /** Calendar months after the start. */
  horizonMonths: Scalars['Int']['output'];
  /** Why it is incomplete. */
  incompleteReason?: Maybe<Scalars['String']['output']>;
};

/** How one instrument did in the N months after a cycle began. */
export type CyclePerformance = {
  /** False when the horizon runs past the data (or starts before it). */
  complete: Scalars['Boolean']['output'];
  /** Day 0: last close on or before the cycle start. */
  entryDate?: Maybe<Scalars['Date']['output']>;
  /** Last close on or before the horizon end. */
  exitDate?: Maybe<Scalars['Date']['output']>;
  /** Why the result is incomplete: starts-before-data or ends-after-data. */
  incompleteReason?: Maybe<Scalars['String']['output']>;
  /** The instrument. */
  instrument: Instrument;
  /** Total return from entry to exit, a fraction. */
  return?: Maybe<Scalars['Float']['output']>;
};

/** The data behind every answer: demo or imported, and what is covered. */
export type Dataset = {
  /** Coverage of each instrument's daily bars. */
  instruments: Array<Coverage>;
  /** True when any answer may come from the generated demo dataset. */
  isDemo: Scalars['Boolean']['output'];
  /** Demo, imported, mixed or empty. */
  label: DatasetLabel;
  /** Coverage of each positioning segment. */
  positioning: Array<Coverage>;
  /** Coverage of each economic series. */
  series: Array<Coverage>;
  /** Coverage of each instrument's valuation snapshots. */
  valuations: Array<Coverage>;
};

/** Which data the API holds. */
export type DatasetLabel =
  /** Only the generated demo dataset: synthetic prices, not market data. */
  | 'DEMO'
  /** No data at all. */
  | 'EMPTY'
  /** Only data imported from real providers or files. */
  | 'IMPORTED'
  /** Some instruments or series are demo data, others imported: check each item's provenance. */
  | 'MIXED';

/** An inclusive span of calendar dates. Either end may be omitted: no `from` means the start of the data, no `to` means the latest data. */
export type DateRange = {
  /** First date included (inclusive). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Last date included (inclusive). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A FRED-style economic series: a policy-rate bound, the effective fed funds rate, a Treasury yield… */
export type EconomicSeries = {
  /** FRED code, e.g. DFEDTARU, DFF, DGS2, DGS10. */
  code: Scalars['String']['output'];
  /** First observation date. */
  firstDate?: Maybe<Scalars['Date']['output']>;
  /** Observation frequency, e.g. daily, monthly. */
  frequency: Scalars['String']['output'];
  /** True for generated demo data. */
  isDemo: Scalars['Boolean']['output'];
  /** Latest observation date. */
  lastDate?: Maybe<Scalars['Date']['output']>;
  /** The latest observation. */
  latest?: Maybe<Point>;
  /** Observations in date order over a range (missing days are absent, not null). */
  observations: Array<Point>;
  /** Where the stored values come from: "demo" for the generated demo dataset, otherwise the provider. */
  provenance: Scalars['String']['output'];
  /** Publisher of the series. */
  source: Scalars['String']['output'];
  /** What the series measures. */
  title: Scalars['String']['output'];
  /** Unit of the values, e.g. percent. */
  unit: Scalars['String']['output'];
};


/** A FRED-style economic series: a policy-rate bound, the effective fed funds rate, a Treasury yield… */
export type EconomicSeriesObservationsArgs = {
  range?: InputMaybe<DateRange>;
};

/** Where a value sits in its own history (the history includes it). */
export type HistoryPosition = {
  /** Mean of the history. */
  mean?: Maybe<Scalars['Float']['output']>;
  /** Share of the history at or below the value, 0–100 (5 = lower only 5 % of the time). */
  percentile?: Maybe<Scalars['Float']['output']>;
  /** Sample standard deviation of the history. */
  stdDev?: Maybe<Scalars['Float']['output']>;
  /** The value. */
  value?: Maybe<Scalars['Float']['output']>;
  /** (value − mean) / sample standard deviation of the history. */
  zScore?: Maybe<Scalars['Float']['output']>;
};

/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type Instrument = {
  /** Wilder's average true range, in price units: the typical daily range including gaps. */
  atr: Array<Point>;
  /** Daily bars in date order, paginated (first/after forward, last/before backward; at most 10000 per page, 1000 by default). */
  bars: InstrumentBarsConnection;
  /** The index this instrument tracks (IWM → ^RUT), when it is known to CycleLens. */
  benchmark?: Maybe<Instrument>;
  /** Bollinger bands: SMA(period) ± k × population standard deviation over the same window. */
  bollinger: Array<BollingerPoint>;
  /** Total return of each calendar year of the history. */
  calendarYearReturns: Array<CalendarYearReturn>;
  /** Currency of the prices (ISO 4217). */
  currency: Scalars['String']['output'];
  /** Drawdown from the highest adjusted close inside `peakWithin` (e.g. 2022) to the close on or before `asOf` (default: latest). */
  drawdown: PeakDrawdown;
  /** Exponential moving average with α = 2 / (period + 1), seeded with the SMA of the first `period` prices. */
  ema: Array<Point>;
  /** First trading day stored. */
  firstDate?: Maybe<Scalars['Date']['output']>;
  /** Inception (launch) date of the fund or index. */
  inception?: Maybe<Scalars['Date']['output']>;
  /** True when the data is the generated demo dataset, not real market data. */
  isDemo: Scalars['Boolean']['output'];
  /** ETF or index. */
  kind: InstrumentKind;
  /** Last trading day stored. */
  lastDate?: Maybe<Scalars['Date']['output']>;
  /** MACD (Appel): fast EMA − slow EMA, its signal EMA and the histogram. */
  macd: Array<MacdPoint>;
  /** Full name. */
  name: Scalars['String']['output'];
  /** Return and risk of the adjusted close over a window (whole history by default). */
  performance: Performance;
  /** Trailing returns (1M … 10Y, YTD) as of a date, by default the last stored close. */
  periodReturns: PeriodReturns;
  /** Where this instrument's data comes from: "demo" for the generated demo dataset, otherwise the provider (yahoo, stooq, csv…). */
  provenance: Scalars['String']['output'];
  /** Sensitivity of the instrument's returns to changes of a yield (default DGS10) over a window. */
  rateSensitivity: RateSensitivity;
  /** This instrument against a benchmark over a range (the same as `compare`). */
  relativeTo: Comparison;
  /** Rate of change: price / price `period` days earlier − 1, as a fraction. */
  roc: Array<Point>;
  /** Wilder's relative strength index, 0–100 (above 70 overbought, below 30 oversold by the usual reading). */
  rsi: Array<Point>;
  /** Market segment: small_cap, large_cap, regional_banks, tech, broad… */
  segment: Scalars['String']['output'];
  /** One column of the daily bars over a range as compact date/value points, for charts. */
  series: Array<Point>;
  /** Simple moving average: mean of the last `period` prices. */
  sma: Array<Point>;
  /** Ticker symbol, upper case (IWM, SPY, ^RUT). */
  symbol: Scalars['String']['output'];
  /** The latest valuation snapshot; null when none is stored. */
  valuation?: Maybe<ValuationSnapshot>;
  /** Valuation snapshots over a range, in date order. */
  valuationHistory: Array<ValuationSnapshot>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentAtrArgs = {
  period?: InputMaybe<Scalars['Int']['input']>;
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentBarsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentBollingerArgs = {
  field?: InputMaybe<PriceField>;
  k?: InputMaybe<Scalars['Float']['input']>;
  period?: InputMaybe<Scalars['Int']['input']>;
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentDrawdownArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  peakWithin: DateRange;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentEmaArgs = {
  field?: InputMaybe<PriceField>;
  period: Scalars['Int']['input'];
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentMacdArgs = {
  fast?: InputMaybe<Scalars['Int']['input']>;
  field?: InputMaybe<PriceField>;
  range?: InputMaybe<DateRange>;
  signal?: InputMaybe<Scalars['Int']['input']>;
  slow?: InputMaybe<Scalars['Int']['input']>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentPerformanceArgs = {
  range?: InputMaybe<DateRange>;
  riskFreeRate?: InputMaybe<Scalars['Float']['input']>;
  riskFreeSeries?: InputMaybe<Scalars['String']['input']>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentPeriodReturnsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentRateSensitivityArgs = {
  frequency?: InputMaybe<SensitivityFrequency>;
  range?: InputMaybe<DateRange>;
  rolling?: InputMaybe<Scalars['Int']['input']>;
  series?: InputMaybe<Scalars['String']['input']>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentRelativeToArgs = {
  averagePeriod?: InputMaybe<Scalars['Int']['input']>;
  benchmark: Scalars['String']['input'];
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentRocArgs = {
  field?: InputMaybe<PriceField>;
  period: Scalars['Int']['input'];
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentRsiArgs = {
  field?: InputMaybe<PriceField>;
  period?: InputMaybe<Scalars['Int']['input']>;
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentSeriesArgs = {
  field?: InputMaybe<PriceField>;
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentSmaArgs = {
  field?: InputMaybe<PriceField>;
  period: Scalars['Int']['input'];
  range?: InputMaybe<DateRange>;
};


/** An ETF or an index with its daily history. Analytic fields compute on that history on request. */
export type InstrumentValuationHistoryArgs = {
  range?: InputMaybe<DateRange>;
};

/** A page of daily bars. */
export type InstrumentBarsConnection = {
  /** The items of this page with their cursors. */
  edges: Array<InstrumentBarsConnectionEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of bars in the whole range (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A daily bar and its cursor. */
export type InstrumentBarsConnectionEdge = {
  /** Opaque cursor of this item, for `after` / `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Bar;
};

/** Narrows the instrument list; all given conditions must hold. */
export type InstrumentFilter = {
  /** Only ETFs or only indexes. */
  kind?: InputMaybe<InstrumentKind>;
  /** Only this segment (small_cap, large_cap, …). */
  segment?: InputMaybe<Scalars['String']['input']>;
  /** Only these symbols (case-insensitive). */
  symbols?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What an instrument is. */
export type InstrumentKind =
  /** An exchange-traded fund (IWM, SPY, KRE, QQQ…). */
  | 'ETF'
  /** A market index (^RUT, ^GSPC); indexes have no volume. */
  | 'INDEX';

/** Is the base leading, and is that turning? The ratio against its moving average on the last day of the range. */
export type Leadership = {
  /** True when the ratio is above its average. */
  aboveAverage?: Maybe<Scalars['Boolean']['output']>;
  /** Its moving average over `averagePeriod` days. */
  average?: Maybe<Scalars['Float']['output']>;
  /** Last common day of the range. */
  date?: Maybe<Scalars['Date']['output']>;
  /** The most recent crossing of the ratio and its average inside the range. */
  lastCrossover?: Maybe<RatioCrossover>;
  /** base / benchmark on that day. */
  ratio?: Maybe<Scalars['Float']['output']>;
  /** ratio / average − 1: positive = the base is above trend (leading). */
  ratioVsAverage?: Maybe<Scalars['Float']['output']>;
};

/** MACD on one date: the line (fast EMA − slow EMA), its signal EMA and the histogram (line − signal). */
export type MacdPoint = {
  /** The date. */
  date: Scalars['Date']['output'];
  /** Histogram; its sign change marks a MACD/signal crossover. */
  histogram?: Maybe<Scalars['Float']['output']>;
  /** MACD line. */
  macd?: Maybe<Scalars['Float']['output']>;
  /** Signal line. */
  signal?: Maybe<Scalars['Float']['output']>;
};

/** The deepest fall from a running peak inside a window, with its dates. */
export type MaxDrawdown = {
  /** Depth as a fraction ≤ 0 (−0.25 = 25 % below the peak); null without data. */
  depth?: Maybe<Scalars['Float']['output']>;
  /** The peak before the trough. */
  peakDate?: Maybe<Scalars['Date']['output']>;
  /** First close back at or above the peak; null while not recovered. */
  recoveryDate?: Maybe<Scalars['Date']['output']>;
  /** The deepest point. */
  troughDate?: Maybe<Scalars['Date']['output']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  /** Cursor of the last item returned. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last one returned. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede the first one returned. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item returned. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** How far an instrument stands below the highest close inside a window (e.g. KRE against its 2022 peak), today or as of a date, and along the way. */
export type PeakDrawdown = {
  /** Date of the close compared with the peak. */
  asOfDate?: Maybe<Scalars['Date']['output']>;
  /** That close. */
  asOfValue?: Maybe<Scalars['Float']['output']>;
  /** asOfValue / peakValue − 1 (−0.3 = 30 % below the peak; positive once above it). */
  drawdown?: Maybe<Scalars['Float']['output']>;
  /** Date of the highest close inside the window. */
  peakDate?: Maybe<Scalars['Date']['output']>;
  /** That highest close. */
  peakValue?: Maybe<Scalars['Float']['output']>;
  /** The same ratio on every date after the peak up to the as-of date. */
  series: Array<Point>;
};

/** Return and risk over a window. Day 0 is the last adjusted close on or before the start date; the exit is the last adjusted close on or before the end date; ratios are annualised with 252 trading days. Undefined figures (e.g. the Sharpe ratio of a constant series) are null. */
export type Performance = {
  /** Compound annual growth rate over the calendar days between entry and exit (/365.25). */
  cagr?: Maybe<Scalars['Float']['output']>;
  /** CAGR divided by the magnitude of the maximum drawdown. */
  calmar?: Maybe<Scalars['Float']['output']>;
  /** Historical one-day expected shortfall (CVaR) at `confidence`, as a positive loss fraction. */
  conditionalValueAtRisk?: Maybe<Scalars['Float']['output']>;
  /** Annualised downside deviation of daily returns below 0 (Sortino & Price). */
  downsideDeviation?: Maybe<Scalars['Float']['output']>;
  /** Date of the exit close. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Exit price. */
  endValue?: Maybe<Scalars['Float']['output']>;
  /** Deepest drawdown inside the window. */
  maxDrawdown: MaxDrawdown;
  /** Number of daily closes in the window, day 0 included. */
  observations: Scalars['Int']['output'];
  /** Annualised Sharpe ratio of daily returns over the risk-free rate; null for zero volatility. */
  sharpe?: Maybe<Scalars['Float']['output']>;
  /** Annualised Sortino ratio (excess return over downside deviation). */
  sortino?: Maybe<Scalars['Float']['output']>;
  /** Date of the entry close (day 0). */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Entry price. */
  startValue?: Maybe<Scalars['Float']['output']>;
  /** Exit / entry − 1, as a fraction (0.12 = +12 %). */
  totalReturn?: Maybe<Scalars['Float']['output']>;
  /** Ulcer index: root mean square of drawdowns from the running peak, as a fraction. */
  ulcerIndex?: Maybe<Scalars['Float']['output']>;
  /** Historical one-day value at risk at `confidence`, as a positive loss fraction. */
  valueAtRisk?: Maybe<Scalars['Float']['output']>;
  /** Annualised volatility: sample standard deviation of daily returns × √252. */
  volatility?: Maybe<Scalars['Float']['output']>;
};


/** Return and risk over a window. Day 0 is the last adjusted close on or before the start date; the exit is the last adjusted close on or before the end date; ratios are annualised with 252 trading days. Undefined figures (e.g. the Sharpe ratio of a constant series) are null. */
export type PerformanceConditionalValueAtRiskArgs = {
  confidence?: InputMaybe<Scalars['Float']['input']>;
};


/** Return and risk over a window. Day 0 is the last adjusted close on or before the start date; the exit is the last adjusted close on or before the end date; ratios are annualised with 252 trading days. Undefined figures (e.g. the Sharpe ratio of a constant series) are null. */
export type PerformanceValueAtRiskArgs = {
  confidence?: InputMaybe<Scalars['Float']['input']>;
};

/** Trailing total returns as of a date (calendar-month offsets, clamped to month end; YTD from the prior year's last close). Null where the history is too short. */
export type PeriodReturns = {
  /** The date they are measured to. */
  asOf?: Maybe<Scalars['Date']['output']>;
  /** 5 years, cumulative. */
  fiveYears?: Maybe<Scalars['Float']['output']>;
  /** 1 month. */
  oneMonth?: Maybe<Scalars['Float']['output']>;
  /** 1 year. */
  oneYear?: Maybe<Scalars['Float']['output']>;
  /** 6 months. */
  sixMonths?: Maybe<Scalars['Float']['output']>;
  /** 10 years, cumulative. */
  tenYears?: Maybe<Scalars['Float']['output']>;
  /** 3 months. */
  threeMonths?: Maybe<Scalars['Float']['output']>;
  /** 3 years, cumulative. */
  threeYears?: Maybe<Scalars['Float']['output']>;
  /** Year to date. */
  yearToDate?: Maybe<Scalars['Float']['output']>;
};

/** One dated value of a series: a price, an indicator value, a ratio, a rate. */
export type Point = {
  /** The calendar date. */
  date: Scalars['Date']['output'];
  /** The value on that date; null where it is undefined (warm-up of an indicator, missing data). */
  value?: Maybe<Scalars['Float']['output']>;
};

/** Where fund managers stand in a segment against the long-run average. Negative deviation / low percentile = under-owned (a contrarian positive for the segment). */
export type Positioning = {
  /** The latest observation against the average. */
  current?: Maybe<PositioningPoint>;
  /** Every observation in the range against the average up to its date. */
  history: Array<PositioningPoint>;
  /** True for generated demo data. */
  isDemo: Scalars['Boolean']['output'];
  /** The segment, e.g. small_cap. */
  segment: Scalars['String']['output'];
  /** Source of the latest observation ("demo" for the demo dataset). */
  source: Scalars['String']['output'];
  /** Unit of the values, e.g. net_pct_overweight. */
  unit: Scalars['String']['output'];
  /** Trailing window in months; null for the whole history. */
  windowMonths?: Maybe<Scalars['Int']['output']>;
};


/** Where fund managers stand in a segment against the long-run average. Negative deviation / low percentile = under-owned (a contrarian positive for the segment). */
export type PositioningHistoryArgs = {
  range?: InputMaybe<DateRange>;
};

/** A positioning observation against the average of its history up to that date (no look-ahead). */
export type PositioningPoint = {
  /** Average of the reference window. */
  average?: Maybe<Scalars['Float']['output']>;
  /** Observation date. */
  date: Scalars['Date']['output'];
  /** value − average. */
  deviation?: Maybe<Scalars['Float']['output']>;
  /** Share of the window at or below the value, 0–100. */
  percentile?: Maybe<Scalars['Float']['output']>;
  /** The observation, in the series' unit. */
  value: Scalars['Float']['output'];
  /** deviation / sample sd of the window. */
  zScore?: Maybe<Scalars['Float']['output']>;
};

/** A column of the daily bars. */
export type PriceField =
  /** Closing price adjusted for dividends and splits: the price used for returns. */
  | 'ADJ_CLOSE'
  /** Closing price as traded (not adjusted). */
  | 'CLOSE'
  /** Highest price of the day. */
  | 'HIGH'
  /** Lowest price of the day. */
  | 'LOW'
  /** Opening price. */
  | 'OPEN'
  /** Shares traded (null for indexes). */
  | 'VOLUME';

/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type Query = {
  /** How did `base` do against `benchmark` over a range (e.g. IWM vs SPY since 2021)? Return gap, relative-strength line and its trend, regression statistics. */
  compare: Comparison;
  /** Which dataset answers (demo or imported) and its coverage per instrument and series. */
  dataset: Dataset;
  /** One economic series by code (case-insensitive); NOT_FOUND for an unknown code. */
  economicSeries: EconomicSeries;
  /** Every stored economic series, ordered by code. */
  economicSeriesList: Array<EconomicSeries>;
  /** One instrument by ticker symbol (case-insensitive). Unknown symbols give a NOT_FOUND error. */
  instrument: Instrument;
  /** Instruments ordered by symbol, optionally filtered. With `symbols`, unknown symbols give a NOT_FOUND error. */
  instruments: Array<Instrument>;
  /** Fund-manager positioning of a segment against its long-run average (default small_cap). */
  positioning: Positioning;
  /** Event study of `base` against `benchmark` after the start of each cycle of `direction`: per-cycle returns and, per horizon, mean/median excess, hit rate, t-statistic and spread. Incomplete horizons are reported and left out of the summaries. */
  rateCycleStudy: RateCycleStudy;
  /** Easing and tightening cycles detected on a policy-rate series, oldest first. */
  rateCycles: Array<RateCycle>;
  /** The composite small- vs large-cap rotation signal, with each component shown. */
  rotationSignal: RotationSignal;
  /** The valuation gap between two instruments (default IWM against SPY on forward P/E), its percentile and z-score in its own history. */
  valuationGap: ValuationGap;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryCompareArgs = {
  averagePeriod?: InputMaybe<Scalars['Int']['input']>;
  base: Scalars['String']['input'];
  benchmark: Scalars['String']['input'];
  range?: InputMaybe<DateRange>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryEconomicSeriesArgs = {
  code: Scalars['String']['input'];
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryInstrumentArgs = {
  symbol: Scalars['String']['input'];
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryInstrumentsArgs = {
  filter?: InputMaybe<InstrumentFilter>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryPositioningArgs = {
  segment?: InputMaybe<Scalars['String']['input']>;
  windowMonths?: InputMaybe<Scalars['Int']['input']>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryRateCycleStudyArgs = {
  base?: InputMaybe<Scalars['String']['input']>;
  benchmark?: InputMaybe<Scalars['String']['input']>;
  direction?: InputMaybe<CycleDirection>;
  horizons?: InputMaybe<Array<Scalars['Int']['input']>>;
  last?: InputMaybe<Scalars['Int']['input']>;
  maxPauseDays?: InputMaybe<Scalars['Int']['input']>;
  minMoveBp?: InputMaybe<Scalars['Float']['input']>;
  series?: InputMaybe<Scalars['String']['input']>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryRateCyclesArgs = {
  direction?: InputMaybe<CycleDirection>;
  maxPauseDays?: InputMaybe<Scalars['Int']['input']>;
  minMoveBp?: InputMaybe<Scalars['Float']['input']>;
  series?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['Date']['input']>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryRotationSignalArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  large?: InputMaybe<Scalars['String']['input']>;
  positioningSegment?: InputMaybe<Scalars['String']['input']>;
  rateSeries?: InputMaybe<Scalars['String']['input']>;
  small?: InputMaybe<Scalars['String']['input']>;
};


/** CycleLens: market data and analytics for one question — is a new market cycle starting, and are small caps leading it? Every figure is computed on request from the stored daily data; `dataset` says whether the demo or imported data answered. */
export type QueryValuationGapArgs = {
  base?: InputMaybe<Scalars['String']['input']>;
  benchmark?: InputMaybe<Scalars['String']['input']>;
  metric?: InputMaybe<ValuationMetric>;
  range?: InputMaybe<DateRange>;
};

/** An easing or tightening cycle: from its first move to its last move in the same direction. */
export type RateCycle = {
  /** Easing or tightening. */
  direction: CycleDirection;
  /** Date of the last move (so far, when ongoing). */
  end: Scalars['Date']['output'];
  /** Base minus benchmark return in the `horizonMonths` after the cycle's first move. */
  excess: CycleExcess;
  /** Number of moves. */
  moveCount: Scalars['Int']['output'];
  /** The moves, in date order. */
  moves: Array<RateMove>;
  /** True for the latest cycle while no opposite move or long pause has ended it. */
  ongoing: Scalars['Boolean']['output'];
  /** Return of each instrument in the `horizonMonths` after the cycle's first move. */
  performance: Array<CyclePerformance>;
  /** Rate after the last move, percent. */
  rateAfter: Scalars['Float']['output'];
  /** Rate before the first move, percent. */
  rateBefore: Scalars['Float']['output'];
  /** Code of the rate series it was detected on. */
  series: Scalars['String']['output'];
  /** Date of the first move. */
  start: Scalars['Date']['output'];
  /** Total change in basis points. */
  totalChangeBp: Scalars['Float']['output'];
};


/** An easing or tightening cycle: from its first move to its last move in the same direction. */
export type RateCycleExcessArgs = {
  base: Scalars['String']['input'];
  benchmark: Scalars['String']['input'];
  horizonMonths?: InputMaybe<Scalars['Int']['input']>;
};


/** An easing or tightening cycle: from its first move to its last move in the same direction. */
export type RateCyclePerformanceArgs = {
  horizonMonths?: InputMaybe<Scalars['Int']['input']>;
  symbols: Array<Scalars['String']['input']>;
};

/** Event study: how the base did against the benchmark in the months after each cycle of a direction began. */
export type RateCycleStudy = {
  /** The instrument studied (e.g. IWM). */
  base: Instrument;
  /** The benchmark (e.g. SPY). */
  benchmark: Instrument;
  /** The cycles studied, oldest first. */
  cycles: Array<RateCycle>;
  /** Which cycles were studied. */
  direction: CycleDirection;
  /** One result per horizon, in the order asked. */
  horizons: Array<RateCycleStudyHorizon>;
};

/** The event study at one horizon: a row per cycle and the summaries. */
export type RateCycleStudyHorizon = {
  /** Summary of the base returns. */
  base: SummaryStats;
  /** Summary of the benchmark returns. */
  benchmark: SummaryStats;
  /** Cycles whose horizon is complete. */
  complete: Scalars['Int']['output'];
  /** Summary of base − benchmark: mean/median excess, hit rate (share of cycles the base led), t-statistic, spread (min, max). */
  excess: SummaryStats;
  /** Cycles whose horizon runs past the data (reported, not summarised). */
  incomplete: Scalars['Int']['output'];
  /** Calendar months after each cycle's first move. */
  months: Scalars['Int']['output'];
  /** One row per cycle, oldest first. */
  rows: Array<RateCycleStudyRow>;
};

/** One cycle at one horizon: base, benchmark and excess return after the cycle's first move. */
export type RateCycleStudyRow = {
  /** Base total return. */
  baseReturn?: Maybe<Scalars['Float']['output']>;
  /** Benchmark total return. */
  benchmarkReturn?: Maybe<Scalars['Float']['output']>;
  /** False when the horizon runs past the data; such rows are left out of the summary. */
  complete: Scalars['Boolean']['output'];
  /** The cycle. */
  cycle: RateCycle;
  /** Day 0. */
  entryDate?: Maybe<Scalars['Date']['output']>;
  /** Base − benchmark. */
  excessReturn?: Maybe<Scalars['Float']['output']>;
  /** Exit date. */
  exitDate?: Maybe<Scalars['Date']['output']>;
  /** Why it is incomplete. */
  incompleteReason?: Maybe<Scalars['String']['output']>;
};

/** One policy-rate move. */
export type RateMove = {
  /** Change in basis points (negative for a cut). */
  changeBp: Scalars['Float']['output'];
  /** First day at the new level. */
  date: Scalars['Date']['output'];
  /** Level before, percent. */
  from: Scalars['Float']['output'];
  /** Level after, percent. */
  to: Scalars['Float']['output'];
};

/** OLS of the instrument's simple returns on the yield's change in basis points: r = intercept + beta · Δy. betaPer100bp = −0.05 means the price falls 5 % on average when the yield rises one percentage point. Blank yield days are dropped before the join, so returns and changes always span the same interval. */
export type RateSensitivity = {
  /** Return (fraction) per +100 bp change of the yield. */
  betaPer100bp?: Maybe<Scalars['Float']['output']>;
  /** Pearson correlation of returns and yield changes. */
  correlation?: Maybe<Scalars['Float']['output']>;
  /** Sampling used. */
  frequency: SensitivityFrequency;
  /** First pair's date. */
  from?: Maybe<Scalars['Date']['output']>;
  /** Average return of a period with an unchanged yield. */
  intercept?: Maybe<Scalars['Float']['output']>;
  /** Pairs of (return, yield change) used. */
  observations: Scalars['Int']['output'];
  /** Share of return variance explained. */
  rSquared?: Maybe<Scalars['Float']['output']>;
  /** The rolling regression over `rolling` periods (empty unless that argument was given). */
  rolling: Array<RollingRateSensitivityPoint>;
  /** The yield regressed on. */
  series: EconomicSeries;
  /** t-statistic of the beta (classical OLS standard error). */
  tStat?: Maybe<Scalars['Float']['output']>;
  /** Last pair's date. */
  to?: Maybe<Scalars['Date']['output']>;
};

/** A day the relative-strength line crossed its moving average. */
export type RatioCrossover = {
  /** First day on the new side. */
  date: Scalars['Date']['output'];
  /** up: the ratio crossed above its average (the base starting to lead); down: below it. */
  direction: Scalars['String']['output'];
};

/** The regression over the trailing window ending on one date. */
export type RollingRateSensitivityPoint = {
  /** Return per +100 bp of the yield. */
  betaPer100bp?: Maybe<Scalars['Float']['output']>;
  /** Correlation of returns and yield changes. */
  correlation?: Maybe<Scalars['Float']['output']>;
  /** Window end. */
  date: Scalars['Date']['output'];
  /** R². */
  rSquared?: Maybe<Scalars['Float']['output']>;
  /** t-statistic of the beta. */
  tStat?: Maybe<Scalars['Float']['output']>;
};

/** One input of the rotation signal. */
export type RotationComponent = {
  /** False when its input is missing; it then contributes nothing and the other weights are rescaled. */
  available: Scalars['Boolean']['output'];
  /** 100 × effectiveWeight × normalized; the contributions sum to the score. */
  contribution: Scalars['Float']['output'];
  /** What was computed, or why the component is unavailable. */
  detail: Scalars['String']['output'];
  /** Weight after rescaling over the available components. */
  effectiveWeight: Scalars['Float']['output'];
  /** relativeTrend, relativeMomentum, valuation, rateCycle or positioning. */
  name: Scalars['String']['output'];
  /** Normalised value in [−1, 1]; positive favours small caps. */
  normalized?: Maybe<Scalars['Float']['output']>;
  /** Raw value in the component's own unit (see `detail`). */
  raw?: Maybe<Scalars['Float']['output']>;
  /** Nominal weight. */
  weight: Scalars['Float']['output'];
};

/** Are conditions in place for small caps to lead large caps? +100: every component points to small-cap leadership; −100: to large-cap leadership. Components: ratio vs its 200-day average (20 %), 3/6/12-month ratio momentum (20 %), valuation-gap percentile (20 %), rate-cycle phase (25 %), positioning percentile, contrarian (15 %). */
export type RotationSignal = {
  /** Evaluation date. */
  asOf?: Maybe<Scalars['Date']['output']>;
  /** Sum of the nominal weights of the available components. */
  availableWeight: Scalars['Float']['output'];
  /** Every component, available or not. */
  components: Array<RotationComponent>;
  /** strong small-cap leadership (≥ 50), small-cap leaning (≥ 15), neutral, large-cap leaning (≤ −15), strong large-cap leadership (≤ −50), or insufficient data. */
  label: Scalars['String']['output'];
  /** The large-cap side. */
  large: Instrument;
  /** Composite score in [−100, 100]; null with no available component. */
  score?: Maybe<Scalars['Float']['output']>;
  /** The small-cap side. */
  small: Instrument;
};

/** Sampling of returns and yield changes for the regression. */
export type SensitivityFrequency =
  /** Trading days both series share. */
  | 'DAILY'
  /** Last observation of each calendar month. */
  | 'MONTHLY'
  /** Last observation of each ISO week. */
  | 'WEEKLY';

/** Summary of one measure over the complete events of a horizon. Null where undefined (e.g. t-statistic of one event). */
export type SummaryStats = {
  /** Number of complete events. */
  count: Scalars['Int']['output'];
  /** Share of events above 0 (for excess: the base beat the benchmark). */
  hitRate?: Maybe<Scalars['Float']['output']>;
  /** Largest value. */
  max?: Maybe<Scalars['Float']['output']>;
  /** Mean. */
  mean?: Maybe<Scalars['Float']['output']>;
  /** Median. */
  median?: Maybe<Scalars['Float']['output']>;
  /** Smallest value. */
  min?: Maybe<Scalars['Float']['output']>;
  /** Sample standard deviation. */
  stdDev?: Maybe<Scalars['Float']['output']>;
  /** t-statistic of the mean against 0: mean / (sd / √count). */
  tStat?: Maybe<Scalars['Float']['output']>;
};

/** Gap between two instruments' valuation multiple (base − benchmark, and base / benchmark − 1), today and in its own history. The sparser series is carried forward onto the denser one's dates (as-of join, no look-ahead). */
export type ValuationGap = {
  /** The instrument valued (e.g. IWM). */
  base: Instrument;
  /** Base multiple on that date (e.g. 16). */
  baseValue?: Maybe<Scalars['Float']['output']>;
  /** The comparison (e.g. SPY). */
  benchmark: Instrument;
  /** Benchmark multiple (e.g. 21). */
  benchmarkValue?: Maybe<Scalars['Float']['output']>;
  /** Latest date both have a value. */
  date?: Maybe<Scalars['Date']['output']>;
  /** The gap in points (base − benchmark) and its position in history. */
  gap?: Maybe<HistoryPosition>;
  /** The gap in points on every aligned date in the range. */
  history: Array<Point>;
  /** The multiple compared. */
  metric: ValuationMetric;
  /** Dates in the history. */
  observations: Scalars['Int']['output'];
  /** The relative gap (base / benchmark − 1; −0.24 = 24 % discount) and its position in history. */
  relative?: Maybe<HistoryPosition>;
  /** The relative gap on every aligned date in the range. */
  relativeHistory: Array<Point>;
};


/** Gap between two instruments' valuation multiple (base − benchmark, and base / benchmark − 1), today and in its own history. The sparser series is carried forward onto the denser one's dates (as-of join, no look-ahead). */
export type ValuationGapHistoryArgs = {
  range?: InputMaybe<DateRange>;
};


/** Gap between two instruments' valuation multiple (base − benchmark, and base / benchmark − 1), today and in its own history. The sparser series is carried forward onto the denser one's dates (as-of join, no look-ahead). */
export type ValuationGapRelativeHistoryArgs = {
  range?: InputMaybe<DateRange>;
};

/** A valuation multiple. */
export type ValuationMetric =
  /** Dividend yield, percent. */
  | 'DIVIDEND_YIELD'
  /** Forward price/earnings. */
  | 'FORWARD_PE'
  /** Price/book. */
  | 'PRICE_TO_BOOK'
  /** Trailing price/earnings. */
  | 'TRAILING_PE';

/** Valuation multiples of an instrument on one date. */
export type ValuationSnapshot = {
  /** Date of the snapshot. */
  date: Scalars['Date']['output'];
  /** Dividend yield in percent (1.3 = 1.3 %). */
  dividendYield?: Maybe<Scalars['Float']['output']>;
  /** Price over next-twelve-months expected earnings. */
  forwardPE?: Maybe<Scalars['Float']['output']>;
  /** Price over book value. */
  priceToBook?: Maybe<Scalars['Float']['output']>;
  /** Source of the latest snapshot ("demo" for the demo dataset). */
  source: Scalars['String']['output'];
  /** Price over last-twelve-months earnings. */
  trailingPE?: Maybe<Scalars['Float']['output']>;
};

export type DashboardQueryVariables = Exact<{
  symbols?: Array<Scalars['String']['input']> | Scalars['String']['input'];
  range: DateRange;
  recent: DateRange;
  smaPeriod?: Scalars['Int']['input'];
  rsiPeriod?: InputMaybe<Scalars['Int']['input']>;
  horizons?: InputMaybe<Array<Scalars['Int']['input']> | Scalars['Int']['input']>;
}>;


export type DashboardQuery = { instruments: Array<{ symbol: string, name: string, segment: string, isDemo: boolean, lastDate?: string | null, performance: { startDate?: string | null, endDate?: string | null, totalReturn?: number | null, cagr?: number | null, volatility?: number | null, sharpe?: number | null, maxDrawdown: { depth?: number | null, peakDate?: string | null, troughDate?: string | null, recoveryDate?: string | null } }, sma: Array<{ date: string, value?: number | null }>, rsi: Array<{ date: string, value?: number | null }> }>, rateCycleStudy: { direction: CycleDirection, base: { symbol: string }, benchmark: { symbol: string }, cycles: Array<{ start: string, end: string, totalChangeBp: number, ongoing: boolean }>, horizons: Array<{ months: number, complete: number, incomplete: number, excess: { count: number, mean?: number | null, median?: number | null, hitRate?: number | null, tStat?: number | null, min?: number | null, max?: number | null } }> } };

export type DatasetQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetQuery = { dataset: { label: DatasetLabel, isDemo: boolean, instruments: Array<{ name: string, provenance: string, firstDate?: string | null, lastDate?: string | null, rows: number }> } };

export type KreDrawdownQueryVariables = Exact<{
  symbol?: Scalars['String']['input'];
  peakWithin?: DateRange;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type KreDrawdownQuery = { instrument: { symbol: string, name: string, drawdown: { peakDate?: string | null, peakValue?: number | null, asOfDate?: string | null, asOfValue?: number | null, drawdown?: number | null, series: Array<{ date: string, value?: number | null }> } } };

export type RotationSignalQueryVariables = Exact<{
  small?: InputMaybe<Scalars['String']['input']>;
  large?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type RotationSignalQuery = { rotationSignal: { asOf?: string | null, score?: number | null, label: string, availableWeight: number, small: { symbol: string }, large: { symbol: string }, components: Array<{ name: string, available: boolean, weight: number, effectiveWeight: number, raw?: number | null, normalized?: number | null, contribution: number, detail: string }> } };

export type SmallVsLargeQueryVariables = Exact<{
  base?: Scalars['String']['input'];
  benchmark?: Scalars['String']['input'];
  from?: Scalars['Date']['input'];
}>;


export type SmallVsLargeQuery = { compare: { startDate?: string | null, endDate?: string | null, observations: number, baseReturn?: number | null, benchmarkReturn?: number | null, returnGap?: number | null, beta?: number | null, correlation?: number | null, base: { symbol: string }, benchmark: { symbol: string }, relativeStrength: Array<{ date: string, value?: number | null }>, leadership: { date?: string | null, ratio?: number | null, average?: number | null, ratioVsAverage?: number | null, aboveAverage?: boolean | null, lastCrossover?: { date: string, direction: string } | null } } };


export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"IWM","block":false},{"kind":"StringValue","value":"SPY","block":false},{"kind":"StringValue","value":"KRE","block":false}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recent"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"smaPeriod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"200"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rsiPeriod"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"14"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizons"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"IntValue","value":"3"},{"kind":"IntValue","value":"6"},{"kind":"IntValue","value":"12"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instruments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"lastDate"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"cagr"}},{"kind":"Field","name":{"kind":"Name","value":"volatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"peakDate"}},{"kind":"Field","name":{"kind":"Name","value":"troughDate"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sma"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"smaPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rsi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rsiPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rateCycleStudy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"base"},"value":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"benchmark"},"value":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"EASING"}},{"kind":"Argument","name":{"kind":"Name","value":"horizons"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizons"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"totalChangeBp"}},{"kind":"Field","name":{"kind":"Name","value":"ongoing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"horizons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"incomplete"}},{"kind":"Field","name":{"kind":"Name","value":"excess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"hitRate"}},{"kind":"Field","name":{"kind":"Name","value":"tStat"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const DatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"}},{"kind":"Field","name":{"kind":"Name","value":"firstDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastDate"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]}}]} as unknown as DocumentNode<DatasetQuery, DatasetQueryVariables>;
export const KreDrawdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KreDrawdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"KRE","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"peakWithin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"2022-01-01","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"StringValue","value":"2022-12-31","block":false}}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drawdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"peakWithin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"peakWithin"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peakDate"}},{"kind":"Field","name":{"kind":"Name","value":"peakValue"}},{"kind":"Field","name":{"kind":"Name","value":"asOfDate"}},{"kind":"Field","name":{"kind":"Name","value":"asOfValue"}},{"kind":"Field","name":{"kind":"Name","value":"drawdown"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<KreDrawdownQuery, KreDrawdownQueryVariables>;
export const RotationSignalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RotationSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"small"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"large"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotationSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"small"},"value":{"kind":"Variable","name":{"kind":"Name","value":"small"}}},{"kind":"Argument","name":{"kind":"Name","value":"large"},"value":{"kind":"Variable","name":{"kind":"Name","value":"large"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"availableWeight"}},{"kind":"Field","name":{"kind":"Name","value":"small"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"large"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveWeight"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<RotationSignalQuery, RotationSignalQueryVariables>;
export const SmallVsLargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmallVsLarge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"base"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},"defaultValue":{"kind":"StringValue","value":"2021-01-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"base"},"value":{"kind":"Variable","name":{"kind":"Name","value":"base"}}},{"kind":"Argument","name":{"kind":"Name","value":"benchmark"},"value":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"observations"}},{"kind":"Field","name":{"kind":"Name","value":"baseReturn"}},{"kind":"Field","name":{"kind":"Name","value":"benchmarkReturn"}},{"kind":"Field","name":{"kind":"Name","value":"returnGap"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"correlation"}},{"kind":"Field","name":{"kind":"Name","value":"relativeStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"ratioVsAverage"}},{"kind":"Field","name":{"kind":"Name","value":"aboveAverage"}},{"kind":"Field","name":{"kind":"Name","value":"lastCrossover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SmallVsLargeQuery, SmallVsLargeQueryVariables>;