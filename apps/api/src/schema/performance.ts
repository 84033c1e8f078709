/**
 * Performance and risk of one instrument over a window: `Instrument.performance`, `periodReturns`,
 * `calendarYearReturns` and `drawdown` (from the peak inside a window, e.g. KRE against its 2022 peak).
 *
 * Window convention (from @cyclelens/core): entry = last adjusted close on or before `range.from`
 * (day 0), exit = last adjusted close on or before `range.to`; statistics use the daily returns
 * between them; annualisation with 252 trading days; CAGR over calendar days / 365.25.
 */
import {
  annualizedVolatility,
  cagr,
  calendarYearReturns,
  calmarRatio,
  downsideDeviation,
  drawdownFromPeak,
  formatISODate,
  historicalCVaR,
  historicalVaR,
  indexOnOrBefore,
  maxDrawdown,
  periodReturns,
  type Series,
  sharpeRatio,
  simpleReturns,
  sortinoRatio,
  ulcerIndex,
} from "@cyclelens/core";
import type { Context } from "../context.js";
import { badInput, dataUnavailable, userInput } from "../errors.js";
import { builder } from "./builder.js";
import {
  type CoverageShape,
  PointRef,
  seriesComplexity,
  toPoints,
  WindowCoverageRef,
  windowOf,
} from "./common.js";
import { observationsOf, requireSeries } from "./economic.js";
import { barsOf, InstrumentRef, priceNotesOf, priceSeries, pricesOf } from "./instrument.js";
import { DateRangeInput, type DayRange, dayRange } from "./scalars.js";

/**
 * The window of `series` from the day-0 entry to the exit, with its coverage; DATA_UNAVAILABLE (naming
 * `argument`) when no close of `subject` falls inside the window.
 */
export function coveredWindow(
  series: Series,
  range: DayRange,
  subject: string,
  argument = "range",
): { window: Series; coverage: CoverageShape } {
  const window = entryWindow(series, range);
  const n = series.dates.length;
  if (window.dates.length === 0) {
    const available = n
      ? { from: formatISODate(series.dates[0]!), to: formatISODate(series.dates[n - 1]!) }
      : null;
    throw dataUnavailable(
      argument,
      available
        ? `${subject} has no close inside the window; its data run ${available.from} to ${available.to}`
        : `${subject} has no closes stored`,
      available,
    );
  }
  return {
    window,
    coverage: {
      subject,
      requested: range,
      available: { first: series.dates[0]!, last: series.dates[n - 1]! },
      used: { from: window.dates[0]!, to: window.dates[window.dates.length - 1]! },
    },
  };
}

/** The window of `series` from the day-0 entry (last value on or before `from`) to the exit. */
export function entryWindow(series: Series, range: DayRange): Series {
  const n = series.dates.length;
  let start = range.from === undefined ? 0 : indexOnOrBefore(series.dates, range.from);
  if (start < 0) start = 0; // the range starts before the data: the first observation is day 0 (coverage says so)
  const end = range.to === undefined ? n - 1 : indexOnOrBefore(series.dates, range.to);
  if (end < start) return { dates: series.dates.subarray(0, 0), values: series.values.subarray(0, 0) };
  return { dates: series.dates.subarray(start, end + 1), values: series.values.subarray(start, end + 1) };
}

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

interface DrawdownShape {
  depth: number;
  peakDate: number | null;
  troughDate: number | null;
  recoveryDate: number | null;
}

const MaxDrawdownRef = builder.objectRef<DrawdownShape>("MaxDrawdown").implement({
  description: "The deepest fall from a running peak inside a window, with its dates.",
  fields: (t) => ({
    depth: t.float({
      nullable: true,
      description: "Depth as a fraction ≤ 0 (−0.25 = 25 % below the peak); null without data.",
      resolve: (d) => finite(d.depth),
    }),
    peakDate: t.field({
      type: "Date",
      nullable: true,
      description: "The peak before the trough.",
      resolve: (d) => d.peakDate,
    }),
    troughDate: t.field({
      type: "Date",
      nullable: true,
      description: "The deepest point.",
      resolve: (d) => d.troughDate,
    }),
    recoveryDate: t.field({
      type: "Date",
      nullable: true,
      description: "First close back at or above the peak; null while not recovered.",
      resolve: (d) => d.recoveryDate,
    }),
  }),
});

interface PerformanceShape {
  prices: Series;
  returns: Float64Array;
  riskFree: number | Series;
  coverage: CoverageShape;
}

