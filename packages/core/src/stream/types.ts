/**
 * The streaming (incremental) forms of the indicators: shared conventions.
 *
 * Every streaming form gives, bar by bar, exactly what its batch function gives on the whole series
 * (the property tests check this to 1e-12 on random series with gaps and replacements):
 * - `update(value)` appends a bar and returns the indicator's value for it — `NaN` during warm-up
 *   and wherever the batch rule gives `NaN` (missing inputs follow the batch function's `NaN` rule);
 * - `replace(value)` replaces the input of the current (last) bar — a live bar that is still
 *   forming — and returns the recomputed value; call it as often as the bar changes. It throws
 *   before the first `update`;
 * - `value` is the current value, `count` the number of bars, `requiredInputs` the bars of warm-up
 *   (without gaps) before the first value, and `isStable` whether the warm-up is over.
 * Multi-output forms (`BollingerStream`, `MacdStream`, …) return one result object that they
 * update in place on every call (no allocation per update): read it, or copy it if you keep it.
 *
 * Cost: O(1) per update (amortised; `RollingPercentileRankStream` is O(window), and `replace` on
 * the min/max forms rebuilds their window, O(window)). The sums behind the window forms are those
 * of the batch kernels (`indicators/window-sums.ts`), so they stay exact on any scale.
 */
import { InvalidArgumentError } from "../errors.js";

/** What every single-input streaming form offers. */
export interface StreamingIndicator<TValue = number> {
  /** Appends a bar; returns the value for it. */
  update(value: number): TValue;
  /** Replaces the current bar's input; returns the recomputed value. */
  replace(value: number): TValue;
  /** The current value (`NaN` fields before the warm-up is over). */
  readonly value: TValue;
  /** Bars seen (`update` calls). */
  readonly count: number;
  /** Bars without gaps needed before the first value. */
  readonly requiredInputs: number;
  /** True once the warm-up is over (the current value can be a number). */
  readonly isStable: boolean;
}

/** Throws the error of a `replace` before any `update`. */
export function nothingToReplace(value: unknown): never {
  throw new InvalidArgumentError("replace", value, "needs a current bar: call update() first");
}
