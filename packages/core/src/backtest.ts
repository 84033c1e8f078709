/**
 * **Backtest of a signal's states**: how did the base (small caps) do against the benchmark (large caps)
 * N months after each date on which a signal was in a given state? The question that makes a signal
 * evidence rather than decoration.
 *
 * ## Conventions
 * - Observations: one per date (typically month ends), each with the state the signal was in **using only
 *   data known on that date** (the caller's job: `rotationSignalHistory` does it). Observations without a
 *   state (`null`) are skipped.
 * - Forward returns as in `eventStudy` (`eventOutcomes` with `endOfMonth`): day 0 = each series' last valid
 *   value on or before the date, exit = the last valid value on or before the date N months later — for a
 *   month-end date the last day of the month N months later — and excess = base return − benchmark return; an observation whose horizon runs past the data is incomplete and left out (`incomplete`).
 * - Per horizon, for every state and for all observations together: count, mean, median, standard
 *   deviation, hit rate (share of excess > 0) of the excess return.
 * - **Overlap.** Monthly observations of an N-month horizon overlap (N − 1 months shared between
 *   neighbours), so they are not independent: the standard error of a mean is the **Newey–West** (Bartlett
 *   kernel) estimate with L = N − 1 monthly lags, over the calendar sequence of observations (a state's
 *   deviations are 0 in the months it is not in). The 95 % interval is mean ± t · se with t of
 *   n_eff − 1 degrees of freedom, n_eff = max(2, ⌊count / N⌋) (the number of non-overlapping horizons);
 *   the hit rate's Clopper–Pearson interval uses n_eff trials. Newey & West, *Econometrica* 55 (1987).
 */
import { InvalidArgumentError } from "./errors.js";
import { eventOutcomes } from "./event-study.js";
import { type ConfidenceInterval, proportionInterval, studentTQuantile } from "./intervals.js";
import type { Series } from "./series.js";
import { mean, median, stddev } from "./stats.js";

/** One dated state of a signal. */
export interface StateObservation {
  readonly date: number;
  /** The state on that date; null = not known (skipped). */
  readonly state: string | null;
}

/** Statistics of the excess returns of one state at one horizon. */
export interface StateStats {
  /** The state, or `"all"` for every observation. */
  readonly state: string;
  /** Complete observations. */
  readonly count: number;
  /** Non-overlapping horizons they span: max(2, ⌊count / months⌋) when count ≥ 2, else count. */
  readonly effectiveCount: number;
  readonly mean: number;
  readonly median: number;
  readonly stdDev: number;
  /** Share of observations with excess > 0. */
  readonly hitRate: number;
  /** Newey–West standard error of the mean. */
  readonly standardError: number;
  /** 95 % interval of the mean from the Newey–West standard error (NaN below two observations). */
  readonly meanInterval: ConfidenceInterval;
  /** 95 % Clopper–Pearson interval of the hit rate on `effectiveCount` trials. */
  readonly hitRateInterval: ConfidenceInterval;
}

/** One horizon of {@link stateBacktest}. */
export interface StateBacktestHorizon {
  readonly months: number;
  /** Observations whose horizon runs past the data (or starts before it). */
  readonly incomplete: number;
  /** Every complete observation together. */
  readonly all: StateStats;
  /** One entry per state, in order of first appearance. */
  readonly states: readonly StateStats[];
  /** Per observation (same order as the input, states null included): the excess return or NaN. */
  readonly excess: Float64Array;
}

/**
 * Newey–West standard error of the mean of the values at the positions where `member` is true, with the
 * positions a regular (monthly) sequence and `lags` Bartlett-weighted lags. NaN values are not members.
 *
 * @example
 * import { neweyWestStandardError } from "@cyclelens/core";
 * neweyWestStandardError([1, 2, 3, 4], [true, true, true, true], 0); // 0.5590 = √(Σ(x − mean)²) / n
 */
