/**
 * The event-study machinery shared by `eventStudy` (any events: client dates or a named source) and
 * `rateCycleStudy` (the Fed's cycle starts, one case of it): the event shape with its day-0 rule, one runner
 * over @cyclelens/core's `eventStudy`, the `CycleEvent` interface of a row, the summaries with their intervals,
 * and the conventions stated with every answer.
 *
 * Conventions (core `eventStudy`): day 0 is each instrument's last close on or before the event's date; the
 * horizon ends N calendar months later (clamped to the month end) at the last close on or before it; returns are
 * simple total returns of the adjusted close; excess = base − benchmark; events whose horizon runs past either
 * instrument's data, or that start before it, are reported and left out of the summaries.
 */
import {
  type EventHorizonResult,
  type EventOutcome,
  type EventSummaryStats,
  eventStudy,
  type IncompleteReason,
  type Series,
} from "@cyclelens/core";
import type { FieldMap } from "@pothos/core";
import { badInput, userInput } from "../errors.js";
import { builder } from "./builder.js";

export const finite = (v: number | null | undefined) => (v != null && Number.isFinite(v) ? v : null);

/** How an event's day-0 date was chosen (the `DayZeroRule` enum's values). */
export type DayZeroRule = "announcement" | "first-day" | "client-date" | "signal-date" | "known-date";

export const DayZeroRuleEnum = builder.enumType("DayZeroRule", {
  description: "Which date an event study's day 0 is.",
  values: {
    ANNOUNCEMENT: {
      value: "announcement",
      description:
        "The close of the FOMC's announcement day (the last close on or before the announcement date, the Friday before a weekend announcement).",
    },
    FIRST_DAY_AT_NEW_LEVEL: {
      value: "first-day",
      description:
        "No announcement date is known (changes before 1994, decisions after the record, moves the record does not explain): the last close on or before the first day the rate shows the new level.",
    },
    CLIENT_DATE: { value: "client-date", description: "A date the client gave." },
    SIGNAL_DATE: {
      value: "signal-date",
      description:
        "The day the signal happened: the first day of the curve's lasting return above (or fall below) zero, the month of a Sahm-rule trigger as FRED dates it (its first day), the first or last day of an NBER recession, the first day of a ratio crossing. It may not have been knowable then: see the event's `knownOn`.",
    },
    KNOWN_DATE: {
      value: "known-date",
      description:
        "The first day the event could be known: the confirmation of an un-inversion (its 20th day above zero by default), the release of a trigger month's unemployment rate (the 12th of the next month, an approximation), the crossing itself for a ratio, the confirmation of a rate move.",
    },
  } as const,
});

export const IncompleteReasonEnum = builder.enumType("IncompleteReason", {
  description: "Why an event has no result at a horizon.",
  values: {
    STARTS_BEFORE_DATA: {
      value: "starts-before-data",
      description: "An instrument has no close on or before day 0.",
    },
    ENDS_AFTER_DATA: {
      value: "ends-after-data",
      description: "The horizon ends after an instrument's last close.",
    },
  } as const,
});

/** One event of a study: the date day 0 is taken on or before, and what it is. */
export interface StudyEventShape {
  /** The date day 0 is taken on or before. */
  date: number;
  rule: DayZeroRule;
  /** The signal's own date (un-inversion day, trigger month, cycle start…). */
  signalDate: number;
  /** When the event could first be known; null when the data do not say (NBER announcements). */
  knownOn: number | null;
  /** e.g. "curve un-inverted (DGS10 − DGS2)". */
  label: string;
  detail: string | null;
  /** The rate cycle behind the event, for cycle sources (typed loosely to keep this module cycle-free). */
  cycle?: unknown;
}

/** One event at one horizon. */
export interface EventRowShape {
  event: StudyEventShape;
  outcome: EventOutcome;
}

/** One horizon of a study: the outcomes in event order. */
export interface StudyHorizonShape {
  months: number;
  result: EventHorizonResult;
  events: StudyEventShape[];
}

/** The rows of a horizon, in event order. */
export const rowsOf = (h: StudyHorizonShape): EventRowShape[] =>
  h.result.events.map((outcome, i) => ({ event: h.events[i]!, outcome }));

/**
 * Runs the event study of `base` against `benchmark` after `events` at each horizon (calendar months) — the
 * one implementation behind `eventStudy` and `rateCycleStudy`.
 */
export function runStudy(
  base: Series,
  benchmark: Series,
  events: StudyEventShape[],
  horizons: number[],
): StudyHorizonShape[] {
  const study = userInput(() =>
    eventStudy({
      events: events.map((e) => e.date),
      series: { base, benchmark },
      horizons: horizons.map((months) => ({ months })),
    }),
  );
  return study.horizons.map((result, i) => ({ months: horizons[i]!, result, events }));
}

