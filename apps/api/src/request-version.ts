/**
 * The dataset version a request works with, read ONCE per request (`db.dataVersion()`, one cheap statement) and
 * shared by everything that needs it: the history cache's loaders (history-cache.ts), the response cache's key
 * (response-cache.ts) and the HTTP `ETag` (http-cache.ts). Whichever asks first reads it; the others reuse it.
 */
import type { Database } from "@cyclelens/db";

const byRequest = new WeakMap<Request, Promise<number>>();

/** This request's dataset version (read on first use, then shared); without a request, a fresh read. */
export function requestVersion(db: Database, request: Request | undefined): Promise<number> {
  if (!request) return db.dataVersion();
  let version = byRequest.get(request);
  if (!version) {
    version = db.dataVersion();
    byRequest.set(request, version);
  }
  return version;
}
