/**
 * The regime timeline: for a date range, the state of every cycle signal per month — the Fed's policy phase,
 * the yield curve, the labour market (Sahm rule), recession or not (hindsight), small- vs large-cap leadership,
 * and the rotation signal — and a documented similarity score of today against each past cycle's start (core
 * `prepareRegimes`, `cycleSimilarity`). Every month reads only data known at its end, except the NBER
 * recession flag, which is history.
 */
import {
  type CycleSimilarity,
  cycleSimilarity,
  type FeatureComparison,
  monthEndDates,
  type PreparedRegimes,
  prepareRegimes,
  type RegimeState,
  type RotationSignal,
  rotationSignalHistory,
  type SignalStatus,
} from "@cyclelens/core";
import { badInput, userInput } from "../errors.js";
import { builder } from "./builder.js";
import { finite, type StudyEventShape } from "./event-study.js";
import { type EventsArg, EventsInput, resolveEvents, StudyEventRef } from "./events.js";
import { CurvePhaseEnum, recessionsOf, SignalStatusEnum } from "./macro.js";
import {
  commonSpan,
  type GatheredInputs,
  gatherSignalInputs,
  RotationPointRef,
  signalArgs,
} from "./rotation.js";
import { DateRangeInput, dayRange } from "./scalars.js";

const PolicyPhaseEnum = builder.enumType("PolicyPhase", {
  description: "The Fed's policy phase.",
  values: {
    EASING: { value: "easing", description: "The last confirmed move (≤ 400 days ago) was a cut." },
    TIGHTENING: { value: "tightening", description: "The last confirmed move (≤ 400 days ago) was a hike." },
    ON_HOLD: { value: "on-hold", description: "No move in the last 400 days." },
  } as const,
});

const LabourPhaseEnum = builder.enumType("LabourPhase", {
  description: "The labour market by the Sahm rule.",
  values: {
    TRIGGERED: { value: "triggered", description: "The indicator is at or above 0.50: a recession signal." },
    WARNING: { value: "warning", description: "At or above 0.30." },
    CALM: { value: "calm", description: "Below 0.30." },
  } as const,
});

const LeaderEnum = builder.enumType("Leader", {
  description: "Which side leads.",
  values: {
    SMALL: { value: "small", description: "The small/large ratio is above its 200-day average." },
    LARGE: { value: "large", description: "Below it." },
  } as const,
});

interface MonthShape {
  state: RegimeState;
  rotation: RotationSignal | null;
}

const PolicyRegimeRef = builder.objectRef<RegimeState["policy"]>("PolicyRegime").implement({
  description: "The Fed's policy phase on a date, from the moves confirmed by then.",
  fields: (t) => ({
    status: t.field({
      type: SignalStatusEnum,
      description: "Read, or why not.",
      resolve: (p) => p.status as SignalStatus,
    }),
    phase: t.field({
      type: PolicyPhaseEnum,
      nullable: true,
      description: "Easing, tightening or on hold.",
      resolve: (p) => p.phase,
    }),
    cycleStart: t.field({
      type: "Date",
      nullable: true,
      description: "First move of the active cycle.",
      resolve: (p) => finite(p.cycleStart),
    }),
    daysIntoCycle: t.int({
      nullable: true,
      description: "Days since then.",
      resolve: (p) => finite(p.daysIntoCycle),
    }),
    lastMove: t.field({
      type: "Date",
      nullable: true,
      description: "Last confirmed move.",
      resolve: (p) => finite(p.lastMove),
    }),
  }),
});

