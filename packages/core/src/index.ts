/**
 * @cyclelens/core — the public surface. Every export is listed by name on purpose: internal helpers
 * (argument checks, output buffers, the window-sum numerics) stay out, and `src/exports.test.ts`
 * fails when this list changes without the README's API table and the test being updated. Modules
 * under active development (cycles, event studies, statistics, intervals, rotation, the macro
 * signals) export as a whole; the test still lists their names.
 */

// rate cycles, event studies and statistics (their modules' exports as a whole)
export * from "./backtest.js";
export {
  betaOf,
  compareSeries,
  correlationOf,
  type DateRangeInput,
  type SeriesComparison,
} from "./compare.js";
export * from "./cycles.js";
export {
  addMonths,
  calendarDate,
  type DateInput,
  dayOfWeek,
  daysFromCivil,
  daysInMonth,
  epochDay,
  formatISODate,
  isISODate,
  isLeapYear,
  isoToEpochDay,
  MAX_DATE,
  MAX_EPOCH_DAY,
  MIN_DATE,
  MIN_EPOCH_DAY,
  parseISODate,
  toEpochDay,
  toISODate,
  ymd,
} from "./dates.js";
export { InvalidArgumentError } from "./errors.js";
export * from "./event-study.js";
export { atr } from "./indicators/atr.js";
export {
  type BollingerBands,
  type BollingerOptions,
  type BollingerResult,
  bollingerBands,
} from "./indicators/bollinger.js";
export { type Crossover, crossovers } from "./indicators/crossovers.js";
export { ema, emaWithAlpha } from "./indicators/ema.js";
export { type MacdOptions, type MacdResult, macd } from "./indicators/macd.js";
export { roc } from "./indicators/roc.js";
export {
  type RollingStdOptions,
  rollingMax,
  rollingMean,
  rollingMin,
  rollingPercentileRank,
  rollingStd,
  rollingZScore,
} from "./indicators/rolling.js";
export { rsi } from "./indicators/rsi.js";
export { type IndicatorOutputOptions, sma } from "./indicators/sma.js";
export { wma } from "./indicators/wma.js";
export * from "./intervals.js";
export * from "./labour.js";
export {
  type Positioning,
  type PositioningOptions,
  type PositioningPoint,
  positioningVsAverage,
} from "./positioning.js";
export * from "./ratio-trend.js";
export * from "./recessions.js";
export * from "./regimes.js";
export {
  alpha,
  beta,
  correlation,
  downCapture,
  informationRatio,
  type RelativeStrengthOptions,
  relativeStrength,
  returnGap,
  rollingBeta,
  rollingCorrelation,
  rSquared,
  trackingError,
  upCapture,
} from "./relative.js";
export {
  type AdjustedCloses,
  adjustedCloses,
  annualizeReturn,
  type CalendarYearReturn,
  cagr,
  calendarYearReturns,
  cumulativeReturns,
  DAYS_PER_YEAR,
  indexOfValidOnOrBefore,
  logReturns,
  type PeriodReturnsOptions,
  periodReturns,
  periodStart,
  rollingReturns,
  simpleReturns,
  sinceDate,
  TRAILING_PERIOD_MONTHS,
  type TrailingPeriod,
  totalReturn,
  type WindowEndpoints,
  windowEndpoints,
} from "./returns.js";
export {
  annualizedVolatility,
  calmarRatio,
  type DrawdownFromPeak,
  downsideDeviation,
  drawdownFromPeak,
  drawdownSeries,
  excessReturns,
  historicalCVaR,
  historicalVaR,
  type MaxDrawdown,
  MONTHS_PER_YEAR,
  maxDrawdown,
  type RatioOptions,
  sharpeRatio,
  sortinoRatio,
  TRADING_DAYS_PER_YEAR,
  ulcerIndex,
} from "./risk.js";
export * from "./rotation.js";
export {
  type RateSensitivity,
  type RateSensitivityOptions,
  type RollingRateSensitivity,
  rateSensitivity,
  rollingRateSensitivity,
  type SensitivityFrequency,
} from "./sensitivity.js";
export {
  type AlignedSeries,
  type AsOfJoinOptions,
  alignSeries,
  asOfJoin,
  indexOnOrAfter,
  indexOnOrBefore,
  type ResamplePeriod,
  resample,
  type Series,
  seriesFromArrays,
  seriesFromRows,
  sliceByDate,
} from "./series.js";
export * from "./stats.js";
export {
  AtrStream,
  BollingerStream,
  type BollingerValue,
  DrawdownStream,
  EmaStream,
  type EmaStreamOptions,
  MacdStream,
  type MacdValue,
  RocStream,
  RollingBetaStream,
  RollingCorrelationStream,
  RollingMaxStream,
  RollingMeanStream,
  RollingMinStream,
  RollingPercentileRankStream,
  RollingStdStream,
  type RollingStdStreamOptions,
  RollingZScoreStream,
  RsiStream,
  SmaStream,
  type StreamingIndicator,
  type StreamingMaxDrawdown,
  WmaStream,
} from "./stream/index.js";
export {
  type HistoryPosition,
  historyPosition,
  type ValuationGap,
  type ValuationGapOptions,
  valuationGap,
} from "./valuation.js";
export * from "./yield-curve.js";
