/** Test helpers: a series from plain arrays, and a rate cycle of 25 bp moves on given days. */
import type { RateCycle } from "../src/cycles.js";
import type { Series } from "../src/series.js";

export const s = (dates: number[], values: number[]): Series => ({
  dates: Int32Array.from(dates),
  values: Float64Array.from(values),
});

/** A cycle of 25 bp moves on `moveDates`, each confirmed `lag` days later. */
export const cycle = (direction: "easing" | "tightening", moveDates: number[], lag = 0): RateCycle => ({
  direction,
  start: moveDates[0]!,
  end: moveDates[moveDates.length - 1]!,
  moves: moveDates.map((date) => ({
    date,
    from: 1,
    to: 1,
    changeBp: direction === "easing" ? -25 : 25,
    confirmedOn: date + lag,
  })),
  moveCount: moveDates.length,
  totalChangeBp: 0,
  rateBefore: 1,
  rateAfter: 1,
  ongoing: false,
});
