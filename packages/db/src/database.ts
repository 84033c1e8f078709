/**
 * createDatabase: one factory for both providers. The URL's scheme picks the generated Prisma client and its
 * driver adapter (better-sqlite3 or pg); callers only ever see the `Database` interface.
 *
 * Statement counting: the driver adapter is wrapped, so every statement Prisma sends to the database (raw
 * queries, model queries, statements inside interactive transactions, the SQLite migrator's scripts) passes
 * through `emit`, with its duration. Prisma's own query events (`log: [{ emit: "event", level: "query" }]` +
 * `$on("query")`) do fire on this driver-adapter + query-compiler path too (measured with 6.19.3), but they must
 * be enabled when the client is built and then cost an event for every query of the process; the wrapper costs
 * nothing while no listener is registered.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type ResolvedUrl, resolveDatabaseUrl } from "./config.js";
import { dialectFor } from "./dialect.js";
import { DatabaseBusyError } from "./errors.js";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.js";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { type ArrayQuery, timedArrays } from "./reads.js";
import { createRepositories, type RawClient } from "./repositories.js";
import type {
  ChangeSource,
  CreateDatabaseOptions,
  Database,
  QueryEvent,
  Repositories,
  TransactionOptions,
} from "./types.js";
import { DatasetWatcher } from "./watch.js";

type AdapterFactory = ConstructorParameters<typeof SqliteClient>[0] extends infer O
  ? O extends { adapter?: infer A }
    ? NonNullable<A>
    : never
  : never;
type DriverAdapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;
type SqlQuery = Parameters<DriverAdapter["queryRaw"]>[0];

/** What the migrator and tests need beyond the public interface. */
export interface DatabaseInternals {
  resolved: ResolvedUrl;
  /** The connected (wrapped) driver adapter. */
  adapter(): Promise<DriverAdapter>;
  client: RawClient & { $disconnect(): Promise<void>; $connect(): Promise<void> };
  emit(e: QueryEvent): void;
  /** The change source of this database's writes. */
  changeSource: ChangeSource;
  /** Repositories outside any transaction whose writes are recorded with `source` (the migrator: "migrate"). */
  repositories(source: ChangeSource): Repositories;
  /**
   * Called after a write transaction of this object committed: on SQLite the watcher (if running) reads the log
   * at once instead of at its next poll (writes of other processes still wait for the poll).
   */
  afterCommit(): void;
}

const internals = new WeakMap<Database, DatabaseInternals>();

export function internalsOf(db: Database): DatabaseInternals {
  const i = internals.get(db);
  if (!i) throw new TypeError("not a Database created by createDatabase()");
  return i;
}

/**
 * SQLite's busy timeout is short on purpose: better-sqlite3 waits for a lock *synchronously*, blocking the event
 * loop. Longer waits for another writer are done by {@link sqliteWriteLock}: asynchronous retries.
 */
const SQLITE_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 50; PRAGMA synchronous = NORMAL;";

/**
 * The statement that takes SQLite's write lock (RESERVED) at the start of every write transaction, before it
 * reads anything: an UPDATE that changes no row still opens a write transaction. A deferred transaction that
 * reads first and writes later can fail with SQLITE_BUSY (its snapshot is stale) however long it waits; one that
 * holds the write lock from its first statement cannot. This is `BEGIN IMMEDIATE` through Prisma's adapter,
 * which only issues `BEGIN`.
 */
const TAKE_WRITE_LOCK = "UPDATE dataset_version SET version = version WHERE id = -1";

