/**
 * Risk: volatility, downside deviation, Sharpe / Sortino / Calmar ratios, drawdowns, the Ulcer
 * index and historical value at risk.
 *
 * Conventions:
 * - Functions named for **returns** take per-period simple returns (e.g. `simpleReturns(prices)`
 *   of daily adjusted closes); functions named for **drawdowns** take prices or levels.
 * - **Annualisation** multiplies a per-period mean by `periodsPerYear` and a per-period standard
 *   deviation by √`periodsPerYear`: 252 for daily data (the default), 52 weekly, 12 monthly.
 * - **Risk-free rate** is either a constant annual rate as a decimal (`0.05` = 5 %) or a `Series`
 *   of annual decimal rates (e.g. the 3-month T-bill yield divided by 100) which is forward-filled
 *   onto the return dates with `asOfJoin` (the last published rate on or before each date). An
 *   annual rate r becomes a per-period rate (1 + r)^(1/periodsPerYear) − 1.
 * - `NaN` returns (and returns without a risk-free rate) are **skipped**. Undefined results —
 *   statistics of fewer than two returns, ratios with a zero denominator (a constant series has
 *   zero volatility, so its Sharpe ratio is undefined) — are `NaN`, never `Infinity`.
 * - Standard deviations are sample statistics (n − 1); downside deviation divides by n (all
 *   periods), following Sortino & Price (1994).
 * - Drawdowns are fractions ≤ 0 (−0.25 = 25 % below the running peak).
 */
import { type DateInput, toEpochDay } from "./dates.js";
import { assertSameLength, InvalidArgumentError } from "./errors.js";
import { cagr } from "./returns.js";
import { asOfJoin, indexOnOrAfter, indexOnOrBefore, type Series } from "./series.js";
import { quantile, stddev } from "./stats.js";

/** Trading days per year, the default `periodsPerYear` for daily data. */
export const TRADING_DAYS_PER_YEAR = 252;
/** Months per year, `periodsPerYear` for monthly data. */
export const MONTHS_PER_YEAR = 12;

function assertPeriodsPerYear(p: number): void {
  if (!(p > 0) || !Number.isFinite(p)) {
    throw new InvalidArgumentError("periodsPerYear", p, "must be a finite number > 0");
  }
}

/**
 * Annualised volatility: sample standard deviation of the valid returns × √periodsPerYear.
 * `NaN` (undefined) for fewer than two valid returns.
 *
 * @example
 * annualizedVolatility([0.01, -0.01, 0.01, -0.01]); // 0.1833… (0.011547 × √252)
 */
export function annualizedVolatility(
  returns: ArrayLike<number>,
  periodsPerYear = TRADING_DAYS_PER_YEAR,
): number {
  assertPeriodsPerYear(periodsPerYear);
  return stddev(returns) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised downside deviation below a per-period minimum acceptable return `mar` (default 0):
 * √(Σ min(0, rᵢ − mar)² / n) × √periodsPerYear, with n the number of valid returns.
 * `NaN` (undefined) for no valid returns.
 *
 * @example
 * downsideDeviation([0.02, -0.01, 0.03, -0.03], 0, 1); // 0.0158… (√((0.0001 + 0.0009) / 4))
 */
export function downsideDeviation(
  returns: ArrayLike<number>,
  mar = 0,
  periodsPerYear = TRADING_DAYS_PER_YEAR,
): number {
  assertPeriodsPerYear(periodsPerYear);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (Number.isNaN(r)) continue;
    n++;
    const d = r - mar;
    if (d < 0) sum += d * d;
  }
  return n === 0 ? Number.NaN : Math.sqrt(sum / n) * Math.sqrt(periodsPerYear);
}

/** Options for {@link sharpeRatio} and {@link sortinoRatio}. */
export interface RatioOptions {
  /**
   * Annual risk-free rate as a decimal (default 0), or a `Series` of annual decimal rates
   * forward-filled onto the return dates (then `returns` must be a `Series`).
   */
  riskFree?: number | Series;
  /** Periods per year (default 252 for daily returns; 12 for monthly). */
  periodsPerYear?: number;
}

/**
 * Excess returns over the risk-free rate, per period: rᵢ − ((1 + rfᵢ)^(1/periodsPerYear) − 1),
 * same length as the returns. A `Series` risk-free rate is forward-filled onto the return dates
 * (`NaN` before its first observation, so those periods are skipped by the ratios).
 *
 * @example
 * excessReturns([0.01, 0.02], { riskFree: 0.0252, periodsPerYear: 252 }); // ≈ [0.0099, 0.0199]
 */
