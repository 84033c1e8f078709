/**
 * The response cache (`CYCLELENS_RESPONSE_CACHE`, on by default): graphql-yoga's response-cache plugin
 * (`@graphql-yoga/plugin-response-cache`) keeps whole answers of unkeyed queries, in Redis when `REDIS_URL` is
 * set (`@envelop/response-cache-redis` over ioredis, shared by every instance) and in this process's memory
 * otherwise (bounded in entries and megabytes).
 *
 * **The key** hashes the dataset version, the UTC date, the operation document, its name and its variables
 * (canonical JSON). The dataset version is the one the request reads anyway for the history cache (read once per
 * request, see request-version.ts) and every write that changes data bumps it, on whichever instance or process
 * wrote: after an import no instance can find an answer of the old version, with no TTL guesswork. Old entries
 * are unreachable from then on; they leave by LRU (memory) or their TTL (Redis).
 *
 * **Time of day.** No field's answer depends on the wall clock: staleness, "latest" and ages in days are all
 * measured against the latest stored close, not today. The one use of today's date is the cost estimate of a
 * `DateRange` with `from` and no `to` (schema/common.ts, `pointsInRange`), which admits or rejects an operation
 * (`COST_LIMIT`). So that a cached answer never outlives the day its admission was decided on, the UTC date is
 * part of the key and every entry's TTL ends at the next UTC midnight at the latest (`onTtl`).
 *
 * **Not cached:** requests presenting a write key (`x-cyclelens-key`: neither read nor stored), answers with
 * errors, mutations and introspection (`Query.__schema`, the plugin's default). A mutation also purges this
 * instance's in-memory store (the version bump already retires every entry, on every instance).
 *
 * A Redis failure never fails or delays a request: while the connection is down the store answers a miss at once
 * and logs it (at most once per 10 s).
 *
 * Remove the `...useResponseCaching(…)` line of server.ts (or set `CYCLELENS_RESPONSE_CACHE=off`) and every
 * request executes.
 */

import { createHash } from "node:crypto";
import type { Database } from "@cyclelens/db";
import { createRedisCache } from "@envelop/response-cache-redis";
import { type Cache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import stableStringify from "fast-json-stable-stringify";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { ResponseCacheConfig } from "./config.js";
import type { Logger } from "./logging.js";
import { recordResponseCache } from "./metrics.js";
import type { SharedRedis } from "./redis.js";
import { requestVersion } from "./request-version.js";

const DAY_MS = 86_400_000;

/** The UTC date of `nowMs` as days since 1970-01-01. */
export function utcDay(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS);
}

/** Milliseconds from `nowMs` to the next UTC midnight (at least 1). */
export function msUntilUtcMidnight(nowMs: number): number {
  return Math.max(1, (utcDay(nowMs) + 1) * DAY_MS - nowMs);
}

/**
 * The answer as stored: without the `ETag` and `Last-Modified` the yoga plugin adds to `extensions.http` (its
 * tag is the cache key; http-cache.ts sets the tags). Stored without `Last-Modified`, an entry is never
 * confirmed by the plugin's own `If-None-Match` check, which does not know the current dataset version.
 */
function storable<T extends { extensions?: Record<string, unknown> }>(result: T): T {
  const http = result.extensions?.http as { headers?: Record<string, string> } | undefined;
  if (!http?.headers) return result;
  const { ETag: _etag, "Last-Modified": _modified, ...headers } = http.headers;
  const { http: _http, ...extensions } = result.extensions!;
  const kept = Object.keys(headers).length > 0 ? { ...extensions, http: { ...http, headers } } : extensions;
  const { extensions: _old, ...rest } = result;
  return (Object.keys(kept).length > 0 ? { ...rest, extensions: kept } : rest) as T;
}

/**
 * An entry serialises once: yoga writes a result through its `stringify` when it has one, so a hit sends the
 * JSON text kept with the entry instead of serialising the whole answer again (the hottest function of a hit).
 */
function withText<T extends object>(result: T, text?: string): T {
  let json = text;
  return Object.assign(result, {
    stringify: () => {
      json ??= JSON.stringify(result);
      return json;
    },
  });
}

/** A response store: the plugin's `Cache` plus a purge of what this instance holds, and counters. */
export interface ResponseStore extends Cache {
  readonly kind: "memory" | "redis";
  /** Drops every entry this instance holds in memory (Redis entries retire through the version and TTL). */
  clear(): void;
  /** Entries held in this process's memory (0 for Redis). */
  size(): number;
  readonly stats: { hits: number; misses: number; stores: number; errors: number };
}

