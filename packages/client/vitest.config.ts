import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (`@cyclelens/source`); tests run in Vite's server
// environment, whose conditions are configured apart from `resolve.conditions`.
const conditions = ["@cyclelens/source", "module", "node", "development|production"];
// One graphql instance: the API's sources must get the CommonJS entry that Node gives Pothos and yoga, not
// Vite's pick of graphql's `module` field (index.mjs), or the schema's types fail graphql's instanceof checks.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { conditions: ["@cyclelens/source"], alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  ssr: { resolve: { conditions } },
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 120_000 },
});
