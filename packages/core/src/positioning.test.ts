import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { positioningVsAverage } from "./positioning.js";
import type { Series } from "./series.js";
import { mean, percentileRank, zScore } from "./stats.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

describe("positioningVsAverage", () => {
  it("computes expanding averages, deviations, z-scores and percentiles by hand", () => {
    const p = positioningVsAverage(s([1, 2, 3, 4], [10, 12, 8, 6]));
    expect(Array.from(p.average)).toEqual([10, 11, 10, 9]);
    expect(Array.from(p.deviation)).toEqual([0, 1, -2, -3]);
    expect(Array.from(p.percentile)).toEqual([100, 100, 100 / 3, 25]);
    expect(Array.from(p.observations)).toEqual([1, 2, 3, 4]);
    expect(Number.isNaN(p.zScore[0]!)).toBe(true);
    expect(p.zScore[1]).toBeCloseTo(1 / Math.SQRT2, 14); // sd of [10, 12] = √2
    expect(p.current).toMatchObject({
      date: 4,
      value: 6,
      average: 9,
      deviation: -3,
      percentile: 25,
      observations: 4,
    });
    expect(p.current!.zScore).toBeCloseTo(-3 / Math.sqrt(20 / 3), 14);
    expect(p.window).toBe("all");
  });

  it("uses a trailing window of calendar months", () => {
    const dates = ["2020-01-15", "2020-02-15", "2020-03-15", "2020-04-15", "2020-05-15"].map((x) => d(x));
    const p = positioningVsAverage(s(dates, [1, 2, 3, 4, 100]), { window: 2 });
    // 2020-05-15 − 2 months = 2020-03-15 → window holds 04-15 and 05-15
    expect(Array.from(p.observations)).toEqual([1, 2, 2, 2, 2]);
    expect(p.current!.average).toBe(52);
    expect(p.current!.percentile).toBe(100);
  });

  it("skips NaN observations in the windows and the output", () => {
    const p = positioningVsAverage(s([1, 2, 3], [1, Number.NaN, 3]));
    expect(Array.from(p.dates)).toEqual([1, 3]);
    expect(p.current!.average).toBe(2);
  });

  it("handles empty, all-NaN, length-1 and constant input", () => {
    expect(positioningVsAverage(s([], [])).current).toBeNull();
    expect(positioningVsAverage(s([1], [Number.NaN])).current).toBeNull();
    const one = positioningVsAverage(s([1], [5])).current!;
    expect([one.average, one.deviation, one.percentile]).toEqual([5, 0, 100]);
    expect(Number.isNaN(one.zScore)).toBe(true);
    const flat = positioningVsAverage(s([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1]));
    expect(Array.from(flat.zScore).every(Number.isNaN)).toBe(true);
    expect(flat.current!.deviation).toBeCloseTo(0, 15);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    expect(() => positioningVsAverage(s([1], [1]), { window: 0 })).toThrow(InvalidArgumentError);
    expect(() => positioningVsAverage(s([1], [1]), { window: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => positioningVsAverage(s([1], [1]), { window: "max" as "all" })).toThrow(InvalidArgumentError);
    expect(() => positioningVsAverage(s([2, 1], [1, 1]))).toThrow(InvalidArgumentError);
    expect(() => positioningVsAverage(s([1], [Number.POSITIVE_INFINITY]))).toThrow(InvalidArgumentError);
  });

  it("property: every point equals the statistics of its window computed naively", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 40 }),
            v: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(Number.NaN)),
          }),
          { maxLength: 60 },
        ),
        fc.oneof(fc.constant("all" as const), fc.integer({ min: 1, max: 6 })),
        (rows, window) => {
          let day = 18000;
          const dates = rows.map((r) => (day += r.gap));
          const values = rows.map((r) => r.v / 4);
          const p = positioningVsAverage(s(dates, values), { window });
          const valid = dates.map((dt, i) => [dt, values[i]!] as const).filter(([, v]) => !Number.isNaN(v));
          expect(p.dates.length).toBe(valid.length);
          valid.forEach(([t, v], i) => {
            const cutoff = window === "all" ? Number.NEGATIVE_INFINITY : addMonths(t, -window);
            const w = valid.filter(([dt]) => dt > cutoff && dt <= t).map(([, x]) => x);
            expect(p.observations[i]).toBe(w.length);
            expect(p.average[i]).toBeCloseTo(mean(w), 10);
            expect(p.percentile[i]).toBeCloseTo(percentileRank(w, v), 10);
            const z = zScore(w, v);
            if (Number.isNaN(z)) expect(Number.isNaN(p.zScore[i]!)).toBe(true);
            else expect(p.zScore[i]).toBeCloseTo(z, 8);
          });
        },
      ),
    );
  });
});
