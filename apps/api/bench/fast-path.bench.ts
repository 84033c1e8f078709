/**
 * The uncached fast path against PostGraphile v4, and the dashboard with the history cache off against warm
 * (`pnpm bench:api` runs it after the dashboard rows; alone: `pnpm bench:api --rows=fast`).
 *
 * On ONE fresh PostgreSQL schema holding the demo dataset (2000-01-03 to 2026-11-20: ~26.9 years of daily bars):
 * - PostGraphile **v4** (the newest 4.x from npm), installed at run time into a temporary folder (never a
 *   dependency of the project) and started as its own process on the same schema, with one SQL function
 *   `bars_in_range(symbol, from, to)` (PostGraphile's idiomatic custom query: a `SETOF daily_bars` function)
 *   so it can filter a date range. When npm cannot install it (registry unreachable) its rows are skipped with
 *   a message saying why, and the CycleLens rows still run.
 * - CycleLens twice, in this process like the dashboard rows: history cache **off** (`CYCLELENS_CACHE_ENTRIES=0`:
 *   every request reads the database, window reads of the range) and **warm** (cache on, warmed up first).
 * - Queries: five years of raw bars (all columns) and of one `series` column (adjusted close), for 1 and 3
 *   instruments; PostGraphile answers the same shapes (`nodes { … }`) from its function. Each answer is checked
 *   first (the same dates and values on both servers), then loaded with autocannon (`connections`, `duration`).
 * - The dashboard query (api.bench.ts) with the cache off against warm.
 * The ratios are of requests/s measured in this one run, back to back.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, seedDemo } from "@cyclelens/db";
import autocannon from "autocannon";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";

const FROM = "2021-11-20";
const TO = "2026-11-20";
const SYMBOLS = ["IWM", "SPY", "KRE"];
const BAR_FIELDS = "date open high low close adjClose volume";

export interface FastRow {
  query: string;
  server: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  mismatches: number;
}

interface Shape {
  name: string;
  cyclelens: string;
  postgraphile: string;
  /** [date, value…] rows of each instrument, for checking both servers answer the same data. */
  rowsOfCycleLens(data: Record<string, unknown>): unknown[][][];
  rowsOfPostGraphile(data: Record<string, unknown>): unknown[][][];
}

const alias = (i: number) => `i${i}`;

function shapes(): Shape[] {
  const out: Shape[] = [];
  for (const n of [1, 3]) {
    const symbols = SYMBOLS.slice(0, n);
    const pgl = (fields: string) =>
      `{ ${symbols.map((s, i) => `${alias(i)}: barsInRange(symbol: "${s}", fromDate: "${FROM}", toDate: "${TO}") { nodes { ${fields} } }`).join(" ")} }`;
    out.push({
      name: `5-year bars, ${n} instrument${n > 1 ? "s" : ""}`,
      cyclelens: `{ ${symbols.map((s, i) => `${alias(i)}: instrument(symbol: "${s}") { bars(range: { from: "${FROM}", to: "${TO}" }, first: 2000) { edges { node { ${BAR_FIELDS} } } } }`).join(" ")} }`,
      postgraphile: pgl(BAR_FIELDS),
      rowsOfCycleLens: (data) =>
        symbols.map((_, i) =>
          (data[alias(i)] as { bars: { edges: { node: Record<string, unknown> }[] } }).bars.edges.map((e) =>
            BAR_FIELDS.split(" ").map((f) => e.node[f]),
          ),
        ),
      rowsOfPostGraphile: (data) =>
        symbols.map((_, i) =>
          (data[alias(i)] as { nodes: Record<string, unknown>[] }).nodes.map((node) =>
            BAR_FIELDS.split(" ").map((f) => node[f]),
          ),
        ),
    });
    out.push({
      name: `5-year series, ${n} instrument${n > 1 ? "s" : ""}`,
      cyclelens: `{ ${symbols.map((s, i) => `${alias(i)}: instrument(symbol: "${s}") { series(field: ADJ_CLOSE, range: { from: "${FROM}", to: "${TO}" }) { date value } }`).join(" ")} }`,
      postgraphile: pgl("date adjClose"),
      rowsOfCycleLens: (data) =>
        symbols.map((_, i) =>
          (data[alias(i)] as { series: { date: string; value: number }[] }).series.map((p) => [
            p.date,
            p.value,
          ]),
        ),
      rowsOfPostGraphile: (data) =>
        symbols.map((_, i) =>
          (data[alias(i)] as { nodes: { date: string; adjClose: number }[] }).nodes.map((p) => [
            p.date,
            p.adjClose,
          ]),
        ),
    });
  }
  return out;
}

