/**
 * The rotation signal: a documented composite score in [−100, 100] — free data first (the small/large ratio's
 * trend and momentum, the rate-cycle phase from the FOMC record, the yield curve, the Sahm rule, breadth and
 * cyclicals), then valuation and positioning when they are stored — with every component shown (status, raw
 * value, normalised value, weight, contribution, the data that fed it). The rule lives in @cyclelens/core's
 * `rotationSignal`; weights and reasons are in its documentation and the README.
 *
 * `rotationBacktest` evaluates the same signal on every month end of the history, each month using only data
 * known then (rate moves from their confirmation, the Sahm indicator from the release of its month, yields and
 * prices on their day, valuation and positioning percentiles ranked against the history up to the date), and
 * measures small against large caps 3/6/12 months later by the signal's state.
 */
import {
  DEFAULT_ROTATION_MINIMUM_WEIGHT,
  formatISODate,
  historyPosition,
  indexOnOrBefore,
  knownOnSeries,
  monthEndDates,
  type RotationComponent,
  type RotationInputs,
  type RotationOptions,
  type RotationSignal,
  rotationSignal,
  rotationSignalHistory,
  type Series,
  type StateBacktestHorizon,
  type StateStats,
  stateBacktest,
} from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import { GraphQLError } from "graphql";
import type { Context } from "../context.js";
import { badInput, dataUnavailable, userInput } from "../errors.js";
import { builder } from "./builder.js";
import { horizonsArg, IntervalRef, finite as orNull } from "./event-study.js";
import { InstrumentRef, pricesOf, requireInstrument } from "./instrument.js";
import { type CurveArgs, CurveInput, curveOf, importHint, labourOf, preferredSahm } from "./macro.js";
import { staleAfterDays, stalenessOf } from "./policy-rate.js";
import { POSITIONING_HINT, positioningOf } from "./positioning.js";
import { cycleOptions, cyclesOf, DEFAULT_POLICY_SERIES } from "./rate-cycles.js";
import { DateRangeInput, dayRange } from "./scalars.js";
import { gapOf, missingValuations, VALUATION_HINT } from "./valuation.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

const ComponentStatusEnum = builder.enumType("RotationComponentStatus", {
  description: "Whether a component counts in the score, and if not why.",
  values: {
    AVAILABLE: { value: "available", description: "Computed and counted." },
    NO_DATA: {
      value: "no-data",
      description:
        "Its input is not stored (valuation and positioning have no free source; the others: the reason says what to import); not counted.",
    },
    STALE: {
      value: "stale",
      description:
        "Its input ends well before the as-of date (daily data 14 days, monthly data and the rate series 62 days, rate series on the daily rule 14); not counted.",
    },
    INSUFFICIENT_HISTORY: {
      value: "insufficient-history",
      description:
        "Not enough history at the as-of date (e.g. fewer than 200 common closes, less than 6 months of spreads); not counted.",
    },
  } as const,
});

type ComponentShape = RotationComponent & { withheld?: Withheld; inputs: string[] };

/** The API's verdict on an input it withheld, with how to fix it (no data, or stale against the prices). */
interface Withheld {
  status: "no-data" | "stale";
  reason: string;
}

const ComponentRef = builder.objectRef<ComponentShape>("RotationComponent").implement({
  description: "One input of the rotation signal.",
  fields: (t) => ({
    name: t.string({
      description:
        "relativeTrend, relativeMomentum, rateCycle, yieldCurve, labour, breadth, cyclicals, valuation or positioning.",
      resolve: (c) => c.name,
    }),
    available: t.exposeBoolean("available", {
      description:
        "False when its input is missing, stale or too short; it then contributes nothing and the other weights are rescaled.",
    }),
    raw: t.float({
      nullable: true,
      description: "Raw value in the component's own unit (see `detail`).",
      resolve: (c) => finite(c.raw),
    }),
    normalized: t.float({
      nullable: true,
      description: "Normalised value in [−1, 1]; positive favours small caps.",
      resolve: (c) => finite(c.normalized),
    }),
    weight: t.exposeFloat("weight", { description: "Nominal weight." }),
    effectiveWeight: t.exposeFloat("effectiveWeight", {
      description: "Weight after rescaling over the available components.",
    }),
    contribution: t.float({
      description: "100 × effectiveWeight × normalized; the contributions sum to the score.",
      resolve: (c) => (Number.isFinite(c.contribution) ? c.contribution : 0),
    }),
    detail: t.string({
      description: "What was computed, or why the component is unavailable.",
      resolve: (c) => c.withheld?.reason ?? c.detail,
    }),
    status: t.field({
      type: ComponentStatusEnum,
      description: "Counted, or why not.",
      resolve: (c) => c.withheld?.status ?? c.status,
    }),
    reason: t.string({
      nullable: true,
      description: "Why it is not counted, and how to fix it; null when counted.",
      resolve: (c) => (c.available ? null : (c.withheld?.reason ?? c.detail)),
    }),
    inputs: t.stringList({
      description:
        'The data that feed it, e.g. ["IWM", "SPY"], ["DGS10", "DGS2"], ["SAHMREALTIME"], ["POLICY_RATE"].',
      resolve: (c) => c.inputs,
    }),
  }),
});

