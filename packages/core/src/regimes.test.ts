import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycle, s } from "../test/cycles.js";
import { fredFixture } from "../test/fred.js";
import { addMonths, parseISODate as d, formatISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { knownOnSeries, sahmIndicator } from "./labour.js";
import {
  cycleSimilarity,
  monthEndDates,
  prepareRegimes,
  REGIME_FEATURES,
  type RegimeState,
  regimeFeatures,
  robustScale,
} from "./regimes.js";
import type { Series } from "./series.js";
import { curveSpread } from "./yield-curve.js";

describe("monthEndDates", () => {
  it("lists the last day of every month in the range", () => {
    expect(monthEndDates(d("2024-01-15"), d("2024-03-02")).map(formatISODate)).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
    ]);
    expect(monthEndDates(d("2024-05-31"), d("2024-05-31")).map(formatISODate)).toEqual(["2024-05-31"]);
    expect(monthEndDates(d("2024-06-01"), d("2024-05-31"))).toEqual([]);
  });
});

describe("prepareRegimes", () => {
  it("reads each signal's state as known on the date (hand-checked)", () => {
    const p = prepareRegimes(
      {
        rateCycles: [
          cycle("tightening", [d("2022-03-17"), d("2023-07-27")]),
          cycle("easing", [d("2024-09-19")], 30),
        ],
        rateDataEnd: d("2025-12-31"),
        curveSpread: s(
          [d("2024-03-01"), d("2024-08-30"), d("2024-09-03"), d("2024-09-04"), d("2024-10-30")],
          [-0.4, -0.1, 0.1, 0.2, 0.3],
        ),
        sahm: s([d("2024-06-12"), d("2024-08-12"), d("2024-09-12")], [0.2, 0.53, 0.57]),
        recession: s([d("2024-08-01"), d("2024-09-01"), d("2024-10-01")], [0, 0, 0]),
      },
      { confirmDays: 2 },
    );
    const sep = p.at(d("2024-09-30"));
    // the cut of 2024-09-19 is confirmed 30 days later: still the tightening cycle, > 400 days old → on hold
    expect(sep.policy).toMatchObject({ status: "available", phase: "on-hold", lastMove: d("2023-07-27") });
    const oct = p.at(d("2024-10-31"));
    expect(oct.policy).toMatchObject({ phase: "easing", cycleStart: d("2024-09-19"), daysIntoCycle: 42 });
    // un-inverted 2024-09-03, confirmed 2024-09-04
    expect(p.at(d("2024-09-03")).curve.phase).toBe("inverted");
    expect(sep.curve).toMatchObject({ status: "stale" }); // the spread's last day before 09-30 is 09-04: 26 days
    expect(oct.curve).toMatchObject({
      status: "available",
      phase: "re-steepening",
      spread: 0.3,
      lastUninversion: d("2024-09-03"),
    });
    expect(oct.curve.steepeningSinceTroughBp).toBeCloseTo(70, 10);
    expect(sep.labour).toMatchObject({ status: "available", phase: "triggered", sahm: 0.57 });
    expect(sep.labour.change3m).toBeCloseTo(0.37, 12); // vs the value known on 2024-06-30
    expect(sep.recession).toEqual({ status: "available", inRecession: false });
    expect(p.at(d("2024-11-30")).recession).toEqual({ status: "stale", inRecession: null }); // USREC ends 2024-10-31
    expect(p.at(d("2024-07-31")).recession).toEqual({ status: "insufficient-history", inRecession: null });
    expect(sep.leadership.status).toBe("no-data");
    expect(p.at(d("2026-06-30")).policy.status).toBe("stale");
    expect(() => p.at(1.5)).toThrow(InvalidArgumentError);
  });

  it("gives leadership from the small/large ratio against its moving average", () => {
    const days = Array.from({ length: 10 }, (_, i) => d("2024-01-01") + i);
    const p = prepareRegimes(
      {
        small: s(days, [1, 1, 1, 1, 1, 2, 2, 2, 2, 0.5]),
        large: s(
          days,
          days.map(() => 1),
        ),
      },
      { movingAverageDays: 3 },
    );
    expect(p.at(days[1]!).leadership.status).toBe("insufficient-history");
    expect(p.at(days[6]!).leadership).toMatchObject({ status: "available", leader: "small" });
    expect(p.at(days[9]!).leadership).toMatchObject({ leader: "large" });
  });

  it("property: every state but the recession flag uses nothing dated after its date", () => {
    const cut = (x: Series, day: number) => {
      const n = x.dates.findIndex((t) => t > day);
      return n < 0 ? x : s([...x.dates.slice(0, n)], [...x.values.slice(0, n)]);
    };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 59 }),
        (spreads, ratio, pick) => {
          const days = spreads.map((_, i) => d("2015-01-05") + i * 7);
          const sm = s(days, ratio);
          const lg = s(
            days,
            days.map(() => 1),
          );
          const sp = s(days, spreads);
          const sahm = s(
            days.filter((_, i) => i % 4 === 0),
            spreads.filter((_, i) => i % 4 === 0),
          );
          const date = days[pick]!;
          const opts = { movingAverageDays: 4, confirmDays: 3 };
          const full = prepareRegimes({ small: sm, large: lg, curveSpread: sp, sahm }, opts).at(date);
          const known = prepareRegimes(
            { small: cut(sm, date), large: cut(lg, date), curveSpread: cut(sp, date), sahm: cut(sahm, date) },
            opts,
          ).at(date);
          expect(known).toEqual(full);
        },
      ),
    );
  });
});

