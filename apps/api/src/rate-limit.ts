/**
 * The per-client rate limit (`CYCLELENS_RATE_LIMIT` requests per `CYCLELENS_RATE_LIMIT_WINDOW_S` seconds; off
 * by default), with `rate-limiter-flexible`: counters in Redis when `REDIS_URL` is set, so the limit holds across
 * every instance sharing it (`RateLimiterRedis`, one atomic command per request), in this process's memory
 * otherwise (`RateLimiterMemory`).
 *
 * - **Who is a client:** the write key when the request presents the valid one (`x-cyclelens-key`; a wrong key
 *   does not make a new client, so rotating made-up keys does not escape the limit), else the remote address.
 *   Behind a proxy, set `CYCLELENS_TRUSTED_PROXIES` to the proxies' addresses: when the socket's peer is one of
 *   them, the client is the right-most address of `X-Forwarded-For` that is not a trusted proxy. Without it,
 *   `X-Forwarded-For` is ignored (a client could write anything there).
 * - **Over the limit:** HTTP 429 with `Retry-After` (seconds) and a GraphQL error with `extensions.code`
 *   `RATE_LIMITED` and `extensions.retryAfterSeconds`.
 * - **Not limited:** anything but the GraphQL endpoint (`/health`, `/ready`, `/schema.graphql`, the web app and
 *   its assets).
 * - **Redis unreachable:** each instance counts in memory meanwhile (the library's `insuranceLimiter`), and the
 *   Redis client's errors are logged (server.ts).
 *
 * Remove the `useRateLimit(…)` line of server.ts, or leave `CYCLELENS_RATE_LIMIT` unset, and nothing is limited.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitConfig } from "./config.js";
import type { SharedRedis } from "./redis.js";

export interface RateLimitOptions {
  config: RateLimitConfig;
  graphqlEndpoint: string;
  /** `CYCLELENS_WRITE_KEY`: a request presenting it is counted under the key, not its address. */
  writeKey: string | undefined;
  /** Shared counters (keys under `<prefix>ratelimit:`); memory when absent. */
  redis?: SharedRedis;
}

const unmapped = (ip: string) => (ip.startsWith("::ffff:") ? ip.slice(7) : ip);

/** The client's address: the socket's peer, or through trusted proxies the right-most untrusted forwarded one. */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustedProxies: readonly string[],
): string {
  const remote = unmapped(peer ?? "unknown");
  if (trustedProxies.length === 0 || !trustedProxies.includes(remote) || !forwardedFor) return remote;
  const hops = forwardedFor
    .split(",")
    .map((s) => unmapped(s.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return hops[0] ?? remote;
}

export function useRateLimit({ config, graphqlEndpoint, writeKey, redis }: RateLimitOptions): Plugin {
  const base = { points: config.points, duration: config.windowSeconds, keyPrefix: "ratelimit" };
  const limiter = redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: redis.client,
        // while the connection is down, count in memory at once instead of waiting for a reconnection
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(base),
      })
    : new RateLimiterMemory(base);
  const digest = (s: string) => createHash("sha256").update(s).digest();
  const expected = writeKey ? digest(writeKey) : undefined;

  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (new URL(request.url, "http://localhost").pathname !== graphqlEndpoint) return;
      const presented = request.headers.get("x-cyclelens-key");
      let client: string;
      if (expected && presented && timingSafeEqual(digest(presented), expected)) client = "writer";
      else {
        const peer = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
        client = `ip:${clientAddress(peer, request.headers.get("x-forwarded-for"), config.trustedProxies)}`;
      }
      await redis?.firstConnection;
      try {
        await limiter.consume(client);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Too many requests: at most ${config.points} per ${config.windowSeconds} s per client; retry in ${seconds} s.`,
                  extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds },
                },
              ],
            }),
            {
              status: 429,
              headers: {
                "content-type": "application/json; charset=utf-8",
                "retry-after": String(seconds),
                "cache-control": "no-store",
              },
            },
          ),
        );
      }
    },
  };
}
