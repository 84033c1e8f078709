import { describe, expect, it } from "vitest";
import { parseISODate as d, formatISODate, parseISODate } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { type EventHorizon, eventOutcomes, eventStudy, summarizeOutcomes } from "./event-study.js";
import type { Series } from "./series.js";

const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

const base = s(
  [
    d("2024-01-02"),
    d("2024-01-31"),
    d("2024-02-01"),
    d("2024-02-28"),
    d("2024-02-29"),
    d("2024-03-28"),
    d("2024-04-30"),
  ],
  [100, 104, Number.NaN, 102, 105, 110, 99],
);
const benchmark = s(
  [d("2024-01-02"), d("2024-01-31"), d("2024-02-29"), d("2024-03-29"), d("2024-04-30")],
  [200, 204, 210, 220, 230],
);
const events = [d("2024-01-31"), d("2024-01-01"), d("2024-01-03"), d("2024-03-31"), d("2024-04-15")];

describe("eventStudy — calendar months", () => {
  const r = eventStudy({ events, series: { base, benchmark }, horizons: [{ months: 1 }] });
  const h = r.horizons[0]!;

  it("uses the day-0 rule and addMonths with month-end clamping", () => {
    const e = h.events[0]!; // 2024-01-31 + 1 month = 2024-02-29
    expect(e.complete).toBe(true);
    expect(e.endDate).toBe(d("2024-02-29"));
    expect([e.entryDate, e.exitDate, e.baseEntry, e.baseExit]).toEqual([
      d("2024-01-31"),
      d("2024-02-29"),
      104,
      105,
    ]);
    expect(e.baseReturn).toBeCloseTo(105 / 104 - 1, 14);
    expect(e.benchmarkReturn).toBeCloseTo(210 / 204 - 1, 14);
    expect(e.excessReturn).toBeCloseTo(105 / 104 - 210 / 204, 14);
  });

  it("enters at the last value on or before a non-trading event date, per series", () => {
    const e = h.events[2]!; // 2024-01-03 → entry 01-02, end 02-03 → exit 01-31
    expect([e.entryDate, e.exitDate, e.baseEntry, e.baseExit]).toEqual([
      d("2024-01-02"),
      d("2024-01-31"),
      100,
      104,
    ]);
    expect(e.excessReturn).toBeCloseTo(0.04 - 0.02, 14);
    const f = h.events[3]!; // Sunday 2024-03-31: base enters 03-28, benchmark 03-29
    expect([f.entryDate, f.benchmarkEntryDate, f.exitDate]).toEqual([
      d("2024-03-28"),
      d("2024-03-29"),
      d("2024-04-30"),
    ]);
    expect(f.baseReturn).toBeCloseTo(-0.1, 14);
    expect(f.benchmarkReturn).toBeCloseTo(10 / 220, 14);
  });

  it("reports events before the data or running past it as incomplete, with a reason", () => {
    expect(h.events[1]).toMatchObject({ complete: false, reason: "starts-before-data" });
    expect(h.events[4]).toMatchObject({
      complete: false,
      reason: "ends-after-data",
      endDate: d("2024-05-15"),
    });
    expect(h.events[4]!.detail).toContain("2024-05-15");
    expect(Number.isNaN(h.events[4]!.baseReturn)).toBe(true);
    expect([h.complete, h.incomplete, h.label]).toEqual([3, 2, "1m"]);
  });

  it("summarises the complete events by hand", () => {
    const x = [105 / 104 - 210 / 204, 0.02, -0.1 - 10 / 220];
    const m = (x[0]! + x[1]! + x[2]!) / 3;
    const sd = Math.sqrt(((x[0]! - m) ** 2 + (x[1]! - m) ** 2 + (x[2]! - m) ** 2) / 2);
    const ex = h.summary.excess!;
    expect(ex.count).toBe(3);
    expect(ex.mean).toBeCloseTo(m, 14);
    expect(ex.median).toBeCloseTo(x[0]!, 14);
    expect(ex.stdDev).toBeCloseTo(sd, 14);
    expect(ex.tStat).toBeCloseTo(m / (sd / Math.sqrt(3)), 12);
    expect(ex.hitRate).toBeCloseTo(1 / 3, 14);
    expect(ex.min).toBeCloseTo(x[2]!, 14);
    expect(ex.max).toBeCloseTo(x[1]!, 14);
    expect(h.summary.base.count).toBe(3);
    expect(h.summary.base.mean).toBeCloseTo((105 / 104 - 1 + 0.04 - 0.1) / 3, 14);
    expect(h.summary.benchmark!.hitRate).toBe(1);
  });

  it("counts a horizon ending exactly on the last observation as complete", () => {
    const r2 = eventStudy({
      events: [d("2024-03-30")],
      series: { base, benchmark },
      horizons: [{ months: 1 }],
    });
    expect(r2.horizons[0]!.events[0]!.complete).toBe(true);
  });

  it("is incomplete when only the benchmark runs out", () => {
    const shortBench = s([d("2024-01-02"), d("2024-02-15")], [200, 201]);
    const r2 = eventStudy({
      events: [d("2024-01-31")],
      series: { base, benchmark: shortBench },
      horizons: [{ months: 1 }],
    });
    expect(r2.horizons[0]!.events[0]).toMatchObject({ complete: false, reason: "ends-after-data" });
    expect(r2.horizons[0]!.events[0]!.detail).toContain("benchmark");
  });
});

