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
 * Complexity: O(n), no allocation per point: running sums of (v − k) and (v − k)² around a shift k
 * close to the window mean, with a running bound on their rounding error; when the bound passes
 * 1e-11 of the result, or the window turns constant, the window is recomputed exactly
 * (`window-sums.ts`). So σ stays within ~1e-12 of an exact per-window computation after a fall of
 * orders of magnitude, on a large offset (1e9 + noise), and is exactly 0 on a constant window.
 * (The sliding Welford update used before kept the absolute rounding error of past high prices:
 * zero-width bands on 181,653 points of the benchmark's walk from 135 down to 3e-5.)
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out: { … } }` writes into caller-provided buffers of the input length
 * instead of allocating (for callers that recompute often).
 * `{ percentB: false }` skips %B (one output array and one division per point fewer).
 * %B is computed as ½ + (v − middle)/(2kσ) with v − middle from the shifted sums.
 */
import { assertFinite, assertPositiveInteger } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";
import { ERROR_BUDGET, RECENTRE_SD, rebase } from "./window-sums.js";

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

// Module-level aliases: a property read like `Math.abs` inside a branch that the first calls never
// took deoptimises the kernel when it is first taken (measured: the kernel then ran 2–3× slower).
const NAN = Number.NaN;
const abs = Math.abs;
const sqrt = Math.sqrt;

/**
 * The general step of both kernels: removes o and adds x (each when not NaN) in the sums held in
 * `state` = [shift, s1, s2, b1, b2]; returns the new count. An emptied window gets an infinite
 * bound, so its next full window is computed exactly.
 */
function slowStep(x: number, o: number, count: number, state: Float64Array): number {
  let shift = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let b1 = state[3]!;
  let b2 = state[4]!;
  if (!Number.isNaN(o)) {
    if (--count === 0) {
      shift = s1 = s2 = b1 = 0;
      b2 = Number.POSITIVE_INFINITY;
    } else {
      const d = o - shift;
      s1 -= d;
      s2 -= d * d;
      b1 += Math.abs(d) + Math.abs(s1);
      b2 += d * d + Math.abs(s2);
    }
  }
  if (!Number.isNaN(x)) {
    const d = x - shift;
    s1 += d;
    s2 += d * d;
    b1 += Math.abs(d) + Math.abs(s1);
    b2 += d * d + Math.abs(s2);
    count++;
  }
  state[0] = shift;
  state[1] = s1;
  state[2] = s2;
  state[3] = b1;
  state[4] = b2;
  return count;
}

// The two kernels below are the same loop, with and without %B. They are kept as two functions on
// purpose: one kernel taking `percentB: Float64Array | null` becomes polymorphic once both forms are
// used in a process and measured ~1.7× slower. Their sums are those of window-sums.ts (around a
// shift, with running error bounds, re-centred exactly when needed), on locals for speed.

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
  const drift = RECENTRE_SD * RECENTRE_SD * period;
  const state = new Float64Array(5);
  // Σ(x − shift) = s1 and Σ(x − shift)² = s2 over the window's valid values, with b1 and b2 the
  // running bounds of their rounding errors in units of ε (see window-sums.ts).
  let shift = 0;
  let count = 0;
  let s1 = 0;
  let s2 = 0;
  let b1 = 0;
  // An infinite bound makes the first full window take the rebase branch (an exact computation),
  // so that branch has type feedback before the kernel is optimised.
  let b2 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= period ? values[i - period]! : NAN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && count === period) {
      const dx = x - shift;
      const dox = o - shift;
      const qx = dx * dx;
      const qo = dox * dox;
      s1 += dx - dox;
      s2 += qx - qo;
      b1 += abs(dx) + abs(dox) + abs(s1);
      b2 += qx + qo + abs(s2);
    } else {
      // Warm-up and windows with NaNs (remove o, add x, each when valid), out of line.
      state[0] = shift;
      state[1] = s1;
      state[2] = s2;
      state[3] = b1;
      state[4] = b2;
      count = slowStep(x, o, count, state);
      shift = state[0]!;
      s1 = state[1]!;
      s2 = state[2]!;
      b1 = state[3]!;
      b2 = state[4]!;
      if (count !== period) {
        middle[i] = NAN;
        upper[i] = NAN;
        lower[i] = NAN;
        percentB[i] = NAN;
        continue;
      }
    }
    let m2 = s2 - s1 * s1 * invP;
    // mustRebase(), inlined (as a call, with its divisions, it doubled the kernel's time).
    if (
      b2 + 2 * abs(s1) * b1 * invP > ERROR_BUDGET * m2 ||
      b1 > ERROR_BUDGET * abs(s1 + period * shift) ||
      s1 * s1 > drift * m2
    ) {
      rebase(values, i + 1 - period, period, n, period, shift, s1, s2, b1, b2, state);
      shift = state[0]!;
      s1 = state[1]!;
      s2 = state[2]!;
      b1 = state[3]!;
      b2 = state[4]!;
      m2 = s2 - s1 * s1 * invP;
    }
    const mean = shift + s1 * invP;
    const sd = m2 > 0 ? sqrt(m2 * invP) : 0;
    const width = 2 * k * sd;
    middle[i] = mean;
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
    // %B = (x − lower) / (upper − lower) = ½ + (x − mean) / (2kσ), with x − mean from the shifted
    // sums so it keeps its digits on a large offset.
    percentB[i] = width > 0 ? 0.5 + (x - shift - s1 * invP) / width : NAN;
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
  const drift = RECENTRE_SD * RECENTRE_SD * period;
  const state = new Float64Array(5);
  // Σ(x − shift) = s1 and Σ(x − shift)² = s2 over the window's valid values, with b1 and b2 the
  // running bounds of their rounding errors in units of ε (see window-sums.ts).
  let shift = 0;
  let count = 0;
  let s1 = 0;
  let s2 = 0;
  let b1 = 0;
  // An infinite bound makes the first full window take the rebase branch (an exact computation),
  // so that branch has type feedback before the kernel is optimised.
  let b2 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= period ? values[i - period]! : NAN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && count === period) {
      const dx = x - shift;
      const dox = o - shift;
      const qx = dx * dx;
      const qo = dox * dox;
      s1 += dx - dox;
      s2 += qx - qo;
      b1 += abs(dx) + abs(dox) + abs(s1);
      b2 += qx + qo + abs(s2);
    } else {
      // Warm-up and windows with NaNs (remove o, add x, each when valid), out of line.
      state[0] = shift;
      state[1] = s1;
      state[2] = s2;
      state[3] = b1;
      state[4] = b2;
      count = slowStep(x, o, count, state);
      shift = state[0]!;
      s1 = state[1]!;
      s2 = state[2]!;
      b1 = state[3]!;
      b2 = state[4]!;
      if (count !== period) {
        middle[i] = NAN;
        upper[i] = NAN;
        lower[i] = NAN;
        continue;
      }
    }
    let m2 = s2 - s1 * s1 * invP;
    // mustRebase(), inlined (as a call, with its divisions, it doubled the kernel's time).
    if (
      b2 + 2 * abs(s1) * b1 * invP > ERROR_BUDGET * m2 ||
      b1 > ERROR_BUDGET * abs(s1 + period * shift) ||
      s1 * s1 > drift * m2
    ) {
      rebase(values, i + 1 - period, period, n, period, shift, s1, s2, b1, b2, state);
      shift = state[0]!;
      s1 = state[1]!;
      s2 = state[2]!;
      b1 = state[3]!;
      b2 = state[4]!;
      m2 = s2 - s1 * s1 * invP;
    }
    const mean = shift + s1 * invP;
    const sd = m2 > 0 ? sqrt(m2 * invP) : 0;
    middle[i] = mean;
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
  }
}
