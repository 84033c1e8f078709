// Builds a published package (@cyclelens/core, @cyclelens/client) as ESM and CommonJS, each with its
// type declarations: `tsc -p tsconfig.build.json` → dist/ (ESM, .d.ts), `tsc -p tsconfig.build.cjs.json`
// → dist/cjs/ (CommonJS, .d.ts), and dist/cjs/package.json `{ "type": "commonjs" }` so Node and
// TypeScript (NodeNext) read that folder as CommonJS. dist/ is emptied first: no stale files are packed.
// Run from the package's folder (its `build` script).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const cwd = process.cwd();
const tsc = createRequire(path.join(cwd, "package.json")).resolve("typescript/bin/tsc");
rmSync(path.join(cwd, "dist"), { recursive: true, force: true });
for (const project of ["tsconfig.build.json", "tsconfig.build.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", project], { cwd, stdio: "inherit" });
}
mkdirSync(path.join(cwd, "dist", "cjs"), { recursive: true });
writeFileSync(path.join(cwd, "dist", "cjs", "package.json"), '{ "type": "commonjs" }\n');
