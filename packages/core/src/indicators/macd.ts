/**
 * Moving Average Convergence/Divergence (MACD).
 *
 * What it is: the gap between a fast and a slow EMA of price (the MACD line), an EMA of that gap
 * (the signal line), and their difference (the histogram).
 * How to read it: MACD above zero = fast trend above slow trend; the MACD line crossing above its
 * signal line (histogram turning positive) is a bullish momentum signal; a shrinking histogram
 * warns the move is fading.
 * Formula (Gerald Appel, 1970s): line = EMA_fast(v) − EMA_slow(v); signal = EMA_signal(line);
 * histogram = line − signal; defaults 12 / 26 / 9. Every EMA is SMA-seeded (see `ema.ts`), so
 * the line starts at index slow − 1 and the signal at slow + signal − 2. Matches
 * `technicalindicators` MACD with `SimpleMAOscillator: false, SimpleMASignal: false`.
 *
 * Output: three `Float64Array`s of the input length, warm-up `NaN`; `NaN` inputs follow the EMA
 * rule (`NaN` at that date, skipped by the averages).
 * Complexity: O(n).
 */
import { assertPositiveInteger, InvalidArgumentError } from "../errors.js";

/** Result of {@link macd}. */
export interface MacdResult {
  /** EMA_fast − EMA_slow. */
  readonly macd: Float64Array;
  /** EMA of the MACD line over `signalPeriod`. */
  readonly signal: Float64Array;
  /** macd − signal. */
  readonly histogram: Float64Array;
}

/**
 * MACD line, signal and histogram (see the file header). Throws `InvalidArgumentError` unless the
 * periods are integers ≥ 1 with `fastPeriod < slowPeriod`.
 *
 * @example
 * const m = macd(new Float64Array([1, 2, 3, 4, 5, 6]), 2, 3, 2);
 * m.macd;      // Float64Array [NaN, NaN, 0.5, 0.5, 0.5, 0.5]
 * m.signal;    // Float64Array [NaN, NaN, NaN, 0.5, 0.5, 0.5]
 * m.histogram; // Float64Array [NaN, NaN, NaN, 0, 0, 0]
 */
export function macd(
  values: ArrayLike<number>,
  fastPeriod = 12,
  slowPeriod = 26,
  signalPeriod = 9,
): MacdResult {
  assertPositiveInteger("fastPeriod", fastPeriod);
  assertPositiveInteger("slowPeriod", slowPeriod);
  assertPositiveInteger("signalPeriod", signalPeriod);
  if (fastPeriod >= slowPeriod) {
    throw new InvalidArgumentError("fastPeriod", fastPeriod, `must be less than slowPeriod (${slowPeriod})`);
  }
  // One fused pass: fast EMA, slow EMA, line, signal EMA and histogram, each SMA-seeded exactly
  // as composing `ema` calls would be (see ema.ts), without intermediate arrays.
  const n = values.length;
  const line = new Float64Array(n);
  const signal = new Float64Array(n);
  const histogram = new Float64Array(n);
  const af = 2 / (fastPeriod + 1);
  const as = 2 / (slowPeriod + 1);
  const ag = 2 / (signalPeriod + 1);
  let fCount = 0;
  let fSum = 0;
  let f = 0;
  let sCount = 0;
  let sSum = 0;
  let s = 0;
  let gCount = 0;
  let gSum = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      line[i] = Number.NaN;
      signal[i] = Number.NaN;
      histogram[i] = Number.NaN;
      continue;
    }
    if (fCount < fastPeriod) {
      fSum += v;
      if (++fCount === fastPeriod) f = fSum / fastPeriod;
    } else {
      f += af * (v - f);
    }
    if (sCount < slowPeriod) {
      sSum += v;
      if (++sCount < slowPeriod) {
        line[i] = Number.NaN;
        signal[i] = Number.NaN;
        histogram[i] = Number.NaN;
        continue;
      }
      s = sSum / slowPeriod;
    } else {
      s += as * (v - s);
    }
    const m = f - s;
    line[i] = m;
    if (gCount < signalPeriod) {
      gSum += m;
      if (++gCount < signalPeriod) {
        signal[i] = Number.NaN;
        histogram[i] = Number.NaN;
        continue;
      }
      g = gSum / signalPeriod;
    } else {
      g += ag * (m - g);
    }
    signal[i] = g;
    histogram[i] = m - g;
  }
  return { macd: line, signal, histogram };
}
