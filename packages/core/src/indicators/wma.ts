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
  const st = new Float64Array(4); // [s, se, w, we]: the plain and weighted sums, compensated
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    const o = i >= period ? v[i - period]! : 0;
    if (Number.isNaN(x)) bad++;
    if (i >= period && Number.isNaN(o)) bad--;
    wmaStep(st, period, x, o);
    out[i] = i >= period - 1 && bad === 0 ? (st[2]! + st[3]!) * inv : Number.NaN;
  }
  return out;
}

/**
 * One step of the WMA sums in `st` = [s, se, w, we] (plain and weighted window sums as value + error
 * term): x enters (weight `period`, every older value loses one unit), o leaves (pass 0 while the
 * window fills); NaNs count as 0. Both sums are TwoSum-compensated and p·x enters exactly (Veltkamp
 * split: p < 2²⁶ times each 26-bit half is exact), so a value that entered leaves exactly.
 * Shared with `WmaStream`.
 */
export function wmaStep(st: Float64Array, period: number, x: number, o: number): void {
  if (Number.isNaN(x)) x = 0;
  if (Number.isNaN(o)) o = 0;
  let s = st[0]!;
  let se = st[1]!;
  let w = st[2]!;
  let we = st[3]!;
  const c = SPLIT * x;
  const hi = c - (c - x);
  const lo = x - hi;
  // w += p·hi (+ p·lo into the error term), then w −= s (and its error term)
  let a = period * hi;
  let t = w + a;
  let z = t - w;
  we += w - (t - z) + (a - z) + period * lo;
  w = t;
  t = w - s;
  z = t - w;
  we += w - (t - z) - (s + z) - se;
  w = t;
  // s += x − o
  a = x;
  t = s + a;
  z = t - s;
  se += s - (t - z) + (a - z);
  s = t;
  t = s - o;
  z = t - s;
  se += s - (t - z) - (o + z);
  s = t;
  st[0] = s;
  st[1] = se;
  st[2] = w;
  st[3] = we;
}

/** Veltkamp's splitter for doubles: 2²⁷ + 1. */
const SPLIT = 134217729;
