/**
 * Server configuration, read from the environment once at start and validated.
 *
 * A bad value stops the server with one line naming the variable (see `ConfigError`), never a stack
 * trace. Every variable is optional; the defaults start CycleLens on the embedded SQLite database.
 */
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { Cron } from "croner";

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
  /**
   * Redis shared by the instances (`REDIS_URL`, redis:// or rediss://): the response cache's store and the rate
   * limit's counters. Unset: both are kept in this process's memory.
   */
  redisUrl: string | undefined;
  /** Prefix of every Redis key this server writes (`CYCLELENS_REDIS_PREFIX`, default `cyclelens:`). */
  redisPrefix: string;
  /** The response cache (see response-cache.ts and the API README). */
  responseCache: ResponseCacheConfig;
  /** The per-client rate limit (see rate-limit.ts). */
  rateLimit: RateLimitConfig;
  /** Refuse documents sent as text: only persisted document hashes run (`CYCLELENS_PERSISTED_ONLY`, default off). */
  persistedOnly: boolean;
  /**
   * Manifests of persisted documents (sha256 → text), comma-separated paths (`CYCLELENS_PERSISTED_DOCUMENTS`);
   * `undefined`: the committed ones of `@cyclelens/client` and the web app.
   */
  persistedDocuments: string[] | undefined;
  /**
   * Prometheus metrics on their own port (`CYCLELENS_METRICS_PORT`; unset: metrics off, nothing collected). With
   * workers the primary serves every worker's metrics, aggregated.
   */
  metricsPort: number | undefined;
  /** Address of the metrics port (`CYCLELENS_METRICS_HOST`, default 127.0.0.1: not reachable from other hosts). */
  metricsHost: string;
  /** When set, /metrics wants `Authorization: Bearer <token>` (`CYCLELENS_METRICS_TOKEN`, at least 16 characters). */
  metricsToken: string | undefined;
  /** OTLP/HTTP endpoint for traces (`OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. http://collector:4318); unset: no tracing. */
  otlpEndpoint: string | undefined;
  /** `service.name` of the traces (`OTEL_SERVICE_NAME`, default cyclelens-api). */
  otelServiceName: string;
  /** Worker processes (`CYCLELENS_WORKERS`: 0 or 1 one process, N workers, `auto` one per core; default 1). */
  workers: number;
  /** Cron expression of the scheduled refresh (`CYCLELENS_REFRESH_CRON`, e.g. "0 22 * * 1-5"); unset: off. */
  refreshCron: string | undefined;
  /** Ingest presets the refresh runs (`CYCLELENS_REFRESH_PRESETS`, comma-separated, default core). */
  refreshPresets: string[];
  /** Time zone of the refresh cron (`CYCLELENS_REFRESH_TZ`, an IANA name, default UTC). */
  refreshTimezone: string;
}

export interface ResponseCacheConfig {
  /** Cache whole responses of unkeyed queries (`CYCLELENS_RESPONSE_CACHE`, default on). */
  enabled: boolean;
  /** Longest life of a cached response, seconds (`CYCLELENS_RESPONSE_CACHE_TTL_S`, default 3,600; it ends at the next UTC midnight anyway). */
  ttlSeconds: number;
  /** In-memory store: most responses kept (`CYCLELENS_RESPONSE_CACHE_ENTRIES`, default 1,000). */
  maxEntries: number;
  /** In-memory store: most megabytes of response JSON kept (`CYCLELENS_RESPONSE_CACHE_MB`, default 64). */
  maxMb: number;
  /** `max-age` of a GET answer's `Cache-Control`, seconds (`CYCLELENS_HTTP_MAX_AGE`, default 0: revalidate each time). */
  httpMaxAgeSeconds: number;
}

export interface RateLimitConfig {
  /** Requests one client may make per window; 0 turns the limit off (`CYCLELENS_RATE_LIMIT`, default 0). */
  points: number;
  /** The window, seconds (`CYCLELENS_RATE_LIMIT_WINDOW_S`, default 60). */
  windowSeconds: number;
  /**
   * Proxies whose `X-Forwarded-For` is believed (`CYCLELENS_TRUSTED_PROXIES`, comma-separated IP addresses;
   * default none: the client is the socket's remote address).
   */
  trustedProxies: string[];
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

function redisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new ConfigError(
      "REDIS_URL",
      "must be redis://host:port[/db] or rediss://… (got an unparseable URL)",
    );
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError("REDIS_URL", `must use redis: or rediss: (got ${JSON.stringify(parsed.protocol)})`);
  }
  if (!parsed.hostname) throw new ConfigError("REDIS_URL", "must name a host, e.g. redis://127.0.0.1:6379");
  return raw.trim();
}

