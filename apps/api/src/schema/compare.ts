/**
 * Comparison of two instruments (`compare(base, benchmark, range)` and `Instrument.relativeTo`): the
 * return gap, the relative-strength (ratio) line with its moving average and crossovers, and the
 * regression statistics (beta, alpha, correlation, R², captures, tracking error, information ratio).
 *
 * Conventions: the two adjusted-close series are inner-joined on their common trading days; day 0 is
 * the last common close on or before `range.from`; daily simple returns; annualisation with 252; the
 * ratio's moving average is computed on the whole common history and then cut to the range.
 */
import {
  alignSeries,
  alpha,
  beta,
  correlation,
  crossovers,
  downCapture,
  informationRatio,
  rollingBeta,
  rollingCorrelation,
  rSquared,
  type Series,
  simpleReturns,
  sma,
  trackingError,
  upCapture,
} from "@cyclelens/core";
import type { Instrument } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, dataUnavailable } from "../errors.js";
import { builder } from "./builder.js";
import { type CoverageShape, PointRef, seriesComplexity, toPoints, WindowCoverageRef } from "./common.js";
import { periodArg } from "./indicators.js";
import { barsOf, InstrumentRef, priceNotesOf, priceSeries, requireInstrument } from "./instrument.js";
import { coveredWindow } from "./performance.js";
import { DateRangeInput, type DayRange, dayRange } from "./scalars.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

export interface ComparisonShape {
  base: Instrument;
  benchmark: Instrument;
  /** Common dates of the whole history and the two price columns on them. */
  dates: Int32Array;
  basePrices: Float64Array;
  benchmarkPrices: Float64Array;
  /** Index window [start, end] (inclusive) of the range, start = day 0. */
  start: number;
  end: number;
  averagePeriod: number;
  /** Ratio base / benchmark on every common date. */
  ratio: Float64Array;
  /** Moving average of the ratio. */
  average: Float64Array;
  returns: Float64Array;
  benchmarkReturns: Float64Array;
  coverage: CoverageShape;
}

/** Builds a comparison (shared by `compare`, `Instrument.relativeTo` and the rotation signal). */
export async function comparisonOf(
  ctx: Context,
  base: Instrument,
  benchmark: Instrument,
  range: DayRange,
  averagePeriod: number,
): Promise<ComparisonShape> {
  if (base.id === benchmark.id) throw badInput("benchmark", `must differ from the base (${base.symbol})`);
  const [barsA, barsB] = await Promise.all([barsOf(ctx, base), barsOf(ctx, benchmark)]);
  const joined = alignSeries(priceSeries(barsA), priceSeries(barsB));
  const [basePrices, benchmarkPrices] = joined.values as [Float64Array, Float64Array];
  const dates = joined.dates;
  if (dates.length === 0) {
    throw dataUnavailable(
      "benchmark",
      `${base.symbol} and ${benchmark.symbol} have no trading day in common`,
    );
  }
  const idx: Series = { dates, values: new Float64Array(dates.length).map((_, i) => i) };
  const { window: w, coverage } = coveredWindow(
    idx,
    range,
    `${base.symbol} and ${benchmark.symbol} (common closes)`,
  );
  const start = w.values[0]!;
  const end = w.values[w.values.length - 1]!;
  coverage.priceNotes = [
    ...priceNotesOf(base.symbol, barsA, coverage.used.from, coverage.used.to),
    ...priceNotesOf(benchmark.symbol, barsB, coverage.used.from, coverage.used.to),
  ];
  const ratio = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) ratio[i] = basePrices[i]! / benchmarkPrices[i]!;
  return {
    base,
    benchmark,
    dates,
    basePrices,
    benchmarkPrices,
    start,
    end,
    averagePeriod,
    ratio,
    average: sma(ratio, averagePeriod),
    returns: simpleReturns(basePrices.subarray(start, end + 1)),
    benchmarkReturns: simpleReturns(benchmarkPrices.subarray(start, end + 1)),
    coverage,
  };
}

const totalReturnOf = (p: Float64Array, c: ComparisonShape) =>
  c.end >= c.start ? p[c.end]! / p[c.start]! - 1 : Number.NaN;

const CrossoverRef = builder
  .objectRef<{ date: number; direction: "up" | "down" }>("RatioCrossover")
  .implement({
    description: "A day the relative-strength line crossed its moving average.",
    fields: (t) => ({
      date: t.field({ type: "Date", description: "First day on the new side.", resolve: (c) => c.date }),
      direction: t.string({
        description: "up: the ratio crossed above its average (the base starting to lead); down: below it.",
        resolve: (c) => c.direction,
      }),
    }),
  });

