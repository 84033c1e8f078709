/**
 * The pipeline over the real database: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set
 * (required when CI=true — the db package's helper fails loudly then).
 */
import { createTestDatabase, type Database, type TestDatabase, testBackends } from "@cyclelens/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bar, FakeBars, FakeSeries, failingStore, weekdays } from "../../test/fakes.js";
import { readPositioningCsv, readValuationCsv } from "../csv/formats.js";
import { importPositioning, importValuations, ingestFromProvider } from "../pipeline.js";
import { DbStore } from "./db-store.js";

const IWM = { kind: "instrument", name: "IWM", provider: "yahoo" } as const;
const DFF = { kind: "series", name: "DFF", provider: "fred" } as const;
const dates = weekdays("2024-01-01", 40);
const history = dates.map((d, i) => bar(d, 100 + i, i % 7 === 0 ? { volume: null, adjClose: null } : {}));
const today = "2024-03-31";

/** Everything but the run log, in plain JSON. */
async function snapshot(db: Database): Promise<string> {
  const instruments = await db.instruments.list();
  const ids = instruments.map((i) => i.id);
  const series = await db.economicSeries.list();
  const plain = (m: Map<unknown, unknown>) =>
    [...m.entries()].map(([k, v]) => [
      k,
      Object.fromEntries(
        Object.entries(v as object).map(([f, x]) => [
          f,
          ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x,
        ]),
      ),
    ]);
  return JSON.stringify({
    instruments,
    series,
    bars: plain(await db.bars.forInstruments(ids)),
    observations: plain(await db.observations.forSeries(series.map((s) => s.id))),
    valuations: plain(await db.valuations.forInstruments(ids)),
    positioning: plain(await db.positioning.forSegments(["small_cap", "large_cap"])),
    coverage: await db.dataset.coverage(),
  });
}

