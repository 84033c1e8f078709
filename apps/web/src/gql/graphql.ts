/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  /** A calendar date YYYY-MM-DD with no time of day or time zone: a bar dated 2024-09-18 is that trading day on every machine. Supported from 1800-01-01 to 2199-12-31; other dates are rejected (BAD_USER_INPUT naming the argument), never shifted. */
  Date: { input: string; output: string; }
};

/** The kind of a corporate action. */
export type CorporateActionKind =
  /** A cash dividend: `amount` per share. */
  | 'DIVIDEND'
  /** A stock split: `numerator` shares after for `denominator` shares before. */
  | 'SPLIT';

/** Whether the data cover the whole requested window. */
export type CoverageStatus =
  /** The data end before `to`: the exit is the last close there is. */
  | 'ENDS_EARLY'
  /** Day 0 is the last close on or before `from`, and the data reach `to`. */
  | 'FULL'
  /** The data begin after `from`: day 0 is the first close there is, so the window is shorter than asked. */
  | 'STARTS_LATE'
  /** Both. */
  | 'STARTS_LATE_ENDS_EARLY';

/** Which curve: `long` − `short` (default DGS10 − DGS2), or a stored spread series such as T10Y2Y or T10Y3M; and the inversion rule. */
export type CurveInput = {
  /** Observations ≥ 0 in a row that end an inversion (1–260; default 20, about a month). */
  confirmDays?: InputMaybe<Scalars['Int']['input']>;
  /** Long yield (default DGS10). */
  long?: InputMaybe<Scalars['String']['input']>;
  /** Fewest negative observations for an inversion to count (1–260). */
  minInvertedDays?: InputMaybe<Scalars['Int']['input']>;
  /** Short yield (default DGS2; DGS3MO for 10y − 3m). */
  short?: InputMaybe<Scalars['String']['input']>;
  /** A stored spread in percentage points (T10Y2Y, T10Y3M) instead of long − short. */
  spreadSeries?: InputMaybe<Scalars['String']['input']>;
};

/** Where the curve is in its cycle. */
export type CurvePhase =
  /** Inside an inversion (below zero, or back above it for less than the confirmation run). */
  | 'INVERTED'
  /** Not inverted, and no un-inversion in the last year. */
  | 'NORMAL'
  /** Within a year of a confirmed un-inversion. */
  | 'RE_STEEPENING';

/** Direction of a policy-rate cycle. */
export type CycleDirection =
  /** Rate cuts. */
  | 'EASING'
  /** Rate hikes. */
  | 'TIGHTENING';

/** A kind of stored data. */
export type DatasetChangeKind =
  /** Daily bars. */
  | 'BARS'
  /** Dividends and splits. */
  | 'CORPORATE_ACTIONS'
  /** Instrument metadata. */
  | 'INSTRUMENTS'
  /** Economic series observations. */
  | 'OBSERVATIONS'
  /** The FOMC record. */
  | 'POLICY_DECISIONS'
  /** Positioning observations. */
  | 'POSITIONING'
  /** Economic series metadata. */
  | 'SERIES'
  /** Valuation snapshots. */
  | 'VALUATIONS';

/** Who wrote a change to the dataset. */
export type DatasetChangeSource =
  /** A keyed mutation of an API instance. */
  | 'API'
  /** The ingest CLI (`pnpm ingest`), run by hand or by a cron job. */
  | 'INGEST'
  /** The migrator storing the built-in FOMC record. */
  | 'MIGRATE'
  /** The scheduled refresh of an API instance. */
  | 'REFRESH'
  /** The demo dataset being seeded. */
  | 'SEED';

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

