/**
 * O(1) SQL: a query for 10 instruments' performance, indicators, comparisons and valuations issues the
 * same number of SQL statements as the same query for 1 instrument. Statements are counted at the
 * database (every statement the Prisma driver adapter sends), on SQLite and PostgreSQL.
 */
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.js";

const QUERY = `query($symbols: [String!]!) {
  instruments(filter: { symbols: $symbols }) {
    symbol
    performance(range: { from: "2020-01-01" }) { totalReturn sharpe maxDrawdown { depth } }
    sma(period: 50, range: { from: "2024-01-01" }) { value }
    rsi(range: { from: "2024-01-01" }) { value }
    macd(range: { from: "2024-06-01" }) { histogram }
    relativeTo(benchmark: "SPY", range: { from: "2021-01-01" }) { returnGap beta }
    valuation { forwardPE }
    bars(first: 5) { totalCount }
  }
}`;

describe.each(testBackends())("SQL statements per request on %s", (backend) => {
  let s: TestServer;
  const extra = ["IWN", "IWO", "VTWO", "IJR", "VB"];
  beforeAll(async () => {
    s = await startTestServer(backend);
    // Five more instruments so that ten besides the benchmark can be asked for.
    const iwm = (await s.db.instruments.bySymbols(["IWM"]))[0]!;
    const bars = (await s.db.bars.forInstruments([iwm.id], { from: "2015-01-01" })).get(iwm.id)!;
    for (const [k, symbol] of extra.entries()) {
      const row = await s.db.upsertInstrument({
        symbol,
        name: `Test ${symbol}`,
        kind: "ETF",
        segment: "small_cap",
        provenance: "demo",
      });
      const rows = Array.from(bars.dates, (d, i) => ({
        date: new Date(d * 86_400_000).toISOString().slice(0, 10),
        close: bars.close[i]! * (1 + k / 10),
        adjClose: bars.adjClose[i]! * (1 + k / 10),
      }));
      await s.db.upsertBars(row.id, rows, { source: "demo" });
    }
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  async function statementsFor(symbols: string[]): Promise<number> {
    let count = 0;
    const off = s.db.onQuery(() => {
      count++;
    });
    try {
      const { body } = await s.gql<{ instruments: unknown[] }>(QUERY, { symbols });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data!.instruments).toHaveLength(symbols.length);
    } finally {
      off();
    }
    return count;
  }

  it("does not grow with the number of instruments", async () => {
    const one = await statementsFor(["IWM"]);
    const ten = await statementsFor(["IWM", "KRE", "QQQ", "^RUT", "^GSPC", ...extra]);
    expect(one).toBeGreaterThan(0);
    expect(ten).toBe(one);
    // instruments asked for, their bars, their valuations, then the benchmark (SPY, not among them) and its bars
    expect(one).toBe(5);
  });
});
