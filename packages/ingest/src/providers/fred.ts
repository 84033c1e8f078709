/**
 * FRED (Federal Reserve Bank of St. Louis).
 *
 * - Without a key: the public CSV download
 *   `https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10&cosd=YYYY-MM-DD&coed=YYYY-MM-DD`,
 *   header `observation_date,DGS10` (older files: `DATE,DGS10`), "." or empty for missing days.
 *   Titles, units and frequencies then come from the built-in catalog.
 * - With `FRED_API_KEY`: the JSON API `/fred/series/observations` (observations) and `/fred/series`
 *   (title, units, frequency). The key never appears in messages (URLs are redacted).
 *
 * Missing values ("." — holidays) are skipped, not stored and not rejections.
 */
import { readSeriesCsv } from "../csv/formats.js";
import { todayISO } from "../dates.js";
import { ProviderError } from "../errors.js";
import { HttpClient } from "../http.js";
import type { Located, ObservationRow, Rejection, SeriesMeta } from "../types.js";
import { EARLIEST, type ProviderOptions, type SeriesProvider, type SeriesResult } from "./provider.js";

export interface FredOptions extends ProviderOptions {
  /** FRED API key; when absent the no-key CSV download is used. */
  apiKey?: string | undefined;
  csvBase?: string;
  apiBase?: string;
}

const CODE = /^[A-Z0-9_]{1,40}$/i;

export class FredProvider implements SeriesProvider {
  readonly name = "fred" as const;
  private readonly http: HttpClient;
  private readonly apiKey: string | undefined;
  private readonly csvBase: string;
  private readonly apiBase: string;
  private readonly today: () => string;

  constructor(options: FredOptions = {}) {
    this.http = new HttpClient("fred", options);
    this.apiKey = options.apiKey || undefined;
    this.csvBase = options.csvBase ?? "https://fred.stlouisfed.org/graph/fredgraph.csv";
    this.apiBase = options.apiBase ?? "https://api.stlouisfed.org/fred";
    this.today = options.today ? () => options.today! : todayISO;
  }

  /** Which endpoint is used: "api" with a key, "csv" without. */
  get mode(): "api" | "csv" {
    return this.apiKey ? "api" : "csv";
  }

  async fetchSeries(
    code: string,
    range: { from?: string | undefined; to?: string | undefined },
  ): Promise<SeriesResult> {
    if (!CODE.test(code))
      throw new ProviderError("fred", "unknown-symbol", `"${code}" is not a FRED series id`);
    const from = range.from ?? EARLIEST;
    const to = range.to ?? this.today();
    const result = this.apiKey ? await this.fetchJson(code, from, to) : await this.fetchCsv(code, from, to);
    result.rows = result.rows.filter(({ row }) => row.date >= from && row.date <= to);
    return result;
  }

  /** Title, units and frequency from `/fred/series` (needs the key); undefined without a key. */
  async fetchMeta(code: string): Promise<Partial<SeriesMeta> | undefined> {
    if (!this.apiKey) return undefined;
    const url = `${this.apiBase}/series?series_id=${encodeURIComponent(code)}&api_key=${encodeURIComponent(this.apiKey)}&file_type=json`;
    const body = this.parseJson(
      await this.http.get(url, { accept: "application/json", acceptStatus: [400, 404] }),
      code,
    );
    const s = (body as { seriess?: Array<Record<string, unknown>> }).seriess?.[0];
    if (!s) throw new ProviderError("fred", "format", `no series metadata in the answer for ${code}`);
    return {
      code,
      title: String(s.title ?? code),
      unit: String(s.units ?? ""),
      frequency: String(s.frequency ?? ""),
    };
  }

