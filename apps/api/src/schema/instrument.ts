/**
 * Instruments (ETFs and indexes), their daily bars as a Relay connection, and compact price series.
 * Other domain files add analytic fields to `Instrument` (performance, indicators, relative, valuation…).
 */

import {
  type AdjustedCloses,
  adjustedCloses,
  formatISODate,
  isISODate,
  isoToEpochDay,
  type Series,
} from "@cyclelens/core";
import type { BarColumns, Instrument } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, notFound } from "../errors.js";
import { sliceBars } from "../loaders.js";
import { builder } from "./builder.js";
import { PointRef, pointsInRange, seriesComplexity, toPoints, windowOf } from "./common.js";
import { DateRangeInput, type DayRange, dayRange } from "./scalars.js";

export const InstrumentKindEnum = builder.enumType("InstrumentKind", {
  description: "What an instrument is.",
  values: {
    ETF: { value: "ETF", description: "An exchange-traded fund (IWM, SPY, KRE, QQQ…)." },
    INDEX: { value: "INDEX", description: "A market index (^RUT, ^GSPC); indexes have no volume." },
  } as const,
});

export const PriceFieldEnum = builder.enumType("PriceField", {
  description: "A column of the daily bars.",
  values: {
    OPEN: { value: "open", description: "Opening price." },
    HIGH: { value: "high", description: "Highest price of the day." },
    LOW: { value: "low", description: "Lowest price of the day." },
    CLOSE: { value: "close", description: "Closing price as traded (not adjusted)." },
    ADJ_CLOSE: {
      value: "adjClose",
      description: "Closing price adjusted for dividends and splits: the price used for returns.",
    },
    VOLUME: { value: "volume", description: "Shares traded (null for indexes)." },
  } as const,
});

export type PriceField = "open" | "high" | "low" | "close" | "adjClose" | "volume";

export const InstrumentRef = builder.objectRef<Instrument>("Instrument");

/** Resolves a symbol argument to an instrument or throws NOT_FOUND naming it. */
export async function requireInstrument(
  ctx: Context,
  symbol: string,
  argument = "symbol",
): Promise<Instrument> {
  const trimmed = symbol.trim();
  if (!trimmed) throw badInput(argument, "must be a ticker symbol such as IWM");
  const instrument = await ctx.loaders.instrumentBySymbol.load(trimmed);
  if (!instrument) throw notFound("instrument", trimmed, "`instruments` lists the known symbols", argument);
  return instrument;
}

/** Resolves a list of symbols (bounded by `maxSymbols`), in the order asked, without duplicates. */
export async function requireInstruments(ctx: Context, symbols: readonly string[], argument = "symbols") {
  const unique = [...new Set(symbols.map((s) => s.trim().toUpperCase()))];
  if (unique.length > ctx.config.limits.maxSymbols) {
    throw badInput(argument, `lists ${unique.length} symbols; the limit is ${ctx.config.limits.maxSymbols}`);
  }
  return Promise.all(unique.map((s) => requireInstrument(ctx, s, argument)));
}

/** The instrument's whole daily history (read once per request). */
export function barsOf(ctx: Context, instrument: Instrument): Promise<BarColumns> {
  return ctx.loaders.barsByInstrument.load(instrument.id);
}

/**
 * The instrument's bars inside `range` only, for fields that show stored rows as they are (`series`, `bars`):
 * with the history cache on (or when another field of the request reads the whole history), a slice of the whole
 * history; otherwise a window read of exactly the range (all windows of the request in one statement), so a
 * 5-year answer does not read 25 years.
 */
export async function barsInRange(
  ctx: Context,
  instrument: Instrument,
  range: DayRange,
): Promise<BarColumns> {
  if (ctx.loaders.historyCached) return sliceBars(await barsOf(ctx, instrument), range);
  return ctx.loaders.barsByWindow.load({ id: instrument.id, from: range.from, to: range.to });
}

