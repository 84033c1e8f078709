/**
 * Monetary-policy **rate cycles**: easing and tightening cycles detected from a policy-rate series.
 *
 * Input is a rate in percent: a target step series (FRED `DFEDTARU`, the FOMC's decisions), the
 * noisy daily effective rate (`DFF`), or a monthly average (`FEDFUNDS`). Output is a list of cycles,
 * each with its moves, so "when did the last easing cycle start?" is
 * `detectRateCycles(rate).filter((c) => c.direction === "easing").at(-1)?.start`.
 *
 * Each kind of series has its own **move rule**, chosen by `frequency` (`"auto"` picks daily or
 * monthly from the median spacing of the observations: 25 days or more is monthly; step series are
 * never guessed, say `"step"`). NaN values are skipped by every rule.
 *
 * ## Daily rule (the effective rate)
 * The effective rate trades around the target with spikes at quarter and year ends, and at times
 * (August 2007, January 1991) it sits 20–40 bp off the target for weeks without any decision. The rule
 * therefore measures persistence in **calendar time**, in business days (Monday–Friday), never in
 * observations: FRED's DFF repeats Friday's value on Saturday and Sunday, so **weekend observations
 * are ignored** and a Friday spike cannot confirm itself.
 * - The **level** on a business day is the median of the observations of the `levelWindowDays`
 *   business days starting that day (default 10, two weeks: one reserve maintenance period). Its
 *   **neighbourhood** is the median of the business days within ⌊levelWindowDays / 4⌋ days of it
 *   (±2, one week by default), which a one- or two-day spike cannot move.
 * - The **anchor** is the level set by the last move (at the start, the first level). While no move
 *   is found it follows the median of every observation since that move, once there are
 *   `levelWindowDays` of them: slow drift inside an unchanged target (the effective rate's drift
 *   within a range) is followed, not counted, and a weeks-long excursion does not drag it.
 * - A **move** starts on a day whose own value and neighbourhood are both at least `minMoveBp`
 *   (default 20) from the anchor on the same side, with the value within `minMoveBp` of its
 *   neighbourhood (a spike cannot start a move). It is **confirmed** when the level stays beyond the
 *   threshold on that side for every day of the next `persistDays` business days (default 30, six
 *   weeks, about the spacing of FOMC meetings: a level that holds until the next meeting is policy;
 *   a liquidity squeeze that reverses is not). The move is dated on its first day, goes `from` the
 *   anchor `to` the level of that day, which becomes the anchor: the **level that persisted**, never
 *   the first day's print, so a spike yields nothing. A failed window resumes the scan after the
 *   first day that broke it. A move that cannot be confirmed yet (fewer than `persistDays` business
 *   days of data after it) is not reported: moves are known `persistDays` business days late
 *   (`confirmedOn`).
 *
 * ## Monthly rule (monthly averages)
 * The month of a change holds a partial average. A move starts in the first month at least
 * `minMoveBp` from the anchor and is confirmed when the next month is beyond it on the same side; it is
 * dated on the first month (as stamped in the data, e.g. FRED's first of the month), and its level is
 * the next month's value (the first full month). The anchor follows the median of the months since the
 * last move, once there are two of them.
 *
 * ## Step rule (a target series)
 * Every change of at least `minMoveBp` from the previous observation is a move on the day it takes
 * effect, confirmed at once. Smaller changes (the fine-tuning of the 1980s, 1/16 point) change the
 * level but are not moves, so consecutive moves chain only when there was no fine-tuning in between.
 *
 * ## The cycle rule
 * A cycle starts with the first move in a new direction (the first move ever, or the first move
 * after an opposite move). Further moves in the same direction extend it as long as the pause since
 * its previous move is at most `maxPauseDays` calendar days (default 400, so the Fed's 2016 year-long
 * pause keeps 2015–18 one tightening cycle and the 2019 cuts and the March 2020 cuts are one easing
 * cycle). A longer pause closes the cycle; the next move, even in the same direction, starts a new
 * one. A cycle ends with its last move. A cycle is **ongoing** when it is the last one and the data
 * end no more than `ongoingWithinDays` calendar days (default `maxPauseDays`) after its last move.
 *
 * Measured on FRED's DFF 1976–2026 with the defaults: 13 cycles since 1989 (the FOMC's 12 and the lone
 * hike of 1997-03-25), no spurious cycle; every start within 3 days of the FOMC decision except the cut
 * of 1998-09-29, which DFF shows only on 1998-10-08 (it stayed at 5.39–6.14 through the quarter end).
 * On FEDFUNDS every start is in the month of the decision or the month before it (August 2007, when the
 * average fell 24 bp below the target before the September cut).
 *
 * Units: rates in percent, changes in basis points (1 bp = 0.01 percentage point).
 */
