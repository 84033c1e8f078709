import { describe, expect, it } from "vitest";
import { bar, FakeBars, FakeSeries, failingStore, weekdays } from "../test/fakes.js";
import { readBarsCsv, readSeriesCsv } from "./csv/formats.js";
import {
  fetchRange,
  importBars,
  importObservations,
  ingestFromProvider,
  mergeProvenance,
} from "./pipeline.js";
import { MemoryStore } from "./store/memory-store.js";

const IWM = { kind: "instrument", name: "IWM", provider: "yahoo" } as const;
const DGS10 = { kind: "series", name: "DGS10", provider: "fred" } as const;
const dates = weekdays("2024-01-01", 30);
const history = dates.map((d, i) => bar(d, 100 + i));
const today = "2024-02-15";

describe("fetchRange", () => {
  it("is incremental from the last stored date unless --full or demo data", () => {
    const stored = { lastDate: "2024-01-31", provenance: "yahoo", sources: ["yahoo"] };
    expect(fetchRange(stored, { today })).toEqual({ from: "2024-01-31", to: today, incremental: true });
    expect(fetchRange(stored, { today, full: true })).toEqual({
      from: undefined,
      to: today,
      incremental: false,
    });
    expect(fetchRange(stored, { today, from: "2024-02-05" }).from).toBe("2024-02-05");
    expect(fetchRange(stored, { today, from: "2020-01-01" }).from).toBe("2024-01-31");
    expect(fetchRange({ ...stored, provenance: "demo", sources: ["demo"] }, { today }).incremental).toBe(
      false,
    );
    expect(fetchRange(null, { today, from: "2020-01-01" })).toEqual({
      from: "2020-01-01",
      to: today,
      incremental: false,
    });
  });

  it("merges provenance: demo disappears, real sources accumulate", () => {
    expect(mergeProvenance("demo", "yahoo")).toBe("yahoo");
    expect(mergeProvenance(undefined, "fred")).toBe("fred");
    expect(mergeProvenance("yahoo", "csv")).toBe("csv+yahoo");
    expect(mergeProvenance("csv+yahoo", "yahoo")).toBe("csv+yahoo");
  });
});

