/**
 * Relative performance: is the base (e.g. IWM, small caps) leading the benchmark (e.g. SPY, large
 * caps)? Ratio lines, return gaps, beta/alpha, correlation, capture ratios, tracking error and
 * their rolling versions.
 *
 * Conventions:
 * - Functions on **returns** take two per-period simple-return arrays of the **same length,
 *   aligned by date** (build them with `alignSeries` then `simpleReturns`); mismatched lengths throw
 *   `InvalidArgumentError`. Pairs where either return is `NaN` are skipped.
 * - Annualisation: means × periodsPerYear, standard deviations × √periodsPerYear (252 daily default,
 *   12 monthly).
 * - Undefined results (fewer than two valid pairs, zero benchmark variance, zero tracking error) are
 *   `NaN`, never `Infinity`.
 * - Rolling versions output a `Float64Array` of the input length, `NaN` until the trailing window
 *   holds `window` valid pairs (and wherever it does not); they are O(n) with shifted co-moment sums
 *   kept within 1e-11 of exact by a running error bound (`indicators/window-sums.ts`).
 */
import type { DateInput } from "./dates.js";
import { assertPositiveInteger, assertSameLength, InvalidArgumentError } from "./errors.js";
import { asFloat64 } from "./indicators/buffers.js";
import { WindowComoments } from "./indicators/window-sums.js";
import { totalReturn } from "./returns.js";
import { excessReturns, type RatioOptions, TRADING_DAYS_PER_YEAR } from "./risk.js";
import { alignSeries, type Series } from "./series.js";

/** Options for {@link relativeStrength}. */
export interface RelativeStrengthOptions {
  /** Divide by the first valid ratio so the line starts at 1 (default `false`). */
  rebase?: boolean;
}

/**
 * Relative-strength (ratio) line: base / benchmark on the dates both series share (inner join). A
 * rising line means the base outperforms (IWM/SPY rising = small caps leading). With
 * `rebase: true` the line is divided by its first valid value, so it reads as relative growth of
 * $1 (1.05 = 5 % ahead since the start). `NaN` where either value is missing.
 *
 * @example
 * const iwm = seriesFromArrays([1, 2, 3], [200, 210, 220]);
 * const spy = seriesFromArrays([1, 2, 3], [400, 400, 440]);
 * relativeStrength(iwm, spy).values;                   // Float64Array [0.5, 0.525, 0.5]
 * relativeStrength(iwm, spy, { rebase: true }).values; // Float64Array [1, 1.05, 1]
 */
export function relativeStrength(
  base: Series,
  benchmark: Series,
  options: RelativeStrengthOptions = {},
): Series {
  const j = alignSeries(base, benchmark);
  const a = j.values[0]!;
  const b = j.values[1]!;
  const n = j.dates.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!;
  if (options.rebase) {
    let first = Number.NaN;
    for (let i = 0; i < n && Number.isNaN(first); i++) first = out[i]!;
    for (let i = 0; i < n; i++) out[i] = out[i]! / first;
  }
  return { dates: j.dates, values: out };
}

/**
 * Return gap between two epoch days: totalReturn(base) − totalReturn(benchmark), each with the
 * day-0 convention (last valid value on or before `from` / `to`). Positive = base ahead.
 * `NaN` when either series has no value on or before `from`.
 *
 * @example
 * const iwm = seriesFromArrays([1, 2], [200, 220]);
 * const spy = seriesFromArrays([1, 2], [400, 420]);
 * returnGap(iwm, spy, 1, 2); // 0.05 (10 % − 5 %)
 */
export function returnGap(base: Series, benchmark: Series, from: DateInput, to: DateInput): number {
  return totalReturn(base, from, to) - totalReturn(benchmark, from, to);
}

/** Means, variances and co-moment of the valid pairs, one pass (Welford). */
function pairMoments(a: ArrayLike<number>, b: ArrayLike<number>) {
  assertSameLength("returns", a, "benchmarkReturns", b);
  let n = 0;
  let ma = 0;
  let mb = 0;
  let caa = 0;
  let cbb = 0;
  let cab = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    const dx = x - ma;
    const dy = y - mb;
    ma += dx / n;
    mb += dy / n;
    caa += dx * (x - ma);
    cbb += dy * (y - mb);
    cab += dx * (y - mb);
  }
  return { n, ma, mb, caa, cbb, cab };
}

/**
 * Beta of `returns` against `benchmarkReturns`: cov(r, b) / var(b) over the valid pairs (OLS slope).
 * `NaN` (undefined) for fewer than two pairs or a constant benchmark.
 *
 * @example
 * beta([0.02, -0.04, 0.06], [0.01, -0.02, 0.03]); // 2
 */
