/**
 * Server configuration, read from the environment once at start and validated.
 *
 * A bad value stops the server with one line naming the variable (see `ConfigError`), never a stack
 * trace. Every variable is optional; the defaults start CycleLens on the embedded SQLite database.
 */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Query limits; each is configurable through the environment variable named beside it. */
export interface Limits {
  /** Maximum size of a GraphQL document, checked before parsing (`CYCLELENS_MAX_DOCUMENT_BYTES`, default 65,536). */
  maxDocumentBytes: number;
  /** Maximum tokens of a GraphQL document; parsing stops past it (`CYCLELENS_MAX_TOKENS`, default 5,000). */
  maxTokens: number;
  /** Maximum directives in an operation (`CYCLELENS_MAX_DIRECTIVES`, default 20). */
  maxDirectives: number;
  /** Maximum request body, checked while it is read (`CYCLELENS_MAX_BODY_BYTES`, default 2,000,000). */
  maxBodyBytes: number;
  /** Time budget of one operation, ms (`CYCLELENS_REQUEST_TIMEOUT_MS`, default 10,000). */
  requestTimeoutMs: number;
  /** Largest response body (`CYCLELENS_MAX_RESPONSE_BYTES`, default 16,000,000). */
  maxResponseBytes: number;
  /** Maximum selection depth of an operation (`CYCLELENS_MAX_DEPTH`, default 12). */
  maxDepth: number;
  /** Maximum number of aliases in an operation (`CYCLELENS_MAX_ALIASES`, default 30). */
  maxAliases: number;
  /**
   * Maximum cost of an operation, in units of one value returned (`CYCLELENS_MAX_COST`, default 100,000): the
   * estimate before execution and the work metered during it.
   */
  maxCost: number;
  /** Longest date range any argument may span, in years (`CYCLELENS_MAX_RANGE_YEARS`, default 50). */
  maxRangeYears: number;
  /** Maximum number of symbols one argument may list (`CYCLELENS_MAX_SYMBOLS`, default 25). */
  maxSymbols: number;
}

export interface Config {
  port: number;
  host: string;
  /** `undefined` means the embedded SQLite default of `@cyclelens/db`. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** Allowed CORS origins; `["*"]` allows any. */
  corsOrigins: string[];
  /** `development` shows internal error messages; anything else masks them. */
  isDevelopment: boolean;
  /** Execute operations with graphql-jit (compiled per operation, cached) instead of graphql-js. */
  graphqlJit: boolean;
  /** Histories kept in memory per kind (bars, observations…) for the current dataset version; 0 disables the cache. */
  cacheEntries: number;
  /** Key that mutations must present in the `x-cyclelens-key` header; writes are disabled when unset. */
  writeKey: string | undefined;
  /** Serve GraphiQL on GET /graphql from a browser (`CYCLELENS_GRAPHIQL`; default on, off when NODE_ENV=production). */
  graphiql: boolean;
  /** Answer introspection queries (`CYCLELENS_INTROSPECTION`; default on, off when NODE_ENV=production). */
  introspection: boolean;
  /** Memory for parsed documents and their errors, MB (`CYCLELENS_PARSE_CACHE_MB`, default 16; 0 disables). */
  parseCacheMb: number;
  /** Minimum time /ready reports "not ready" before the server stops accepting, ms (`CYCLELENS_SHUTDOWN_DELAY_MS`, default 0). */
  shutdownDelayMs: number;
  /** Longest wait for accepted requests at shutdown, ms (`CYCLELENS_SHUTDOWN_GRACE_MS`, default 30,000). */
  shutdownGraceMs: number;
  /** Operations executing at once; the others wait in arrival order (`CYCLELENS_MAX_CONCURRENT`, default 8). */
  maxConcurrent: number;
  /** Open `Subscription.datasetChanged` streams allowed per process (`CYCLELENS_MAX_SUBSCRIPTIONS`, default 1,000). */
  maxSubscriptions: number;
  /** SQLite: how often the dataset watcher reads the version, ms (`CYCLELENS_DATASET_POLL_MS`, default 250). */
  datasetPollMs: number;
  limits: Limits;
}

