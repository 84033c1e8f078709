/**
 * Simple moving average (SMA).
 *
 * What it is: the arithmetic mean of the last `period` values, the baseline trend filter (e.g. the
 * 200-day SMA: price above it = long-term uptrend).
 * How to read it: the SMA lags price by about (period − 1) / 2 bars; price crossing above a rising
 * SMA is the classic trend-confirmation signal.
 * Formula: SMAᵢ = (vᵢ + vᵢ₋₁ + … + vᵢ₋ₚ₊₁) / p. Source: any technical-analysis text, e.g.
 * J. J. Murphy, *Technical Analysis of the Financial Markets* (1999), ch. 9; identical to
 * `technicalindicators` SMA and `trading-signals` SMA.
 *
 * Output: a `Float64Array` of the input length (aligned with the input dates); the first
 * `period − 1` points are warm-up `NaN`. A `NaN` input makes every window containing it `NaN`
 * (the output resumes once the window is again full of valid values).
 * Complexity: O(n), one compensated running sum (missing values are counted apart). The sum is
 * TwoSum-compensated (see `window-sums.ts`), so the result stays within a few ulps of an exact
 * per-window mean even after the series falls by orders of magnitude.
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out }` writes into a caller-provided buffer of the input length
 * instead of allocating (for callers that recompute often; see `IndicatorOutputOptions`).
 */
import { assertPositiveInteger } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";

/** Options shared by the single-output indicators (`sma`, `ema`, `emaWithAlpha`, `rsi`, `atr`). */
export interface IndicatorOutputOptions {
  /**
   * Write the result into this array instead of allocating one, and return it. It must be a
   * `Float64Array` of exactly the input length that shares no memory with the input(s); every
   * element is overwritten. Lets callers that recompute often reuse one buffer.
   */
  out?: Float64Array;
}

/**
 * Simple moving average over `period` values (see the file header for conventions).
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1, or for a bad `options.out`.
 *
 * @example
 * sma(new Float64Array([1, 2, 3, 4, 5]), 3); // Float64Array [NaN, NaN, 2, 3, 4]
 * const buf = new Float64Array(5);
 * sma(new Float64Array([1, 2, 3, 4, 5]), 3, { out: buf }) === buf; // true
 */
export function sma(
  values: ArrayLike<number>,
  period: number,
  options?: IndicatorOutputOptions,
): Float64Array {
  assertPositiveInteger("period", period);
  const v = asFloat64(values);
  const out = outputBuffer("out", options?.out, v.length, [v]);
  smaKernel(v, period, out);
  return out;
}

function smaKernel(values: Float64Array, period: number, out: Float64Array): void {
  const n = values.length;
  const inv = 1 / period;
  // Σ of the window's valid values as s + e (TwoSum-compensated, see window-sums.ts): a value
  // that entered is removed exactly, so no rounding error of past (larger) values survives.
  let s = 0;
  let e = 0;
  let bad = 0; // NaNs in the window
  // Filling window: values enter only.
  const w = Math.min(period, n);
  for (let i = 0; i < w; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) bad++;
    else {
      const t = s + x;
      const z = t - s;
      e += s - (t - z) + (x - z);
      s = t;
    }
    out[i] = i === period - 1 && bad === 0 ? (s + e) * inv : Number.NaN;
  }
  // Full window: d = x − o enters (its own rounding error goes to e), so the dependency chain on s
  // is one addition per point.
  for (let i = period; i < n; i++) {
    const x = values[i]!;
    const o = values[i - period]!;
    let d: number;
    if (!Number.isNaN(x) && !Number.isNaN(o)) {
      d = x - o;
      const zd = d - x;
      e += x - (d - zd) - (o + zd);
    } else {
      if (Number.isNaN(x)) bad++;
      if (Number.isNaN(o)) bad--;
      d = !Number.isNaN(x) ? x : 0;
      if (!Number.isNaN(o)) {
        const t = d - o;
        const zd = t - d;
        e += d - (t - zd) - (o + zd);
        d = t;
      }
    }
    const t = s + d;
    const z = t - s;
    e += s - (t - z) + (d - z);
    s = t;
    out[i] = bad === 0 ? (s + e) * inv : Number.NaN;
  }
}
