// Prisma CLI configuration for the PostgreSQL twin (prisma/postgres/schema.prisma, generated from
// prisma/schema.prisma by scripts/generate.mjs). See prisma.config.ts for why the JS engine and the env var.
// Note: `migrate deploy` on PostgreSQL fails with this adapter (prisma/prisma#27403); use `pnpm db:migrate`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
process.env.CYCLELENS_PRISMA_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/cyclelens";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "postgres", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.CYCLELENS_PRISMA_POSTGRES_URL! }),
});
