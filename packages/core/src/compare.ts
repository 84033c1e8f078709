/**
 * Series-level conveniences: compare two price series in one call — align them on their common
 * dates, cut a date range, take daily simple returns and compute — instead of chaining
 * `alignSeries`, `sliceByDate`, `simpleReturns` and `beta` by hand. Built on the typed-array kernels
 * of `relative.ts` (same numbers, same conventions).
 *
 * Conventions (those of the CycleLens API's `compare`): the two series (adjusted closes) are
 * inner-joined on the dates where both have a valid value; day 0 is the last common date on or
 * before `range.from` (the first common date when there is none), the end is the last common date
 * on or before `range.to` (default: the last common date); returns are daily simple returns of the
 * joined prices; annualisation with 252 periods. Dates go in as epoch days or `YYYY-MM-DD`; dates
 * come out as epoch days (`toISODate` formats them).
 *
 * @example
 * import { betaOf, compareSeries, seriesFromRows, toISODate } from "@cyclelens/core";
 * const iwm = seriesFromRows(iwmRows);
 * const spy = seriesFromRows(spyRows);
 * betaOf(iwm, spy, { from: "2021-01-01" }); // beta of IWM's daily returns on SPY's
 * const c = compareSeries(iwm, spy, { from: "2021-01-01" });
 * [toISODate(c.startDate), c.returnGap, c.beta, c.correlation];
 */
import { type DateInput, toEpochDay } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import {
  alpha,
  beta,
  correlation,
  downCapture,
  informationRatio,
  rSquared,
  trackingError,
  upCapture,
} from "./relative.js";
import { simpleReturns } from "./returns.js";
import { TRADING_DAYS_PER_YEAR } from "./risk.js";
import { alignSeries, indexOnOrBefore, type Series } from "./series.js";

/** A date range; either end may be omitted (start or end of the common history). */
export interface DateRangeInput {
  from?: DateInput;
  to?: DateInput;
}

/** The two series on their common dates within a range, and their daily returns. */
interface Window {
  /** Common dates from day 0 to the end (inclusive). */
  dates: Int32Array;
  base: Float64Array;
  benchmark: Float64Array;
  /** Daily simple returns (length = dates.length, the first NaN). */
  baseReturns: Float64Array;
  benchmarkReturns: Float64Array;
}

function commonWindow(a: Series, b: Series, range: DateRangeInput): Window {
  const joined = alignSeries(a, b);
  const [pa, pb] = joined.values as [Float64Array, Float64Array];
  // keep the dates where both are valid (a NaN in either is not a common observation)
  const keep: number[] = [];
  for (let i = 0; i < joined.dates.length; i++) {
    if (!Number.isNaN(pa[i]!) && !Number.isNaN(pb[i]!)) keep.push(i);
  }
  const n = keep.length;
  const dates = new Int32Array(n);
  const base = new Float64Array(n);
  const benchmark = new Float64Array(n);
  keep.forEach((k, j) => {
    dates[j] = joined.dates[k]!;
    base[j] = pa[k]!;
    benchmark[j] = pb[k]!;
  });
  const from = range.from === undefined ? undefined : toEpochDay(range.from, "range.from");
  const to = range.to === undefined ? undefined : toEpochDay(range.to, "range.to");
  if (from !== undefined && to !== undefined && to < from) {
    throw new InvalidArgumentError(
      "range.to",
      range.to,
      `must be on or after range.from (${String(range.from)})`,
    );
  }
  const start = from === undefined ? 0 : Math.max(0, indexOnOrBefore(dates, from));
  const end = to === undefined ? n - 1 : indexOnOrBefore(dates, to);
  const e = Math.max(start, end + 1);
  const d = dates.subarray(start, e);
  const x = base.subarray(start, e);
  const y = benchmark.subarray(start, e);
  return {
    dates: d,
    base: x,
    benchmark: y,
    baseReturns: simpleReturns(x),
    benchmarkReturns: simpleReturns(y),
  };
}

/**
 * Beta of `base`'s daily returns on `benchmark`'s over `range` (see the module conventions): one
 * call instead of align, returns and `beta`. `NaN` with fewer than two common returns or a constant
 * benchmark.
 *
 * @example
 * const a = seriesFromArrays(["2024-01-02", "2024-01-03", "2024-01-04"], [100, 102, 99.96]);
 * const b = seriesFromArrays(["2024-01-02", "2024-01-03", "2024-01-04"], [100, 101, 99.99]);
 * betaOf(a, b); // 2
 */
