// pnpm --filter @cyclelens/db bench — 150,000 bars (30 instruments × 5,000 days) into a fresh database, reads,
// and the demo seed. SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type BarRow,
  createDatabase,
  createTestDatabase,
  type Database,
  migrate,
  seedDemo,
} from "@cyclelens/db";

// Wall time, and this process's CPU time (user + system): on a busy machine the CPU time is the better estimate
// of the wall time on an idle one for SQLite, whose work all happens in this process.
let cpu0 = process.cpuUsage();
const ms = (t0: number) => {
  const c = process.cpuUsage(cpu0);
  return `${(performance.now() - t0).toFixed(0)} ms (cpu ${((c.user + c.system) / 1000).toFixed(0)} ms)`;
};
const start = () => {
  cpu0 = process.cpuUsage();
  return performance.now();
};

function rows(n: number, seed: number): BarRow[] {
  const out: BarRow[] = [];
  let p = 100 + seed;
  for (let k = 0; k < n; k++) {
    p *= 1 + Math.sin(k * 0.37 + seed) * 0.01;
    out.push({
      date: new Date(Date.UTC(2000, 0, 3) + k * 86_400_000).toISOString().slice(0, 10),
      open: p * 0.99,
      high: p * 1.01,
      low: p * 0.98,
      close: p,
      adjClose: p * 0.97,
      volume: 1_000_000 + k,
    });
  }
  return out;
}

async function run(label: string, db: Database) {
  const instruments: Awaited<ReturnType<Database["upsertInstrument"]>>[] = [];
  for (let i = 0; i < 30; i++)
    instruments.push(
      await db.upsertInstrument({
        symbol: `B${i}`,
        name: `Bench ${i}`,
        kind: "ETF",
        segment: "broad",
        provenance: "bench",
      }),
    );
  const data = instruments.map((_, i) => rows(5000, i));
  let t0 = start();
  for (let i = 0; i < 30; i++) await db.upsertBars(instruments[i]!.id, data[i]!);
  console.log(`${label}: insert 150,000 bars (30 upsertBars calls): ${ms(t0)}`);
  t0 = start();
  await db.transaction(async (tx) => {
    for (let i = 0; i < 30; i++) await tx.upsertBars(instruments[i]!.id, data[i]!);
  });
  console.log(`${label}: re-upsert the same 150,000 bars (unchanged, one transaction): ${ms(t0)}`);
  for (let rep = 0; rep < 3; rep++) await db.bars.forInstruments([instruments[0]!.id]);
  const samples: number[] = [];
  const c0 = process.cpuUsage();
  for (let rep = 0; rep < 20; rep++) {
    t0 = performance.now();
    await db.bars.forInstruments([instruments[rep % 30]!.id]);
    samples.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  samples.sort((a, b) => a - b);
  console.log(
    `${label}: read 5,000 bars of one instrument: median ${samples[10]!.toFixed(1)} ms (cpu ${((c.user + c.system) / 20_000).toFixed(1)} ms)`,
  );
  t0 = start();
  await db.bars.forInstruments(
    instruments.slice(0, 10).map((i) => i.id),
    { from: "2005-01-01", to: "2010-12-31" },
  );
  console.log(`${label}: read 10 instruments × 6 years (21,910 bars, one statement): ${ms(t0)}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-bench-"));
try {
  const lite = await createDatabase({ url: `file:${path.join(dir, "bench.db")}` });
  await migrate(lite);
  await run("sqlite", lite);
  await lite.close();
  const demo = await createDatabase({ url: `file:${path.join(dir, "demo.db")}` });
  await migrate(demo);
  const t1 = start();
  const s = await seedDemo(demo);
  console.log(
    `sqlite: seed the demo dataset (${s.bars.inserted} bars + ${s.observations.inserted} observations + ...): ${ms(t1)}`,
  );
  await demo.close();
  if (process.env.TEST_POSTGRES_URL) {
    const pg = await createTestDatabase("postgresql");
    try {
      await run("postgresql", pg.db);
      const s2 = await seedDemo(pg.db);
      console.log(`postgresql: seed the demo dataset: ${s2.durationMs.toFixed(0)} ms`);
    } finally {
      await pg.cleanup();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
