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

export type DashboardQueryVariables = Exact<{
  symbols?: Array<Scalars['String']['input']> | Scalars['String']['input'];
  range: DateRange;
  recent: DateRange;
  smaPeriod?: Scalars['Int']['input'];
  rsiPeriod?: InputMaybe<Scalars['Int']['input']>;
  horizons?: InputMaybe<Array<Scalars['Int']['input']> | Scalars['Int']['input']>;
}>;


export type DashboardQuery = { instruments?: Array<{ symbol: string, name: string, segment: string, isDemo: boolean, lastDate?: string | null, performance?: { startDate?: string | null, endDate?: string | null, totalReturn?: number | null, cagr?: number | null, volatility?: number | null, sharpe?: number | null, maxDrawdown: { depth?: number | null, peakDate?: string | null, troughDate?: string | null, recoveryDate?: string | null } } | null, sma: Array<{ date: string, value?: number | null }>, rsi: Array<{ date: string, value?: number | null }> }> | null, rateCycleStudy?: { direction: CycleDirection, base: { symbol: string }, benchmark: { symbol: string }, cycles: Array<{ start: string, end: string, totalChangeBp: number, ongoing: boolean }>, horizons: Array<{ months: number, complete: number, incomplete: number, excess: { count: number, mean?: number | null, median?: number | null, hitRate?: number | null, tStat?: number | null, min?: number | null, max?: number | null } }> } | null };

export type DatasetChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DatasetChangedSubscription = { datasetChanged: { version: number, changedAt: string, instruments: Array<string>, series: Array<string>, kinds: Array<DatasetChangeKind>, source: DatasetChangeSource } };

export type DatasetQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetQuery = { dataset: { label: DatasetLabel, isDemo: boolean, instruments: Array<{ name: string, provenance: string, firstDate?: string | null, lastDate?: string | null, rows: number }> } };

