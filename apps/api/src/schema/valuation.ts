/**
 * Valuation: an instrument's latest snapshot and history (forward and trailing P/E, price/book, dividend
 * yield), and the gap between two instruments' forward P/E with its percentile and z-score in its own
 * history (`valuationGap`, e.g. small caps at 16x against large caps at 21x).
 */
import { valuationGap } from "@cyclelens/core";
import type { Instrument, ValuationColumns } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, dataUnavailable } from "../errors.js";
import { builder } from "./builder.js";
import { PointRef, seriesComplexity, toPoints, windowOf } from "./common.js";
import { InstrumentRef, requireInstrument } from "./instrument.js";
import { DateRangeInput, dayRange } from "./scalars.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

interface SnapshotShape {
  v: ValuationColumns;
  i: number;
}

const ValuationSnapshotRef = builder.objectRef<SnapshotShape>("ValuationSnapshot").implement({
  description: "Valuation multiples of an instrument on one date.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "Date of the snapshot.", resolve: (s) => s.v.dates[s.i]! }),
    forwardPE: t.float({
      nullable: true,
      description: "Price over next-twelve-months expected earnings.",
      resolve: (s) => finite(s.v.forwardPE[s.i]),
    }),
    trailingPE: t.float({
      nullable: true,
      description: "Price over last-twelve-months earnings.",
      resolve: (s) => finite(s.v.trailingPE[s.i]),
    }),
    priceToBook: t.float({
      nullable: true,
      description: "Price over book value.",
      resolve: (s) => finite(s.v.priceToBook[s.i]),
    }),
    dividendYield: t.float({
      nullable: true,
      description: "Dividend yield in percent (1.3 = 1.3 %).",
      resolve: (s) => finite(s.v.dividendYield[s.i]),
    }),
    source: t.string({
      description: 'Source of the latest snapshot ("demo" for the demo dataset).',
      resolve: (s) => s.v.source,
    }),
  }),
});

function valuationsOf(ctx: Context, instrument: Instrument) {
  return ctx.loaders.valuationsByInstrument.load(instrument.id);
}

export const ValuationMetricEnum = builder.enumType("ValuationMetric", {
  description: "A valuation multiple.",
  values: {
    FORWARD_PE: { value: "forwardPE", description: "Forward price/earnings." },
    TRAILING_PE: { value: "trailingPE", description: "Trailing price/earnings." },
    PRICE_TO_BOOK: { value: "priceToBook", description: "Price/book." },
    DIVIDEND_YIELD: { value: "dividendYield", description: "Dividend yield, percent." },
  } as const,
});

type Metric = "forwardPE" | "trailingPE" | "priceToBook" | "dividendYield";

builder.objectFields(InstrumentRef, (t) => ({
  valuation: t.field({
    type: ValuationSnapshotRef,
    nullable: true,
    description: "The latest valuation snapshot; null when none is stored.",
    resolve: async (instrument, _a, ctx) => {
      const v = await valuationsOf(ctx, instrument);
      return v?.dates.length ? { v, i: v.dates.length - 1 } : null;
    },
  }),
  valuationHistory: t.field({
    type: [ValuationSnapshotRef],
    description: "Valuation snapshots over a range, in date order.",
    args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to include." }) },
    complexity: seriesComplexity,
    resolve: async (instrument, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const v = await valuationsOf(ctx, instrument);
      if (!v) return [];
      const { start, end } = windowOf(v.dates, range);
      const out: SnapshotShape[] = [];
      for (let i = start; i < end; i++) out.push({ v, i });
      return out;
    },
  }),
}));

interface GapShape {
  base: Instrument;
  benchmark: Instrument;
  metric: Metric;
  gap: ReturnType<typeof valuationGap>;
  range: { from?: number; to?: number };
}

const HistoryPositionRef = builder
  .objectRef<{ value: number; percentile: number; zScore: number; mean: number; stdDev: number }>(
    "HistoryPosition",
  )
  .implement({
    description: "Where a value sits in its own history (the history includes it).",
    fields: (t) => ({
      value: t.float({ nullable: true, description: "The value.", resolve: (p) => finite(p.value) }),
      percentile: t.float({
        nullable: true,
        description: "Share of the history at or below the value, 0–100 (5 = lower only 5 % of the time).",
        resolve: (p) => finite(p.percentile),
      }),
      zScore: t.float({
        nullable: true,
        description: "(value − mean) / sample standard deviation of the history.",
        resolve: (p) => finite(p.zScore),
      }),
      mean: t.float({ nullable: true, description: "Mean of the history.", resolve: (p) => finite(p.mean) }),
      stdDev: t.float({
        nullable: true,
        description: "Sample standard deviation of the history.",
        resolve: (p) => finite(p.stdDev),
      }),
    }),
  });

