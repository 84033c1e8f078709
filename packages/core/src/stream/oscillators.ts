/**
 * Streaming RSI, MACD and ROC: the incremental forms of `rsi`, `macd` and `roc` (same formulas,
 * seeding and `NaN` rules, see `indicators/rsi.ts`, `macd.ts`, `roc.ts`), O(1) per update.
 *
 * @example
 * const r = new RsiStream(2);
 * [1, 2, 3, 2, 3].map((v) => r.update(v)); // [NaN, NaN, 100, 50, 75]
 */
import { assertPositiveInteger, InvalidArgumentError } from "../errors.js";
import { nothingToReplace, type StreamingIndicator } from "./types.js";

/**
 * Wilder's RSI over `period` changes (the batch `rsi`): the first value comes with the `period`-th
 * change; a `NaN` price gives `NaN` and the next change is measured from the last valid price.
 *
 * @example
 * const r = new RsiStream(14);
 * for (const close of closes) r.update(close);
 * r.value; // the current RSI
 */
export class RsiStream implements StreamingIndicator {
  readonly period: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly inv: number;
  private readonly keep: number;
  private prev = Number.NaN;
  private changes = 0;
  private gain = 0;
  private loss = 0;
  private pPrev = Number.NaN;
  private pChanges = 0;
  private pGain = 0;
  private pLoss = 0;

  constructor(period = 14) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period + 1;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }

  get isStable(): boolean {
    return this.changes >= this.period;
  }

  update(x: number): number {
    this.pPrev = this.prev;
    this.pChanges = this.changes;
    this.pGain = this.gain;
    this.pLoss = this.loss;
    this.count++;
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.prev = this.pPrev;
    this.changes = this.pChanges;
    this.gain = this.pGain;
    this.loss = this.pLoss;
    return this.step(x);
  }

  private step(x: number): number {
    let out = Number.NaN;
    if (!Number.isNaN(x)) {
      if (Number.isNaN(this.prev)) {
        this.prev = x; // the first valid price: no change yet
      } else {
        const d = x - this.prev;
        this.prev = x;
        const ad = Math.abs(d);
        if (this.changes < this.period) {
          this.gain += (d + ad) * 0.5;
          this.loss += (ad - d) * 0.5;
          if (++this.changes === this.period) {
            this.gain *= this.inv;
            this.loss *= this.inv;
            out = (100 * this.gain) / (this.gain + this.loss);
          }
        } else {
          this.gain = this.gain * this.keep + (d + ad) * 0.5 * this.inv;
          this.loss = this.loss * this.keep + (ad - d) * 0.5 * this.inv;
          out = (100 * this.gain) / (this.gain + this.loss);
        }
      }
    }
    this.value = out;
    return out;
  }
}

/** The current MACD values; {@link MacdStream} updates one such object in place. */
export interface MacdValue {
  macd: number;
  signal: number;
  histogram: number;
}

/**
 * MACD line, signal and histogram (the batch `macd`: SMA-seeded EMAs, same fused arithmetic).
 * `update` returns the stream's one result object, updated in place.
 *
 * @example
 * const m = new MacdStream(2, 3, 2);
 * for (const v of [1, 2, 3, 4]) m.update(v);
 * m.value; // { macd: 0.5, signal: 0.5, histogram: 0 }
 */
export class MacdStream implements StreamingIndicator<MacdValue> {
  readonly fastPeriod: number;
  readonly slowPeriod: number;
  readonly signalPeriod: number;
  readonly requiredInputs: number;
  readonly value: MacdValue = { macd: Number.NaN, signal: Number.NaN, histogram: Number.NaN };
  count = 0;
  private readonly af: number;
  private readonly as: number;
  private readonly ag: number;
  // [fCount, fSum, f, sCount, sSum, s, gCount, gSum, g] and the copy before the last update
  private readonly st = new Float64Array(9);
  private readonly pst = new Float64Array(9);

