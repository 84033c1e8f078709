import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BarRow,
  createTestDatabase,
  InvalidRowError,
  type QueryEvent,
  type TestDatabase,
  testBackends,
} from "./index.js";

const bar = (date: string, close: number, extra: Partial<BarRow> = {}): BarRow => ({
  date,
  open: close - 1,
  high: close + 1,
  low: close - 2,
  close,
  adjClose: close - 0.5,
  volume: 1000,
  ...extra,
});

/** Counts the statements `fn` sends to the database. */
async function countStatements(t: TestDatabase, fn: () => Promise<unknown>): Promise<QueryEvent[]> {
  const events: QueryEvent[] = [];
  const off = t.db.onQuery((e) => events.push(e));
  try {
    await fn();
  } finally {
    off();
  }
  return events;
}

for (const backend of testBackends()) {
  describe(`repositories (${backend})`, () => {
    let t: TestDatabase;
    const ids: number[] = [];
    let seriesIds: number[] = [];

    beforeAll(async () => {
      t = await createTestDatabase(backend);
      for (let i = 0; i < 10; i++) {
        const inst = await t.db.upsertInstrument({
          symbol: `T${i}`,
          name: `Test ${i}`,
          kind: i < 8 ? "ETF" : "INDEX",
          segment: i % 2 ? "small_cap" : "large_cap",
          provenance: "demo",
        });
        ids.push(inst.id);
        await t.db.upsertBars(inst.id, [
          bar("2024-01-02", 10 + i),
          bar("2024-01-03", 11 + i),
          bar("2024-01-04", 12 + i),
        ]);
        await t.db.upsertValuations(inst.id, [{ date: "2024-01-31", forwardPE: 15 + i, dividendYield: 1.2 }]);
      }
      const a = await t.db.upsertEconomicSeries({
        code: "dgs10",
        title: "10-year",
        unit: "percent",
        frequency: "daily",
        source: "test",
        provenance: "demo",
      });
      const b = await t.db.upsertEconomicSeries({
        code: "DGS2",
        title: "2-year",
        unit: "percent",
        frequency: "daily",
        source: "test",
        provenance: "fred",
      });
      seriesIds = [a.id, b.id];
      await t.db.upsertObservations(a.id, [
        { date: "2024-01-03", value: 4.1 },
        { date: "2024-01-02", value: 4.0 },
      ]);
      await t.db.upsertObservations(b.id, [{ date: "2024-01-02", value: 4.3 }]);
      await t.db.upsertPositioning([
        { segment: "small_cap", date: "2024-01-31", value: -10, unit: "net_pct_overweight" },
        { segment: "small_cap", date: "2024-02-29", value: -8, unit: "net_pct_overweight" },
        { segment: "large_cap", date: "2024-01-31", value: 20, unit: "net_pct_overweight" },
      ]);
    });
    afterAll(async () => t?.cleanup());

    it("reads bars of 10 instruments with the same number of statements as 1 (one)", async () => {
      const one = await countStatements(t, () => t.db.bars.forInstruments([ids[0]!]));
      let result = new Map();
      const ten = await countStatements(t, async () => {
        result = await t.db.bars.forInstruments(ids);
      });
      expect(one).toHaveLength(1);
      expect(ten).toHaveLength(1);
      expect(result.size).toBe(10);
      expect(ten[0]!.sql).toBe(one[0]!.sql);
    });

    it("issues one statement per batched read", async () => {
      for (const read of [
        () => t.db.instruments.bySymbols(["t0", "T1", "t9", "nope"]),
        () => t.db.instruments.list({ kind: "ETF", segment: "small_cap" }),
        () => t.db.observations.forSeries(seriesIds),
        () => t.db.valuations.forInstruments(ids),
        () => t.db.positioning.forSegments(["small_cap", "large_cap"]),
        () => t.db.economicSeries.byCodes(["DGS10", "dgs2"]),
      ]) {
        expect(await countStatements(t, read)).toHaveLength(1);
      }
    });

    it("returns columnar bars ordered by date within an inclusive range", async () => {
      const m = await t.db.bars.forInstruments([ids[3]!, 999_999], { from: "2024-01-03", to: "2024-01-04" });
      const b = m.get(ids[3]!)!;
      expect(Array.from(b.dates)).toEqual([19725, 19726]);
      expect(Array.from(b.close)).toEqual([14, 15]);
      expect(Array.from(b.adjClose)).toEqual([13.5, 14.5]);
      expect(b.dates).toBeInstanceOf(Int32Array);
      expect(b.volume).toBeInstanceOf(Float64Array);
      expect(m.get(999_999)!.dates).toHaveLength(0);
    });

    it("finds instruments by case-insensitive symbols and filters", async () => {
      const found = await t.db.instruments.bySymbols(["t1", "T0", "t1"]);
      expect(found.map((i) => i.symbol)).toEqual(["T0", "T1"]);
      const idx = await t.db.instruments.list({ kind: "INDEX" });
      expect(idx.map((i) => i.symbol)).toEqual(["T8", "T9"]);
      const some = await t.db.instruments.list({ symbols: ["t2", "t3"], segment: "small_cap" });
      expect(some.map((i) => i.symbol)).toEqual(["T3"]);
      expect(await t.db.instruments.list()).toHaveLength(10);
    });

    it("reads observations, valuations and positioning in core's shapes", async () => {
      const obs = await t.db.observations.forSeries(seriesIds, { from: "2024-01-01" });
      expect(Array.from(obs.get(seriesIds[0]!)!.values)).toEqual([4.0, 4.1]);
      expect(Array.from(obs.get(seriesIds[1]!)!.dates)).toEqual([19724]);
      const val = (await t.db.valuations.forInstruments([ids[2]!])).get(ids[2]!)!;
      expect(Array.from(val.forwardPE)).toEqual([17]);
      expect(Number.isNaN(val.trailingPE[0])).toBe(true);
      expect(val.source).toBe("demo");
      const pos = await t.db.positioning.forSegments(["small_cap", "mid_cap"], { to: "2024-12-31" });
      expect([...pos.keys()]).toEqual(["small_cap"]);
      expect(Array.from(pos.get("small_cap")!.values)).toEqual([-10, -8]);
      expect(pos.get("small_cap")!.unit).toBe("net_pct_overweight");
      const codes = await t.db.economicSeries.byCodes(["dgs2", "DGS10"]);
      expect(codes.map((s) => s.code)).toEqual(["DGS10", "DGS2"]);
    });

    it("counts inserted, updated and unchanged rows; re-imports are idempotent", async () => {
      const inst = await t.db.upsertInstrument({
        symbol: "UPS",
        name: "Upsert",
        kind: "ETF",
        segment: "broad",
        provenance: "yahoo",
      });
      const rows = [bar("2024-02-01", 1), bar("2024-02-02", 2), bar("2024-02-05", 3)];
      expect(await t.db.upsertBars(inst.id, rows)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      expect(await t.db.upsertBars(inst.id, rows)).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
      const changed = [
        bar("2024-02-02", 2.5),
        bar("2024-02-05", 3),
        bar("2024-02-06", 4),
        bar("2024-02-06", 4.5),
      ];
      expect(await t.db.upsertBars(inst.id, changed)).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
      const b = (await t.db.bars.forInstruments([inst.id])).get(inst.id)!;
      expect(Array.from(b.close)).toEqual([1, 2.5, 3, 4.5]);
      const cov = await t.db.dataset.coverage();
      const c = cov.instruments.find((i) => i.symbol === "UPS")!;
      expect(c).toMatchObject({
        rows: 4,
        firstDate: "2024-02-01",
        lastDate: "2024-02-06",
        sources: ["yahoo"],
      });
      expect(cov.dataset).toBe("mixed");
    });

    it("writes many rows in chunks", async () => {
      const inst = await t.db.upsertInstrument({
        symbol: "BIG",
        name: "Big",
        kind: "ETF",
        segment: "broad",
        provenance: "demo",
      });
      const rows: BarRow[] = [];
      for (let k = 0; k < 12_345; k++)
        rows.push(bar(new Date(Date.UTC(1980, 0, 1) + k * 86_400_000).toISOString().slice(0, 10), k + 1));
      expect(await t.db.upsertBars(inst.id, rows)).toEqual({ inserted: 12_345, updated: 0, unchanged: 0 });
      const b = (await t.db.bars.forInstruments([inst.id])).get(inst.id)!;
      expect(b.close).toHaveLength(12_345);
      expect(b.close[12_344]).toBe(12_345);
    });

    it("rejects malformed rows and writes nothing", async () => {
      const inst = await t.db.upsertInstrument({
        symbol: "BAD",
        name: "Bad",
        kind: "ETF",
        segment: "broad",
        provenance: "demo",
      });
      await expect(
        t.db.upsertBars(inst.id, [bar("2024-01-02", 1), bar("2024-02-30", 2)]),
      ).rejects.toBeInstanceOf(InvalidRowError);
      await expect(t.db.upsertBars(inst.id, [bar("2024-01-02", Number.NaN)])).rejects.toThrow(/close/);
      expect((await t.db.bars.forInstruments([inst.id])).get(inst.id)!.dates).toHaveLength(0);
      await expect(t.db.bars.forInstruments([inst.id], { from: "2024/01/01" })).rejects.toThrow(RangeError);
    });

    it("rolls a transaction back completely", async () => {
      const before = await t.db.instruments.list();
      await expect(
        t.db.transaction(async (tx) => {
          const inst = await tx.upsertInstrument({
            symbol: "TX",
            name: "Tx",
            kind: "ETF",
            segment: "broad",
            provenance: "yahoo",
          });
          await tx.upsertBars(inst.id, [bar("2024-01-02", 1), bar("2024-01-03", 2)]);
          await tx.upsertPositioning([{ segment: "tx", date: "2024-01-31", value: 1, unit: "x" }]);
          expect((await tx.bars.forInstruments([inst.id])).get(inst.id)!.dates).toHaveLength(2);
          throw new Error("import failed half-way");
        }),
      ).rejects.toThrow("import failed half-way");
      expect(await t.db.instruments.bySymbols(["TX"])).toEqual([]);
      expect(await t.db.instruments.list()).toHaveLength(before.length);
      expect((await t.db.positioning.forSegments(["tx"])).size).toBe(0);
    });

    it("commits a transaction and logs ingest runs", async () => {
      const run = await t.db.transaction(async (tx) => {
        const inst = await tx.upsertInstrument({
          symbol: "OK",
          name: "Ok",
          kind: "ETF",
          segment: "broad",
          provenance: "yahoo",
        });
        const r = await tx.upsertBars(inst.id, [bar("2024-01-02", 1)]);
        return tx.recordIngestRun({
          provider: "yahoo",
          target: "OK",
          rangeFrom: "2024-01-02",
          rangeTo: "2024-01-02",
          rowsAdded: r.inserted,
          status: "ok",
          startedAt: new Date("2026-11-20T10:00:00Z"),
          finishedAt: new Date("2026-11-20T10:00:01.5Z"),
        });
      });
      expect(run).toMatchObject({
        provider: "yahoo",
        target: "OK",
        rowsAdded: 1,
        rowsRejected: 0,
        status: "ok",
        error: null,
      });
      expect(run.startedAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
      expect(run.finishedAt?.toISOString()).toBe("2026-11-20T10:00:01.500Z");
      const runs = await t.db.ingestRuns.list({ provider: "yahoo" });
      expect(runs[0]?.id).toBe(run.id);
      expect(await t.db.instruments.bySymbols(["ok"])).toHaveLength(1);
    });
  });
}
