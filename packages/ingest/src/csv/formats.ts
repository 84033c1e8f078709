/**
 * Turning a CSV file into located rows: column recognition (the export formats of FRED, Stooq and
 * Yahoo need no options), column mapping options, and per-line parse errors.
 *
 * Recognised headers (case, spaces, underscores and quotes ignored):
 * - date: `date`, `observation_date`, `DATE`, `timestamp`, `time`, `day`, `datetime`, Stooq's Polish `Data`;
 * - bars: `open`, `high`, `low`, `close` (or `price`), `adj close` / `adj_close` / `adjclose`, `volume`;
 *   a close-only file (`date,close`) gives bars with only a close (open/high/low/volume null); without
 *   an adjusted-close column, adjClose is null (unknown), not a copy of close;
 * - series: the one non-date column (FRED's header is the series code: `observation_date,DGS10`),
 *   or a column named `value`;
 * - valuation: `date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source`;
 * - positioning: `date,segment,value,unit,source`;
 * - corporate actions: `date,symbol,kind,value,source` (kind `dividend` with the cash amount, or `split`
 *   with `N:D`, `N/D`, `N-for-D` or a plain `N` = N:1).
 */
import { MAX_DATE, MIN_DATE } from "@cyclelens/core";
import { IngestUsageError } from "../errors.js";
import type {
  BarRow,
  CorporateActionCsvRow,
  Located,
  ObservationRow,
  Parsed,
  PositioningRow,
  Rejection,
  ValuationRow,
} from "../types.js";
import { type CsvInput, type CsvRecord, parseCsv, sniffDelimiter, textInput } from "./parse.js";
import {
  type DateFormat,
  DateFormatEvidence,
  DecimalEvidence,
  type DecimalMark,
  parseDate,
  parseNumberField,
} from "./values.js";

export type BarField = "open" | "high" | "low" | "close" | "adjClose" | "volume";
export const BAR_FIELDS: readonly BarField[] = ["open", "high", "low", "close", "adjClose", "volume"];

export interface CsvOptions {
  /** Field delimiter; sniffed from the header when absent. */
  delimiter?: string | undefined;
  /** Date column: a header name or a 1-based column number. */
  dateCol?: string | undefined;
  /** Value column of a series file: a header name or a 1-based column number. */
  valueCol?: string | undefined;
  /** Bar fields to columns, e.g. `{ open: "Open", close: "Last" }` (`--map open=Open,close=Last`). */
  map?: Partial<Record<BarField, string>> | undefined;
  dateFormat?: DateFormat | "auto" | undefined;
  /** Source written on valuation/positioning rows whose file has no `source` column (default "csv"). */
  source?: string | undefined;
  /** Unit written on positioning rows whose file has no `unit` column. */
  unit?: string | undefined;
  /** Symbol of valuation rows whose file has no `symbol` column (`--symbol`). */
  symbol?: string | undefined;
  /** Decimal mark of the numbers: detected from the whole file when absent (`--decimal`). */
  decimal?: DecimalMark | undefined;
}

/** Longest field accepted; a longer one rejects its line (it is never read as "missing"). */
export const MAX_FIELD_CHARS = 256;
/** Rejections kept with their line and reason; beyond, they are only counted (a file of 2,000,000 bad lines). */
export const MAX_REJECTIONS = 10_000;

/** A field as echoed in a rejection: at most 40 characters, with the length of a longer one. */
export const clip = (s: string): string =>
  s.length <= 40 ? s : `${s.slice(0, 40)}… (${s.length} characters)`;

const norm = (h: string): string =>
  h
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const DATE_NAMES = ["date", "observationdate", "timestamp", "time", "day", "datetime", "data"];
const BAR_ALIASES: Record<BarField, string[]> = {
  open: ["open", "otwarcie"],
  high: ["high", "najwyzszy"],
  low: ["low", "najnizszy"],
  close: ["close", "zamkniecie", "price", "last"],
  adjClose: ["adjclose", "adjustedclose", "adjclosing"],
  volume: ["volume", "vol", "wolumen"],
};
const GENERIC_VALUE_NAMES = new Set(["value", "close", "adjclose", "price", "last", "level", "rate"]);

