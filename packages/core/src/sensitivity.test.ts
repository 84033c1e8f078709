import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { rateSensitivity, rollingRateSensitivity } from "./sensitivity.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

/** Prices from a start value and simple returns. */
const pricesFrom = (returns: number[], start = 100): number[] => {
  const out = [start];
  for (const r of returns) out.push(out[out.length - 1]! * (1 + r));
  return out;
};

describe("rateSensitivity", () => {
  // Δy = [1, 2, −1, 4] bp, r = [1 %, −2 %, 3 %, −1 %]
  const yields = s([1, 2, 3, 4, 5], [4.0, 4.01, 4.03, 4.02, 4.06]);
  const prices = s([1, 2, 3, 4, 5], pricesFrom([0.01, -0.02, 0.03, -0.01]));

  it("matches the closed-form OLS of a hand-checked case", () => {
    // mean Δy = 1.5, mean r = 0.0025; Sxx = 13, Sxy = −0.115, Syy = 0.001475
    const beta = -0.115 / 13;
    const ssr = 0.001475 - beta * -0.115;
    const r = rateSensitivity(prices, yields, { frequency: "daily" });
    expect(r.observations).toBe(4);
    expect(r.betaPer100bp).toBeCloseTo(100 * beta, 10);
    expect(r.intercept).toBeCloseTo(0.0025 - beta * 1.5, 10);
    expect(r.correlation).toBeCloseTo(-0.115 / Math.sqrt(13 * 0.001475), 10);
    expect(r.rSquared).toBeCloseTo(0.115 ** 2 / (13 * 0.001475), 10);
    expect(r.tStat).toBeCloseTo(beta / Math.sqrt(ssr / 2 / 13), 8);
    expect([r.from, r.to, r.frequency]).toEqual([2, 5, "daily"]);
  });

  it("takes day 0 as the last level on or before from, like compare and performance", () => {
    // `from` falls between the levels of day 2 and day 3: day 0 is day 2, the first pair is 2 → 3
    const gap = s([1, 2, 4, 5], [100, 102, 99.96, 101.9592]);
    const yy = s([1, 2, 4, 5], [4, 4.1, 4.3, 4.2]);
    const r = rateSensitivity(gap, yy, { frequency: "daily", from: 3, to: 5 });
    expect(r.observations).toBe(2); // pairs dated 4 and 5
    expect([r.from, r.to]).toEqual([4, 5]);
    // a `from` before the data starts at the first level
    expect(rateSensitivity(gap, yy, { frequency: "daily", from: -10 }).observations).toBe(3);
  });

  it("restricts the levels to [from, to] before differencing", () => {
    const r = rateSensitivity(prices, yields, { frequency: "daily", from: 2, to: 4 });
    expect(r.observations).toBe(2); // pairs dated 3 and 4
    expect([r.from, r.to]).toEqual([3, 4]);
    // two points: exact line through (2, −0.02) and (−1, 0.03)
    expect(r.betaPer100bp).toBeCloseTo((100 * (0.03 - -0.02)) / (-1 - 2), 10);
    expect(Number.isNaN(r.tStat)).toBe(true);
  });

  it("drops blank yield days so the return and the change span the same two days", () => {
    const p = s([1, 2, 3, 4], [100, 101, 102, 100.98]);
    const y = s([1, 2, 3, 4], [4, Number.NaN, 4.1, 4.0]);
    const r = rollingRateSensitivity(p, y, { frequency: "daily" }, 2);
    expect(Array.from(r.dates)).toEqual([3, 4]);
    // pairs: (+10 bp, +2 %), (−10 bp, −1 %)
    expect(r.betaPer100bp[1]).toBeCloseTo((100 * (0.02 - -0.01)) / 20, 10);
    expect(r.intercept[1]).toBeCloseTo(0.005, 10);
  });

  it("joins weekly data on the ISO week, even when one market is closed on Friday", () => {
    // Mon 2024-01-08 … Fri 2024-01-26; the yield is blank on Fri 01-19
    const days = ["08", "09", "10", "11", "12", "15", "16", "17", "18", "19", "22", "23", "24", "25", "26"];
    const dates = days.map((x) => d(`2024-01-${x}`));
    const px = dates.map((_, i) => 100 + i);
    const yl = dates.map((_, i) => (i === 9 ? Number.NaN : 4 + i / 100));
    const r = rollingRateSensitivity(s(dates, px), s(dates, yl), { frequency: "weekly" }, 2);
    expect(Array.from(r.dates)).toEqual([d("2024-01-19"), d("2024-01-26")]);
    // week 2: price 104 → 109, yield 4.04 → 4.08 (Thursday); week 3: 109 → 114, 4.08 → 4.14
    const x = [4, 6];
    const y = [109 / 104 - 1, 114 / 109 - 1];
    expect(r.betaPer100bp[1]).toBeCloseTo((100 * (y[1]! - y[0]!)) / (x[1]! - x[0]!), 10);
  });

  it("resamples monthly to the last valid observation of each month", () => {
    const dates = [d("2024-01-15"), d("2024-01-31"), d("2024-02-29"), d("2024-03-28"), d("2024-03-29")];
    const p = s(dates, [90, 100, 110, 99, Number.NaN]);
    const y = s(dates, [3, 4, 4.5, Number.NaN, 4.0]);
    const r = rateSensitivity(p, y, { frequency: "monthly" });
    // Jan (100, 4) → Feb (110, 4.5) → Mar (99 on 03-28, 4.0 on 03-29)
    expect(r.observations).toBe(2);
    expect(r.betaPer100bp).toBeCloseTo((100 * (-0.1 - 0.1)) / (-50 - 50), 10);
    expect(r.to).toBe(d("2024-03-28"));
  });

  it("gives NaN for undefined results: empty, one point, unchanged yield, unchanged price", () => {
    const empty = rateSensitivity(s([], []), s([], []), { frequency: "daily" });
    expect(empty.observations).toBe(0);
    expect(Number.isNaN(empty.betaPer100bp) && Number.isNaN(empty.from)).toBe(true);
    const one = rateSensitivity(s([1], [100]), s([1], [4]), { frequency: "daily" });
    expect(one.observations).toBe(0);
    const flatYield = rateSensitivity(prices, s([1, 2, 3, 4, 5], [4, 4, 4, 4, 4]), { frequency: "daily" });
    expect(Number.isNaN(flatYield.betaPer100bp)).toBe(true);
    const flatPrice = rateSensitivity(s([1, 2, 3, 4, 5], [7, 7, 7, 7, 7]), yields, { frequency: "daily" });
    expect(flatPrice.betaPer100bp).toBe(0);
    expect(Number.isNaN(flatPrice.correlation) && Number.isNaN(flatPrice.tStat)).toBe(true);
    const rolling = rollingRateSensitivity(
      prices,
      s([1, 2, 3, 4, 5], [4, 4, 4, 4, 4]),
      { frequency: "daily" },
      3,
    );
    expect(Array.from(rolling.betaPer100bp).every(Number.isNaN)).toBe(true);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    const daily = { frequency: "daily" } as const;
    expect(() => rateSensitivity(prices, yields, { frequency: "yearly" as "daily" })).toThrow(
      InvalidArgumentError,
    );
    expect(() => rateSensitivity(s([1, 2], [100, -1]), yields, daily)).toThrow(InvalidArgumentError);
    expect(() => rateSensitivity(prices, s([2, 1], [1, 1]), daily)).toThrow(InvalidArgumentError);
    expect(() => rateSensitivity(prices, yields, { frequency: "daily", from: 5, to: 1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => rollingRateSensitivity(prices, yields, daily, 1)).toThrow(InvalidArgumentError);
  });

  it("property: regressing on an exact linear function recovers slope and intercept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 3, maxLength: 80 }),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        fc.double({ min: -0.002, max: 0.002, noNaN: true }),
        (changes, a, b) => {
          fc.pre(new Set(changes).size > 1);
          const ylev = [4];
          for (const c of changes) ylev.push(ylev[ylev.length - 1]! + c / 100);
          const px = pricesFrom(changes.map((c) => a + b * c));
          const dates = ylev.map((_, i) => 10 + i);
          const r = rateSensitivity(s(dates, px), s(dates, ylev), { frequency: "daily" });
          expect(r.observations).toBe(changes.length);
          expect(r.betaPer100bp).toBeCloseTo(100 * b, 8);
          expect(r.intercept).toBeCloseTo(a, 8);
          if (Math.abs(b) > 1e-6) {
            expect(r.rSquared).toBeCloseTo(1, 8);
            expect(Number.isNaN(r.tStat)).toBe(true); // perfect fit: t undefined, not ±huge
          }
        },
      ),
    );
  });

  it("property: each rolling window equals the whole-window regression on that window", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ c: fc.integer({ min: -25, max: 25 }), r: fc.integer({ min: -500, max: 500 }) }),
          {
            minLength: 4,
            maxLength: 60,
          },
        ),
        fc.integer({ min: 2, max: 10 }),
        (rows, window) => {
          const ylev = [3];
          for (const { c } of rows) ylev.push(ylev[ylev.length - 1]! + c / 100);
          const px = pricesFrom(rows.map((x) => x.r / 10000)); // returns in whole bp
          const dates = ylev.map((_, i) => 100 + i);
          const P = s(dates, px);
          const Y = s(dates, ylev);
          const roll = rollingRateSensitivity(P, Y, { frequency: "daily" }, window);
          for (let i = 0; i < rows.length; i++) {
            if (i < window - 1) {
              expect(Number.isNaN(roll.betaPer100bp[i]!)).toBe(true);
              continue;
            }
            const whole = rateSensitivity(P, Y, {
              frequency: "daily",
              from: dates[i - window + 1]!,
              to: dates[i + 1]!,
            });
            const pairs: [number, number][] = [
              [roll.betaPer100bp[i]!, whole.betaPer100bp],
              [roll.intercept[i]!, whole.intercept],
              [roll.correlation[i]!, whole.correlation],
            ];
            for (const [got, want] of pairs) {
              if (Number.isNaN(want)) expect(Number.isNaN(got)).toBe(true);
              else expect(got).toBeCloseTo(want, 6);
            }
          }
        },
      ),
    );
  });
});
