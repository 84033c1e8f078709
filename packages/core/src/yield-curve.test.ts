import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fredFixture } from "../test/fred.js";
import { parseISODate as d, formatISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import type { Series } from "./series.js";
import { curveInversions, curveSpread, curveStateAt, uninversionDates } from "./yield-curve.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});
const days = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("curveSpread", () => {
  it("is long − short on the dates both have a value, without binary noise", () => {
    const r = curveSpread(
      s([1, 2, 3, 5], [4.1, 4.0, Number.NaN, 3]),
      s([1, 2, 3, 4, 5], [4.0, 4.5, 4, 4, 3.1]),
    );
    expect([...r.dates]).toEqual([1, 2, 5]);
    expect([...r.values]).toEqual([0.1, -0.5, -0.1]);
  });
});

describe("curveInversions", () => {
  it("ends an inversion only after confirmDays non-negative observations, absorbing shorter returns", () => {
    const spread = s(days(8), [0.2, -0.1, -0.3, 0.05, -0.2, 0.1, 0.2, 0.3]);
    expect(curveInversions(spread, { confirmDays: 2 })).toEqual([
      {
        start: 2,
        end: 5,
        uninvertedOn: 6,
        confirmedOn: 7,
        trough: -0.3,
        troughDate: 3,
        invertedDays: 3,
        ongoing: false,
      },
    ]);
    // with confirmDays 1 the one-day return above 0 on day 4 ends the first inversion
    expect(
      curveInversions(spread, { confirmDays: 1 }).map((x) => [x.start, x.end, x.uninvertedOn, x.confirmedOn]),
    ).toEqual([
      [2, 3, 4, 4],
      [5, 5, 6, 6],
    ]);
  });

  it("reports an inversion the data end inside as ongoing, and skips NaN", () => {
    const spread = s(days(6), [0.1, -0.2, Number.NaN, 0.1, -0.05, 0.3]);
    const [x] = curveInversions(spread, { confirmDays: 3 });
    expect(x).toMatchObject({ start: 2, end: 5, trough: -0.2, invertedDays: 2, ongoing: true });
    expect(Number.isNaN(x!.uninvertedOn) && Number.isNaN(x!.confirmedOn)).toBe(true);
    expect(uninversionDates([x!])).toEqual([]);
  });

  it("ignores inversions shorter than minInvertedDays and counts a zero spread as not inverted", () => {
    const spread = s(days(7), [0, -0.01, 0, 0, -0.1, -0.2, 0]);
    expect(curveInversions(spread, { confirmDays: 1, minInvertedDays: 2 }).map((x) => x.start)).toEqual([5]);
    expect(curveInversions(spread, { confirmDays: 1 }).map((x) => x.start)).toEqual([2, 5]);
  });

  it("rejects bad options", () => {
    expect(() => curveInversions(s([1], [1]), { confirmDays: 0 })).toThrow(InvalidArgumentError);
    expect(() => curveInversions(s([1], [1]), { minInvertedDays: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => curveInversions(s([1], [Number.POSITIVE_INFINITY]))).toThrow(InvalidArgumentError);
  });

  it("property: inversions are ordered and disjoint, cover every negative, and a prefix knows the same", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -30, max: 30 }).map((x) => x / 100),
            fc.constant(Number.NaN),
          ),
          {
            maxLength: 120,
          },
        ),
        fc.integer({ min: 1, max: 8 }),
        (values, confirmDays) => {
          const spread = s(days(values.length), values);
          const inv = curveInversions(spread, { confirmDays });
          for (let k = 0; k < inv.length; k++) {
            const x = inv[k]!;
            expect(x.start <= x.troughDate && x.troughDate <= x.end).toBe(true);
            if (!x.ongoing) expect(x.end < x.uninvertedOn && x.uninvertedOn <= x.confirmedOn).toBe(true);
            else expect(k).toBe(inv.length - 1);
            if (k > 0) expect(inv[k - 1]!.confirmedOn < x.start).toBe(true);
          }
          values.forEach((v, i) => {
            if (v < 0) expect(inv.some((x) => x.start <= i + 1 && i + 1 <= x.end)).toBe(true);
          });
          // no look-ahead: the data up to a confirmation give the same confirmed inversion
          for (const x of inv.filter((y) => !y.ongoing)) {
            const prefix = s(days(x.confirmedOn), values.slice(0, x.confirmedOn));
            expect(curveInversions(prefix, { confirmDays }).find((y) => y.start === x.start)).toEqual(x);
          }
        },
      ),
    );
  });
});

