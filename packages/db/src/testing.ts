/**
 * Test helpers, exported from the package entry so other packages' tests (apps/api) can reuse them.
 *
 *   for (const backend of testBackends()) describe(backend, () => { … createTestDatabase(backend) … })
 *
 * SQLite: a fresh file in a temp folder. PostgreSQL (when TEST_POSTGRES_URL is set): a fresh schema inside that
 * database, dropped by cleanup(), so test files can run in parallel. With CI=true or CYCLELENS_TEST_PG=1,
 * PostgreSQL is REQUIRED: a missing TEST_POSTGRES_URL or an unreachable server fails loudly, never skips.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "./database.js";
import { migrate } from "./migrate.js";
import type { Database } from "./types.js";

export type TestBackend = "sqlite" | "postgresql";

export interface TestDatabase {
  backend: TestBackend;
  /** The database URL (a file: URL or a postgresql:// URL with ?schema=). */
  url: string;
  /** The open database (replaced by reopen()). */
  db: Database;
  /** Closes the current connection and opens the same database again. */
  reopen(): Promise<Database>;
  /** Closes and deletes the database (file or schema). */
  cleanup(): Promise<void>;
}

/** True when PostgreSQL tests must run (CI=true or CYCLELENS_TEST_PG=1). */
export function postgresRequired(): boolean {
  return process.env.CI === "true" || process.env.CYCLELENS_TEST_PG === "1";
}

/** The backends to test: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set (required on CI). */
export function testBackends(): TestBackend[] {
  const url = process.env.TEST_POSTGRES_URL?.trim();
  if (!url && postgresRequired())
    throw new Error(
      "PostgreSQL tests are required (CI=true or CYCLELENS_TEST_PG=1) but TEST_POSTGRES_URL is not set; set it to e.g. postgresql://postgres@127.0.0.1:5432/test",
    );
  return url ? ["sqlite", "postgresql"] : ["sqlite"];
}

export interface CreateTestDatabaseOptions {
  /** Apply the migrations (default true). */
  migrate?: boolean;
}

export async function createTestDatabase(
  backend: TestBackend,
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  let url: string;
  let drop: () => Promise<void>;
  if (backend === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-db-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const base = process.env.TEST_POSTGRES_URL?.trim();
    if (!base) throw new Error("createTestDatabase('postgresql'): TEST_POSTGRES_URL is not set");
    const schema = `cl_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(
        `PostgreSQL at TEST_POSTGRES_URL (${base.replace(/:[^:@/]*@/, ":***@")}) is unreachable: ${(e as Error).message}`,
      );
    }
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set("schema", schema);
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    };
  }
  const t: TestDatabase = {
    backend,
    url,
    db: await createDatabase({ url }),
    async reopen() {
      await t.db.close();
      t.db = await createDatabase({ url });
      return t.db;
    },
    async cleanup() {
      await t.db.close();
      await drop();
    },
  };
  if (options.migrate !== false) await migrate(t.db);
  return t;
}
