/**
 * Events and event studies on any event: `eventStudy(events, base, benchmark, horizons)`, where the events
 * are dates the client gives or a named source — easing or tightening cycle starts, curve inversions and
 * un-inversions, Sahm-rule triggers, recession starts and ends, ratio crossings. The study itself is the one
 * `rateCycleStudy` runs (`runStudy` in event-study.ts); the regime timeline reads the same sources for its
 * similarity to past cycle starts.
 *
 * Day 0: `dayZero: SIGNAL` (default) takes the signal's own date — for cycle starts the FOMC's announcement
 * as in `rateCycleStudy` — and `KNOWN` the first day it could be known (no look-ahead); each event says both
 * dates and each row which rule applied.
 */
import { type CycleDirection, formatISODate, monthlyKnownOn, sahmTriggers } from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, dataUnavailable } from "../errors.js";
import { builder } from "./builder.js";
import {
  type ConventionsShape,
  CYCLE_DAY_ZERO,
  CycleEventRef,
  DayZeroRuleEnum,
  type EventRowShape,
  horizonSummaryFields,
  horizonsArg,
  leftOutFields,
  overlapping,
  rowReturnFields,
  rowsOf,
  runStudy,
  StudyConventionsRef,
  type StudyEventShape,
  type StudyHorizonShape,
} from "./event-study.js";
import { InstrumentRef, pricesOf, requireInstrument } from "./instrument.js";
import {
  averagePeriodArg,
  CurveInput,
  curveOf,
  labourOf,
  preferredSahm,
  RatioPairInput,
  ratioOf,
  recessionsOf,
} from "./macro.js";
import {
  type CycleShape,
  cycleEvent,
  cycleOptions,
  cyclesOf,
  DEFAULT_POLICY_SERIES,
  RateCycleRef,
} from "./rate-cycles.js";

export type EventSource =
  | "easing-cycle-starts"
  | "tightening-cycle-starts"
  | "curve-inversions"
  | "curve-uninversions"
  | "sahm-triggers"
  | "recession-starts"
  | "recession-ends"
  | "ratio-crossovers-up"
  | "ratio-crossovers-down";

export const EventSourceEnum = builder.enumType("EventSource", {
  description: "A named source of event dates.",
  values: {
    EASING_CYCLE_STARTS: {
      value: "easing-cycle-starts",
      description:
        "Starts of the Fed's easing cycles (from `rateSeries`, default POLICY_RATE: the FOMC record).",
    },
    TIGHTENING_CYCLE_STARTS: {
      value: "tightening-cycle-starts",
      description: "Starts of the Fed's tightening cycles.",
    },
    CURVE_INVERSIONS: {
      value: "curve-inversions",
      description: "First days of the curve's inversions (see `yieldCurve`).",
    },
    CURVE_UNINVERSIONS: {
      value: "curve-uninversions",
      description: "The curve's confirmed un-inversions: first day of the lasting return above zero.",
    },
    SAHM_TRIGGERS: {
      value: "sahm-triggers",
      description: "Sahm-rule triggers (SAHMREALTIME when stored, else computed from UNRATE).",
    },
    RECESSION_STARTS: {
      value: "recession-starts",
      description: "First days of NBER recessions (USREC; hindsight).",
    },
    RECESSION_ENDS: {
      value: "recession-ends",
      description: "Last days of NBER recessions (the trough month's end; hindsight).",
    },
    RATIO_CROSSOVERS_UP: {
      value: "ratio-crossovers-up",
      description: "Days a ratio (`ratio`, e.g. XLY/XLP) crossed above its moving average.",
    },
    RATIO_CROSSOVERS_DOWN: {
      value: "ratio-crossovers-down",
      description: "Days a ratio crossed below its moving average.",
    },
  } as const,
});