const CurveRegimeRef = builder.objectRef<RegimeState["curve"]>("CurveRegime").implement({
  description: "The yield curve on a date, as the inversion rule knew it then.",
  fields: (t) => ({
    status: t.field({
      type: SignalStatusEnum,
      description: "Read, or why not.",
      resolve: (c) => c.status as SignalStatus,
    }),
    phase: t.field({
      type: CurvePhaseEnum,
      nullable: true,
      description: "Inverted, re-steepening or normal.",
      resolve: (c) => c.phase,
    }),
    spread: t.float({
      nullable: true,
      description: "Spread, percentage points.",
      resolve: (c) => finite(c.spread),
    }),
    change6m: t.float({
      nullable: true,
      description: "Its change over 6 months, percentage points.",
      resolve: (c) => finite(c.change6m),
    }),
    steepeningSinceTroughBp: t.float({
      nullable: true,
      description: "Spread − the last inversion's trough, basis points.",
      resolve: (c) => finite(c.steepeningSinceTroughBp),
    }),
    lastUninversion: t.field({
      type: "Date",
      nullable: true,
      description: "The last confirmed un-inversion by then.",
      resolve: (c) => finite(c.lastUninversion),
    }),
  }),
});

const LabourRegimeRef = builder.objectRef<RegimeState["labour"]>("LabourRegime").implement({
  description: "The Sahm indicator as known on a date (each month known from the 12th of the next month).",
  fields: (t) => ({
    status: t.field({
      type: SignalStatusEnum,
      description: "Read, or why not.",
      resolve: (l) => l.status as SignalStatus,
    }),
    phase: t.field({
      type: LabourPhaseEnum,
      nullable: true,
      description: "Triggered, warning or calm.",
      resolve: (l) => l.phase,
    }),
    sahm: t.float({
      nullable: true,
      description: "The indicator, percentage points.",
      resolve: (l) => finite(l.sahm),
    }),
    change3m: t.float({
      nullable: true,
      description: "Its change over 3 months.",
      resolve: (l) => finite(l.change3m),
    }),
  }),
});

const RecessionRegimeRef = builder.objectRef<RegimeState["recession"]>("RecessionRegime").implement({
  description: "Inside an NBER recession or not. Hindsight: the NBER dates recessions months later.",
  fields: (t) => ({
    status: t.field({
      type: SignalStatusEnum,
      description: "Read, or why not (STALE: after the indicator's data).",
      resolve: (r) => r.status as SignalStatus,
    }),
    inRecession: t.boolean({
      nullable: true,
      description: "True inside a recession; null when unknown.",
      resolve: (r) => r.inRecession,
    }),
  }),
});

const LeadershipRegimeRef = builder.objectRef<RegimeState["leadership"]>("LeadershipRegime").implement({
  description: "Small- vs large-cap leadership: the small/large ratio against its 200-day average.",
  fields: (t) => ({
    status: t.field({
      type: SignalStatusEnum,
      description: "Read, or why not.",
      resolve: (l) => l.status as SignalStatus,
    }),
    leader: t.field({
      type: LeaderEnum,
      nullable: true,
      description: "Small or large.",
      resolve: (l) => l.leader,
    }),
    ratioVsAverage: t.float({
      nullable: true,
      description: "ratio / its average − 1.",
      resolve: (l) => finite(l.vsAverage),
    }),
    change6m: t.float({
      nullable: true,
      description: "Ratio change over 6 months.",
      resolve: (l) => finite(l.change6m),
    }),
  }),
});

const RegimeMonthRef = builder.objectRef<MonthShape>("RegimeMonth").implement({
  description: "Every signal's state on one date (a month end, or today).",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The date.", resolve: (m) => m.state.date }),
    policy: t.field({
      type: PolicyRegimeRef,
      description: "The Fed's phase.",
      resolve: (m) => m.state.policy,
    }),
    curve: t.field({ type: CurveRegimeRef, description: "The yield curve.", resolve: (m) => m.state.curve }),
    labour: t.field({
      type: LabourRegimeRef,
      description: "The labour market.",
      resolve: (m) => m.state.labour,
    }),
    recession: t.field({
      type: RecessionRegimeRef,
      description: "Recession or not (hindsight).",
      resolve: (m) => m.state.recession,
    }),
    leadership: t.field({
      type: LeadershipRegimeRef,
      description: "Small vs large.",
      resolve: (m) => m.state.leadership,
    }),
    rotation: t.field({
      type: RotationPointRef,
      nullable: true,
      description: "The rotation signal on the date.",
      resolve: (m) => m.rotation,
    }),
  }),
});