/** Which date an event study's day 0 is. */
export type DayZeroRule =
  /** The close of the FOMC's announcement day (the last close on or before the announcement date, the Friday before a weekend announcement). */
  | 'ANNOUNCEMENT'
  /** A date the client gave. */
  | 'CLIENT_DATE'
  /** No announcement date is known (changes before 1994, decisions after the record, moves the record does not explain): the last close on or before the first day the rate shows the new level. */
  | 'FIRST_DAY_AT_NEW_LEVEL'
  /** The first day the event could be known: the confirmation of an un-inversion (its 20th day above zero by default), the release of a trigger month's unemployment rate (the 12th of the next month, an approximation), the crossing itself for a ratio, the confirmation of a rate move. */
  | 'KNOWN_DATE'
  /** The day the signal happened: the first day of the curve's lasting return above (or fall below) zero, the month of a Sahm-rule trigger as FRED dates it (its first day), the first or last day of an NBER recession, the first day of a ratio crossing. It may not have been knowable then: see the event's `knownOn`. */
  | 'SIGNAL_DATE';

/** Which date of an event is day 0. */
export type EventDayZero =
  /** The first day the event could be known (no look-ahead): a move's confirmation, an un-inversion's confirmation, the trigger month's release (12th of the next month). Not available for NBER recessions, which were announced months later. */
  | 'KNOWN'
  /** The signal's own date (cycle starts: the FOMC's announcement as in `rateCycleStudy`; un-inversions: the first day back above zero; Sahm triggers: the trigger month's first day; recessions: their first or last day). */
  | 'SIGNAL';

/** A named source of event dates. */
export type EventSource =
  /** First days of the curve's inversions (see `yieldCurve`). */
  | 'CURVE_INVERSIONS'
  /** The curve's confirmed un-inversions: first day of the lasting return above zero. */
  | 'CURVE_UNINVERSIONS'
  /** Starts of the Fed's easing cycles (from `rateSeries`, default POLICY_RATE: the FOMC record). */
  | 'EASING_CYCLE_STARTS'
  /** Days a ratio crossed below its moving average. */
  | 'RATIO_CROSSOVERS_DOWN'
  /** Days a ratio (`ratio`, e.g. XLY/XLP) crossed above its moving average. */
  | 'RATIO_CROSSOVERS_UP'
  /** Last days of NBER recessions (the trough month's end; hindsight). */
  | 'RECESSION_ENDS'
  /** First days of NBER recessions (USREC; hindsight). */
  | 'RECESSION_STARTS'
  /** Sahm-rule triggers (SAHMREALTIME when stored, else computed from UNRATE). */
  | 'SAHM_TRIGGERS'
  /** Starts of the Fed's tightening cycles. */
  | 'TIGHTENING_CYCLE_STARTS';

/** The events of a study: either `dates` (your own) or a `source`, with the options of that source and a selection (since, until, last, minimum spacing). */
export type EventsInput = {
  /** Ratio sources: moving average of the ratio, trading days (2–1000; default 200). */
  averagePeriod?: InputMaybe<Scalars['Int']['input']>;
  /** Curve sources: which curve (default DGS10 − DGS2). */
  curve?: InputMaybe<CurveInput>;
  /** Your event dates (1–200). */
  dates?: InputMaybe<Array<Scalars['Date']['input']>>;
  /** Day 0 on the signal's date (default) or the day it could be known. */
  dayZero?: InputMaybe<EventDayZero>;
  /** Keep only the most recent N events (1–200) after the other filters. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Drop an event less than this many days after the previous one kept (0–3650; e.g. 90 against ratio-crossing whipsaws). */
  minSpacingDays?: InputMaybe<Scalars['Int']['input']>;
  /** Cycle sources: the rate series (default POLICY_RATE, detected with the default rule). */
  rateSeries?: InputMaybe<Scalars['String']['input']>;
  /** Ratio sources: the ratio (required for them). */
  ratio?: InputMaybe<RatioPairInput>;
  /** SAHM_TRIGGERS: the real-time indicator, preferred when stored. */
  realTime?: InputMaybe<Scalars['String']['input']>;
  /** Recession sources: USREC or USRECD. */
  recessionSeries?: InputMaybe<Scalars['String']['input']>;
  /** Only events whose signal date is on or after this date. */
  since?: InputMaybe<Scalars['Date']['input']>;
  /** Or a named source. */
  source?: InputMaybe<EventSource>;
  /** SAHM_TRIGGERS: the unemployment rate. */
  unemployment?: InputMaybe<Scalars['String']['input']>;
  /** Only events whose signal date is on or before this date. */
  until?: InputMaybe<Scalars['Date']['input']>;
};

