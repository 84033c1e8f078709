/**
 * **Regimes**: the state of every cycle signal on a date — the Fed's policy phase, the yield curve, the
 * labour market, recession or not, and small- vs large-cap leadership — month by month, and how much today
 * resembles the start of each past cycle.
 *
 * ## The states (each as known on the date: nothing dated later is used, except the recession flag)
 * - **policy**: `easing` / `tightening` when the last move confirmed by the date (`confirmedOn`) is at most
 *   `cycleActiveDays` (400) old, in that cycle's direction; otherwise `on-hold`. Also the cycle's start and
 *   the days into it.
 * - **curve**: `inverted` inside an inversion (spread < 0, or back above 0 for less than the confirmation
 *   run, see `curveInversions`); `re-steepening` within `recentUninversionDays` (365) of a confirmed
 *   un-inversion; otherwise `normal`. With the spread, its 6-month change and the steepening since the last
 *   inversion's trough.
 * - **labour**: the Sahm indicator as known (pass it dated when known, `knownOnSeries`): `triggered`
 *   (≥ 0.50), `warning` (≥ 0.30) or `calm`, with its 3-month change.
 * - **recession**: inside an NBER recession (a 0/1 indicator such as USREC). **Hindsight**: the NBER dates
 *   recessions months later, so this flag is history, not information available on the date.
 * - **leadership**: `small` when the small/large ratio is above its `movingAverageDays` (200) average,
 *   otherwise `large`, with the ratio's distance to the average and its 6-month change.
 * Every state carries a status: `available`, `no-data` (input not given), `stale` (the input ends more than
 * 14 days, or 62 for monthly data and the rate series, before the date) or `insufficient-history`.
 *
 * ## Similarity to past cycle starts ({@link cycleSimilarity})
 * Six numbers describe a date: the policy phase (+1 easing, 0 on hold, −1 tightening), the curve spread, its
 * 6-month change, the Sahm indicator, the small/large ratio's distance to its average and its 6-month change
 * (the recession flag is left out: it is not known in real time). Each difference between today and a past
 * date is divided by the feature's **robust scale** over the whole monthly history given (1.4826 × the
 * median absolute deviation, so that one extreme episode such as 2020 does not set the unit; the standard
 * deviation if that is 0; 1 for the policy phase) and capped at 3. The score is
 * `100 · exp(−½ · mean(z²))` over the features known on both dates: 100 = the same readings, 61 = one scale
 * apart on average, 14 = two scales apart. Features missing on either date are left out (and listed); with
 * fewer than `minFeatures` (default 3) known on both dates the score is NaN: too little to compare.
 */
import { lastConfirmedMove, type RateCycle } from "./cycles.js";
import { addMonths, epochDay, ymd } from "./dates.js";
import { assertPositiveInteger, InvalidArgumentError } from "./errors.js";
import { type RatioTrend, ratioTrend, ratioTrendAt } from "./ratio-trend.js";
import { inRecession, type RecessionPeriod, recessionDataEnd, recessionPeriods } from "./recessions.js";
import { assertSeries, indexOnOrBefore, type Series } from "./series.js";
import { median, stddev } from "./stats.js";
import { type CurveInversion, curveInversions, curveStateAt } from "./yield-curve.js";

/** Whether a regime signal could be read on a date. */
export type SignalStatus = "available" | "no-data" | "stale" | "insufficient-history";

export interface PolicyRegime {
  readonly status: SignalStatus;
  readonly phase: "easing" | "tightening" | "on-hold" | null;
  /** First move of the active cycle (NaN on hold). */
  readonly cycleStart: number;
  /** Days from it to the date (NaN on hold). */
  readonly daysIntoCycle: number;
  /** Last confirmed move (NaN without one). */
  readonly lastMove: number;
}

