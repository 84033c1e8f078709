/**
 * Several API instances on the real services: 3 API processes on ONE PostgreSQL database (started together, so
 * their migrations race under the advisory lock), a new bar imported by the ingest CLI (another process), then
 * - every instance answers with the new data on its next request (the history cache follows the dataset
 *   version), and
 * - a `datasetChanged` subscriber on each instance gets the event within 1 s of the write (LISTEN/NOTIFY), and
 * - no stale cached answer is served after it: the instances share one Redis response cache (an answer cached by
 *   one instance is a hit on the others before the import), and after the event a cached GET's old ETag gets a
 *   full 200 answer with the new bar, not a 304.
 * Required — fails, never skips — with CI=true or CYCLELENS_TEST_PG=1 (testBackends() throws without
 * TEST_POSTGRES_URL; an unreachable server fails createTestDatabase; testRedisUrl() throws when Redis is down).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createDatabase, repoRoot, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase, type ServerProcess, startServerProcess } from "../bench/harness.js";
import { randomRedisPrefix, testRedisUrl } from "./helpers.js";
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

/** The same question as a named operation (its own cache key), sent by GET, with an optional If-None-Match. */
const LAST_BAR_GET = `query LastBar ${LAST_BAR}`;
async function lastBarByGet(url: string, etag?: string) {
  const res = await fetch(`${url}?query=${encodeURIComponent(LAST_BAR_GET)}`, {
    headers: { accept: "application/graphql-response+json", ...(etag ? { "if-none-match": etag } : {}) },
  });
  return {
    status: res.status,
    etag: res.headers.get("etag") ?? undefined,
    cache: res.headers.get("x-cyclelens-cache"),
    body: res.status === 304 ? undefined : ((await res.json()) as { data?: unknown }),
  };
}

describe.skipIf(!postgres)(`${INSTANCES} API instances on one PostgreSQL database`, () => {
  let database: Awaited<ReturnType<typeof demoDatabase>>;
  let servers: ServerProcess[] = [];
  let subscribers: Subscriber[] = [];
  let dir: string;
  let imported: { exitedAt: number; version: number } | undefined;
  let redisUrl: string | undefined;
  const etags: (string | undefined)[] = [];

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
    redisUrl = await testRedisUrl(); // required with CI=true / CYCLELENS_TEST_PG=1
    const shared: Record<string, string> = redisUrl
      ? { REDIS_URL: redisUrl, CYCLELENS_REDIS_PREFIX: randomRedisPrefix() }
      : {};
    servers = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        startServerProcess(database.url, { LOG_LEVEL: "warn", CYCLELENS_GRAPHIQL: "off", ...shared }),
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

  it("share one response cache through Redis: an answer cached by one instance is a hit on the others", async (ctx) => {
    if (!redisUrl) ctx.skip(); // only when Redis is not required (testRedisUrl printed why)
    const first = await lastBarByGet(servers[0]!.url);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("MISS");
    for (const s of servers) {
      const got = await lastBarByGet(s.url); // servers[1] and [2] never ran it: a hit means the shared store
      expect(got.status).toBe(200);
      expect(got.cache).toBe("HIT");
      expect(got.body).toEqual(first.body);
      etags.push(got.etag);
    }
    expect(etags.every((e) => e !== undefined)).toBe(true);
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

  it("no stale cached answer after the event: an old ETag gets the new bar in full, not a 304", async (ctx) => {
    if (!redisUrl) ctx.skip();
    for (const [i, s] of servers.entries()) {
      const got = await lastBarByGet(s.url, etags[i]);
      expect(got.status).toBe(200);
      expect(got.etag).not.toBe(etags[i]);
      expect(got.body).toEqual({
        data: { instrument: { bars: { edges: [{ node: { date: "2031-01-06", close: 12.5 } }] } } },
      });
    }
  });
});
