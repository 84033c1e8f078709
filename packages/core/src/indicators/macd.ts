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
 * Performance: `Float64Array` input runs as is (other array-likes are copied once into one, so the
 * loop stays monomorphic); `{ out: { … } }` writes into caller-provided buffers of the input length
 * instead of allocating (for callers that recompute often).
 */
import { assertPositiveInteger, InvalidArgumentError } from "../errors.js";
import { asFloat64, outputBuffer } from "./buffers.js";

/** Result of {@link macd}. */
export interface MacdResult {
  /** EMA_fast − EMA_slow. */
  readonly macd: Float64Array;
  /** EMA of the MACD line over `signalPeriod`. */
  readonly signal: Float64Array;
  /** macd − signal. */
  readonly histogram: Float64Array;
}

/** Options for {@link macd}. */
export interface MacdOptions {
  /**
   * Write the results into these arrays instead of allocating them (each one optional; the
   * returned object holds the given arrays). Each must be a `Float64Array` of exactly the input
   * length sharing no memory with the input or with the other outputs; every element is
   * overwritten. Lets callers that recompute often reuse their buffers.
   */
  out?: { macd?: Float64Array; signal?: Float64Array; histogram?: Float64Array };
}

/**
 * MACD line, signal and histogram (see the file header). Throws `InvalidArgumentError` unless the
 * periods are integers ≥ 1 with `fastPeriod < slowPeriod`, or for a bad `options.out`.
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
  options?: MacdOptions,
): MacdResult {
  assertPositiveInteger("fastPeriod", fastPeriod);
  assertPositiveInteger("slowPeriod", slowPeriod);
  assertPositiveInteger("signalPeriod", signalPeriod);
  if (fastPeriod >= slowPeriod) {
    throw new InvalidArgumentError("fastPeriod", fastPeriod, `must be less than slowPeriod (${slowPeriod})`);
  }
  const v = asFloat64(values);
  const n = v.length;
  const o = options?.out;
  const line = outputBuffer("out.macd", o?.macd, n, [v]);
  const signal = outputBuffer("out.signal", o?.signal, n, [v], [line]);
  const histogram = outputBuffer("out.histogram", o?.histogram, n, [v], [line, signal]);
  macdKernel(v, fastPeriod, slowPeriod, signalPeriod, line, signal, histogram);
  return { macd: line, signal, histogram };
}

// One fused pass: fast EMA, slow EMA, line, signal EMA and histogram, each SMA-seeded exactly as
// composing `ema` calls would be (see ema.ts), without intermediate arrays. The warm-up (seeding)
// runs in its own loop so the steady-state loop has no seeding branches.
function macdKernel(
  values: Float64Array,
  fastPeriod: number,
  slowPeriod: number,
  signalPeriod: number,
  line: Float64Array,
  signal: Float64Array,
  histogram: Float64Array,
): void {
  const n = values.length;
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
  let i = 0;
  for (; i < n && gCount < signalPeriod; i++) {
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
    gSum += m;
    if (++gCount < signalPeriod) {
      signal[i] = Number.NaN;
      histogram[i] = Number.NaN;
      continue;
    }
    g = gSum / signalPeriod;
    signal[i] = g;
    histogram[i] = m - g;
  }
  for (; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      line[i] = Number.NaN;
      signal[i] = Number.NaN;
      histogram[i] = Number.NaN;
      continue;
    }
    f += af * (v - f);
    s += as * (v - s);
    const m = f - s;
    g += ag * (m - g);
    line[i] = m;
    signal[i] = g;
    histogram[i] = m - g;
  }
}
