/**
 * The published shape: the package builds to ESM + .d.ts, runs from a plain Node script, and bundles for a
 * browser with nothing else of the repository (no Node built-ins, no workspace packages).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("package build", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), "cyclelens-core-dist-"));
    execFileSync(process.execPath, [tsc, "-p", path.join(pkg, "tsconfig.build.json"), "--outDir", out], {
      stdio: "pipe",
    });
    writeFileSync(path.join(out, "package.json"), '{ "type": "module" }');
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("emits ESM with type declarations", () => {
    expect(existsSync(path.join(out, "index.js"))).toBe(true);
    expect(existsSync(path.join(out, "index.d.ts"))).toBe(true);
  });

  it("runs from a plain Node script", () => {
    const script = `import("${path.join(out, "index.js")}").then((m) => console.log(m.sma(new Float64Array([1, 2, 3]), 2)[2], m.formatISODate(19984)))`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(printed.trim()).toBe("2.5 2024-09-18");
  });

  it("bundles for a browser and runs with only the JavaScript built-ins", async () => {
    const result = await build({
      entryPoints: [path.join(out, "index.js")],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "CycleLensCore",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    const sandbox: Record<string, unknown> = {};
    vm.createContext(sandbox); // no process, Buffer, require or fetch: only ECMAScript globals
    vm.runInContext(
      `${code}; globalThis.answer = CycleLensCore.maxDrawdown(new Float64Array([100, 120, 90, 130])).depth;`,
      sandbox,
    );
    expect(sandbox.answer).toBe(-0.25);
  });
});
