/**
 * Federal Reserve rate cycles and the event study of small caps against large caps after each cycle
 * began: `rateCycles` (each cycle with its moves and nested `performance` / `excess`) and
 * `rateCycleStudy` (per-cycle rows and summary statistics for each horizon).
 *
 * Conventions: cycles are detected by @cyclelens/core's `detectRateCycles` on a policy-rate series
 * (default DFEDTARU, the upper bound of the target range); a move is a change of at least `minMoveBp`
 * confirmed by 3 observations; a cycle survives pauses of up to `maxPauseDays`. The event date is the
 * cycle's first move; day 0 is the last adjusted close on or before it; the horizon ends N calendar
 * months later (clamped to month end) at the last close on or before that date. Events whose horizon
 * runs past the data are reported as incomplete and left out of the summary.
 */
import {
  type CycleDirection,
  detectRateCycles,
  type EventHorizonResult,
  type EventOutcome,
  type EventSummaryStats,
  eventStudy,
  type RateCycle,
  type RateMove,
  type Series,
} from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import { type Context, memoize } from "../context.js";
import { badInput, notFound, userInput } from "../errors.js";
import { builder } from "./builder.js";
import { observationsOf, requireSeries } from "./economic.js";
import { InstrumentRef, pricesOf, requireInstrument, requireInstruments } from "./instrument.js";

/**
 * The default rate series of the cycle fields: not a stored series but the policy target spliced from two
 * FRED series — the single target DFEDTAR until the Fed moved to a range (2008-12-16), then the range's upper
 * bound DFEDTARU — so a real-data history covers the cycles before 2008 too. Either part may be missing.
 */
export const POLICY_RATE = "POLICY_RATE";
export const DEFAULT_POLICY_SERIES = POLICY_RATE;

/** The observations of a rate series argument: a stored series, or the spliced {@link POLICY_RATE}. */
async function rateSeries(ctx: Context, code: string): Promise<Series> {
  if (code.trim().toUpperCase() !== POLICY_RATE)
    return observationsOf(ctx, await requireSeries(ctx, code, "series"));
  const [upper, single] = await Promise.all([
    ctx.loaders.seriesByCode.load("DFEDTARU"),
    ctx.loaders.seriesByCode.load("DFEDTAR"),
  ]);
  if (!upper && !single) {
    throw notFound(
      "economic series",
      POLICY_RATE,
      "it is spliced from DFEDTAR and DFEDTARU; import either (pnpm ingest DFEDTARU DFEDTAR)",
    );
  }
  const [u, t] = await Promise.all([
    upper ? observationsOf(ctx, upper) : undefined,
    single ? observationsOf(ctx, single) : undefined,
  ]);
  if (!u || u.dates.length === 0) return t!;
  if (!t || t.dates.length === 0) return u;
  const cut = u.dates[0]!;
  let n = 0;
  while (n < t.dates.length && t.dates[n]! < cut) n++;
  const dates = new Int32Array(n + u.dates.length);
  const values = new Float64Array(n + u.dates.length);
  dates.set(t.dates.subarray(0, n));
  values.set(t.values.subarray(0, n));
  dates.set(u.dates, n);
  values.set(u.values, n);
  return { dates, values };
}

export const CycleDirectionEnum = builder.enumType("CycleDirection", {
  description: "Direction of a policy-rate cycle.",
  values: {
    EASING: { value: "easing", description: "Rate cuts." },
    TIGHTENING: { value: "tightening", description: "Rate hikes." },
  } as const,
});

const finite = (v: number) => (Number.isFinite(v) ? v : null);

interface CycleOptions {
  code: string;
  minMoveBp: number;
  maxPauseDays: number;
}

/** Detects the cycles of a series once per request and options. */
export function cyclesOf(ctx: Context, options: CycleOptions): Promise<RateCycle[]> {
  return memoize(
    ctx,
    `cycles:${options.code.toUpperCase()}:${options.minMoveBp}:${options.maxPauseDays}`,
    async () => {
      const rate = await rateSeries(ctx, options.code);
      return detectRateCycles(rate, { minMoveBp: options.minMoveBp, maxPauseDays: options.maxPauseDays });
    },
  );
}

function cycleOptions(args: {
  series?: string | null;
  minMoveBp?: number | null;
  maxPauseDays?: number | null;
}): CycleOptions {
  const minMoveBp = args.minMoveBp ?? 20;
  if (!(minMoveBp >= 1 && minMoveBp <= 500))
    throw badInput("minMoveBp", `must be between 1 and 500 basis points (got ${minMoveBp})`);
  const maxPauseDays = args.maxPauseDays ?? 400;
  if (!Number.isInteger(maxPauseDays) || maxPauseDays < 1 || maxPauseDays > 3650) {
    throw badInput("maxPauseDays", `must be an integer from 1 to 3650 days (got ${maxPauseDays})`);
  }
  return { code: args.series ?? DEFAULT_POLICY_SERIES, minMoveBp, maxPauseDays };
}

