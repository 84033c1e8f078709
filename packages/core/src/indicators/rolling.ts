/**
 * Rolling-window statistics: mean, standard deviation, min, max, z-score and percentile rank over
 * a trailing window of `window` values (the window ending at, and including, each point).
 *
 * How to read them: a rolling z-score of 2 means the value is two standard deviations above its
 * trailing mean (e.g. the IWM/SPY ratio unusually stretched); a rolling percentile rank of 95
 * means the value is at or above 95 % of the window.
 * Formulas and sources:
 * - mean: running sum (as `sma`);
 * - standard deviation: running sums of the values and their squares around a shift close to the
 *   window mean, with a running rounding-error bound and exact re-computation when it passes 1e-11
 *   relative (`window-sums.ts`: stays exact after a fall of orders of magnitude, on a large offset,
 *   and gives exactly 0 on a constant window), sample (divisor w − 1) by default;
 * - min/max: monotone deque (each index enters and leaves the deque once: amortised O(1) per point;
 *   the "ascending minima" algorithm, e.g. D. Lemire, *Streaming maximum-minimum filter using no
 *   more than three comparisons per element*, 2006);
 * - z-score: (vᵢ − mean) / sample sd of the window (undefined → `NaN` when the sd is 0);
 * - percentile rank: share of the window's values ≤ vᵢ, in percent (the "weak" rank of
 *   `percentileRank` in `stats.ts`).
 *
 * Output: `Float64Array`s of the input length; the first `window − 1` points are warm-up `NaN` and
 * any window containing a `NaN` is `NaN`.
 * Complexity: O(n) and no allocation per point for mean, std, min, max and z-score (one ring buffer
 * of `window` indices for min/max). `rollingPercentileRank` is **O(n · window)** (it rescans the
 * window at each point; fine for windows of a few hundred, slow for 10,000-point windows).
 */
import { assertPositiveInteger } from "../errors.js";
import { asFloat64 } from "./buffers.js";
import { sma } from "./sma.js";
import { WindowMoments } from "./window-sums.js";

/**
 * Rolling mean over `window` values (the same computation as `sma`).
 *
 * @example
 * rollingMean(new Float64Array([1, 2, 3, 4]), 2); // Float64Array [NaN, 1.5, 2.5, 3.5]
 */
export function rollingMean(values: ArrayLike<number>, window: number): Float64Array {
  assertPositiveInteger("window", window);
  return sma(values, window);
}

/**
 * Writes the newest value's deviation from its window mean, vᵢ − mean (when `devOut` is given; taken
 * from the shifted sums, so it keeps its digits on a large offset), and the sum of squared
 * deviations M2 of every full, valid window; `NaN` elsewhere. Shifted sums with error bounds, re-based when needed (see
 * window-sums.ts): O(1) amortised per point, within ~1e-12 of an exact per-window computation.
 */
function windowMoments(
  values: Float64Array,
  window: number,
  devOut: Float64Array | null,
  m2Out: Float64Array,
): void {
  const n = values.length;
  const m = new WindowMoments();
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const o = i >= window ? values[i - window]! : Number.NaN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && m.count === window) m.slide(x, o);
    else {
      if (!Number.isNaN(o)) m.remove(o);
      if (!Number.isNaN(x)) m.add(x);
    }
    if (m.count !== window) {
      if (devOut) devOut[i] = Number.NaN;
      m2Out[i] = Number.NaN;
      continue;
    }
    m.refresh(values, i + 1 - window, window, n);
    if (devOut) devOut[i] = m.deviation(x);
    m2Out[i] = m.m2();
  }
}

/** Options for {@link rollingStd}. */
export interface RollingStdOptions {
  /** Use the population standard deviation (divisor `window`) instead of the sample one (w − 1). */
  population?: boolean;
}

/**
 * Rolling standard deviation over `window` values: sample (divisor w − 1, default; `NaN` for
 * window 1) or population. O(n), sliding Welford.
 *
 * @example
 * rollingStd(new Float64Array([1, 2, 3, 5]), 3); // Float64Array [NaN, NaN, 1, 1.527…]
 * rollingStd(new Float64Array([1, 2, 3]), 3, { population: true })[2]; // 0.816…
 */
