import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatabase,
  createTestDatabase,
  type DatasetChange,
  repoRoot,
  type TestDatabase,
  testBackends,
  transactionWithDemoPurge,
} from "./index.js";

const run = promisify(execFile);

/** Collects the changes a watcher delivers; `until` waits for one matching `pred`. */
function collector() {
  const seen: DatasetChange[] = [];
  const waiters: { pred: (c: DatasetChange) => boolean; resolve: (c: DatasetChange) => void }[] = [];
  return {
    seen,
    push(c: DatasetChange) {
      seen.push(c);
      for (const w of [...waiters])
        if (w.pred(c)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(c);
        }
    },
    until(pred: (c: DatasetChange) => boolean, timeoutMs = 5000): Promise<DatasetChange> {
      const hit = seen.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching change within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`)),
          timeoutMs,
        );
        waiters.push({
          pred,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
  };
}

for (const backend of testBackends()) {
  describe(`dataset change log (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("records what each write transaction changed, under the version it left, with its source", async () => {
      const { db } = t;
      const first = await db.changesSince(0);
      expect(first.map((c) => c.source)).toEqual(["migrate"]); // the FOMC record stored by migrate()
      expect(first[0]!.kinds).toEqual(["policyDecisions"]);
      const v0 = await db.dataVersion();
      expect(first[0]!.version).toBe(v0);

      const iwm = await db.upsertInstrument({
        symbol: "iwm",
        name: "IWM",
        kind: "ETF",
        segment: "small_cap",
        provenance: "demo",
      });
      const dgs = await db.upsertEconomicSeries({
        code: "DGS10",
        title: "10y",
        unit: "%",
        frequency: "daily",
        source: "fred",
        provenance: "demo",
      });
      await db.upsertBars(iwm.id, [{ date: "2024-01-02", close: 100 }]);
      await db.upsertBars(iwm.id, [{ date: "2024-01-02", close: 100 }]); // identical: no change, no row
      await db.upsertObservations(dgs.id, [{ date: "2024-01-02", value: 4 }]);
      await db.upsertCorporateActions(iwm.id, [{ date: "2024-01-02", kind: "dividend", amount: 0.5 }]);
      const after = await db.changesSince(v0);
      expect(after.map((c) => [c.source, c.instruments, c.series, c.kinds])).toEqual([
        ["api", ["IWM"], [], ["instruments"]],
        ["api", [], ["DGS10"], ["series"]],
        ["api", ["IWM"], [], ["bars"]],
        ["api", [], ["DGS10"], ["observations"]],
        ["api", ["IWM"], [], ["corporateActions"]],
      ]);
      expect(after.at(-1)!.version).toBe(await db.dataVersion());
      for (const c of after) expect(Date.now() - c.changedAt.getTime()).toBeLessThan(60_000);
      expect(await db.changesSince(v0, 2)).toHaveLength(2);
    });

    it("writes one row per transaction (the union of its writes), none for a rollback", async () => {
      const { db } = t;
      const v0 = await db.dataVersion();
      await db.transaction(
        async (tx) => {
          const a = await tx.upsertInstrument({
            symbol: "SPY",
            name: "SPY",
            kind: "ETF",
            segment: "large_cap",
            provenance: "csv",
          });
          await tx.upsertBars(a.id, [{ date: "2024-01-02", close: 470 }]);
          await tx.upsertValuations(a.id, [{ date: "2024-01-02", forwardPE: 20 }]);
        },
        { changeSource: "refresh" },
      );
      const v1 = await db.dataVersion();
      expect(v1).toBe(v0 + 3); // the version still moves once per write (its meaning is unchanged)
      const rows = await db.changesSince(v0);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        version: v1,
        source: "refresh",
        instruments: ["SPY"],
        series: [],
        kinds: ["bars", "instruments", "valuations"],
      });

      await expect(
        db.transaction(async (tx) => {
          await tx.upsertBars(rows[0] ? (await tx.instruments.bySymbols(["SPY"]))[0]!.id : 0, [
            { date: "2024-01-03", close: 471 },
          ]);
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await db.changesSince(v1)).toEqual([]);

      const spy = (await db.instruments.bySymbols(["SPY"]))[0]!;
      await db.upsertBars(spy.id, [{ date: "2024-01-05", close: 1 }], { source: "demo" });
      const v2 = await db.dataVersion();
      await transactionWithDemoPurge(db, (_tx, purge) => purge.bars(spy.id), { changeSource: "ingest" });
      expect(await db.changesSince(v2)).toMatchObject([
        { version: v2 + 1, source: "ingest", instruments: ["SPY"], kinds: ["bars"] },
      ]);
    });

    it("watchDataset delivers writes of this and of another connection, in order, each once", async () => {
      const { db } = t;
      const got = collector();
      const errors: Error[] = [];
      const w1 = db.watchDataset((c) => got.push(c), { pollIntervalMs: 20, onError: (e) => errors.push(e) });
      const second = collector();
      const w2 = db.watchDataset((c) => second.push(c));
      await w1.ready;
      await w2.ready;
      const other = await createDatabase({ url: t.url, changeSource: "ingest" });
      try {
        const qqq = await db.upsertInstrument({
          symbol: "QQQ",
          name: "QQQ",
          kind: "ETF",
          segment: "large_cap",
          provenance: "csv",
        });
        await other.upsertBars(qqq.id, [{ date: "2024-02-01", close: 400 }]);
        const last = await got.until((c) => c.source === "ingest");
        expect(last.instruments).toEqual(["QQQ"]);
        await second.until((c) => c.version === last.version);
        const versions = got.seen.map((c) => c.version);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
        expect(new Set(versions).size).toBe(versions.length);
        expect(got.seen.map((c) => c.source)).toEqual(["api", "ingest"]);
      } finally {
        await other.close();
        await w1.close();
        await w2.close();
      }
      expect(errors).toEqual([]);
    });

    if (backend === "sqlite")
      it("a write of the same Database object reaches its watcher at commit, not at the next poll", async () => {
        const { db } = t;
        const got = collector();
        const w = db.watchDataset((c) => got.push(c), { pollIntervalMs: 60_000 });
        try {
          await w.ready;
          await db.upsertInstrument({
            symbol: "NOW",
            name: "NOW",
            kind: "ETF",
            segment: "small_cap",
            provenance: "csv",
          });
          await got.until((c) => c.instruments.includes("NOW"), 5000);
          await transactionWithDemoPurge(db, async (tx) => {
            await tx.upsertInstrument({
              symbol: "NOW2",
              name: "NOW2",
              kind: "ETF",
              segment: "small_cap",
              provenance: "csv",
            });
          });
          await got.until((c) => c.instruments.includes("NOW2"), 5000);
        } finally {
          await w.close();
        }
      });

    it("a write by the ingest CLI (another process) reaches a watcher", async () => {
      const { db } = t;
      const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-watch-"));
      const csv = path.join(dir, "XBAR.csv");
      writeFileSync(csv, "Date,Open,High,Low,Close,Volume\n2024-03-01,10,11,9,10.5,1000\n");
      const got = collector();
      const w = db.watchDataset((c) => got.push(c), { pollIntervalMs: 50 });
      try {
        await w.ready;
        await run(
          "node",
          [
            "--import",
            "tsx",
            "--conditions=@cyclelens/source",
            "src/cli.ts",
            "--csv",
            csv,
            "--symbol",
            "XBAR",
            "--database-url",
            t.url,
          ],
          { cwd: path.join(repoRoot(), "packages", "ingest"), env: { ...process.env, NO_COLOR: "1" } },
        );
        const change = await got.until((c) => c.instruments.includes("XBAR") && c.kinds.includes("bars"));
        expect(change.source).toBe("ingest");
        expect(change.version).toBe(await db.dataVersion());
      } finally {
        await w.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    if (backend === "postgresql")
      it("reconnects after the LISTEN connection is lost and catches up on what it missed", async () => {
        const { db } = t;
        const got = collector();
        const errors: Error[] = [];
        const w = db.watchDataset((c) => got.push(c), { onError: (e) => errors.push(e) });
        await w.ready;
        const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
        await admin.connect();
        try {
          const schema = new URL(t.url).searchParams.get("schema");
          // Kill the watcher's connection, then write at once: the notification has no listener; the catch-up
          // read after the reconnect must deliver the change.
          const killed = await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            [`cyclelens-watch ${schema}`.slice(0, 63)],
          );
          expect(killed.rowCount).toBeGreaterThan(0);
          const iwm = await db.upsertInstrument({
            symbol: "RECO",
            name: "RECO",
            kind: "ETF",
            segment: "small_cap",
            provenance: "csv",
          });
          const change = await got.until((c) => c.instruments.includes(iwm.symbol), 10_000);
          expect(change.kinds).toEqual(["instruments"]);
          expect(errors.length).toBeGreaterThan(0); // the loss was reported, not silent
        } finally {
          await admin.end();
          await w.close();
        }
      }, 20_000);
  });
}
