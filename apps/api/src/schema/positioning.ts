/**
 * Fund-manager positioning in a market segment (e.g. net % overweight small caps) against its long-run
 * average: deviation, z-score and percentile, now and through time.
 */
import { positioningVsAverage } from "@cyclelens/core";
import type { PositioningSeries } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, dataUnavailable, notFound } from "../errors.js";
import { builder } from "./builder.js";
import { windowOf } from "./common.js";
import { DateRangeInput, dayRange } from "./scalars.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

/** How to get positioning data (it has no free source). */
export const POSITIONING_HINT =
  "positioning has no free data source: import it with `pnpm ingest --csv <file> --kind positioning` (format in packages/ingest/README.md) or the recordPositioning mutation";

/**
 * Loads a segment's positioning. An unknown segment is NOT_FOUND (naming the stored ones); no positioning data
 * at all is DATA_UNAVAILABLE with how to import it.
 */
export async function requirePositioning(
  ctx: Context,
  segment: string,
  argument = "segment",
): Promise<PositioningSeries> {
  const key = segment.trim().toLowerCase();
  if (!key) throw badInput(argument, "must be a segment such as small_cap");
  const series = await ctx.loaders.positioningBySegment.load(key);
  if (series) return series;
  const stored = (await ctx.loaders.coverage()).positioning.map((p) => p.segment);
  if (stored.length === 0) {
    throw dataUnavailable(argument, `No positioning data is stored for ${key}: ${POSITIONING_HINT}.`);
  }
  throw notFound("positioning segment", key, `stored segments: ${stored.join(", ")}`, argument);
}

interface PointShape {
  p: ReturnType<typeof positioningVsAverage>;
  i: number;
}

const PositioningPointRef = builder.objectRef<PointShape>("PositioningPoint").implement({
  description:
    "A positioning observation against the average of its history up to that date (no look-ahead).",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "Observation date.", resolve: (x) => x.p.dates[x.i]! }),
    value: t.float({
      description: "The observation, in the series' unit.",
      resolve: (x) => x.p.values[x.i]!,
    }),
    average: t.float({
      nullable: true,
      description: "Average of the reference window.",
      resolve: (x) => finite(x.p.average[x.i]),
    }),
    deviation: t.float({
      nullable: true,
      description: "value − average.",
      resolve: (x) => finite(x.p.deviation[x.i]),
    }),
    zScore: t.float({
      nullable: true,
      description: "deviation / sample sd of the window.",
      resolve: (x) => finite(x.p.zScore[x.i]),
    }),
    percentile: t.float({
      nullable: true,
      description: "Share of the window at or below the value, 0–100.",
      resolve: (x) => finite(x.p.percentile[x.i]),
    }),
  }),
});

interface PositioningShape {
  series: PositioningSeries;
  p: ReturnType<typeof positioningVsAverage>;
}

const PositioningRef = builder.objectRef<PositioningShape>("Positioning").implement({
  description:
    "Where fund managers stand in a segment against the long-run average. Negative deviation / low percentile = under-owned (a contrarian positive for the segment).",
  fields: (t) => ({
    segment: t.string({ description: "The segment, e.g. small_cap.", resolve: (x) => x.series.segment }),
    unit: t.string({
      description: "Unit of the values, e.g. net_pct_overweight.",
      resolve: (x) => x.series.unit,
    }),
    source: t.string({
      description: 'Source of the latest observation ("demo" for the demo dataset).',
      resolve: (x) => x.series.source,
    }),
    isDemo: t.boolean({
      description: "True for generated demo data.",
      resolve: (x) => x.series.source === "demo",
    }),
    windowMonths: t.int({
      nullable: true,
      description: "Trailing window in months; null for the whole history.",
      resolve: (x) => (x.p.window === "all" ? null : x.p.window),
    }),
    current: t.field({
      type: PositioningPointRef,
      nullable: true,
      description: "The latest observation against the average.",
      resolve: (x) => (x.p.dates.length ? { p: x.p, i: x.p.dates.length - 1 } : null),
    }),
    history: t.field({
      type: [PositioningPointRef],
      description: "Every observation in the range against the average up to its date.",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to return." }) },
      complexity: { field: 1, multiplier: 400 },
      resolve: (x, args, ctx) => {
        const { start, end } = windowOf(x.p.dates, dayRange(args.range, ctx));
        const out: PointShape[] = [];
        for (let i = start; i < end; i++) out.push({ p: x.p, i });
        return out;
      },
    }),
  }),
});

/** Positioning of a segment against its average (shared with the rotation signal). */
export async function positioningOf(
  ctx: Context,
  segment: string,
  windowMonths?: number | null,
  argument = "segment",
) {
  if (windowMonths != null && (!Number.isInteger(windowMonths) || windowMonths < 12 || windowMonths > 600)) {
    throw badInput("windowMonths", `must be an integer from 12 to 600 months (got ${windowMonths})`);
  }
  const series = await requirePositioning(ctx, segment, argument);
  return { series, p: positioningVsAverage(series, { window: windowMonths ?? "all" }) };
}

builder.queryFields((t) => ({
  positioning: t.field({
    type: PositioningRef,
    nullable: true,
    description:
      "Fund-manager positioning of a segment against its long-run average (default small_cap). NOT_FOUND for an unknown segment; DATA_UNAVAILABLE when no positioning is stored (it has no free source: import it).",
    args: {
      segment: t.arg.string({
        required: false,
        defaultValue: "small_cap",
        description: "Segment, e.g. small_cap.",
      }),
      windowMonths: t.arg.int({
        required: false,
        description:
          "Compare with a trailing window of this many months (12–600) instead of the whole history.",
      }),
    },
    resolve: (_r, args, ctx) => positioningOf(ctx, args.segment ?? "small_cap", args.windowMonths),
  }),
}));
