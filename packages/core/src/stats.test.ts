import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import {
  countValid,
  covariance,
  mean,
  median,
  percentileRank,
  quantile,
  stddev,
  tStatistic,
  variance,
  zScore,
} from "./stats.js";

describe("stats", () => {
  it("hand-computed cases", () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    expect(variance(x)).toBeCloseTo(32 / 7, 14);
    expect(stddev(x)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(tStatistic([1, 2, 3, 4, 5])).toBeCloseTo(3 / Math.sqrt(2.5 / 5), 12);
    expect(tStatistic([1, 2, 3, 4, 5], 3)).toBe(0);
    expect(percentileRank([1, 2, 3, 4], 3)).toBe(75);
    expect(percentileRank([1, 2, 3, 4], 3, "strict")).toBe(50);
    expect(percentileRank([1, 2, 3, 4], 3, "mean")).toBe(62.5);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([1, 2, 3, 4], 10)).toBe(100);
    expect(zScore(x, 9)).toBeCloseTo(4 / Math.sqrt(32 / 7), 12);
    expect(covariance([1, 2, 3], [2, 4, 6])).toBe(2);
  });
  it("skips NaN", () => {
    expect(countValid([1, NaN, 3])).toBe(2);
    expect(mean([1, NaN, 3])).toBe(2);
    expect(median([NaN, 1, 3])).toBe(2);
    expect(stddev([1, NaN, 3])).toBeCloseTo(Math.SQRT2, 14);
    expect(quantile(Float64Array.from([NaN, 1, 2]), 1)).toBe(2);
    expect(covariance([1, NaN, 3, 5], [1, 100, 3, NaN])).toBe(2);
    expect(percentileRank([1, NaN], 1)).toBe(100);
  });
  it("empty and length-1 input give NaN (undefined)", () => {
    for (const fn of [mean, median, stddev, variance, tStatistic]) expect(fn([])).toBeNaN();
    expect(mean([7])).toBe(7);
    expect(median([7])).toBe(7);
    expect(stddev([7])).toBeNaN();
    expect(tStatistic([7])).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
    expect(percentileRank([], 1)).toBeNaN();
    expect(percentileRank([1], NaN)).toBeNaN();
    expect(zScore([1], 1)).toBeNaN();
    expect(covariance([1], [1])).toBeNaN();
  });
  it("constant input: zero deviation, undefined z and t", () => {
    expect(stddev([3, 3, 3])).toBe(0);
    expect(zScore([3, 3, 3], 4)).toBeNaN();
    expect(tStatistic([3, 3, 3])).toBeNaN();
  });
  it("validates", () => {
    expect(() => quantile([1], 1.5)).toThrow(InvalidArgumentError);
    expect(() => quantile([1], Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => covariance([1], [1, 2])).toThrow(InvalidArgumentError);
  });
  it("median equals quantile 0.5 and lies between min and max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(m).toBe(quantile(xs, 0.5));
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(variance(xs) >= 0 || xs.length < 2).toBe(true);
      }),
    );
  });
});