interface SignalShape {
  small: Instrument;
  large: Instrument;
  signal: RotationSignal;
  withheld: Partial<Record<RotationComponent["name"], Withheld>>;
  inputs: Record<RotationComponent["name"], string[]>;
}

const componentsOf = (s: SignalShape): ComponentShape[] =>
  s.signal.components.map((c) => ({
    ...c,
    withheld: c.available ? undefined : s.withheld[c.name],
    inputs: s.inputs[c.name],
  }));

const RotationSignalRef = builder.objectRef<SignalShape>("RotationSignal").implement({
  description:
    "Are conditions in place for small caps to lead large caps? +100: every component points to small-cap leadership; −100: to large-cap leadership. Free-data components first — ratio vs its 200-day average (15 %), 3/6/12-month ratio momentum (15 %), rate-cycle phase (15 %), yield curve (15 %), Sahm rule (10 %), equal vs cap weight (5 %), cyclicals vs defensives (5 %): 80 % — then valuation-gap percentile (12 %) and positioning percentile, contrarian (8 %), which have no free source. A signal on less than `minimumWeight` of its weight says so (`sufficient`, `warning`).",
  fields: (t) => ({
    small: t.field({ type: InstrumentRef, description: "The small-cap side.", resolve: (s) => s.small }),
    large: t.field({ type: InstrumentRef, description: "The large-cap side.", resolve: (s) => s.large }),
    asOf: t.field({
      type: "Date",
      nullable: true,
      description: "Evaluation date.",
      resolve: (s) => finite(s.signal.asOf),
    }),
    score: t.float({
      nullable: true,
      description: "Composite score in [−100, 100]; null with no available component.",
      resolve: (s) => finite(s.signal.score),
    }),
    label: t.string({
      description:
        "strong small-cap leadership (≥ 50), small-cap leaning (≥ 15), neutral, large-cap leaning (≤ −15), strong large-cap leadership (≤ −50), or insufficient data.",
      resolve: (s) => s.signal.label,
    }),
    availableWeight: t.float({
      description: "Sum of the nominal weights of the available components.",
      resolve: (s) => s.signal.availableWeight,
    }),
    totalWeight: t.float({
      description: "Sum of all nominal weights (1).",
      resolve: (s) => s.signal.totalWeight,
    }),
    minimumWeight: t.float({
      description: "Share of the total weight a sufficient signal needs (default 0.5).",
      resolve: (s) => s.signal.minimumWeight,
    }),
    sufficient: t.boolean({
      description:
        "True when availableWeight ≥ minimumWeight × totalWeight: the score rests on enough of its evidence.",
      resolve: (s) => s.signal.sufficient,
    }),
    warning: t.string({
      nullable: true,
      description:
        "Why the score should not be read as the signal (too little of its weight available); null when sufficient.",
      resolve: (s) =>
        s.signal.sufficient
          ? null
          : `computed on ${Math.round((s.signal.availableWeight / s.signal.totalWeight) * 100)} % of its weight, below the ${Math.round(s.signal.minimumWeight * 100)} % minimum: ${componentsOf(
              s,
            )
              .filter((c) => !c.available)
              .map((c) => c.name)
              .join(", ")} unavailable (see their reasons)`,
    }),
    components: t.field({
      type: [ComponentRef],
      description: "Every component, available or not.",
      resolve: componentsOf,
    }),
  }),
});

