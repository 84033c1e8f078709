/**
 * Descriptive statistics on plain numeric arrays (`number[]` or any typed array).
 *
 * Conventions:
 * - `NaN` values are **skipped** (treated as missing) by every function here.
 * - An undefined result — the mean of nothing, the standard deviation of fewer than two values,
 *   a z-score against a zero standard deviation — is `NaN`, never `Infinity` and never a throw.
 * - Standard deviations and variances are **sample** statistics (divisor n − 1), computed with
 *   Welford's one-pass algorithm; sums use Neumaier compensated summation.
 * - Quantiles use linear interpolation between order statistics (Hyndman & Fan type 7, the
 *   default of R, NumPy and Excel's `PERCENTILE.INC`).
 */
import { InvalidArgumentError } from "./errors.js";

/**
 * Number of valid (non-NaN) values.
 *
 * @example
 * countValid([1, NaN, 3]); // 2
 */
export function countValid(values: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) c++;
  return c;
}

/**
 * Arithmetic mean of the valid values (Neumaier-compensated sum). `NaN` (undefined) when there are
 * none.
 *
 * @example
 * mean([1, 2, 3, NaN]); // 2
 * mean([]);             // NaN
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    n++;
  }
  return n === 0 ? Number.NaN : (sum + comp) / n;
}

/**
 * Sample variance (divisor n − 1) of the valid values, Welford's algorithm. `NaN` (undefined) for
 * fewer than two valid values.
 *
 * @example
 * variance([2, 4, 4, 4, 5, 5, 7, 9]); // 4.571428571428571 (= 32 / 7)
 */
export function variance(values: ArrayLike<number>): number {
  let n = 0;
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    const d = v - m;
    m += d / n;
    m2 += d * (v - m);
  }
  return n < 2 ? Number.NaN : Math.max(0, m2) / (n - 1);
}

/**
 * Sample standard deviation (divisor n − 1) of the valid values. `NaN` (undefined) for fewer than
 * two valid values.
 *
 * @example
 * stddev([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138089935299395
 * stddev([5]);                      // NaN
 */
export function stddev(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}

/** Sorted copy of the valid values. */
function sortedValid(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(countValid(values));
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out.sort();
}

/** Type-7 quantile of already sorted, NaN-free values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

/**
 * Quantile `p` (0 ≤ p ≤ 1) of the valid values with linear interpolation between order
 * statistics (type 7: position h = (n − 1)·p). `NaN` (undefined) when there are no valid values.
 * Throws {@link InvalidArgumentError} when `p` is outside [0, 1]. O(n log n) (sorts a copy).
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5);  // 2.5
 * quantile([1, 2, 3, 4], 0.25); // 1.75
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError("p", p, "must be a number in [0, 1]");
  return quantileSorted(sortedValid(values), p);
}

/**
 * Median of the valid values (the 0.5 quantile; the mean of the two middle values for an even
 * count). `NaN` (undefined) when there are none.
 *
 * @example
 * median([3, 1, 2]);    // 2
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedValid(values), 0.5);
}

/**
 * One-sample t statistic of the valid values against `mu0` (default 0):
 * t = (mean − mu0) / (s / √n), with s the sample standard deviation. Degrees of freedom n − 1.
 * `NaN` (undefined) for fewer than two values or a zero standard deviation.
 *
 * @example
 * tStatistic([1, 2, 3, 4, 5]);    // 4.242640687119285  (= 3 / (√2.5 / √5))
 * tStatistic([1, 2, 3, 4, 5], 3); // 0
 */
export function tStatistic(values: ArrayLike<number>, mu0 = 0): number {
  const n = countValid(values);
  const s = stddev(values);
  if (n < 2 || !(s > 0)) return Number.NaN;
  return (mean(values) - mu0) / (s / Math.sqrt(n));
}

/** How {@link percentileRank} counts ties. */
export type PercentileRankKind = "weak" | "strict" | "mean";

/**
 * Percentile rank of `x` among the valid values, in percent (0–100):
 * - `"weak"` (default): share of values ≤ x — "x is at the 95th percentile of its history";
 * - `"strict"`: share of values < x;
 * - `"mean"`: average of the two (ties count half).
 * `NaN` (undefined) when there are no valid values or `x` is `NaN`. O(n).
 *
 * @example
 * percentileRank([1, 2, 3, 4], 3);           // 75
 * percentileRank([1, 2, 3, 4], 3, "strict"); // 50
 * percentileRank([1, 2, 3, 4], 3, "mean");   // 62.5
 */
export function percentileRank(
  values: ArrayLike<number>,
  x: number,
  kind: PercentileRankKind = "weak",
): number {
  if (Number.isNaN(x)) return Number.NaN;
  let n = 0;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    if (v < x) below++;
    else if (v === x) equal++;
  }
  if (n === 0) return Number.NaN;
  const count = kind === "strict" ? below : kind === "mean" ? below + equal / 2 : below + equal;
  return (100 * count) / n;
}

/**
 * Z-score of `x` against the valid values: (x − mean) / sample standard deviation.
 * `NaN` (undefined) for fewer than two values or a zero standard deviation.
 *
 * @example
 * zScore([2, 4, 4, 4, 5, 5, 7, 9], 9); // 1.8708286933869707
 * zScore([1, 1, 1], 2);                // NaN
 */
export function zScore(values: ArrayLike<number>, x: number): number {
  const s = stddev(values);
  if (!(s > 0)) return Number.NaN;
  return (x - mean(values)) / s;
}

/**
 * Sample covariance (divisor n − 1) of the pairs where both values are valid. `NaN` (undefined)
 * for fewer than two such pairs. Throws {@link InvalidArgumentError} on mismatched lengths.
 *
 * @example
 * covariance([1, 2, 3], [2, 4, 6]); // 2
 */
export function covariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new InvalidArgumentError("b", b, `must have the same length as a (${a.length}), got ${b.length}`);
  }
  let n = 0;
  let ma = 0;
  let mb = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    const dx = x - ma;
    ma += dx / n;
    mb += (y - mb) / n;
    c += dx * (y - mb);
  }
  return n < 2 ? Number.NaN : c / (n - 1);
}
