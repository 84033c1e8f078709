/**
 * Test harness: a real server over HTTP on a fresh database (SQLite file, or a PostgreSQL schema when
 * TEST_POSTGRES_URL is set) holding the demo dataset.
 */
import {
  createTestDatabase,
  type Database,
  seedDemo,
  type TestBackend,
  type TestDatabase,
} from "@cyclelens/db";
import { type Config, loadConfig } from "../src/config.js";
import { type RunningServer, startServer } from "../src/server.js";

export interface TestServer {
  backend: TestBackend;
  db: Database;
  /** The database URL (to open another connection to the same database). */
  dbUrl: string;
  url: string;
  config: Config;
  /** POSTs a GraphQL request; returns the HTTP status and the parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function startTestServer(
  backend: TestBackend,
  env: Record<string, string> = {},
  options: { seed?: boolean } = {},
): Promise<TestServer> {
  const testDb: TestDatabase = await createTestDatabase(backend);
  if (options.seed !== false) await seedDemo(testDb.db);
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", NODE_ENV: "development", ...env });
  const running: RunningServer = await startServer({ db: testDb.db, config });
  return {
    backend,
    db: testDb.db,
    dbUrl: testDb.url,
    url: running.url,
    config,
    async gql(query, variables) {
      const res = await fetch(running.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async close() {
      await running.close(1000);
      await testDb.cleanup();
    },
  };
}

/** The first error's code, for assertions. */
export function errorCode(body: GraphQLBody<unknown>): unknown {
  return body.errors?.[0]?.extensions?.code;
}

/**
 * Redis for tests: TEST_REDIS_URL, default redis://127.0.0.1:6379. With CI=true or CYCLELENS_TEST_PG=1 Redis is
 * REQUIRED: an unreachable server fails loudly. Otherwise the Redis tests are skipped with a printed message.
 */
export function redisRequired(): boolean {
  return process.env.CI === "true" || process.env.CYCLELENS_TEST_PG === "1";
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";

/** The Redis URL when Redis answers PING; undefined (with a message) when it does not and is not required. */
export async function testRedisUrl(): Promise<string | undefined> {
  const { Redis } = await import("ioredis");
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return TEST_REDIS_URL;
  } catch (error) {
    const message = `Redis at ${TEST_REDIS_URL} is unreachable: ${(error as Error).message}`;
    if (redisRequired())
      throw new Error(`Redis tests are required (CI=true or CYCLELENS_TEST_PG=1) but ${message}`);
    console.warn(`Redis tests SKIPPED: ${message} (set TEST_REDIS_URL, or start redis-server)`);
    return undefined;
  } finally {
    client.disconnect();
  }
}

/** A random key prefix for one test (never FLUSHALL: Redis is shared). */
export function randomRedisPrefix(): string {
  return `cl_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}:`;
}

/** Deletes the keys under `prefix` (SCAN + DEL), leaving the rest of Redis alone. */
export async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
