/**
 * Command-line arguments of `pnpm ingest` (node:util parseArgs, strict), validated into
 * {@link IngestArgs}. Usage errors throw {@link IngestUsageError} with a message for the user.
 */
import { parseArgs } from "node:util";
import { PRESETS } from "./catalog.js";
import { BAR_FIELDS, type BarField, type CsvKind } from "./csv/formats.js";
import { DATE_FORMATS, type DateFormat, isDateFormat } from "./csv/values.js";
import { isISODate } from "./dates.js";
import { IngestUsageError } from "./errors.js";
import { PROVIDER_NAMES, type ProviderName } from "./providers/provider.js";

export interface IngestArgs {
  help: boolean;
  items: string[];
  preset: string | undefined;
  from: string | undefined;
  to: string | undefined;
  provider: ProviderName | undefined;
  full: boolean;
  dryRun: boolean;
  skipInvalid: boolean;
  csv: string[];
  symbol: string | undefined;
  series: string | undefined;
  kind: CsvKind | undefined;
  dateCol: string | undefined;
  valueCol: string | undefined;
  map: Partial<Record<BarField, string>> | undefined;
  delimiter: string | undefined;
  dateFormat: DateFormat | undefined;
  source: string | undefined;
  unit: string | undefined;
  databaseUrl: string | undefined;
  timeoutMs: number | undefined;
  retries: number | undefined;
  allErrors: boolean;
}

export const HELP = `Usage: pnpm ingest [items…] [options]
       pnpm ingest --csv <file> [--csv <file>…] [--symbol X | --series CODE | --kind valuation|positioning|actions] [options]

Load real market data into the CycleLens database (DATABASE_URL, default file:./data/cyclelens.db).

Items (names are case-insensitive):
  IWM SPY KRE QQQ ^RUT ^GSPC …       instruments (Yahoo by default; any Yahoo/Stooq ticker works)
  DFEDTARU DFEDTARL DFEDTAR DFF       FRED series (FRED_API_KEY set: JSON API, else the public CSV download)
  FEDFUNDS DGS2 DGS10 …
  --preset core                       IWM SPY KRE QQQ ^RUT ^GSPC DFEDTARU DFEDTARL DFEDTAR DFF FEDFUNDS DGS2 DGS10
  --preset macro                      DGS2 DGS10 DGS3MO T10Y2Y T10Y3M UNRATE SAHMREALTIME USREC (FRED) XLY XLP RSP

Fetching:
  --provider fred|stooq|yahoo         force a provider (unknown names with fred are read as series)
  --from YYYY-MM-DD --to YYYY-MM-DD   range (default: from the last stored date to today)
  --full                              refetch the whole history instead of only what is new
  --timeout <ms>                      per request (default 20000); --retries <n> (default 3)

CSV import:
  --csv <file>                        repeatable; FRED, Stooq and Yahoo exports are recognised as is
  --symbol <SYMBOL>                   bars (OHLCV, OHLC[+adj close], or date,close) of this instrument
  --series <CODE>                     date,value observations (FRED files name their series in the header)
  --kind valuation|positioning|actions
                                      date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source
                                      date,segment,value,unit,source
                                      date,symbol,kind,value,source (kind dividend: amount; split: 2:1)
  --date-col <name|n> --value-col <name|n>
  --map open=Open,high=Hi,low=Lo,close=Last,adjClose=Adj,volume=Vol
  --delimiter <c|tab>                 default: sniffed from the header
  --date-format <f>                   ${DATE_FORMATS.join(", ")} (default: detected)
  --source <name>                     provenance recorded for the rows (default "csv")
  --unit <unit>                       positioning unit when the file has no unit column

Behaviour:
  --dry-run                           do everything in a transaction that is rolled back: exact counts, nothing written
  --skip-invalid                      write the valid rows and report the rest (default: a file with bad rows is rejected whole)
  --all-errors                        list every rejected row (default: the first 20 per item)
  --database-url <url>                instead of DATABASE_URL
  -h, --help

Exit code: 0 when every item succeeded, 1 when any failed, 2 on a usage error.

Examples:
  pnpm ingest --preset core
  pnpm ingest --preset macro
  pnpm ingest IWM ^RUT --from 2020-01-01 --provider stooq
  pnpm ingest --csv ~/Downloads/DGS10.csv
  pnpm ingest --csv IWM.csv --symbol IWM --skip-invalid
  pnpm ingest --csv prices.csv --symbol XYZ --date-col Day --map close=Last --date-format DD.MM.YYYY
`;

function fail(message: string): never {
  throw new IngestUsageError(message);
}