import { dayOfWeek } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { assertSeries, type Series } from "./series.js";

/** Direction of a rate move or cycle. */
export type CycleDirection = "easing" | "tightening";

/** Which move rule to apply, see the module documentation. */
export type RateFrequency = "daily" | "monthly" | "step";

/** One recognised policy-rate move. */
export interface RateMove {
  /** Epoch day of the first observation at the new level. */
  readonly date: number;
  /** Level before the move (the anchor), percent. */
  readonly from: number;
  /** Level after the move (the level that persisted), percent. */
  readonly to: number;
  /** `(to − from) × 100`, basis points; negative for a cut. */
  readonly changeBp: number;
  /**
   * Epoch day of the observation that confirmed the move: the last day of its persistence window
   * (daily), the next month (monthly) or `date` itself (step). A backtest may use the move from then on.
   */
  readonly confirmedOn: number;
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
  /** `(rateAfter − rateBefore) × 100`, basis points (includes fine-tuning steps of a step series). */
  readonly totalChangeBp: number;
  /** Level before the first move, percent. */
  readonly rateBefore: number;
  /** Level after the last move, percent. */
  readonly rateAfter: number;
  /** True for the last cycle when the data end within `ongoingWithinDays` of its last move. */
  readonly ongoing: boolean;
}

/** Options of {@link detectRateMoves}. */
export interface RateMoveOptions {
  /** Minimum distance from the anchor, in basis points, for a move (> 0). Default 20. */
  minMoveBp?: number;
  /** Move rule: `"auto"` (default: daily, or monthly when observations are 25+ days apart), `"daily"`, `"monthly"` or `"step"`. */
  frequency?: RateFrequency | "auto";
  /** Daily rule: business days whose median is the level (integer ≥ 1). Default 10. */
  levelWindowDays?: number;
  /** Daily rule: business days the level must stay beyond the threshold (integer ≥ `levelWindowDays`). Default 30. */
  persistDays?: number;
}

/** Options of {@link detectRateCycles}: the move rule's and the cycle rule's. */
export interface RateCycleOptions extends RateMoveOptions {
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

/** Business-day index of an epoch day: consecutive for Monday–Friday (a weekend maps to the next Monday). */
function businessDay(day: number): number {
  const x = day + 3; // days since Monday 1969-12-29
  const week = Math.floor(x / 7);
  return week * 5 + Math.min(x - week * 7, 5);
}

/**
 * The move rule a series gets under `frequency: "auto"`: `"monthly"` when the median spacing of its
 * valid observations is 25 days or more, otherwise `"daily"`.
 *
 * @example
 * import { inferRateFrequency, seriesFromArrays } from "@cyclelens/core";
 * inferRateFrequency(seriesFromArrays([0, 31, 59, 90], [1, 1, 1, 1])); // "monthly"
 * inferRateFrequency(seriesFromArrays([0, 1, 2, 5], [1, 1, 1, 1]));    // "daily"
 */
export function inferRateFrequency(rate: Series): "daily" | "monthly" {
  assertSeries("rate", rate);
  const gaps: number[] = [];
  let last = Number.NaN;
  for (let i = 0; i < rate.values.length; i++) {
    if (Number.isNaN(rate.values[i]!)) continue;
    if (!Number.isNaN(last)) gaps.push(rate.dates[i]! - last);
    last = rate.dates[i]!;
  }
  if (gaps.length === 0) return "daily";
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1]! >= 25 ? "monthly" : "daily";
}

/** Median of values[lo..hi) (copied into `scratch`). */
function medianOf(values: Float64Array, lo: number, hi: number, scratch: Float64Array): number {
  const n = hi - lo;
  const buf = scratch.subarray(0, n);
  buf.set(values.subarray(lo, hi));
  buf.sort();
  return n % 2 === 1 ? buf[n >> 1]! : (buf[n / 2 - 1]! + buf[n / 2]!) / 2;
}