export interface CurveRegime {
  readonly status: SignalStatus;
  readonly phase: "inverted" | "re-steepening" | "normal" | null;
  /** Spread, percentage points. */
  readonly spread: number;
  /** Change over 6 months, percentage points. */
  readonly change6m: number;
  /** Spread − the last inversion's trough, basis points (NaN without an inversion). */
  readonly steepeningSinceTroughBp: number;
  /** The last confirmed un-inversion on or before the date (NaN: none). */
  readonly lastUninversion: number;
}

export interface LabourRegime {
  readonly status: SignalStatus;
  readonly phase: "triggered" | "warning" | "calm" | null;
  /** Sahm indicator as known, percentage points. */
  readonly sahm: number;
  /** Its change over 3 months. */
  readonly change3m: number;
}

export interface RecessionRegime {
  readonly status: SignalStatus;
  /** Inside an NBER recession (hindsight); null when unknown. */
  readonly inRecession: boolean | null;
}

export interface LeadershipRegime {
  readonly status: SignalStatus;
  readonly leader: "small" | "large" | null;
  /** small/large ratio / its moving average − 1. */
  readonly vsAverage: number;
  /** Ratio change over 6 months. */
  readonly change6m: number;
}

/** Every signal's state on one date. */
export interface RegimeState {
  readonly date: number;
  readonly policy: PolicyRegime;
  readonly curve: CurveRegime;
  readonly labour: LabourRegime;
  readonly recession: RecessionRegime;
  readonly leadership: LeadershipRegime;
}

/** Inputs of {@link prepareRegimes}; every field is optional. */
export interface RegimeInputs {
  readonly rateCycles?: readonly RateCycle[];
  /** Last observation of the rate series (for staleness). */
  readonly rateDataEnd?: number;
  /** Curve spread, percentage points. */
  readonly curveSpread?: Series;
  /** Sahm indicator dated when known. */
  readonly sahm?: Series;
  /** 0/1 recession indicator (USREC, USRECD). */
  readonly recession?: Series;
  readonly small?: Series;
  readonly large?: Series;
}

export interface RegimeOptions {
  readonly cycleActiveDays?: number;
  readonly recentUninversionDays?: number;
  /** Passed to `curveInversions`. */
  readonly confirmDays?: number;
  readonly movingAverageDays?: number;
  readonly dailyStaleDays?: number;
  readonly monthlyStaleDays?: number;
  readonly rateStaleDays?: number;
}

/** Regimes ready to read on any date, see {@link prepareRegimes}. */
export interface PreparedRegimes {
  at(date: number): RegimeState;
  /** The curve's inversions (empty without a spread). */
  readonly inversions: readonly CurveInversion[];
  /** The recession periods (empty without an indicator). */
  readonly recessions: readonly RecessionPeriod[];
}

const NAN = Number.NaN;

/**
 * Validates the inputs once and precomputes inversions, recession periods and the leadership ratio.
 *
 * @example
 * import { prepareRegimes } from "@cyclelens/core";
 * prepareRegimes({}).at(19000).policy.status; // "no-data"
 */
