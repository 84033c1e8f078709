/**
 * Relative Strength Index (RSI), Wilder's original definition.
 *
 * What it is: a momentum oscillator between 0 and 100 comparing the size of recent gains to
 * recent losses.
 * How to read it: above 70 = overbought / strong momentum, below 30 = oversold; 50 is the
 * momentum midline (an RSI holding above 50 confirms an uptrend).
 * Formula (J. Welles Wilder, *New Concepts in Technical Trading Systems*, 1978): with changes
 * dᵢ = vᵢ − vᵢ₋₁, gains gᵢ = max(dᵢ, 0), losses lᵢ = max(−dᵢ, 0); the first average gain/loss is the
 * simple mean of the first `period` changes, then Wilder smoothing
 * avgᵢ = (avgᵢ₋₁ · (p − 1) + xᵢ) / p; RS = avgGain / avgLoss; RSI = 100 − 100 / (1 + RS).
 * Matches `trading-signals` RSI (Wilder smoothing) exactly; `technicalindicators` RSI is the same
 * but rounds its output to 2 decimals.
 *
 * Output: a `Float64Array` of the input length; the first `period` points are warm-up `NaN` (the
 * first RSI is at index `period`). avgLoss = 0 gives 100, and avgGain = avgLoss = 0 (no movement
 * at all) is undefined → `NaN`. A `NaN` price gives `NaN` at that date and is skipped: the next
 * change is measured from the last valid price.
 * Complexity: O(n), no allocation beyond the output.
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out }` writes into a caller-provided buffer of the input length
 * instead of allocating (for callers that recompute often; see `IndicatorOutputOptions`).
 */
import { assertPositiveInteger } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";
import type { IndicatorOutputOptions } from "./sma.js";

/**
 * Wilder's RSI over `period` changes (default 14), see the file header.
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1, or for a bad `options.out`
 * (see {@link IndicatorOutputOptions}: a reusable output buffer of the input length).
 *
 * @example
 * rsi(new Float64Array([1, 2, 3, 2, 3]), 2); // Float64Array [NaN, NaN, 100, 50, 75]
 */
export function rsi(values: ArrayLike<number>, period = 14, options?: IndicatorOutputOptions): Float64Array {
  assertPositiveInteger("period", period);
  const v = asFloat64(values);
  const out = outputBuffer("out", options?.out, v.length, [v]);
  rsiKernel(v, period, out);
  return out;
}

function rsiKernel(values: Float64Array, period: number, out: Float64Array): void {
  const n = values.length;
  const inv = 1 / period;
  const keep = (period - 1) / period;
  let i = 0;
  // Leading NaNs, then the first valid price (no change yet).
  let prev = Number.NaN;
  for (; i < n; i++) {
    const v = values[i]!;
    out[i] = Number.NaN;
    if (!Number.isNaN(v)) {
      prev = v;
      i++;
      break;
    }
  }
  // Warm-up: the first `period` changes are summed, then averaged.
  let count = 0;
  let gain = 0;
  let loss = 0;
  for (; i < n && count < period; i++) {
    const v = values[i]!;
    out[i] = Number.NaN;
    if (Number.isNaN(v)) continue;
    const d = v - prev;
    prev = v;
    const ad = Math.abs(d);
    gain += (d + ad) * 0.5;
    loss += (ad - d) * 0.5;
    if (++count === period) {
      gain *= inv;
      loss *= inv;
      out[i] = (100 * gain) / (gain + loss);
    }
  }
  // Wilder smoothing.
  for (; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    const d = v - prev;
    prev = v;
    // Branch-free split of the change (a random walk mispredicts d > 0 half the time):
    // (d + |d|) / 2 and (|d| − d) / 2 are exactly max(d, 0) and max(−d, 0).
    const ad = Math.abs(d);
    gain = gain * keep + (d + ad) * 0.5 * inv;
    loss = loss * keep + (ad - d) * 0.5 * inv;
    // 100 − 100 / (1 + gain/loss) = 100 · gain / (gain + loss): one division, and it yields 100
    // when loss = 0 and NaN (0 / 0) when gain = loss = 0 without branches.
    out[i] = (100 * gain) / (gain + loss);
  }
}
