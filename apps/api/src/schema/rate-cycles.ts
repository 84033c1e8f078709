/**
 * Federal Reserve rate cycles and the event study of small caps against large caps after each cycle
 * began: `rateCycles` (each cycle with its moves and nested `performance` / `excess`) and
 * `rateCycleStudy` (per-cycle rows, the cycles left out and why, and summary statistics with confidence
 * intervals for each horizon).
 *
 * Conventions: cycles are detected by @cyclelens/core's `detectRateCycles` on a rate series (default
 * POLICY_RATE, the built-in FOMC record) under the move rule of its frequency; every option that changes the
 * result is an argument. **Day 0** is the close of the FOMC's announcement day (the last close on or before the
 * announcement date) whenever the decision behind the cycle's first move is in the record with an announcement
 * date; otherwise it is the last close on or before the first day the series shows the new level, and each row
 * says which (`dayZeroRule`). The horizon ends N calendar months after day 0's date (clamped to month end) at
 * the last close on or before it. Events whose horizon runs past the data are reported (`leftOut`) and left out
 * of the summary.
 */
import {
  type CycleDirection,
  detectRateCycles,
  eventStudy,
  formatISODate,
  type RateCycle,
  type RateMove,
} from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import { type Context, memoize } from "../context.js";
import { badInput, dataUnavailable, userInput } from "../errors.js";
import { builder } from "./builder.js";
import {
  CYCLE_DAY_ZERO,
  CycleEventRef,
  type EventRowShape,
  finite,
  horizonSummaryFields,
  horizonsArg,
  leftOutFields,
  rowReturnFields,
  rowsOf,
  runStudy,
  StudyConventionsRef,
  type StudyEventShape,
  type StudyHorizonShape,
} from "./event-study.js";
import { InstrumentRef, pricesOf, requireInstrument, requireInstruments } from "./instrument.js";
import {
  decisionFor,
  latestCloseOfDataset,
  type MatchedDecision,
  POLICY_RATE,
  RateFrequencyEnum,
  RateSeriesInfoRef,
  type RateSeriesShape,
  type RequestedFrequency,
  rateSeriesOf,
} from "./policy-rate.js";

export const DEFAULT_POLICY_SERIES = POLICY_RATE;

export const CycleDirectionEnum = builder.enumType("CycleDirection", {
  description: "Direction of a policy-rate cycle.",
  values: {
    EASING: { value: "easing", description: "Rate cuts." },
    TIGHTENING: { value: "tightening", description: "Rate hikes." },
  } as const,
});

interface CycleOptions {
  code: string;
  frequency: RequestedFrequency;
  minMoveBp: number;
  maxPauseDays: number;
  levelWindowDays: number;
  persistDays: number;
}

/** A detected cycle with the decision behind its start and the series and rule it came from. */
export interface CycleShape extends RateCycle {
  rate: RateSeriesShape;
  options: CycleOptions;
  /** The FOMC decision behind the first move, when the record explains it. */
  decision: MatchedDecision | null;
}

/**
 * A cycle's start as a study event. Day 0: the announcement date when the record has the decision, else the
 * first day at the new level; with `known`, the first day the start could be known (the announcement, or the
 * first move's confirmation on a detected series).
 */
export function cycleEvent(c: CycleShape, known = false): StudyEventShape {
  const announced = c.decision?.announced ?? null;
  const confirmed = c.moves[0]?.confirmedOn ?? c.start;
  const knownOn = announced != null ? Math.min(announced, confirmed) : confirmed;
  const label = `${c.direction} cycle from ${formatISODate(c.start)} (${c.rate.code})`;
  const detail = `${c.moveCount} move${c.moveCount === 1 ? "" : "s"}, ${c.totalChangeBp > 0 ? "+" : ""}${Math.round(c.totalChangeBp)} bp`;
  if (known)
    return { date: knownOn, rule: "known-date", signalDate: c.start, knownOn, label, detail, cycle: c };
  return announced != null
    ? { date: announced, rule: "announcement", signalDate: c.start, knownOn, label, detail, cycle: c }
    : { date: c.start, rule: "first-day", signalDate: c.start, knownOn, label, detail, cycle: c };
}

