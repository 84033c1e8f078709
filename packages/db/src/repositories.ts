/**
 * Batched repositories over one Prisma client (or one interactive-transaction client). All SQL is raw and
 * shared by both providers; the differences live in ./dialect.ts. Every read is ONE statement whatever the
 * number of ids (ids travel as one JSON parameter); bulk writes send one JSON parameter per chunk.
 */
import { MAX_DATE, MIN_DATE } from "@cyclelens/core";
import { type ChangeDelta, changesSinceSql, mapChange, recordChange } from "./changes.js";
import { isISODate, isoToEpochDay } from "./dates.js";
import type { ColumnType, Dialect } from "./dialect.js";
import { InvalidRowError } from "./errors.js";
import {
  type ArrayQuery,
  OPEN_FROM,
  OPEN_TO,
  READ_PAGE,
  type ReadSource,
  readBarWindows,
  readObservationWindows,
} from "./reads.js";
import type { PolicyDecision } from "./reference/fomc.js";
import type {
  BarColumns,
  BarRow,
  ChangeSource,
  CorporateAction,
  CorporateActionKind,
  CorporateActionRow,
  DatasetCoverage,
  DatasetLabel,
  DateRange,
  DateWindow,
  EconomicSeriesInfo,
  EconomicSeriesInput,
  IngestRun,
  IngestRunInput,
  IngestStatus,
  Instrument,
  InstrumentCoverage,
  InstrumentFilter,
  InstrumentInput,
  InstrumentKind,
  ObservationRow,
  PositioningCoverage,
  PositioningRow,
  PositioningSeries,
  Repositories,
  Series,
  SeriesCoverage,
  StoredPolicyDecision,
  UpsertResult,
  ValuationColumns,
  ValuationCoverage,
  ValuationRow,
  WriteOptions,
} from "./types.js";

/** The part of a Prisma client (either provider, or a transaction client) the repositories use. */
export interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

export interface RepositoryContext {
  client: RawClient;
  dialect: Dialect;
  /** The columnar read path of a connected top-level database (absent inside a transaction; see reads.ts). */
  arrays?: ArrayQuery | undefined;
  /** Runs fn inside a transaction (or directly when already inside one). */
  atomically<T>(fn: (client: RawClient) => Promise<T>): Promise<T>;
  /** Recorded in the dataset change log with every write (default "api"). */
  source?: ChangeSource | undefined;
}

type Row = Record<string, unknown>;

/** Rows per JSON parameter of the bulk writes. */
export const CHUNK_SIZE = 10000;

const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));
const int = (v: unknown): number => Number(v);
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const toDate = (v: unknown): Date => {
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const s = String(v);
  // SQLite CURRENT_TIMESTAMP default: "YYYY-MM-DD HH:MM:SS" in UTC.
  return new Date(/^\d{4}-\d{2}-\d{2} \d/.test(s) ? `${s.replace(" ", "T")}Z` : s);
};
const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const finiteOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;
const splitSources = (v: unknown): string[] =>
  v === null || v === undefined || v === "" ? [] : [...new Set(String(v).split(","))].sort();

/** Windows with their bounds checked (open bounds stay open). */
function checkedWindows(windows: readonly DateWindow[]): DateWindow[] {
  return windows.map((w) => {
    const [from, to] = bounds(w);
    return { id: Math.trunc(Number(w.id)), from, to };
  });
}

function bounds(range: DateRange | undefined): [string, string] {
  const from = range?.from ?? OPEN_FROM;
  const to = range?.to ?? OPEN_TO;
  if (range?.from !== undefined && !isISODate(range.from))
    throw new RangeError(`range.from must be YYYY-MM-DD, got ${echo(range.from)}`);
  if (range?.to !== undefined && !isISODate(range.to))
    throw new RangeError(`range.to must be YYYY-MM-DD, got ${echo(range.to)}`);
  return [from, to];
}

