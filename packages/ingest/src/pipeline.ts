/**
 * The import pipeline, one item (instrument, series or file) at a time:
 *
 *   range (incremental) → fetch/read → validate → [reject whole, unless --skip-invalid]
 *   → one transaction: metadata + provenance, delete demo rows, merge, upsert in chunks → run log
 *
 * Rules (see README):
 * - incremental: without `--full`, a provider is asked from the last stored date (inclusive: the
 *   last day is re-read, so a bar fetched mid-session gets its final values) to `--to`/today;
 * - idempotent: upserts on the unique keys; unchanged rows are counted as such and not rewritten;
 * - atomic: one transaction per item; any failure rolls everything of the item back;
 * - a source lacking a column (no adjusted close, close-only) never erases a stored value;
 * - provenance: writing real rows deletes the item's demo rows in the same transaction, and the
 *   item's provenance becomes its real source(s) ("yahoo", "csv+yahoo" …);
 * - dry run: the same transaction, rolled back at the end — exact counts, nothing written, no run logged.
 */

import { INSTRUMENTS, instrumentInfo, type ResolvedItem, seriesInfo } from "./catalog.js";
import { todayISO } from "./dates.js";
import { fomcRecordNotes } from "./fomc-check.js";
import type { BarsProvider, BarsResult, SeriesProvider } from "./providers/provider.js";
import type { IngestRunRecord, IngestStore, IngestTx, InstrumentRecord, WriteCounts } from "./store/port.js";
import type {
  BarRow,
  CorporateActionCsvRow,
  CorporateActionRow,
  Located,
  ObservationRow,
  Parsed,
  PositioningRow,
  Rejection,
  SeriesMeta,
  ValuationRow,
} from "./types.js";
import {
  validateBars,
  validateCorporateActions,
  validateObservations,
  validatePositioning,
  validateValuations,
} from "./validate.js";

export type ItemStatus = "ok" | "partial" | "failed" | "up-to-date" | "dry-run";

export interface ItemReport {
  /** Symbol, series code, or file name for valuation/positioning files. */
  item: string;
  provider: string;
  status: ItemStatus;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows skipped on purpose (FRED's "." holidays, Yahoo placeholders). */
  skipped: number;
  /** Demo rows deleted because real data replaced them. */
  demoDeleted: number;
  /**
   * Dividends and splits written with the bars (providers that report them: Yahoo); not included in
   * added/updated/unchanged, which count bars.
   */
  actions?: WriteCounts;
  from: string | null;
  to: string | null;
  ms: number;
  error?: string;
  rejections: Rejection[];
  /** Findings that are not errors but must not be hidden, e.g. disagreements with the FOMC record. */
  notes?: string[];
}

/** Progress callbacks of one item (see progress.ts for the terminal implementation). */
export interface ItemProgress {
  phase(text: string): void;
  /** Rows written so far out of `total`. */
  rows(done: number, total: number): void;
}

export const silentProgress: ItemProgress = { phase() {}, rows() {} };

export interface CommonOptions {
  dryRun?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  progress?: ItemProgress | undefined;
  /** Rows per upsert statement batch (progress granularity); default 5 000. */
  chunkSize?: number | undefined;
  now?: () => Date;
}

export interface FetchOptions extends CommonOptions {
  from?: string | undefined;
  to?: string | undefined;
  full?: boolean | undefined;
  today?: string | undefined;
}

class DryRunRollback extends Error {
  constructor(readonly value: unknown) {
    super("dry run: rolled back");
  }
}

/** Runs `fn` in a transaction; in a dry run, rolls it back and still returns its result. */
async function inTransaction<T>(
  store: IngestStore,
  dryRun: boolean | undefined,
  fn: (tx: IngestTx) => Promise<T>,
) {
  try {
    return await store.transaction(async (tx) => {
      const value = await fn(tx);
      if (dryRun) throw new DryRunRollback(value);
      return value;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.value as T;
    throw error;
  }
}

/** Merges provenances: demo disappears once real data is in; real sources accumulate ("csv+yahoo"). */
export function mergeProvenance(previous: string | undefined, source: string): string {
  const parts = new Set((previous ?? "").split("+").filter((p) => p && p !== "demo"));
  parts.add(source);
  return [...parts].sort().join("+");
}

const add = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});
const ZERO: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };

async function chunked<T>(
  rows: readonly T[],
  size: number,
  progress: ItemProgress,
  write: (chunk: readonly T[]) => Promise<WriteCounts>,
): Promise<WriteCounts> {
  let counts = ZERO;
  progress.rows(0, rows.length);
  for (let i = 0; i < rows.length; i += size) {
    counts = add(counts, await write(rows.slice(i, i + size)));
    progress.rows(Math.min(rows.length, i + size), rows.length);
  }
  return counts;
}

/** A stored value is kept when the new row has none for that column. */
function mergeBar(next: BarRow, old: BarRow | undefined): BarRow {
  if (!old) return next;
  return {
    date: next.date,
    open: next.open ?? old.open,
    high: next.high ?? old.high,
    low: next.low ?? old.low,
    close: next.close,
    adjClose: next.adjClose ?? old.adjClose,
    volume: next.volume ?? old.volume,
  };
}

interface WriteResult {
  counts: WriteCounts;
  demoDeleted: number;
  actions?: WriteCounts | undefined;
  /** Things the import did not reject but a user must know (e.g. disagreement with the FOMC record). */
  notes?: string[] | undefined;
}

/** Writes bars of one instrument in one transaction (metadata, provenance, demo purge, merge, upsert). */
export async function writeBars(
  store: IngestStore,
  symbol: string,
  rows: readonly BarRow[],
  source: string,
  options: CommonOptions & {
    meta?: Partial<ReturnType<typeof instrumentInfo>>;
    /**
     * Dividends and splits of the same range, written in the same transaction (after the instrument's demo
     * actions are deleted). Undefined = the source says nothing about them (nothing touched).
     */
    actions?: readonly CorporateActionRow[] | undefined;
  } = {},
): Promise<WriteResult> {
  const progress = options.progress ?? silentProgress;
  const size = options.chunkSize ?? 5000;
  return inTransaction(store, options.dryRun, async (tx) => {
    const existing = await tx.instrument(symbol);
    const provenance = mergeProvenance(existing?.provenance, source);
    const id =
      existing && existing.provenance === provenance
        ? existing.id
        : await tx.upsertInstrument({
            ...(existing ? keepMeta(existing) : instrumentInfo(symbol, options.meta)),
            provenance,
          });
    const demoDeleted = await tx.deleteDemoBars(id);
    let toWrite: readonly BarRow[] = rows;
    let unchanged = 0;
    if (existing && rows.length > 0) {
      const stored = await tx.readBars(id, rows[0]!.date, rows[rows.length - 1]!.date);
      if (stored.length > 0) {
        const byDate = new Map(stored.map((b) => [b.date, b]));
        toWrite = [];
        for (const r of rows) {
          const old = byDate.get(r.date);
          const merged = mergeBar(r, old);
          if (old && sameBar(merged, old)) unchanged++;
          else (toWrite as BarRow[]).push(merged);
        }
      }
    }
    progress.phase("writing");
    const counts = await chunked(toWrite, size, progress, (chunk) => tx.upsertBars(id, chunk, source));
    let actions: WriteCounts | undefined;
    let actionsDemoDeleted = 0;
    if (options.actions) {
      actionsDemoDeleted = await tx.deleteDemoCorporateActions(id);
      actions =
        options.actions.length > 0 ? await tx.upsertCorporateActions(id, options.actions, source) : ZERO;
    }
    return {
      counts: { ...counts, unchanged: counts.unchanged + unchanged },
      demoDeleted: demoDeleted + actionsDemoDeleted,
      actions,
    };
  });
}

/**
 * Equal, or equal within 1e-12 relative: vendors print the same float32-derived price with
 * different digits (225.41000366210938 vs 225.41000366210935); that is not a change.
 */
