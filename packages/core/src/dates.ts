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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar CycleLens supports everywhere (API arguments, importer, database): 1800-01-01 to 2199-12-31.
 * Dates outside it are rejected with the argument named, never shifted or clamped (market and rate data
 * starts in the 19th century; nothing real is dated after 2199, while 9999-12-31 or 0000-01-01 are typos
 * or sentinels).
 */
export const MIN_DATE = "1800-01-01";
/** Last supported calendar date; see {@link MIN_DATE}. */
export const MAX_DATE = "2199-12-31";

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`): pure integer
 * arithmetic, correct for every year (unlike `Date.UTC`, which maps years 0–99 to 1900–1999).
 *
 * @example
 * daysFromCivil(1970, 1, 1); // 0
 * daysFromCivil(1960, 3, 1); // -3593
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * H. Hinnant's `civil_from_days`, packed without allocating: (year × 12 + month − 1) × 32 + day.
 */
function civilPacked(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year * 12 + month - 1) * 32 + day;
}

/** Year, month (1–12) and day of an epoch day. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const packed = civilPacked(days);
  const months = Math.floor(packed / 32);
  return { year: Math.floor(months / 12), month: (months % 12) + 1, day: packed - months * 32 };
}

/**
 * The calendar month of an epoch day as one integer, year × 12 + (month − 1), without allocating: equal for
 * two days of the same month. @example monthIndex(19984); // 24296 (2024 × 12 + 8: September 2024)
 */
export function monthIndex(day: number): number {
  return Math.floor(civilPacked(day) / 32);
}

/** Epoch day of {@link MIN_DATE}. */
export const MIN_EPOCH_DAY = daysFromCivil(1800, 1, 1);
/** Epoch day of {@link MAX_DATE}. */
export const MAX_EPOCH_DAY = daysFromCivil(2199, 12, 31);

const RANGE_REASON = `is outside the supported calendar ${MIN_DATE} to ${MAX_DATE}`;

/**
 * Parses `YYYY-MM-DD` into an epoch day; throws {@link InvalidArgumentError} naming `argument` for anything
 * else: another shape, an impossible date such as 2023-02-29, or a date outside {@link MIN_DATE} to
 * {@link MAX_DATE}. The one date parser of CycleLens: the API's `Date` scalar, the importer and the database
 * use it (or {@link isISODate}, its boolean twin).
 *
 * @example
 * parseISODate("1970-01-02"); // 1
 * parseISODate("2024-09-18"); // 19984
 * parseISODate("0000-02-29"); // throws: is outside the supported calendar 1800-01-01 to 2199-12-31
 */
export function parseISODate(iso: string, argument = "date"): number {
  const m = typeof iso === "string" && iso.length === 10 ? ISO_DATE.exec(iso) : null;
  if (!m) throw new InvalidArgumentError(argument, iso, "must be a calendar date YYYY-MM-DD");
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new InvalidArgumentError(argument, iso, "is not a valid calendar date");
  }
  if (y < 1800 || y > 2199) throw new InvalidArgumentError(argument, iso, RANGE_REASON);
  return daysFromCivil(y, mo, d);
}

/**
 * True for a real calendar date written `YYYY-MM-DD` inside the supported calendar (the same rule as
 * {@link parseISODate}, without an exception; no regex and no `Date`, for bulk writes).
 *
 * @example
 * isISODate("2024-02-29"); // true
 * isISODate("2023-02-29"); // false
 * isISODate("9999-12-31"); // false (outside the supported calendar)
 */
export function isISODate(s: unknown): s is string {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  return y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The `YYYY-MM-DD` of a year, month and day, or `undefined` when that is not a date of the supported
 * calendar (2023-02-29, month 13, year 9999). For readers of other date layouts (DD.MM.YYYY…).
 *
 * @example
 * calendarDate(2024, 2, 29); // "2024-02-29"
 * calendarDate(2023, 2, 29); // undefined
 */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Epoch day of a `YYYY-MM-DD` string already known to be valid (read back from the database): no checks,
 * for the hot path of reads. @example isoToEpochDay("2024-09-18"); // 19984
 */
export function isoToEpochDay(s: string): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

/**
 * Formats an epoch day as `YYYY-MM-DD` (four-digit years, no `Date` involved).
 *
 * @example
 * formatISODate(19984); // "2024-09-18"
 */
export function formatISODate(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  const y = year < 0 ? String(year) : String(year).padStart(4, "0");
  return `${y}-${month < 10 ? "0" : ""}${month}-${d < 10 ? "0" : ""}${d}`;
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
  return civilFromDays(day);
}

/** Epoch day of a year, month (1–12) and day. @example epochDay(2024, 9, 18); // 19984 */
export function epochDay(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
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
