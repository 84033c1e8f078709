import { describe, expect, it } from "vitest";
import { daysFromCivil, epochDayToISO } from "../dates.js";
import { easterSunday, nyseHolidays, tradingDays } from "./calendar.js";

const d = (iso: string) => daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
const year = (y: number) => tradingDays(d(`${y}-01-01`), d(`${y}-12-31`));
const holidays = (y: number) => nyseHolidays(y).map(epochDayToISO);

describe("NYSE calendar", () => {
  it("has 252 trading days in 2024", () => {
    expect(year(2024)).toHaveLength(252);
    expect(holidays(2024)).toEqual([
      "2024-01-01",
      "2024-01-15",
      "2024-02-19",
      "2024-03-29",
      "2024-05-27",
      "2024-06-19",
      "2024-07-04",
      "2024-09-02",
      "2024-11-28",
      "2024-12-25",
    ]);
  });

  it.each([
    [2000, 252],
    [2001, 248],
    [2004, 252],
    [2007, 251],
    [2008, 253],
    [2012, 250],
    [2018, 251],
    [2019, 252],
    [2020, 253],
    [2021, 252],
    [2022, 251],
    [2023, 250],
    [2025, 250],
  ])("has the real number of trading days in %i (%i)", (y, n) => {
    expect(year(y)).toHaveLength(n);
  });

  it("computes Easter", () => {
    expect(epochDayToISO(easterSunday(2024))).toBe("2024-03-31");
    expect(epochDayToISO(easterSunday(2025))).toBe("2025-04-20");
    expect(epochDayToISO(easterSunday(2000))).toBe("2000-04-23");
  });

  it("observes Saturday holidays on Friday and Sunday holidays on Monday, but not a Saturday New Year", () => {
    expect(holidays(2021)).toContain("2021-12-24"); // Christmas on Saturday
    expect(holidays(2021)).toContain("2021-07-05"); // July 4 on Sunday
    expect(holidays(2021)).not.toContain("2021-06-18"); // no Juneteenth before 2022
    expect(holidays(2022)).toContain("2022-06-20"); // Juneteenth on Sunday
    expect(holidays(2022)).not.toContain("2021-12-31");
    expect(year(2021).map(epochDayToISO)).toContain("2021-12-31"); // New Year 2022 on Saturday: open
    expect(holidays(2023)).toContain("2023-01-02"); // New Year on Sunday
  });

  it("includes the special closures", () => {
    const closed = [
      "2001-09-11",
      "2001-09-14",
      "2004-06-11",
      "2007-01-02",
      "2012-10-29",
      "2012-10-30",
      "2018-12-05",
      "2025-01-09",
    ];
    const open = new Set(tradingDays(d("2000-01-01"), d("2026-12-31")).map(epochDayToISO));
    for (const c of closed) expect(open.has(c)).toBe(false);
    expect(open.has("2001-09-17")).toBe(true);
  });
});
