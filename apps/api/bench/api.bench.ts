/**
 * HTTP benchmark of the API under the dashboard query (`pnpm bench:api`; `pnpm bench` runs it with --quick).
 * The execution rows run with the response cache off. Then `benchCache` compares, in alternating rounds on two
 * servers side by side, the dashboard cached against uncached, and a GET with the answer's ETag (304) against the
 * full GET answer; the ratios (medians of the rounds) are printed below the table.
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
 * Then the fast-path rows (fast-path.bench.ts): PostGraphile v4 against CycleLens with the history cache off and
 * warm on raw 5-year bars and series, and the dashboard cache off against warm, on PostgreSQL.
 *
 * Then the ops rows (ops.bench.ts): the dashboard with 1 vs 2 server processes (CYCLELENS_WORKERS) and with
 * metrics / tracing off and on, each a ratio measured in this run.
 *
 * Options: --quick (3 s per run), --duration=<s>, --connections=<n>, --backend=sqlite|postgresql,
 * --rows=dashboard|fast|ops|fanout (only those rows), --no-ops (skip the ops rows), --only-ops (= --rows=ops),
 * --only=fanout (= --rows=fanout).
 *
 * Last, the subscription fan-out rows (fanout.ts): 500 SSE subscribers on one process, per backend.
 */
import { deepStrictEqual } from "node:assert/strict";
import os from "node:os";
import { createTestDatabase, seedDemo, type TestBackend, type TestDatabase } from "@cyclelens/db";
import autocannon from "autocannon";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";
import { benchFanout, type FanoutRow, fanoutTable } from "./fanout.js";
import { benchFastPath, fastTable } from "./fast-path.bench.js";
import { benchObservability, benchProcesses, type OpsRow, opsTable } from "./ops.bench.js";

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
const onlyRows = option("rows") as "dashboard" | "fast" | "ops" | "fanout" | undefined;

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

/** The dashboard query as a GET URL (document, operation name and variables in the query string). */
function getUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set("query", DASHBOARD_QUERY);
  u.searchParams.set("operationName", "Dashboard");
  u.searchParams.set("variables", JSON.stringify(VARIABLES));
  return u.toString();
}

async function load(url: string, seconds: number, expectBody?: string, get?: Record<string, string>) {
  return autocannon({
    url,
    ...(get
      ? { method: "GET" as const, headers: { accept: HEADERS.accept, ...get } }
      : { method: "POST" as const, headers: HEADERS, body: REQUEST_BODY }),
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
        CYCLELENS_RESPONSE_CACHE: "off", // these rows measure execution; benchCache below measures the cache
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
    await benchCache(backend, database, rows);
  } finally {
    await database.cleanup();
  }
}

interface Run {
  variant: string;
  url: string;
  get?: Record<string, string>;
  /** The body every response must have; undefined for the 304 run (no body). */
  expect: string | undefined;
}

/** The ratios of one backend, each the median of alternating rounds (the machine may be shared). */
const roundRatios: { backend: TestBackend; what: string; ratios: number[] }[] = [];

/**
 * The response cache and HTTP caching rows. Two servers run side by side on the same database: graphql-jit with
 * the response cache off, and with it on (every request after the first a hit). The pairs compared — cached
 * against uncached POST, and on the cached server a GET with the answer's ETag (`If-None-Match` → 304, no body)
 * against the full GET answer — are loaded in alternating rounds of `duration / rounds` seconds each, so a
 * change of load on a shared machine hits both sides; each ratio is the median of its rounds.
 */
async function benchCache(backend: TestBackend, database: TestDatabase, rows: Row[]): Promise<void> {
  const start = (responseCache: "on" | "off") =>
    startServer({
      db: database.db,
      config: loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        CYCLELENS_GRAPHQL_JIT: "on",
        CYCLELENS_RESPONSE_CACHE: responseCache,
      }),
    });
  const uncached = await start("off");
  const cached = await start("on");
  try {
    const { body } = await checkedResponse(uncached.url);
    const again = await checkedResponse(cached.url);
    if (again.body !== body) throw new Error("the cached server answers differently");
    const target = getUrl(cached.url);
    const full = await fetch(target, { headers: { accept: HEADERS.accept } });
    const etag = full.headers.get("etag");
    if (full.status !== 200 || !etag || (await full.text()) !== body)
      throw new Error(
        `GET of the dashboard: HTTP ${full.status}, ETag ${etag}, body differs from the POST answer`,
      );
    const revalidated = await fetch(target, { headers: { accept: HEADERS.accept, "if-none-match": etag } });
    if (revalidated.status !== 304 || (await revalidated.text()) !== "")
      throw new Error(`GET with If-None-Match: expected 304 with no body, got HTTP ${revalidated.status}`);
    const pairs: [Run, Run, string][] = [
      [
        { variant: "graphql-jit + response cache (POST)", url: cached.url, expect: body },
        { variant: "graphql-jit, uncached (POST)", url: uncached.url, expect: body },
        "dashboard cached / uncached",
      ],
      [
        {
          variant: "GET + If-None-Match → 304",
          url: target,
          get: { "if-none-match": etag },
          expect: undefined,
        },
        { variant: "GET, full answer (cached)", url: target, get: {}, expect: body },
        "GET 304 / GET full answer",
      ],
    ];
    const rounds = quick ? 1 : 3;
    const seconds = Math.max(1, Math.round(duration / rounds));
    for (const [a, b, what] of pairs) {
      const totals = new Map<Run, Row>();
      const ratios: number[] = [];
      for (const run of [a, b]) await load(run.url, 1, run.expect, run.get); // warm-up
      console.log(`${backend} / ${what}: ${rounds} alternating rounds of ${seconds} s each…`);
      for (let round = 0; round < rounds; round++) {
        const rps: number[] = [];
        for (const run of [a, b]) {
          const r = await load(run.url, seconds, run.expect, run.get);
          rps.push(r.requests.total / seconds);
          const row = totals.get(run) ?? {
            backend,
            variant: run.variant,
            requests: 0,
            rps: 0,
            p50: 0,
            p99: 0,
            errors: 0,
            non2xx: 0,
            mismatches: 0,
            bytes: run.expect === undefined ? 0 : Buffer.byteLength(body),
          };
          row.requests += r.requests.total;
          row.rps = row.requests / ((round + 1) * seconds);
          row.p50 = Math.max(row.p50, r.latency.p50);
          row.p99 = Math.max(row.p99, r.latency.p99);
          row.errors += r.errors + r.timeouts;
          // a 304 is the expected answer of the revalidation run
          row.non2xx += run.expect === undefined ? r.requests.total - r["3xx"] : r.non2xx;
          row.mismatches += r.mismatches;
          totals.set(run, row);
        }
        ratios.push(rps[0]! / rps[1]!);
      }
      rows.push(totals.get(a)!, totals.get(b)!);
      roundRatios.push({ backend, what, ratios });
    }
  } finally {
    await cached.close(1000);
    await uncached.close(1000);
  }
}

