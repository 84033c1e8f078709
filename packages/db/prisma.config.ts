// Prisma CLI configuration for the SQLite schema (prisma/schema.prisma at the repo root).
// Prisma 6.19 with the JS engine: the schema engine runs as WASM and talks to the database through the
// driver adapter, so no native engine is ever downloaded. The datasource keeps `url = env(...)` (without it the
// CLI falls back to the native query engine), so the variable is always set here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
process.env.CYCLELENS_PRISMA_SQLITE_URL ??= `file:${path.join(root, "data", "cyclelens.db")}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.CYCLELENS_PRISMA_SQLITE_URL! }),
});
