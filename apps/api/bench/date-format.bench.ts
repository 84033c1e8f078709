/**
 * The Date scalar's formatter (src/day-format.ts) against core's arithmetic formatISODate and
 * toISOString().slice: 1,000,000 formats of 6,700 consecutive days (26 years of trading days' range), after a
 * warm-up. Run: pnpm --filter @cyclelens/api exec tsx --conditions=@cyclelens/source bench/date-format.bench.ts
 */
import { formatISODate, isoToEpochDay } from "@cyclelens/core";
import { formatDay } from "../src/day-format.js";

const days: number[] = [];
const start = isoToEpochDay("2000-01-03");
for (let i = 0; i < 1_000_000; i++) days.push(start + (i % 6700));
const run = (name: string, f: (d: number) => string) => {
  let len = 0;
  for (let i = 0; i < 200_000; i++) len += f(days[i]!).length;
  const t0 = performance.now();
  for (const d of days) len += f(d).length;
  console.log(name, (performance.now() - t0).toFixed(1), "ms per 1,000,000", len > 0);
};
for (let r = 0; r < 2; r++) {
  run("toISOString", (d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  run("formatISODate", formatISODate);
  run("table", formatDay);
}
