/**
 * CycleLens API entry point: `node dist/main.js [--seed-demo-if-empty]`.
 *
 * Reads the configuration (a bad variable stops here with one line and exit code 1), opens the
 * database, applies pending migrations, optionally seeds the demo dataset into an empty database,
 * serves, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { createDatabase, DatabaseConfigError, migrate, seedDemo } from "@cyclelens/db";
import { ConfigError, loadConfig } from "./config.js";
import { startServer } from "./server.js";

function die(message: string): never {
  process.stderr.write(`cyclelens-api: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) die(`invalid configuration: ${error.message}`);
    throw error;
  }
  const log = (message: string) => {
    if (config.logLevel !== "silent" && config.logLevel !== "error" && config.logLevel !== "warn") {
      process.stdout.write(`cyclelens-api: ${message}\n`);
    }
  };

  let db: Awaited<ReturnType<typeof createDatabase>>;
  try {
    db = await createDatabase({ url: config.databaseUrl });
    const { applied } = await migrate(db);
    if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.join(", ")}`);
  } catch (error) {
    if (error instanceof DatabaseConfigError) die(error.message);
    die(
      `cannot open the database (${config.databaseUrl ?? "the embedded SQLite default"}): ${(error as Error).message.split("\n")[0]}`,
    );
  }

  if (process.argv.includes("--seed-demo-if-empty")) {
    const started = performance.now();
    const seeded = await seedDemo(db, { ifEmpty: true });
    if (!seeded.skipped)
      log(`seeded the demo dataset in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ db, config });
  } catch (error) {
    await db.close();
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") die(`PORT ${config.port} is already in use on ${config.host}`);
    if (e.code === "EACCES") die(`PORT ${config.port} needs privileges on ${config.host}`);
    if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND")
      die(`HOST ${config.host} is not an address of this machine`);
    throw error;
  }
  log(`GraphQL API on ${running.url} (GraphiQL in the browser) using ${db.provider} at ${db.url}`);
  log(`web app on ${running.url.replace(/graphql$/, "")}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, finishing in-flight requests`);
    await running.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  die(`unexpected error at start: ${(error as Error).message}`);
});