describe("curveStateAt", () => {
  const spread = s(days(6), [0.2, -0.4, -0.1, 0.1, 0.2, 0.5]);
  const inv = curveInversions(spread, { confirmDays: 2 });

  it("reads the state as the rule knew it: ongoing until the un-inversion is confirmed", () => {
    expect(curveStateAt(spread, inv, 4)).toMatchObject({
      date: 4,
      spread: 0.1,
      inverted: false,
      lastInversion: { start: 2, trough: -0.4, ongoing: true },
      steepeningSinceTroughBp: 50,
    });
    expect(Number.isNaN(curveStateAt(spread, inv, 4).daysSinceUninversion)).toBe(true);
    const after = curveStateAt(spread, inv, 6);
    expect(after.lastInversion).toMatchObject({ uninvertedOn: 4, confirmedOn: 5, ongoing: false });
    expect(after.steepeningSinceTroughBp).toBe(90);
    expect(after.daysSinceUninversion).toBe(2);
    expect(curveStateAt(spread, inv, 1).lastInversion).toBeNull();
    expect(Number.isNaN(curveStateAt(spread, inv, 0).spread)).toBe(true);
  });

  it("measures the change over changeMonths calendar months", () => {
    const sp = s([d("2024-01-02"), d("2024-07-01"), d("2024-07-02")], [-0.5, 0.1, 0.2]);
    expect(curveStateAt(sp, [], d("2024-07-02")).change).toBeCloseTo(0.7, 12);
    expect(Number.isNaN(curveStateAt(sp, [], d("2024-07-01")).change)).toBe(true); // 2024-01-01 precedes the data
  });

  it("property: the state on a date equals the state computed from the data up to that date", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -20, max: 20 }).map((x) => x / 100),
          { minLength: 1, maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        (values, confirmDays, pick) => {
          const spread = s(days(values.length), values);
          const asOf = 1 + (pick % values.length);
          const full = curveStateAt(spread, curveInversions(spread, { confirmDays }), asOf);
          const prefix = s(days(asOf), values.slice(0, asOf));
          const known = curveStateAt(prefix, curveInversions(prefix, { confirmDays }), asOf);
          expect(full).toEqual(known);
        },
      ),
    );
  });
});

describe("on FRED's DGS10 and DGS2, 1999-01-04 … 2025-09-25 (fixtures)", () => {
  const spread = curveSpread(fredFixture("DGS10.csv"), fredFixture("DGS2.csv"));
  const inv = curveInversions(spread);

  it("finds the seven un-inversions since 1999", () => {
    expect(spread.dates.length).toBe(6974 - 286);
    expect(uninversionDates(inv).map(formatISODate)).toEqual([
      "2000-12-29",
      "2006-03-30",
      "2007-03-21",
      "2007-06-06",
      "2019-08-30",
      "2022-04-05",
      "2024-09-06",
    ]);
    expect(inv.every((x) => !x.ongoing)).toBe(true);
  });

  it("dates the 2022–24 inversion and its trough as published", () => {
    const last = inv[inv.length - 1]!;
    expect(formatISODate(last.start)).toBe("2022-07-06");
    expect(formatISODate(last.end)).toBe("2024-09-05");
    expect(formatISODate(last.confirmedOn)).toBe("2024-10-03");
    expect(last.trough).toBeCloseTo(-1.08, 10); // 2023-07-03: DGS10 3.86, DGS2 4.94
    expect(formatISODate(last.troughDate)).toBe("2023-07-03");
    const state = curveStateAt(spread, inv, d("2025-09-25"));
    expect(state.spread).toBeCloseTo(0.54, 10); // 4.18 − 3.64
    expect(state.steepeningSinceTroughBp).toBeCloseTo(162, 8);
  });
});