const FeatureComparisonRef = builder.objectRef<FeatureComparison>("FeatureComparison").implement({
  description: "One feature of the similarity, today against the past date.",
  fields: (t) => ({
    feature: t.string({
      description:
        "policyPhase, curveSpread, curveChange6m, sahm, leadershipVsAverage or leadershipChange6m.",
      resolve: (f) => f.feature,
    }),
    today: t.float({ nullable: true, description: "Today's value.", resolve: (f) => finite(f.today) }),
    past: t.float({ nullable: true, description: "The past date's value.", resolve: (f) => finite(f.past) }),
    scale: t.float({
      nullable: true,
      description: "Its unit (robust scale over the history).",
      resolve: (f) => finite(f.scale),
    }),
    distance: t.float({
      nullable: true,
      description: "|today − past| / scale, capped at 3; null when either side is unknown.",
      resolve: (f) => finite(f.distance),
    }),
  }),
});

interface SimilarityShape {
  event: StudyEventShape;
  result: CycleSimilarity;
  month: MonthShape;
}

const CycleSimilarityRef = builder.objectRef<SimilarityShape>("CycleSimilarity").implement({
  description: "How much today resembles a past cycle's start (see `similarityMethod`).",
  fields: (t) => ({
    event: t.field({ type: StudyEventRef, description: "The past start.", resolve: (s) => s.event }),
    date: t.field({
      type: "Date",
      description: "The date compared (the event's day-0 date).",
      resolve: (s) => s.result.date,
    }),
    score: t.float({
      nullable: true,
      description:
        "100 · exp(−½ · mean squared distance): 100 the same readings, 61 one scale apart on average, 14 two.",
      resolve: (s) => finite(s.result.score),
    }),
    compared: t.int({ description: "Features known on both dates.", resolve: (s) => s.result.compared }),
    features: t.field({
      type: [FeatureComparisonRef],
      description: "Each feature compared.",
      resolve: (s) => [...s.result.features],
    }),
    state: t.field({
      type: RegimeMonthRef,
      description: "Every signal's state on that date.",
      resolve: (s) => s.month,
    }),
  }),
});

interface TimelineShape {
  months: MonthShape[];
  today: MonthShape;
  similarity: SimilarityShape[];
  similarTo: string;
}

const SIMILARITY_METHOD =
  "Six features describe a date: the policy phase (+1 easing, 0 on hold, −1 tightening), the curve spread and its 6-month change, the Sahm indicator, and the small/large ratio's distance to its 200-day average and its 6-month change (the recession flag is left out: it is not known in real time). Each difference between today and the past date is divided by the feature's robust scale over every month of the history (1.4826 × the median absolute deviation; 1 for the policy phase) and capped at 3; score = 100 · exp(−½ · mean of the squared differences) over the features known on both dates, null when fewer than 3 are.";

const RegimeTimelineRef = builder.objectRef<TimelineShape>("RegimeTimeline").implement({
  description:
    "Every cycle signal's state month by month, today's, and how much today resembles each past cycle's start. Each month uses only data known at its end (rate moves from their confirmation, the Sahm indicator from its release, yields and prices of the day), except the recession flag (hindsight).",
  fields: (t) => ({
    months: t.field({
      type: [RegimeMonthRef],
      description: "One entry per month end of the range, oldest first.",
      resolve: (s) => s.months,
    }),
    today: t.field({
      type: RegimeMonthRef,
      description: "The state on the last common close (or the range's end).",
      resolve: (s) => s.today,
    }),
    similarTo: t.string({ description: "What the past starts are.", resolve: (s) => s.similarTo }),
    similarity: t.field({
      type: [CycleSimilarityRef],
      description: "Today against each past start, oldest first.",
      args: {
        last: t.arg.int({ required: false, description: "Only the most recent N starts (1–100)." }),
      },
      resolve: (s, args) => {
        if (args.last != null && (!Number.isInteger(args.last) || args.last < 1 || args.last > 100)) {
          throw badInput("last", `must be an integer from 1 to 100 (got ${args.last})`);
        }
        return args.last != null ? s.similarity.slice(-args.last) : s.similarity;
      },
    }),
    similarityMethod: t.string({
      description: "How the score is computed.",
      resolve: () => SIMILARITY_METHOD,
    }),
  }),
});