  private async fetchCsv(code: string, from: string, to: string): Promise<SeriesResult> {
    const url = `${this.csvBase}?id=${encodeURIComponent(code)}&cosd=${from}&coed=${to}`;
    let res: Awaited<ReturnType<HttpClient["get"]>>;
    try {
      res = await this.http.get(url, { accept: "text/csv" });
    } catch (error) {
      if (error instanceof ProviderError && error.details.status === 404) {
        throw new ProviderError(
          "fred",
          "unknown-symbol",
          `unknown series "${code}" (HTTP 404)`,
          error.details,
        );
      }
      throw error;
    }
    const text = res.text;
    if (text.trim() === "") throw new ProviderError("fred", "empty", `empty answer for ${code}`, { url });
    if (/^\s*</.test(text) || res.contentType.includes("text/html")) {
      if (/series (does not exist|not found)|error 404|page not found/i.test(text)) {
        throw new ProviderError("fred", "unknown-symbol", `unknown series "${code}"`);
      }
      throw new ProviderError("fred", "format", `expected CSV for ${code}, got an HTML page`);
    }
    const header = (text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "").trim();
    const [dateName, valueName] = header.split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
    if (
      !/^(observation_date|date)$/i.test(dateName ?? "") ||
      (valueName ?? "").toUpperCase() !== code.toUpperCase()
    ) {
      throw new ProviderError(
        "fred",
        "format",
        `unexpected CSV header for ${code}: "${header.slice(0, 80)}" (expected "observation_date,${code}")`,
      );
    }
    const parsed = readSeriesCsv(text, `fred:${code}`, { delimiter: "," });
    return { file: parsed.file, rows: parsed.rows, rejects: parsed.rejects, skipped: parsed.skipped };
  }

  private async fetchJson(code: string, from: string, to: string): Promise<SeriesResult> {
    const file = `fred-api:${code}`;
    const rows: Located<ObservationRow>[] = [];
    const rejects: Rejection[] = [];
    let skipped = 0;
    let offset = 0;
    for (;;) {
      const url =
        `${this.apiBase}/series/observations?series_id=${encodeURIComponent(code)}` +
        `&api_key=${encodeURIComponent(this.apiKey!)}&file_type=json` +
        `&observation_start=${from}&observation_end=${to}&offset=${offset}`;
      const body = this.parseJson(
        await this.http.get(url, { accept: "application/json", acceptStatus: [400, 404] }),
        code,
      ) as { observations?: Array<{ date?: unknown; value?: unknown }>; count?: number };
      if (!Array.isArray(body.observations)) {
        throw new ProviderError("fred", "format", `no "observations" array in the answer for ${code}`);
      }
      body.observations.forEach((o, i) => {
        const line = offset + i + 1;
        const date = typeof o.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(o.date) ? o.date : undefined;
        if (!date) {
          rejects.push({ file, line, reason: `invalid date ${JSON.stringify(o.date)}` });
          return;
        }
        const raw = typeof o.value === "string" ? o.value.trim() : "";
        if (raw === "." || raw === "") {
          skipped++;
          return;
        }
        const value = Number(raw);
        if (!Number.isFinite(value)) {
          rejects.push({ file, line, reason: `value is not a number: ${JSON.stringify(o.value)}` });
          return;
        }
        rows.push({ line, row: { date, value } });
      });
      offset += body.observations.length;
      if (body.observations.length === 0 || typeof body.count !== "number" || offset >= body.count) break;
    }
    return { file, rows, rejects, skipped };
  }

  private parseJson(res: { text: string; status: number; contentType: string }, code: string): unknown {
    if (res.text.trim() === "") throw new ProviderError("fred", "empty", `empty answer for ${code}`);
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      const what = /^\s*</.test(res.text) ? "an HTML/XML page" : `"${res.text.slice(0, 60)}"`;
      throw new ProviderError("fred", "format", `expected JSON for ${code}, got ${what}`);
    }
    const err = body as { error_code?: number; error_message?: string };
    if (res.status >= 400 || err.error_message) {
      const message = err.error_message ?? `HTTP ${res.status}`;
      if (/does not exist|not found/i.test(message)) {
        throw new ProviderError("fred", "unknown-symbol", `unknown series "${code}": ${message}`, {
          status: res.status,
        });
      }
      throw new ProviderError("fred", "http", `${message} (HTTP ${res.status})`, { status: res.status });
    }
    return body;
  }
}
