import { describe, expect, it } from "vitest";
import {
  calendarDate,
  daysFromCivil,
  epochDay,
  formatISODate,
  isISODate,
  isoToEpochDay,
  MAX_DATE,
  MAX_EPOCH_DAY,
  MIN_DATE,
  MIN_EPOCH_DAY,
  monthIndex,
  parseISODate,
  ymd,
} from "./dates.js";
import { InvalidArgumentError } from "./errors.js";

const thrown = (fn: () => unknown): InvalidArgumentError => {
  try {
    fn();
  } catch (e) {
    return e as InvalidArgumentError;
  }
  throw new Error("did not throw");
};

describe("the supported calendar", () => {
  it("spans 1800-01-01 to 2199-12-31, inclusive", () => {
    expect(parseISODate(MIN_DATE)).toBe(MIN_EPOCH_DAY);
    expect(parseISODate(MAX_DATE)).toBe(MAX_EPOCH_DAY);
    expect(MIN_EPOCH_DAY).toBe(Date.UTC(1800, 0, 1) / 86_400_000);
    expect(MAX_EPOCH_DAY).toBe(Date.UTC(2199, 11, 31) / 86_400_000);
    for (const outside of [
      "1799-12-31",
      "2200-01-01",
      "0000-02-29",
      "0001-01-01",
      "0099-12-31",
      "9999-12-31",
    ]) {
      const e = thrown(() => parseISODate(outside, "range.from"));
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e.argument).toBe("range.from");
      expect(e.message).toMatch(/outside the supported calendar 1800-01-01 to 2199-12-31/);
      expect(isISODate(outside)).toBe(false);
    }
  });

  it("never maps years 0–99 to the 1900s (the Date.UTC trap)", () => {
    expect(daysFromCivil(50, 3, 1)).not.toBe(daysFromCivil(1950, 3, 1));
    expect(formatISODate(daysFromCivil(50, 3, 1))).toBe("0050-03-01");
    expect(epochDay(50, 3, 1)).toBe(daysFromCivil(50, 3, 1));
  });

  it("rejects impossible dates and other shapes, naming the argument", () => {
    for (const bad of [
      "2023-02-29",
      "1900-02-29",
      "2024-13-01",
      "2024-04-31",
      "2024-1-01",
      "20240101",
      " 2024-01-01",
    ]) {
      expect(thrown(() => parseISODate(bad, "since")).argument).toBe("since");
      expect(isISODate(bad)).toBe(false);
    }
    expect(isISODate(19984)).toBe(false);
    expect(parseISODate("2000-02-29")).toBe(11016);
  });

  it("cuts a long echoed value in the message", () => {
    const e = thrown(() => parseISODate("x".repeat(100_000), "date"));
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toMatch(/100000 characters/);
  });

  it("agrees with Date.UTC on every day of the supported calendar (property)", () => {
    for (let day = MIN_EPOCH_DAY; day <= MAX_EPOCH_DAY; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (formatISODate(day) !== iso || isoToEpochDay(iso) !== day || !isISODate(iso)) {
        throw new Error(`mismatch at ${day} (${iso})`);
      }
    }
    const { year, month, day } = ymd(19984);
    expect([year, month, day]).toEqual([2024, 9, 18]);
    expect(monthIndex(19984)).toBe(2024 * 12 + 8);
    for (let d = MIN_EPOCH_DAY; d <= MAX_EPOCH_DAY; d += 17) {
      const p = ymd(d);
      expect(monthIndex(d)).toBe(p.year * 12 + p.month - 1);
    }
  });

  it("builds dates from parts only inside the calendar", () => {
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2023, 2, 29)).toBeUndefined();
    expect(calendarDate(9999, 12, 31)).toBeUndefined();
    expect(calendarDate(1799, 12, 31)).toBeUndefined();
    expect(calendarDate(1800, 1, 1)).toBe("1800-01-01");
  });
});
