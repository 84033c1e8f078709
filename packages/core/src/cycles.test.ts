import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleStarts, detectRateCycles, detectRateMoves, type RateCycle } from "./cycles.js";
import { formatISODate, parseISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

/** Daily step series from (day, level) change points, from `first` to `last` inclusive. */
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

const summary = (cs: RateCycle[]) =>
  cs.map((c) => ({
    direction: c.direction,
    start: formatISODate(c.start),
    end: formatISODate(c.end),
    moves: c.moveCount,
    totalBp: Math.round(c.totalChangeBp),
    ongoing: c.ongoing,
  }));

describe("detectRateMoves", () => {
  it("finds each step of a clean step series with exact dates and levels", () => {
    const rate = s([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 1.25, 1.25, 1.25, 1.5, 1.5, 1.5, 1.5]);
    expect(detectRateMoves(rate)).toEqual([
      { date: 3, from: 1, to: 1.25, changeBp: 25 },
      { date: 6, from: 1.25, to: 1.5, changeBp: 25 },
    ]);
  });

  it("finds steps on consecutive observations (a staircase)", () => {
    const rate = s([1, 2, 3, 4, 5, 6], [0, 0.25, 0.5, 0.75, 0.75, 0.75]);
    expect(detectRateMoves(rate).map((m) => [m.date, m.from, m.to])).toEqual([
      [2, 0, 0.25],
      [3, 0.25, 0.5],
      [4, 0.5, 0.75],
    ]);
  });

  it("ignores changes smaller than minMoveBp, even when they accumulate in small daily steps back and forth", () => {
    const rate = s([1, 2, 3, 4, 5, 6], [5.33, 5.31, 5.35, 5.32, 5.34, 5.33]);
    expect(detectRateMoves(rate)).toEqual([]);
    expect(detectRateMoves(rate, { minMoveBp: 1, confirmObservations: 1 }).length).toBeGreaterThan(0);
  });

  it("ignores a one- or two-day spike but counts it with confirmObservations 1", () => {
    const rate = s([1, 2, 3, 4, 5, 6, 7], [2, 2, 2.5, 2.4, 2, 2, 2]);
    expect(detectRateMoves(rate)).toEqual([]);
    expect(detectRateMoves(rate, { confirmObservations: 1 }).map((m) => m.changeBp)).toEqual([50, -50]);
  });

  it("does not report a candidate in the last confirmObservations − 1 observations", () => {
    const rate = s([1, 2, 3, 4], [1, 1, 1, 1.25]);
    expect(detectRateMoves(rate)).toEqual([]);
    expect(detectRateMoves(rate, { confirmObservations: 1 })).toEqual([
      { date: 4, from: 1, to: 1.25, changeBp: 25 },
    ]);
  });

  it("skips NaN observations", () => {
    const rate = s([1, 2, 3, 4, 5, 6, 7], [1, Number.NaN, 1, 0.75, Number.NaN, 0.75, 0.75]);
    expect(detectRateMoves(rate)).toEqual([{ date: 4, from: 1, to: 0.75, changeBp: -25 }]);
  });

  it("counts exactly minMoveBp despite floating point", () => {
    const rate = s([1, 2, 3], [0.1, 0.3, 0.3]);
    expect(detectRateMoves(rate, { confirmObservations: 1 }).length).toBe(1);
  });

  it("handles empty, length-1, all-NaN and constant input", () => {
    expect(detectRateMoves(s([], []))).toEqual([]);
    expect(detectRateMoves(s([5], [1]))).toEqual([]);
    expect(detectRateMoves(s([1, 2], [Number.NaN, Number.NaN]))).toEqual([]);
    expect(detectRateMoves(s([1, 2, 3, 4], [3, 3, 3, 3]))).toEqual([]);
    expect(detectRateCycles(s([], []))).toEqual([]);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    expect(() => detectRateMoves(s([1, 2], [1, 1]), { minMoveBp: 0 })).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves(s([1, 2], [1, 1]), { confirmObservations: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => detectRateMoves(s([2, 1], [1, 1]))).toThrow(InvalidArgumentError);
    expect(() => detectRateMoves({ dates: Int32Array.from([1]), values: new Float64Array(2) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => detectRateCycles(s([1], [1]), { maxPauseDays: -1 })).toThrow(InvalidArgumentError);
  });
});

describe("detectRateCycles", () => {
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
    const cycles = detectRateCycles(rate);
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
    const cycles = detectRateCycles(rate);
    expect(cycles.map((c) => [c.direction, c.start, c.end, c.moveCount])).toEqual([
      ["easing", 10, 10, 1],
      ["easing", 411, 600, 2],
    ]);
    // 401 days apart → split; with maxPauseDays 401 they are one cycle
    expect(detectRateCycles(rate, { maxPauseDays: 401 })).toHaveLength(1);
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
    expect(detectRateCycles(rate)[0]!.ongoing).toBe(false);
    expect(detectRateCycles(rate, { ongoingWithinDays: 490 })[0]!.ongoing).toBe(true);
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
    ["2015-12-17", 0.5],
    ["2016-12-15", 0.75],
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
  const target = stepSeries(points, parseISODate("2004-01-01"), parseISODate("2026-01-30"));
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
      start: "2015-12-17",
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

  it("recovers the 2004 – 2025 Fed cycles from the target step series", () => {
    expect(summary(detectRateCycles(target))).toEqual(expected);
    expect(detectRateCycles(target)[0]!.moves.every((m) => Math.abs(m.changeBp - 25) < 1e-9)).toBe(true);
  });

  it("recovers the same cycles from an effective-rate-like series: offset, daily wiggles, spikes, blanks", () => {
    // deterministic LCG noise
    let seed = 42;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) % 4294967296;
      return seed / 4294967296;
    };
    const moveDays = new Set(points.map(([d]) => d));
    const near = (d: number) => {
      for (let k = -5; k <= 5; k++) if (moveDays.has(d + k)) return true;
      return false;
    };
    const values = new Float64Array(target.values.length);
    for (let i = 0; i < values.length; i++) {
      const d = target.dates[i]!;
      let v = target.values[i]! - 0.17 + (rand() * 4 - 2) / 100; // ±2 bp wiggle below the upper bound
      if (!near(d) && rand() < 0.01) v += 0.3 + rand() * 0.5; // one-day spike of 30–80 bp
      if (!near(d) && rand() < 0.01) v = Number.NaN; // blank
      values[i] = v;
    }
    const noisy = { dates: target.dates, values };
    expect(summary(detectRateCycles(noisy)).map((c) => ({ ...c, totalBp: 0 }))).toEqual(
      expected.map((c) => ({ ...c, totalBp: 0 })),
    );
    const totals = detectRateCycles(noisy).map((c) => c.totalChangeBp);
    for (const [i, t] of totals.entries()) expect(Math.abs(t - expected[i]!.totalBp)).toBeLessThanOrEqual(4);
  });

  // Random step series: levels move by non-zero multiples of 25 bp, each level held ≥ 3 observations.
  const stepArb = fc
    .array(fc.record({ stepQ: fc.integer({ min: -4, max: 4 }), hold: fc.integer({ min: 3, max: 12 }) }), {
      minLength: 1,
      maxLength: 30,
    })
    .map((segs) => {
      const dates: number[] = [];
      const values: number[] = [];
      let level = 3;
      let day = 0;
      for (const { stepQ, hold } of segs) {
        level += (stepQ === 0 ? 1 : stepQ) * 0.25;
        for (let h = 0; h < hold; h++) {
          dates.push(day);
          values.push(level);
          day += 1 + (h % 3) * 20; // gaps of 1, 21 and 41 days leave room for insertions
        }
      }
      return { dates, values };
    });

  it("property: inserting extra unchanged days does not change the cycles", () => {
    fc.assert(
      fc.property(stepArb, fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (base, picks, confirmOne) => {
        const opts = confirmOne ? { confirmObservations: 1 } : {};
        const before = detectRateCycles(s(base.dates, base.values), opts);
        // insert a day (value = previous observation's, or NaN) inside gaps between existing dates
        const extra = new Map<number, number>();
        for (const p of picks) {
          const i = p % Math.max(1, base.dates.length - 1);
          const gap = (base.dates[i + 1] ?? base.dates[i]!) - base.dates[i]!;
          if (gap < 2) continue;
          extra.set(base.dates[i]! + 1 + (p % (gap - 1)), p % 5 === 0 ? Number.NaN : base.values[i]!);
        }
        const rows = base.dates.map((d, i): [number, number] => [d, base.values[i]!]);
        for (const [d, v] of extra) rows.push([d, v]);
        rows.sort((a, b) => a[0] - b[0]);
        const after = detectRateCycles(
          s(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          ),
          opts,
        );
        expect(after).toEqual(before);
      }),
    );
  });

  it("property: small daily wiggles give the same cycles as the clean step series", () => {
    fc.assert(
      fc.property(
        stepArb,
        fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 400, maxLength: 400 }),
        (base, noise) => {
          const clean = detectRateCycles(s(base.dates, base.values));
          // wiggles of at most ±2 bp: a 25 bp step stays ≥ 21 bp, a non-move stays ≤ 4 bp
          const noisy = detectRateCycles(
            s(
              base.dates,
              base.values.map((v, i) => v + noise[i % noise.length]! / 10000),
            ),
          );
          const shape = (cs: RateCycle[]) =>
            cs.map((c) => [c.direction, c.start, c.end, c.moveCount, c.ongoing]);
          expect(shape(noisy)).toEqual(shape(clean));
          for (const [i, c] of noisy.entries()) {
            expect(Math.abs(c.totalChangeBp - clean[i]!.totalChangeBp)).toBeLessThanOrEqual(4);
          }
        },
      ),
    );
  });
});
