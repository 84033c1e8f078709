/** The query limits (depth, aliases, cost, range length, symbols), each with its clear error. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

describe("query limits", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {
      CYCLELENS_MAX_DEPTH: "6",
      CYCLELENS_MAX_ALIASES: "3",
      CYCLELENS_MAX_COST: "8000",
      CYCLELENS_MAX_RANGE_YEARS: "10",
      CYCLELENS_MAX_SYMBOLS: "4",
    });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("limits depth", async () => {
    const deep =
      '{ instrument(symbol: "IWM") { benchmark { benchmark { benchmark { benchmark { benchmark { symbol } } } } } } }';
    const { body } = await s.gql(deep);
    expect(errorCode(body)).toBe("QUERY_LIMIT_EXCEEDED");
    expect(body.errors![0]!.extensions).toMatchObject({ limit: "depth", max: 6, actual: 7 });
    expect(body.errors![0]!.message).toMatch(/depth 7 exceeds the maximum depth of 6/);
    const fine = await s.gql('{ instrument(symbol: "IWM") { benchmark { symbol } } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it("does not count introspection towards depth", async () => {
    const { body } = await s.gql(
      "{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }",
    );
    expect(body.errors).toBeUndefined();
  });

  it("limits aliases", async () => {
    const { body } = await s.gql(
      '{ a: instrument(symbol: "IWM") { symbol } b: instrument(symbol: "SPY") { symbol } c: instrument(symbol: "KRE") { symbol } d: instrument(symbol: "QQQ") { symbol } }',
    );
    expect(errorCode(body)).toBe("QUERY_LIMIT_EXCEEDED");
    expect(body.errors![0]!.extensions).toMatchObject({ limit: "aliases", max: 3, actual: 4 });
  });

  it("limits cost (instruments × points), with variables", async () => {
    const q =
      "query($s: [String!]!, $r: DateRange) { instruments(filter: { symbols: $s }) { series(range: $r) { value } } }";
    const small = await s.gql(q, { s: ["IWM"], r: { from: "2024-01-01", to: "2024-12-31" } });
    expect(small.body.errors).toBeUndefined();
    const big = await s.gql(q, {
      s: ["IWM", "SPY", "KRE", "QQQ"],
      r: { from: "2015-01-01", to: "2024-12-31" },
    });
    expect(errorCode(big.body)).toBe("QUERY_LIMIT_EXCEEDED");
    expect(big.body.errors![0]!.extensions).toMatchObject({ limit: "cost", max: 8000 });
    expect(big.body.errors![0]!.extensions!.actual as number).toBeGreaterThan(8000);
    expect(big.body.data ?? null).toBeNull();
  });

  it("limits the range length", async () => {
    const { body } = await s.gql(
      '{ instrument(symbol: "IWM") { performance(range: { from: "2000-01-01", to: "2024-12-31" }) { cagr } } }',
    );
    expect(errorCode(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0]!.message).toMatch(/range: spans 25\.0 years; the limit is 10 years/);
  });

  it("limits the number of symbols", async () => {
    const { body } = await s.gql(
      '{ instruments(filter: { symbols: ["IWM", "SPY", "KRE", "QQQ", "^RUT"] }) { symbol } }',
    );
    expect(errorCode(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0]!.message).toMatch(/filter\.symbols: lists 5 symbols; the limit is 4/);
  });
});
