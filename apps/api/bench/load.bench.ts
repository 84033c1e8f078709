/**
 * Load with writes (`pnpm --filter @cyclelens/api bench:load`): the dashboard query at 200 connections for
 * 20 s (autocannon), read-only, then the same with one keyed write per second (`recordValuations`, a new value
 * each time, so every write bumps the dataset version and empties the history cache), on SQLite and PostgreSQL
 * (a server process on a fresh database each). Reports requests/s, p50, p99, errors and non-2xx of both runs and
 * the p99 ratio. Options: --duration=<s>, --connections=<n>, --backend=sqlite|postgresql, --response-cache=off.
 */
import autocannon from "autocannon";
import { backendsFromArgs, demoDatabase, serverCommand, startServerProcess } from "./harness.js";

const arg = (name: string, fallback: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`));
  return v ? Number(v.slice(name.length + 3)) : fallback;
};
const DURATION = arg("duration", 20);
const CONNECTIONS = arg("connections", 200);
/** --response-cache=off: every request computes (the history cache alone), as before the response cache. */
const RESPONSE_CACHE = process.argv.includes("--response-cache=off") ? "off" : "on";
const KEY = "load-bench-write-key-0123";

const DASHBOARD = `query Dashboard($symbols: [String!]!, $range: DateRange!, $recent: DateRange!) {
  instruments(filter: { symbols: $symbols }) {
    symbol name
    performance(range: $range) { startDate endDate totalReturn cagr volatility sharpe maxDrawdown { depth peakDate troughDate recoveryDate } }
    sma(period: 200, range: $recent) { date value }
    rsi(period: 14, range: $recent) { date value }
  }
  rateCycleStudy(base: "IWM", benchmark: "SPY", direction: EASING, horizons: [3, 6, 12]) {
    cycles { start end totalChangeBp ongoing }
    horizons { months complete incomplete excess { count mean median hitRate tStat min max } }
  }
}`;
const BODY = JSON.stringify({
  query: DASHBOARD,
  operationName: "Dashboard",
  variables: {
    symbols: ["IWM", "SPY", "KRE"],
    range: { from: "2021-11-20", to: "2026-11-20" },
    recent: { from: "2026-05-20", to: "2026-11-20" },
  },
});

async function load(url: string) {
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: BODY,
    // the load in a worker thread, so the writer below (main thread) is not starved by the client itself
    workers: 1,
    // a request counts as failed only if unanswered after the whole run (see the README on the tail at 200
    // connections: a trivial Node server shows the same)
    timeout: DURATION + 30,
  });
  return result;
}

const backends = await backendsFromArgs(process.argv.slice(2));
console.log(
  `dashboard query, ${CONNECTIONS} connections, ${DURATION} s per run, response cache ${RESPONSE_CACHE}, server ${serverCommand().built ? "dist/main.js" : "src through tsx"}, Node ${process.version}\n`,
);
console.log(
  "| backend | run | requests/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors / timeouts | non-2xx | writes (failed), slowest write ms |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const backend of backends) {
  const db = await demoDatabase(backend);
  const server = await startServerProcess(db.url, {
    CYCLELENS_WRITE_KEY: KEY,
    LOG_LEVEL: "warn",
    CYCLELENS_RESPONSE_CACHE: RESPONSE_CACHE,
  });
  try {
    // warm up: caches, JIT
    for (let i = 0; i < 20; i++)
      await (
        await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: BODY,
        })
      ).text();
    const rows: { run: string; p99: number }[] = [];
    for (const run of ["read-only", "one write per second"]) {
      let writes = 0;
      let writeFailures = 0;
      let slowestWrite = 0;
      let writing = run !== "read-only";
      const writer = (async () => {
        let value = 15;
        while (writing) {
          const started = performance.now();
          value += 0.01;
          try {
            const res = await fetch(server.url, {
              method: "POST",
              headers: { "content-type": "application/json", "x-cyclelens-key": KEY },
              body: JSON.stringify({
                query: `mutation { recordValuations(symbol: "IWM", source: "bench", snapshots: [{ date: "2026-11-20", forwardPE: ${value.toFixed(2)} }]) { inserted updated } }`,
              }),
            });
            const body = (await res.json()) as { errors?: unknown };
            if (!res.ok || body.errors) writeFailures++;
          } catch {
            writeFailures++;
          }
          writes++;
          slowestWrite = Math.max(slowestWrite, performance.now() - started);
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
        }
      })();
      const r = await load(server.url);
      writing = false;
      await writer;
      rows.push({ run, p99: r.latency.p99 });
      console.log(
        `| ${backend} | ${run} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${r.requests.total} | ${r.errors} / ${r.timeouts} | ${r.non2xx} | ${run === "read-only" ? "—" : `${writes} (${writeFailures}), ${slowestWrite.toFixed(0)}`} |`,
      );
      if (r.errors || r.timeouts || r.non2xx || writeFailures) process.exitCode = 1;
    }
    const ratio = rows[1]!.p99 / rows[0]!.p99;
    console.log(`| ${backend} | p99 with writes / read-only | ${ratio.toFixed(2)}× | | | | | | | |`);
    if (ratio > 2) process.exitCode = 1;
  } finally {
    await server.stop();
    await db.cleanup();
  }
}