/** Why an event has no result at a horizon. */
export type IncompleteReason =
  /** The horizon ends after an instrument's last close. */
  | 'ENDS_AFTER_DATA'
  /** An instrument has no close on or before day 0. */
  | 'STARTS_BEFORE_DATA';

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

/** The labour market by the Sahm rule. */
export type LabourPhase =
  /** Below 0.30. */
  | 'CALM'
  /** The indicator is at or above 0.50: a recession signal. */
  | 'TRIGGERED'
  /** At or above 0.30. */
  | 'WARNING';

/** Which side leads. */
export type Leader =
  /** Below it. */
  | 'LARGE'
  /** The small/large ratio is above its 200-day average. */
  | 'SMALL';

/** The Fed's policy phase. */
export type PolicyPhase =
  /** The last confirmed move (≤ 400 days ago) was a cut. */
  | 'EASING'
  /** No move in the last 400 days. */
  | 'ON_HOLD'
  /** The last confirmed move (≤ 400 days ago) was a hike. */
  | 'TIGHTENING';

/** How the FOMC stated the federal funds target. */
export type PolicyTargetKind =
  /** A range, 25 bp wide (since 2008-12-16). */
  | 'RANGE'
  /** A single rate (until 2008-12-15). */
  | 'TARGET';

/** One positioning observation to store. */
export type PositioningObservationInput = {
  /** Observation date. */
  date: Scalars['Date']['input'];
  /** The value, in the unit given to the mutation (|value| ≤ 1,000,000). */
  value: Scalars['Float']['input'];
};

/** Which prices an instrument's returns are computed on. */
export type PriceBasisStatus =
  /** Every close has an adjusted close: total returns. */
  | 'ADJUSTED'
  /** No adjusted close at all (indexes, Stooq data): price returns, without dividends. */
  | 'CLOSE_ONLY'
  /** Some closes have no adjusted close (e.g. a file without one imported after one with it): those closes are scaled by the nearest adjustment factor, so their dividends and splits are missing. */
  | 'PARTLY_FROM_CLOSE';

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

/** Which move rule detects the moves of a rate series (see `rateCycles`). */
export type RateFrequency =
  /** STEP for POLICY_RATE and the target series (DFEDTAR, DFEDTARU, DFEDTARL), MONTHLY when observations are 25+ days apart, otherwise DAILY. */
  | 'AUTO'
  /** The effective-rate rule: business-day persistence (`persistDays`), levels as medians over `levelWindowDays`, weekends ignored. */
  | 'DAILY'
  /** Monthly averages: a move starts in its (partial) month and is confirmed by the next month. */
  | 'MONTHLY'
  /** A target series: every change of at least `minMoveBp` is a move on the day it takes effect. */
  | 'STEP';

/** A ratio of two stored instruments, e.g. XLY over XLP. */
export type RatioPairInput = {
  /** Denominator symbol, e.g. XLP. */
  denominator: Scalars['String']['input'];
  /** A name for it (default NUMERATOR/DENOMINATOR). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Numerator symbol, e.g. XLY. */
  numerator: Scalars['String']['input'];
};

