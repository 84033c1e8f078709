/**
 * Exponential moving average (EMA).
 *
 * What it is: a moving average that weights recent values more, with weights decaying by
 * (1 − α) per bar, α = 2 / (period + 1).
 * How to read it: reacts faster than the SMA of the same period; the 12/26-day EMAs build MACD.
 * Formula: EMAᵢ = EMAᵢ₋₁ + α · (vᵢ − EMAᵢ₋₁), **seeded with the SMA of the first `period` values**
 * (so the first output is at index period − 1). Source: Murphy (1999) ch. 9; the seeding follows
 * `technicalindicators` EMA and TA-Lib. (`trading-signals` v8 seeds with the first price instead;
 * both agree once the seed has decayed, i.e. after several times `period` bars.)
 *
 * Output: a `Float64Array` of the input length; warm-up points are `NaN`. Leading `NaN`s are
 * skipped (the seed is the SMA of the first `period` valid values). A `NaN` after the seed gives
 * `NaN` at that date and is skipped: the EMA continues from its last value with the next valid
 * input.
 * Complexity: O(n), no allocation beyond the output.
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out }` writes into a caller-provided buffer of the input length
 * instead of allocating (for callers that recompute often; see `IndicatorOutputOptions`).
 */
import { assertPositiveInteger } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";
import type { IndicatorOutputOptions } from "./sma.js";

/**
 * Exponential moving average with α = 2 / (period + 1), SMA-seeded (see the file header).
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1, or for a bad `options.out`
 * (see {@link IndicatorOutputOptions}: a reusable output buffer of the input length).
 *
 * @example
 * ema(new Float64Array([1, 2, 3, 4, 5]), 3); // Float64Array [NaN, NaN, 2, 3, 4]
 * ema(new Float64Array([2, 4, 6, 2]), 2);    // Float64Array [NaN, 3, 5, 3]
 */
export function ema(
  values: ArrayLike<number>,
  period: number,
  options?: IndicatorOutputOptions,
): Float64Array {
  assertPositiveInteger("period", period);
  return emaWithAlpha(values, period, 2 / (period + 1), options);
}

/**
 * EMA kernel with an explicit smoothing factor `alpha`, SMA-seeded over `period` valid values
 * (α = 1 / period gives Wilder's smoothing). Shared by EMA, MACD, RSI and ATR. `options.out` as
 * for {@link ema}.
 *
 * @example
 * emaWithAlpha(new Float64Array([1, 2, 3, 4]), 2, 1 / 2); // Float64Array [NaN, 1.5, 2.25, 3.125]
 */
export function emaWithAlpha(
  values: ArrayLike<number>,
  period: number,
  alpha: number,
  options?: IndicatorOutputOptions,
): Float64Array {
  assertPositiveInteger("period", period);
  const v = asFloat64(values);
  const out = outputBuffer("out", options?.out, v.length, [v]);
  emaKernel(v, period, alpha, out);
  return out;
}

function emaKernel(values: Float64Array, period: number, alpha: number, out: Float64Array): void {
  const n = values.length;
  let i = 0;
  // Warm-up: SMA of the first `period` valid values.
  let count = 0;
  let sum = 0;
  for (; i < n && count < period; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
    out[i] = Number.NaN;
  }
  if (count < period) return;
  let e = sum / period;
  out[i - 1] = e;
  const beta = 1 - alpha;
  for (; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    e = alpha * v + beta * e;
    out[i] = e;
  }
}
