/**
 * Yahoo Finance chart endpoint:
 * `https://query1.finance.yahoo.com/v8/finance/chart/IWM?period1=…&period2=…&interval=1d&events=div,split`.
 *
 * Answer: `chart.result[0]` with `timestamp[]`, `indicators.quote[0].{open,high,low,close,volume}`,
 * `indicators.adjclose[0].adjclose` (dividend- and split-adjusted close), `events.dividends/splits`
 * and `meta` (`exchangeTimezoneName`, `gmtoffset`, `longName`, `instrumentType`); `chart.error`
 * for an unknown symbol.
 *
 * Dates: a daily bar's timestamp is the session open in exchange time (09:30 New York = 13:30 or
 * 14:30 UTC). It is converted to the calendar date **in the exchange's time zone** (IANA name from
 * `exchangeTimezoneName`, falling back to the fixed `gmtoffset`), never the machine's.
 *
 * Points whose open/high/low/close are all null (Yahoo's placeholders) are skipped. When Yahoo
 * returns two points for the same day (the live quote during a session next to the daily bar),
 * the later point is kept.
 */
import { isoOfEpochDay, todayISO } from "../dates.js";
import { ProviderError } from "../errors.js";
import { HttpClient } from "../http.js";
import type { BarRow, DateRange, DividendEvent, Located, Rejection, SplitEvent } from "../types.js";
import { type BarsProvider, type BarsResult, EARLIEST, type ProviderOptions } from "./provider.js";

export interface YahooOptions extends ProviderOptions {
  base?: string;
}

type Num = number | null | undefined;

