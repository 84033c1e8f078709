// Tests for rolling.ts and crossovers.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../errors.js";
import { percentileRank, stddev } from "../stats.js";
import { crossovers } from "./crossovers.js";
import {
  rollingMax,
  rollingMean,
  rollingMin,
  rollingPercentileRank,
  rollingStd,
  rollingZScore,
} from "./rolling.js";

const f = (xs: number[]) => Float64Array.from(xs);
const withNaN = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  ),
  { maxLength: 120 },
);

describe("rolling statistics", () => {
  it("hand cases", () => {
    expect([...rollingMean(f([1, 2, 3, 4]), 2)].slice(1)).toEqual([1.5, 2.5, 3.5]);
    const s = rollingStd(f([1, 2, 3, 5]), 3);
    expect(s[2]).toBeCloseTo(1, 14);
    expect(s[3]).toBeCloseTo(Math.sqrt(7 / 3), 14);
    expect(rollingStd(f([1, 2, 3]), 3, { population: true })[2]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(rollingStd(f([1, 2]), 1)[1]).toBeNaN(); // sample sd of one value: undefined
    expect(rollingStd(f([1, 2]), 1, { population: true })[1]).toBe(0);
    const z = rollingZScore(f([1, 2, 3, 3, 3]), 3);
    expect(z[2]).toBeCloseTo(1, 14);
    expect(z[3]).toBeCloseTo(1 / Math.sqrt(3), 14);
    expect(z[4]).toBeNaN();
    expect([...rollingMin(f([3, 1, 4, 1, 5, 9, 2]), 3)].slice(2)).toEqual([1, 1, 1, 1, 2]);
    expect([...rollingMax(f([3, 1, 4, 1, 5, 9, 2]), 3)].slice(2)).toEqual([4, 4, 5, 9, 9]);
    const pr = rollingPercentileRank(f([1, 3, 2, 4]), 3);
    expect(pr[2]).toBeCloseTo(200 / 3, 12);
    expect(pr[3]).toBe(100);
  });
  it("edge cases and validation", () => {
    for (const fn of [rollingMean, rollingStd, rollingMin, rollingMax, rollingPercentileRank]) {
      expect(fn(f([]), 3).length).toBe(0);
      expect([...fn(f([1, 2]), 3)].every(Number.isNaN)).toBe(true);
      expect(() => fn(f([1]), 0)).toThrow(InvalidArgumentError);
      expect(() => fn(f([1]), 1.5)).toThrow(InvalidArgumentError);
    }
    expect(() => rollingZScore(f([1]), 1)).toThrow(InvalidArgumentError);
    expect(rollingMax(f([5]), 1)[0]).toBe(5);
  });
  it("match a naive window computation, with NaN gaps (property)", () => {
    fc.assert(
      fc.property(withNaN, fc.integer({ min: 1, max: 12 }), (xs, w) => {
        const x = f(xs);
        const mean = rollingMean(x, w);
        const sd = rollingStd(x, w);
        const mn = rollingMin(x, w);
        const mx = rollingMax(x, w);
        const pr = rollingPercentileRank(x, w);
        const z = w >= 2 ? rollingZScore(x, w) : undefined;
        for (let i = 0; i < x.length; i++) {
          const win = xs.slice(Math.max(0, i - w + 1), i + 1);
          if (i < w - 1 || win.some(Number.isNaN)) {
            for (const a of [mean, sd, mn, mx, pr]) expect(a[i]).toBeNaN();
            continue;
          }
          expect(mean[i]).toBeCloseTo(win.reduce((a, b) => a + b, 0) / w, 8);
          if (w >= 2) expect(sd[i]).toBeCloseTo(stddev(win), 8);
          expect(mn[i]).toBe(Math.min(...win));
          expect(mx[i]).toBe(Math.max(...win));
          expect(pr[i]).toBeCloseTo(percentileRank(win, x[i]!), 10);
          if (z && stddev(win) > 1e-9)
            expect(z[i]).toBeCloseTo((x[i]! - win.reduce((a, b) => a + b, 0) / w) / stddev(win), 6);
        }
      }),
    );
  });
});

describe("crossovers", () => {
  it("against a level and another line, with dates", () => {
    expect(crossovers(f([1, 2, 3, 2, 1]), 2.5)).toEqual([
      { index: 2, direction: "up" },
      { index: 3, direction: "down" },
    ]);
    expect(crossovers(f([1, 3]), f([2, 2]), new Int32Array([19000, 19001]))).toEqual([
      { index: 1, date: 19001, direction: "up" },
    ]);
  });
  it("touching is not crossing; NaN is skipped; first point only sets the side", () => {
    expect(crossovers(f([1, 2, 1]), 2)).toEqual([]);
    expect(crossovers(f([1, 2, 3]), 2)).toEqual([{ index: 2, direction: "up" }]);
    expect(crossovers(f([NaN, 1, NaN, 3]), f([2, 2, 2, NaN]))).toEqual([]);
    expect(crossovers(f([3, NaN, 1]), 2)).toEqual([{ index: 2, direction: "down" }]);
    expect(crossovers(f([]), 1)).toEqual([]);
    expect(() => crossovers(f([1, 2]), f([1]))).toThrow(InvalidArgumentError);
    expect(() => crossovers(f([1, 2]), 1, new Int32Array(1))).toThrow(InvalidArgumentError);
  });
  it("crossings alternate in direction (property)", () => {
    fc.assert(
      fc.property(withNaN, (xs) => {
        const c = crossovers(f(xs), 0);
        for (let k = 1; k < c.length; k++) expect(c[k]!.direction).not.toBe(c[k - 1]!.direction);
      }),
    );
  });
});
