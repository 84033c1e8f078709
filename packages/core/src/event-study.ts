/**
 * **Event study**: what did an instrument (and its excess over a benchmark) do over fixed horizons
 * after a list of event dates — e.g. "after easing-cycle starts, how did IWM do against SPY over 3,
 * 6 and 12 months?".
 *
 * ## Conventions
 * - Prices: pass adjusted closes (total-return-like); returns are simple returns, not annualised.
 * - **Day 0** (entry) is the last valid (non-NaN) value on or before the event date; each series
 *   (base, benchmark) uses its own last value on or before the event date.
 * - **Exit**: for a `{ months: n }` horizon the end date is `addMonths(event, n)` (clamped to the
 *   month end: 2024-01-31 + 1 month = 2024-02-29), and the exit is each series' last valid value on
 *   or before that end date; with `endOfMonth: true` an event on the last day of a month ends on the last
 *   day of the month n months later (2024-02-29 + 1 month = 2024-03-31). For a `{ tradingDays: n }` horizon the exit is the n-th valid
 *   observation of the **base** series after the entry (trading days are observations of the base
 *   series), and the benchmark exits at its last valid value on or before that date.
 * - Return = exit / entry − 1; **excess** = base return − benchmark return (arithmetic difference).
 * - **Incomplete** events are kept in the output with a reason and excluded from the summary:
 *   `"starts-before-data"` when a series has no valid value on or before the event date, and
 *   `"ends-after-data"` when the horizon's end date lies after a series' last valid observation (for
 *   months) or the base has fewer than n valid observations after the entry (for trading days).
 *   A months horizon ending exactly on the last observation date is complete.
 * - **Summary** per horizon and per measure (base, benchmark, excess) over the complete events:
 *   count, mean, median, sample standard deviation (n − 1), t-statistic mean / (sd / √n), hit rate
 *   (share of values > 0), min and max, and three 95 % intervals fit for 4–10 events (see
 *   `intervals.ts`): Student's t interval of the mean, the exact percentile-bootstrap interval of the
 *   mean, and the Clopper–Pearson interval of the hit rate. Undefined statistics are NaN (e.g. sd of
 *   one event).
 *
 * Method: a plain buy-and-hold event study with a market-adjusted (benchmark-minus) abnormal
 * return, as in A. C. MacKinlay, "Event Studies in Economics and Finance", *Journal of Economic
 * Literature* 35 (1997). The t-statistic assumes independent events; overlapping horizons (events
 * closer together than the horizon) overstate it.
 */
import { addMonths, formatISODate, ymd } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import {
  type BootstrapInterval,
  bootstrapMeanInterval,
  type ConfidenceInterval,
  meanTInterval,
  proportionInterval,
} from "./intervals.js";
import { assertSeries, indexOnOrBefore, type Series } from "./series.js";
import { mean, median, stddev, tStatistic } from "./stats.js";

/** A horizon: a number of observations of the base series, or calendar months. */
export type EventHorizon =
  | { readonly tradingDays: number }
  | {
      readonly months: number;
      /**
       * When the event date is the last day of its month, end on the last day of the month `months` later
       * (2020-02-29 + 1 month → 2020-03-31, not 03-29): month-end to month-end, for monthly observations.
       */
      readonly endOfMonth?: boolean;
    };

/** Input of {@link eventStudy}. */
export interface EventStudyInput {
  /** Event dates, epoch days (any order; duplicates are kept). */
  readonly events: ArrayLike<number>;
  readonly series: {
    /** The instrument studied, e.g. IWM adjusted close. */
    readonly base: Series;
    /** Optional benchmark, e.g. SPY adjusted close; enables excess returns. */
    readonly benchmark?: Series;
  };
  /** Horizons, e.g. `[{ months: 3 }, { months: 6 }, { months: 12 }]`. */
  readonly horizons: readonly EventHorizon[];
}

/** Why an event has no result for a horizon. */
export type IncompleteReason = "starts-before-data" | "ends-after-data";