const PerformanceRef = builder.objectRef<PerformanceShape>("Performance").implement({
  description:
    "Return and risk over a window. Day 0 is the last adjusted close on or before the start date; the exit is the last adjusted close on or before the end date; ratios are annualised with 252 trading days. Undefined figures (e.g. the Sharpe ratio of a constant series) are null.",
  fields: (t) => ({
    coverage: t.field({
      type: WindowCoverageRef,
      description:
        "Whether the data cover the whole requested window (STARTS_LATE: day 0 is later than asked).",
      resolve: (p) => p.coverage,
    }),
    startDate: t.field({
      type: "Date",
      nullable: true,
      description: "Date of the entry close (day 0).",
      resolve: (p) => p.prices.dates[0] ?? null,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description: "Date of the exit close.",
      resolve: (p) => p.prices.dates[p.prices.dates.length - 1] ?? null,
    }),
    startValue: t.float({
      nullable: true,
      description: "Entry price.",
      resolve: (p) => finite(p.prices.values[0]),
    }),
    endValue: t.float({
      nullable: true,
      description: "Exit price.",
      resolve: (p) => finite(p.prices.values[p.prices.values.length - 1]),
    }),
    observations: t.int({
      description: "Number of daily closes in the window, day 0 included.",
      resolve: (p) => p.prices.dates.length,
    }),
    totalReturn: t.float({
      nullable: true,
      description: "Exit / entry − 1, as a fraction (0.12 = +12 %).",
      resolve: (p) => {
        const v = p.prices.values;
        return v.length ? finite(v[v.length - 1]! / v[0]! - 1) : null;
      },
    }),
    cagr: t.float({
      nullable: true,
      description: "Compound annual growth rate over the calendar days between entry and exit (/365.25).",
      resolve: (p) => finite(cagr(p.prices)),
    }),
    volatility: t.float({
      nullable: true,
      description: "Annualised volatility: sample standard deviation of daily returns × √252.",
      resolve: (p) => finite(annualizedVolatility(p.returns)),
    }),
    downsideDeviation: t.float({
      nullable: true,
      description: "Annualised downside deviation of daily returns below 0 (Sortino & Price).",
      resolve: (p) => finite(downsideDeviation(p.returns)),
    }),
    sharpe: t.float({
      nullable: true,
      description:
        "Annualised Sharpe ratio of daily returns over the risk-free rate; null for zero volatility.",
      resolve: (p) =>
        finite(sharpeRatio({ dates: p.prices.dates, values: p.returns }, { riskFree: p.riskFree })),
    }),
    sortino: t.float({
      nullable: true,
      description: "Annualised Sortino ratio (excess return over downside deviation).",
      resolve: (p) =>
        finite(sortinoRatio({ dates: p.prices.dates, values: p.returns }, { riskFree: p.riskFree })),
    }),
    calmar: t.float({
      nullable: true,
      description: "CAGR divided by the magnitude of the maximum drawdown.",
      resolve: (p) => finite(calmarRatio(p.prices)),
    }),
    maxDrawdown: t.field({
      type: MaxDrawdownRef,
      description: "Deepest drawdown inside the window.",
      resolve: (p) => {
        const dd = maxDrawdown(p.prices);
        return {
          depth: dd.depth,
          peakDate: dd.peakDate ?? null,
          troughDate: dd.troughDate ?? null,
          recoveryDate: dd.recoveryDate ?? null,
        };
      },
    }),
    ulcerIndex: t.float({
      nullable: true,
      description: "Ulcer index: root mean square of drawdowns from the running peak, as a fraction.",
      resolve: (p) => finite(ulcerIndex(p.prices.values)),
    }),
    valueAtRisk: t.float({
      nullable: true,
      description: "Historical one-day value at risk at `confidence`, as a positive loss fraction.",
      args: { confidence: t.arg.float({ required: false, defaultValue: 0.95, description: "In (0, 1)." }) },
      resolve: (p, args) => finite(userInput(() => historicalVaR(p.returns, args.confidence ?? 0.95))),
    }),
    conditionalValueAtRisk: t.float({
      nullable: true,
      description:
        "Historical one-day expected shortfall (CVaR) at `confidence`, as a positive loss fraction.",
      args: { confidence: t.arg.float({ required: false, defaultValue: 0.95, description: "In (0, 1)." }) },
      resolve: (p, args) => finite(userInput(() => historicalCVaR(p.returns, args.confidence ?? 0.95))),
    }),
  }),
});

