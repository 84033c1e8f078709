/**
 * Streaming rolling statistics: the incremental forms of `rollingMean`, `rollingStd`,
 * `rollingZScore`, `rollingMin`, `rollingMax`, `rollingPercentileRank`, `rollingBeta` and
 * `rollingCorrelation` (same windows, `NaN` rules and sums, see `indicators/rolling.ts` and
 * `relative.ts`).
 *
 * @example
 * const z = new RollingZScoreStream(3);
 * [1, 2, 3, 3, 3].map((v) => z.update(v)); // [NaN, NaN, 1, 0.577…, NaN]
 */
import { assertPositiveInteger } from "../errors.js";
import { WindowComoments } from "../indicators/window-sums.js";
import { SmaStream } from "./moving-averages.js";
import { nothingToReplace, type StreamingIndicator } from "./types.js";
import { RingMoments } from "./window.js";

/**
 * Rolling mean over `window` values: the same computation as {@link SmaStream}.
 *
 * @example
 * const m = new RollingMeanStream(2);
 * [1, 2, 3].map((v) => m.update(v)); // [NaN, 1.5, 2.5]
 */
export class RollingMeanStream extends SmaStream {}

/** Options for {@link RollingStdStream}. */
export interface RollingStdStreamOptions {
  /** Population standard deviation (divisor `window`) instead of the sample one (w − 1). */
  population?: boolean;
}

/** Shared by the rolling std and z-score streams: a {@link RingMoments} window with replace(). */
abstract class MomentsStream implements StreamingIndicator {
  readonly window: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  protected readonly w: RingMoments;

  constructor(window: number, min: number) {
    assertPositiveInteger("window", window, min);
    this.window = window;
    this.requiredInputs = window;
    this.w = new RingMoments(window);
  }

  get count(): number {
    return this.w.count;
  }

  get isStable(): boolean {
    return this.w.count >= this.window;
  }

  update(x: number): number {
    this.w.update(x);
    this.value = this.output(x);
    return this.value;
  }

  replace(x: number): number {
    if (this.w.count === 0) nothingToReplace(x);
    this.w.undo();
    this.w.push(x);
    this.value = this.output(x);
    return this.value;
  }

  protected abstract output(x: number): number;
}

/**
 * Rolling standard deviation over `window` values: sample (default) or population.
 *
 * @example
 * const s = new RollingStdStream(3);
 * [1, 2, 3, 5].map((v) => s.update(v)); // [NaN, NaN, 1, 1.527…]
 */
export class RollingStdStream extends MomentsStream {
  private readonly inv: number;

  constructor(window: number, options: RollingStdStreamOptions = {}) {
    super(window, 1);
    const div = options.population ? window : window - 1;
    this.inv = div > 0 ? 1 / div : Number.NaN;
  }

  protected output(): number {
    const m = this.w.m;
    return m.count === this.window ? Math.sqrt(m.m2() * this.inv) : Number.NaN;
  }
}

/**
 * Rolling z-score: (v − window mean) / window sample standard deviation, `NaN` for a constant
 * window. `window` ≥ 2.
 *
 * @example
 * const z = new RollingZScoreStream(3);
 * [1, 2, 3].map((v) => z.update(v)); // [NaN, NaN, 1]
 */
export class RollingZScoreStream extends MomentsStream {
  constructor(window: number) {
    super(window, 2);
  }

  protected output(x: number): number {
    const m = this.w.m;
    if (m.count !== this.window) return Number.NaN;
    const sd = Math.sqrt(m.m2() / (this.window - 1));
    return sd > 0 ? m.deviation(x) / sd : Number.NaN;
  }
}

/** A ring of the last `window` values with a count of the NaNs in it, and one level of undo. */
abstract class RingStream implements StreamingIndicator {
  readonly window: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  protected readonly ring: Float64Array;
  /** Next write position (the oldest value of a full ring). */
  protected pos = 0;
  protected bad = 0;
  private pSlot = 0;
  private pBad = 0;