/** A value for a message, cut to a few dozen characters. */
const echo = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}… (${s.length} characters)` : s;
};

const uniqueInts = (ids: readonly number[]) => [...new Set(ids.map((id) => Math.trunc(Number(id))))];

function mapInstrument(r: Row): Instrument {
  return {
    id: int(r.id),
    symbol: str(r.symbol),
    name: str(r.name),
    kind: str(r.kind) as InstrumentKind,
    segment: str(r.segment),
    benchmarkSymbol: strOrNull(r.benchmark_symbol),
    inceptionDate: strOrNull(r.inception_date),
    currency: str(r.currency),
    provenance: str(r.provenance),
    updatedAt: toDate(r.updated_at),
  };
}

function mapSeries(r: Row): EconomicSeriesInfo {
  return {
    id: int(r.id),
    code: str(r.code),
    title: str(r.title),
    unit: str(r.unit),
    frequency: str(r.frequency),
    source: str(r.source),
    provenance: str(r.provenance),
    updatedAt: toDate(r.updated_at),
  };
}

function mapDecision(r: Row): StoredPolicyDecision {
  return {
    effective: str(r.effective),
    announced: r.announced == null ? null : str(r.announced),
    lower: Number(r.lower),
    upper: Number(r.upper),
    kind: r.kind === "range" ? "range" : "target",
    note: r.note == null ? null : str(r.note),
    provenance: str(r.provenance),
  };
}

function mapRun(r: Row): IngestRun {
  return {
    id: int(r.id),
    provider: str(r.provider),
    target: str(r.target),
    rangeFrom: strOrNull(r.range_from),
    rangeTo: strOrNull(r.range_to),
    rowsAdded: int(r.rows_added),
    rowsUpdated: int(r.rows_updated),
    rowsRejected: int(r.rows_rejected),
    status: str(r.status) as IngestStatus,
    error: strOrNull(r.error),
    startedAt: toDate(r.started_at),
    finishedAt: toDateOrNull(r.finished_at),
  };
}

/**
 * Rows per statement of the history reads. A history longer than this (a 2,000,000-bar instrument) is read in
 * pages by key (window, date), yielding to the event loop between pages, so one read neither blocks the process
 * for seconds nor holds millions of rows at once; a normal request still reads each kind in one statement.
 */
export { READ_PAGE };

/** Groups rows (ordered by key, then date) into per-key runs: [key, start, end). */
function runsByKey<K>(rows: Row[], keyOf: (r: Row) => K): [K, number, number][] {
  const out: [K, number, number][] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || keyOf(rows[i]!) !== keyOf(rows[start]!)) {
      if (rows.length > 0) out.push([keyOf(rows[start]!), start, i]);
      start = i;
    }
  }
  return out;
}

/** Orders "real" sources before "demo", then A→Z: the winner when several sources report the same date. */
const sourceRank = (s: string) => (s === "demo" ? 1 : 0);

/** Keeps one row per date (rows ordered by date): the preferred source. */
function dedupeByDate(rows: Row[], start: number, end: number): Row[] {
  const out: Row[] = [];
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const last = out[out.length - 1];
    if (last && last.date === r.date) {
      const a = str(last.source);
      const b = str(r.source);
      if (sourceRank(b) < sourceRank(a) || (sourceRank(b) === sourceRank(a) && b < a))
        out[out.length - 1] = r;
    } else out.push(r);
  }
  return out;
}

interface UpsertSpec {
  table: string;
  /** Columns bound once per statement (parameters), in order. */
  fixed: readonly (readonly [column: string, type: ColumnType])[];
  /** Columns from the JSON rows: [column, json key, type]. */
  columns: readonly (readonly [column: string, key: string, type: ColumnType])[];
  /** Conflict key: fixed and JSON columns. */
  conflict: readonly string[];
}

interface UpsertStatements {
  count: string;
  upsert: string;
}

const statementCache = new WeakMap<Dialect, Map<UpsertSpec, UpsertStatements>>();

function upsertStatements(d: Dialect, spec: UpsertSpec): UpsertStatements {
  let cache = statementCache.get(d);
  if (!cache) {
    cache = new Map();
    statementCache.set(d, cache);
  }
  const hit = cache.get(spec);
  if (hit) return hit;
  const jsonCols = spec.columns.map(([, key, type]) => [key, type] as const);
  const n = spec.fixed.length;
  const keyFixed = spec.fixed.filter(([c]) => spec.conflict.includes(c));
  // Rows of the fixed key within the chunk's date span: counted before and after the upsert, the difference is
  // the number of inserted rows (an index range count, no second pass over the JSON).
  const count =
    `SELECT count(*) AS n FROM ${spec.table} WHERE ` +
    [
      ...keyFixed.map(([c, t], i) => `${c} = ${d.param(i + 1, t)}`),
      `date >= ${d.param(keyFixed.length + 1, "text")}`,
    ]
      .concat(`date <= ${d.param(keyFixed.length + 2, "text")}`)
      .join(" AND ");
  const updatable = [...spec.fixed.map(([c]) => c), ...spec.columns.map(([c]) => c)].filter(
    (c) => !spec.conflict.includes(c),
  );
  const upsert =
    `INSERT INTO ${spec.table} (${[...spec.fixed.map(([c]) => c), ...spec.columns.map(([c]) => c)].join(", ")}) ` +
    `SELECT ${[...spec.fixed.map(([, t], i) => d.param(i + 1, t)), ...spec.columns.map(([, k]) => `r.${k}`)].join(", ")} ` +
    `FROM (${d.jsonRows(n + 1, jsonCols)}) r WHERE true ` +
    `ON CONFLICT (${spec.conflict.join(", ")}) DO ` +
    (updatable.length
      ? `UPDATE SET ${updatable.map((c) => `${c} = excluded.${c}`).join(", ")} WHERE ${updatable
          .map((c) => `${spec.table}.${c} IS DISTINCT FROM excluded.${c}`)
          .join(" OR ")}`
      : "NOTHING");
  const out = { count, upsert };
  cache.set(spec, out);
  return out;
}

const BARS: UpsertSpec = {
  table: "daily_bars",
  fixed: [
    ["instrument_id", "int"],
    ["source", "text"],
  ],
  columns: [
    ["date", "d", "text"],
    ["open", "o", "float8"],
    ["high", "h", "float8"],
    ["low", "l", "float8"],
    ["close", "c", "float8"],
    ["adj_close", "a", "float8"],
    ["volume", "v", "float8"],
  ],
  conflict: ["instrument_id", "date"],
};

const OBSERVATIONS: UpsertSpec = {
  table: "series_observations",
  fixed: [
    ["series_id", "int"],
    ["source", "text"],
  ],
  columns: [
    ["date", "d", "text"],
    ["value", "v", "float8"],
  ],
  conflict: ["series_id", "date"],
};

const VALUATIONS: UpsertSpec = {
  table: "valuation_snapshots",
  fixed: [
    ["instrument_id", "int"],
    ["source", "text"],
  ],
  columns: [
    ["date", "d", "text"],
    ["forward_pe", "f", "float8"],
    ["trailing_pe", "t", "float8"],
    ["price_to_book", "b", "float8"],
    ["dividend_yield", "y", "float8"],
  ],
  conflict: ["instrument_id", "date", "source"],
};

const CORPORATE_ACTIONS: UpsertSpec = {
  table: "corporate_actions",
  fixed: [
    ["instrument_id", "int"],
    ["source", "text"],
  ],
  columns: [
    ["date", "d", "text"],
    ["kind", "k", "text"],
    ["amount", "a", "float8"],
    ["numerator", "n", "float8"],
    ["denominator", "m", "float8"],
  ],
  conflict: ["instrument_id", "date", "kind", "source"],
};

const POSITIONING: UpsertSpec = {
  table: "positioning_observations",
  fixed: [["source", "text"]],
  columns: [
    ["segment", "s", "text"],
    ["date", "d", "text"],
    ["value", "v", "float8"],
    ["unit", "u", "text"],
  ],
  conflict: ["segment", "date", "source"],
};

/**
 * Upserts JSON rows (validated, deduplicated by key) in chunks inside one transaction and counts inserted /
 * updated / unchanged rows: one INSERT … ON CONFLICT DO UPDATE … WHERE the values differ per chunk (so the
 * affected-row count = inserted + changed), and two index range counts around them (inserted = after − before).
 */
async function bulkUpsert(
  ctx: RepositoryContext,
  spec: UpsertSpec,
  fixed: readonly unknown[],
  rows: Map<string, Record<string, unknown>>,
  delta: ChangeDelta,
  after?: (client: RawClient) => PromiseLike<unknown>,
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.size === 0) return result;
  const { count, upsert } = upsertStatements(ctx.dialect, spec);
  const keyFixedValues = spec.fixed.flatMap(([c], i) => (spec.conflict.includes(c) ? [fixed[i]] : []));
  const all = [...rows.values()];
  let lo = "9999-12-31";
  let hi = "0000-01-01";
  for (const r of all) {
    const date = r.d as string;
    if (date < lo) lo = date;
    if (date > hi) hi = date;
  }
  await ctx.atomically(async (client) => {
    const existing = async () =>
      int((await client.$queryRawUnsafe<Row[]>(count, ...keyFixedValues, lo, hi))[0]?.n ?? 0);
    const before = await existing();
    let affected = 0;
    for (let i = 0; i < all.length; i += CHUNK_SIZE) {
      affected += await client.$executeRawUnsafe(
        upsert,
        ...fixed,
        JSON.stringify(all.slice(i, i + CHUNK_SIZE)),
      );
    }
    const inserted = (await existing()) - before;
    result.inserted = inserted;
    result.updated = Math.max(0, affected - inserted);
    result.unchanged = all.length - inserted - result.updated;
    if (result.inserted + result.updated > 0) {
      if (after) await after(client);
      await recordChange(client, ctx.dialect, ctx.source ?? "api", delta);
    }
  });
  return result;
}

export { BUMP_VERSION } from "./changes.js";

function checkDate(date: unknown, i: number, what: string): string {
  if (!isISODate(date))
    throw new InvalidRowError(
      `${what} row ${i}: date must be a calendar date YYYY-MM-DD from ${MIN_DATE} to ${MAX_DATE}, got ${echo(date)}`,
      i,
    );
  return date;
}

function checkNumber(v: unknown, i: number, what: string, field: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new InvalidRowError(`${what} row ${i}: ${field} must be a finite number, got ${String(v)}`, i);
  return v;
}

export function createRepositories(ctx: RepositoryContext): Repositories {
  const { dialect: d } = ctx;
  const q = <T = Row[]>(sql: string, ...args: unknown[]) => ctx.client.$queryRawUnsafe<T>(sql, ...args);
  const source: ReadSource = { dialect: d, arrays: ctx.arrays, objects: (sql, ...args) => q(sql, ...args) };
  const changeSource = ctx.source ?? "api";
  /** A metadata upsert (RETURNING the row) and the dataset-version bump + change record, in one transaction. */
  const writeAndBump = (delta: ChangeDelta, sql: string, ...args: unknown[]) =>
    ctx.atomically(async (client) => {
      const rows = await client.$queryRawUnsafe<Row[]>(sql, ...args);
      await recordChange(client, d, changeSource, delta);
      return rows;
    });

  const SQL = {
    instrumentsList:
      `SELECT * FROM instruments WHERE (${d.param(1, "text")} IS NULL OR kind = ${d.param(2, "text")}) ` +
      `AND (${d.param(3, "text")} IS NULL OR segment = ${d.param(4, "text")}) ` +
      `AND (${d.param(5, "text")} IS NULL OR symbol IN ${d.textList(6)}) ORDER BY symbol`,
    instrumentsBySymbols: `SELECT * FROM instruments WHERE symbol IN ${d.textList(1)} ORDER BY symbol`,
    bars:
      "SELECT instrument_id, date, open, high, low, close, adj_close, volume FROM daily_bars " +
      `WHERE instrument_id IN ${d.intList(1)} AND date >= ${d.param(2, "text")} AND date <= ${d.param(3, "text")} ` +
      `AND (instrument_id > ${d.param(4, "int")} OR (instrument_id = ${d.param(5, "int")} AND date > ${d.param(6, "text")})) ` +
      `ORDER BY instrument_id, date LIMIT ${d.param(7, "int")}`,
    seriesList: "SELECT * FROM economic_series ORDER BY code",
    seriesByCodes: `SELECT * FROM economic_series WHERE code IN ${d.textList(1)} ORDER BY code`,
    observations:
      "SELECT series_id, date, value FROM series_observations " +
      `WHERE series_id IN ${d.intList(1)} AND date >= ${d.param(2, "text")} AND date <= ${d.param(3, "text")} ` +
      `AND (series_id > ${d.param(4, "int")} OR (series_id = ${d.param(5, "int")} AND date > ${d.param(6, "text")})) ` +
      `ORDER BY series_id, date LIMIT ${d.param(7, "int")}`,
    valuations:
      "SELECT instrument_id, date, source, forward_pe, trailing_pe, price_to_book, dividend_yield FROM valuation_snapshots " +
      `WHERE instrument_id IN ${d.intList(1)} AND date >= ${d.param(2, "text")} AND date <= ${d.param(3, "text")} ` +
      "ORDER BY instrument_id, date, source",
    corporateActions:
      "SELECT instrument_id, date, kind, source, amount, numerator, denominator FROM corporate_actions " +
      `WHERE instrument_id IN ${d.intList(1)} AND date >= ${d.param(2, "text")} AND date <= ${d.param(3, "text")} ` +
      `AND (${d.param(4, "text")} IS NULL OR kind = ${d.param(5, "text")}) ` +
      "ORDER BY instrument_id, date, kind, source",
    positioning:
      "SELECT segment, date, source, value, unit FROM positioning_observations " +
      `WHERE segment IN ${d.textList(1)} AND date >= ${d.param(2, "text")} AND date <= ${d.param(3, "text")} ` +
      "ORDER BY segment, date, source",
    coverageInstruments:
      "SELECT i.id, i.symbol, i.kind, i.segment, i.provenance, i.updated_at, b.first_date, b.last_date, b.n, b.sources " +
      `FROM instruments i LEFT JOIN (SELECT instrument_id, min(date) AS first_date, max(date) AS last_date, count(*) AS n, ${d.distinctConcat("source")} AS sources ` +
      "FROM daily_bars GROUP BY instrument_id) b ON b.instrument_id = i.id ORDER BY i.symbol",
    coverageSeries:
      "SELECT s.id, s.code, s.title, s.provenance, s.updated_at, o.first_date, o.last_date, o.n, o.sources " +
      `FROM economic_series s LEFT JOIN (SELECT series_id, min(date) AS first_date, max(date) AS last_date, count(*) AS n, ${d.distinctConcat("source")} AS sources ` +
      "FROM series_observations GROUP BY series_id) o ON o.series_id = s.id ORDER BY s.code",
    coverageValuations:
      "SELECT v.instrument_id, i.symbol, v.first_date, v.last_date, v.n, v.sources FROM (SELECT instrument_id, " +
      `min(date) AS first_date, max(date) AS last_date, count(*) AS n, ${d.distinctConcat("source")} AS sources ` +
      "FROM valuation_snapshots GROUP BY instrument_id) v JOIN instruments i ON i.id = v.instrument_id ORDER BY i.symbol",
    coveragePositioning:
      `SELECT segment, min(date) AS first_date, max(date) AS last_date, count(*) AS n, ${d.distinctConcat("source")} AS sources ` +
      "FROM positioning_observations GROUP BY segment ORDER BY segment",
    upsertInstrument:
      "INSERT INTO instruments (symbol, name, kind, segment, benchmark_symbol, inception_date, currency, provenance, created_at, updated_at) " +
      `VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => d.param(i)).join(", ")}) ON CONFLICT (symbol) DO UPDATE SET ` +
      "name = excluded.name, kind = excluded.kind, segment = excluded.segment, benchmark_symbol = excluded.benchmark_symbol, " +
      "inception_date = excluded.inception_date, currency = excluded.currency, provenance = excluded.provenance, updated_at = excluded.updated_at RETURNING *",
    upsertSeries:
      "INSERT INTO economic_series (code, title, unit, frequency, source, provenance, created_at, updated_at) " +
      `VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => d.param(i)).join(", ")}) ON CONFLICT (code) DO UPDATE SET ` +
      "title = excluded.title, unit = excluded.unit, frequency = excluded.frequency, source = excluded.source, " +
      "provenance = excluded.provenance, updated_at = excluded.updated_at RETURNING *",
    instrumentProvenance: `SELECT provenance FROM instruments WHERE id = ${d.param(1, "int")}`,
    seriesProvenance: `SELECT provenance FROM economic_series WHERE id = ${d.param(1, "int")}`,
    touchInstrument: `UPDATE instruments SET updated_at = ${d.param(1)} WHERE id = ${d.param(2, "int")}`,
    touchSeries: `UPDATE economic_series SET updated_at = ${d.param(1)} WHERE id = ${d.param(2, "int")}`,
    insertRun:
      "INSERT INTO ingest_runs (provider, target, range_from, range_to, rows_added, rows_updated, rows_rejected, status, error, started_at, finished_at) " +
      `VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => d.param(i)).join(", ")}) RETURNING *`,
    policyDecisions:
      "SELECT effective, announced, lower, upper, kind, note, provenance FROM policy_decisions ORDER BY effective",
    deletePolicyDecisions: `DELETE FROM policy_decisions WHERE provenance = ${d.param(1, "text")}`,
    insertPolicyDecisions:
      "INSERT INTO policy_decisions (effective, announced, lower, upper, kind, note, provenance) " +
      `SELECT effective, announced, lower, upper, kind, note, provenance FROM (${d.jsonRows(1, [
        ["effective", "text"],
        ["announced", "text"],
        ["lower", "float8"],
        ["upper", "float8"],
        ["kind", "text"],
        ["note", "text"],
        ["provenance", "text"],
      ])}) AS r`,
    changesSince: changesSinceSql(d),
    listRuns:
      `SELECT * FROM ingest_runs WHERE (${d.param(1, "text")} IS NULL OR provider = ${d.param(2, "text")}) ` +
      `AND (${d.param(3, "text")} IS NULL OR target = ${d.param(4, "text")}) ORDER BY started_at DESC, id DESC LIMIT ${d.param(5, "int")}`,
  };

  async function defaultSource(sql: string, id: number, options: WriteOptions | undefined, what: string) {
    if (options?.source) return options.source;
    const rows = await q(sql, id);
    if (!rows[0]) throw new InvalidRowError(`${what} ${id} does not exist`, -1);
    return str(rows[0].provenance);
  }

  const repos: Repositories = {
    instruments: {
      async list(filter?: InstrumentFilter) {
        const kind = filter?.kind ?? null;
        const segment = filter?.segment ?? null;
        const symbols = filter?.symbols ? JSON.stringify(filter.symbols.map((s) => s.toUpperCase())) : null;
        const rows = await q(SQL.instrumentsList, kind, kind, segment, segment, symbols, symbols ?? "[]");
        return rows.map(mapInstrument);
      },
      async bySymbols(symbols) {
        const rows = await q(
          SQL.instrumentsBySymbols,
          JSON.stringify([...new Set(symbols.map((s) => s.toUpperCase()))]),
        );
        return rows.map(mapInstrument);
      },
    },

    bars: {
      async forInstruments(ids, range) {
        const wanted = uniqueInts(ids);
        const out = new Map<number, BarColumns>();
        if (wanted.length === 0) return out;
        const [from, to] = bounds(range);
        const read = await readBarWindows(
          source,
          wanted.map((id) => ({ id, from, to })),
        );
        wanted.forEach((id, k) => {
          out.set(id, read[k]!);
        });
        return out;
      },
      async forWindows(windows) {
        return readBarWindows(source, checkedWindows(windows));
      },
    },

    economicSeries: {
      async list() {
        return (await q(SQL.seriesList)).map(mapSeries);
      },
      async byCodes(codes) {
        const rows = await q(
          SQL.seriesByCodes,
          JSON.stringify([...new Set(codes.map((c) => c.toUpperCase()))]),
        );
        return rows.map(mapSeries);
      },
    },

    observations: {
      async forSeries(ids, range) {
        const wanted = uniqueInts(ids);
        const out = new Map<number, Series>();
        if (wanted.length === 0) return out;
        const [from, to] = bounds(range);
        const read = await readObservationWindows(
          source,
          wanted.map((id) => ({ id, from, to })),
        );
        wanted.forEach((id, k) => {
          out.set(id, read[k]!);
        });
        return out;
      },
      async forWindows(windows) {
        return readObservationWindows(source, checkedWindows(windows));
      },
    },

    valuations: {
      async forInstruments(ids, range) {
        const wanted = uniqueInts(ids);
        const out = new Map<number, ValuationColumns>();
        if (wanted.length === 0) return out;
        const [from, to] = bounds(range);
        const rows = await q(SQL.valuations, JSON.stringify(wanted), from, to);
        for (const [id, start, end] of runsByKey(rows, (r) => int(r.instrument_id))) {
          const sources = [...new Set(rows.slice(start, end).map((r) => str(r.source)))].sort();
          const picked = dedupeByDate(rows, start, end);
          const n = picked.length;
          const cols = {
            dates: new Int32Array(n),
            forwardPE: new Float64Array(n),
            trailingPE: new Float64Array(n),
            priceToBook: new Float64Array(n),
            dividendYield: new Float64Array(n),
            source: n ? str(picked[n - 1]!.source) : "",
            sources,
          };
          picked.forEach((r, i) => {
            cols.dates[i] = isoToEpochDay(r.date as string);
            cols.forwardPE[i] = num(r.forward_pe);
            cols.trailingPE[i] = num(r.trailing_pe);
            cols.priceToBook[i] = num(r.price_to_book);
            cols.dividendYield[i] = num(r.dividend_yield);
          });
          out.set(id, cols);
        }
        for (const id of wanted)
          if (!out.has(id))
            out.set(id, {
              dates: new Int32Array(0),
              forwardPE: new Float64Array(0),
              trailingPE: new Float64Array(0),
              priceToBook: new Float64Array(0),
              dividendYield: new Float64Array(0),
              source: "",
              sources: [],
            });
        return out;
      },
    },

    corporateActions: {
      async forInstruments(ids, range, kind) {
        const wanted = uniqueInts(ids);
        const out = new Map<number, CorporateAction[]>();
        if (wanted.length === 0) return out;
        const [from, to] = bounds(range);
        if (kind !== undefined && kind !== "dividend" && kind !== "split")
          throw new RangeError(`kind must be "dividend" or "split", got ${JSON.stringify(kind)}`);
        const k = kind ?? null;
        const rows = await q(SQL.corporateActions, JSON.stringify(wanted), from, to, k, k);
        for (const [id, start, end] of runsByKey(rows, (r) => int(r.instrument_id))) {
          const list: CorporateAction[] = [];
          for (let i = start; i < end; i++) {
            const r = rows[i]!;
            const action: CorporateAction = {
              date: str(r.date),
              kind: str(r.kind) as CorporateActionKind,
              amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
              numerator: r.numerator === null || r.numerator === undefined ? null : Number(r.numerator),
              denominator:
                r.denominator === null || r.denominator === undefined ? null : Number(r.denominator),
              source: str(r.source),
            };
            const last = list[list.length - 1];
            // Rows come by (date, kind, source): keep one per (date, kind), a real source before "demo", then A→Z.
            if (last && last.date === action.date && last.kind === action.kind) {
              if (sourceRank(action.source) < sourceRank(last.source)) list[list.length - 1] = action;
            } else list.push(action);
          }
          out.set(id, list);
        }
        for (const id of wanted) if (!out.has(id)) out.set(id, []);
        return out;
      },
    },

    positioning: {
      async forSegments(segments, range) {
        const out = new Map<string, PositioningSeries>();
        const wanted = [...new Set(segments)];
        if (wanted.length === 0) return out;
        const [from, to] = bounds(range);
        const rows = await q(SQL.positioning, JSON.stringify(wanted), from, to);
        for (const [segment, start, end] of runsByKey(rows, (r) => str(r.segment))) {
          const sources = [...new Set(rows.slice(start, end).map((r) => str(r.source)))].sort();
          const picked = dedupeByDate(rows, start, end);
          const dates = new Int32Array(picked.length);
          const values = new Float64Array(picked.length);
          picked.forEach((r, i) => {
            dates[i] = isoToEpochDay(r.date as string);
            values[i] = num(r.value);
          });
          const last = picked[picked.length - 1]!;
          out.set(segment, {
            segment,
            dates,
            values,
            unit: str(last.unit),
            source: str(last.source),
            sources,
          });
        }
        return out;
      },
    },

    dataset: {
      async coverage(): Promise<DatasetCoverage> {
        const cov = (r: Row) => ({
          sources: splitSources(r.sources),
          firstDate: strOrNull(r.first_date),
          lastDate: strOrNull(r.last_date),
          rows: r.n === null || r.n === undefined ? 0 : int(r.n),
        });
        const [ri, rs, rv, rp] = [
          await q(SQL.coverageInstruments),
          await q(SQL.coverageSeries),
          await q(SQL.coverageValuations),
          await q(SQL.coveragePositioning),
        ];
        const instruments: InstrumentCoverage[] = ri.map((r) => ({
          id: int(r.id),
          symbol: str(r.symbol),
          kind: str(r.kind) as InstrumentKind,
          segment: str(r.segment),
          provenance: str(r.provenance),
          updatedAt: toDate(r.updated_at),
          ...cov(r),
        }));
        const series: SeriesCoverage[] = rs.map((r) => ({
          id: int(r.id),
          code: str(r.code),
          title: str(r.title),
          provenance: str(r.provenance),
          updatedAt: toDate(r.updated_at),
          ...cov(r),
        }));
        const valuations: ValuationCoverage[] = rv.map((r) => ({
          instrumentId: int(r.instrument_id),
          symbol: str(r.symbol),
          ...cov(r),
        }));
        const positioning: PositioningCoverage[] = rp.map((r) => ({ segment: str(r.segment), ...cov(r) }));
        const all = new Set<string>();
        for (const c of [...instruments, ...series, ...valuations, ...positioning])
          for (const s of c.sources) all.add(s);
        let dataset: DatasetLabel = "empty";
        if (all.size > 0) dataset = !all.has("demo") ? "imported" : all.size === 1 ? "demo" : "mixed";
        return { dataset, instruments, series, valuations, positioning };
      },
    },

    policyDecisions: {
      async list() {
        return (await q(SQL.policyDecisions)).map(mapDecision);
      },
    },

    async syncPolicyDecisions(decisions, provenance) {
      const stored = (await q(SQL.policyDecisions)).map(mapDecision);
      const key = (x: PolicyDecision & { provenance?: string }) =>
        [x.effective, x.announced, x.lower, x.upper, x.kind, x.note, x.provenance ?? provenance].join("|");
      const same =
        stored.length === decisions.length && stored.every((row, i) => key(row) === key(decisions[i]!));
      if (same) return { changed: false, count: stored.length };
      decisions.forEach((x, i) => {
        checkDate(x.effective, i, "policy decision");
        if (x.announced !== null) checkDate(x.announced, i, "policy decision");
        checkNumber(x.lower, i, "policy decision", "lower");
        checkNumber(x.upper, i, "policy decision", "upper");
      });
      await ctx.atomically(async (client) => {
        await client.$executeRawUnsafe(SQL.deletePolicyDecisions, provenance);
        await client.$executeRawUnsafe(
          SQL.insertPolicyDecisions,
          JSON.stringify(decisions.map((x) => ({ ...x, provenance }))),
        );
        await recordChange(client, d, changeSource, { kinds: ["policyDecisions"] });
      });
      return { changed: true, count: decisions.length };
    },

    ingestRuns: {
      async list(filter) {
        const p = filter?.provider ?? null;
        const t = filter?.target ?? null;
        const rows = await q(SQL.listRuns, p, p, t, t, Math.max(1, Math.trunc(filter?.limit ?? 100)));
        return rows.map(mapRun);
      },
    },

    async changesSince(version: number, limit = 1000) {
      const rows = await q(SQL.changesSince, Math.trunc(version), Math.max(1, Math.trunc(limit)));
      return rows.map(mapChange);
    },

    async dataVersion() {
      const rows = await q("SELECT COALESCE(MAX(version), 0) AS v FROM dataset_version");
      return int(rows[0]?.v ?? 0);
    },

    async upsertInstrument(input: InstrumentInput) {
      if (input.kind !== "ETF" && input.kind !== "INDEX")
        throw new InvalidRowError(
          `instrument kind must be ETF or INDEX, got ${JSON.stringify(input.kind)}`,
          0,
        );
      if (input.inceptionDate != null && !isISODate(input.inceptionDate))
        throw new InvalidRowError(`inceptionDate must be YYYY-MM-DD, got ${echo(input.inceptionDate)}`, 0);
      const now = new Date();
      const symbol = input.symbol.trim().toUpperCase();
      const rows = await writeAndBump(
        { symbols: [symbol], kinds: ["instruments"] },
        SQL.upsertInstrument,
        symbol,
        input.name,
        input.kind,
        input.segment,
        input.benchmarkSymbol?.toUpperCase() ?? null,
        input.inceptionDate ?? null,
        input.currency ?? "USD",
        input.provenance,
        now,
        now,
      );
      return mapInstrument(rows[0]!);
    },

    async upsertEconomicSeries(input: EconomicSeriesInput) {
      const now = new Date();
      const code = input.code.trim().toUpperCase();
      const rows = await writeAndBump(
        { codes: [code], kinds: ["series"] },
        SQL.upsertSeries,
        code,
        input.title,
        input.unit,
        input.frequency,
        input.source,
        input.provenance,
        now,
        now,
      );
      return mapSeries(rows[0]!);
    },

    async upsertBars(instrumentId: number, rows: readonly BarRow[], options?: WriteOptions) {
      const byDate = new Map<string, Record<string, unknown>>();
      rows.forEach((r, i) => {
        const date = checkDate(r.date, i, "bar");
        byDate.set(date, {
          d: date,
          o: finiteOrNull(r.open),
          h: finiteOrNull(r.high),
          l: finiteOrNull(r.low),
          c: checkNumber(r.close, i, "bar", "close"),
          a: finiteOrNull(r.adjClose),
          v: finiteOrNull(r.volume),
        });
      });
      if (byDate.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const source = await defaultSource(SQL.instrumentProvenance, instrumentId, options, "instrument");
      const delta: ChangeDelta = { instrumentIds: [instrumentId], kinds: ["bars"] };
      return bulkUpsert(ctx, BARS, [instrumentId, source], byDate, delta, (c) =>
        c.$executeRawUnsafe(SQL.touchInstrument, new Date(), instrumentId),
      );
    },

    async upsertObservations(seriesId: number, rows: readonly ObservationRow[], options?: WriteOptions) {
      const byDate = new Map<string, Record<string, unknown>>();
      rows.forEach((r, i) => {
        const date = checkDate(r.date, i, "observation");
        byDate.set(date, { d: date, v: checkNumber(r.value, i, "observation", "value") });
      });
      if (byDate.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const source = await defaultSource(SQL.seriesProvenance, seriesId, options, "economic series");
      const delta: ChangeDelta = { seriesIds: [seriesId], kinds: ["observations"] };
      return bulkUpsert(ctx, OBSERVATIONS, [seriesId, source], byDate, delta, (c) =>
        c.$executeRawUnsafe(SQL.touchSeries, new Date(), seriesId),
      );
    },

    async upsertValuations(instrumentId: number, rows: readonly ValuationRow[], options?: WriteOptions) {
      const byDate = new Map<string, Record<string, unknown>>();
      rows.forEach((r, i) => {
        const date = checkDate(r.date, i, "valuation");
        byDate.set(date, {
          d: date,
          f: finiteOrNull(r.forwardPE),
          t: finiteOrNull(r.trailingPE),
          b: finiteOrNull(r.priceToBook),
          y: finiteOrNull(r.dividendYield),
        });
      });
      if (byDate.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const source = await defaultSource(SQL.instrumentProvenance, instrumentId, options, "instrument");
      return bulkUpsert(ctx, VALUATIONS, [instrumentId, source], byDate, {
        instrumentIds: [instrumentId],
        kinds: ["valuations"],
      });
    },

    async upsertCorporateActions(
      instrumentId: number,
      rows: readonly CorporateActionRow[],
      options?: WriteOptions,
    ) {
      const byKey = new Map<string, Record<string, unknown>>();
      const positive = (v: unknown, i: number, field: string) => {
        const n = checkNumber(v, i, "corporate action", field);
        if (n <= 0) throw new InvalidRowError(`corporate action row ${i}: ${field} must be > 0, got ${n}`, i);
        return n;
      };
      rows.forEach((r, i) => {
        const date = checkDate(r.date, i, "corporate action");
        if (r.kind === "dividend")
          byKey.set(`${date}\u0000dividend`, {
            d: date,
            k: "dividend",
            a: positive(r.amount, i, "amount"),
            n: null,
            m: null,
          });
        else if (r.kind === "split")
          byKey.set(`${date}\u0000split`, {
            d: date,
            k: "split",
            a: null,
            n: positive(r.numerator, i, "numerator"),
            m: positive(r.denominator, i, "denominator"),
          });
        else
          throw new InvalidRowError(
            `corporate action row ${i}: kind must be "dividend" or "split", got ${JSON.stringify(r.kind)}`,
            i,
          );
      });
      if (byKey.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const source = await defaultSource(SQL.instrumentProvenance, instrumentId, options, "instrument");
      return bulkUpsert(ctx, CORPORATE_ACTIONS, [instrumentId, source], byKey, {
        instrumentIds: [instrumentId],
        kinds: ["corporateActions"],
      });
    },

    async upsertPositioning(rows: readonly PositioningRow[], options?: WriteOptions) {
      const byKey = new Map<string, Record<string, unknown>>();
      rows.forEach((r, i) => {
        const date = checkDate(r.date, i, "positioning");
        if (!r.segment) throw new InvalidRowError(`positioning row ${i}: segment is required`, i);
        if (!r.unit) throw new InvalidRowError(`positioning row ${i}: unit is required`, i);
        byKey.set(`${r.segment}\u0000${date}`, {
          s: r.segment,
          d: date,
          v: checkNumber(r.value, i, "positioning", "value"),
          u: r.unit,
        });
      });
      return bulkUpsert(ctx, POSITIONING, [options?.source ?? "demo"], byKey, { kinds: ["positioning"] });
    },

    async recordIngestRun(run: IngestRunInput) {
      const rows = await q(
        SQL.insertRun,
        run.provider,
        run.target,
        run.rangeFrom ?? null,
        run.rangeTo ?? null,
        Math.trunc(run.rowsAdded ?? 0),
        Math.trunc(run.rowsUpdated ?? 0),
        Math.trunc(run.rowsRejected ?? 0),
        run.status,
        run.error ?? null,
        run.startedAt,
        run.finishedAt ?? null,
      );
      return mapRun(rows[0]!);
    },
  };
  return repos;
}

/** Bar columns with no rows (what a read returns for an instrument without bars in the range). */
export function emptyBars(): BarColumns {
  return {
    dates: new Int32Array(0),
    open: new Float64Array(0),
    high: new Float64Array(0),
    low: new Float64Array(0),
    close: new Float64Array(0),
    adjClose: new Float64Array(0),
    volume: new Float64Array(0),
  };
}