const PeriodReturnsRef = builder
  .objectRef<{ asOf: number | null; values: Record<string, number> }>("PeriodReturns")
  .implement({
    description:
      "Trailing total returns as of a date (calendar-month offsets, clamped to month end; YTD from the prior year's last close). Null where the history is too short.",
    fields: (t) => ({
      asOf: t.field({
        type: "Date",
        nullable: true,
        description: "The date they are measured to.",
        resolve: (r) => r.asOf,
      }),
      oneMonth: t.float({ nullable: true, description: "1 month.", resolve: (r) => finite(r.values["1M"]) }),
      threeMonths: t.float({
        nullable: true,
        description: "3 months.",
        resolve: (r) => finite(r.values["3M"]),
      }),
      sixMonths: t.float({
        nullable: true,
        description: "6 months.",
        resolve: (r) => finite(r.values["6M"]),
      }),
      yearToDate: t.float({
        nullable: true,
        description: "Year to date.",
        resolve: (r) => finite(r.values.YTD),
      }),
      oneYear: t.float({ nullable: true, description: "1 year.", resolve: (r) => finite(r.values["1Y"]) }),
      threeYears: t.float({
        nullable: true,
        description: "3 years, cumulative.",
        resolve: (r) => finite(r.values["3Y"]),
      }),
      fiveYears: t.float({
        nullable: true,
        description: "5 years, cumulative.",
        resolve: (r) => finite(r.values["5Y"]),
      }),
      tenYears: t.float({
        nullable: true,
        description: "10 years, cumulative.",
        resolve: (r) => finite(r.values["10Y"]),
      }),
    }),
  });

const CalendarYearReturnRef = builder
  .objectRef<ReturnType<typeof calendarYearReturns>[number]>("CalendarYearReturn")
  .implement({
    description:
      "One calendar year's total return (last close of the year over the last close of the year before).",
    fields: (t) => ({
      year: t.exposeInt("year", { description: "The year." }),
      return: t.float({
        nullable: true,
        description: "Total return, a fraction.",
        resolve: (y) => finite(y.return),
      }),
      startDate: t.field({ type: "Date", description: "Entry close date.", resolve: (y) => y.startDate }),
      endDate: t.field({ type: "Date", description: "Exit close date.", resolve: (y) => y.endDate }),
      partial: t.exposeBoolean("partial", { description: "True for a year the data covers only in part." }),
    }),
  });

const PeakDrawdownRef = builder
  .objectRef<
    ReturnType<typeof drawdownFromPeak> & { series: Series; range: DayRange; peakCoverage: CoverageShape }
  >("PeakDrawdown")
  .implement({
    description:
      "How far an instrument stands below the highest close inside a window (e.g. KRE against its 2022 peak), today or as of a date, and along the way. A peak window with no close is DATA_UNAVAILABLE; one the data cover only in part says so in `peakWindow`.",
    fields: (t) => ({
      peakWindow: t.field({
        type: WindowCoverageRef,
        description:
          "How the data covered `peakWithin` (STARTS_LATE: the peak is the highest close since the data begin, not of the whole window).",
        resolve: (d) => d.peakCoverage,
      }),
      peakDate: t.field({
        type: "Date",
        nullable: true,
        description: "Date of the highest close inside the window.",
        resolve: (d) => finite(d.peakDate),
      }),
      peakValue: t.float({
        nullable: true,
        description: "That highest close.",
        resolve: (d) => finite(d.peakValue),
      }),
      asOfDate: t.field({
        type: "Date",
        nullable: true,
        description: "Date of the close compared with the peak.",
        resolve: (d) => finite(d.asOfDate),
      }),
      asOfValue: t.float({ nullable: true, description: "That close.", resolve: (d) => finite(d.asOfValue) }),
      drawdown: t.float({
        nullable: true,
        description: "asOfValue / peakValue − 1 (−0.3 = 30 % below the peak; positive once above it).",
        resolve: (d) => finite(d.drawdown),
      }),
      series: t.field({
        type: [PointRef],
        description:
          "The same ratio on every date from the peak to the as-of date, within the drawdown's `range` when one is given.",
        complexity: seriesComplexity,
        resolve: (d) => {
          if (!(d.peakIndex >= 0)) return [];
          const asOfEnd = Number.isFinite(d.asOfDate)
            ? indexOnOrBefore(d.series.dates, d.asOfDate) + 1
            : d.series.dates.length;
          const window = windowOf(d.series.dates, d.range);
          const start = Math.max(d.peakIndex, window.start);
          return toPoints(d.series.dates, d.drawdowns, start, Math.max(start, Math.min(asOfEnd, window.end)));
        },
      }),
    }),
  });

