/**
 * The server as a process: bad configuration stops it with one line and exit code 1; it migrates and
 * seeds a new database, shuts down gracefully on SIGTERM, and keeps its data across a restart.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const main = ["--import", "tsx", "--conditions=@cyclelens/source", "src/main.ts"];
const cleanEnv = (extra: Record<string, string>) => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: "info",
    ...extra,
  };
  return env;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe("server process", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-process-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      { PORT: "eighty" },
      /^cyclelens-api: invalid configuration: PORT must be an integer from 0 to 65535 \(got "eighty"\)\n$/,
    ],
    [
      { DATABASE_URL: "mysql://root@localhost/db" },
      /^cyclelens-api: invalid configuration: DATABASE_URL must use file: \(SQLite\) or postgres/,
    ],
    [{ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nope" }, /^cyclelens-api: cannot open the database/],
    [
      { DATABASE_URL: "postgres://postgres:supersecret@127.0.0.1:1/nope" },
      /^cyclelens-api: cannot open the database \(postgres(ql)?:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nope\): \S/,
    ],
  ])(
    "exits 1 with one clear line for %o",
    (env, pattern) => {
      const r = spawnSync(process.execPath, main, {
        cwd: apiDir,
        env: cleanEnv(env),
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain("supersecret");
    },
    60_000,
  );

  async function start(
    port: number,
    file = "app.db",
  ): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(process.execPath, [...main, "--seed-demo-if-empty"], {
      cwd: apiDir,
      env: cleanEnv({ PORT: String(port), DATABASE_URL: `file:${path.join(dir, file)}` }),
    });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const deadline = Date.now() + 90_000;
    while (!out.includes("GraphQL API on")) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { child, output: () => out };
  }

  const count = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          '{ instrument(symbol: "IWM") { bars(range: { from: "2024-01-01", to: "2024-12-31" }) { totalCount } } }',
      }),
    });
    return ((await res.json()) as { data: { instrument: { bars: { totalCount: number } } } }).data.instrument
      .bars.totalCount;
  };

  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      child.on("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });

  it("migrates and seeds a new database, stops on SIGTERM, and keeps its data on restart", async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.output()).toMatch(/applied 1 migration|applied \d+ migration/);
    expect(first.output()).toMatch(/seeded the demo dataset/);
    expect(await count(port)).toBe(252);
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toMatch(/SIGTERM received/);

    const second = await start(port);
    expect(second.output()).not.toMatch(/seeded|applied/);
    expect(await count(port)).toBe(252);
    expect(await stop(second.child)).toBe(0);
  }, 180_000);

  it("finishes every accepted request on SIGTERM: 50 in flight, 50 answered", async () => {
    const port = await freePort();
    const server = await start(port, "drain.db");
    const query = `{ ${Array.from({ length: 6 }, (_, i) => `p${i}: instrument(symbol: "IWM") { performance(range: { from: "${2001 + i}-01-01" }) { totalReturn sharpe } sma(period: ${20 + i}) { value } }`).join(" ")} }`;
    const requests = Array.from({ length: 50 }, () =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      }).then(
        async (res) => ({
          status: res.status,
          body: (await res.json()) as { data?: unknown; errors?: unknown },
        }),
        (error: Error) => ({
          status: 0,
          body: { errors: error.message } as { data?: unknown; errors?: unknown },
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) => server.child.on("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status !== 200 || !r.body.data || r.body.errors)).toEqual([]);
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received/);
  }, 180_000);

  it("refuses to start on a corrupt SQLite file, saying so in one line", async () => {
    copyFileSync(path.join(dir, "app.db"), path.join(dir, "corrupt.db"));
    const fd = openSync(path.join(dir, "corrupt.db"), "r+");
    writeSync(fd, Buffer.alloc(16_384, 0x5a), 0, 16_384, 40_960);
    closeSync(fd);
    const r = spawnSync(process.execPath, main, {
      cwd: apiDir,
      env: cleanEnv({ PORT: "0", DATABASE_URL: `file:${path.join(dir, "corrupt.db")}` }),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cyclelens-api: .*(corrupt|malformed|not a database)/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
