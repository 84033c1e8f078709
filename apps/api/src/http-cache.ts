/**
 * HTTP caching of GET /graphql, so a browser or a CDN can keep answers:
 *
 * - A successful GET query without a write key gets an `ETag` and
 *   `Cache-Control: public, max-age=<CYCLELENS_HTTP_MAX_AGE, at most until the next UTC midnight>, must-revalidate`
 *   with `Vary: Accept, X-CycleLens-Key`. The default max-age is 0: a cache revalidates every time, and the
 *   revalidation is cheap (below), so an import is seen at once with no TTL guesswork.
 * - The `ETag` hashes the dataset version, the UTC date, the `Accept` header and the query string (document,
 *   variables, operation name): what the answer depends on (see response-cache.ts). A GET whose `If-None-Match`
 *   names the current tag is answered `304 Not Modified` with no body after ONE statement (the dataset version),
 *   before parsing or executing anything. After an import the version moves, the tag no longer matches and the
 *   full (new) answer is sent.
 * - Keyed requests, answers with errors and anything but a single result: `Cache-Control: no-store`, no tag.
 * - POST (queries and mutations): `Cache-Control: no-store`, never a shared-cache header.
 *
 * Why not the plugin's own `ETag`/304: it confirms a tag while the key is still *stored*, and with the dataset
 * version in the key an old version's entry stays stored until its TTL or eviction, so it would confirm a stale
 * answer after an import. This plugin compares with the *current* version instead.
 *
 * It also sets `X-CycleLens-Cache: HIT` or `MISS` on the answers the response cache could serve.
 *
 * Remove the `useHttpCaching(…)` line of server.ts and GET answers carry no caching headers.
 */
import { createHash } from "node:crypto";
import type { Database } from "@cyclelens/db";
import type { Plugin } from "graphql-yoga";
import { requestVersion } from "./request-version.js";
import { cacheable, msUntilUtcMidnight, servedFromCache, utcDay } from "./response-cache.js";

export interface HttpCachingOptions {
  db: Database;
  graphqlEndpoint: string;
  /** `CYCLELENS_HTTP_MAX_AGE`, seconds. */
  maxAgeSeconds: number;
  /** Whether the response cache is on (for the `X-CycleLens-Cache` header). */
  responseCache: boolean;
  now?: () => number;
}

interface Outcome {
  /** A single result without errors. */
  ok: boolean;
  hit: boolean;
}

/** `If-None-Match` names `etag` (weak comparison; `*` matches any). */
function matches(ifNoneMatch: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

export function useHttpCaching({
  db,
  graphqlEndpoint,
  maxAgeSeconds,
  responseCache,
  now = Date.now,
}: HttpCachingOptions): Plugin {
  const outcomes = new WeakMap<Request, Outcome>();
  const isGraphQL = (request: Request) =>
    new URL(request.url, "http://localhost").pathname === graphqlEndpoint;

  const etagOf = async (request: Request) => {
    const version = await requestVersion(db, request);
    const search = new URL(request.url, "http://localhost").search;
    const digest = createHash("sha256")
      .update(`${version}|${utcDay(now())}|${request.headers.get("accept") ?? ""}|${search}`)
      .digest("base64url")
      .slice(0, 27);
    return `"${digest}"`;
  };
  const cacheControl = () =>
    `public, max-age=${Math.min(maxAgeSeconds, Math.floor(msUntilUtcMidnight(now()) / 1000))}, must-revalidate`;
  const VARY = "Accept, X-CycleLens-Key";

  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "GET" || !cacheable(request)) return;
      const ifNoneMatch = request.headers.get("if-none-match");
      if (!ifNoneMatch || !isGraphQL(request)) return;
      const etag = await etagOf(request);
      if (!matches(ifNoneMatch, etag)) return;
      endResponse(
        new fetchAPI.Response(null, {
          status: 304,
          headers: { etag, "cache-control": cacheControl(), vary: VARY },
        }),
      );
    },
    onResultProcess({ request, result }) {
      const single =
        !Array.isArray(result) &&
        typeof result === "object" &&
        result !== null &&
        !(Symbol.asyncIterator in result);
      outcomes.set(request, {
        ok: single && !(result as { errors?: unknown[] }).errors?.length,
        hit: servedFromCache(result),
      });
    },
    async onResponse({ request, response }) {
      const outcome = outcomes.get(request);
      if (!outcome) return; // not a GraphQL result (health, the web app, GraphiQL, a 304 above)
      const h = response.headers;
      // the response-cache plugin's own tags (its cache key) are replaced by this plugin's
      h.delete("etag");
      h.delete("last-modified");
      if (responseCache && cacheable(request)) h.set("x-cyclelens-cache", outcome.hit ? "HIT" : "MISS");
      if (request.method !== "GET" || !cacheable(request) || !outcome.ok || response.status !== 200) {
        h.set("cache-control", "no-store");
        return;
      }
      h.set("etag", await etagOf(request));
      h.set("cache-control", cacheControl());
      h.set("vary", VARY);
    },
  };
}
