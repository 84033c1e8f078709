/**
 * Checks the cost model against measured time (`pnpm --filter @cyclelens/api bench:cost`): the heaviest
 * queries of each shape that the limits let through, run against a server process on the demo dataset. For each,
 * the server's own access log gives the estimated cost (before execution), the work metered (during it) and the
 * time the server spent; the table shows µs per unit, which should stay in a narrow band if the model bounds the
 * work. Each query runs 5 times after a warm-up; the median is shown. Option: --backend=sqlite|postgresql.
 */
import { demoDatabase, serverCommand, startServerProcess } from "./harness.js";

const backend = (process.argv.find((a) => a.startsWith("--backend="))?.slice(10) ?? "sqlite") as
  | "sqlite"
  | "postgresql";

const ALL = '["IWM", "SPY", "KRE", "QQQ", "^RUT", "^GSPC"]';
const SHAPES: [string, string][] = [
  [
    "25 years of daily closes, 6 instruments",
    `{ instruments(filter: { symbols: ${ALL} }) { series(range: { from: "2001-01-01" }) { date value } } }`,
  ],
  [
    "bars pages of 2,500, 6 instruments",
    `{ ${[0].map((i) => `a${i}: instruments(filter: { symbols: ${ALL} }) { bars(first: 2500) { edges { node { date close volume } } } }`).join(" ")} }`,
  ],
  [
    "SMA 200 + RSI + MACD over 25 years, 6 instruments",
    `{ instruments(filter: { symbols: ${ALL} }) { sma(period: 200, range: { from: "2001-01-01" }) { value } rsi(range: { from: "2001-01-01" }) { value } } }`,
  ],
  [
    "performance ×30 aliases",
    `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: instrument(symbol: "IWM") { performance(range: { from: "${2001 + (i % 20)}-01-01" }) { totalReturn cagr volatility sharpe maxDrawdown { depth } } }`).join(" ")} }`,
  ],
  [
    "compare ×6 aliases with relative-strength lines",
    `{ ${Array.from({ length: 6 }, (_, i) => `c${i}: compare(base: "IWM", benchmark: "SPY", range: { from: "${2001 + (i % 20)}-01-01" }) { returnGap beta relativeStrength { value } }`).join(" ")} }`,
  ],
  [
    "rateCycles ×30 aliases with moves and performance (minMoveBp 10…39)",
    `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: rateCycles(minMoveBp: ${10 + i}) { start moves { date changeBp } performance(symbols: ["IWM", "SPY"]) { return } }`).join(" ")} }`,
  ],
  [
    "rate-cycle study, 10 horizons ×20 aliases",
    `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: rateCycleStudy(minMoveBp: ${5 + i}, horizons: [1,2,3,6,9,12,18,24,36,48]) { horizons { rows { excessReturn } excess { mean } } }`).join(" ")} }`,
  ],
  [
    "rateCycles minMoveBp 1, maxPauseDays 1, nested (stopped by the meter)",
    `{ rateCycles(series: "DGS10", minMoveBp: 1, maxPauseDays: 1) { start moves { date } performance(symbols: ["IWM", "SPY", "KRE"]) { return } excess(base: "IWM", benchmark: "SPY") { excessReturn } } }`,
  ],
  [
    "dashboard-like: 3 instruments, performance, SMA, RSI, study",
    `{ instruments(filter: { symbols: ["IWM", "SPY", "KRE"] }) { performance(range: { from: "2021-11-20" }) { totalReturn sharpe } sma(period: 200, range: { from: "2026-05-20" }) { value } rsi(range: { from: "2026-05-20" }) { value } } rateCycleStudy { horizons { excess { mean } } } }`,
  ],
];

interface Access {
  msg: string;
  operation?: string;
  ms: number;
  cost?: number;
  work?: number;
  errors?: string[];
}

const db = await demoDatabase(backend);
const server = await startServerProcess(db.url);
console.log(
  `backend ${backend}, server ${serverCommand().built ? "dist/main.js" : "src/main.ts (tsx)"}, Node ${process.version}\n`,
);
console.log(
  "| query | estimated cost | work metered | server ms (median of 5) | µs per unit of work | result |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
try {
  for (const [name, query] of SHAPES) {
    const runs: Access[] = [];
    for (let i = 0; i < 6; i++) {
      const before = server.output().length;
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query }),
      });
      await res.text();
      await new Promise((r) => setTimeout(r, 30));
      const lines = server
        .output()
        .slice(before)
        .split("\n")
        .filter((l) => l.includes('"msg":"graphql"'));
      const access = lines.length ? (JSON.parse(lines[lines.length - 1]!) as Access) : undefined;
      if (access && i > 0) runs.push(access);
    }
    runs.sort((a, b) => a.ms - b.ms);
    const m = runs[Math.floor(runs.length / 2)]!;
    const perUnit = m.work ? ((m.ms * 1000) / m.work).toFixed(2) : "—";
    console.log(
      `| ${name} | ${m.cost ?? "—"} | ${m.work ?? "—"} | ${m.ms.toFixed(0)} | ${perUnit} | ${m.errors?.join(", ") ?? "ok"} |`,
    );
  }
} finally {
  await server.stop();
  await db.cleanup();
}
