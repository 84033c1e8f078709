/**
 * The CLI behind `pnpm ingest`, with every dependency injectable (store, fetch, output, files) so
 * it is tested without a network or a terminal. Returns the exit code.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HELP, type IngestArgs, parseIngestArgs } from "./args.js";
import { PRESETS, resolveItem } from "./catalog.js";
import {
  type CsvOptions,
  guessCsvKind,
  readBarsCsv,
  readCorporateActionsCsv,
  readPositioningCsv,
  readSeriesCsv,
  readValuationCsv,
} from "./csv/formats.js";
import { IngestUsageError } from "./errors.js";
import type { FetchLike, RateLimiter } from "./http.js";
import {
  type ItemReport,
  importBars,
  importCorporateActions,
  importObservations,
  importPositioning,
  importValuations,
  ingestFromProvider,
  newReport,
} from "./pipeline.js";
import { type Output, ProgressReporter, rejectionLines, summaryTable } from "./progress.js";
import { FredProvider } from "./providers/fred.js";
import type { BarsProvider, ProviderName, SeriesProvider } from "./providers/provider.js";
import { StooqProvider } from "./providers/stooq.js";
import { YahooProvider } from "./providers/yahoo.js";
import type { IngestStore } from "./store/port.js";

export interface CliDeps {
  openStore: (url: string | undefined) => Promise<IngestStore>;
  stdout: Output;
  stderr: Output;
  env?: Record<string, string | undefined>;
  /**
   * Directory relative --csv paths are resolved against: default CYCLELENS_INIT_CWD (the root `pnpm ingest`
   * script passes the directory it was run in, which its nested pnpm would otherwise hide), then INIT_CWD
   * (pnpm's, for `pnpm --filter … ingest`), then the process's cwd.
   */
  cwd?: string;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Per-host rate limiter (default: the process-wide one). */
  rateLimiter?: RateLimiter;
  readTextFile?: (file: string) => Promise<string>;
  today?: string;
  /** Force TTY or plain progress. */
  tty?: boolean;
}

