#!/usr/bin/env node
// Authors a new migration for BOTH providers, offline, from the schema change since the last migration:
//   node scripts/new-migration.mjs add_something
// 1. regenerates prisma/postgres/schema.prisma from prisma/schema.prisma;
// 2. `prisma migrate diff --from-schema-datamodel <snapshot> --to-schema-datamodel <schema> --script` for SQLite
//    and PostgreSQL into prisma/migrations/<timestamp>_<name>/ and prisma/postgres/migrations/<timestamp>_<name>/;
// 3. updates prisma/migrations/schema.snapshot.prisma (the schema as of the latest migration).
// The PostgreSQL diff needs no schema in the database, but the JS engine opens a connection: it uses
// CYCLELENS_PRISMA_POSTGRES_URL, else TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresTwin } from "./schema-twin.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(pkg, "../..");
const schema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgres", "schema.prisma");
const snapshot = path.join(root, "prisma", "migrations", "schema.snapshot.prisma");
const current = readFileSync(schema, "utf8");
writeFileSync(pgSchema, postgresTwin(current));

const tmp = mkdtempSync(path.join(tmpdir(), "cyclelens-migration-"));
const oldLite = path.join(tmp, "old.sqlite.prisma");
const oldPg = path.join(tmp, "old.postgres.prisma");
const previous = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
if (previous !== null) {
  writeFileSync(oldLite, previous);
  writeFileSync(oldPg, postgresTwin(previous));
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const env = {
  ...process.env,
  CYCLELENS_PRISMA_SQLITE_URL: `file:${path.join(tmp, "scratch.db")}`,
  CYCLELENS_PRISMA_POSTGRES_URL:
    process.env.CYCLELENS_PRISMA_POSTGRES_URL ??
    process.env.TEST_POSTGRES_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const targets = [
  [
    "prisma.config.ts",
    previous !== null ? oldLite : null,
    schema,
    path.join(root, "prisma", "migrations", folder),
  ],
  [
    "prisma.postgres.config.ts",
    previous !== null ? oldPg : null,
    pgSchema,
    path.join(root, "prisma", "postgres", "migrations", folder),
  ],
];
try {
  for (const [config, from, to, dir] of targets) {
    const out = execFileSync(
      "pnpm",
      [
        "exec",
        "prisma",
        "migrate",
        "diff",
        "--config",
        config,
        ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
        "--to-schema-datamodel",
        to,
        "--script",
      ],
      { cwd: pkg, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (!/\b(CREATE|ALTER|DROP)\b/i.test(out)) {
      console.error(`no schema change for ${config}: nothing to migrate`);
      process.exit(1);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), out);
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
  const header = previous?.match(/^(\/\/.*\n)+/)?.[0] ?? "";
  writeFileSync(snapshot, header + current);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
