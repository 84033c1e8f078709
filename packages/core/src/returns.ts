/**
 * Returns: period-over-period, total, annualised (CAGR), trailing periods and calendar years.
 *
 * Conventions (shared by all of CycleLens):
 * - **Prices**: pass adjusted closes (dividends and splits folded in) to get total returns; any
 *   other series (price-only closes, an index level) works the same way.
 * - **Return arrays have the input's length** and `out[0]` is `NaN` (no prior value), so
 *   `out[i]` is the return *ending* at `dates[i]` and aligns with the input dates. A return next to
 *   a missing value is `NaN` (propagated; not bridged across the gap).
 * - **Day 0 of a window**: the entry is the last valid (non-NaN) value dated on or before the start
 *   date, the exit the last valid value on or before the end date. So the return "since
 *   2024-01-31" of a series without a bar that day starts from the prior close.
 * - **Calendar-month horizons** (1M, 3M, 1Y …) step back with `addMonths`, clamped to the end
 *   of the month (2024-03-31 − 1M = 2024-02-29).
 * - **Annualisation**: CAGR uses calendar days between the entry and exit observations divided by
 *   365.25; volatility-style annualisation (see `risk.ts`) uses 252 trading days or 12 months.
 * - Undefined results (no entry value, zero-length period, non-positive entry price) are `NaN`.
 */
import { addMonths, type DateInput, epochDay, toEpochDay, ymd } from "./dates.js";
import { assertPositiveInteger, assertSameLength, InvalidArgumentError } from "./errors.js";
import { indexOnOrBefore, type Series } from "./series.js";

/** Days per year used to annualise calendar-day periods (CAGR). */
export const DAYS_PER_YEAR = 365.25;

/** Result of {@link adjustedCloses}. */
export interface AdjustedCloses {
  /** One price per row: the adjusted close, or the close times the nearest adjustment factor; NaN without a close. */
  readonly values: Float64Array;
  /** 1 where the value came from the close (no adjusted close on that row), else 0. */
  readonly fromClose: Uint8Array;
  /** Number of rows that came from the close. */
  readonly fromCloseCount: number;
  /** Rows that have both an adjusted close and a close (0: the series is price-only). */
  readonly adjustedCount: number;
}

/**
 * Splices a total-return price series out of closes and adjusted closes that do not cover the same rows (a
 * source with adjusted closes up to a date, another with closes only after it). Each row takes its adjusted
 * close; a row without one takes its close times the **adjustment factor** (adjusted close / close) of the
 * nearest earlier row that has both, or before the first such row of the nearest later one. The factor moves
 * only at dividends and splits, so the splice is exact between them and misses only the dividends and splits
 * inside the close-only rows. With no adjusted close at all the closes are returned as they are (a price-only
 * series: indexes, Stooq). O(n).
 *
 * @example
 * const r = adjustedCloses([100, 102, 104, 103], [99, 101, NaN, NaN]);
 * Array.from(r.values); // [99, 101, 104 × 101/102 = 102.98…, 103 × 101/102 = 101.99…]
 * r.fromCloseCount;     // 2
 */
export function adjustedCloses(close: ArrayLike<number>, adjClose: ArrayLike<number>): AdjustedCloses {
  assertSameLength("close", close, "adjClose", adjClose);
  const n = close.length;
  const values = new Float64Array(n);
  const fromClose = new Uint8Array(n);
  let adjustedCount = 0;
  let firstFactor = Number.NaN;
  for (let i = 0; i < n; i++) {
    const c = close[i]!;
    const a = adjClose[i]!;
    if (Number.isFinite(a) && Number.isFinite(c) && c > 0) {
      adjustedCount++;
      if (Number.isNaN(firstFactor)) firstFactor = a / c;
    }
  }
  let factor = Number.isNaN(firstFactor) ? 1 : firstFactor;
  let fromCloseCount = 0;
  for (let i = 0; i < n; i++) {
    const c = close[i]!;
    const a = adjClose[i]!;
    if (Number.isFinite(a)) {
      values[i] = a;
      if (Number.isFinite(c) && c > 0) factor = a / c;
    } else if (Number.isFinite(c)) {
      values[i] = c * factor;
      fromClose[i] = 1;
      fromCloseCount++;
    } else values[i] = Number.NaN;
  }
  return { values, fromClose, fromCloseCount, adjustedCount };
}