const EventDayZeroEnum = builder.enumType("EventDayZero", {
  description: "Which date of an event is day 0.",
  values: {
    SIGNAL: {
      value: "signal",
      description:
        "The signal's own date (cycle starts: the FOMC's announcement as in `rateCycleStudy`; un-inversions: the first day back above zero; Sahm triggers: the trigger month's first day; recessions: their first or last day).",
    },
    KNOWN: {
      value: "known",
      description:
        "The first day the event could be known (no look-ahead): a move's confirmation, an un-inversion's confirmation, the trigger month's release (12th of the next month). Not available for NBER recessions, which were announced months later.",
    },
  } as const,
});

export const EventsInput = builder.inputType("EventsInput", {
  description:
    "The events of a study: either `dates` (your own) or a `source`, with the options of that source and a selection (since, until, last, minimum spacing).",
  fields: (t) => ({
    dates: t.field({ type: ["Date"], required: false, description: "Your event dates (1–200)." }),
    source: t.field({ type: EventSourceEnum, required: false, description: "Or a named source." }),
    dayZero: t.field({
      type: EventDayZeroEnum,
      required: false,
      defaultValue: "signal",
      description: "Day 0 on the signal's date (default) or the day it could be known.",
    }),
    since: t.field({
      type: "Date",
      required: false,
      description: "Only events whose signal date is on or after this date.",
    }),
    until: t.field({
      type: "Date",
      required: false,
      description: "Only events whose signal date is on or before this date.",
    }),
    last: t.int({
      required: false,
      description: "Keep only the most recent N events (1–200) after the other filters.",
    }),
    minSpacingDays: t.int({
      required: false,
      defaultValue: 0,
      description:
        "Drop an event less than this many days after the previous one kept (0–3650; e.g. 90 against ratio-crossing whipsaws).",
    }),
    rateSeries: t.string({
      required: false,
      defaultValue: DEFAULT_POLICY_SERIES,
      description: "Cycle sources: the rate series (default POLICY_RATE, detected with the default rule).",
    }),
    curve: t.field({
      type: CurveInput,
      required: false,
      description: "Curve sources: which curve (default DGS10 − DGS2).",
    }),
    unemployment: t.string({
      required: false,
      defaultValue: "UNRATE",
      description: "SAHM_TRIGGERS: the unemployment rate.",
    }),
    realTime: t.string({
      required: false,
      defaultValue: "SAHMREALTIME",
      description: "SAHM_TRIGGERS: the real-time indicator, preferred when stored.",
    }),
    recessionSeries: t.string({
      required: false,
      defaultValue: "USREC",
      description: "Recession sources: USREC or USRECD.",
    }),
    ratio: t.field({
      type: RatioPairInput,
      required: false,
      description: "Ratio sources: the ratio (required for them).",
    }),
    averagePeriod: t.int({
      required: false,
      defaultValue: 200,
      description: "Ratio sources: moving average of the ratio, trading days (2–1000; default 200).",
    }),
  }),
});

/** The `EventsInput` argument as Pothos hands it over. */
export interface EventsArg {
  dates?: readonly number[] | null;
  source?: EventSource | null;
  dayZero?: "signal" | "known" | null;
  since?: number | null;
  until?: number | null;
  last?: number | null;
  minSpacingDays?: number | null;
  rateSeries?: string | null;
  curve?: Parameters<typeof curveOf>[1];
  unemployment?: string | null;
  realTime?: string | null;
  recessionSeries?: string | null;
  ratio?: { numerator: string; denominator: string; name?: string | null } | null;
  averagePeriod?: number | null;
}

/** Resolved events with what they are and how they were selected. */
export interface ResolvedEvents {
  source: EventSource | null;
  description: string;
  dayZero: string;
  events: StudyEventShape[];
  selection: {
    since: number | null;
    until: number | null;
    last: number | null;
    minSpacingDays: number;
    matching: number;
    spacedOut: number;
  };
}

const iso = formatISODate;

/** Most events one study takes (each horizon's summaries bootstrap them). */
const MAX_EVENTS = 200;