/** A running median of a growing multiset (two heaps), for the drift-following anchor. */
class RunningMedian {
  private low: number[] = []; // max-heap (negated)
  private high: number[] = []; // min-heap
  get size(): number {
    return this.low.length + this.high.length;
  }
  clear(): void {
    this.low.length = 0;
    this.high.length = 0;
  }
  push(v: number): void {
    if (this.low.length === 0 || v <= -this.low[0]!) heapPush(this.low, -v);
    else heapPush(this.high, v);
    if (this.low.length > this.high.length + 1) heapPush(this.high, -heapPop(this.low));
    else if (this.high.length > this.low.length) heapPush(this.low, -heapPop(this.high));
  }
  median(): number {
    if (this.low.length === 0) return Number.NaN;
    return this.low.length > this.high.length ? -this.low[0]! : (-this.low[0]! + this.high[0]!) / 2;
  }
}

function heapPush(h: number[], v: number): void {
  let i = h.push(v) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p]! <= h[i]!) break;
    [h[p], h[i]] = [h[i]!, h[p]!];
    i = p;
  }
}

function heapPop(h: number[]): number {
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]! < h[m]!) m = l;
      if (r < h.length && h[r]! < h[m]!) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
  return top;
}

/** Valid observations, optionally without Saturdays and Sundays. */
function validObservations(rate: Series, weekdaysOnly: boolean): { dates: Int32Array; values: Float64Array } {
  const n = rate.values.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = rate.values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v)) throw new InvalidArgumentError(`rate.values[${i}]`, v, "must be finite or NaN");
    const d = rate.dates[i]!;
    if (weekdaysOnly) {
      const dow = dayOfWeek(d);
      if (dow === 0 || dow === 6) continue;
    }
    dates[k] = d;
    values[k++] = v;
  }
  return { dates: dates.subarray(0, k), values: values.subarray(0, k) };
}

function stepMoves(x: Float64Array, dates: Int32Array, minMoveBp: number): RateMove[] {
  const moves: RateMove[] = [];
  for (let k = 1; k < x.length; k++) {
    const bp = (x[k]! - x[k - 1]!) * 100;
    if (Math.abs(bp) >= minMoveBp - EPS_BP) {
      moves.push({ date: dates[k]!, from: x[k - 1]!, to: x[k]!, changeBp: bp, confirmedOn: dates[k]! });
    }
  }
  return moves;
}

function monthlyMoves(x: Float64Array, dates: Int32Array, minMoveBp: number): RateMove[] {
  const moves: RateMove[] = [];
  if (x.length === 0) return moves;
  const since = new RunningMedian();
  let anchor = x[0]!;
  since.push(anchor);
  const side = (v: number) => {
    const bp = (v - anchor) * 100;
    return bp >= minMoveBp - EPS_BP ? 1 : bp <= -minMoveBp + EPS_BP ? -1 : 0;
  };
  for (let k = 1; k < x.length; k++) {
    const s = side(x[k]!);
    if (s !== 0) {
      if (k + 1 >= x.length) break; // cannot be confirmed yet
      if (side(x[k + 1]!) === s) {
        const to = x[k + 1]!;
        moves.push({
          date: dates[k]!,
          from: anchor,
          to,
          changeBp: (to - anchor) * 100,
          confirmedOn: dates[k + 1]!,
        });
        anchor = to;
        since.clear();
        continue;
      }
    }
    since.push(x[k]!);
    if (since.size >= 2) anchor = since.median();
  }
  return moves;
}