export function betaOf(base: Series, benchmark: Series, range: DateRangeInput = {}): number {
  const w = commonWindow(base, benchmark, range);
  return beta(w.baseReturns, w.benchmarkReturns);
}

/**
 * Pearson correlation of the two series' daily returns over `range` (see the module conventions).
 *
 * @example
 * correlationOf(iwm, spy, { from: "2024-01-01", to: "2024-12-31" });
 */
export function correlationOf(a: Series, b: Series, range: DateRangeInput = {}): number {
  const w = commonWindow(a, b, range);
  return correlation(w.baseReturns, w.benchmarkReturns);
}

/** Result of {@link compareSeries}. Dates are epoch days; undefined figures are `NaN`. */
export interface SeriesComparison {
  /** Day 0 and the last date (epoch days); `NaN` when the series have no common date in range. */
  readonly startDate: number;
  readonly endDate: number;
  /** Number of daily return pairs. */
  readonly observations: number;
  readonly baseReturn: number;
  readonly benchmarkReturn: number;
  /** baseReturn − benchmarkReturn (positive = base ahead). */
  readonly returnGap: number;
  readonly beta: number;
  readonly correlation: number;
  readonly rSquared: number;
  /** Jensen's alpha, annualised (252), risk-free 0. */
  readonly alpha: number;
  readonly upCapture: number;
  readonly downCapture: number;
  /** Annualised tracking error and information ratio (252). */
  readonly trackingError: number;
  readonly informationRatio: number;
  /** The relative-strength line base / benchmark on the common dates, rebased to 1 on day 0. */
  readonly relativeStrength: Series;
}

/**
 * Compares `base` with `benchmark` over `range`: total returns and their gap, beta, correlation,
 * R², alpha, captures, tracking error, information ratio and the rebased relative-strength line
 * (see the module conventions).
 *
 * @example
 * const iwm = seriesFromArrays(["2024-01-02", "2024-01-03", "2024-01-04"], [100, 102, 99.96]);
 * const spy = seriesFromArrays(["2024-01-02", "2024-01-03", "2024-01-04"], [100, 101, 99.99]);
 * const c = compareSeries(iwm, spy, { from: "2024-01-02" });
 * c.returnGap;                      // -0.0003 (−0.04 % vs −0.01 %)
 * c.beta;                           // 2
 * toISODate(c.endDate);             // "2024-01-04"
 * Array.from(c.relativeStrength.values); // [1, 1.0099…, 0.9997…]
 */
export function compareSeries(base: Series, benchmark: Series, range: DateRangeInput = {}): SeriesComparison {
  const w = commonWindow(base, benchmark, range);
  const n = w.dates.length;
  const r = w.baseReturns;
  const m = w.benchmarkReturns;
  const baseReturn = n > 0 ? w.base[n - 1]! / w.base[0]! - 1 : Number.NaN;
  const benchmarkReturn = n > 0 ? w.benchmark[n - 1]! / w.benchmark[0]! - 1 : Number.NaN;
  const ratio = new Float64Array(n);
  const r0 = n > 0 ? w.base[0]! / w.benchmark[0]! : Number.NaN;
  for (let i = 0; i < n; i++) ratio[i] = w.base[i]! / w.benchmark[i]! / r0;
  return {
    startDate: n > 0 ? w.dates[0]! : Number.NaN,
    endDate: n > 0 ? w.dates[n - 1]! : Number.NaN,
    observations: Math.max(0, n - 1),
    baseReturn,
    benchmarkReturn,
    returnGap: baseReturn - benchmarkReturn,
    beta: beta(r, m),
    correlation: correlation(r, m),
    rSquared: rSquared(r, m),
    alpha: alpha(r, m, { periodsPerYear: TRADING_DAYS_PER_YEAR }),
    upCapture: upCapture(r, m),
    downCapture: downCapture(r, m),
    trackingError: trackingError(r, m, TRADING_DAYS_PER_YEAR),
    informationRatio: informationRatio(r, m, TRADING_DAYS_PER_YEAR),
    relativeStrength: { dates: w.dates.slice(), values: ratio },
  };
}
