import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@cyclelens/source"] },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
