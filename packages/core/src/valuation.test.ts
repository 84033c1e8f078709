import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import type { Series } from "./series.js";
import { historyPosition, valuationGap } from "./valuation.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

describe("valuationGap", () => {
  const small = s([0, 30, 60], [16, 14, 13]);
  const large = s([0, 10, 30, 45, 60], [18, 19, 20, 20, 21]);

  it("as-of joins the sparser series onto the denser one's dates", () => {
    const v = valuationGap(small, large);
    expect(v.alignedOn).toBe("benchmark");
    expect(Array.from(v.dates)).toEqual([0, 10, 30, 45, 60]);
    expect(Array.from(v.base)).toEqual([16, 16, 14, 14, 13]);
    expect(Array.from(v.gap)).toEqual([-2, -3, -6, -6, -8]);
    expect(v.relative[1]).toBeCloseTo(16 / 19 - 1, 15);
  });

  it("places the current gap in its history (weak percentile, sample z-score)", () => {
    const c = valuationGap(small, large).current!;
    expect([c.date, c.base, c.benchmark, c.observations]).toEqual([60, 13, 21, 5]);
    const g = [-2, -3, -6, -6, -8];
    const m = -5;
    const sd = Math.sqrt(g.reduce((a, x) => a + (x - m) ** 2, 0) / 4);
    expect(c.gap.value).toBe(-8);
    expect(c.gap.percentile).toBe(20);
    expect(c.gap.mean).toBeCloseTo(m, 14);
    expect(c.gap.stdDev).toBeCloseTo(sd, 14);
    expect(c.gap.zScore).toBeCloseTo((-8 - m) / sd, 14);
    expect(c.relative.value).toBeCloseTo(13 / 21 - 1, 15);
    expect(c.relative.percentile).toBe(20); // 13/21 is also the deepest discount
  });

  it("uses base dates when base is denser (or on a tie) and drops dates before the sparse series starts", () => {
    const v = valuationGap(large, s([10, 45], [10, 12]));
    expect(v.alignedOn).toBe("base");
    expect(Array.from(v.dates)).toEqual([10, 30, 45, 60]);
    expect(Array.from(v.gap)).toEqual([9, 10, 8, 9]);
    expect(valuationGap(s([1, 2], [5, 6]), s([1, 3], [4, 4])).alignedOn).toBe("base");
  });

  it("skips NaN: a NaN in the dense series drops the date, a NaN in the sparse one is forward-filled over", () => {
    const v = valuationGap(
      s([0, 30, 60], [16, Number.NaN, 13]),
      s([0, 10, 30, 45, 60], [18, 19, Number.NaN, 20, 21]),
    );
    // dense (benchmark, 4 valid) dates: 0, 10, 45, 60; base as of those: 16, 16, 16, 13
    expect(Array.from(v.dates)).toEqual([0, 10, 45, 60]);
    expect(Array.from(v.gap)).toEqual([-2, -3, -4, -8]);
  });

  it("honours maxStaleDays", () => {
    const v = valuationGap(small, large, { maxStaleDays: 10 });
    expect(Array.from(v.dates)).toEqual([0, 10, 30, 60]); // day 45 is 15 days after the 14 print
  });

  it("gives NaN relative values for a non-positive benchmark", () => {
    const v = valuationGap(s([1, 2], [10, 12]), s([1, 2], [5, -4]));
    expect(v.relative[0]).toBe(1);
    expect(Number.isNaN(v.relative[1]!)).toBe(true);
    expect(Number.isNaN(v.current!.relative.percentile)).toBe(true);
    expect(v.current!.gap.value).toBe(16);
  });

  it("handles empty, length-1 and constant histories", () => {
    expect(valuationGap(s([], []), s([], [])).current).toBeNull();
    expect(valuationGap(s([1], [10]), s([2], [12])).current).toBeNull(); // sparse starts after dense ends
    const one = valuationGap(s([1], [10]), s([1], [12])).current!;
    expect(one.gap.percentile).toBe(100);
    expect(Number.isNaN(one.gap.zScore)).toBe(true);
    const flat = valuationGap(s([1, 2, 3], [10, 10, 10]), s([1, 2, 3], [12, 12, 12])).current!;
    expect(flat.gap.percentile).toBe(100);
    expect(Number.isNaN(flat.gap.zScore)).toBe(true);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    expect(() => valuationGap(s([2, 1], [1, 1]), large)).toThrow(InvalidArgumentError);
    expect(() => valuationGap(small, { dates: Int32Array.from([1]), values: new Float64Array(2) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => valuationGap(small, large, { maxStaleDays: -1 })).toThrow(InvalidArgumentError);
  });
});

describe("historyPosition", () => {
  it("matches a hand computation", () => {
    const p = historyPosition([1, 2, Number.NaN, 3, 4]);
    expect(p.value).toBe(4);
    expect(p.percentile).toBe(100);
    expect(p.mean).toBe(2.5);
    expect(p.zScore).toBeCloseTo(1.5 / Math.sqrt(5 / 3), 14);
    expect(historyPosition([1, 2, 3, 4], 2).percentile).toBe(50);
    expect(Number.isNaN(historyPosition([]).percentile)).toBe(true);
  });
});
