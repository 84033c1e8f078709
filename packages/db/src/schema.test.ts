import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs helper without types
import { postgresTwin } from "../scripts/schema-twin.mjs";
import { repoRoot } from "./paths.js";

const root = repoRoot();
const read = (...p: string[]) => readFileSync(path.join(root, ...p), "utf8");
/** The schema without comments and blank lines: what a migration depends on. */
const models = (s: string) =>
  s
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n");

describe("schema files", () => {
  it("prisma/postgres/schema.prisma is the generated twin of prisma/schema.prisma", () => {
    expect(read("prisma", "postgres", "schema.prisma"), "run `pnpm --filter @cyclelens/db generate`").toBe(
      (postgresTwin as (s: string) => string)(read("prisma", "schema.prisma")),
    );
  });

  it("every schema change has a migration (schema.prisma = snapshot of the latest migration)", () => {
    expect(
      models(read("prisma", "migrations", "schema.snapshot.prisma")),
      "prisma/schema.prisma changed without a migration: run `node packages/db/scripts/new-migration.mjs <name>`",
    ).toBe(models(read("prisma", "schema.prisma")));
  });

  it("both providers have the same migrations and the right lock files", () => {
    const list = (...p: string[]) =>
      readdirSync(path.join(root, ...p), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(path.join(root, ...p, e.name, "migration.sql")))
        .map((e) => e.name)
        .sort();
    const lite = list("prisma", "migrations");
    expect(lite.length).toBeGreaterThan(0);
    expect(list("prisma", "postgres", "migrations")).toEqual(lite);
    expect(read("prisma", "migrations", "migration_lock.toml")).toContain('provider = "sqlite"');
    expect(read("prisma", "postgres", "migrations", "migration_lock.toml")).toContain(
      'provider = "postgresql"',
    );
  });
});
