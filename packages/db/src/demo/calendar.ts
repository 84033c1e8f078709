/**
 * The NYSE trading calendar (epoch days): weekends, the NYSE holiday rules (New Year's Day, Martin Luther King
 * Jr. Day from 1998, Washington's Birthday, Good Friday, Memorial Day, Juneteenth from 2022, Independence Day,
 * Labor Day, Thanksgiving, Christmas; Saturday holidays observed on Friday except New Year's Day at a year end,
 * Sunday holidays on Monday) and the special closures since 2000.
 */
import { daysFromCivil, epochDayToISO } from "../dates.js";

/** Unscheduled full-day closures (September 11, presidential funerals, Hurricane Sandy). */
export const SPECIAL_CLOSURES: readonly string[] = [
  "2001-09-11",
  "2001-09-12",
  "2001-09-13",
  "2001-09-14",
  "2004-06-11",
  "2007-01-02",
  "2012-10-29",
  "2012-10-30",
  "2018-12-05",
  "2025-01-09",
];

const dow = (day: number) => (((day + 4) % 7) + 7) % 7; // 0 = Sunday

/** The n-th (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1);
    return first + ((weekday - dow(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = daysFromCivil(year, month + 1, 1) - 1;
  return last - ((dow(last) - weekday + 7) % 7);
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** Saturday → Friday, Sunday → Monday. */
function observed(day: number): number {
  const w = dow(day);
  return w === 6 ? day - 1 : w === 0 ? day + 1 : day;
}

/** The NYSE holidays (market closed, weekdays only) of a year, epoch days, ascending. */
export function nyseHolidays(year: number): number[] {
  const out: number[] = [];
  // New Year's Day: Sunday → Monday; Saturday → not observed (the Friday before closes a year).
  const ny = daysFromCivil(year, 1, 1);
  if (dow(ny) === 0) out.push(ny + 1);
  else if (dow(ny) !== 6) out.push(ny);
  if (year >= 1998) out.push(nthWeekday(year, 1, 1, 3)); // MLK Day
  out.push(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  out.push(easterSunday(year) - 2); // Good Friday
  out.push(nthWeekday(year, 5, 1, -1)); // Memorial Day
  if (year >= 2022) out.push(observed(daysFromCivil(year, 6, 19))); // Juneteenth
  out.push(observed(daysFromCivil(year, 7, 4)));
  out.push(nthWeekday(year, 9, 1, 1)); // Labor Day
  out.push(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  out.push(observed(daysFromCivil(year, 12, 25)));
  for (const iso of SPECIAL_CLOSURES)
    if (+iso.slice(0, 4) === year) out.push(daysFromCivil(year, +iso.slice(5, 7), +iso.slice(8, 10)));
  return [...new Set(out)].sort((a, b) => a - b);
}

/** NYSE trading days in [from, to] (epoch days, inclusive). */
export function tradingDays(from: number, to: number): number[] {
  const closed = new Set<number>();
  const y0 = +epochDayToISO(from).slice(0, 4);
  const y1 = +epochDayToISO(to).slice(0, 4);
  for (let y = y0; y <= y1; y++) for (const h of nyseHolidays(y)) closed.add(h);
  const out: number[] = [];
  for (let d = from; d <= to; d++) {
    const w = dow(d);
    if (w !== 0 && w !== 6 && !closed.has(d)) out.push(d);
  }
  return out;
}
