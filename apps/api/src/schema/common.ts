/**
 * Small output types shared by several domains (`Point`) and helpers to cut columnar histories by a range.
 */
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