/** The arguments that choose the signal's inputs (shared by rotationSignal, rotationBacktest and regimeTimeline). */
export interface SignalArgs {
  small?: string | null;
  large?: string | null;
  rateSeries?: string | null;
  positioningSegment?: string | null;
  curve?: CurveArgs | null;
  unemployment?: string | null;
  realTime?: string | null;
  equalWeight?: string | null;
  capWeight?: string | null;
  cyclical?: string | null;
  defensive?: string | null;
  minimumWeight?: number | null;
}

/** The signal's inputs, gathered once per request: core inputs and options, withheld inputs, what fed each. */
export interface GatheredInputs {
  small: Instrument;
  large: Instrument;
  smallPrices: Series;
  largePrices: Series;
  inputs: RotationInputs;
  options: RotationOptions;
  /** Inputs missing from the database, with how to import them. */
  missing: Partial<Record<RotationComponent["name"], Withheld>>;
  /** The rate series' staleness message at a date (null: fresh). */
  rateStaleAt(asOf: number): string | null;
  /** Valuation-gap percentile as of a date (ranked against the history up to it); undefined without data. */
  valuationAt(asOf: number): { percentile: number; date: number } | undefined;
  positioningAt(asOf: number): { percentile: number; date: number } | undefined;
  sources: Record<RotationComponent["name"], string[]>;
}

/** How stale a monthly valuation or positioning input may be against the as-of date. */
const MONTHLY_STALE_DAYS = 62;

/** The pair of instruments of an internal component, or a no-data verdict. */
async function pairOf(
  ctx: Context,
  a: string,
  b: string,
): Promise<{ a: Series; b: Series } | { missing: string[] }> {
  const [x, y] = await Promise.all([
    ctx.loaders.instrumentBySymbol.load(a.trim()),
    ctx.loaders.instrumentBySymbol.load(b.trim()),
  ]);
  if (!x || !y)
    return {
      missing: [x ? null : a, y ? null : b]
        .filter((s): s is string => s !== null)
        .map((s) => s.toUpperCase()),
    };
  const [pa, pb] = await Promise.all([pricesOf(ctx, x), pricesOf(ctx, y)]);
  return { a: pa, b: pb };
}