/** Detects the cycles of a rate series once per request and options. */
export function cyclesOf(
  ctx: Context,
  options: CycleOptions,
  argument = "series",
): Promise<{ rate: RateSeriesShape; cycles: CycleShape[] }> {
  const key = `cycles:${options.code.toUpperCase()}:${options.frequency}:${options.minMoveBp}:${options.maxPauseDays}:${options.levelWindowDays}:${options.persistDays}`;
  return memoize(ctx, key, async () => {
    const rate = await rateSeriesOf(ctx, options.code, argument, options.frequency);
    const cycles = userInput(
      () =>
        detectRateCycles(rate.series, {
          frequency: rate.frequency,
          minMoveBp: options.minMoveBp,
          maxPauseDays: options.maxPauseDays,
          levelWindowDays: options.levelWindowDays,
          persistDays: options.persistDays,
        }),
      (name) => name,
    );
    return {
      rate,
      cycles: cycles.map((c) => ({
        ...c,
        rate,
        options,
        decision: decisionFor(rate, c.start, c.direction === "easing" ? -1 : 1),
      })),
    };
  });
}

/** Validates the detection arguments shared by the cycle fields. */
export function cycleOptions(args: {
  series?: string | null;
  frequency?: string | null;
  minMoveBp?: number | null;
  maxPauseDays?: number | null;
  levelWindowDays?: number | null;
  persistDays?: number | null;
}): CycleOptions {
  const minMoveBp = args.minMoveBp ?? 20;
  if (!(minMoveBp >= 1 && minMoveBp <= 500))
    throw badInput("minMoveBp", `must be between 1 and 500 basis points (got ${minMoveBp})`);
  const maxPauseDays = args.maxPauseDays ?? 400;
  if (!Number.isInteger(maxPauseDays) || maxPauseDays < 1 || maxPauseDays > 3650) {
    throw badInput("maxPauseDays", `must be an integer from 1 to 3650 days (got ${maxPauseDays})`);
  }
  const levelWindowDays = args.levelWindowDays ?? 10;
  if (!Number.isInteger(levelWindowDays) || levelWindowDays < 1 || levelWindowDays > 60) {
    throw badInput(
      "levelWindowDays",
      `must be an integer from 1 to 60 business days (got ${levelWindowDays})`,
    );
  }
  const persistDays = args.persistDays ?? 30;
  if (!Number.isInteger(persistDays) || persistDays < levelWindowDays || persistDays > 260) {
    throw badInput(
      "persistDays",
      `must be an integer from levelWindowDays (${levelWindowDays}) to 260 business days (got ${persistDays})`,
    );
  }
  return {
    code: (args.series ?? DEFAULT_POLICY_SERIES).trim(),
    frequency: (args.frequency ?? "auto") as RequestedFrequency,
    minMoveBp,
    maxPauseDays,
    levelWindowDays,
    persistDays,
  };
}

function horizonMonthsArg(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 120) {
    throw badInput("horizonMonths", `must be whole calendar months from 1 to 120 (got ${value})`);
  }
  return value;
}

/** Keeps the cycles that started inside [since, until]; a window outside the series is DATA_UNAVAILABLE. */
function inWindow(
  rate: RateSeriesShape,
  cycles: CycleShape[],
  since: number | null | undefined,
  until: number | null | undefined,
): CycleShape[] {
  if (since != null && until != null && since > until) {
    throw badInput("since", `${formatISODate(since)} is after until (${formatISODate(until)})`);
  }
  const available = { from: formatISODate(rate.firstDate), to: formatISODate(rate.lastDate) };
  if (since != null && since > rate.lastDate) {
    throw dataUnavailable(
      "since",
      `${rate.code} ends ${available.to}: no cycle can start after ${formatISODate(since)} in it`,
      available,
    );
  }
  if (until != null && until < rate.firstDate) {
    throw dataUnavailable(
      "until",
      `${rate.code} starts ${available.from}: no cycle can start before ${formatISODate(until)} in it`,
      available,
    );
  }
  return cycles.filter((c) => (since == null || c.start >= since) && (until == null || c.start <= until));
}

