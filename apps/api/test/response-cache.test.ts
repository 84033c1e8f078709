/**
 * The response cache (memory store) and HTTP caching over real HTTP: hits and misses, the dataset version in the
 * key (a keyed write invalidates), what is never cached (keyed requests, errors, introspection), the UTC date in
 * the key and the TTL ending at midnight, the bounded memory store, ETag / 304 / Cache-Control on GET and
 * no-store on POST.
 */
import { createTestDatabase, seedDemo, type TestDatabase } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logging.js";
import { createMemoryStore, msUntilUtcMidnight, type ResponseStore } from "../src/response-cache.js";
import { type RunningServer, startServer } from "../src/server.js";

const KEY = "test-key-0123456789abcdef";
const PERFORMANCE = `query Perf($symbol: String!) {
  instrument(symbol: $symbol) { symbol performance(range: { from: "2021-11-20", to: "2026-11-20" }) { totalReturn cagr } }
}`;
const VALUATIONS = `{ instrument(symbol: "IWM") { valuationHistory(range: { from: "2026-09-01" }) { date source forwardPE } } }`;
const RECORD = `mutation($rows: [ValuationSnapshotInput!]!) {
  recordValuations(symbol: "IWM", source: "analyst", snapshots: $rows) { inserted updated unchanged }
}`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, variables?: object, key?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(key ? { "x-cyclelens-key": key } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : {} };
}

