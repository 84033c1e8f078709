/** DATABASE_URL (or the `url` option) is malformed or names an unsupported database. */
export class DatabaseConfigError extends Error {
  override readonly name = "DatabaseConfigError";
}

/** A row given to a bulk write is malformed (bad date, missing required value). Nothing was written. */
export class InvalidRowError extends Error {
  override readonly name = "InvalidRowError";
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** A migration failed, or an applied migration's file changed (checksum mismatch). */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

/**
 * SQLite's write lock stayed with another writer (an import in another process, say) for longer than the
 * database's `lockTimeoutMs`. Retrying later is safe: nothing was written.
 */
export class DatabaseBusyError extends Error {
  override readonly name = "DatabaseBusyError";
  constructor(readonly waitedMs: number) {
    super(
      `the database is locked by another writer (an import?) and stayed locked for ${Math.round(waitedMs / 1000)} s; nothing was written, try again later`,
    );
  }
}
