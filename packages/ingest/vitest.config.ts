import { defineConfig } from "vitest/config";

// Workspace packages are read from source through the "@cyclelens/source" export condition; vitest
// runs tests in Vite's SSR environment, whose resolver takes its conditions from `ssr.resolve`.
const conditions = ["@cyclelens/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
