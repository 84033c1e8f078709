/**
 * Prints the schema, sorted, to `apps/api/schema.graphql` (`pnpm generate`). With `--check` it exits 1 when
 * the committed file differs from the schema the code builds, which is how CI catches a stale file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaSDL } from "../src/schema/print.js";

const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
const sdl = printSchemaSDL();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== sdl) {
    console.error("apps/api/schema.graphql is stale: run `pnpm generate` and commit it.");
    process.exit(1);
  }
} else {
  writeFileSync(target, sdl);
}
