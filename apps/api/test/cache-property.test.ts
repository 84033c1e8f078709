/**
 * Cache correctness across instances: two API instances share one Redis response store (a random key prefix)
 * and one database; a third instance has no cache at all (no response cache, no history cache). A seeded random
 * sequence of a few hundred steps sends queries (a small pool, with variables; by POST, by GET, and by GET with
 * the `If-None-Match` of an earlier answer) and keyed writes (both mutations) to either cached instance; every
 * answer must equal the cache-free instance's answer at the same dataset version, and every 304 must confirm a
 * body equal to it. SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set (required on CI). Redis is
 * required with CI=true / CYCLELENS_TEST_PG=1 (skipped with a message otherwise).
 *
 * Reproduce a failure with the seed it prints: CYCLELENS_PROPERTY_SEED=<seed> (CYCLELENS_PROPERTY_STEPS=<n> for
 * another length).
 */
import { createDatabase, createTestDatabase, seedDemo, type TestDatabase, testBackends } from "@cyclelens/db";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { type RunningServer, startServer } from "../src/server.js";
import { dropRedisPrefix, randomRedisPrefix, testRedisUrl } from "./helpers.js";

const redisUrl = await testRedisUrl();
const KEY = "test-key-0123456789abcdef";
const SEED = Number(process.env.CYCLELENS_PROPERTY_SEED ?? 20261128);
const STEPS = Number(process.env.CYCLELENS_PROPERTY_STEPS ?? 300);

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Op {
  query: string;
  variables: (r: () => number) => Record<string, unknown> | undefined;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const SYMBOLS = ["IWM", "SPY", "KRE"] as const;

const POOL: Op[] = [
  {
    query: `query V($symbol: String!, $from: Date!) { instrument(symbol: $symbol) { symbol valuationHistory(range: { from: $from }) { date source forwardPE trailingPE } } }`,
    variables: (r) => ({ symbol: pick(r, SYMBOLS), from: pick(r, ["2026-10-01", "2026-11-01"]) }),
  },
  {
    query: `query P($segment: String) { positioning(segment: $segment) { segment current { date value } history(range: { from: "2026-06-01" }) { date value } } }`,
    variables: () => ({ segment: "small_cap" }),
  },
  {
    query: `query Perf($symbols: [String!]!) { instruments(filter: { symbols: $symbols }) { symbol performance(range: { from: "2021-11-20", to: "2026-11-20" }) { totalReturn cagr maxDrawdown { depth } } } }`,
    variables: (r) => ({ symbols: r() < 0.5 ? ["IWM"] : ["IWM", "SPY"] }),
  },
  {
    query: `{ dataset { label isDemo instruments { name lastDate rows updatedAt } valuations { name rows lastDate } positioning { name rows lastDate } } }`,
    variables: () => undefined,
  },
  {
    query: `query S($symbol: String!) { instrument(symbol: $symbol) { sma(period: 50, range: { from: "2026-09-01" }) { date value } } }`,
    variables: (r) => ({ symbol: pick(r, SYMBOLS) }),
  },
  {
    // an error (unknown symbol): never cached, equal all the same
    query: `{ instrument(symbol: "NOPE") { symbol valuationHistory { date } } }`,
    variables: () => undefined,
  },
];

const RECORD_VALUATIONS = `mutation($symbol: String!, $rows: [ValuationSnapshotInput!]!) {
  recordValuations(symbol: $symbol, source: "analyst", snapshots: $rows) { inserted updated unchanged }
}`;
const RECORD_POSITIONING = `mutation($rows: [PositioningObservationInput!]!) {
  recordPositioning(segment: "small_cap", unit: "net_pct_overweight", source: "survey", observations: $rows) { inserted updated unchanged }
}`;
const WRITE_DATES = ["2026-10-30", "2026-11-06", "2026-11-13", "2026-11-19", "2026-11-20"];

interface Answer {
  status: number;
  etag: string | null;
  cache: string | null;
  body: unknown;
}

async function send(
  url: string,
  how: "POST" | "GET",
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const accept = { accept: "application/graphql-response+json" };
  let res: Response;
  if (how === "POST") {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...accept, ...headers },
      body: JSON.stringify({ query, variables }),
    });
  } else {
    const u = new URL(url);
    u.searchParams.set("query", query);
    if (variables) u.searchParams.set("variables", JSON.stringify(variables));
    res = await fetch(u, { headers: { ...accept, ...headers } });
  }
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get("etag"),
    cache: res.headers.get("x-cyclelens-cache"),
    body: text ? JSON.parse(text) : null,
  };
}