const RateMoveRef = builder.objectRef<{ move: RateMove; cycle: CycleShape }>("RateMove").implement({
  description: "One policy-rate move.",
  fields: (t) => ({
    date: t.field({
      type: "Date",
      description: "First day at the new level (the day the series shows it).",
      resolve: (m) => m.move.date,
    }),
    announced: t.field({
      type: "Date",
      nullable: true,
      description:
        "Announcement date of the FOMC decision behind the move (the record's decision in the same direction effective within 10 days before to 5 days after `date`, or ±31 days on monthly data); null when unknown.",
      resolve: (m) => decisionFor(m.cycle.rate, m.move.date, Math.sign(m.move.changeBp))?.announced ?? null,
    }),
    confirmedOn: t.field({
      type: "Date",
      description:
        "The day the rule could know the move: the end of its persistence window (daily), the next month (monthly) or `date` (step).",
      resolve: (m) => m.move.confirmedOn,
    }),
    from: t.float({ description: "Level before (the anchor), percent.", resolve: (m) => m.move.from }),
    to: t.float({
      description: "Level after (the level that persisted), percent.",
      resolve: (m) => m.move.to,
    }),
    changeBp: t.float({
      description: "Change in basis points (negative for a cut).",
      resolve: (m) => m.move.changeBp,
    }),
  }),
});

const RateCycleRuleRef = builder
  .objectRef<{ rate: RateSeriesShape; options: CycleOptions }>("RateCycleRule")
  .implement({
    description: "The rule and options a cycle was detected with (every option that changes the result).",
    fields: (t) => ({
      frequency: t.field({
        type: RateFrequencyEnum,
        description: "The move rule applied (AUTO resolved).",
        resolve: (c) => c.rate.frequency,
      }),
      minMoveBp: t.float({
        description: "Smallest move, basis points.",
        resolve: (c) => c.options.minMoveBp,
      }),
      levelWindowDays: t.int({
        nullable: true,
        description: "Daily rule: business days whose median is the level; null for the other rules.",
        resolve: (c) => (c.rate.frequency === "daily" ? c.options.levelWindowDays : null),
      }),
      persistDays: t.int({
        nullable: true,
        description: "Daily rule: business days a move must persist; null for the other rules.",
        resolve: (c) => (c.rate.frequency === "daily" ? c.options.persistDays : null),
      }),
      maxPauseDays: t.int({
        description: "Longest pause inside one cycle, calendar days.",
        resolve: (c) => c.options.maxPauseDays,
      }),
    }),
  });

interface OutcomeShape extends EventRowShape {
  instrument: Instrument;
}

const CyclePerformanceRef = builder.objectRef<OutcomeShape>("CyclePerformance").implement({
  description: "How one instrument did in the N months after a cycle began (day 0 as in `dayZeroRule`).",
  interfaces: [CycleEventRef],
  fields: (t) => ({
    instrument: t.field({
      type: InstrumentRef,
      description: "The instrument.",
      resolve: (o) => o.instrument,
    }),
    return: t.float({
      nullable: true,
      description: "Total return from entry to exit, a fraction.",
      resolve: (o) => finite(o.outcome.baseReturn),
    }),
  }),
});

interface ExcessShape extends EventRowShape {
  base: Instrument;
  benchmark: Instrument;
  months: number;
}

