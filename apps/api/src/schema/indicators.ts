/**
 * Technical indicators on an instrument: SMA, EMA, RSI, MACD, Bollinger bands, ATR and rate of change.
 *
 * Convention: every indicator is computed on the instrument's whole stored history and then cut to the
 * requested range, so the first points of a range are real values rather than warm-up gaps; points whose
 * look-back is not yet full at the start of the history are null. Prices: the chosen column, adjusted
 * close by default (ATR uses high, low and close as traded).
 */
import { atr, bollingerBands, ema, macd, roc, rsi, sma } from "@cyclelens/core";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { builder } from "./builder.js";
import { PointRef, seriesComplexity, toPoints, windowOf } from "./common.js";
import { barsOf, InstrumentRef, type PriceField, PriceFieldEnum, priceSeries } from "./instrument.js";
import { DateRangeInput, dayRange } from "./scalars.js";

/** Longest look-back any indicator accepts. */
export const MAX_PERIOD = 1_000;

/** Validates a look-back argument: an integer in [min, MAX_PERIOD]. */
export function periodArg(argument: string, value: number, min = 1, max = MAX_PERIOD): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be an integer from ${min} to ${max} (got ${value})`);
  }
  return value;
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

interface MultiPoint {
  date: number;
  values: Record<string, number>;
}

const MacdPointRef = builder.objectRef<MultiPoint>("MacdPoint").implement({
  description:
    "MACD on one date: the line (fast EMA − slow EMA), its signal EMA and the histogram (line − signal).",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The date.", resolve: (p) => p.date }),
    macd: t.float({ nullable: true, description: "MACD line.", resolve: (p) => num(p.values.macd!) }),
    signal: t.float({ nullable: true, description: "Signal line.", resolve: (p) => num(p.values.signal!) }),
    histogram: t.float({
      nullable: true,
      description: "Histogram; its sign change marks a MACD/signal crossover.",
      resolve: (p) => num(p.values.histogram!),
    }),
  }),
});

const BollingerPointRef = builder.objectRef<MultiPoint>("BollingerPoint").implement({
  description:
    "Bollinger bands on one date: the SMA and the bands k population standard deviations above and below.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The date.", resolve: (p) => p.date }),
    middle: t.float({
      nullable: true,
      description: "Middle band (SMA).",
      resolve: (p) => num(p.values.middle!),
    }),
    upper: t.float({ nullable: true, description: "Upper band.", resolve: (p) => num(p.values.upper!) }),
    lower: t.float({ nullable: true, description: "Lower band.", resolve: (p) => num(p.values.lower!) }),
    percentB: t.float({
      nullable: true,
      description: "%B: where the price sits between the bands (0 = lower, 1 = upper).",
      resolve: (p) => num(p.values.percentB!),
    }),
  }),
});

function multiPoints(
  dates: Int32Array,
  columns: Record<string, Float64Array>,
  start: number,
  end: number,
): MultiPoint[] {
  const names = Object.keys(columns);
  const out: MultiPoint[] = [];
  for (let i = start; i < end; i++) {
    const values: Record<string, number> = {};
    for (const name of names) values[name] = columns[name]![i]!;
    out.push({ date: dates[i]!, values });
  }
  return out;
}

async function computed(
  ctx: Context,
  instrument: Parameters<typeof barsOf>[1],
  field: PriceField,
  rangeArg: { from?: number | null; to?: number | null } | null | undefined,
) {
  const range = dayRange(rangeArg, ctx);
  const bars = await barsOf(ctx, instrument);
  const series = priceSeries(bars, field);
  return { bars, series, window: windowOf(series.dates, range) };
}

builder.objectFields(InstrumentRef, (t) => {
  const rangeArg = () => t.arg({ type: DateRangeInput, required: false, description: "Dates to return." });
  const fieldArg = () =>
    t.arg({
      type: PriceFieldEnum,
      required: false,
      defaultValue: "adjClose",
      description: "Price column (adjusted close by default).",
    });
  const periodArgOf = (defaultValue: number, description: string) =>
    t.arg.int({ required: false, defaultValue, description: `${description} (1–${MAX_PERIOD}).` });
  /** A one-line indicator of the price: `period` is required unless it has a default. */
  const line = (
    description: string,
    fn: (values: Float64Array, period: number) => Float64Array,
    defaultPeriod?: number,
  ) =>
    t.field({
      type: [PointRef],
      description,
      args: {
        period: t.arg.int({
          required: defaultPeriod === undefined,
          defaultValue: defaultPeriod,
          description: `Look-back in trading days (1–${MAX_PERIOD}).`,
        }),
        field: fieldArg(),
        range: rangeArg(),
      },
      complexity: seriesComplexity,
      resolve: async (instrument, args, ctx) => {
        const period = periodArg("period", args.period ?? defaultPeriod ?? Number.NaN);
        const { series, window } = await computed(ctx, instrument, args.field as PriceField, args.range);
        return toPoints(series.dates, fn(series.values, period), window.start, window.end);
      },
    });
  return {
    sma: line("Simple moving average: mean of the last `period` prices.", sma),
    ema: line(
      "Exponential moving average with α = 2 / (period + 1), seeded with the SMA of the first `period` prices.",
      ema,
    ),
    rsi: line(
      "Wilder's relative strength index, 0–100 (above 70 overbought, below 30 oversold by the usual reading).",
      rsi,
      14,
    ),
    roc: line("Rate of change in percent: 100 × (price / price `period` days earlier − 1).", roc),
    macd: t.field({
      type: [MacdPointRef],
      description: "MACD (Appel): fast EMA − slow EMA, its signal EMA and the histogram.",
      args: {
        fast: periodArgOf(12, "Fast EMA period"),
        slow: periodArgOf(26, "Slow EMA period, greater than `fast`"),
        signal: periodArgOf(9, "Signal EMA period"),
        field: fieldArg(),
        range: rangeArg(),
      },
      complexity: seriesComplexity,
      resolve: async (instrument, args, ctx) => {
        const fast = periodArg("fast", args.fast ?? 12);
        const slow = periodArg("slow", args.slow ?? 26);
        const signal = periodArg("signal", args.signal ?? 9);
        if (fast >= slow) throw badInput("fast", `must be less than slow (${fast} ≥ ${slow})`);
        const { series, window } = await computed(ctx, instrument, args.field as PriceField, args.range);
        const m = macd(series.values, fast, slow, signal);
        return multiPoints(
          series.dates,
          { macd: m.macd, signal: m.signal, histogram: m.histogram },
          window.start,
          window.end,
        );
      },
    }),
    bollinger: t.field({
      type: [BollingerPointRef],
      description: "Bollinger bands: SMA(period) ± k × population standard deviation over the same window.",
      args: {
        period: periodArgOf(20, "Look-back in trading days"),
        k: t.arg.float({
          required: false,
          defaultValue: 2,
          description: "Band width in standard deviations (0–10).",
        }),
        field: fieldArg(),
        range: rangeArg(),
      },
      complexity: seriesComplexity,
      resolve: async (instrument, args, ctx) => {
        const period = periodArg("period", args.period ?? 20);
        const k = args.k ?? 2;
        if (!(k >= 0 && k <= 10)) throw badInput("k", `must be between 0 and 10 (got ${k})`);
        const { series, window } = await computed(ctx, instrument, args.field as PriceField, args.range);
        const b = bollingerBands(series.values, period, k);
        return multiPoints(
          series.dates,
          { middle: b.middle, upper: b.upper, lower: b.lower, percentB: b.percentB },
          window.start,
          window.end,
        );
      },
    }),
    atr: t.field({
      type: [PointRef],
      description: "Wilder's average true range, in price units: the typical daily range including gaps.",
      args: { period: periodArgOf(14, "Look-back in trading days"), range: rangeArg() },
      complexity: seriesComplexity,
      resolve: async (instrument, args, ctx) => {
        const period = periodArg("period", args.period ?? 14);
        const { bars, window } = await computed(ctx, instrument, "close", args.range);
        return toPoints(bars.dates, atr(bars.high, bars.low, bars.close, period), window.start, window.end);
      },
    }),
  };
});
