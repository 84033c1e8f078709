/**
 * **Recessions as periods**, from a 0/1 recession indicator such as FRED's USREC (monthly) or USRECD
 * (daily), which encode the NBER's business-cycle dates: 1 from the period after a peak through the
 * period of the trough.
 *
 * ## Conventions
 * - A period is a run of observations equal to 1; NaN observations are skipped (they neither start nor
 *   end a run). Any value other than 0, 1 or NaN is an error.
 * - `start` is the first observation at 1 (for USREC the first of the month after the NBER peak); `end` is
 *   the **last day** covered: for monthly data (observations 25 or more days apart) the last day of the last
 *   month at 1 (the trough month), for daily data the last day at 1.
 * - The last period is `ongoing` when the series ends at 1.
 * - **Hindsight only.** The NBER announces peaks and troughs 4 to 21 months after the fact, so these
 *   periods must not be used as if known at the time: CycleLens shows them in timelines and event studies,
 *   and keeps them out of the rotation signal and its backtest.
 */
import { addMonths, ymd } from "./dates.js";
import { InvalidArgumentError } from "./errors.js";
import { assertSeries, type Series } from "./series.js";

/** One recession, see the module documentation. */
export interface RecessionPeriod {
  /** First day in recession (epoch day). */
  readonly start: number;
  /** Last day in recession. */
  readonly end: number;
  /** Observations at 1 (months for USREC). */
  readonly observations: number;
  /** True when the indicator ends at 1. */
  readonly ongoing: boolean;
}

/**
 * Recession periods of a 0/1 indicator, oldest first.
 *
 * @example
 * import { formatISODate, recessionPeriods, seriesFromRows } from "@cyclelens/core";
 * const usrec = seriesFromRows([
 *   { date: "2020-01-01", value: 0 },
 *   { date: "2020-02-01", value: 0 },
 *   { date: "2020-03-01", value: 1 },
 *   { date: "2020-04-01", value: 1 },
 *   { date: "2020-05-01", value: 0 },
 * ]);
 * recessionPeriods(usrec).map((p) => [formatISODate(p.start), formatISODate(p.end)]);
 * // [["2020-03-01", "2020-04-30"]]
 */
export function recessionPeriods(indicator: Series): RecessionPeriod[] {
  const monthly = isMonthly(indicator);
  const { dates, values } = indicator;
  const out: RecessionPeriod[] = [];
  let start = Number.NaN;
  let last = Number.NaN;
  let count = 0;
  const close = (ongoing: boolean) => {
    const end = monthly ? addMonths(last - (ymd(last).day - 1), 1) - 1 : last;
    out.push({ start, end, observations: count, ongoing });
    start = Number.NaN;
    count = 0;
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v === 1) {
      if (Number.isNaN(start)) start = dates[i]!;
      last = dates[i]!;
      count++;
    } else if (!Number.isNaN(start)) close(false);
  }
  if (!Number.isNaN(start)) close(true);
  return out;
}

/** Validates a 0/1 indicator and tells whether it is monthly (median spacing of 25 days or more). */
function isMonthly(indicator: Series): boolean {
  assertSeries("indicator", indicator);
  const { dates, values } = indicator;
  const gaps: number[] = [];
  let prev = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1) {
      throw new InvalidArgumentError(`indicator.values[${i}]`, v, "must be 0, 1 or NaN");
    }
    if (!Number.isNaN(prev)) gaps.push(dates[i]! - prev);
    prev = dates[i]!;
  }
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 && gaps[gaps.length >> 1]! >= 25;
}

/**
 * The last day a 0/1 indicator covers: its last valid observation, extended to the end of that month for
 * monthly data (NaN when it has none). Days after it are unknown to {@link inRecession}.
 *
 * @example
 * import { formatISODate, recessionDataEnd, seriesFromRows } from "@cyclelens/core";
 * formatISODate(recessionDataEnd(seriesFromRows([
 *   { date: "2024-11-01", value: 0 },
 *   { date: "2024-12-01", value: 0 },
 * ]))); // "2024-12-31"
 */
export function recessionDataEnd(indicator: Series): number {
  const monthly = isMonthly(indicator);
  for (let i = indicator.values.length - 1; i >= 0; i--) {
    if (!Number.isNaN(indicator.values[i]!)) {
      const last = indicator.dates[i]!;
      return monthly ? addMonths(last - (ymd(last).day - 1), 1) - 1 : last;
    }
  }
  return Number.NaN;
}

/**
 * Whether `day` falls in one of the periods (`null` when `day` is after the data's last recession
 * observation `dataEnd`, i.e. unknown).
 *
 * @example
 * import { inRecession } from "@cyclelens/core";
 * inRecession([{ start: 10, end: 20, observations: 11, ongoing: false }], 15, 100); // true
 * inRecession([], 150, 100); // null
 */
export function inRecession(
  periods: readonly RecessionPeriod[],
  day: number,
  dataEnd: number,
): boolean | null {
  if (day > dataEnd) return null;
  for (const p of periods) if (day >= p.start && day <= p.end) return true;
  return false;
}
