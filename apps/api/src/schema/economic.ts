/**
 * Economic series (FRED-style): the policy-rate bounds, the effective rate, Treasury yields — with their
 * observations over a range.
 */
import type { EconomicSeriesInfo, Series } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, notFound } from "../errors.js";
import { builder } from "./builder.js";
import { PointRef, seriesComplexity, toPoints, windowOf } from "./common.js";
import { DateRangeInput, dayRange } from "./scalars.js";

/** Resolves a series code or throws NOT_FOUND naming it. */
export async function requireSeries(
  ctx: Context,
  code: string,
  argument = "code",
): Promise<EconomicSeriesInfo> {
  const trimmed = code.trim();
  if (!trimmed) throw badInput(argument, "must be a series code such as DFEDTARU");
  const info = await ctx.loaders.seriesByCode.load(trimmed);
  if (!info)
    throw notFound("economic series", trimmed, "`economicSeriesList` lists the known codes", argument);
  return info;
}

/** The whole stored history of a series (read once per request). */
export function observationsOf(ctx: Context, info: EconomicSeriesInfo): Promise<Series> {
  return ctx.loaders.observationsBySeries.load(info.id);
}

export const EconomicSeriesRef = builder.objectRef<EconomicSeriesInfo>("EconomicSeries").implement({
  description:
    "A FRED-style economic series: a policy-rate bound, the effective fed funds rate, a Treasury yield…",
  fields: (t) => ({
    code: t.exposeString("code", { description: "FRED code, e.g. DFEDTARU, DFF, DGS2, DGS10." }),
    title: t.exposeString("title", { description: "What the series measures." }),
    unit: t.exposeString("unit", { description: "Unit of the values, e.g. percent." }),
    frequency: t.exposeString("frequency", { description: "Observation frequency, e.g. daily, monthly." }),
    source: t.exposeString("source", { description: "Publisher of the series." }),
    provenance: t.exposeString("provenance", {
      description:
        'Where the stored values come from: "demo" for the generated demo dataset, otherwise the provider.',
    }),
    isDemo: t.boolean({
      description: "True for generated demo data.",
      resolve: (s) => s.provenance === "demo",
    }),
    firstDate: t.field({
      type: "Date",
      nullable: true,
      description: "First observation date.",
      resolve: async (s, _a, ctx) => (await observationsOf(ctx, s)).dates[0] ?? null,
    }),
    lastDate: t.field({
      type: "Date",
      nullable: true,
      description: "Latest observation date.",
      resolve: async (s, _a, ctx) => {
        const { dates } = await observationsOf(ctx, s);
        return dates.length ? dates[dates.length - 1]! : null;
      },
    }),
    latest: t.field({
      type: PointRef,
      nullable: true,
      description: "The latest observation.",
      resolve: async (s, _a, ctx) => {
        const { dates, values } = await observationsOf(ctx, s);
        const n = dates.length;
        return n ? { date: dates[n - 1]!, value: values[n - 1]! } : null;
      },
    }),
    observations: t.field({
      type: [PointRef],
      description: "Observations in date order over a range (missing days are absent, not null).",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to include." }) },
      complexity: seriesComplexity,
      resolve: async (s, args, ctx) => {
        const range = dayRange(args.range, ctx);
        const obs = await observationsOf(ctx, s);
        const { start, end } = windowOf(obs.dates, range);
        return toPoints(obs.dates, obs.values, start, end);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  economicSeries: t.field({
    type: EconomicSeriesRef,
    nullable: true,
    description: "One economic series by code (case-insensitive); NOT_FOUND for an unknown code.",
    args: { code: t.arg.string({ required: true, description: "FRED code, e.g. DFEDTARU, DFF, DGS10." }) },
    resolve: (_r, args, ctx) => requireSeries(ctx, args.code),
  }),
  economicSeriesList: t.field({
    type: [EconomicSeriesRef],
    description: "Every stored economic series, ordered by code.",
    complexity: { field: 1, multiplier: 10 },
    resolve: (_r, _a, ctx) => ctx.loaders.allSeries(),
  }),
}));
