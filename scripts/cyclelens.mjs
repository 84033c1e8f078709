#!/usr/bin/env node
// The README's contract in one file: `npm start` and `npm test` on a machine with only Node 20+ and npm.
//
//   start  install dependencies (pnpm 10, fetched through npx when it is not installed), build the API, the web app
//          and @cyclelens/client, then run the API on the embedded SQLite database, serving the app at / (an empty
//          database gets the demo dataset).
//   test   install, lint, type-check and run every test suite on SQLite, and also on PostgreSQL when
//          CI=true, CYCLELENS_TEST_PG=1 or TEST_POSTGRES_URL is set: a fresh database is created for the run
//          on that server (default postgres://postgres@127.0.0.1:5432/test) and dropped afterwards. When
//          PostgreSQL is expected and unreachable the run fails with a clear message; it never skips.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...rest] = process.argv.slice(2);

function fail(message) {
  console.error(`cyclelens: ${message}`);
  process.exit(1);
}

/** The pnpm 10 command line: the installed one when it is pnpm 10, otherwise pnpm@10 through npx. */
function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  if (probe.status === 0 && probe.stdout.trim().startsWith("10.")) return ["pnpm"];
  return ["npx", "--yes", "pnpm@10"];
}

function run(argv, env = process.env) {
  const [cmd, ...args] = argv;
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env,
    shell: process.platform === "win32",
  });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

function runOrExit(argv, env) {
  const status = run(argv, env);
  if (status !== 0) process.exit(status);
}

// Turbo would otherwise try to send anonymous telemetry, and this project never relies on the network.
process.env.TURBO_TELEMETRY_DISABLED ??= "1";

const pnpm = pnpmCommand();
const install = () => runOrExit([...pnpm, "install", "--frozen-lockfile", "--prefer-offline"]);

async function start() {
  install();
  runOrExit([
    ...pnpm,
    "exec",
    "turbo",
    "run",
    "build",
    "--filter=@cyclelens/api...",
    // the typed client, for front ends that import it from this checkout
    "--filter=@cyclelens/client",
    "--filter=@cyclelens/web",
    "--output-logs=errors-only",
  ]);
  const child = spawn(process.execPath, ["apps/api/dist/main.js", "--seed-demo-if-empty", ...rest], {
    cwd: root,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function withPostgresDatabase(body) {
  const wanted =
    process.env.CI === "true" ||
    process.env.CYCLELENS_TEST_PG === "1" ||
    Boolean(process.env.TEST_POSTGRES_URL);
  if (!wanted) return body({ ...process.env, TEST_POSTGRES_URL: "" });
  const serverUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    fail(
      `PostgreSQL is expected for this test run (CI=${process.env.CI ?? ""}, CYCLELENS_TEST_PG=${process.env.CYCLELENS_TEST_PG ?? ""}) ` +
        `but ${redact(serverUrl)} is unreachable: ${error.message}. Start PostgreSQL or unset CI/CYCLELENS_TEST_PG/TEST_POSTGRES_URL.`,
    );
  }
  const name = `cyclelens_test_${Date.now().toString(36)}_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  console.log(`cyclelens: PostgreSQL suites use the fresh database ${name} on ${url.host}`);
  try {
    return await body({ ...process.env, TEST_POSTGRES_URL: url.toString(), CYCLELENS_TEST_PG: "1" });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e) => {
      console.error(`cyclelens: could not drop test database ${name}: ${e.message}`);
    });
    await admin.end();
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "the PostgreSQL URL";
  }
}

/**
 * Runs a command, streaming its output, and adds up vitest's "Tests  N failed | M passed" summary lines
 * (turbo prefixes them with the package and task; cached runs replay them with --output-logs=full).
 */
function runCountingTests(argv, env) {
  const [cmd, ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
      shell: process.platform === "win32",
    });
    const totals = { passed: 0, failed: 0, skipped: 0 };
    let pending = "";
    const scan = (line) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colour codes around the numbers
      const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
      const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(plain);
      if (!m) return;
      for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
        if (kind in totals) totals[kind] += Number(n);
      }
    };
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop();
      lines.forEach(scan);
    });
    child.on("close", (code) => {
      scan(pending);
      resolve({ status: code ?? 1, totals });
    });
  });
}

async function test() {
  install();
  runOrExit([...pnpm, "exec", "biome", "ci", "."]);
  const { status, totals } = await withPostgresDatabase((env) =>
    runCountingTests(
      [...pnpm, "exec", "turbo", "run", "typecheck", "test", "--continue", "--output-logs=full", ...rest],
      env,
    ),
  );
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  if (status === 0 && totals.passed === 0) fail("no test ran");
  process.exit(status);
}

if (command === "start") await start();
else if (command === "test") await test();
else fail(`unknown command ${JSON.stringify(command)}; use "start" or "test"`);