function getUrl(url: string, query: string, variables?: object): string {
  const u = new URL(url);
  u.searchParams.set("query", query);
  if (variables) u.searchParams.set("variables", JSON.stringify(variables));
  return u.toString();
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { headers: { accept: "application/graphql-response+json", ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : {} };
}

describe("response cache and HTTP caching (memory store, SQLite)", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let store: ResponseStore;
  let clock = Date.UTC(2026, 10, 28, 12, 0, 0);
  const ttls: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await seedDemo(database.db);
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", CYCLELENS_WRITE_KEY: KEY });
    const memory = createMemoryStore(1000, 64 * 1024 * 1024);
    store = {
      ...memory,
      kind: "memory",
      stats: memory.stats,
      set(key, result, entities, ttl) {
        ttls.push(ttl);
        return memory.set(key, result, entities, ttl);
      },
    };
    server = await startServer({ db: database.db, config, responseStore: store, now: () => clock });
  }, 120_000);
  afterAll(async () => {
    await server?.close(1000);
    await database?.cleanup();
  });

  it("answers a repeated query from the cache, byte for byte", async () => {
    const first = await post(server.url, PERFORMANCE, { symbol: "IWM" });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get("x-cyclelens-cache")).toBe("MISS");
    const second = await post(server.url, PERFORMANCE, { symbol: "IWM" });
    expect(second.headers.get("x-cyclelens-cache")).toBe("HIT");
    expect(second.text).toBe(first.text);
    // other variables: another entry
    const other = await post(server.url, PERFORMANCE, { symbol: "SPY" });
    expect(other.headers.get("x-cyclelens-cache")).toBe("MISS");
    expect(other.text).not.toBe(first.text);
  });

  it("a keyed write bumps the dataset version: the next answer is recomputed and shows it", async () => {
    const before = await post(server.url, VALUATIONS);
    expect(before.body.errors).toBeUndefined();
    expect((await post(server.url, VALUATIONS)).headers.get("x-cyclelens-cache")).toBe("HIT");
    const stores = store.stats.stores;
    expect(store.size()).toBeGreaterThan(0);
    const write = await post(server.url, RECORD, { rows: [{ date: "2026-11-19", forwardPE: 99.5 }] }, KEY);
    // the mutation emptied this instance's store (the version bump retired its entries anyway)
    expect(store.size()).toBe(0);
    expect(write.body.errors).toBeUndefined();
    expect(write.headers.get("cache-control")).toBe("no-store");
    expect(write.headers.get("x-cyclelens-cache")).toBeNull(); // keyed: the cache is not consulted
    expect(store.stats.stores).toBe(stores); // nor written
    const after = await post(server.url, VALUATIONS);
    expect(after.headers.get("x-cyclelens-cache")).toBe("MISS");
    expect(after.text).toContain("99.5");
    expect(after.text).not.toBe(before.text);
  });

  it("never caches keyed requests, answers with errors, or introspection", async () => {
    const stores = store.stats.stores;
    const keyed = await post(server.url, PERFORMANCE, { symbol: "KRE" }, KEY);
    expect(keyed.body.errors).toBeUndefined();
    expect(keyed.headers.get("x-cyclelens-cache")).toBeNull();
    const bad = `{ instrument(symbol: "NOPE") { symbol performance(range: { from: "2021-11-20" }) { cagr } } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await post(server.url, bad);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(answer.headers.get("x-cyclelens-cache")).toBe("MISS");
    }
    for (let i = 0; i < 2; i++) {
      const answer = await post(server.url, "{ __schema { queryType { name } } }");
      expect(answer.headers.get("x-cyclelens-cache")).toBe("MISS");
    }
    expect(store.stats.stores).toBe(stores);
  });

  it("keeps the UTC date in the key: an answer cached before midnight is recomputed after it", async () => {
    clock = Date.UTC(2026, 10, 28, 23, 59, 58);
    ttls.length = 0;
    const q = `{ instrument(symbol: "SPY") { series(range: { from: "2026-11-01" }) { date value } } }`;
    expect((await post(server.url, q)).headers.get("x-cyclelens-cache")).toBe("MISS");
    // its TTL ends at the next UTC midnight (2 s away), not after the configured hour
    expect(ttls).toEqual([2_000]);
    expect((await post(server.url, q)).headers.get("x-cyclelens-cache")).toBe("HIT");
    clock = Date.UTC(2026, 10, 29, 0, 0, 1);
    expect((await post(server.url, q)).headers.get("x-cyclelens-cache")).toBe("MISS");
    clock = Date.UTC(2026, 10, 28, 12, 0, 0);
  });

  it("GET: ETag and public Cache-Control; If-None-Match gives 304 with no body until the data change", async () => {
    const url = getUrl(server.url, PERFORMANCE, { symbol: "IWM" });
    const full = await get(url);
    expect(full.status).toBe(200);
    const etag = full.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(full.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(full.headers.get("vary")).toContain("Accept");
    // the same answer again: same tag
    expect((await get(url)).headers.get("etag")).toBe(etag);
    const notModified = await get(url, { "if-none-match": etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    // a stale tag gets the full answer
    expect((await get(url, { "if-none-match": '"stale"' })).status).toBe(200);
    // after a write the tag no longer matches: the full, new answer
    await post(server.url, RECORD, { rows: [{ date: "2026-11-18", forwardPE: 42.25 }] }, KEY);
    const changed = await get(url, { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("GET: no-store and no ETag for errors and keyed requests; POST never carries shared-cache headers", async () => {
    const bad = await get(getUrl(server.url, `{ instrument(symbol: "NOPE") { performance { cagr } } }`));
    expect(bad.body.errors?.length).toBeGreaterThan(0);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    expect(bad.headers.get("etag")).toBeNull();
    const keyed = await get(getUrl(server.url, PERFORMANCE, { symbol: "IWM" }), { "x-cyclelens-key": KEY });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get("cache-control")).toBe("no-store");
    expect(keyed.headers.get("etag")).toBeNull();
    const posted = await post(server.url, PERFORMANCE, { symbol: "IWM" });
    expect(posted.headers.get("cache-control")).toBe("no-store");
    expect(posted.headers.get("etag")).toBeNull();
  });

  it("max-age never reaches past the next UTC midnight", async () => {
    expect(msUntilUtcMidnight(Date.UTC(2026, 0, 1, 23, 0, 0))).toBe(3_600_000);
    expect(msUntilUtcMidnight(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(86_400_000);
  });
});

describe("the in-memory store is bounded", () => {
  it("in entries", () => {
    const store = createMemoryStore(3, 1_000_000);
    for (let i = 0; i < 10; i++) store.set(`k${i}`, { data: { i } }, [], Infinity);
    expect([...Array(10).keys()].filter((i) => store.get(`k${i}`) != null)).toEqual([7, 8, 9]);
  });
  it("in bytes, counting the JSON of each answer", () => {
    const store = createMemoryStore(1000, 10_000);
    const big = { data: { s: "x".repeat(3_000) } };
    for (let i = 0; i < 10; i++) store.set(`k${i}`, big, [], Infinity);
    const kept = [...Array(10).keys()].filter((i) => store.get(`k${i}`) != null);
    expect(kept).toEqual([7, 8, 9]);
    store.set("huge", { data: { s: "x".repeat(20_000) } }, [], Infinity);
    expect(store.get("huge")).toBeFalsy();
  });
});

describe("Redis unreachable", () => {
  it("answers without the cache and logs why (never a failed request)", async () => {
    const database = await createTestDatabase("sqlite");
    await seedDemo(database.db);
    const lines: string[] = [];
    const logger = createLogger("warn", { write: (line: string) => void lines.push(line) });
    // port 1: nothing listens there
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "warn", REDIS_URL: "redis://127.0.0.1:1" });
    const server = await startServer({ db: database.db, config, logger });
    try {
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const answer = await post(server.url, PERFORMANCE, { symbol: "IWM" });
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.headers.get("x-cyclelens-cache")).toBe("MISS");
        // the first request waits for the first connection (2 s at most), the others not at all (12 ms measured)
        expect(performance.now() - started).toBeLessThan(i === 0 ? 5_000 : 1_000);
      }
      expect(lines.join("")).toMatch(/Redis/);
    } finally {
      await server.close(1000);
      await database.cleanup();
    }
  });
});
