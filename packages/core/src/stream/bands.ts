/**
 * Streaming Bollinger Bands and ATR: the incremental forms of `bollingerBands` and `atr` (same
 * formulas, warm-up and `NaN` rules, see `indicators/bollinger.ts` and `atr.ts`). Bollinger keeps
 * the batch kernel's window sums (`indicators/window-sums.ts`: exact on any scale), O(1) amortised.
 *
 * @example
 * const b = new BollingerStream(3, 2);
 * [1, 2, 3].forEach((v) => b.update(v));
 * b.value; // { middle: 2, upper: 3.632…, lower: 0.367…, percentB: 0.806… }
 */
import { assertFinite, assertPositiveInteger } from "../errors.js";
import { nothingToReplace, type StreamingIndicator } from "./types.js";
import { RingMoments } from "./window.js";

/** The current bands; {@link BollingerStream} updates one such object in place. */
export interface BollingerValue {
  middle: number;
  upper: number;
  lower: number;
  percentB: number;
}

/**
 * Bollinger Bands over `period` values at `k` population standard deviations (the batch
 * `bollingerBands`). `update` returns the stream's one result object, updated in place.
 *
 * @example
 * const b = new BollingerStream(20, 2);
 * for (const close of closes) b.update(close);
 * b.value.upper;
 */
export class BollingerStream implements StreamingIndicator<BollingerValue> {
  readonly period: number;
  readonly k: number;
  readonly requiredInputs: number;
  readonly value: BollingerValue = {
    middle: Number.NaN,
    upper: Number.NaN,
    lower: Number.NaN,
    percentB: Number.NaN,
  };
  private readonly w: RingMoments;
  private readonly invP: number;

  constructor(period = 20, k = 2) {
    assertPositiveInteger("period", period);
    assertFinite("k", k);
    this.period = period;
    this.k = k;
    this.requiredInputs = period;
    this.w = new RingMoments(period);
    this.invP = 1 / period;
  }

  get count(): number {
    return this.w.count;
  }

  get isStable(): boolean {
    return this.w.count >= this.period;
  }

  update(x: number): BollingerValue {
    this.w.update(x);
    return this.output(x);
  }

  replace(x: number): BollingerValue {
    if (this.w.count === 0) nothingToReplace(x);
    this.w.undo();
    this.w.push(x);
    return this.output(x);
  }

  private output(x: number): BollingerValue {
    const out = this.value;
    const m = this.w.m;
    if (m.count !== this.period) {
      out.middle = out.upper = out.lower = out.percentB = Number.NaN;
      return out;
    }
    const invP = this.invP;
    const mean = m.shift + m.s1 * invP;
    const m2 = m.s2 - m.s1 * m.s1 * invP;
    const sd = m2 > 0 ? Math.sqrt(m2 * invP) : 0;
    const width = 2 * this.k * sd;
    out.middle = mean;
    out.upper = mean + this.k * sd;
    out.lower = mean - this.k * sd;
    out.percentB = width > 0 ? 0.5 + (x - m.shift - m.s1 * invP) / width : Number.NaN;
    return out;
  }
}

/**
 * Wilder's Average True Range over `period` bars (the batch `atr`): `update(high, low, close)`.
 * A bar with a `NaN` gives `NaN` and is skipped.
 *
 * @example
 * const a = new AtrStream(2);
 * a.update(10, 9, 9.5);   // NaN
 * a.update(11, 10, 10.5); // NaN
 * a.update(12, 10, 11);   // 1.75
 */
export class AtrStream {
  readonly period: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly inv: number;
  private readonly keep: number;
  private prevClose = Number.NaN;
  private bars = 0; // true ranges seen
  private avg = 0;
  private pPrevClose = Number.NaN;
  private pBars = 0;
  private pAvg = 0;

  constructor(period = 14) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period + 1;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }

  get isStable(): boolean {
    return this.bars >= this.period;
  }

  /** Appends a bar; returns the ATR for it. */
  update(high: number, low: number, close: number): number {
    this.pPrevClose = this.prevClose;
    this.pBars = this.bars;
    this.pAvg = this.avg;
    this.count++;
    return this.step(high, low, close);
  }

  /** Replaces the current bar; returns the recomputed ATR. */
  replace(high: number, low: number, close: number): number {
    if (this.count === 0) nothingToReplace(close);
    this.prevClose = this.pPrevClose;
    this.bars = this.pBars;
    this.avg = this.pAvg;
    return this.step(high, low, close);
  }

  private step(h: number, l: number, c: number): number {
    let out = Number.NaN;
    if (!Number.isNaN(h) && !Number.isNaN(l) && !Number.isNaN(c)) {
      const pc = this.prevClose;
      if (Number.isNaN(pc)) {
        this.prevClose = c; // the first complete bar: no true range yet
      } else {
        const tr = Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
        this.prevClose = c;
        if (this.bars < this.period) {
          this.avg += tr;
          if (++this.bars === this.period) {
            this.avg *= this.inv;
            out = this.avg;
          }
        } else {
          this.avg = this.avg * this.keep + tr * this.inv;
          out = this.avg;
        }
      }
    }
    this.value = out;
    return out;
  }
}
