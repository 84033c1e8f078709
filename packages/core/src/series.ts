/**
 * The daily series: CycleLens' one data shape, and the helpers to build, slice, align and
 * resample it.
 *
 * A `Series` is a strictly increasing `Int32Array` of epoch days (see `dates.ts`) and a
 * `Float64Array` of values of the same length. A missing value is `NaN`, and every function
 * states how it treats `NaN`. Lower-frequency data (monthly, weekly, irregular) uses the same
 * shape with its own dates.
 *
 * Conventions used by the helpers in this file:
 * - Bad input (unsorted or duplicate dates, mismatched lengths, non-integer dates) throws
 *   {@link InvalidArgumentError} naming the argument and the value.
 * - Date lookups are binary searches (O(log n)); joins and resampling are single merges (O(n + m)).
 * - "On or before" is the CycleLens day-0 rule: the value used for a date is the last observation
 *   dated on or before it.
 */
import { type DateInput, monthIndex, parseISODate, toEpochDay } from "./dates.js";
import { assertSameLength, InvalidArgumentError } from "./errors.js";

/** The daily series shape. */
export interface Series {
  /** Strictly increasing epoch days (days since 1970-01-01). */
  readonly dates: Int32Array;
  /** One value per date; `NaN` marks a missing value. */
  readonly values: Float64Array;
}

/** Several series inner-joined on their common dates, see {@link alignSeries}. */
export interface AlignedSeries {
  /** The dates present in every input series, strictly increasing. */
  readonly dates: Int32Array;
  /** One `Float64Array` per input series (same order), each of length `dates.length`. */
  readonly values: Float64Array[];
}

/**
 * Throws {@link InvalidArgumentError} unless `dates` holds integers in strictly increasing order
 * (no duplicates). O(n).
 *
 * @example
 * assertStrictlyIncreasing("dates", new Int32Array([1, 2, 5])); // ok
 * assertStrictlyIncreasing("dates", new Int32Array([1, 1]));    // throws InvalidArgumentError
 */
export function assertStrictlyIncreasing(argument: string, dates: ArrayLike<number>): void {
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (!Number.isInteger(d)) {
      throw new InvalidArgumentError(argument, d, `must contain integer epoch days (index ${i})`);
    }
    if (i > 0 && d <= dates[i - 1]!) {
      throw new InvalidArgumentError(
        argument,
        d,
        `must be strictly increasing without duplicates (index ${i}: ${d} after ${dates[i - 1]})`,
      );
    }
  }
}

/**
 * Throws {@link InvalidArgumentError} naming `argument` unless `series` is a `Series`: an `Int32Array`
 * of strictly increasing epoch days and a `Float64Array` of the same length.
 *
 * @example
 * assertSeries("prices", seriesFromArrays([1, 2], [10, 11])); // ok
 * assertSeries("prices", { dates: new Int32Array([2, 1]), values: new Float64Array(2) }); // throws
 */
export function assertSeries(argument: string, series: Series): void {
  if (series == null || !(series.dates instanceof Int32Array) || !(series.values instanceof Float64Array)) {
    throw new InvalidArgumentError(
      argument,
      series,
      "must be a Series { dates: Int32Array, values: Float64Array }",
    );
  }
  assertSameLength(`${argument}.dates`, series.dates, `${argument}.values`, series.values);
  assertStrictlyIncreasing(`${argument}.dates`, series.dates);
}

/**
 * Builds a {@link Series} from rows `{ date: "YYYY-MM-DD", value }` (as read from a database or
 * JSON). `null` values become `NaN` (missing). Throws {@link InvalidArgumentError} for an invalid
 * date, a non-numeric value, or dates that are not strictly increasing (unsorted or duplicate).
 *
 * @example
 * const s = seriesFromRows([
 *   { date: "2024-01-02", value: 100 },
 *   { date: "2024-01-03", value: null },
 * ]);
 * s.dates;  // Int32Array [19724, 19725]
 * s.values; // Float64Array [100, NaN]
 */
export function seriesFromRows(rows: readonly { date: string; value: number | null }[]): Series {
  const n = rows.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    dates[i] = parseISODate(row.date, `rows[${i}].date`);
    const v = row.value;
    if (v !== null && typeof v !== "number") {
      throw new InvalidArgumentError(`rows[${i}].value`, v, "must be a number or null");
    }
    values[i] = v === null ? Number.NaN : v;
  }
  assertStrictlyIncreasing("rows.date", dates);
  return { dates, values };
}

/**
 * Builds a {@link Series} from parallel arrays. `dates` are epoch days (numbers) or ISO strings
 * `YYYY-MM-DD`; `values` are numbers, with `null`/`undefined` becoming `NaN`. The arrays are
 * copied. Throws {@link InvalidArgumentError} on mismatched lengths or dates that are not strictly
 * increasing integers.
 *
 * @example
 * const s = seriesFromArrays(["2024-01-02", "2024-01-03"], [100, 101]);
 * s.dates; // Int32Array [19724, 19725]
 * seriesFromArrays([3, 1], [1, 2]); // throws InvalidArgumentError (dates not increasing)
 */
