/**
 * `tryAdvisoryLock(db, name)`: a named lock across processes and hosts, taken without waiting — for jobs that
 * must run on one instance at a time (the API's scheduled refresh).
 *
 * - PostgreSQL: `pg_try_advisory_lock(<namespace>, hashtext(name))` on a dedicated connection, held until
 *   `release()` (or until that connection ends: a crashed holder frees the lock).
 * - SQLite (one file, one host): a lock file `<database file>.<name>.lock` created exclusively (`wx`) holding
 *   the owner's pid; a file whose pid is no longer alive is stale and taken over. An in-memory database locks
 *   within the process.
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import pg from "pg";
import { internalsOf } from "./database.js";
import type { Database } from "./types.js";

/** First key of the two-key advisory lock: CycleLens's namespace ("CLNS"), apart from the migrations' key. */
const NAMESPACE = 0x434c4e53;

export interface AdvisoryLock {
  release(): Promise<void>;
}

const memoryLocks = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryLockFile(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(file, "utf8").trim());
      } catch {}
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) return false;
      try {
        unlinkSync(file); // stale: its owner is gone
      } catch {}
    }
  }
  return false;
}

/** Takes the lock `name` if free and returns it, or `null` when another process (or this one) holds it. */
export async function tryAdvisoryLock(db: Database, name: string): Promise<AdvisoryLock | null> {
  const r = internalsOf(db).resolved;
  if (r.provider === "postgresql") {
    const client = new pg.Client({ connectionString: r.connectionString });
    client.on("error", () => {}); // a dropped connection frees the lock on the server; release() then no-ops
    await client.connect();
    try {
      const { rows } = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [
        NAMESPACE,
        name,
      ]);
      if (!rows[0]?.locked) {
        await client.end();
        return null;
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [NAMESPACE, name]).catch(() => {});
        await client.end().catch(() => {});
      },
    };
  }
  if (r.file === ":memory:") {
    if (memoryLocks.has(name)) return null;
    memoryLocks.add(name);
    return {
      async release() {
        memoryLocks.delete(name);
      },
    };
  }
  const file = `${r.file}.${name.replace(/[^A-Za-z0-9_-]/g, "_")}.lock`;
  if (!tryLockFile(file)) return null;
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        unlinkSync(file);
      } catch {}
    },
  };
}