export async function gatherSignalInputs(ctx: Context, args: SignalArgs): Promise<GatheredInputs> {
  const minimumWeight = args.minimumWeight ?? DEFAULT_ROTATION_MINIMUM_WEIGHT;
  if (!(minimumWeight >= 0 && minimumWeight <= 1)) {
    throw badInput("minimumWeight", `must be a share from 0 to 1 (got ${minimumWeight})`);
  }
  const [small, large] = await Promise.all([
    requireInstrument(ctx, args.small ?? "IWM", "small"),
    requireInstrument(ctx, args.large ?? "SPY", "large"),
  ]);
  if (small.id === large.id) throw badInput("large", `must differ from small (${small.symbol})`);
  const options = cycleOptions({ series: args.rateSeries });
  const segment = args.positioningSegment ?? "small_cap";
  const equal = args.equalWeight ?? "RSP";
  const cap = args.capWeight ?? "SPY";
  const cyc = args.cyclical ?? "XLY";
  const def = args.defensive ?? "XLP";
  const [
    smallPrices,
    largePrices,
    missingPE,
    { rate, cycles },
    positioning,
    curve,
    labour,
    breadth,
    cyclicals,
  ] = await Promise.all([
    pricesOf(ctx, small),
    pricesOf(ctx, large),
    missingValuations(ctx, [small, large]),
    cyclesOf(ctx, options, "rateSeries"),
    positioningOf(ctx, segment, null, "positioningSegment").catch((error: unknown) => {
      // no positioning stored at all is a missing input; an unknown segment (a typo) stays an error
      if (error instanceof GraphQLError && error.extensions.code === "DATA_UNAVAILABLE") return null;
      throw error;
    }),
    curveOf(ctx, args.curve, "curve.", true),
    labourOf(ctx, { unemployment: args.unemployment, realTime: args.realTime }, true),
    pairOf(ctx, equal, cap),
    pairOf(ctx, cyc, def),
  ]);
  const missing: GatheredInputs["missing"] = {};
  const gap = missingPE.length === 0 ? await gapOf(ctx, small, large) : null;
  if (!gap) {
    missing.valuation = {
      status: "no-data",
      reason: `no forward P/E stored for ${missingPE.map((i) => i.symbol).join(" and ")}: ${VALUATION_HINT}`,
    };
  }
  if (!positioning) {
    missing.positioning = {
      status: "no-data",
      reason: `no positioning stored for ${segment}: ${POSITIONING_HINT}`,
    };
  }
  const curveLabel = args.curve?.spreadSeries
    ? args.curve.spreadSeries.toUpperCase()
    : `${(args.curve?.long ?? "DGS10").toUpperCase()} and ${(args.curve?.short ?? "DGS2").toUpperCase()}`;
  if (!curve)
    missing.yieldCurve = {
      status: "no-data",
      reason: `${curveLabel} not stored: ${importHint(curveLabel.replace(" and ", " "))}`,
    };
  if (!labour) {
    missing.labour = {
      status: "no-data",
      reason: `neither ${(args.unemployment ?? "UNRATE").toUpperCase()} nor ${(args.realTime ?? "SAHMREALTIME").toUpperCase()} is stored: ${importHint("SAHMREALTIME UNRATE")}`,
    };
  }
  if ("missing" in breadth) {
    missing.breadth = {
      status: "no-data",
      reason: `${breadth.missing.join(" and ")} not stored: ${importHint(breadth.missing.join(" "))}`,
    };
  }
  if ("missing" in cyclicals) {
    missing.cyclicals = {
      status: "no-data",
      reason: `${cyclicals.missing.join(" and ")} not stored: ${importHint(cyclicals.missing.join(" "))}`,
    };
  }
  const sahm = labour ? preferredSahm(labour) : null;
  // Percentiles over time, each ranked against the history up to its date.
  const valuationPercentiles: Series | undefined = gap
    ? {
        dates: gap.dates,
        values: Float64Array.from(gap.gap, (_, i) => historyPosition(gap.gap.subarray(0, i + 1)).percentile),
      }
    : undefined;
  const positioningPercentiles: Series | undefined = positioning
    ? { dates: positioning.p.dates, values: positioning.p.percentile }
    : undefined;
  const at = (s: Series | undefined, asOf: number) => {
    if (!s) return undefined;
    const i = indexOnOrBefore(s.dates, asOf);
    return i < 0 ? undefined : { percentile: s.values[i]!, date: s.dates[i]! };
  };
  return {
    small,
    large,
    smallPrices,
    largePrices,
    inputs: {
      small: smallPrices,
      large: largePrices,
      rateCycles: cycles,
      rateDataEnd: rate.lastDate,
      curveSpread: curve?.spread,
      sahm: sahm ? knownOnSeries(sahm.series) : undefined,
      breadth: "missing" in breadth ? undefined : { equal: breadth.a, cap: breadth.b },
      cyclicals: "missing" in cyclicals ? undefined : { cyclical: cyclicals.a, defensive: cyclicals.b },
      valuationPercentiles,
      positioningPercentiles,
    },
    options: {
      minimumWeight,
      rateStaleDays: staleAfterDays(rate.frequency),
      monthlyStaleDays: MONTHLY_STALE_DAYS,
    },
    missing,
    rateStaleAt: (asOf) => stalenessOf({ ...rate, reference: Number.isNaN(asOf) ? null : asOf }).reason,
    valuationAt: (asOf) => at(valuationPercentiles, asOf),
    positioningAt: (asOf) => at(positioningPercentiles, asOf),
    sources: {
      relativeTrend: [small.symbol, large.symbol],
      relativeMomentum: [small.symbol, large.symbol],
      rateCycle: [rate.code],
      yieldCurve: curve ? curve.series.map((s) => s.code) : [],
      labour: sahm ? [labour!.realTime ? labour!.realTime.info.code : labour!.unemployment!.info.code] : [],
      breadth: "missing" in breadth ? [] : [equal.toUpperCase(), cap.toUpperCase()],
      cyclicals: "missing" in cyclicals ? [] : [cyc.toUpperCase(), def.toUpperCase()],
      valuation: gap ? [small.symbol, large.symbol] : [],
      positioning: positioning ? [segment] : [],
    },
  };
}

const lastOf = (s: Series) => s.dates[s.dates.length - 1] ?? Number.NaN;

