import { formatISODate, MAX_EPOCH_DAY, MIN_EPOCH_DAY } from "@cyclelens/core";
import { describe, expect, it } from "vitest";
import { formatDay } from "./day-format.js";

describe("formatDay (the Date scalar's formatter)", () => {
  it("equals toISOString for every day of the supported calendar, on a miss and on a hit", () => {
    let checked = 0;
    for (let pass = 0; pass < 2; pass++)
      for (let day = MIN_EPOCH_DAY; day <= MAX_EPOCH_DAY; day++) {
        const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const got = formatDay(day);
        if (got !== expected) expect(got, `day ${day}`).toBe(expected);
        checked++;
      }
    expect(checked).toBe(2 * 146_097);
    expect(formatDay(MIN_EPOCH_DAY)).toBe("1800-01-01");
    expect(formatDay(MAX_EPOCH_DAY)).toBe("2199-12-31");
  });

  it("formats days outside the calendar like formatISODate, without caching them", () => {
    for (const day of [MIN_EPOCH_DAY - 1, MAX_EPOCH_DAY + 1, -800_000, 3_000_000])
      expect(formatDay(day)).toBe(formatISODate(day));
  });
});
