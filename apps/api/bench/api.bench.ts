/**
 * HTTP benchmark of the API under the dashboard query (`pnpm bench:api`; `pnpm bench` runs it with --quick).
 *
 * For each backend (SQLite in a temp file; PostgreSQL in a fresh schema when reachable) it seeds the demo
 * dataset, then for each server variant (plain graphql-js execution, and graphql-jit through
 * `@envelop/graphql-jit`) starts the server on a free port of 127.0.0.1, checks the dashboard response
 * (no errors, three instruments, three study horizons, and the JIT answer equal to the plain one), warms up,
 * and loads it with autocannon: 10 connections for 10 s (3 s with --quick), every response body compared
 * with the checked one. Prints a table of requests/s, p50 and p99 latency, errors and non-2xx/mismatches.
 *
 * PostgreSQL: TEST_POSTGRES_URL when set, otherwise postgres://postgres@127.0.0.1:5432/test; when that is
 * unreachable the PostgreSQL rows are skipped with a message saying so.
 *
 * Options: --quick (3 s per run), --duration=<s>, --connections=<n>, --backend=sqlite|postgresql.
 */
import { deepStrictEqual } from "node:assert/strict";
import os from "node:os";
import { createTestDatabase, seedDemo, type TestBackend, type TestDatabase } from "@cyclelens/db";
import autocannon from "autocannon";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";
import { benchFanout, type FanoutRow, fanoutTable } from "./fanout.js";

const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The dashboard query (mirrors packages/client/src/operations/dashboard.graphql). */
const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($symbols: [String!]!, $range: DateRange!, $recent: DateRange!) {
    instruments(filter: { symbols: $symbols }) {
      symbol
      name
      performance(range: $range) {
        startDate
        endDate
        totalReturn
        cagr
        volatility
        sharpe
        maxDrawdown { depth peakDate troughDate recoveryDate }
      }
      sma(period: 200, range: $recent) { date value }
      rsi(period: 14, range: $recent) { date value }
    }
    rateCycleStudy(base: "IWM", benchmark: "SPY", direction: EASING, horizons: [3, 6, 12]) {
      cycles { start end totalChangeBp ongoing }
      horizons {
        months
        complete
        incomplete
        excess { count mean median hitRate tStat min max }
      }
    }
  }
`;

// Five years of performance and six months of indicators up to the demo dataset's last day.
const VARIABLES = {
  symbols: ["IWM", "SPY", "KRE"],
  range: { from: "2021-11-20", to: "2026-11-20" },
  recent: { from: "2026-05-20", to: "2026-11-20" },
};
const REQUEST_BODY = JSON.stringify({
  query: DASHBOARD_QUERY,
  operationName: "Dashboard",
  variables: VARIABLES,
});
const HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json" };

interface Variant {
  name: string;
  /** CYCLELENS_GRAPHQL_JIT for this run. */
  jit: "on" | "off";
}

const VARIANTS: Variant[] = [
  { name: "graphql-js", jit: "off" },
  { name: "graphql-jit", jit: "on" },
];

interface Row {
  backend: TestBackend;
  variant: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  mismatches: number;
  bytes: number;
}

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const quick = process.argv.includes("--quick");
const duration = Number(option("duration") ?? (quick ? 3 : 10));
const connections = Number(option("connections") ?? 10);
const onlyBackend = option("backend") as TestBackend | undefined;

/** One POST of the dashboard query; returns the raw body after checking it. */
async function checkedResponse(url: string): Promise<{ body: string; data: unknown }> {
  const res = await fetch(url, { method: "POST", headers: HEADERS, body: REQUEST_BODY });
  const body = await res.text();
  const parsed = JSON.parse(body) as {
    data?: {
      instruments: { symbol: string; performance: { totalReturn: number | null }; sma: unknown[] }[];
      rateCycleStudy: { horizons: unknown[] };
    };
    errors?: unknown[];
  };
  if (res.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`dashboard query failed (HTTP ${res.status}): ${body.slice(0, 500)}`);
  }
  const { instruments, rateCycleStudy } = parsed.data;
  const symbols = instruments.map((i) => i.symbol).sort();
  if (symbols.join() !== "IWM,KRE,SPY") throw new Error(`unexpected instruments ${symbols.join()}`);
  if (instruments.some((i) => typeof i.performance.totalReturn !== "number" || i.sma.length < 100))
    throw new Error("an instrument lacks performance or indicator data");
  if (rateCycleStudy.horizons.length !== 3) throw new Error("the study should have 3 horizons");
  return { body, data: parsed.data };
}

async function load(url: string, seconds: number, expectBody?: string) {
  return autocannon({
    url,
    method: "POST",
    headers: HEADERS,
    body: REQUEST_BODY,
    connections,
    duration: seconds,
    // load generated in a worker thread, so it does not share the server's event loop
    workers: 1,
    ...(expectBody ? { expectBody } : {}),
  });
}

async function openBackend(backend: TestBackend): Promise<TestDatabase | string> {
  if (backend === "postgresql" && !process.env.TEST_POSTGRES_URL?.trim()) {
    process.env.TEST_POSTGRES_URL = DEFAULT_PG_URL;
  }
  try {
    return await createTestDatabase(backend);
  } catch (error) {
    if (backend === "postgresql") return (error as Error).message;
    throw error;
  }
}

async function benchBackend(backend: TestBackend, rows: Row[]): Promise<void> {
  const opened = await openBackend(backend);
  if (typeof opened === "string") {
    console.log(`PostgreSQL SKIPPED: ${opened}`);
    return;
  }
  const database = opened;
  try {
    const seedStart = performance.now();
    await seedDemo(database.db);
    console.log(`${backend}: demo data seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    let reference: unknown;
    for (const variant of VARIANTS) {
      const config = loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        CYCLELENS_GRAPHQL_JIT: variant.jit,
      });
      const server = await startServer({ db: database.db, config });
      try {
        const { body, data } = await checkedResponse(server.url);
        if (reference === undefined) reference = data;
        else
          deepStrictEqual(data, reference, `${variant.name} answers differently from ${VARIANTS[0]!.name}`);
        await load(server.url, Math.min(2, duration)); // warm-up: caches, JIT compilation, V8
        console.log(`${backend} / ${variant.name}: ${duration} s, ${connections} connections…`);
        const r = await load(server.url, duration, body);
        rows.push({
          backend,
          variant: variant.name,
          requests: r.requests.total,
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          mismatches: r.mismatches,
          bytes: Buffer.byteLength(body),
        });
      } finally {
        await server.close(1000);
      }
    }
  } finally {
    await database.cleanup();
  }
}