/** A configuration error: `variable` is the environment variable at fault. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const url = raw.trim();
  if (url.startsWith("file:")) {
    if (url.length === "file:".length) throw new ConfigError("DATABASE_URL", "must name a file after file:");
    return url;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      "DATABASE_URL",
      "must be file:<path> (SQLite) or postgres://user@host:port/database (got an unparseable URL)",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new ConfigError(
      "DATABASE_URL",
      `must use file: (SQLite) or postgres:/postgresql: (got ${JSON.stringify(parsed.protocol)})`,
    );
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    throw new ConfigError(
      "DATABASE_URL",
      "must name a host and a database, e.g. postgres://user@host:5432/db",
    );
  }
  return url;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "true" || raw === "1") return true;
  if (raw === "off" || raw === "false" || raw === "0") return false;
  throw new ConfigError(name, `must be on or off (got ${JSON.stringify(env[name])})`);
}

function writeKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < 16) throw new ConfigError("CYCLELENS_WRITE_KEY", "must be at least 16 characters long");
  return raw;
}

/** Reads and validates the configuration; throws {@link ConfigError} on the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? "info").trim().toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError(
      "LOG_LEVEL",
      `must be one of ${LOG_LEVELS.join(", ")} (got ${JSON.stringify(env.LOG_LEVEL)})`,
    );
  }
  const corsOrigins = (env.CORS_ORIGINS ?? "*")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin === "*") continue;
    let ok = false;
    try {
      const u = new URL(origin);
      ok = (u.protocol === "http:" || u.protocol === "https:") && u.origin === origin;
    } catch {}
    if (!ok) {
      throw new ConfigError(
        "CORS_ORIGINS",
        `must be * or a comma-separated list of origins like https://app.example.com (got ${JSON.stringify(origin)})`,
      );
    }
  }
  const production = env.NODE_ENV === "production";
  const host = (env.HOST ?? "127.0.0.1").trim();
  if (!host) throw new ConfigError("HOST", "must not be empty");
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    logLevel: logLevel as LogLevel,
    corsOrigins,
    isDevelopment: env.NODE_ENV === "development",
    writeKey: writeKey(env.CYCLELENS_WRITE_KEY),
    graphqlJit: onOff(env, "CYCLELENS_GRAPHQL_JIT", true),
    cacheEntries: integer(env, "CYCLELENS_CACHE_ENTRIES", 256, 0, 100_000),
    graphiql: onOff(env, "CYCLELENS_GRAPHIQL", !production),
    introspection: onOff(env, "CYCLELENS_INTROSPECTION", !production),
    parseCacheMb: integer(env, "CYCLELENS_PARSE_CACHE_MB", 16, 0, 4096),
    shutdownDelayMs: integer(env, "CYCLELENS_SHUTDOWN_DELAY_MS", 0, 0, 600_000),
    shutdownGraceMs: integer(env, "CYCLELENS_SHUTDOWN_GRACE_MS", 30_000, 0, 600_000),
    maxConcurrent: integer(env, "CYCLELENS_MAX_CONCURRENT", 8, 1, 10_000),
    maxSubscriptions: integer(env, "CYCLELENS_MAX_SUBSCRIPTIONS", 1_000, 0, 1_000_000),
    datasetPollMs: integer(env, "CYCLELENS_DATASET_POLL_MS", 250, 10, 60_000),
    limits: {
      maxDocumentBytes: integer(env, "CYCLELENS_MAX_DOCUMENT_BYTES", 65_536, 256, 100_000_000),
      maxTokens: integer(env, "CYCLELENS_MAX_TOKENS", 5_000, 50, 10_000_000),
      maxDirectives: integer(env, "CYCLELENS_MAX_DIRECTIVES", 20, 0, 10_000),
      maxBodyBytes: integer(env, "CYCLELENS_MAX_BODY_BYTES", 2_000_000, 1024, 1_000_000_000),
      requestTimeoutMs: integer(env, "CYCLELENS_REQUEST_TIMEOUT_MS", 10_000, 100, 600_000),
      maxResponseBytes: integer(env, "CYCLELENS_MAX_RESPONSE_BYTES", 16_000_000, 1024, 1_000_000_000),
      maxDepth: integer(env, "CYCLELENS_MAX_DEPTH", 12, 2, 100),
      maxAliases: integer(env, "CYCLELENS_MAX_ALIASES", 30, 0, 1000),
      maxCost: integer(env, "CYCLELENS_MAX_COST", 100_000, 1, 1_000_000_000),
      maxRangeYears: integer(env, "CYCLELENS_MAX_RANGE_YEARS", 50, 1, 200),
      maxSymbols: integer(env, "CYCLELENS_MAX_SYMBOLS", 25, 1, 1000),
    },
  };
}
