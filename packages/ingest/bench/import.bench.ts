/**
 * Import speed: 150,000 generated daily bars (25 instruments × 6,000 days) into a fresh SQLite file
 * through the real pipeline (CSV text → parse → validate → one transaction per instrument →
 * upsert), then the same import again (nothing changes). Target: ≤ 3 s for the first import.
 *
 *   pnpm --filter @cyclelens/ingest bench
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, migrate } from "@cyclelens/db";
import { readBarsCsv } from "../src/csv/formats.js";
import { importBars } from "../src/pipeline.js";
import { DbStore } from "../src/store/db-store.js";

const INSTRUMENTS = 25;
const DAYS = 6000;

function csvFor(seed: number): string {
  const lines = ["date,open,high,low,close,adj_close,volume"];
  let price = 50 + seed;
  let t = Date.UTC(2000, 0, 3);
  let n = 0;
  while (n < DAYS) {
    const d = new Date(t);
    t += 86_400_000;
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const open = price;
    price = Math.max(1, price * (1 + Math.sin(n * 0.37 + seed) * 0.01));
    const high = Math.max(open, price) * 1.004;
    const low = Math.min(open, price) * 0.996;
    lines.push(
      `${d.toISOString().slice(0, 10)},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${price.toFixed(4)},${(price * 0.97).toFixed(4)},${1_000_000 + n}`,
    );
    n++;
  }
  return `${lines.join("\n")}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-ingest-bench-"));
try {
  const db = await createDatabase({ url: `file:${path.join(dir, "bench.db")}` });
  await migrate(db);
  const store = new DbStore(db);
  const files = Array.from({ length: INSTRUMENTS }, (_, i) => csvFor(i));

  const run = async (label: string) => {
    const t0 = performance.now();
    let added = 0;
    let unchanged = 0;
    let parseMs = 0;
    for (let i = 0; i < INSTRUMENTS; i++) {
      const p0 = performance.now();
      const parsed = readBarsCsv(files[i]!, `T${i}.csv`);
      parseMs += performance.now() - p0;
      const r = await importBars(store, `T${i}`, parsed, "csv");
      if (r.status !== "ok") throw new Error(`${r.item}: ${r.status} ${r.error ?? ""}`);
      added += r.added;
      unchanged += r.unchanged;
    }
    const ms = performance.now() - t0;
    const rate = Math.round(((added + unchanged) / ms) * 1000);
    console.log(
      `${label}: ${(ms / 1000).toFixed(2)} s — ${added.toLocaleString("en-US")} added, ${unchanged.toLocaleString("en-US")} unchanged (${rate.toLocaleString("en-US")} rows/s; CSV parsing ${(parseMs / 1000).toFixed(2)} s, validation + transaction + upserts ${((ms - parseMs) / 1000).toFixed(2)} s)`,
    );
    return ms;
  };

  console.log(
    `${(INSTRUMENTS * DAYS).toLocaleString("en-US")} bars, ${INSTRUMENTS} instruments, SQLite file, Node ${process.version}`,
  );
  const first = await run("first import ");
  await run("same again   ");
  await store.close();
  console.log(first <= 3000 ? "OK: within the 3 s budget" : "SLOW: over the 3 s budget");
  process.exitCode = first <= 3000 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
