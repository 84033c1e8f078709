import { describe, expect, it } from "vitest";
import { daysFromCivil, epochDayToISO, isISODate, isoToEpochDay } from "./dates.js";

describe("dates", () => {
  it("validates ISO calendar dates", () => {
    for (const ok of ["2024-02-29", "2000-02-29", "1970-01-01", "2026-11-20", "1999-12-31"])
      expect(isISODate(ok)).toBe(true);
    for (const bad of [
      "2023-02-29",
      "1900-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-04-31",
      "2024-1-01",
      "2024/01/01",
      "20240101",
      "0000-02-29",
      "9999-12-31",
      "1799-12-31",
      "2200-01-01",
      "",
      19984,
      null,
    ])
      expect(isISODate(bad)).toBe(false);
  });

  it("converts to and from epoch days without time-zone drift", () => {
    expect(isoToEpochDay("1970-01-01")).toBe(0);
    expect(isoToEpochDay("2024-09-18")).toBe(19984);
    expect(daysFromCivil(1960, 3, 1)).toBe(-3593);
    for (let d = -20_000; d < 40_000; d += 37) expect(isoToEpochDay(epochDayToISO(d))).toBe(d);
  });
});