/** Events of a horizon whose window overlaps the previous event's (closer than the horizon). */
export function overlapping(h: StudyHorizonShape): number {
  let count = 0;
  const sorted = h.events.map((e) => e.date).sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    // the horizon of event i − 1 ends about months × 30.44 days later
    if (sorted[i]! - sorted[i - 1]! < h.months * 30.44) count++;
  }
  return count;
}

/** Validates calendar-month horizons: 1–10 distinct integers from 1 to 120. */
export function horizonsArg(horizons: readonly number[] | null | undefined, fallback: number[]): number[] {
  const list = horizons ?? fallback;
  if (list.length === 0 || list.length > 10)
    throw badInput("horizons", `must list 1 to 10 horizons (got ${list.length})`);
  for (const h of list) {
    if (!Number.isInteger(h) || h < 1 || h > 120) {
      throw badInput("horizons", `${h} is not a horizon: use whole calendar months from 1 to 120`);
    }
  }
  return [...new Set(list)];
}

export const CycleEventRef = builder.interfaceRef<EventRowShape>("CycleEvent").implement({
  description:
    "One event at one horizon (a cycle start, a curve un-inversion, a date the client gave…): its day 0, and whether the horizon is complete.",
  fields: (t) => ({
    eventDate: t.field({
      type: "Date",
      description: "The date day 0 is taken on or before (see `dayZeroRule`).",
      resolve: (o) => o.event.date,
    }),
    dayZeroRule: t.field({
      type: DayZeroRuleEnum,
      description:
        "Which date day 0 is: the announcement day or the first day at the new level (cycles), the client's date, the signal's date or the day it could be known.",
      resolve: (o) => o.event.rule,
    }),
    complete: t.boolean({
      description:
        "False when the horizon runs past the data or starts before it; then left out of summaries.",
      resolve: (o) => o.outcome.complete,
    }),
    incompleteReason: t.field({
      type: IncompleteReasonEnum,
      nullable: true,
      description: "Why the result is incomplete; null when complete.",
      resolve: (o) => (o.outcome.reason ?? null) as IncompleteReason | null,
    }),
    incompleteDetail: t.string({
      nullable: true,
      description: "Which instrument ran out, and when; null when complete.",
      resolve: (o) => o.outcome.detail ?? null,
    }),
    entryDate: t.field({
      type: "Date",
      nullable: true,
      description: "Day 0: the base's last close on or before `eventDate`.",
      resolve: (o) => finite(o.outcome.entryDate),
    }),
    exitDate: t.field({
      type: "Date",
      nullable: true,
      description: "The base's last close on or before the horizon end.",
      resolve: (o) => finite(o.outcome.exitDate),
    }),
  }),
});

export const IntervalRef = builder
  .objectRef<{ level: number; low: number; high: number; method?: string; resamples?: number }>(
    "ConfidenceInterval",
  )
  .implement({
    description: "A two-sided confidence interval; null bounds where undefined (fewer than two events).",
    fields: (t) => ({
      level: t.exposeFloat("level", { description: "Confidence level, e.g. 0.95." }),
      low: t.float({ nullable: true, description: "Lower bound.", resolve: (c) => finite(c.low) }),
      high: t.float({ nullable: true, description: "Upper bound.", resolve: (c) => finite(c.high) }),
      method: t.string({
        description:
          '"t" (Student), "clopper-pearson" (exact binomial), "exact-bootstrap" (every distinct resample), "bootstrap" (20,000 seeded resamples) or "newey-west" (t with a Newey–West standard error, for overlapping observations).',
        resolve: (c) =>
          c.method === "exact"
            ? "exact-bootstrap"
            : c.method === "monte-carlo"
              ? "bootstrap"
              : (c.method ?? "t"),
      }),
    }),
  });

export const SummaryStatsRef = builder.objectRef<EventSummaryStats>("SummaryStats").implement({
  description:
    "Summary of one measure over the complete events of a horizon. Null where undefined (e.g. t-statistic of one event). With 4–10 events read the intervals, not the t-statistic alone.",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Number of complete events." }),
    mean: t.float({ nullable: true, description: "Mean.", resolve: (s) => finite(s.mean) }),
    median: t.float({ nullable: true, description: "Median.", resolve: (s) => finite(s.median) }),
    stdDev: t.float({
      nullable: true,
      description: "Sample standard deviation.",
      resolve: (s) => finite(s.stdDev),
    }),
    tStat: t.float({
      nullable: true,
      description: "t-statistic of the mean against 0: mean / (sd / √count).",
      resolve: (s) => finite(s.tStat),
    }),
    meanInterval: t.field({
      type: IntervalRef,
      description: "95 % Student's t interval of the mean (exact if the events are independent and normal).",
      resolve: (s) => ({ ...s.meanInterval, method: "t" }),
    }),
    bootstrapInterval: t.field({
      type: IntervalRef,
      description:
        "95 % percentile-bootstrap interval of the mean, exact over every distinct resample for up to 10 events (too narrow with very few events: read it beside `meanInterval`).",
      resolve: (s) => s.bootstrapInterval,
    }),
    hitRate: t.float({
      nullable: true,
      description: "Share of events above 0 (for excess: the base beat the benchmark).",
      resolve: (s) => finite(s.hitRate),
    }),
    hitRateInterval: t.field({
      type: IntervalRef,
      description: "95 % Clopper–Pearson interval of the hit rate.",
      resolve: (s) => ({ ...s.hitRateInterval, method: "clopper-pearson" }),
    }),
    min: t.float({ nullable: true, description: "Smallest value.", resolve: (s) => finite(s.min) }),
    max: t.float({ nullable: true, description: "Largest value.", resolve: (s) => finite(s.max) }),
  }),
});

