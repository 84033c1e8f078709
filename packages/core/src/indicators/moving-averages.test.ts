// Tests for sma.ts, ema.ts and wma.ts (hand cases, edge cases, properties, library parity).
import fc from "fast-check";
import * as ti from "technicalindicators";
import * as ts from "trading-signals";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors.js";
import { ema, emaWithAlpha } from "./ema.js";
import { sma } from "./sma.js";
import { wma } from "./wma.js";

const f = (xs: number[]) => Float64Array.from(xs);
/** Deterministic pseudo-random walk (LCG), positive prices around 100. */
function walk(n: number, seed = 42): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    p *= 1 + (s / 2 ** 32 - 0.5) * 0.04;
    out[i] = p;
  }
  return out;
}
/** Compares our full-length output with a library's output (which omits the warm-up). */
function expectTail(ours: Float64Array, theirs: ArrayLike<number | null>, tol = 1e-9, skip = 0) {
  const offset = ours.length - theirs.length;
  expect(offset).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < offset; i++) expect(ours[i]).toBeNaN();
  for (let j = skip; j < theirs.length; j++) {
    const t = theirs[j];
    if (t === null || t === undefined) continue;
    expect(Math.abs(ours[offset + j]! - t)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(t)));
  }
}
const px = walk(400);

describe("sma", () => {
  it("hand cases and edge cases", () => {
    const s = sma(f([1, 2, 3, 4, 5]), 3);
    expect(s[0]).toBeNaN();
    expect(s[1]).toBeNaN();
    expect([...s.subarray(2)]).toEqual([2, 3, 4]);
    expect([...sma(f([4, 6]), 1)]).toEqual([4, 6]);
    expect(sma(f([]), 3).length).toBe(0);
    expect([...sma(f([1, 2]), 5)].every(Number.isNaN)).toBe(true);
    expect(sma(f([7]), 1)[0]).toBe(7);
  });
  it("NaN gap: windows containing it are NaN, then it resumes", () => {
    const s = sma(f([1, 2, NaN, 4, 5, 6]), 2);
    expect(s[1]).toBe(1.5);
    expect(s[2]).toBeNaN();
    expect(s[3]).toBeNaN();
    expect(s[4]).toBe(4.5);
    expect(s[5]).toBe(5.5);
  });
  it("rejects bad periods", () => {
    for (const p of [0, -1, 1.5, Number.NaN]) expect(() => sma(f([1]), p)).toThrow(InvalidArgumentError);
    try {
      sma(f([1]), 0);
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe("period");
      expect((e as InvalidArgumentError).value).toBe(0);
    }
  });
  it("SMA of a constant is the constant (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (c, n, p) => {
          const out = sma(new Float64Array(n).fill(c), p);
          for (let i = p - 1; i < n; i++) expect(out[i]).toBeCloseTo(c, 6);
        },
      ),
    );
  });
  it("equals technicalindicators and trading-signals within 1e-9", () => {
    for (const p of [1, 5, 20, 50]) {
      expectTail(sma(px, p), ti.SMA.calculate({ period: p, values: Array.from(px) }));
      const t = new ts.SMA(p).updates(Array.from(px), false);
      expectTail(sma(px, p), t.slice(p - 1));
    }
  });
});

describe("ema", () => {
  it("hand cases: SMA seed then α = 2/(p+1)", () => {
    const e = ema(f([2, 4, 6, 2]), 2);
    expect(e[0]).toBeNaN();
    expect(e[1]).toBe(3);
    expect(e[2]).toBeCloseTo(5, 14);
    expect(e[3]).toBeCloseTo(3, 14);
    expect([...emaWithAlpha(f([1, 2, 3, 4]), 2, 0.5)].slice(1)).toEqual([1.5, 2.25, 3.125]);
  });
  it("edge cases: empty, window too long, leading NaN, NaN gap", () => {
    expect(ema(f([]), 3).length).toBe(0);
    expect([...ema(f([1, 2]), 3)].every(Number.isNaN)).toBe(true);
    const e = ema(f([NaN, 2, 4, NaN, 6]), 2);
    expect(e[0]).toBeNaN();
    expect(e[1]).toBeNaN();
    expect(e[2]).toBe(3);
    expect(e[3]).toBeNaN();
    expect(e[4]).toBeCloseTo(3 + (2 / 3) * 3, 14);
    expect(() => ema(f([1]), 0)).toThrow(InvalidArgumentError);
  });
  it("EMA of a constant is the constant (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (c, p) => {
          const out = ema(new Float64Array(60).fill(c), p);
          for (let i = p - 1; i < 60; i++) expect(out[i]).toBeCloseTo(c, 6);
        },
      ),
    );
  });
  it("equals technicalindicators (SMA seed) within 1e-9 and trading-signals once its first-price seed decays", () => {
    for (const p of [1, 5, 12, 26]) {
      expectTail(ema(px, p), ti.EMA.calculate({ period: p, values: Array.from(px) }));
      const t = new ts.EMA(p).updates(Array.from(px), false);
      // trading-signals seeds with the first price: compare after 30 periods (error ≤ ((p−1)/(p+1))^(30p)).
      expectTail(ema(px, p), t.slice(p - 1), 1e-9, 30 * p);
    }
  });
});

describe("wma", () => {
  it("hand cases and edge cases", () => {
    const w = wma(f([1, 2, 3, 4]), 3);
    expect(w[1]).toBeNaN();
    expect(w[2]).toBeCloseTo(14 / 6, 14);
    expect(w[3]).toBeCloseTo(20 / 6, 14);
    expect(wma(f([]), 2).length).toBe(0);
    expect([...wma(f([1, 2]), 3)].every(Number.isNaN)).toBe(true);
    const g = wma(f([1, NaN, 3, 4, 5]), 2);
    expect(g[1]).toBeNaN();
    expect(g[2]).toBeNaN();
    expect(g[3]).toBeCloseTo((3 + 8) / 3, 14);
    expect(g[4]).toBeCloseTo((4 + 10) / 3, 14);
    expect(() => wma(f([1]), 2.5)).toThrow(InvalidArgumentError);
  });
  it("WMA of a constant is the constant (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (c, p) => {
          const out = wma(new Float64Array(80).fill(c), p);
          for (let i = p - 1; i < 80; i++) expect(out[i]).toBeCloseTo(c, 6);
        },
      ),
    );
  });
  it("equals technicalindicators and trading-signals within 1e-9", () => {
    for (const p of [1, 4, 10, 30]) {
      expectTail(wma(px, p), ti.WMA.calculate({ period: p, values: Array.from(px) }));
      expectTail(wma(px, p), new ts.WMA(p).updates(Array.from(px), false).slice(p - 1));
    }
  });
});