/** Validates calendar-month horizons: 1–10 distinct integers from 1 to 120. */
function horizonsArg(horizons: readonly number[] | null | undefined, fallback: number[]): number[] {
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

function horizonMonthsArg(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 120) {
    throw badInput("horizonMonths", `must be whole calendar months from 1 to 120 (got ${value})`);
  }
  return value;
}

const RateMoveRef = builder.objectRef<RateMove>("RateMove").implement({
  description: "One policy-rate move.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "First day at the new level.", resolve: (m) => m.date }),
    from: t.float({ description: "Level before, percent.", resolve: (m) => m.from }),
    to: t.float({ description: "Level after, percent.", resolve: (m) => m.to }),
    changeBp: t.float({
      description: "Change in basis points (negative for a cut).",
      resolve: (m) => m.changeBp,
    }),
  }),
});

interface OutcomeShape {
  instrument: Instrument;
  outcome: EventOutcome;
}

const CyclePerformanceRef = builder.objectRef<OutcomeShape>("CyclePerformance").implement({
  description: "How one instrument did in the N months after a cycle began.",
  fields: (t) => ({
    instrument: t.field({
      type: InstrumentRef,
      description: "The instrument.",
      resolve: (o) => o.instrument,
    }),
    complete: t.boolean({
      description: "False when the horizon runs past the data (or starts before it).",
      resolve: (o) => o.outcome.complete,
    }),
    incompleteReason: t.string({
      nullable: true,
      description: "Why the result is incomplete: starts-before-data or ends-after-data.",
      resolve: (o) => o.outcome.reason ?? null,
    }),
    entryDate: t.field({
      type: "Date",
      nullable: true,
      description: "Day 0: last close on or before the cycle start.",
      resolve: (o) => finite(o.outcome.entryDate),
    }),
    exitDate: t.field({
      type: "Date",
      nullable: true,
      description: "Last close on or before the horizon end.",
      resolve: (o) => finite(o.outcome.exitDate),
    }),
    return: t.float({
      nullable: true,
      description: "Total return from entry to exit, a fraction.",
      resolve: (o) => finite(o.outcome.baseReturn),
    }),
  }),
});

interface ExcessShape {
  base: Instrument;
  benchmark: Instrument;
  months: number;
  outcome: EventOutcome;
}

