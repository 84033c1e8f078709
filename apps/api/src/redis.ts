/**
 * The Redis connection shared by the response cache and the rate limit (`REDIS_URL`), one per application, with
 * every key under `CYCLELENS_REDIS_PREFIX` (so several deployments, or tests, can share one Redis). A request
 * never waits long on a lost Redis: a command fails after one reconnection attempt and its user degrades (the
 * cache answers a miss, the limit counts in memory); the client's errors are logged, at most once per 10 s.
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
  const plugin: Plugin = {
    async onDispose() {
      await client.quit().catch(() => client.disconnect());
    },
  };
  return { client, plugin };
}
