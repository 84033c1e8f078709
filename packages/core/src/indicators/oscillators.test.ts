// Tests for rsi.ts, macd.ts, bollinger.ts, atr.ts and roc.ts.
import fc from "fast-check";
import * as ti from "technicalindicators";
import * as ts from "trading-signals";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors.js";
import { atr } from "./atr.js";
import { bollingerBands } from "./bollinger.js";
import { macd } from "./macd.js";
import { roc } from "./roc.js";
import { rsi } from "./rsi.js";

const f = (xs: number[]) => Float64Array.from(xs);
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
/** Deterministic OHLC random walk: close, and high/low around it. */
function ohlc(n: number, seed = 7) {
  const r = lcg(seed);
  const close = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    const open = p;
    p *= 1 + (r() - 0.5) * 0.04;
    close[i] = p;
    high[i] = Math.max(open, p) * (1 + r() * 0.01);
    low[i] = Math.min(open, p) * (1 - r() * 0.01);
  }
  return { high, low, close };
}
function expectTail(ours: Float64Array, theirs: ArrayLike<number | null | undefined>, tol = 1e-9, skip = 0) {
  const offset = ours.length - theirs.length;
  expect(offset).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < offset; i++) expect(ours[i]).toBeNaN();
  for (let j = skip; j < theirs.length; j++) {
    const t = theirs[j];
    if (t === null || t === undefined) continue;
    expect(Math.abs(ours[offset + j]! - t)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(t)));
  }
}
const { high, low, close } = ohlc(400);
const px = close;

describe("rsi", () => {
  it("hand case (Wilder smoothing)", () => {
    const r = rsi(f([1, 2, 3, 2, 3]), 2);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeNaN();
    expect([...r.subarray(2)]).toEqual([100, 50, 75]);
  });
  it("edge cases: empty, too short, flat (undefined), falling, NaN gap", () => {
    expect(rsi(f([])).length).toBe(0);
    expect([...rsi(f([1, 2, 3]), 14)].every(Number.isNaN)).toBe(true);
    expect(rsi(f([5, 5, 5, 5]), 2)[3]).toBeNaN();
    expect(rsi(f([5, 4, 3]), 2)[2]).toBe(0);
    const g = rsi(f([1, 2, NaN, 3, 2]), 2);
    expect(g[2]).toBeNaN();
    expect(g[3]).toBe(100); // changes +1, +1 (3 measured from the last valid price 2)
    expect(g[4]).toBe(50);
    expect(() => rsi(f([1]), 0)).toThrow(InvalidArgumentError);
  });
  it("stays within [0, 100] (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { maxLength: 100 }), (xs) => {
        for (const v of rsi(f(xs), 5)) if (!Number.isNaN(v)) expect(v >= 0 && v <= 100).toBe(true);
      }),
    );
  });
  it("equals trading-signals within 1e-9 and technicalindicators to its 2-decimal rounding", () => {
    for (const p of [2, 14, 30]) {
      const t = new ts.RSI(p).updates(Array.from(px), false);
      expectTail(rsi(px, p), t.slice(p));
      const tiOut = ti.RSI.calculate({ period: p, values: Array.from(px) });
      const ours = rsi(px, p);
      const offset = px.length - tiOut.length;
      expect(offset).toBe(p);
      tiOut.forEach((v, j) => {
        expect(Math.abs(ours[offset + j]! - v)).toBeLessThanOrEqual(0.005 + 1e-9);
      });
    }
  });
});