for (const backend of testBackends()) {
  describe.skipIf(!redisUrl)(`response cache across two instances sharing Redis (${backend})`, () => {
    let database: TestDatabase;
    const servers: RunningServer[] = [];
    const extraDbs: { close(): Promise<void> }[] = [];
    let a: RunningServer;
    let b: RunningServer;
    let plain: RunningServer;
    const prefix = randomRedisPrefix();

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      await seedDemo(database.db);
      const env = {
        PORT: "0",
        LOG_LEVEL: "silent",
        CYCLELENS_WRITE_KEY: KEY,
        REDIS_URL: redisUrl!,
        CYCLELENS_REDIS_PREFIX: prefix,
      };
      // each instance on its own connection to the same database
      const open = async (extra: Record<string, string>) => {
        const db = await createDatabase({ url: database.url });
        extraDbs.push(db);
        const server = await startServer({ db, config: loadConfig({ ...env, ...extra }) });
        servers.push(server);
        return server;
      };
      a = await open({});
      b = await open({});
      plain = await open({ REDIS_URL: "", CYCLELENS_RESPONSE_CACHE: "off", CYCLELENS_CACHE_ENTRIES: "0" });
    }, 180_000);

    afterAll(async () => {
      for (const s of servers) await s.close(1000);
      for (const db of extraDbs) await db.close();
      await database?.cleanup();
      if (redisUrl) await dropRedisPrefix(redisUrl, prefix);
    });

    it("an answer cached by one instance is served by the other; a write on either retires it on both", async () => {
      const q = `{ instrument(symbol: "IWM") { valuationHistory(range: { from: "2026-11-01" }) { date source forwardPE } } }`;
      const first = await send(a.url, "POST", q, undefined);
      expect(first.cache).toBe("MISS");
      const other = await send(b.url, "POST", q, undefined);
      expect(other.cache).toBe("HIT");
      expect(other.body).toEqual(first.body);
      // the entry is in Redis, under this test's prefix
      const redis = new Redis(redisUrl!);
      try {
        expect((await redis.keys(`${prefix}response:*`)).length).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
      const write = await send(
        b.url,
        "POST",
        RECORD_VALUATIONS,
        {
          symbol: "IWM",
          rows: [{ date: "2026-11-20", forwardPE: 123.5 }],
        },
        { "x-cyclelens-key": KEY },
      );
      expect(write.body).not.toHaveProperty("errors");
      const after = await send(a.url, "POST", q, undefined);
      expect(after.cache).toBe("MISS");
      expect(JSON.stringify(after.body)).toContain("123.5");
      expect(after.body).toEqual((await send(plain.url, "POST", q, undefined)).body);
    });

    it(`${STEPS} random steps of queries and keyed writes: every answer equals a cache-free server's (seed ${SEED})`, async () => {
      const r = prng(SEED);
      const lastSeen = new Map<string, { etag: string; body: unknown }>();
      const counts = { queries: 0, writes: 0, hits: 0, notModified: 0, crossHits: 0 };
      const cachedBy = new Map<string, RunningServer>();
      for (let step = 0; step < STEPS; step++) {
        const where = r() < 0.5 ? a : b;
        const context = `seed ${SEED}, step ${step}`;
        if (r() < 0.2) {
          counts.writes++;
          const date = pick(r, WRITE_DATES);
          const value = Math.round(r() * 20000) / 100;
          const write =
            r() < 0.5
              ? await send(
                  where.url,
                  "POST",
                  RECORD_VALUATIONS,
                  {
                    symbol: pick(r, SYMBOLS),
                    rows: [{ date, forwardPE: value / 10 + 1 }],
                  },
                  { "x-cyclelens-key": KEY },
                )
              : await send(
                  where.url,
                  "POST",
                  RECORD_POSITIONING,
                  { rows: [{ date, value: value - 100 }] },
                  {
                    "x-cyclelens-key": KEY,
                  },
                );
          expect(write.body, context).not.toHaveProperty("errors");
          continue;
        }
        counts.queries++;
        const op = pick(r, POOL);
        const variables = op.variables(r);
        const how = r() < 0.5 ? "POST" : "GET";
        const id = `${how} ${op.query} ${JSON.stringify(variables)}`;
        const seen = lastSeen.get(`${where.url} ${id}`);
        const conditional = how === "GET" && seen && r() < 0.5;
        const got = await send(
          where.url,
          how,
          op.query,
          variables,
          conditional ? { "if-none-match": seen.etag } : {},
        );
        const expected = await send(plain.url, how, op.query, variables);
        if (got.status === 304) {
          counts.notModified++;
          expect(seen!.body, `${context}: a 304 confirmed an outdated body`).toEqual(expected.body);
          continue;
        }
        expect(got.status, context).toBe(expected.status);
        expect(got.body, `${context}: ${id}`).toEqual(expected.body);
        if (got.cache === "HIT") {
          counts.hits++;
          if (cachedBy.get(id) !== where) counts.crossHits++;
        } else if (got.cache === "MISS") cachedBy.set(id, where);
        if (how === "GET" && got.etag) lastSeen.set(`${where.url} ${id}`, { etag: got.etag, body: got.body });
      }
      console.log(`cache property (${backend}, seed ${SEED}):`, counts);
      // the run exercised what it claims to check
      expect(counts.writes).toBeGreaterThan(20);
      expect(counts.hits).toBeGreaterThan(20);
      expect(counts.crossHits).toBeGreaterThan(0);
      expect(counts.notModified).toBeGreaterThan(0);
    }, 900_000); // ~50 s on a quiet machine; the whole suite in parallel on 2 cores took it past 240 s
  });
}