function findColumn(
  header: string[],
  spec: string | undefined,
  aliases: string[],
  what: string,
): number | undefined {
  if (spec !== undefined) {
    if (/^\d+$/.test(spec)) {
      const i = Number(spec) - 1;
      if (i < 0 || i >= header.length) {
        throw new IngestUsageError(
          `${what} column ${spec} does not exist (the file has ${header.length} columns)`,
        );
      }
      return i;
    }
    const i = header.indexOf(spec);
    const j = i >= 0 ? i : header.findIndex((h) => norm(h) === norm(spec));
    if (j < 0) {
      throw new IngestUsageError(`${what} column "${spec}" not found (columns: ${header.join(", ")})`);
    }
    return j;
  }
  for (const alias of aliases) {
    const i = header.findIndex((h) => norm(h) === alias);
    if (i >= 0) return i;
  }
  return undefined;
}

interface Reader {
  file: string;
  header: string[];
  /** The data records (the header skipped), read again from the input at each call. */
  records: () => Iterable<CsvRecord & { oversized?: boolean }>;
  dateIndex: number;
  dateFormat: DateFormat | "auto";
  decimal: DecimalMark;
  delimiter: string;
  rejects: Rejection[];
  /** Rejections beyond MAX_REJECTIONS, counted only. */
  omitted: number;
}

function reject(r: Reader, line: number, reason: string): void {
  if (r.rejects.length < MAX_REJECTIONS) r.rejects.push({ file: r.file, line, reason });
  else r.omitted++;
}

function openTable(input: string | CsvInput, file: string, options: CsvOptions): Reader {
  const source = typeof input === "string" ? textInput(input) : input;
  const head = source.head();
  if (head.trim() === "") throw new IngestUsageError(`${file}: the file is empty`);
  if (/^\s*<(!doctype|html|\?xml)/i.test(head)) {
    throw new IngestUsageError(`${file}: this is an HTML/XML document, not a CSV file`);
  }
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  let header: string[] | undefined;
  for (const rec of source.records(delimiter)) {
    header = rec.fields.map((h) => h.trim());
    break;
  }
  if (!header) throw new IngestUsageError(`${file}: the file is empty`);
  const dateIndex = findColumn(header, options.dateCol, DATE_NAMES, "date");
  if (dateIndex === undefined) {
    throw new IngestUsageError(
      `${file}: no date column found (columns: ${header.join(", ")}); name it with --date-col`,
    );
  }
  const records = function* () {
    let first = true;
    for (const rec of source.records(delimiter)) {
      if (first) {
        first = false;
        continue;
      }
      yield rec;
    }
  };
  return {
    file,
    header,
    records,
    dateIndex,
    dateFormat: options.dateFormat ?? "auto",
    decimal: options.decimal ?? ".",
    delimiter,
    rejects: [],
    omitted: 0,
  };
}

/**
 * One pass over the file before reading it: the date format of the column (`a/b/YYYY` is decided by the whole
 * column) and the decimal mark of the numeric columns (see `DecimalEvidence`). A file with a header and no data
 * row is an error, as is a file whose decimal mark cannot be told.
 */
function scan(r: Reader, numeric: readonly number[], options: CsvOptions): void {
  const dates = new DateFormatEvidence();
  const decimal = new DecimalEvidence(r.delimiter);
  let count = 0;
  for (const rec of r.records()) {
    count++;
    if (rec.oversized) continue;
    if (!options.dateFormat || options.dateFormat === "auto") dates.add(rec.fields[r.dateIndex] ?? "");
    if (!options.decimal) for (const i of numeric) decimal.add(rec.fields[i] ?? "", rec.line);
  }
  if (count === 0)
    throw new IngestUsageError(
      `${r.file}: line 1 is a header (${r.header.join(", ")}) and no data row follows`,
    );
  if (!options.dateFormat || options.dateFormat === "auto") r.dateFormat = dates.format();
  if (!options.decimal) {
    const mark = decimal.decide();
    if (typeof mark !== "string") throw new IngestUsageError(`${r.file}: ${mark.problem}`);
    r.decimal = mark;
  }
}

