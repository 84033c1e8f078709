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
