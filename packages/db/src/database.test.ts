import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalsOf } from "./database.js";
import {
  createDatabase,
  createTestDatabase,
  DatabaseConfigError,
  migrate,
  type TestDatabase,
  testBackends,
} from "./index.js";

describe("DATABASE_URL", () => {
  it.each(["mysql://root@localhost/db", "http://example.com", "not a url", "postgres://", "file://"])(
    "rejects %s with DatabaseConfigError",
    async (url) => {
      await expect(createDatabase({ url })).rejects.toBeInstanceOf(DatabaseConfigError);
      await expect(createDatabase({ url })).rejects.toThrow(/DATABASE_URL/);
    },
  );

  it("reads DATABASE_URL when no url is given", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "oracle://x";
    try {
      await expect(createDatabase()).rejects.toBeInstanceOf(DatabaseConfigError);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

for (const backend of testBackends()) {
  describe(`database (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend, { migrate: false });
    });
    afterAll(async () => t?.cleanup());

    it("migrates a new database, then is a no-op", async () => {
      const first = await migrate(t.db);
      expect(first.applied.length).toBeGreaterThan(0);
      const again = await migrate(t.db);
      expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
    });

    it("enforces foreign keys (and on SQLite runs in WAL mode)", async () => {
      await expect(
        t.db.upsertBars(987_654, [{ date: "2024-01-02", close: 1 }], { source: "x" }),
      ).rejects.toThrow();
      if (backend === "sqlite") {
        const rows = await internalsOf(t.db).client.$queryRawUnsafe<{ journal_mode: string }[]>(
          "PRAGMA journal_mode",
        );
        expect(rows[0]?.journal_mode).toBe("wal");
      }
    });

    it("keeps data across close and reopen", async () => {
      const iwm = await t.db.upsertInstrument({
        symbol: "iwm",
        name: "iShares Russell 2000 ETF",
        kind: "ETF",
        segment: "small_cap",
        benchmarkSymbol: "^rut",
        inceptionDate: "2000-05-22",
        provenance: "demo",
      });
      expect(iwm.symbol).toBe("IWM");
      expect(iwm.benchmarkSymbol).toBe("^RUT");
      await t.db.upsertBars(iwm.id, [
        { date: "2024-01-02", open: 200, high: 201, low: 198, close: 199.5, adjClose: 199, volume: 1e7 },
        { date: "2024-01-03", close: 197 },
      ]);
      const db = await t.reopen();
      const [again] = await db.instruments.bySymbols(["Iwm"]);
      expect(again?.id).toBe(iwm.id);
      const bars = (await db.bars.forInstruments([iwm.id])).get(iwm.id)!;
      expect(Array.from(bars.close)).toEqual([199.5, 197]);
      expect(Number.isNaN(bars.open[1])).toBe(true);
      expect(bars.dates[0]).toBe(19724); // 2024-01-02
    });
  });
}