/** Whether a component counts in the score, and if not why. */
export type RotationComponentStatus =
  /** Computed and counted. */
  | 'AVAILABLE'
  /** Not enough history at the as-of date (e.g. fewer than 200 common closes, less than 6 months of spreads); not counted. */
  | 'INSUFFICIENT_HISTORY'
  /** Its input is not stored (valuation and positioning have no free source; the others: the reason says what to import); not counted. */
  | 'NO_DATA'
  /** Its input ends well before the as-of date (daily data 14 days, monthly data and the rate series 62 days, rate series on the daily rule 14); not counted. */
  | 'STALE';

/** Which Sahm indicator a reading comes from. */
export type SahmSource =
  /** Computed here from the stored unemployment rate (today's vintage: revisions included). */
  | 'COMPUTED'
  /** FRED's SAHMREALTIME: the indicator as first computed each month (no revision look-ahead). */
  | 'REAL_TIME';

/** Sampling of returns and yield changes for the regression. */
export type SensitivityFrequency =
  /** Trading days both series share. */
  | 'DAILY'
  /** Last observation of each calendar month. */
  | 'MONTHLY'
  /** Last observation of each ISO week. */
  | 'WEEKLY';

/** Whether a signal could be read on a date, and if not why. */
export type SignalStatus =
  /** Read from its data. */
  | 'AVAILABLE'
  /** Its input starts too late for the date (e.g. a moving average still warming up). */
  | 'INSUFFICIENT_HISTORY'
  /** Its input is not stored (the reason says how to import it). */
  | 'NO_DATA'
  /** Its input ends well before the date (14 days for daily data, 62 for monthly data and the rate series). */
  | 'STALE';

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

/** One valuation snapshot to store. Missing multiples are stored as unknown. */
export type ValuationSnapshotInput = {
  /** Date of the snapshot. */
  date: Scalars['Date']['input'];
  /** Dividend yield in percent (0–100). */
  dividendYield?: InputMaybe<Scalars['Float']['input']>;
  /** Forward P/E (0–1000). */
  forwardPE?: InputMaybe<Scalars['Float']['input']>;
  /** Price/book (0–1000). */
  priceToBook?: InputMaybe<Scalars['Float']['input']>;
  /** Trailing P/E (0–1000). */
  trailingPE?: InputMaybe<Scalars['Float']['input']>;
};

export type AppDatasetChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AppDatasetChangedSubscription = { datasetChanged: { version: number, changedAt: string, instruments: Array<string>, series: Array<string>, source: DatasetChangeSource } };

