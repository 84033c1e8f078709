/**
 * O(1) SQL: a query for 10 instruments' performance, indicators, comparisons and valuations issues the
 * same number of SQL statements as the same query for 1 instrument (history cache and response cache off, so
 * every request reads the database). With the cache on, a repeated request issues one statement (the dataset version),
 * and a write makes the next request read fresh data. Statements are counted at the database (every
 * statement the Prisma driver adapter sends), on SQLite and PostgreSQL.
 */
import { READ_PAGE, testBackends } from "@cyclelens/db";
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
    // both caches off: every request reads the database (with the response cache on, each request would also
    // read the dataset version for its key)
    s = await startTestServer(backend, { CYCLELENS_CACHE_ENTRIES: "0", CYCLELENS_RESPONSE_CACHE: "off" });
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
    const tenSymbols = ["IWM", "KRE", "QQQ", "^RUT", "^GSPC", ...extra];
    const one = await statementsFor(["IWM"]);
    const ten = await statementsFor(tenSymbols);
    expect(one).toBeGreaterThan(0);
    // Histories are read in pages of READ_PAGE rows (a 2,000,000-bar instrument must not block the process
    // for seconds): the ten instruments' bars take more than one page, the one instrument's one.
    const ids = (await s.db.instruments.bySymbols(tenSymbols)).map((i) => i.id);
    let rows = 0;
    for (const bars of (await s.db.bars.forInstruments(ids)).values()) rows += bars.dates.length;
    // The instrument list (symbols and the benchmark resolve from it), the asked instruments' bars, their
    // valuations, then the benchmark's bars (SPY is not among them, `relativeTo` asks for it once the benchmark
    // resolved). On a loaded machine the first batch of bars can wait for the next turn of the event loop (a
    // yield point of the request budget) and the benchmark's bars then join it: one statement fewer, never more.
    const spy = (await s.db.instruments.bySymbols(["SPY"]))[0]!.id;
    const spyRows = (await s.db.bars.forInstruments([spy])).get(spy)!.dates.length;
    const pages = (n: number) => Math.ceil(n / READ_PAGE);
    const iwm = (await s.db.instruments.bySymbols(["IWM"]))[0]!.id;
    const iwmRows = (await s.db.bars.forInstruments([iwm])).get(iwm)!.dates.length;
    expect([3 + pages(iwmRows), 2 + pages(iwmRows + spyRows)]).toContain(one);
    expect([3 + pages(rows), 2 + pages(rows + spyRows)]).toContain(ten);
    expect(one).toBeLessThanOrEqual(4);
  });

  it("market ratios and event studies do not grow with the number of pairs", async () => {
    const count = async (query: string) => {
      let n = 0;
      const off = s.db.onQuery(() => {
        n++;
      });
      try {
        const { body } = await s.gql(query);
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      } finally {
        off();
      }
      return n;
    };
    const pairs = (list: string[]) =>
      `{ marketRatios(pairs: [${list.map((x) => `{ numerator: "${x}", denominator: "SPY" }`).join(", ")}]) { current { ratioVsAverage } }
        eventStudy(events: { source: CURVE_UNINVERSIONS }, base: "${list[0]}", benchmark: "SPY") { horizons { excess { mean } } } }`;
    const sixSymbols = ["IWM", "KRE", "QQQ", ...extra.slice(0, 3)];
    const one = await count(pairs(["IWM"]));
    const six = await count(pairs(sixSymbols));
    // Histories are read in pages of READ_PAGE rows (see the first test): the six pairs' bars and SPY's take
    // more than one page, IWM's and SPY's one.
    const ids = (await s.db.instruments.bySymbols([...sixSymbols, "SPY"])).map((i) => i.id);
    let rows = 0;
    for (const bars of (await s.db.bars.forInstruments(ids)).values()) rows += bars.dates.length;
    expect(six).toBe(one + Math.ceil(rows / READ_PAGE) - 1);
  });
});

describe.each(testBackends())("history cache on %s", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  const LAST =
    '{ instrument(symbol: "IWM") { lastDate performance(range: { from: "2026-01-01" }) { endValue } } }';

  async function counted<T>(query: string): Promise<{ statements: number; data: T }> {
    let statements = 0;
    const off = s.db.onQuery(() => {
      statements++;
    });
    try {
      const { body } = await s.gql<T>(query);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return { statements, data: body.data as T };
    } finally {
      off();
    }
  }

  it("answers a repeated request with one statement and reloads after a write", async () => {
    const symbols = ["IWM", "KRE", "QQQ", "^RUT", "^GSPC"];
    const first = await counted(
      QUERY.replace("query($symbols: [String!]!)", "query").replace("$symbols", JSON.stringify(symbols)),
    );
    expect(first.statements).toBeGreaterThan(1);
    const again = await counted(
      QUERY.replace("query($symbols: [String!]!)", "query").replace("$symbols", JSON.stringify(symbols)),
    );
    expect(again.statements).toBe(1); // the dataset version
    expect(again.data).toEqual(first.data);

    type Last = { instrument: { lastDate: string; performance: { endValue: number } } };
    const before = await counted<Last>(LAST);
    expect(before.data.instrument.lastDate).toBe("2026-11-20");
    const iwm = (await s.db.instruments.bySymbols(["IWM"]))[0]!;
    await s.db.upsertBars(iwm.id, [{ date: "2026-11-23", close: 300, adjClose: 300 }], { source: "demo" });
    const after = await counted<Last>(LAST);
    expect(after.statements).toBeGreaterThan(1);
    expect(after.data.instrument).toEqual({ lastDate: "2026-11-23", performance: { endValue: 300 } });
  });
});
