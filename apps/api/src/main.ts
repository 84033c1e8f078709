/**
 * CycleLens API entry point: `node dist/main.js [--seed-demo-if-empty]`.
 *
 * With `CYCLELENS_WORKERS=N` (N > 1) this process becomes the cluster primary: it prepares the database once,
 * forks N workers running the server (cluster.ts), serves the summed metrics and runs the scheduled refresh.
 * Otherwise one process does everything.
 *
 * Reads the configuration (a bad variable stops here with one line and exit code 1), opens the
 * database, checks a SQLite file with `quick_check`, applies pending migrations, optionally seeds the demo
 * dataset into an empty database, serves, and shuts down without dropping accepted requests on SIGTERM/SIGINT.
 * Everything after the configuration is logged as JSON lines (pino, see logging.ts); a failed start prints one
 * plain line on stderr, with any password in a URL replaced by ***.
 */
import cluster from "node:cluster";
import { checkIntegrity, createDatabase, DatabaseConfigError, migrate, seedDemo } from "@cyclelens/db";
import { startPrimary } from "./cluster.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { createLogger, type Logger } from "./logging.js";
import { refreshItems, type Scheduler, scheduleRefresh } from "./refresh.js";
import { startServer } from "./server.js";

/** Replaces the password of every URL in `text` (postgres://user:secret@host → postgres://user:***@host). */
export function redactSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]*@/gi, "$1***@");
}

/**
 * One line saying why the database failed: Prisma's "Message: `…`" when it wraps a driver error, else the last
 * non-empty line of the message; for an AggregateError (every address refused), its first error's.
 */
function firstLine(error: unknown): string {
  const e = error as Error & { errors?: unknown[]; code?: string };
  const inner =
    !e?.message && Array.isArray(e?.errors) && e.errors.length
      ? (e.errors[0] as Error & { code?: string })
      : e;
  const text = inner?.message || inner?.code || String(inner);
  const prisma = /Message: `([^`]+)`/.exec(text);
  if (prisma) return prisma[1]!;
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines[lines.length - 1] ?? text;
}

function die(message: string): never {
  process.stderr.write(`cyclelens-api: ${redactSecrets(message)}\n`);
  process.exit(1);
}

/** Opens the database, checks a SQLite file, applies pending migrations and (with the flag) seeds the demo. */
async function prepareDatabase(config: Config, logger: Logger) {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  try {
    db = await createDatabase({ url: config.databaseUrl });
  } catch (error) {
    if (error instanceof DatabaseConfigError) die(error.message);
    die(`cannot open the database: ${firstLine(error)}`);
  }
  const where = config.databaseUrl ? db.url : "the embedded SQLite default";
  try {
    const problems = await checkIntegrity(db);
    if (problems.length > 0) {
      die(`the database at ${db.url} is corrupt (SQLite quick_check: ${problems.slice(0, 3).join("; ")})`);
    }
    const { applied } = await migrate(db);
    if (applied.length > 0)
      logger.info({ migrations: applied }, `applied ${applied.length} migration(s): ${applied.join(", ")}`);
  } catch (error) {
    die(`cannot open the database (${where}): ${firstLine(error)}`);
  }

  if (process.argv.includes("--seed-demo-if-empty")) {
    const started = performance.now();
    const seeded = await seedDemo(db, { ifEmpty: true });
    if (!seeded.skipped)
      logger.info(`seeded the demo dataset in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return db;
}

/** The cluster primary: prepares the database once, forks the workers, serves their metrics, runs the refresh. */
async function primary(config: Config, logger: Logger, items: string[]): Promise<void> {
  const db = await prepareDatabase(config, logger);
  let metrics: Awaited<ReturnType<typeof import("./metrics.js").startMetricsServer>> | undefined;
  if (config.metricsPort !== undefined) {
    const [{ startMetricsServer }, { AggregatorRegistry }] = await Promise.all([
      import("./metrics.js"),
      import("prom-client"),
    ]);
    try {
      metrics = await startMetricsServer({
        host: config.metricsHost,
        port: config.metricsPort,
        token: config.metricsToken,
        source: new AggregatorRegistry(),
      });
    } catch (error) {
      await db.close();
      die(`CYCLELENS_METRICS_PORT ${config.metricsPort}: ${(error as Error).message}`);
    }
    logger.info({ metrics: metrics.url }, `metrics of all workers on ${metrics.url}`);
  }
  const workers = startPrimary(config, logger);
  const scheduler = config.refreshCron
    ? scheduleRefresh(config.refreshCron, config.refreshTimezone, { db, items, logger })
    : undefined;
  if (!scheduler) await db.close(); // the primary keeps a connection only for the refresh

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, stopping the workers`);
    await scheduler?.stop();
    await workers.stop();
    await metrics?.close();
    if (scheduler) await db.close();
    logger.info("stopped");
    logger.flush();
    setTimeout(() => process.exit(0), 50).unref();
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let items: string[] = [];
  try {
    config = loadConfig();
    if (config.refreshCron) items = refreshItems(config.refreshPresets);
  } catch (error) {
    if (error instanceof ConfigError) die(`invalid configuration: ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const clustered = config.workers > 1;
  if (clustered && cluster.isPrimary) return primary(config, logger, items);

  const db = await prepareDatabase(config, logger);

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ db, config, logger });
  } catch (error) {
    await db.close();
    if (error instanceof ConfigError) die(`invalid configuration: ${error.message}`);
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") die(`PORT ${config.port} is already in use on ${config.host}`);
    if (e.code === "EACCES") die(`PORT ${config.port} needs privileges on ${config.host}`);
    if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND")
      die(`HOST ${config.host} is not an address of this machine`);
    throw error;
  }
  logger.info(
    { url: running.url, provider: db.provider, database: db.url, graphiql: config.graphiql },
    `GraphQL API on ${running.url}${config.graphiql ? " (GraphiQL in the browser)" : ""} using ${db.provider} at ${db.url}`,
  );
  logger.info(`web app on ${running.url.replace(/graphql$/, "")}`);
  if (running.metricsUrl) logger.info({ metrics: running.metricsUrl }, `metrics on ${running.metricsUrl}`);
  // the scheduled refresh runs in the primary when there are workers
  let scheduler: Scheduler | undefined;
  if (!clustered && config.refreshCron)
    scheduler = scheduleRefresh(config.refreshCron, config.refreshTimezone, { db, items, logger });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, finishing in-flight requests`);
    await scheduler?.stop();
    await running.close();
    await db.close();
    logger.info("stopped");
    logger.flush();
    setTimeout(() => process.exit(0), 50).unref();
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // a worker whose primary is gone stops too
  if (cluster.isWorker) process.on("disconnect", () => void shutdown("disconnect"));
}

main().catch((error) => {
  die(`unexpected error at start: ${(error as Error).message}`);
});
