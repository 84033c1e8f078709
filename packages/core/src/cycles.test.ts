import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cycleStarts,
  cyclesFromMoves,
  detectRateCycles,
  detectRateMoves,
  inferRateFrequency,
  lastConfirmedMove,
  type RateCycle,
  type RateMove,
} from "./cycles.js";
import { dayOfWeek, formatISODate, parseISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

/** Daily step series (every calendar day, weekends included) from (day, level) change points. */
function stepSeries(points: [number, number][], first: number, last: number): Series {
  const n = last - first + 1;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  let p = 0;
  let level = points[0]![1];
  for (let i = 0; i < n; i++) {
    const d = first + i;
    while (p < points.length && points[p]![0] <= d) level = points[p++]![1];
    dates[i] = d;
    values[i] = level;
  }
  return { dates, values };
}

/** Calendar days from `from` to `to` (ISO) with a value per day. */
function daily(from: string, to: string, value: (day: number, iso: string) => number): Series {
  const a = parseISODate(from);
  const b = parseISODate(to);
  const dates: number[] = [];
  const values: number[] = [];
  for (let d = a; d <= b; d++) {
    dates.push(d);
    values.push(value(d, formatISODate(d)));
  }
  return s(dates, values);
}

const isWeekend = (d: number) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

const iso = (m: RateMove) => ({
  date: formatISODate(m.date),
  bp: Math.round(m.changeBp * 1000) / 1000,
  to: m.to,
});

const summary = (cs: RateCycle[]) =>
  cs.map((c) => ({
    direction: c.direction,
    start: formatISODate(c.start),
    end: formatISODate(c.end),
    moves: c.moveCount,
    totalBp: Math.round(c.totalChangeBp),
    ongoing: c.ongoing,
  }));

describe("detectRateMoves, step rule", () => {
  const step = { frequency: "step" } as const;

  it("finds each step of a clean step series with exact dates and levels", () => {
    const rate = s([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 1, 1.25, 1.25, 1.5, 1.5, 1.5, 1.5]);
    expect(detectRateMoves(rate, step)).toEqual([
      { date: 4, from: 1, to: 1.25, changeBp: 25, confirmedOn: 4 },
      { date: 6, from: 1.25, to: 1.5, changeBp: 25, confirmedOn: 6 },
    ]);
  });

  it("finds steps on consecutive observations, the last observation included", () => {
    const rate = s([1, 2, 3, 4], [0, 0.25, 0.5, 0.75]);
    expect(detectRateMoves(rate, step).map((m) => [m.date, m.from, m.to])).toEqual([
      [2, 0, 0.25],
      [3, 0.25, 0.5],
      [4, 0.5, 0.75],
    ]);
  });

  it("counts fine-tuning below minMoveBp as a level change, not a move; the cycle total includes it", () => {
    // 1989-style: +6.25 bp fine-tuning, then a 25 bp cut from the fine-tuned level
    const rate = s([1, 2, 3, 4], [9.75, 9.8125, 9.5625, 9.3125]);
    const moves = detectRateMoves(rate, step);
    expect(moves.map((m) => [m.date, m.from, m.to])).toEqual([
      [3, 9.8125, 9.5625],
      [4, 9.5625, 9.3125],
    ]);
    const [c] = cyclesFromMoves(moves);
    expect(c!.totalChangeBp).toBeCloseTo(-50, 9);
    expect(detectRateMoves(rate, { ...step, minMoveBp: 5 })).toHaveLength(3);
  });

  it("counts exactly minMoveBp despite floating point", () => {
    expect(detectRateMoves(s([1, 2, 3], [0.1, 0.3, 0.3]), step)).toHaveLength(1);
  });
});

describe("detectRateMoves, daily rule", () => {
  it("dates a clean step on its first day, at its level, confirmed 30 business days later", () => {
    // Tuesday 2019-07-30 → the cut takes effect Thursday 2019-08-01
    const rate = daily("2019-06-01", "2019-10-31", (_, d) => (d < "2019-08-01" ? 2.4 : 2.13));
    const moves = detectRateMoves(rate);
    expect(moves.map(iso)).toEqual([{ date: "2019-08-01", bp: -27, to: 2.13 }]);
    // business days 2019-08-01 … +29: Sep 2 (Labor Day) is a business day for the rule (Mon–Fri)
    expect(formatISODate(moves[0]!.confirmedOn)).toBe("2019-09-11");
    expect(moves[0]!.from).toBe(2.4);
  });

  it("does not report a move that the data cannot confirm yet", () => {
    const rate = daily("2024-06-01", "2024-10-15", (_, d) => (d < "2024-09-19" ? 5.33 : 4.83));
    expect(detectRateMoves(rate)).toEqual([]);
    expect(detectRateMoves(rate, { persistDays: 10 }).map(iso)).toEqual([
      { date: "2024-09-19", bp: -50, to: 4.83 },
    ]);
  });

  it("ignores a Friday spike that FRED repeats over the weekend, and a two-day spike", () => {
    const spikes = new Set(["2015-06-26", "2015-06-27", "2015-06-28", "2015-09-29", "2015-09-30"]);
    const rate = daily("2015-05-01", "2015-12-31", (_, d) => (spikes.has(d) ? 0.5 : 0.13));
    expect(detectRateMoves(rate)).toEqual([]);
  });

  it("ignores a weeks-long excursion that reverses before the level has held persistDays (August 2007)", () => {
    // two and a half weeks 35 bp below the target, back at the target for three weeks, then the real 50 bp cut
    const rate = daily("2007-05-01", "2007-12-31", (_, d) =>
      d >= "2007-08-10" && d < "2007-08-28" ? 4.9 : d < "2007-09-18" ? 5.25 : 4.75,
    );
    expect(detectRateMoves(rate).map(iso)).toEqual([{ date: "2007-09-18", bp: -50, to: 4.75 }]);
    // when only the level window must persist, the excursion is a move, and its return another
    expect(detectRateMoves(rate, { persistDays: 10 }).map(iso).slice(0, 2)).toEqual([
      { date: "2007-08-10", bp: -35, to: 4.9 },
      { date: "2007-08-28", bp: 35, to: 5.25 },
    ]);
  });

  it("takes the level that persisted, not the first day's print, and a spike before does not date the move", () => {
    const rate = daily("1994-01-01", "1994-04-30", (_, d) =>
      d === "1994-01-31" ? 3.68 : d === "1994-02-04" ? 3.3 : d < "1994-02-04" ? 3.0 : 3.25,
    );
    expect(detectRateMoves(rate).map(iso)).toEqual([{ date: "1994-02-04", bp: 25, to: 3.25 }]);
  });

  it("does not start a move on a spike: the first day at the new level that agrees with its neighbours does", () => {
    // the month-end spike of 1994-01-31 is followed at once by the new level (the market moved on 02-01)
    const rate = daily("1994-01-01", "1994-04-30", (_, d) =>
      d === "1994-01-31" ? 3.68 : d < "1994-02-01" ? 3.0 : 3.25,
    );
    expect(detectRateMoves(rate).map(iso)).toEqual([{ date: "1994-02-01", bp: 25, to: 3.25 }]);
  });

  it("measures a move from the median since the last move, so noise and drift do not accumulate", () => {
    // ±15 bp noise around 5.5 for a year: no move; then a 50 bp cut
    let seed = 7;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed / 2147483648 - 0.5) * 0.3;
    };
    const rate = daily("1997-01-01", "1998-03-31", (_, d) => (d < "1998-01-05" ? 5.5 : 5.0) + noise());
    const moves = detectRateMoves(rate);
    expect(moves).toHaveLength(1);
    expect(formatISODate(moves[0]!.date) >= "1998-01-05").toBe(true);
    expect(moves[0]!.date - parseISODate("1998-01-05")).toBeLessThanOrEqual(3);
    // the level is a 10-day median of ±15 bp noise: a few bp of sampling error
    expect(Math.abs(moves[0]!.changeBp + 50)).toBeLessThan(12);
  });

  it("levelWindowDays and persistDays of 1 find every step of a clean daily series at once", () => {
    const rate = s([1, 2, 5, 6, 7], [1, 1, 1.25, 1.25, 1.5]); // days 1..7: Fri 2, Sat 3 & Sun 4 absent
    expect(detectRateMoves(rate, { levelWindowDays: 1, persistDays: 1 }).map((m) => m.date)).toEqual([5, 7]);
  });

  it("skips NaN observations", () => {
    const rate = daily("2022-01-01", "2022-06-30", (_, d) =>
      d.endsWith("-10") ? Number.NaN : d < "2022-03-17" ? 0.08 : 0.33,
    );
    expect(detectRateMoves(rate).map(iso)).toEqual([{ date: "2022-03-17", bp: 25, to: 0.33 }]);
  });
});