export function prepareRegimes(inputs: RegimeInputs, options: RegimeOptions = {}): PreparedRegimes {
  if (inputs == null || typeof inputs !== "object") {
    throw new InvalidArgumentError("inputs", inputs, "must be an object of regime inputs");
  }
  const num = (name: string, v: number | undefined, fallback: number) => {
    const x = v ?? fallback;
    if (!(x >= 0) || !Number.isFinite(x))
      throw new InvalidArgumentError(name, x, "must be a finite number ≥ 0");
    return x;
  };
  const activeDays = num("cycleActiveDays", options.cycleActiveDays, 400);
  const recentDays = num("recentUninversionDays", options.recentUninversionDays, 365);
  const dailyStale = num("dailyStaleDays", options.dailyStaleDays, 14);
  const monthlyStale = num("monthlyStaleDays", options.monthlyStaleDays, 62);
  const rateStale = num("rateStaleDays", options.rateStaleDays, 62);
  const maDays = options.movingAverageDays ?? 200;
  assertPositiveInteger("movingAverageDays", maDays, 2);
  if (inputs.curveSpread) assertSeries("curveSpread", inputs.curveSpread);
  if (inputs.sahm) assertSeries("sahm", inputs.sahm);
  const inversions = inputs.curveSpread
    ? curveInversions(inputs.curveSpread, { confirmDays: options.confirmDays ?? 20 })
    : [];
  const recessions = inputs.recession ? recessionPeriods(inputs.recession) : [];
  const recessionEnd = inputs.recession ? recessionDataEnd(inputs.recession) : NAN;
  const lead: RatioTrend | undefined =
    inputs.small && inputs.large
      ? ratioTrend(inputs.small, inputs.large, { averagePeriod: maDays })
      : undefined;
  const spreadEnd = lastValid(inputs.curveSpread);
  const sahm = inputs.sahm;

  const policyAt = (date: number): PolicyRegime => {
    const none = { phase: null, cycleStart: NAN, daysIntoCycle: NAN, lastMove: NAN } as const;
    if (!inputs.rateCycles) return { status: "no-data", ...none };
    if (inputs.rateDataEnd !== undefined && date - inputs.rateDataEnd > rateStale)
      return { status: "stale", ...none };
    const last = lastConfirmedMove(inputs.rateCycles, date);
    const active = last?.cycle;
    const lastMove = last?.date ?? NAN;
    if (!active)
      return { status: "available", phase: "on-hold", cycleStart: NAN, daysIntoCycle: NAN, lastMove: NAN };
    if (date - lastMove > activeDays) {
      return { status: "available", phase: "on-hold", cycleStart: NAN, daysIntoCycle: NAN, lastMove };
    }
    return {
      status: "available",
      phase: active.direction,
      cycleStart: active.start,
      daysIntoCycle: date - active.start,
      lastMove,
    };
  };

  const curveAt = (date: number): CurveRegime => {
    const none = {
      phase: null,
      spread: NAN,
      change6m: NAN,
      steepeningSinceTroughBp: NAN,
      lastUninversion: NAN,
    } as const;
    if (!inputs.curveSpread) return { status: "no-data", ...none };
    const s = curveStateAt(inputs.curveSpread, inversions, date);
    if (Number.isNaN(s.date)) return { status: "insufficient-history", ...none };
    if (date - s.date > dailyStale || date - spreadEnd > dailyStale) return { status: "stale", ...none };
    const last = s.lastInversion;
    const phase =
      last?.ongoing || s.inverted
        ? "inverted"
        : last && date - last.uninvertedOn <= recentDays
          ? "re-steepening"
          : "normal";
    return {
      status: "available",
      phase,
      spread: s.spread,
      change6m: s.change,
      steepeningSinceTroughBp: s.steepeningSinceTroughBp,
      lastUninversion: last && !last.ongoing ? last.uninvertedOn : NAN,
    };
  };

  const labourAt = (date: number): LabourRegime => {
    const none = { phase: null, sahm: NAN, change3m: NAN } as const;
    if (!sahm) return { status: "no-data", ...none };
    const i = lastValidOnOrBefore(sahm, date);
    if (i < 0) return { status: "insufficient-history", ...none };
    if (date - sahm.dates[i]! > monthlyStale) return { status: "stale", ...none };
    const v = sahm.values[i]!;
    const j = lastValidOnOrBefore(sahm, addMonths(date, -3));
    const eps = 1e-9;
    return {
      status: "available",
      phase: v >= 0.5 - eps ? "triggered" : v >= 0.3 - eps ? "warning" : "calm",
      sahm: v,
      change3m: j >= 0 ? v - sahm.values[j]! : NAN,
    };
  };

  const recessionAt = (date: number): RecessionRegime => {
    if (!inputs.recession) return { status: "no-data", inRecession: null };
    if (Number.isNaN(recessionEnd)) return { status: "insufficient-history", inRecession: null };
    const r = inRecession(recessions, date, recessionEnd);
    if (r === null) return { status: "stale", inRecession: null };
    if (inputs.recession.dates[0]! > date) return { status: "insufficient-history", inRecession: null };
    return { status: "available", inRecession: r };
  };

  const leadershipAt = (date: number): LeadershipRegime => {
    const none = { leader: null, vsAverage: NAN, change6m: NAN } as const;
    if (!lead) return { status: "no-data", ...none };
    const s = ratioTrendAt(lead, date);
    if (Number.isNaN(s.date)) return { status: "insufficient-history", ...none };
    if (date - s.date > dailyStale) return { status: "stale", ...none };
    if (s.above === null) return { status: "insufficient-history", ...none };
    return {
      status: "available",
      leader: s.above ? "small" : "large",
      vsAverage: s.vsAverage,
      change6m: s.change6m,
    };
  };

  return {
    inversions,
    recessions,
    at(date: number): RegimeState {
      if (!Number.isInteger(date))
        throw new InvalidArgumentError("date", date, "must be an integer epoch day");
      return {
        date,
        policy: policyAt(date),
        curve: curveAt(date),
        labour: labourAt(date),
        recession: recessionAt(date),
        leadership: leadershipAt(date),
      };
    },
  };
}