export function seriesFromArrays(
  dates: ArrayLike<number> | readonly string[],
  values: ArrayLike<number | null | undefined>,
): Series {
  assertSameLength("dates", dates, "values", values);
  const n = dates.length;
  const outDates = new Int32Array(n);
  const outValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = dates[i]!;
    if (typeof d === "string") {
      outDates[i] = parseISODate(d, `dates[${i}]`);
    } else {
      if (!Number.isInteger(d) || d < -2147483648 || d > 2147483647) {
        throw new InvalidArgumentError(`dates[${i}]`, d, "must be an integer epoch day");
      }
      outDates[i] = d;
    }
    const v = values[i];
    outValues[i] = v == null ? Number.NaN : v;
  }
  assertStrictlyIncreasing("dates", outDates);
  return { dates: outDates, values: outValues };
}

/**
 * Index of the last date on or before `day` in strictly increasing `dates`, or `-1` when every
 * date is after `day`. Binary search, O(log n).
 *
 * @example
 * const d = new Int32Array([10, 20, 30]);
 * indexOnOrBefore(d, 25); // 1
 * indexOnOrBefore(d, 30); // 2
 * indexOnOrBefore(d, 5);  // -1
 */
export function indexOnOrBefore(dates: ArrayLike<number>, day: number): number {
  let lo = 0;
  let hi = dates.length; // first index with dates[i] > day lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Index of the first date on or after `day` in strictly increasing `dates`, or `dates.length`
 * when every date is before `day`. Binary search, O(log n).
 *
 * @example
 * const d = new Int32Array([10, 20, 30]);
 * indexOnOrAfter(d, 15); // 1
 * indexOnOrAfter(d, 31); // 3
 */
export function indexOnOrAfter(dates: ArrayLike<number>, day: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The part of `series` dated between `from` and `to` (epoch days, both inclusive; either may be
 * omitted for an open end). Binary search, O(log n). The result **shares memory** with the input
 * (typed-array `subarray` views, no copy); copy with `.slice()` if you need to mutate it.
 * An empty range gives an empty series.
 *
 * @example
 * const s = seriesFromArrays([10, 20, 30, 40], [1, 2, 3, 4]);
 * sliceByDate(s, 15, 30).values; // Float64Array [2, 3]
 * sliceByDate(s, undefined, 20).dates; // Int32Array [10, 20]
 */
export function sliceByDate(series: Series, from?: DateInput, to?: DateInput): Series {
  const start = from === undefined ? 0 : indexOnOrAfter(series.dates, toEpochDay(from, "from"));
  const end =
    to === undefined ? series.dates.length : indexOnOrBefore(series.dates, toEpochDay(to, "to")) + 1;
  const e = Math.max(start, end);
  return { dates: series.dates.subarray(start, e), values: series.values.subarray(start, e) };
}

/**
 * Inner join of several series on their dates: keeps only the dates present in **every** series
 * and returns their values in input order. `NaN` values are kept as they are (a date is kept even
 * if a value there is `NaN`). One k-way merge, O(total length).
 *
 * @example
 * const a = seriesFromArrays([1, 2, 3], [10, 20, 30]);
 * const b = seriesFromArrays([2, 3, 4], [200, 300, 400]);
 * const j = alignSeries(a, b);
 * j.dates;     // Int32Array [2, 3]
 * j.values[0]; // Float64Array [20, 30]
 * j.values[1]; // Float64Array [200, 300]
 */
export function alignSeries(...series: Series[]): AlignedSeries {
  const k = series.length;
  if (k === 0) return { dates: new Int32Array(0), values: [] };
  for (let s = 0; s < k; s++)
    assertSameLength(`series[${s}].dates`, series[s]!.dates, `series[${s}].values`, series[s]!.values);
  let cap = Number.POSITIVE_INFINITY;
  for (const s of series) cap = Math.min(cap, s.dates.length);
  const dates = new Int32Array(cap);
  const values: Float64Array[] = series.map(() => new Float64Array(cap));
  const pos = new Int32Array(k);
  let count = 0;
  outer: for (;;) {
    // Candidate: the largest current date across series; advance every series up to it.
    let target = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < k; s++) {
      const d = series[s]!.dates;
      if (pos[s]! >= d.length) break outer;
      const v = d[pos[s]!]!;
      if (v > target) target = v;
    }
    let allEqual = true;
    for (let s = 0; s < k; s++) {
      const d = series[s]!.dates;
      let p = pos[s]!;
      while (p < d.length && d[p]! < target) p++;
      pos[s] = p;
      if (p >= d.length) break outer;
      if (d[p]! !== target) allEqual = false;
    }
    if (allEqual) {
      dates[count] = target;
      for (let s = 0; s < k; s++) {
        values[s]![count] = series[s]!.values[pos[s]!]!;
        pos[s] = pos[s]! + 1;
      }
      count++;
    }
  }
  return { dates: dates.slice(0, count), values: values.map((v) => v.slice(0, count)) };
}

/** Options for {@link asOfJoin}. */
export interface AsOfJoinOptions {
  /**
   * Maximum age, in calendar days, of the observation used for a date. When the last valid
   * observation is older than this, the result is `NaN`. Default: unlimited.
   */
  maxStaleDays?: number;
}

/**
 * "As of" join (forward fill): for each target date, the value of the **last valid (non-NaN)
 * observation** of `series` dated on or before it. `NaN` before the first valid observation, and
 * `NaN` when that observation is more than `maxStaleDays` calendar days old. Use it to put a
 * monthly or weekly series (CPI, Fed funds target, valuation) on daily dates without look-ahead.
 * One merge, O(n + m). Both date arrays must be strictly increasing.
 *
 * @example
 * const monthly = seriesFromArrays([0, 31], [1.5, 1.75]);
 * asOfJoin(new Int32Array([-1, 0, 10, 31, 40]), monthly);
 * // Float64Array [NaN, 1.5, 1.5, 1.75, 1.75]
 * asOfJoin(new Int32Array([10, 40]), monthly, { maxStaleDays: 5 });
 * // Float64Array [NaN, NaN]
 */
export function asOfJoin(
  dates: ArrayLike<number>,
  series: Series,
  options: AsOfJoinOptions = {},
): Float64Array {
  assertStrictlyIncreasing("dates", dates);
  assertSameLength("series.dates", series.dates, "series.values", series.values);
  const maxStale = options.maxStaleDays ?? Number.POSITIVE_INFINITY;
  if (!(maxStale >= 0)) {
    throw new InvalidArgumentError("maxStaleDays", maxStale, "must be a number ≥ 0");
  }
  const n = dates.length;
  const out = new Float64Array(n);
  const sd = series.dates;
  const sv = series.values;
  let j = 0;
  let lastValue = Number.NaN;
  let lastDate = 0;
  let have = false;
  for (let i = 0; i < n; i++) {
    const day = dates[i]!;
    while (j < sd.length && sd[j]! <= day) {
      const v = sv[j]!;
      if (!Number.isNaN(v)) {
        lastValue = v;
        lastDate = sd[j]!;
        have = true;
      }
      j++;
    }
    out[i] = have && day - lastDate <= maxStale ? lastValue : Number.NaN;
  }
  return out;
}

/** Resampling period for {@link resample}: ISO week (Monday–Sunday) or calendar month. */
export type ResamplePeriod = "week" | "month";

/**
 * Resamples to period ends: for each ISO week (Monday–Sunday) or calendar month, keeps the **last
 * valid (non-NaN) observation** of the period, dated at that observation (not at the calendar
 * period end). Periods without any valid observation are omitted. Only the `"last"` method is
 * supported (the right one for prices and levels). O(n).
 *
 * @example
 * // 2024-01-29 (Mon) … 2024-02-02 (Fri), then 2024-02-05 (Mon)
 * const s = seriesFromArrays(
 *   ["2024-01-29", "2024-01-31", "2024-02-01", "2024-02-02", "2024-02-05"],
 *   [1, 2, 3, 4, 5],
 * );
 * resample(s, "month").values; // Float64Array [2, 5]   (dated 2024-01-31, 2024-02-05)
 * resample(s, "week").values;  // Float64Array [4, 5]   (dated 2024-02-02, 2024-02-05)
 */
export function resample(series: Series, period: ResamplePeriod, method: "last" = "last"): Series {
  if (period !== "week" && period !== "month") {
    throw new InvalidArgumentError("period", period, 'must be "week" or "month"');
  }
  if (method !== "last") throw new InvalidArgumentError("method", method, 'must be "last"');
  assertSameLength("series.dates", series.dates, "series.values", series.values);
  const { dates, values } = series;
  const n = dates.length;
  const outDates = new Int32Array(n);
  const outValues = new Float64Array(n);
  let count = 0;
  let currentKey = Number.NaN;
  let lastIdx = -1;
  for (let i = 0; i < n; i++) {
    const d = dates[i]!;
    const key = period === "week" ? Math.floor((d - 4) / 7) : monthIndex(d);
    if (key !== currentKey) {
      if (lastIdx >= 0) {
        outDates[count] = dates[lastIdx]!;
        outValues[count] = values[lastIdx]!;
        count++;
      }
      currentKey = key;
      lastIdx = -1;
    }
    const v = values[i]!;
    if (!Number.isNaN(v)) lastIdx = i;
  }
  if (lastIdx >= 0) {
    outDates[count] = dates[lastIdx]!;
    outValues[count] = values[lastIdx]!;
    count++;
  }
  return { dates: outDates.slice(0, count), values: outValues.slice(0, count) };
}
