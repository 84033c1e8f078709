/**
 * Simple moving average (SMA).
 *
 * What it is: the arithmetic mean of the last `period` values, the baseline trend filter (e.g. the
 * 200-day SMA: price above it = long-term uptrend).
 * How to read it: the SMA lags price by about (period − 1) / 2 bars; price crossing above a rising
 * SMA is the classic trend-confirmation signal.
 * Formula: SMAᵢ = (vᵢ + vᵢ₋₁ + … + vᵢ₋ₚ₊₁) / p. Source: any technical-analysis text, e.g.
 * J. J. Murphy, *Technical Analysis of the Financial Markets* (1999), ch. 9; identical to
 * `technicalindicators` SMA and `trading-signals` SMA.
 *
 * Output: a `Float64Array` of the input length (aligned with the input dates); the first
 * `period − 1` points are warm-up `NaN`. A `NaN` input makes every window containing it `NaN`
 * (the output resumes once the window is again full of valid values).
 * Complexity: O(n), one running sum (missing values enter it as 0 and are counted apart).
 */
import { assertPositiveInteger } from "../errors.js";

/**
 * Simple moving average over `period` values (see the file header for conventions).
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1.
 *
 * @example
 * sma(new Float64Array([1, 2, 3, 4, 5]), 3); // Float64Array [NaN, NaN, 2, 3, 4]
 */
export function sma(values: ArrayLike<number>, period: number): Float64Array {
  assertPositiveInteger("period", period);
  const n = values.length;
  const out = new Float64Array(n);
  const inv = 1 / period;
  let sum = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) bad++;
    else sum += v;
    if (i >= period) {
      const o = values[i - period]!;
      if (Number.isNaN(o)) bad--;
      else sum -= o;
    }
    out[i] = i >= period - 1 && bad === 0 ? sum * inv : Number.NaN;
  }
  return out;
}
