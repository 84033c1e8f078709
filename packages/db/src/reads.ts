/**
 * Columnar history reads: daily bars and economic observations straight into `Int32Array` dates and
 * `Float64Array` values, without one JavaScript object per row.
 *
 * Every call reads any number of **windows** (an id and an inclusive date range, several per id allowed) in ONE
 * statement per {@link READ_PAGE} rows: the windows travel as one JSON parameter, so the SQL text and the number
 * of statements do not grow with the number of ids.
 *
 * How the rows reach JavaScript (chosen by measurement, see the package README):
 * - **PostgreSQL**: the server aggregates each window into one row of `bytea` columns
 *   (`string_agg(float8send(…))`: 8 big-endian bytes per value, `int4send` of the epoch day), read through
 *   the pg pool the Prisma adapter uses (`rowMode: "array"`), decoded with a `DataView` loop. ~9× less client
 *   CPU than Prisma's `$queryRaw` on 18,562 bars.
 * - **SQLite**: the driver adapter's `queryRaw` (better-sqlite3's `.raw()`: one array per row, no object, no
 *   Prisma result mapping), the epoch day computed in SQL.
 * - Inside `db.transaction` (and wherever no columnar source exists) the same windows are read through
 *   Prisma's `$queryRawUnsafe` on the transaction's client: same statement count, same answers.
 */
import { formatISODate } from "@cyclelens/core";
import type { ColumnType, Dialect } from "./dialect.js";
import type { BarColumns, DateWindow, QueryEvent, Series } from "./types.js";

/** Rows per statement of the history reads (see `READ_PAGE` in repositories.ts, which re-exports it). */
export const READ_PAGE = 20_000;

/** Bounds of open ranges in reads (every stored date lies inside the supported calendar). */
export const OPEN_FROM = "0000-01-01";
export const OPEN_TO = "9999-12-31";

/** Runs one SELECT and returns its rows as arrays (the columnar source of a connected database). */
export type ArrayQuery = (
  sql: string,
  args: readonly unknown[],
  types: readonly ColumnType[],
) => Promise<unknown[][]>;

/** Where the reads go: `arrays` for the columnar paths, `objects` for Prisma's `$queryRawUnsafe`. */
export interface ReadSource {
  dialect: Dialect;
  /** Present on a connected top-level database; absent inside a transaction. */
  arrays?: ArrayQuery | undefined;
  objects(sql: string, ...args: unknown[]): PromiseLike<Record<string, unknown>[]>;
}

interface Kind {
  table: string;
  key: string;
  /** Value columns, in output order; NULL reads as NaN. */
  columns: readonly string[];
}

const BARS: Kind = {
  table: "daily_bars",
  key: "instrument_id",
  columns: ["open", "high", "low", "close", "adj_close", "volume"],
};
const OBSERVATIONS: Kind = { table: "series_observations", key: "series_id", columns: ["value"] };

const WINDOW_COLUMNS = [
  ["k", "int"],
  ["id", "int"],
  ["f", "text"],
  ["t", "text"],
] as const;

/**
 * The rows of every window after the page key (afterK, afterDate), as `r` (the window) and `b` (the row).
 * PostgreSQL reads each window through a LATERAL subquery behind an `OFFSET 0` fence: an index range scan of the
 * primary key per window. Joined plainly, the planner misjudges the JSON function's rows and scans the whole
 * table (58,306 demo bars) for a 1,255-bar window: 10–48 ms instead of 1.4 ms (EXPLAIN ANALYZE, demo data).
 */
function windowRows(d: Dialect, kind: Kind): string {
  const after = (alias: string) =>
    `(r.k > ${d.param(2, "int")} OR (r.k = ${d.param(3, "int")} AND ${alias}.date > ${d.param(4, "text")}))`;
  if (d.provider === "sqlite")
    return (
      `FROM (${d.jsonRows(1, WINDOW_COLUMNS)}) r JOIN ${kind.table} b ON b.${kind.key} = r.id ` +
      `AND b.date >= r.f AND b.date <= r.t WHERE ${after("b")}`
    );
  return (
    `FROM (${d.jsonRows(1, WINDOW_COLUMNS)}) r CROSS JOIN LATERAL (SELECT * FROM ${kind.table} w ` +
    `WHERE w.${kind.key} = r.id AND w.date >= r.f AND w.date <= r.t AND ${after("w")} ORDER BY w.date OFFSET 0) b`
  );
}

