/**
 * **Labour market: the Sahm rule.** Claudia Sahm's recession indicator from the monthly unemployment
 * rate (FRED UNRATE): the 3-month average of the rate minus its lowest 3-month average of the previous 12
 * months. A reading of **0.50 percentage points or more** has marked the early months of every US
 * recession since 1970 (it also fired in 1976 and, on real-time data, in 2024 without a recession).
 *
 * ## Conventions
 * - Input: one value per month (percent), dated as FRED dates it (the first of the month). NaN values are
 *   skipped, and a month is computed only when the 15 months it needs are consecutive calendar months.
 * - `indicator_t = MA3_t − min(MA3_{t−12}, …, MA3_{t−1})` with `MA3_t` the mean of months t−2, t−1, t
 *   (FRED's SAHMCURRENT definition; SAHMREALTIME applies it to the data as first published each month).
 *   The first value needs 15 months of data.
 * - A **trigger** is the first month the indicator reaches `threshold` (default 0.50) after at least
 *   `rearmMonths` (default 6) consecutive months below it; the episode lasts until the first month back
 *   below (`end`, NaN while ongoing). With 6 months, the 1980 and 1981 recessions are two triggers and the
 *   brief dips inside one episode (1974, 1970) are not.
 * - **When it was known.** A month's unemployment rate is published in the first days of the next month
 *   (BLS's Employment Situation, normally the first Friday, at the latest the 10th outside government
 *   shutdowns). {@link monthlyKnownOn} dates a month's value on the `releaseDay` (default 12) of the next
 *   month: the date a backtest may use it. Revisions are a second source of look-ahead: the current
 *   UNRATE is revised every January (seasonal factors), so use SAHMREALTIME, the indicator as it was
 *   first computed each month, for no-look-ahead work.
 *
 * Tested against FRED's SAHMREALTIME 1959-12 … 2025-08 computed from the current UNRATE (see the tests):
 * the values differ only by revisions (mean absolute difference 0.05 pp) and every trigger since 1990 is
 * within two months of the real-time one.
 */
import { addMonths, ymd } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { assertSeries, type Series } from "./series.js";

/** Options of {@link sahmIndicator}. */
export interface SahmOptions {
  /** Months averaged (integer ≥ 1). Default 3. */
  averageMonths?: number;
  /** Previous months whose lowest average is the reference (integer ≥ 1). Default 12. */
  lookbackMonths?: number;
}

/** One Sahm-rule episode, see {@link sahmTriggers}. */
export interface SahmTrigger {
  /** The month the indicator reached the threshold (its date as in the input). */
  readonly date: number;
  /** The indicator that month, percentage points. */
  readonly value: number;
  /** Highest indicator of the episode so far. */
  readonly peak: number;
  /** Its month. */
  readonly peakDate: number;
  /** First month back below the threshold; NaN while ongoing. */
  readonly end: number;
  /** True when the data end inside the episode. */
  readonly ongoing: boolean;
}

/** Months since year 0 of an epoch day (its calendar month). */
function monthIndex(day: number): number {
  const { year, month } = ymd(day);
  return year * 12 + month - 1;
}

/**
 * The Sahm-rule indicator of a monthly unemployment rate (percent), in percentage points, on the input's
 * months (NaN where it cannot be computed). O(n · lookbackMonths).
 *
 * @example
 * import { sahmIndicator, seriesFromRows } from "@cyclelens/core";
 * // 15 months: 4.0 for a year, then 4.3, 4.6, 4.9
 * const rows = Array.from({ length: 15 }, (_, i) => ({
 *   date: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
 *   value: i < 12 ? 4 : 4 + 0.3 * (i - 11),
 * }));
 * sahmIndicator(seriesFromRows(rows)).values[14]; // 0.6 = (4.3 + 4.6 + 4.9) / 3 − 4.0
 */
export function sahmIndicator(unemployment: Series, options: SahmOptions = {}): Series {
  assertSeries("unemployment", unemployment);
  const k = options.averageMonths ?? 3;
  assertPositiveInteger("averageMonths", k);
  const lookback = options.lookbackMonths ?? 12;
  assertPositiveInteger("lookbackMonths", lookback);
  const { dates, values } = unemployment;
  const n = dates.length;
  const month = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    month[i] = monthIndex(dates[i]!);
    if (i > 0 && month[i] === month[i - 1]) {
      throw new InvalidArgumentError(
        "unemployment.dates",
        dates[i],
        "must hold one observation per month (two in the same month)",
      );
    }
    const v = values[i]!;
    if (!Number.isNaN(v) && !Number.isFinite(v)) {
      throw new InvalidArgumentError(`unemployment.values[${i}]`, v, "must be finite or NaN");
    }
  }
  // ma[i]: mean of the k months ending at i, when they are k consecutive valid months.
  const ma = new Float64Array(n).fill(Number.NaN);
  for (let i = k - 1; i < n; i++) {
    if (month[i]! - month[i - k + 1]! !== k - 1) continue;
    let sum = 0;
    let ok = true;
    for (let j = i - k + 1; j <= i; j++) {
      const v = values[j]!;
      if (Number.isNaN(v)) {
        ok = false;
        break;
      }
      sum += v;
    }
    if (ok) ma[i] = sum / k;
  }
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = lookback; i < n; i++) {
    if (Number.isNaN(ma[i]!) || month[i]! - month[i - lookback]! !== lookback) continue;
    let low = Number.POSITIVE_INFINITY;
    for (let j = i - lookback; j < i; j++) {
      const m = ma[j]!;
      if (Number.isNaN(m)) {
        low = Number.NaN;
        break;
      }
      if (m < low) low = m;
    }
    if (!Number.isNaN(low)) out[i] = Math.round((ma[i]! - low) * 1e10) / 1e10;
  }
  return { dates: dates.slice(), values: out };
}