export function rollingStd(
  values: ArrayLike<number>,
  window: number,
  options: RollingStdOptions = {},
): Float64Array {
  assertPositiveInteger("window", window);
  const out = new Float64Array(values.length);
  windowMoments(asFloat64(values), window, null, out);
  const div = options.population ? window : window - 1;
  const inv = div > 0 ? 1 / div : Number.NaN;
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]! * inv);
  return out;
}

/**
 * Rolling z-score: (vᵢ − window mean) / window sample standard deviation, the window including vᵢ.
 * `NaN` during warm-up, for windows with a `NaN`, and when the window is constant (undefined).
 * Throws for `window` < 2. O(n).
 *
 * @example
 * rollingZScore(new Float64Array([1, 2, 3, 3, 3]), 3); // Float64Array [NaN, NaN, 1, 0.577…, NaN]
 */
export function rollingZScore(values: ArrayLike<number>, window: number): Float64Array {
  assertPositiveInteger("window", window, 2);
  const v = asFloat64(values);
  const n = v.length;
  const dev = new Float64Array(n);
  const out = new Float64Array(n);
  windowMoments(v, window, dev, out);
  const inv = 1 / (window - 1);
  for (let i = 0; i < n; i++) {
    const sd = Math.sqrt(out[i]! * inv);
    // A constant window (M2 = 0 up to rounding) has no z-score: undefined.
    out[i] = sd > 0 ? dev[i]! / sd : Number.NaN;
  }
  return out;
}

function rollingExtreme(values: ArrayLike<number>, window: number, isMax: boolean): Float64Array {
  assertPositiveInteger("window", window);
  const n = values.length;
  const out = new Float64Array(n);
  const dq = new Int32Array(window); // ring buffer of indices, values monotone from head to tail
  let head = 0;
  let size = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    if (i >= window && Number.isNaN(values[i - window]!)) bad--;
    if (size > 0 && dq[head]! <= i - window) {
      head = head + 1 === window ? 0 : head + 1;
      size--;
    }
    const v = values[i]!;
    if (Number.isNaN(v)) {
      bad++;
    } else {
      // Drop tail entries dominated by v: they can never be the extreme again.
      while (size > 0) {
        let t = head + size - 1;
        if (t >= window) t -= window;
        const tv = values[dq[t]!]!;
        if (isMax ? tv > v : tv < v) break;
        size--;
      }
      let t = head + size;
      if (t >= window) t -= window;
      dq[t] = i;
      size++;
    }
    out[i] = i >= window - 1 && bad === 0 ? values[dq[head]!]! : Number.NaN;
  }
  return out;
}

/**
 * Rolling minimum over `window` values, monotone deque, O(n).
 *
 * @example
 * rollingMin(new Float64Array([3, 1, 4, 1, 5, 9, 2]), 3); // Float64Array [NaN, NaN, 1, 1, 1, 1, 2]
 */
export function rollingMin(values: ArrayLike<number>, window: number): Float64Array {
  return rollingExtreme(values, window, false);
}

/**
 * Rolling maximum over `window` values, monotone deque, O(n).
 *
 * @example
 * rollingMax(new Float64Array([3, 1, 4, 1, 5, 9, 2]), 3); // Float64Array [NaN, NaN, 4, 4, 5, 9, 9]
 */
export function rollingMax(values: ArrayLike<number>, window: number): Float64Array {
  return rollingExtreme(values, window, true);
}

/**
 * Rolling percentile rank of each value within its trailing window (the window includes it): the
 * percentage of the window's values ≤ vᵢ, so the window maximum scores 100. **O(n · window)**.
 *
 * @example
 * rollingPercentileRank(new Float64Array([1, 3, 2, 4]), 3); // Float64Array [NaN, NaN, 66.66…, 100]
 */
export function rollingPercentileRank(values: ArrayLike<number>, window: number): Float64Array {
  assertPositiveInteger("window", window);
  const n = values.length;
  const out = new Float64Array(n);
  const scale = 100 / window;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) bad++;
    if (i >= window && Number.isNaN(values[i - window]!)) bad--;
    if (i < window - 1 || bad > 0) {
      out[i] = Number.NaN;
      continue;
    }
    let c = 0;
    for (let j = i - window + 1; j <= i; j++) if (values[j]! <= v) c++;
    out[i] = c * scale;
  }
  return out;
}