function dailyMoves(
  x: Float64Array,
  dates: Int32Array,
  minMoveBp: number,
  levelDays: number,
  persistDays: number,
): RateMove[] {
  const n = x.length;
  const moves: RateMove[] = [];
  if (n === 0) return moves;
  const bd = new Int32Array(n);
  for (let k = 0; k < n; k++) bd[k] = businessDay(dates[k]!);
  const lastBd = bd[n - 1]!;
  const scratch = new Float64Array(Math.max(levelDays, 1) + 1);
  // level[k]: median of the business days [bd_k, bd_k + levelDays); NaN when the window runs past the data.
  const level = new Float64Array(n).fill(Number.NaN);
  let hi = 0;
  for (let k = 0; k < n; k++) {
    while (hi < n && bd[hi]! < bd[k]! + levelDays) hi++;
    if (lastBd >= bd[k]! + levelDays - 1) level[k] = medianOf(x, k, hi, scratch);
  }
  // near[k]: median of the business days within ±h of bd_k.
  const h = Math.floor(levelDays / 4);
  const nearScratch = new Float64Array(2 * h + 2);
  const near = new Float64Array(n);
  let lo = 0;
  hi = 0;
  for (let k = 0; k < n; k++) {
    while (bd[lo]! < bd[k]! - h) lo++;
    while (hi < n && bd[hi]! <= bd[k]! + h) hi++;
    near[k] = medianOf(x, lo, hi, nearScratch);
  }

  const since = new RunningMedian();
  let anchor = Number.isNaN(level[0]!) ? x[0]! : level[0]!;
  const side = (v: number) => {
    const bp = (v - anchor) * 100;
    return bp >= minMoveBp - EPS_BP ? 1 : bp <= -minMoveBp + EPS_BP ? -1 : 0;
  };
  const follow = (k: number) => {
    since.push(x[k]!);
    if (since.size >= levelDays) anchor = since.median();
  };
  follow(0);
  let k = 1;
  scan: while (k < n) {
    const s = side(near[k]!);
    if (s === 0 || side(x[k]!) !== s || Math.abs(x[k]! - near[k]!) * 100 >= minMoveBp - EPS_BP) {
      follow(k++);
      continue;
    }
    if (lastBd < bd[k]! + persistDays - 1) break; // cannot be confirmed yet
    let j = k;
    for (; j < n && bd[j]! <= bd[k]! + persistDays - levelDays; j++) {
      if (side(level[j]!) !== s) {
        for (let f = k; f <= j; f++) follow(f);
        k = j + 1;
        continue scan;
      }
    }
    let c = j;
    while (c + 1 < n && bd[c + 1]! <= bd[k]! + persistDays - 1) c++;
    const to = level[k]!;
    moves.push({ date: dates[k]!, from: anchor, to, changeBp: (to - anchor) * 100, confirmedOn: dates[c]! });
    anchor = to;
    since.clear();
    since.push(x[k]!);
    k++;
  }
  return moves;
}

/**
 * The policy-rate moves of `rate` (percent) under the move rule of its frequency (see the module
 * documentation): daily (business-day persistence, levels as medians), monthly, or step. NaN values
 * are skipped. Empty or all-NaN input gives `[]`.
 *
 * @example
 * import { detectRateMoves, seriesFromArrays } from "@cyclelens/core";
 * const rate = seriesFromArrays([1, 2, 3, 4, 5, 6], [5.5, 5.5, 5.0, 5.0, 5.0, 5.0]);
 * detectRateMoves(rate, { frequency: "step" });
 * // [{ date: 3, from: 5.5, to: 5, changeBp: -50, confirmedOn: 3 }]
 */
export function detectRateMoves(rate: Series, options: RateMoveOptions = {}): RateMove[] {
  assertSeries("rate", rate);
  const minMoveBp = options.minMoveBp ?? 20;
  if (!(minMoveBp > 0) || !Number.isFinite(minMoveBp)) {
    throw new InvalidArgumentError("minMoveBp", minMoveBp, "must be a finite number > 0");
  }
  const levelDays = options.levelWindowDays ?? 10;
  assertPositiveInteger("levelWindowDays", levelDays);
  const persistDays = options.persistDays ?? 30;
  assertPositiveInteger("persistDays", persistDays, levelDays);
  const requested = options.frequency ?? "auto";
  if (!["auto", "daily", "monthly", "step"].includes(requested)) {
    throw new InvalidArgumentError("frequency", requested, 'must be "auto", "daily", "monthly" or "step"');
  }
  const frequency = requested === "auto" ? inferRateFrequency(rate) : requested;
  const { dates, values } = validObservations(rate, frequency === "daily");
  if (frequency === "step") return stepMoves(values, dates, minMoveBp);
  if (frequency === "monthly") return monthlyMoves(values, dates, minMoveBp);
  return dailyMoves(values, dates, minMoveBp, levelDays, persistDays);
}

/**
 * Groups moves (in date order) into easing and tightening cycles under the cycle rule of this module.
 * `lastDataDate` (epoch day, the last observation of the rate) decides whether the last cycle is
 * ongoing; without it no cycle is ongoing.
 *
 * @example
 * import { cyclesFromMoves } from "@cyclelens/core";
 * const m = (date: number, from: number, to: number) => ({ date, from, to, changeBp: (to - from) * 100, confirmedOn: date });
 * cyclesFromMoves([m(10, 1, 1.25), m(20, 1.25, 1.5), m(30, 1.5, 1.25)], { lastDataDate: 40 })
 *   .map((c) => [c.direction, c.start, c.end, c.ongoing]);
 * // [["tightening", 10, 20, false], ["easing", 30, 30, true]]
 */
