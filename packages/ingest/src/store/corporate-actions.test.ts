/**
 * Yahoo's dividends and splits through the whole pipeline into the real database (SQLite always,
 * PostgreSQL when TEST_POSTGRES_URL is set), from the recorded IWM answer plus a split event.
 */
import { createTestDatabase, type Database, type TestDatabase, testBackends } from "@cyclelens/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failingStore } from "../../test/fakes.js";
import { fixture, quiet, scriptedFetch } from "../../test/helpers.js";
import { parseIngestArgs } from "../args.js";
import { parseSplitRatio, readCorporateActionsCsv } from "../csv/formats.js";
import { importCorporateActions, ingestFromProvider } from "../pipeline.js";
import { YahooProvider } from "../providers/yahoo.js";
import { DbStore } from "./db-store.js";

const IWM = { kind: "instrument", name: "IWM", provider: "yahoo" } as const;
const today = "2024-09-30";

/** The recorded IWM answer (bars 2024-09-16..20, a 0.48 dividend on 2024-09-25) plus a 2:1 split on 2024-09-18. */
function answer(): string {
  const body = JSON.parse(fixture("yahoo-iwm.json"));
  const t = Date.UTC(2024, 8, 18, 13, 30) / 1000;
  body.chart.result[0].events.splits = { [t]: { date: t, numerator: 2, denominator: 1, splitRatio: "2:1" } };
  return JSON.stringify(body);
}

const yahoo = () =>
  new YahooProvider({ ...quiet(scriptedFetch({ body: answer(), type: "application/json" })), today });

async function actions(db: Database) {
  const ids = (await db.instruments.list()).map((i) => i.id);
  return [...(await db.corporateActions.forInstruments(ids)).values()].flat();
}

async function snapshot(db: Database) {
  const ids = (await db.instruments.list()).map((i) => i.id);
  const bars = [...(await db.bars.forInstruments(ids)).values()].map((b) => Array.from(b.close));
  return JSON.stringify({ instruments: await db.instruments.list(), bars, actions: await actions(db) });
}

const CSV = `date,symbol,kind,value,source
2024-06-11,IWM,split,2:1,
2024-09-25,IWM,dividend,0.48,issuer
2024-09-26,IWM,dividend,-1,
2024-09-27,IWM,split,two,
2024-09-28,IWM,merger,1,
2024-09-29,XYZ,dividend,1,
`;

