import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neweyWestStandardError, stateBacktest } from "./backtest.js";
import { addMonths, parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { eventOutcomes } from "./event-study.js";
import { studentTQuantile } from "./intervals.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

describe("neweyWestStandardError", () => {
  it("is √(Σu²)/n without lags and adds Bartlett-weighted autocovariances with them (hand-checked)", () => {
    const all = [true, true, true, true];
    expect(neweyWestStandardError([1, 2, 3, 4], all, 0)).toBeCloseTo(Math.sqrt(5) / 4, 14);
    // u = −1.5, 0.5, −0.5, 1.5: lag-1 sum = −1.75, weight ½ → S = 5 + 2·½·(−1.75) = 3.25
    expect(neweyWestStandardError([1, 3, 2, 4], all, 1)).toBeCloseTo(Math.sqrt(3.25) / 4, 14);
    // non-members count as zero deviations, so the lag structure stays calendar-true
    expect(neweyWestStandardError([1, 99, 3], [true, false, true], 1)).toBeCloseTo(Math.sqrt(2) / 2, 14);
    expect(Number.isNaN(neweyWestStandardError([1], [true], 0))).toBe(true);
    expect(() => neweyWestStandardError([1, 2], [true, true], -1)).toThrow(InvalidArgumentError);
  });

  it("property: never negative, and equals the brute-force formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -1, max: 1, noNaN: true }), m: fc.boolean() }), {
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 12 }),
        (rows, lags) => {
          const values = rows.map((r) => r.x);
          const member = rows.map((r) => r.m);
          const se = neweyWestStandardError(values, member, lags);
          const xs = values.filter((_, i) => member[i]);
          if (xs.length < 2) {
            expect(Number.isNaN(se)).toBe(true);
            return;
          }
          const m = xs.reduce((a, b) => a + b, 0) / xs.length;
          const u = values.map((v, i) => (member[i] ? v - m : 0));
          let S = 0;
          for (let i = 0; i < u.length; i++) S += u[i]! * u[i]!;
          for (let l = 1; l <= lags; l++)
            for (let i = l; i < u.length; i++) S += 2 * (1 - l / (lags + 1)) * u[i]! * u[i - l]!;
          expect(se).toBeGreaterThanOrEqual(0);
          expect(se).toBeCloseTo(Math.sqrt(Math.max(0, S)) / xs.length, 12);
        },
      ),
    );
  });
});

describe("stateBacktest", () => {
  // month ends 2020-01-31 … 2020-07-31; the base gains 10 % a month, then loses 10 % a month
  const months = Array.from({ length: 7 }, (_, i) => addMonths(d("2020-01-31"), i));
  const base = s(months, [100, 110, 121, 108.9, 98.01, 88.209, 79.3881]);
  const bench = s(
    months,
    months.map(() => 100),
  );

  it("groups the forward excess returns by state (hand-checked)", () => {
    const obs = months.map((date, i) => ({ date, state: i < 2 ? "up" : i < 5 ? "down" : null }));
    const [h] = stateBacktest(obs, base, bench, [1]);
    expect(h!.months).toBe(1);
    expect(h!.incomplete).toBe(0); // the last observation has no state; the one before has a complete month
    const up = h!.states.find((x) => x.state === "up")!;
    const down = h!.states.find((x) => x.state === "down")!;
    expect(up.count).toBe(2);
    expect(up.mean).toBeCloseTo((0.1 + 0.1) / 2, 12);
    expect(up.hitRate).toBe(1);
    expect(down.count).toBe(3);
    expect(down.mean).toBeCloseTo(-0.1, 12); // 121 → 108.9 → 98.01 → 88.209
    expect(down.hitRate).toBe(0);
    expect(h!.all.count).toBe(5);
    expect(h!.states.map((x) => x.state)).toEqual(["up", "down"]);
    // one-month horizon, no overlap: the standard error is √(Σu²)/n and the interval uses t with n_eff − 1 = 2
    const xs = [h!.excess[2]!, h!.excess[3]!, h!.excess[4]!];
    const u = xs.map((x) => x - down.mean);
    expect(down.standardError).toBeCloseTo(Math.sqrt(u.reduce((a, x) => a + x * x, 0)) / 3, 14);
    expect(down.effectiveCount).toBe(3);
    expect(down.meanInterval.high - down.mean).toBeCloseTo(
      studentTQuantile(0.975, 2) * down.standardError,
      12,
    );
  });

  it("leaves out observations whose horizon runs past the data, and counts overlapping horizons once", () => {
    const obs = months.map((date) => ({ date, state: "any" }));
    const [three] = stateBacktest(obs, base, bench, [3]);
    expect(three!.incomplete).toBe(3); // from 2020-05-31 on, 3 months run past 2020-07-31
    expect(three!.all.count).toBe(4);
    expect(three!.all.effectiveCount).toBe(2); // ⌊4 / 3⌋ = 1, at least 2
    expect(() =>
      stateBacktest(
        [
          { date: 2, state: "a" },
          { date: 1, state: "a" },
        ],
        base,
        bench,
        [1],
      ),
    ).toThrow(InvalidArgumentError);
    expect(() => stateBacktest([], base, bench, [0])).toThrow(InvalidArgumentError);
  });

  it("property: the excess returns are the event study's, and the states partition the observations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 24, maxLength: 24 }),
        fc.array(fc.constantFrom("a", "b", "c", null), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 1, max: 6 }),
        (prices, states, h) => {
          const dates = prices.map((_, i) => addMonths(d("2010-01-31"), i));
          const b = s(dates, prices);
          const m = s(
            dates,
            dates.map((_, i) => 100 + i),
          );
          const obs = dates.map((date, i) => ({ date, state: states[i]! }));
          const [r] = stateBacktest(obs, b, m, [h]);
          const [es] = eventOutcomes({
            events: dates,
            series: { base: b, benchmark: m },
            horizons: [{ months: h, endOfMonth: true }],
          });
          obs.forEach((o, i) => {
            const e = es![i]!;
            if (o.state !== null && e.complete) expect(r!.excess[i]).toBeCloseTo(e.excessReturn, 14);
            else expect(Number.isNaN(r!.excess[i]!)).toBe(true);
          });
          expect(r!.states.reduce((a, x) => a + x.count, 0)).toBe(r!.all.count);
        },
      ),
    );
  });
});
