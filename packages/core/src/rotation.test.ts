import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycle, s } from "../test/cycles.js";
import type { RateCycle } from "./cycles.js";
import { parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import {
  DEFAULT_ROTATION_WEIGHTS,
  FREE_ROTATION_COMPONENTS,
  type RotationComponentName,
  rotationLabel,
  rotationSignal,
  rotationSignalHistory,
} from "./rotation.js";
import type { Series } from "./series.js";

// Month ends 2023-01-31 … 2024-01-31; large constant 100, so the ratio R = small / 100.
const months = [
  "2023-01-31",
  "2023-02-28",
  "2023-03-31",
  "2023-04-30",
  "2023-05-31",
  "2023-06-30",
  "2023-07-31",
  "2023-08-31",
  "2023-09-30",
  "2023-10-31",
  "2023-11-30",
  "2023-12-31",
  "2024-01-31",
].map((x) => d(x));
const R = [1, 1, 1, 1, 1, 1, 1.1, 1, 1, 1, 1, 1.02, 1.1];
const small = s(
  months,
  R.map((r) => 100 * r),
);
const large = s(
  months,
  months.map(() => 100),
);

describe("rotationSignal", () => {
  const inputs = {
    small,
    large,
    valuationPercentile: 20,
    positioningPercentile: 90,
    rateCycles: [cycle("tightening", [d("2022-03-17"), d("2023-07-27")]), cycle("easing", [d("2023-09-01")])],
    // spread 0.20 pp six months before the as-of date, 0.95 on it
    curveSpread: s([d("2023-07-31"), d("2024-01-31")], [0.2, 0.95]),
    // Sahm indicator known on the 12th: 0.30 (October), 0.60 (January)
    sahm: s([d("2023-10-12"), d("2024-01-12")], [0.3, 0.6]),
    breadth: { equal: small, cap: large },
    cyclicals: { cyclical: large, defensive: small },
  };

  it("computes each component and the composite by hand", () => {
    const r = rotationSignal(inputs, { movingAverageDays: 4 });
    const trendRaw = 1.1 / ((1 + 1 + 1.02 + 1.1) / 4) - 1; // vs mean of the last 4 ratios
    const momRaw = (0.1 + 0 + 0.1) / 3; // 3m: vs 2023-10-31 (1), 6m: vs 2023-07-31 (1.1), 12m: vs 2023-01-31 (1)
    const inverseRaw = 1 / 1.1 / ((1 + 1 + 1 / 1.02 + 1 / 1.1) / 4) - 1; // large/small against its average
    const n: Record<RotationComponentName, number> = {
      relativeTrend: trendRaw / 0.1,
      relativeMomentum: momRaw / 0.1,
      rateCycle: 1, // easing since 2023-09-01: 152 days ≤ 365
      yieldCurve: 0.5 * (0.95 / 1.5) + 0.5 * 1, // steepened 75 bp in 6 months: +1 on that half
      labour: -1, // 0.60 ≥ 0.5 and up 0.30 in 3 months
      breadth: Math.min(1, trendRaw / 0.05),
      cyclicals: Math.max(-1, inverseRaw / 0.05),
      valuation: 1 - 20 / 50,
      positioning: 1 - 90 / 50,
    };
    const byName = Object.fromEntries(r.components.map((c) => [c.name, c]));
    expect(r.asOf).toBe(d("2024-01-31"));
    expect(byName.relativeTrend!.raw).toBeCloseTo(trendRaw, 12);
    expect(byName.relativeMomentum!.raw).toBeCloseTo(momRaw, 12);
    expect(byName.rateCycle!.raw).toBe(152);
    expect(byName.yieldCurve!.raw).toBe(0.95);
    expect(byName.labour!.raw).toBe(0.6);
    expect(byName.breadth!.raw).toBeCloseTo(trendRaw, 12);
    expect(byName.cyclicals!.raw).toBeCloseTo(inverseRaw, 12);
    expect(byName.valuation!.raw).toBe(20);
    let expected = 0;
    for (const [name, v] of Object.entries(n)) {
      const c = byName[name]!;
      expect(c).toMatchObject({ available: true, status: "available" });
      expect(c.normalized).toBeCloseTo(v, 12);
      expect(c.weight).toBe(DEFAULT_ROTATION_WEIGHTS[name as RotationComponentName]);
      expect(c.effectiveWeight).toBeCloseTo(c.weight, 15);
      expected += 100 * c.weight * v;
    }
    expect(r.components.map((c) => c.name)).toEqual(Object.keys(DEFAULT_ROTATION_WEIGHTS));
    expect(r.score).toBeCloseTo(expected, 10);
    expect(r.score).toBeCloseTo(38.2442, 3);
    expect(r.label).toBe("small-cap leaning");
    expect(r.availableWeight).toBeCloseTo(1, 15);
    expect(r).toMatchObject({ totalWeight: expect.closeTo(1, 15), minimumWeight: 0.5, sufficient: true });
  });

  it("documents weights that sum to 1 with 0.80 on free data", () => {
    const sum = (names: readonly RotationComponentName[]) =>
      names.reduce((a, name) => a + DEFAULT_ROTATION_WEIGHTS[name], 0);
    expect(sum(Object.keys(DEFAULT_ROTATION_WEIGHTS) as RotationComponentName[])).toBeCloseTo(1, 15);
    expect(sum(FREE_ROTATION_COMPONENTS)).toBeCloseTo(0.8, 15);
  });

  it("reports missing inputs as no-data, renormalises, and says when less than half the weight is left", () => {
    const r = rotationSignal({ small, large, rateCycles: inputs.rateCycles }, { movingAverageDays: 4 });
    const full = rotationSignal(inputs, { movingAverageDays: 4 });
    const get = (x: typeof r, name: string) => x.components.find((c) => c.name === name)!;
    for (const name of ["yieldCurve", "labour", "breadth", "cyclicals", "valuation", "positioning"]) {
      expect(get(r, name)).toMatchObject({
        available: false,
        status: "no-data",
        effectiveWeight: 0,
        contribution: 0,
      });
      expect(Number.isNaN(get(r, name).normalized)).toBe(true);
    }
    expect(r.availableWeight).toBeCloseTo(0.45, 15);
    expect(r.sufficient).toBe(false);
    const num =
      0.15 * get(full, "relativeTrend").normalized +
      0.15 * get(full, "relativeMomentum").normalized +
      0.15 * 1;
    expect(r.score).toBeCloseTo((100 * num) / 0.45, 10);
    expect(r.components.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(r.score, 10);
    expect(get(r, "relativeTrend").effectiveWeight).toBeCloseTo(0.15 / 0.45, 15);
    // the curve brings it to 0.60 of the weight: sufficient
    const withCurve = rotationSignal(
      { small, large, rateCycles: inputs.rateCycles, curveSpread: inputs.curveSpread },
      {
        movingAverageDays: 4,
      },
    );
    expect(withCurve.availableWeight).toBeCloseTo(0.6, 15);
    expect(withCurve.sufficient).toBe(true);
    expect(rotationSignal({ small, large }, { movingAverageDays: 4, minimumWeight: 0.3 }).sufficient).toBe(
      true,
    );
  });

  it("marks stale inputs: a spread, an indicator or a rate series that ends well before the as-of date", () => {
    const asOf = d("2024-01-31");
    const status = (x: Parameters<typeof rotationSignal>[0], name: string) =>
      rotationSignal({ ...x, asOf }).components.find((c) => c.name === name)!;
    expect(status({ curveSpread: s([d("2023-06-01"), d("2024-01-15")], [1, 1]) }, "yieldCurve").status).toBe(
      "stale",
    );
    expect(status({ curveSpread: s([d("2023-06-01"), d("2024-01-17")], [1, 1]) }, "yieldCurve").status).toBe(
      "available",
    );
    expect(status({ curveSpread: s([d("2024-01-25")], [1]) }, "yieldCurve").status).toBe(
      "insufficient-history",
    );
    expect(status({ sahm: s([d("2023-09-12"), d("2023-11-12")], [0.1, 0.2]) }, "labour").status).toBe(
      "stale",
    );
    expect(status({ sahm: s([d("2023-10-12"), d("2023-12-12")], [0.1, 0.2]) }, "labour").status).toBe(
      "available",
    );
    expect(status({ rateCycles: [], rateDataEnd: d("2023-11-29") }, "rateCycle").status).toBe("stale");
    expect(status({ rateCycles: [], rateDataEnd: d("2023-11-30") }, "rateCycle").status).toBe("available");
    const priceStale = rotationSignal({ small, large, asOf: d("2024-03-01") }, { movingAverageDays: 4 });
    expect(priceStale.components[0]!.status).toBe("stale");
    expect(priceStale.components[1]!.status).toBe("stale");
  });

  it("reads valuation and positioning percentiles over time as of the date, stale after 62 days", () => {
    const history = s([d("2023-10-31"), d("2023-12-29")], [80, 10]);
    const at = (asOf: string) =>
      rotationSignal({ valuationPercentiles: history, positioningPercentiles: history, asOf: d(asOf) })
        .components;
    const v = (asOf: string) => at(asOf).find((c) => c.name === "valuation")!;
    expect(v("2023-11-30")).toMatchObject({ status: "available", raw: 80 });
    expect(v("2023-11-30").normalized).toBeCloseTo(-0.6, 12);
    expect(v("2024-01-31")).toMatchObject({ status: "available", raw: 10 });
    expect(v("2024-03-31").status).toBe("stale");
    expect(v("2023-09-30").status).toBe("insufficient-history");
    expect(at("2024-01-31").find((c) => c.name === "positioning")!.raw).toBe(10);
    // a scalar wins over the history
    expect(
      rotationSignal({
        valuationPercentile: 50,
        valuationPercentiles: history,
        asOf: d("2024-01-31"),
      }).components.find((c) => c.name === "valuation")!.raw,
    ).toBe(50);
    expect(() => rotationSignal({ valuationPercentiles: s([1], [101]) })).toThrow(InvalidArgumentError);
  });

  it("maps the labour market's phases as documented", () => {
    const phase = (values: number[]) =>
      rotationSignal({
        sahm: s([d("2024-01-12"), d("2024-04-12")], values),
        asOf: d("2024-04-30"),
      }).components.find((c) => c.name === "labour")!.normalized;
    expect(phase([0.3, 0.6])).toBe(-1);
    expect(phase([0.9, 0.6])).toBe(0.5);
    expect(phase([0.6, 0.6])).toBe(0.5);
    expect(phase([0.1, 0.35])).toBe(-0.5);
    expect(phase([0.4, 0.35])).toBe(0);
    expect(phase([0.1, 0.2])).toBe(0);
  });

  it("needs enough ratio history for the trend and 12 months for momentum", () => {
    const r = rotationSignal({ small, large }); // default 200-observation average, 13 observations
    expect(r.components[0]).toMatchObject({
      name: "relativeTrend",
      available: false,
      status: "insufficient-history",
    });
    expect(r.components[0]!.detail).toContain("200");
    expect(r.components[1]).toMatchObject({ name: "relativeMomentum", available: true });
    const short = rotationSignal({ small, large, asOf: d("2023-12-31") }, { movingAverageDays: 4 });
    expect(short.components[1]).toMatchObject({ available: false, status: "insufficient-history" });
    expect(short.asOf).toBe(d("2023-12-31"));
  });

  it("maps the rate-cycle phase as documented", () => {
    const phase = (c: RateCycle[], asOf: string) =>
      rotationSignal({ rateCycles: c, asOf: d(asOf) }).components.find((x) => x.name === "rateCycle")!;
    const easing = [cycle("easing", [d("2024-09-18"), d("2024-12-18"), d("2025-09-17")])];
    expect(phase(easing, "2025-01-01").normalized).toBe(1);
    expect(phase(easing, "2026-01-01").normalized).toBe(0.5);
    expect(phase(easing, "2026-10-01").normalized).toBe(0.25);
    expect(phase(easing, "2026-10-01").raw).toBe(d("2026-10-01") - d("2024-09-18"));
    expect(phase(easing, "2027-06-01")).toMatchObject({ available: true, normalized: 0 }); // > 400 days since last move
    expect(phase(easing, "2024-01-01")).toMatchObject({ available: true, normalized: 0 }); // before any move
    const tightening = [cycle("tightening", [d("2022-03-17"), d("2023-07-27")])];
    expect(phase(tightening, "2022-06-01").normalized).toBe(-1);
    expect(phase(tightening, "2023-08-01").normalized).toBe(-0.5);
    expect(phase([], "2023-08-01")).toMatchObject({ available: true, normalized: 0 });
    expect(rotationSignal({ rateCycles: easing }).components[2]).toMatchObject({
      available: false,
      status: "no-data",
    }); // no asOf
  });

  it("labels scores with the documented thresholds", () => {
    expect([50, 49.9, 15, 14.9, -14.9, -15, -49.9, -50, Number.NaN].map(rotationLabel)).toEqual([
      "strong small-cap leadership",
      "small-cap leaning",
      "small-cap leaning",
      "neutral",
      "neutral",
      "large-cap leaning",
      "large-cap leaning",
      "strong large-cap leadership",
      "insufficient data",
    ]);
  });

  it("gives NaN and 'insufficient data' with no inputs, and treats NaN percentiles as missing", () => {
    const r = rotationSignal({});
    expect(Number.isNaN(r.score)).toBe(true);
    expect(r.label).toBe("insufficient data");
    expect(r.sufficient).toBe(false);
    expect(r.components.every((c) => !c.available)).toBe(true);
    expect(rotationSignal({ valuationPercentile: Number.NaN }).label).toBe("insufficient data");
    expect(rotationSignal({ small: s([], []), large: s([], []) }).label).toBe("insufficient data");
  });

  it("rejects bad input with InvalidArgumentError", () => {
    expect(() => rotationSignal({ valuationPercentile: 120 })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({ positioningPercentile: -1 })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({}, { weights: { valuation: -1 } })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({}, { weights: { momentum: 1 } as never })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({}, { movingAverageDays: 1 })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({}, { minimumWeight: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({ asOf: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => rotationSignal({ curveSpread: s([1], [Number.POSITIVE_INFINITY]) })).toThrow(
      InvalidArgumentError,
    );
  });

  it("property: the history equals the signal computed date by date", () => {
    const dates = [d("2023-06-30"), d("2023-09-30"), d("2023-12-31"), d("2024-01-31"), d("2024-02-29")];
    const history = rotationSignalHistory(inputs, dates, { movingAverageDays: 4 });
    dates.forEach((date, i) => {
      expect(history[i]).toEqual(rotationSignal({ ...inputs, asOf: date }, { movingAverageDays: 4 }));
    });
  });

  it("property: the signal on a date does not depend on data dated after it (no look-ahead)", () => {
    const cut = (x: Series, day: number) => {
      const n = x.dates.findIndex((t) => t > day);
      const end = n < 0 ? x.dates.length : n;
      return s([...x.dates.slice(0, end)], [...x.values.slice(0, end)]);
    };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.double({ min: -1, max: 3, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.double({ min: -0.3, max: 2, noNaN: true }), { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 10, max: 39 }),
        (ratio, spreads, sahms, pick) => {
          const days = ratio.map((_, i) => d("2020-01-31") + i * 30);
          const sm = s(
            days,
            ratio.map((r) => 100 * r),
          );
          const lg = s(
            days,
            days.map(() => 100),
          );
          const sp = s(days, spreads);
          const sh = s(
            sahms.map((_, i) => d("2020-02-12") + i * 91),
            sahms,
          );
          const asOf = days[pick]!;
          const moves = [cycle("easing", [days[3]!, days[12]!]), cycle("tightening", [days[30]!])];
          const full = rotationSignal(
            {
              small: sm,
              large: lg,
              curveSpread: sp,
              sahm: sh,
              rateCycles: moves,
              breadth: { equal: sm, cap: lg },
              asOf,
            },
            { movingAverageDays: 5, dailyStaleDays: 31 },
          );
          const known = rotationSignal(
            {
              small: cut(sm, asOf),
              large: cut(lg, asOf),
              curveSpread: cut(sp, asOf),
              sahm: cut(sh, asOf),
              rateCycles: moves.filter((c) => c.start <= asOf),
              breadth: { equal: cut(sm, asOf), cap: cut(lg, asOf) },
              asOf,
            },
            { movingAverageDays: 5, dailyStaleDays: 31 },
          );
          expect(known.score).toBeCloseTo(full.score, 9);
          expect(known.components.map((c) => c.status)).toEqual(full.components.map((c) => c.status));
        },
      ),
    );
  });

  it("property: the score stays in [−100, 100] and the contributions sum to it", () => {
    const pct = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constant(undefined),
      fc.constant(Number.NaN),
    );
    const weight = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 0, maxLength: 300 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 0, maxLength: 300 }),
        pct,
        pct,
        fc.array(fc.record({ easing: fc.boolean(), day: fc.integer({ min: 19000, max: 19400 }) }), {
          maxLength: 5,
        }),
        fc.record({
          relativeTrend: weight,
          relativeMomentum: weight,
          valuation: weight,
          rateCycle: weight,
          positioning: weight,
          yieldCurve: weight,
          labour: weight,
        }),
        fc.integer({ min: 2, max: 50 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { maxLength: 300 }),
        (a, b, vp, pp, cs, w, ma, spreads) => {
          const dates = a.map((_, i) => 19000 + i);
          const weights = Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined));
          const r = rotationSignal(
            {
              small: s(dates, a),
              large: s(dates.slice(0, b.length), b.slice(0, a.length)),
              valuationPercentile: vp,
              positioningPercentile: pp,
              rateCycles: cs.map((c) => cycle(c.easing ? "easing" : "tightening", [c.day])),
              curveSpread: s(
                spreads.map((_, i) => 18800 + i),
                spreads,
              ),
              sahm: s(
                spreads.map((_, i) => 18800 + i),
                spreads,
              ),
            },
            { weights, movingAverageDays: ma },
          );
          if (Number.isNaN(r.score)) {
            expect(r.label).toBe("insufficient data");
          } else {
            expect(r.score).toBeGreaterThanOrEqual(-100);
            expect(r.score).toBeLessThanOrEqual(100);
            expect(r.components.reduce((x, c) => x + c.contribution, 0)).toBeCloseTo(r.score, 8);
          }
          for (const c of r.components) {
            expect(c.available).toBe(c.status === "available");
            if (c.available) {
              expect(c.normalized).toBeGreaterThanOrEqual(-1);
              expect(c.normalized).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
    );
  });
});