export function excessReturns(returns: ArrayLike<number> | Series, options: RatioOptions = {}): Float64Array {
  const periodsPerYear = options.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  assertPeriodsPerYear(periodsPerYear);
  const rf = options.riskFree ?? 0;
  const values: ArrayLike<number> = isSeries(returns) ? returns.values : returns;
  const n = values.length;
  const out = new Float64Array(n);
  if (typeof rf === "number") {
    if (!Number.isFinite(rf) || rf <= -1)
      throw new InvalidArgumentError("riskFree", rf, "must be a finite rate > −1");
    const per = (1 + rf) ** (1 / periodsPerYear) - 1;
    for (let i = 0; i < n; i++) out[i] = values[i]! - per;
    return out;
  }
  if (!isSeries(returns)) {
    throw new InvalidArgumentError(
      "returns",
      returns,
      "must be a Series when riskFree is a Series (to align by date)",
    );
  }
  assertSameLength("returns.dates", returns.dates, "returns.values", returns.values);
  const rates = asOfJoin(returns.dates, rf);
  const inv = 1 / periodsPerYear;
  for (let i = 0; i < n; i++) out[i] = values[i]! - ((1 + rates[i]!) ** inv - 1);
  return out;
}

function isSeries(x: ArrayLike<number> | Series): x is Series {
  return (x as Series).dates instanceof Int32Array && (x as Series).values instanceof Float64Array;
}

/**
 * Annualised Sharpe ratio: mean(excess) / stddev(excess) × √periodsPerYear, excess returns over the
 * risk-free rate (see {@link excessReturns}). `NaN` (undefined) for fewer than two valid returns or
 * zero volatility.
 *
 * @example
 * sharpeRatio([0.01, -0.005, 0.007, 0.002]); // 8.43… (daily returns, rf = 0)
 * sharpeRatio([0.001, 0.001, 0.001]);         // NaN (zero volatility)
 */
export function sharpeRatio(returns: ArrayLike<number> | Series, options: RatioOptions = {}): number {
  const periodsPerYear = options.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  const ex = excessReturns(returns, options);
  let n = 0;
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < ex.length; i++) {
    const v = ex[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    const d = v - m;
    m += d / n;
    m2 += d * (v - m);
  }
  const sd = n < 2 ? Number.NaN : Math.sqrt(Math.max(0, m2) / (n - 1));
  // A numerically constant series can leave a tiny m2: treat sd below 1e-14·|mean| as zero.
  if (!(sd > 1e-14 * Math.abs(m))) return Number.NaN;
  return (m / sd) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio: mean(excess) × periodsPerYear / downside deviation of the excess
 * returns below 0 (annualised, divisor n). `NaN` (undefined) for no valid returns or no downside.
 *
 * @example
 * sortinoRatio([0.02, -0.01, 0.03, -0.03], { periodsPerYear: 1 }); // 0.1581… (0.0025 / 0.0158)
 */
export function sortinoRatio(returns: ArrayLike<number> | Series, options: RatioOptions = {}): number {
  const periodsPerYear = options.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  const ex = excessReturns(returns, options);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < ex.length; i++) {
    if (!Number.isNaN(ex[i]!)) {
      n++;
      sum += ex[i]!;
    }
  }
  const dd = downsideDeviation(ex, 0, periodsPerYear);
  if (n === 0 || !(dd > 0)) return Number.NaN;
  return ((sum / n) * periodsPerYear) / dd;
}

/**
 * Calmar ratio: CAGR (see `cagr`, calendar days / 365.25) divided by the absolute maximum drawdown
 * over the same prices. Conventionally computed on the last 36 months — slice with `sliceByDate`
 * first. `NaN` (undefined) when there is no drawdown or no CAGR.
 *
 * @example
 * const s = seriesFromArrays([0, 365, 731], [100, 80, 121]);
 * calmarRatio(s); // 0.4999… (CAGR ≈ 0.0999 / 0.2)
 */
export function calmarRatio(prices: Series): number {
  const dd = maxDrawdown(prices).depth;
  const g = cagr(prices);
  if (!(dd < 0) || Number.isNaN(g)) return Number.NaN;
  return g / -dd;
}

/** Result of {@link maxDrawdown}. */
export interface MaxDrawdown {
  /** Deepest decline from a running peak, a fraction in [−1, 0]; `NaN` for no valid values. */
  readonly depth: number;
  /** Index of the peak preceding the deepest trough (−1 for no valid values). */
  readonly peakIndex: number;
  /** Index of the deepest trough (−1 for no valid values). */
  readonly troughIndex: number;
  /** First index after the trough at or above the peak value; `undefined` if not recovered. */
  readonly recoveryIndex: number | undefined;
  /** Epoch days of the peak, trough and recovery, when a `Series` was passed. */
  readonly peakDate?: number;
  readonly troughDate?: number;
  readonly recoveryDate?: number;
}