/**
 * Simple returns `v[i] / v[i−1] − 1`, same length as the input with `out[0] = NaN`. `NaN` where
 * either value is missing. O(n).
 *
 * @example
 * simpleReturns(new Float64Array([100, 110, 99])); // Float64Array [NaN, 0.1, -0.1]
 */
export function simpleReturns(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = Number.NaN;
  let prev = values[0]!;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    out[i] = v / prev - 1;
    prev = v;
  }
  return out;
}

/**
 * Log returns `ln(v[i] / v[i−1])`, same length as the input with `out[0] = NaN`. `NaN` where
 * either value is missing. Log returns add up: their sum is the log of the total growth. O(n).
 *
 * @example
 * logReturns(new Float64Array([100, 110, 121])); // Float64Array [NaN, 0.0953…, 0.0953…]
 */
export function logReturns(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = Number.NaN;
  let prev = values[0]!;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    out[i] = Math.log(v / prev);
    prev = v;
  }
  return out;
}

/**
 * n-period returns `v[i] / v[i−n] − 1` (e.g. `n = 21` for rolling one-month returns on daily
 * data), same length as the input, `NaN` for the first `n` points and next to missing values.
 * Throws {@link InvalidArgumentError} unless `n` is an integer ≥ 1. O(n).
 *
 * @example
 * rollingReturns(new Float64Array([100, 105, 110, 121]), 2); // Float64Array [NaN, NaN, 0.1, 0.152…]
 */
export function rollingReturns(values: ArrayLike<number>, n: number): Float64Array {
  assertPositiveInteger("n", n);
  const len = values.length;
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) out[i] = i < n ? Number.NaN : values[i]! / values[i - n]! - 1;
  return out;
}

/**
 * Cumulative return since the first value: `v[i] / v[0] − 1` (a growth-of-$1 line minus one).
 * The base is the first valid value; points before it and missing points are `NaN`. O(n).
 *
 * @example
 * cumulativeReturns(new Float64Array([NaN, 100, 120, 90])); // Float64Array [NaN, 0, 0.2, -0.1]
 */
export function cumulativeReturns(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let base = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(base) && !Number.isNaN(v)) base = v;
    out[i] = v / base - 1;
  }
  return out;
}

/** Index of the last valid (non-NaN) value dated on or before `day`, or −1. */
export function indexOfValidOnOrBefore(series: Series, day: number): number {
  let i = indexOnOrBefore(series.dates, day);
  while (i >= 0 && Number.isNaN(series.values[i]!)) i--;
  return i;
}

/** Entry and exit observations of a window, see {@link windowEndpoints}. */
export interface WindowEndpoints {
  /** Index of the entry observation (last valid value on or before `from`), −1 when none. */
  readonly entryIndex: number;
  /** Index of the exit observation (last valid value on or before `to`), −1 when none. */
  readonly exitIndex: number;
}

/**
 * Finds the day-0 entry and the exit of the window [`from`, `to`] (epoch days): the last valid
 * values on or before each date. Throws {@link InvalidArgumentError} when `to < from`.
 *
 * @example
 * const s = seriesFromArrays([10, 20, 30], [1, 2, 3]);
 * windowEndpoints(s, 15, 30); // { entryIndex: 0, exitIndex: 2 }
 */
export function windowEndpoints(series: Series, fromDate: DateInput, toDate: DateInput): WindowEndpoints {
  const from = toEpochDay(fromDate, "from");
  const to = toEpochDay(toDate, "to");
  if (to < from) throw new InvalidArgumentError("to", to, `must be on or after from (${from})`);
  assertSameLength("series.dates", series.dates, "series.values", series.values);
  return { entryIndex: indexOfValidOnOrBefore(series, from), exitIndex: indexOfValidOnOrBefore(series, to) };
}

/**
 * Total return between two epoch days with the day-0 convention: exit / entry − 1, where entry is
 * the last valid value on or before `from` and exit the last valid value on or before `to`.
 * `NaN` (undefined) when there is no entry value (`from` precedes the series). O(log n).
 *
 * @example
 * const s = seriesFromArrays([10, 20, 30], [100, 110, 121]);
 * totalReturn(s, 10, 30); // 0.21
 * totalReturn(s, 15, 25); // 0.1   (entry = day 10's 100, exit = day 20's 110)
 * totalReturn(s, 5, 30);  // NaN   (no value on or before day 5)
 */
export function totalReturn(series: Series, from: DateInput, to: DateInput): number {
  const { entryIndex, exitIndex } = windowEndpoints(series, from, to);
  if (entryIndex < 0) return Number.NaN;
  return series.values[exitIndex]! / series.values[entryIndex]! - 1;
}

