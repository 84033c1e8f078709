/**
 * **Yield curve**: the slope of the Treasury curve (10-year minus 2-year yield, FRED's DGS10 − DGS2 or
 * T10Y2Y; or 10-year minus 3-month, T10Y3M), its inversions, the days it un-inverted, and how far it has
 * steepened since its trough.
 *
 * How to read it: an **inverted** curve (short yields above long ones, spread < 0) has preceded every US
 * recession since the 1970s, usually by one to two years; the **un-inversion** (the spread back above 0,
 * mostly because short yields fall as the Fed cuts) has tended to come close to the recession's start. A
 * curve **steepening** from a deep trough is the classic early-cycle picture.
 *
 * ## Conventions
 * - Spread = long − short yield, in **percentage points** (FRED's units: 0.25 = 25 bp), on the dates both
 *   yields have a valid value (inner join; FRED's blank holidays drop out). Steepening is reported in
 *   **basis points**.
 * - An **inversion** starts on the first observation with spread < 0 and lasts until the spread has been
 *   ≥ 0 for `confirmDays` consecutive observations (default 20, about a month of trading days); shorter
 *   returns above 0 belong to the inversion (DGS10 − DGS2 crossed 0 six times between 2006-06 and 2006-08).
 *   Its **un-inversion date** (`uninvertedOn`) is the first day of that lasting non-negative run, and
 *   `confirmedOn` is its `confirmDays`-th day: the first day the rule could know it (use it, not
 *   `uninvertedOn`, for anything without look-ahead). An inversion with fewer than `minInvertedDays`
 *   negative observations (default 1) is ignored.
 * - An inversion whose un-inversion is not confirmed by the data's end is `ongoing` (its `uninvertedOn` and
 *   `confirmedOn` are NaN).
 * - **Trough**: the most negative spread of the inversion (the first such day on ties).
 *
 * Measured on FRED's DGS10 and DGS2 1999-01-04 … 2025-09-25 (the fixtures of this package) with the
 * defaults: seven un-inversions — 2000-12-29, 2006-03-30, 2007-03-21, 2007-06-06, 2019-08-30, 2022-04-05 and
 * 2024-09-06.
 */
import { addMonths } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { alignSeries, assertSeries, indexOnOrBefore, type Series } from "./series.js";

/** One inversion of the curve, see the module documentation. */
export interface CurveInversion {
  /** First observation with spread < 0 (epoch day). */
  readonly start: number;
  /** Last observation with spread < 0. */
  readonly end: number;
  /** First day of the lasting return to ≥ 0; NaN while `ongoing`. */
  readonly uninvertedOn: number;
  /** The `confirmDays`-th day of that run: when the rule could know it; NaN while `ongoing`. */
  readonly confirmedOn: number;
  /** Most negative spread of the inversion, percentage points. */
  readonly trough: number;
  /** Its date. */
  readonly troughDate: number;
  /** Observations with spread < 0 inside the inversion. */
  readonly invertedDays: number;
  /** True when the data end before the un-inversion is confirmed. */
  readonly ongoing: boolean;
}

/** Options of {@link curveInversions}. */
export interface CurveInversionOptions {
  /** Consecutive observations ≥ 0 that end an inversion (integer ≥ 1). Default 20. */
  confirmDays?: number;
  /** Fewest negative observations for an inversion to count (integer ≥ 1). Default 1. */
  minInvertedDays?: number;
}

/** Where the curve stands on a date, see {@link curveStateAt}. */
export interface CurveState {
  /** Date of the spread used (the last observation on or before the as-of date); NaN without one. */
  readonly date: number;
  /** Spread, percentage points. */
  readonly spread: number;
  /** spread < 0. */
  readonly inverted: boolean;
  /** Spread change over the last `changeMonths` months (percentage points), NaN without history. */
  readonly change: number;
  /** The last inversion that started on or before the date, as the rule knew it then (null: none). */
  readonly lastInversion: CurveInversion | null;
  /** Spread − trough of that inversion, basis points (NaN without one). */
  readonly steepeningSinceTroughBp: number;
  /** Days from its confirmed un-inversion to the date (NaN while inverted or without one). */
  readonly daysSinceUninversion: number;
}

