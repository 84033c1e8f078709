/**
 * The per-client rate limit: 429 with Retry-After and RATE_LIMITED over the limit, /health, /ready and the SDL
 * not limited, the write key as its own client, X-Forwarded-For only through trusted proxies, and one limit
 * across two instances sharing Redis (required with CI=true / CYCLELENS_TEST_PG=1).
 */
import { createTestDatabase, seedDemo, type TestDatabase } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { clientAddress } from "../src/rate-limit.js";
import { type RunningServer, startServer } from "../src/server.js";
import { dropRedisPrefix, randomRedisPrefix, testRedisUrl } from "./helpers.js";

const redisUrl = await testRedisUrl();
const KEY = "test-key-0123456789abcdef";
const QUERY = `{ instruments { symbol } }`;

async function ask(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    body: (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

describe("configuration", () => {
  it("validates REDIS_URL, the trusted proxies and the limits, naming the variable", () => {
    expect(() => loadConfig({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(
      /^REDIS_URL must use redis: or rediss:/,
    );
    expect(() => loadConfig({ CYCLELENS_TRUSTED_PROXIES: "10.0.0.1, proxy.local" })).toThrow(
      /^CYCLELENS_TRUSTED_PROXIES must be a comma-separated list of IP addresses/,
    );
    expect(() => loadConfig({ CYCLELENS_RATE_LIMIT: "-1" })).toThrow(
      /^CYCLELENS_RATE_LIMIT must be an integer/,
    );
    expect(() => loadConfig({ CYCLELENS_RESPONSE_CACHE: "maybe" })).toThrow(
      /^CYCLELENS_RESPONSE_CACHE must be on or off/,
    );
    const config = loadConfig({
      REDIS_URL: "redis://127.0.0.1:6379/2",
      CYCLELENS_TRUSTED_PROXIES: "10.0.0.1,::1",
    });
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379/2");
    expect(config.rateLimit).toEqual({ points: 0, windowSeconds: 60, trustedProxies: ["10.0.0.1", "::1"] });
    expect(config.responseCache.enabled).toBe(true);
  });
});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless the peer is a trusted proxy", () => {
    expect(clientAddress("10.0.0.9", "1.2.3.4", [])).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.9", "1.2.3.4", ["10.0.0.1"])).toBe("10.0.0.9");
  });
  it("takes the right-most untrusted forwarded address behind trusted proxies", () => {
    expect(clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4", ["10.0.0.1"])).toBe("1.2.3.4");
    expect(clientAddress("::ffff:10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", ["10.0.0.1", "10.0.0.2"])).toBe(
      "1.2.3.4",
    );
    expect(clientAddress("10.0.0.1", null, ["10.0.0.1"])).toBe("10.0.0.1");
  });
});

describe("rate limit (memory)", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let proxied: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await seedDemo(database.db);
    const env = { PORT: "0", LOG_LEVEL: "silent", CYCLELENS_WRITE_KEY: KEY, CYCLELENS_RATE_LIMIT: "3" };
    server = await startServer({ db: database.db, config: loadConfig(env) });
    proxied = await startServer({
      db: database.db,
      config: loadConfig({ ...env, CYCLELENS_TRUSTED_PROXIES: "127.0.0.1" }),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close(1000);
    await proxied?.close(1000);
    await database?.cleanup();
  });

  it("answers 429 with Retry-After and RATE_LIMITED past the limit; health, readiness and the SDL are not limited", async () => {
    for (let i = 0; i < 3; i++) expect((await ask(server.url)).status).toBe(200);
    const over = await ask(server.url);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(over.body.errors?.[0]?.message).toContain("3 per 60 s");
    const origin = new URL(server.url).origin;
    for (const path of ["/health", "/ready", "/schema.graphql"])
      expect((await fetch(`${origin}${path}`)).status, path).toBe(200);
    // X-Forwarded-For from an untrusted peer changes nothing
    expect((await ask(server.url, { "x-forwarded-for": "1.2.3.4" })).status).toBe(429);
    // the valid write key is its own client; a wrong key is not
    expect((await ask(server.url, { "x-cyclelens-key": KEY })).status).toBe(200);
    expect((await ask(server.url, { "x-cyclelens-key": "made-up-key-made-up-key" })).status).toBe(429);
  });

  it("counts each forwarded client separately behind a trusted proxy", async () => {
    for (let i = 0; i < 3; i++)
      expect((await ask(proxied.url, { "x-forwarded-for": "1.1.1.1" })).status).toBe(200);
    expect((await ask(proxied.url, { "x-forwarded-for": "1.1.1.1" })).status).toBe(429);
    expect((await ask(proxied.url, { "x-forwarded-for": "2.2.2.2" })).status).toBe(200);
  });
});

describe.skipIf(!redisUrl)("rate limit across two instances sharing Redis", () => {
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  const prefix = randomRedisPrefix();
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await seedDemo(database.db);
    const config = loadConfig({
      PORT: "0",
      LOG_LEVEL: "silent",
      REDIS_URL: redisUrl!,
      CYCLELENS_REDIS_PREFIX: prefix,
      CYCLELENS_RATE_LIMIT: "4",
      CYCLELENS_RATE_LIMIT_WINDOW_S: "30",
    });
    servers.push(await startServer({ db: database.db, config }));
    servers.push(await startServer({ db: database.db, config }));
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.close(1000);
    await database?.cleanup();
    if (redisUrl) await dropRedisPrefix(redisUrl, prefix);
  });

  it("holds one limit for a client whichever instance it reaches", async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    expect((await ask(a.url)).status).toBe(200);
    expect((await ask(b.url)).status).toBe(200);
    expect((await ask(a.url)).status).toBe(200);
    expect((await ask(b.url)).status).toBe(200);
    const overA = await ask(a.url);
    const overB = await ask(b.url);
    expect(overA.status).toBe(429);
    expect(overB.status).toBe(429);
    expect(Number(overB.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(overB.retryAfter)).toBeLessThanOrEqual(30);
    expect(overB.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });
});
