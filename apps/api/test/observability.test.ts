/**
 * Prometheus /metrics (own port, optional bearer token) and OpenTelemetry, both off by default. The spans that
 * arrive at an OTLP/HTTP receiver are tested on the server process (processes.test.ts): Node loads
 * OpenTelemetry's CommonJS build there, as in production.
 */
import { createTestDatabase, seedDemo, type TestDatabase } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { statementKind } from "../src/metrics.js";
import { createApp, metricsOf, type RunningServer, startServer } from "../src/server.js";

const TOKEN = "metrics-token-0123456789";

async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
}

/** The value of one sample line of a Prometheus text exposition (`name{labels} value`). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  await seedDemo(database.db);
});
afterAll(async () => database?.cleanup());

describe("metrics", () => {
  it("are off by default: no registry, no plugin, /metrics is not on the API's port", async () => {
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
    expect(config.metricsPort).toBeUndefined();
    const app = createApp({ db: database.db, config });
    expect(metricsOf(app)).toBeUndefined();
    const res = await app.fetch("http://localhost/metrics");
    expect(await res.text()).not.toContain("graphql_yoga_http_duration");
  });

  describe("on (CYCLELENS_METRICS_PORT, CYCLELENS_METRICS_TOKEN)", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        db: database.db,
        config: loadConfig({
          PORT: "0",
          LOG_LEVEL: "silent",
          CYCLELENS_METRICS_PORT: "0",
          CYCLELENS_METRICS_TOKEN: TOKEN,
        }),
      });
    });
    afterAll(async () => server?.close(500));

    const scrape = async (token?: string) =>
      fetch(server.metricsUrl!, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    it("serves /metrics on its own port, bound to 127.0.0.1, only with the bearer token", async () => {
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(new URL(server.metricsUrl!).port).not.toBe(String(server.port));
      expect((await scrape()).status).toBe(401);
      expect((await scrape("wrong-token-0123456789")).status).toBe(401);
      const ok = await scrape(TOKEN);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await ok.text()).toContain("graphql_yoga_http_duration");
      // and not on the API's port (there the web app's page answers)
      const api = await fetch(server.url.replace(/graphql$/, "metrics"));
      expect(await api.text()).not.toContain("graphql_yoga_http_duration");
    });

    it("counts requests and their duration by operation, errors by code, history cache, statements", async () => {
      for (let i = 0; i < 3; i++)
        expect((await gql(server.url, "query Labels { dataset { label } }")).status).toBe(200);
      await gql(server.url, 'query Missing { instrument(symbol: "NOPE") { symbol } }');
      await gql(server.url, "query Broken { nope }");
      await gql(
        server.url,
        'query Bars { instrument(symbol: "IWM") { symbol performance(range: { from: "2025-01-02", to: "2025-12-31" }) { totalReturn } } }',
      );
      const text = await (await scrape(TOKEN)).text();
      expect(sample(text, "graphql_yoga_http_duration_count", { operationName: "Labels" })).toBe(3);
      expect(sample(text, "graphql_yoga_http_duration_sum", { operationName: "Labels" })).toBeGreaterThan(0);
      expect(sample(text, "graphql_envelop_phase_execute_count", { operationName: "Bars" })).toBe(1);
      expect(sample(text, "cyclelens_graphql_errors_total", { code: "NOT_FOUND" })).toBe(1);
      expect(sample(text, "cyclelens_graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
      expect(sample(text, "cyclelens_history_cache_entries", { kind: "bars" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "cyclelens_history_cache_points", { kind: "bars" })).toBeGreaterThan(100);
      expect(sample(text, "cyclelens_history_cache_loads_total")).toBeGreaterThan(0);
      expect(
        sample(text, "cyclelens_db_statement_duration_seconds_count", { statement: "SELECT" }),
      ).toBeGreaterThan(0);
      // fed by the response cache (looked up before parsing): the 2nd and 3rd Labels are hits; every other
      // request of this test misses (Labels' first, Missing, Broken, Bars): at least four misses
      expect(sample(text, "cyclelens_response_cache_total", { result: "hit" })).toBe(2);
      expect(sample(text, "cyclelens_response_cache_total", { result: "miss" })).toBeGreaterThanOrEqual(4);
    });
  });

  it("statement labels have bounded cardinality", () => {
    expect(statementKind('  SELECT "id" FROM x')).toBe("SELECT");
    expect(statementKind("/* c */ insert into t")).toBe("INSERT");
    expect(statementKind("CREATE TABLE x")).toBe("OTHER");
  });

  it("a short token or a bad port stops the start, naming the variable", () => {
    expect(() => loadConfig({ CYCLELENS_METRICS_TOKEN: "short" })).toThrow(/CYCLELENS_METRICS_TOKEN/);
    expect(() => loadConfig({ CYCLELENS_METRICS_PORT: "x" })).toThrow(/CYCLELENS_METRICS_PORT/);
  });
});

describe("OpenTelemetry configuration", () => {
  it("is off without OTEL_EXPORTER_OTLP_ENDPOINT; a bad endpoint stops the start, naming the variable", () => {
    expect(loadConfig({}).otlpEndpoint).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }).otlpEndpoint).toBe(
      "http://127.0.0.1:4318",
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