const LeadershipRef = builder.objectRef<ComparisonShape>("Leadership").implement({
  description:
    "Is the base leading, and is that turning? The ratio against its moving average on the last day of the range.",
  fields: (t) => ({
    date: t.field({
      type: "Date",
      nullable: true,
      description: "Last common day of the range.",
      resolve: (c) => (c.end >= 0 ? c.dates[c.end]! : null),
    }),
    ratio: t.float({
      nullable: true,
      description: "base / benchmark on that day.",
      resolve: (c) => finite(c.ratio[c.end]),
    }),
    average: t.float({
      nullable: true,
      description: "Its moving average over `averagePeriod` days.",
      resolve: (c) => finite(c.average[c.end]),
    }),
    ratioVsAverage: t.float({
      nullable: true,
      description: "ratio / average − 1: positive = the base is above trend (leading).",
      resolve: (c) => finite(c.ratio[c.end]! / c.average[c.end]! - 1),
    }),
    aboveAverage: t.boolean({
      nullable: true,
      description: "True when the ratio is above its average.",
      resolve: (c) => (Number.isFinite(c.average[c.end]) ? c.ratio[c.end]! > c.average[c.end]! : null),
    }),
    lastCrossover: t.field({
      type: CrossoverRef,
      nullable: true,
      description: "The most recent crossing of the ratio and its average inside the range.",
      resolve: (c) => {
        const list = crossoversOf(c);
        return list[list.length - 1] ?? null;
      },
    }),
  }),
});

function crossoversOf(c: ComparisonShape) {
  if (c.end < c.start) return [];
  const s = c.start;
  const e = c.end + 1;
  return crossovers(c.ratio.subarray(s, e), c.average.subarray(s, e), c.dates.subarray(s, e)).map((x) => ({
    date: x.date!,
    direction: x.direction,
  }));
}

function windowArg(value: number | null | undefined): number {
  return periodArg("window", value ?? 63, 2, 1000);
}

export const ComparisonRef = builder.objectRef<ComparisonShape>("Comparison");

ComparisonRef.implement({
  description:
    "The base against a benchmark over a range, on their common trading days. Day 0 is the last common close on or before the start; returns are daily simple returns of adjusted closes; annualised with 252.",
  fields: (t) => {
    /** A regression statistic of the daily returns against the benchmark's; null where undefined. */
    const statistic = (description: string, fn: (a: Float64Array, b: Float64Array) => number) =>
      t.float({ nullable: true, description, resolve: (c) => finite(fn(c.returns, c.benchmarkReturns)) });
    return {
      coverage: t.field({
        type: WindowCoverageRef,
        description:
          "Whether the common closes cover the whole requested window (STARTS_LATE: day 0 is later than asked, e.g. an ETF launched after `from`).",
        resolve: (c) => c.coverage,
      }),
      base: t.field({
        type: InstrumentRef,
        description: "The instrument compared (e.g. IWM).",
        resolve: (c) => c.base,
      }),
      benchmark: t.field({
        type: InstrumentRef,
        description: "The benchmark (e.g. SPY).",
        resolve: (c) => c.benchmark,
      }),
      startDate: t.field({
        type: "Date",
        nullable: true,
        description: "Day 0.",
        resolve: (c) => (c.end >= c.start ? c.dates[c.start]! : null),
      }),
      endDate: t.field({
        type: "Date",
        nullable: true,
        description: "Last common day.",
        resolve: (c) => (c.end >= c.start ? c.dates[c.end]! : null),
      }),
      observations: t.int({
        description: "Common trading days in the window, day 0 included.",
        resolve: (c) => Math.max(0, c.end - c.start + 1),
      }),
      baseReturn: t.float({
        nullable: true,
        description: "Total return of the base.",
        resolve: (c) => finite(totalReturnOf(c.basePrices, c)),
      }),
      benchmarkReturn: t.float({
        nullable: true,
        description: "Total return of the benchmark.",
        resolve: (c) => finite(totalReturnOf(c.benchmarkPrices, c)),
      }),
      returnGap: t.float({
        nullable: true,
        description: "Base return − benchmark return (0.05 = the base did 5 points better).",
        resolve: (c) => finite(totalReturnOf(c.basePrices, c) - totalReturnOf(c.benchmarkPrices, c)),
      }),
      averagePeriod: t.int({
        description: "Moving-average length of the ratio, trading days.",
        resolve: (c) => c.averagePeriod,
      }),
      relativeStrength: t.field({
        type: [PointRef],
        description:
          "The ratio line base / benchmark; with `rebase` (default) divided by its value on day 0, so 1.05 = 5 % ahead since the start.",
        args: {
          rebase: t.arg.boolean({ required: false, defaultValue: true, description: "Start the line at 1." }),
        },
        complexity: seriesComplexity,
        resolve: (c, args) => scaled(c, c.ratio, args.rebase ?? true),
      }),
      relativeStrengthAverage: t.field({
        type: [PointRef],
        description:
          "Moving average of the ratio line, on the same scale as `relativeStrength` with the same `rebase`.",
        args: {
          rebase: t.arg.boolean({
            required: false,
            defaultValue: true,
            description: "Scale like the rebased line.",
          }),
        },
        complexity: seriesComplexity,
        resolve: (c, args) => scaled(c, c.average, args.rebase ?? true),
      }),
      crossovers: t.field({
        type: [CrossoverRef],
        description: "Every crossing of the ratio and its moving average inside the range.",
        resolve: (c) => crossoversOf(c),
      }),
      leadership: t.field({
        type: LeadershipRef,
        description: "The ratio against its average on the last day.",
        resolve: (c) => c,
      }),
      beta: statistic("Beta of daily returns to the benchmark's.", beta),
      alpha: statistic("Jensen's alpha, annualised (risk-free 0).", alpha),
      correlation: statistic("Correlation of daily returns.", correlation),
      rSquared: statistic("R² of the regression on the benchmark.", rSquared),
      upCapture: statistic(
        "Up-market capture: geometric mean return on the benchmark's up days relative to the benchmark's.",
        upCapture,
      ),
      downCapture: statistic("Down-market capture (below 1 = falls less than the benchmark).", downCapture),
      trackingError: statistic("Annualised standard deviation of the return difference.", trackingError),
      informationRatio: statistic(
        "Annualised mean return difference over the tracking error.",
        informationRatio,
      ),
      rollingBeta: t.field({
        type: [PointRef],
        description: "Beta over a trailing window of daily returns (default 63 ≈ 3 months).",
        args: {
          window: t.arg.int({
            required: false,
            defaultValue: 63,
            description: "Window in trading days (2–1000).",
          }),
        },
        complexity: seriesComplexity,
        resolve: (c, args) => rolled(c, rollingBeta, windowArg(args.window)),
      }),
      rollingCorrelation: t.field({
        type: [PointRef],
        description: "Correlation over a trailing window of daily returns (default 63).",
        args: {
          window: t.arg.int({
            required: false,
            defaultValue: 63,
            description: "Window in trading days (2–1000).",
          }),
        },
        complexity: seriesComplexity,
        resolve: (c, args) => rolled(c, rollingCorrelation, windowArg(args.window)),
      }),
    };
  },
});

