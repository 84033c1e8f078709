/**
 * Instruments (ETFs and indexes), their daily bars as a Relay connection, and compact price series.
 * Other domain files add analytic fields to `Instrument` (performance, indicators, relative, valuation…).
 */

import type { Series } from "@cyclelens/core";
import { formatISODate } from "@cyclelens/core";
import type { BarColumns, Instrument } from "@cyclelens/db";
import type { Context } from "../context.js";
import { badInput, notFound } from "../errors.js";
import { builder } from "./builder.js";
import { PointRef, pointsInRange, seriesCost, toPoints, windowOf } from "./common.js";
import { DateRangeInput, dayRange } from "./scalars.js";

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
  if (!m) throw badInput(argument, "is not a cursor returned by this connection");
  return (
    Date.UTC(Number(m[1]!.slice(0, 4)), Number(m[1]!.slice(5, 7)) - 1, Number(m[1]!.slice(8, 10))) /
    86_400_000
  );
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
      resolve: (i) => (i.inceptionDate ? Date.parse(i.inceptionDate) / 86_400_000 : null),
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
        extensions: {
          cost: {
            points: (args: Record<string, unknown>) =>
              Math.min(
                (args.first as number | undefined) ?? (args.last as number | undefined) ?? DEFAULT_PAGE,
                pointsInRange(args.range),
              ),
          },
        },
        resolve: async (instrument, args, ctx) => {
          const range = dayRange(args.range, ctx);
          for (const name of ["first", "last"] as const) {
            const v = args[name];
            if (v != null && (v < 0 || v > MAX_PAGE))
              throw badInput(name, `must be between 0 and ${MAX_PAGE} (got ${v})`);
          }
          const bars = await barsOf(ctx, instrument);
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
      extensions: seriesCost,
      resolve: async (instrument, args, ctx) => {
        const range = dayRange(args.range, ctx);
        const bars = await barsOf(ctx, instrument);
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
    description:
      "One instrument by ticker symbol (case-insensitive). Unknown symbols give a NOT_FOUND error.",
    args: { symbol: t.arg.string({ required: true, description: "Ticker symbol, e.g. IWM, SPY, ^RUT." }) },
    resolve: (_root, args, ctx) => requireInstrument(ctx, args.symbol),
  }),
  instruments: t.field({
    type: [InstrumentRef],
    description:
      "Instruments ordered by symbol, optionally filtered. With `symbols`, unknown symbols give a NOT_FOUND error.",
    args: {
      filter: t.arg({ type: InstrumentFilterInput, required: false, description: "Conditions to match." }),
    },
    extensions: {
      cost: {
        multiplier: (args: Record<string, unknown>) =>
          ((args.filter as { symbols?: string[] } | undefined)?.symbols?.length ?? 10) || 1,
      },
    },
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

/**
 * The series used for returns: adjusted close where the instrument has it, else the close (indexes and
 * Stooq data carry no separate adjusted close). `field` picks another column explicitly.
 */
export function priceSeries(bars: BarColumns, field: PriceField = "adjClose"): Series {
  if (field === "adjClose") {
    const adj = bars.adjClose;
    let valid = 0;
    for (let i = 0; i < adj.length; i++) if (!Number.isNaN(adj[i]!)) valid++;
    if (valid === 0 && adj.length > 0) return { dates: bars.dates, values: bars.close };
  }
  return { dates: bars.dates, values: bars[field] };
}

/** The instrument's price series (adjusted close by default) for this request. */
export async function pricesOf(ctx: Context, instrument: Instrument, field?: PriceField): Promise<Series> {
  return priceSeries(await barsOf(ctx, instrument), field);
}