export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv.filter((a, i) => !(a === "--" && i === 0)));
  } catch (error) {
    fail(
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, "") : String(error),
    );
  }
  const v = parsed.values;
  const date = (name: string, value: string | undefined) => {
    if (value !== undefined && !isISODate(value)) fail(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
    return value;
  };
  const int = (name: string, value: string | undefined, min: number) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
  const from = date("from", v.from);
  const to = date("to", v.to);
  if (from && to && from > to) fail(`--from ${from} is after --to ${to}`);
  const provider = v.provider?.toLowerCase();
  if (provider !== undefined && !(PROVIDER_NAMES as readonly string[]).includes(provider)) {
    fail(`--provider must be one of ${PROVIDER_NAMES.join(", ")}, got "${v.provider}"`);
  }
  if (v.preset !== undefined && !(v.preset in PRESETS)) {
    fail(`unknown --preset "${v.preset}" (known: ${Object.keys(PRESETS).join(", ")})`);
  }
  const kind = v.kind?.toLowerCase();
  if (kind !== undefined && !["valuation", "positioning", "actions", "bars", "series"].includes(kind)) {
    fail(`--kind must be valuation, positioning, actions, bars or series, got "${v.kind}"`);
  }
  const dateFormat = v["date-format"];
  if (dateFormat !== undefined && !isDateFormat(dateFormat.toUpperCase())) {
    fail(`--date-format must be one of ${DATE_FORMATS.join(", ")}, got "${dateFormat}"`);
  }
  const csv = v.csv ?? [];
  const targets = [
    v.symbol,
    v.series,
    kind === "valuation" || kind === "positioning" || kind === "actions" ? kind : undefined,
  ].filter((x) => x !== undefined);
  if (v.symbol !== undefined && v.series !== undefined) fail("--symbol and --series exclude each other");
  if (csv.length === 0) {
    for (const opt of [
      "symbol",
      "series",
      "kind",
      "date-col",
      "value-col",
      "map",
      "delimiter",
      "date-format",
      "unit",
    ] as const) {
      if (v[opt] !== undefined) fail(`--${opt} only applies to --csv imports`);
    }
    if (parsed.positionals.length === 0 && v.preset === undefined && !v.help) {
      fail(
        "nothing to import: name instruments or series, use --preset core or macro, or --csv <file> (see --help)",
      );
    }
  } else {
    if (parsed.positionals.length > 0 || v.preset !== undefined) {
      fail("--csv cannot be combined with item names or --preset; run them separately");
    }
    if (v.full) fail("--full only applies to provider fetches (a CSV file is always imported whole)");
    if (targets.length > 1 && !((kind === "valuation" || kind === "actions") && v.symbol)) {
      fail("use only one of --symbol, --series, --kind valuation|positioning|actions");
    }
  }
  return {
    help: !!v.help,
    items: parsed.positionals,
    preset: v.preset,
    from,
    to,
    provider: provider as ProviderName | undefined,
    full: !!v.full,
    dryRun: !!v["dry-run"],
    skipInvalid: !!v["skip-invalid"],
    csv,
    symbol: v.symbol?.toUpperCase(),
    series: v.series?.toUpperCase(),
    kind: kind as CsvKind | undefined,
    dateCol: v["date-col"],
    valueCol: v["value-col"],
    map: v.map === undefined ? undefined : parseMap(v.map),
    delimiter: v.delimiter === undefined ? undefined : parseDelimiter(v.delimiter),
    dateFormat: dateFormat?.toUpperCase() as DateFormat | undefined,
    source: v.source,
    unit: v.unit,
    databaseUrl: v["database-url"],
    timeoutMs: int("timeout", v.timeout, 1),
    retries: int("retries", v.retries, 0),
    allErrors: !!v["all-errors"],
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      preset: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      provider: { type: "string" },
      full: { type: "boolean" },
      "dry-run": { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      csv: { type: "string", multiple: true },
      symbol: { type: "string" },
      series: { type: "string" },
      kind: { type: "string" },
      "date-col": { type: "string" },
      "value-col": { type: "string" },
      map: { type: "string" },
      delimiter: { type: "string" },
      "date-format": { type: "string" },
      source: { type: "string" },
      unit: { type: "string" },
      "database-url": { type: "string" },
      timeout: { type: "string" },
      retries: { type: "string" },
      "all-errors": { type: "boolean" },
    },
  });
}

const FIELD_NAMES: Record<string, BarField> = Object.fromEntries(
  BAR_FIELDS.flatMap((f) => [
    [f.toLowerCase(), f],
    [f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), f],
  ]),
);

/** `open=Open,close=Last` → `{ open: "Open", close: "Last" }`. */
export function parseMap(text: string): Partial<Record<BarField, string>> {
  const map: Partial<Record<BarField, string>> = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) fail(`--map expects field=column pairs, got "${part}"`);
    const field = FIELD_NAMES[part.slice(0, eq).trim().toLowerCase()];
    if (!field) fail(`--map: unknown field "${part.slice(0, eq)}" (fields: ${BAR_FIELDS.join(", ")})`);
    map[field] = part.slice(eq + 1).trim();
  }
  return map;
}

function parseDelimiter(text: string): string {
  const d =
    text === "tab" || text === "\\t" ? "\t" : text === "semicolon" ? ";" : text === "comma" ? "," : text;
  if (d.length !== 1 || d === '"' || d === "\n")
    fail(`--delimiter must be one character (or "tab"), got "${text}"`);
  return d;
}
