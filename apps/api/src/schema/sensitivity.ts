/**
 * Rate sensitivity: OLS of an instrument's returns on changes of a yield (in basis points), over a window
 * and rolling. "How sensitive are small caps to rates?" is IWM's beta to DGS2 or DGS10.
 */
import {
  formatISODate,
  rateSensitivity,
  rollingRateSensitivity,
  type SensitivityFrequency,
} from "@cyclelens/core";
import type { EconomicSeriesInfo } from "@cyclelens/db";
import { badInput, dataUnavailable, userInput } from "../errors.js";
import { builder } from "./builder.js";
import { type CoverageShape, pointsInRange, WindowCoverageRef } from "./common.js";
import { EconomicSeriesRef, observationsOf, requireSeries } from "./economic.js";
import { InstrumentRef, pricesOf } from "./instrument.js";
import { DateRangeInput, dayRange } from "./scalars.js";

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

const FrequencyEnum = builder.enumType("SensitivityFrequency", {
  description: "Sampling of returns and yield changes for the regression.",
  values: {
    DAILY: { value: "daily", description: "Trading days both series share." },
    WEEKLY: { value: "weekly", description: "Last observation of each ISO week." },
    MONTHLY: { value: "monthly", description: "Last observation of each calendar month." },
  } as const,
});

interface RollingPointShape {
  r: ReturnType<typeof rollingRateSensitivity>;
  i: number;
}

const RollingPointRef = builder.objectRef<RollingPointShape>("RollingRateSensitivityPoint").implement({
  description: "The regression over the trailing window ending on one date.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "Window end.", resolve: (x) => x.r.dates[x.i]! }),
    betaPer100bp: t.float({
      nullable: true,
      description: "Return per +100 bp of the yield.",
      resolve: (x) => finite(x.r.betaPer100bp[x.i]),
    }),
    correlation: t.float({
      nullable: true,
      description: "Correlation of returns and yield changes.",
      resolve: (x) => finite(x.r.correlation[x.i]),
    }),
    rSquared: t.float({ nullable: true, description: "R².", resolve: (x) => finite(x.r.rSquared[x.i]) }),
    tStat: t.float({
      nullable: true,
      description: "t-statistic of the beta.",
      resolve: (x) => finite(x.r.tStat[x.i]),
    }),
  }),
});

interface SensitivityShape {
  series: EconomicSeriesInfo;
  result: ReturnType<typeof rateSensitivity>;
  rolling: ReturnType<typeof rollingRateSensitivity> | null;
  coverage: CoverageShape;
  /** Why the yield is stale against the instrument; null when it is not. */
  stale: string | null;
}

const RateSensitivityRef = builder.objectRef<SensitivityShape>("RateSensitivity").implement({
  description:
    "OLS of the instrument's simple returns on the yield's change in basis points: r = intercept + beta · Δy. betaPer100bp = −0.05 means the price falls 5 % on average when the yield rises one percentage point. Blank yield days are dropped before the join, so returns and changes always span the same interval.",
  fields: (t) => ({
    series: t.field({
      type: EconomicSeriesRef,
      description: "The yield regressed on.",
      resolve: (s) => s.series,
    }),
    coverage: t.field({
      type: WindowCoverageRef,
      description:
        "How the instrument's and the yield's common dates covered the requested window (day 0 = the last common date on or before `from`).",
      resolve: (s) => s.coverage,
    }),
    stale: t.boolean({
      description:
        "True when the yield ends more than 14 days (daily data) or 62 days (weekly, monthly) before the instrument's last close: the latest returns have no yield change to pair with.",
      resolve: (s) => s.stale !== null,
    }),
    staleReason: t.string({
      nullable: true,
      description: "Why it is stale and how to fix it; null when it is not.",
      resolve: (s) => s.stale,
    }),
    frequency: t.field({
      type: FrequencyEnum,
      description: "Sampling used.",
      resolve: (s) => s.result.frequency,
    }),
    betaPer100bp: t.float({
      nullable: true,
      description: "Return (fraction) per +100 bp change of the yield.",
      resolve: (s) => finite(s.result.betaPer100bp),
    }),
    intercept: t.float({
      nullable: true,
      description: "Average return of a period with an unchanged yield.",
      resolve: (s) => finite(s.result.intercept),
    }),
    tStat: t.float({
      nullable: true,
      description: "t-statistic of the beta (classical OLS standard error).",
      resolve: (s) => finite(s.result.tStat),
    }),
    rSquared: t.float({
      nullable: true,
      description: "Share of return variance explained.",
      resolve: (s) => finite(s.result.rSquared),
    }),
    correlation: t.float({
      nullable: true,
      description: "Pearson correlation of returns and yield changes.",
      resolve: (s) => finite(s.result.correlation),
    }),
    observations: t.int({
      description: "Pairs of (return, yield change) used.",
      resolve: (s) => s.result.observations,
    }),
    from: t.field({
      type: "Date",
      nullable: true,
      description: "First pair's date (the pair runs from day 0, `coverage.from`).",
      resolve: (s) => finite(s.result.from),
    }),
    to: t.field({
      type: "Date",
      nullable: true,
      description: "Last pair's date.",
      resolve: (s) => finite(s.result.to),
    }),
    rolling: t.field({
      type: [RollingPointRef],
      description: "The rolling regression over `rolling` periods (empty unless that argument was given).",
      resolve: (s) => {
        if (!s.rolling) return [];
        const out: RollingPointShape[] = [];
        for (let i = 0; i < s.rolling.dates.length; i++) out.push({ r: s.rolling, i });
        return out;
      },
    }),
  }),
});