interface BarShape {
  bars: BarColumns;
  index: number;
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

const BarRef = builder.objectRef<BarShape>("Bar").implement({
  description: "One trading day of an instrument. Prices in the instrument's currency.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The trading day.", resolve: (b) => b.bars.dates[b.index]! }),
    open: t.float({
      nullable: true,
      description: "Opening price.",
      resolve: (b) => num(b.bars.open[b.index]!),
    }),
    high: t.float({
      nullable: true,
      description: "Highest price.",
      resolve: (b) => num(b.bars.high[b.index]!),
    }),
    low: t.float({ nullable: true, description: "Lowest price.", resolve: (b) => num(b.bars.low[b.index]!) }),
    close: t.float({ description: "Closing price as traded.", resolve: (b) => b.bars.close[b.index]! }),
    adjClose: t.float({
      nullable: true,
      description: "Close adjusted for dividends and splits.",
      resolve: (b) => num(b.bars.adjClose[b.index]!),
    }),
    volume: t.float({
      nullable: true,
      description: "Shares traded; null for indexes.",
      resolve: (b) => num(b.bars.volume[b.index]!),
    }),
  }),
});

const MAX_PAGE = 10_000;
const DEFAULT_PAGE = 1_000;
const cursorOf = (day: number) => Buffer.from(`bar:${formatISODate(day)}`).toString("base64url");

function dayOfCursor(cursor: string, argument: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^bar:(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m || !isISODate(m[1])) throw badInput(argument, "is not a cursor returned by this connection");
  return isoToEpochDay(m[1]);
}

