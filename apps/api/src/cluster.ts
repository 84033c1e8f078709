/**
 * Several processes on one host (`CYCLELENS_WORKERS=N`, `auto` = one per core; 0 or 1 = one process, no
 * primary): node's `cluster`. The primary prepares the database once (integrity check, migrations, demo seed),
 * then forks N workers that share the port (the primary hands out connections round-robin); each worker is the
 * ordinary server.
 *
 * - A worker that dies is restarted after a backoff: 250 ms doubling per crash in a row up to 30 s; a worker
 *   that ran 30 s resets the count.
 * - SIGTERM/SIGINT to the primary is passed to every worker, which shuts down gracefully (readiness fails, the
 *   accepted requests are answered); the primary exits when the last worker has, or after the grace period.
 *   A worker whose primary is gone shuts down too (its IPC channel closes).
 * - Metrics (`CYCLELENS_METRICS_PORT`): the primary serves the sum over the workers (prom-client's
 *   `AggregatorRegistry`). The scheduled refresh, when configured, runs in the primary (refresh.ts).
 */
import cluster, { type Worker } from "node:cluster";
import type { Config } from "./config.js";
import type { Logger } from "./logging.js";

export const BACKOFF_MIN_MS = 250;
export const BACKOFF_MAX_MS = 30_000;
/** A worker alive this long counts as healthy: its next crash starts the backoff again. */
export const HEALTHY_MS = 30_000;

/** The delay before restarting a worker after `crashes` crashes in a row (1 = the first). */
export function restartDelay(crashes: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, crashes - 1));
}

export interface Primary {
  /** Workers alive now. */
  readonly workers: () => Worker[];
  /** SIGTERM to every worker, then wait for them (at most the grace period plus 5 s). */
  stop(): Promise<void>;
}

export function startPrimary(config: Config, logger: Logger): Primary {
  let stopping = false;
  const crashes = new Map<number, number>(); // slot → crashes in a row
  const started = new Map<Worker, { slot: number; at: number }>();

  const fork = (slot: number) => {
    const worker = cluster.fork({ CYCLELENS_WORKER_SLOT: String(slot) });
    started.set(worker, { slot, at: Date.now() });
  };

  cluster.on("exit", (worker, code, signal) => {
    const info = started.get(worker);
    started.delete(worker);
    if (!info || stopping) return;
    const lived = Date.now() - info.at;
    const count = lived >= HEALTHY_MS ? 1 : (crashes.get(info.slot) ?? 0) + 1;
    crashes.set(info.slot, count);
    const delay = restartDelay(count);
    logger.error(
      { worker: worker.process.pid, code, signal, restartInMs: delay, crashesInARow: count },
      `worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
    );
    setTimeout(() => {
      if (!stopping) fork(info.slot);
    }, delay).unref();
  });

  for (let slot = 1; slot <= config.workers; slot++) fork(slot);
  logger.info({ workers: config.workers }, `primary ${process.pid} started ${config.workers} workers`);

  return {
    workers: () => [...started.keys()],
    async stop() {
      stopping = true;
      const alive = [...started.keys()].filter((w) => !w.isDead());
      const exited = alive.map((w) => new Promise<void>((resolve) => w.once("exit", () => resolve())));
      for (const w of alive) w.process.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(exited),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, config.shutdownGraceMs + config.shutdownDelayMs + 5000);
        }),
      ]);
      clearTimeout(timer);
      for (const w of alive) if (!w.isDead()) w.process.kill("SIGKILL");
    },
  };
}