export type KreDrawdownQueryVariables = Exact<{
  symbol?: Scalars['String']['input'];
  peakWithin?: DateRange;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type KreDrawdownQuery = { instrument?: { symbol: string, name: string, drawdown?: { peakDate?: string | null, peakValue?: number | null, asOfDate?: string | null, asOfValue?: number | null, drawdown?: number | null, series: Array<{ date: string, value?: number | null }> } | null } | null };

export type RotationSignalQueryVariables = Exact<{
  small?: InputMaybe<Scalars['String']['input']>;
  large?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
}>;


export type RotationSignalQuery = { rotationSignal?: { asOf?: string | null, score?: number | null, label: string, availableWeight: number, small: { symbol: string }, large: { symbol: string }, components: Array<{ name: string, available: boolean, weight: number, effectiveWeight: number, raw?: number | null, normalized?: number | null, contribution: number, detail: string }> } | null };

export type SmallVsLargeQueryVariables = Exact<{
  base?: Scalars['String']['input'];
  benchmark?: Scalars['String']['input'];
  from?: Scalars['Date']['input'];
}>;


export type SmallVsLargeQuery = { compare?: { startDate?: string | null, endDate?: string | null, observations: number, baseReturn?: number | null, benchmarkReturn?: number | null, returnGap?: number | null, beta?: number | null, correlation?: number | null, base: { symbol: string }, benchmark: { symbol: string }, relativeStrength: Array<{ date: string, value?: number | null }>, leadership: { date?: string | null, ratio?: number | null, average?: number | null, ratioVsAverage?: number | null, aboveAverage?: boolean | null, lastCrossover?: { date: string, direction: string } | null } } | null };


export const DashboardDocument = {"__meta__":{"hash":"4bda6ae40edfb4da2981707cfab5f068a7e25293789a0120b5d2bc7dddf34ef7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"IWM","block":false},{"kind":"StringValue","value":"SPY","block":false},{"kind":"StringValue","value":"KRE","block":false}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recent"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"smaPeriod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"200"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rsiPeriod"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"14"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizons"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"IntValue","value":"3"},{"kind":"IntValue","value":"6"},{"kind":"IntValue","value":"12"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instruments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"lastDate"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"cagr"}},{"kind":"Field","name":{"kind":"Name","value":"volatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"peakDate"}},{"kind":"Field","name":{"kind":"Name","value":"troughDate"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sma"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"smaPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rsi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rsiPeriod"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recent"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rateCycleStudy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"base"},"value":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"benchmark"},"value":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"EASING"}},{"kind":"Argument","name":{"kind":"Name","value":"horizons"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizons"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"totalChangeBp"}},{"kind":"Field","name":{"kind":"Name","value":"ongoing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"horizons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"incomplete"}},{"kind":"Field","name":{"kind":"Name","value":"excess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"hitRate"}},{"kind":"Field","name":{"kind":"Name","value":"tStat"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const DatasetChangedDocument = {"__meta__":{"hash":"29ce1c06b1c17721c5694a9f6a9ac2b4114791de1b8fd0e11ffba4e9b650efac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DatasetChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"}},{"kind":"Field","name":{"kind":"Name","value":"series"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<DatasetChangedSubscription, DatasetChangedSubscriptionVariables>;
export const DatasetDocument = {"__meta__":{"hash":"3bc14da0bb707d1cbcfb08bd3903fd71b652fb96e2975bc4cfe9d3455b0d0b69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"}},{"kind":"Field","name":{"kind":"Name","value":"firstDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastDate"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]}}]} as unknown as DocumentNode<DatasetQuery, DatasetQueryVariables>;
export const KreDrawdownDocument = {"__meta__":{"hash":"27680f43e2098728b5d321b708dc585f443675ed3d0dce9c8d9c72f134c00c71"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KreDrawdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"KRE","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"peakWithin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRange"}}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"2022-01-01","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"StringValue","value":"2022-12-31","block":false}}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drawdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"peakWithin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"peakWithin"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peakDate"}},{"kind":"Field","name":{"kind":"Name","value":"peakValue"}},{"kind":"Field","name":{"kind":"Name","value":"asOfDate"}},{"kind":"Field","name":{"kind":"Name","value":"asOfValue"}},{"kind":"Field","name":{"kind":"Name","value":"drawdown"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<KreDrawdownQuery, KreDrawdownQueryVariables>;
export const RotationSignalDocument = {"__meta__":{"hash":"8d6acfaf506939aeb264f4f0073d6d6606274c79f6e024e7c1e6fd9ef5e636db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RotationSignal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"small"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"large"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotationSignal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"small"},"value":{"kind":"Variable","name":{"kind":"Name","value":"small"}}},{"kind":"Argument","name":{"kind":"Name","value":"large"},"value":{"kind":"Variable","name":{"kind":"Name","value":"large"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"availableWeight"}},{"kind":"Field","name":{"kind":"Name","value":"small"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"large"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveWeight"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<RotationSignalQuery, RotationSignalQueryVariables>;
export const SmallVsLargeDocument = {"__meta__":{"hash":"e425327c3d1aefa49f456e2e9f91b20311681fac7f2874dd6698c0713ede6d04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmallVsLarge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"base"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"IWM","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"SPY","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},"defaultValue":{"kind":"StringValue","value":"2021-01-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"base"},"value":{"kind":"Variable","name":{"kind":"Name","value":"base"}}},{"kind":"Argument","name":{"kind":"Name","value":"benchmark"},"value":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"observations"}},{"kind":"Field","name":{"kind":"Name","value":"baseReturn"}},{"kind":"Field","name":{"kind":"Name","value":"benchmarkReturn"}},{"kind":"Field","name":{"kind":"Name","value":"returnGap"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"correlation"}},{"kind":"Field","name":{"kind":"Name","value":"relativeStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"ratioVsAverage"}},{"kind":"Field","name":{"kind":"Name","value":"aboveAverage"}},{"kind":"Field","name":{"kind":"Name","value":"lastCrossover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SmallVsLargeQuery, SmallVsLargeQueryVariables>;