/** First and last dates both price series cover; DATA_UNAVAILABLE (naming `small`) when they share none. */
export function commonSpan(g: GatheredInputs): { first: number; last: number } {
  const first = Math.max(g.smallPrices.dates[0] ?? Number.NaN, g.largePrices.dates[0] ?? Number.NaN);
  const last = Math.min(lastOf(g.smallPrices), lastOf(g.largePrices));
  if (!(first <= last)) {
    throw dataUnavailable(
      "small",
      `${g.small.symbol} and ${g.large.symbol} have no common history to evaluate`,
    );
  }
  return { first, last };
}

/** The live signal as of a date, with the API's reasons for what it withheld. */
export function signalAt(g: GatheredInputs, asOf: number | undefined): SignalShape {
  const lastClose = Math.min(lastOf(g.smallPrices), lastOf(g.largePrices));
  const at = asOf ?? lastClose;
  const withheld: SignalShape["withheld"] = { ...g.missing };
  const rateReason = g.rateStaleAt(at);
  if (rateReason) withheld.rateCycle = { status: "stale", reason: rateReason };
  const v = Number.isNaN(at) ? undefined : g.valuationAt(at);
  if (v && at - v.date > MONTHLY_STALE_DAYS) {
    withheld.valuation = {
      status: "stale",
      reason: `the latest valuation gap is of ${formatISODate(v.date)}, ${at - v.date} days before ${formatISODate(at)}; import newer snapshots`,
    };
  }
  const p = Number.isNaN(at) ? undefined : g.positioningAt(at);
  if (p && at - p.date > MONTHLY_STALE_DAYS) {
    withheld.positioning = {
      status: "stale",
      reason: `the latest positioning is of ${formatISODate(p.date)}, ${at - p.date} days before ${formatISODate(at)}; import newer observations`,
    };
  }
  const signal = userInput(() => rotationSignal({ ...g.inputs, asOf }, g.options));
  return { small: g.small, large: g.large, signal, withheld, inputs: g.sources };
}

