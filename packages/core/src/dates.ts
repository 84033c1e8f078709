/**
 * Calendar dates as **epoch days**: the number of days since 1970-01-01 (UTC), an integer.
 *
 * A bar dated 2024-09-18 is epoch day 19984 on every machine, whatever its time zone: no `Date`
 * object with a time of day is ever involved in the analytics. Series keep their dates in an
 * `Int32Array` of epoch days; ISO strings (`YYYY-MM-DD`) are converted at the edges.
 *
 * Calendar-month arithmetic follows the convention used throughout CycleLens: adding N months
 * keeps the day of month and clamps it to the last day of the target month
 * (2024-01-31 + 1 month = 2024-02-29).
 */
import { InvalidArgumentError } from "./errors.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` into an epoch day; throws {@link InvalidArgumentError} for anything else,
 * including impossible dates such as 2023-02-29.
 *
 * @example
 * parseISODate("1970-01-02"); // 1
 * parseISODate("2024-09-18"); // 19984
 */
export function parseISODate(iso: string, argument = "date"): number {
  const m = typeof iso === "string" ? ISO_DATE.exec(iso) : null;
  if (!m) throw new InvalidArgumentError(argument, iso, "must be a calendar date YYYY-MM-DD");
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new InvalidArgumentError(argument, iso, "is not a valid calendar date");
  }
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

/**
 * Formats an epoch day as `YYYY-MM-DD`.
 *
 * @example
 * formatISODate(19984); // "2024-09-18"
 */
export function formatISODate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True for a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. @example daysInMonth(2024, 2); // 29 */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Year, month (1–12) and day of an epoch day. @example ymd(19984); // { year: 2024, month: 9, day: 18 } */
export function ymd(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Epoch day of a year, month (1–12) and day. @example epochDay(2024, 9, 18); // 19984 */
export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Adds `months` calendar months (may be negative), clamping to the end of the target month.
 *
 * @example
 * formatISODate(addMonths(parseISODate("2024-01-31"), 1)); // "2024-02-29"
 * formatISODate(addMonths(parseISODate("2024-03-15"), -12)); // "2023-03-15"
 */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = ymd(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return epochDay(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** Day of week of an epoch day: 0 = Sunday … 6 = Saturday. @example dayOfWeek(0); // 4 (Thursday) */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * A calendar date where one goes in: an epoch day (integer) or an ISO string `YYYY-MM-DD`. The
 * functions at the edges (`sliceByDate`, `totalReturn`, `windowEndpoints`, `cagr`, `sinceDate`,
 * `periodStart`, `periodReturns`, `returnGap`, `drawdownFromPeak`, `compareSeries`, `betaOf`…)
 * accept either.
 */
export type DateInput = number | string;

/**
 * The epoch day of a {@link DateInput}: an ISO string is parsed (see {@link parseISODate}), a
 * number must be an integer. Throws {@link InvalidArgumentError} naming `argument` otherwise.
 *
 * @example
 * toEpochDay("2024-09-18"); // 19984
 * toEpochDay(19984);        // 19984
 */
export function toEpochDay(date: DateInput, argument = "date"): number {
  if (typeof date === "string") return parseISODate(date, argument);
  if (!Number.isInteger(date)) {
    throw new InvalidArgumentError(argument, date, "must be an epoch day (integer) or a date YYYY-MM-DD");
  }
  return date;
}

/**
 * An epoch day as `YYYY-MM-DD`, for results: the date fields of `maxDrawdown`, `compareSeries`,
 * `crossovers`, `Series.dates`… (`NaN` or a missing date gives `undefined`, so an undefined date
 * never turns into a plausible one).
 *
 * @example
 * toISODate(19984);     // "2024-09-18"
 * toISODate(Number.NaN); // undefined
 */
export function toISODate(day: number): string;
export function toISODate(day: number | undefined): string | undefined;
export function toISODate(day: number | undefined): string | undefined {
  if (day === undefined || !Number.isFinite(day)) return undefined;
  if (!Number.isInteger(day)) throw new InvalidArgumentError("day", day, "must be an integer epoch day");
  return formatISODate(day);
}
