#!/usr/bin/env node
// Generates the PostgreSQL twin of prisma/schema.prisma and both Prisma clients (offline, JS engine).
//   node scripts/generate.mjs            twin + `prisma generate` for both schemas
//   node scripts/generate.mjs --twin     only the twin
//   node scripts/generate.mjs --check    exit 1 when prisma/postgres/schema.prisma is stale (drift)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresTwin } from "./schema-twin.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
const root = path.resolve(pkg, "../..");
const sqliteSchema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgres", "schema.prisma");

const twin = postgresTwin(readFileSync(sqliteSchema, "utf8"));
const current = existsSync(pgSchema) ? readFileSync(pgSchema, "utf8") : "";
const args = process.argv.slice(2);
if (args.includes("--check")) {
  if (current !== twin) {
    console.error(
      "prisma/postgres/schema.prisma is out of date: run `pnpm --filter @cyclelens/db generate`.",
    );
    process.exit(1);
  }
  process.exit(0);
}
if (current !== twin) {
  mkdirSync(path.dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, twin);
  console.log("wrote prisma/postgres/schema.prisma");
}
if (args.includes("--twin")) process.exit(0);

const env = {
  ...process.env,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
};
for (const config of ["prisma.config.ts", "prisma.postgres.config.ts"]) {
  execFileSync("pnpm", ["exec", "prisma", "generate", "--no-hints", "--config", config], {
    cwd: pkg,
    env,
    stdio: "inherit",
  });
}
