import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "./demo/seed.js";
import { createTestDatabase, type TestDatabase, testBackends } from "./testing.js";

const withPostgres = testBackends().includes("postgresql");

describe("SQLite and PostgreSQL parity", () => {
  if (!withPostgres) {
    it.skip("needs TEST_POSTGRES_URL (set CYCLELENS_TEST_PG=1 or CI=true to make it required)", () => {});
    return;
  }
  let lite: TestDatabase;
  let pg: TestDatabase;
  beforeAll(async () => {
    [lite, pg] = await Promise.all([createTestDatabase("sqlite"), createTestDatabase("postgresql")]);
    await Promise.all([seedDemo(lite.db), seedDemo(pg.db)]);
  });
  afterAll(async () => {
    await Promise.all([lite?.cleanup(), pg?.cleanup()]);
  });

  it("returns identical bars, observations, valuations and positioning for the same queries", async () => {
    const symbols = ["IWM", "SPY", "KRE", "QQQ", "^RUT", "^GSPC"];
    const ids = async (t: TestDatabase) => (await t.db.instruments.bySymbols(symbols)).map((i) => i.id);
    const range = { from: "2007-06-01", to: "2024-06-30" };
    const [a, b] = [await ids(lite), await ids(pg)];
    const [ba, bb] = [await lite.db.bars.forInstruments(a, range), await pg.db.bars.forInstruments(b, range)];
    a.forEach((id, i) => {
      expect(bb.get(b[i]!)).toEqual(ba.get(id));
    });
    expect([...ba.values()].reduce((n, c) => n + c.dates.length, 0)).toBeGreaterThan(20_000);

    const codes = ["DFF", "DGS2", "DGS10", "DFEDTARU", "DFEDTARL"];
    const sa = await lite.db.economicSeries.byCodes(codes);
    const sb = await pg.db.economicSeries.byCodes(codes);
    const oa = await lite.db.observations.forSeries(sa.map((s) => s.id));
    const ob = await pg.db.observations.forSeries(sb.map((s) => s.id));
    sa.forEach((s, i) => {
      expect(ob.get(sb[i]!.id)).toEqual(oa.get(s.id));
    });
    expect([...(await pg.db.valuations.forInstruments(b)).values()]).toEqual([
      ...(await lite.db.valuations.forInstruments(a)).values(),
    ]);
    expect(await pg.db.positioning.forSegments(["small_cap"])).toEqual(
      await lite.db.positioning.forSegments(["small_cap"]),
    );
    const strip = (c: Awaited<ReturnType<typeof lite.db.dataset.coverage>>) =>
      c.instruments.map(({ id: _i, updatedAt: _u, ...rest }) => rest);
    expect(strip(await pg.db.dataset.coverage())).toEqual(strip(await lite.db.dataset.coverage()));
  });
});
