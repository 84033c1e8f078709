import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalsOf } from "./database.js";
import { MigrationError } from "./errors.js";
import { checksumOf, migrate, readMigrations } from "./migrate.js";
import { migrationsDir } from "./paths.js";
import { createTestDatabase, type TestDatabase, testBackends } from "./testing.js";

for (const backend of testBackends()) {
  describe(`migrator (${backend})`, () => {
    let t: TestDatabase;
    let dir: string;
    beforeAll(async () => {
      t = await createTestDatabase(backend, { migrate: false });
      dir = mkdtempSync(path.join(tmpdir(), "cyclelens-migrations-"));
      cpSync(migrationsDir(backend), dir, { recursive: true });
    });
    afterAll(async () => {
      await t?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it("records applied migrations like Prisma Migrate (name + sha256 checksum)", async () => {
      const r = await migrate(t.db, { dir });
      expect(r.alreadyApplied).toBe(0);
      const rows = await internalsOf(t.db).client.$queryRawUnsafe<
        { migration_name: string; checksum: string; applied_steps_count: unknown }[]
      >(
        'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      const files = readMigrations(dir);
      expect(rows.map((x) => [x.migration_name, x.checksum, Number(x.applied_steps_count)])).toEqual(
        files.map((f) => [
          f.name,
          checksumOf(readFileSync(path.join(dir, f.name, "migration.sql"), "utf8")),
          1,
        ]),
      );
    });

    it("rolls a failing migration back and applies it once fixed", async () => {
      const bad = path.join(dir, "99990101000000_bad");
      mkdirSync(bad);
      writeFileSync(
        path.join(bad, "migration.sql"),
        'CREATE TABLE "half_done" ("x" INTEGER);\nINSERT INTO "no_such_table" VALUES (1);\n',
      );
      await expect(migrate(t.db, { dir })).rejects.toBeInstanceOf(MigrationError);
      await expect(
        internalsOf(t.db).client.$queryRawUnsafe('SELECT count(*) FROM "half_done"'),
      ).rejects.toThrow();
      writeFileSync(path.join(bad, "migration.sql"), 'CREATE TABLE "half_done" ("x" INTEGER);\n');
      const r = await migrate(t.db, { dir });
      expect(r.applied).toEqual(["99990101000000_bad"]);
      expect(
        await internalsOf(t.db).client.$queryRawUnsafe('SELECT count(*) AS n FROM "half_done"'),
      ).toHaveLength(1);
    });

    it("refuses an applied migration whose file changed", async () => {
      appendFileSync(path.join(dir, "99990101000000_bad", "migration.sql"), "-- edited after the fact\n");
      await expect(migrate(t.db, { dir })).rejects.toThrow(/modified after it was applied/);
    });
  });
}
