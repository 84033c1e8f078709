/**
 * The policy rate: the FOMC record built into every database (`policyRecord`, every change of the federal
 * funds target since 1982 with its announcement and effective dates), and the rate series the cycle fields
 * read, with how current it is (`RateSeriesInfo`).
 *
 * `POLICY_RATE` is the record's target (the single target until 2008-12-15, then the range's upper bound),
 * known complete through `completeThrough`; a stored DFEDTARU (or DFEDTAR) extends it with the changes after
 * that date. Any stored series can be named instead (DFF, FEDFUNDS, DGS2…).
 *
 * Staleness: a rate series combined with instruments is **stale** when its last observation is more than 14
 * days (daily rule) or 62 days (monthly and step rules: about one FOMC meeting gap) before the latest close
 * of those instruments (for `rateCycles`, of any stored instrument).
 */
import { formatISODate, inferRateFrequency, parseISODate, type Series } from "@cyclelens/core";
import { FOMC_RECORD, type StoredPolicyDecision } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, dataUnavailable } from "../errors.js";
import { builder } from "./builder.js";
import { observationsOf, requireSeries } from "./economic.js";
import { DateRangeInput, dayRange } from "./scalars.js";

export const POLICY_RATE = "POLICY_RATE";
/** Series whose values are targets set by decisions: the step rule applies under AUTO. */
const TARGET_CODES = new Set([POLICY_RATE, "DFEDTAR", "DFEDTARU", "DFEDTARL"]);

export type RuleFrequency = "daily" | "monthly" | "step";
export type RequestedFrequency = RuleFrequency | "auto";

export const RateFrequencyEnum = builder.enumType("RateFrequency", {
  description: "Which move rule detects the moves of a rate series (see `rateCycles`).",
  values: {
    AUTO: {
      value: "auto",
      description:
        "STEP for POLICY_RATE and the target series (DFEDTAR, DFEDTARU, DFEDTARL), MONTHLY when observations are 25+ days apart, otherwise DAILY.",
    },
    DAILY: {
      value: "daily",
      description:
        "The effective-rate rule: business-day persistence (`persistDays`), levels as medians over `levelWindowDays`, weekends ignored.",
    },
    MONTHLY: {
      value: "monthly",
      description:
        "Monthly averages: a move starts in its (partial) month and is confirmed by the next month.",
    },
    STEP: {
      value: "step",
      description:
        "A target series: every change of at least `minMoveBp` is a move on the day it takes effect.",
    },
  } as const,
});

/** A rate series ready for detection, with what a client needs to judge it. */
export interface RateSeriesShape {
  code: string;
  title: string;
  provenance: string;
  series: Series;
  frequency: RuleFrequency;
  firstDate: number;
  lastDate: number;
  /** POLICY_RATE only: the record's last day known complete. */
  completeThrough: number | null;
  /** The FOMC record (for announcement dates). */
  decisions: StoredPolicyDecision[];
  /** Latest close of the instruments it is compared with (null: none). */
  reference: number | null;
}

const COMPLETE_THROUGH = parseISODate(FOMC_RECORD.completeThrough);

async function recordOf(ctx: Context, argument: string): Promise<StoredPolicyDecision[]> {
  const decisions = await ctx.loaders.policyDecisions();
  if (decisions.length === 0) {
    throw dataUnavailable(
      argument,
      "The FOMC record is not stored in this database; start the server (or run pnpm db:migrate) once so that migrate() stores it.",
    );
  }
  return decisions;
}

/**
 * The rate series behind a `series` argument: POLICY_RATE (the FOMC record, extended by a stored DFEDTARU or
 * DFEDTAR after its `completeThrough` date) or a stored series (NOT_FOUND when unknown).
 */
