/**
 * Prometheus metrics (`CYCLELENS_METRICS_PORT`; off by default: then no plugin is installed and nothing is
 * collected). `@graphql-yoga/plugin-prometheus` (prom-client) measures requests; this module adds what is
 * CycleLens's own, all in one registry per application:
 *
 * | metric | what |
 * | --- | --- |
 * | `graphql_yoga_http_duration` (histogram: `_count`, `_sum`, `_bucket`) | HTTP requests by `operationName`, `operationType`, `method`, `statusCode` |
 * | `graphql_envelop_request_duration`, `graphql_envelop_phase_{parse,validate,execute}` | time per phase, by operation |
 * | `cyclelens_graphql_errors_total{code}` | errors sent, by `extensions.code` (also the ones refused before parsing: limits, persisted documents) |
 * | `cyclelens_history_cache_entries{kind}`, `cyclelens_history_cache_points{kind}` | the history cache's entries and the dates they hold, read at scrape time |
 * | `cyclelens_history_cache_loads_total` | history loads started (cache misses that went to the database) |
 * | `cyclelens_db_statement_duration_seconds{statement}` | every SQL statement, timed at the driver adapter (`db.onQuery`, `@cyclelens/db`'s public hook), by its first keyword |
 * | `cyclelens_response_cache_total{result="hit"\|"miss"}` | the response cache's lookups, fed by {@link recordResponseCache}; hit ratio = `rate(…{result="hit"}[5m]) / rate(…[5m])` |
 *
 * The endpoint is not on the API's port: {@link startMetricsServer} serves `GET /metrics` on its own port, bound
 * to `CYCLELENS_METRICS_HOST` (default 127.0.0.1), optionally behind `Authorization: Bearer
 * $CYCLELENS_METRICS_TOKEN`. With workers (`CYCLELENS_WORKERS`), the primary serves the sum over every worker
 * (prom-client's `AggregatorRegistry`).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@cyclelens/db";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { HistoryCache } from "./history-cache.js";

/** The live applications' response-cache counters (usually one; none when metrics are off). */
const responseCacheCounters = new Set<Counter<"result">>();

/**
 * Counts one response-cache lookup (for the response-cache plugin): `hit` answered from the cache, `miss`
 * executed. A no-op when metrics are off.
 */
export function recordResponseCache(result: "hit" | "miss"): void {
  for (const counter of responseCacheCounters) counter.inc({ result });
}

/** The first keyword of a statement (`SELECT`, `INSERT`, `BEGIN`…): a label of bounded cardinality. */
export function statementKind(sql: string): string {
  const m = /^\s*(?:\/\*[\s\S]*?\*\/\s*)?([A-Za-z]+)/.exec(sql);
  const word = m?.[1]?.toUpperCase() ?? "OTHER";
  return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA"].includes(
    word,
  )
    ? word
    : "OTHER";
}

export interface AppMetrics {
  registry: Registry;
  plugins: Plugin[];
  /** Stops feeding the registry (database listener, response-cache counter). */
  dispose(): void;
}