  constructor(fastPeriod = 12, slowPeriod = 26, signalPeriod = 9) {
    assertPositiveInteger("fastPeriod", fastPeriod);
    assertPositiveInteger("slowPeriod", slowPeriod);
    assertPositiveInteger("signalPeriod", signalPeriod);
    if (fastPeriod >= slowPeriod) {
      throw new InvalidArgumentError(
        "fastPeriod",
        fastPeriod,
        `must be less than slowPeriod (${slowPeriod})`,
      );
    }
    this.fastPeriod = fastPeriod;
    this.slowPeriod = slowPeriod;
    this.signalPeriod = signalPeriod;
    this.requiredInputs = slowPeriod + signalPeriod - 1;
    this.af = 2 / (fastPeriod + 1);
    this.as = 2 / (slowPeriod + 1);
    this.ag = 2 / (signalPeriod + 1);
  }

  get isStable(): boolean {
    return this.st[6]! >= this.signalPeriod;
  }

  update(x: number): MacdValue {
    this.pst.set(this.st);
    this.count++;
    return this.step(x);
  }

  replace(x: number): MacdValue {
    if (this.count === 0) nothingToReplace(x);
    this.st.set(this.pst);
    return this.step(x);
  }

  private step(v: number): MacdValue {
    const out = this.value;
    out.macd = out.signal = out.histogram = Number.NaN;
    if (Number.isNaN(v)) return out;
    const st = this.st;
    let f = st[2]!;
    let s = st[5]!;
    let g = st[8]!;
    if (st[6]! >= this.signalPeriod) {
      // steady state (the batch kernel's second loop)
      f += this.af * (v - f);
      s += this.as * (v - s);
      const m = f - s;
      g += this.ag * (m - g);
      out.macd = m;
      out.signal = g;
      out.histogram = m - g;
    } else {
      if (st[0]! < this.fastPeriod) {
        st[1]! += v;
        if (++st[0]! === this.fastPeriod) f = st[1]! / this.fastPeriod;
      } else {
        f += this.af * (v - f);
      }
      let lineReady = true;
      if (st[3]! < this.slowPeriod) {
        st[4]! += v;
        if (++st[3]! < this.slowPeriod) lineReady = false;
        else s = st[4]! / this.slowPeriod;
      } else {
        s += this.as * (v - s);
      }
      if (lineReady) {
        const m = f - s;
        out.macd = m;
        st[7]! += m;
        if (++st[6]! === this.signalPeriod) {
          g = st[7]! / this.signalPeriod;
          out.signal = g;
          out.histogram = m - g;
        }
      }
    }
    st[2] = f;
    st[5] = s;
    st[8] = g;
    return out;
  }
}

/**
 * Rate of change over `period` bars, in percent (the batch `roc`).
 *
 * @example
 * const r = new RocStream(1);
 * [100, 110, 121].map((v) => r.update(v)); // [NaN, 10, 10]
 */
export class RocStream implements StreamingIndicator {
  readonly period: number;
  readonly requiredInputs: number;
  value = Number.NaN;
  count = 0;
  private readonly ring: Float64Array;
  private pos = 0;
  private pSlot = 0;

  constructor(period: number) {
    assertPositiveInteger("period", period);
    this.period = period;
    this.requiredInputs = period + 1;
    this.ring = new Float64Array(period);
  }

  get isStable(): boolean {
    return this.count > this.period;
  }

  update(x: number): number {
    this.pSlot = this.ring[this.pos]!;
    return this.step(x);
  }

  replace(x: number): number {
    if (this.count === 0) nothingToReplace(x);
    this.pos = this.pos === 0 ? this.period - 1 : this.pos - 1;
    this.ring[this.pos] = this.pSlot;
    this.count--;
    return this.step(x);
  }

  private step(x: number): number {
    const o = this.ring[this.pos]!;
    const out = this.count >= this.period ? (100 * (x - o)) / o : Number.NaN;
    this.ring[this.pos] = x;
    this.pos = this.pos + 1 === this.period ? 0 : this.pos + 1;
    this.count++;
    this.value = out;
    return out;
  }
}
