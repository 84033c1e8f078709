/**
 * The heaviest requests a hostile client can send, each measured against a server process with the default
 * limits (`pnpm --filter @cyclelens/api bench:hostile`):
 *
 * - the 21-fragment document (each fragment spreads the next twice: 2^20 expansions for a naive walker);
 * - 10 distinct 10 MB documents at once, and 300 distinct 60 KB documents (parse-cache pressure);
 * - `rateCycles(series: "DGS10", minMoveBp: 1, maxPauseDays: 1)` ×30 aliases with nested performance and
 *   excess, and the same with one alias (it passes the estimate and is stopped by the work meter);
 * - `series` over one instrument of 146,097 daily bars (every day of the supported calendar 1800–2199), and over
 *   2,045,358 bars (14 such instruments and the demo data) in one request;
 * - the dashboard query, for reference.
 *
 * For each: wall time, HTTP status, error code, the slowest `/health` answer while it ran (polled every 20 ms),
 * and the server's peak RSS. Options: --backend=sqlite|postgresql (default sqlite), --skip-big (no 2M bars).
 */
import type { Database } from "@cyclelens/db";
import { demoDatabase, serverCommand, startServerProcess, watchHealth, watchRss } from "./harness.js";

const argv = process.argv.slice(2);
const backend = (argv.find((a) => a.startsWith("--backend="))?.slice(10) ?? "sqlite") as
  | "sqlite"
  | "postgresql";
const skipBig = argv.includes("--skip-big");
const BIG = 14;