describe("macd", () => {
  it("hand case", () => {
    const m = macd(f([1, 2, 3, 4, 5, 6]), 2, 3, 2);
    expect(m.macd[1]).toBeNaN();
    expect([...m.macd.subarray(2)].map((v) => +v.toFixed(12))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(m.signal[2]).toBeNaN();
    expect(m.signal[3]).toBeCloseTo(0.5, 12);
    expect(m.histogram[3]).toBeCloseTo(0, 12);
  });
  it("edge cases and validation", () => {
    const e = macd(f([]));
    expect([e.macd.length, e.signal.length, e.histogram.length]).toEqual([0, 0, 0]);
    expect([...macd(f([1, 2, 3])).macd].every(Number.isNaN)).toBe(true);
    expect(() => macd(f([1]), 26, 12)).toThrow(InvalidArgumentError);
    expect(() => macd(f([1]), 12, 26, 0)).toThrow(InvalidArgumentError);
  });
  it("equals technicalindicators (EMA oscillator and signal) within 1e-9", () => {
    for (const [a, b, c] of [
      [12, 26, 9],
      [3, 10, 4],
    ] as const) {
      const m = macd(px, a, b, c);
      const t = ti.MACD.calculate({
        values: Array.from(px),
        fastPeriod: a,
        slowPeriod: b,
        signalPeriod: c,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      });
      expectTail(
        m.macd,
        t.map((r) => r.MACD),
      );
      expectTail(
        m.signal.subarray(b - 1),
        t.map((r) => r.signal),
      );
      expectTail(
        m.histogram.subarray(b - 1),
        t.map((r) => r.histogram),
      );
      // trading-signals seeds its EMAs with the first price: compare once the seed has decayed.
      const tsOut = new ts.MACD(new ts.EMA(a), new ts.EMA(b), new ts.EMA(c)).updates(Array.from(px), false);
      for (let i = 300; i < px.length; i++) {
        expect(m.macd[i]).toBeCloseTo(tsOut[i]!.macd, 9);
        expect(m.signal[i]).toBeCloseTo(tsOut[i]!.signal, 9);
      }
    }
  });
});

describe("bollingerBands", () => {
  it("hand case (population σ)", () => {
    const b = bollingerBands(f([1, 2, 3]), 3, 2);
    expect(b.middle[1]).toBeNaN();
    expect(b.middle[2]).toBeCloseTo(2, 14);
    expect(b.upper[2]).toBeCloseTo(2 + 2 * Math.sqrt(2 / 3), 14);
    expect(b.lower[2]).toBeCloseTo(2 - 2 * Math.sqrt(2 / 3), 14);
    expect(b.percentB[2]).toBeCloseTo((3 - b.lower[2]!) / (b.upper[2]! - b.lower[2]!), 14);
  });
  it("edge cases: constant (zero width → %B NaN), NaN gap, validation", () => {
    const c = bollingerBands(f([5, 5, 5, 5]), 2);
    expect(c.upper[3]).toBe(5);
    expect(c.percentB[3]).toBeNaN();
    const g = bollingerBands(f([1, 2, NaN, 4, 6, 8]), 2);
    expect(g.middle[1]).toBe(1.5);
    expect(g.middle[2]).toBeNaN();
    expect(g.middle[3]).toBeNaN();
    expect(g.middle[4]).toBe(5);
    expect(g.upper[5]).toBeCloseTo(7 + 2, 12);
    expect(bollingerBands(f([])).middle.length).toBe(0);
    expect(() => bollingerBands(f([1]), 20, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
  });
  it("equals technicalindicators and trading-signals within 1e-9", () => {
    for (const [p, k] of [
      [20, 2],
      [5, 1.5],
    ] as const) {
      const b = bollingerBands(px, p, k);
      const t = ti.BollingerBands.calculate({ period: p, values: Array.from(px), stdDev: k });
      expectTail(
        b.middle,
        t.map((r) => r.middle),
      );
      expectTail(
        b.upper,
        t.map((r) => r.upper),
      );
      expectTail(
        b.lower,
        t.map((r) => r.lower),
      );
      expectTail(
        b.percentB,
        t.map((r) => r.pb),
        1e-7,
      );
      const s = new ts.BollingerBands(p, k).updates(Array.from(px), false).slice(p - 1);
      expectTail(
        b.upper,
        s.map((r) => r!.upper),
      );
      expectTail(
        b.lower,
        s.map((r) => r!.lower),
      );
    }
  });
});

describe("atr", () => {
  it("hand case", () => {
    const a = atr(f([10, 11, 12, 12]), f([9, 10, 10, 11]), f([9.5, 10.5, 11, 11.5]), 2);
    expect(a[1]).toBeNaN();
    expect(a[2]).toBe(1.75);
    expect(a[3]).toBeCloseTo((1.75 + 1) / 2, 14);
  });
  it("edge cases", () => {
    expect(atr(f([]), f([]), f([])).length).toBe(0);
    expect([...atr(f([2, 2]), f([1, 1]), f([1, 1]), 5)].every(Number.isNaN)).toBe(true);
    expect(() => atr(f([1]), f([1, 2]), f([1]))).toThrow(InvalidArgumentError);
    const g = atr(f([10, 11, NaN, 12, 13]), f([9, 10, 9, 11, 12]), f([9.5, 10.5, 10, 11.5, 12.5]), 1);
    expect(g[2]).toBeNaN();
    expect(g[3]).toBe(1.5); // measured from the last valid close 10.5
    expect(() => atr(f([1]), f([1]), f([1]), 0)).toThrow(InvalidArgumentError);
  });
  it("equals technicalindicators within 1e-9 and trading-signals once its seed decays", () => {
    for (const p of [3, 14]) {
      const ours = atr(high, low, close, p);
      expectTail(
        ours,
        ti.ATR.calculate({
          high: Array.from(high),
          low: Array.from(low),
          close: Array.from(close),
          period: p,
        }),
      );
      const candles = Array.from(close, (c, i) => ({ high: high[i]!, low: low[i]!, close: c }));
      const t = new ts.ATR(p).updates(candles, false);
      for (let i = 40 * p; i < px.length; i++) expect(ours[i]).toBeCloseTo(t[i]!, 9);
    }
  });
});

describe("roc", () => {
  it("hand and edge cases", () => {
    const r = roc(f([100, 110, 121]), 1);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(10, 12);
    expect(r[2]).toBeCloseTo(10, 12);
    expect(roc(f([]), 3).length).toBe(0);
    expect([...roc(f([1, 2]), 5)].every(Number.isNaN)).toBe(true);
    expect(roc(f([1, NaN, 2]), 1)[2]).toBeNaN();
    expect(() => roc(f([1]), 0)).toThrow(InvalidArgumentError);
  });
  it("equals technicalindicators and trading-signals (×100) within 1e-9", () => {
    for (const p of [1, 12, 63]) {
      expectTail(roc(px, p), ti.ROC.calculate({ period: p, values: Array.from(px) }));
      const t = new ts.ROC(p).updates(Array.from(px), false).slice(p);
      expectTail(
        roc(px, p),
        t.map((v) => v! * 100),
      );
    }
  });
});
