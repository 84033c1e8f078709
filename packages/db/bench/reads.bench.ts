// pnpm --filter @cyclelens/db bench:reads — how history rows reach JavaScript: the demo dataset's IWM, SPY and
// KRE, whole (18,562 bars) and over five years (2021-11-20 to 2026-11-20), read every way considered for
// reads.ts. Wall time and this process's CPU time per read (median of 30 after 5 warm-ups). SQLite always;
// PostgreSQL too when TEST_POSTGRES_URL is set (a fresh schema, dropped at the end).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, createTestDatabase, type Database, migrate, seedDemo } from "@cyclelens/db";
import pg from "pg";
import { internalsOf } from "../src/database.js";

const WINDOW_SQL = {
  sqlite: (select: string) =>
    `SELECT ${select} FROM (SELECT value->>'k' AS k, value->>'id' AS id, value->>'f' AS f, value->>'t' AS t FROM json_each(?)) r ` +
    "JOIN daily_bars b ON b.instrument_id = r.id AND b.date >= r.f AND b.date <= r.t ORDER BY r.k, b.date",
  postgresql: (select: string) =>
    `SELECT ${select} FROM json_to_recordset($1::json) AS r(k int, id int, f text, t text) ` +
    "JOIN daily_bars b ON b.instrument_id = r.id AND b.date >= r.f AND b.date <= r.t ORDER BY r.k, b.date",
};
const COLUMNS = "b.open, b.high, b.low, b.close, b.adj_close, b.volume";

async function measure(label: string, read: () => Promise<number>) {
  for (let i = 0; i < 5; i++) await read();
  const wall: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < 30; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    rows = await read();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  console.log(
    `${label.padEnd(64)} ${median(wall).toFixed(1).padStart(6)} ms wall ${median(cpu).toFixed(1).padStart(6)} ms cpu  (${rows} bars)`,
  );
}

async function run(label: string, db: Database, pool?: pg.Pool) {
  const ids = new Map((await db.instruments.bySymbols(["IWM", "SPY", "KRE"])).map((i) => [i.symbol, i.id]));
  const client = internalsOf(db).client;
  for (const [span, from] of [
    ["whole", undefined],
    ["5 years", "2021-11-20"],
  ] as const) {
    const windows = ["IWM", "SPY", "KRE"].map((s) => ({
      id: ids.get(s)!,
      from,
      to: from ? "2026-11-20" : undefined,
    }));
    const json = JSON.stringify(
      windows.map((w, k) => ({ k, id: w.id, f: w.from ?? "0000-01-01", t: w.to ?? "9999-12-31" })),
    );
    const sql = WINDOW_SQL[db.provider];
    await measure(`${label} ${span}: Prisma $queryRawUnsafe, one object per row`, async () => {
      const rows = await client.$queryRawUnsafe<unknown[]>(sql(`r.k, b.date, ${COLUMNS}`), json);
      return rows.length;
    });
    if (pool) {
      await measure(`${label} ${span}: pg rowMode "array", one array per row`, async () => {
        const r = await pool.query({
          text: sql(`r.k, (b.date::date - DATE '1970-01-01') AS day, ${COLUMNS}`),
          values: [json],
          rowMode: "array",
        });
        return r.rows.length;
      });
    }
    await measure(`${label} ${span}: db.bars.forWindows (reads.ts)`, async () => {
      const got = await db.bars.forWindows(windows);
      return got.reduce((n, b) => n + b.dates.length, 0);
    });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-reads-"));
try {
  const lite = await createDatabase({ url: `file:${path.join(dir, "demo.db")}` });
  await migrate(lite);
  await seedDemo(lite);
  await run("sqlite", lite);
  await lite.close();
  if (process.env.TEST_POSTGRES_URL) {
    const t = await createTestDatabase("postgresql");
    const url = new URL(t.url);
    const schema = url.searchParams.get("schema")!;
    url.searchParams.delete("schema");
    const pool = new pg.Pool({
      connectionString: url.toString(),
      options: `-c search_path=${schema}`,
      max: 2,
    });
    try {
      await seedDemo(t.db);
      await run("postgresql", t.db, pool);
    } finally {
      await pool.end();
      await t.cleanup();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
