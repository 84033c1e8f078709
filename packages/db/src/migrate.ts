/**
 * The migrator: applies prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL) in folder-name
 * order, each migration.sql in its own transaction, and records it in `_prisma_migrations` exactly as Prisma
 * Migrate does (same table, sha256 checksum of the file), so `prisma migrate status` agrees. It replaces
 * `prisma migrate deploy`, which fails on PostgreSQL through the pg adapter (prisma/prisma#27403) and keeps the
 * process alive ~10 s. An applied migration whose file changed (checksum mismatch) is an error.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type DatabaseInternals, internalsOf } from "./database.js";
import { MigrationError } from "./errors.js";
import { migrationsDir } from "./paths.js";
import { FOMC_DECISIONS, FOMC_RECORD } from "./reference/fomc.js";
import type { Database, MigrateOptions, MigrateResult } from "./types.js";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Prisma's checksum of a migration: sha256 of the file's bytes, hex. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

/** Prisma's advisory-lock key for migrations on PostgreSQL. */
const PG_LOCK_KEY = 72707369;

/** Checks applied migrations against the files; returns the pending ones. */
function plan(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const done = new Map<string, AppliedRow>();
  for (const row of applied) {
    if (row.rolled_back_at !== null && row.rolled_back_at !== undefined) continue;
    if (row.finished_at === null || row.finished_at === undefined)
      throw new MigrationError(
        `migration ${row.migration_name} failed or is in progress in this database; fix it and mark it resolved (prisma migrate resolve) before migrating`,
      );
    done.set(row.migration_name, row);
  }
  for (const [name, row] of done) {
    const file = files.find((f) => f.name === name);
    if (!file)
      throw new MigrationError(
        `migration ${name} is applied in the database but missing from the migrations folder`,
      );
    if (file.checksum !== row.checksum)
      throw new MigrationError(
        `migration ${name} was modified after it was applied (checksum ${file.checksum.slice(0, 12)}… ≠ recorded ${row.checksum.slice(0, 12)}…); never edit an applied migration, add a new one`,
      );
  }
  return files.filter((f) => !done.has(f.name));
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** Timestamp text as Prisma's SQLite adapter writes it. */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

/**
 * Applies pending migrations, then brings the built-in reference data (the FOMC record, `FOMC_DECISIONS`) up to
 * date: one read, and a write only when the shipped record changed. Idempotent and fast when the database is up
 * to date.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const inner = internalsOf(db);
  const files = readMigrations(options.dir ?? migrationsDir(inner.resolved.provider));
  const log = options.log ?? (() => {});
  const reference = async () => {
    if (!(options.referenceData ?? options.dir === undefined)) return;
    const synced = await inner
      .repositories("migrate")
      .syncPolicyDecisions(FOMC_DECISIONS, FOMC_RECORD.provenance);
    if (synced.changed) log(`stored the FOMC record (${synced.count} decisions)`);
  };
  if (inner.resolved.provider === "sqlite") {
    const result = await migrateSqlite(inner, files, log);
    await reference(); // one transaction under SQLite's write lock: concurrent starts serialize
    return result;
  }
  // PostgreSQL: the reference data too are written under the migrations' advisory lock (processes starting at
  // once each inserted the record: duplicate key)
  return migratePostgres(inner, files, log, reference);
}

async function migrateSqlite(
  inner: DatabaseInternals,
  files: MigrationFile[],
  log: (m: string) => void,
): Promise<MigrateResult> {
  const adapter = await inner.adapter();
  await adapter.executeScript(SQLITE_TABLE);
  const applied = await inner.client.$queryRawUnsafe<AppliedRow[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const pending = plan(files, applied);
  for (const m of pending) {
    const started = sqliteNow();
    const record =
      'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) ' +
      `VALUES (${quote(randomUUID())}, ${quote(m.checksum)}, ${quote(sqliteNow())}, ${quote(m.name)}, NULL, NULL, ${quote(started)}, 1);`;
    try {
      // One script: better-sqlite3's exec runs several statements; BEGIN IMMEDIATE takes the write lock first.
      await adapter.executeScript(`BEGIN IMMEDIATE;\n${m.sql}\n;\n${record}\nCOMMIT;`);
    } catch (e) {
      await adapter.executeScript("ROLLBACK;").catch(() => {});
      throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
    }
    log(`applied ${m.name}`);
  }
  return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
}

async function migratePostgres(
  inner: DatabaseInternals,
  files: MigrationFile[],
  log: (m: string) => void,
  underLock: () => Promise<void>,
): Promise<MigrateResult> {
  const r = inner.resolved;
  if (r.provider !== "postgresql") throw new Error("unreachable");
  const client = new pg.Client({
    connectionString: r.connectionString,
    ...(r.schema ? { options: `-c search_path=${r.schema}` } : {}),
  });
  await client.connect();
  const run = async (sql: string, params?: unknown[]) => {
    const t0 = performance.now();
    try {
      return await client.query(sql, params);
    } finally {
      inner.emit({ sql, durationMs: performance.now() - t0 });
    }
  };
  try {
    await run("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    if (r.schema) await run(`CREATE SCHEMA IF NOT EXISTS "${r.schema}"`);
    await run(POSTGRES_TABLE);
    const applied = (
      await run('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"')
    ).rows as AppliedRow[];
    const pending = plan(files, applied);
    for (const m of pending) {
      const started = new Date();
      await run("BEGIN");
      try {
        await run(m.sql); // simple query protocol: several statements in one call
        await run(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)',
          [randomUUID(), m.checksum, m.name, started],
        );
        await run("COMMIT");
      } catch (e) {
        await run("ROLLBACK").catch(() => {});
        throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
      log(`applied ${m.name}`);
    }
    await underLock();
    return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