function trustedProxies(raw: string | undefined): string[] {
  const list = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const ip of list) {
    if (isIP(ip) === 0) {
      throw new ConfigError(
        "CYCLELENS_TRUSTED_PROXIES",
        `must be a comma-separated list of IP addresses (got ${JSON.stringify(ip)})`,
      );
    }
  }
  return list;
}

function redisPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "cyclelens:";
  if (!/^[\w.:-]{1,64}$/.test(raw)) {
    throw new ConfigError(
      "CYCLELENS_REDIS_PREFIX",
      `must be 1–64 letters, digits or _.:- (got ${JSON.stringify(raw)})`,
    );
  }
  return raw;
}

function secret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < 16) throw new ConfigError(name, "must be at least 16 characters long");
  return raw;
}

function refreshCron(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  try {
    new Cron(raw.trim(), { paused: true }).stop();
  } catch (error) {
    throw new ConfigError(
      "CYCLELENS_REFRESH_CRON",
      `must be a cron expression such as "0 22 * * 1-5" (${(error as Error).message})`,
    );
  }
  return raw.trim();
}

function writeKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < 16) throw new ConfigError("CYCLELENS_WRITE_KEY", "must be at least 16 characters long");
  return raw;
}

function listOf(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function workers(raw: string | undefined, cores: number): number {
  if (raw === undefined || raw.trim() === "") return 1;
  if (raw.trim().toLowerCase() === "auto") return cores;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 256)
    throw new ConfigError(
      "CYCLELENS_WORKERS",
      `must be auto or an integer from 0 to 256 (got ${JSON.stringify(raw)})`,
    );
  return Math.max(1, Number(raw));
}

function otlpEndpoint(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  try {
    const u = new URL(raw.trim());
    if (u.protocol === "http:" || u.protocol === "https:") return raw.trim();
  } catch {}
  throw new ConfigError(
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    `must be an http(s) URL such as http://127.0.0.1:4318 (got ${JSON.stringify(raw)})`,
  );
}

function timezone(raw: string | undefined): string {
  const tz = raw?.trim() || "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    throw new ConfigError(
      "CYCLELENS_REFRESH_TZ",
      `must be an IANA time zone such as Europe/Paris (got ${JSON.stringify(raw)})`,
    );
  }
  return tz;
}

/** Reads and validates the configuration; throws {@link ConfigError} on the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): Config {
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
    redisUrl: redisUrl(env.REDIS_URL),
    redisPrefix: redisPrefix(env.CYCLELENS_REDIS_PREFIX),
    responseCache: {
      enabled: onOff(env, "CYCLELENS_RESPONSE_CACHE", true),
      ttlSeconds: integer(env, "CYCLELENS_RESPONSE_CACHE_TTL_S", 3_600, 1, 86_400),
      maxEntries: integer(env, "CYCLELENS_RESPONSE_CACHE_ENTRIES", 1_000, 1, 1_000_000),
      maxMb: integer(env, "CYCLELENS_RESPONSE_CACHE_MB", 64, 1, 65_536),
      httpMaxAgeSeconds: integer(env, "CYCLELENS_HTTP_MAX_AGE", 0, 0, 86_400),
    },
    rateLimit: {
      points: integer(env, "CYCLELENS_RATE_LIMIT", 0, 0, 1_000_000_000),
      windowSeconds: integer(env, "CYCLELENS_RATE_LIMIT_WINDOW_S", 60, 1, 86_400),
      trustedProxies: trustedProxies(env.CYCLELENS_TRUSTED_PROXIES),
    },
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
    persistedOnly: onOff(env, "CYCLELENS_PERSISTED_ONLY", false),
    persistedDocuments: listOf(env.CYCLELENS_PERSISTED_DOCUMENTS),
    metricsPort: env.CYCLELENS_METRICS_PORT?.trim()
      ? integer(env, "CYCLELENS_METRICS_PORT", 0, 0, 65535)
      : undefined,
    metricsHost: env.CYCLELENS_METRICS_HOST?.trim() || "127.0.0.1",
    metricsToken: secret(env, "CYCLELENS_METRICS_TOKEN"),
    otlpEndpoint: otlpEndpoint(env.OTEL_EXPORTER_OTLP_ENDPOINT),
    otelServiceName: env.OTEL_SERVICE_NAME?.trim() || "cyclelens-api",
    workers: workers(env.CYCLELENS_WORKERS, cores),
    refreshCron: refreshCron(env.CYCLELENS_REFRESH_CRON),
    refreshPresets: listOf(env.CYCLELENS_REFRESH_PRESETS) ?? ["core"],
    refreshTimezone: timezone(env.CYCLELENS_REFRESH_TZ),
  };
}
