/**
 * Errors raised while fetching or reading data. Every provider failure is a {@link ProviderError}
 * whose `kind` says what went wrong, so the CLI can print one clear line per item.
 */

export type ProviderErrorKind =
  | "http" // a non-2xx status that is not retried, or still failing after the retries
  | "timeout" // no answer within the timeout (after the retries)
  | "network" // connection reset, TLS… (after the retries)
  | "offline" // the host name does not resolve or the network is unreachable: not retried
  | "format" // an answer, but not the expected shape (HTML instead of CSV, wrong header, bad JSON)
  | "empty" // an empty body
  | "unknown-symbol"; // the provider says it has no such symbol / series

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { url?: string; status?: number; attempts?: number; cause?: unknown } = {},
  ) {
    super(`${provider}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** A problem with the command line or an input file as a whole (not a row). */
export class IngestUsageError extends Error {
  override readonly name = "IngestUsageError";
}

/** Removes secrets (FRED `api_key`) from a URL before it appears in a message or a log. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]api_key=)[^&]*/gi, "$1***");
}