/** One event at one horizon. Prices and returns are NaN when `complete` is false. */
export interface EventOutcome {
  /** Event date, epoch day. */
  readonly event: number;
  readonly complete: boolean;
  /** Set when `complete` is false. */
  readonly reason?: IncompleteReason;
  /** Human-readable detail of the reason, e.g. which series ran out. */
  readonly detail?: string;
  /** Horizon end date: `addMonths(event, n)`, or the base's exit date for trading days (NaN if unknown). */
  readonly endDate: number;
  /** Base entry date (day 0) and exit date, epoch days (NaN if unknown). */
  readonly entryDate: number;
  readonly exitDate: number;
  readonly baseEntry: number;
  readonly baseExit: number;
  readonly baseReturn: number;
  /** Benchmark dates, prices and return; NaN without a benchmark. */
  readonly benchmarkEntryDate: number;
  readonly benchmarkExitDate: number;
  readonly benchmarkEntry: number;
  readonly benchmarkExit: number;
  readonly benchmarkReturn: number;
  /** baseReturn − benchmarkReturn; NaN without a benchmark. */
  readonly excessReturn: number;
}

/** Summary statistics of one measure over the complete events of a horizon. */
export interface EventSummaryStats {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly stdDev: number;
  /** mean / (stdDev / √count); NaN for fewer than 2 values or zero dispersion. */
  readonly tStat: number;
  /** Share (0–1) of values > 0. */
  readonly hitRate: number;
  readonly min: number;
  readonly max: number;
  /** Student's t 95 % interval of the mean (NaN bounds below two values). */
  readonly meanInterval: ConfidenceInterval;
  /** Percentile-bootstrap 95 % interval of the mean (exact for up to 10 values). */
  readonly bootstrapInterval: BootstrapInterval;
  /** Clopper–Pearson 95 % interval of the hit rate (NaN bounds with no value). */
  readonly hitRateInterval: ConfidenceInterval;
}

/** Results of one horizon. */
export interface EventHorizonResult {
  readonly horizon: EventHorizon;
  /** `"3m"` or `"20d"`. */
  readonly label: string;
  /** One outcome per event, in input order. */
  readonly events: readonly EventOutcome[];
  readonly complete: number;
  readonly incomplete: number;
  readonly summary: {
    readonly base: EventSummaryStats;
    /** `null` without a benchmark. */
    readonly benchmark: EventSummaryStats | null;
    /** Summary of base − benchmark; `null` without a benchmark. */
    readonly excess: EventSummaryStats | null;
  };
}

/** Result of {@link eventStudy}: one entry per horizon, in input order. */
export interface EventStudyResult {
  readonly horizons: readonly EventHorizonResult[];
}

/** Valid (non-NaN) observations of a series, as compact arrays. */
interface Valid {
  dates: Int32Array;
  values: Float64Array;
}

function validOnly(argument: string, series: Series): Valid {
  assertSeries(argument, series);
  const n = series.values.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = series.values[i]!;
    if (Number.isNaN(v)) continue;
    if (!(v > 0) || v === Number.POSITIVE_INFINITY) {
      throw new InvalidArgumentError(
        `${argument}.values[${i}]`,
        v,
        "must be a finite price > 0 (or NaN for missing)",
      );
    }
    dates[k] = series.dates[i]!;
    values[k++] = v;
  }
  return { dates: dates.slice(0, k), values: values.slice(0, k) };
}

/**
 * Summary statistics (count, mean, median, sample sd, t-statistic, hit rate, min, max, and the 95 %
 * t and bootstrap intervals of the mean and Clopper–Pearson interval of the hit rate) of the valid
 * values, as used by {@link eventStudy}. NaN values are skipped; undefined statistics are NaN.
 *
 * @example
 * import { summarizeOutcomes } from "@cyclelens/core";
 * summarizeOutcomes([0.1, -0.05, 0.2]);
 * // { count: 3, mean: 0.0833…, median: 0.1, stdDev: 0.1258…, tStat: 1.1471…, hitRate: 0.666…, min: -0.05, max: 0.2,
 * //   meanInterval: { level: 0.95, low: -0.229…, high: 0.396… }, bootstrapInterval: { …, method: "exact" },
 * //   hitRateInterval: { level: 0.95, low: 0.0942…, high: 0.9915… } }
 */
