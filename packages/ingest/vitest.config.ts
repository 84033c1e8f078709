import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@cyclelens/source"] },
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000 },
});
