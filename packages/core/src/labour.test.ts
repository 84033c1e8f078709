import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fredFixture } from "../test/fred.js";
import { addMonths, parseISODate as d, formatISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { knownOnSeries, monthlyKnownOn, sahmIndicator, sahmTriggers } from "./labour.js";
import type { Series } from "./series.js";

/** Monthly series from a first month and values. */
const monthly = (first: string, values: number[]): Series => {
  const start = d(first);
  return {
    dates: Int32Array.from(values, (_, i) => addMonths(start, i)),
    values: Float64Array.from(values),
  };
};

/** The indicator by its definition, month by month, for the property test. */
function bruteSahm(values: number[]): number[] {
  const ma = values.map((_, i) => (i >= 2 ? (values[i]! + values[i - 1]! + values[i - 2]!) / 3 : Number.NaN));
  return values.map((_, i) => (i >= 14 ? ma[i]! - Math.min(...ma.slice(i - 12, i)) : Number.NaN));
}

describe("sahmIndicator", () => {
  it("is the 3-month average minus the lowest 3-month average of the previous 12 months (hand-checked)", () => {
    // 2000-01 … 2001-03: 4.0 for twelve months, then 4.3, 4.6, 4.9
    const u = monthly("2000-01-01", [...Array(12).fill(4), 4.3, 4.6, 4.9]);
    const r = sahmIndicator(u);
    expect(r.values.slice(0, 14).every(Number.isNaN)).toBe(true); // needs 15 months
    expect(r.values[14]).toBeCloseTo(0.6, 12); // (4.3 + 4.6 + 4.9) / 3 − 4.0
    // falling unemployment reads negative: 5.0 for twelve months, then 4.4, 4.4, 4.4. The previous 12
    // averages (months 2–13) are 5, …, 5, (5 + 5 + 4.4) / 3 = 4.8, (5 + 4.4 + 4.4) / 3 = 4.6: the low is 4.6.
    const down = sahmIndicator(monthly("2000-01-01", [...Array(12).fill(5), 4.4, 4.4, 4.4]));
    expect(down.values[14]).toBeCloseTo(4.4 - 4.6, 12);
  });

  it("needs consecutive months: a missing month or a NaN breaks the windows that contain it", () => {
    const values = Array.from({ length: 18 }, (_, i) => 4 + 0.1 * i);
    const gap = sahmIndicator(
      monthly(
        "2000-01-01",
        values.map((v, i) => (i === 5 ? Number.NaN : v)),
      ),
    );
    expect(Number.isNaN(gap.values[14]!)).toBe(true); // window 2–13 includes MA3 at 5–7
    expect(Number.isNaN(gap.values[17]!)).toBe(true); // window 5–16 includes MA3 at 5, 6, 7
    const full = sahmIndicator(monthly("2000-01-01", values));
    expect(full.values[17]).toBeCloseTo(1.2, 10); // MA3_17 − MA3_5 = 0.1 × 12
    expect(() =>
      sahmIndicator({
        dates: Int32Array.from([d("2000-01-01"), d("2000-01-15")]),
        values: Float64Array.from([1, 2]),
      }),
    ).toThrow(InvalidArgumentError);
  });

  it("property: equals the definition computed by brute force, and ignores the level", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 30, max: 150 }).map((x) => x / 10),
          { minLength: 0, maxLength: 40 },
        ),
        fc.integer({ min: -20, max: 20 }),
        (values, shift) => {
          const got = sahmIndicator(monthly("1990-01-01", values)).values;
          const want = bruteSahm(values);
          want.forEach((w, i) => {
            if (Number.isNaN(w)) expect(Number.isNaN(got[i]!)).toBe(true);
            else expect(got[i]).toBeCloseTo(w, 9);
          });
          const shifted = sahmIndicator(
            monthly(
              "1990-01-01",
              values.map((v) => v + shift / 10),
            ),
          ).values;
          got.forEach((g, i) => {
            if (!Number.isNaN(g)) expect(shifted[i]).toBeCloseTo(g, 8);
          });
        },
      ),
    );
  });
});

