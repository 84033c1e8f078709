// compareSeries / betaOf / correlationOf (hand-checked cases, agreement with the kernels) and the
// ISO-date helpers at the edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaOf, compareSeries, correlationOf } from "./compare.js";
import { parseISODate, toEpochDay, toISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { beta, correlation } from "./relative.js";
import { cagr, periodReturns, simpleReturns, sinceDate, totalReturn } from "./returns.js";
import { drawdownFromPeak } from "./risk.js";
import { alignSeries, seriesFromArrays, sliceByDate } from "./series.js";

const days = ["2024-01-02", "2024-01-03", "2024-01-04"];

describe("compareSeries, betaOf, correlationOf", () => {
  it("hand-checked: +2 %/−2 % against +1 %/−1 % is a beta of 2", () => {
    const a = seriesFromArrays(days, [100, 102, 99.96]);
    const b = seriesFromArrays(days, [100, 101, 99.99]);
    expect(betaOf(a, b)).toBeCloseTo(2, 12);
    expect(correlationOf(a, b)).toBeCloseTo(1, 12);
    const c = compareSeries(a, b, { from: "2024-01-02" });
    expect(toISODate(c.startDate)).toBe("2024-01-02");
    expect(toISODate(c.endDate)).toBe("2024-01-04");
    expect(c.observations).toBe(2);
    expect(c.baseReturn).toBeCloseTo(-0.0004, 14);
    expect(c.benchmarkReturn).toBeCloseTo(-0.0001, 14);
    expect(c.returnGap).toBeCloseTo(-0.0003, 14);
    expect(c.beta).toBeCloseTo(2, 12);
    expect(Array.from(c.relativeStrength.values)).toEqual([1, 102 / 101, 99.96 / 99.99]);
  });

  it("day 0 is the last common date on or before from; the end the last on or before to", () => {
    const a = seriesFromArrays([1, 2, 4, 5, 6], [10, 11, 12, 13, 14]);
    const b = seriesFromArrays([1, 3, 4, 5, 7], [20, 21, 22, 23, 24]); // common: 1, 4, 5
    const c = compareSeries(a, b, { from: 3, to: 6 });
    expect([c.startDate, c.endDate]).toEqual([1, 5]);
    expect(c.baseReturn).toBeCloseTo(13 / 10 - 1, 15);
    expect(c.benchmarkReturn).toBeCloseTo(23 / 20 - 1, 15);
  });

  it("agrees with align → returns → beta/correlation on random series", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 3, maxLength: 60 }),
        (moves) => {
          const dates = moves.map((_, i) => 20_000 + i);
          let p = 100;
          let q = 50;
          const a: number[] = [];
          const b: number[] = [];
          moves.forEach((m, i) => {
            p *= 1 + m;
            q *= 1 + 0.5 * m + 0.01 * Math.sin(i);
            a.push(p);
            b.push(q);
          });
          const A = seriesFromArrays(dates, a);
          const B = seriesFromArrays(dates, b);
          const j = alignSeries(A, B);
          const ra = simpleReturns(j.values[0]!);
          const rb = simpleReturns(j.values[1]!);
          expect(betaOf(A, B)).toBe(beta(ra, rb));
          expect(correlationOf(A, B)).toBe(correlation(ra, rb));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a range that ends before it starts, naming the argument", () => {
    const a = seriesFromArrays(days, [1, 2, 3]);
    expect(() => compareSeries(a, a, { from: "2024-01-04", to: "2024-01-02" })).toThrow(InvalidArgumentError);
    expect(() => betaOf(a, a, { from: "2024-02-30" })).toThrow(/range\.from/);
  });
});

describe("ISO dates at the edges", () => {
  const s = seriesFromArrays(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], [100, 110, 99, 121]);
  const d = (iso: string) => parseISODate(iso);

  it("toEpochDay and toISODate", () => {
    expect(toEpochDay("2024-09-18")).toBe(19984);
    expect(toEpochDay(19984)).toBe(19984);
    expect(() => toEpochDay(1.5, "from")).toThrow(/from/);
    expect(() => toEpochDay("2024-9-18")).toThrow(InvalidArgumentError);
    expect(toISODate(19984)).toBe("2024-09-18");
    expect(toISODate(Number.NaN)).toBeUndefined();
    expect(toISODate(undefined)).toBeUndefined();
  });

  it("functions taking dates accept YYYY-MM-DD and give the same answer as with epoch days", () => {
    expect(totalReturn(s, "2024-01-02", "2024-01-05")).toBe(totalReturn(s, d("2024-01-02"), d("2024-01-05")));
    expect(sinceDate(s, "2024-01-03")).toBe(sinceDate(s, d("2024-01-03")));
    expect(cagr(s, "2024-01-02")).toBe(cagr(s, d("2024-01-02")));
    expect(sliceByDate(s, "2024-01-03", "2024-01-04").values).toEqual(Float64Array.from([110, 99]));
    expect(periodReturns(s, "2024-01-05").YTD).toBe(periodReturns(s, d("2024-01-05")).YTD);
    const dd = drawdownFromPeak(s, { from: "2024-01-02", to: "2024-01-03" }, "2024-01-04");
    expect(dd.drawdown).toBe(99 / 110 - 1);
    expect(toISODate(dd.peakDate)).toBe("2024-01-03");
    expect(() => totalReturn(s, "2024-13-01", "2024-01-05")).toThrow(/from/);
  });
});