describe("detectRateMoves, monthly rule", () => {
  const months = (values: number[]) =>
    s(
      values.map((_, i) =>
        parseISODate(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`),
      ),
      values,
    );

  it("dates a move on the partial month and takes the next month's level", () => {
    // a 50 bp cut in mid-March: March averages 5.25, April on 5.0
    const rate = months([5.5, 5.5, 5.25, 5.0, 5.0, 5.0]);
    expect(inferRateFrequency(rate)).toBe("monthly");
    expect(detectRateMoves(rate).map(iso)).toEqual([{ date: "2000-03-01", bp: -50, to: 5 }]);
    expect(formatISODate(detectRateMoves(rate)[0]!.confirmedOn)).toBe("2000-04-01");
  });

  it("ignores a one-month blip and a move in the last month (not confirmed yet)", () => {
    expect(detectRateMoves(months([5.5, 5.5, 5.9, 5.5, 5.5, 5.5]))).toEqual([]);
    expect(detectRateMoves(months([5.5, 5.5, 5.5, 5.5, 5.5, 5.0]))).toEqual([]);
  });

  it("applies the monthly rule when asked, even to daily dates", () => {
    const rate = s([1, 2, 3, 4], [1, 1.5, 1.5, 1.5]);
    expect(detectRateMoves(rate, { frequency: "monthly" }).map((m) => [m.date, m.to])).toEqual([[2, 1.5]]);
  });
});

describe("detectRateMoves, input", () => {
  it("handles empty, length-1, all-NaN and constant input", () => {
    for (const frequency of ["auto", "daily", "monthly", "step"] as const) {
      expect(detectRateMoves(s([], []), { frequency })).toEqual([]);
      expect(detectRateMoves(s([5], [1]), { frequency })).toEqual([]);
      expect(detectRateMoves(s([1, 2], [Number.NaN, Number.NaN]), { frequency })).toEqual([]);
      expect(detectRateMoves(s([1, 2, 3, 4], [3, 3, 3, 3]), { frequency })).toEqual([]);
    }
    expect(detectRateCycles(s([], []))).toEqual([]);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    const ok = s([1, 2], [1, 1]);
    expect(() => detectRateMoves(ok, { minMoveBp: 0 })).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(ok, { levelWindowDays: 0 })).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(ok, { levelWindowDays: 10, persistDays: 5 })).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(ok, { frequency: "weekly" as never })).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(s([2, 1], [1, 1]))).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(s([1, 2], [1, Number.POSITIVE_INFINITY]))).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves({ dates: Int32Array.from([1]), values: new Float64Array(2) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => detectRateCycles(s([1], [1]), { maxPauseDays: -1 })).toThrow(InvalidArgumentError);
  });
});

describe("detectRateCycles", () => {
  const step = { frequency: "step" } as const;

  it("groups moves into cycles with levels, totals and the ongoing flag", () => {
    // hikes on days 10 and 20, cuts on 30 and 40, data to day 49
    const rate = stepSeries(
      [
        [0, 1],
        [10, 1.25],
        [20, 1.5],
        [30, 1.25],
        [40, 0.75],
      ],
      0,
      49,
    );
    const cycles = detectRateCycles(rate, step);
    expect(cycles).toHaveLength(2);
    expect(cycles[0]).toMatchObject({
      direction: "tightening",
      start: 10,
      end: 20,
      moveCount: 2,
      totalChangeBp: 50,
      rateBefore: 1,
      rateAfter: 1.5,
      ongoing: false,
    });
    expect(cycles[1]).toMatchObject({
      direction: "easing",
      start: 30,
      end: 40,
      moveCount: 2,
      rateBefore: 1.5,
      rateAfter: 0.75,
      ongoing: true,
    });
    expect(cycles[1]!.totalChangeBp).toBeCloseTo(-75, 10);
    expect(cycles[1]!.moves.map((m) => m.date)).toEqual([30, 40]);
    expect(cycleStarts(cycles, "easing")).toEqual([30]);
    expect(cycleStarts(cycles)).toEqual([10, 30]);
  });

  it("splits same-direction moves separated by more than maxPauseDays", () => {
    const rate = stepSeries(
      [
        [0, 3],
        [10, 2.75],
        [411, 2.5],
        [600, 2.25],
      ],
      0,
      700,
    );
    const cycles = detectRateCycles(rate, step);
    expect(cycles.map((c) => [c.direction, c.start, c.end, c.moveCount])).toEqual([
      ["easing", 10, 10, 1],
      ["easing", 411, 600, 2],
    ]);
    // 401 days apart → split; with maxPauseDays 401 they are one cycle
    expect(detectRateCycles(rate, { ...step, maxPauseDays: 401 })).toHaveLength(1);
  });

  it("is not ongoing when the data end long after the last move", () => {
    const rate = stepSeries(
      [
        [0, 1],
        [10, 1.25],
      ],
      0,
      500,
    );
    expect(detectRateCycles(rate, step)[0]!.ongoing).toBe(false);
    expect(detectRateCycles(rate, { ...step, ongoingWithinDays: 490 })[0]!.ongoing).toBe(true);
  });

  // Fed funds target (upper bound from 2008-12-16), 2004 – 2025, as daily steps.
  const history: [string, number][] = [
    ["2004-01-01", 1.0],
    ["2004-06-30", 1.25],
    ["2004-08-10", 1.5],
    ["2004-09-21", 1.75],
    ["2004-11-10", 2.0],
    ["2004-12-14", 2.25],
    ["2005-02-02", 2.5],
    ["2005-03-22", 2.75],
    ["2005-05-03", 3.0],
    ["2005-06-30", 3.25],
    ["2005-08-09", 3.5],
    ["2005-09-20", 3.75],
    ["2005-11-01", 4.0],
    ["2005-12-13", 4.25],
    ["2006-01-31", 4.5],
    ["2006-03-28", 4.75],
    ["2006-05-10", 5.0],
    ["2006-06-29", 5.25],
    ["2007-09-18", 4.75],
    ["2007-10-31", 4.5],
    ["2007-12-11", 4.25],
    ["2008-01-22", 3.5],
    ["2008-01-30", 3.0],
    ["2008-03-18", 2.25],
    ["2008-04-30", 2.0],
    ["2008-10-08", 1.5],
    ["2008-10-29", 1.0],
    ["2008-12-16", 0.25],
    ["2015-12-16", 0.5],
    ["2016-12-14", 0.75],
    ["2017-03-16", 1.0],
    ["2017-06-15", 1.25],
    ["2017-12-14", 1.5],
    ["2018-03-22", 1.75],
    ["2018-06-14", 2.0],
    ["2018-09-27", 2.25],
    ["2018-12-20", 2.5],
    ["2019-08-01", 2.25],
    ["2019-09-19", 2.0],
    ["2019-10-31", 1.75],
    ["2020-03-04", 1.25],
    ["2020-03-16", 0.25],
    ["2022-03-17", 0.5],
    ["2022-05-05", 1.0],
    ["2022-06-16", 1.75],
    ["2022-07-28", 2.5],
    ["2022-09-22", 3.25],
    ["2022-11-03", 4.0],
    ["2022-12-15", 4.5],
    ["2023-02-02", 4.75],
    ["2023-03-23", 5.0],
    ["2023-05-04", 5.25],
    ["2023-07-27", 5.5],
    ["2024-09-19", 5.0],
    ["2024-11-08", 4.75],
    ["2024-12-19", 4.5],
    ["2025-09-18", 4.25],
    ["2025-10-30", 4.0],
    ["2025-12-11", 3.75],
  ];
  const points = history.map(([d, v]): [number, number] => [parseISODate(d), v]);
  const target = stepSeries(points, parseISODate("2004-01-01"), parseISODate("2026-03-31"));
  const expected = [
    {
      direction: "tightening",
      start: "2004-06-30",
      end: "2006-06-29",
      moves: 17,
      totalBp: 425,
      ongoing: false,
    },
    { direction: "easing", start: "2007-09-18", end: "2008-12-16", moves: 10, totalBp: -500, ongoing: false },
    {
      direction: "tightening",
      start: "2015-12-16",
      end: "2018-12-20",
      moves: 9,
      totalBp: 225,
      ongoing: false,
    },
    { direction: "easing", start: "2019-08-01", end: "2020-03-16", moves: 5, totalBp: -225, ongoing: false },
    {
      direction: "tightening",
      start: "2022-03-17",
      end: "2023-07-27",
      moves: 11,
      totalBp: 525,
      ongoing: false,
    },
    { direction: "easing", start: "2024-09-19", end: "2025-12-11", moves: 6, totalBp: -175, ongoing: true },
  ];

  it("recovers the 2004 – 2025 Fed cycles from the target step series, by the step and by the daily rule", () => {
    expect(summary(detectRateCycles(target, step))).toEqual(expected);
    expect(detectRateCycles(target, step)[0]!.moves.every((m) => Math.abs(m.changeBp - 25) < 1e-9)).toBe(
      true,
    );
    // the daily rule finds the same cycles on the same dates; moves closer than levelWindowDays merge
    const byDaily = summary(detectRateCycles(target)).map((c) => ({ ...c, moves: 0 }));
    expect(byDaily).toEqual(expected.map((c) => ({ ...c, moves: 0 })));
  });

  it("recovers the same cycles from an effective-rate-like series: offset, wiggles, weekend-repeated spikes, blanks", () => {
    // deterministic LCG noise
    let seed = 42;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) % 4294967296;
      return seed / 4294967296;
    };
    const moveDays = points.map(([d]) => d);
    const near = (d: number) => moveDays.some((m) => Math.abs(m - d) <= 5);
    const values = new Float64Array(target.values.length);
    let spike = 0;
    for (let i = 0; i < values.length; i++) {
      const d = target.dates[i]!;
      let v = target.values[i]! - 0.17 + (rand() * 4 - 2) / 100; // ±2 bp wiggle below the upper bound
      if (isWeekend(d))
        v = values[i - 1] ?? v; // FRED repeats Friday over the weekend
      else if (spike > 0) {
        v += 0.4;
        spike--;
      } else if (!near(d) && rand() < 0.01) {
        spike = Math.floor(rand() * 2); // a one- or two-day spike of 40 bp
        v += 0.4;
      }
      if (!near(d) && !isWeekend(d) && rand() < 0.01) v = Number.NaN; // blank
      values[i] = v;
    }
    const noisy = { dates: target.dates, values };
    expect(summary(detectRateCycles(noisy)).map((c) => ({ ...c, totalBp: 0, moves: 0 }))).toEqual(
      expected.map((c) => ({ ...c, totalBp: 0, moves: 0 })),
    );
    const totals = detectRateCycles(noisy).map((c) => c.totalChangeBp);
    for (const [i, t] of totals.entries()) expect(Math.abs(t - expected[i]!.totalBp)).toBeLessThanOrEqual(4);
  });

  // Random daily step series: levels move by non-zero multiples of 25 bp, each level held 30–90 calendar days
  // of business days (≥ 42 calendar days), every calendar day present.
  const dailySteps = fc
    .array(fc.record({ stepQ: fc.integer({ min: -4, max: 4 }), hold: fc.integer({ min: 45, max: 120 }) }), {
      minLength: 1,
      maxLength: 12,
    })
    .map((segs) => {
      const dates: number[] = [];
      const values: number[] = [];
      const changes: number[] = [];
      let level = 3;
      let day = parseISODate("2001-01-01");
      for (const [i, { stepQ, hold }] of segs.entries()) {
        if (i > 0) {
          level += (stepQ === 0 ? 1 : stepQ) * 0.25;
          changes.push(day);
        }
        for (let h = 0; h < hold; h++) {
          dates.push(day++);
          values.push(level);
        }
      }
      return { dates, values, changes };
    });

  it("property: on a clean daily step series the daily rule finds every step on its day, at its level", () => {
    fc.assert(
      fc.property(dailySteps, (base) => {
        const moves = detectRateMoves(s(base.dates, base.values));
        // a change falling on a weekend shows on the next Monday; the last step may still be unconfirmed
        const shown = base.changes.map((d) => {
          let x = d;
          while (isWeekend(x)) x++;
          return x;
        });
        expect(moves.map((m) => m.date)).toEqual(shown.slice(0, moves.length));
        expect(base.changes.length - moves.length).toBeLessThanOrEqual(1);
        for (const m of moves) expect(Math.abs(m.changeBp) % 25).toBeCloseTo(0, 9);
      }),
    );
  });

  it("property: weekend observations, whatever their values, never change the daily rule's result", () => {
    fc.assert(
      fc.property(
        dailySteps,
        fc.array(fc.double({ min: -5, max: 15, noNaN: true }), { minLength: 1 }),
        (base, junk) => {
          const weekdays = base.dates
            .map((d, i): [number, number] => [d, base.values[i]!])
            .filter(([d]) => !isWeekend(d));
          const clean = detectRateMoves(
            s(
              weekdays.map((r) => r[0]),
              weekdays.map((r) => r[1]),
            ),
          );
          const withJunk = detectRateMoves(
            s(
              base.dates,
              base.values.map((v, i) => (isWeekend(base.dates[i]!) ? junk[i % junk.length]! : v)),
            ),
          );
          expect(withJunk).toEqual(clean);
        },
      ),
    );
  });

  it("property: the step rule ignores inserted unchanged days and blanks", () => {
    fc.assert(
      fc.property(dailySteps, fc.array(fc.nat(), { maxLength: 40 }), (base, picks) => {
        const sparse = base.dates
          .map((d, i): [number, number] => [d, base.values[i]!])
          .filter((_, i) => i % 7 === 0 || base.changes.includes(base.dates[i]!));
        const before = detectRateCycles(
          s(
            sparse.map((r) => r[0]),
            sparse.map((r) => r[1]),
          ),
          { frequency: "step" },
        );
        const rows = new Map(sparse);
        for (const p of picks) {
          const i = p % base.dates.length;
          if (!rows.has(base.dates[i]!)) rows.set(base.dates[i]!, p % 5 === 0 ? Number.NaN : base.values[i]!);
        }
        const all = [...rows].sort((a, b) => a[0] - b[0]);
        const after = detectRateCycles(
          s(
            all.map((r) => r[0]),
            all.map((r) => r[1]),
          ),
          { frequency: "step" },
        );
        expect(after).toEqual(before);
      }),
    );
  });

  it("property: ±2 bp noise and isolated spikes away from the steps do not change the daily rule's dates", () => {
    // steps are ≥ 25 bp and the threshold 20 bp: ±2 bp on the value and on the anchor stays inside the 5 bp margin
    fc.assert(
      fc.property(
        dailySteps,
        fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 50, maxLength: 50 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (base, noise, spikeAt) => {
          const clean = detectRateMoves(s(base.dates, base.values));
          const values = base.values.map((v, i) => v + noise[i % noise.length]! / 10000);
          const spiked: number[] = [];
          for (const p of spikeAt) {
            const i = p % values.length;
            const d = base.dates[i]!;
            // one-day spikes, away from the steps and from each other
            if (base.changes.some((c) => Math.abs(c - d) <= 10) || spiked.some((x) => Math.abs(x - d) <= 7))
              continue;
            spiked.push(d);
            values[i] = values[i]! + 0.6;
          }
          const noisy = detectRateMoves(s(base.dates, values));
          expect(noisy.map((m) => m.date)).toEqual(clean.map((m) => m.date));
          for (const [i, m] of noisy.entries())
            expect(Math.abs(m.changeBp - clean[i]!.changeBp)).toBeLessThan(5);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("cyclesFromMoves", () => {
  it("groups given moves, and no cycle is ongoing without the data's last date", () => {
    const m = (date: number, from: number, to: number): RateMove => ({
      date,
      from,
      to,
      changeBp: (to - from) * 100,
      confirmedOn: date,
    });
    const moves = [m(10, 1, 1.25), m(20, 1.25, 1.5), m(30, 1.5, 1.25)];
    expect(cyclesFromMoves(moves).map((c) => [c.direction, c.start, c.end, c.ongoing])).toEqual([
      ["tightening", 10, 20, false],
      ["easing", 30, 30, false],
    ]);
    expect(cyclesFromMoves(moves, { lastDataDate: 40 }).at(-1)!.ongoing).toBe(true);
    expect(() => cyclesFromMoves(moves, { ongoingWithinDays: -1 })).toThrow(InvalidArgumentError);
  });
});

describe("lastConfirmedMove", () => {
  it("reads the Fed's last move as it could be known on a date (confirmedOn)", () => {
    const m = (date: number, confirmedOn: number): RateMove => ({
      date,
      from: 2,
      to: 1.75,
      changeBp: -25,
      confirmedOn,
    });
    const easing = cyclesFromMoves([m(10, 10), m(20, 30)]);
    const hike = cyclesFromMoves([{ date: 40, from: 1.5, to: 1.75, changeBp: 25, confirmedOn: 45 }]);
    const all = [...easing, ...hike];
    expect(lastConfirmedMove(all, 5)).toBeNull();
    expect(lastConfirmedMove(all, 25)).toMatchObject({ date: 10, cycle: { direction: "easing" } });
    expect(lastConfirmedMove(all, 30)).toMatchObject({ date: 20 });
    expect(lastConfirmedMove(all, 44)).toMatchObject({ date: 20, cycle: { direction: "easing" } });
    expect(lastConfirmedMove(all, 45)).toMatchObject({ date: 40, cycle: { direction: "tightening" } });
  });
});
