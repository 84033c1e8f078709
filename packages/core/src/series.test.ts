import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import {
  alignSeries,
  asOfJoin,
  assertStrictlyIncreasing,
  indexOnOrAfter,
  indexOnOrBefore,
  resample,
  seriesFromArrays,
  seriesFromRows,
  sliceByDate,
} from "./series.js";

const d = (xs: number[]) => Int32Array.from(xs);

describe("seriesFromRows", () => {
  it("parses dates and maps null to NaN", () => {
    const s = seriesFromRows([
      { date: "2024-01-02", value: 100 },
      { date: "2024-01-03", value: null },
    ]);
    expect([...s.dates]).toEqual([19724, 19725]);
    expect(s.values[0]).toBe(100);
    expect(s.values[1]).toBeNaN();
  });
  it("accepts empty input", () => {
    const s = seriesFromRows([]);
    expect(s.dates.length).toBe(0);
    expect(s.values.length).toBe(0);
  });
  it("rejects unsorted, duplicate and invalid dates", () => {
    expect(() =>
      seriesFromRows([
        { date: "2024-01-03", value: 1 },
        { date: "2024-01-02", value: 1 },
      ]),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      seriesFromRows([
        { date: "2024-01-02", value: 1 },
        { date: "2024-01-02", value: 2 },
      ]),
    ).toThrow(/strictly increasing/);
    expect(() => seriesFromRows([{ date: "2023-02-29", value: 1 }])).toThrow(InvalidArgumentError);
    try {
      seriesFromRows([{ date: "2024-13-01", value: 1 }]);
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe("rows[0].date");
      expect((e as InvalidArgumentError).value).toBe("2024-13-01");
    }
  });
  it("rejects a non-numeric value", () => {
    expect(() => seriesFromRows([{ date: "2024-01-02", value: "1" as unknown as number }])).toThrow(
      InvalidArgumentError,
    );
  });
});

describe("seriesFromArrays", () => {
  it("accepts epoch days and ISO strings, copies input", () => {
    const dates = [1, 2, 3];
    const s = seriesFromArrays(dates, [1, null, 3]);
    dates[0] = 99;
    expect([...s.dates]).toEqual([1, 2, 3]);
    expect(s.values[1]).toBeNaN();
    expect([...seriesFromArrays(["1970-01-02", "1970-01-05"], [1, 2]).dates]).toEqual([1, 4]);
  });
  it("validates", () => {
    expect(() => seriesFromArrays([1, 2], [1])).toThrow(InvalidArgumentError);
    expect(() => seriesFromArrays([2, 1], [1, 1])).toThrow(InvalidArgumentError);
    expect(() => seriesFromArrays([1, 1], [1, 1])).toThrow(InvalidArgumentError);
    expect(() => seriesFromArrays([1.5], [1])).toThrow(InvalidArgumentError);
    try {
      seriesFromArrays([1, 2], [1]);
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe("values");
    }
  });
  it("assertStrictlyIncreasing names argument and value", () => {
    try {
      assertStrictlyIncreasing("dates", [1, 3, 2]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe("dates");
      expect((e as InvalidArgumentError).value).toBe(2);
    }
  });
});

describe("indexOnOrBefore / indexOnOrAfter", () => {
  const dates = d([10, 20, 30]);
  it("hand cases", () => {
    expect(indexOnOrBefore(dates, 5)).toBe(-1);
    expect(indexOnOrBefore(dates, 10)).toBe(0);
    expect(indexOnOrBefore(dates, 25)).toBe(1);
    expect(indexOnOrBefore(dates, 30)).toBe(2);
    expect(indexOnOrBefore(dates, 1000)).toBe(2);
    expect(indexOnOrBefore(d([]), 1)).toBe(-1);
    expect(indexOnOrAfter(dates, 5)).toBe(0);
    expect(indexOnOrAfter(dates, 20)).toBe(1);
    expect(indexOnOrAfter(dates, 21)).toBe(2);
    expect(indexOnOrAfter(dates, 31)).toBe(3);
  });
  it("matches a linear scan (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 })),
        fc.integer({ min: -1100, max: 1100 }),
        (xs, day) => {
          const sorted = d(xs.sort((a, b) => a - b));
          let expected = -1;
          for (let i = 0; i < sorted.length; i++) if (sorted[i]! <= day) expected = i;
          expect(indexOnOrBefore(sorted, day)).toBe(expected);
        },
      ),
    );
  });
});

describe("sliceByDate", () => {
  const s = seriesFromArrays([10, 20, 30, 40], [1, 2, 3, 4]);
  it("is inclusive at both ends and open when omitted", () => {
    expect([...sliceByDate(s, 20, 30).values]).toEqual([2, 3]);
    expect([...sliceByDate(s, 15, 35).values]).toEqual([2, 3]);
    expect([...sliceByDate(s, undefined, 20).dates]).toEqual([10, 20]);
    expect([...sliceByDate(s, 30).dates]).toEqual([30, 40]);
    expect([...sliceByDate(s).values]).toEqual([1, 2, 3, 4]);
  });
  it("gives empty series for empty ranges", () => {
    expect(sliceByDate(s, 50).dates.length).toBe(0);
    expect(sliceByDate(s, 31, 39).values.length).toBe(0);
    expect(sliceByDate(s, 40, 10).values.length).toBe(0);
  });
});

