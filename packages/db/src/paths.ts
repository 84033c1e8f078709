import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/** The monorepo root: the nearest folder above this package holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
        cachedRoot = dir;
        return dir;
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  // Installed outside the workspace: src/ or dist/ sits two levels below the package root's parent.
  cachedRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  return cachedRoot;
}

export function migrationsDir(provider: "sqlite" | "postgresql"): string {
  return provider === "sqlite"
    ? path.join(repoRoot(), "prisma", "migrations")
    : path.join(repoRoot(), "prisma", "postgres", "migrations");
}
