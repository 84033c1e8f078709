import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CorporateActionRow,
  createTestDatabase,
  InvalidRowError,
  type QueryEvent,
  type TestDatabase,
  testBackends,
  transactionWithDemoPurge,
} from "./index.js";

const rows: CorporateActionRow[] = [
  { date: "2024-03-20", kind: "dividend", amount: 0.42 },
  { date: "2024-06-11", kind: "dividend", amount: 0.45 },
  { date: "2024-06-11", kind: "split", numerator: 2, denominator: 1 },
  { date: "2024-09-25", kind: "dividend", amount: 0.48 },
];

for (const backend of testBackends()) {
  describe(`corporate actions (${backend})`, () => {
    let t: TestDatabase;
    let a: number;
    let b: number;
    let c: number;

    beforeAll(async () => {
      t = await createTestDatabase(backend);
      const inst = (symbol: string) =>
        t.db.upsertInstrument({ symbol, name: symbol, kind: "ETF", segment: "broad", provenance: "yahoo" });
      a = (await inst("AAA")).id;
      b = (await inst("BBB")).id;
      c = (await inst("CCC")).id;
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("upserts idempotently, counts, and bumps the dataset version only on change", async () => {
      const v0 = await t.db.dataVersion();
      expect(await t.db.upsertCorporateActions(a, rows)).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
      const v1 = await t.db.dataVersion();
      expect(v1).toBeGreaterThan(v0);
      expect(await t.db.upsertCorporateActions(a, rows)).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      expect(await t.db.dataVersion()).toBe(v1);
      // a corrected amount is an update; the other kind's fields are ignored
      const fixed = [{ ...rows[0]!, amount: 0.43, numerator: 9 }, rows[1]!];
      expect(await t.db.upsertCorporateActions(a, fixed)).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
      expect(await t.db.dataVersion()).toBeGreaterThan(v1);
      await t.db.upsertCorporateActions(a, rows);
      // source defaults to the instrument's provenance
      const got = (await t.db.corporateActions.forInstruments([a])).get(a)!;
      expect(got).toEqual([
        {
          date: "2024-03-20",
          kind: "dividend",
          amount: 0.42,
          numerator: null,
          denominator: null,
          source: "yahoo",
        },
        {
          date: "2024-06-11",
          kind: "dividend",
          amount: 0.45,
          numerator: null,
          denominator: null,
          source: "yahoo",
        },
        { date: "2024-06-11", kind: "split", amount: null, numerator: 2, denominator: 1, source: "yahoo" },
        {
          date: "2024-09-25",
          kind: "dividend",
          amount: 0.48,
          numerator: null,
          denominator: null,
          source: "yahoo",
        },
      ]);
    });

    it("reads many instruments in ONE statement, by range and kind; unknown ids map to []", async () => {
      await t.db.upsertCorporateActions(
        b,
        [{ date: "2024-01-10", kind: "split", numerator: 1, denominator: 10 }],
        {
          source: "csv",
        },
      );
      const events: QueryEvent[] = [];
      const off = t.db.onQuery((e) => events.push(e));
      const got = await t.db.corporateActions.forInstruments([a, b, c, 999_999], {
        from: "2024-01-01",
        to: "2024-06-30",
      });
      off();
      expect(events).toHaveLength(1);
      expect(got.get(a)!.map((x) => `${x.date} ${x.kind}`)).toEqual([
        "2024-03-20 dividend",
        "2024-06-11 dividend",
        "2024-06-11 split",
      ]);
      expect(got.get(b)).toEqual([
        { date: "2024-01-10", kind: "split", amount: null, numerator: 1, denominator: 10, source: "csv" },
      ]);
      expect(got.get(c)).toEqual([]);
      expect(got.get(999_999)).toEqual([]);
      const splits = await t.db.corporateActions.forInstruments([a, b], undefined, "split");
      expect(splits.get(a)!.map((x) => x.date)).toEqual(["2024-06-11"]);
      expect(splits.get(b)!.map((x) => x.date)).toEqual(["2024-01-10"]);
      expect(await t.db.corporateActions.forInstruments([])).toEqual(new Map());
    });

    it("keeps one row per date and kind: a real source before demo, then A→Z", async () => {
      const d = { date: "2023-12-15", kind: "dividend" as const };
      await t.db.upsertCorporateActions(c, [{ ...d, amount: 1 }], { source: "demo" });
      await t.db.upsertCorporateActions(c, [{ ...d, amount: 2 }], { source: "zeta" });
      await t.db.upsertCorporateActions(c, [{ ...d, amount: 3 }], { source: "csv" });
      expect((await t.db.corporateActions.forInstruments([c])).get(c)).toEqual([
        { ...d, amount: 3, numerator: null, denominator: null, source: "csv" },
      ]);
      // the demo purge removes only the demo row, in the caller's transaction
      const deleted = await transactionWithDemoPurge(t.db, (_tx, purge) => purge.corporateActions(c));
      expect(deleted).toBe(1);
    });

    it("rejects a malformed row and writes nothing", async () => {
      const v = await t.db.dataVersion();
      const bad: [CorporateActionRow[], RegExp][] = [
        [[{ date: "2024-02-30", kind: "dividend", amount: 1 }], /date/],
        [[{ date: "2024-02-01", kind: "dividend" }], /amount/],
        [[{ date: "2024-02-01", kind: "dividend", amount: 0 }], /amount must be > 0/],
        [[{ date: "2024-02-01", kind: "split", numerator: 2 }], /denominator/],
        [[{ date: "2024-02-01", kind: "spinoff" as "split", amount: 1 }], /kind/],
      ];
      for (const [input, message] of bad) {
        const err = await t.db.upsertCorporateActions(b, [...rows, ...input]).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InvalidRowError);
        expect((err as Error).message).toMatch(message);
      }
      expect((await t.db.corporateActions.forInstruments([b])).get(b)).toHaveLength(1);
      expect(await t.db.dataVersion()).toBe(v);
    });

    it("rolls back with the surrounding transaction", async () => {
      await expect(
        t.db.transaction(async (tx) => {
          await tx.upsertCorporateActions(c, rows);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect((await t.db.corporateActions.forInstruments([c])).get(c)).toHaveLength(1);
    });
  });
}
