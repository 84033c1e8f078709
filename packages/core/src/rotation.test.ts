import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RateCycle } from "./cycles.js";
import { parseISODate as d } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { DEFAULT_ROTATION_WEIGHTS, rotationLabel, rotationSignal } from "./rotation.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

const cycle = (direction: "easing" | "tightening", moveDates: number[]): RateCycle => ({
  direction,
  start: moveDates[0]!,
  end: moveDates[moveDates.length - 1]!,
  moves: moveDates.map((date) => ({
    date,
    from: 1,
    to: 1,
    changeBp: direction === "easing" ? -25 : 25,
    confirmedOn: date,
  })),
  moveCount: moveDates.length,
  totalChangeBp: 0,
  rateBefore: 1,
  rateAfter: 1,
  ongoing: false,
});

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
  };

  it("computes each component and the composite by hand", () => {
    const r = rotationSignal(inputs, { movingAverageDays: 4 });
    const trendRaw = 1.1 / ((1 + 1 + 1.02 + 1.1) / 4) - 1; // vs mean of the last 4 ratios
    const momRaw = (0.1 + 0 + 0.1) / 3; // 3m: vs 2023-10-31 (1), 6m: vs 2023-07-31 (1.1), 12m: vs 2023-01-31 (1)
    const n = {
      relativeTrend: trendRaw / 0.1,
      relativeMomentum: momRaw / 0.1,
      valuation: 1 - 20 / 50,
      rateCycle: 1, // easing since 2023-09-01: 152 days ≤ 365
      positioning: 1 - 90 / 50,
    };
    const byName = Object.fromEntries(r.components.map((c) => [c.name, c]));
    expect(r.asOf).toBe(d("2024-01-31"));
    expect(byName.relativeTrend!.raw).toBeCloseTo(trendRaw, 12);
    expect(byName.relativeMomentum!.raw).toBeCloseTo(momRaw, 12);
    expect(byName.rateCycle!.raw).toBe(152);
    expect(byName.valuation!.raw).toBe(20);
    let expected = 0;
    for (const [name, v] of Object.entries(n)) {
      const c = byName[name]!;
      expect(c.available).toBe(true);
      expect(c.normalized).toBeCloseTo(v, 12);
      expect(c.weight).toBe(DEFAULT_ROTATION_WEIGHTS[name as keyof typeof DEFAULT_ROTATION_WEIGHTS]);
      expect(c.effectiveWeight).toBe(c.weight);
      expected += 100 * c.weight * v;
    }
    expect(r.score).toBeCloseTo(expected, 10);
    expect(r.score).toBeCloseTo(51.9255, 3);
    expect(r.label).toBe("strong small-cap leadership");
    expect(r.availableWeight).toBeCloseTo(1, 15);
  });

  it("reports missing inputs as unavailable and renormalises the remaining weights", () => {
    const r = rotationSignal({ small, large, rateCycles: inputs.rateCycles }, { movingAverageDays: 4 });
    const full = rotationSignal(inputs, { movingAverageDays: 4 });
    const get = (x: typeof r, name: string) => x.components.find((c) => c.name === name)!;
    expect(get(r, "valuation")).toMatchObject({ available: false, effectiveWeight: 0, contribution: 0 });
    expect(Number.isNaN(get(r, "valuation").normalized)).toBe(true);
    expect(r.availableWeight).toBeCloseTo(0.65, 15);
    const num =
      0.2 * get(full, "relativeTrend").normalized + 0.2 * get(full, "relativeMomentum").normalized + 0.25 * 1;
    expect(r.score).toBeCloseTo((100 * num) / 0.65, 10);
    expect(r.components.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(r.score, 10);
    expect(get(r, "relativeTrend").effectiveWeight).toBeCloseTo(0.2 / 0.65, 15);
  });

  it("needs enough ratio history for the trend and 12 months for momentum", () => {
    const r = rotationSignal({ small, large }); // default 200-observation average, 13 observations
    expect(r.components[0]).toMatchObject({ name: "relativeTrend", available: false });
    expect(r.components[0]!.detail).toContain("200");
    expect(r.components[1]).toMatchObject({ name: "relativeMomentum", available: true });
    const short = rotationSignal({ small, large, asOf: d("2023-12-31") }, { movingAverageDays: 4 });
    expect(short.components[1]!.available).toBe(false); // 12 months before 2023-12-31 is before the data
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
    expect(rotationSignal({ rateCycles: easing }).components[3]!.available).toBe(false); // no asOf
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
    expect(() => rotationSignal({ asOf: 1.5 })).toThrow(InvalidArgumentError);
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
        }),
        fc.integer({ min: 2, max: 50 }),
        (a, b, vp, pp, cs, w, ma) => {
          const dates = a.map((_, i) => 19000 + i);
          const weights = Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined));
          const r = rotationSignal(
            {
              small: s(dates, a),
              large: s(dates.slice(0, b.length), b.slice(0, a.length)),
              valuationPercentile: vp,
              positioningPercentile: pp,
              rateCycles: cs.map((c) => cycle(c.easing ? "easing" : "tightening", [c.day])),
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