describe("eventStudy — trading days", () => {
  const r = eventStudy({ events, series: { base, benchmark }, horizons: [{ tradingDays: 2 }] });
  const h = r.horizons[0]!;

  it("counts valid observations of the base series (NaN rows skipped)", () => {
    // 2024-01-31 → +2 valid observations (02-01 is NaN) → 02-29
    expect([h.events[0]!.exitDate, h.events[0]!.baseExit, h.events[0]!.benchmarkExit]).toEqual([
      d("2024-02-29"),
      105,
      210,
    ]);
    // 2024-01-03 → entry 01-02, exit 02-28 (102); benchmark exits on or before 02-28: 204
    expect(h.events[2]!.baseReturn).toBeCloseTo(0.02, 14);
    expect(h.events[2]!.benchmarkReturn).toBeCloseTo(0.02, 14);
    expect(h.events[2]!.excessReturn).toBeCloseTo(0, 14);
    expect(h.events[3]).toMatchObject({ complete: false, reason: "ends-after-data" });
    expect([h.label, h.complete, h.incomplete]).toEqual(["2d", 2, 3]);
  });

  it("handles several horizons in input order", () => {
    const r2 = eventStudy({
      events,
      series: { base, benchmark },
      horizons: [{ months: 1 }, { tradingDays: 2 }, { months: 12 }],
    });
    expect(r2.horizons.map((x) => [x.label, x.complete, x.incomplete])).toEqual([
      ["1m", 3, 2],
      ["2d", 2, 3],
      ["12m", 0, 5],
    ]);
    expect(Number.isNaN(r2.horizons[2]!.summary.excess!.mean)).toBe(true);
  });
});

