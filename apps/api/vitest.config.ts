import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Workspace packages are read from source through the "@cyclelens/source" export condition; vitest
// runs tests in Vite's SSR environment, whose resolver takes its conditions from `ssr.resolve`.
const conditions = ["@cyclelens/source"];
// graphql 16 ships CJS (`main`) and ESM (`module`) copies without an exports map: Node (and so yoga and
// Pothos) loads the CJS one, Vite's resolver the ESM one — two realms. Pin our sources to Node's choice.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { conditions, alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
});