export function cyclesFromMoves(
  moves: readonly RateMove[],
  options: { maxPauseDays?: number; ongoingWithinDays?: number; lastDataDate?: number } = {},
): RateCycle[] {
  const maxPauseDays = options.maxPauseDays ?? 400;
  nonNegative("maxPauseDays", maxPauseDays);
  const ongoingWithinDays = options.ongoingWithinDays ?? maxPauseDays;
  nonNegative("ongoingWithinDays", ongoingWithinDays);
  const lastDataDate = options.lastDataDate ?? Number.NaN;

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
  return groups.map((g, i): RateCycle => {
    const first = g[0]!;
    const last = g[g.length - 1]!;
    return {
      direction: first.changeBp < 0 ? "easing" : "tightening",
      start: first.date,
      end: last.date,
      moves: g,
      moveCount: g.length,
      totalChangeBp: (last.to - first.from) * 100,
      rateBefore: first.from,
      rateAfter: last.to,
      ongoing: i === groups.length - 1 && lastDataDate - last.date <= ongoingWithinDays,
    };
  });
}

/**
 * Easing and tightening cycles of a policy rate (percent): {@link detectRateMoves} then
 * {@link cyclesFromMoves}, with the defaults of the module documentation (`minMoveBp` 20, daily
 * `levelWindowDays` 10 and `persistDays` 30, `maxPauseDays` 400). Cycles are in date order; only the
 * last can be ongoing.
 *
 * @example
 * import { detectRateCycles, seriesFromArrays } from "@cyclelens/core";
 * // A target step series: hikes on days 10 and 20, a cut on day 30.
 * const days = Array.from({ length: 40 }, (_, i) => i);
 * const level = days.map((d) => (d < 10 ? 1 : d < 20 ? 1.25 : d < 30 ? 1.5 : 1.25));
 * const cycles = detectRateCycles(seriesFromArrays(days, level), { frequency: "step" });
 * cycles.map((c) => [c.direction, c.start, c.end, c.totalChangeBp, c.ongoing]);
 * // [["tightening", 10, 20, 50, false], ["easing", 30, 30, -25, true]]
 */
export function detectRateCycles(rate: Series, options: RateCycleOptions = {}): RateCycle[] {
  const moves = detectRateMoves(rate, options);
  let lastDataDate = Number.NaN;
  for (let i = rate.values.length - 1; i >= 0; i--) {
    if (!Number.isNaN(rate.values[i]!)) {
      lastDataDate = rate.dates[i]!;
      break;
    }
  }
  return cyclesFromMoves(moves, { ...options, lastDataDate });
}

/**
 * Start dates (epoch days) of the cycles in a given direction — the event list for an event study
 * such as "IWM vs SPY after easing-cycle starts".
 *
 * @example
 * import { cycleStarts, detectRateCycles, eventStudy } from "@cyclelens/core";
 * // const events = cycleStarts(detectRateCycles(dfedtaru, { frequency: "step" }), "easing");
 * // eventStudy({ events, series: { base: iwm, benchmark: spy }, horizons: [{ months: 3 }] });
 * cycleStarts([], "easing"); // []
 */
export function cycleStarts(cycles: readonly RateCycle[], direction?: CycleDirection): number[] {
  return cycles.filter((c) => direction === undefined || c.direction === direction).map((c) => c.start);
}

/**
 * The last move confirmed on or before `asOf` (its `confirmedOn`: no look-ahead) and the cycle it belongs to,
 * or null when no move is known by then — the Fed's phase as it could be read that day.
 *
 * @example
 * import { lastConfirmedMove } from "@cyclelens/core";
 * const m = (date: number, confirmedOn: number) => ({ date, from: 2, to: 1.75, changeBp: -25, confirmedOn });
 * const cycle = { direction: "easing" as const, start: 10, end: 20, moves: [m(10, 10), m(20, 30)], moveCount: 2,
 *   totalChangeBp: -50, rateBefore: 2, rateAfter: 1.5, ongoing: false };
 * lastConfirmedMove([cycle], 25)?.date; // 10 (the move of day 20 is confirmed only on day 30)
 * lastConfirmedMove([cycle], 5);        // null
 */
export function lastConfirmedMove(
  cycles: readonly RateCycle[],
  asOf: number,
): { readonly cycle: RateCycle; readonly date: number } | null {
  let found: RateCycle | undefined;
  let date = Number.NEGATIVE_INFINITY;
  for (const c of cycles) {
    for (const m of c.moves) {
      if (m.confirmedOn <= asOf && m.date >= date) {
        date = m.date;
        found = c;
      }
    }
  }
  return found ? { cycle: found, date } : null;
}
