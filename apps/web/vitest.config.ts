import { workspaceVitestConfig } from "../../vitest.shared.js";

export default workspaceVitestConfig(import.meta.url, {
  include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  testTimeout: 120_000,
  hookTimeout: 300_000,
});