InstrumentRef.implement({
  description:
    "An ETF or an index with its daily history. Analytic fields compute on that history on request.",
  fields: (t) => ({
    symbol: t.exposeString("symbol", { description: "Ticker symbol, upper case (IWM, SPY, ^RUT)." }),
    name: t.exposeString("name", { description: "Full name." }),
    kind: t.field({ type: InstrumentKindEnum, description: "ETF or index.", resolve: (i) => i.kind }),
    segment: t.exposeString("segment", {
      description: "Market segment: small_cap, large_cap, regional_banks, tech, broad…",
    }),
    benchmark: t.field({
      type: InstrumentRef,
      nullable: true,
      description: "The index this instrument tracks (IWM → ^RUT), when it is known to CycleLens.",
      resolve: (i, _args, ctx) =>
        i.benchmarkSymbol ? ctx.loaders.instrumentBySymbol.load(i.benchmarkSymbol) : null,
    }),
    inception: t.field({
      type: "Date",
      nullable: true,
      description: "Inception (launch) date of the fund or index.",
      resolve: (i) => (i.inceptionDate ? isoToEpochDay(i.inceptionDate) : null),
    }),
    currency: t.exposeString("currency", { description: "Currency of the prices (ISO 4217)." }),
    provenance: t.exposeString("provenance", {
      description:
        'Where this instrument\'s data comes from: "demo" for the generated demo dataset, otherwise the provider (yahoo, stooq, csv…).',
    }),
    isDemo: t.boolean({
      description: "True when the data is the generated demo dataset, not real market data.",
      resolve: (i) => i.provenance === "demo",
    }),
    firstDate: t.field({
      type: "Date",
      nullable: true,
      description: "First trading day stored.",
      resolve: async (i, _a, ctx) => (await barsOf(ctx, i)).dates[0] ?? null,
    }),
    lastDate: t.field({
      type: "Date",
      nullable: true,
      description: "Last trading day stored.",
      resolve: async (i, _a, ctx) => {
        const { dates } = await barsOf(ctx, i);
        return dates.length ? dates[dates.length - 1]! : null;
      },
    }),
    bars: t.connection(
      {
        type: BarRef,
        description: `Daily bars in date order, paginated (first/after forward, last/before backward; at most ${MAX_PAGE} per page, ${DEFAULT_PAGE} by default).`,
        args: { range: t.arg({ type: DateRangeInput, required: false, description: "Dates to include." }) },
        complexity: (args, ctx) => ({
          field: 1,
          multiplier: Math.max(
            1,
            Math.min(args.first ?? args.last ?? DEFAULT_PAGE, MAX_PAGE, pointsInRange(args.range, ctx)),
          ),
        }),
        resolve: async (instrument, args, ctx) => {
          const range = dayRange(args.range, ctx);
          for (const name of ["first", "last"] as const) {
            const v = args[name];
            if (v != null && (v < 0 || v > MAX_PAGE))
              throw badInput(name, `must be between 0 and ${MAX_PAGE} (got ${v})`);
          }
          const bars = await barsInRange(ctx, instrument, range);
          let { start, end } = windowOf(bars.dates, range);
          const rangeStart = start;
          const rangeEnd = end;
          if (args.after)
            start = Math.max(start, windowOf(bars.dates, { to: dayOfCursor(args.after, "after") }).end);
          if (args.before)
            end = Math.min(end, windowOf(bars.dates, { from: dayOfCursor(args.before, "before") }).start);
          if (end < start) end = start;
          if (args.last != null && args.first == null) start = Math.max(start, end - args.last);
          else end = Math.min(end, start + (args.first ?? DEFAULT_PAGE));
          const edges = [];
          for (let i = start; i < end; i++)
            edges.push({ cursor: cursorOf(bars.dates[i]!), node: { bars, index: i } });
          const connection = {
            totalCount: rangeEnd - rangeStart,
            edges,
            pageInfo: {
              hasNextPage: end < rangeEnd,
              hasPreviousPage: start > rangeStart,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges[edges.length - 1]?.cursor ?? null,
            },
          };
          return connection;
        },
      },
      {
        description: "A page of daily bars.",
        fields: (c) => ({
          totalCount: c.int({
            description: "Number of bars in the whole range (all pages).",
            resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
      { description: "A daily bar and its cursor." },
    ),
    series: t.field({
      type: [PointRef],
      description: "One column of the daily bars over a range as compact date/value points, for charts.",
      args: {
        field: t.arg({
          type: PriceFieldEnum,
          required: false,
          defaultValue: "adjClose",
          description: "Which column.",
        }),
        range: t.arg({ type: DateRangeInput, required: false, description: "Dates to include." }),
      },
      complexity: seriesComplexity,
      resolve: async (instrument, args, ctx) => {
        const range = dayRange(args.range, ctx);
        const bars = await barsInRange(ctx, instrument, range);
        const { start, end } = windowOf(bars.dates, range);
        return toPoints(bars.dates, bars[(args.field ?? "adjClose") as PriceField], start, end);
      },
    }),
  }),
});

const InstrumentFilterInput = builder.inputType("InstrumentFilter", {
  description: "Narrows the instrument list; all given conditions must hold.",
  fields: (t) => ({
    kind: t.field({ type: InstrumentKindEnum, required: false, description: "Only ETFs or only indexes." }),
    segment: t.string({ required: false, description: "Only this segment (small_cap, large_cap, …)." }),
    symbols: t.stringList({ required: false, description: "Only these symbols (case-insensitive)." }),
  }),
});

builder.queryFields((t) => ({
  instrument: t.field({
    type: InstrumentRef,
    nullable: true,
    description:
      "One instrument by ticker symbol (case-insensitive). Unknown symbols give a NOT_FOUND error.",
    args: { symbol: t.arg.string({ required: true, description: "Ticker symbol, e.g. IWM, SPY, ^RUT." }) },
    resolve: (_root, args, ctx) => requireInstrument(ctx, args.symbol),
  }),
  instruments: t.field({
    type: [InstrumentRef],
    nullable: true,
    description:
      "Instruments ordered by symbol, optionally filtered. With `symbols`, unknown symbols give a NOT_FOUND error.",
    args: {
      filter: t.arg({ type: InstrumentFilterInput, required: false, description: "Conditions to match." }),
    },
    complexity: (args, ctx) => ({
      field: 1,
      multiplier: Math.max(1, args.filter?.symbols?.length ?? ctx.shape.instruments ?? 10),
    }),
    resolve: async (_root, args, ctx) => {
      const filter = args.filter ?? {};
      let list = filter.symbols
        ? await requireInstruments(ctx, filter.symbols, "filter.symbols")
        : await ctx.loaders.allInstruments();
      if (filter.kind) list = list.filter((i) => i.kind === filter.kind);
      if (filter.segment) list = list.filter((i) => i.segment === filter.segment);
      return filter.symbols ? list : [...list].sort((a, b) => a.symbol.localeCompare(b.symbol));
    },
  }),
}));

/** The adjusted-close splice of each cached bar history (computed once per history, shared by requests). */
const adjustedByBars = new WeakMap<BarColumns, AdjustedCloses>();

/** The spliced adjusted closes of `bars` (see @cyclelens/core's `adjustedCloses`). */
export function adjustedOf(bars: BarColumns): AdjustedCloses {
  let hit = adjustedByBars.get(bars);
  if (!hit) {
    hit = adjustedCloses(bars.close, bars.adjClose);
    adjustedByBars.set(bars, hit);
  }
  return hit;
}

/**
 * The series used for returns: the adjusted close, spliced where a row has none with the close times the
 * nearest adjustment factor (`adjustedCloses`); the close itself for instruments with no adjusted close at all
 * (indexes, Stooq). `field` picks another column explicitly.
 */
export function priceSeries(bars: BarColumns, field: PriceField = "adjClose"): Series {
  if (field === "adjClose") return { dates: bars.dates, values: adjustedOf(bars).values };
  return { dates: bars.dates, values: bars[field] };
}

/**
 * What a reader must know about the prices of `symbol` between two dates: closes without an adjusted close
 * (scaled, so dividends there are missing), or no adjusted close at all (price returns). Empty when every close
 * in the span is adjusted.
 */
export function priceNotesOf(symbol: string, bars: BarColumns, from: number, to: number): string[] {
  const a = adjustedOf(bars);
  if (a.fromCloseCount === 0) return [];
  if (a.adjustedCount === 0)
    return [`${symbol} has no adjusted close: its returns are price returns, without dividends`];
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < bars.dates.length; i++) {
    const d = bars.dates[i]!;
    if (d < from || d > to || a.fromClose[i] !== 1) continue;
    count++;
    if (first < 0) first = d;
    last = d;
  }
  if (count === 0) return [];
  return [
    `${symbol} has no adjusted close on ${count} of these closes (${formatISODate(first)} to ${formatISODate(last)}): they are closes scaled by the adjustment factor of the nearest adjusted close, so dividends and splits in those days are missing`,
  ];
}

const PriceBasisStatusEnum = builder.enumType("PriceBasisStatus", {
  description: "Which prices an instrument's returns are computed on.",
  values: {
    ADJUSTED: { value: "adjusted", description: "Every close has an adjusted close: total returns." },
    PARTLY_FROM_CLOSE: {
      value: "partly",
      description:
        "Some closes have no adjusted close (e.g. a file without one imported after one with it): those closes are scaled by the nearest adjustment factor, so their dividends and splits are missing.",
    },
    CLOSE_ONLY: {
      value: "close-only",
      description: "No adjusted close at all (indexes, Stooq data): price returns, without dividends.",
    },
  } as const,
});

const PriceBasisRef = builder.objectRef<{ symbol: string; bars: BarColumns }>("PriceBasis").implement({
  description:
    "Whether an instrument's returns rest on adjusted closes. Every return analytic uses the adjusted close, spliced with scaled closes where a row has none.",
  fields: (t) => ({
    status: t.field({
      type: PriceBasisStatusEnum,
      description: "ADJUSTED, PARTLY_FROM_CLOSE or CLOSE_ONLY.",
      resolve: ({ bars }) => {
        const a = adjustedOf(bars);
        return a.fromCloseCount === 0 ? "adjusted" : a.adjustedCount === 0 ? "close-only" : "partly";
      },
    }),
    adjustedCloses: t.int({
      description: "Closes with an adjusted close.",
      resolve: ({ bars }) => adjustedOf(bars).adjustedCount,
    }),
    scaledCloses: t.int({
      description:
        "Closes without one, used scaled by the nearest adjustment factor (or as they are when none exists).",
      resolve: ({ bars }) => adjustedOf(bars).fromCloseCount,
    }),
    note: t.string({
      nullable: true,
      description: "What that means for returns; null when every close is adjusted.",
      resolve: ({ symbol, bars }) =>
        priceNotesOf(symbol, bars, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)[0] ?? null,
    }),
  }),
});

builder.objectFields(InstrumentRef, (t) => ({
  priceBasis: t.field({
    type: PriceBasisRef,
    description: "Whether this instrument's returns rest on adjusted closes, and where they do not.",
    resolve: async (instrument, _a, ctx) => ({
      symbol: instrument.symbol,
      bars: await barsOf(ctx, instrument),
    }),
  }),
}));

/** The instrument's price series (adjusted close by default) for this request. */
export async function pricesOf(ctx: Context, instrument: Instrument, field?: PriceField): Promise<Series> {
  return priceSeries(await barsOf(ctx, instrument), field);
}