export async function rateSeriesOf(
  ctx: Context,
  code: string,
  argument: string,
  requested: RequestedFrequency = "auto",
): Promise<RateSeriesShape> {
  const upper = code.trim().toUpperCase();
  const decisions = await recordOf(ctx, argument);
  if (upper !== POLICY_RATE) {
    const info = await requireSeries(ctx, code, argument);
    const series = await observationsOf(ctx, info);
    if (series.dates.length === 0) {
      throw dataUnavailable(argument, `Economic series ${info.code} has no observations stored.`);
    }
    const frequency =
      requested !== "auto" ? requested : TARGET_CODES.has(info.code) ? "step" : inferRateFrequency(series);
    return {
      code: info.code,
      title: info.title,
      provenance: info.provenance,
      series,
      frequency,
      firstDate: series.dates[0]!,
      lastDate: series.dates[series.dates.length - 1]!,
      completeThrough: null,
      decisions,
      reference: null,
    };
  }
  if (requested === "daily" || requested === "monthly") {
    throw badInput(
      "frequency",
      "POLICY_RATE is the FOMC's decisions, a step series: use AUTO or STEP (or name a stored series such as DFF)",
    );
  }
  const dates: number[] = [];
  const values: number[] = [];
  for (const d of decisions) {
    dates.push(parseISODate(d.effective));
    values.push(d.upper);
  }
  let provenance: string = FOMC_RECORD.provenance;
  if (dates[dates.length - 1]! < COMPLETE_THROUGH) {
    dates.push(COMPLETE_THROUGH);
    values.push(values[values.length - 1]!);
  }
  // Decisions after the record's end: a stored target series extends it.
  const [u, t] = await Promise.all([
    ctx.loaders.seriesByCode.load("DFEDTARU"),
    ctx.loaders.seriesByCode.load("DFEDTAR"),
  ]);
  for (const info of [u, t]) {
    if (!info) continue;
    const obs = await observationsOf(ctx, info);
    const n = obs.dates.length;
    if (n === 0 || obs.dates[n - 1]! <= dates[dates.length - 1]!) continue;
    for (let i = 0; i < n; i++) {
      if (obs.dates[i]! <= dates[dates.length - 1]! || Number.isNaN(obs.values[i]!)) continue;
      dates.push(obs.dates[i]!);
      values.push(obs.values[i]!);
    }
    provenance = `${FOMC_RECORD.provenance} (through ${FOMC_RECORD.completeThrough}), then ${info.code} (${info.provenance})`;
    break;
  }
  return {
    code: POLICY_RATE,
    title:
      "Federal funds target: the FOMC's single target until 2008-12-15, then the upper bound of its range",
    provenance,
    series: { dates: Int32Array.from(dates), values: Float64Array.from(values) },
    frequency: "step",
    firstDate: dates[0]!,
    lastDate: dates[dates.length - 1]!,
    completeThrough: COMPLETE_THROUGH,
    decisions,
    reference: null,
  };
}

/** Days after which a series of this rule is stale against the instruments it is combined with. */
export function staleAfterDays(frequency: RuleFrequency): number {
  return frequency === "daily" ? 14 : 62;
}

/** Whether the series ends well before `reference` (the latest close it is combined with). */
export function stalenessOf(s: RateSeriesShape): {
  stale: boolean;
  days: number | null;
  reason: string | null;
} {
  if (s.reference === null) return { stale: false, days: null, reason: null };
  const days = s.reference - s.lastDate;
  if (days <= staleAfterDays(s.frequency)) return { stale: false, days: Math.max(0, days), reason: null };
  const fix =
    s.code === POLICY_RATE
      ? `the FOMC record is complete through ${FOMC_RECORD.completeThrough}; import DFEDTARU (pnpm ingest DFEDTARU) for later decisions`
      : `import a newer ${s.code} (pnpm ingest ${s.code}) or choose another series`;
  return {
    stale: true,
    days,
    reason: `${s.code} ends ${formatISODate(s.lastDate)}, ${days} days before the latest close it is combined with (${formatISODate(s.reference)}); ${fix}`,
  };
}

/** Latest close over every stored instrument (null without bars), for standalone rate fields. */
export async function latestCloseOfDataset(ctx: Context): Promise<number | null> {
  const coverage = await ctx.loaders.coverage();
  let last: string | null = null;
  for (const i of coverage.instruments)
    if (i.lastDate && (last === null || i.lastDate > last)) last = i.lastDate;
  return last === null ? null : parseISODate(last);
}

/** The record's decision matched to a detected move (same direction, nearest effective date within the window). */
export interface MatchedDecision {
  announced: number | null;
  effective: number;
}

/**
 * The FOMC decision behind a move found on `s` at `date` in direction `sign` (−1 cut, +1 hike): for POLICY_RATE
 * the decision effective that day; otherwise the decision in the same direction whose effective date is nearest
 * to `date` within 10 days before to 5 days after it (daily and step rules) or 31 days either side (monthly).
 */
export function decisionFor(s: RateSeriesShape, date: number, sign: number): MatchedDecision | null {
  const before = s.frequency === "monthly" ? 31 : 10;
  const after = s.frequency === "monthly" ? 31 : 5;
  let best: MatchedDecision | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < s.decisions.length; i++) {
    const d = s.decisions[i]!;
    const effective = parseISODate(d.effective);
    if (s.code === POLICY_RATE) {
      if (effective === date) return { announced: d.announced ? parseISODate(d.announced) : null, effective };
      continue;
    }
    if (effective < date - before || effective > date + after) continue;
    if (Math.sign(d.upper - s.decisions[i - 1]!.upper) !== sign) continue;
    const gap = Math.abs(effective - date);
    if (gap < bestGap) {
      bestGap = gap;
      best = { announced: d.announced ? parseISODate(d.announced) : null, effective };
    }
  }
  return best;
}

