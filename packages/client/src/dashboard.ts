/** Date windows for the dashboard operation. */
import type { DashboardQueryVariables } from "./gql/graphql.js";

export interface DashboardWindow {
  /** Last date shown, YYYY-MM-DD (default: today, UTC). */
  asOf?: string;
  /** Length of the performance window in years (default 5). */
  years?: number;
  /** Length of the indicator window (SMA, RSI) in months (default 6). */
  recentMonths?: number;
}

/** `asOf` minus `months` calendar months, clamped to the month's end (2024-03-31 − 1 month = 2024-02-29). */
export function monthsBefore(asOf: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!match) throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The `range` (performance) and `recent` (SMA, RSI) variables of the Dashboard operation. */
export function dashboardWindow({
  asOf = new Date().toISOString().slice(0, 10),
  years = 5,
  recentMonths = 6,
}: DashboardWindow = {}): Pick<DashboardQueryVariables, "range" | "recent"> {
  return {
    range: { from: monthsBefore(asOf, years * 12), to: asOf },
    recent: { from: monthsBefore(asOf, recentMonths), to: asOf },
  };
}