/**
 * Maximum drawdown of prices: the deepest fall from a running peak, with the peak, trough and
 * recovery (first later value at or above the peak; `undefined` when not yet recovered). `NaN`
 * values are skipped. With no decline the depth is 0 and peak = trough = the first valid value.
 * Ties: the earliest trough of equal depth and the peak right before it. O(n), no allocation.
 *
 * @example
 * const dd = maxDrawdown(seriesFromArrays([1, 2, 3, 4, 5], [100, 120, 90, 110, 125]));
 * dd.depth;        // -0.25
 * dd.peakIndex;    // 1 (dated 2)
 * dd.troughIndex;  // 2
 * dd.recoveryIndex; // 4
 */
export function maxDrawdown(prices: Series | ArrayLike<number>): MaxDrawdown {
  const series = isSeries(prices) ? prices : undefined;
  const values: ArrayLike<number> = series ? series.values : (prices as ArrayLike<number>);
  if (series) assertSameLength("prices.dates", series.dates, "prices.values", series.values);
  const n = values.length;
  let peak = Number.NaN;
  let peakIdx = -1;
  let depth = Number.NaN;
  let bestPeak = -1;
  let bestTrough = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (!(v <= peak)) {
      peak = v;
      peakIdx = i;
      if (bestTrough < 0) {
        depth = 0;
        bestPeak = i;
        bestTrough = i;
      }
      continue;
    }
    const dd = v / peak - 1;
    if (dd < depth) {
      depth = dd;
      bestPeak = peakIdx;
      bestTrough = i;
    }
  }
  let recovery: number | undefined;
  if (bestTrough >= 0 && depth < 0) {
    const pv = values[bestPeak]!;
    for (let i = bestTrough + 1; i < n; i++) {
      if (values[i]! >= pv) {
        recovery = i;
        break;
      }
    }
  }
  const result: MaxDrawdown = {
    depth,
    peakIndex: bestPeak,
    troughIndex: bestTrough,
    recoveryIndex: recovery,
  };
  if (series && bestPeak >= 0) {
    return {
      ...result,
      peakDate: series.dates[bestPeak]!,
      troughDate: series.dates[bestTrough]!,
      ...(recovery === undefined ? {} : { recoveryDate: series.dates[recovery]! }),
    };
  }
  return result;
}

/**
 * Drawdown at every point: vᵢ / max(v₀…vᵢ) − 1, in [−1, 0] for positive prices; `NaN` where the
 * value is missing (the running peak carries over the gap) and before the first valid value. O(n).
 *
 * @example
 * drawdownSeries(new Float64Array([100, 120, 90, 130])); // Float64Array [0, 0, -0.25, 0]
 */
export function drawdownSeries(prices: ArrayLike<number>): Float64Array {
  const n = prices.length;
  const out = new Float64Array(n);
  let peak = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = prices[i]!;
    if (v > peak || (Number.isNaN(peak) && !Number.isNaN(v))) peak = v;
    out[i] = v / peak - 1;
  }
  return out;
}

/** Result of {@link drawdownFromPeak}. */
export interface DrawdownFromPeak {
  /** Highest valid value inside the peak window (first occurrence); `NaN` when the window is empty. */
  readonly peakValue: number;
  readonly peakIndex: number;
  readonly peakDate: number;
  /** The valid value used for `asOf` (last on or before it) and its date. */
  readonly asOfValue: number;
  readonly asOfDate: number;
  /** asOfValue / peakValue − 1 (positive once the peak has been surpassed). */
  readonly drawdown: number;
  /** vᵢ / peakValue − 1 for every date of the series (the "any date" view), `NaN` where missing. */
  readonly drawdowns: Float64Array;
}

/**
 * Drawdown from a fixed peak: the maximum valid value inside `peakWindow` (epoch days, inclusive)
 * — e.g. KRE's 2022 high — then the decline of the value on or before `asOf` (default: the last
 * valid value) from it, plus the same ratio for every date. `NaN` fields and `peakIndex = −1` when
 * the window holds no valid value. O(n).
 *
 * @example
 * const kre = seriesFromArrays([10, 20, 30, 40], [50, 70, 60, 42]);
 * const r = drawdownFromPeak(kre, { from: 0, to: 30 });
 * r.peakValue; // 70
 * r.drawdown;  // -0.4
 * drawdownFromPeak(kre, { from: 0, to: 30 }, 30).drawdown; // -0.1428…
 */