function table(rows: Row[]): string {
  const header = [
    "backend",
    "execution",
    "requests/s",
    "p50 ms",
    "p99 ms",
    "requests",
    "errors",
    "non-2xx / mismatched",
  ];
  const lines = rows.map((r) => [
    r.backend === "sqlite" ? "SQLite" : "PostgreSQL",
    r.variant,
    r.rps.toFixed(1),
    String(r.p50),
    String(r.p99),
    String(r.requests),
    String(r.errors),
    `${r.non2xx} / ${r.mismatches}`,
  ]);
  const rule = header.map(() => "---");
  return [header, rule, ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Bench row "subscription fan-out" (bench/fanout.ts): 500 SSE subscribers on one process, per backend. */
async function fanout(backends: TestBackend[]): Promise<void> {
  const rows: FanoutRow[] = [];
  for (const backend of backends) {
    if (backend === "postgresql" && typeof (await openBackend(backend).then(dropProbe)) === "string")
      continue;
    console.log(`${backend}: subscription fan-out, 500 subscribers…`);
    rows.push(await benchFanout(backend, { subscribers: 500, writes: quick ? 5 : 20 }));
  }
  console.log(
    "\nSubscription fan-out: 500 SSE subscribers of datasetChanged on one API process; ms from a write's commit (another connection) to each subscriber's event",
  );
  console.log(fanoutTable(rows));
  if (rows.some((r) => r.missed > 0)) {
    console.error("\nSome subscribers missed an event: see the missed column.");
    process.exitCode = 1;
  }
}

/** Closes a probe database (openBackend) and passes an error message through. */
async function dropProbe(opened: TestDatabase | string): Promise<TestDatabase | string> {
  if (typeof opened !== "string") await opened.cleanup();
  return opened;
}

async function main() {
  const backends: TestBackend[] = onlyBackend ? [onlyBackend] : ["sqlite", "postgresql"];
  if (process.argv.includes("--only=fanout")) return fanout(backends);
  const rows: Row[] = [];
  for (const backend of backends) await benchBackend(backend, rows);
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `\nDashboard query (IWM, SPY, KRE: 5-year performance, SMA 200 + RSI 14 over 6 months, easing-cycle study 3/6/12 m)`,
  );
  console.log(
    `${os.cpus().length} vCPU (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ` +
      `${connections} connections, ${duration} s per run after a warm-up; response ${rows[0]?.bytes ?? "?"} bytes\n`,
  );
  console.log(table(rows));
  const failed = rows.some((r) => r.errors || r.non2xx || r.mismatches);
  if (failed) {
    console.error(
      "\nSome requests failed or answered differently: see the errors and non-2xx / mismatched columns.",
    );
    process.exitCode = 1;
  }
  await fanout(backends);
}

await main();