for (const backend of testBackends()) {
  describe(`DbStore on ${backend}`, () => {
    let t: TestDatabase;
    let store: DbStore;
    beforeEach(async () => {
      t = await createTestDatabase(backend);
      store = new DbStore(t.db, false);
    });
    afterEach(async () => {
      await t.cleanup();
    });

    it("imports, re-runs without changes, adds only new dates later; logs every run", async () => {
      const p = new FakeBars(history.slice(0, 30));
      expect(await ingestFromProvider(store, IWM, p, { today })).toMatchObject({ status: "ok", added: 30 });
      const before = await snapshot(t.db);
      expect(await ingestFromProvider(store, IWM, p, { today })).toMatchObject({
        added: 0,
        updated: 0,
        unchanged: 1,
      });
      expect(await snapshot(t.db)).toBe(before);
      p.rows = history;
      expect(await ingestFromProvider(store, IWM, p, { today })).toMatchObject({
        added: 10,
        updated: 0,
        unchanged: 1,
      });
      expect(p.ranges.map((r) => r.from)).toEqual([undefined, dates[29], dates[29]]);
      const cols = (await t.db.bars.forInstruments([(await store.instrument("IWM"))!.id])).values().next()
        .value!;
      expect(cols.dates.length).toBe(40);
      expect(Number.isNaN(cols.volume[0])).toBe(true);
      const runs = await t.db.ingestRuns.list({ target: "IWM" });
      expect(runs.map((r) => [r.status, r.rowsAdded])).toEqual([
        ["ok", 10],
        ["ok", 0],
        ["ok", 30],
      ]);
    });

    it("a failure thrown halfway leaves the database exactly as before", async () => {
      await ingestFromProvider(store, IWM, new FakeBars(history.slice(0, 10)), { today });
      await ingestFromProvider(store, DFF, new FakeSeries(dates.map((date) => ({ date, value: 5.33 }))), {
        today,
      });
      const before = await snapshot(t.db);
      const changed = history.map((b) => ({ ...b, close: b.close + 0.25, high: b.high! + 0.25 }));
      const failing = failingStore(store, "upsertBars", 3);
      const report = await ingestFromProvider(failing, IWM, new FakeBars(changed), {
        today,
        full: true,
        chunkSize: 8,
      });
      expect(report).toMatchObject({ status: "failed", added: 0 });
      expect(report.error).toMatch(/injected failure in upsertBars call 3/);
      expect(await snapshot(t.db)).toBe(before);
      const failingSeries = failingStore(store, "upsertObservations", 2);
      const obs = dates.map((date) => ({ date, value: 4.83 }));
      const r2 = await ingestFromProvider(failingSeries, DFF, new FakeSeries(obs), {
        today,
        full: true,
        chunkSize: 10,
      });
      expect(r2.status).toBe("failed");
      expect(await snapshot(t.db)).toBe(before);
      expect((await t.db.ingestRuns.list({ limit: 1 }))[0]).toMatchObject({
        status: "failed",
        target: "DFF",
      });
    });

    it("real data replaces demo rows in one transaction; provenance shows the source", async () => {
      const demo = await t.db.upsertInstrument({
        symbol: "IWM",
        name: "iShares Russell 2000 ETF",
        kind: "ETF",
        segment: "small_cap",
        provenance: "demo",
      });
      await t.db.upsertBars(demo.id, [bar("2019-01-02", 150), bar(dates[0]!, 1)], { source: "demo" });
      const report = await ingestFromProvider(store, IWM, new FakeBars(history), { today });
      expect(report).toMatchObject({ status: "ok", added: 40, demoDeleted: 2 });
      const cov = (await t.db.dataset.coverage()).instruments[0]!;
      expect(cov).toMatchObject({ provenance: "yahoo", sources: ["yahoo"], rows: 40, firstDate: dates[0] });
    });

    it("dry run writes nothing (and logs nothing)", async () => {
      const before = await snapshot(t.db);
      const report = await ingestFromProvider(store, IWM, new FakeBars(history), { today, dryRun: true });
      expect(report).toMatchObject({ status: "dry-run", added: 40 });
      expect(await snapshot(t.db)).toBe(before);
      expect(await t.db.ingestRuns.list()).toEqual([]);
    });

    it("imports valuation and positioning files, replacing demo rows", async () => {
      await ingestFromProvider(store, IWM, new FakeBars(history), { today });
      const id = (await store.instrument("IWM"))!.id;
      await t.db.upsertValuations(id, [{ date: "2024-01-31", forwardPE: 30 }], { source: "demo" });
      await t.db.upsertPositioning(
        [{ segment: "small_cap", date: "2024-01-31", value: 1, unit: "net_pct_overweight" }],
        {
          source: "demo",
        },
      );
      const v = readValuationCsv(
        "date,symbol,forward_pe,trailing_pe,price_to_book,dividend_yield,source\n2024-02-29,IWM,25.2,31,2.0,1.3,ftse\n2024-02-29,XYZ,1,1,1,1,ftse\n",
        "val.csv",
      );
      const vr = await importValuations(store, "val.csv", v, { skipInvalid: true });
      expect(vr).toMatchObject({ status: "partial", added: 1, rejected: 1, demoDeleted: 1 });
      expect(vr.rejections[0]).toMatchObject({
        line: 3,
        reason: 'unknown instrument "XYZ" (import its bars first)',
      });
      const vals = (await t.db.valuations.forInstruments([id])).get(id)!;
      expect(vals.sources).toEqual(["ftse"]);
      const p = readPositioningCsv(
        "date,segment,value,unit,source\n2024-02-29,small_cap,-8,net_pct_overweight,bofa\n",
        "pos.csv",
      );
      const pr = await importPositioning(store, "pos.csv", p);
      expect(pr).toMatchObject({ status: "ok", added: 1, demoDeleted: 1 });
      expect((await t.db.positioning.forSegments(["small_cap"])).get("small_cap")?.sources).toEqual(["bofa"]);
      expect(await importPositioning(store, "pos.csv", p)).toMatchObject({ added: 0, unchanged: 1 });
    });
  });
}