export const RateSeriesInfoRef = builder.objectRef<RateSeriesShape>("RateSeriesInfo").implement({
  description:
    "The rate series behind a cycle field: what it is, which move rule read it, how far it reaches, and whether it is stale against the instruments it is combined with.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "POLICY_RATE or the stored series' code (DFF, FEDFUNDS…)." }),
    title: t.exposeString("title", { description: "What the series measures." }),
    provenance: t.exposeString("provenance", {
      description:
        'Where its values come from: "federal-reserve" for the built-in FOMC record (and the stored series that extends it), "demo", or the provider.',
    }),
    rule: t.field({
      type: RateFrequencyEnum,
      description: "The move rule applied (AUTO resolved).",
      resolve: (s) => s.frequency,
    }),
    firstDate: t.field({ type: "Date", description: "First observation.", resolve: (s) => s.firstDate }),
    lastDate: t.field({
      type: "Date",
      description:
        "Last observation (for POLICY_RATE: the record's `completeThrough`, or later with DFEDTARU).",
      resolve: (s) => s.lastDate,
    }),
    completeThrough: t.field({
      type: "Date",
      nullable: true,
      description: "POLICY_RATE only: the last day the built-in FOMC record is known to hold every decision.",
      resolve: (s) => s.completeThrough,
    }),
    comparedWith: t.field({
      type: "Date",
      nullable: true,
      description: "The latest close of the instruments it is combined with (null: none stored).",
      resolve: (s) => s.reference,
    }),
    stale: t.boolean({
      description:
        "True when it ends more than 14 days (daily rule) or 62 days (monthly, step) before `comparedWith`: recent moves may be missing.",
      resolve: (s) => stalenessOf(s).stale,
    }),
    staleDays: t.int({
      nullable: true,
      description:
        "Days from its last observation to `comparedWith` (null when there is nothing to compare with).",
      resolve: (s) => stalenessOf(s).days,
    }),
    staleReason: t.string({
      nullable: true,
      description: "Why it is stale and how to fix it; null when it is not.",
      resolve: (s) => stalenessOf(s).reason,
    }),
  }),
});

const PolicyKindEnum = builder.enumType("PolicyTargetKind", {
  description: "How the FOMC stated the federal funds target.",
  values: {
    TARGET: { value: "target", description: "A single rate (until 2008-12-15)." },
    RANGE: { value: "range", description: "A range, 25 bp wide (since 2008-12-16)." },
  } as const,
});

const PolicyDecisionRef = builder.objectRef<StoredPolicyDecision>("PolicyDecision").implement({
  description: "One FOMC decision on the federal funds target, from the built-in record.",
  fields: (t) => ({
    announced: t.field({
      type: "Date",
      nullable: true,
      description: "Announcement date; null before 1994-02-04, when changes were not announced.",
      resolve: (d) => (d.announced ? parseISODate(d.announced) : null),
    }),
    effective: t.field({
      type: "Date",
      description: "First day of the new target (FRED's date).",
      resolve: (d) => parseISODate(d.effective),
    }),
    lower: t.exposeFloat("lower", { description: "Lower bound, percent (= upper for a single target)." }),
    upper: t.exposeFloat("upper", { description: "Upper bound (the single target until 2008), percent." }),
    kind: t.field({ type: PolicyKindEnum, description: "Single target or range.", resolve: (d) => d.kind }),
    note: t.exposeString("note", { nullable: true, description: 'e.g. "intermeeting".' }),
  }),
});

interface RecordShape {
  decisions: StoredPolicyDecision[];
}

const PolicyRecordRef = builder.objectRef<RecordShape>("PolicyRecord").implement({
  description:
    "The FOMC record built into every CycleLens database: every change of the federal funds target since 1982-09-27 (FRED DFEDTAR, then DFEDTARL/DFEDTARU), with announcement dates from 1994. It is what POLICY_RATE reads.",
  fields: (t) => ({
    provenance: t.string({ description: '"federal-reserve".', resolve: () => FOMC_RECORD.provenance }),
    source: t.string({ description: "Where the record comes from.", resolve: () => FOMC_RECORD.source }),
    completeThrough: t.field({
      type: "Date",
      description:
        "Last day on which the record is known to hold every decision; import DFEDTARU for later ones.",
      resolve: () => COMPLETE_THROUGH,
    }),
    count: t.int({ description: "Number of entries stored.", resolve: (r) => r.decisions.length }),
    decisions: t.field({
      type: [PolicyDecisionRef],
      description: "The decisions effective within `range` (all by default), oldest first.",
      args: {
        range: t.arg({ type: DateRangeInput, required: false, description: "Effective dates to include." }),
      },
      extensions: { cost: { points: () => 200 } },
      resolve: (r, args, ctx) => {
        const range = dayRange(args.range, ctx);
        return r.decisions.filter((d) => {
          const day = parseISODate(d.effective);
          return (
            (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to)
          );
        });
      },
    }),
  }),
});

builder.queryFields((t) => ({
  policyRecord: t.field({
    type: PolicyRecordRef,
    description:
      "The FOMC's federal funds target decisions, built into every database (the data behind POLICY_RATE).",
    resolve: async (_r, _a, ctx) => ({ decisions: await recordOf(ctx, "policyRecord") }),
  }),
}));
