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
 */
import { assertPositiveInteger } from "../errors.js";

/**
 * Wilder's RSI over `period` changes (default 14), see the file header.
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1.
 *
 * @example
 * rsi(new Float64Array([1, 2, 3, 2, 3]), 2); // Float64Array [NaN, NaN, 100, 50, 75]
 */
export function rsi(values: ArrayLike<number>, period = 14): Float64Array {
  assertPositiveInteger("period", period);
  const n = values.length;
  const out = new Float64Array(n);
  const inv = 1 / period;
  const keep = (period - 1) / period;
  let prev = Number.NaN;
  let count = 0; // number of changes seen
  let gain = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    if (Number.isNaN(prev)) {
      prev = v;
      out[i] = Number.NaN;
      continue;
    }
    const d = v - prev;
    prev = v;
    // Branch-free split of the change (a random walk mispredicts d > 0 half the time):
    // (d + |d|) / 2 and (|d| − d) / 2 are exactly max(d, 0) and max(−d, 0).
    const ad = Math.abs(d);
    const g = (d + ad) * 0.5;
    const l = (ad - d) * 0.5;
    count++;
    if (count <= period) {
      gain += g;
      loss += l;
      if (count < period) {
        out[i] = Number.NaN;
        continue;
      }
      gain *= inv;
      loss *= inv;
    } else {
      gain = gain * keep + g * inv;
      loss = loss * keep + l * inv;
    }
    // 100 − 100 / (1 + gain/loss) = 100 · gain / (gain + loss): one division, and it yields 100
    // when loss = 0 and NaN (0 / 0) when gain = loss = 0 without branches.
    out[i] = (100 * gain) / (gain + loss);
  }
  return out;
}