  constructor(window: number) {
    assertPositiveInteger("window", window);
    this.window = window;
    this.requiredInputs = window;
    this.ring = new Float64Array(window);
  }

  get isStable(): boolean {
    return this.count >= this.window;
  }

  update(x: number): number {
    this.pSlot = this.ring[this.pos]!;
    this.pBad = this.bad;
    this.push(x);
    this.value = this.output(x, false);
    return this.value;
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.pos = this.pos === 0 ? this.window - 1 : this.pos - 1;
    this.ring[this.pos] = this.pSlot;
    this.bad = this.pBad;
    this.count--;
    this.push(x);
    this.value = this.output(x, true);
    return this.value;
  }

  private push(x: number): void {
    if (this.count >= this.window && Number.isNaN(this.ring[this.pos]!)) this.bad--;
    if (Number.isNaN(x)) this.bad++;
    this.ring[this.pos] = x;
    this.pos = this.pos + 1 === this.window ? 0 : this.pos + 1;
    this.count++;
  }

  /** The value for the newest input x (already in the ring); `replaced` after a replace(). */
  protected abstract output(x: number, replaced: boolean): number;
}

/** Rolling minimum or maximum: a monotone deque of indices (amortised O(1); O(window) replace). */
class ExtremeStream extends RingStream {
  private readonly isMax: boolean;
  private readonly dq: Float64Array; // bar indices, their values monotone from head to tail
  private head = 0;
  private size = 0;

  constructor(window: number, isMax: boolean) {
    super(window);
    this.isMax = isMax;
    this.dq = new Float64Array(window);
  }

  private valueAt(index: number): number {
    return this.ring[index % this.window]!;
  }

  private enqueue(index: number, v: number): void {
    const w = this.window;
    if (this.size > 0 && this.dq[this.head]! <= index - w) {
      this.head = this.head + 1 === w ? 0 : this.head + 1;
      this.size--;
    }
    if (Number.isNaN(v)) return;
    while (this.size > 0) {
      let t = this.head + this.size - 1;
      if (t >= w) t -= w;
      const tv = this.valueAt(this.dq[t]!);
      if (this.isMax ? tv > v : tv < v) break;
      this.size--;
    }
    let t = this.head + this.size;
    if (t >= w) t -= w;
    this.dq[t] = index;
    this.size++;
  }

  protected output(x: number, replaced: boolean): number {
    const i = this.count - 1; // index of the newest bar; ring[i % window] holds it
    if (replaced) {
      // rebuild the deque from the window (O(window))
      this.head = 0;
      this.size = 0;
      for (let j = Math.max(0, i - this.window + 1); j <= i; j++) this.enqueue(j, this.valueAt(j));
    } else {
      this.enqueue(i, x);
    }
    return i >= this.window - 1 && this.bad === 0 ? this.valueAt(this.dq[this.head]!) : Number.NaN;
  }
}

/**
 * Rolling minimum over `window` values (monotone deque, amortised O(1) per update).
 *
 * @example
 * const m = new RollingMinStream(3);
 * [3, 1, 4, 1, 5].map((v) => m.update(v)); // [NaN, NaN, 1, 1, 1]
 */
export class RollingMinStream extends ExtremeStream {
  constructor(window: number) {
    super(window, false);
  }
}

/**
 * Rolling maximum over `window` values (monotone deque, amortised O(1) per update).
 *
 * @example
 * const m = new RollingMaxStream(3);
 * [3, 1, 4, 1, 5].map((v) => m.update(v)); // [NaN, NaN, 4, 4, 5]
 */
export class RollingMaxStream extends ExtremeStream {
  constructor(window: number) {
    super(window, true);
  }
}