/** The events of an `EventsInput` (`argument` names it in errors). */
export async function resolveEvents(
  ctx: Context,
  input: EventsArg,
  argument = "events",
): Promise<ResolvedEvents> {
  const hasDates = input.dates != null;
  const source = input.source ?? null;
  if (hasDates === (source !== null)) {
    throw badInput(argument, "give either dates or a source, not both and not neither");
  }
  const since = input.since ?? null;
  const until = input.until ?? null;
  if (since !== null && until !== null && since > until) {
    throw badInput(`${argument}.since`, `${iso(since)} is after until (${iso(until)})`);
  }
  const last = input.last ?? null;
  if (last !== null && (!Number.isInteger(last) || last < 1 || last > 200)) {
    throw badInput(`${argument}.last`, `must be an integer from 1 to 200 (got ${last})`);
  }
  const minSpacingDays = input.minSpacingDays ?? 0;
  if (!Number.isInteger(minSpacingDays) || minSpacingDays < 0 || minSpacingDays > 3650) {
    throw badInput(`${argument}.minSpacingDays`, `must be an integer from 0 to 3650 (got ${minSpacingDays})`);
  }
  const known = (input.dayZero ?? "signal") === "known";
  let events: StudyEventShape[];
  let description: string;
  let dayZero: string;

  if (hasDates) {
    const dates = [...new Set(input.dates!)].sort((a, b) => a - b);
    if (dates.length === 0 || dates.length > 200) {
      throw badInput(`${argument}.dates`, `must list 1 to 200 dates (got ${dates.length})`);
    }
    events = dates.map((date) => ({
      date,
      rule: "client-date",
      signalDate: date,
      knownOn: date,
      label: `event of ${iso(date)}`,
      detail: null,
    }));
    description = `${dates.length} date${dates.length === 1 ? "" : "s"} given by the client`;
    dayZero = "The last close on or before each date given.";
  } else if (source === "easing-cycle-starts" || source === "tightening-cycle-starts") {
    const direction: CycleDirection = source === "easing-cycle-starts" ? "easing" : "tightening";
    const options = cycleOptions({ series: input.rateSeries });
    const { rate, cycles } = await cyclesOf(ctx, options, `${argument}.rateSeries`);
    events = cycles.filter((c) => c.direction === direction).map((c) => cycleEvent(c, known));
    description = `starts of the ${direction} cycles of ${rate.code}`;
    dayZero = known
      ? "The close of the first day the cycle's start could be known: the FOMC's announcement, or the first move's confirmation on a detected series (`confirmedOn`)."
      : CYCLE_DAY_ZERO;
  } else if (source === "curve-inversions" || source === "curve-uninversions") {
    const curve = (await curveOf(ctx, input.curve, `${argument}.curve.`))!;
    const { dates, values } = curve.spread;
    if (source === "curve-uninversions") {
      events = curve.inversions
        .filter((x) => !x.ongoing)
        .map((x) => ({
          date: known ? x.confirmedOn : x.uninvertedOn,
          rule: known ? "known-date" : "signal-date",
          signalDate: x.uninvertedOn,
          knownOn: x.confirmedOn,
          label: `curve un-inverted (${curve.label})`,
          detail: `inverted ${iso(x.start)} … ${iso(x.end)}, trough ${x.trough.toFixed(2)} pp on ${iso(x.troughDate)}`,
        }));
      description = `confirmed un-inversions of ${curve.label} (${curve.confirmDays} observations ≥ 0 in a row)`;
      dayZero = known
        ? `The close of the day each un-inversion was confirmed (its ${curve.confirmDays}th day at or above zero).`
        : "The close of each un-inversion day: the first day of the spread's lasting return to zero or above (known only at its confirmation, see knownOn).";
    } else {
      events = curve.inversions.map((x) => {
        // the inversion is known once it has minInvertedDays negative observations
        let seen = 0;
        let knownOn = x.start;
        for (let i = 0; i < dates.length && dates[i]! <= x.end; i++) {
          if (dates[i]! >= x.start && values[i]! < 0 && ++seen === curve.minInvertedDays) {
            knownOn = dates[i]!;
            break;
          }
        }
        return {
          date: known ? knownOn : x.start,
          rule: known ? "known-date" : "signal-date",
          signalDate: x.start,
          knownOn,
          label: `curve inverted (${curve.label})`,
          detail: `${x.invertedDays} days below zero, trough ${x.trough.toFixed(2)} pp on ${iso(x.troughDate)}${x.ongoing ? ", ongoing" : ""}`,
        } satisfies StudyEventShape;
      });
      description = `inversions of ${curve.label}`;
      dayZero = "The close of the first day the spread fell below zero.";
    }
  } else if (source === "sahm-triggers") {
    const labour = (await labourOf(ctx, { unemployment: input.unemployment, realTime: input.realTime }))!;
    const p = preferredSahm(labour);
    events = sahmTriggers(p.series).map((x) => {
      const knownOn = monthlyKnownOn(x.date);
      return {
        date: known ? knownOn : x.date,
        rule: known ? "known-date" : "signal-date",
        signalDate: x.date,
        knownOn,
        label: `Sahm-rule trigger (${p.code})`,
        detail: `${x.value.toFixed(2)} pp in ${iso(x.date).slice(0, 7)}, peak ${x.peak.toFixed(2)} in ${iso(x.peakDate).slice(0, 7)}`,
      } satisfies StudyEventShape;
    });
    description = `Sahm-rule triggers of ${p.code} (≥ 0.50 after 6 months below)`;
    dayZero = known
      ? "The close on or before the 12th of the month after the trigger month: when its unemployment rate was out (an approximation of the release date)."
      : "The close on or before the trigger month's first day, as FRED dates the month: before the month's data were out (see knownOn).";
  } else if (source === "recession-starts" || source === "recession-ends") {
    if (known) {
      throw badInput(
        `${argument}.dayZero`,
        "KNOWN is not available for recessions: the NBER announced them 4 to 21 months later, and those announcement dates are not in the data; use SIGNAL",
      );
    }
    const r = (await recessionsOf(ctx, input.recessionSeries ?? "USREC", `${argument}.recessionSeries`))!;
    const starts = source === "recession-starts";
    events = r.periods
      .filter((p) => starts || !p.ongoing)
      .map((p) => ({
        date: starts ? p.start : p.end,
        rule: "signal-date",
        signalDate: starts ? p.start : p.end,
        knownOn: null,
        label: `recession ${starts ? "start" : "end"} (${r.series.info.code})`,
        detail: `recession ${iso(p.start).slice(0, 7)} … ${iso(p.end).slice(0, 7)}`,
      }));
    description = `${starts ? "starts" : "ends"} of the NBER recessions in ${r.series.info.code} (hindsight: dated months later)`;
    dayZero = starts
      ? "The close on or before each recession's first day (the month after the NBER peak)."
      : "The close on or before each recession's last day (the end of the NBER trough month).";
  } else {
    if (!input.ratio)
      throw badInput(
        `${argument}.ratio`,
        'is required for ratio sources (e.g. { numerator: "XLY", denominator: "XLP" })',
      );
    const averagePeriod = averagePeriodArg(input.averagePeriod, 200, `${argument}.averagePeriod`);
    const ratio = await ratioOf(ctx, input.ratio, averagePeriod, {}, true, `${argument}.ratio`);
    if (!ratio.trend) throw dataUnavailable(`${argument}.ratio`, ratio.reason ?? `${ratio.name} has no data`);
    const up = source === "ratio-crossovers-up";
    events = ratio.trend.crossovers
      .filter((c) => c.direction === (up ? "up" : "down"))
      .map((c) => ({
        date: c.date,
        rule: known ? "known-date" : "signal-date",
        signalDate: c.date,
        knownOn: c.date,
        label: `${ratio.name} crossed ${up ? "above" : "below"} its ${averagePeriod}-day average`,
        detail: null,
      }));
    description = `days ${ratio.name} crossed ${up ? "above" : "below"} its ${averagePeriod}-day average`;
    dayZero = "The close of the crossing day (the first close on the new side, known that day).";
  }

  const inWindow = events.filter(
    (e) => (since === null || e.signalDate >= since) && (until === null || e.signalDate <= until),
  );
  const spaced: StudyEventShape[] = [];
  for (const e of inWindow.sort((a, b) => a.signalDate - b.signalDate)) {
    const prev = spaced[spaced.length - 1];
    if (prev && e.signalDate - prev.signalDate < minSpacingDays) continue;
    spaced.push(e);
  }
  const studied = last !== null ? spaced.slice(-last) : spaced;
  if (studied.length > MAX_EVENTS) {
    throw badInput(
      argument,
      `selects ${studied.length} events; at most ${MAX_EVENTS} are studied at once: narrow them with since, until, last or minSpacingDays`,
    );
  }
  return {
    source,
    description,
    dayZero,
    events: studied,
    selection: {
      since,
      until,
      last,
      minSpacingDays,
      matching: inWindow.length,
      spacedOut: inWindow.length - spaced.length,
    },
  };
}