const isBusy = (e: unknown): boolean => {
  const err = e as { message?: string; cause?: { originalCode?: string; kind?: string }; code?: string };
  return (
    err?.cause?.originalCode === "SQLITE_BUSY" ||
    err?.code === "SQLITE_BUSY" ||
    /SQLITE_BUSY|database is locked/i.test(err?.message ?? "")
  );
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<Database> {
  const resolved = resolveDatabaseUrl(options.url);
  const listeners = new Set<(e: QueryEvent) => void>();
  const emit = (e: QueryEvent) => {
    for (const l of listeners) l(e);
  };

  let inner: AdapterFactory;
  /** PostgreSQL: the pool Prisma's adapter runs on, shared by the columnar reads (reads.ts). */
  let pool: pg.Pool | undefined;
  if (resolved.provider === "sqlite") {
    if (resolved.file !== ":memory:") mkdirSync(path.dirname(resolved.file), { recursive: true });
    inner = new PrismaBetterSQLite3({ url: resolved.file, timeout: 10_000 }) as unknown as AdapterFactory;
  } else {
    pool = new pg.Pool({
      connectionString: resolved.connectionString,
      ...(resolved.schema ? { options: `-c search_path=${resolved.schema}` } : {}),
      max: 10,
    });
    // An idle client's error (the server restarted) removes it from the pool; the next query reconnects. Prisma's
    // adapter adds its own listener once it connects; this one keeps an error before that from crashing.
    pool.on("error", () => {});
    inner = new PrismaPg(
      pool,
      resolved.schema ? { schema: resolved.schema } : undefined,
    ) as unknown as AdapterFactory;
  }

  let connected: DriverAdapter | undefined;
  const factory: AdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const raw = await inner.connect();
      if (resolved.provider === "sqlite") await raw.executeScript(SQLITE_PRAGMAS);
      connected = wrapAdapter(raw, () => listeners.size > 0, emit, {
        sqlite: resolved.provider === "sqlite",
        lockTimeoutMs: options.lockTimeoutMs ?? 60_000,
      });
      return connected;
    },
  } as AdapterFactory;

  const log = options.log ? [...options.log] : [];
  const prisma = (resolved.provider === "sqlite"
    ? new SqliteClient({ adapter: factory, log })
    : new PostgresClient({ adapter: factory as never, log })) as unknown as SqliteClient;
  const client = prisma as unknown as DatabaseInternals["client"] & {
    $transaction<T>(fn: (tx: RawClient) => Promise<T>, o: { maxWait: number; timeout: number }): Promise<T>;
  };

  const dialect = dialectFor(resolved.provider);
  const txOptions = (o?: TransactionOptions) => ({ maxWait: 60_000, timeout: o?.timeoutMs ?? 600_000 });
  /**
   * The columnar read path (reads.ts): on PostgreSQL the shared pool in array mode (bytea columns aggregated by
   * the server), on SQLite the connected driver adapter's `queryRaw` (better-sqlite3 `.raw()` arrays).
   */
  const arrays: ArrayQuery = pool
    ? timedArrays(
        async (sql, args) =>
          (await pool.query({ text: sql, values: [...args], rowMode: "array" })).rows as unknown[][],
        () => listeners.size > 0,
        emit,
      )
    : async (sql, args, types) => {
        if (!connected) await client.$connect();
        const result = await connected!.queryRaw({
          sql,
          args: [...args],
          argTypes: types.map((t) => ({
            scalarType: t === "int" ? "int" : t === "float8" ? "float" : "string",
            arity: "scalar",
          })),
        } as unknown as SqlQuery);
        return result.rows as unknown[][];
      };
  const changeSource = options.changeSource ?? "api";
  let watcher: DatasetWatcher | undefined;
  const afterCommit = () => {
    if (resolved.provider === "sqlite") watcher?.check();
  };
  const committed = <T>(p: Promise<T>): Promise<T> =>
    p.then((value) => {
      afterCommit();
      return value;
    });
  const txRepositories = (tx: RawClient, source: ChangeSource): Repositories =>
    createRepositories({ client: tx, dialect, atomically: (fn) => fn(tx), source });
  const reposFor = (source: ChangeSource) =>
    createRepositories({
      client,
      dialect,
      arrays,
      atomically: (fn) => committed(client.$transaction((tx) => fn(tx), txOptions())),
      source,
    });
  const repos = reposFor(changeSource);
  watcher = new DatasetWatcher({
    resolved,
    dataVersion: () => repos.dataVersion(),
    changesSince: (v, limit) => repos.changesSince(v, limit),
  });

  let closed = false;
  const db: Database = {
    ...repos,
    provider: resolved.provider,
    url: resolved.display,
    transaction: (fn, o) =>
      committed(
        client.$transaction((tx) => fn(txRepositories(tx, o?.changeSource ?? changeSource)), txOptions(o)),
      ),
    watchDataset: (listener, o) => {
      if (closed) throw new Error("watchDataset: the database is closed");
      return watcher!.add(listener, o);
    },
    onQuery(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await watcher!.stop();
      await client.$disconnect();
      // the pool is ours (Prisma's adapter only borrows it): the columnar reads may have used it alone
      if (pool && !pool.ended) await pool.end();
    },
  };
  internals.set(db, {
    resolved,
    async adapter() {
      if (!connected) await client.$connect();
      if (!connected) throw new Error("the driver adapter did not connect");
      return connected;
    },
    client,
    emit,
    changeSource,
    repositories: reposFor,
    afterCommit,
  });
  return db;
}

