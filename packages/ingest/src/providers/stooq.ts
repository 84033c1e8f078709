/**
 * Stooq daily CSV: `https://stooq.com/q/d/l/?s=iwm.us&i=d&d1=YYYYMMDD&d2=YYYYMMDD`,
 * header `Date,Open,High,Low,Close,Volume` (indexes may have no Volume column).
 *
 * Symbols: US tickers get Stooq's `.us` suffix (IWM → iwm.us); indexes map to Stooq's names
 * (^GSPC → ^spx, ^RUT → ^rut, ^NDX → ^ndx, ^DJI → ^dji, ^IXIC → ^ndq).
 *
 * Adjusted close: Stooq publishes none. Its close is split-adjusted (not dividend-adjusted), so
 * bars from Stooq get adjClose = close; use Yahoo when dividend-adjusted returns matter.
 *
 * "No data" is Stooq's answer for an unknown symbol — and for a range without trading days, so
 * for a range shorter than a week it means "no rows" rather than an error.
 */
import { readBarsCsv } from "../csv/formats.js";
import { epochDayOf, todayISO } from "../dates.js";
import { ProviderError } from "../errors.js";
import { HttpClient } from "../http.js";
import type { DateRange } from "../types.js";
import { type BarsProvider, type BarsResult, EARLIEST, type ProviderOptions } from "./provider.js";

export interface StooqOptions extends ProviderOptions {
  base?: string;
}

const INDEX_MAP: Record<string, string> = {
  "^GSPC": "^spx",
  "^SPX": "^spx",
  "^RUT": "^rut",
  "^NDX": "^ndx",
  "^DJI": "^dji",
  "^IXIC": "^ndq",
};

/** Stooq's name for a symbol. @example stooqSymbol("IWM") // "iwm.us"; stooqSymbol("^GSPC") // "^spx" */
export function stooqSymbol(symbol: string): string {
  const s = symbol.trim();
  const mapped = INDEX_MAP[s.toUpperCase()];
  if (mapped) return mapped;
  if (s.startsWith("^") || s.includes(".")) return s.toLowerCase();
  return `${s.toLowerCase()}.us`;
}

export class StooqProvider implements BarsProvider {
  readonly name = "stooq" as const;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly today: () => string;

  constructor(options: StooqOptions = {}) {
    this.http = new HttpClient("stooq", options);
    this.base = options.base ?? "https://stooq.com/q/d/l/";
    this.today = options.today ? () => options.today! : todayISO;
  }

  async fetchBars(symbol: string, range: DateRange): Promise<BarsResult> {
    const s = stooqSymbol(symbol);
    const from = range.from ?? EARLIEST;
    const to = range.to ?? this.today();
    const compact = (iso: string) => iso.replaceAll("-", "");
    const url = `${this.base}?s=${encodeURIComponent(s)}&i=d&d1=${compact(from)}&d2=${compact(to)}`;
    const res = await this.http.get(url, { accept: "text/csv" });
    const text = res.text.replace(/^\uFEFF/, "");
    const file = `stooq:${s}`;
    const trimmed = text.trim();
    if (trimmed === "") throw new ProviderError("stooq", "empty", `empty answer for ${s}`, { url });
    if (/^no data/i.test(trimmed)) {
      if (epochDayOf(to) - epochDayOf(from) < 7) return { file, rows: [], rejects: [], skipped: 0 };
      throw new ProviderError(
        "stooq",
        "unknown-symbol",
        `no data for "${s}" between ${from} and ${to} (unknown symbol?)`,
        { url },
      );
    }
    if (/^</.test(trimmed) || res.contentType.includes("text/html")) {
      throw new ProviderError("stooq", "format", `expected CSV for ${s}, got an HTML page`, { url });
    }
    const header = (text.split(/\r?\n/, 1)[0] ?? "").trim();
    if (!/^Date,Open,High,Low,Close(,Volume)?$/i.test(header)) {
      throw new ProviderError(
        "stooq",
        "format",
        `unexpected answer for ${s}: "${header.slice(0, 80)}" (expected "Date,Open,High,Low,Close,Volume")`,
        { url },
      );
    }
    const parsed = readBarsCsv(text, file, { delimiter: ",", dateFormat: "YYYY-MM-DD" });
    // Stooq sometimes includes the day before d1; keep the asked range.
    const rows = parsed.rows
      .filter(({ row }) => row.date >= from && row.date <= to)
      .map(({ line, row }) => ({ line, row: { ...row, adjClose: row.close } }));
    return { file, rows, rejects: parsed.rejects, skipped: parsed.skipped };
  }
}