export const StudyEventRef = builder.objectRef<StudyEventShape>("StudyEvent").implement({
  description: "One event of a study: its day-0 date and rule, the signal's date and when it could be known.",
  fields: (t) => ({
    date: t.field({
      type: "Date",
      description: "The date day 0 is taken on or before.",
      resolve: (e) => e.date,
    }),
    dayZeroRule: t.field({
      type: DayZeroRuleEnum,
      description: "Which date that is.",
      resolve: (e) => e.rule,
    }),
    signalDate: t.field({
      type: "Date",
      description: "The signal's own date.",
      resolve: (e) => e.signalDate,
    }),
    knownOn: t.field({
      type: "Date",
      nullable: true,
      description: "The first day it could be known; null when the data do not say (NBER recessions).",
      resolve: (e) => e.knownOn,
    }),
    label: t.string({ description: "What the event is.", resolve: (e) => e.label }),
    detail: t.string({
      nullable: true,
      description: "Its particulars (trough, peak, moves…).",
      resolve: (e) => e.detail,
    }),
    cycle: t.field({
      type: RateCycleRef,
      nullable: true,
      description: "The rate cycle, for cycle sources.",
      resolve: (e) => (e.cycle as CycleShape | undefined) ?? null,
    }),
  }),
});

const EventStudyRowRef = builder.objectRef<EventRowShape>("EventStudyRow").implement({
  description: "One event at one horizon: base, benchmark and excess return after its day 0.",
  interfaces: [CycleEventRef],
  fields: (t) => ({
    event: t.field({ type: StudyEventRef, description: "The event.", resolve: (r) => r.event }),
    ...rowReturnFields(t),
  }),
});