export function beta(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>): number {
  const m = pairMoments(returns, benchmarkReturns);
  if (m.n < 2 || !(m.cbb > 0)) return Number.NaN;
  return m.cab / m.cbb;
}

/**
 * Pearson correlation of the valid pairs, in [−1, 1]. `NaN` (undefined) for fewer than two pairs or
 * either side constant.
 *
 * @example
 * correlation([1, 2, 3], [2, 4, 7]); // 0.9933…
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const m = pairMoments(a, b);
  if (m.n < 2 || !(m.caa > 0) || !(m.cbb > 0)) return Number.NaN;
  return Math.max(-1, Math.min(1, m.cab / Math.sqrt(m.caa * m.cbb)));
}

/**
 * R² of the regression of `returns` on `benchmarkReturns` (the squared correlation): the share of
 * the variance explained by the benchmark. `NaN` when the correlation is undefined.
 *
 * @example
 * rSquared([0.02, -0.04, 0.06], [0.01, -0.02, 0.03]); // 1
 */
export function rSquared(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>): number {
  const c = correlation(returns, benchmarkReturns);
  return c * c;
}

/**
 * Annualised Jensen's alpha: with excess returns over the risk-free rate (see `excessReturns`;
 * a `Series` risk-free rate needs both return inputs as `Series` with the same dates),
 * α = (mean(r − rf) − β · mean(b − rf)) × periodsPerYear, β estimated on the excess returns. The
 * annualisation is arithmetic (per-period alpha × periods per year). `NaN` when β is undefined.
 *
 * @example
 * alpha([0.021, -0.039, 0.061], [0.01, -0.02, 0.03], { periodsPerYear: 252 }); // 0.252 (0.001 a day)
 */
export function alpha(
  returns: ArrayLike<number> | Series,
  benchmarkReturns: ArrayLike<number> | Series,
  options: RatioOptions = {},
): number {
  const periodsPerYear = options.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  const r = excessReturns(returns, options);
  const b = excessReturns(benchmarkReturns, options);
  const m = pairMoments(r, b);
  if (m.n < 2 || !(m.cbb > 0)) return Number.NaN;
  return (m.ma - (m.cab / m.cbb) * m.mb) * periodsPerYear;
}

function captureRatio(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>, up: boolean): number {
  assertSameLength("returns", returns, "benchmarkReturns", benchmarkReturns);
  let n = 0;
  let logR = 0;
  let logB = 0;
  for (let i = 0; i < returns.length; i++) {
    const x = returns[i]!;
    const y = benchmarkReturns[i]!;
    if (Number.isNaN(x) || Number.isNaN(y) || (up ? !(y > 0) : !(y < 0))) continue;
    n++;
    logR += Math.log1p(x);
    logB += Math.log1p(y);
  }
  if (n === 0) return Number.NaN;
  const gb = Math.expm1(logB / n);
  return gb === 0 ? Number.NaN : Math.expm1(logR / n) / gb;
}

/**
 * Up-market capture ratio: over the periods where the benchmark return is > 0, the geometric mean
 * return of `returns` divided by that of the benchmark (Morningstar's definition, as a ratio: 1.1
 * = captured 110 % of the benchmark's up moves). `NaN` (undefined) when the benchmark never rose.
 *
 * @example
 * upCapture([0.02, -0.01, 0.04], [0.01, -0.02, 0.02]); // 1.998… (≈ twice the up moves)
 */
export function upCapture(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>): number {
  return captureRatio(returns, benchmarkReturns, true);
}

/**
 * Down-market capture ratio: like {@link upCapture} over the periods where the benchmark return is
 * < 0 (0.5 = lost half as much as the benchmark in down periods; lower is better). `NaN`
 * (undefined) when the benchmark never fell.
 *
 * @example
 * downCapture([0.02, -0.01, 0.04], [0.01, -0.02, 0.02]); // 0.5
 */
export function downCapture(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>): number {
  return captureRatio(returns, benchmarkReturns, false);
}

/** Mean and sample standard deviation of the valid active returns r − b. */
function activeMoments(returns: ArrayLike<number>, benchmarkReturns: ArrayLike<number>) {
  assertSameLength("returns", returns, "benchmarkReturns", benchmarkReturns);
  let n = 0;
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < returns.length; i++) {
    const d = returns[i]! - benchmarkReturns[i]!;
    if (Number.isNaN(d)) continue;
    n++;
    const delta = d - m;
    m += delta / n;
    m2 += delta * (d - m);
  }
  return { n, mean: m, sd: n < 2 ? Number.NaN : Math.sqrt(Math.max(0, m2) / (n - 1)) };
}

function assertPeriods(p: number): void {
  if (!(p > 0) || !Number.isFinite(p))
    throw new InvalidArgumentError("periodsPerYear", p, "must be a finite number > 0");
}