describe("alignSeries", () => {
  it("inner-joins on dates", () => {
    const a = seriesFromArrays([1, 2, 3, 5], [10, 20, 30, 50]);
    const b = seriesFromArrays([2, 3, 4, 5], [200, NaN, 400, 500]);
    const c = seriesFromArrays([0, 2, 5, 6], [0, 2000, 5000, 6000]);
    const j = alignSeries(a, b, c);
    expect([...j.dates]).toEqual([2, 5]);
    expect([...j.values[0]!]).toEqual([20, 50]);
    expect([...j.values[1]!]).toEqual([200, 500]);
    expect([...j.values[2]!]).toEqual([2000, 5000]);
    const ab = alignSeries(a, b);
    expect([...ab.dates]).toEqual([2, 3, 5]);
    expect(ab.values[1]![1]).toBeNaN();
  });
  it("handles no input, one input, and disjoint input", () => {
    expect(alignSeries().dates.length).toBe(0);
    const a = seriesFromArrays([1, 2], [1, 2]);
    expect([...alignSeries(a).values[0]!]).toEqual([1, 2]);
    expect(alignSeries(a, seriesFromArrays([3], [3])).dates.length).toBe(0);
    expect(alignSeries(a, seriesFromArrays([], [])).dates.length).toBe(0);
  });
  it("matches a set intersection (property)", () => {
    const arb = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, arb, (xa, xb) => {
        const a = seriesFromArrays(
          xa.sort((p, q) => p - q),
          xa.map((x) => x * 2),
        );
        const b = seriesFromArrays(
          xb.sort((p, q) => p - q),
          xb.map((x) => x * 3),
        );
        const j = alignSeries(a, b);
        const expected = xa.filter((x) => xb.includes(x));
        expect([...j.dates]).toEqual(expected);
        expect([...j.values[0]!]).toEqual(expected.map((x) => x * 2));
        expect([...j.values[1]!]).toEqual(expected.map((x) => x * 3));
      }),
    );
  });
});

describe("asOfJoin", () => {
  const monthly = seriesFromArrays([0, 31, 59], [1.5, NaN, 2]);
  it("forward-fills the last valid observation on or before each date", () => {
    const out = asOfJoin(d([-1, 0, 10, 31, 40, 59, 100]), monthly);
    expect(out[0]).toBeNaN();
    expect([...out.subarray(1)]).toEqual([1.5, 1.5, 1.5, 1.5, 2, 2]);
  });
  it("respects maxStaleDays", () => {
    const out = asOfJoin(d([0, 5, 6, 59, 64, 65]), monthly, { maxStaleDays: 5 });
    expect(out[0]).toBe(1.5);
    expect(out[1]).toBe(1.5);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBe(2);
    expect(out[4]).toBe(2);
    expect(out[5]).toBeNaN();
  });
  it("validates", () => {
    expect(() => asOfJoin(d([2, 1]), monthly)).toThrow(InvalidArgumentError);
    expect(() => asOfJoin(d([1]), monthly, { maxStaleDays: -1 })).toThrow(InvalidArgumentError);
    expect(asOfJoin(d([]), monthly).length).toBe(0);
    expect(asOfJoin(d([1, 2]), seriesFromArrays([], []))[1]).toBeNaN();
  });
});

describe("resample", () => {
  const iso = (s: string) => parseISODate(s);
  const s = seriesFromArrays(
    ["2024-01-29", "2024-01-31", "2024-02-01", "2024-02-02", "2024-02-05", "2024-02-29", "2024-03-01"],
    [1, 2, 3, 4, 5, NaN, 7],
  );
  it("keeps the last valid observation of each calendar month", () => {
    const m = resample(s, "month");
    expect([...m.dates]).toEqual([iso("2024-01-31"), iso("2024-02-05"), iso("2024-03-01")]);
    expect([...m.values]).toEqual([2, 5, 7]);
  });
  it("keeps the last observation of each ISO week (Mon–Sun)", () => {
    const w = resample(s, "week");
    // Week of Mon 2024-01-29: ..02-02; week of 02-05 alone; week of 02-26: 02-29 (NaN), 03-01.
    expect([...w.dates]).toEqual([iso("2024-02-02"), iso("2024-02-05"), iso("2024-03-01")]);
    expect([...w.values]).toEqual([4, 5, 7]);
    // Sunday belongs to the week that started the Monday before.
    const sun = seriesFromArrays(["2024-02-03", "2024-02-04", "2024-02-05"], [1, 2, 3]);
    expect([...resample(sun, "week").values]).toEqual([2, 3]);
  });
  it("omits all-NaN periods, handles empty input, and validates", () => {
    const x = seriesFromArrays(["2024-01-31", "2024-02-01"], [1, NaN]);
    expect([...resample(x, "month").values]).toEqual([1]);
    expect(resample(seriesFromArrays([], []), "month").dates.length).toBe(0);
    expect(() => resample(s, "year" as "month")).toThrow(InvalidArgumentError);
  });
  it("month keys agree with Date for many days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 60000 }), (day) => {
        const a = seriesFromArrays([day, day + 1], [1, 2]);
        const r = resample(a, "month");
        const d0 = new Date(day * 86400000);
        const d1 = new Date((day + 1) * 86400000);
        expect(r.values.length).toBe(d0.getUTCMonth() === d1.getUTCMonth() ? 1 : 2);
      }),
    );
  });
});
