import type { Database } from "@cyclelens/db";
import { RequestBudget } from "./budget.js";
import type { Config } from "./config.js";
import type { HistoryCache } from "./history-cache.js";
import type { LiveHub } from "./live.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { requestVersion } from "./request-version.js";

/** What every resolver receives: the database (only for loaders), the configuration and this request's loaders. */
export interface Context {
  db: Database;
  config: Config;
  loaders: Loaders;
  /** Request-scoped memo for derived values (e.g. detected rate cycles), keyed by a string. */
  memo: Map<string, Promise<unknown>>;
  /** The write key the request presented (`x-cyclelens-key` header), if any. */
  presentedKey: string | null;
  /** This request's time and work budget (see budget.ts). */
  budget: RequestBudget;
  /** The estimated cost computed before execution (limits.ts), for the access log. */
  estimatedCost?: number;
  /**
   * What the cost estimate knows of the stored data (from the history cache; absent before the first loads):
   * the number of instruments and the longest daily history, which an open range or an unfiltered list
   * multiplies. The work meter charges the real figures anyway.
   */
  shape: { instruments?: number; longestHistory?: number };
  /** The dataset version this request works with: read once, shared with the response cache (request-version.ts). */
  dataVersion: () => Promise<number>;
  /** The process's live-update hub (set by the `useLiveUpdates` plugin; see live.ts). */
  live?: LiveHub;
}

export function createContext(db: Database, config: Config, cache: HistoryCache, request?: Request): Context {
  const budget = new RequestBudget(config.limits.maxCost, config.limits.requestTimeoutMs);
  const dataVersion = () => requestVersion(db, request);
  return {
    db,
    config,
    loaders: createLoaders(db, cache, budget, dataVersion),
    dataVersion,
    memo: new Map(),
    presentedKey: request?.headers.get("x-cyclelens-key") ?? null,
    budget,
    shape: {
      instruments: cache.peek<unknown[]>("instruments", "all")?.length,
      longestHistory: Math.max(cache.longestOf("bars"), cache.longestOf("observations")) || undefined,
    },
  };
}

/** Computes `fn` once per request for `key`. */
export function memoize<T>(ctx: Context, key: string, fn: () => Promise<T>): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = fn();
    ctx.memo.set(key, hit);
  }
  return hit;
}