/** Resolves the risk-free argument: a constant annual decimal rate, or an economic series in percent. */
async function riskFreeOf(ctx: Context, rate: number | null | undefined, code: string | null | undefined) {
  if (code) {
    const obs = await observationsOf(ctx, await requireSeries(ctx, code, "riskFreeSeries"));
    const values = new Float64Array(obs.values.length);
    for (let i = 0; i < values.length; i++) values[i] = obs.values[i]! / 100;
    return { dates: obs.dates, values } satisfies Series;
  }
  const r = rate ?? 0;
  if (!(r > -1 && r < 1))
    throw badInput("riskFreeRate", `must be an annual rate as a decimal in (−1, 1), e.g. 0.04 (got ${r})`);
  return r;
}

builder.objectFields(InstrumentRef, (t) => ({
  performance: t.field({
    type: PerformanceRef,
    nullable: true,
    description: "Return and risk of the adjusted close over a window (whole history by default).",
    args: {
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "The window; day 0 is the last close on or before `from`.",
      }),
      riskFreeRate: t.arg.float({
        required: false,
        description:
          "Constant annual risk-free rate as a decimal (0.04 = 4 %) for Sharpe and Sortino. Default 0.",
      }),
      riskFreeSeries: t.arg.string({
        required: false,
        description:
          "Or an economic series in percent used as the risk-free rate, forward-filled (e.g. DFF).",
      }),
    },
    resolve: async (instrument, args, ctx) => {
      const range = dayRange(args.range, ctx);
      const riskFree = await riskFreeOf(ctx, args.riskFreeRate, args.riskFreeSeries);
      const bars = await barsOf(ctx, instrument);
      const { window: prices, coverage } = coveredWindow(priceSeries(bars), range, instrument.symbol);
      coverage.priceNotes = priceNotesOf(instrument.symbol, bars, coverage.used.from, coverage.used.to);
      return { prices, returns: simpleReturns(prices.values), riskFree, coverage };
    },
  }),
  periodReturns: t.field({
    type: PeriodReturnsRef,
    description: "Trailing returns (1M … 10Y, YTD) as of a date, by default the last stored close.",
    args: { asOf: t.arg({ type: "Date", required: false, description: "Measure to this date." }) },
    resolve: async (instrument, args, ctx) => {
      const prices = await pricesOf(ctx, instrument);
      const n = prices.dates.length;
      const asOf = args.asOf ?? (n ? prices.dates[n - 1]! : null);
      return { asOf, values: asOf === null ? {} : periodReturns(prices, asOf) };
    },
  }),
  calendarYearReturns: t.field({
    type: [CalendarYearReturnRef],
    description: "Total return of each calendar year of the history.",
    resolve: async (instrument, _args, ctx) => calendarYearReturns(await pricesOf(ctx, instrument)),
  }),
  drawdown: t.field({
    type: PeakDrawdownRef,
    nullable: true,
    description:
      "Drawdown from the highest adjusted close inside `peakWithin` (e.g. 2022) to the close on or before `asOf` (default: latest).",
    args: {
      peakWithin: t.arg({
        type: DateRangeInput,
        required: true,
        description: 'Where to look for the peak, e.g. {from: "2022-01-01", to: "2022-12-31"}.',
      }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Compare the close on or before this date (default: `range.to`, else the latest close).",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Dates of the drawdown `series` (default: from the peak to the as-of date).",
      }),
    },
    resolve: async (instrument, args, ctx) => {
      const window = dayRange(args.peakWithin, ctx, "peakWithin");
      const range = dayRange(args.range, ctx);
      const series = await pricesOf(ctx, instrument);
      const n = series.dates.length;
      const from = window.from ?? series.dates[0] ?? 0;
      const to = window.to ?? series.dates[n - 1] ?? 0;
      const inside = windowOf(series.dates, { from, to });
      if (inside.end <= inside.start) {
        const available = n
          ? { from: formatISODate(series.dates[0]!), to: formatISODate(series.dates[n - 1]!) }
          : null;
        throw dataUnavailable(
          "peakWithin",
          available
            ? `${instrument.symbol} has no close between ${formatISODate(from)} and ${formatISODate(to)}, so it has no peak there; its data run ${available.from} to ${available.to}`
            : `${instrument.symbol} has no closes stored`,
          available,
        );
      }
      const asOf = args.asOf ?? range.to;
      const peakCoverage: CoverageShape = {
        subject: instrument.symbol,
        requested: window,
        available: { first: series.dates[0]!, last: series.dates[n - 1]! },
        used: { from: series.dates[inside.start]!, to: series.dates[inside.end - 1]! },
      };
      return { ...drawdownFromPeak(series, { from, to }, asOf), series, range, peakCoverage };
    },
  }),
}));