const CycleExcessRef = builder.objectRef<ExcessShape>("CycleExcess").implement({
  description: "Base minus benchmark return in the N months after a cycle began (e.g. IWM − SPY).",
  interfaces: [CycleEventRef],
  fields: (t) => ({
    base: t.field({ type: InstrumentRef, description: "The instrument studied.", resolve: (o) => o.base }),
    benchmark: t.field({ type: InstrumentRef, description: "The benchmark.", resolve: (o) => o.benchmark }),
    horizonMonths: t.int({ description: "Calendar months after day 0.", resolve: (o) => o.months }),
    baseReturn: t.float({
      nullable: true,
      description: "Base total return.",
      resolve: (o) => finite(o.outcome.baseReturn),
    }),
    benchmarkReturn: t.float({
      nullable: true,
      description: "Benchmark total return.",
      resolve: (o) => finite(o.outcome.benchmarkReturn),
    }),
    excessReturn: t.float({
      nullable: true,
      description: "Base − benchmark; positive = base led.",
      resolve: (o) => finite(o.outcome.excessReturn),
    }),
  }),
});

/** One event study of a cycle's start (day 0 by the announcement convention). */
function studyOf(cycle: CycleShape, base: Parameters<typeof eventStudy>[0]["series"], months: number) {
  return eventStudy({ events: [cycleEvent(cycle).date], series: base, horizons: [{ months }] }).horizons[0]!
    .events[0]!;
}

export const RateCycleRef = builder.objectRef<CycleShape>("RateCycle").implement({
  description: "An easing or tightening cycle: from its first move to its last move in the same direction.",
  fields: (t) => ({
    series: t.string({
      description: "Code of the rate series it was detected on.",
      resolve: (c) => c.rate.code,
    }),
    rateSeries: t.field({
      type: RateSeriesInfoRef,
      description: "The rate series: provenance, reach, and whether it is stale.",
      resolve: (c) => c.rate,
    }),
    rule: t.field({ type: RateCycleRuleRef, description: "How it was detected.", resolve: (c) => c }),
    direction: t.field({
      type: CycleDirectionEnum,
      description: "Easing or tightening.",
      resolve: (c) => c.direction,
    }),
    start: t.field({
      type: "Date",
      description: "First day at the new level after the first move.",
      resolve: (c) => c.start,
    }),
    announced: t.field({
      type: "Date",
      nullable: true,
      description:
        "Announcement date of the FOMC decision behind the first move (from the built-in record); null when the record has none (before 1994) or does not explain the move.",
      resolve: (c) => c.decision?.announced ?? null,
    }),
    end: t.field({
      type: "Date",
      description: "First day at the new level after the last move (so far, when ongoing).",
      resolve: (c) => c.end,
    }),
    moveCount: t.int({ description: "Number of moves.", resolve: (c) => c.moveCount }),
    totalChangeBp: t.float({
      description: "rateAfter − rateBefore, basis points.",
      resolve: (c) => c.totalChangeBp,
    }),
    rateBefore: t.float({
      description: "Rate before the first move, percent.",
      resolve: (c) => c.rateBefore,
    }),
    rateAfter: t.float({ description: "Rate after the last move, percent.", resolve: (c) => c.rateAfter }),
    ongoing: t.boolean({
      description:
        "True for the latest cycle while no opposite move or long pause has ended it, as far as the series reaches (see `rateSeries.stale`).",
      resolve: (c) => c.ongoing,
    }),
    moves: t.field({
      type: [RateMoveRef],
      description: "The moves, in date order.",
      resolve: (c) => c.moves.map((move) => ({ move, cycle: c })),
    }),
    performance: t.field({
      type: [CyclePerformanceRef],
      nullable: true,
      description: "Return of each instrument in the `horizonMonths` after the cycle's day 0.",
      args: {
        symbols: t.arg.stringList({ required: true, description: 'Instruments, e.g. ["IWM", "SPY"].' }),
        horizonMonths: t.arg.int({
          required: false,
          defaultValue: 12,
          description: "Calendar months after day 0 (1–120).",
        }),
      },
      complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.symbols?.length ?? 1) }),
      resolve: async (cycle, args, ctx) => {
        const months = horizonMonthsArg(args.horizonMonths ?? 12);
        const instruments = await requireInstruments(ctx, args.symbols);
        return Promise.all(
          instruments.map(async (instrument) => ({
            instrument,
            event: cycleEvent(cycle),
            outcome: studyOf(cycle, { base: await pricesOf(ctx, instrument) }, months),
          })),
        );
      },
    }),
    excess: t.field({
      type: CycleExcessRef,
      nullable: true,
      description: "Base minus benchmark return in the `horizonMonths` after the cycle's day 0.",
      args: {
        base: t.arg.string({ required: true, description: "Instrument studied, e.g. IWM." }),
        benchmark: t.arg.string({ required: true, description: "Benchmark, e.g. SPY." }),
        horizonMonths: t.arg.int({
          required: false,
          defaultValue: 12,
          description: "Calendar months after day 0 (1–120).",
        }),
      },
      resolve: async (cycle, args, ctx) => {
        const months = horizonMonthsArg(args.horizonMonths ?? 12);
        const [base, benchmark] = await Promise.all([
          requireInstrument(ctx, args.base, "base"),
          requireInstrument(ctx, args.benchmark, "benchmark"),
        ]);
        const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
        return {
          base,
          benchmark,
          months,
          event: cycleEvent(cycle),
          outcome: studyOf(cycle, { base: b, benchmark: m }, months),
        };
      },
    }),
  }),
});

