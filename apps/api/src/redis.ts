/**
 * The Redis connection shared by the response cache and the rate limit (`REDIS_URL`), one per application, with
 * every key under `CYCLELENS_REDIS_PREFIX` (so several deployments, or tests, can share one Redis). A request
 * never waits on a lost Redis: while the connection is down its users skip it at once and degrade (the cache
 * answers a miss, the limit counts in memory); the client's errors are logged, at most once per 10 s.
 * Closed when the application is disposed.
 */
import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Logger } from "./logging.js";

export function createSharedRedis(url: string, prefix: string, logger: Logger) {
  const client = new Redis(url, {
    keyPrefix: prefix,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
  });
  let lastLog = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    logger.warn({ err: error.message }, "Redis (REDIS_URL) error; the response cache and rate limit degrade");
  });
  // The first connection is waited for (at most the connect timeout), so the first requests of a new instance
  // count and cache in Redis too; after that, a command is only sent while the connection is up.
  const firstConnection = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    timer.unref();
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const plugin: Plugin = {
    async onDispose() {
      await client.quit().catch(() => client.disconnect());
    },
  };
  return {
    client,
    plugin,
    /** Resolves once the client is usable, or is not coming up soon: then `up()` says which. */
    firstConnection,
    up: () => client.status === "ready",
  };
}

export type SharedRedis = ReturnType<typeof createSharedRedis>;