describe("sahmTriggers", () => {
  it("starts an episode after rearmMonths below the threshold and ends it at the first month back below", () => {
    const s = monthly(
      "2000-01-01",
      [0.1, 0.2, 0.1, 0.2, 0.1, 0.3, 0.6, 0.8, 0.4, 0.55, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5],
    );
    const t = sahmTriggers(s);
    expect(t.map((x) => [formatISODate(x.date), x.value, x.peak, formatISODate(x.peakDate)])).toEqual([
      ["2000-07-01", 0.6, 0.8, "2000-08-01"],
      // 2000-10 (0.55) comes one month after the episode ended: not re-armed
      ["2001-05-01", 0.5, 0.5, "2001-05-01"],
    ]);
    expect(formatISODate(t[0]!.end)).toBe("2000-09-01");
    expect(t[0]!.ongoing).toBe(false);
    expect(t[1]!.ongoing && Number.isNaN(t[1]!.end)).toBe(true);
    expect(sahmTriggers(s, { rearmMonths: 1 }).map((x) => formatISODate(x.date))).toEqual([
      "2000-07-01",
      "2000-10-01",
      "2001-05-01",
    ]);
    expect(sahmTriggers(s, { threshold: 0.7 }).map((x) => formatISODate(x.date))).toEqual(["2000-08-01"]);
  });
});

describe("release dates", () => {
  it("dates a month's value on the 12th of the next month (release day configurable)", () => {
    expect(formatISODate(monthlyKnownOn(d("2024-07-01")))).toBe("2024-08-12");
    expect(formatISODate(monthlyKnownOn(d("2024-12-01")))).toBe("2025-01-12");
    expect(formatISODate(monthlyKnownOn(d("2024-01-31"), 5))).toBe("2024-02-05");
    expect(() => monthlyKnownOn(d("2024-01-01"), 29)).toThrow(InvalidArgumentError);
    const k = knownOnSeries(monthly("2024-06-01", [0.43, 0.53]));
    expect([...k.dates].map(formatISODate)).toEqual(["2024-07-12", "2024-08-12"]);
    expect([...k.values]).toEqual([0.43, 0.53]);
  });
});

describe("against FRED's SAHMREALTIME (fixtures: UNRATE 1948-01 … 2025-08, SAHMREALTIME 1959-12 … 2025-08)", () => {
  const unrate = fredFixture("UNRATE.csv");
  const realtime = fredFixture("SAHMREALTIME.csv");
  const computed = sahmIndicator(unrate);

  it("matches the real-time values up to data revisions (mean |difference| 0.05 pp, at most 0.37)", () => {
    let n = 0;
    let sum = 0;
    let max = 0;
    for (let i = 0; i < realtime.dates.length; i++) {
      const j = computed.dates.indexOf(realtime.dates[i]!);
      expect(j).toBeGreaterThanOrEqual(0);
      const diff = Math.abs(Math.round(computed.values[j]! * 100) / 100 - realtime.values[i]!);
      n++;
      sum += diff;
      max = Math.max(max, diff);
    }
    expect(n).toBe(789);
    expect(sum / n).toBeGreaterThan(0.04);
    expect(sum / n).toBeLessThan(0.06);
    expect(max).toBeCloseTo(0.37, 10); // 1969-10 … 1976: the largest revisions
  });

  it("gives the published real-time triggers, and the current data trigger within two months since 1990", () => {
    const rt = sahmTriggers(realtime).map((t) => formatISODate(t.date));
    expect(rt).toEqual([
      "1960-08-01",
      "1969-10-01",
      "1974-03-01",
      "1976-11-01",
      "1980-04-01",
      "1981-11-01",
      "1990-11-01",
      "2001-06-01",
      "2008-04-01",
      "2020-04-01",
      "2024-07-01",
    ]);
    const current = sahmTriggers(computed).filter((t) => t.date >= d("1990-01-01"));
    const since1990 = sahmTriggers(realtime).filter((t) => t.date >= d("1990-01-01"));
    expect(current.map((t) => formatISODate(t.date))).toEqual([
      "1990-10-01",
      "2001-06-01",
      "2003-07-01", // 0.50 on today's data, 0.47 in real time: a revision-made trigger
      "2008-02-01",
      "2020-04-01",
      "2024-07-01",
    ]);
    for (const t of since1990) {
      const match = current.find((c) => Math.abs(c.date - t.date) <= 62);
      expect(match, formatISODate(t.date)).toBeDefined();
    }
  });
});
