/**
 * The server as processes: OpenTelemetry spans arriving at a local OTLP/HTTP receiver; CYCLELENS_WORKERS (two
 * workers on one port, a killed worker restarted, metrics summed by the primary, SIGTERM stopping all); three
 * processes starting at once on a fresh PostgreSQL database (the migrations' advisory lock).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { testBackends } from "@cyclelens/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const main = ["--import", "tsx", "--conditions=@cyclelens/source", "src/main.ts"];
const TOKEN = "processes-metrics-token";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnApi(env: Record<string, string>, args: string[] = []): Proc {
  const child = spawn(process.execPath, [...main, ...args], {
    cwd: apiDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", ...env },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const proc = { child, output: () => out, exited };
  started.push(proc);
  return proc;
}

// generous: on a loaded 2-core machine (the whole suite at once) a tsx start took over 90 s
async function waitFor(what: string, check: () => boolean | Promise<boolean>, proc: Proc, ms = 240_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline || proc.child.exitCode !== null)
      throw new Error(`${what} did not happen:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

async function labels(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: "query Labels { dataset { label } }" }),
  });
  return { status: res.status, body: (await res.json()) as { data?: { dataset: { label: string } } } };
}

/** The pids of `pid`'s child processes running the server (not tsx's esbuild service). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes("src/main.ts"))
      .map((s) => Number.parseInt(s.trim(), 10))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-processes-"));
/** Every process a test started: a failed test must not leave a server (or a cluster) running. */
const started: Proc[] = [];
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  let receiver: Server;
  let endpoint: string;
  const posts: { path: string; type: string; body: string }[] = [];
  beforeAll(async () => {
    receiver = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        posts.push({
          path: req.url ?? "",
          type: String(req.headers["content-type"]),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("sends a span per operation to <endpoint>/v1/traces over OTLP/HTTP, flushed at shutdown", async () => {
    const port = await freePort();
    const api = spawnApi(
      {
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "otel.db")}`,
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_SERVICE_NAME: "cyclelens-test",
      },
      ["--seed-demo-if-empty"],
    );
    await waitFor("start", () => api.output().includes("GraphQL API on"), api);
    expect((await labels(port)).body.data?.dataset.label).toBe("DEMO");
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0]!.path).toBe("/v1/traces");
    expect(posts[0]!.type).toMatch(/application\/json/);
    type Attr = { key: string; value: { stringValue?: string } };
    const spans = posts.flatMap((p) =>
      (
        JSON.parse(p.body).resourceSpans as {
          resource: { attributes: Attr[] };
          scopeSpans: { spans: { name: string; attributes: Attr[] }[] }[];
        }[]
      ).flatMap((r) =>
        r.scopeSpans.flatMap((s) => s.spans.map((span) => ({ ...span, resource: r.resource }))),
      ),
    );
    const span = spans.find((s) =>
      s.attributes.some((a) => a.key === "graphql.execute.operationName" && a.value.stringValue === "Labels"),
    );
    expect(span, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
    expect(span!.resource.attributes).toContainEqual({
      key: "service.name",
      value: { stringValue: "cyclelens-test" },
    });
  }, 600_000);
});

describe("CYCLELENS_WORKERS=2", () => {
  it("two workers on one port; a killed worker is restarted; metrics summed; SIGTERM stops all", async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const api = spawnApi(
      {
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "cluster.db")}`,
        CYCLELENS_WORKERS: "2",
        CYCLELENS_METRICS_PORT: String(metricsPort),
        CYCLELENS_METRICS_TOKEN: TOKEN,
      },
      ["--seed-demo-if-empty"],
    );
    const primary = api.child.pid!;
    try {
      await waitFor("two workers", () => occurrences(api.output(), "GraphQL API on") >= 2, api);
      expect(api.output()).toMatch(/primary \d+ started 2 workers/);
      expect(occurrences(api.output(), "seeded the demo dataset")).toBe(1); // the primary prepared the database once
      const workers = childrenOf(primary);
      expect(workers).toHaveLength(2);

      for (let i = 0; i < 20; i++) expect((await labels(port)).status).toBe(200);
      const scrape = async () =>
        (
          await fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).text();
      const count = (text: string) =>
        text
          .split("\n")
          .filter(
            (l) => l.startsWith("graphql_yoga_http_duration_count{") && l.includes('operationName="Labels"'),
          )
          .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
      expect(count(await scrape())).toBe(20); // both workers' requests, summed by the primary
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(401);

      // a crashed worker comes back; the port keeps answering meanwhile
      process.kill(workers[0]!, "SIGKILL");
      await waitFor("a restart", () => /restarting in 250 ms/.test(api.output()), api);
      await waitFor("a new worker", () => occurrences(api.output(), "GraphQL API on") >= 3, api);
      const after = childrenOf(primary);
      expect(after).toHaveLength(2);
      expect(after).not.toContain(workers[0]);
      for (let i = 0; i < 10; i++) expect((await labels(port)).status).toBe(200);

      api.child.kill("SIGTERM");
      expect(await api.exited).toBe(0);
      expect(occurrences(api.output(), "SIGTERM received")).toBeGreaterThanOrEqual(3); // the primary and both workers
      for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      // on a failure: SIGTERM the primary (it stops its workers), then make sure
      if (api.child.exitCode === null) {
        const workers = childrenOf(primary);
        api.child.kill("SIGTERM");
        await Promise.race([api.exited, new Promise((r) => setTimeout(r, 10_000))]);
        for (const pid of workers) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {}
        }
      }
    }
  }, 600_000);

  it("rejects a bad value in one line", () => {
    const r = execFileSync(
      "bash",
      ["-c", `CYCLELENS_WORKERS=many "${process.execPath}" ${main.join(" ")} 2>&1; echo "exit $?"`],
      { cwd: apiDir, encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    expect(r).toMatch(/^cyclelens-api: invalid configuration: CYCLELENS_WORKERS must be auto or an integer/);
    expect(r).toMatch(/exit 1\n$/);
  }, 60_000);
});

describe.runIf(testBackends().includes("postgresql"))(
  "three processes at once on a fresh PostgreSQL database",
  () => {
    const name = `cyclelens_concurrent_${process.pid}_${Date.now()}`;
    const base = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test");
    const admin = () => {
      const u = new URL(base);
      u.pathname = "/postgres";
      return new pg.Client({ connectionString: u.toString() });
    };
    const url = (() => {
      const u = new URL(base);
      u.pathname = `/${name}`;
      return u.toString();
    })();
    beforeAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
    });
    afterAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });

    it("each migration is applied once, every process serves", async () => {
      const ports = [await freePort(), await freePort(), await freePort()];
      const procs = ports.map((port) => spawnApi({ PORT: String(port), DATABASE_URL: url }));
      try {
        for (const p of procs) await waitFor("start", () => p.output().includes("GraphQL API on"), p);
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const { rows } = await c.query(
          'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name',
        );
        // the reference data migrate() stores after migrating: once, not three times
        const { rows: fomc } = await c.query("SELECT count(*)::int AS n FROM policy_decisions");
        const { rows: distinct } = await c.query(
          "SELECT count(*)::int AS n FROM (SELECT DISTINCT * FROM policy_decisions) d",
        );
        await c.end();
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r: { n: number }) => r.n !== 1)).toEqual([]);
        const applied = procs.map((p) => /applied (\d+) migration/.exec(p.output())?.[1] ?? "0");
        expect(applied.filter((n) => n !== "0")).toHaveLength(1); // one process migrated, the others waited
        expect(fomc[0]!.n).toBeGreaterThan(0);
        expect(distinct[0]!.n).toBe(fomc[0]!.n);
        for (const port of ports) {
          const res = await labels(port);
          expect(res.status).toBe(200);
        }
      } finally {
        for (const p of procs) p.child.kill("SIGTERM");
        const codes = await Promise.all(procs.map((p) => p.exited));
        expect(codes, procs.map((p) => p.output()).join("\n---\n")).toEqual([0, 0, 0]);
      }
    }, 600_000);
  },
);
