import { asOfJoin, assertSeries, type Series } from "./series.js";
import { mean, percentileRank, stddev, zScore } from "./stats.js";

/** Options of {@link valuationGap}. */
export interface ValuationGapOptions {
  /** Maximum age in calendar days of the as-of-joined (sparser) value. Default: unlimited. */
  readonly maxStaleDays?: number;
}

/** Where the latest value of a history sits. */
export interface HistoryPosition {
  /** Latest value. */
  readonly value: number;
  /** Share (percent, 0–100) of the history ≤ the latest value. */
  readonly percentile: number;
  /** (value − mean) / sample sd of the history; NaN for < 2 values or zero dispersion. */
  readonly zScore: number;
  /** Mean and sample sd of the history. */
  readonly mean: number;
  readonly stdDev: number;
}

/** Result of {@link valuationGap}. */
export interface ValuationGap {
  /** Which input supplied the dates (the denser one). */
  readonly alignedOn: "base" | "benchmark";
  /** Aligned history: dates (epoch days) and the two valuations on them. */
  readonly dates: Int32Array;
  readonly base: Float64Array;
  readonly benchmark: Float64Array;
  /** base − benchmark per date. */
  readonly gap: Float64Array;
  /** base / benchmark − 1 per date (NaN where benchmark ≤ 0). */
  readonly relative: Float64Array;
  /** The latest aligned date and its position in history; `null` when nothing aligns. */
  readonly current: {
    readonly date: number;
    readonly base: number;
    readonly benchmark: number;
    readonly gap: HistoryPosition;
    readonly relative: HistoryPosition;
    /** Number of aligned dates in the history. */
    readonly observations: number;
  } | null;
}

function countFinite(values: Float64Array): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) c++;
  return c;
}

/**
 * Position of `value` (default: the last valid value of `history`) in the valid values of
 * `history`: weak percentile (0–100, share ≤ value), z-score, mean and sample sd. NaN where
 * undefined (empty history, NaN value, fewer than two values or zero dispersion for the z-score).
 *
 * @example
 * import { historyPosition } from "@cyclelens/core";
 * historyPosition([1, 2, 3, 4]);    // { value: 4, percentile: 100, zScore: 1.161…, mean: 2.5, stdDev: 1.290… }
 * historyPosition([1, 2, 3, 4], 2); // percentile 50, zScore -0.387…
 */
export function historyPosition(history: ArrayLike<number>, value = lastValid(history)): HistoryPosition {
  return {
    value,
    percentile: percentileRank(history, value),
    zScore: zScore(history, value),
    mean: mean(history),
    stdDev: stddev(history),
  };
}

function lastValid(history: ArrayLike<number>): number {
  let value = Number.NaN;
  for (let i = history.length - 1; i >= 0; i--) {
    if (!Number.isNaN(history[i]!)) {
      value = history[i]!;
      break;
    }
  }
  return value;
}

/**
 * Valuation gap of `base` over `benchmark` (gap in points and relative discount), aligned by as-of
 * joining the sparser series onto the denser one's dates, with the current gap's percentile and
 * z-score in its own history. See the module documentation.
 *
 * @example
 * import { seriesFromArrays, valuationGap } from "@cyclelens/core";
 * const small = seriesFromArrays([0, 30, 60], [16, 14, 13]);            // monthly
 * const large = seriesFromArrays([0, 10, 30, 45, 60], [18, 19, 20, 20, 21]); // denser
 * const v = valuationGap(small, large);
 * v.alignedOn;              // "benchmark"
 * Array.from(v.gap);        // [-2, -3, -6, -6, -8]
 * v.current?.gap.percentile; // 20 (1 of 5 gaps ≤ −8)
 */
export function valuationGap(
  base: Series,
  benchmark: Series,
  options: ValuationGapOptions = {},
): ValuationGap {
  assertSeries("base", base);
  assertSeries("benchmark", benchmark);
  const denseIsBase = countFinite(base.values) >= countFinite(benchmark.values);
  const dense = denseIsBase ? base : benchmark;
  const sparse = denseIsBase ? benchmark : base;
  const joined = asOfJoin(
    dense.dates,
    sparse,
    options.maxStaleDays === undefined ? {} : { maxStaleDays: options.maxStaleDays },
  );

  const n = dense.dates.length;
  const dates = new Int32Array(n);
  const b = new Float64Array(n);
  const m = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const dv = dense.values[i]!;
    const sv = joined[i]!;
    if (Number.isNaN(dv) || Number.isNaN(sv)) continue;
    dates[k] = dense.dates[i]!;
    b[k] = denseIsBase ? dv : sv;
    m[k++] = denseIsBase ? sv : dv;
  }
  const gap = new Float64Array(k);
  const relative = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    gap[i] = b[i]! - m[i]!;
    relative[i] = m[i]! > 0 ? b[i]! / m[i]! - 1 : Number.NaN;
  }
  return {
    alignedOn: denseIsBase ? "base" : "benchmark",
    dates: dates.slice(0, k),
    base: b.slice(0, k),
    benchmark: m.slice(0, k),
    gap,
    relative,
    current:
      k === 0
        ? null
        : {
            date: dates[k - 1]!,
            base: b[k - 1]!,
            benchmark: m[k - 1]!,
            gap: historyPosition(gap, gap[k - 1]!),
            relative: historyPosition(relative, relative[k - 1]!),
            observations: k,
          },
  };
}