export function neweyWestStandardError(
  values: ArrayLike<number>,
  member: ArrayLike<boolean>,
  lags: number,
): number {
  if (!Number.isInteger(lags) || lags < 0)
    throw new InvalidArgumentError("lags", lags, "must be an integer ≥ 0");
  const n = values.length;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (member[i] && !Number.isNaN(values[i]!)) {
      count++;
      sum += values[i]!;
    }
  }
  if (count < 2) return Number.NaN;
  const m = sum / count;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) if (member[i] && !Number.isNaN(values[i]!)) u[i] = values[i]! - m;
  let s = 0;
  for (let i = 0; i < n; i++) s += u[i]! * u[i]!;
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let i = l; i < n; i++) c += u[i]! * u[i - l]!;
    s += 2 * (1 - l / (lags + 1)) * c;
  }
  return Math.sqrt(Math.max(0, s)) / count;
}

function statsOf(state: string, excess: Float64Array, member: boolean[], months: number): StateStats {
  const values: number[] = [];
  let hits = 0;
  for (let i = 0; i < excess.length; i++) {
    if (!member[i] || Number.isNaN(excess[i]!)) continue;
    values.push(excess[i]!);
    if (excess[i]! > 0) hits++;
  }
  const count = values.length;
  const effectiveCount = count < 2 ? count : Math.max(2, Math.floor(count / months));
  const se = neweyWestStandardError(excess, member, months - 1);
  const m = mean(values);
  const half = count >= 2 ? studentTQuantile(0.975, effectiveCount - 1) * se : Number.NaN;
  const scaledHits = count === 0 ? 0 : Math.round((hits / count) * effectiveCount);
  return {
    state,
    count,
    effectiveCount,
    mean: m,
    median: median(values),
    stdDev: stddev(values),
    hitRate: count === 0 ? Number.NaN : hits / count,
    standardError: se,
    meanInterval: { level: 0.95, low: m - half, high: m + half },
    hitRateInterval: proportionInterval(scaledHits, effectiveCount),
  };
}

/**
 * Forward excess returns of `base` over `benchmark` after each observation, grouped by state, for each
 * horizon in calendar months (see the module documentation). Observations must be in date order.
 *
 * @example
 * import { seriesFromArrays, stateBacktest } from "@cyclelens/core";
 * // month ends 0, 30, 60, 90; base +10 % a month, benchmark flat
 * const base = seriesFromArrays([0, 31, 59, 90], [100, 110, 121, 133.1]);
 * const flat = seriesFromArrays([0, 31, 59, 90], [100, 100, 100, 100]);
 * const r = stateBacktest([{ date: 0, state: "up" }, { date: 31, state: "up" }], base, flat, [1]);
 * r[0].states[0].mean; // ≈ 0.1
 */
export function stateBacktest(
  observations: readonly StateObservation[],
  base: Series,
  benchmark: Series,
  horizons: readonly number[],
): StateBacktestHorizon[] {
  for (let i = 1; i < observations.length; i++) {
    if (!(observations[i]!.date > observations[i - 1]!.date)) {
      throw new InvalidArgumentError(
        `observations[${i}].date`,
        observations[i]!.date,
        "must be strictly increasing",
      );
    }
  }
  for (const h of horizons) {
    if (!Number.isInteger(h) || h < 1)
      throw new InvalidArgumentError("horizons", h, "must be whole months ≥ 1");
  }
  const outcomes = eventOutcomes({
    events: observations.map((o) => o.date),
    series: { base, benchmark },
    horizons: horizons.map((months) => ({ months, endOfMonth: true })),
  });
  const order: string[] = [];
  for (const o of observations) if (o.state !== null && !order.includes(o.state)) order.push(o.state);
  return outcomes.map((events, hi) => {
    const months = horizons[hi]!;
    const excess = new Float64Array(observations.length);
    let incomplete = 0;
    for (let i = 0; i < observations.length; i++) {
      const e = events[i]!;
      excess[i] = observations[i]!.state !== null && e.complete ? e.excessReturn : Number.NaN;
      if (observations[i]!.state !== null && !e.complete) incomplete++;
    }
    const known = observations.map((o) => o.state !== null);
    return {
      months,
      incomplete,
      all: statsOf("all", excess, known, months),
      states: order.map((state) =>
        statsOf(
          state,
          excess,
          observations.map((o) => o.state === state),
          months,
        ),
      ),
      excess,
    };
  });
}
