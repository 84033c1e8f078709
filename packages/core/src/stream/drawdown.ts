/**
 * Streaming drawdown: the incremental form of `drawdownSeries` (the drawdown from the running peak
 * at every bar) and `maxDrawdown` (the deepest one so far, with its peak, trough and recovery bars),
 * O(1) per update. Same rules as `risk.ts`: `NaN` prices are skipped (the peak carries over) and
 * give `NaN`.
 *
 * @example
 * const d = new DrawdownStream();
 * [100, 120, 90, 130].map((p) => d.update(p)); // [0, 0, -0.25, 0]
 * d.maxDrawdown; // { depth: -0.25, peakIndex: 1, troughIndex: 2, recoveryIndex: 3 }
 */
import { nothingToReplace, type StreamingIndicator } from "./types.js";

/** The deepest drawdown so far (the fields of `maxDrawdown`, without dates). */
export interface StreamingMaxDrawdown {
  /** Deepest decline from a running peak, in [−1, 0]; `NaN` before the first valid price. */
  depth: number;
  /** Bar index of the peak before the deepest trough (−1 before the first valid price). */
  peakIndex: number;
  /** Bar index of the deepest trough (−1 before the first valid price). */
  troughIndex: number;
  /** First bar after the trough at or above the peak; `undefined` while not recovered. */
  recoveryIndex: number | undefined;
}

/**
 * Drawdown from the running peak, bar by bar, and the maximum drawdown so far.
 *
 * @example
 * const d = new DrawdownStream();
 * d.update(100); d.update(80);
 * d.replace(90); // -0.1 (the current bar is now 90)
 */
export class DrawdownStream implements StreamingIndicator {
  readonly requiredInputs = 1;
  value = Number.NaN;
  count = 0;
  /** The deepest drawdown so far (updated in place). */
  readonly maxDrawdown: StreamingMaxDrawdown = {
    depth: Number.NaN,
    peakIndex: -1,
    troughIndex: -1,
    recoveryIndex: undefined,
  };
  private peak = Number.NaN;
  private peakIdx = -1;
  private bestPeakValue = Number.NaN;
  // [peak, peakIdx, depth, bestPeak, bestTrough, recovery (−1 = none), bestPeakValue]
  private readonly saved = new Float64Array(7);

  get isStable(): boolean {
    return !Number.isNaN(this.peak);
  }

  update(x: number): number {
    const s = this.saved;
    const m = this.maxDrawdown;
    s[0] = this.peak;
    s[1] = this.peakIdx;
    s[2] = m.depth;
    s[3] = m.peakIndex;
    s[4] = m.troughIndex;
    s[5] = m.recoveryIndex ?? -1;
    s[6] = this.bestPeakValue;
    this.count++;
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    const s = this.saved;
    const m = this.maxDrawdown;
    this.peak = s[0]!;
    this.peakIdx = s[1]!;
    m.depth = s[2]!;
    m.peakIndex = s[3]!;
    m.troughIndex = s[4]!;
    m.recoveryIndex = s[5]! < 0 ? undefined : s[5]!;
    this.bestPeakValue = s[6]!;
    return this.step(x);
  }

  private step(v: number): number {
    const i = this.count - 1;
    const m = this.maxDrawdown;
    if (Number.isNaN(v)) {
      this.value = Number.NaN;
      return this.value;
    }
    if (!(v <= this.peak)) {
      this.peak = v;
      this.peakIdx = i;
      if (m.troughIndex < 0) {
        m.depth = 0;
        m.peakIndex = i;
        m.troughIndex = i;
        this.bestPeakValue = v;
      }
    } else {
      const dd = v / this.peak - 1;
      if (dd < m.depth) {
        m.depth = dd;
        m.peakIndex = this.peakIdx;
        m.troughIndex = i;
        m.recoveryIndex = undefined;
        this.bestPeakValue = this.peak;
      }
    }
    if (m.recoveryIndex === undefined && m.depth < 0 && i > m.troughIndex && v >= this.bestPeakValue) {
      m.recoveryIndex = i;
    }
    this.value = v / this.peak - 1;
    return this.value;
  }
}
