/**
 * @cyclelens/ingest: FRED, Stooq and Yahoo Finance providers, CSV import, validation and the
 * incremental, idempotent, atomic import pipeline behind `pnpm ingest`.
 */
export { HELP, type IngestArgs, parseIngestArgs } from "./args.js";
export { INSTRUMENTS, PRESETS, resolveItem, SERIES } from "./catalog.js";
export {
  type BarField,
  type CsvKind,
  type CsvOptions,
  guessCsvKind,
  parseSplitRatio,
  readBarsCsv,
  readCorporateActionsCsv,
  readPositioningCsv,
  readSeriesCsv,
  readValuationCsv,
} from "./csv/formats.js";
export { parseCsv } from "./csv/parse.js";
export { DATE_FORMATS, type DateFormat, parseDate } from "./csv/values.js";
export { IngestUsageError, ProviderError, type ProviderErrorKind } from "./errors.js";
export { type FetchLike, HttpClient, type HttpOptions, RateLimiter } from "./http.js";
export {
  corporateActionsOf,
  fetchRange,
  type ItemProgress,
  type ItemReport,
  type ItemStatus,
  importBars,
  importCorporateActions,
  importObservations,
  importPositioning,
  importValuations,
  ingestFromProvider,
  mergeProvenance,
  writeBars,
  writeObservations,
} from "./pipeline.js";
export { ProgressReporter, summaryTable } from "./progress.js";
export { FredProvider } from "./providers/fred.js";
export type { BarsProvider, ProviderName, SeriesProvider } from "./providers/provider.js";
export { StooqProvider, stooqSymbol } from "./providers/stooq.js";
export { exchangeDate, YahooProvider } from "./providers/yahoo.js";
export { type CliDeps, runCli } from "./run.js";
export { DbStore } from "./store/db-store.js";
export { MemoryStore } from "./store/memory-store.js";
export type * from "./store/port.js";
export type * from "./types.js";
export {
  validateBars,
  validateCorporateActions,
  validateObservations,
  validatePositioning,
  validateValuations,
} from "./validate.js";