/**
 * Annualised tracking error: sample standard deviation of the active returns r − b, ×
 * √periodsPerYear. `NaN` (undefined) for fewer than two valid pairs.
 *
 * @example
 * trackingError([0.02, 0.0, 0.01], [0.01, 0.0, 0.01], 1); // 0.00577… (sd of [0.01, 0, 0])
 */
export function trackingError(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  periodsPerYear = TRADING_DAYS_PER_YEAR,
): number {
  assertPeriods(periodsPerYear);
  return activeMoments(returns, benchmarkReturns).sd * Math.sqrt(periodsPerYear);
}

/**
 * Information ratio: annualised mean active return / annualised tracking error
 * = mean(r − b) / sd(r − b) × √periodsPerYear. `NaN` (undefined) for zero tracking error or fewer
 * than two valid pairs.
 *
 * @example
 * informationRatio([0.02, 0.0, 0.01], [0.01, 0.0, 0.01], 1); // 0.577… (0.00333 / 0.00577)
 */
export function informationRatio(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  periodsPerYear = TRADING_DAYS_PER_YEAR,
): number {
  assertPeriods(periodsPerYear);
  const m = activeMoments(returns, benchmarkReturns);
  if (!(m.sd > 1e-14 * Math.abs(m.mean))) return Number.NaN;
  return (m.mean / m.sd) * Math.sqrt(periodsPerYear);
}

/**
 * Shared sliding-window co-moment engine: writes the rolling beta or correlation into `out`, `NaN`
 * unless the trailing window holds `window` valid pairs. Shifted co-moment sums with error bounds,
 * re-based when needed (`indicators/window-sums.ts`): O(1) amortised per point and within ~1e-12
 * of an exact per-window computation, also after a fall of orders of magnitude or on a large offset.
 */
function slidingComoments(
  a: Float64Array,
  b: Float64Array,
  window: number,
  out: Float64Array,
  kind: "beta" | "correlation",
): void {
  const len = a.length;
  const m = new WindowComoments();
  const c = new Float64Array(3);
  for (let i = 0; i < len; i++) {
    const k = i - window;
    if (k >= 0) {
      const x = a[k]!;
      const y = b[k]!;
      if (!Number.isNaN(x) && !Number.isNaN(y)) m.remove(x, y);
    }
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isNaN(x) && !Number.isNaN(y)) m.add(x, y);
    if (m.count < window || m.count < 2) {
      out[i] = Number.NaN;
      continue;
    }
    m.refresh(a, b, i + 1 - window, window, len);
    m.centredInto(c);
    const caa = c[0]!;
    const cbb = c[1]!;
    const cab = c[2]!;
    if (kind === "beta") out[i] = cbb > 0 ? cab / cbb : Number.NaN;
    else out[i] = caa > 0 && cbb > 0 ? Math.max(-1, Math.min(1, cab / Math.sqrt(caa * cbb))) : Number.NaN;
  }
}

/**
 * Rolling beta over a trailing window of `window` periods (e.g. 63 ≈ three months of daily
 * returns): out[i] = beta of the pairs i−window+1 … i; `NaN` until the window holds `window` valid
 * pairs or when the benchmark is constant inside it. O(n). Throws for `window` not an integer ≥ 2.
 *
 * @example
 * rollingBeta(new Float64Array([0.02, -0.04, 0.06, 0.01]), new Float64Array([0.01, -0.02, 0.03, 0.01]), 3);
 * // Float64Array [NaN, NaN, 2, 1.3…]
 */
export function rollingBeta(
  returns: ArrayLike<number>,
  benchmarkReturns: ArrayLike<number>,
  window: number,
): Float64Array {
  assertSameLength("returns", returns, "benchmarkReturns", benchmarkReturns);
  assertPositiveInteger("window", window, 2);
  const out = new Float64Array(returns.length);
  slidingComoments(asFloat64(returns), asFloat64(benchmarkReturns), window, out, "beta");
  return out;
}

/**
 * Rolling Pearson correlation over a trailing window of `window` periods; `NaN` until the window
 * holds `window` valid pairs or when either side is constant inside it. O(n). Throws for `window`
 * not an integer ≥ 2.
 *
 * @example
 * rollingCorrelation(new Float64Array([1, 2, 3, 2]), new Float64Array([2, 4, 6, 8]), 3);
 * // Float64Array [NaN, NaN, 1, 0]
 */
export function rollingCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, window: number): Float64Array {
  assertSameLength("a", a, "b", b);
  assertPositiveInteger("window", window, 2);
  const out = new Float64Array(a.length);
  slidingComoments(asFloat64(a), asFloat64(b), window, out, "correlation");
  return out;
}
