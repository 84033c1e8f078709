import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalsOf } from "./database.js";
import {
  createDatabase,
  createTestDatabase,
  type TestDatabase,
  testBackends,
  tryAdvisoryLock,
} from "./index.js";

for (const backend of testBackends()) {
  describe(`tryAdvisoryLock (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend);
    });
    afterAll(async () => t?.cleanup());

    it("one holder at a time, across connections; free again after release", async () => {
      // a second Database on the same URL stands for another process
      const other = await createDatabase({ url: internalsOf(t.db).resolved.url });
      try {
        const first = await tryAdvisoryLock(t.db, "refresh");
        expect(first).not.toBeNull();
        expect(await tryAdvisoryLock(other, "refresh")).toBeNull();
        expect(await tryAdvisoryLock(t.db, "refresh")).toBeNull();
        const unrelated = await tryAdvisoryLock(other, "another-job");
        expect(unrelated).not.toBeNull();
        await first!.release();
        await first!.release(); // idempotent
        const again = await tryAdvisoryLock(other, "refresh");
        expect(again).not.toBeNull();
        await again!.release();
        await unrelated!.release();
      } finally {
        await other.close();
      }
    });

    it.runIf(backend === "postgresql")(
      "a holder that dies frees the lock (PostgreSQL: its session ends)",
      async () => {
        const url = internalsOf(t.db).resolved;
        if (url.provider !== "postgresql") return;
        const script = `const pg=require("pg");(async()=>{const c=new pg.Client({connectionString:${JSON.stringify(url.connectionString)}});await c.connect();const r=await c.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS l",[0x434c4e53,"crashy"]);console.log(r.rows[0].l);process.exit(0)})()`;
        const out = spawnSync(process.execPath, ["-e", script], {
          encoding: "utf8",
          cwd: import.meta.dirname,
        });
        expect(out.stdout.trim()).toBe("true");
        const lock = await tryAdvisoryLock(t.db, "crashy");
        expect(lock).not.toBeNull();
        await lock!.release();
      },
    );

    it.runIf(backend === "sqlite")(
      "SQLite: a lock file of a dead process is stale and taken over",
      async () => {
        const r = internalsOf(t.db).resolved;
        if (r.provider !== "sqlite") return;
        const file = `${r.file}.stale-job.lock`;
        writeFileSync(file, "999999999"); // no such pid
        const lock = await tryAdvisoryLock(t.db, "stale-job");
        expect(lock).not.toBeNull();
        expect(existsSync(file)).toBe(true);
        await lock!.release();
        expect(existsSync(file)).toBe(false);
      },
    );
  });
}