/** The regimes of a request: core inputs gathered with the rotation signal's. */
async function regimesOf(
  ctx: Parameters<typeof gatherSignalInputs>[0],
  g: GatheredInputs,
  recessionSeries: string,
): Promise<PreparedRegimes> {
  const recession = await recessionsOf(ctx, recessionSeries, "recessionSeries", true);
  return userInput(() =>
    prepareRegimes(
      {
        rateCycles: g.inputs.rateCycles,
        rateDataEnd: g.inputs.rateDataEnd,
        curveSpread: g.inputs.curveSpread,
        sahm: g.inputs.sahm,
        recession: recession?.series.series,
        small: g.smallPrices,
        large: g.largePrices,
      },
      { rateStaleDays: g.options.rateStaleDays },
    ),
  );
}

builder.queryFields((t) => ({
  regimeTimeline: t.field({
    type: RegimeTimelineRef,
    nullable: true,
    description:
      "For a date range, the state of every signal per month — policy phase, yield curve, labour market, recession, small vs large leadership, the rotation signal — and a documented similarity score of today against each past cycle's start (default: easing-cycle starts).",
    args: {
      ...signalArgs(t),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Months to return (default: the last 10 years); `to` is also `today`'s date.",
      }),
      recessionSeries: t.arg.string({
        required: false,
        defaultValue: "USREC",
        description: "Recession indicator (USREC or USRECD).",
      }),
      similarTo: t.arg({
        type: EventsInput,
        required: false,
        description: "The past starts to compare today with (default: { source: EASING_CYCLE_STARTS }).",
      }),
    },
    complexity: { field: 600 },
    resolve: async (_r, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const g = await gatherSignalInputs(ctx, args);
      const { first, last } = commonSpan(g);
      const today = Math.min(last, range.to ?? last);
      const from = range.from ?? Math.max(first, today - Math.round(10 * 365.25));
      const [regimes, past] = await Promise.all([
        regimesOf(ctx, g, args.recessionSeries ?? "USREC"),
        resolveEvents(ctx, (args.similarTo ?? { source: "easing-cycle-starts" }) as EventsArg, "similarTo"),
      ]);
      const signalMonths = (dates: number[]) => {
        const rotation = userInput(() => rotationSignalHistory(g.inputs, dates, g.options));
        return dates.map((d, i) => ({ state: regimes.at(d), rotation: rotation[i]! }));
      };
      const months = signalMonths(monthEndDates(from, today).filter((m) => m <= today));
      const [now] = signalMonths([today]);
      // the features' scales: every month end of the common history
      const history = monthEndDates(first, last).map((d) => regimes.at(d));
      // each past start is compared as of the first day its signal is in the data (a cut on its effective day)
      const events = past.events.filter((e) => e.date < today);
      const states = signalMonths(events.map((e) => Math.max(e.date, e.knownOn ?? e.date, e.signalDate)));
      const scores = cycleSimilarity(
        now!.state,
        states.map((s) => s.state),
        history,
      );
      return {
        months,
        today: now!,
        similarTo: past.description,
        similarity: events.map((event, i) => ({ event, result: scores[i]!, month: states[i]! })),
      };
    },
  }),
}));