/** The ratios asked of the response cache and HTTP caching: medians of alternating rounds of this run. */
function ratios(): string[] {
  return roundRatios.map(({ backend, what, ratios }) => {
    const sorted = [...ratios].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const goal = what.startsWith("dashboard") ? " (goal ≥ 20×)" : "";
    return `${backend === "sqlite" ? "SQLite" : "PostgreSQL"}: ${what} = ${median.toFixed(1)}×${goal}, median of ${ratios.length} alternating rounds (${ratios.map((r) => r.toFixed(1)).join(", ")})`;
  });
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

const FAST_NOTE = "5 years = 2021-11-20 to 2026-11-20 of IWM, SPY, KRE out of 26.9 years stored";
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
  if (process.argv.includes("--only=fanout") || onlyRows === "fanout") return fanout(backends);
  const rows: Row[] = [];
  const onlyOps = process.argv.includes("--only-ops") || onlyRows === "ops";
  if (onlyRows === undefined || onlyRows === "dashboard")
    if (!onlyOps) for (const backend of backends) await benchBackend(backend, rows);
  const fast =
    !onlyOps && (onlyRows === undefined || onlyRows === "fast") && onlyBackend !== "sqlite"
      ? await benchFastPath({
          duration,
          connections,
          dashboardQuery: DASHBOARD_QUERY,
          dashboardVariables: VARIABLES,
        })
      : undefined;
  const ops: OpsRow[] =
    process.argv.includes("--no-ops") || (onlyRows !== undefined && !onlyOps)
      ? []
      : [
          ...(await benchProcesses(REQUEST_BODY, duration, connections)),
          ...(await benchObservability(REQUEST_BODY, duration, connections)),
        ];
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `\nDashboard query (IWM, SPY, KRE: 5-year performance, SMA 200 + RSI 14 over 6 months, easing-cycle study 3/6/12 m)`,
  );
  console.log(
    `${os.cpus().length} vCPU (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ` +
      `${connections} connections, ${duration} s per run after a warm-up; response ${rows[0]?.bytes ?? "?"} bytes\n`,
  );
  if (rows.length) console.log(table(rows));
  const lines = ratios();
  if (lines.length > 0) console.log(`\n${lines.join("\n")}`);
  if (fast) {
    for (const note of fast.notes) console.log(`\n${note}`);
    console.log(
      `\nFast path on PostgreSQL (demo data, ${FAST_NOTE}): CycleLens with the history cache off (every request reads the database) and warm, against PostGraphile v4 on the same schema\n`,
    );
    if (fast.rows.length) console.log(fastTable(fast.rows));
  }
  if (ops.length) console.log(`\n${opsTable(ops)}`);
  const failed =
    rows.some((r) => r.errors || r.non2xx || r.mismatches) ||
    (fast?.rows.some((r) => r.errors || r.mismatches) ?? false) ||
    ops.some((r) => r.failed);
  if (failed) {
    console.error(
      "\nSome requests failed or answered differently: see the errors and non-2xx / mismatched columns.",
    );
    process.exitCode = 1;
  }
  if (onlyRows === undefined && !onlyOps) await fanout(backends);
}

await main();