/**
 * The slope of the curve: `long − short` on the dates both have a valid value (percentage points).
 *
 * @example
 * import { curveSpread, seriesFromArrays } from "@cyclelens/core";
 * const dgs10 = seriesFromArrays([1, 2, 3], [4.0, 4.1, NaN]);
 * const dgs2 = seriesFromArrays([1, 2, 3, 4], [4.5, 4.0, 4.0, 3.9]);
 * curveSpread(dgs10, dgs2); // dates [1, 2], values [-0.5, 0.1] (≈, floating point)
 */
export function curveSpread(long: Series, short: Series): Series {
  assertSeries("long", long);
  assertSeries("short", short);
  const j = alignSeries(long, short);
  const a = j.values[0]!;
  const b = j.values[1]!;
  const dates: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < j.dates.length; i++) {
    const x = a[i]! - b[i]!;
    if (Number.isNaN(x)) continue;
    dates.push(j.dates[i]!);
    // FRED quotes yields to 2 decimals: round away the binary noise of the difference (4.1 − 4.0).
    values.push(Math.round(x * 1e8) / 1e8);
  }
  return { dates: Int32Array.from(dates), values: Float64Array.from(values) };
}

function validOnly(spread: Series): { dates: Int32Array; values: Float64Array } {
  assertSeries("spread", spread);
  const n = spread.values.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = spread.values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v))
      throw new InvalidArgumentError(`spread.values[${i}]`, v, "must be finite or NaN");
    dates[k] = spread.dates[i]!;
    values[k++] = v;
  }
  return { dates: dates.subarray(0, k), values: values.subarray(0, k) };
}

/**
 * The inversions of a spread series (NaN values skipped), oldest first, under the rule of the module
 * documentation. O(n).
 *
 * @example
 * import { curveInversions, seriesFromArrays } from "@cyclelens/core";
 * const days = [1, 2, 3, 4, 5, 6, 7, 8];
 * const spread = seriesFromArrays(days, [0.2, -0.1, -0.3, 0.05, -0.2, 0.1, 0.2, 0.3]);
 * curveInversions(spread, { confirmDays: 2 });
 * // [{ start: 2, end: 5, uninvertedOn: 6, confirmedOn: 7, trough: -0.3, troughDate: 3, invertedDays: 3, ongoing: false }]
 */
export function curveInversions(spread: Series, options: CurveInversionOptions = {}): CurveInversion[] {
  const confirmDays = options.confirmDays ?? 20;
  assertPositiveInteger("confirmDays", confirmDays);
  const minInvertedDays = options.minInvertedDays ?? 1;
  assertPositiveInteger("minInvertedDays", minInvertedDays);
  const { dates, values } = validOnly(spread);
  const out: CurveInversion[] = [];
  const n = values.length;
  let i = 0;
  while (i < n) {
    if (!(values[i]! < 0)) {
      i++;
      continue;
    }
    // An inversion starts at i; scan until confirmDays consecutive non-negative observations.
    const start = i;
    let end = i;
    let trough = values[i]!;
    let troughIndex = i;
    let negatives = 0;
    let run = 0; // consecutive non-negative observations
    let j = i;
    for (; j < n; j++) {
      const v = values[j]!;
      if (v < 0) {
        negatives++;
        end = j;
        run = 0;
        if (v < trough) {
          trough = v;
          troughIndex = j;
        }
      } else if (++run === confirmDays) break;
    }
    const confirmed = j < n;
    if (negatives >= minInvertedDays) {
      out.push({
        start: dates[start]!,
        end: dates[end]!,
        uninvertedOn: confirmed ? dates[end + 1]! : Number.NaN,
        confirmedOn: confirmed ? dates[j]! : Number.NaN,
        trough,
        troughDate: dates[troughIndex]!,
        invertedDays: negatives,
        ongoing: !confirmed,
      });
    }
    i = confirmed ? j + 1 : n;
  }
  return out;
}