/** Checks the field count, the field sizes and the date of a record; rejects it and returns undefined when bad. */
function readDate(r: Reader, rec: CsvRecord & { oversized?: boolean }): string | undefined {
  if (rec.oversized) {
    reject(r, rec.line, `the line is longer than 1,000,000 characters`);
    return undefined;
  }
  if (rec.fields.length !== r.header.length) {
    reject(r, rec.line, `expected ${r.header.length} fields, found ${rec.fields.length}`);
    return undefined;
  }
  for (let i = 0; i < rec.fields.length; i++) {
    const n = rec.fields[i]!.length;
    if (n > MAX_FIELD_CHARS) {
      reject(
        r,
        rec.line,
        `field ${r.header[i] || i + 1} is ${n} characters long; the limit is ${MAX_FIELD_CHARS}`,
      );
      return undefined;
    }
  }
  const raw = rec.fields[r.dateIndex]!;
  const date = parseDate(raw, r.dateFormat);
  if (!date) {
    const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(raw.trim())?.[1];
    const outside = year !== undefined && (Number(year) < 1800 || Number(year) > 2199);
    reject(
      r,
      rec.line,
      outside
        ? `date "${clip(raw.trim())}" is outside the supported calendar ${MIN_DATE} to ${MAX_DATE}`
        : `invalid date "${clip(raw.trim())}"`,
    );
    return undefined;
  }
  return date;
}

/** Reads a numeric field: a number, null when missing, or undefined after rejecting the line. */
function readNumber(r: Reader, rec: CsvRecord, index: number, name: string): number | null | undefined {
  const raw = rec.fields[index] ?? "";
  const parsed = parseNumberField(raw, r.decimal);
  if (!parsed.ok) {
    reject(r, rec.line, `${name} is not a number: "${clip(raw.trim())}"`);
    return undefined;
  }
  return parsed.value;
}

/**
 * One row per date, found while reading (so a file of 2,000,000 copies of one date never holds them all): a
 * repeated date rejects the new line at once and, at the end, the first one too (the file does not say which
 * is right).
 */
class DateKeys<T> {
  #lines = new Map<string, number>();
  /** First line of a repeated date → the line that repeated it first. */
  #repeated = new Map<number, number>();
  constructor(private readonly r: Reader) {}

