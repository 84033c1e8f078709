/**
 * Average True Range (ATR), Wilder.
 *
 * What it is: the average daily trading range, gaps included — a volatility measure in price
 * units (not a direction).
 * How to read it: a rising ATR means wider daily swings (stress, trend acceleration); ATR / close
 * gives a comparable percentage; stops are often placed a few ATRs away.
 * Formula (Wilder, 1978): true range TRᵢ = max(Hᵢ − Lᵢ, |Hᵢ − Cᵢ₋₁|, |Lᵢ − Cᵢ₋₁|) for i ≥ 1 (the
 * first bar has no previous close, so no true range); ATR at index `period` is the mean of
 * TR₁…TRₚ, then ATRᵢ = (ATRᵢ₋₁ · (p − 1) + TRᵢ) / p. Matches `technicalindicators` ATR and TA-Lib.
 * (`trading-signals` v8 counts Hᵢ − Lᵢ of the first bar as a true range, so its first values
 * differ; both agree once the seed has decayed.)
 *
 * Output: a `Float64Array` of the input length, first `period` points warm-up `NaN`. A bar with a
 * `NaN` high, low or close gives `NaN` at that date and is skipped (the next true range uses the
 * last valid close).
 * Complexity: O(n).
 */
import { assertPositiveInteger, assertSameLength } from "../errors.js";

/**
 * Wilder's Average True Range over `period` bars (default 14), see the file header. Throws
 * `InvalidArgumentError` for mismatched lengths or a bad period.
 *
 * @example
 * atr(new Float64Array([10, 11, 12]), new Float64Array([9, 10, 10]), new Float64Array([9.5, 10.5, 11]), 2);
 * // Float64Array [NaN, NaN, 1.75]   (TR = [–, 1.5, 2])
 */
export function atr(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period = 14,
): Float64Array {
  assertSameLength("high", high, "low", low);
  assertSameLength("high", high, "close", close);
  assertPositiveInteger("period", period);
  const n = high.length;
  const out = new Float64Array(n);
  const inv = 1 / period;
  const keep = (period - 1) / period;
  let prevClose = Number.NaN;
  let count = 0;
  let avg = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c) || Number.isNaN(prevClose)) {
      if (!Number.isNaN(c) && !Number.isNaN(h) && !Number.isNaN(l)) prevClose = c;
      out[i] = Number.NaN;
      continue;
    }
    const tr = Math.max(h - l, Math.abs(h - prevClose), Math.abs(l - prevClose));
    prevClose = c;
    count++;
    if (count <= period) {
      avg += tr;
      if (count < period) {
        out[i] = Number.NaN;
        continue;
      }
      avg *= inv;
    } else {
      avg = avg * keep + tr * inv;
    }
    out[i] = avg;
  }
  return out;
}