const CycleExcessRef = builder.objectRef<ExcessShape>("CycleExcess").implement({
  description: "Base minus benchmark return in the N months after a cycle began (e.g. IWM − SPY).",
  fields: (t) => ({
    base: t.field({ type: InstrumentRef, description: "The instrument studied.", resolve: (o) => o.base }),
    benchmark: t.field({ type: InstrumentRef, description: "The benchmark.", resolve: (o) => o.benchmark }),
    horizonMonths: t.int({ description: "Calendar months after the start.", resolve: (o) => o.months }),
    complete: t.boolean({
      description: "False when the horizon runs past the data.",
      resolve: (o) => o.outcome.complete,
    }),
    incompleteReason: t.string({
      nullable: true,
      description: "Why it is incomplete.",
      resolve: (o) => o.outcome.reason ?? null,
    }),
    entryDate: t.field({
      type: "Date",
      nullable: true,
      description: "Day 0 of the base.",
      resolve: (o) => finite(o.outcome.entryDate),
    }),
    exitDate: t.field({
      type: "Date",
      nullable: true,
      description: "Exit date of the base.",
      resolve: (o) => finite(o.outcome.exitDate),
    }),
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

export const RateCycleRef = builder.objectRef<RateCycle & { seriesCode: string }>("RateCycle").implement({
  description: "An easing or tightening cycle: from its first move to its last move in the same direction.",
  fields: (t) => ({
    series: t.string({
      description: "Code of the rate series it was detected on.",
      resolve: (c) => c.seriesCode,
    }),
    direction: t.field({
      type: CycleDirectionEnum,
      description: "Easing or tightening.",
      resolve: (c) => c.direction,
    }),
    start: t.field({ type: "Date", description: "Date of the first move.", resolve: (c) => c.start }),
    end: t.field({
      type: "Date",
      description: "Date of the last move (so far, when ongoing).",
      resolve: (c) => c.end,
    }),
    moveCount: t.int({ description: "Number of moves.", resolve: (c) => c.moveCount }),
    totalChangeBp: t.float({ description: "Total change in basis points.", resolve: (c) => c.totalChangeBp }),
    rateBefore: t.float({
      description: "Rate before the first move, percent.",
      resolve: (c) => c.rateBefore,
    }),
    rateAfter: t.float({ description: "Rate after the last move, percent.", resolve: (c) => c.rateAfter }),
    ongoing: t.boolean({
      description: "True for the latest cycle while no opposite move or long pause has ended it.",
      resolve: (c) => c.ongoing,
    }),
    moves: t.field({
      type: [RateMoveRef],
      description: "The moves, in date order.",
      resolve: (c) => [...c.moves],
    }),
    performance: t.field({
      type: [CyclePerformanceRef],
      description: "Return of each instrument in the `horizonMonths` after the cycle's first move.",
      args: {
        symbols: t.arg.stringList({ required: true, description: 'Instruments, e.g. ["IWM", "SPY"].' }),
        horizonMonths: t.arg.int({
          required: false,
          defaultValue: 12,
          description: "Calendar months after the start (1–120).",
        }),
      },
      complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.symbols?.length ?? 1) }),
      resolve: async (cycle, args, ctx) => {
        const months = horizonMonthsArg(args.horizonMonths ?? 12);
        const instruments = await requireInstruments(ctx, args.symbols);
        return Promise.all(
          instruments.map(async (instrument) => {
            const base = await pricesOf(ctx, instrument);
            const study = eventStudy({ events: [cycle.start], series: { base }, horizons: [{ months }] });
            return { instrument, outcome: study.horizons[0]!.events[0]! };
          }),
        );
      },
    }),
    excess: t.field({
      type: CycleExcessRef,
      description: "Base minus benchmark return in the `horizonMonths` after the cycle's first move.",
      args: {
        base: t.arg.string({ required: true, description: "Instrument studied, e.g. IWM." }),
        benchmark: t.arg.string({ required: true, description: "Benchmark, e.g. SPY." }),
        horizonMonths: t.arg.int({
          required: false,
          defaultValue: 12,
          description: "Calendar months after the start (1–120).",
        }),
      },
      resolve: async (cycle, args, ctx) => {
        const months = horizonMonthsArg(args.horizonMonths ?? 12);
        const [base, benchmark] = await Promise.all([
          requireInstrument(ctx, args.base, "base"),
          requireInstrument(ctx, args.benchmark, "benchmark"),
        ]);
        const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
        const study = eventStudy({
          events: [cycle.start],
          series: { base: b, benchmark: m },
          horizons: [{ months }],
        });
        return { base, benchmark, months, outcome: study.horizons[0]!.events[0]! };
      },
    }),
  }),
});

const SummaryStatsRef = builder.objectRef<EventSummaryStats>("SummaryStats").implement({
  description:
    "Summary of one measure over the complete events of a horizon. Null where undefined (e.g. t-statistic of one event).",
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
    hitRate: t.float({
      nullable: true,
      description: "Share of events above 0 (for excess: the base beat the benchmark).",
      resolve: (s) => finite(s.hitRate),
    }),
    min: t.float({ nullable: true, description: "Smallest value.", resolve: (s) => finite(s.min) }),
    max: t.float({ nullable: true, description: "Largest value.", resolve: (s) => finite(s.max) }),
  }),
});

interface StudyRowShape {
  cycle: RateCycle & { seriesCode: string };
  outcome: EventOutcome;
}

const StudyRowRef = builder.objectRef<StudyRowShape>("RateCycleStudyRow").implement({
  description: "One cycle at one horizon: base, benchmark and excess return after the cycle's first move.",
  fields: (t) => ({
    cycle: t.field({ type: RateCycleRef, description: "The cycle.", resolve: (r) => r.cycle }),
    complete: t.boolean({
      description: "False when the horizon runs past the data; such rows are left out of the summary.",
      resolve: (r) => r.outcome.complete,
    }),
    incompleteReason: t.string({
      nullable: true,
      description: "Why it is incomplete.",
      resolve: (r) => r.outcome.reason ?? null,
    }),
    entryDate: t.field({
      type: "Date",
      nullable: true,
      description: "Day 0.",
      resolve: (r) => finite(r.outcome.entryDate),
    }),
    exitDate: t.field({
      type: "Date",
      nullable: true,
      description: "Exit date.",
      resolve: (r) => finite(r.outcome.exitDate),
    }),
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
  }),
});

interface HorizonShape {
  months: number;
  result: EventHorizonResult;
  cycles: (RateCycle & { seriesCode: string })[];
}