describe("cycleSimilarity", () => {
  const state = (
    date: number,
    x: Partial<Record<string, number>>,
    phase: "easing" | "tightening" | "on-hold" = "easing",
  ): RegimeState => ({
    date,
    policy: { status: "available", phase, cycleStart: 0, daysIntoCycle: 0, lastMove: 0 },
    curve: {
      status: "available",
      phase: "normal",
      spread: x.spread ?? 0,
      change6m: x.change ?? 0,
      steepeningSinceTroughBp: 0,
      lastUninversion: Number.NaN,
    },
    labour:
      x.sahm === undefined
        ? { status: "no-data", phase: null, sahm: Number.NaN, change3m: Number.NaN }
        : { status: "available", phase: "calm", sahm: x.sahm, change3m: 0 },
    recession: { status: "no-data", inRecession: null },
    leadership: { status: "available", leader: "small", vsAverage: x.lead ?? 0, change6m: x.lead6 ?? 0 },
  });

  it("is 100 for identical readings and exp(−½·mean z²) otherwise (hand-checked)", () => {
    const history = [0, 1, 2, 3, 4].map((i) =>
      state(i, { spread: i, change: i, lead: i / 10, lead6: i / 10, sahm: i }),
    );
    // robust scales: spread/change/sahm 1.4826 (MAD 1), leadership 0.14826
    const today = state(10, { spread: 1, change: 1, lead: 0.1, lead6: 0.1, sahm: 1 });
    const [same, apart] = cycleSimilarity(
      today,
      [
        state(5, { spread: 1, change: 1, lead: 0.1, lead6: 0.1, sahm: 1 }),
        state(6, { spread: 2.4826, change: 1, lead: 0.1, lead6: 0.1 }, "tightening"),
      ],
      history,
    );
    expect(same!.score).toBeCloseTo(100, 12);
    expect(same!.compared).toBe(6);
    // then: spread one scale away, policy 2 apart (easing vs tightening), Sahm unknown → 5 features
    expect(apart!.compared).toBe(5);
    expect(apart!.features.find((f) => f.feature === "sahm")!.distance).toBeNaN();
    expect(apart!.features.find((f) => f.feature === "policyPhase")!.distance).toBe(2);
    expect(apart!.score).toBeCloseTo(100 * Math.exp(-0.5 * ((1 + 4) / 5)), 10);
    expect(REGIME_FEATURES).toHaveLength(6);
    expect(regimeFeatures(today).policyPhase).toBe(1);
  });

  it("gives no score with fewer than minFeatures features known on both dates", () => {
    const history = [0, 1, 2, 3, 4].map((i) => state(i, { spread: i }));
    const bare: RegimeState = {
      ...state(1, {}),
      curve: {
        status: "no-data",
        phase: null,
        spread: Number.NaN,
        change6m: Number.NaN,
        steepeningSinceTroughBp: Number.NaN,
        lastUninversion: Number.NaN,
      },
      leadership: { status: "no-data", leader: null, vsAverage: Number.NaN, change6m: Number.NaN },
    };
    const [r] = cycleSimilarity(state(9, { spread: 1 }), [bare], history);
    expect(r!.compared).toBe(1); // the policy phase alone
    expect(r!.score).toBeNaN();
    expect(cycleSimilarity(state(9, { spread: 1 }), [bare], history, { minFeatures: 1 })[0]!.score).toBe(100);
    expect(() => cycleSimilarity(state(9, {}), [], history, { minFeatures: 7 })).toThrow(
      InvalidArgumentError,
    );
  });

  it("caps a feature's distance at 3 scales", () => {
    const history = [0, 1, 2, 3, 4].map((i) => state(i, { spread: i }));
    const [far] = cycleSimilarity(state(9, { spread: 100 }), [state(1, { spread: 0 })], history);
    expect(far!.features.find((f) => f.feature === "curveSpread")!.distance).toBe(3);
  });

  it("robustScale: 1.4826 × MAD, the standard deviation when MAD is 0", () => {
    expect(robustScale([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
    expect(robustScale([1, 1, 1, 1, 5])).toBeCloseTo(Math.sqrt(3.2), 12);
    expect(robustScale([2])).toBeNaN();
    expect(robustScale([2, 2])).toBeNaN();
  });
});

describe("on FRED's data (fixtures)", () => {
  it("shows the 2001 and 2008 recessions with the labour market triggered and the curve re-steepening", () => {
    const p = prepareRegimes({
      curveSpread: curveSpread(fredFixture("DGS10.csv"), fredFixture("DGS2.csv")),
      sahm: knownOnSeries(sahmIndicator(fredFixture("UNRATE.csv"))),
      recession: fredFixture("USREC.csv"),
    });
    const mid2001 = p.at(d("2001-09-28"));
    expect(mid2001.recession.inRecession).toBe(true);
    expect(mid2001.curve.phase).toBe("re-steepening"); // un-inverted 2000-12-29
    expect(mid2001.labour.phase).toBe("triggered"); // 0.53 for June 2001, known 2001-07-12 → 0.7 for August
    const months = monthEndDates(d("2008-01-01"), d("2009-06-30")).map((m) => p.at(m));
    expect(months.every((m) => m.recession.inRecession)).toBe(true);
    expect(months.filter((m) => m.labour.phase === "triggered").length).toBeGreaterThanOrEqual(14);
    expect(formatISODate(addMonths(d("2024-08-31"), 0))).toBe("2024-08-31");
    expect(p.at(d("2024-08-30")).curve.phase).toBe("inverted");
    expect(p.at(d("2024-10-31")).curve.phase).toBe("re-steepening");
  });
});
