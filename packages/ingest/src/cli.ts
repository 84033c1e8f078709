#!/usr/bin/env node
/**
 * `pnpm ingest …` — see `pnpm ingest --help` and README.md.
 */
import { createDatabase, migrate } from "@cyclelens/db";
import { runCli } from "./run.js";
import { DbStore } from "./store/db-store.js";

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  async openStore(url) {
    const db = await createDatabase({ url, changeSource: "ingest" });
    try {
      await migrate(db, { log: (m) => process.stderr.write(`migrate: ${m}\n`) });
    } catch (error) {
      await db.close();
      throw error;
    }
    return new DbStore(db);
  },
});
process.exitCode = code;
