/**
 * Crossovers: the dates where one line crosses another (or a fixed level).
 *
 * What it is: the event list behind signals such as the golden cross (50-day SMA crossing above
 * the 200-day SMA), MACD crossing its signal line, RSI crossing 70, or the IWM/SPY ratio crossing
 * its own moving average.
 * How to read it: `"up"` = `a` moved from below `b` to above it (bullish for a price/average pair),
 * `"down"` the reverse.
 * Rule: the sign of aᵢ − bᵢ is tracked; points where the two are equal do not change the state
 * (touching is not crossing), so a crossing is reported at the **first point strictly on the new
 * side**. Points where either value is `NaN` (warm-up, gaps) are skipped. The first valid,
 * non-equal point only sets the initial side.
 * Complexity: O(n).
 */
import { assertSameLength } from "../errors.js";

/** One crossing, see {@link crossovers}. */
export interface Crossover {
  /** Index of the first point on the new side. */
  readonly index: number;
  /** Epoch day of that point, when `dates` were passed. */
  readonly date?: number;
  /** `"up"`: a crossed above b; `"down"`: a crossed below b. */
  readonly direction: "up" | "down";
}

/**
 * Crossings of `a` over `b` (an array of the same length, or a constant level), with dates when
 * `dates` is given (same length). Throws `InvalidArgumentError` on mismatched lengths.
 *
 * @example
 * crossovers(new Float64Array([1, 2, 3, 2, 1]), 2.5);
 * // [{ index: 2, direction: "up" }, { index: 3, direction: "down" }]
 * crossovers(new Float64Array([1, 3]), new Float64Array([2, 2]), new Int32Array([19000, 19001]));
 * // [{ index: 1, date: 19001, direction: "up" }]
 */
export function crossovers(
  a: ArrayLike<number>,
  b: ArrayLike<number> | number,
  dates?: ArrayLike<number>,
): Crossover[] {
  const constant = typeof b === "number";
  if (!constant) assertSameLength("a", a, "b", b);
  if (dates) assertSameLength("a", a, "dates", dates);
  const out: Crossover[] = [];
  let side = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - (constant ? b : b[i]!);
    if (Number.isNaN(d) || d === 0) continue;
    const s = d > 0 ? 1 : -1;
    if (side !== 0 && s !== side) {
      const direction = s > 0 ? "up" : "down";
      out.push(dates ? { index: i, date: dates[i]!, direction } : { index: i, direction });
    }
    side = s;
  }
  return out;
}
