/**
 * The vitest setup every package shares (each package's vitest.config.ts calls it):
 *
 * - Workspace packages resolve to their TypeScript sources through the `@cyclelens/source` export
 *   condition, so tests never pick up a stale `dist/`. Tests run in Vite's server (SSR) environment,
 *   whose resolver takes its conditions from `ssr.resolve`, not `resolve`.
 * - One graphql instance: graphql 16 ships a CommonJS `main` and an ESM `module` copy without an exports
 *   map. Node (and so yoga and Pothos) loads the CommonJS one, Vite's resolver would pick the ESM one for
 *   our sources, and the schema's types would then fail graphql's instanceof checks ("another realm").
 */
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import type { InlineConfig } from "vitest/node";

export function workspaceVitestConfig(packageUrl: string, test: InlineConfig) {
  const conditions = ["@cyclelens/source", "module", "node", "development|production"];
  let graphqlEntry: string | undefined;
  try {
    graphqlEntry = createRequire(packageUrl).resolve("graphql");
  } catch {
    // this package does not depend on graphql
  }
  return defineConfig({
    resolve: {
      conditions: ["@cyclelens/source"],
      alias: graphqlEntry ? [{ find: /^graphql$/, replacement: graphqlEntry }] : [],
    },
    ssr: { resolve: { conditions, externalConditions: ["@cyclelens/source"] } },
    test,
  });
}