/** The in-memory store: LRU, bounded in entries and in bytes of response JSON, per-entry TTL. */
export function createMemoryStore(maxEntries: number, maxBytes: number): ResponseStore {
  const lru = new LRUCache<string, { result: unknown }>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (_value, key) => key.length + 64,
    allowStale: false,
  });
  const stats = { hits: 0, misses: 0, stores: 0, errors: 0 };
  return {
    kind: "memory",
    stats,
    get(key) {
      const hit = lru.get(key);
      if (hit) stats.hits++;
      else stats.misses++;
      recordResponseCache(hit ? "hit" : "miss");
      return hit?.result as never;
    },
    set(key, answer, _entities, ttl) {
      const result = storable(answer);
      const text = JSON.stringify(result);
      const size = key.length + Buffer.byteLength(text);
      if (size > maxBytes) return; // larger than the whole store: not kept
      stats.stores++;
      lru.set(key, { result: withText(result, text) }, { ttl: Number.isFinite(ttl) ? ttl : undefined, size });
    },
    // Entries of an old dataset version are unreachable anyway (the version is in the key); a purge by entity
    // would only repeat that, so it drops this instance's entries.
    invalidate() {
      lru.clear();
    },
    clear() {
      lru.clear();
    },
    size: () => lru.size,
  };
}

/**
 * The Redis store of `@envelop/response-cache-redis`, keys under `<prefix>response:`. The plugin's entity
 * index (a Redis set per type listing every response id, kept forever) is not written: the dataset version in
 * the key is the invalidation, and those sets would grow without bound.
 */
export function createRedisStore(shared: SharedRedis, logger: Logger): ResponseStore {
  const redis = shared.client;
  const inner = createRedisCache({ redis });
  const stats = { hits: 0, misses: 0, stores: 0, errors: 0 };
  let lastLog = 0;
  const failed = (what: string, error: unknown) => {
    stats.errors++;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      logger.warn(
        { err: (error as Error)?.message, errors: stats.errors },
        `response cache: Redis ${what} failed; answering without the cache`,
      );
    }
  };
  const prefixed = (key: string) => `response:${key}`;
  return {
    kind: "redis",
    stats,
    async get(key) {
      await shared.firstConnection;
      if (!shared.up()) {
        failed("read", new Error(`connection ${redis.status}`));
        return undefined;
      }
      try {
        // read as text (the store's own get parses it and the answer is serialised again): one parse, no stringify
        const text = await redis.get(prefixed(key));
        if (text) stats.hits++;
        else stats.misses++;
        recordResponseCache(text ? "hit" : "miss");
        return (text ? withText(JSON.parse(text) as object, text) : undefined) as never;
      } catch (error) {
        failed("read", error);
        return undefined;
      }
    },
    async set(key, result, _entities, ttl) {
      if (!shared.up()) return failed("write", new Error(`connection ${redis.status}`));
      try {
        await inner.set(prefixed(key), storable(result), [], ttl);
        stats.stores++;
      } catch (error) {
        failed("write", error);
      }
    },
    invalidate() {},
    clear() {},
    size: () => 0,
  };
}

export interface ResponseCachingOptions {
  db: Database;
  config: ResponseCacheConfig;
  store: ResponseStore;
  /** The clock (tests move it past midnight). */
  now?: () => number;
}

/** Requests that may use the cache: no write key presented. */
export function cacheable(request: Request): boolean {
  return !request.headers.has("x-cyclelens-key");
}

/** The response cache's plugins (see the file comment). */
export function useResponseCaching({ db, config, store, now = Date.now }: ResponseCachingOptions): Plugin[] {
  const ttlMs = config.ttlSeconds * 1000;
  return [
    useResponseCache({
      cache: store,
      session: () => null, // one public cache: answers do not depend on who asks (keyed requests bypass it)
      enabled: (request) => cacheable(request),
      ttl: ttlMs,
      // Every entry leaves by the next UTC midnight: the date is in the key (see the file comment).
      onTtl: ({ ttl }) => Math.min(ttl, msUntilUtcMidnight(now())),
      buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) => {
        const version = await requestVersion(db, request);
        return sha256(
          [
            `v${version}`,
            `d${utcDay(now())}`,
            documentString,
            operationName ?? "",
            stableStringify(variableValues ?? {}),
          ].join("|"),
        );
      },
      // No ETag/Last-Modified from the plugin: http-cache.ts answers conditional GETs against the current version.
      shouldCacheResult: ({ result }) => !result.errors?.length,
      includeExtensionMetadata: false,
    }) as Plugin,
    usePurgeOnMutation(store),
  ];
}

/** After a mutation (successful or not), this instance's in-memory store is emptied. */
function usePurgeOnMutation(store: ResponseStore): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      return {
        onExecuteDone() {
          store.clear();
        },
      };
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** True when yoga answered `result` from the response cache (the plugin marks such results). */
export function servedFromCache(result: unknown): boolean {
  return (
    typeof result === "object" &&
    result !== null &&
    (result as Record<symbol, unknown>)[Symbol.for("servedFromResponseCache")] === true
  );
}
