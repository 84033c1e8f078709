/**
 * A small HTTP client for the providers: timeout per attempt (`AbortSignal.timeout`), retries with
 * exponential backoff and jitter (network errors, timeouts, 429 and 5xx only — never other 4xx),
 * `Retry-After` honoured (capped), and a polite per-host minimum interval between requests.
 *
 * No network fails fast: a host name that does not resolve (ENOTFOUND, EAI_AGAIN) or an unreachable
 * network (ENETUNREACH, EHOSTUNREACH, ECONNREFUSED) is not retried, is remembered for the process (later
 * requests to that host fail at once, without waiting for the rate limiter) and says so (`kind: "offline"`).
 *
 * `fetch`, `sleep` and `now` are injectable so tests never touch the network or wait for real.
 */
import { ProviderError, redactUrl } from "./errors.js";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Timeout of one attempt, ms (default 20 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay, ms; doubles each retry (default 500). */
  backoffMs?: number;
  /** Longest single wait (backoff or Retry-After), ms (default 30 000). */
  maxBackoffMs?: number;
  /** Rate limiter shared by the clients (default: one per process, {@link defaultRateLimiter}). */
  rateLimiter?: RateLimiter;
  sleep?: (ms: number) => Promise<void>;
  /** Random source for the jitter, in [0, 1) (default Math.random). */
  random?: () => number;
  userAgent?: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  text: string;
  attempts: number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Minimum interval between two requests to the same host. */
export class RateLimiter {
  private readonly next = new Map<string, number>();
  constructor(
    /** Minimum interval per host, ms; hosts not listed use `defaultMs`. */
    private readonly perHostMs: Record<string, number> = {},
    private readonly defaultMs = 500,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  /** Waits until a request to `host` is allowed, and books the slot. */
  async acquire(host: string): Promise<void> {
    const interval = this.perHostMs[host] ?? this.defaultMs;
    const now = this.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + interval);
    if (at > now) await this.sleep(at - now);
  }
}

/** Process-wide limiter: FRED allows 120 requests/min with a key; Stooq and Yahoo throttle bursts. */
export const defaultRateLimiter = new RateLimiter(
  {
    "api.stlouisfed.org": 600,
    "fred.stlouisfed.org": 1000,
    "stooq.com": 1500,
    "query1.finance.yahoo.com": 1000,
    "query2.finance.yahoo.com": 1000,
  },
  1000,
);

/** Error codes that mean "no network (or no DNS) here", not a passing fault. */
const OFFLINE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ECONNREFUSED"]);

/** Hosts found unreachable in this process, with the error code seen. */
const unreachable = new Map<string, string>();

function offlineError(provider: string, host: string, code: string, shown: string, attempts: number) {
  return new ProviderError(
    provider,
    "offline",
    `cannot reach ${host} (${code}): no network or DNS access from this machine; local files import offline with pnpm ingest --csv <file>`,
    { url: shown, attempts },
  );
}

const DEFAULT_UA = "Mozilla/5.0 (compatible; CycleLens-ingest/0.1; +https://github.com/cyclelens)";

export class HttpClient {
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly limiter: RateLimiter;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly userAgent: string;

  constructor(
    readonly provider: string,
    options: HttpOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.sleep = options.sleep ?? realSleep;
    this.limiter = options.rateLimiter ?? defaultRateLimiter;
    this.random = options.random ?? Math.random;
    this.userAgent = options.userAgent ?? DEFAULT_UA;
  }

  /**
   * GETs `url` and returns the body of a 2xx answer. Non-2xx answers that are not retried
   * (4xx except 429) are returned too when `acceptStatus` includes them (providers read FRED's
   * JSON error body that way); otherwise they throw a {@link ProviderError} of kind "http".
   */
  async get(url: string, opts: { accept?: string; acceptStatus?: number[] } = {}): Promise<HttpResponse> {
    const host = new URL(url).host;
    const shown = redactUrl(url);
    const known = unreachable.get(host);
    if (known) throw offlineError(this.provider, host, known, shown, 0);
    let attempt = 0;
    for (;;) {
      attempt++;
      await this.limiter.acquire(host);
      let retryAfterMs: number | undefined;
      let failure: ProviderError;
      try {
        const res = await this.fetchImpl(url, {
          headers: { "user-agent": this.userAgent, accept: opts.accept ?? "*/*" },
          signal: AbortSignal.timeout(this.timeoutMs),
          redirect: "follow",
        });
        const text = await res.text();
        const contentType = res.headers.get("content-type") ?? "";
        if (res.ok || opts.acceptStatus?.includes(res.status)) {
          return { url, status: res.status, contentType, text, attempts: attempt };
        }
        failure = new ProviderError(
          this.provider,
          "http",
          `HTTP ${res.status} ${res.statusText} for ${shown}`,
          {
            url: shown,
            status: res.status,
            attempts: attempt,
          },
        );
        if (!(res.status === 429 || res.status >= 500)) throw failure;
        retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
      } catch (error) {
        if (error instanceof ProviderError) {
          if (
            error.kind === "http" &&
            !(error.details.status === 429 || (error.details.status ?? 0) >= 500)
          ) {
            throw error;
          }
          failure = error;
        } else if (isTimeout(error)) {
          failure = new ProviderError(
            this.provider,
            "timeout",
            `no answer within ${this.timeoutMs} ms from ${shown}`,
            { url: shown, attempts: attempt, cause: error },
          );
        } else if (OFFLINE_CODES.has(networkCode(error) ?? "")) {
          const code = networkCode(error)!;
          unreachable.set(host, code);
          throw offlineError(this.provider, host, code, shown, attempt);
        } else {
          failure = new ProviderError(this.provider, "network", `${describeNetworkError(error)} (${shown})`, {
            url: shown,
            attempts: attempt,
            cause: error,
          });
        }
      }
      if (attempt > this.retries) {
        if (attempt > 1) failure.message += ` — gave up after ${attempt} attempts`;
        throw failure;
      }
      const backoff = this.backoffMs * 2 ** (attempt - 1) * (0.75 + 0.5 * this.random());
      await this.sleep(Math.min(this.maxBackoffMs, Math.max(backoff, retryAfterMs ?? 0)));
    }
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** The system error code behind a failed fetch (undici puts it on `cause`), if any. */
function networkCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  if (cause && typeof cause === "object" && "code" in cause) return String(cause.code);
  return "code" in error ? String((error as { code: unknown }).code) : undefined;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return `network error: ${String(error)}`;
  const code = networkCode(error);
  return `network error: ${error.message}${code ? ` (${code})` : ""}`;
}

/** Forgets the hosts found unreachable (tests). */
export function resetUnreachableHosts(): void {
  unreachable.clear();
}
