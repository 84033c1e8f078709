import { workspaceVitestConfig } from "../../vitest.shared.js";

export default workspaceVitestConfig(import.meta.url, {
  include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
