/**
 * Importer memory (`pnpm --filter @cyclelens/ingest bench:memory`): peak RSS of `pnpm ingest --csv` (the CLI as
 * a separate process, VmHWM from /proc) on generated bar files into a fresh SQLite file:
 *
 * - 146,097 valid bars (every day of the supported calendar 1800–2199: the most one instrument can hold);
 * - 1,000,000 and 2,000,000 bars (≈ 55 and 110 MB) whose dates repeat: rejected whole, every line counted;
 * - the 2,000,000-line file again with --skip-invalid (nothing is valid: every date repeats).
 *
 * The target is a peak under 300 MB plus the database's own cache, whatever the size of the file.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const HEAP_FLAGS = (
  JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")) as { scripts: { ingest: string } }
).scripts.ingest
  .split(" ")
  .filter((a) => a.startsWith("--max-"));
const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-ingest-memory-"));

async function writeBars(file: string, rows: number, repeatEvery?: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("date,open,high,low,close,adj_close,volume\n");
  const start = Date.UTC(1800, 0, 1);
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const day = repeatEvery ? i % repeatEvery : i;
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const p = 100 + Math.sin(i / 50) * 10;
    buf += `${date},${p.toFixed(4)},${(p * 1.01).toFixed(4)},${(p * 0.99).toFixed(4)},${p.toFixed(4)},${(p * 0.98).toFixed(4)},${1_000_000 + (i % 1000)}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

function peakOf(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function ingest(file: string, db: string, extra: string[] = []) {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      // the command line of `pnpm ingest` (package.json): the heap flags bound how far V8 lets the heap grow
      ...HEAP_FLAGS,
      "--import",
      "tsx",
      "--conditions=@cyclelens/source",
      "src/cli.ts",
      "--csv",
      file,
      "--symbol",
      "BIG",
      ...extra,
    ],
    {
      cwd: pkg,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${db}` },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let err = "";
  child.stderr!.on("data", (d) => {
    err = (err + d).slice(-4000);
  });
  child.stdout!.resume();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, peakOf(child.pid!));
  }, 25);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(timer);
  const summary = /✗[^\n]*|✓[^\n]*|ok[^\n]*/.exec(err)?.[0] ?? err.trim().split("\n").pop();
  return { code, peak, seconds: (performance.now() - t0) / 1000, summary };
}

try {
  const cases: [string, number, number | undefined, string[]][] = [
    ["146,097 valid bars (1800–2199)", 146_097, undefined, []],
    ["the same file again (146,097 stored rows read and compared)", 146_097, undefined, ["--again"]],
    ["1,000,000 bars, dates repeating", 1_000_000, 146_097, []],
    ["2,000,000 bars, dates repeating", 2_000_000, 146_097, []],
    ["2,000,000 bars, dates repeating, --skip-invalid", 2_000_000, 146_097, ["--skip-invalid"]],
  ];
  console.log(
    `Node ${process.version}; the CLI as \`pnpm ingest\` runs it: node ${HEAP_FLAGS.join(" ")} (tsx, sources)\n`,
  );
  console.log("| file | size MB | exit | seconds | peak RSS MB |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [label, rows, repeat, extra] of cases) {
    const again = extra.includes("--again");
    const file = path.join(dir, `bars-${rows}.csv`);
    if (!again) await writeBars(file, rows, repeat);
    const db = path.join(dir, again ? `${rows}-0.db` : `${rows}-${extra.length}.db`);
    const r = await ingest(
      file,
      db,
      extra.filter((a) => a !== "--again"),
    );
    console.log(
      `| ${label} | ${(statSync(file).size / 1e6).toFixed(0)} | ${r.code} | ${r.seconds.toFixed(1)} | ${r.peak.toFixed(0)} |`,
    );
    if (r.peak > 300) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