function lastValid(s: Series | undefined): number {
  if (!s) return NAN;
  for (let i = s.values.length - 1; i >= 0; i--) if (!Number.isNaN(s.values[i]!)) return s.dates[i]!;
  return NAN;
}

function lastValidOnOrBefore(s: Series, date: number): number {
  for (let i = indexOnOrBefore(s.dates, date); i >= 0; i--) if (!Number.isNaN(s.values[i]!)) return i;
  return -1;
}

/**
 * The last calendar day of every month from `from`'s month through `to`'s month (epoch days), the dates of a
 * monthly timeline.
 *
 * @example
 * import { formatISODate, monthEndDates, parseISODate } from "@cyclelens/core";
 * monthEndDates(parseISODate("2024-01-15"), parseISODate("2024-03-02")).map(formatISODate);
 * // ["2024-01-31", "2024-02-29", "2024-03-31"]
 */
export function monthEndDates(from: number, to: number): number[] {
  if (!Number.isInteger(from) || !Number.isInteger(to)) {
    throw new InvalidArgumentError("from", from, "and to must be integer epoch days");
  }
  const out: number[] = [];
  const f = ymd(from);
  let first = epochDay(f.year, f.month, 1);
  while (first <= to) {
    const next = addMonths(first, 1);
    out.push(next - 1);
    first = next;
  }
  return out;
}

/** The similarity features of {@link cycleSimilarity}, in order. */
export const REGIME_FEATURES = [
  "policyPhase",
  "curveSpread",
  "curveChange6m",
  "sahm",
  "leadershipVsAverage",
  "leadershipChange6m",
] as const;
export type RegimeFeature = (typeof REGIME_FEATURES)[number];

/**
 * The numbers that describe a date for {@link cycleSimilarity} (NaN where a signal is not available).
 *
 * @example
 * import { prepareRegimes, regimeFeatures } from "@cyclelens/core";
 * regimeFeatures(prepareRegimes({}).at(19000)).policyPhase; // NaN (no rate cycles given)
 */
export function regimeFeatures(s: RegimeState): Record<RegimeFeature, number> {
  const ok = (x: { status: SignalStatus }, v: number) => (x.status === "available" ? v : NAN);
  const phase = s.policy.phase === "easing" ? 1 : s.policy.phase === "tightening" ? -1 : 0;
  return {
    policyPhase: ok(s.policy, phase),
    curveSpread: ok(s.curve, s.curve.spread),
    curveChange6m: ok(s.curve, s.curve.change6m),
    sahm: ok(s.labour, s.labour.sahm),
    leadershipVsAverage: ok(s.leadership, s.leadership.vsAverage),
    leadershipChange6m: ok(s.leadership, s.leadership.change6m),
  };
}

