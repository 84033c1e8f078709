/**
 * A start-up check that the database file is sound: SQLite's `PRAGMA quick_check` (O(N) over the file, checks
 * pages, records and index order, not index contents; ~1 s per few hundred MB). A corrupt file used to pass
 * start-up and `/ready`. On PostgreSQL the server guarantees page integrity itself; the check is one `SELECT 1`.
 */
import { internalsOf } from "./database.js";
import type { Database } from "./types.js";

/** The problems `quick_check` reports; empty when the database is sound. */
export async function checkIntegrity(db: Database): Promise<string[]> {
  const { client, resolved } = internalsOf(db);
  if (resolved.provider !== "sqlite") {
    await client.$queryRawUnsafe("SELECT 1");
    return [];
  }
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>("PRAGMA quick_check");
  const lines = rows.map((r) => String(Object.values(r)[0]));
  return lines.length === 1 && lines[0] === "ok" ? [] : lines.slice(0, 20);
}