describe("eventStudy — edge cases and validation", () => {
  it("works without a benchmark (no excess)", () => {
    const r = eventStudy({ events: [d("2024-01-31")], series: { base }, horizons: [{ months: 1 }] });
    const h = r.horizons[0]!;
    expect(h.summary.benchmark).toBeNull();
    expect(h.summary.excess).toBeNull();
    expect(Number.isNaN(h.events[0]!.excessReturn)).toBe(true);
    expect(h.summary.base.count).toBe(1);
    expect(Number.isNaN(h.summary.base.stdDev)).toBe(true);
    expect(Number.isNaN(h.summary.base.tStat)).toBe(true);
  });

  it("handles no events, no horizons, an empty series and a single observation", () => {
    expect(
      eventStudy({ events: [], series: { base }, horizons: [{ months: 1 }] }).horizons[0]!.summary.base.count,
    ).toBe(0);
    expect(eventStudy({ events: [1], series: { base }, horizons: [] }).horizons).toEqual([]);
    const empty = eventStudy({
      events: [d("2024-01-31")],
      series: { base: s([], []) },
      horizons: [{ months: 1 }],
    });
    expect(empty.horizons[0]!.events[0]!.reason).toBe("starts-before-data");
    const one = eventStudy({ events: [5], series: { base: s([5], [10]) }, horizons: [{ tradingDays: 1 }] });
    expect(one.horizons[0]!.events[0]!.reason).toBe("ends-after-data");
  });

  it("gives NaN, not Infinity, for a constant outcome", () => {
    const flat = s([1, 2, 3, 4], [10, 10, 10, 10]);
    const r = eventStudy({ events: [1, 2], series: { base: flat }, horizons: [{ tradingDays: 1 }] });
    expect(r.horizons[0]!.summary.base).toMatchObject({ count: 2, mean: 0, stdDev: 0, hitRate: 0 });
    expect(Number.isNaN(r.horizons[0]!.summary.base.tStat)).toBe(true);
  });

  it("rejects bad input with InvalidArgumentError", () => {
    const bad =
      (horizons: EventHorizon[], ev: number[] = [1], b: Series = base) =>
      () =>
        eventStudy({ events: ev, series: { base: b }, horizons });
    expect(bad([{ months: 0 }])).toThrow(InvalidArgumentError);
    expect(bad([{ tradingDays: 1.5 }])).toThrow(InvalidArgumentError);
    expect(bad([{} as EventHorizon])).toThrow(InvalidArgumentError);
    expect(bad([{ months: 1 }], [1.5])).toThrow(InvalidArgumentError);
    expect(bad([{ months: 1 }], [1], s([1, 2], [10, -1]))).toThrow(InvalidArgumentError);
    expect(bad([{ months: 1 }], [1], s([2, 1], [10, 11]))).toThrow(InvalidArgumentError);
  });
});

describe("summarizeOutcomes", () => {
  it("matches a hand computation and skips NaN", () => {
    const r = summarizeOutcomes([0.1, -0.05, Number.NaN, 0.2]);
    const m = 0.25 / 3;
    const sd = Math.sqrt(((0.1 - m) ** 2 + (-0.05 - m) ** 2 + (0.2 - m) ** 2) / 2);
    expect(r.count).toBe(3);
    expect(r.mean).toBeCloseTo(m, 15);
    expect(r.median).toBe(0.1);
    expect(r.stdDev).toBeCloseTo(sd, 15);
    expect(r.tStat).toBeCloseTo(m / (sd / Math.sqrt(3)), 12);
    expect(r.hitRate).toBeCloseTo(2 / 3, 15);
    expect([r.min, r.max]).toEqual([-0.05, 0.2]);
  });
});

describe("endOfMonth horizons", () => {
  it("end a month-end event on the month end N months later, and leave other days alone", () => {
    const dates = ["2020-02-28", "2020-02-29", "2020-03-27", "2020-03-30", "2020-03-31"].map((x) =>
      parseISODate(x),
    );
    const base = { dates: Int32Array.from(dates), values: Float64Array.from([100, 101, 102, 103, 104]) };
    const [plain, monthEnd] = eventOutcomes({
      events: [parseISODate("2020-02-29"), parseISODate("2020-02-28")],
      series: { base },
      horizons: [{ months: 1 }, { months: 1, endOfMonth: true }],
    });
    expect(formatISODate(plain![0]!.endDate)).toBe("2020-03-29");
    expect(plain![0]!.baseReturn).toBeCloseTo(102 / 101 - 1, 14);
    expect(formatISODate(monthEnd![0]!.endDate)).toBe("2020-03-31");
    expect(monthEnd![0]!.baseReturn).toBeCloseTo(104 / 101 - 1, 14);
    expect(formatISODate(monthEnd![1]!.endDate)).toBe("2020-03-28"); // 02-28 is not the month's last day in 2020
  });
});
