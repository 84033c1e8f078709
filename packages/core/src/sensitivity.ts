/**
 * **Rate sensitivity**: how much an instrument's return moves with changes in a yield — the
 * "duration" of an equity. Small caps carry more floating-rate debt than large caps, so IWM's beta
 * to the 2-year or 10-year yield is typically more negative than SPY's.
 *
 * ## How to read it
 * `betaPer100bp` is the instrument's simple return (as a fraction) per **+100 bp** change in the
 * yield over the same period: `-0.05` means "when the yield rises by 1 percentage point, the price
 * falls by 5 % on average". `intercept` is the average return of a period in which the yield did
 * not change. Both come from ordinary least squares (OLS)
 *
 *     r_t = intercept + beta · Δy_t + ε_t,   beta = Σ(Δy − mean Δy)(r − mean r) / Σ(Δy − mean Δy)²,
 *
 * with `Δy_t` in basis points and `betaPer100bp = 100 · beta`. `tStat` is beta over its standard
 * error √(SSR / (n − 2) / Σ(Δy − mean Δy)²) (classical, not autocorrelation-robust);
 * `rSquared` is the squared correlation.
 *
 * ## Alignment
 * - Prices: pass adjusted closes. Yields: percent (FRED `DGS10`, `DGS2`); changes are in bp.
 * - `NaN` values (FRED leaves bond-market holidays blank) are dropped **before** anything else.
 * - `"daily"`: the two series are inner-joined on their dates. A day with a blank yield (or no
 *   price) is absent from the joined set, so the next return and the next yield change both span
 *   the two days — returns and changes always cover the same interval.
 * - `"weekly"` / `"monthly"`: each series keeps its last valid observation of each ISO week
 *   (Monday–Sunday) or calendar month (`resample`), and the two are joined on the **period**, so a
 *   Friday that is a holiday for one market only does not lose the week. The joined observation is
 *   dated at the instrument's date.
 * - `from` / `to` (epoch days, inclusive) choose the joined **levels**, with CycleLens' day-0 rule (as in
 *   compare and performance): day 0 is the last joined level on or before `from` (the first level when
 *   none is), the exit the last one on or before `to`. Returns and changes are computed between
 *   consecutive levels, so the first pair runs from day 0 to the first level after it: a `from` on a
 *   holiday loses no pair.
 * - Undefined results are NaN: everything for fewer than 2 changes or an unchanged yield; the
 *   correlation and R² for an unchanged price; the t-statistic for fewer than 3 changes or a perfect
 *   fit (residual sum of squares ≤ 1e-12 × total, i.e. R² = 1 up to rounding).
 */
import { ymd } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { WindowComoments } from "./indicators/window-sums.js";
import { assertSeries, resample, type Series } from "./series.js";

/** Sampling frequency of the regression. */
export type SensitivityFrequency = "daily" | "weekly" | "monthly";

/** Options of {@link rateSensitivity}. */
export interface RateSensitivityOptions {
  readonly frequency: SensitivityFrequency;
  /** First date (epoch day, inclusive) of the levels used. */
  readonly from?: number;
  /** Last date (epoch day, inclusive) of the levels used. */
  readonly to?: number;
}

/** OLS of returns on yield changes over a whole window. */
export interface RateSensitivity {
  readonly frequency: SensitivityFrequency;
  /** Return (fraction) per +100 bp change of the yield. */
  readonly betaPer100bp: number;
  /** Average return of a period with an unchanged yield (fraction per period). */
  readonly intercept: number;
  /** t-statistic of the beta (n − 2 degrees of freedom). */
  readonly tStat: number;
  readonly rSquared: number;
  /** Pearson correlation of returns and yield changes. */
  readonly correlation: number;
  /** Number of (return, yield change) pairs used. */
  readonly observations: number;
  /** Date of the first and last pair (epoch days; NaN when there are none). */
  readonly from: number;
  readonly to: number;
  /** Date of day 0, the level the first pair starts from (epoch day; NaN when there is no pair). */
  readonly start: number;
}

/** Rolling OLS results, one entry per pair date; NaN until the window is full. */
export interface RollingRateSensitivity {
  readonly frequency: SensitivityFrequency;
  readonly window: number;
  /** Date of each (return, yield change) pair, epoch days. */
  readonly dates: Int32Array;
  readonly betaPer100bp: Float64Array;
  readonly intercept: Float64Array;
  readonly tStat: Float64Array;
  readonly rSquared: Float64Array;
  readonly correlation: Float64Array;
}

/** Returns and yield changes (bp) on common dates. */
interface Pairs {
  dates: Int32Array;
  returns: Float64Array;
  changesBp: Float64Array;
  /** Date of day 0 (NaN without pairs). */
  start: number;
}