describe("ingestFromProvider (memory store)", () => {
  it("imports, then a re-run changes nothing, then a later run adds only new dates", async () => {
    const store = new MemoryStore();
    const provider = new FakeBars(history.slice(0, 20));
    const first = await ingestFromProvider(store, IWM, provider, { today });
    expect(first).toMatchObject({ status: "ok", added: 20, updated: 0, unchanged: 0, rejected: 0 });
    expect(provider.ranges[0]).toEqual({ from: undefined, to: today });
    const snapshot = store.snapshot();

    const again = await ingestFromProvider(store, IWM, provider, { today });
    expect(again).toMatchObject({ status: "ok", added: 0, updated: 0, unchanged: 1 });
    expect(provider.ranges[1]).toEqual({ from: dates[19], to: today });
    expect(store.snapshot()).toBe(snapshot);

    provider.rows = history;
    const later = await ingestFromProvider(store, IWM, provider, { today });
    expect(later).toMatchObject({ status: "ok", added: 10, updated: 0, unchanged: 1 });
    expect((await store.instrument("IWM"))?.lastDate).toBe(dates[29]);
    expect(store.state.runs.map((r) => [r.status, r.rowsAdded])).toEqual([
      ["ok", 20],
      ["ok", 0],
      ["ok", 10],
    ]);
    expect(store.state.runs[2]).toMatchObject({
      provider: "yahoo",
      target: "IWM",
      rangeFrom: dates[19],
      rangeTo: today,
    });
  });

  it("stores catalog metadata and the real provenance", async () => {
    const store = new MemoryStore();
    await ingestFromProvider(store, IWM, new FakeBars(history), { today });
    expect(await store.instrument("IWM")).toMatchObject({
      symbol: "IWM",
      name: "iShares Russell 2000 ETF",
      kind: "ETF",
      segment: "small_cap",
      benchmarkSymbol: "^RUT",
      provenance: "yahoo",
      sources: ["yahoo"],
    });
  });

  it("replaces demo rows in the same transaction and keeps stored metadata", async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      const id = await tx.upsertInstrument({
        symbol: "IWM",
        name: "Demo small caps",
        kind: "ETF",
        segment: "small_cap",
        benchmarkSymbol: "^RUT",
        inceptionDate: null,
        provenance: "demo",
      });
      await tx.upsertBars(id, [bar("2023-06-01", 50), bar("2024-01-02", 51)], "demo");
    });
    const report = await ingestFromProvider(store, IWM, new FakeBars(history), { today });
    expect(report).toMatchObject({ status: "ok", added: 30, demoDeleted: 2 });
    const stored = await store.instrument("IWM");
    expect(stored).toMatchObject({ name: "Demo small caps", provenance: "yahoo", sources: ["yahoo"] });
  });

  it("a failure halfway through leaves the store exactly as before, and is logged", async () => {
    const store = new MemoryStore();
    await ingestFromProvider(store, IWM, new FakeBars(history.slice(0, 10)), { today });
    const before = store.snapshot();
    const changed = history.map((b) => ({ ...b, close: b.close + 0.5, high: b.high! + 0.5 }));
    const report = await ingestFromProvider(
      failingStore(store, "upsertBars", 2),
      IWM,
      new FakeBars(changed),
      {
        today,
        full: true,
        chunkSize: 5,
      },
    );
    expect(report.status).toBe("failed");
    expect(report.error).toMatch(/injected failure/);
    expect(store.snapshot()).toBe(before);
    expect(store.state.runs.at(-1)).toMatchObject({ status: "failed", rowsAdded: 0 });
  });

  it("rejects a whole answer with bad rows unless --skip-invalid", async () => {
    const rows = [...history.slice(0, 5), bar("2024-02-01", 10, { high: 5, low: 9 })];
    const store = new MemoryStore();
    const rejected = await ingestFromProvider(store, IWM, new FakeBars(rows), { today });
    expect(rejected.status).toBe("failed");
    expect(rejected.error).toMatch(/1 invalid row .*line 6: high 5 is below low 9.*--skip-invalid/);
    expect(await store.instrument("IWM")).toBeNull();
    expect(store.state.runs[0]).toMatchObject({ status: "failed", rowsRejected: 1 });

    const partial = await ingestFromProvider(store, IWM, new FakeBars(rows), { today, skipInvalid: true });
    expect(partial).toMatchObject({ status: "partial", added: 5, rejected: 1 });
    expect(store.state.runs[1]).toMatchObject({ status: "partial", rowsAdded: 5, rowsRejected: 1 });
  });

  it("dry run: exact counts, nothing written, nothing logged", async () => {
    const store = new MemoryStore();
    const before = store.snapshot();
    const report = await ingestFromProvider(store, IWM, new FakeBars(history), { today, dryRun: true });
    expect(report).toMatchObject({ status: "dry-run", added: 30 });
    expect(store.snapshot()).toBe(before);
    expect(store.state.runs).toEqual([]);
  });

  it("reports provider errors as failed items without throwing", async () => {
    const store = new MemoryStore();
    const broken = {
      name: "stooq" as const,
      fetchBars: async () => {
        throw new Error("stooq: unknown symbol");
      },
    };
    const report = await ingestFromProvider(store, IWM, broken, { today });
    expect(report).toMatchObject({ status: "failed", error: "stooq: unknown symbol" });
  });

  it("is up to date when the last stored date is after --to", async () => {
    const store = new MemoryStore();
    await ingestFromProvider(store, IWM, new FakeBars(history), { today });
    const p = new FakeBars(history);
    const report = await ingestFromProvider(store, IWM, p, { today, to: "2024-01-10" });
    expect(report.status).toBe("up-to-date");
    expect(p.ranges).toEqual([]);
  });

  it("series: catalog metadata, incremental, idempotent", async () => {
    const store = new MemoryStore();
    const obs = dates.map((date, i) => ({ date, value: 4 + i / 100 }));
    const p = new FakeSeries(obs.slice(0, 25));
    expect(await ingestFromProvider(store, DGS10, p, { today })).toMatchObject({ status: "ok", added: 25 });
    expect(await store.series("DGS10")).toMatchObject({
      unit: "percent",
      frequency: "daily",
      provenance: "fred",
    });
    p.rows = obs;
    expect(await ingestFromProvider(store, DGS10, p, { today })).toMatchObject({ added: 5, unchanged: 1 });
  });
});

describe("CSV imports (memory store)", () => {
  it("a source lacking a column never erases a stored value", async () => {
    const store = new MemoryStore();
    const full =
      "date,adj_close,close,high,low,open,volume\n2025-02-19,225.9,226.43,227.15,225.08,225.41,16194800\n";
    await importBars(store, "IWM", readBarsCsv(full, "main.csv"), "csv");
    const supplement =
      "date,open,high,low,close,volume\n2025-02-19,225.41,227.15,225.08,226.43,16194800\n2025-02-20,226.01,226.19,223.01,224.26,18507700\n";
    const report = await importBars(store, "IWM", readBarsCsv(supplement, "supp.csv"), "csv");
    expect(report).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
    const bars = store.state.bars.get(store.state.instruments.get("IWM")!.id)!;
    expect(bars.get("2025-02-19")!.adjClose).toBe(225.9);
    expect(bars.get("2025-02-20")!.adjClose).toBeNull();
  });

  it("a file with bad rows is rejected whole; stored rows are untouched", async () => {
    const store = new MemoryStore();
    await importObservations(
      store,
      "DGS2",
      readSeriesCsv("observation_date,DGS2\n2024-01-02,4.3\n", "a.csv"),
      "csv",
    );
    const before = store.snapshot();
    const bad = readSeriesCsv("observation_date,DGS2\n2024-01-02,9.9\n2024-01-03,x\n", "b.csv");
    const report = await importObservations(store, "DGS2", bad, "csv");
    expect(report).toMatchObject({ status: "failed", rejected: 1, added: 0, updated: 0 });
    expect(report.rejections).toEqual([{ file: "b.csv", line: 3, reason: 'DGS2 is not a number: "x"' }]);
    expect(store.snapshot()).toBe(before);
  });
});

describe("near", () => {
  it("treats float-printing noise as equal, real changes as different", async () => {
    const { near } = await import("./pipeline.js");
    expect(near(225.41000366210938, 225.41000366210935)).toBe(true);
    expect(near(null, null)).toBe(true);
    expect(near(1, null)).toBe(false);
    expect(near(225.41, 225.42)).toBe(false);
  });
});