/**
 * Rows of every window in (window, date) order, one page after the key (afterK, afterDate): `k`, the epoch day,
 * then the value columns. Shared by SQLite (arrays) and Prisma (objects, either provider).
 */
function rowStatement(d: Dialect, kind: Kind): string {
  const epochDay =
    d.provider === "sqlite"
      ? "CAST(julianday(b.date) - 2440587.5 AS INTEGER)"
      : "(b.date::date - DATE '1970-01-01')";
  return (
    `SELECT r.k AS k, ${epochDay} AS day, ${kind.columns.map((c) => `b.${c} AS ${c}`).join(", ")} ` +
    `${windowRows(d, kind)} ORDER BY r.k, b.date LIMIT ${d.param(5, "int")}`
  );
}

/**
 * PostgreSQL: the same page aggregated per window into `bytea` columns (one row per window): count, epoch days
 * as int4 and each value column as float8 (NaN for NULL), all big-endian. The page is ordered by (window, date)
 * in the subquery; the decoder checks that the dates come strictly increasing (and fails loudly otherwise).
 */
function aggregatedStatement(d: Dialect, kind: Kind): string {
  const values = kind.columns.map((c, i) => `COALESCE(b.${c}, 'NaN'::float8) AS c${i}`).join(", ");
  const aggs = kind.columns.map((_, i) => `string_agg(float8send(c${i}), ''::bytea)`).join(", ");
  return (
    `SELECT k, count(*)::int AS n, max(date) AS last, string_agg(int4send(day), ''::bytea) AS days, ${aggs} FROM (` +
    `SELECT r.k, b.date, (b.date::date - DATE '1970-01-01') AS day, ${values} ` +
    `${windowRows(d, kind)} ORDER BY r.k, b.date LIMIT ${d.param(5, "int")}) s GROUP BY k ORDER BY k`
  );
}

const statements = new WeakMap<Dialect, Map<Kind, { rows: string; aggregated: string }>>();

function statementsOf(d: Dialect, kind: Kind) {
  let byKind = statements.get(d);
  if (!byKind) {
    byKind = new Map();
    statements.set(d, byKind);
  }
  let s = byKind.get(kind);
  if (!s) {
    s = { rows: rowStatement(d, kind), aggregated: aggregatedStatement(d, kind) };
    byKind.set(kind, s);
  }
  return s;
}

const PAGE_TYPES: readonly ColumnType[] = ["text", "int", "int", "text", "int"];

/** Growable columns of one window. */
class Columns {
  n = 0;
  dates: Int32Array;
  values: Float64Array[];
  constructor(width: number, capacity: number) {
    this.dates = new Int32Array(Math.max(1, capacity));
    this.values = Array.from({ length: width }, () => new Float64Array(Math.max(1, capacity)));
  }
  reserve(extra: number): void {
    const need = this.n + extra;
    if (need <= this.dates.length) return;
    const size = Math.max(need, this.dates.length * 2);
    const d = new Int32Array(size);
    d.set(this.dates.subarray(0, this.n));
    this.dates = d;
    this.values = this.values.map((v) => {
      const w = new Float64Array(size);
      w.set(v.subarray(0, this.n));
      return w;
    });
  }
  finish(): { dates: Int32Array; values: Float64Array[] } {
    const n = this.n;
    const fit = <T extends Int32Array | Float64Array>(a: T): T => (a.length === n ? a : (a.slice(0, n) as T));
    return { dates: fit(this.dates), values: this.values.map(fit) };
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));

/**
 * Reads every window of `kind`: one statement per page of {@link READ_PAGE} rows (a normal request: one), the
 * results in the order of `windows`.
 */