export type CompareViewQueryVariables = Exact<{
  base: Scalars['String']['input'];
  benchmark: Scalars['String']['input'];
  from?: InputMaybe<Scalars['Date']['input']>;
  averagePeriod?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CompareViewQuery = { dataset: { label: DatasetLabel }, instruments?: Array<{ symbol: string, name: string }> | null, compare?: { startDate?: string | null, endDate?: string | null, observations: number, averagePeriod: number, baseReturn?: number | null, benchmarkReturn?: number | null, returnGap?: number | null, beta?: number | null, correlation?: number | null, rSquared?: number | null, base: { symbol: string, name: string }, benchmark: { symbol: string, name: string }, coverage: { status: CoverageStatus, reason?: string | null, adjustedThroughout: boolean, priceNotes: Array<string>, requestedFrom?: string | null, from: string, to: string }, leadership: { date?: string | null, ratio?: number | null, average?: number | null, ratioVsAverage?: number | null, aboveAverage?: boolean | null, lastCrossover?: { date: string, direction: string } | null }, relativeStrength: Array<{ date: string, value?: number | null }>, relativeStrengthAverage: Array<{ date: string, value?: number | null }>, crossovers: Array<{ date: string, direction: string }> } | null };

export type DataViewQueryVariables = Exact<{ [key: string]: never; }>;


export type DataViewQuery = { dataset: { label: DatasetLabel, isDemo: boolean, instruments: Array<{ kind: string, name: string, rows: number, firstDate?: string | null, lastDate?: string | null, isDemo: boolean, provenance: string, sources: Array<string>, updatedAt?: string | null }>, series: Array<{ kind: string, name: string, rows: number, firstDate?: string | null, lastDate?: string | null, isDemo: boolean, provenance: string, sources: Array<string>, updatedAt?: string | null }>, valuations: Array<{ kind: string, name: string, rows: number, firstDate?: string | null, lastDate?: string | null, isDemo: boolean, provenance: string, sources: Array<string>, updatedAt?: string | null }>, positioning: Array<{ kind: string, name: string, rows: number, firstDate?: string | null, lastDate?: string | null, isDemo: boolean, provenance: string, sources: Array<string>, updatedAt?: string | null }> }, policyRecord: { source: string, provenance: string, count: number, completeThrough: string } };

export type CoverageFieldsFragment = { kind: string, name: string, rows: number, firstDate?: string | null, lastDate?: string | null, isDemo: boolean, provenance: string, sources: Array<string>, updatedAt?: string | null };

export type DrawdownViewQueryVariables = Exact<{
  symbol: Scalars['String']['input'];
  peakFrom: Scalars['Date']['input'];
  peakTo: Scalars['Date']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type DrawdownViewQuery = { dataset: { label: DatasetLabel }, instruments?: Array<{ symbol: string, name: string }> | null, instrument?: { symbol: string, name: string, firstDate?: string | null, lastDate?: string | null, drawdown?: { peakDate?: string | null, peakValue?: number | null, asOfDate?: string | null, asOfValue?: number | null, drawdown?: number | null, peakWindow: { status: CoverageStatus, reason?: string | null, from: string, to: string }, series: Array<{ date: string, value?: number | null }> } | null, series: Array<{ date: string, value?: number | null }> } | null };

export type RateCyclesViewQueryVariables = Exact<{
  base: Scalars['String']['input'];
  benchmark: Scalars['String']['input'];
  direction: CycleDirection;
  horizons: Array<Scalars['Int']['input']> | Scalars['Int']['input'];
  series: Scalars['String']['input'];
  storedSeries: Scalars['Boolean']['input'];
  since?: InputMaybe<Scalars['Date']['input']>;
  minMoveBp?: InputMaybe<Scalars['Float']['input']>;
  maxPauseDays?: InputMaybe<Scalars['Int']['input']>;
  frequency?: InputMaybe<RateFrequency>;
}>;


export type RateCyclesViewQuery = { dataset: { label: DatasetLabel }, instruments?: Array<{ symbol: string, name: string }> | null, economicSeriesList: Array<{ code: string, title: string }>, economicSeries?: { code: string, title: string, unit: string, observations: Array<{ date: string, value?: number | null }> } | null, rateCycles?: Array<{ direction: CycleDirection, announced?: string | null, start: string, end: string, ongoing: boolean, series: string, rateBefore: number, rateAfter: number, totalChangeBp: number, moves: Array<{ date: string, from: number, to: number, changeBp: number }> }> | null, rateCycleStudy?: { direction: CycleDirection, conventions: { dayZero: string, horizon: string, prices: string, excess: string, summary: string }, rateSeries: { code: string, title: string, provenance: string, firstDate: string, lastDate: string, completeThrough?: string | null, rule: RateFrequency, stale: boolean, staleReason?: string | null }, rule: { frequency: RateFrequency, minMoveBp: number, maxPauseDays: number, persistDays?: number | null, levelWindowDays?: number | null }, selection: { since?: string | null, until?: string | null, last?: number | null, matching: number, studied: number }, base: { symbol: string, lastDate?: string | null }, benchmark: { symbol: string, lastDate?: string | null }, horizons: Array<{ months: number, complete: number, incomplete: number, rows: Array<{ complete: boolean, incompleteReason?: IncompleteReason | null, incompleteDetail?: string | null, eventDate: string, dayZeroRule: DayZeroRule, entryDate?: string | null, exitDate?: string | null, baseReturn?: number | null, benchmarkReturn?: number | null, excessReturn?: number | null, cycle: { start: string, end: string, ongoing: boolean, totalChangeBp: number } }>, leftOut: Array<{ reason: IncompleteReason, detail: string, cycle: { start: string } }>, excess: { count: number, mean?: number | null, median?: number | null, hitRate?: number | null, tStat?: number | null, stdDev?: number | null, min?: number | null, max?: number | null, meanInterval: { low?: number | null, high?: number | null, level: number, method: string }, bootstrapInterval: { low?: number | null, high?: number | null, level: number, method: string }, hitRateInterval: { low?: number | null, high?: number | null, level: number, method: string } } }> } | null };

export type SeriesCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type SeriesCodesQuery = { economicSeriesList: Array<{ code: string, title: string, firstDate?: string | null, lastDate?: string | null }> };

export type RotationViewQueryVariables = Exact<{
  small: Scalars['String']['input'];
  large: Scalars['String']['input'];
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type RotationViewQuery = { dataset: { label: DatasetLabel }, instruments?: Array<{ symbol: string, name: string }> | null, rotationSignal?: { asOf?: string | null, score?: number | null, label: string, availableWeight: number, totalWeight: number, minimumWeight: number, sufficient: boolean, warning?: string | null, small: { symbol: string }, large: { symbol: string }, components: Array<{ name: string, available: boolean, status: RotationComponentStatus, reason?: string | null, raw?: number | null, normalized?: number | null, weight: number, effectiveWeight: number, contribution: number, detail: string }> } | null };

export type ValuationViewQueryVariables = Exact<{
  base: Scalars['String']['input'];
  benchmark: Scalars['String']['input'];
  metric: ValuationMetric;
  segment: Scalars['String']['input'];
}>;


export type ValuationViewQuery = { dataset: { label: DatasetLabel, valuations: Array<{ name: string, rows: number, firstDate?: string | null, lastDate?: string | null, provenance: string }>, positioning: Array<{ name: string, rows: number, firstDate?: string | null, lastDate?: string | null, provenance: string }> }, instruments?: Array<{ symbol: string, name: string }> | null, valuationGap?: { metric: ValuationMetric, date?: string | null, baseValue?: number | null, benchmarkValue?: number | null, observations: number, gap?: { value?: number | null, percentile?: number | null, mean?: number | null, stdDev?: number | null, zScore?: number | null } | null, relative?: { value?: number | null, percentile?: number | null, mean?: number | null, stdDev?: number | null, zScore?: number | null } | null, history: Array<{ date: string, value?: number | null }> } | null, positioning?: { segment: string, unit: string, source: string, isDemo: boolean, current?: { date: string, value: number, average?: number | null, deviation?: number | null, percentile?: number | null, zScore?: number | null } | null, history: Array<{ date: string, value: number, average?: number | null, percentile?: number | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CoverageFieldsFragmentDoc = new TypedDocumentString(`
    fragment CoverageFields on Coverage {
  kind
  name
  rows
  firstDate
  lastDate
  isDemo
  provenance
  sources
  updatedAt
}
    `, {"fragmentName":"CoverageFields"}) as unknown as TypedDocumentString<CoverageFieldsFragment, unknown>;
export const AppDatasetChangedDocument = new TypedDocumentString(`
    subscription AppDatasetChanged {
  datasetChanged {
    version
    changedAt
    instruments
    series
    source
  }
}
    `, {"hash":"c4d2e22553350aa9a2ae1f5eb508e5b268930da847853588af7129ae4cc60e13"}) as unknown as TypedDocumentString<AppDatasetChangedSubscription, AppDatasetChangedSubscriptionVariables>;
export const CompareViewDocument = new TypedDocumentString(`
    query CompareView($base: String!, $benchmark: String!, $from: Date, $averagePeriod: Int = 50) {
  dataset {
    label
  }
  instruments {
    symbol
    name
  }
  compare(
    base: $base
    benchmark: $benchmark
    range: {from: $from}
    averagePeriod: $averagePeriod
  ) {
    base {
      symbol
      name
    }
    benchmark {
      symbol
      name
    }
    startDate
    endDate
    coverage {
      status
      reason
      adjustedThroughout
      priceNotes
      requestedFrom
      from
      to
    }
    observations
    averagePeriod
    baseReturn
    benchmarkReturn
    returnGap
    beta
    correlation
    rSquared
    leadership {
      date
      ratio
      average
      ratioVsAverage
      aboveAverage
      lastCrossover {
        date
        direction
      }
    }
    relativeStrength {
      date
      value
    }
    relativeStrengthAverage {
      date
      value
    }
    crossovers {
      date
      direction
    }
  }
}
    `, {"hash":"566794c0796eac141c1e5342a6ed648bec015da3dd3da94ee157a3726ae81090"}) as unknown as TypedDocumentString<CompareViewQuery, CompareViewQueryVariables>;
export const DataViewDocument = new TypedDocumentString(`
    query DataView {
  dataset {
    label
    isDemo
    instruments {
      ...CoverageFields
    }
    series {
      ...CoverageFields
    }
    valuations {
      ...CoverageFields
    }
    positioning {
      ...CoverageFields
    }
  }
  policyRecord {
    source
    provenance
    count
    completeThrough
  }
}
    fragment CoverageFields on Coverage {
  kind
  name
  rows
  firstDate
  lastDate
  isDemo
  provenance
  sources
  updatedAt
}`, {"hash":"925217b1b958471ec19dccb2a52989b3ec6f8df89e4c1f3209919776b2b6677a"}) as unknown as TypedDocumentString<DataViewQuery, DataViewQueryVariables>;
export const DrawdownViewDocument = new TypedDocumentString(`
    query DrawdownView($symbol: String!, $peakFrom: Date!, $peakTo: Date!, $asOf: Date) {
  dataset {
    label
  }
  instruments {
    symbol
    name
  }
  instrument(symbol: $symbol) {
    symbol
    name
    firstDate
    lastDate
    drawdown(peakWithin: {from: $peakFrom, to: $peakTo}, asOf: $asOf) {
      peakWindow {
        status
        reason
        from
        to
      }
      peakDate
      peakValue
      asOfDate
      asOfValue
      drawdown
      series {
        date
        value
      }
    }
    series(range: {from: $peakFrom, to: $asOf}) {
      date
      value
    }
  }
}
    `, {"hash":"6b8604d1711b824c1720a02b966888961fc169f68caa9d0db5820eec0c82210e"}) as unknown as TypedDocumentString<DrawdownViewQuery, DrawdownViewQueryVariables>;
export const RateCyclesViewDocument = new TypedDocumentString(`
    query RateCyclesView($base: String!, $benchmark: String!, $direction: CycleDirection!, $horizons: [Int!]!, $series: String!, $storedSeries: Boolean!, $since: Date, $minMoveBp: Float = 20, $maxPauseDays: Int = 400, $frequency: RateFrequency = AUTO) {
  dataset {
    label
  }
  instruments {
    symbol
    name
  }
  economicSeriesList {
    code
    title
  }
  economicSeries(code: $series) @include(if: $storedSeries) {
    code
    title
    unit
    observations {
      date
      value
    }
  }
  rateCycles(
    series: $series
    minMoveBp: $minMoveBp
    maxPauseDays: $maxPauseDays
    frequency: $frequency
  ) {
    direction
    announced
    start
    end
    ongoing
    series
    rateBefore
    rateAfter
    totalChangeBp
    moves {
      date
      from
      to
      changeBp
    }
  }
  rateCycleStudy(
    base: $base
    benchmark: $benchmark
    direction: $direction
    horizons: $horizons
    series: $series
    since: $since
    minMoveBp: $minMoveBp
    maxPauseDays: $maxPauseDays
    frequency: $frequency
  ) {
    direction
    conventions {
      dayZero
      horizon
      prices
      excess
      summary
    }
    rateSeries {
      code
      title
      provenance
      firstDate
      lastDate
      completeThrough
      rule
      stale
      staleReason
    }
    rule {
      frequency
      minMoveBp
      maxPauseDays
      persistDays
      levelWindowDays
    }
    selection {
      since
      until
      last
      matching
      studied
    }
    base {
      symbol
      lastDate
    }
    benchmark {
      symbol
      lastDate
    }
    horizons {
      months
      complete
      incomplete
      rows {
        cycle {
          start
          end
          ongoing
          totalChangeBp
        }
        complete
        incompleteReason
        incompleteDetail
        eventDate
        dayZeroRule
        entryDate
        exitDate
        baseReturn
        benchmarkReturn
        excessReturn
      }
      leftOut {
        cycle {
          start
        }
        reason
        detail
      }
      excess {
        count
        mean
        median
        hitRate
        tStat
        stdDev
        min
        max
        meanInterval {
          low
          high
          level
          method
        }
        bootstrapInterval {
          low
          high
          level
          method
        }
        hitRateInterval {
          low
          high
          level
          method
        }
      }
    }
  }
}
    `, {"hash":"cc6efeedae6d0a0d0ccdbb6f5c09c23793d6f9ba25ca7451e507aaa0aa347f82"}) as unknown as TypedDocumentString<RateCyclesViewQuery, RateCyclesViewQueryVariables>;
export const SeriesCodesDocument = new TypedDocumentString(`
    query SeriesCodes {
  economicSeriesList {
    code
    title
    firstDate
    lastDate
  }
}
    `, {"hash":"4eec85fff5324c0f804f8b18db08a9e22db81896a7be5acbf69d4d335b59d0e7"}) as unknown as TypedDocumentString<SeriesCodesQuery, SeriesCodesQueryVariables>;
export const RotationViewDocument = new TypedDocumentString(`
    query RotationView($small: String!, $large: String!, $asOf: Date) {
  dataset {
    label
  }
  instruments {
    symbol
    name
  }
  rotationSignal(small: $small, large: $large, asOf: $asOf) {
    asOf
    score
    label
    availableWeight
    totalWeight
    minimumWeight
    sufficient
    warning
    small {
      symbol
    }
    large {
      symbol
    }
    components {
      name
      available
      status
      reason
      raw
      normalized
      weight
      effectiveWeight
      contribution
      detail
    }
  }
}
    `, {"hash":"ac816375ac6ffa1f0d3a30e65d2ea1882324ce5669436c97074d03a8d4f53657"}) as unknown as TypedDocumentString<RotationViewQuery, RotationViewQueryVariables>;
export const ValuationViewDocument = new TypedDocumentString(`
    query ValuationView($base: String!, $benchmark: String!, $metric: ValuationMetric!, $segment: String!) {
  dataset {
    label
    valuations {
      name
      rows
      firstDate
      lastDate
      provenance
    }
    positioning {
      name
      rows
      firstDate
      lastDate
      provenance
    }
  }
  instruments {
    symbol
    name
  }
  valuationGap(base: $base, benchmark: $benchmark, metric: $metric) {
    metric
    date
    baseValue
    benchmarkValue
    observations
    gap {
      value
      percentile
      mean
      stdDev
      zScore
    }
    relative {
      value
      percentile
      mean
      stdDev
      zScore
    }
    history {
      date
      value
    }
  }
  positioning(segment: $segment) {
    segment
    unit
    source
    isDemo
    current {
      date
      value
      average
      deviation
      percentile
      zScore
    }
    history {
      date
      value
      average
      percentile
    }
  }
}
    `, {"hash":"5dfc5eb3b806dd7e40e11274abaaaebe328b361269a98cde41ad4ffb587561a5"}) as unknown as TypedDocumentString<ValuationViewQuery, ValuationViewQueryVariables>;