/**
 * The episodes of a Sahm indicator (any monthly series in percentage points: the output of
 * {@link sahmIndicator}, or FRED's SAHMREALTIME), oldest first, under the trigger rule of the module
 * documentation. NaN months are skipped.
 *
 * @example
 * import { sahmTriggers, seriesFromArrays } from "@cyclelens/core";
 * const s = seriesFromArrays([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.1, 0.2, 0.1, 0.2, 0.1, 0.3, 0.6, 0.8, 0.4]);
 * sahmTriggers(s);
 * // [{ date: 7, value: 0.6, peak: 0.8, peakDate: 8, end: 9, ongoing: false }]
 */
export function sahmTriggers(
  indicator: Series,
  options: { threshold?: number; rearmMonths?: number } = {},
): SahmTrigger[] {
  assertSeries("indicator", indicator);
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) throw new InvalidArgumentError("threshold", threshold, "must be finite");
  const rearm = options.rearmMonths ?? 6;
  assertPositiveInteger("rearmMonths", rearm);
  const eps = 1e-9;
  const out: SahmTrigger[] = [];
  let below = 0; // consecutive valid months below the threshold
  let current: { date: number; value: number; peak: number; peakDate: number } | null = null;
  const { dates, values } = indicator;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const above = v >= threshold - eps;
    if (current) {
      if (above) {
        if (v > current.peak) {
          current.peak = v;
          current.peakDate = dates[i]!;
        }
      } else {
        out.push({ ...current, end: dates[i]!, ongoing: false });
        current = null;
        below = 1;
      }
      continue;
    }
    if (above) {
      if (below >= rearm) current = { date: dates[i]!, value: v, peak: v, peakDate: dates[i]! };
      below = 0;
    } else below++;
  }
  if (current) out.push({ ...current, end: Number.NaN, ongoing: true });
  return out;
}

/**
 * The day a monthly observation could be known: day `releaseDay` (default 12) of the month after the one
 * it is dated in (see the module documentation). Apply it to the dates of UNRATE or SAHMREALTIME before an
 * as-of join.
 *
 * @example
 * import { formatISODate, monthlyKnownOn, parseISODate } from "@cyclelens/core";
 * formatISODate(monthlyKnownOn(parseISODate("2024-07-01"))); // "2024-08-12"
 * formatISODate(monthlyKnownOn(parseISODate("2024-12-01"))); // "2025-01-12"
 */
export function monthlyKnownOn(monthDate: number, releaseDay = 12): number {
  if (!Number.isInteger(monthDate)) {
    throw new InvalidArgumentError("monthDate", monthDate, "must be an integer epoch day");
  }
  if (!Number.isInteger(releaseDay) || releaseDay < 1 || releaseDay > 28) {
    throw new InvalidArgumentError("releaseDay", releaseDay, "must be an integer from 1 to 28");
  }
  const { day } = ymd(monthDate);
  return addMonths(monthDate - (day - 1), 1) + releaseDay - 1;
}

/**
 * A monthly series re-dated to the day each value could be known ({@link monthlyKnownOn}), ready for an
 * as-of join without look-ahead.
 *
 * @example
 * import { knownOnSeries, seriesFromRows } from "@cyclelens/core";
 * knownOnSeries(seriesFromRows([{ date: "2024-07-01", value: 0.53 }])).dates; // [2024-08-12]
 */
export function knownOnSeries(monthly: Series, releaseDay = 12): Series {
  assertSeries("monthly", monthly);
  const dates = new Int32Array(monthly.dates.length);
  for (let i = 0; i < dates.length; i++) dates[i] = monthlyKnownOn(monthly.dates[i]!, releaseDay);
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! <= dates[i - 1]!) {
      throw new InvalidArgumentError(
        "monthly.dates",
        monthly.dates[i],
        "must hold one observation per month",
      );
    }
  }
  return { dates, values: monthly.values.slice() };
}