/**
 * Rolling percentile rank of each value within its trailing window, in percent (share of the
 * window ≤ the value). O(window) per update.
 *
 * @example
 * const r = new RollingPercentileRankStream(3);
 * [1, 3, 2, 4].map((v) => r.update(v)); // [NaN, NaN, 66.66…, 100]
 */
export class RollingPercentileRankStream extends RingStream {
  protected output(x: number): number {
    if (this.count < this.window || this.bad > 0) return Number.NaN;
    let c = 0;
    for (let j = 0; j < this.window; j++) if (this.ring[j]! <= x) c++;
    return c * (100 / this.window);
  }
}

/** Pairs in a window with their co-moment sums; `update(a, b)`. */
abstract class PairStream {
  readonly window: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly ra: Float64Array;
  private readonly rb: Float64Array;
  private readonly m = new WindowComoments();
  private readonly saved = new Float64Array(13);
  private readonly c = new Float64Array(3);
  private pos = 0;
  private pA = 0;
  private pB = 0;

  constructor(window: number) {
    assertPositiveInteger("window", window, 2);
    this.window = window;
    this.requiredInputs = window;
    this.ra = new Float64Array(window);
    this.rb = new Float64Array(window);
  }

  get isStable(): boolean {
    return this.count >= this.window;
  }

  /** Appends a pair; returns the value for it. */
  update(a: number, b: number): number {
    this.m.save(this.saved);
    this.pA = this.ra[this.pos]!;
    this.pB = this.rb[this.pos]!;
    return this.step(a, b);
  }

  /** Replaces the current pair; returns the recomputed value. */
  replace(a: number, b: number): number {
    if (this.count === 0) nothingToReplace(a);
    this.m.load(this.saved);
    this.pos = this.pos === 0 ? this.window - 1 : this.pos - 1;
    this.ra[this.pos] = this.pA;
    this.rb[this.pos] = this.pB;
    this.count--;
    return this.step(a, b);
  }

  private step(a: number, b: number): number {
    const w = this.window;
    const m = this.m;
    if (this.count >= w) {
      const x = this.ra[this.pos]!;
      const y = this.rb[this.pos]!;
      if (!Number.isNaN(x) && !Number.isNaN(y)) m.remove(x, y);
    }
    if (!Number.isNaN(a) && !Number.isNaN(b)) m.add(a, b);
    this.ra[this.pos] = a;
    this.rb[this.pos] = b;
    this.pos = this.pos + 1 === w ? 0 : this.pos + 1;
    this.count++;
    let out = Number.NaN;
    if (m.count >= w) {
      m.refresh(this.ra, this.rb, this.pos, w, w);
      m.centredInto(this.c);
      out = this.compute(this.c[0]!, this.c[1]!, this.c[2]!);
    }
    this.value = out;
    return out;
  }

  protected abstract compute(caa: number, cbb: number, cab: number): number;
}

/**
 * Rolling beta of `returns` on `benchmarkReturns` over `window` pairs: `update(return,
 * benchmarkReturn)`. `NaN` until the window holds `window` valid pairs or when the benchmark is
 * constant in it.
 *
 * @example
 * const b = new RollingBetaStream(3);
 * b.update(0.02, 0.01); b.update(-0.04, -0.02);
 * b.update(0.06, 0.03); // 2
 */
export class RollingBetaStream extends PairStream {
  protected compute(_caa: number, cbb: number, cab: number): number {
    return cbb > 0 ? cab / cbb : Number.NaN;
  }
}

/**
 * Rolling Pearson correlation over `window` pairs: `update(a, b)`.
 *
 * @example
 * const c = new RollingCorrelationStream(3);
 * c.update(1, 2); c.update(2, 4);
 * c.update(3, 6); // 1
 */
export class RollingCorrelationStream extends PairStream {
  protected compute(caa: number, cbb: number, cab: number): number {
    return caa > 0 && cbb > 0 ? Math.max(-1, Math.min(1, cab / Math.sqrt(caa * cbb))) : Number.NaN;
  }
}