const ValuationGapRef = builder.objectRef<GapShape>("ValuationGap").implement({
  description:
    "Gap between two instruments' valuation multiple (base − benchmark, and base / benchmark − 1), today and in its own history. The sparser series is carried forward onto the denser one's dates (as-of join, no look-ahead).",
  fields: (t) => ({
    base: t.field({
      type: InstrumentRef,
      description: "The instrument valued (e.g. IWM).",
      resolve: (g) => g.base,
    }),
    benchmark: t.field({
      type: InstrumentRef,
      description: "The comparison (e.g. SPY).",
      resolve: (g) => g.benchmark,
    }),
    metric: t.field({
      type: ValuationMetricEnum,
      description: "The multiple compared.",
      resolve: (g) => g.metric,
    }),
    date: t.field({
      type: "Date",
      nullable: true,
      description: "Latest date both have a value.",
      resolve: (g) => g.gap.current?.date ?? null,
    }),
    baseValue: t.float({
      nullable: true,
      description: "Base multiple on that date (e.g. 16).",
      resolve: (g) => finite(g.gap.current?.base),
    }),
    benchmarkValue: t.float({
      nullable: true,
      description: "Benchmark multiple (e.g. 21).",
      resolve: (g) => finite(g.gap.current?.benchmark),
    }),
    gap: t.field({
      type: HistoryPositionRef,
      nullable: true,
      description: "The gap in points (base − benchmark) and its position in history.",
      resolve: (g) => g.gap.current?.gap ?? null,
    }),
    relative: t.field({
      type: HistoryPositionRef,
      nullable: true,
      description:
        "The relative gap (base / benchmark − 1; −0.24 = 24 % discount) and its position in history.",
      resolve: (g) => g.gap.current?.relative ?? null,
    }),
    observations: t.int({
      description: "Dates in the history.",
      resolve: (g) => g.gap.current?.observations ?? 0,
    }),
    history: t.field({
      type: [PointRef],
      description: "The gap in points on every aligned date in the range.",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to return." }) },
      complexity: seriesComplexity,
      resolve: (g, args, ctx) => {
        const { start, end } = windowOf(g.gap.dates, dayRange(args.range, ctx));
        return toPoints(g.gap.dates, g.gap.gap, start, end);
      },
    }),
    relativeHistory: t.field({
      type: [PointRef],
      description: "The relative gap on every aligned date in the range.",
      args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to return." }) },
      complexity: seriesComplexity,
      resolve: (g, args, ctx) => {
        const { start, end } = windowOf(g.gap.dates, dayRange(args.range, ctx));
        return toPoints(g.gap.dates, g.gap.relative, start, end);
      },
    }),
  }),
});

/** How to get valuation data (forward P/E has no free source). */
export const VALUATION_HINT =
  "valuation snapshots have no free data source: import them with `pnpm ingest --csv <file> --kind valuation` (format in packages/ingest/README.md) or the recordValuations mutation";

/** Symbols among `instruments` with no stored value of `metric` (the reason a valuation gap cannot be computed). */
export async function missingValuations(
  ctx: Context,
  instruments: Instrument[],
  metric: Metric = "forwardPE",
): Promise<Instrument[]> {
  const all = await Promise.all(instruments.map((i) => valuationsOf(ctx, i)));
  return instruments.filter((_, k) => {
    const v = all[k];
    return !v?.[metric].some((x) => Number.isFinite(x));
  });
}

/** Computes the valuation gap of two instruments' multiple (shared with the rotation signal). */
export async function gapOf(
  ctx: Context,
  base: Instrument,
  benchmark: Instrument,
  metric: Metric = "forwardPE",
) {
  const [a, b] = await Promise.all([valuationsOf(ctx, base), valuationsOf(ctx, benchmark)]);
  const empty = { dates: new Int32Array(0), values: new Float64Array(0) };
  const series = (v: ValuationColumns | null) => (v ? { dates: v.dates, values: v[metric] } : empty);
  return valuationGap(series(a), series(b));
}

builder.queryFields((t) => ({
  valuationGap: t.field({
    type: ValuationGapRef,
    nullable: true,
    description:
      "The valuation gap between two instruments (default IWM against SPY on forward P/E), its percentile and z-score in its own history. DATA_UNAVAILABLE (naming base or benchmark) when either has no values of the metric stored.",
    args: {
      base: t.arg.string({
        required: false,
        defaultValue: "IWM",
        description: "Instrument valued (default IWM).",
      }),
      benchmark: t.arg.string({
        required: false,
        defaultValue: "SPY",
        description: "Comparison (default SPY).",
      }),
      metric: t.arg({
        type: ValuationMetricEnum,
        required: false,
        defaultValue: "forwardPE",
        description: "Multiple (default forward P/E).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "History to rank against (default: all).",
      }),
    },
    resolve: async (_r, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const [base, benchmark] = await Promise.all([
        requireInstrument(ctx, args.base ?? "IWM", "base"),
        requireInstrument(ctx, args.benchmark ?? "SPY", "benchmark"),
      ]);
      if (base.id === benchmark.id) throw badInput("benchmark", "must differ from base");
      const metric = (args.metric ?? "forwardPE") as Metric;
      const missing = await missingValuations(ctx, [base, benchmark], metric);
      if (missing.length > 0) {
        const argument = missing[0] === base ? "base" : "benchmark";
        throw dataUnavailable(
          argument,
          `No ${metric} values are stored for ${missing.map((i) => i.symbol).join(" and ")}: ${VALUATION_HINT}.`,
        );
      }
      let gap = await gapOf(ctx, base, benchmark, metric);
      if (range.from !== undefined || range.to !== undefined) {
        const [a, b] = await Promise.all([valuationsOf(ctx, base), valuationsOf(ctx, benchmark)]);
        const cut = (v: ValuationColumns | null) => {
          if (!v) return { dates: new Int32Array(0), values: new Float64Array(0) };
          const w = windowOf(v.dates, range);
          return { dates: v.dates.subarray(w.start, w.end), values: v[metric].subarray(w.start, w.end) };
        };
        gap = valuationGap(cut(a), cut(b));
      }
      if (!gap.current) {
        const ranged = range.from !== undefined || range.to !== undefined;
        throw dataUnavailable(
          ranged ? "range" : "benchmark",
          `${base.symbol} and ${benchmark.symbol} have no date with both ${metric} values${ranged ? " inside the range" : ""}.`,
        );
      }
      return { base, benchmark, metric, gap, range };
    },
  }),
}));