export function summarizeOutcomes(values: ArrayLike<number>): EventSummaryStats {
  let count = 0;
  let hits = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    count++;
    if (v > 0) hits++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const intervals = {
    meanInterval: meanTInterval(values),
    bootstrapInterval: bootstrapMeanInterval(values),
    hitRateInterval: proportionInterval(hits, count),
  };
  if (count === 0) {
    const nan = Number.NaN;
    return {
      count,
      mean: nan,
      median: nan,
      stdDev: nan,
      tStat: nan,
      hitRate: nan,
      min: nan,
      max: nan,
      ...intervals,
    };
  }
  return {
    count,
    mean: mean(values),
    median: median(values),
    stdDev: stddev(values),
    tStat: tStatistic(values),
    hitRate: hits / count,
    min,
    max,
    ...intervals,
  };
}

function horizonLabel(h: EventHorizon, i: number): string {
  if (h != null && typeof h === "object") {
    if ("months" in h && !("tradingDays" in h)) {
      assertPositiveInteger(`horizons[${i}].months`, h.months);
      return `${h.months}m`;
    }
    if ("tradingDays" in h && !("months" in h)) {
      assertPositiveInteger(`horizons[${i}].tradingDays`, h.tradingDays);
      return `${h.tradingDays}d`;
    }
  }
  throw new InvalidArgumentError(`horizons[${i}]`, h, "must be { tradingDays: n } or { months: n }");
}

/**
 * Forward returns after each event for each horizon, base minus benchmark excess, and a summary
 * per horizon over the complete events (see the module documentation for the day-0, exit and
 * incomplete-event rules).
 *
 * @example
 * import { eventStudy, seriesFromArrays } from "@cyclelens/core";
 * const base = seriesFromArrays([0, 1, 2, 3], [100, 110, 121, 133.1]);
 * const benchmark = seriesFromArrays([0, 1, 2, 3], [100, 100, 105, 105]);
 * const r = eventStudy({ events: [0, 3], series: { base, benchmark }, horizons: [{ tradingDays: 1 }] });
 * r.horizons[0].events[0].excessReturn; // ≈ 0.1  (base +10 %, benchmark 0 %)
 * r.horizons[0].events[1].reason;       // "ends-after-data" (no observation after day 3)
 * r.horizons[0].incomplete;             // 1
 * r.horizons[0].summary.excess?.count;  // 1
 */
export function eventStudy(input: EventStudyInput): EventStudyResult {
  const { horizons, outcomes, hasBenchmark } = prepareOutcomes(input);
  return {
    horizons: horizons.map((h, hi): EventHorizonResult => {
      const events = outcomes[hi]!;
      const done = events.filter((o) => o.complete);
      return {
        horizon: h.horizon,
        label: h.label,
        events,
        complete: done.length,
        incomplete: events.length - done.length,
        summary: {
          base: summarizeOutcomes(done.map((o) => o.baseReturn)),
          benchmark: hasBenchmark ? summarizeOutcomes(done.map((o) => o.benchmarkReturn)) : null,
          excess: hasBenchmark ? summarizeOutcomes(done.map((o) => o.excessReturn)) : null,
        },
      };
    }),
  };
}

/**
 * The outcomes of {@link eventStudy} without the summaries: per horizon (input order), one outcome per
 * event (input order), under the same day-0, exit and incomplete rules. For callers that summarise
 * differently (a backtest of overlapping monthly observations).
 *
 * @example
 * import { eventOutcomes, seriesFromArrays } from "@cyclelens/core";
 * const base = seriesFromArrays([0, 1, 2], [100, 110, 121]);
 * eventOutcomes({ events: [0, 2], series: { base }, horizons: [{ tradingDays: 1 }] })[0].map((o) => o.complete);
 * // [true, false]
 */
export function eventOutcomes(input: EventStudyInput): EventOutcome[][] {
  return prepareOutcomes(input).outcomes;
}

