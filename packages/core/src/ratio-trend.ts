/**
 * **Market-internal ratios**: the trend of one instrument against another — cyclicals against defensives
 * (XLY/XLP), equal weight against cap weight (RSP/SPY), small against large caps (IWM/SPY) — read as in
 * `compare`: the ratio line, its moving average, which side of it the ratio is on, and the crossings.
 *
 * How to read it: a ratio above its moving average and rising means the numerator is leading (risk
 * appetite for XLY/XLP, a broadening market for RSP/SPY, small-cap leadership for IWM/SPY); a crossing
 * marks a possible turn.
 *
 * ## Conventions
 * - Ratio = numerator / denominator on the dates both have a valid price > 0 (inner join; pass adjusted
 *   closes). The moving average is the simple average of the last `averagePeriod` ratios (default 50),
 *   computed on the whole history; NaN during its warm-up.
 * - A crossing is dated on the first day strictly on the new side (`crossovers`: touching is not crossing).
 * - `changes` are ratio changes over calendar months (`ratio / ratio on or before addMonths(date, −k) − 1`).
 */
import { addMonths } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { crossovers } from "./indicators/crossovers.js";
import { sma } from "./indicators/sma.js";
import { alignSeries, assertSeries, indexOnOrBefore, type Series } from "./series.js";

/** A ratio line with its moving average and crossings, see {@link ratioTrend}. */
export interface RatioTrend {
  /** Common dates with a valid ratio. */
  readonly dates: Int32Array;
  /** numerator / denominator. */
  readonly ratio: Float64Array;
  /** Simple moving average of the ratio (NaN during the warm-up). */
  readonly average: Float64Array;
  readonly averagePeriod: number;
  /** Every crossing of the ratio and its average, oldest first. */
  readonly crossovers: readonly { readonly date: number; readonly direction: "up" | "down" }[];
}

/** Where a ratio stands on a date, see {@link ratioTrendAt}. */
export interface RatioTrendState {
  /** Last ratio date on or before the as-of date (NaN without one). */
  readonly date: number;
  readonly ratio: number;
  readonly average: number;
  /** ratio / average − 1 (NaN during the warm-up). */
  readonly vsAverage: number;
  /** ratio > average; null during the warm-up. */
  readonly above: boolean | null;
  /** The last crossing on or before the date (null: none). */
  readonly lastCrossover: { readonly date: number; readonly direction: "up" | "down" } | null;
  /** Ratio change over 3 and 6 calendar months (NaN without the history). */
  readonly change3m: number;
  readonly change6m: number;
}

/**
 * The ratio line of two price series with its moving average and crossings.
 *
 * @example
 * import { ratioTrend, seriesFromArrays } from "@cyclelens/core";
 * const xly = seriesFromArrays([1, 2, 3, 4], [10, 10, 12, 9]);
 * const xlp = seriesFromArrays([1, 2, 3, 4], [10, 10, 10, 10]);
 * const t = ratioTrend(xly, xlp, { averagePeriod: 2 });
 * t.average;    // Float64Array [NaN, 1, 1.1, 1.05]
 * t.crossovers; // [{ date: 4, direction: "down" }]  (day 2 touches the average, day 3 sets the side)
 */
export function ratioTrend(
  numerator: Series,
  denominator: Series,
  options: { averagePeriod?: number } = {},
): RatioTrend {
  assertSeries("numerator", numerator);
  assertSeries("denominator", denominator);
  const averagePeriod = options.averagePeriod ?? 50;
  assertPositiveInteger("averagePeriod", averagePeriod);
  const j = alignSeries(numerator, denominator);
  const a = j.values[0]!;
  const b = j.values[1]!;
  const dates = new Int32Array(j.dates.length);
  const ratio = new Float64Array(j.dates.length);
  let k = 0;
  for (let i = 0; i < j.dates.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))) continue;
    dates[k] = j.dates[i]!;
    ratio[k++] = x / y;
  }
  const d = dates.slice(0, k);
  const r = ratio.slice(0, k);
  const average = sma(r, averagePeriod);
  return {
    dates: d,
    ratio: r,
    average,
    averagePeriod,
    crossovers: crossovers(r, average, d).map((c) => ({ date: c.date!, direction: c.direction })),
  };
}

/**
 * The state of a ratio trend on `asOf` (the last ratio on or before it); uses nothing after `asOf`.
 *
 * @example
 * import { ratioTrend, ratioTrendAt, seriesFromArrays } from "@cyclelens/core";
 * const t = ratioTrend(seriesFromArrays([1, 2, 3], [10, 11, 12]), seriesFromArrays([1, 2, 3], [10, 10, 10]), { averagePeriod: 2 });
 * ratioTrendAt(t, 3).vsAverage; // 1.2 / 1.15 − 1 ≈ 0.0435
 */
export function ratioTrendAt(trend: RatioTrend, asOf: number): RatioTrendState {
  if (!Number.isInteger(asOf)) throw new InvalidArgumentError("asOf", asOf, "must be an integer epoch day");
  const i = indexOnOrBefore(trend.dates, asOf);
  const nan = Number.NaN;
  if (i < 0) {
    return {
      date: nan,
      ratio: nan,
      average: nan,
      vsAverage: nan,
      above: null,
      lastCrossover: null,
      change3m: nan,
      change6m: nan,
    };
  }
  const date = trend.dates[i]!;
  const ratio = trend.ratio[i]!;
  const average = trend.average[i]!;
  const change = (months: number) => {
    const j = indexOnOrBefore(trend.dates, addMonths(date, -months));
    return j >= 0 ? ratio / trend.ratio[j]! - 1 : nan;
  };
  let lastCrossover: RatioTrendState["lastCrossover"] = null;
  const xs = trend.crossovers;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) lastCrossover = xs[lo - 1]!;
  return {
    date,
    ratio,
    average,
    vsAverage: Number.isNaN(average) ? nan : ratio / average - 1,
    above: Number.isNaN(average) ? null : ratio > average,
    lastCrossover,
    change3m: change(3),
    change6m: change(6),
  };
}
