/**
 * Hostile and malformed requests (issue 9): every one is answered with a 4xx or a GraphQL error that carries a
 * code, without blocking, crashing or echoing the input back; the limits are linear in the document; the
 * request budget stops heavy operations; dates outside the calendar are refused with the argument named, with
 * graphql-js and with graphql-jit alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HistoryCache } from "../src/history-cache.js";
import { errorCode, type GraphQLBody, startTestServer, type TestServer } from "./helpers.js";

const KEY = "0123456789abcdef-test";

async function raw(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: GraphQLBody<unknown> | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody<unknown>;
  } catch {}
  return { res, text, body };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe.each(["on", "off"])("hostile requests (graphql-jit %s)", (jit) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {
      CYCLELENS_GRAPHQL_JIT: jit,
      NODE_ENV: "production",
      CYCLELENS_WRITE_KEY: KEY,
      CYCLELENS_MAX_TOKENS: "2000",
      CYCLELENS_MAX_DOCUMENT_BYTES: "20000",
    });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("rejects the 21-fragment document by its cost, fragments counted once", async () => {
    const doc = ['query Q { instrument(symbol: "IWM") { ...F0 } }'];
    for (let i = 0; i < 21; i++)
      doc.push(`fragment F${i} on Instrument { ${i === 20 ? "symbol" : `...F${i + 1} ...F${i + 1}`} }`);
    const { res, body } = await post(s.url, { query: doc.join("\n") });
    expect(res.status).toBe(400);
    expect(body!.errors![0]!.extensions).toMatchObject({
      code: "QUERY_LIMIT_EXCEEDED",
      limit: "cost",
      actual: 2 ** 20 + 1,
    });
  });

  it("rejects deep nesting, long documents and too many tokens or directives before executing", async () => {
    const deep = await post(s.url, { query: `${"{a".repeat(4000)}${"}".repeat(4000)}` });
    expect(deep.res.status).toBe(400);
    expect(deep.body!.errors![0]!.extensions).toMatchObject({
      code: "QUERY_LIMIT_EXCEEDED",
      limit: "nesting",
    });
    const long = await post(s.url, { query: `{ dataset { label } } #${"x".repeat(30_000)}` });
    expect(long.res.status).toBe(400);
    expect(long.body!.errors![0]!.extensions).toMatchObject({ limit: "documentBytes", max: 20000 });
    const tokens = await post(s.url, { query: `{ ${"a ".repeat(2500)} }` });
    expect(tokens.res.status).toBe(400);
    expect(tokens.body!.errors![0]!.extensions).toMatchObject({
      code: "QUERY_LIMIT_EXCEEDED",
      limit: "tokens",
    });
    const directives = await post(s.url, {
      query: `{ dataset ${"@include(if: true) ".repeat(30)} { label } }`,
    });
    expect(directives.res.status).toBe(400);
    expect(directives.body!.errors![0]!.extensions).toMatchObject({ limit: "directives", actual: 30 });
  });

  it("answers client mistakes with 4xx and a GraphQL error body with a code", async () => {
    const badVariables = await raw(
      `${s.url}?query=${encodeURIComponent("{ dataset { label } }")}&variables=%7Bnope`,
    );
    expect(badVariables.res.status).toBe(400);
    expect(errorCode(badVariables.body!)).toBe("BAD_REQUEST");
    const text = await raw(s.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(text.res.status).toBe(415);
    expect(errorCode(text.body!)).toBe("UNSUPPORTED_MEDIA_TYPE");
    const notJson = await post(s.url, "{not json");
    expect(notJson.res.status).toBe(400);
    expect(errorCode(notJson.body!)).toBe("BAD_REQUEST");
    const syntax = await post(s.url, { query: "{ dataset { label " });
    expect(syntax.res.status).toBe(400);
    expect(errorCode(syntax.body!)).toBe("GRAPHQL_PARSE_FAILED");
    const unknown = await post(s.url, { query: "{ nope }" });
    expect(errorCode(unknown.body!)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("caps echoed input", async () => {
    const symbol = "A".repeat(1_000_000);
    const { text, body } = await post(s.url, {
      query: "query($s: String!) { instrument(symbol: $s) { symbol } }",
      variables: { s: symbol },
    });
    expect(errorCode(body!)).toBe("NOT_FOUND");
    expect(text.length).toBeLessThan(2000);
    const junk = await post(s.url, { query: `{ ${"x".repeat(15_000)} }` });
    expect(junk.text.length).toBeLessThan(2000);
  });

  it("names the argument of a bad date literal, of a bad nested variable and of a bad write row", async () => {
    const literal = await post(s.url, {
      query: '{ instrument(symbol: "IWM") { series(range: { from: "0000-02-29" }) { value } } }',
    });
    expect(literal.body!.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "range.from",
    });
    expect(literal.body!.errors![0]!.message).toMatch(
      /range\.from.*outside the supported calendar 1800-01-01 to 2199-12-31/,
    );
    const variable = await post(s.url, {
      query: 'query($r: DateRange) { instrument(symbol: "IWM") { series(range: $r) { value } } }',
      variables: { r: { from: "9999-12-31" } },
    });
    expect(variable.body!.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "range.from",
      variable: "$r.from",
    });
    expect(variable.body!.errors![0]!.message).toBe(
      'Variable "$r" got invalid value "9999-12-31" at "r.from"; "9999-12-31" is outside the supported calendar 1800-01-01 to 2199-12-31',
    );
    const write = await post(
      s.url,
      {
        query:
          'mutation { recordPositioning(segment: "small_cap", unit: "pct", source: "test", observations: [{ date: "0000-02-29", value: 1 }]) { inserted } }',
      },
      { "x-cyclelens-key": KEY },
    );
    expect(write.body!.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "observations[0].date",
    });
    expect(
      await s.db.positioning.forSegments(["small_cap"], { from: "1899-01-01", to: "1901-01-01" }),
    ).toEqual(new Map());
  });

  it("keeps GraphiQL and introspection off in production unless configured", async () => {
    const page = await raw(s.url, { headers: { accept: "text/html" } });
    expect(page.text).not.toContain("GraphiQL");
    const intro = await post(s.url, { query: "{ __schema { types { name } } }" });
    expect(intro.body!.errors?.length).toBeGreaterThan(0);
    expect(intro.body!.errors![0]!.extensions?.code).toBeDefined();
  });
});

describe("request budget and response cap", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {
      CYCLELENS_MAX_COST: "20000",
      CYCLELENS_MAX_RESPONSE_BYTES: "60000",
    });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("stops an operation whose real work passes the maximum, whatever the estimate said", async () => {
    const { body } = await s.gql(
      '{ rateCycles(series: "DGS10", minMoveBp: 5, maxPauseDays: 30) { start performance(symbols: ["IWM", "SPY"]) { return } } }',
    );
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({
      code: "QUERY_LIMIT_EXCEEDED",
      limit: "work",
      max: 20000,
    });
  });

  it("replaces an answer over the response cap by one error", async () => {
    const { body } = await s.gql(
      '{ instrument(symbol: "IWM") { series(range: { from: "2020-01-01" }) { date value } } }',
    );
    expect(errorCode(body)).toBe("RESPONSE_TOO_LARGE");
  });
});

describe("time budget", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {
      CYCLELENS_REQUEST_TIMEOUT_MS: "100",
      CYCLELENS_MAX_COST: "100000000",
    });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("ends an operation at its time budget with QUERY_TIMEOUT", async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) =>
        `a${i}: rateCycles(series: "DGS10", minMoveBp: 1, maxPauseDays: ${i + 1}) { start performance(symbols: ["IWM", "SPY", "KRE"]) { return } }`,
    ).join(" ");
    const { body } = await s.gql(`{ ${aliases} }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TIMEOUT", max: 100 });
    // the server is free again at once
    const next = await s.gql("{ dataset { label } }");
    expect(next.body.errors).toBeUndefined();
  });
});

describe("safe defaults", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", { CORS_ORIGINS: "*,https://app.example.com" });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });
  const base = () => s.url.replace(/\/graphql$/, "");

  it("sends the security headers and a strict CSP on API answers", async () => {
    const res = await fetch(`${base()}/health`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = await fetch(s.url, { headers: { accept: "text/html" } });
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("allows any origin to read without credentials, configured origins with credentials", async () => {
    const any = await fetch(s.url, {
      method: "OPTIONS",
      headers: { origin: "https://other.example", "access-control-request-method": "POST" },
    });
    expect(any.headers.get("access-control-allow-origin")).toBe("https://other.example");
    expect(any.headers.get("access-control-allow-credentials")).toBeNull();
    expect(any.headers.get("access-control-allow-headers")).not.toMatch(/x-cyclelens-key/);
    const listed = await fetch(s.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    });
    expect(listed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(listed.headers.get("access-control-allow-headers")).toMatch(/x-cyclelens-key/);
  });

  it("keeps a valid x-request-id and replaces an invalid one", async () => {
    const given = await fetch(`${base()}/health`, { headers: { "x-request-id": "abc-123.4" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123.4");
    const bad = await fetch(`${base()}/health`, { headers: { "x-request-id": "<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says only ready or not ready", async () => {
    const res = await fetch(`${base()}/ready`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ready\n");
  });
});

describe("history cache", () => {
  it("shares one load between concurrent misses of the same key (single flight)", async () => {
    const cache = new HistoryCache(16);
    let fetches = 0;
    const fetch = async (keys: number[]) => {
      fetches++;
      await new Promise((r) => setTimeout(r, 20));
      return new Map(keys.map((k) => [k, `v${k}`]));
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => cache.getMany("bars", 1, [1, 2], fetch, "none")),
    );
    expect(fetches).toBe(1);
    expect(results.every((r) => r.join() === "v1,v2")).toBe(true);
    // a newer version starts a new generation; an older version joins it instead of flipping the cache back
    await cache.getMany("bars", 2, [1], fetch, "none");
    await cache.getMany("bars", 1, [1], fetch, "none");
    expect(fetches).toBe(2);
  });
});
