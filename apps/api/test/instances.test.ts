/**
 * Several API instances on the real services: 3 API processes on ONE PostgreSQL database (started together, so
 * their migrations race under the advisory lock), a new bar imported by the ingest CLI (another process), then
 * - every instance answers with the new data on its next request (the history cache follows the dataset
 *   version), and
 * - a `datasetChanged` subscriber on each instance gets the event within 1 s of the write (LISTEN/NOTIFY).
 * Required — fails, never skips — with CI=true or CYCLELENS_TEST_PG=1 (testBackends() throws without
 * TEST_POSTGRES_URL; an unreachable server fails createTestDatabase).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createDatabase, repoRoot, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase, type ServerProcess, startServerProcess } from "../bench/harness.js";
import { type Subscriber, subscribe } from "./live-helpers.js";

const run = promisify(execFile);
const INSTANCES = 3;
const LAST_BAR = `{ instrument(symbol: "XNEW") { bars(last: 1) { edges { node { date close } } } } }`;
const postgres = testBackends().includes("postgresql");

async function lastBar(url: string): Promise<{ date: string; close: number } | undefined> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: LAST_BAR }),
  });
  const body = (await res.json()) as {
    data?: { instrument: { bars: { edges: { node: { date: string; close: number } }[] } } | null };
    errors?: unknown[];
  };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data?.instrument?.bars.edges[0]?.node;
}

describe.skipIf(!postgres)(`${INSTANCES} API instances on one PostgreSQL database`, () => {
  let database: Awaited<ReturnType<typeof demoDatabase>>;
  let servers: ServerProcess[] = [];
  let subscribers: Subscriber[] = [];
  let dir: string;
  let imported: { exitedAt: number; version: number } | undefined;

  beforeAll(async () => {
    database = await demoDatabase("postgresql", async (db) => {
      const x = await db.upsertInstrument({
        symbol: "XNEW",
        name: "A test instrument",
        kind: "ETF",
        segment: "small_cap",
        provenance: "csv",
      });
      await db.upsertBars(x.id, [
        { date: "2031-01-02", close: 10 },
        { date: "2031-01-03", close: 11 },
      ]);
    });
    dir = mkdtempSync(path.join(tmpdir(), "cyclelens-instances-"));
    servers = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        startServerProcess(database.url, { LOG_LEVEL: "warn", CYCLELENS_GRAPHIQL: "off" }),
      ),
    );
  }, 180_000);

  afterAll(async () => {
    for (const s of subscribers) s.close();
    await Promise.all(servers.map((s) => s.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await database?.cleanup();
  }, 60_000);

  it("every instance answers the stored data, and each has a subscriber listening", async () => {
    for (const s of servers) expect(await lastBar(s.url)).toEqual({ date: "2031-01-03", close: 11 });
    subscribers = servers.map((s) => subscribe(s.url));
    await Promise.all(subscribers.map((s) => s.connected));
  });

  it("the ingest CLI (another process) imports a new bar", async () => {
    const csv = path.join(dir, "XNEW.csv");
    writeFileSync(csv, "Date,Open,High,Low,Close,Volume\n2031-01-06,12,13,11,12.5,1000\n");
    await run(
      "node",
      [
        "--import",
        "tsx",
        "--conditions=@cyclelens/source",
        "src/cli.ts",
        "--csv",
        csv,
        "--symbol",
        "XNEW",
        "--database-url",
        database.url,
      ],
      { cwd: path.join(repoRoot(), "packages", "ingest") },
    );
    const db = await createDatabase({ url: database.url });
    try {
      imported = { exitedAt: Date.now(), version: await db.dataVersion() };
    } finally {
      await db.close();
    }
  }, 60_000);

  it("a subscriber on each instance gets the event within 1 s of the write", async () => {
    expect(imported).toBeDefined();
    const got = await Promise.all(
      subscribers.map((s) => s.until((c) => c.instruments.includes("XNEW") && c.source === "INGEST", 5000)),
    );
    for (const { change, wall } of got) {
      expect(change.version).toBe(imported!.version);
      expect(change.kinds).toContain("BARS");
      // changedAt is stamped inside the writing transaction, before its commit: an upper bound of the delay.
      expect(wall - Date.parse(change.changedAt)).toBeLessThan(1000);
    }
  });

  it("every instance answers with the new data on its next request", async () => {
    for (const s of servers) expect(await lastBar(s.url)).toEqual({ date: "2031-01-06", close: 12.5 });
  });

  // CACHE HELPER: "no stale cached response after the event" belongs here — same instances, same event
  // (with REDIS_URL / the response cache on in startServerProcess's env above).
});
