import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatISODate, parseISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import {
  adjustedCloses,
  annualizeReturn,
  cagr,
  calendarYearReturns,
  cumulativeReturns,
  logReturns,
  periodReturns,
  periodStart,
  rollingReturns,
  simpleReturns,
  sinceDate,
  totalReturn,
  windowEndpoints,
} from "./returns.js";
import { seriesFromArrays, seriesFromRows } from "./series.js";

const f = (xs: number[]) => Float64Array.from(xs);
const iso = parseISODate;

describe("adjustedCloses", () => {
  const N = Number.NaN;

  it("takes the adjusted close, and scales closes without one by the nearest factor (hand-checked)", () => {
    // adjusted closes up to row 1 (factor 0.99, then 101/102), closes only after it
    const r = adjustedCloses([100, 102, 104, 103], [99, 101, N, N]);
    const want = [99, 101, (104 * 101) / 102, (103 * 101) / 102];
    for (const [i, v] of want.entries()) expect(r.values[i]).toBeCloseTo(v, 12);
    expect(Array.from(r.fromClose)).toEqual([0, 0, 1, 1]);
    expect([r.fromCloseCount, r.adjustedCount]).toEqual([2, 2]);
    // closes before the first adjusted close take its factor; a missing close stays missing
    const lead = adjustedCloses([50, N, 60, 61], [N, N, 30, 30.5]);
    expect(Array.from(lead.values)).toEqual([25, N, 30, 30.5]);
    expect(lead.fromCloseCount).toBe(1);
  });

  it("returns price-only series unchanged, and rejects mismatched lengths", () => {
    const r = adjustedCloses([10, 11, 12], [N, N, N]);
    expect(Array.from(r.values)).toEqual([10, 11, 12]);
    expect([r.fromCloseCount, r.adjustedCount]).toEqual([3, 0]);
    expect(() => adjustedCloses([1, 2], [1])).toThrow(InvalidArgumentError);
  });

  it("property: returns of close-only rows equal the close's returns, adjusted rows keep their values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.double({ min: 1, max: 1000, noNaN: true }), adj: fc.boolean() }), {
          minLength: 2,
          maxLength: 50,
        }),
        (rows) => {
          const close = rows.map((r) => r.c);
          const adj = rows.map((r) => (r.adj ? r.c * 0.9 : N));
          const out = adjustedCloses(close, adj).values;
          for (let i = 0; i < rows.length; i++) {
            if (rows[i]!.adj) expect(out[i]).toBe(adj[i]);
            // with one constant factor (0.9) the splice is exact: every return is the close's return
            if (i > 0) expect(out[i]! / out[i - 1]!).toBeCloseTo(close[i]! / close[i - 1]!, 12);
          }
        },
      ),
    );
  });
});

describe("simple / log / rolling / cumulative returns", () => {
  it("hand cases", () => {
    const r = simpleReturns(f([100, 110, 99]));
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBeCloseTo(-0.1, 15);
    const l = logReturns(f([100, 110, 121]));
    expect(l[0]).toBeNaN();
    expect(l[1]).toBeCloseTo(Math.log(1.1), 15);
    expect(l[2]).toBeCloseTo(Math.log(1.1), 15);
    const rr = rollingReturns(f([100, 105, 110, 121]), 2);
    expect(rr[1]).toBeNaN();
    expect(rr[2]).toBeCloseTo(0.1, 15);
    expect(rr[3]).toBeCloseTo(121 / 105 - 1, 15);
    const c = cumulativeReturns(f([NaN, 100, 120, NaN, 90]));
    expect(c[0]).toBeNaN();
    expect([c[1], c[2], c[4]]).toEqual([0, 0.19999999999999996, -0.09999999999999998]);
    expect(c[3]).toBeNaN();
  });
  it("empty, length 1, window longer than series, NaN gaps", () => {
    expect(simpleReturns(f([])).length).toBe(0);
    expect(logReturns([]).length).toBe(0);
    expect(simpleReturns([5])[0]).toBeNaN();
    expect([...rollingReturns(f([1, 2]), 5)].every(Number.isNaN)).toBe(true);
    const r = simpleReturns(f([1, NaN, 2, 4]));
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeNaN();
    expect(r[3]).toBe(1);
    expect(() => rollingReturns(f([1]), 0)).toThrow(InvalidArgumentError);
    expect(() => rollingReturns(f([1]), 1.5)).toThrow(InvalidArgumentError);
  });
  it("compounding identity: Π(1 + r) = 1 + totalReturn (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 200 }),
        (px) => {
          const s = seriesFromArrays(
            px.map((_, i) => i),
            px,
          );
          const r = simpleReturns(s.values);
          let prod = 1;
          let logSum = 0;
          const lr = logReturns(s.values);
          for (let i = 1; i < r.length; i++) {
            prod *= 1 + r[i]!;
            logSum += lr[i]!;
          }
          const tr = totalReturn(s, 0, px.length - 1);
          expect(prod).toBeCloseTo(1 + tr, 8);
          expect(Math.exp(logSum)).toBeCloseTo(1 + tr, 8);
        },
      ),
    );
  });
});

