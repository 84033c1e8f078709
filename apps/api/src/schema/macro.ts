/**
 * Free macro signals from public-domain FRED data, and market-internal ratios from stored instruments:
 *
 * - `yieldCurve`: the slope (DGS10 − DGS2 by default, or a stored spread such as T10Y2Y / T10Y3M), its
 *   inversions, un-inversion dates and the steepening since the trough (core `curveInversions`).
 * - `labourMarket`: the Sahm rule — computed from UNRATE (core `sahmIndicator`) and FRED's real-time
 *   SAHMREALTIME — with its triggers and the dates each month was known (`knownOnSeries`).
 * - `recessions`: the NBER recessions of USREC / USRECD as periods (hindsight: the NBER dates them late).
 * - `marketRatios`: XLY/XLP, RSP/SPY, IWM/SPY (or any pairs) with trend state and crossings as in `compare`.
 *
 * Missing data: a name that is neither stored nor one of the macro codes CycleLens knows is NOT_FOUND (a
 * typo); a known code that is not stored is DATA_UNAVAILABLE with the import command; inside a list or a
 * composite (default ratio pairs, the regime timeline, the rotation signal) it is a typed status instead.
 */
import {
  type CurveInversion,
  curveInversions,
  curveSpread,
  curveStateAt,
  formatISODate,
  monthlyKnownOn,
  type RatioTrend,
  type RecessionPeriod,
  ratioTrend,
  ratioTrendAt,
  recessionDataEnd,
  recessionPeriods,
  type SahmTrigger,
  type Series,
  sahmIndicator,
  sahmTriggers,
} from "@cyclelens/core";
import type { EconomicSeriesInfo, Instrument } from "@cyclelens/db";
import { type Context, memoize } from "../context.js";
import { badInput, dataUnavailable, notFound, userInput } from "../errors.js";
import { builder } from "./builder.js";
import { PointRef, type PointShape, seriesComplexity, toPoints, windowOf } from "./common.js";
import { EconomicSeriesRef, observationsOf } from "./economic.js";
import { finite } from "./event-study.js";
import { InstrumentRef, pricesOf } from "./instrument.js";
import { latestCloseOfDataset } from "./policy-rate.js";
import { DateRangeInput, type DayRange, dayRange } from "./scalars.js";

/** The macro codes CycleLens knows (the ingest catalog's `macro` preset and its relatives). */
export const MACRO_CODES = new Set([
  "DGS2",
  "DGS10",
  "DGS3MO",
  "T10Y2Y",
  "T10Y3M",
  "UNRATE",
  "SAHMREALTIME",
  "SAHMCURRENT",
  "USREC",
  "USRECD",
]);

/** The instruments of the default market-internal ratios. */
export const INTERNAL_SYMBOLS = new Set(["XLY", "XLP", "RSP", "IWM", "SPY"]);

export const importHint = (name: string) =>
  `import with \`pnpm ingest ${name}\` (or \`pnpm ingest --preset macro\`)`;

/** Whether a signal could be read; shared by the regime timeline and the market ratios. */
export type SignalStatus = "available" | "no-data" | "stale" | "insufficient-history";

export const SignalStatusEnum = builder.enumType("SignalStatus", {
  description: "Whether a signal could be read on a date, and if not why.",
  values: {
    AVAILABLE: { value: "available", description: "Read from its data." },
    NO_DATA: {
      value: "no-data",
      description: "Its input is not stored (the reason says how to import it).",
    },
    STALE: {
      value: "stale",
      description:
        "Its input ends well before the date (14 days for daily data, 62 for monthly data and the rate series).",
    },
    INSUFFICIENT_HISTORY: {
      value: "insufficient-history",
      description: "Its input starts too late for the date (e.g. a moving average still warming up).",
    },
  } as const,
});

/** A stored series and its observations. */
export interface StoredSeries {
  info: EconomicSeriesInfo;
  series: Series;
}

/**
 * A stored series by code, or null when it is not stored (NOT_FOUND when the code is not a macro code
 * CycleLens knows either: then it is a typo, not missing data).
 */
export async function optionalSeries(
  ctx: Context,
  code: string,
  argument: string,
): Promise<StoredSeries | null> {
  const trimmed = code.trim().toUpperCase();
  if (!trimmed) throw badInput(argument, "must be a series code such as DGS10");
  const info = await ctx.loaders.seriesByCode.load(trimmed);
  if (!info) {
    if (MACRO_CODES.has(trimmed)) return null;
    throw notFound("economic series", trimmed, "`economicSeriesList` lists the stored codes", argument);
  }
  const series = await observationsOf(ctx, info);
  return series.dates.length === 0 ? null : { info, series };
}

/** A stored series by code; DATA_UNAVAILABLE (with the import command) when a known code is not stored. */
export async function requiredSeries(ctx: Context, code: string, argument: string): Promise<StoredSeries> {
  const s = await optionalSeries(ctx, code, argument);
  if (!s) {
    const name = code.trim().toUpperCase();
    throw dataUnavailable(argument, `${name} is not stored: ${importHint(name)}.`);
  }
  return s;
}