function prepareOutcomes(input: EventStudyInput): {
  horizons: { horizon: EventHorizon; label: string }[];
  outcomes: EventOutcome[][];
  hasBenchmark: boolean;
} {
  if (input == null || typeof input !== "object") {
    throw new InvalidArgumentError(
      "input",
      input,
      "must be { events, series: { base, benchmark? }, horizons }",
    );
  }
  const { events, series, horizons } = input;
  if (events == null || typeof events.length !== "number") {
    throw new InvalidArgumentError("events", events, "must be an array of epoch days");
  }
  for (let i = 0; i < events.length; i++) {
    if (!Number.isInteger(events[i])) {
      throw new InvalidArgumentError(`events[${i}]`, events[i], "must be an integer epoch day");
    }
  }
  if (!Array.isArray(horizons)) {
    throw new InvalidArgumentError("horizons", horizons, "must be an array of { tradingDays } or { months }");
  }
  if (series == null) throw new InvalidArgumentError("series", series, "must be { base, benchmark? }");
  const base = validOnly("series.base", series.base);
  const bench = series.benchmark === undefined ? undefined : validOnly("series.benchmark", series.benchmark);
  const labels = horizons.map(horizonLabel);
  return {
    horizons: horizons.map((horizon, i) => ({ horizon, label: labels[i]! })),
    outcomes: horizons.map((h) => {
      const out: EventOutcome[] = [];
      for (let e = 0; e < events.length; e++) out.push(outcome(events[e]!, h, base, bench));
      return out;
    }),
    hasBenchmark: bench !== undefined,
  };
}

function outcome(event: number, h: EventHorizon, base: Valid, bench: Valid | undefined): EventOutcome {
  const nan = Number.NaN;
  const fail = (reason: IncompleteReason, detail: string, endDate = nan): EventOutcome => ({
    event,
    complete: false,
    reason,
    detail,
    endDate,
    entryDate: nan,
    exitDate: nan,
    baseEntry: nan,
    baseExit: nan,
    baseReturn: nan,
    benchmarkEntryDate: nan,
    benchmarkExitDate: nan,
    benchmarkEntry: nan,
    benchmarkExit: nan,
    benchmarkReturn: nan,
    excessReturn: nan,
  });
  const day = formatISODate(event);
  const i0 = indexOnOrBefore(base.dates, event);
  if (i0 < 0) return fail("starts-before-data", `base has no value on or before ${day}`);
  const j0 = bench ? indexOnOrBefore(bench.dates, event) : -1;
  if (bench && j0 < 0) return fail("starts-before-data", `benchmark has no value on or before ${day}`);

  let endDate: number;
  let i1: number;
  if ("months" in h) {
    endDate = addMonths(event, h.months);
    if (h.endOfMonth && addMonths(event - ymd(event).day + 1, 1) - 1 === event) {
      endDate = addMonths(endDate - ymd(endDate).day + 1, 1) - 1;
    }
    const lastBase = base.dates[base.dates.length - 1]!;
    if (endDate > lastBase) {
      return fail(
        "ends-after-data",
        `horizon ends ${formatISODate(endDate)}, base ends ${formatISODate(lastBase)}`,
        endDate,
      );
    }
    i1 = indexOnOrBefore(base.dates, endDate);
  } else {
    i1 = i0 + h.tradingDays;
    if (i1 >= base.dates.length) {
      return fail("ends-after-data", `base has fewer than ${h.tradingDays} observations after ${day}`);
    }
    endDate = base.dates[i1]!;
  }
  let j1 = -1;
  if (bench) {
    const lastBench = bench.dates[bench.dates.length - 1]!;
    if (endDate > lastBench) {
      return fail(
        "ends-after-data",
        `horizon ends ${formatISODate(endDate)}, benchmark ends ${formatISODate(lastBench)}`,
        endDate,
      );
    }
    j1 = indexOnOrBefore(bench.dates, endDate);
  }
  const baseEntry = base.values[i0]!;
  const baseExit = base.values[i1]!;
  const baseReturn = baseExit / baseEntry - 1;
  const benchmarkEntry = bench ? bench.values[j0]! : nan;
  const benchmarkExit = bench ? bench.values[j1]! : nan;
  const benchmarkReturn = benchmarkExit / benchmarkEntry - 1;
  return {
    event,
    complete: true,
    endDate,
    entryDate: base.dates[i0]!,
    exitDate: base.dates[i1]!,
    baseEntry,
    baseExit,
    baseReturn,
    benchmarkEntryDate: bench ? bench.dates[j0]! : nan,
    benchmarkExitDate: bench ? bench.dates[j1]! : nan,
    benchmarkEntry,
    benchmarkExit,
    benchmarkReturn,
    excessReturn: baseReturn - benchmarkReturn,
  };
}