async function readWindows(
  source: ReadSource,
  kind: Kind,
  windows: readonly DateWindow[],
): Promise<{ dates: Int32Array; values: Float64Array[] }[]> {
  const width = kind.columns.length;
  const out = windows.map(() => new Columns(width, 0));
  if (windows.length === 0) return [];
  const json = JSON.stringify(
    windows.map((w, k) => ({
      k,
      id: Math.trunc(Number(w.id)),
      f: w.from ?? OPEN_FROM,
      t: w.to ?? OPEN_TO,
    })),
  );
  const { rows: rowSql, aggregated } = statementsOf(source.dialect, kind);
  const pg = source.dialect.provider === "postgresql";
  let afterK = -1;
  let afterDate = "";
  for (;;) {
    const args = [json, afterK, afterK, afterDate, READ_PAGE];
    let count = 0;
    if (pg && source.arrays) {
      const rows = await source.arrays(aggregated, args, PAGE_TYPES);
      for (const row of rows) {
        const k = Number(row[0]);
        const n = Number(row[1]);
        const col = out[k]!;
        col.reserve(n);
        const days = row[3] as Uint8Array;
        const view = new DataView(days.buffer, days.byteOffset, days.byteLength);
        let previous = col.n > 0 ? col.dates[col.n - 1]! : Number.NEGATIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const day = view.getInt32(i * 4);
          if (!(day > previous))
            throw new Error(`${kind.table}: the aggregated read returned dates out of order (window ${k})`);
          col.dates[col.n + i] = day;
          previous = day;
        }
        for (let c = 0; c < width; c++) {
          const bytes = row[4 + c] as Uint8Array;
          const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          const target = col.values[c]!;
          for (let i = 0; i < n; i++) target[col.n + i] = v.getFloat64(i * 8);
        }
        col.n += n;
        count += n;
        afterK = k;
        afterDate = String(row[2]);
      }
    } else if (source.arrays) {
      const rows = await source.arrays(rowSql, args, PAGE_TYPES);
      for (const row of rows) {
        const col = out[Number(row[0])]!;
        col.reserve(1);
        col.dates[col.n] = Number(row[1]);
        for (let c = 0; c < width; c++) col.values[c]![col.n] = num(row[2 + c]);
        col.n++;
      }
      count = rows.length;
      if (count > 0) {
        const last = rows[count - 1]!;
        afterK = Number(last[0]);
        afterDate = formatISODate(Number(last[1]));
      }
    } else {
      const rows = await source.objects(rowSql, ...args);
      for (const row of rows) {
        const col = out[Number(row.k)]!;
        col.reserve(1);
        col.dates[col.n] = Number(row.day);
        for (let c = 0; c < width; c++) col.values[c]![col.n] = num(row[kind.columns[c]!]);
        col.n++;
      }
      count = rows.length;
      if (count > 0) {
        const last = rows[count - 1]!;
        afterK = Number(last.k);
        afterDate = formatISODate(Number(last.day));
      }
    }
    if (count < READ_PAGE) break;
    // a long history: let other work run between pages
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out.map((c) => c.finish());
}

/** Bars of each window (ids without bars there: empty columns), in the order of `windows`. */
export async function readBarWindows(
  source: ReadSource,
  windows: readonly DateWindow[],
): Promise<BarColumns[]> {
  return (await readWindows(source, BARS, windows)).map(({ dates, values }) => ({
    dates,
    open: values[0]!,
    high: values[1]!,
    low: values[2]!,
    close: values[3]!,
    adjClose: values[4]!,
    volume: values[5]!,
  }));
}

/** Observations of each window (ids without any there: empty), in the order of `windows`. */
export async function readObservationWindows(
  source: ReadSource,
  windows: readonly DateWindow[],
): Promise<Series[]> {
  return (await readWindows(source, OBSERVATIONS, windows)).map(({ dates, values }) => ({
    dates,
    values: values[0]!,
  }));
}

/** A timing wrapper for the statement listeners of `db.onQuery` (free while none is registered). */
export function timedArrays(
  run: ArrayQuery,
  active: () => boolean,
  emit: (e: QueryEvent) => void,
): ArrayQuery {
  return async (sql, args, types) => {
    if (!active()) return run(sql, args, types);
    const t0 = performance.now();
    try {
      return await run(sql, args, types);
    } finally {
      emit({ sql, durationMs: performance.now() - t0 });
    }
  };
}
