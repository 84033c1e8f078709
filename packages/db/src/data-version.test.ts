import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testBackends, transactionWithDemoPurge } from "./index.js";

for (const backend of testBackends()) {
  describe(`dataset version (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("moves with every write that changes data, and only then", async () => {
      const { db } = t;
      const v0 = await db.dataVersion(); // the migration stored the FOMC record
      const iwm = await db.upsertInstrument({
        symbol: "IWM",
        name: "IWM",
        kind: "ETF",
        segment: "small_cap",
        provenance: "demo",
      });
      const v1 = await db.dataVersion();
      expect(v1).toBeGreaterThan(v0);

      const rows = [
        { date: "2024-01-02", close: 100 },
        { date: "2024-01-03", close: 101 },
      ];
      await db.upsertBars(iwm.id, rows);
      const v2 = await db.dataVersion();
      expect(v2).toBeGreaterThan(v1);

      await db.upsertBars(iwm.id, rows); // identical: nothing changes
      expect(await db.dataVersion()).toBe(v2);

      await db.upsertBars(iwm.id, [{ date: "2024-01-03", close: 102 }]);
      const v3 = await db.dataVersion();
      expect(v3).toBeGreaterThan(v2);

      await expect(
        db.transaction(async (tx) => {
          await tx.upsertBars(iwm.id, [{ date: "2024-01-04", close: 103 }]);
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await db.dataVersion()).toBe(v3); // rolled back with the write

      await transactionWithDemoPurge(db, (_tx, purge) => purge.bars(iwm.id));
      expect(await db.dataVersion()).toBeGreaterThan(v3);
    });
  });
}
