/**
 * Shared by the hostile benchmark, the load benchmark and `pnpm fuzz`: a fresh database (SQLite temp file, or a
 * fresh PostgreSQL schema on TEST_POSTGRES_URL / postgres://postgres@127.0.0.1:5432/test) holding the demo
 * dataset, and the server running as a **separate process** on it (so a crash, its memory and its event loop are
 * measured from outside: RSS from /proc, `/health` latency over HTTP).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  createTestDatabase,
  type Database,
  seedDemo,
  type TestBackend,
  type TestDatabase,
} from "@cyclelens/db";

export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/test";
const apiDir = fileURLToPath(new URL("..", import.meta.url));

/** The backends asked for with --backend=…, PostgreSQL only when reachable (a message says when it is skipped). */
export async function backendsFromArgs(argv: string[]): Promise<TestBackend[]> {
  const asked = argv.find((a) => a.startsWith("--backend="))?.slice("--backend=".length);
  const wanted: TestBackend[] = asked ? [asked as TestBackend] : ["sqlite", "postgresql"];
  const out: TestBackend[] = [];
  for (const b of wanted) {
    if (b !== "postgresql") {
      out.push(b);
      continue;
    }
    process.env.TEST_POSTGRES_URL ||= DEFAULT_PG_URL;
    try {
      const t = await createTestDatabase("postgresql", { migrate: false });
      await t.cleanup();
      out.push(b);
    } catch (error) {
      if (asked) throw error;
      console.log(`PostgreSQL skipped: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return out;
}

/** A fresh database of `backend` with the demo dataset; `prepare` may add more before the server starts. */
export async function demoDatabase(
  backend: TestBackend,
  prepare?: (db: Database) => Promise<void>,
): Promise<TestDatabase> {
  if (backend === "postgresql") process.env.TEST_POSTGRES_URL ||= DEFAULT_PG_URL;
  const t = await createTestDatabase(backend);
  await seedDemo(t.db);
  if (prepare) await prepare(t.db);
  await t.db.close();
  return t;
}

export interface ServerProcess {
  url: string;
  base: string;
  child: ChildProcess;
  /** Everything the server printed. */
  output(): string;
  /** Resident set size of the server process, MB (from /proc). */
  rssMb(): number;
  /** Peak RSS of the server process so far, MB (VmHWM). */
  peakRssMb(): number;
  alive(): boolean;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

function procStatus(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The server's command: the built `dist/main.js` (what `npm start` runs; ~90 MB less RSS than running the
 * sources through tsx) when it is newer than every source file, else the sources through tsx.
 */
export function serverCommand(): { args: string[]; built: boolean } {
  const dist = path.join(apiDir, "dist", "main.js");
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(path.join(apiDir, "src")))
    return { args: [dist], built: true };
  return { args: ["--import", "tsx", "--conditions=@cyclelens/source", "src/main.ts"], built: false };
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

/** Starts the server on `databaseUrl` with `env` on a free port; resolves once `/health` answers. */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, serverCommand().args, {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const deadline = Date.now() + 120_000;
  const url = `http://127.0.0.1:${port}/graphql`;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the server did not start:\n${out.slice(-2000)}`);
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    base: url.replace(/\/graphql$/, ""),
    child,
    output: () => out,
    rssMb: () => procStatus(child.pid!, "VmRSS"),
    peakRssMb: () => procStatus(child.pid!, "VmHWM"),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Polls `GET /health` every `everyMs` from a worker thread (so the bench's own work — building a 10 MB body —
 * does not delay the probes); `stop()` returns the slowest answer (ms) and the count. A health answer that
 * takes long means the server's event loop was blocked that long (or the machine was busy).
 */
export function watchHealth(base: string, everyMs = 20) {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     let running = true, worst = 0, count = 0, failures = 0;
     parentPort.on("message", () => { running = false; });
     (async () => {
       while (running) {
         const t0 = performance.now();
         try { const r = await fetch(workerData.base + "/health"); await r.arrayBuffer(); if (!r.ok) failures++; }
         catch { failures++; }
         worst = Math.max(worst, performance.now() - t0); count++;
         await new Promise((r) => setTimeout(r, workerData.everyMs));
       }
       parentPort.postMessage({ worstMs: worst, count, failures });
     })();`,
    { eval: true, workerData: { base, everyMs } },
  );
  return {
    stop(): Promise<{ worstMs: number; count: number; failures: number }> {
      return new Promise((resolve) => {
        worker.once("message", (m) => {
          void worker.terminate();
          resolve(m);
        });
        worker.postMessage("stop");
      });
    },
  };
}

/** Samples the server's RSS every `everyMs`; `stop()` returns the highest sample, MB. */
export function watchRss(server: ServerProcess, everyMs = 50) {
  let max = server.rssMb();
  const timer = setInterval(() => {
    const v = server.rssMb();
    if (v > max) max = v;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}