function scaled(c: ComparisonShape, values: Float64Array, rebase: boolean) {
  if (c.end < c.start) return [];
  const factor = rebase ? 1 / c.ratio[c.start]! : 1;
  const out = new Float64Array(c.end - c.start + 1);
  for (let i = c.start; i <= c.end; i++) out[i - c.start] = values[i]! * factor;
  return toPoints(c.dates.subarray(c.start, c.end + 1), out);
}

function rolled(
  c: ComparisonShape,
  fn: (a: Float64Array, b: Float64Array, w: number) => Float64Array,
  window: number,
) {
  if (c.end < c.start) return [];
  // Returns over the whole common history so the window is full from the first day of the range.
  const all = fn(simpleReturns(c.basePrices), simpleReturns(c.benchmarkPrices), window);
  return toPoints(c.dates, all, c.start + 1, c.end + 1);
}

/** The window arguments shared by `compare` and `Instrument.relativeTo`. */
const windowArgs = builder.args((t) => ({
  range: t.field({
    type: DateRangeInput,
    required: false,
    description: "The window; day 0 is the last common close on or before `from`.",
  }),
  averagePeriod: t.int({
    required: false,
    defaultValue: 50,
    description: "Moving average of the ratio, trading days (2–1000).",
  }),
}));

/** Validates the window arguments, then builds the comparison. */
function compareWithArgs(
  ctx: Context,
  base: Instrument,
  benchmark: Instrument,
  args: { range?: { from?: number | null; to?: number | null } | null; averagePeriod?: number | null },
) {
  const range = dayRange(args.range, ctx);
  return comparisonOf(
    ctx,
    base,
    benchmark,
    range,
    periodArg("averagePeriod", args.averagePeriod ?? 50, 2, 1000),
  );
}

builder.objectFields(InstrumentRef, (t) => ({
  relativeTo: t.field({
    type: ComparisonRef,
    nullable: true,
    description: "This instrument against a benchmark over a range (the same as `compare`).",
    args: {
      benchmark: t.arg.string({ required: true, description: "Benchmark symbol, e.g. SPY." }),
      ...windowArgs,
    },
    resolve: async (instrument, args, ctx) =>
      compareWithArgs(ctx, instrument, await requireInstrument(ctx, args.benchmark, "benchmark"), args),
  }),
}));

builder.queryFields((t) => ({
  compare: t.field({
    type: ComparisonRef,
    nullable: true,
    description:
      "How did `base` do against `benchmark` over a range (e.g. IWM vs SPY since 2021)? Return gap, relative-strength line and its trend, regression statistics.",
    args: {
      base: t.arg.string({ required: true, description: "Instrument compared, e.g. IWM." }),
      benchmark: t.arg.string({ required: true, description: "Benchmark, e.g. SPY." }),
      ...windowArgs,
    },
    resolve: async (_r, args, ctx) => {
      const [base, benchmark] = await Promise.all([
        requireInstrument(ctx, args.base, "base"),
        requireInstrument(ctx, args.benchmark, "benchmark"),
      ]);
      return compareWithArgs(ctx, base, benchmark, args);
    },
  }),
}));