builder.objectFields(InstrumentRef, (t) => ({
  rateSensitivity: t.field({
    type: RateSensitivityRef,
    nullable: true,
    description:
      "Sensitivity of the instrument's returns to changes of a yield (default DGS10) over a window.",
    args: {
      series: t.arg.string({
        required: false,
        defaultValue: "DGS10",
        description: "Yield series in percent: DGS2, DGS10, DFF…",
      }),
      range: t.arg({
        type: DateRangeInput,
        required: false,
        description: "Window of the regression (default: all shared history).",
      }),
      frequency: t.arg({
        type: FrequencyEnum,
        required: false,
        defaultValue: "daily",
        description: "Sampling (default DAILY).",
      }),
      rolling: t.arg.int({
        required: false,
        description: "Also compute a rolling regression over this many periods (10–1000).",
      }),
    },
    complexity: (args, ctx) => ({ field: args.rolling ? pointsInRange(args.range, ctx) : 1 }),
    resolve: async (instrument, args, ctx) => {
      const range = dayRange(args.range, ctx);
      if (
        args.rolling != null &&
        (!Number.isInteger(args.rolling) || args.rolling < 10 || args.rolling > 1000)
      ) {
        throw badInput("rolling", `must be an integer from 10 to 1000 periods (got ${args.rolling})`);
      }
      const series = await requireSeries(ctx, args.series ?? "DGS10", "series");
      const [prices, yields] = await Promise.all([pricesOf(ctx, instrument), observationsOf(ctx, series)]);
      const frequency = (args.frequency ?? "daily") as SensitivityFrequency;
      const options = { frequency, from: range.from, to: range.to };
      const result = userInput(() => rateSensitivity(prices, yields, options));
      const subject = `${instrument.symbol} and ${series.code}`;
      const lastOf = (x: { dates: Int32Array }) => x.dates[x.dates.length - 1] ?? Number.NaN;
      const first = Math.max(prices.dates[0] ?? Number.NaN, yields.dates[0] ?? Number.NaN);
      const last = Math.min(lastOf(prices), lastOf(yields));
      if (!(result.observations > 0)) {
        const both = Number.isFinite(first) && Number.isFinite(last) && first <= last;
        throw dataUnavailable(
          both ? "range" : "series",
          both
            ? `${subject} have fewer than two common dates inside the window; they overlap from ${formatISODate(first)} to ${formatISODate(last)}`
            : `${subject} have no dates in common`,
          both ? { from: formatISODate(first), to: formatISODate(last) } : null,
        );
      }
      const lag = lastOf(prices) - lastOf(yields);
      const limit = frequency === "daily" ? 14 : 62;
      return {
        series,
        result,
        coverage: {
          subject: `${subject} (common dates)`,
          requested: range,
          available: { first, last },
          used: { from: result.start, to: result.to },
        },
        stale:
          lag > limit
            ? `${series.code} ends ${formatISODate(lastOf(yields))}, ${lag} days before ${instrument.symbol}'s last close; import a newer ${series.code} (pnpm ingest ${series.code})`
            : null,
        rolling:
          args.rolling != null
            ? userInput(() => rollingRateSensitivity(prices, yields, options, args.rolling!))
            : null,
      };
    },
  }),
}));
