/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings (UTC epoch days underneath, never the machine's
 * time zone). Kept local so the ingest package needs nothing from core's analytics surface.
 */
const MS_PER_DAY = 86_400_000;

/** The ISO date of year/month/day, or undefined for an impossible date (2023-02-29, 2024-13-01). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > dim) return undefined;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Epoch day of an ISO date (assumed valid). */
export function epochDayOf(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY
  );
}

export function isoOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfEpochDay(epochDayOf(iso) + days);
}

const ISO_STRICT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a valid `YYYY-MM-DD`. */
export function isISODate(s: string): boolean {
  const m = ISO_STRICT.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** Today's UTC date. */
export function todayISO(): string {
  return new Date().toISOString().slice(0, 10);
}