function dropNaN(series: Series): Series {
  const n = series.values.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = series.values[i]!;
    if (Number.isNaN(v)) continue;
    dates[k] = series.dates[i]!;
    values[k++] = v;
  }
  return { dates: dates.slice(0, k), values: values.slice(0, k) };
}

function periodKey(frequency: SensitivityFrequency, day: number): number {
  if (frequency === "daily") return day;
  if (frequency === "weekly") return Math.floor((day - 4) / 7); // Monday-based weeks (epoch day 4 was a Monday)
  const { year, month } = ymd(day);
  return year * 12 + month - 1;
}

function pairs(prices: Series, yields: Series, options: RateSensitivityOptions): Pairs {
  assertSeries("instrumentPrices", prices);
  assertSeries("yields", yields);
  if (options == null)
    throw new InvalidArgumentError("options", options, "must be { frequency, from?, to? }");
  const { frequency, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY } = options;
  if (frequency !== "daily" && frequency !== "weekly" && frequency !== "monthly") {
    throw new InvalidArgumentError("frequency", frequency, 'must be "daily", "weekly" or "monthly"');
  }
  if (Number.isNaN(from) || Number.isNaN(to) || from > to) {
    throw new InvalidArgumentError("from", from, `must be a date on or before to (${to})`);
  }
  let p = dropNaN(prices);
  let y = dropNaN(yields);
  for (let i = 0; i < p.values.length; i++) {
    const v = p.values[i]!;
    if (!(v > 0) || v === Number.POSITIVE_INFINITY) {
      throw new InvalidArgumentError(
        "instrumentPrices.values",
        v,
        "must be finite prices > 0 (or NaN for missing)",
      );
    }
  }
  for (let i = 0; i < y.values.length; i++) {
    if (!Number.isFinite(y.values[i]!)) {
      throw new InvalidArgumentError("yields.values", y.values[i], "must be finite (or NaN for missing)");
    }
  }
  if (frequency !== "daily") {
    const period = frequency === "weekly" ? "week" : "month";
    p = resample(p, period);
    y = resample(y, period);
  }
  // merge on period keys (the date itself for daily), keeping levels up to `to`
  const n = Math.min(p.dates.length, y.dates.length);
  const dates = new Int32Array(n);
  const pl = new Float64Array(n);
  const yl = new Float64Array(n);
  let k = 0;
  let i = 0;
  let j = 0;
  while (i < p.dates.length && j < y.dates.length) {
    const kp = periodKey(frequency, p.dates[i]!);
    const ky = periodKey(frequency, y.dates[j]!);
    if (kp < ky) i++;
    else if (kp > ky) j++;
    else {
      const d = p.dates[i]!;
      if (d <= to) {
        dates[k] = d;
        pl[k] = p.values[i]!;
        yl[k++] = y.values[j]!;
      }
      i++;
      j++;
    }
  }
  // day 0: the last level on or before `from` (the first level when there is none)
  let first = 0;
  while (first + 1 < k && dates[first + 1]! <= from) first++;
  const m = Math.max(0, k - first - 1);
  const out: Pairs = {
    dates: new Int32Array(m),
    returns: new Float64Array(m),
    changesBp: new Float64Array(m),
    start: m > 0 ? dates[first]! : Number.NaN,
  };
  for (let t = first + 1; t < k; t++) {
    out.dates[t - first - 1] = dates[t]!;
    out.returns[t - first - 1] = pl[t]! / pl[t - 1]! - 1;
    out.changesBp[t - first - 1] = (yl[t]! - yl[t - 1]!) * 100;
  }
  return out;
}

/**
 * OLS from centred sums; everything undefined becomes NaN. A centred sum of squares at rounding
 * level (≤ 1e-12 × the raw sum of squares `qxx` / `qyy`, i.e. values constant up to rounding) is
 * treated as exactly 0, so both the two-pass and the running-sum paths agree on degenerate windows.
 */
function ols(
  n: number,
  meanX: number,
  meanY: number,
  sxx: number,
  syy: number,
  sxy: number,
  qxx: number,
  qyy: number,
): Omit<RateSensitivity, "frequency" | "observations" | "from" | "to" | "start"> {
  const nan = Number.NaN;
  if (sxx <= qxx * 1e-12) sxx = 0;
  if (syy <= qyy * 1e-12) syy = 0;
  if (n < 2 || !(sxx > 0)) {
    return { betaPer100bp: nan, intercept: nan, tStat: nan, rSquared: nan, correlation: nan };
  }
  const beta = sxy / sxx;
  const intercept = meanY - beta * meanX;
  let correlation = syy > 0 ? sxy / Math.sqrt(sxx * syy) : nan;
  if (correlation > 1) correlation = 1;
  if (correlation < -1) correlation = -1;
  let ssr = syy - beta * sxy;
  if (ssr <= syy * 1e-12) ssr = 0; // a perfect fit up to rounding: the t-statistic is undefined (NaN)
  const se = n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : nan;
  const tStat = se > 0 ? beta / se : nan;
  return { betaPer100bp: beta * 100, intercept, tStat, rSquared: correlation * correlation, correlation };
}

