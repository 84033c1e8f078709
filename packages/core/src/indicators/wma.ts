/**
 * Weighted moving average (WMA), linear weights.
 *
 * What it is: a moving average whose weights fall linearly with age: the newest value has weight
 * `period`, the oldest weight 1.
 * How to read it: lags less than the SMA of the same period; used in the Hull moving average.
 * Formula: WMAᵢ = Σₖ₌₀..ₚ₋₁ (p − k) · vᵢ₋ₖ / (p (p + 1) / 2). Source: Murphy (1999) ch. 9;
 * identical to `technicalindicators` WMA and `trading-signals` WMA.
 *
 * Output: a `Float64Array` of the input length, `period − 1` warm-up `NaN`s; any window containing
 * a `NaN` is `NaN`.
 * Complexity: O(n) with two running sums: Wᵢ = Wᵢ₋₁ + p · vᵢ − Sᵢ₋₁ and Sᵢ = Sᵢ₋₁ + vᵢ − vᵢ₋ₚ.
 */
import { assertPositiveInteger } from "../errors.js";

/**
 * Linearly weighted moving average over `period` values (see the file header).
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1.
 *
 * @example
 * wma(new Float64Array([1, 2, 3, 4]), 3); // Float64Array [NaN, NaN, 2.333…, 3.333…]  ((1+4+9)/6, (2+6+12)/6)
 */
export function wma(values: ArrayLike<number>, period: number): Float64Array {
  assertPositiveInteger("period", period);
  const n = values.length;
  const out = new Float64Array(n);
  const inv = 2 / (period * (period + 1));
  let s = 0; // plain sum of the window
  let w = 0; // weighted sum of the window
  let bad = 0;
  for (let i = 0; i < n; i++) {
    let v = values[i]!;
    if (Number.isNaN(v)) {
      bad++;
      v = 0;
    }
    // Every value already in the window loses one unit of weight; the new one enters with weight p.
    w += period * v - s;
    s += v;
    if (i >= period) {
      let o = values[i - period]!;
      if (Number.isNaN(o)) {
        bad--;
        o = 0;
      }
      s -= o;
    }
    out[i] = i >= period - 1 && bad === 0 ? w * inv : Number.NaN;
  }
  return out;
}
