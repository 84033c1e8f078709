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
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out: { … } }` writes into caller-provided buffers of the input length
 * instead of allocating (for callers that recompute often).
 * `{ percentB: false }` skips %B (one output array and one division per point fewer).
 */
import { assertFinite, assertPositiveInteger } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";

/** The three bands: what {@link bollingerBands} returns with `{ percentB: false }`. */
export interface BollingerBands {
  readonly middle: Float64Array;
  readonly upper: Float64Array;
  readonly lower: Float64Array;
}

/** Result of {@link bollingerBands}. */
export interface BollingerResult extends BollingerBands {
  /** %B = (v − lower) / (upper − lower). */
  readonly percentB: Float64Array;
}

/** Options for {@link bollingerBands}. */
export interface BollingerOptions {
  /**
   * Compute %B (default `true`). With `false` the result has no `percentB` (one output array and
   * one division per point fewer); the bands are identical.
   */
  percentB?: boolean;
  /**
   * Write the results into these arrays instead of allocating them (each one optional; the
   * returned object holds the given arrays). Each must be a `Float64Array` of exactly the input
   * length sharing no memory with the input or with the other outputs; every element is
   * overwritten. Lets callers that recompute often reuse their buffers.
   */
  out?: { middle?: Float64Array; upper?: Float64Array; lower?: Float64Array; percentB?: Float64Array };
}

/**
 * Bollinger Bands over `period` values (default 20) at `k` population standard deviations
 * (default 2), see the file header. Throws `InvalidArgumentError` for a bad period, a
 * non-finite `k` or a bad `options.out`.
 *
 * @example
 * const b = bollingerBands(new Float64Array([1, 2, 3]), 3, 2);
 * b.middle[2]; // 2
 * b.upper[2];  // 3.632… (2 + 2·√(2/3))
 * b.lower[2];  // 0.367…
 * bollingerBands(new Float64Array([1, 2, 3]), 3, 2, { percentB: false }); // { middle, upper, lower }
 */
export function bollingerBands(
  values: ArrayLike<number>,
  period?: number,
  k?: number,
  options?: BollingerOptions & { percentB?: true },
): BollingerResult;
export function bollingerBands(
  values: ArrayLike<number>,
  period: number | undefined,
  k: number | undefined,
  options: BollingerOptions & { percentB: false },
): BollingerBands;
export function bollingerBands(
  values: ArrayLike<number>,
  period?: number,
  k?: number,
  options?: BollingerOptions,
): BollingerBands | BollingerResult;
export function bollingerBands(
  values: ArrayLike<number>,
  period = 20,
  k = 2,
  options?: BollingerOptions,
): BollingerBands | BollingerResult {
  assertPositiveInteger("period", period);
  assertFinite("k", k);
  const v = asFloat64(values);
  const n = v.length;
  const o = options?.out;
  const middle = outputBuffer("out.middle", o?.middle, n, [v]);
  const upper = outputBuffer("out.upper", o?.upper, n, [v], [middle]);
  const lower = outputBuffer("out.lower", o?.lower, n, [v], [middle, upper]);
  if (options?.percentB === false) {
    bandsKernel(v, period, k, middle, upper, lower);
    return { middle, upper, lower };
  }
  const percentB = outputBuffer("out.percentB", o?.percentB, n, [v], [middle, upper, lower]);
  bandsPercentBKernel(v, period, k, middle, upper, lower, percentB);
  return { middle, upper, lower, percentB };
}

// The two kernels below are the same sliding-Welford loop, with and without %B. They are kept as
// two functions on purpose: one kernel taking `percentB: Float64Array | null` becomes polymorphic
// once both forms are used in a process and measured ~1.7× slower.

function bandsPercentBKernel(
  values: Float64Array,
  period: number,
  k: number,
  middle: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
  percentB: Float64Array,
): void {
  const n = values.length;
  const invP = 1 / period;
  // Below the rounding noise of the sliding update (≈ ε·Σx²), the window is constant: σ = 0.
  const noise = 64 * Number.EPSILON * period;
  let count = 0; // valid values in the window
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= period ? values[i - period]! : Number.NaN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && count === period) {
      // Fixed-size replace: one update instead of remove + add.
      const delta = x - o;
      const newMean = mean + delta * invP;
      m2 += delta * (x - newMean + o - mean);
      mean = newMean;
    } else {
      if (!Number.isNaN(o)) {
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
      if (!Number.isNaN(x)) {
        count++;
        const d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
      }
      if (count !== period) {
        middle[i] = Number.NaN;
        upper[i] = Number.NaN;
        lower[i] = Number.NaN;
        percentB[i] = Number.NaN;
        continue;
      }
    }
    const sd = m2 > noise * mean * mean ? Math.sqrt(m2 * invP) : 0;
    const up = mean + k * sd;
    const lo = mean - k * sd;
    middle[i] = mean;
    upper[i] = up;
    lower[i] = lo;
    percentB[i] = up > lo ? (x - lo) / (up - lo) : Number.NaN;
  }
}

function bandsKernel(
  values: Float64Array,
  period: number,
  k: number,
  middle: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const n = values.length;
  const invP = 1 / period;
  const noise = 64 * Number.EPSILON * period;
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= period ? values[i - period]! : Number.NaN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && count === period) {
      const delta = x - o;
      const newMean = mean + delta * invP;
      m2 += delta * (x - newMean + o - mean);
      mean = newMean;
    } else {
      if (!Number.isNaN(o)) {
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
      if (!Number.isNaN(x)) {
        count++;
        const d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
      }
      if (count !== period) {
        middle[i] = Number.NaN;
        upper[i] = Number.NaN;
        lower[i] = Number.NaN;
        continue;
      }
    }
    const sd = m2 > noise * mean * mean ? Math.sqrt(m2 * invP) : 0;
    middle[i] = mean;
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
  }
}
