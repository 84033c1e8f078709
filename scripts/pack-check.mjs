// Pack-and-install checks for the published packages (used by packages/core/src/pack.test.ts and
// apps/api/test/client-package.test.ts): pack a workspace package with pnpm (its prepack builds it;
// workspace: ranges become versions), install the tarball into a fresh project OUTSIDE the repository
// with npm — as another app would — and run Node and TypeScript there. Only the tarball and its own
// registry dependencies are installed; TypeScript itself is the workspace's (no download).
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tscPath = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");

/** pnpm as the test was started with (turbo → `pnpm run test` sets npm_execpath), else from PATH. */
function pnpm(args, cwd) {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by pnpm for the test script itself, not an input of the task
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(path.basename(exec))) {
    return execFileSync(process.execPath, [exec, ...args], { cwd, encoding: "utf8", stdio: "pipe" });
  }
  return execFileSync("pnpm", args, { cwd, encoding: "utf8", stdio: "pipe" });
}

/**
 * Packs `packageDir` and installs the tarball (plus `extra` registry packages) into a new project in
 * the OS temp folder. Returns { project, tarball, files, run, tsc, write, cleanup }.
 */
export function packAndInstall(packageDir, { extra = [] } = {}) {
  const temp = mkdtempSync(path.join(tmpdir(), "cyclelens-pack-"));
  if (temp.startsWith(root)) throw new Error(`temp folder ${temp} is inside the repository`);
  pnpm(["pack", "--pack-destination", temp], packageDir);
  const tarball = path.join(
    temp,
    readdirSync(temp).find((f) => f.endsWith(".tgz")),
  );
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
  const project = path.join(temp, "consumer");
  mkdirSync(project);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
  );
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--no-package-lock",
      "--prefer-offline",
      "--loglevel=error",
      tarball,
      ...extra,
    ],
    { cwd: project, stdio: "pipe", encoding: "utf8" },
  );
  return {
    temp,
    project,
    tarball,
    files,
    /** Writes a file of the consumer project. */
    write(name, text) {
      writeFileSync(path.join(project, name), text);
    },
    /**
     * Runs `node <args>` in the project; resolves to stdout. Asynchronous on purpose: a test server in
     * the calling process must keep answering while the child talks to it.
     */
    async run(...args) {
      return (await execFileAsync(process.execPath, args, { cwd: project, encoding: "utf8" })).stdout;
    },
    /** Runs any command asynchronously in the project (see run); resolves to stdout. */
    async exec(file, args) {
      return (await execFileAsync(file, args, { cwd: project, encoding: "utf8" })).stdout;
    },
    /** Type-checks the project with `tsc -p <config>`; returns the compiler's output ("" when clean). */
    tsc(config) {
      try {
        execFileSync(process.execPath, [tscPath, "-p", config], {
          cwd: project,
          encoding: "utf8",
          stdio: "pipe",
        });
        return "";
      } catch (e) {
        return `${e.stdout ?? ""}${e.stderr ?? ""}` || String(e);
      }
    },
    cleanup() {
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** tsconfig files for the consumer: NodeNext, Bundler and Node10 resolution, strict, no emit. */
export function tsconfigs(include, { lib = ["ES2023"] } = {}) {
  const base = { strict: true, noEmit: true, skipLibCheck: false, lib, types: [] };
  return {
    "tsconfig.nodenext.json": {
      compilerOptions: { ...base, module: "NodeNext", moduleResolution: "NodeNext" },
      include,
    },
    "tsconfig.bundler.json": {
      compilerOptions: { ...base, module: "ESNext", moduleResolution: "Bundler" },
      include,
    },
    "tsconfig.node10.json": {
      compilerOptions: { ...base, module: "CommonJS", moduleResolution: "Node10", esModuleInterop: true },
      include,
    },
  };
}