/**
 * Annualises a total return earned over `days` calendar days: (1 + r)^(365.25 / days) − 1.
 * `NaN` (undefined) when `days ≤ 0` or `1 + r < 0`.
 *
 * @example
 * annualizeReturn(0.21, 2 * 365.25); // 0.1 (≈, 21 % over two years is 10 % a year)
 */
export function annualizeReturn(total: number, days: number): number {
  if (!(days > 0) || !(1 + total >= 0)) return Number.NaN;
  return (1 + total) ** (DAYS_PER_YEAR / days) - 1;
}

/**
 * Compound annual growth rate between two epoch days: the {@link totalReturn} annualised over the
 * calendar days between the **entry and exit observations actually used** (not the requested
 * dates), divided by 365.25. `NaN` (undefined) without an entry value or when entry and exit are
 * the same observation. Defaults: `from` = first date, `to` = last date.
 *
 * @example
 * const s = seriesFromArrays([0, 365, 731], [100, 110, 121]); // 1970-01-01 … 1972-01-02
 * cagr(s); // 0.0999…  (121/100 over 731 days: 1.21^(365.25/731) − 1)
 */
export function cagr(series: Series, from?: DateInput, to?: DateInput): number {
  const n = series.dates.length;
  if (n === 0) return Number.NaN;
  const { entryIndex, exitIndex } = windowEndpoints(
    series,
    from ?? series.dates[0]!,
    to ?? series.dates[n - 1]!,
  );
  if (entryIndex < 0) return Number.NaN;
  const days = series.dates[exitIndex]! - series.dates[entryIndex]!;
  return annualizeReturn(series.values[exitIndex]! / series.values[entryIndex]! - 1, days);
}

/** Trailing periods reported by {@link periodReturns}. */
export type TrailingPeriod = "1M" | "3M" | "6M" | "YTD" | "1Y" | "3Y" | "5Y" | "10Y";

/** Calendar months back for each trailing period (YTD is handled separately). */
export const TRAILING_PERIOD_MONTHS: Readonly<Record<Exclude<TrailingPeriod, "YTD">, number>> = {
  "1M": 1,
  "3M": 3,
  "6M": 6,
  "1Y": 12,
  "3Y": 36,
  "5Y": 60,
  "10Y": 120,
};

/** Options for {@link periodReturns}. */
export interface PeriodReturnsOptions {
  /** Annualise periods longer than one year (3Y, 5Y, 10Y) as CAGR. Default `false` (cumulative). */
  annualizeMultiYear?: boolean;
}

/**
 * Start date (epoch day) of a trailing period ending at `asOf`: `addMonths(asOf, −months)`
 * (clamped to month end), or for YTD the last day of the previous year (so YTD uses the prior
 * year's final close as day 0).
 *
 * @example
 * formatISODate(periodStart(parseISODate("2024-03-31"), "1M")); // "2024-02-29"
 * formatISODate(periodStart(parseISODate("2024-03-31"), "YTD")); // "2023-12-31"
 */
export function periodStart(asOfDate: DateInput, period: TrailingPeriod): number {
  const asOf = toEpochDay(asOfDate, "asOf");
  if (period === "YTD") return epochDay(ymd(asOf).year - 1, 12, 31);
  const months = TRAILING_PERIOD_MONTHS[period];
  if (months === undefined) throw new InvalidArgumentError("period", period, "is not a trailing period");
  return addMonths(asOf, -months);
}

/**
 * Trailing returns as of `asOf` (default: the last date) for 1M 3M 6M YTD 1Y 3Y 5Y 10Y, each a
 * {@link totalReturn} from {@link periodStart} to `asOf` with the day-0 convention. A period
 * reaching before the first observation is `NaN` (not enough history). Returns are cumulative
 * unless `annualizeMultiYear` is set, in which case 3Y/5Y/10Y are CAGRs over the actual entry and
 * exit observation dates.
 *
 * @example
 * const s = seriesFromRows([
 *   { date: "2023-12-29", value: 100 },
 *   { date: "2024-02-29", value: 105 },
 *   { date: "2024-03-28", value: 110 },
 * ]);
 * const r = periodReturns(s, parseISODate("2024-03-31"));
 * r.YTD; // 0.1  (from the 2023-12-29 close)
 * r["1M"]; // 0.0476…  (from the 2024-02-29 close)
 * r["1Y"]; // NaN (no data on or before 2023-03-31)
 */