export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const err = (s: string) => deps.stderr.write(`${s}\n`);
  let args: IngestArgs;
  try {
    args = parseIngestArgs(argv);
  } catch (error) {
    if (error instanceof IngestUsageError) {
      err(`ingest: ${error.message}`);
      err("Run with --help for the usage.");
      return 2;
    }
    throw error;
  }
  if (args.help) {
    deps.stdout.write(HELP);
    return 0;
  }
  const env = deps.env ?? process.env;
  let store: IngestStore;
  try {
    store = await deps.openStore(args.databaseUrl);
  } catch (error) {
    err(`ingest: cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const reports: ItemReport[] = [];
  const progress = new ProgressReporter(deps.stderr, deps.tty === undefined ? {} : { tty: deps.tty });
  try {
    err(`ingest → ${store.description}${args.dryRun ? " (dry run: nothing will be written)" : ""}`);
    if (args.csv.length > 0) {
      const base = deps.cwd ?? (env.CYCLELENS_INIT_CWD || env.INIT_CWD || process.cwd());
      const read = deps.readTextFile ?? ((f: string) => readFile(f, "utf8"));
      for (const file of args.csv) {
        const full = path.resolve(base, file.replace(/^~(?=\/)/, env.HOME ?? "~"));
        const label = path.basename(full);
        const p = progress.start(label);
        let report: ItemReport;
        try {
          const text = await read(full);
          report = await importCsvFile(store, text, label, args, p);
        } catch (error) {
          report = failedReport(label, "csv", error);
        }
        p.end(report);
        reports.push(report);
      }
    } else {
      const names = [...(args.preset ? (PRESETS[args.preset] ?? []) : []), ...args.items];
      const unique = [...new Set(names.map((n) => n.trim().toUpperCase()).filter(Boolean))];
      const providers = new Map<ProviderName, BarsProvider | SeriesProvider>();
      const providerFor = (name: ProviderName) => {
        let p = providers.get(name);
        if (!p) {
          const http = {
            today: deps.today,
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
            ...(deps.sleep ? { sleep: deps.sleep } : {}),
            ...(deps.rateLimiter ? { rateLimiter: deps.rateLimiter } : {}),
            ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
            ...(args.retries !== undefined ? { retries: args.retries } : {}),
          };
          p =
            name === "fred"
              ? new FredProvider({ ...http, apiKey: env.FRED_API_KEY })
              : name === "stooq"
                ? new StooqProvider(http)
                : new YahooProvider(http);
          providers.set(name, p);
        }
        return p;
      };
      for (const name of unique) {
        let report: ItemReport;
        let p: ReturnType<ProgressReporter["start"]> | undefined;
        try {
          const item = resolveItem(name, args.provider);
          p = progress.start(`${item.name} ${item.provider}`);
          report = await ingestFromProvider(store, item, providerFor(item.provider), {
            from: args.from,
            to: args.to,
            full: args.full,
            dryRun: args.dryRun,
            skipInvalid: args.skipInvalid,
            today: deps.today,
            progress: p,
          });
        } catch (error) {
          p = p ?? progress.start(name);
          report = failedReport(name, args.provider ?? "-", error);
        }
        p.end(report);
        reports.push(report);
      }
    }
  } finally {
    await store.close();
  }

  for (const r of reports) {
    if (r.rejections.length === 0) continue;
    err(`\n${r.item}: ${r.rejections.length} rejected row${r.rejections.length === 1 ? "" : "s"}:`);
    for (const line of rejectionLines(r, args.allErrors ? Number.POSITIVE_INFINITY : 20)) err(line);
  }
  deps.stdout.write(`\n${summaryTable(reports)}\n`);
  for (const r of reports) for (const note of r.notes ?? []) err(`! ${r.item}: ${note}`);
  const failed = reports.filter((r) => r.status === "failed");
  for (const r of failed) err(`✗ ${r.item}: ${r.error ?? "failed"}`);
  if (args.dryRun) err("Dry run: nothing was written.");
  return failed.length > 0 ? 1 : 0;
}

function failedReport(item: string, provider: string, error: unknown): ItemReport {
  return {
    ...newReport(item, provider),
    status: "failed",
    error: error instanceof Error ? error.message : String(error),
  };
}

async function importCsvFile(
  store: IngestStore,
  text: string,
  label: string,
  args: IngestArgs,
  progress: ReturnType<ProgressReporter["start"]>,
): Promise<ItemReport> {
  const csv: CsvOptions = {
    delimiter: args.delimiter,
    dateCol: args.dateCol,
    valueCol: args.valueCol,
    map: args.map,
    dateFormat: args.dateFormat,
    source: args.source,
    unit: args.unit,
    symbol: args.symbol,
  };
  const common = { dryRun: args.dryRun, skipInvalid: args.skipInvalid, progress };
  const source = args.source ?? "csv";
  progress.phase("reading");
  let kind = args.kind;
  let code = args.series;
  if (!kind) {
    if (args.symbol) kind = "bars";
    else if (args.series) kind = "series";
    else {
      const guess = guessCsvKind(text, csv);
      if (!guess) {
        throw new IngestUsageError(
          `${label}: say what the file holds: --symbol <SYMBOL> for bars, --series <CODE> for a series, or --kind valuation|positioning|actions`,
        );
      }
      kind = guess.kind;
      code = guess.code?.toUpperCase();
    }
  }
  switch (kind) {
    case "bars": {
      if (!args.symbol) throw new IngestUsageError(`${label}: bars need --symbol <SYMBOL>`);
      const parsed = readBarsCsv(text, label, csv);
      progress.phase(`${parsed.format}, ${parsed.rows.length} rows`);
      const report = await importBars(store, args.symbol, parsed, source, common);
      return report;
    }
    case "series": {
      const parsed = readSeriesCsv(text, label, csv);
      const target = code ?? parsed.code?.toUpperCase();
      if (!target) throw new IngestUsageError(`${label}: the header names no series; use --series <CODE>`);
      progress.phase(`${parsed.format}, ${parsed.rows.length} values`);
      return importObservations(store, target, parsed, source, common);
    }
    case "valuation":
      return importValuations(store, label, readValuationCsv(text, label, csv), common);
    case "positioning":
      return importPositioning(store, label, readPositioningCsv(text, label, csv), common);
    case "actions":
      return importCorporateActions(store, label, readCorporateActionsCsv(text, label, csv), common);
  }
}
