import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { crossovers } from "./indicators/crossovers.js";
import { sma } from "./indicators/sma.js";
import { ratioTrend, ratioTrendAt } from "./ratio-trend.js";
import { relativeStrength } from "./relative.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

describe("ratioTrend", () => {
  it("is the ratio line, its moving average and the crossings (hand-checked)", () => {
    const t = ratioTrend(s([1, 2, 3, 4], [10, 10, 12, 9]), s([1, 2, 3, 4], [10, 10, 10, 10]), {
      averagePeriod: 2,
    });
    expect([...t.ratio]).toEqual([1, 1, 1.2, 0.9]);
    expect(Number.isNaN(t.average[0]!)).toBe(true);
    expect([...t.average.slice(1)].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([1, 1.1, 1.05]);
    // day 2 touches its average (no side yet), day 3 sets the side above: the only crossing is day 4
    expect(t.crossovers).toEqual([{ date: 4, direction: "down" }]);
  });

  it("joins on common dates and drops prices that are missing or not positive", () => {
    const t = ratioTrend(s([1, 2, 3, 5], [10, Number.NaN, 12, 15]), s([1, 2, 3, 4, 5], [5, 5, 0, 5, 5]), {
      averagePeriod: 1,
    });
    expect([...t.dates]).toEqual([1, 5]);
    expect([...t.ratio]).toEqual([2, 3]);
    expect(() => ratioTrend(s([1], [1]), s([1], [1]), { averagePeriod: 0 })).toThrow(InvalidArgumentError);
  });

  it("reads the state on a date: side, distance to the average, last crossing, 3- and 6-month changes", () => {
    const dates = [d("2024-01-31"), d("2024-04-30"), d("2024-07-31"), d("2024-08-01")];
    const t = ratioTrend(s(dates, [100, 110, 121, 90]), s(dates, [100, 100, 100, 100]), { averagePeriod: 2 });
    const st = ratioTrendAt(t, d("2024-07-31"));
    expect(st).toMatchObject({ date: d("2024-07-31"), above: true, lastCrossover: null }); // above since the warm-up
    expect(st.vsAverage).toBeCloseTo(1.21 / 1.155 - 1, 12);
    expect(st.change3m).toBeCloseTo(0.1, 12);
    expect(st.change6m).toBeCloseTo(0.21, 12);
    expect(ratioTrendAt(t, d("2024-08-01")).lastCrossover).toEqual({
      date: d("2024-08-01"),
      direction: "down",
    });
    expect(ratioTrendAt(t, d("2024-01-31")).above).toBeNull();
    expect(Number.isNaN(ratioTrendAt(t, 0).ratio)).toBe(true);
  });

  it("property: the same ratio, average and crossings as relativeStrength + sma + crossovers (compare)", () => {
    const prices = fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(prices, prices, fc.integer({ min: 1, max: 10 }), (a, b, p) => {
        const n = Math.min(a.length, b.length);
        const dates = Array.from({ length: n }, (_, i) => i);
        const t = ratioTrend(s(dates, a.slice(0, n)), s(dates, b.slice(0, n)), { averagePeriod: p });
        const r = relativeStrength(s(dates, a.slice(0, n)), s(dates, b.slice(0, n))).values;
        expect([...t.ratio]).toEqual([...r]);
        const avg = sma(r, p);
        expect([...t.average]).toEqual([...avg]);
        expect(t.crossovers).toEqual(
          crossovers(r, avg, t.dates).map((c) => ({ date: c.date, direction: c.direction })),
        );
      }),
    );
  });

  it("property: the state on a date does not depend on later prices", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.nat(),
        (a, pick) => {
          const dates = a.map((_, i) => i * 7);
          const flat = a.map(() => 50);
          const cut = pick % a.length;
          const full = ratioTrendAt(
            ratioTrend(s(dates, a), s(dates, flat), { averagePeriod: 3 }),
            dates[cut]!,
          );
          const prefix = ratioTrendAt(
            ratioTrend(
              s(dates.slice(0, cut + 1), a.slice(0, cut + 1)),
              s(dates.slice(0, cut + 1), flat.slice(0, cut + 1)),
              {
                averagePeriod: 3,
              },
            ),
            dates[cut]!,
          );
          expect(full).toEqual(prefix);
        },
      ),
    );
  });
});