  /** True when the date is new; false after rejecting a repetition. */
  accept(date: string, line: number): boolean {
    const first = this.#lines.get(date);
    if (first === undefined) {
      this.#lines.set(date, line);
      return true;
    }
    if (!this.#repeated.has(first)) this.#repeated.set(first, line);
    reject(this.r, line, `duplicate date: ${date} also on line ${first}`);
    return false;
  }

  /** The rows whose date appeared once; rejects the first occurrence of each repeated date. */
  finish(rows: Located<T>[], dateOf: (row: T) => string): Located<T>[] {
    if (this.#repeated.size === 0) return rows;
    const out: Located<T>[] = [];
    const firsts: Rejection[] = [];
    for (const item of rows) {
      const again = this.#repeated.get(item.line);
      if (again === undefined) out.push(item);
      else if (firsts.length < MAX_REJECTIONS)
        firsts.push({
          file: this.r.file,
          line: item.line,
          reason: `duplicate date: ${dateOf(item.row)} also on line ${again}`,
        });
      else this.r.omitted++;
    }
    // keep the MAX_REJECTIONS earliest lines of both lists, count the rest
    const all = [...this.r.rejects, ...firsts].sort((a, b) => a.line - b.line);
    this.r.omitted += Math.max(0, all.length - MAX_REJECTIONS);
    this.r.rejects = all.slice(0, MAX_REJECTIONS);
    return out;
  }
}

export interface BarsCsv extends Parsed<BarRow> {
  /** "yahoo", "stooq", "ohlcv", "close-only" … for the report. */
  format: string;
}

/** Reads a bar file (OHLCV, OHLC, with or without adjusted close, or close-only). */
export function readBarsCsv(input: string | CsvInput, file: string, options: CsvOptions = {}): BarsCsv {
  const r = openTable(input, file, options);
  const header = r.header;
  const idx: Partial<Record<BarField, number>> = {};
  for (const f of BAR_FIELDS) {
    const i = findColumn(header, options.map?.[f], BAR_ALIASES[f], f);
    if (i !== undefined) idx[f] = i;
  }
  if (idx.close === undefined && options.valueCol) {
    idx.close = findColumn(header, options.valueCol, [], "value");
  }
  if (idx.close === undefined && idx.adjClose !== undefined) idx.close = idx.adjClose;
  if (idx.close === undefined) {
    throw new IngestUsageError(
      `${file}: no close column found (columns: ${header.join(", ")}); map it with --map close=<column>`,
    );
  }
  const ohlc = idx.open !== undefined && idx.high !== undefined && idx.low !== undefined;
  const partial = !ohlc && (idx.open !== undefined || idx.high !== undefined || idx.low !== undefined);
  if (partial) {
    throw new IngestUsageError(
      `${file}: open, high and low must all be present or all absent (columns: ${header.join(", ")})`,
    );
  }
  const format = !ohlc
    ? "close-only"
    : norm(header.join(",")) === norm("Date,Open,High,Low,Close,Adj Close,Volume")
      ? "yahoo"
      : norm(header.join(",")) === norm("Date,Open,High,Low,Close,Volume")
        ? "stooq/ohlcv"
        : "ohlcv";

  scan(r, Object.values(idx), options);
  const rows: Located<BarRow>[] = [];
  const keys = new DateKeys<BarRow>(r);
  for (const rec of r.records()) {
    const date = readDate(r, rec);
    if (date === undefined) continue;
    const values: Partial<Record<BarField, number | null>> = {};
    let bad = false;
    for (const f of BAR_FIELDS) {
      const i = idx[f];
      if (i === undefined) continue;
      const v = readNumber(r, rec, i, header[i] ?? f);
      if (v === undefined) {
        bad = true;
        break;
      }
      values[f] = v;
    }
    if (bad) continue;
    const close = values.close ?? null;
    if (close === null) {
      reject(r, rec.line, "missing close");
      continue;
    }
    let open: number | null = null;
    let high: number | null = null;
    let low: number | null = null;
    if (ohlc) {
      const missing = (["open", "high", "low"] as const).filter((f) => values[f] === null);
      if (missing.length > 0) {
        reject(r, rec.line, `missing ${missing.join(", ")}`);
        continue;
      }
      open = values.open!;
      high = values.high!;
      low = values.low!;
    }
    if (!keys.accept(date, rec.line)) continue;
    rows.push({
      line: rec.line,
      row: { date, open, high, low, close, adjClose: values.adjClose ?? null, volume: values.volume ?? null },
    });
  }
  const unique = keys.finish(rows, (b) => b.date);
  return { file, rows: unique, rejects: r.rejects, skipped: 0, format, omitted: r.omitted };
}

export interface SeriesCsv extends Parsed<ObservationRow> {
  /** The series code given by the header (FRED exports: `observation_date,DGS10`), if any. */
  code: string | undefined;
  format: string;
}

/** Reads a date + value file. Missing values ("." or empty, FRED's holidays) are skipped, not rejected. */
export function readSeriesCsv(input: string | CsvInput, file: string, options: CsvOptions = {}): SeriesCsv {
  const r = openTable(input, file, options);
  const header = r.header;
  let valueIndex = options.valueCol ? findColumn(header, options.valueCol, [], "value") : undefined;
  if (valueIndex === undefined) {
    const others = header.map((_, i) => i).filter((i) => i !== r.dateIndex);
    if (others.length === 1) valueIndex = others[0];
    else valueIndex = findColumn(header, undefined, ["value", "close", "adjclose"], "value");
  }
  if (valueIndex === undefined) {
    throw new IngestUsageError(
      `${file}: cannot tell which column holds the values (columns: ${header.join(", ")}); use --value-col`,
    );
  }
  const valueName = header[valueIndex] ?? "value";
  const code =
    /^[A-Za-z0-9_.^-]+$/.test(valueName) && !GENERIC_VALUE_NAMES.has(norm(valueName)) ? valueName : undefined;
  const dateName = norm(header[r.dateIndex] ?? "");
  const format = code && (dateName === "observationdate" || dateName === "date") ? "fred" : "date,value";

  scan(r, [valueIndex], options);
  const rows: Located<ObservationRow>[] = [];
  const keys = new DateKeys<ObservationRow>(r);
  let skipped = 0;
  for (const rec of r.records()) {
    const date = readDate(r, rec);
    if (date === undefined) continue;
    const v = readNumber(r, rec, valueIndex, valueName);
    if (v === undefined) continue;
    if (v === null) {
      skipped++;
      continue;
    }
    if (!keys.accept(date, rec.line)) continue;
    rows.push({ line: rec.line, row: { date, value: v } });
  }
  const unique = keys.finish(rows, (o) => o.date);
  return { file, rows: unique, rejects: r.rejects, skipped, code, format, omitted: r.omitted };
}

function requiredText(
  r: Reader,
  rec: CsvRecord,
  index: number | undefined,
  fallback: string | undefined,
  name: string,
) {
  const value = (index === undefined ? undefined : rec.fields[index]?.trim()) || fallback;
  if (!value) {
    reject(r, rec.line, `missing ${name}`);
    return undefined;
  }
  return value;
}

function checkSource(r: Reader, rec: CsvRecord, source: string): boolean {
  if (source.toLowerCase() === "demo") {
    reject(r, rec.line, 'source "demo" is reserved for the demo dataset');
    return false;
  }
  return true;
}

/**
 * Valuation snapshots: `date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source`
 * (metrics may be empty; `dividend_yield` in percent; `source` optional, default `--source` or "csv").
 */
export function readValuationCsv(
  input: string | CsvInput,
  file: string,
  options: CsvOptions = {},
): Parsed<ValuationRow> {
  const r = openTable(input, file, options);
  const h = r.header;
  const col = (aliases: string[]) => findColumn(h, undefined, aliases, aliases[0]!);
  const symbolI = col(["symbol", "ticker", "instrument"]);
  const metricCols = {
    forwardPE: col(["forwardpe", "fwdpe", "peforward"]),
    trailingPE: col(["trailingpe", "pe", "pettm", "ttmpe"]),
    priceToBook: col(["pricetobook", "pb", "ptob"]),
    dividendYield: col(["dividendyield", "divyield", "yield"]),
  };
  const sourceI = col(["source"]);
  if (symbolI === undefined && !options.symbol) {
    throw new IngestUsageError(
      `${file}: a valuation file needs a symbol column or --symbol (columns: ${h.join(", ")})`,
    );
  }
  if (Object.values(metricCols).every((i) => i === undefined)) {
    throw new IngestUsageError(
      `${file}: no valuation column found; expected forward_pe, trailing_pe, price_to_book or dividend_yield (columns: ${h.join(", ")})`,
    );
  }
  scan(
    r,
    Object.values(metricCols).filter((i): i is number => i !== undefined),
    options,
  );
  const rows: Located<ValuationRow>[] = [];
  for (const rec of r.records()) {
    const date = readDate(r, rec);
    if (date === undefined) continue;
    const symbol = requiredText(r, rec, symbolI, options.symbol, "symbol");
    if (!symbol) continue;
    const source = requiredText(r, rec, sourceI, options.source ?? "csv", "source");
    if (!source || !checkSource(r, rec, source)) continue;
    const values: Record<string, number | null> = {};
    let bad = false;
    for (const [key, i] of Object.entries(metricCols)) {
      if (i === undefined) {
        values[key] = null;
        continue;
      }
      const v = readNumber(r, rec, i, h[i] ?? key);
      if (v === undefined) {
        bad = true;
        break;
      }
      values[key] = v;
    }
    if (bad) continue;
    rows.push({
      line: rec.line,
      row: {
        symbol: symbol.toUpperCase(),
        date,
        source,
        forwardPE: values.forwardPE ?? null,
        trailingPE: values.trailingPE ?? null,
        priceToBook: values.priceToBook ?? null,
        dividendYield: values.dividendYield ?? null,
      },
    });
  }
  return { file, rows, rejects: r.rejects, skipped: 0, omitted: r.omitted };
}

/** Positioning observations: `date,segment,value,unit,source` (`unit`/`source` columns optional with `--unit`/`--source`). */
export function readPositioningCsv(
  input: string | CsvInput,
  file: string,
  options: CsvOptions = {},
): Parsed<PositioningRow> {
  const r = openTable(input, file, options);
  const h = r.header;
  const col = (aliases: string[]) => findColumn(h, undefined, aliases, aliases[0]!);
  const segmentI = col(["segment"]);
  const valueI = options.valueCol ? findColumn(h, options.valueCol, [], "value") : col(["value"]);
  const unitI = col(["unit", "units"]);
  const sourceI = col(["source"]);
  if (segmentI === undefined || valueI === undefined) {
    throw new IngestUsageError(
      `${file}: a positioning file needs segment and value columns (columns: ${h.join(", ")})`,
    );
  }
  scan(r, [valueI], options);
  const rows: Located<PositioningRow>[] = [];
  for (const rec of r.records()) {
    const date = readDate(r, rec);
    if (date === undefined) continue;
    const segment = requiredText(r, rec, segmentI, undefined, "segment");
    if (!segment) continue;
    const v = readNumber(r, rec, valueI, h[valueI] ?? "value");
    if (v === undefined) continue;
    if (v === null) {
      reject(r, rec.line, "missing value");
      continue;
    }
    const unit = requiredText(r, rec, unitI, options.unit, "unit");
    if (!unit) continue;
    const source = requiredText(r, rec, sourceI, options.source ?? "csv", "source");
    if (!source || !checkSource(r, rec, source)) continue;
    rows.push({ line: rec.line, row: { segment, date, value: v, unit, source } });
  }
  return { file, rows, rejects: r.rejects, skipped: 0, omitted: r.omitted };
}

/** A split ratio: `2:1`, `2/1`, `2-for-1`, `2 for 1`, or a plain number `2` (= 2:1). Undefined when malformed. */
export function parseSplitRatio(raw: string): { numerator: number; denominator: number } | undefined {
  const s = raw.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(?::|\/|-?\s*for\s*-?)\s*(\d+(?:\.\d+)?)$/.exec(s);
  const [numerator, denominator] = m
    ? [Number(m[1]), Number(m[2])]
    : /^\d+(\.\d+)?$/.test(s)
      ? [Number(s), 1]
      : [];
  if (numerator === undefined || denominator === undefined || !(numerator > 0) || !(denominator > 0))
    return undefined;
  return { numerator, denominator };
}

/**
 * Corporate actions: `date,symbol,kind,value,source`. `kind` is `dividend` (value = cash amount per share, > 0)
 * or `split` (value = `N:D` … see {@link parseSplitRatio}); `symbol` may come from `--symbol`, `source` from
 * `--source` (default "csv").
 */
export function readCorporateActionsCsv(
  input: string | CsvInput,
  file: string,
  options: CsvOptions = {},
): Parsed<CorporateActionCsvRow> {
  const r = openTable(input, file, options);
  const h = r.header;
  const col = (aliases: string[]) => findColumn(h, undefined, aliases, aliases[0]!);
  const symbolI = col(["symbol", "ticker", "instrument"]);
  const kindI = col(["kind", "type", "action"]);
  const valueI = options.valueCol
    ? findColumn(h, options.valueCol, [], "value")
    : col(["value", "amount", "ratio"]);
  const sourceI = col(["source"]);
  if (kindI === undefined || valueI === undefined || (symbolI === undefined && !options.symbol)) {
    throw new IngestUsageError(
      `${file}: a corporate-action file needs date, symbol (or --symbol), kind and value columns (columns: ${h.join(", ")})`,
    );
  }
  scan(r, [], options);
  const rows: Located<CorporateActionCsvRow>[] = [];
  const rejectLine = (line: number, reason: string) => reject(r, line, reason);
  for (const rec of r.records()) {
    const date = readDate(r, rec);
    if (date === undefined) continue;
    const symbol = requiredText(r, rec, symbolI, options.symbol, "symbol");
    if (!symbol) continue;
    const kind = rec.fields[kindI]?.trim().toLowerCase();
    const raw = rec.fields[valueI]?.trim() ?? "";
    const source = requiredText(r, rec, sourceI, options.source ?? "csv", "source");
    if (!source || !checkSource(r, rec, source)) continue;
    const base = { symbol: symbol.toUpperCase(), date, source };
    if (kind === "dividend") {
      const v = readNumber(r, rec, valueI, h[valueI] ?? "value");
      if (v === undefined) continue;
      if (v === null || !(v > 0)) {
        rejectLine(rec.line, `dividend amount must be a number > 0, got "${clip(raw)}"`);
        continue;
      }
      rows.push({
        line: rec.line,
        row: { ...base, kind: "dividend", amount: v, numerator: null, denominator: null },
      });
    } else if (kind === "split") {
      const ratio = parseSplitRatio(raw);
      if (!ratio) {
        rejectLine(
          rec.line,
          `split ratio must be N:D (e.g. 2:1, 1:10) with positive numbers, got "${clip(raw)}"`,
        );
        continue;
      }
      rows.push({ line: rec.line, row: { ...base, kind: "split", amount: null, ...ratio } });
    } else {
      rejectLine(rec.line, `kind must be dividend or split, got "${clip(rec.fields[kindI]?.trim() ?? "")}"`);
    }
  }
  return { file, rows, rejects: r.rejects, skipped: 0, omitted: r.omitted };
}

export type CsvKind = "bars" | "series" | "valuation" | "positioning" | "actions";

/** Guesses what a file holds from its header alone (used when neither --symbol, --series nor --kind is given). */
export function guessCsvKind(
  input: string | CsvInput,
  options: CsvOptions = {},
): { kind: CsvKind; code?: string } | undefined {
  const head = typeof input === "string" ? input.slice(0, 4096) : input.head(4096);
  const table = parseCsv(head, { delimiter: options.delimiter });
  const names = table.header.map(norm);
  if (names.includes("segment")) return { kind: "positioning" };
  if (names.includes("kind") && names.includes("symbol")) return { kind: "actions" };
  if (names.some((n) => ["forwardpe", "trailingpe", "pricetobook", "dividendyield"].includes(n))) {
    return { kind: "valuation" };
  }
  if (table.header.length === 2) {
    const dateI = names.findIndex((n) => DATE_NAMES.includes(n));
    const other = table.header[1 - dateI];
    if (dateI >= 0 && other && /^[A-Za-z0-9_.^-]+$/.test(other) && !GENERIC_VALUE_NAMES.has(norm(other))) {
      return { kind: "series", code: other };
    }
  }
  return undefined;
}
