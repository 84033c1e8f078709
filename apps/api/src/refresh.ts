/**
 * Scheduled refresh (built in, off by default): `CYCLELENS_REFRESH_CRON="0 22 * * 1-5"` (croner; time zone
 * `CYCLELENS_REFRESH_TZ`, default UTC) runs the ingest of `CYCLELENS_REFRESH_PRESETS` (presets such as `core`,
 * `macro`, or single items such as `DGS10`; default `core`) through `@cyclelens/ingest`'s public entry
 * (`runCli`, the same path as `pnpm ingest`): incremental fetches from each provider, validated, written
 * atomically, each item's result recorded in the ingest-run log (`db.ingestRuns`), and the dataset version
 * bumped by the writes (which is what the history cache, the response cache and the live subscription follow).
 *
 * One instance at a time: the run takes `tryAdvisoryLock(db, "cyclelens-refresh")` (`@cyclelens/db`): a
 * PostgreSQL advisory lock across every host, or on SQLite a lock file beside the database file (one host). An
 * instance that finds the lock held skips its tick; so does one that finds this tick already done in the
 * ingest-run log (its first item's run started at most min(60 s, half the cron's interval) before this tick),
 * so instances whose clocks differ by up to that much do not refresh twice. With workers (`CYCLELENS_WORKERS`) only the primary schedules.
 */
import type { Database } from "@cyclelens/db";
import { tryAdvisoryLock } from "@cyclelens/db";
import { DbStore, type FetchLike, PRESETS, runCli } from "@cyclelens/ingest";
import { Cron } from "croner";
import { ConfigError } from "./config.js";
import type { Logger } from "./logging.js";

export const REFRESH_LOCK = "cyclelens-refresh";

/** The items (symbols, series codes) of presets and single items, in order, once each. */
export function refreshItems(names: readonly string[]): string[] {
  const items: string[] = [];
  for (const name of names) {
    const preset = PRESETS[name.toLowerCase()];
    if (preset) items.push(...preset);
    else if (/^[\^A-Za-z0-9.=_-]{1,20}$/.test(name)) items.push(name.toUpperCase());
    else
      throw new ConfigError(
        "CYCLELENS_REFRESH_PRESETS",
        `names ${JSON.stringify(name)}, which is neither a preset (${Object.keys(PRESETS).join(", ")}) nor a symbol or series code`,
      );
  }
  return [...new Set(items)];
}

export interface RefreshOptions {
  db: Database;
  items: string[];
  logger: Logger;
  /** Skip when the ingest-run log has a run of the first item started since then (this tick, on another instance). */
  since?: Date;
  /** Provider access (tests: recorded responses); default: the network. */
  fetch?: FetchLike;
  /** The day ingest treats as today (tests). */
  today?: string;
  env?: Record<string, string | undefined>;
}

export type RefreshResult =
  | { ran: true; exitCode: number; summary: string }
  | { ran: false; reason: "locked" | "done" };

/** One refresh now, if this instance gets the lock. */
export async function runRefresh(options: RefreshOptions): Promise<RefreshResult> {
  const { db, logger, items } = options;
  const lock = await tryAdvisoryLock(db, REFRESH_LOCK);
  if (!lock) {
    logger.info({ refresh: "skipped" }, "scheduled refresh skipped: another instance is running it");
    return { ran: false, reason: "locked" };
  }
  try {
    if (options.since) {
      const [last] = await db.ingestRuns.list({ target: items[0], limit: 1 });
      if (last && last.startedAt >= options.since) {
        logger.info(
          { refresh: "skipped", lastRun: last.startedAt.toISOString() },
          "scheduled refresh skipped: another instance already ran this tick",
        );
        return { ran: false, reason: "done" };
      }
    }
    let out = "";
    let err = "";
    const started = performance.now();
    const exitCode = await runCli(items, {
      openStore: async () => new DbStore(db, false),
      stdout: {
        write: (s: string) => {
          out += s;
        },
      },
      stderr: {
        write: (s: string) => {
          err += s;
        },
      },
      env: options.env ?? process.env,
      tty: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
    const summary = out.trim();
    const fields = {
      refresh: exitCode === 0 ? "ok" : "failed",
      items: items.length,
      ms: Math.round(performance.now() - started),
    };
    if (exitCode === 0) logger.info(fields, `scheduled refresh done\n${summary}`);
    else
      logger.error(
        { ...fields, stderr: err.trim().split("\n").slice(-20) },
        `scheduled refresh failed\n${summary}`,
      );
    return { ran: true, exitCode, summary };
  } finally {
    await lock.release();
  }
}

export interface Scheduler {
  /** The next scheduled time. */
  next(): Date | null;
  stop(): Promise<void>;
}

/** Runs {@link runRefresh} on `cron`; a tick that finds the previous run still going is skipped. */
export function scheduleRefresh(
  cron: string,
  timezone: string,
  options: Omit<RefreshOptions, "since">,
): Scheduler {
  let running: Promise<unknown> | undefined;
  const job = new Cron(cron, { timezone, protect: true }, async (self: Cron) => {
    const tick = self.currentRun() ?? new Date();
    const next = self.nextRun();
    const tolerance = Math.min(60_000, next ? (next.getTime() - tick.getTime()) / 2 : 60_000);
    running = runRefresh({ ...options, since: new Date(tick.getTime() - tolerance) }).catch(
      (error: unknown) =>
        options.logger.error(
          { refresh: "failed", err: error },
          `scheduled refresh failed: ${(error as Error).message}`,
        ),
    );
    await running;
  });
  options.logger.info(
    { refresh: cron, timezone, next: job.nextRun()?.toISOString() },
    `scheduled refresh "${cron}" (${timezone}) of ${options.items.length} items`,
  );
  return {
    next: () => job.nextRun(),
    async stop() {
      job.stop();
      await running;
    },
  };
}