/**
 * SQLite writes that wait for another writer politely: `run` is retried on SQLITE_BUSY with a growing pause
 * (20 ms … 500 ms) until `lockTimeoutMs`, then fails with {@link DatabaseBusyError}. No write is lost as BUSY.
 */
async function retryBusy<T>(lockTimeoutMs: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let pause = 20;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = performance.now() - started;
      if (waited >= lockTimeoutMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(pause, Math.max(1, lockTimeoutMs - waited)));
      pause = Math.min(pause * 2, 500);
    }
  }
}

function wrapAdapter(
  a: DriverAdapter,
  active: () => boolean,
  emit: (e: QueryEvent) => void,
  options: { sqlite: boolean; lockTimeoutMs: number },
): DriverAdapter {
  const timed = <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    if (!active()) return run();
    const t0 = performance.now();
    const done = () => emit({ sql, durationMs: performance.now() - t0 });
    return run().then(
      (v) => {
        done();
        return v;
      },
      (e) => {
        done();
        throw e;
      },
    );
  };
  const wrapTx = (t: AdapterTransaction): AdapterTransaction => ({
    provider: t.provider,
    adapterName: t.adapterName,
    options: t.options,
    queryRaw: (q: SqlQuery) => timed(q.sql, () => t.queryRaw(q)),
    executeRaw: (q: SqlQuery) => timed(q.sql, () => t.executeRaw(q)),
    commit: () => t.commit(),
    rollback: () => t.rollback(),
  });
  const polite = <T>(run: () => Promise<T>) =>
    options.sqlite ? retryBusy(options.lockTimeoutMs, run) : run();
  const wrapped: DriverAdapter = {
    provider: a.provider,
    adapterName: a.adapterName,
    queryRaw: (q: SqlQuery) => timed(q.sql, () => polite(() => a.queryRaw(q))),
    executeRaw: (q: SqlQuery) => timed(q.sql, () => polite(() => a.executeRaw(q))),
    executeScript: (script: string) => timed(script, () => polite(() => a.executeScript(script))),
    startTransaction: async (level?: Parameters<DriverAdapter["startTransaction"]>[0]) => {
      if (!options.sqlite) return wrapTx(await a.startTransaction(level));
      return retryBusy(options.lockTimeoutMs, async () => {
        const tx = await a.startTransaction(level);
        try {
          await tx.executeRaw({ sql: TAKE_WRITE_LOCK, args: [], argTypes: [] } as unknown as SqlQuery);
        } catch (error) {
          await tx.rollback().catch(() => {});
          throw error;
        }
        return wrapTx(tx);
      });
    },
    dispose: () => a.dispose(),
  };
  if (a.getConnectionInfo) wrapped.getConnectionInfo = () => a.getConnectionInfo!();
  return wrapped;
}
