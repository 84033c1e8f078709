/**
 * Small output types shared by several domains (`Point`) and helpers to cut columnar histories by a range.
 */
import { formatISODate } from "@cyclelens/core";
import { charge, preCharged } from "../budget.js";
import type { Context } from "../context.js";
import { builder } from "./builder.js";
import type { DayRange } from "./scalars.js";

/** A dated value, the compact shape of every chartable series. */
export interface PointShape {
  date: number;
  value: number;
}

export const PointRef = builder.objectRef<PointShape>("Point").implement({
  description: "One dated value of a series: a price, an indicator value, a ratio, a rate.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The calendar date.", resolve: (p) => p.date }),
    value: t.float({
      nullable: true,
      description:
        "The value on that date; null where it is undefined (warm-up of an indicator, missing data).",
      resolve: (p) => (Number.isFinite(p.value) ? p.value : null),
    }),
  }),
});

/**
 * Turns aligned dates/values into points, keeping every date (undefined values become null). Charges the
 * request's work budget one unit per point *before* building them, so a 2,000,000-point answer is refused
 * without allocating it.
 */
export function toPoints(
  dates: ArrayLike<number>,
  values: ArrayLike<number>,
  start = 0,
  end = dates.length,
): PointShape[] {
  charge(Math.max(0, end - start));
  const out: PointShape[] = new Array(Math.max(0, end - start));
  for (let i = start; i < end; i++) out[i - start] = { date: dates[i]!, value: values[i]! };
  preCharged.add(out);
  return out;
}

/** Index window [start, end) of sorted `dates` inside the inclusive range. */
export function windowOf(dates: Int32Array, range: DayRange): { start: number; end: number } {
  let start = 0;
  let end = dates.length;
  if (range.from !== undefined) {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid]! < range.from) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  if (range.to !== undefined) {
    let lo = start;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid]! <= range.to) lo = mid + 1;
      else hi = mid;
    }
    end = lo;
  }
  return { start, end };
}

/**
 * Trading days of a full history assumed by the *estimate* of an open range (≈ 26 years). The estimate only
 * gates obviously excessive operations before execution; the request's work meter (`src/budget.ts`) charges
 * what the stored data really holds.
 */
const OPEN_RANGE_POINTS = 6_600;

/**
 * Estimated trading days in a `DateRange` argument (252 per 365 calendar days). An open start counts the
 * longest history the server has seen (`ctx.shape`), at least {@link OPEN_RANGE_POINTS}.
 */
export function pointsInRange(range: unknown, ctx?: Pick<Context, "shape">): number {
  const r = (range ?? {}) as { from?: number | null; to?: number | null };
  if (r.from == null) return Math.max(OPEN_RANGE_POINTS, ctx?.shape.longestHistory ?? 0);
  const to = r.to ?? Math.floor(Date.now() / 86_400_000);
  return Math.max(1, Math.ceil(((to - r.from) * 252) / 365));
}

/**
 * Estimated cost of a field returning one point per trading day of its `range` argument: the points times
 * the fields selected on each (a Pothos complexity `multiplier`).
 */
export const seriesComplexity = (args: object, ctx: Context) => ({
  field: 1,
  multiplier: pointsInRange((args as { range?: unknown }).range, ctx),
});

/**
 * How the stored data covered a requested window: the part the answer used, and whether it falls short of
 * the window at either end (a partial answer says so instead of silently shrinking the window).
 */
export interface CoverageShape {
  /** What the figures are of, e.g. "IWM" or "IWM and SPY (common closes)". */
  subject: string;
  requested: DayRange;
  /** First and last date of the data that exists for the subject. */
  available: { first: number; last: number };
  /** Day 0 and the exit date actually used. */
  used: { from: number; to: number };
  /** What a reader must know about the prices inside the window (closes without an adjusted close). */
  priceNotes?: string[];
}

type CoverageStatus = "full" | "starts-late" | "ends-early" | "starts-late-ends-early";

function statusOf(c: CoverageShape): CoverageStatus {
  const late = c.requested.from !== undefined && c.available.first > c.requested.from;
  const early = c.requested.to !== undefined && c.available.last < c.requested.to;
  return late && early ? "starts-late-ends-early" : late ? "starts-late" : early ? "ends-early" : "full";
}

const CoverageStatusEnum = builder.enumType("CoverageStatus", {
  description: "Whether the data cover the whole requested window.",
  values: {
    FULL: {
      value: "full",
      description: "Day 0 is the last close on or before `from`, and the data reach `to`.",
    },
    STARTS_LATE: {
      value: "starts-late",
      description:
        "The data begin after `from`: day 0 is the first close there is, so the window is shorter than asked.",
    },
    ENDS_EARLY: {
      value: "ends-early",
      description: "The data end before `to`: the exit is the last close there is.",
    },
    STARTS_LATE_ENDS_EARLY: { value: "starts-late-ends-early", description: "Both." },
  } as const,
});

export const WindowCoverageRef = builder.objectRef<CoverageShape>("WindowCoverage").implement({
  description:
    "How the stored data covered the requested window. When the status is not FULL the figures are of a shorter window: `from`/`to` say which, `reason` says why.",
  fields: (t) => ({
    status: t.field({
      type: CoverageStatusEnum,
      description: "FULL or how it falls short.",
      resolve: statusOf,
    }),
    requestedFrom: t.field({
      type: "Date",
      nullable: true,
      description: "The window's start as asked (null: open).",
      resolve: (c) => c.requested.from ?? null,
    }),
    requestedTo: t.field({
      type: "Date",
      nullable: true,
      description: "The window's end as asked (null: open).",
      resolve: (c) => c.requested.to ?? null,
    }),
    adjustedThroughout: t.boolean({
      description:
        "False when some prices inside the window are not adjusted closes (see `priceNotes`): returns there miss dividends.",
      resolve: (c) => (c.priceNotes ?? []).length === 0,
    }),
    priceNotes: t.stringList({
      description: "Closes without an adjusted close inside the window, per instrument, and what that means.",
      resolve: (c) => c.priceNotes ?? [],
    }),
    from: t.field({ type: "Date", description: "Day 0 used.", resolve: (c) => c.used.from }),
    to: t.field({ type: "Date", description: "Exit date used.", resolve: (c) => c.used.to }),
    reason: t.string({
      nullable: true,
      description: "Why the window is short; null when FULL.",
      resolve: (c) => {
        const parts: string[] = [];
        if (c.requested.from !== undefined && c.available.first > c.requested.from)
          parts.push(
            `${c.subject} data begin ${formatISODate(c.available.first)}, after from (${formatISODate(c.requested.from)})`,
          );
        if (c.requested.to !== undefined && c.available.last < c.requested.to)
          parts.push(
            `${c.subject} data end ${formatISODate(c.available.last)}, before to (${formatISODate(c.requested.to)})`,
          );
        return parts.length ? parts.join("; ") : null;
      },
    }),
  }),
});