async function addBigInstruments(db: Database): Promise<void> {
  const dates: string[] = [];
  for (let d = Date.UTC(1800, 0, 1); d <= Date.UTC(2199, 11, 31); d += 86_400_000)
    dates.push(new Date(d).toISOString().slice(0, 10));
  for (let k = 0; k < BIG; k++) {
    const t0 = performance.now();
    const inst = await db.upsertInstrument({
      symbol: `BIG${k}`,
      name: `Synthetic ${k}`,
      kind: "INDEX",
      segment: "broad",
      provenance: "csv",
    });
    let price = 100 + k;
    const rows = dates.map((date, i) => {
      price *= 1 + Math.sin(i * 0.01 + k) * 0.001;
      return {
        date,
        open: price,
        high: price * 1.01,
        low: price * 0.99,
        close: price,
        adjClose: price,
        volume: 1e6,
      };
    });
    for (let i = 0; i < rows.length; i += 50_000)
      await db.upsertBars(inst.id, rows.slice(i, i + 50_000), { source: "csv" });
    process.stderr.write(
      `BIG${k}: ${rows.length} bars in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
}

const frag = ['query Frag { instrument(symbol: "IWM") { ...F0 } }'];
for (let i = 0; i < 21; i++)
  frag.push(`fragment F${i} on Instrument { ${i === 20 ? "symbol" : `...F${i + 1} ...F${i + 1}`} }`);

const cycleAlias = (i: number) =>
  `a${i}: rateCycles(series: "DGS10", minMoveBp: 1, maxPauseDays: 1) { start end moves { date changeBp } performance(symbols: ["IWM", "SPY", "KRE"]) { return } excess(base: "IWM", benchmark: "SPY") { excessReturn } }`;

const DASHBOARD = `query Dashboard($symbols: [String!]!, $range: DateRange!, $recent: DateRange!) {
  instruments(filter: { symbols: $symbols }) {
    symbol performance(range: $range) { totalReturn cagr volatility sharpe maxDrawdown { depth } }
    sma(period: 200, range: $recent) { date value } rsi(period: 14, range: $recent) { date value }
  }
  rateCycleStudy(base: "IWM", benchmark: "SPY", direction: EASING, horizons: [3, 6, 12]) {
    cycles { start end } horizons { months excess { count mean hitRate } }
  }
}`;

interface Scenario {
  name: string;
  requests: () => { body: string; headers?: Record<string, string> }[];
}

const json = (query: string, variables?: unknown) => ({ body: JSON.stringify({ query, variables }) });
const tenMb = (i: number) => ({
  body: JSON.stringify({ query: `{ dataset { label } } # ${i} ${"x".repeat(10_000_000)}` }),
});
const sixtyKb = (i: number) => {
  const fields = Array.from({ length: 2400 }, (_, k) => `f${i}_${k}: __typename`).join(" ");
  return json(`{ ${fields} }`.slice(0, 60_000).replace(/ f\d+_\d+: __typen?a?m?e?$/, "") + " }");
};

const scenarios: Scenario[] = [
  {
    name: "dashboard (reference)",
    requests: () => [
      json(DASHBOARD, {
        symbols: ["IWM", "SPY", "KRE"],
        range: { from: "2021-11-20", to: "2026-11-20" },
        recent: { from: "2026-05-20", to: "2026-11-20" },
      }),
    ],
  },
  { name: "21 fragments, each spreading the next twice", requests: () => [json(frag.join("\n"))] },
  {
    name: "10 distinct 10 MB documents, at once",
    requests: () => Array.from({ length: 10 }, (_, i) => tenMb(i)),
  },
  {
    name: "300 distinct 60 KB documents, 10 at a time",
    requests: () => Array.from({ length: 300 }, (_, i) => sixtyKb(i)),
  },
  {
    name: "rateCycles minMoveBp 1, maxPauseDays 1, ×30 aliases, nested",
    requests: () => [json(`{ ${Array.from({ length: 30 }, (_, i) => cycleAlias(i)).join(" ")} }`)],
  },
  { name: "the same with 1 alias (passes the estimate)", requests: () => [json(`{ ${cycleAlias(0)} }`)] },
  ...(skipBig
    ? []
    : [
        {
          name: "series over 2,045,358 bars (all instruments), cold: histories not yet loaded",
          requests: () => [json("{ instruments { symbol series { date value } } }")],
        },
        {
          name: "the same again (histories cached: the estimate knows them)",
          requests: () => [json("{ instruments { symbol series { date value } } }")],
        },
        {
          name: "series of one 146,097-bar instrument (admissible: 146,097 points)",
          requests: () => [json('{ instrument(symbol: "BIG0") { series { date value } } }')],
        },
        {
          name: "the dashboard after all that (reference)",
          requests: () => [
            json(DASHBOARD, {
              symbols: ["IWM", "SPY", "KRE"],
              range: { from: "2021-11-20", to: "2026-11-20" },
              recent: { from: "2026-05-20", to: "2026-11-20" },
            }),
          ],
        },
      ]),
];

const db = await demoDatabase(backend, skipBig ? undefined : addBigInstruments);
const server = await startServerProcess(db.url);
console.log(
  `\nbackend ${backend}, server ${serverCommand().built ? "dist/main.js" : "src/main.ts through tsx"} (pid ${server.child.pid}), RSS at start ${server.rssMb().toFixed(0)} MB, Node ${process.version}\n`,
);
console.log("| request | wall ms | HTTP status | error code | slowest /health ms | server RSS max MB |");
console.log("| --- | --- | --- | --- | --- | --- |");
try {
  for (const s of scenarios) {
    const bodies = s.requests();
    const health = watchHealth(server.base);
    const rss = watchRss(server);
    const t0 = performance.now();
    const statuses = new Map<string, number>();
    const codes = new Set<string>();
    const queue = [...bodies];
    await Promise.all(
      Array.from({ length: Math.min(10, queue.length) }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) {
          try {
            const res = await fetch(server.url, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                accept: "application/graphql-response+json",
                ...b.headers,
              },
              body: b.body,
            });
            const text = await res.text();
            statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
            try {
              for (const e of (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] })
                .errors ?? [])
                codes.add(e.extensions?.code ?? "(none)");
            } catch {
              codes.add("(body not JSON)");
            }
          } catch (error) {
            statuses.set("network error", (statuses.get("network error") ?? 0) + 1);
            codes.add((error as Error).message);
          }
        }
      }),
    );
    const wall = performance.now() - t0;
    const h = await health.stop();
    const peak = rss.stop();
    const status = [...statuses].map(([k, n]) => (bodies.length > 1 ? `${k} ×${n}` : k)).join(", ");
    console.log(
      `| ${s.name} | ${wall.toFixed(0)} | ${status} | ${[...codes].join(", ") || "—"} | ${h.worstMs.toFixed(0)}${h.failures ? ` (${h.failures} failed)` : ""} | ${peak.toFixed(0)} |`,
    );
    if (!server.alive()) {
      console.log(`THE SERVER DIED:\n${server.output().slice(-3000)}`);
      process.exitCode = 1;
      break;
    }
  }
  console.log(`\nserver peak RSS (VmHWM) ${server.peakRssMb().toFixed(0)} MB`);
} finally {
  await server.stop();
  await db.cleanup();
}
