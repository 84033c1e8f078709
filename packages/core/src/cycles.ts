/**
 * Monetary-policy **rate cycles**: easing and tightening cycles detected from a policy-rate series.
 *
 * Input is a rate in percent — either a target step series (e.g. FRED `DFEDTARU`, the upper bound
 * of the Fed funds target range) or the noisy daily effective rate (`DFF`). Output is a list of
 * cycles, each with its moves, so "when did the last easing cycle start?" is
 * `detectRateCycles(rate).filter((c) => c.direction === "easing").at(-1)?.start`.
 *
 * ## The move rule
 * The detector keeps an **anchor**: the level established by the last recognised move (at the
 * start, the first valid observation). Walking forward through the valid (non-NaN) observations:
 * 1. An observation whose value differs from the anchor by at least `minMoveBp` basis points
 *    (default 20 bp) is a **candidate move** up or down.
 * 2. The candidate is **confirmed** when it and the next `confirmObservations − 1` valid
 *    observations (default 3 in all) are all at least `minMoveBp` away from the anchor on the same
 *    side. This filters the effective rate's one- and two-day spikes (quarter ends, 2001-09-11)
 *    while a genuine step (which persists) passes. A candidate in the last
 *    `confirmObservations − 1` observations of the data cannot be confirmed yet and is not
 *    reported.
 * 3. A confirmed move is dated at the candidate's date, goes `from` the anchor `to` the candidate's
 *    value, and `to` becomes the new anchor. Scanning resumes at the next observation, so a second
 *    step inside the confirmation window is still found.
 *
 * Consequences: on a clean step series with steps ≥ `minMoveBp` every step is one move, with its
 * exact date and levels (even steps on consecutive observations). Daily wiggles smaller than
 * `minMoveBp` never count, because they are compared with the anchor, not with the previous day, so
 * they cannot accumulate. Slow drift of the effective rate inside an unchanged target range *can*
 * accumulate into a move once it exceeds `minMoveBp` — use the target series when you need policy
 * decisions exactly. Every move has |change| ≥ `minMoveBp`, and consecutive moves chain
 * (`moves[k].to === moves[k + 1].from`).
 *
 * ## The cycle rule
 * A cycle starts with the first move in a new direction (the first move ever, or the first move
 * after an opposite move). Further moves in the same direction extend it as long as the pause since
 * its previous move is at most `maxPauseDays` calendar days (default 400, so the Fed's 2016 year-long
 * pause keeps 2015–18 one tightening cycle and the 2019 cuts and the March 2020 cuts are one easing
 * cycle). A longer pause closes the cycle; the next move, even in the same direction, starts a new
 * one. A cycle ends with its last move.
 *
 * A cycle is **ongoing** when it is the last one and the data end no more than `ongoingWithinDays`
 * calendar days (default `maxPauseDays`) after its last move: no opposite move has happened since
 * (it is the last cycle) and the pause so far has not closed it.
 *
 * Units: rates in percent, changes in basis points (1 bp = 0.01 percentage point).
 */
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { assertSeries, type Series } from "./series.js";

/** Direction of a rate move or cycle. */
export type CycleDirection = "easing" | "tightening";

/** One recognised policy-rate move. */
export interface RateMove {
  /** Epoch day of the first observation at the new level. */
  readonly date: number;
  /** Level before the move (the anchor), percent. */
  readonly from: number;
  /** Level after the move (the value observed on `date`), percent. */
  readonly to: number;
  /** `(to − from) × 100`, basis points; negative for a cut. */
  readonly changeBp: number;
}

/** One easing or tightening cycle. */
export interface RateCycle {
  readonly direction: CycleDirection;
  /** Epoch day of the first move. */
  readonly start: number;
  /** Epoch day of the last move. */
  readonly end: number;
  /** The moves of the cycle, in date order. */
  readonly moves: readonly RateMove[];
  /** `moves.length`. */
  readonly moveCount: number;
  /** Sum of the moves' changes, basis points (= (rateAfter − rateBefore) × 100). */
  readonly totalChangeBp: number;
  /** Level before the first move, percent. */
  readonly rateBefore: number;
  /** Level after the last move, percent. */
  readonly rateAfter: number;
  /** True for the last cycle when the data end within `ongoingWithinDays` of its last move. */
  readonly ongoing: boolean;
}

/** Options of {@link detectRateMoves} and {@link detectRateCycles}. */
export interface RateCycleOptions {
  /** Minimum distance from the anchor, in basis points, for a move (> 0). Default 20. */
  minMoveBp?: number;
  /**
   * Number of consecutive valid observations (the candidate included) that must stay beyond the
   * threshold to confirm a move (integer ≥ 1). Default 3; use 1 for a clean target series when the
   * last two observations must count, or for monthly data.
   */
  confirmObservations?: number;
  /** Longest pause, in calendar days, between two moves of the same cycle. Default 400. */
  maxPauseDays?: number;
  /** A last cycle whose last move is at most this many days before the data end is ongoing. Default `maxPauseDays`. */
  ongoingWithinDays?: number;
}

const EPS_BP = 1e-9;

function nonNegative(argument: string, value: number): void {
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new InvalidArgumentError(argument, value, "must be a finite number ≥ 0");
  }
}