describe("corporate-action CSV", () => {
  it("parses split ratios", () => {
    expect(parseSplitRatio("2:1")).toEqual({ numerator: 2, denominator: 1 });
    expect(parseSplitRatio("1/10")).toEqual({ numerator: 1, denominator: 10 });
    expect(parseSplitRatio("3-for-2")).toEqual({ numerator: 3, denominator: 2 });
    expect(parseSplitRatio("4 for 1")).toEqual({ numerator: 4, denominator: 1 });
    expect(parseSplitRatio("4")).toEqual({ numerator: 4, denominator: 1 });
    for (const bad of ["", "0:1", "2:0", "two", "-2:1", "2:1:1"])
      expect(parseSplitRatio(bad)).toBeUndefined();
  });

  it("reads date,symbol,kind,value,source and rejects bad values with their line", () => {
    const parsed = readCorporateActionsCsv(CSV, "actions.csv");
    expect(parsed.rows.map((r) => r.row)).toEqual([
      {
        symbol: "IWM",
        date: "2024-06-11",
        source: "csv",
        kind: "split",
        amount: null,
        numerator: 2,
        denominator: 1,
      },
      {
        symbol: "IWM",
        date: "2024-09-25",
        source: "issuer",
        kind: "dividend",
        amount: 0.48,
        numerator: null,
        denominator: null,
      },
      {
        symbol: "XYZ",
        date: "2024-09-29",
        source: "csv",
        kind: "dividend",
        amount: 1,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(parsed.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'dividend amount must be a number > 0, got "-1"'],
      [5, 'split ratio must be N:D (e.g. 2:1, 1:10) with positive numbers, got "two"'],
      [6, 'kind must be dividend or split, got "merger"'],
    ]);
  });

  it("is a --kind of the CLI", () => {
    expect(parseIngestArgs(["--csv", "a.csv", "--kind", "actions"]).kind).toBe("actions");
  });
});

for (const backend of testBackends()) {
  describe(`Yahoo corporate actions on ${backend}`, () => {
    let t: TestDatabase;
    let store: DbStore;
    beforeEach(async () => {
      t = await createTestDatabase(backend);
      store = new DbStore(t.db, false);
    });
    afterEach(async () => {
      await t.cleanup();
    });

    it("stores splits and dividends with the bars; a re-run changes nothing", async () => {
      const first = await ingestFromProvider(store, IWM, yahoo(), { today });
      expect(first).toMatchObject({
        status: "ok",
        added: 4,
        actions: { inserted: 2, updated: 0, unchanged: 0 },
      });
      expect(await actions(t.db)).toEqual([
        { date: "2024-09-18", kind: "split", amount: null, numerator: 2, denominator: 1, source: "yahoo" },
        {
          date: "2024-09-25",
          kind: "dividend",
          amount: 0.48,
          numerator: null,
          denominator: null,
          source: "yahoo",
        },
      ]);
      const before = await snapshot(t.db);
      const version = await t.db.dataVersion();
      // incremental: from the last bar (2024-09-20), so only the dividend is in the range again
      const again = await ingestFromProvider(store, IWM, yahoo(), { today });
      expect(again).toMatchObject({
        status: "ok",
        added: 0,
        actions: { inserted: 0, updated: 0, unchanged: 1 },
      });
      const full = await ingestFromProvider(store, IWM, yahoo(), { today, full: true });
      expect(full).toMatchObject({
        status: "ok",
        added: 0,
        actions: { inserted: 0, updated: 0, unchanged: 2 },
      });
      expect(await snapshot(t.db)).toBe(before);
      expect(await t.db.dataVersion()).toBe(version);
    });

    it("keeps only the events of the fetched range", async () => {
      const report = await ingestFromProvider(store, IWM, yahoo(), { today, to: "2024-09-20" });
      expect(report.actions).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect((await actions(t.db)).map((a) => a.kind)).toEqual(["split"]);
    });

    it("a failure while writing the actions leaves nothing: no instrument, bars or actions", async () => {
      const version = await t.db.dataVersion(); // migrate stored the FOMC record
      const report = await ingestFromProvider(
        failingStore(store, "upsertCorporateActions", 1),
        IWM,
        yahoo(),
        {
          today,
        },
      );
      expect(report).toMatchObject({ status: "failed", added: 0 });
      expect(report.error).toMatch(/injected failure in upsertCorporateActions/);
      expect(await t.db.instruments.list()).toEqual([]);
      expect(await t.db.dataVersion()).toBe(version);
      // and with data already stored, a failed re-run changes nothing
      await ingestFromProvider(store, IWM, yahoo(), { today, to: "2024-09-20" });
      const before = await snapshot(t.db);
      const failed = await ingestFromProvider(
        failingStore(store, "upsertCorporateActions", 1),
        IWM,
        yahoo(),
        {
          today,
          full: true,
        },
      );
      expect(failed.status).toBe("failed");
      expect(await snapshot(t.db)).toBe(before);
    });

    it("imports a CSV file in one transaction (all or nothing), idempotently", async () => {
      const strict = await importCorporateActions(
        store,
        "actions.csv",
        readCorporateActionsCsv(CSV, "actions.csv"),
      );
      expect(strict).toMatchObject({ status: "failed", rejected: 4 });
      expect(await t.db.instruments.list()).toEqual([]);
      const ok = () =>
        importCorporateActions(store, "actions.csv", readCorporateActionsCsv(CSV, "actions.csv"), {
          skipInvalid: true,
        });
      expect(await ok()).toMatchObject({ status: "partial", added: 2, rejected: 4 });
      expect((await actions(t.db)).map((a) => `${a.date} ${a.kind} ${a.source}`)).toEqual([
        "2024-06-11 split csv",
        "2024-09-25 dividend issuer",
      ]);
      const version = await t.db.dataVersion();
      expect(await ok()).toMatchObject({ status: "partial", added: 0, updated: 0, unchanged: 2 });
      expect(await t.db.dataVersion()).toBe(version);
    });

    it("deletes the instrument's demo actions in the same transaction", async () => {
      const demo = await t.db.upsertInstrument({
        symbol: "IWM",
        name: "iShares Russell 2000 ETF",
        kind: "ETF",
        segment: "small_cap",
        provenance: "demo",
      });
      await t.db.upsertBars(demo.id, [{ date: "2024-09-03", close: 200 }]);
      await t.db.upsertCorporateActions(demo.id, [{ date: "2024-06-11", kind: "dividend", amount: 0.3 }]);
      const report = await ingestFromProvider(store, IWM, yahoo(), { today });
      expect(report).toMatchObject({ status: "ok", demoDeleted: 2 });
      expect((await actions(t.db)).map((a) => a.source)).toEqual(["yahoo", "yahoo"]);
    });
  });
}
