import { workspaceVitestConfig } from "../../vitest.shared.js";

export default workspaceVitestConfig(import.meta.url, {
  include: ["src/**/*.test.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