/**
 * The policy-rate moves of `rate` (percent) under the move rule of this module: a change of at
 * least `minMoveBp` from the level set by the previous move, confirmed by `confirmObservations`
 * consecutive valid observations. NaN values are skipped. Empty or all-NaN input gives `[]`.
 *
 * @example
 * import { detectRateMoves, seriesFromArrays } from "@cyclelens/core";
 * const rate = seriesFromArrays([1, 2, 3, 4, 5, 6], [5.5, 5.5, 5.0, 5.0, 5.0, 5.0]);
 * detectRateMoves(rate);
 * // [{ date: 3, from: 5.5, to: 5, changeBp: -50 }]
 */
export function detectRateMoves(rate: Series, options: RateCycleOptions = {}): RateMove[] {
  assertSeries("rate", rate);
  const minMoveBp = options.minMoveBp ?? 20;
  if (!(minMoveBp > 0) || !Number.isFinite(minMoveBp)) {
    throw new InvalidArgumentError("minMoveBp", minMoveBp, "must be a finite number > 0");
  }
  const confirm = options.confirmObservations ?? 3;
  assertPositiveInteger("confirmObservations", confirm);

  // Indices of the valid observations.
  const { dates, values } = rate;
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) idx.push(i);
  const moves: RateMove[] = [];
  if (idx.length === 0) return moves;

  const side = (v: number, anchor: number): number => {
    const bp = (v - anchor) * 100;
    return bp >= minMoveBp - EPS_BP ? 1 : bp <= -minMoveBp + EPS_BP ? -1 : 0;
  };

  let anchor = values[idx[0]!]!;
  for (let k = 1; k < idx.length; k++) {
    const v = values[idx[k]!]!;
    const s = side(v, anchor);
    if (s === 0) continue;
    if (k + confirm - 1 >= idx.length) break; // cannot be confirmed yet
    let confirmed = true;
    for (let c = 1; c < confirm; c++) {
      if (side(values[idx[k + c]!]!, anchor) !== s) {
        confirmed = false;
        break;
      }
    }
    if (!confirmed) continue;
    moves.push({ date: dates[idx[k]!]!, from: anchor, to: v, changeBp: (v - anchor) * 100 });
    anchor = v;
  }
  return moves;
}

/**
 * Easing and tightening cycles of a policy rate (percent), see the module documentation for the
 * move and cycle rules and their defaults (`minMoveBp` 20, `confirmObservations` 3,
 * `maxPauseDays` 400). Cycles are in date order; only the last can be ongoing.
 *
 * @example
 * import { detectRateCycles, seriesFromArrays } from "@cyclelens/core";
 * // Daily observations: hikes on days 10 and 20, a cut on day 30.
 * const days = Array.from({ length: 40 }, (_, i) => i);
 * const level = days.map((d) => (d < 10 ? 1 : d < 20 ? 1.25 : d < 30 ? 1.5 : 1.25));
 * const cycles = detectRateCycles(seriesFromArrays(days, level));
 * cycles.map((c) => [c.direction, c.start, c.end, c.totalChangeBp, c.ongoing]);
 * // [["tightening", 10, 20, 50, false], ["easing", 30, 30, -25, true]]
 */
export function detectRateCycles(rate: Series, options: RateCycleOptions = {}): RateCycle[] {
  const maxPauseDays = options.maxPauseDays ?? 400;
  nonNegative("maxPauseDays", maxPauseDays);
  const ongoingWithinDays = options.ongoingWithinDays ?? maxPauseDays;
  nonNegative("ongoingWithinDays", ongoingWithinDays);
  const moves = detectRateMoves(rate, options);

  const groups: RateMove[][] = [];
  let current: RateMove[] | undefined;
  for (const m of moves) {
    const last = current?.[current.length - 1];
    if (
      current &&
      last &&
      Math.sign(last.changeBp) === Math.sign(m.changeBp) &&
      m.date - last.date <= maxPauseDays
    ) {
      current.push(m);
    } else {
      current = [m];
      groups.push(current);
    }
  }

  let lastDataDate = Number.NaN;
  for (let i = rate.values.length - 1; i >= 0; i--) {
    if (!Number.isNaN(rate.values[i]!)) {
      lastDataDate = rate.dates[i]!;
      break;
    }
  }

  return groups.map((g, i): RateCycle => {
    const first = g[0]!;
    const last = g[g.length - 1]!;
    let total = 0;
    for (const m of g) total += m.changeBp;
    return {
      direction: first.changeBp < 0 ? "easing" : "tightening",
      start: first.date,
      end: last.date,
      moves: g,
      moveCount: g.length,
      totalChangeBp: total,
      rateBefore: first.from,
      rateAfter: last.to,
      ongoing: i === groups.length - 1 && lastDataDate - last.date <= ongoingWithinDays,
    };
  });
}

/**
 * Start dates (epoch days) of the cycles in a given direction — the event list for an event study
 * such as "IWM vs SPY after easing-cycle starts".
 *
 * @example
 * import { cycleStarts, detectRateCycles, eventStudy } from "@cyclelens/core";
 * // const events = cycleStarts(detectRateCycles(dfedtaru), "easing");
 * // eventStudy({ events, series: { base: iwm, benchmark: spy }, horizons: [{ months: 3 }] });
 * cycleStarts([], "easing"); // []
 */
export function cycleStarts(cycles: readonly RateCycle[], direction?: CycleDirection): number[] {
  return cycles.filter((c) => direction === undefined || c.direction === direction).map((c) => c.start);
}