/** The registry and plugins of one application. */
export function createMetrics(options: { db: Database; cache: HistoryCache }): AppMetrics {
  const registry = new Registry();
  const errors = new Counter({
    name: "cyclelens_graphql_errors_total",
    help: "GraphQL errors sent, by extensions.code",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "cyclelens_history_cache_entries",
    help: "Histories held by the history cache, by kind",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of options.cache.sizes()) this.set({ kind: s.kind }, s.entries);
    },
  });
  new Gauge({
    name: "cyclelens_history_cache_points",
    help: "Dates held by the history cache's entries, by kind",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of options.cache.sizes()) this.set({ kind: s.kind }, s.points);
    },
  });
  new Gauge({
    name: "cyclelens_history_cache_loads_total",
    help: "History loads started by the history cache (misses that read the database)",
    registers: [registry],
    collect() {
      this.set(options.cache.loads);
    },
  });
  const statements = new Histogram({
    name: "cyclelens_db_statement_duration_seconds",
    help: "SQL statement durations at the driver adapter, by first keyword",
    labelNames: ["statement"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const unsubscribe = options.db.onQuery((e) =>
    statements.observe({ statement: statementKind(e.sql) }, e.durationMs / 1000),
  );
  const cacheCounter = new Counter({
    name: "cyclelens_response_cache_total",
    help: "Response cache lookups, by result (hit or miss)",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  responseCacheCounters.add(cacheCounter);

  const countErrors: Plugin = {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const r of results) {
        const list = (r as { errors?: readonly { extensions?: { code?: unknown } }[] } | undefined)?.errors;
        if (!list) continue;
        for (const e of list) {
          const code = e.extensions?.code;
          errors.inc({ code: typeof code === "string" ? code.slice(0, 40) : "NONE" });
        }
      }
    },
  };

  // yoga's response cache answers a hit in `onParams`, before parsing, and the prometheus plugin times an HTTP
  // request only once it has seen the parsed operation: without this, cached answers would be missing from
  // graphql_yoga_http_duration (measured: 3 identical queries counted once). Hits are queries (mutations are never
  // cached), named by the request's operationName.
  const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
  const started = new WeakMap<Request, { at: number; operationName: string | undefined }>();
  const hits = new WeakSet<Request>();
  const countCachedAnswers: Plugin = {
    onParams({ params, request }) {
      // the operation's name as the prometheus plugin would read it from the parsed document: the request's
      // operationName, else the first named operation of the text (a hit is never parsed)
      const named = params.operationName ?? OPERATION_NAME.exec(params.query ?? "")?.[1];
      started.set(request, { at: Date.now(), operationName: named });
    },
    onResultProcess({ request, result }) {
      const r = result as unknown as Record<symbol, unknown> | null;
      if (r && typeof r === "object" && r[Symbol.for("servedFromResponseCache")] === true) hits.add(request);
    },
    onResponse({ request, response }) {
      if (!hits.has(request)) return;
      const start = started.get(request);
      const histogram = registry.getSingleMetric("graphql_yoga_http_duration") as
        | Histogram<"operationName" | "operationType" | "method" | "statusCode">
        | undefined;
      if (!start || !histogram) return;
      histogram.observe(
        {
          operationName: start.operationName || "Anonymous",
          operationType: "query",
          method: request.method,
          statusCode: response.status,
        },
        (Date.now() - start.at) / 1000,
      );
    },
  };

  return {
    registry,
    plugins: [
      countCachedAnswers,
      usePrometheus({
        registry,
        endpoint: false, // served on its own port (startMetricsServer)
        skipIntrospection: true,
        labels: { method: true, statusCode: true, url: false },
        metrics: {
          graphql_yoga_http_duration: true,
          graphql_envelop_request_duration: true,
          graphql_envelop_phase_parse: true,
          graphql_envelop_phase_validate: true,
          graphql_envelop_phase_execute: true,
          // counted by code in cyclelens_graphql_errors_total instead (this one has no code label)
          graphql_envelop_error_result: false,
          // summaries cost a sort per observation; the histograms above answer the same questions
          graphql_envelop_request_time_summary: false,
          graphql_envelop_request: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_schema_change: false,
          graphql_envelop_execute_resolver: false,
        },
      }),
      countErrors,
    ],
    dispose() {
      unsubscribe();
      responseCacheCounters.delete(cacheCounter);
    },
  };
}

export interface MetricsServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on its own port. `source` is one registry (single process) or the cluster aggregator
 * (the primary of `CYCLELENS_WORKERS`). With `token`, a request without `Authorization: Bearer <token>` gets 401.
 */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  token: string | undefined;
  source: Registry | AggregatorRegistry<never>;
}): Promise<MetricsServer> {
  const { source, token } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: GET /metrics\n");
      return;
    }
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      res
        .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
        .end("unauthorized: send Authorization: Bearer $CYCLELENS_METRICS_TOKEN\n");
      return;
    }
    const body =
      source instanceof AggregatorRegistry ? source.clusterMetrics() : (source as Registry).metrics();
    body.then(
      (text) => res.writeHead(200, { "content-type": source.contentType }).end(text),
      (error: Error) =>
        res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
