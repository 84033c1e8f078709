// A plain Node script using @cyclelens/core's build (run `pnpm --filter @cyclelens/core build` first):
//   node packages/core/examples/small-vs-large.mjs
// Two made-up price paths; how did "small" do against "large", and is its lead turning?
import {
  beta,
  crossovers,
  formatISODate,
  maxDrawdown,
  parseISODate,
  relativeStrength,
  returnGap,
  seriesFromRows,
  simpleReturns,
  sma,
} from "../dist/index.js";

const start = parseISODate("2024-01-02");
const rows = (drift, wiggle) =>
  Array.from({ length: 260 }, (_, i) => ({
    date: formatISODate(start + i + 2 * Math.floor(i / 5)), // weekdays only
    value: 100 * Math.exp(drift * i + wiggle * Math.sin(i / 9)),
  }));
const small = seriesFromRows(rows(0.0006, 0.05));
const large = seriesFromRows(rows(0.0005, 0.02));

const first = small.dates[0];
const last = small.dates[small.dates.length - 1];
const ratio = relativeStrength(small, large, { rebase: true });
const average = sma(ratio.values, 50);
const turns = crossovers(ratio.values, average, ratio.dates);

console.log("return gap (small − large):", returnGap(small, large, first, last).toFixed(4));
console.log(
  "beta of small to large:    ",
  beta(simpleReturns(small.values), simpleReturns(large.values)).toFixed(3),
);
console.log("max drawdown of small:     ", maxDrawdown(small).depth.toFixed(4));
const lastTurn = turns.at(-1);
console.log(
  "last ratio/50-day crossing:",
  lastTurn ? `${formatISODate(lastTurn.date)} ${lastTurn.direction}` : "none",
);