const StudyRowRef = builder.objectRef<EventRowShape>("RateCycleStudyRow").implement({
  description: "One cycle at one horizon: base, benchmark and excess return after the cycle's day 0.",
  interfaces: [CycleEventRef],
  fields: (t) => ({
    cycle: t.field({
      type: RateCycleRef,
      description: "The cycle.",
      resolve: (r) => r.event.cycle as CycleShape,
    }),
    ...rowReturnFields(t),
  }),
});

const LeftOutRef = builder.objectRef<EventRowShape>("LeftOutCycle").implement({
  description: "A cycle left out of a horizon's summary, and why.",
  fields: (t) => ({
    cycle: t.field({
      type: RateCycleRef,
      description: "The cycle.",
      resolve: (r) => r.event.cycle as CycleShape,
    }),
    ...leftOutFields(t),
  }),
});

const StudyHorizonRef = builder.objectRef<StudyHorizonShape>("RateCycleStudyHorizon").implement({
  description: "The event study at one horizon: a row per cycle, the cycles left out, and the summaries.",
  fields: (t) => ({
    ...horizonSummaryFields(t, "cycles"),
    rows: t.field({
      type: [StudyRowRef],
      description: "One row per cycle, oldest first, complete or not.",
      resolve: rowsOf,
    }),
    leftOut: t.field({
      type: [LeftOutRef],
      description: "The cycles left out of the summaries, with the reason.",
      resolve: (h) => rowsOf(h).filter((r) => !r.outcome.complete),
    }),
  }),
});

interface StudyShape {
  base: Instrument;
  benchmark: Instrument;
  direction: CycleDirection;
  rate: RateSeriesShape;
  options: CycleOptions;
  selection: { since: number | null; until: number | null; last: number | null; matching: number };
  cycles: CycleShape[];
  horizons: StudyHorizonShape[];
}

const StudySelectionRef = builder
  .objectRef<StudyShape["selection"] & { studied: number }>("StudySelection")
  .implement({
    description: "Which cycles were studied.",
    fields: (t) => ({
      since: t.field({
        type: "Date",
        nullable: true,
        description: "Cycles starting on or after.",
        resolve: (s) => s.since,
      }),
      until: t.field({
        type: "Date",
        nullable: true,
        description: "Cycles starting on or before.",
        resolve: (s) => s.until,
      }),
      last: t.int({ nullable: true, description: "At most the last N of them.", resolve: (s) => s.last }),
      matching: t.int({
        description: "Cycles of the direction inside the window before `last` applied.",
        resolve: (s) => s.matching,
      }),
      studied: t.int({ description: "Cycles studied.", resolve: (s) => s.studied }),
    }),
  });