/** One feature compared, see {@link cycleSimilarity}. */
export interface FeatureComparison {
  readonly feature: RegimeFeature;
  /** Today's value. */
  readonly today: number;
  /** The past date's value. */
  readonly past: number;
  /** The unit of the difference (robust scale). */
  readonly scale: number;
  /** |today − past| / scale, capped at 3; NaN when either side is unknown. */
  readonly distance: number;
}

/** Similarity of one past date to today. */
export interface CycleSimilarity {
  readonly date: number;
  /** 100 · exp(−½ · mean(distance²)) over the compared features; NaN when fewer than `minFeatures` are known on both dates. */
  readonly score: number;
  /** Features known on both dates. */
  readonly compared: number;
  readonly features: readonly FeatureComparison[];
}

/**
 * How much `today` resembles each of `past` (e.g. the states at past easing-cycle starts), with the
 * features' scales taken from `history` (e.g. every month of the timeline); see the module documentation.
 * The score is NaN when fewer than `minFeatures` (default 3) features are known on both dates.
 *
 * @example
 * import { cycleSimilarity, prepareRegimes } from "@cyclelens/core";
 * const p = prepareRegimes({});
 * cycleSimilarity(p.at(19000), [p.at(18000)], [])[0]?.compared; // 0 (nothing known)
 */
export function cycleSimilarity(
  today: RegimeState,
  past: readonly RegimeState[],
  history: readonly RegimeState[],
  options: { minFeatures?: number } = {},
): CycleSimilarity[] {
  const minFeatures = options.minFeatures ?? 3;
  if (!Number.isInteger(minFeatures) || minFeatures < 1 || minFeatures > REGIME_FEATURES.length) {
    throw new InvalidArgumentError(
      "minFeatures",
      minFeatures,
      `must be an integer from 1 to ${REGIME_FEATURES.length}`,
    );
  }
  const columns = history.map(regimeFeatures);
  const scales = {} as Record<RegimeFeature, number>;
  for (const f of REGIME_FEATURES) {
    if (f === "policyPhase") {
      scales[f] = 1;
      continue;
    }
    const xs = columns.map((c) => c[f]).filter((x) => !Number.isNaN(x));
    scales[f] = robustScale(xs);
  }
  const now = regimeFeatures(today);
  return past.map((p) => {
    const then = regimeFeatures(p);
    let sum = 0;
    let compared = 0;
    const features = REGIME_FEATURES.map((feature): FeatureComparison => {
      const a = now[feature];
      const b = then[feature];
      const scale = scales[feature];
      const distance =
        Number.isNaN(a) || Number.isNaN(b) || !(scale > 0) ? NAN : Math.min(3, Math.abs(a - b) / scale);
      if (!Number.isNaN(distance)) {
        sum += distance * distance;
        compared++;
      }
      return { feature, today: a, past: b, scale, distance };
    });
    return {
      date: p.date,
      score: compared < minFeatures ? NAN : 100 * Math.exp(-0.5 * (sum / compared)),
      compared,
      features,
    };
  });
}

/**
 * A robust unit of spread: 1.4826 × the median absolute deviation from the median (equal to the standard
 * deviation for normal data, and not set by a few extremes); the sample standard deviation when that is 0;
 * NaN below two values or when both are 0.
 *
 * @example
 * import { robustScale } from "@cyclelens/core";
 * robustScale([1, 2, 3, 4, 100]); // 1.4826 (median 3, absolute deviations 2, 1, 0, 1, 97 → median 1)
 */
export function robustScale(values: readonly number[]): number {
  if (values.length < 2) return NAN;
  const m = median(values);
  const mad = 1.4826 * median(values.map((x) => Math.abs(x - m)));
  if (mad > 0) return mad;
  const sd = stddev(values);
  return sd > 0 ? sd : NAN;
}
