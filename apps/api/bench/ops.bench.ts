/**
 * The ops rows of `pnpm bench:api` (called from api.bench.ts), each a ratio measured in one run, side by side:
 *
 * - **1 vs 2 processes**: the server process (`src/main.ts`) with `CYCLELENS_WORKERS=1` and then `=2` on one
 *   SQLite file holding the demo dataset, loaded with the dashboard query by autocannon (one worker thread, on the
 *   same 2 cores: the load generator competes with the server, as it would on any one-host test).
 * - **observability overhead**: the in-process server with nothing, with Prometheus metrics
 *   (`CYCLELENS_METRICS_PORT`), and with OpenTelemetry tracing to a local OTLP/HTTP sink, in turn (off, metrics,
 *   tracing, twice over, averaged), on the same database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createTestDatabase, seedDemo } from "@cyclelens/db";
import autocannon from "autocannon";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";

export interface OpsRow {
  row: string;
  variant: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** requests/s of each round, when averaged over rounds */
  rounds?: number[];
}

const apiDir = fileURLToPath(new URL("..", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function load(url: string, body: string, seconds: number, connections: number) {
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body,
    connections,
    duration: seconds,
    workers: 1,
  });
}

const row = (name: string, variant: string, r: autocannon.Result): OpsRow => ({
  row: name,
  variant,
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  failed: r.errors + r.timeouts + r.non2xx,
});

async function startProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@cyclelens/source", "src/main.ts"],
    {
      cwd: apiDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", ...env },
    },
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const workers = Number(env.CYCLELENS_WORKERS ?? "1");
  const deadline = Date.now() + 120_000;
  while (out.split("GraphQL API on").length - 1 < workers) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** 1 vs 2 processes (CYCLELENS_WORKERS) on one SQLite file. */
export async function benchProcesses(body: string, seconds: number, connections: number): Promise<OpsRow[]> {
  console.log(
    `load average before the ops rows: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
  );
  const database = await createTestDatabase("sqlite");
  const rows: OpsRow[] = [];
  try {
    await seedDemo(database.db);
    await database.db.close();
    for (const workers of [1, 2]) {
      const port = await freePort();
      const server = await startProcess({
        PORT: String(port),
        DATABASE_URL: database.url,
        CYCLELENS_WORKERS: String(workers),
      });
      try {
        const url = `http://127.0.0.1:${port}/graphql`;
        await load(url, body, Math.min(3, seconds), connections); // warm-up: every worker's caches and JIT
        console.log(`processes: ${workers}, ${seconds} s, ${connections} connections…`);
        rows.push(
          row(
            "dashboard, processes on one host",
            `${workers} process${workers > 1 ? "es" : ""}`,
            await load(url, body, seconds, connections),
          ),
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    await database.cleanup();
  }
  return rows;
}

/** Nothing vs Prometheus metrics vs OpenTelemetry tracing, in-process, in turn, twice. */
export async function benchObservability(
  body: string,
  seconds: number,
  connections: number,
): Promise<OpsRow[]> {
  const database = await createTestDatabase("sqlite");
  let spans = 0;
  const sink = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => {
      spans++;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const variants: [string, Record<string, string>][] = [
    ["off (default)", {}],
    ["Prometheus metrics on", { CYCLELENS_METRICS_PORT: "0" }],
    ["OpenTelemetry tracing on", { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }],
  ];
  const results = new Map<string, autocannon.Result[]>();
  try {
    await seedDemo(database.db);
    for (let round = 0; round < 2; round++) {
      for (const [name, env] of variants) {
        const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env });
        const server = await startServer({ db: database.db, config });
        try {
          await load(server.url, body, Math.min(2, seconds), connections);
          console.log(`observability: ${name} (round ${round + 1}), ${seconds} s…`);
          const r = await load(server.url, body, seconds, connections);
          results.set(name, [...(results.get(name) ?? []), r]);
        } finally {
          await server.close(1000);
        }
      }
    }
  } finally {
    await database.cleanup();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
  if (spans === 0) throw new Error("the tracing variant exported no spans to the local sink");
  return variants.map(([name]) => {
    const rs = results.get(name)!;
    const mean = (f: (r: autocannon.Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    return {
      row: "dashboard, observability",
      variant: name,
      rps: mean((r) => r.requests.average),
      p50: mean((r) => r.latency.p50),
      p99: mean((r) => r.latency.p99),
      failed: rs.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0),
      rounds: rs.map((r) => r.requests.average),
    };
  });
}

/** The rows as a table, each group with its ratio to its first row. */
export function opsTable(rows: OpsRow[]): string {
  const header = [
    "row",
    "variant",
    "requests/s",
    "ratio",
    "p50 ms",
    "p99 ms",
    "failed",
    "rounds (requests/s)",
  ];
  const firsts = new Map<string, number>();
  const lines = rows.map((r) => {
    if (!firsts.has(r.row)) firsts.set(r.row, r.rps);
    return [
      r.row,
      r.variant,
      r.rps.toFixed(1),
      `${(r.rps / firsts.get(r.row)!).toFixed(2)}×`,
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.failed),
      r.rounds ? r.rounds.map((x) => x.toFixed(1)).join(", ") : "",
    ];
  });
  return [header, header.map(() => "---"), ...lines].map((c) => `| ${c.join(" | ")} |`).join("\n");
}