const StudyRef = builder.objectRef<StudyShape>("RateCycleStudy").implement({
  description:
    "Event study: how the base did against the benchmark in the months after each cycle of a direction began, with its conventions, the cycles left out, and intervals fit for a handful of events.",
  fields: (t) => ({
    base: t.field({
      type: InstrumentRef,
      description: "The instrument studied (e.g. IWM).",
      resolve: (s) => s.base,
    }),
    benchmark: t.field({
      type: InstrumentRef,
      description: "The benchmark (e.g. SPY).",
      resolve: (s) => s.benchmark,
    }),
    direction: t.field({
      type: CycleDirectionEnum,
      description: "Which cycles were studied.",
      resolve: (s) => s.direction,
    }),
    rateSeries: t.field({
      type: RateSeriesInfoRef,
      description:
        "The rate series the cycles come from, and whether it is stale against base and benchmark.",
      resolve: (s) => s.rate,
    }),
    rule: t.field({
      type: RateCycleRuleRef,
      description: "How the cycles were detected.",
      resolve: (s) => s,
    }),
    conventions: t.field({
      type: StudyConventionsRef,
      description: "Day 0, horizon, prices, summaries.",
      resolve: (s) => ({ dayZero: CYCLE_DAY_ZERO, horizons: s.horizons.map((h) => h.months) }),
    }),
    selection: t.field({
      type: StudySelectionRef,
      description: "The window and `last` applied, and how many cycles they kept.",
      resolve: (s) => ({ ...s.selection, studied: s.cycles.length }),
    }),
    cycles: t.field({
      type: [RateCycleRef],
      description: "The cycles studied, oldest first.",
      resolve: (s) => s.cycles,
    }),
    horizons: t.field({
      type: [StudyHorizonRef],
      description: "One result per horizon, in the order asked.",
      resolve: (s) => s.horizons,
    }),
  }),
});

/**
 * The cost estimate's number of cycles: about 10 with the defaults (20 bp moves, 400-day pauses), more as
 * `minMoveBp` shrinks (finer moves) and as `maxPauseDays` shrinks (shorter pauses split cycles): 10 ×
 * (20 / minMoveBp) × √(400 / maxPauseDays), from 1 to 2,000. On the Treasury 10-year yield (`DGS10`, daily),
 * `minMoveBp: 1, maxPauseDays: 1` finds about 1,600 cycles; the estimate says 2,000. Only an estimate: the work
 * meter charges the cycles found.
 */
function estimatedCycles(args: { minMoveBp?: number | null; maxPauseDays?: number | null }): number {
  const minMoveBp = Math.max(1, args.minMoveBp ?? 20);
  const maxPauseDays = Math.max(1, args.maxPauseDays ?? 400);
  return Math.max(1, Math.min(2000, Math.ceil(10 * (20 / minMoveBp) * Math.sqrt(400 / maxPauseDays))));
}

const detectionArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  series: t.arg.string({
    required: false,
    defaultValue: DEFAULT_POLICY_SERIES,
    description:
      "Rate series: POLICY_RATE (default: the built-in FOMC record, extended by a stored DFEDTARU after its completeThrough date) or any stored series such as DFF (effective rate), FEDFUNDS (monthly), DFEDTARU.",
  }),
  frequency: t.arg({
    type: RateFrequencyEnum,
    required: false,
    defaultValue: "auto",
    description:
      "Move rule (default AUTO: STEP for target series, MONTHLY for monthly data, otherwise DAILY).",
  }),
  minMoveBp: t.arg.float({
    required: false,
    defaultValue: 20,
    description: "Smallest change counted as a move, basis points (1–500).",
  }),
  levelWindowDays: t.arg.int({
    required: false,
    defaultValue: 10,
    description: "Daily rule: business days whose median is the rate's level (1–60).",
  }),
  persistDays: t.arg.int({
    required: false,
    defaultValue: 30,
    description: "Daily rule: business days a new level must hold to be a move (levelWindowDays–260).",
  }),
  maxPauseDays: t.arg.int({
    required: false,
    defaultValue: 400,
    description: "Longest pause inside one cycle, calendar days (1–3650).",
  }),
  since: t.arg({
    type: "Date",
    required: false,
    description: "Only cycles that started on or after this date.",
  }),
  until: t.arg({
    type: "Date",
    required: false,
    description: "Only cycles that started on or before this date.",
  }),
});