const HEADERS = { "content-type": "application/json", accept: "application/json" };

async function answer(url: string, query: string): Promise<{ body: string; data: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", headers: HEADERS, body: JSON.stringify({ query }) });
  const body = await res.text();
  const parsed = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || parsed.errors?.length || !parsed.data)
    throw new Error(`${url}: query failed (HTTP ${res.status}): ${body.slice(0, 400)}`);
  return { body, data: parsed.data };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Installs PostGraphile v4 into a temporary folder; returns its CLI path, or why it could not. */
export async function installPostGraphile(): Promise<{ cli: string; dir: string } | { skipped: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-postgraphile-"));
  writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
  try {
    await promisify(execFile)(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-save", "postgraphile@4"],
      { cwd: dir, timeout: 300_000 },
    );
    return { cli: path.join(dir, "node_modules", "postgraphile", "cli.js"), dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const output = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    const lines = output.split("\n");
    const telling = lines.filter((l) => /code |request to|network|ENOTFOUND|ECONN|ETIMEDOUT|E\d{3}/i.test(l));
    return {
      skipped: `npm install postgraphile@4 failed; is the npm registry reachable? (${(telling.length ? telling : lines).slice(0, 2).join("; ")})`,
    };
  }
}

async function startPostGraphile(cli: string, connection: string, schema: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      cli,
      "-c",
      connection,
      "-s",
      schema,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--disable-query-log",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`PostGraphile did not start:\n${out.slice(-2000)}`);
    const up = await fetch(url, {
      method: "POST",
      headers: HEADERS,
      body: '{"query":"{ __typename }"}',
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function load(url: string, query: string, seconds: number, connections: number, expectBody?: string) {
  return autocannon({
    url,
    method: "POST",
    headers: HEADERS,
    body: JSON.stringify({ query }),
    connections,
    duration: seconds,
    workers: 1,
    ...(expectBody ? { expectBody } : {}),
  });
}

/** Runs the fast-path rows on PostgreSQL; returns the rows and the lines to print. */
export async function benchFastPath(options: {
  duration: number;
  connections: number;
  dashboardQuery: string;
  dashboardVariables: unknown;
}): Promise<{ rows: FastRow[]; notes: string[] }> {
  const { duration, connections } = options;
  const notes: string[] = [];
  const rows: FastRow[] = [];
  process.env.TEST_POSTGRES_URL ||= "postgres://postgres@127.0.0.1:5432/test";
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  try {
    database = await createTestDatabase("postgresql");
  } catch (error) {
    notes.push(`fast-path rows SKIPPED: ${(error as Error).message}`);
    return { rows, notes };
  }
  const installing = installPostGraphile();
  try {
    await seedDemo(database.db);
    const url = new URL(database.url);
    const schema = url.searchParams.get("schema")!;
    url.searchParams.delete("schema");
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(
      `CREATE FUNCTION "${schema}".bars_in_range(symbol text, from_date text, to_date text) RETURNS SETOF "${schema}".daily_bars AS $$ ` +
        `SELECT b.* FROM "${schema}".daily_bars b JOIN "${schema}".instruments i ON i.id = b.instrument_id ` +
        "WHERE i.symbol = upper($1) AND b.date >= $2 AND b.date <= $3 ORDER BY b.date $$ LANGUAGE sql STABLE",
    );
    await admin.end();

    const installed = await installing;
    const postgraphile =
      "cli" in installed ? await startPostGraphile(installed.cli, url.toString(), schema) : undefined;
    if ("skipped" in installed) notes.push(`PostGraphile rows SKIPPED: ${installed.skipped}`);
    const servers: { name: string; url: string; stop(): Promise<void> }[] = [];
    try {
      for (const [name, entries] of [
        ["CycleLens, cache off", "0"],
        ["CycleLens, cache warm", "1024"],
      ] as const) {
        const config = loadConfig({
          PORT: "0",
          HOST: "127.0.0.1",
          LOG_LEVEL: "silent",
          CYCLELENS_CACHE_ENTRIES: entries,
        });
        const s = await startServer({ db: database.db, config });
        servers.push({ name, url: s.url, stop: () => s.close(1000) });
      }
      for (const shape of shapes()) {
        const reference = await answer(servers[0]!.url, shape.cyclelens);
        const expected = JSON.stringify(shape.rowsOfCycleLens(reference.data));
        const runs: { name: string; url: string; query: string }[] = [];
        if (postgraphile) {
          const p = await answer(postgraphile.url, shape.postgraphile);
          if (JSON.stringify(shape.rowsOfPostGraphile(p.data)) !== expected)
            throw new Error(`${shape.name}: PostGraphile and CycleLens answer different rows`);
          runs.push({ name: "PostGraphile v4", url: postgraphile.url, query: shape.postgraphile });
        }
        for (const s of servers) {
          const a = await answer(s.url, shape.cyclelens);
          if (a.body !== reference.body) throw new Error(`${shape.name}: ${s.name} answers differently`);
          runs.push({ name: s.name, url: s.url, query: shape.cyclelens });
        }
        for (const run of runs) {
          const body = (await answer(run.url, run.query)).body;
          await load(run.url, run.query, Math.min(2, duration), connections); // warm-up
          console.log(`${shape.name} / ${run.name}: ${duration} s, ${connections} connections…`);
          const r = await load(run.url, run.query, duration, connections, body);
          rows.push({
            query: shape.name,
            server: run.name,
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            errors: r.errors + r.timeouts + r.non2xx,
            mismatches: r.mismatches,
          });
        }
      }
      // The dashboard: history cache off against warm.
      const dashboard = JSON.stringify({
        query: options.dashboardQuery,
        variables: options.dashboardVariables,
      });
      let reference: string | undefined;
      for (const s of servers) {
        const res = await fetch(s.url, { method: "POST", headers: HEADERS, body: dashboard });
        const body = await res.text();
        if (res.status !== 200 || body.includes('"errors"'))
          throw new Error(`dashboard: ${body.slice(0, 300)}`);
        if (reference !== undefined && body !== reference)
          throw new Error(`dashboard: ${s.name} answers differently`);
        reference = body;
        const run = () =>
          autocannon({
            url: s.url,
            method: "POST",
            headers: HEADERS,
            body: dashboard,
            connections,
            duration,
            workers: 1,
            expectBody: body,
          });
        await autocannon({
          url: s.url,
          method: "POST",
          headers: HEADERS,
          body: dashboard,
          connections,
          duration: 2,
          workers: 1,
        });
        console.log(`dashboard / ${s.name}: ${duration} s, ${connections} connections…`);
        const r = await run();
        rows.push({
          query: "dashboard",
          server: s.name,
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts + r.non2xx,
          mismatches: r.mismatches,
        });
      }
    } finally {
      for (const s of servers) await s.stop();
      await postgraphile?.stop();
      if ("dir" in installed) rmSync(installed.dir, { recursive: true, force: true });
    }
  } finally {
    await database.cleanup();
  }
  return { rows, notes };
}

/** The fast-path table: requests/s, latency, and the ratios against PostGraphile / the warm cache. */
export function fastTable(rows: FastRow[]): string {
  const header = ["query", "server", "requests/s", "p50 ms", "p99 ms", "errors / mismatched", "ratio"];
  const lines = rows.map((r) => {
    const pgl = rows.find((x) => x.query === r.query && x.server === "PostGraphile v4");
    const warm = rows.find((x) => x.query === r.query && x.server === "CycleLens, cache warm");
    let ratio = "";
    if (r.query === "dashboard" && r.server === "CycleLens, cache off" && warm)
      ratio = `warm / off = ${(warm.rps / r.rps).toFixed(2)}×`;
    else if (pgl && r.server !== pgl.server) ratio = `${(r.rps / pgl.rps).toFixed(2)}× PostGraphile`;
    return [
      r.query,
      r.server,
      r.rps.toFixed(1),
      String(r.p50),
      String(r.p99),
      `${r.errors} / ${r.mismatches}`,
      ratio,
    ];
  });
  return [header, header.map(() => "---"), ...lines].map((c) => `| ${c.join(" | ")} |`).join("\n");
}
