/**
 * The dataset change log: WHAT a write changed, recorded in the same transaction as its dataset-version bump.
 *
 * Every write that bumps the version (`BUMP_VERSION`) goes through {@link recordChange}, which in the same
 * transaction:
 *   1. bumps the version exactly as before (so `dataVersion()` keeps its meaning: it moves with every write that
 *      changes data, one step per bump);
 *   2. writes one `dataset_changes` row for the *transaction*: a transaction that bumps several times (an ingest
 *      item: metadata, demo purge, bars, dividends) replaces its own earlier row, so the log holds one row per
 *      committed transaction, under the version it left, listing the union of what it touched;
 *   3. on PostgreSQL, `pg_notify('cyclelens_dataset', current_schema())` — delivered to listeners only when the
 *      transaction commits (never for a rollback), and collapsed to one notification per transaction because
 *      the payload is identical (PostgreSQL drops duplicate payloads within a transaction);
 *   4. prunes the log to the newest {@link CHANGE_LOG_KEEP} versions (one indexed range delete, every 256th
 *      version).
 *
 * The accumulator of a transaction is keyed by its transaction client (Prisma hands the same `tx` object to
 * every statement of an interactive transaction), so nothing has to be threaded through the repositories.
 */
import type { Dialect } from "./dialect.js";
import type { RawClient } from "./repositories.js";
import type { ChangeKind, ChangeSource, DatasetChange } from "./types.js";

/** The PostgreSQL notification channel; the payload is the schema the change happened in. */
export const CHANGE_CHANNEL = "cyclelens_dataset";
/** How many versions of the change log are kept. */
export const CHANGE_LOG_KEEP = 10_000;
const PRUNE_EVERY = 256;

/** Bumps the dataset version (see `Repositories.dataVersion`); the same SQL on SQLite and PostgreSQL. */
export const BUMP_VERSION =
  "INSERT INTO dataset_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = dataset_version.version + 1";

/** What one bump changed: instruments by id or symbol, series by id or code, and the kinds of data. */
export interface ChangeDelta {
  instrumentIds?: readonly number[];
  symbols?: readonly string[];
  seriesIds?: readonly number[];
  codes?: readonly string[];
  kinds: readonly ChangeKind[];
}

interface Pending {
  version?: number;
  symbols: Set<string>;
  codes: Set<string>;
  kinds: Set<ChangeKind>;
}

const pendingByTx = new WeakMap<object, Pending>();

type Row = Record<string, unknown>;

function statements(d: Dialect) {
  return {
    symbols: `SELECT symbol FROM instruments WHERE id IN ${d.intList(1)}`,
    codes: `SELECT code FROM economic_series WHERE id IN ${d.intList(1)}`,
    drop: `DELETE FROM dataset_changes WHERE version = ${d.param(1, "int")}`,
    insert:
      "INSERT INTO dataset_changes (version, changed_at, source, instruments, series, kinds) " +
      `SELECT version, ${d.param(1)}, ${d.param(2, "text")}, ${d.param(3, "text")}, ${d.param(4, "text")}, ${d.param(5, "text")} ` +
      "FROM dataset_version WHERE id = 1 RETURNING version",
    prune: `DELETE FROM dataset_changes WHERE version <= ${d.param(1, "int")}`,
    notify: `SELECT pg_notify('${CHANGE_CHANNEL}', current_schema())`,
  };
}
const statementCache = new WeakMap<Dialect, ReturnType<typeof statements>>();
const sqlFor = (d: Dialect) => {
  let s = statementCache.get(d);
  if (!s) {
    s = statements(d);
    statementCache.set(d, s);
  }
  return s;
};

/**
 * Bumps the dataset version and records `delta` in the change log, in the transaction of `client` (which must be
 * a transaction client: every caller runs inside `atomically` or `db.transaction`).
 */
export async function recordChange(
  client: RawClient,
  dialect: Dialect,
  source: ChangeSource,
  delta: ChangeDelta,
): Promise<void> {
  const sql = sqlFor(dialect);
  let pending = pendingByTx.get(client);
  if (!pending) {
    pending = { symbols: new Set(), codes: new Set(), kinds: new Set() };
    pendingByTx.set(client, pending);
  }
  for (const k of delta.kinds) pending.kinds.add(k);
  for (const s of delta.symbols ?? []) pending.symbols.add(s);
  for (const c of delta.codes ?? []) pending.codes.add(c);
  if (delta.instrumentIds?.length)
    for (const r of await client.$queryRawUnsafe<Row[]>(sql.symbols, JSON.stringify(delta.instrumentIds)))
      pending.symbols.add(String(r.symbol));
  if (delta.seriesIds?.length)
    for (const r of await client.$queryRawUnsafe<Row[]>(sql.codes, JSON.stringify(delta.seriesIds)))
      pending.codes.add(String(r.code));

  await client.$executeRawUnsafe(BUMP_VERSION);
  if (pending.version !== undefined) await client.$executeRawUnsafe(sql.drop, pending.version);
  const rows = await client.$queryRawUnsafe<Row[]>(
    sql.insert,
    new Date(),
    source,
    JSON.stringify([...pending.symbols].sort()),
    JSON.stringify([...pending.codes].sort()),
    JSON.stringify([...pending.kinds].sort()),
  );
  const version = Number(rows[0]?.version);
  pending.version = version;
  if (dialect.provider === "postgresql") await client.$executeRawUnsafe(sql.notify);
  if (version % PRUNE_EVERY === 0 && version > CHANGE_LOG_KEEP)
    await client.$executeRawUnsafe(sql.prune, version - CHANGE_LOG_KEEP);
}

/** `SELECT` of the change log after a version, oldest first. */
export function changesSinceSql(d: Dialect): string {
  return (
    "SELECT version, changed_at, source, instruments, series, kinds FROM dataset_changes " +
    `WHERE version > ${d.param(1, "int")} ORDER BY version LIMIT ${d.param(2, "int")}`
  );
}

const list = (v: unknown): string[] => {
  try {
    const parsed = JSON.parse(String(v)) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

export function mapChange(r: Row): DatasetChange {
  const at = r.changed_at;
  return {
    version: Number(r.version),
    changedAt:
      at instanceof Date
        ? at
        : typeof at === "number" || typeof at === "bigint"
          ? new Date(Number(at))
          : new Date(String(at)),
    source: String(r.source) as ChangeSource,
    instruments: list(r.instruments),
    series: list(r.series),
    kinds: list(r.kinds) as ChangeKind[],
  };
}