const LeftOutEventRef = builder.objectRef<EventRowShape>("LeftOutEvent").implement({
  description: "An event left out of a horizon's summary, and why.",
  fields: (t) => ({
    event: t.field({ type: StudyEventRef, description: "The event.", resolve: (r) => r.event }),
    ...leftOutFields(t),
  }),
});

const EventStudyHorizonRef = builder.objectRef<StudyHorizonShape>("EventStudyHorizon").implement({
  description: "The event study at one horizon: a row per event, the events left out, and the summaries.",
  fields: (t) => ({
    ...horizonSummaryFields(t, "events"),
    overlapping: t.int({
      description:
        "Events less than a horizon after the previous one: their windows overlap, so the summaries' intervals (which assume independent events) are too narrow when this is not 0.",
      resolve: overlapping,
    }),
    rows: t.field({
      type: [EventStudyRowRef],
      description: "One row per event, oldest first.",
      resolve: rowsOf,
    }),
    leftOut: t.field({
      type: [LeftOutEventRef],
      description: "The events left out of the summaries, with the reason.",
      resolve: (h) => rowsOf(h).filter((r) => !r.outcome.complete),
    }),
  }),
});

interface EventStudyShape {
  base: Instrument;
  benchmark: Instrument;
  resolved: ResolvedEvents;
  horizons: StudyHorizonShape[];
}