builder.queryFields((t) => ({
  rateCycles: t.field({
    type: [RateCycleRef],
    nullable: true,
    description:
      "Easing and tightening cycles detected on a rate series, oldest first. Each says which series and rule found it and whether the series is stale against the stored instruments.",
    args: {
      ...detectionArgs(t),
      direction: t.arg({ type: CycleDirectionEnum, required: false, description: "Only this direction." }),
    },
    complexity: (args) => ({ field: 1, multiplier: estimatedCycles(args) }),
    resolve: async (_r, args, ctx) => {
      const options = cycleOptions(args);
      const [{ rate, cycles }, latest] = await Promise.all([
        cyclesOf(ctx, options),
        latestCloseOfDataset(ctx),
      ]);
      rate.reference ??= latest;
      return inWindow(rate, cycles, args.since, args.until).filter(
        (c) => !args.direction || c.direction === args.direction,
      );
    },
  }),
  rateCycleStudy: t.field({
    type: StudyRef,
    nullable: true,
    description:
      "Event study of `base` against `benchmark` after the start of each cycle of `direction`: per-cycle returns from the announcement-day close, the cycles left out and why, and per horizon mean/median excess, hit rate, t-statistic and 95 % intervals.",
    args: {
      ...detectionArgs(t),
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
      direction: t.arg({
        type: CycleDirectionEnum,
        required: false,
        defaultValue: "easing",
        description: "Which cycles (default EASING).",
      }),
      horizons: t.arg.intList({
        required: false,
        defaultValue: [3, 6, 12],
        description: "Horizons in calendar months (1–120; up to 10).",
      }),
      last: t.arg.int({
        required: false,
        description:
          "Study exactly the most recent N cycles (1–50) inside the window (fewer if fewer exist).",
      }),
    },
    complexity: (args) => ({ field: 1, multiplier: estimatedCycles(args) }),
    resolve: async (_r, args, ctx) => {
      const options = cycleOptions(args);
      const horizons = horizonsArg(args.horizons, [3, 6, 12]);
      if (args.last != null && (!Number.isInteger(args.last) || args.last < 1 || args.last > 50)) {
        throw badInput("last", `must be an integer from 1 to 50 (got ${args.last})`);
      }
      const direction = (args.direction ?? "easing") as CycleDirection;
      const [base, benchmark, { rate: detected, cycles: all }] = await Promise.all([
        requireInstrument(ctx, args.base ?? "IWM", "base"),
        requireInstrument(ctx, args.benchmark ?? "SPY", "benchmark"),
        cyclesOf(ctx, options),
      ]);
      const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
      const lastClose = Math.max(
        b.dates[b.dates.length - 1] ?? -Infinity,
        m.dates[m.dates.length - 1] ?? -Infinity,
      );
      const rate: RateSeriesShape = { ...detected, reference: Number.isFinite(lastClose) ? lastClose : null };
      const matching = inWindow(rate, all, args.since, args.until).filter((c) => c.direction === direction);
      const cycles = (args.last != null ? matching.slice(-args.last) : matching).map((c) => ({ ...c, rate }));
      const events = cycles.map((c) => cycleEvent(c));
      return {
        base,
        benchmark,
        direction,
        rate,
        options,
        selection: {
          since: args.since ?? null,
          until: args.until ?? null,
          last: args.last ?? null,
          matching: matching.length,
        },
        cycles,
        horizons: runStudy(b, m, events, horizons),
      };
    },
  }),
}));