/** The input arguments shared by the signal's fields. */
export const signalArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  small: t.arg.string({
    required: false,
    defaultValue: "IWM",
    description: "Small-cap instrument (default IWM).",
  }),
  large: t.arg.string({
    required: false,
    defaultValue: "SPY",
    description: "Large-cap instrument (default SPY).",
  }),
  rateSeries: t.arg.string({
    required: false,
    defaultValue: DEFAULT_POLICY_SERIES,
    description: "Rate series for the cycle phase (default POLICY_RATE, as in `rateCycles`).",
  }),
  curve: t.arg({
    type: CurveInput,
    required: false,
    description: "The curve of the yield-curve component (default DGS10 − DGS2).",
  }),
  unemployment: t.arg.string({
    required: false,
    defaultValue: "UNRATE",
    description: "Unemployment rate for the labour component when the real-time indicator is not stored.",
  }),
  realTime: t.arg.string({
    required: false,
    defaultValue: "SAHMREALTIME",
    description: "Real-time Sahm indicator, preferred when stored (no revision look-ahead).",
  }),
  equalWeight: t.arg.string({
    required: false,
    defaultValue: "RSP",
    description: "Equal-weight instrument of `breadth` (default RSP).",
  }),
  capWeight: t.arg.string({
    required: false,
    defaultValue: "SPY",
    description: "Cap-weight instrument of `breadth` (default SPY).",
  }),
  cyclical: t.arg.string({
    required: false,
    defaultValue: "XLY",
    description: "Cyclical instrument of `cyclicals` (default XLY).",
  }),
  defensive: t.arg.string({
    required: false,
    defaultValue: "XLP",
    description: "Defensive instrument of `cyclicals` (default XLP).",
  }),
  positioningSegment: t.arg.string({
    required: false,
    defaultValue: "small_cap",
    description: "Positioning segment.",
  }),
  minimumWeight: t.arg.float({
    required: false,
    defaultValue: DEFAULT_ROTATION_MINIMUM_WEIGHT,
    description: "Share of the total weight a sufficient signal needs (0–1, default 0.5).",
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Backtest

interface BacktestShape {
  small: Instrument;
  large: Instrument;
  base: Instrument;
  benchmark: Instrument;
  months: number[];
  history: RotationSignal[];
  horizons: StateBacktestHorizon[];
}

const BacktestStatsRef = builder.objectRef<StateStats>("BacktestStats").implement({
  description:
    "Excess returns (base − benchmark) after the month ends on which the signal was in one state. Monthly observations of an N-month horizon overlap: the interval uses a Newey–West standard error (N − 1 lags) and t with ⌊count / N⌋ − 1 degrees of freedom.",
  fields: (t) => ({
    state: t.string({
      description: 'The signal\'s label, or "all" for every month.',
      resolve: (s) => s.state,
    }),
    count: t.int({ description: "Month ends with a complete horizon.", resolve: (s) => s.count }),
    effectiveCount: t.int({
      description: "Non-overlapping horizons they span (⌊count / N⌋, at least 2).",
      resolve: (s) => s.effectiveCount,
    }),
    mean: t.float({ nullable: true, description: "Mean excess return.", resolve: (s) => orNull(s.mean) }),
    median: t.float({
      nullable: true,
      description: "Median excess return.",
      resolve: (s) => orNull(s.median),
    }),
    stdDev: t.float({ nullable: true, description: "Standard deviation.", resolve: (s) => orNull(s.stdDev) }),
    hitRate: t.float({
      nullable: true,
      description: "Share of months the base led.",
      resolve: (s) => orNull(s.hitRate),
    }),
    standardError: t.float({
      nullable: true,
      description: "Newey–West standard error of the mean.",
      resolve: (s) => orNull(s.standardError),
    }),
    meanInterval: t.field({
      type: IntervalRef,
      description: "95 % interval of the mean (Newey–West).",
      resolve: (s) => ({ ...s.meanInterval, method: "newey-west" }),
    }),
    hitRateInterval: t.field({
      type: IntervalRef,
      description: "95 % Clopper–Pearson interval of the hit rate on `effectiveCount` trials.",
      resolve: (s) => ({ ...s.hitRateInterval, method: "clopper-pearson" }),
    }),
  }),
});

const BacktestHorizonRef = builder.objectRef<StateBacktestHorizon>("BacktestHorizon").implement({
  description: "One horizon of the backtest: every month together, then each state of the signal.",
  fields: (t) => ({
    months: t.int({ description: "Calendar months after each month end.", resolve: (h) => h.months }),
    incomplete: t.int({
      description: "Month ends whose horizon runs past the data.",
      resolve: (h) => h.incomplete,
    }),
    all: t.field({
      type: BacktestStatsRef,
      description: "Every month with a sufficient signal.",
      resolve: (h) => h.all,
    }),
    states: t.field({
      type: [BacktestStatsRef],
      description: "One entry per state, from strong small-cap leadership to strong large-cap leadership.",
      resolve: (h) => [...h.states].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state)),
    }),
  }),
});

const ORDER = [
  "strong small-cap leadership",
  "small-cap leaning",
  "neutral",
  "large-cap leaning",
  "strong large-cap leadership",
];

export const RotationPointRef = builder.objectRef<RotationSignal>("RotationPoint").implement({
  description: "The signal on one date (a month end, or today), from the data known then.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The date.", resolve: (s) => s.asOf }),
    score: t.float({ nullable: true, description: "Score in [−100, 100].", resolve: (s) => finite(s.score) }),
    label: t.string({ description: "Its label.", resolve: (s) => s.label }),
    availableWeight: t.float({
      description: "Nominal weight of the available components.",
      resolve: (s) => s.availableWeight,
    }),
    sufficient: t.boolean({
      description: "availableWeight ≥ the minimum (0.5 by default): only these months count in the backtest.",
      resolve: (s) => s.sufficient,
    }),
  }),
});