/**
 * Dates of the confirmed un-inversions (`uninvertedOn`), the event list of "after the curve un-inverted".
 *
 * @example
 * import { uninversionDates } from "@cyclelens/core";
 * uninversionDates([]); // []
 */
export function uninversionDates(inversions: readonly CurveInversion[]): number[] {
  return inversions.filter((x) => !x.ongoing).map((x) => x.uninvertedOn);
}

/**
 * The state of the curve on `asOf` as the rule knew it then (no look-ahead): the last spread on or before
 * `asOf`, its change over `changeMonths` months (default 6), the last inversion that started by `asOf`
 * (ongoing unless its un-inversion was **confirmed** by `asOf`), the steepening since that inversion's
 * trough (basis points) and the days since its un-inversion. Pass the inversions of the whole series
 * ({@link curveInversions}); they are re-read as of the date.
 *
 * @example
 * import { curveInversions, curveStateAt, seriesFromArrays } from "@cyclelens/core";
 * const spread = seriesFromArrays([1, 2, 3, 4, 5, 6], [0.2, -0.4, -0.1, 0.1, 0.2, 0.5]);
 * const inv = curveInversions(spread, { confirmDays: 2 });
 * curveStateAt(spread, inv, 6).steepeningSinceTroughBp; // 90 (0.5 − (−0.4), in bp)
 * curveStateAt(spread, inv, 4).lastInversion?.ongoing;  // true (the un-inversion is confirmed on day 5)
 */
export function curveStateAt(
  spread: Series,
  inversions: readonly CurveInversion[],
  asOf: number,
  options: { changeMonths?: number } = {},
): CurveState {
  assertSeries("spread", spread);
  if (!Number.isInteger(asOf)) throw new InvalidArgumentError("asOf", asOf, "must be an integer epoch day");
  const changeMonths = options.changeMonths ?? 6;
  assertPositiveInteger("changeMonths", changeMonths);
  const { dates, values } = validOnly(spread);
  const i = indexOnOrBefore(dates, asOf);
  const nan = Number.NaN;
  if (i < 0) {
    return {
      date: nan,
      spread: nan,
      inverted: false,
      change: nan,
      lastInversion: null,
      steepeningSinceTroughBp: nan,
      daysSinceUninversion: nan,
    };
  }
  const date = dates[i]!;
  const value = values[i]!;
  const j = indexOnOrBefore(dates, addMonths(date, -changeMonths));
  let last: CurveInversion | null = null;
  for (let k = inversions.length - 1; k >= 0; k--) {
    const x = inversions[k]!;
    if (x.start > asOf) continue;
    if (!x.ongoing && x.confirmedOn <= asOf) last = x;
    else {
      // As known on asOf: still inverted (or un-inversion not yet confirmed); trough so far.
      let trough = Number.POSITIVE_INFINITY;
      let troughDate = x.start;
      let end = x.start;
      let negatives = 0;
      for (let m = indexOnOrBefore(dates, x.start); m >= 0 && m <= i; m++) {
        if (values[m]! < 0) {
          negatives++;
          end = dates[m]!;
          if (values[m]! < trough) {
            trough = values[m]!;
            troughDate = dates[m]!;
          }
        }
      }
      last = {
        ...x,
        end,
        trough,
        troughDate,
        invertedDays: negatives,
        uninvertedOn: nan,
        confirmedOn: nan,
        ongoing: true,
      };
    }
    break;
  }
  return {
    date,
    spread: value,
    inverted: value < 0,
    change: j >= 0 ? value - values[j]! : nan,
    lastInversion: last,
    steepeningSinceTroughBp: last ? Math.round((value - last.trough) * 1e6) / 1e4 : nan,
    daysSinceUninversion: last && !last.ongoing ? asOf - last.uninvertedOn : nan,
  };
}
