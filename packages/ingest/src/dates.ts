/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings: the one calendar of @cyclelens/core (supported range
 * 1800-01-01 to 2199-12-31, epoch days by integer arithmetic, never the machine's time zone), so the importer
 * accepts exactly the dates the API and the database accept.
 */
import { calendarDate, formatISODate, isISODate, isoToEpochDay } from "@cyclelens/core";

/** The ISO date of year/month/day, or undefined for an impossible or unsupported date (2023-02-29, 9999-12-31). */
export const isoDate = calendarDate;

/** Epoch day of an ISO date (assumed valid). */
export const epochDayOf = isoToEpochDay;

export const isoOfEpochDay = formatISODate;

/** True for a valid `YYYY-MM-DD` of the supported calendar. */
export { isISODate };

/** Today's UTC date. */
export function todayISO(): string {
  return new Date().toISOString().slice(0, 10);
}
