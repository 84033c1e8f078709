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
 * Complexity: O(n) with two running sums: Wᵢ = Wᵢ₋₁ + p · vᵢ − Sᵢ₋₁ and Sᵢ = Sᵢ₋₁ + vᵢ − vᵢ₋ₚ,
 * both compensated (TwoSum, exact products p · v), so the result stays within a few ulps of an exact
 * per-window computation after a fall of orders of magnitude (see `window-sums.ts`).
 */
import { assertPositiveInteger } from "../errors.js";
import { asFloat64 } from "./buffers.js";

/**
 * Linearly weighted moving average over `period` values (see the file header).
 * Throws `InvalidArgumentError` unless `period` is an integer ≥ 1.
 *
 * @example
 * wma(new Float64Array([1, 2, 3, 4]), 3); // Float64Array [NaN, NaN, 2.333…, 3.333…]  ((1+4+9)/6, (2+6+12)/6)
 */
export function wma(values: ArrayLike<number>, period: number): Float64Array {
  assertPositiveInteger("period", period);
  const v = asFloat64(values);
  const n = v.length;
  const out = new Float64Array(n);
  const inv = 2 / (period * (period + 1));
  // Both running sums are TwoSum-compensated pairs (value + error term), and p·v enters exactly
  // (Veltkamp split: p < 2²⁶ times each half is exact), so a value that entered leaves exactly and
  // no rounding error of past (larger) values survives (see window-sums.ts).
  let s = 0; // plain sum of the window: s + se
  let se = 0;
  let w = 0; // weighted sum of the window: w + we
  let we = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    let x = v[i]!;
    if (Number.isNaN(x)) {
      bad++;
      x = 0;
    }
    // Every value already in the window loses one unit of weight; the new one enters with weight p.
    // w += p·x (as hi + lo, both exact products)
    const c = SPLIT * x;
    const hi = c - (c - x);
    const lo = x - hi;
    w = twoSumInto(w, period * hi);
    we += twoSumError + period * lo;
    // w −= s (and its error term)
    w = twoSumInto(w, -s);
    we += twoSumError - se;
    // s += x
    s = twoSumInto(s, x);
    se += twoSumError;
    if (i >= period) {
      let o = v[i - period]!;
      if (Number.isNaN(o)) {
        bad--;
        o = 0;
      }
      s = twoSumInto(s, -o);
      se += twoSumError;
    }
    out[i] = i >= period - 1 && bad === 0 ? (w + we) * inv : Number.NaN;
  }
  return out;
}

/** Veltkamp's splitter for doubles: 2²⁷ + 1. */
const SPLIT = 134217729;
let twoSumError = 0;
/** a + b rounded; its exact rounding error goes to `twoSumError` (Knuth's TwoSum). */
function twoSumInto(a: number, b: number): number {
  const t = a + b;
  const z = t - a;
  twoSumError = a - (t - z) + (b - z);
  return t;
}
