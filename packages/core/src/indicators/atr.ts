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
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out }` writes into a caller-provided buffer of the input length
 * instead of allocating (for callers that recompute often; see `IndicatorOutputOptions`).
 */
import { assertPositiveInteger, assertSameLength } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";
import type { IndicatorOutputOptions } from "./sma.js";

/**
 * Wilder's Average True Range over `period` bars (default 14), see the file header. Throws
 * `InvalidArgumentError` for mismatched lengths, a bad period or a bad `options.out` (see
 * {@link IndicatorOutputOptions}: a reusable output buffer of the input length).
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
  options?: IndicatorOutputOptions,
): Float64Array {
  assertSameLength("high", high, "low", low);
  assertSameLength("high", high, "close", close);
  assertPositiveInteger("period", period);
  const h = asFloat64(high);
  const l = asFloat64(low);
  const c = asFloat64(close);
  const out = outputBuffer("out", options?.out, h.length, [h, l, c]);
  atrKernel(h, l, c, period, out);
  return out;
}

function atrKernel(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
): void {
  const n = high.length;
  const inv = 1 / period;
  const keep = (period - 1) / period;
  let i = 0;
  // Bars before the first complete one: no previous close yet.
  let prevClose = Number.NaN;
  for (; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    out[i] = Number.NaN;
    if (!Number.isNaN(h) && !Number.isNaN(l) && !Number.isNaN(c)) {
      prevClose = c;
      i++;
      break;
    }
  }
  // Warm-up: mean of the first `period` true ranges.
  let count = 0;
  let avg = 0;
  for (; i < n && count < period; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    out[i] = Number.NaN;
    if (Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) continue;
    avg += Math.max(h - l, Math.abs(h - prevClose), Math.abs(l - prevClose));
    prevClose = c;
    if (++count === period) {
      avg *= inv;
      out[i] = avg;
    }
  }
  // Wilder smoothing.
  for (; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) {
      out[i] = Number.NaN;
      continue;
    }
    const tr = Math.max(h - l, Math.abs(h - prevClose), Math.abs(l - prevClose));
    prevClose = c;
    avg = avg * keep + tr * inv;
    out[i] = avg;
  }
}
