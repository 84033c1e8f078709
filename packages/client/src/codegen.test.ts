/**
 * The committed `src/gql/` must be what `pnpm codegen` produces from the current schema and operations:
 * a schema or operation change without regenerating fails here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { afterAll, expect, it } from "vitest";
import { codegenConfig, OUTPUT_DIR } from "../codegen.js";

const temp = mkdtempSync(path.join(tmpdir(), "cyclelens-codegen-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it("src/gql is current (run `pnpm codegen` and commit it when this fails)", async () => {
  await generate(codegenConfig(temp), true);
  const fresh = readdirSync(temp).sort();
  expect(readdirSync(OUTPUT_DIR).sort()).toEqual(fresh);
  for (const file of fresh) {
    expect(
      readFileSync(path.join(OUTPUT_DIR, file), "utf8"),
      `src/gql/${file} is stale: run pnpm codegen`,
    ).toBe(readFileSync(path.join(temp, file), "utf8"));
  }
});