interface ChartResult {
  meta?: {
    symbol?: string;
    longName?: string;
    shortName?: string;
    instrumentType?: string;
    exchangeTimezoneName?: string;
    gmtoffset?: number;
    firstTradeDate?: number;
  };
  timestamp?: number[];
  indicators?: {
    quote?: Array<{ open?: Num[]; high?: Num[]; low?: Num[]; close?: Num[]; volume?: Num[] }>;
    adjclose?: Array<{ adjclose?: Num[] }>;
  };
  events?: {
    dividends?: Record<string, { amount?: number; date?: number }>;
    splits?: Record<string, { numerator?: number; denominator?: number; date?: number }>;
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar date (ISO) of a Unix timestamp in `timeZone` (IANA), or with a fixed UTC offset in seconds. */
export function exchangeDate(
  timestamp: number,
  timeZone: string | undefined,
  gmtoffset: number | undefined,
): string {
  if (timeZone) {
    let f = formatters.get(timeZone);
    if (f === undefined) {
      try {
        f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
        formatters.set(timeZone, f);
      } catch {
        f = undefined;
      }
    }
    if (f) {
      const parts = f.formatToParts(timestamp * 1000);
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
      return `${get("year")}-${get("month")}-${get("day")}`;
    }
  }
  return isoOfEpochDay(Math.floor((timestamp + (gmtoffset ?? 0)) / 86_400));
}

const toSeconds = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

export class YahooProvider implements BarsProvider {
  readonly name = "yahoo" as const;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly today: () => string;

  constructor(options: YahooOptions = {}) {
    this.http = new HttpClient("yahoo", options);
    this.base = options.base ?? "https://query1.finance.yahoo.com/v8/finance/chart/";
    this.today = options.today ? () => options.today! : todayISO;
  }

  async fetchBars(symbol: string, range: DateRange): Promise<BarsResult> {
    const from = range.from ?? EARLIEST;
    const to = range.to ?? this.today();
    // A day of margin on both sides: the bounds are UTC instants, the dates exchange-local.
    const period1 = toSeconds(from) - 86_400;
    const period2 = toSeconds(to) + 2 * 86_400;
    const url =
      `${this.base}${encodeURIComponent(symbol)}?period1=${period1}&period2=${period2}` +
      "&interval=1d&events=div%2Csplit&includeAdjustedClose=true";
    const res = await this.http.get(url, { accept: "application/json", acceptStatus: [400, 404] });
    const file = `yahoo:${symbol}`;
    if (res.text.trim() === "")
      throw new ProviderError("yahoo", "empty", `empty answer for ${symbol}`, { url });
    let body: {
      chart?: { result?: ChartResult[] | null; error?: { code?: string; description?: string } | null };
    };
    try {
      body = JSON.parse(res.text);
    } catch {
      const what = /^\s*</.test(res.text) ? "an HTML page" : `"${res.text.trim().slice(0, 60)}"`;
      throw new ProviderError("yahoo", "format", `expected JSON for ${symbol}, got ${what}`, { url });
    }
    const error = body.chart?.error;
    if (error) {
      const message = `${error.code ?? "error"}: ${error.description ?? ""}`.trim();
      if (/not found|no data found|delisted/i.test(message)) {
        throw new ProviderError("yahoo", "unknown-symbol", `unknown symbol "${symbol}" (${message})`, {
          status: res.status,
        });
      }
      throw new ProviderError("yahoo", "http", `${message} (HTTP ${res.status})`, { status: res.status });
    }
    if (res.status >= 400) {
      throw new ProviderError("yahoo", "http", `HTTP ${res.status} for ${symbol}`, { status: res.status });
    }
    const result = body.chart?.result?.[0];
    if (!result)
      throw new ProviderError("yahoo", "format", `no chart.result in the answer for ${symbol}`, { url });
    return this.toBars(result, symbol, file, from, to);
  }

  private toBars(result: ChartResult, symbol: string, file: string, from: string, to: string): BarsResult {
    const meta = result.meta ?? {};
    const tz = meta.exchangeTimezoneName;
    const off = meta.gmtoffset;
    const ts = result.timestamp ?? [];
    const q = result.indicators?.quote?.[0] ?? {};
    const adj = result.indicators?.adjclose?.[0]?.adjclose;
    if (ts.length > 0 && (!q.close || q.close.length !== ts.length)) {
      throw new ProviderError("yahoo", "format", `quote arrays do not match the timestamps for ${symbol}`);
    }
    const byDate = new Map<string, Located<BarRow>>();
    const rejects: Rejection[] = [];
    let skipped = 0;
    for (let i = 0; i < ts.length; i++) {
      const line = i + 1;
      const date = exchangeDate(ts[i]!, tz, off);
      if (date < from || date > to) continue;
      const o = q.open?.[i];
      const h = q.high?.[i];
      const l = q.low?.[i];
      const c = q.close?.[i];
      if (o == null && h == null && l == null && c == null) {
        skipped++;
        continue;
      }
      const missing = (
        [
          ["open", o],
          ["high", h],
          ["low", l],
          ["close", c],
        ] as const
      )
        .filter(([, v]) => typeof v !== "number" || !Number.isFinite(v))
        .map(([k]) => k);
      if (missing.length > 0) {
        rejects.push({ file, line, reason: `${date}: missing ${missing.join(", ")}` });
        continue;
      }
      const a = adj?.[i];
      const v = q.volume?.[i];
      if (byDate.has(date)) skipped++;
      byDate.set(date, {
        line,
        row: {
          date,
          open: o!,
          high: h!,
          low: l!,
          close: c!,
          adjClose: typeof a === "number" && Number.isFinite(a) ? a : c!,
          volume: typeof v === "number" && Number.isFinite(v) ? v : null,
        },
      });
    }
    const dividends: DividendEvent[] = Object.values(result.events?.dividends ?? {})
      .filter((d) => typeof d.date === "number" && typeof d.amount === "number")
      .map((d) => ({ date: exchangeDate(d.date!, tz, off), amount: d.amount! }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const splits: SplitEvent[] = Object.values(result.events?.splits ?? {})
      .filter((s) => typeof s.date === "number" && s.numerator && s.denominator)
      .map((s) => ({
        date: exchangeDate(s.date!, tz, off),
        numerator: s.numerator!,
        denominator: s.denominator!,
      }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const kind = meta.instrumentType?.toUpperCase();
    const info: NonNullable<BarsResult["meta"]> = {};
    const name = meta.longName ?? meta.shortName;
    if (name) info.name = name;
    if (kind === "ETF" || kind === "INDEX") info.kind = kind;
    if (typeof meta.firstTradeDate === "number" && kind === "ETF") {
      info.inceptionDate = exchangeDate(meta.firstTradeDate, tz, off);
    }
    return { file, rows: [...byDate.values()], rejects, skipped, meta: info, splits, dividends };
  }
}
