/**
 * Rate of change (ROC), in percent.
 *
 * What it is: the percentage change over the last `period` bars — momentum as a single number.
 * How to read it: above 0 = higher than `period` bars ago; comparing the 63-day ROC of IWM and SPY
 * shows which has the stronger three-month momentum.
 * Formula: ROCᵢ = 100 · (vᵢ − vᵢ₋ₚ) / vᵢ₋ₚ. Source: Murphy (1999) ch. 10; identical to
 * `technicalindicators` ROC; `trading-signals` ROC is the same ratio without the factor 100.
 * (For the same quantity as a fraction see `rollingReturns` in `returns.ts`.)
 *
 * Output: a `Float64Array` of the input length, first `period` points warm-up `NaN`; `NaN` when
 * either value is missing.
 * Complexity: O(n).
 */
import { assertPositiveInteger } from "../errors.js";

/**
 * Rate of change over `period` bars in percent (see the file header). Throws
 * `InvalidArgumentError` unless `period` is an integer ≥ 1.
 *
 * @example
 * roc(new Float64Array([100, 110, 121]), 1); // Float64Array [NaN, 10, 10]
 */
export function roc(values: ArrayLike<number>, period: number): Float64Array {
  assertPositiveInteger("period", period);
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i < period) {
      out[i] = Number.NaN;
      continue;
    }
    const o = values[i - period]!;
    out[i] = (100 * (values[i]! - o)) / o;
  }
  return out;
}