/** The conventions of a study, as stated with it. */
export interface ConventionsShape {
  dayZero: string;
  horizons: number[];
}

export const StudyConventionsRef = builder.objectRef<ConventionsShape>("StudyConventions").implement({
  description: "The conventions of an event study, stated with the answer.",
  fields: (t) => ({
    dayZero: t.string({ description: "Which close is day 0.", resolve: (c) => c.dayZero }),
    horizon: t.string({
      description: "How a horizon ends.",
      resolve: () =>
        "N calendar months after the event date (clamped to the month end), at each instrument's last close on or before that date.",
    }),
    prices: t.string({
      description: "Which price.",
      resolve: () =>
        "Adjusted close (the close where a source has none); simple total returns, not annualised.",
    }),
    excess: t.string({
      description: "What excess means.",
      resolve: () => "Base return − benchmark return (arithmetic).",
    }),
    summary: t.string({
      description: "What the summaries count.",
      resolve: (c) =>
        `Complete events only; events whose horizon runs past either instrument's data are listed in leftOut. Intervals at 95 %: Student's t and exact bootstrap for the mean, Clopper–Pearson for the hit rate. Events ${c.horizons.some((h) => h > 3) ? "less than a horizon apart overlap, which the t-statistic does not account for" : "may overlap when they are closer than the horizon"}.`,
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The return fields of a study row (`RateCycleStudyRow`, `EventStudyRow`). */
export const rowReturnFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, EventRowShape>): FieldMap => ({
  baseReturn: t.float({
    nullable: true,
    description: "Base total return.",
    resolve: (r) => finite(r.outcome.baseReturn),
  }),
  benchmarkReturn: t.float({
    nullable: true,
    description: "Benchmark total return.",
    resolve: (r) => finite(r.outcome.benchmarkReturn),
  }),
  excessReturn: t.float({
    nullable: true,
    description: "Base − benchmark.",
    resolve: (r) => finite(r.outcome.excessReturn),
  }),
});

/** Why a row was left out of the summaries (`LeftOutCycle`, `LeftOutEvent`). */
export const leftOutFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, EventRowShape>): FieldMap => ({
  reason: t.field({
    type: IncompleteReasonEnum,
    description: "Why.",
    resolve: (r) => r.outcome.reason as IncompleteReason,
  }),
  detail: t.string({
    description: "Which instrument ran out, and when.",
    resolve: (r) => r.outcome.detail ?? "",
  }),
});

/** The counts and summaries of a horizon (`RateCycleStudyHorizon`, `EventStudyHorizon`); `noun` is what is counted. */
export const horizonSummaryFields = (
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, StudyHorizonShape>,
  noun: "cycles" | "events",
): FieldMap => ({
  months: t.int({
    description: `Calendar months after each ${noun.slice(0, -1)}'s day 0.`,
    resolve: (h) => h.months,
  }),
  complete: t.int({
    description: `${noun[0]!.toUpperCase()}${noun.slice(1)} whose horizon is complete (the summaries' count).`,
    resolve: (h) => h.result.complete,
  }),
  incomplete: t.int({
    description: `${noun[0]!.toUpperCase()}${noun.slice(1)} left out of the summaries (see \`leftOut\`).`,
    resolve: (h) => h.result.incomplete,
  }),
  base: t.field({
    type: SummaryStatsRef,
    description: `Summary of the base returns over the complete ${noun}.`,
    resolve: (h) => h.result.summary.base,
  }),
  benchmark: t.field({
    type: SummaryStatsRef,
    description: `Summary of the benchmark returns over the complete ${noun}.`,
    resolve: (h) => h.result.summary.benchmark!,
  }),
  excess: t.field({
    type: SummaryStatsRef,
    description: `Summary of base − benchmark over the complete ${noun}: mean/median excess, hit rate (share of ${noun} the base led), t-statistic, intervals, spread.`,
    resolve: (h) => h.result.summary.excess!,
  }),
});

/** What day 0 is for cycle starts (rateCycleStudy and the cycle sources of eventStudy). */
export const CYCLE_DAY_ZERO =
  "The close of the FOMC's announcement day (the last close on or before the announcement date) when the built-in record has the decision behind the cycle's first move; otherwise the last close on or before the first day the rate shows the new level. Each row's dayZeroRule says which.";
