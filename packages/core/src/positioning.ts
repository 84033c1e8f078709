/**
 * **Positioning vs its average**: how far a positioning measure (fund flows, futures net
 * positioning, small-cap share of equity allocations, a sentiment survey…) is from its long-run or
 * trailing average — as a deviation, a z-score and a percentile — now and through time.
 *
 * ## How to read it
 * For each valid observation v at date t, over its reference window W(t):
 * - `average` = mean of W(t); `deviation` = v − average (series units);
 * - `zScore` = deviation / sample sd of W(t) (NaN for < 2 values or zero dispersion);
 * - `percentile` (0–100) = share of W(t) **≤** v (weak percentile rank; the current value counts).
 * A z-score of −1.5 or a percentile of 5 means "much lower than usual": for an ownership measure,
 * under-owned.
 *
 * ## Windows
 * - `window: "all"` (default): W(t) is the whole history **up to and including t** (expanding,
 *   no look-ahead). The current values therefore use the full history.
 * - `window: m` (integer months): W(t) holds the observations dated after `addMonths(t, −m)` and
 *   on or before t (a trailing m-calendar-month window). `addMonths` clamps to month end, so with
 *   month-end data and m not a multiple of 12 a window can hold one extra observation
 *   (2020-04-30 − 3 months = 2020-01-30, so 2020-01-31 is inside); use multiples of 12 for
 *   month-end data when exact counts matter.
 * NaN observations are skipped: they are neither in the windows nor in the output series.
 *
 * Cost: O(n log n + n·w) with a sorted window (w = window size); fine for daily data over decades.
 */
import { addMonths } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { WindowMoments } from "./indicators/window-sums.js";
import { assertSeries, type Series } from "./series.js";

/** Options of {@link positioningVsAverage}. */
export interface PositioningOptions {
  /** `"all"` (expanding, default) or a trailing window length in calendar months. */
  readonly window?: "all" | number;
}

/** Position of one observation relative to its window. */
export interface PositioningPoint {
  readonly date: number;
  readonly value: number;
  readonly average: number;
  readonly deviation: number;
  readonly zScore: number;
  /** Percent, 0–100: share of the window ≤ value. */
  readonly percentile: number;
  /** Number of observations in the window. */
  readonly observations: number;
}

/** Result of {@link positioningVsAverage}: series over the valid observations, and the latest point. */
export interface Positioning {
  readonly window: "all" | number;
  readonly dates: Int32Array;
  readonly values: Float64Array;
  readonly average: Float64Array;
  readonly deviation: Float64Array;
  readonly zScore: Float64Array;
  readonly percentile: Float64Array;
  /** Window size per date. */
  readonly observations: Int32Array;
  /** The latest valid observation's position; `null` for an empty or all-NaN input. */
  readonly current: PositioningPoint | null;
}

/** First index with sorted[i] > x among the first n entries. */
function upperBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Deviation from the average, z-score and percentile of each observation within its window
 * (expanding by default, or trailing `window` months), plus the current (latest) values.
 *
 * @example
 * import { positioningVsAverage, seriesFromArrays } from "@cyclelens/core";
 * const p = positioningVsAverage(seriesFromArrays([1, 2, 3, 4], [10, 12, 8, 6]));
 * p.current;
 * // { date: 4, value: 6, average: 9, deviation: -3, zScore: -1.1619, percentile: 25, observations: 4 }
 * Array.from(p.average); // [10, 11, 10, 9]   (expanding means)
 */
export function positioningVsAverage(series: Series, options: PositioningOptions = {}): Positioning {
  assertSeries("series", series);
  const window = options.window ?? "all";
  if (window !== "all") {
    if (typeof window !== "number")
      throw new InvalidArgumentError("window", window, 'must be "all" or a number of months');
    assertPositiveInteger("window", window);
  }

  // valid observations only
  const N = series.values.length;
  const dates = new Int32Array(N);
  const values = new Float64Array(N);
  let n = 0;
  for (let i = 0; i < N; i++) {
    const v = series.values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v))
      throw new InvalidArgumentError(`series.values[${i}]`, v, "must be finite or NaN");
    dates[n] = series.dates[i]!;
    values[n++] = v;
  }
  const out = {
    average: new Float64Array(n),
    deviation: new Float64Array(n),
    zScore: new Float64Array(n),
    percentile: new Float64Array(n),
    observations: new Int32Array(n),
  };

  const sorted = new Float64Array(n); // sorted window values, first `size` entries
  let size = 0;
  // Moments of the window values[start..i]: shifted sums with an error bound, re-based from the
  // window when needed (indicators/window-sums.ts), so they stay exact to ~1e-12 on any scale.
  const moments = new WindowMoments();
  let start = 0; // first index in the window
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // add v
    const at = upperBound(sorted, size, v);
    sorted.copyWithin(at + 1, at, size);
    sorted[at] = v;
    size++;
    moments.add(v);
    // drop observations dated on or before t − m months
    if (window !== "all") {
      const cutoff = addMonths(dates[i]!, -window);
      while (dates[start]! <= cutoff) {
        const old = values[start++]!;
        const pos = upperBound(sorted, size, old) - 1; // an index holding `old`
        sorted.copyWithin(pos, pos + 1, size);
        size--;
        moments.remove(old);
      }
    }
    moments.refresh(values, start, size, n);
    const avg = moments.mean();
    const dev = moments.deviation(v); // v − avg from the shifted sums (keeps its digits on an offset)
    const ss = moments.m2();
    const sd = size > 1 ? Math.sqrt(ss / (size - 1)) : Number.NaN;
    out.average[i] = avg;
    out.deviation[i] = dev;
    out.zScore[i] = sd > 0 ? dev / sd : Number.NaN;
    out.percentile[i] = (100 * upperBound(sorted, size, v)) / size;
    out.observations[i] = size;
  }

  const last = n - 1;
  return {
    window,
    dates: dates.slice(0, n),
    values: values.slice(0, n),
    ...out,
    current:
      n === 0
        ? null
        : {
            date: dates[last]!,
            value: values[last]!,
            average: out.average[last]!,
            deviation: out.deviation[last]!,
            zScore: out.zScore[last]!,
            percentile: out.percentile[last]!,
            observations: out.observations[last]!,
          },
  };
}