const EventSelectionRef = builder.objectRef<ResolvedEvents>("EventSelection").implement({
  description: "Which events were studied.",
  fields: (t) => ({
    since: t.field({
      type: "Date",
      nullable: true,
      description: "Signal dates on or after.",
      resolve: (r) => r.selection.since,
    }),
    until: t.field({
      type: "Date",
      nullable: true,
      description: "Signal dates on or before.",
      resolve: (r) => r.selection.until,
    }),
    last: t.int({ nullable: true, description: "At most the last N.", resolve: (r) => r.selection.last }),
    minSpacingDays: t.int({
      description: "Minimum days between events kept.",
      resolve: (r) => r.selection.minSpacingDays,
    }),
    matching: t.int({
      description: "Events of the source inside the window.",
      resolve: (r) => r.selection.matching,
    }),
    spacedOut: t.int({
      description: "Of those, dropped by the minimum spacing.",
      resolve: (r) => r.selection.spacedOut,
    }),
    studied: t.int({ description: "Events studied.", resolve: (r) => r.events.length }),
  }),
});

const EventStudyRef = builder.objectRef<EventStudyShape>("EventStudy").implement({
  description:
    "Event study on any event: how the base did against the benchmark in the months after each event, with its conventions, the events left out, and intervals fit for a handful of events.",
  fields: (t) => ({
    base: t.field({ type: InstrumentRef, description: "The instrument studied.", resolve: (s) => s.base }),
    benchmark: t.field({ type: InstrumentRef, description: "The benchmark.", resolve: (s) => s.benchmark }),
    source: t.field({
      type: EventSourceEnum,
      nullable: true,
      description: "The named source (null for your dates).",
      resolve: (s) => s.resolved.source,
    }),
    description: t.string({ description: "What the events are.", resolve: (s) => s.resolved.description }),
    events: t.field({
      type: [StudyEventRef],
      description: "The events studied, oldest first.",
      resolve: (s) => s.resolved.events,
    }),
    selection: t.field({
      type: EventSelectionRef,
      description: "How they were selected.",
      resolve: (s) => s.resolved,
    }),
    conventions: t.field({
      type: StudyConventionsRef,
      description: "Day 0, horizon, prices, summaries.",
      resolve: (s): ConventionsShape => ({
        dayZero: s.resolved.dayZero,
        horizons: s.horizons.map((h) => h.months),
      }),
    }),
    horizons: t.field({
      type: [EventStudyHorizonRef],
      description: "One result per horizon, in the order asked.",
      resolve: (s) => s.horizons,
    }),
  }),
});

builder.queryFields((t) => ({
  eventStudy: t.field({
    type: EventStudyRef,
    nullable: true,
    description:
      "How did `base` do against `benchmark` N months after each event — your dates or a named source (cycle starts, curve inversions and un-inversions, Sahm-rule triggers, recession starts and ends, ratio crossings)? Per-event returns, the events left out and why, and per horizon mean/median excess, hit rate, t-statistic and 95 % intervals. `rateCycleStudy` is the cycle-start case with its own row shape.",
    args: {
      events: t.arg({
        type: EventsInput,
        required: true,
        description: "The events: dates or a source, and a selection.",
      }),
      base: t.arg.string({
        required: false,
        defaultValue: "IWM",
        description: "Instrument studied (default IWM).",
      }),
      benchmark: t.arg.string({
        required: false,
        defaultValue: "SPY",
        description: "Benchmark (default SPY).",
      }),
      horizons: t.arg.intList({
        required: false,
        defaultValue: [3, 6, 12],
        description: "Horizons in calendar months (1–120; up to 10).",
      }),
    },
    complexity: { field: 1, multiplier: 10 },
    resolve: async (_r, args, ctx) => {
      const horizons = horizonsArg(args.horizons, [3, 6, 12]);
      const [base, benchmark, resolved] = await Promise.all([
        requireInstrument(ctx, args.base ?? "IWM", "base"),
        requireInstrument(ctx, args.benchmark ?? "SPY", "benchmark"),
        resolveEvents(ctx, args.events as EventsArg),
      ]);
      if (base.id === benchmark.id) throw badInput("benchmark", `must differ from the base (${base.symbol})`);
      const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
      return { base, benchmark, resolved, horizons: runStudy(b, m, resolved.events, horizons) };
    },
  }),
}));
