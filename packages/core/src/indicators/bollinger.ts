/**
 * Bollinger Bands.
 *
 * What it is: an SMA (the middle band) with bands `k` standard deviations above and below it.
 * How to read it: bands widen when volatility rises and squeeze when it falls (a squeeze often
 * precedes a breakout); %B (0 at the lower band, 1 at the upper band) tells where price sits.
 * Formula (John Bollinger, *Bollinger on Bollinger Bands*, 2001): middle = SMA_p(v),
 * σ = **population** standard deviation of the same p values (divisor p, as Bollinger specifies),
 * upper/lower = middle ± k·σ, %B = (v − lower) / (upper − lower). Defaults p = 20, k = 2. Matches
 * `technicalindicators` BollingerBands and `trading-signals` BollingerBands.
 *
 * Output: `Float64Array`s of the input length, `period − 1` warm-up `NaN`s; a window containing
 * a `NaN` gives `NaN`. %B is `NaN` when the bands have zero width (undefined).
 * Complexity: O(n): sliding Welford update of the window mean and sum of squared deviations
 * (numerically stable, unlike Σv² − (Σv)²/p); no allocation per point.
 */
import { assertFinite, assertPositiveInteger } from "../errors.js";

/** Result of {@link bollingerBands}. */
export interface BollingerResult {
  readonly middle: Float64Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
  /** %B = (v − lower) / (upper − lower). */
  readonly percentB: Float64Array;
}

/**
 * Bollinger Bands over `period` values (default 20) at `k` population standard deviations
 * (default 2), see the file header. Throws `InvalidArgumentError` for a bad period or a
 * non-finite `k`.
 *
 * @example
 * const b = bollingerBands(new Float64Array([1, 2, 3]), 3, 2);
 * b.middle[2]; // 2
 * b.upper[2];  // 3.632… (2 + 2·√(2/3))
 * b.lower[2];  // 0.367…
 */
export function bollingerBands(values: ArrayLike<number>, period = 20, k = 2): BollingerResult {
  assertPositiveInteger("period", period);
  assertFinite("k", k);
  const n = values.length;
  const middle = new Float64Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const percentB = new Float64Array(n);
  const invP = 1 / period;
  let count = 0; // valid values in the window
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= period ? values[i - period]! : Number.NaN;
    const xValid = !Number.isNaN(x);
    const oValid = !Number.isNaN(o);
    if (xValid && oValid && count === period) {
      // Fixed-size replace: one update instead of remove + add.
      const delta = x - o;
      const newMean = mean + delta * invP;
      m2 += delta * (x - newMean + o - mean);
      mean = newMean;
    } else {
      if (oValid) {
        if (count === 1) {
          count = 0;
          mean = 0;
          m2 = 0;
        } else {
          const m0 = (count * mean - o) / (count - 1);
          m2 -= (o - m0) * (o - mean);
          mean = m0;
          count--;
        }
      }
      if (xValid) {
        count++;
        const d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
      }
    }
    if (count === period) {
      // Below the rounding noise of the sliding update (≈ ε·Σx²), the window is constant.
      const sd = m2 > 64 * Number.EPSILON * period * mean * mean ? Math.sqrt(m2 * invP) : 0;
      const up = mean + k * sd;
      const lo = mean - k * sd;
      middle[i] = mean;
      upper[i] = up;
      lower[i] = lo;
      percentB[i] = up > lo ? (x - lo) / (up - lo) : Number.NaN;
    } else {
      middle[i] = Number.NaN;
      upper[i] = Number.NaN;
      lower[i] = Number.NaN;
      percentB[i] = Number.NaN;
    }
  }
  return { middle, upper, lower, percentB };
}
