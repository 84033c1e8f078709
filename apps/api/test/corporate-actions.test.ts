/** Instrument.corporateActions end to end: stored dividends and splits, filtered by range and kind, fresh after a write, costed. */
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

const QUERY = `query($symbol: String!, $range: DateRange, $kind: CorporateActionKind) {
  instrument(symbol: $symbol) {
    symbol
    corporateActions(range: $range, kind: $kind) { date kind amount numerator denominator ratio source }
  }
}`;

type Body = { instrument: { symbol: string; corporateActions: Record<string, unknown>[] } | null };

describe.each(testBackends())("corporate actions on %s", (backend) => {
  let s: TestServer;
  let cheap: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend, {}, { seed: false });
    cheap = await startTestServer(backend, { CYCLELENS_MAX_COST: "400" }, { seed: false });
    for (const server of [s, cheap]) {
      const iwm = await server.db.upsertInstrument({
        symbol: "IWM",
        name: "iShares Russell 2000 ETF",
        kind: "ETF",
        segment: "small_cap",
        provenance: "yahoo",
      });
      await server.db.upsertInstrument({
        symbol: "SPY",
        name: "SPY",
        kind: "ETF",
        segment: "large_cap",
        provenance: "yahoo",
      });
      await server.db.upsertCorporateActions(iwm.id, [
        { date: "2023-12-20", kind: "dividend", amount: 0.85 },
        { date: "2024-06-11", kind: "split", numerator: 2, denominator: 1 },
        { date: "2024-09-25", kind: "dividend", amount: 0.48 },
      ]);
    }
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await cheap?.close();
  });

  it("returns the stored actions in date order, with their values and source", async () => {
    const { body } = await s.gql<Body>(QUERY, { symbol: "iwm" });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data?.instrument?.corporateActions).toEqual([
      {
        date: "2023-12-20",
        kind: "DIVIDEND",
        amount: 0.85,
        numerator: null,
        denominator: null,
        ratio: null,
        source: "yahoo",
      },
      {
        date: "2024-06-11",
        kind: "SPLIT",
        amount: null,
        numerator: 2,
        denominator: 1,
        ratio: 2,
        source: "yahoo",
      },
      {
        date: "2024-09-25",
        kind: "DIVIDEND",
        amount: 0.48,
        numerator: null,
        denominator: null,
        ratio: null,
        source: "yahoo",
      },
    ]);
    const none = await s.gql<Body>(QUERY, { symbol: "SPY" });
    expect(none.body.data?.instrument?.corporateActions).toEqual([]);
  });

  it("filters by range and kind", async () => {
    const dividends2024 = await s.gql<Body>(QUERY, {
      symbol: "IWM",
      range: { from: "2024-01-01", to: "2024-12-31" },
      kind: "DIVIDEND",
    });
    expect(dividends2024.body.data?.instrument?.corporateActions.map((a) => a.date)).toEqual(["2024-09-25"]);
    const splits = await s.gql<Body>(QUERY, { symbol: "IWM", kind: "SPLIT" });
    expect(splits.body.data?.instrument?.corporateActions.map((a) => a.date)).toEqual(["2024-06-11"]);
    const bad = await s.gql<Body>(QUERY, { symbol: "IWM", range: { from: "2024-02-01", to: "2024-01-01" } });
    expect(errorCode(bad.body)).toBe("BAD_USER_INPUT");
  });

  it("reads fresh data after a write (history cache keyed by the dataset version)", async () => {
    await s.gql<Body>(QUERY, { symbol: "IWM" });
    const iwm = (await s.db.instruments.bySymbols(["IWM"]))[0]!;
    await s.db.upsertCorporateActions(iwm.id, [{ date: "2024-12-17", kind: "dividend", amount: 0.72 }]);
    const { body } = await s.gql<Body>(QUERY, { symbol: "IWM", kind: "DIVIDEND" });
    expect(body.data?.instrument?.corporateActions.map((a) => a.amount)).toEqual([0.85, 0.48, 0.72]);
  });

  it("is estimated at 50 actions × the fields selected, per instrument", async () => {
    const one = await cheap.gql<Body>(QUERY, { symbol: "IWM" });
    expect(one.body.errors).toBeUndefined();
    const fields = "date kind amount numerator denominator ratio source";
    const two = await cheap.gql(
      `{ a: instrument(symbol: "IWM") { corporateActions { ${fields} } } b: instrument(symbol: "SPY") { corporateActions { ${fields} } } }`,
    );
    expect(errorCode(two.body)).toBe("QUERY_LIMIT_EXCEEDED");
    // per instrument: the instrument (1) + the field (1) + 50 × 7 fields
    expect(two.body.errors?.[0]?.extensions).toMatchObject({ limit: "cost", max: 400, actual: 704 });
  });
});