describe("totalReturn / cagr / sinceDate (day-0 convention)", () => {
  const s = seriesFromArrays([10, 20, 30], [100, 110, 121]);
  it("uses the last value on or before each date", () => {
    expect(totalReturn(s, 10, 30)).toBeCloseTo(0.21, 15);
    expect(totalReturn(s, 15, 25)).toBeCloseTo(0.1, 15);
    expect(totalReturn(s, 30, 100)).toBe(0);
    expect(totalReturn(s, 5, 30)).toBeNaN();
    expect(windowEndpoints(s, 15, 30)).toEqual({ entryIndex: 0, exitIndex: 2 });
    expect(sinceDate(s, 20)).toBeCloseTo(0.1, 15);
    expect(sinceDate(seriesFromArrays([], []), 20)).toBeNaN();
  });
  it("skips missing values at the endpoints", () => {
    const g = seriesFromArrays([1, 2, 3, 4], [100, NaN, 120, NaN]);
    expect(totalReturn(g, 2, 4)).toBeCloseTo(0.2, 15);
  });
  it("rejects to < from", () => {
    expect(() => totalReturn(s, 30, 10)).toThrow(InvalidArgumentError);
  });
  it("cagr over calendar days / 365.25", () => {
    const y = seriesFromArrays([0, 731], [100, 121]);
    expect(cagr(y)).toBeCloseTo(1.21 ** (365.25 / 731) - 1, 14);
    expect(annualizeReturn(0.21, 2 * 365.25)).toBeCloseTo(0.1, 14);
    expect(annualizeReturn(0.1, 0)).toBeNaN();
    expect(annualizeReturn(-1.5, 10)).toBeNaN();
    expect(cagr(seriesFromArrays([5], [1]))).toBeNaN();
    expect(cagr(seriesFromArrays([], []))).toBeNaN();
    // requested dates past the data: annualised over the observations actually used
    expect(cagr(y, -100, 1000)).toBeNaN();
    expect(cagr(y, 0, 1000)).toBeCloseTo(1.21 ** (365.25 / 731) - 1, 14);
  });
});

describe("periodReturns", () => {
  it("periodStart uses calendar months clamped to month end, YTD from prior Dec 31", () => {
    expect(formatISODate(periodStart(iso("2024-03-31"), "1M"))).toBe("2024-02-29");
    expect(formatISODate(periodStart(iso("2024-03-31"), "3M"))).toBe("2023-12-31");
    expect(formatISODate(periodStart(iso("2024-02-29"), "1Y"))).toBe("2023-02-28");
    expect(formatISODate(periodStart(iso("2024-05-15"), "10Y"))).toBe("2014-05-15");
    expect(formatISODate(periodStart(iso("2024-05-15"), "YTD"))).toBe("2023-12-31");
  });
  it("hand case", () => {
    const s = seriesFromRows([
      { date: "2021-03-31", value: 50 },
      { date: "2023-03-31", value: 80 },
      { date: "2023-12-29", value: 100 },
      { date: "2024-02-29", value: 105 },
      { date: "2024-03-28", value: 110 },
    ]);
    const r = periodReturns(s, iso("2024-03-31"));
    expect(r.YTD).toBeCloseTo(0.1, 14);
    expect(r["1M"]).toBeCloseTo(110 / 105 - 1, 14);
    expect(r["3M"]).toBeCloseTo(0.1, 14);
    expect(r["6M"]).toBeCloseTo(110 / 80 - 1, 14);
    expect(r["1Y"]).toBeCloseTo(110 / 80 - 1, 14);
    expect(r["3Y"]).toBeCloseTo(110 / 50 - 1, 14);
    expect(r["5Y"]).toBeNaN();
    expect(r["10Y"]).toBeNaN();
    const a = periodReturns(s, iso("2024-03-31"), { annualizeMultiYear: true });
    const days = iso("2024-03-28") - iso("2021-03-31");
    expect(a["3Y"]).toBeCloseTo(2.2 ** (365.25 / days) - 1, 14);
    expect(a["1Y"]).toBe(r["1Y"]);
    // default asOf = last date
    expect(periodReturns(s).YTD).toBeCloseTo(0.1, 14);
  });
  it("empty series gives NaN everywhere", () => {
    expect(Object.values(periodReturns(seriesFromArrays([], []))).every(Number.isNaN)).toBe(true);
  });
});

describe("calendarYearReturns", () => {
  it("hand case with partial first and last years", () => {
    const s = seriesFromRows([
      { date: "2022-06-01", value: 90 },
      { date: "2022-12-30", value: 100 },
      { date: "2023-06-30", value: NaN as unknown as number },
      { date: "2023-12-29", value: 120 },
      { date: "2024-06-28", value: 108 },
    ]);
    const y = calendarYearReturns(s);
    expect(y.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    expect(y[0]!.return).toBeCloseTo(100 / 90 - 1, 14);
    expect(y[0]!.partial).toBe(true);
    expect(y[1]!.return).toBeCloseTo(0.2, 14);
    expect(y[1]!.partial).toBe(false);
    expect(formatISODate(y[1]!.startDate)).toBe("2022-12-30");
    expect(y[2]!.return).toBeCloseTo(-0.1, 14);
    expect(y[2]!.partial).toBe(true);
  });
  it("a year ending on the last weekday of December is complete", () => {
    // 2023-12-31 is a Sunday: last weekday is Friday 2023-12-29.
    const s = seriesFromRows([
      { date: "2022-12-30", value: 100 },
      { date: "2023-12-29", value: 110 },
    ]);
    expect(calendarYearReturns(s)[1]!.partial).toBe(false);
    expect(calendarYearReturns(seriesFromArrays([], []))).toEqual([]);
  });
});
