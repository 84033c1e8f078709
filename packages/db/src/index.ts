export { CHANGE_CHANNEL, CHANGE_LOG_KEEP } from "./changes.js";
export { DEFAULT_DATABASE_URL, resolveDatabaseUrl } from "./config.js";
export { createDatabase } from "./database.js";
export { epochDayToISO, isISODate, isoToEpochDay } from "./dates.js";
export * from "./demo/index.js";
export { DatabaseBusyError, DatabaseConfigError, InvalidRowError, MigrationError } from "./errors.js";
// Added for packages/ingest (see ingest-support.ts): demo-row deletes inside a transaction.
export { type DemoPurge, transactionWithDemoPurge } from "./ingest-support.js";
export { checkIntegrity } from "./integrity.js";
export { type AdvisoryLock, tryAdvisoryLock } from "./locks.js";
export { migrate } from "./migrate.js";
export { repoRoot } from "./paths.js";
export { FOMC_DECISIONS, FOMC_RECORD, type PolicyDecision, policyTargetOn } from "./reference/fomc.js";
export { emptyBars, READ_PAGE } from "./repositories.js";
export {
  type CreateTestDatabaseOptions,
  createTestDatabase,
  postgresRequired,
  type TestBackend,
  type TestDatabase,
  testBackends,
} from "./testing.js";
export type * from "./types.js";
export { DEFAULT_POLL_MS } from "./watch.js";
