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