/**
 * OLS of the instrument's simple returns on the yield's change in basis points over the whole
 * window (see the module documentation for alignment, NaN handling and units).
 *
 * @example
 * import { rateSensitivity, seriesFromArrays } from "@cyclelens/core";
 * const yields = seriesFromArrays([1, 2, 3, 4], [4.0, 4.1, 4.05, 4.25]); // Δ = +10, −5, +20 bp
 * const prices = seriesFromArrays([1, 2, 3, 4], [100, 99, 99.495, 97.50510]); // −1 %, +0.5 %, −2 %
 * const r = rateSensitivity(prices, yields, { frequency: "daily" });
 * r.betaPer100bp; // ≈ -0.1  (−10 % per +100 bp)
 * r.intercept;    // ≈ 0
 * r.observations; // 3
 */
export function rateSensitivity(
  instrumentPrices: Series,
  yields: Series,
  options: RateSensitivityOptions,
): RateSensitivity {
  const pairsOf = pairs(instrumentPrices, yields, options);
  const { dates, returns, changesBp } = pairsOf;
  const n = dates.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += changesBp[i]!;
    my += returns[i]!;
  }
  mx /= n || 1;
  my /= n || 1;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let qxx = 0;
  let qyy = 0;
  for (let i = 0; i < n; i++) {
    const dx = changesBp[i]! - mx;
    const dy = returns[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    qxx += changesBp[i]! * changesBp[i]!;
    qyy += returns[i]! * returns[i]!;
  }
  return {
    frequency: options.frequency,
    ...ols(n, mx, my, sxx, syy, sxy, qxx, qyy),
    observations: n,
    from: n > 0 ? dates[0]! : Number.NaN,
    to: n > 0 ? dates[n - 1]! : Number.NaN,
    start: pairsOf.start,
  };
}

/**
 * The same regression over a rolling window of `window` (return, yield change) pairs, O(n) with
 * shifted co-moment sums kept within 1e-11 of exact by a running error bound (re-based from the
 * window's pairs when needed, see `indicators/window-sums.ts`). Entry i uses pairs i − window + 1 … i;
 * entries before the window is full are NaN.
 *
 * @example
 * import { rollingRateSensitivity, seriesFromArrays } from "@cyclelens/core";
 * const yields = seriesFromArrays([1, 2, 3, 4], [4.0, 4.1, 4.05, 4.25]);
 * const prices = seriesFromArrays([1, 2, 3, 4], [100, 99, 99.495, 97.50510]);
 * const r = rollingRateSensitivity(prices, yields, { frequency: "daily" }, 2);
 * r.betaPer100bp; // Float64Array [NaN, ≈ -0.1, ≈ -0.1]
 */
export function rollingRateSensitivity(
  instrumentPrices: Series,
  yields: Series,
  options: RateSensitivityOptions,
  window: number,
): RollingRateSensitivity {
  assertPositiveInteger("window", window, 2);
  const { dates, returns: y, changesBp: x } = pairs(instrumentPrices, yields, options);
  const n = dates.length;
  const out = {
    beta: new Float64Array(n).fill(Number.NaN),
    intercept: new Float64Array(n).fill(Number.NaN),
    t: new Float64Array(n).fill(Number.NaN),
    r2: new Float64Array(n).fill(Number.NaN),
    corr: new Float64Array(n).fill(Number.NaN),
  };
  const m = new WindowComoments();
  const c = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    if (i >= window) m.remove(x[i - window]!, y[i - window]!);
    m.add(x[i]!, y[i]!);
    if (i >= window - 1) {
      m.refresh(x, y, i + 1 - window, window, n);
      m.centredInto(c);
      const mx = m.meanX();
      const my = m.meanY();
      const r = ols(window, mx, my, c[0]!, c[1]!, c[2]!, c[0]! + window * mx * mx, c[1]! + window * my * my);
      out.beta[i] = r.betaPer100bp;
      out.intercept[i] = r.intercept;
      out.t[i] = r.tStat;
      out.r2[i] = r.rSquared;
      out.corr[i] = r.correlation;
    }
  }
  return {
    frequency: options.frequency,
    window,
    dates,
    betaPer100bp: out.beta,
    intercept: out.intercept,
    tStat: out.t,
    rSquared: out.r2,
    correlation: out.corr,
  };
}