const BacktestRef = builder.objectRef<BacktestShape>("RotationBacktest").implement({
  description:
    "How did the base (small caps) do against the benchmark (large caps) 3/6/12 months after each month end, by the rotation signal's state that month? The signal uses only what was known at each month end (no look-ahead); months with an insufficient signal are left out.",
  fields: (t) => ({
    small: t.field({
      type: InstrumentRef,
      description: "The signal's small-cap side.",
      resolve: (b) => b.small,
    }),
    large: t.field({
      type: InstrumentRef,
      description: "The signal's large-cap side.",
      resolve: (b) => b.large,
    }),
    base: t.field({
      type: InstrumentRef,
      description: "Whose returns are measured (default: `small`).",
      resolve: (b) => b.base,
    }),
    benchmark: t.field({
      type: InstrumentRef,
      description: "Against what (default: `large`).",
      resolve: (b) => b.benchmark,
    }),
    from: t.field({
      type: "Date",
      nullable: true,
      description: "First month end evaluated.",
      resolve: (b) => b.months[0] ?? null,
    }),
    to: t.field({
      type: "Date",
      nullable: true,
      description: "Last month end evaluated.",
      resolve: (b) => b.months[b.months.length - 1] ?? null,
    }),
    monthsEvaluated: t.int({ description: "Month ends evaluated.", resolve: (b) => b.months.length }),
    monthsSufficient: t.int({
      description: "Of those, with a sufficient signal (the others are left out).",
      resolve: (b) => b.history.filter((s) => s.sufficient).length,
    }),
    horizons: t.field({
      type: [BacktestHorizonRef],
      description: "One result per horizon.",
      resolve: (b) => b.horizons,
    }),
    history: t.field({
      type: [RotationPointRef],
      description: "The signal on every month end evaluated (the observations of the backtest).",
      complexity: { field: 300 },
      resolve: (b) => b.history,
    }),
    noLookAhead: t.string({
      description: "What each month knows.",
      resolve: () =>
        "Each month end uses data dated on or before it: prices and yields of that day or earlier; rate moves from their confirmation (the FOMC record: the day they took effect); the Sahm indicator from the 12th of the month after its month (the unemployment release, approximated; SAHMREALTIME when stored, so no revision look-ahead; otherwise today's UNRATE, whose revisions are a stated approximation); valuation and positioning percentiles ranked against the history up to the date. NBER recession dates are not used.",
    }),
  }),
});

builder.queryFields((t) => ({
  rotationSignal: t.field({
    type: RotationSignalRef,
    nullable: true,
    description:
      "The composite small- vs large-cap rotation signal, with each component shown: its status, the data that fed it, its weight and contribution.",
    args: {
      ...signalArgs(t),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Evaluate as of this date (default: latest common close).",
      }),
    },
    complexity: { field: 20 },
    resolve: async (_r, args, ctx) => signalAt(await gatherSignalInputs(ctx, args), args.asOf ?? undefined),
  }),
  rotationBacktest: t.field({
    type: BacktestRef,
    nullable: true,
    description:
      "Backtest of the rotation signal: small vs large caps 3/6/12 months after each month end, by the signal's state then, each month using only data known at the time.",
    args: {
      ...signalArgs(t),
      base: t.arg.string({
        required: false,
        description: "Measure this instrument's returns (default: `small`; e.g. ^RUT for a longer history).",
      }),
      benchmark: t.arg.string({
        required: false,
        description: "Against this one (default: `large`; e.g. ^GSPC).",
      }),
      horizons: t.arg.intList({
        required: false,
        defaultValue: [3, 6, 12],
        description: "Horizons in calendar months (1–120; up to 10).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Month ends to evaluate (default: from the first common close to the last).",
      }),
    },
    complexity: { field: 600 },
    resolve: async (_r, args, ctx) => {
      const horizons = horizonsArg(args.horizons, [3, 6, 12]);
      const range = dayRange(args.range, ctx);
      const g = await gatherSignalInputs(ctx, args);
      const [base, benchmark] = await Promise.all([
        args.base ? requireInstrument(ctx, args.base, "base") : g.small,
        args.benchmark ? requireInstrument(ctx, args.benchmark, "benchmark") : g.large,
      ]);
      if (base.id === benchmark.id) throw badInput("benchmark", `must differ from the base (${base.symbol})`);
      const { first, last } = commonSpan(g);
      const months = monthEndDates(
        Math.max(first, range.from ?? first),
        Math.min(last, range.to ?? last),
      ).filter((m) => m <= last);
      const history = userInput(() => rotationSignalHistory(g.inputs, months, g.options));
      const [b, m] = await Promise.all([pricesOf(ctx, base), pricesOf(ctx, benchmark)]);
      const horizonsResult = userInput(() =>
        stateBacktest(
          history.map((s) => ({ date: s.asOf, state: s.sufficient ? s.label : null })),
          b,
          m,
          horizons,
        ),
      );
      return { small: g.small, large: g.large, base, benchmark, months, history, horizons: horizonsResult };
    },
  }),
}));