export function near(a: number | null, b: number | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

const sameBar = (a: BarRow, b: BarRow) =>
  near(a.open, b.open) &&
  near(a.high, b.high) &&
  near(a.low, b.low) &&
  near(a.close, b.close) &&
  near(a.adjClose, b.adjClose) &&
  near(a.volume, b.volume);

function keepMeta(s: InstrumentRecord) {
  return {
    symbol: s.symbol,
    name: s.name,
    kind: s.kind,
    segment: s.segment,
    benchmarkSymbol: s.benchmarkSymbol,
    inceptionDate: s.inceptionDate,
  };
}

/** Writes observations of one series in one transaction. */
export async function writeObservations(
  store: IngestStore,
  code: string,
  rows: readonly ObservationRow[],
  source: string,
  options: CommonOptions & { meta?: Partial<SeriesMeta> | undefined } = {},
): Promise<WriteResult> {
  const progress = options.progress ?? silentProgress;
  const size = options.chunkSize ?? 5000;
  return inTransaction(store, options.dryRun, async (tx) => {
    const existing = await tx.series(code);
    const provenance = mergeProvenance(existing?.provenance, source);
    const info = seriesInfo(code, options.meta ?? {});
    const metaChanged =
      !!options.meta &&
      !!existing &&
      (existing.title !== info.title || existing.unit !== info.unit || existing.frequency !== info.frequency);
    const id =
      existing && existing.provenance === provenance && !metaChanged
        ? existing.id
        : await tx.upsertSeries({
            ...(existing && !options.meta
              ? {
                  code: existing.code,
                  title: existing.title,
                  unit: existing.unit,
                  frequency: existing.frequency,
                  source: existing.source,
                }
              : info),
            provenance,
          });
    const demoDeleted = await tx.deleteDemoObservations(id);
    let toWrite: readonly ObservationRow[] = rows;
    let unchanged = 0;
    if (existing && rows.length > 0) {
      const stored = await tx.readObservations(id, rows[0]!.date, rows[rows.length - 1]!.date);
      if (stored.length > 0) {
        const byDate = new Map(stored.map((o) => [o.date, o.value]));
        toWrite = rows.filter((r) => {
          const old = byDate.get(r.date);
          const same = old !== undefined && near(old, r.value);
          if (same) unchanged++;
          return !same;
        });
      }
    }
    progress.phase("writing");
    const counts = await chunked(toWrite, size, progress, (chunk) =>
      tx.upsertObservations(id, chunk, source),
    );
    const notes = fomcRecordNotes(code, rows);
    return {
      counts: { ...counts, unchanged: counts.unchanged + unchanged },
      demoDeleted,
      ...(notes.length ? { notes } : {}),
    };
  });
}

/** An empty report of an item (status ok, no rows). */
export function newReport(item: string, provider: string): ItemReport {
  return {
    item,
    provider,
    status: "ok",
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    demoDeleted: 0,
    from: null,
    to: null,
    ms: 0,
    rejections: [],
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function rejectedMessage(rejects: Rejection[]): string {
  const first = rejects[0]!;
  return (
    `${rejects.length} invalid row${rejects.length === 1 ? "" : "s"} (first: ${first.file} line ${first.line}: ${first.reason}); ` +
    "nothing written — fix the input or use --skip-invalid"
  );
}

/**
 * Shared tail of every item: reject-or-write, status, timing, run log. `write` gets the valid rows.
 */
async function finishItem<T>(
  store: IngestStore,
  report: ItemReport,
  parsed: Parsed<T>,
  options: CommonOptions,
  started: number,
  startedAt: Date,
  write: (rows: T[]) => Promise<WriteResult>,
): Promise<ItemReport> {
  const now = options.now ?? (() => new Date());
  report.rejected = parsed.rejects.length;
  report.rejections = parsed.rejects;
  report.skipped += parsed.skipped;
  if (parsed.rejects.length > 0 && !options.skipInvalid) {
    report.status = "failed";
    report.error = rejectedMessage(parsed.rejects);
  } else {
    const rows = parsed.rows.map((r) => r.row);
    const result = rows.length > 0 ? await write(rows) : { counts: ZERO, demoDeleted: 0 };
    report.added = result.counts.inserted;
    report.updated = result.counts.updated;
    report.unchanged = result.counts.unchanged;
    report.demoDeleted = result.demoDeleted;
    if (result.actions) report.actions = result.actions;
    if (result.notes) report.notes = result.notes;
    report.status = options.dryRun ? "dry-run" : parsed.rejects.length > 0 ? "partial" : "ok";
  }
  report.ms = performance.now() - started;
  if (!options.dryRun) await logRun(store, report, startedAt, now());
  return report;
}

async function logRun(store: IngestStore, report: ItemReport, startedAt: Date, finishedAt: Date) {
  const run: IngestRunRecord = {
    provider: report.provider,
    target: report.item,
    rangeFrom: report.from,
    rangeTo: report.to,
    rowsAdded: report.added,
    rowsUpdated: report.updated,
    rowsRejected: report.rejected,
    status: report.status === "partial" ? "partial" : report.status === "failed" ? "failed" : "ok",
    error: report.error ?? null,
    startedAt,
    finishedAt,
  };
  try {
    await store.recordRun(run);
  } catch (error) {
    report.error = `${report.error ? `${report.error}; ` : ""}could not record the run: ${errorMessage(error)}`;
  }
}

/** Range of a provider fetch: `--from`/`--to`, or from the last stored date unless --full or demo data. */
export function fetchRange(
  stored: { lastDate: string | null; provenance: string; sources: string[] } | null,
  options: FetchOptions,
): { from: string | undefined; to: string; incremental: boolean } {
  const to = options.to ?? options.today ?? todayISO();
  const hasDemo = !!stored && (stored.provenance === "demo" || stored.sources.includes("demo"));
  if (options.full || !stored?.lastDate || hasDemo) return { from: options.from, to, incremental: false };
  const from = options.from && options.from > stored.lastDate ? options.from : stored.lastDate;
  return { from, to, incremental: true };
}

/** Imports one instrument or series from a provider. Never throws: failures are in the report. */
export async function ingestFromProvider(
  store: IngestStore,
  item: ResolvedItem,
  provider: BarsProvider | SeriesProvider,
  options: FetchOptions = {},
): Promise<ItemReport> {
  const started = performance.now();
  const startedAt = (options.now ?? (() => new Date()))();
  const progress = options.progress ?? silentProgress;
  const report = newReport(item.name, provider.name);
  try {
    const stored =
      item.kind === "instrument" ? await store.instrument(item.name) : await store.series(item.name);
    const range = fetchRange(stored, options);
    report.from = range.from ?? null;
    report.to = range.to;
    if (range.from !== undefined && range.from > range.to) {
      report.status = "up-to-date";
      report.ms = performance.now() - started;
      return report;
    }
    progress.phase(range.incremental ? `fetching from ${range.from}` : "fetching");
    if (item.kind === "instrument") {
      const result = await (provider as BarsProvider).fetchBars(item.name, {
        from: range.from,
        to: range.to,
      });
      report.skipped = result.skipped;
      progress.phase(`validating ${result.rows.length} rows`);
      const parsed = validateBars(result);
      const actions = corporateActionsOf(result, range.from, range.to);
      if (actions && actions.rejects.length > 0) {
        parsed.rejects = [...parsed.rejects, ...actions.rejects];
      }
      if (!report.from) report.from = parsed.rows[0]?.row.date ?? null;
      return await finishItem(store, report, parsed, options, started, startedAt, (rows) =>
        writeBars(store, item.name, rows, provider.name, {
          ...options,
          progress,
          meta: result.meta,
          actions: actions?.rows,
        }),
      );
    }
    const p = provider as SeriesProvider & {
      fetchMeta?: (code: string) => Promise<Partial<SeriesMeta> | undefined>;
    };
    const result = await p.fetchSeries(item.name, { from: range.from, to: range.to });
    const meta = stored && range.incremental ? undefined : await p.fetchMeta?.(item.name);
    progress.phase(`validating ${result.rows.length} rows`);
    const parsed = validateObservations(result);
    if (!report.from) report.from = parsed.rows[0]?.row.date ?? null;
    return await finishItem(store, report, parsed, options, started, startedAt, (rows) =>
      writeObservations(store, item.name, rows, provider.name, { ...options, progress, meta }),
    );
  } catch (error) {
    return failItem(store, report, error, options, started, startedAt);
  }
}

/**
 * The provider's dividends and splits inside the fetched range (so an incremental run re-reads the same span
 * as its bars), checked: a non-positive or non-finite amount / ratio is a rejection. Undefined when the
 * provider reports no events at all (Stooq, FRED), so nothing is touched.
 */
export function corporateActionsOf(
  result: BarsResult,
  from: string | undefined,
  to: string,
): { rows: CorporateActionRow[]; rejects: Rejection[] } | undefined {
  if (!result.dividends && !result.splits) return undefined;
  const inRange = (date: string) => (from === undefined || date >= from) && date <= to;
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const rows: CorporateActionRow[] = [];
  const rejects: Rejection[] = [];
  for (const d of result.dividends ?? []) {
    if (!inRange(d.date)) continue;
    if (ok(d.amount))
      rows.push({ date: d.date, kind: "dividend", amount: d.amount, numerator: null, denominator: null });
    else
      rejects.push({
        file: result.file,
        line: 0,
        reason: `dividend ${d.date}: amount ${d.amount} is not > 0`,
      });
  }
  for (const s of result.splits ?? []) {
    if (!inRange(s.date)) continue;
    if (ok(s.numerator) && ok(s.denominator))
      rows.push({
        date: s.date,
        kind: "split",
        amount: null,
        numerator: s.numerator,
        denominator: s.denominator,
      });
    else
      rejects.push({
        file: result.file,
        line: 0,
        reason: `split ${s.date}: ${s.numerator}:${s.denominator} is not a positive ratio`,
      });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));
  return { rows, rejects };
}

async function failItem(
  store: IngestStore,
  report: ItemReport,
  error: unknown,
  options: CommonOptions,
  started: number,
  startedAt: Date,
): Promise<ItemReport> {
  report.status = "failed";
  report.added = report.updated = report.unchanged = report.demoDeleted = 0;
  report.error = errorMessage(error);
  report.ms = performance.now() - started;
  if (!options.dryRun) await logRun(store, report, startedAt, (options.now ?? (() => new Date()))());
  return report;
}

function dateSpan<T extends { date: string }>(
  rows: Located<T>[],
): { from: string | null; to: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  for (const { row } of rows) {
    if (from === null || row.date < from) from = row.date;
    if (to === null || row.date > to) to = row.date;
  }
  return { from, to };
}

/** Imports parsed CSV bars of one instrument. */
export async function importBars(
  store: IngestStore,
  symbol: string,
  parsed: Parsed<BarRow>,
  source: string,
  options: CommonOptions = {},
): Promise<ItemReport> {
  return importParsed(
    store,
    symbol.toUpperCase(),
    source,
    options,
    () => validateBars(parsed),
    (rows, o) => writeBars(store, symbol, rows, source, o),
  );
}

/** Imports parsed CSV observations of one series. */
export async function importObservations(
  store: IngestStore,
  code: string,
  parsed: Parsed<ObservationRow>,
  source: string,
  options: CommonOptions = {},
): Promise<ItemReport> {
  return importParsed(
    store,
    code.toUpperCase(),
    source,
    options,
    () => validateObservations(parsed),
    (rows, o) => writeObservations(store, code, rows, source, o),
  );
}

async function importParsed<T extends { date: string }>(
  store: IngestStore,
  item: string,
  source: string,
  options: CommonOptions,
  validate: () => Parsed<T> | Promise<Parsed<T>>,
  write: (rows: T[], o: CommonOptions & { progress: ItemProgress }) => Promise<WriteResult>,
): Promise<ItemReport> {
  const started = performance.now();
  const startedAt = (options.now ?? (() => new Date()))();
  const report = newReport(item, source);
  const progress = options.progress ?? silentProgress;
  try {
    progress.phase("validating");
    const parsed = await validate();
    Object.assign(report, dateSpan(parsed.rows));
    return await finishItem(store, report, parsed, options, started, startedAt, (rows) =>
      write(rows, { ...options, progress }),
    );
  } catch (error) {
    return failItem(store, report, error, options, started, startedAt);
  }
}

/**
 * Drops the rows whose symbol is neither a stored nor a catalog instrument, reporting each as rejected
 * ("unknown instrument"), with the rejects kept in line order.
 */
async function keepKnownSymbols<T extends { symbol: string }>(
  store: IngestStore,
  checked: Parsed<T>,
): Promise<Parsed<T>> {
  const known = new Map<string, boolean>();
  for (const { row } of checked.rows) {
    if (!known.has(row.symbol)) {
      known.set(row.symbol, row.symbol in INSTRUMENTS || !!(await store.instrument(row.symbol)));
    }
  }
  const rejects = [...checked.rejects];
  const rows = checked.rows.filter(({ line, row }) => {
    if (known.get(row.symbol)) return true;
    rejects.push({
      file: checked.file,
      line,
      reason: `unknown instrument "${row.symbol}" (import its bars first)`,
    });
    return false;
  });
  rejects.sort((a, b) => a.line - b.line);
  return { ...checked, rows, rejects };
}

/**
 * Writes symbol-keyed file rows in groups of (symbol, source), inside the caller's transaction: finds or
 * creates each instrument (from the catalog), deletes its demo rows once, then upserts the group.
 */
async function writeBySymbol<T extends { symbol: string; source: string }>(
  tx: IngestTx,
  valid: T[],
  progress: ItemProgress,
  deleteDemo: (id: number) => Promise<number>,
  upsert: (id: number, group: T[], source: string) => Promise<WriteCounts>,
): Promise<WriteResult> {
  let counts = ZERO;
  let demoDeleted = 0;
  let done = 0;
  const purged = new Set<number>();
  progress.phase("writing");
  for (const group of groupBy(valid, (r) => `${r.symbol}|${r.source}`).values()) {
    const { symbol, source } = group[0]!;
    const existing = await tx.instrument(symbol);
    const id = existing
      ? existing.id
      : await tx.upsertInstrument({
          ...instrumentInfo(symbol),
          provenance: mergeProvenance(undefined, source),
        });
    if (!purged.has(id)) {
      purged.add(id);
      demoDeleted += await deleteDemo(id);
    }
    counts = add(counts, await upsert(id, group, source));
    done += group.length;
    progress.rows(done, valid.length);
  }
  return { counts, demoDeleted };
}

/**
 * Imports valuation snapshots (one transaction for the whole file). Symbols must be stored
 * instruments or catalog instruments; other rows are rejected ("unknown instrument").
 */
export async function importValuations(
  store: IngestStore,
  label: string,
  parsed: Parsed<ValuationRow>,
  options: CommonOptions = {},
): Promise<ItemReport> {
  return importParsed(
    store,
    label,
    "csv",
    options,
    () => keepKnownSymbols(store, validateValuations(parsed)),
    (valid, { dryRun, progress }) =>
      inTransaction(store, dryRun, (tx) =>
        writeBySymbol(
          tx,
          valid,
          progress,
          (id) => tx.deleteDemoValuations(id),
          (id, group, source) =>
            tx.upsertValuations(
              id,
              group.map(({ date, forwardPE, trailingPE, priceToBook, dividendYield }) => ({
                date,
                forwardPE,
                trailingPE,
                priceToBook,
                dividendYield,
              })),
              source,
            ),
        ),
      ),
  );
}

/**
 * Imports corporate actions from a file (one transaction for the whole file). Symbols must be stored
 * instruments or catalog instruments; the instruments' demo actions are deleted, as for valuations.
 */
export async function importCorporateActions(
  store: IngestStore,
  label: string,
  parsed: Parsed<CorporateActionCsvRow>,
  options: CommonOptions = {},
): Promise<ItemReport> {
  return importParsed(
    store,
    label,
    "csv",
    options,
    () => keepKnownSymbols(store, validateCorporateActions(parsed)),
    (valid, { dryRun, progress }) =>
      inTransaction(store, dryRun, (tx) =>
        writeBySymbol(
          tx,
          valid,
          progress,
          (id) => tx.deleteDemoCorporateActions(id),
          (id, group, source) =>
            tx.upsertCorporateActions(
              id,
              group.map(({ date, kind, amount, numerator, denominator }) => ({
                date,
                kind,
                amount,
                numerator,
                denominator,
              })),
              source,
            ),
        ),
      ),
  );
}

/** Imports positioning observations (one transaction for the whole file). */
export async function importPositioning(
  store: IngestStore,
  label: string,
  parsed: Parsed<PositioningRow>,
  options: CommonOptions = {},
): Promise<ItemReport> {
  return importParsed(
    store,
    label,
    "csv",
    options,
    () => validatePositioning(parsed),
    (valid, { dryRun, progress }) =>
      inTransaction(store, dryRun, async (tx) => {
        let counts = ZERO;
        let demoDeleted = 0;
        progress.phase("writing");
        for (const segment of new Set(valid.map((r) => r.segment))) {
          demoDeleted += await tx.deleteDemoPositioning(segment);
        }
        for (const group of groupBy(valid, (r) => r.source).values()) {
          const rows = group.map(({ segment, date, value, unit }) => ({ segment, date, value, unit }));
          counts = add(counts, await tx.upsertPositioning(rows, group[0]!.source));
        }
        progress.rows(valid.length, valid.length);
        return { counts, demoDeleted };
      }),
  );
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}