/** How current a series is against the latest close of the dataset. */
export interface FreshnessShape {
  subject: string;
  lastDate: number;
  /** Latest close of any stored instrument (null: none). */
  reference: number | null;
  /** Days after which it is stale. */
  after: number;
  hint: string;
}

function freshness(f: FreshnessShape) {
  if (f.reference === null) return { stale: false, days: null, reason: null };
  const days = f.reference - f.lastDate;
  if (days <= f.after) return { stale: false, days: Math.max(0, days), reason: null };
  return {
    stale: true,
    days,
    reason: `${f.subject} ends ${formatISODate(f.lastDate)}, ${days} days before the latest close stored (${formatISODate(f.reference)}); ${f.hint}`,
  };
}

export const FreshnessRef = builder.objectRef<FreshnessShape>("SeriesFreshness").implement({
  description:
    "How far a signal's data reach, and whether they are stale against the latest close stored (more than 14 days for daily data, 62 for monthly).",
  fields: (t) => ({
    lastDate: t.field({ type: "Date", description: "Last observation used.", resolve: (f) => f.lastDate }),
    comparedWith: t.field({
      type: "Date",
      nullable: true,
      description: "The latest close of any stored instrument (null: none stored).",
      resolve: (f) => f.reference,
    }),
    stale: t.boolean({
      description: "True when the data end well before `comparedWith`.",
      resolve: (f) => freshness(f).stale,
    }),
    staleDays: t.int({
      nullable: true,
      description: "Days from the last observation to `comparedWith`.",
      resolve: (f) => freshness(f).days,
    }),
    staleReason: t.string({
      nullable: true,
      description: "Why it is stale and how to fix it; null when it is not.",
      resolve: (f) => freshness(f).reason,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Yield curve

/** How the curve is built: two stored yields, or one stored spread. */
export interface CurveArgs {
  long?: string | null;
  short?: string | null;
  spreadSeries?: string | null;
  confirmDays?: number | null;
  minInvertedDays?: number | null;
}

export const CurveInput = builder.inputType("CurveInput", {
  description:
    "Which curve: `long` − `short` (default DGS10 − DGS2), or a stored spread series such as T10Y2Y or T10Y3M; and the inversion rule.",
  fields: (t) => ({
    long: t.string({ required: false, defaultValue: "DGS10", description: "Long yield (default DGS10)." }),
    short: t.string({
      required: false,
      defaultValue: "DGS2",
      description: "Short yield (default DGS2; DGS3MO for 10y − 3m).",
    }),
    spreadSeries: t.string({
      required: false,
      description: "A stored spread in percentage points (T10Y2Y, T10Y3M) instead of long − short.",
    }),
    confirmDays: t.int({
      required: false,
      defaultValue: 20,
      description: "Observations ≥ 0 in a row that end an inversion (1–260; default 20, about a month).",
    }),
    minInvertedDays: t.int({
      required: false,
      defaultValue: 1,
      description: "Fewest negative observations for an inversion to count (1–260).",
    }),
  }),
});

/** The curve of a request: spread, inversions and where it comes from. */
export interface CurveShape {
  label: string;
  series: EconomicSeriesInfo[];
  spread: Series;
  inversions: CurveInversion[];
  confirmDays: number;
  minInvertedDays: number;
  freshness: FreshnessShape;
}

function curveRule(args: CurveArgs | null | undefined, argument: string) {
  const confirmDays = args?.confirmDays ?? 20;
  const minInvertedDays = args?.minInvertedDays ?? 1;
  for (const [name, v] of [
    ["confirmDays", confirmDays],
    ["minInvertedDays", minInvertedDays],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 260) {
      throw badInput(`${argument}${name}`, `must be an integer from 1 to 260 observations (got ${v})`);
    }
  }
  return { confirmDays, minInvertedDays };
}

/**
 * The curve for `args` (DATA_UNAVAILABLE naming the argument when a known series is not stored), or null
 * when `optional` and a series is missing.
 */
export async function curveOf(
  ctx: Context,
  args: CurveArgs | null | undefined,
  argumentPrefix = "",
  optional = false,
): Promise<CurveShape | null> {
  const { confirmDays, minInvertedDays } = curveRule(args, argumentPrefix);
  const spreadCode = args?.spreadSeries?.trim();
  const long = (args?.long ?? "DGS10").trim().toUpperCase();
  const short = (args?.short ?? "DGS2").trim().toUpperCase();
  const key = `curve:${spreadCode ?? `${long}-${short}`}:${confirmDays}:${minInvertedDays}`;
  const get = optional ? optionalSeries : requiredSeries;
  return memoize(ctx, `${key}:${optional}`, async () => {
    let series: EconomicSeriesInfo[];
    let spread: Series;
    let label: string;
    if (spreadCode) {
      const s = await get(ctx, spreadCode, `${argumentPrefix}spreadSeries`);
      if (!s) return null;
      series = [s.info];
      spread = s.series;
      label = s.info.code;
    } else {
      if (long === short) throw badInput(`${argumentPrefix}short`, `must differ from long (${long})`);
      const [a, b] = await Promise.all([
        get(ctx, long, `${argumentPrefix}long`),
        get(ctx, short, `${argumentPrefix}short`),
      ]);
      if (!a || !b) return null;
      series = [a.info, b.info];
      spread = curveSpread(a.series, b.series);
      label = `${a.info.code} − ${b.info.code}`;
      if (spread.dates.length === 0) {
        throw dataUnavailable(
          `${argumentPrefix}short`,
          `${a.info.code} and ${b.info.code} have no date in common.`,
        );
      }
    }
    const n = spread.dates.length;
    return {
      label,
      series,
      spread,
      inversions: userInput(() => curveInversions(spread, { confirmDays, minInvertedDays })),
      confirmDays,
      minInvertedDays,
      freshness: {
        subject: label,
        lastDate: spread.dates[n - 1]!,
        reference: await latestCloseOfDataset(ctx),
        after: 14,
        hint: `import newer ${series.map((s) => s.code).join(" and ")}`,
      },
    };
  });
}

const CurveInversionRef = builder.objectRef<CurveInversion>("CurveInversion").implement({
  description:
    "One inversion of the curve: from the first day below zero until the spread has stayed at or above zero for `confirmDays` observations (shorter returns above zero belong to it).",
  fields: (t) => ({
    start: t.field({ type: "Date", description: "First day with spread < 0.", resolve: (x) => x.start }),
    end: t.field({ type: "Date", description: "Last day with spread < 0.", resolve: (x) => x.end }),
    uninvertedOn: t.field({
      type: "Date",
      nullable: true,
      description: "The un-inversion: first day of the lasting return to ≥ 0; null while ongoing.",
      resolve: (x) => finite(x.uninvertedOn),
    }),
    confirmedOn: t.field({
      type: "Date",
      nullable: true,
      description:
        "The day the rule could know the un-inversion (its `confirmDays`-th day ≥ 0): use it for anything without look-ahead; null while ongoing.",
      resolve: (x) => finite(x.confirmedOn),
    }),
    trough: t.float({ description: "Most negative spread, percentage points.", resolve: (x) => x.trough }),
    troughDate: t.field({ type: "Date", description: "Its date.", resolve: (x) => x.troughDate }),
    invertedDays: t.int({
      description: "Observations below zero inside the inversion.",
      resolve: (x) => x.invertedDays,
    }),
    ongoing: t.boolean({
      description: "True when the data end before the un-inversion is confirmed.",
      resolve: (x) => x.ongoing,
    }),
  }),
});

export type CurvePhase = "inverted" | "re-steepening" | "normal";

export const CurvePhaseEnum = builder.enumType("CurvePhase", {
  description: "Where the curve is in its cycle.",
  values: {
    INVERTED: {
      value: "inverted",
      description: "Inside an inversion (below zero, or back above it for less than the confirmation run).",
    },
    RE_STEEPENING: {
      value: "re-steepening",
      description: "Within a year of a confirmed un-inversion.",
    },
    NORMAL: { value: "normal", description: "Not inverted, and no un-inversion in the last year." },
  } as const,
});

interface CurveStateShape {
  curve: CurveShape;
  asOf: number;
}

const CurveStateRef = builder.objectRef<CurveStateShape>("CurveState").implement({
  description: "The curve on a date, as the rule knew it then (no look-ahead).",
  fields: (t) => {
    const state = (s: CurveStateShape) => curveStateAt(s.curve.spread, s.curve.inversions, s.asOf);
    return {
      date: t.field({
        type: "Date",
        nullable: true,
        description: "The spread's date (last observation on or before the as-of date).",
        resolve: (s) => finite(state(s).date),
      }),
      spread: t.float({
        nullable: true,
        description: "Spread, percentage points.",
        resolve: (s) => finite(state(s).spread),
      }),
      inverted: t.boolean({ description: "Spread < 0.", resolve: (s) => state(s).inverted }),
      phase: t.field({
        type: CurvePhaseEnum,
        nullable: true,
        description: "Inverted, re-steepening (within a year of a confirmed un-inversion) or normal.",
        resolve: (s) => {
          const st = state(s);
          if (Number.isNaN(st.date)) return null;
          const last = st.lastInversion;
          if (last?.ongoing || st.inverted) return "inverted";
          return last && s.asOf - last.uninvertedOn <= 365 ? "re-steepening" : "normal";
        },
      }),
      change6m: t.float({
        nullable: true,
        description: "Spread change over 6 calendar months, percentage points.",
        resolve: (s) => finite(state(s).change),
      }),
      lastInversion: t.field({
        type: CurveInversionRef,
        nullable: true,
        description: "The last inversion that started by the date, as known then (ongoing until confirmed).",
        resolve: (s) => state(s).lastInversion,
      }),
      steepeningSinceTroughBp: t.float({
        nullable: true,
        description: "Spread − that inversion's trough, basis points.",
        resolve: (s) => finite(state(s).steepeningSinceTroughBp),
      }),
      daysSinceUninversion: t.int({
        nullable: true,
        description: "Days since its confirmed un-inversion (null while inverted or without one).",
        resolve: (s) => finite(state(s).daysSinceUninversion),
      }),
    };
  },
});

const YieldCurveRef = builder
  .objectRef<CurveShape & { range: DayRange; asOf: number }>("YieldCurve")
  .implement({
    description:
      "The slope of the Treasury curve in percentage points (DGS10 − DGS2 by default, FRED's T10Y2Y), its inversions and un-inversions, and how far it has steepened since the trough. An inversion has preceded every US recession since the 1970s; the un-inversion has tended to come close to the recession's start.",
    fields: (t) => ({
      label: t.string({
        description: 'What the spread is, e.g. "DGS10 − DGS2" or "T10Y2Y".',
        resolve: (c) => c.label,
      }),
      series: t.field({
        type: [EconomicSeriesRef],
        description: "The stored series used.",
        resolve: (c) => c.series,
      }),
      confirmDays: t.int({
        description: "Observations ≥ 0 in a row that end an inversion.",
        resolve: (c) => c.confirmDays,
      }),
      minInvertedDays: t.int({
        description: "Fewest negative observations for an inversion.",
        resolve: (c) => c.minInvertedDays,
      }),
      firstDate: t.field({
        type: "Date",
        description: "First spread date.",
        resolve: (c) => c.spread.dates[0]!,
      }),
      freshness: t.field({
        type: FreshnessRef,
        description: "How far the spread reaches, and whether it is stale.",
        resolve: (c) => c.freshness,
      }),
      spread: t.field({
        type: [PointRef],
        description: "The spread on every date of `range` (default: the field's range).",
        args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to return." }) },
        complexity: seriesComplexity,
        resolve: (c, args, ctx): PointShape[] => {
          const r = args.range ? dayRange(args.range, ctx) : c.range;
          const { start, end } = windowOf(c.spread.dates, r);
          return toPoints(c.spread.dates, c.spread.values, start, end);
        },
      }),
      inversions: t.field({
        type: [CurveInversionRef],
        description: "Every inversion that started inside the field's range, oldest first.",
        resolve: (c) =>
          c.inversions.filter(
            (x) =>
              (c.range.from === undefined || x.start >= c.range.from) &&
              (c.range.to === undefined || x.start <= c.range.to),
          ),
      }),
      uninversions: t.field({
        type: ["Date"],
        description: "The confirmed un-inversion dates inside the field's range, oldest first.",
        resolve: (c) =>
          c.inversions
            .filter((x) => !x.ongoing)
            .map((x) => x.uninvertedOn)
            .filter(
              (d) =>
                (c.range.from === undefined || d >= c.range.from) &&
                (c.range.to === undefined || d <= c.range.to),
            ),
      }),
      current: t.field({
        type: CurveStateRef,
        description: "The curve on `asOf` (default: the last spread date), as known then.",
        resolve: (c) => ({ curve: c, asOf: c.asOf }),
      }),
    }),
  });

// ---------------------------------------------------------------------------------------------------------
// Labour market (Sahm rule)

/** The Sahm indicator of a request: from SAHMREALTIME when stored, else computed from UNRATE. */
export interface LabourShape {
  unemployment: StoredSeries | null;
  realTime: StoredSeries | null;
  computed: Series | null;
  threshold: number;
  rearmMonths: number;
  freshness: FreshnessShape;
}

/** The indicator a composite reads: real time when stored (no revision look-ahead), else computed. */
export function preferredSahm(l: LabourShape): {
  series: Series;
  source: "real-time" | "computed";
  code: string;
} {
  return l.realTime
    ? { series: l.realTime.series, source: "real-time", code: l.realTime.info.code }
    : { series: l.computed!, source: "computed", code: `${l.unemployment!.info.code} (Sahm rule computed)` };
}

export async function labourOf(
  ctx: Context,
  args: {
    unemployment?: string | null;
    realTime?: string | null;
    threshold?: number | null;
    rearmMonths?: number | null;
  },
  optional = false,
): Promise<LabourShape | null> {
  const threshold = args.threshold ?? 0.5;
  if (!(threshold > 0 && threshold <= 5))
    throw badInput("threshold", `must be in (0, 5] percentage points (got ${threshold})`);
  const rearmMonths = args.rearmMonths ?? 6;
  if (!Number.isInteger(rearmMonths) || rearmMonths < 1 || rearmMonths > 36) {
    throw badInput("rearmMonths", `must be an integer from 1 to 36 (got ${rearmMonths})`);
  }
  const u = args.unemployment ?? "UNRATE";
  const r = args.realTime ?? "SAHMREALTIME";
  return memoize(ctx, `labour:${u}:${r}:${threshold}:${rearmMonths}:${optional}`, async () => {
    const [unemployment, realTime] = await Promise.all([
      optionalSeries(ctx, u, "unemployment"),
      optionalSeries(ctx, r, "realTime"),
    ]);
    if (!unemployment && !realTime) {
      if (optional) return null;
      throw dataUnavailable(
        "unemployment",
        `Neither ${u.toUpperCase()} nor ${r.toUpperCase()} is stored: ${importHint("UNRATE SAHMREALTIME")}.`,
      );
    }
    const computed = unemployment ? userInput(() => sahmIndicator(unemployment.series)) : null;
    const used = realTime ?? unemployment!;
    return {
      unemployment,
      realTime,
      computed,
      threshold,
      rearmMonths,
      freshness: {
        subject: used.info.code,
        lastDate: used.series.dates[used.series.dates.length - 1]!,
        reference: await latestCloseOfDataset(ctx),
        after: 62,
        hint: `import a newer ${used.info.code}`,
      },
    };
  });
}

const SahmSourceEnum = builder.enumType("SahmSource", {
  description: "Which Sahm indicator a reading comes from.",
  values: {
    REAL_TIME: {
      value: "real-time",
      description:
        "FRED's SAHMREALTIME: the indicator as first computed each month (no revision look-ahead).",
    },
    COMPUTED: {
      value: "computed",
      description: "Computed here from the stored unemployment rate (today's vintage: revisions included).",
    },
  } as const,
});

interface TriggerShape {
  trigger: SahmTrigger;
  source: "real-time" | "computed";
}

const SahmTriggerRef = builder.objectRef<TriggerShape>("SahmTrigger").implement({
  description:
    "A Sahm-rule trigger: the first month the indicator reached the threshold after at least `rearmMonths` months below it, and the episode that followed.",
  fields: (t) => ({
    month: t.field({
      type: "Date",
      description: "The trigger month, as FRED dates it (its first day).",
      resolve: (x) => x.trigger.date,
    }),
    knownOn: t.field({
      type: "Date",
      description:
        "When it could be known: the 12th of the next month (the unemployment release, approximated).",
      resolve: (x) => monthlyKnownOn(x.trigger.date),
    }),
    value: t.float({
      description: "The indicator that month, percentage points.",
      resolve: (x) => x.trigger.value,
    }),
    peak: t.float({
      description: "Highest reading of the episode (so far).",
      resolve: (x) => x.trigger.peak,
    }),
    peakMonth: t.field({ type: "Date", description: "Its month.", resolve: (x) => x.trigger.peakDate }),
    endMonth: t.field({
      type: "Date",
      nullable: true,
      description: "First month back below the threshold; null while ongoing.",
      resolve: (x) => finite(x.trigger.end),
    }),
    ongoing: t.boolean({
      description: "True when the data end inside the episode.",
      resolve: (x) => x.trigger.ongoing,
    }),
    source: t.field({ type: SahmSourceEnum, description: "Which indicator.", resolve: (x) => x.source }),
  }),
});

const points = (s: Series | null, range: DayRange): PointShape[] => {
  if (!s) return [];
  const { start, end } = windowOf(s.dates, range);
  const out: PointShape[] = [];
  for (let i = start; i < end; i++)
    if (!Number.isNaN(s.values[i]!)) out.push({ date: s.dates[i]!, value: s.values[i]! });
  return out;
};

const LabourMarketRef = builder.objectRef<LabourShape & { range: DayRange }>("LabourMarket").implement({
  description:
    "The Sahm rule: the 3-month average unemployment rate minus its lowest 3-month average of the previous 12 months, in percentage points; 0.50 or more has marked the early months of every US recession since 1970. Months are dated as FRED dates them (the first of the month) and known about the 12th of the next month.",
  fields: (t) => ({
    unemployment: t.field({
      type: EconomicSeriesRef,
      nullable: true,
      description: "The unemployment rate the indicator is computed from (null when not stored).",
      resolve: (l) => l.unemployment?.info ?? null,
    }),
    realTimeSeries: t.field({
      type: EconomicSeriesRef,
      nullable: true,
      description: "FRED's real-time indicator (null when not stored).",
      resolve: (l) => l.realTime?.info ?? null,
    }),
    source: t.field({
      type: SahmSourceEnum,
      description: "Which indicator `triggers` and `current` read: real time when stored, else computed.",
      resolve: (l) => preferredSahm(l).source,
    }),
    threshold: t.float({ description: "The trigger level, percentage points.", resolve: (l) => l.threshold }),
    rearmMonths: t.int({
      description: "Months below the threshold before a new trigger.",
      resolve: (l) => l.rearmMonths,
    }),
    freshness: t.field({
      type: FreshnessRef,
      description: "How far the indicator reaches.",
      resolve: (l) => l.freshness,
    }),
    indicator: t.field({
      type: [PointRef],
      description:
        "The indicator computed from the unemployment rate, monthly (empty when it is not stored).",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Months to return." }) },
      resolve: (l, args, ctx) => points(l.computed, args.range ? dayRange(args.range, ctx) : l.range),
    }),
    realTime: t.field({
      type: [PointRef],
      description: "FRED's real-time indicator, monthly (empty when it is not stored).",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Months to return." }) },
      resolve: (l, args, ctx) =>
        points(l.realTime?.series ?? null, args.range ? dayRange(args.range, ctx) : l.range),
    }),
    triggers: t.field({
      type: [SahmTriggerRef],
      description: "Every trigger inside the range, oldest first (from `source`).",
      args: {
        from: t.arg({
          type: SahmSourceEnum,
          required: false,
          description: "Read this indicator instead of `source` (COMPUTED needs the unemployment rate).",
        }),
      },
      resolve: (l, args) => {
        const p = preferredSahm(l);
        const source = args.from ?? p.source;
        const series = source === "real-time" ? l.realTime?.series : l.computed;
        if (!series) {
          throw dataUnavailable(
            "from",
            `${source === "real-time" ? "SAHMREALTIME" : "UNRATE"} is not stored: ${importHint(source === "real-time" ? "SAHMREALTIME" : "UNRATE")}.`,
          );
        }
        return sahmTriggers(series, { threshold: l.threshold, rearmMonths: l.rearmMonths })
          .filter(
            (x) =>
              (l.range.from === undefined || x.date >= l.range.from) &&
              (l.range.to === undefined || x.date <= l.range.to),
          )
          .map((trigger) => ({ trigger, source }));
      },
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Recessions

export interface RecessionsShape {
  series: StoredSeries;
  periods: RecessionPeriod[];
  dataEnd: number;
}

export async function recessionsOf(ctx: Context, code: string, argument: string, optional = false) {
  return memoize(ctx, `recessions:${code}:${optional}`, async (): Promise<RecessionsShape | null> => {
    const s = optional
      ? await optionalSeries(ctx, code, argument)
      : await requiredSeries(ctx, code, argument);
    if (!s) return null;
    const periods = userInput(
      () => recessionPeriods(s.series),
      () => argument,
    );
    return { series: s, periods, dataEnd: recessionDataEnd(s.series) };
  });
}

const RecessionPeriodRef = builder.objectRef<RecessionPeriod>("RecessionPeriod").implement({
  description: "One NBER recession: from the month after the peak through the trough month (USREC).",
  fields: (t) => ({
    start: t.field({ type: "Date", description: "First day in recession.", resolve: (p) => p.start }),
    end: t.field({
      type: "Date",
      description: "Last day in recession (the trough month's end for monthly data).",
      resolve: (p) => p.end,
    }),
    observations: t.int({
      description: "Observations at 1 (months for USREC).",
      resolve: (p) => p.observations,
    }),
    ongoing: t.boolean({ description: "True when the indicator ends at 1.", resolve: (p) => p.ongoing }),
  }),
});

const RecessionsRef = builder.objectRef<RecessionsShape & { range: DayRange }>("Recessions").implement({
  description:
    "NBER recessions from a 0/1 indicator (USREC monthly, USRECD daily), as periods. Hindsight only: the NBER announces peaks and troughs 4 to 21 months late, so CycleLens keeps them out of the rotation signal and its backtest.",
  fields: (t) => ({
    series: t.field({
      type: EconomicSeriesRef,
      description: "The indicator.",
      resolve: (r) => r.series.info,
    }),
    dataEnd: t.field({
      type: "Date",
      description: "Last day the indicator covers.",
      resolve: (r) => r.dataEnd,
    }),
    periods: t.field({
      type: [RecessionPeriodRef],
      description: "The recessions that overlap the range, oldest first.",
      resolve: (r) =>
        r.periods.filter(
          (p) =>
            (r.range.from === undefined || p.end >= r.range.from) &&
            (r.range.to === undefined || p.start <= r.range.to),
        ),
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Market-internal ratios

export const RatioPairInput = builder.inputType("RatioPairInput", {
  description: "A ratio of two stored instruments, e.g. XLY over XLP.",
  fields: (t) => ({
    numerator: t.string({ required: true, description: "Numerator symbol, e.g. XLY." }),
    denominator: t.string({ required: true, description: "Denominator symbol, e.g. XLP." }),
    name: t.string({ required: false, description: "A name for it (default NUMERATOR/DENOMINATOR)." }),
  }),
});

/** The default market-internal ratios. */
export const DEFAULT_RATIOS = [
  { name: "cyclicals vs defensives", numerator: "XLY", denominator: "XLP" },
  { name: "equal vs cap weight", numerator: "RSP", denominator: "SPY" },
  { name: "small vs large caps", numerator: "IWM", denominator: "SPY" },
];

export interface RatioShape {
  name: string;
  numerator: string;
  denominator: string;
  numeratorInstrument: Instrument | null;
  denominatorInstrument: Instrument | null;
  status: SignalStatus;
  reason: string | null;
  trend: RatioTrend | null;
  range: DayRange;
  averagePeriod: number;
}

/**
 * A ratio trend of two instruments; with `strict` an unknown symbol is NOT_FOUND, otherwise a missing
 * instrument gives status NO_DATA with how to import it.
 */
export async function ratioOf(
  ctx: Context,
  pair: { name?: string | null; numerator: string; denominator: string },
  averagePeriod: number,
  range: DayRange,
  strict: boolean,
  argument = "pairs",
): Promise<RatioShape> {
  const num = pair.numerator.trim().toUpperCase();
  const den = pair.denominator.trim().toUpperCase();
  if (!num || !den) throw badInput(argument, "numerator and denominator must be ticker symbols");
  if (num === den) throw badInput(argument, `numerator and denominator must differ (${num})`);
  const [a, b] = await Promise.all([
    ctx.loaders.instrumentBySymbol.load(num),
    ctx.loaders.instrumentBySymbol.load(den),
  ]);
  const base: RatioShape = {
    name: pair.name ?? `${num}/${den}`,
    numerator: num,
    denominator: den,
    numeratorInstrument: a,
    denominatorInstrument: b,
    status: "available",
    reason: null,
    trend: null,
    range,
    averagePeriod,
  };
  const missing = [a ? null : num, b ? null : den].filter((x): x is string => x !== null);
  if (missing.length > 0) {
    if (strict) throw notFound("instrument", missing[0]!, "`instruments` lists the known symbols", argument);
    return {
      ...base,
      status: "no-data",
      reason: `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not stored: import with \`pnpm ingest ${missing.join(" ")}\` (or \`pnpm ingest --preset macro\`)`,
    };
  }
  const trend = await memoize(ctx, `ratio:${num}:${den}:${averagePeriod}`, async () => {
    const [pa, pb] = await Promise.all([pricesOf(ctx, a!), pricesOf(ctx, b!)]);
    return userInput(() => ratioTrend(pa, pb, { averagePeriod }));
  });
  if (trend.dates.length === 0) {
    return { ...base, status: "no-data", reason: `${num} and ${den} have no trading day in common` };
  }
  const reference = await latestCloseOfDataset(ctx);
  const last = trend.dates[trend.dates.length - 1]!;
  if (reference !== null && reference - last > 14) {
    return {
      ...base,
      trend,
      status: "stale",
      reason: `${num}/${den} ends ${formatISODate(last)}, ${reference - last} days before the latest close stored (${formatISODate(reference)}); import newer prices`,
    };
  }
  return { ...base, trend };
}

const RatioStateRef = builder.objectRef<{ trend: RatioTrend; asOf: number }>("RatioState").implement({
  description: "Where a ratio stands on a date against its moving average (nothing after the date used).",
  fields: (t) => {
    const st = (s: { trend: RatioTrend; asOf: number }) => ratioTrendAt(s.trend, s.asOf);
    return {
      date: t.field({
        type: "Date",
        nullable: true,
        description: "Last common close on or before the date.",
        resolve: (s) => finite(st(s).date),
      }),
      ratio: t.float({
        nullable: true,
        description: "numerator / denominator.",
        resolve: (s) => finite(st(s).ratio),
      }),
      average: t.float({
        nullable: true,
        description: "Its moving average.",
        resolve: (s) => finite(st(s).average),
      }),
      ratioVsAverage: t.float({
        nullable: true,
        description: "ratio / average − 1: positive = the numerator is leading.",
        resolve: (s) => finite(st(s).vsAverage),
      }),
      aboveAverage: t.boolean({
        nullable: true,
        description: "ratio > average (null in the warm-up).",
        resolve: (s) => st(s).above,
      }),
      lastCrossover: t.field({
        type: RatioCrossoverRef,
        nullable: true,
        description: "The last crossing on or before the date.",
        resolve: (s) => st(s).lastCrossover,
      }),
      change3m: t.float({
        nullable: true,
        description: "Ratio change over 3 months.",
        resolve: (s) => finite(st(s).change3m),
      }),
      change6m: t.float({
        nullable: true,
        description: "Ratio change over 6 months.",
        resolve: (s) => finite(st(s).change6m),
      }),
    };
  },
});

const RatioCrossoverRef = builder
  .objectRef<{ date: number; direction: "up" | "down" }>("MarketRatioCrossover")
  .implement({
    description: "A day a market ratio crossed its moving average.",
    fields: (t) => ({
      date: t.field({ type: "Date", description: "First day on the new side.", resolve: (c) => c.date }),
      direction: t.string({
        description: "up (the numerator starting to lead) or down.",
        resolve: (c) => c.direction,
      }),
    }),
  });

const MarketRatioRef = builder.objectRef<RatioShape>("MarketRatio").implement({
  description:
    "A market-internal ratio (cyclicals vs defensives, equal vs cap weight, small vs large caps) with its trend state and crossings, read as in `compare`: adjusted closes on common days, a simple moving average of the ratio over the whole history, crossings dated on the first day on the new side.",
  fields: (t) => ({
    name: t.string({ description: 'e.g. "cyclicals vs defensives".', resolve: (r) => r.name }),
    numerator: t.string({ description: "Numerator symbol.", resolve: (r) => r.numerator }),
    denominator: t.string({ description: "Denominator symbol.", resolve: (r) => r.denominator }),
    numeratorInstrument: t.field({
      type: InstrumentRef,
      nullable: true,
      description: "The numerator, when stored.",
      resolve: (r) => r.numeratorInstrument,
    }),
    denominatorInstrument: t.field({
      type: InstrumentRef,
      nullable: true,
      description: "The denominator, when stored.",
      resolve: (r) => r.denominatorInstrument,
    }),
    status: t.field({ type: SignalStatusEnum, description: "Read, or why not.", resolve: (r) => r.status }),
    reason: t.string({
      nullable: true,
      description: "Why it is not available or stale, and how to fix it.",
      resolve: (r) => r.reason,
    }),
    averagePeriod: t.int({
      description: "Moving average of the ratio, trading days.",
      resolve: (r) => r.averagePeriod,
    }),
    current: t.field({
      type: RatioStateRef,
      nullable: true,
      description: "The state on the range's end (default: the last common close); null without data.",
      resolve: (r) =>
        r.trend ? { trend: r.trend, asOf: r.range.to ?? r.trend.dates[r.trend.dates.length - 1]! } : null,
    }),
    crossovers: t.field({
      type: [RatioCrossoverRef],
      description: "Crossings inside the range, oldest first.",
      resolve: (r) =>
        (r.trend?.crossovers ?? []).filter(
          (c) =>
            (r.range.from === undefined || c.date >= r.range.from) &&
            (r.range.to === undefined || c.date <= r.range.to),
        ),
    }),
    ratio: t.field({
      type: [PointRef],
      description: "The ratio on every common date of the range.",
      complexity: seriesComplexity,
      resolve: (r) => {
        if (!r.trend) return [];
        const { start, end } = windowOf(r.trend.dates, r.range);
        return toPoints(r.trend.dates, r.trend.ratio, start, end);
      },
    }),
    average: t.field({
      type: [PointRef],
      description: "Its moving average on the same dates (null in the warm-up).",
      complexity: seriesComplexity,
      resolve: (r) => {
        if (!r.trend) return [];
        const { start, end } = windowOf(r.trend.dates, r.range);
        return toPoints(r.trend.dates, r.trend.average, start, end);
      },
    }),
  }),
});

export function averagePeriodArg(
  value: number | null | undefined,
  fallback: number,
  argument = "averagePeriod",
): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 2 || v > 1000)
    throw badInput(argument, `must be an integer from 2 to 1000 (got ${v})`);
  return v;
}

builder.queryFields((t) => ({
  yieldCurve: t.field({
    type: YieldCurveRef,
    nullable: true,
    description:
      "The Treasury curve's slope (default DGS10 − DGS2), its inversions, un-inversion dates and the steepening since the trough. DATA_UNAVAILABLE (naming the argument) when a yield is not stored.",
    args: {
      curve: t.arg({ type: CurveInput, required: false, description: "Which curve and the inversion rule." }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Inversions and spread dates to return (default: all).",
      }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Date of `current` (default: the last spread date).",
      }),
    },
    complexity: { field: 50 },
    resolve: async (_r, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const curve = (await curveOf(ctx, args.curve, "curve."))!;
      return {
        ...curve,
        range,
        asOf: args.asOf ?? range.to ?? curve.spread.dates[curve.spread.dates.length - 1]!,
      };
    },
  }),
  labourMarket: t.field({
    type: LabourMarketRef,
    nullable: true,
    description:
      "The Sahm-rule recession indicator from the unemployment rate (default UNRATE) and FRED's real-time SAHMREALTIME, with its triggers. DATA_UNAVAILABLE when neither is stored.",
    args: {
      unemployment: t.arg.string({
        required: false,
        defaultValue: "UNRATE",
        description: "Monthly unemployment rate (default UNRATE).",
      }),
      realTime: t.arg.string({
        required: false,
        defaultValue: "SAHMREALTIME",
        description: "Real-time indicator series (default SAHMREALTIME), preferred when stored.",
      }),
      threshold: t.arg.float({
        required: false,
        defaultValue: 0.5,
        description: "Trigger level, percentage points (default 0.50).",
      }),
      rearmMonths: t.arg.int({
        required: false,
        defaultValue: 6,
        description: "Months below the threshold before a new trigger (1–36, default 6).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Months and triggers to return (default: all).",
      }),
    },
    complexity: { field: 50 },
    resolve: async (_r, args, ctx) => ({ ...(await labourOf(ctx, args))!, range: dayRange(args.range, ctx) }),
  }),
  recessions: t.field({
    type: RecessionsRef,
    nullable: true,
    description:
      "NBER recessions as periods from a 0/1 indicator (default USREC). DATA_UNAVAILABLE when it is not stored.",
    args: {
      series: t.arg.string({
        required: false,
        defaultValue: "USREC",
        description: "USREC (monthly) or USRECD (daily).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Recessions overlapping this range (default: all).",
      }),
    },
    complexity: { field: 20 },
    resolve: async (_r, args, ctx) => ({
      ...(await recessionsOf(ctx, args.series ?? "USREC", "series"))!,
      range: dayRange(args.range, ctx),
    }),
  }),
  marketRatios: t.field({
    type: [MarketRatioRef],
    nullable: true,
    description:
      "Market-internal ratios with their trend state and crossings as in `compare`. Default: XLY/XLP (cyclicals vs defensives), RSP/SPY (equal vs cap weight), IWM/SPY (small vs large); a default pair whose instruments are not stored has status NO_DATA, a pair you name with an unknown symbol is NOT_FOUND.",
    args: {
      pairs: t.arg({
        type: [RatioPairInput],
        required: false,
        description: "Ratios to read (1–10; default the three above).",
      }),
      averagePeriod: t.arg.int({
        required: false,
        defaultValue: 50,
        description: "Moving average of each ratio, trading days (2–1000).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Crossings and points to return; `to` is the as-of date of `current`.",
      }),
    },
    extensions: {
      cost: {
        multiplier: (args: Record<string, unknown>) => (args.pairs as unknown[] | undefined)?.length ?? 3,
      },
    },
    resolve: async (_r, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const averagePeriod = averagePeriodArg(args.averagePeriod, 50);
      const pairs = args.pairs ?? DEFAULT_RATIOS;
      if (pairs.length === 0 || pairs.length > 10)
        throw badInput("pairs", `must list 1 to 10 pairs (got ${pairs.length})`);
      return Promise.all(pairs.map((p) => ratioOf(ctx, p, averagePeriod, range, args.pairs != null)));
    },
  }),
}));