export function drawdownFromPeak(
  series: Series,
  window: { from: DateInput; to: DateInput },
  asOfDate?: DateInput,
): DrawdownFromPeak {
  assertSameLength("series.dates", series.dates, "series.values", series.values);
  const peakWindow = {
    from: toEpochDay(window.from, "peakWindow.from"),
    to: toEpochDay(window.to, "peakWindow.to"),
  };
  const asOf = asOfDate === undefined ? undefined : toEpochDay(asOfDate, "asOf");
  if (peakWindow.to < peakWindow.from) {
    throw new InvalidArgumentError(
      "peakWindow.to",
      peakWindow.to,
      `must be on or after peakWindow.from (${peakWindow.from})`,
    );
  }
  const { dates, values } = series;
  const start = indexOnOrAfter(dates, peakWindow.from);
  const end = indexOnOrBefore(dates, peakWindow.to);
  let peakIdx = -1;
  let peakValue = Number.NaN;
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v > peakValue || (peakIdx < 0 && !Number.isNaN(v))) {
      peakValue = v;
      peakIdx = i;
    }
  }
  const n = dates.length;
  let a = asOf === undefined ? n - 1 : indexOnOrBefore(dates, asOf);
  while (a >= 0 && Number.isNaN(values[a]!)) a--;
  const drawdowns = new Float64Array(n);
  for (let i = 0; i < n; i++) drawdowns[i] = values[i]! / peakValue - 1;
  const asOfValue = a >= 0 ? values[a]! : Number.NaN;
  return {
    peakValue,
    peakIndex: peakIdx,
    peakDate: peakIdx >= 0 ? dates[peakIdx]! : Number.NaN,
    asOfValue,
    asOfDate: a >= 0 ? dates[a]! : Number.NaN,
    drawdown: asOfValue / peakValue - 1,
    drawdowns,
  };
}

/**
 * Ulcer index (Peter Martin, 1987): √(mean of squared drawdowns from the running peak), over the
 * whole input, as a **fraction** (multiply by 100 for Martin's percent units). Missing values are
 * skipped. `NaN` (undefined) for no valid values. O(n).
 *
 * @example
 * ulcerIndex(new Float64Array([100, 120, 90, 130])); // 0.125 (√(0.25² / 4))
 */
export function ulcerIndex(prices: ArrayLike<number>): number {
  let peak = Number.NaN;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < prices.length; i++) {
    const v = prices[i]!;
    if (Number.isNaN(v)) continue;
    if (!(v <= peak)) peak = v;
    const d = v / peak - 1;
    sum += d * d;
    n++;
  }
  return n === 0 ? Number.NaN : Math.sqrt(sum / n);
}

function assertConfidence(c: number): void {
  if (!(c > 0 && c < 1)) throw new InvalidArgumentError("confidence", c, "must be a number in (0, 1)");
}

/**
 * Historical value at risk at `confidence` (default 0.95), reported as a **positive loss**:
 * VaR = −q, where q is the (1 − confidence) quantile of the valid returns with linear
 * interpolation between order statistics (type 7, see `quantile`). Per period of the returns
 * passed (daily returns → one-day VaR). `NaN` (undefined) for no valid returns.
 *
 * @example
 * historicalVaR([-0.05, -0.02, 0, 0.01, 0.03], 0.8); // 0.026 (q = −0.05 + 0.8·0.03)
 */
export function historicalVaR(returns: ArrayLike<number>, confidence = 0.95): number {
  assertConfidence(confidence);
  return -quantile(returns, 1 - confidence);
}

/**
 * Historical conditional VaR (expected shortfall) at `confidence` (default 0.95), as a positive
 * loss: minus the mean of the valid returns at or below the VaR quantile q (same type-7 quantile
 * as {@link historicalVaR}; the worst return always qualifies). `NaN` (undefined) for no valid
 * returns.
 *
 * @example
 * historicalCVaR([-0.05, -0.02, 0, 0.01, 0.03], 0.8); // 0.05 (only −0.05 ≤ q = −0.026)
 */
export function historicalCVaR(returns: ArrayLike<number>, confidence = 0.95): number {
  assertConfidence(confidence);
  const q = quantile(returns, 1 - confidence);
  if (Number.isNaN(q)) return Number.NaN;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r <= q) {
      sum += r;
      n++;
    }
  }
  return n === 0 ? Number.NaN : -sum / n;
}
