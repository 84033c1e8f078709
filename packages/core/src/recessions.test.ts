import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fredFixture } from "../test/fred.js";
import { parseISODate as d, formatISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { inRecession, recessionDataEnd, recessionPeriods } from "./recessions.js";
import { seriesFromRows } from "./series.js";

describe("recessionPeriods", () => {
  it("turns runs of 1 into periods ending on the last day of the last month (hand-checked)", () => {
    const usrec = seriesFromRows(
      ["2019-12", "2020-01", "2020-02", "2020-03", "2020-04", "2020-05"].map((m, i) => ({
        date: `${m}-01`,
        value: i === 3 || i === 4 ? 1 : 0,
      })),
    );
    const p = recessionPeriods(usrec);
    expect(p.map((x) => [formatISODate(x.start), formatISODate(x.end), x.observations, x.ongoing])).toEqual([
      ["2020-03-01", "2020-04-30", 2, false],
    ]);
    expect(formatISODate(recessionDataEnd(usrec))).toBe("2020-05-31");
    expect(inRecession(p, d("2020-04-15"), recessionDataEnd(usrec))).toBe(true);
    expect(inRecession(p, d("2020-05-15"), recessionDataEnd(usrec))).toBe(false);
    expect(inRecession(p, d("2020-06-01"), recessionDataEnd(usrec))).toBeNull();
  });

  it("keeps daily periods to the last day at 1, reports an ongoing one, and skips NaN", () => {
    const daily = {
      dates: Int32Array.from([1, 2, 3, 4, 5, 6]),
      values: Float64Array.from([0, 1, Number.NaN, 1, 0, 1]),
    };
    expect(recessionPeriods(daily)).toEqual([
      { start: 2, end: 4, observations: 2, ongoing: false },
      { start: 6, end: 6, observations: 1, ongoing: true },
    ]);
    expect(recessionDataEnd(daily)).toBe(6);
    expect(() => recessionPeriods({ dates: Int32Array.from([1]), values: Float64Array.from([0.5]) })).toThrow(
      InvalidArgumentError,
    );
  });

  it("property: periods are ordered, disjoint, and hold exactly the observations at 1", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, Number.NaN), { maxLength: 60 }), (values) => {
        const s = { dates: Int32Array.from(values, (_, i) => i * 2), values: Float64Array.from(values) };
        const p = recessionPeriods(s);
        let ones = 0;
        for (let k = 0; k < p.length; k++) {
          expect(p[k]!.start <= p[k]!.end).toBe(true);
          if (k > 0) expect(p[k - 1]!.end < p[k]!.start).toBe(true);
          ones += p[k]!.observations;
        }
        expect(ones).toBe(values.filter((v) => v === 1).length);
        values.forEach((v, i) => {
          if (v === 1) expect(inRecession(p, i * 2, recessionDataEnd(s))).toBe(true);
          if (v === 0) expect(inRecession(p, i * 2, recessionDataEnd(s))).toBe(false);
        });
      }),
    );
  });

  it("gives the NBER recessions since 1950 from FRED's USREC (fixture 1950-01 … 2024-12)", () => {
    const p = recessionPeriods(fredFixture("USREC.csv"));
    expect(p.map((x) => `${formatISODate(x.start).slice(0, 7)}…${formatISODate(x.end)}`)).toEqual([
      "1953-08…1954-05-31",
      "1957-09…1958-04-30",
      "1960-05…1961-02-28",
      "1970-01…1970-11-30",
      "1973-12…1975-03-31",
      "1980-02…1980-07-31",
      "1981-08…1982-11-30",
      "1990-08…1991-03-31",
      "2001-04…2001-11-30",
      "2008-01…2009-06-30",
      "2020-03…2020-04-30",
    ]);
    expect(p.every((x) => !x.ongoing)).toBe(true);
  });
});