export function periodReturns(
  series: Series,
  asOf?: DateInput,
  options: PeriodReturnsOptions = {},
): Record<TrailingPeriod, number> {
  const n = series.dates.length;
  const end = asOf === undefined ? (n > 0 ? series.dates[n - 1]! : 0) : toEpochDay(asOf, "asOf");
  const out = {} as Record<TrailingPeriod, number>;
  for (const p of ["1M", "3M", "6M", "YTD", "1Y", "3Y", "5Y", "10Y"] as const) {
    const start = periodStart(end, p);
    const multiYear = p === "3Y" || p === "5Y" || p === "10Y";
    out[p] =
      options.annualizeMultiYear && multiYear ? cagr(series, start, end) : totalReturn(series, start, end);
  }
  return out;
}

/**
 * Total return since `from` (epoch day) up to `asOf` (default: the last date), with the day-0
 * convention — e.g. "since the first Fed cut". `NaN` when `from` precedes the series.
 *
 * @example
 * const s = seriesFromArrays([10, 20, 30], [100, 110, 121]);
 * sinceDate(s, 20); // 0.1
 */
export function sinceDate(series: Series, from: DateInput, asOf?: DateInput): number {
  const n = series.dates.length;
  if (n === 0) return Number.NaN;
  return totalReturn(series, from, asOf ?? series.dates[n - 1]!);
}

/** One calendar year's return, see {@link calendarYearReturns}. */
export interface CalendarYearReturn {
  readonly year: number;
  /** Total return over the year (from the entry to the exit observation). */
  readonly return: number;
  /** Epoch day of the entry observation (prior year's last close, or the first in-year value). */
  readonly startDate: number;
  /** Epoch day of the exit observation (the year's last valid value). */
  readonly endDate: number;
  /**
   * `true` when the year is incomplete: the first year when there is no prior-year close (entry is
   * the first value of the year), or the last year when it ends before the last weekday of
   * December.
   */
  readonly partial: boolean;
}

/**
 * Calendar-year returns: for each year, last valid value of the year / last valid value of the
 * previous year − 1. The first year, lacking a prior-year close, starts from its own first valid
 * value and is flagged `partial`; the last year is `partial` when it ends before the last weekday
 * of December. Years without valid values are skipped (the next year then starts from the last
 * earlier close). O(n).
 *
 * @example
 * const s = seriesFromRows([
 *   { date: "2022-12-30", value: 100 },
 *   { date: "2023-12-29", value: 120 },
 *   { date: "2024-06-28", value: 108 },
 * ]);
 * calendarYearReturns(s).map((y) => [y.year, y.return, y.partial]);
 * // [[2022, 0, true], [2023, 0.2, false], [2024, -0.1, true]]
 */
export function calendarYearReturns(series: Series): CalendarYearReturn[] {
  assertSameLength("series.dates", series.dates, "series.values", series.values);
  const { dates, values } = series;
  const out: CalendarYearReturn[] = [];
  let prevCloseIdx = -1; // last valid index of the previous year
  let firstIdx = -1; // first valid index of the current year
  let lastIdx = -1; // last valid index of the current year
  let year = Number.NaN;
  let yearEnd = 0;
  let lastValid = -1;
  for (let i = dates.length - 1; i >= 0; i--) {
    if (!Number.isNaN(values[i]!)) {
      lastValid = i;
      break;
    }
  }
  const flush = () => {
    if (lastIdx < 0) return;
    const entry = prevCloseIdx >= 0 ? prevCloseIdx : firstIdx;
    const end = dates[lastIdx]!;
    out.push({
      year,
      return: values[lastIdx]! / values[entry]! - 1,
      startDate: dates[entry]!,
      endDate: end,
      partial: prevCloseIdx < 0 || (lastIdx === lastValid && end < lastWeekday(yearEnd)),
    });
    prevCloseIdx = lastIdx;
  };
  let nextYearStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (d >= nextYearStart || i === 0) {
      if (i > 0) flush();
      year = ymd(d).year;
      nextYearStart = epochDay(year + 1, 1, 1);
      yearEnd = nextYearStart - 1;
      firstIdx = -1;
      lastIdx = -1;
    }
    if (!Number.isNaN(values[i]!)) {
      if (firstIdx < 0) firstIdx = i;
      lastIdx = i;
    }
  }
  if (dates.length > 0) flush();
  return out;
}

/** Last Monday–Friday on or before `day`. */
function lastWeekday(day: number): number {
  const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow === 0 ? day - 2 : dow === 6 ? day - 1 : day;
}
