/**
 * Streaming SMA, EMA and WMA: the incremental forms of `sma`, `ema`/`emaWithAlpha` and `wma` (same
 * formulas, warm-up and `NaN` rules, see `indicators/sma.ts`, `ema.ts`, `wma.ts`), O(1) per update.
 *
 * @example
 * const s = new SmaStream(3);
 * [1, 2, 3, 4].map((v) => s.update(v)); // [NaN, NaN, 2, 3]
 * s.replace(7);                          // 4  (the current bar is now 7: (2 + 3 + 7) / 3)
 */
import { assertPositiveInteger } from "../errors.js";
import { wmaStep } from "../indicators/wma.js";
import { nothingToReplace, type StreamingIndicator } from "./types.js";

/**
 * Simple moving average over `period` values, one bar at a time (the batch `sma`, same
 * TwoSum-compensated sum, so the same numbers to the last bits).
 *
 * @example
 * const s = new SmaStream(2);
 * s.update(1); // NaN
 * s.update(3); // 2
 * s.isStable;  // true
 */
export class SmaStream implements StreamingIndicator {
  readonly period: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly ring: Float64Array;
  private readonly inv: number;
  private pos = 0;
  private s = 0;
  private e = 0;
  private bad = 0;
  // state before the last update, for replace()
  private ps = 0;
  private pe = 0;
  private pBad = 0;
  private pSlot = 0;

  constructor(period: number) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period;
    this.ring = new Float64Array(period);
    this.inv = 1 / period;
  }

  get isStable(): boolean {
    return this.count >= this.period;
  }

  update(x: number): number {
    const pos = this.pos;
    const o = this.ring[pos]!;
    this.ps = this.s;
    this.pe = this.e;
    this.pBad = this.bad;
    this.pSlot = o;
    if (this.count >= this.period && !Number.isNaN(x) && !Number.isNaN(o)) {
      // steady state, inlined: d = x − o and s + d, each with its TwoSum error into e
      const s = this.s;
      const d = x - o;
      const zd = d - x;
      const t = s + d;
      const z = t - s;
      this.e += x - (d - zd) - (o + zd) + (s - (t - z) + (d - z));
      this.s = t;
      this.ring[pos] = x;
      this.pos = pos + 1 === this.period ? 0 : pos + 1;
      this.count++;
      const out = this.bad === 0 ? (t + this.e) * this.inv : Number.NaN;
      this.value = out;
      return out;
    }
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.s = this.ps;
    this.e = this.pe;
    this.bad = this.pBad;
    this.pos = this.pos === 0 ? this.period - 1 : this.pos - 1;
    this.ring[this.pos] = this.pSlot;
    this.count--;
    return this.step(x);
  }

  private step(x: number): number {
    const p = this.period;
    const ring = this.ring;
    let s = this.s;
    let e = this.e;
    let out: number;
    if (this.count < p) {
      if (Number.isNaN(x)) this.bad++;
      else {
        const t = s + x;
        const z = t - s;
        e += s - (t - z) + (x - z);
        s = t;
      }
      out = this.count === p - 1 && this.bad === 0 ? (s + e) * this.inv : Number.NaN;
    } else {
      const o = ring[this.pos]!;
      let d: number;
      if (!Number.isNaN(x) && !Number.isNaN(o)) {
        d = x - o;
        const zd = d - x;
        e += x - (d - zd) - (o + zd);
      } else {
        if (Number.isNaN(x)) this.bad++;
        if (Number.isNaN(o)) this.bad--;
        d = Number.isNaN(x) ? 0 : x;
        if (!Number.isNaN(o)) {
          const t = d - o;
          const zd = t - d;
          e += d - (t - zd) - (o + zd);
          d = t;
        }
      }
      const t = s + d;
      const z = t - s;
      e += s - (t - z) + (d - z);
      s = t;
      out = this.bad === 0 ? (s + e) * this.inv : Number.NaN;
    }
    this.s = s;
    this.e = e;
    ring[this.pos] = x;
    this.pos = this.pos + 1 === p ? 0 : this.pos + 1;
    this.count++;
    this.value = out;
    return out;
  }
}

/** Options for {@link EmaStream}. */
export interface EmaStreamOptions {
  /** Smoothing factor (default 2 / (period + 1); 1 / period is Wilder's smoothing). */
  alpha?: number;
}

/**
 * Exponential moving average, SMA-seeded over the first `period` valid values (the batch `ema`, or
 * `emaWithAlpha` with `{ alpha }`). A `NaN` input gives `NaN` and is skipped.
 *
 * @example
 * const e = new EmaStream(2);
 * [2, 4, 6, 2].map((v) => e.update(v)); // [NaN, 3, 5, 3]
 */
export class EmaStream implements StreamingIndicator {
  readonly period: number;
  readonly alpha: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly beta: number;
  private valid = 0;
  private sum = 0;
  private e = 0;
  private pValid = 0;
  private pSum = 0;
  private pE = 0;

  constructor(period: number, options: EmaStreamOptions = {}) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period;
    this.alpha = options.alpha ?? 2 / (period + 1);
    this.beta = 1 - this.alpha;
  }

  get isStable(): boolean {
    return this.valid >= this.period;
  }

  update(x: number): number {
    this.pValid = this.valid;
    this.pSum = this.sum;
    this.pE = this.e;
    this.count++;
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.valid = this.pValid;
    this.sum = this.pSum;
    this.e = this.pE;
    return this.step(x);
  }

  private step(x: number): number {
    let out = Number.NaN;
    if (!Number.isNaN(x)) {
      if (this.valid < this.period) {
        this.sum += x;
        if (++this.valid === this.period) {
          this.e = this.sum / this.period;
          out = this.e;
        }
      } else {
        this.e = this.alpha * x + this.beta * this.e;
        out = this.e;
      }
    }
    this.value = out;
    return out;
  }
}

/**
 * Linearly weighted moving average over `period` values (the batch `wma`, same compensated sums).
 *
 * @example
 * const w = new WmaStream(3);
 * [1, 2, 3, 4].map((v) => w.update(v)); // [NaN, NaN, 2.333…, 3.333…]
 */
export class WmaStream implements StreamingIndicator {
  readonly period: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly ring: Float64Array;
  private readonly inv: number;
  private readonly st = new Float64Array(4);
  private readonly pst = new Float64Array(4);
  private pos = 0;
  private bad = 0;
  private pBad = 0;
  private pSlot = 0;

  constructor(period: number) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period;
    this.ring = new Float64Array(period);
    this.inv = 2 / (period * (period + 1));
  }

  get isStable(): boolean {
    return this.count >= this.period;
  }

  update(x: number): number {
    this.pst.set(this.st);
    this.pBad = this.bad;
    this.pSlot = this.ring[this.pos]!;
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.st.set(this.pst);
    this.bad = this.pBad;
    this.pos = this.pos === 0 ? this.period - 1 : this.pos - 1;
    this.ring[this.pos] = this.pSlot;
    this.count--;
    return this.step(x);
  }

  private step(x: number): number {
    const full = this.count >= this.period;
    const o = full ? this.ring[this.pos]! : 0;
    if (Number.isNaN(x)) this.bad++;
    if (full && Number.isNaN(o)) this.bad--;
    wmaStep(this.st, this.period, x, o);
    this.ring[this.pos] = x;
    this.pos = this.pos + 1 === this.period ? 0 : this.pos + 1;
    const out =
      this.count >= this.period - 1 && this.bad === 0 ? (this.st[2]! + this.st[3]!) * this.inv : Number.NaN;
    this.count++;
    this.value = out;
    return out;
  }
}
