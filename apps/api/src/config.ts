/**
 * Server configuration, read from the environment once at start and validated.
 *
 * A bad value stops the server with one line naming the variable (see `ConfigError`), never a stack
 * trace. Every variable is optional; the defaults start CycleLens on the embedded SQLite database.
 */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Query limits; each is configurable through the environment variable named beside it. */
export interface Limits {
  /** Maximum selection depth of an operation (`CYCLELENS_MAX_DEPTH`, default 12). */
  maxDepth: number;
  /** Maximum number of aliases in an operation (`CYCLELENS_MAX_ALIASES`, default 30). */
  maxAliases: number;
  /** Maximum estimated cost: instruments × data points requested (`CYCLELENS_MAX_COST`, default 250,000). */
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
    limits: {
      maxDepth: integer(env, "CYCLELENS_MAX_DEPTH", 12, 2, 100),
      maxAliases: integer(env, "CYCLELENS_MAX_ALIASES", 30, 0, 1000),
      maxCost: integer(env, "CYCLELENS_MAX_COST", 250_000, 1, 1_000_000_000),
      maxRangeYears: integer(env, "CYCLELENS_MAX_RANGE_YEARS", 50, 1, 200),
      maxSymbols: integer(env, "CYCLELENS_MAX_SYMBOLS", 25, 1, 1000),
    },
  };
}