const StudyHorizonRef = builder.objectRef<HorizonShape>("RateCycleStudyHorizon").implement({
  description: "The event study at one horizon: a row per cycle and the summaries.",
  fields: (t) => ({
    months: t.int({
      description: "Calendar months after each cycle's first move.",
      resolve: (h) => h.months,
    }),
    complete: t.int({ description: "Cycles whose horizon is complete.", resolve: (h) => h.result.complete }),
    incomplete: t.int({
      description: "Cycles whose horizon runs past the data (reported, not summarised).",
      resolve: (h) => h.result.incomplete,
    }),
    rows: t.field({
      type: [StudyRowRef],
      description: "One row per cycle, oldest first.",
      resolve: (h) => h.result.events.map((outcome, i) => ({ cycle: h.cycles[i]!, outcome })),
    }),
    base: t.field({
      type: SummaryStatsRef,
      description: "Summary of the base returns.",
      resolve: (h) => h.result.summary.base,
    }),
    benchmark: t.field({
      type: SummaryStatsRef,
      description: "Summary of the benchmark returns.",
      resolve: (h) => h.result.summary.benchmark!,
    }),
    excess: t.field({
      type: SummaryStatsRef,
      description:
        "Summary of base − benchmark: mean/median excess, hit rate (share of cycles the base led), t-statistic, spread (min, max).",
      resolve: (h) => h.result.summary.excess!,
    }),
  }),
});

interface StudyShape {
  base: Instrument;
  benchmark: Instrument;
  direction: CycleDirection;
  cycles: (RateCycle & { seriesCode: string })[];
  horizons: HorizonShape[];
}

const StudyRef = builder.objectRef<StudyShape>("RateCycleStudy").implement({
  description:
    "Event study: how the base did against the benchmark in the months after each cycle of a direction began.",
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

const seriesArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  series: t.arg.string({
    required: false,
    defaultValue: DEFAULT_POLICY_SERIES,
    description:
      "Rate series to detect cycles on: POLICY_RATE (default: the target DFEDTAR until 2008-12-15, then the range's upper bound DFEDTARU), or any stored series such as DFEDTARU, DFEDTARL, DFF (effective rate).",
  }),
  minMoveBp: t.arg.float({
    required: false,
    defaultValue: 20,
    description: "Smallest change counted as a move, basis points (1–500).",
  }),
  maxPauseDays: t.arg.int({
    required: false,
    defaultValue: 400,
    description: "Longest pause inside one cycle, calendar days (1–3650).",
  }),
});

builder.queryFields((t) => ({
  rateCycles: t.field({
    type: [RateCycleRef],
    description: "Easing and tightening cycles detected on a policy-rate series, oldest first.",
    args: {
      ...seriesArgs(t),
      direction: t.arg({ type: CycleDirectionEnum, required: false, description: "Only this direction." }),
      since: t.arg({
        type: "Date",
        required: false,
        description: "Only cycles that started on or after this date.",
      }),
    },
    complexity: (args) => ({ field: 1, multiplier: estimatedCycles(args) }),
    resolve: async (_r, args, ctx) => {
      const options = cycleOptions(args);
      const cycles = await cyclesOf(ctx, options);
      return cycles
        .filter(
          (c) =>
            (!args.direction || c.direction === args.direction) &&
            (args.since == null || c.start >= args.since),
        )
        .map((c) => ({ ...c, seriesCode: options.code.toUpperCase() }));
    },
  }),
  rateCycleStudy: t.field({
    type: StudyRef,
    description:
      "Event study of `base` against `benchmark` after the start of each cycle of `direction`: per-cycle returns and, per horizon, mean/median excess, hit rate, t-statistic and spread. Incomplete horizons are reported and left out of the summaries.",
    args: {
      ...seriesArgs(t),
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
      since: t.arg({
        type: "Date",
        required: false,
        description: "Only cycles that started on or after this date.",
      }),
      last: t.arg.int({
        required: false,
        description: "Only the most recent N cycles (1–50), after `since`.",
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
      const [base, benchmark, all] = await Promise.all([
        requireInstrument(ctx, args.base ?? "IWM", "base"),
        requireInstrument(ctx, args.benchmark ?? "SPY", "benchmark"),
        cyclesOf(ctx, options),
      ]);
      let cycles = all
        .filter((c) => c.direction === direction && (args.since == null || c.start >= args.since))
        .map((c) => ({ ...c, seriesCode: options.code.toUpperCase() }));
      if (args.last != null) cycles = cycles.slice(-args.last);
      const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
      const study = userInput(() =>
        eventStudy({
          events: cycles.map((c) => c.start),
          series: { base: b, benchmark: m },
          horizons: horizons.map((months) => ({ months })),
        }),
      );
      return {
        base,
        benchmark,
        direction,
        cycles,
        horizons: study.horizons.map((result, i) => ({ months: horizons[i]!, result, cycles })),
      };
    },
  }),
}));
