/**
 * The HTTP server: graphql-yoga over the Pothos schema, with each feature a separate, removable line of the
 * plugin list (see the API README, "Layout"): structured logs with request ids, security headers, CORS, HTTP
 * error bodies, the error convention, query limits, a parse cache bounded in megabytes, graphql-jit, the per-request
 * time and work budget, the response-size cap, introspection switch, GraphiQL (assets bundled), health
 * (`/health`), readiness (`/ready`), the SDL at `/schema.graphql`, the web app at `/` and a zero-drop graceful
 * shutdown.
 */
import cluster from "node:cluster";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@cyclelens/db";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import { useAdmission } from "./admission.js";
import { useRequestBudget } from "./budget.js";
import type { Config } from "./config.js";
import { createContext } from "./context.js";
import { useErrorConvention } from "./error-convention.js";
import { STORY_QUERY } from "./graphiql.js";
import { HistoryCache } from "./history-cache.js";
import { useHttpCaching } from "./http-cache.js";
import { useHttpErrorBodies } from "./http-errors.js";
import { useJitExecution } from "./jit.js";
import { Lifecycle, useReadiness } from "./lifecycle.js";
import { useQueryLimits } from "./limits.js";
import { LiveHub, useLiveUpdates } from "./live.js";
import { createLogger, type Logger, originalErrors, useStructuredLogs, yogaLogger } from "./logging.js";
import { type AppMetrics, createMetrics, type MetricsServer, startMetricsServer } from "./metrics.js";
import { boundedParseCache } from "./parse-cache.js";
import { defaultManifests, loadManifests, usePersistedDocuments } from "./persisted.js";
import { useRateLimit } from "./rate-limit.js";
import { createSharedRedis } from "./redis.js";
import {
  createMemoryStore,
  createRedisStore,
  type ResponseStore,
  useResponseCaching,
} from "./response-cache.js";
import { useResponseLimit } from "./response-limit.js";
import { schema } from "./schema/index.js";
import { useSchemaSDL } from "./sdl.js";
import { corsOptions, graphiqlCsp, useSecurityHeaders } from "./security.js";
import { startTracing, type Tracing } from "./tracing.js";
import { useWebApp } from "./web-app.js";

export interface AppOptions {
  db: Database;
  config: Config;
  /** Extra envelop/yoga plugins, after the built-in ones. */
  plugins?: Plugin[];
  /** The process logger (default: a pino logger at `config.logLevel` on stdout). */
  logger?: Logger;
  /** Shared with `startServer` for readiness during shutdown. */
  lifecycle?: Lifecycle;
  /** The response store (default: Redis when `REDIS_URL` is set, else memory); tests read its counters. */
  responseStore?: ResponseStore;
  /** The clock of the response cache and the HTTP caching (tests move it past midnight). */
  now?: () => number;
  /** OpenTelemetry tracing (startServer starts it when OTEL_EXPORTER_OTLP_ENDPOINT is set; see tracing.ts). */
  tracing?: Tracing;
  /** The live-update hub (default: one per application); `startServer` ends its streams at shutdown. */
  live?: LiveHub;
}

/** Each application's metrics (when `config.metricsPort` is set), for startServer and tests. */
const appMetrics = new WeakMap<object, AppMetrics>();
export function metricsOf(app: object): AppMetrics | undefined {
  return appMetrics.get(app);
}

const GRAPHQL = "/graphql";

/** GraphiQL's page, rendered once (9 MB; rendering it per request took 0.35–1.5 s) with its CSP. */
function cachedGraphiQL() {
  let page: { key: string; html: string; csp: string } | undefined;
  return {
    render(options: Parameters<typeof renderGraphiQL>[0]) {
      const key = JSON.stringify(options);
      if (page?.key !== key) {
        const html = renderGraphiQL(options);
        page = { key, html, csp: graphiqlCsp(html) };
      }
      return page.html;
    },
    policy: () => page?.csp,
  };
}

/** The yoga application (a fetch-API handler); usable without a socket in tests. */
export function createApp({
  db,
  config,
  plugins = [],
  logger,
  lifecycle = new Lifecycle(),
  responseStore,
  now,
  tracing,
  live,
}: AppOptions) {
  const log = logger ?? createLogger(config.logLevel);
  // Redis shared by the instances (REDIS_URL): the response cache's store and the rate limit's counters.
  const redis = config.redisUrl ? createSharedRedis(config.redisUrl, config.redisPrefix, log) : undefined;
  const store =
    responseStore ??
    (redis
      ? createRedisStore(redis, log)
      : createMemoryStore(config.responseCache.maxEntries, config.responseCache.maxMb * 1024 * 1024));
  const hub =
    live ??
    new LiveHub(db, {
      maxSubscriptions: config.maxSubscriptions,
      pollIntervalMs: config.datasetPollMs,
      logger: log,
    });
  // One history cache per application, shared by its requests (see history-cache.ts).
  const cache = new HistoryCache(config.cacheEntries);
  const graphiql = cachedGraphiQL();
  // persisted documents: the committed manifests (client + web app) unless CYCLELENS_PERSISTED_DOCUMENTS names others
  const manifests = config.persistedDocuments ?? defaultManifests();
  const persisted = loadManifests(manifests, config.persistedDocuments ? [] : manifests.slice(1));
  // Prometheus metrics only when CYCLELENS_METRICS_PORT is set (metrics.ts); nothing is collected otherwise
  const metrics = config.metricsPort !== undefined ? createMetrics({ db, cache }) : undefined;
  const yoga = createYoga({
    schema,
    context: ({ request }) => createContext(db, config, cache, request),
    graphqlEndpoint: GRAPHQL,
    extraParamNames: ["documentId"], // a persisted document's hash, GraphQL-over-HTTP style (persisted.ts)
    healthCheckEndpoint: "/health",
    landingPage: false,
    // GraphiQL with its assets bundled (no CDN); off by default in production (CYCLELENS_GRAPHIQL).
    graphiql: config.graphiql ? { title: "CycleLens", defaultQuery: STORY_QUERY } : false,
    renderGraphiQL: graphiql.render,
    parserAndValidationCache: config.parseCacheMb > 0 ? boundedParseCache(config.parseCacheMb) : false,
    maxRequestBodySize: config.limits.maxBodyBytes,
    maskedErrors: {
      isDev: config.isDevelopment,
      maskError(error, message, isDev) {
        // Another writer (an import) held SQLite's write lock past the wait: retryable, nothing was written.
        const original = (error as { originalError?: Error }).originalError;
        if (original?.name === "DatabaseBusyError")
          return new GraphQLError(original.message, {
            path: (error as GraphQLError).path,
            extensions: { code: "DATABASE_BUSY", http: { status: 503, headers: { "retry-after": "5" } } },
          });
        const masked = maskError(error, message, isDev);
        if (masked !== error) originalErrors.set(masked, error);
        return masked;
      },
    },
    logging: yogaLogger(log),
    cors: corsOptions(config.corsOrigins),
    plugins: [
      useStructuredLogs(log, GRAPHQL),
      useSecurityHeaders({ graphqlEndpoint: GRAPHQL, graphiqlPolicy: graphiql.policy }),
      useReadiness({ db, lifecycle, logger: log }),
      // per-client rate limit on /graphql, shared through Redis (rate-limit.ts; off unless CYCLELENS_RATE_LIMIT)
      ...(config.rateLimit.points > 0
        ? [
            useRateLimit({
              config: config.rateLimit,
              graphqlEndpoint: GRAPHQL,
              writeKey: config.writeKey,
              redis,
            }),
          ]
        : []),
      // ETag / 304 / Cache-Control on GET (http-cache.ts)
      useHttpCaching({
        db,
        graphqlEndpoint: GRAPHQL,
        maxAgeSeconds: config.responseCache.httpMaxAgeSeconds,
        responseCache: config.responseCache.enabled,
        now,
      }),
      // GET /schema.graphql: the SDL, for client generators (src/sdl.ts)
      useSchemaSDL(),
      useWebApp(), // the web app (apps/web's build) at /, same origin: see web-app.ts
      useHttpErrorBodies(),
      useErrorConvention(),
      // persisted documents by sha256 (GET/POST); CYCLELENS_PERSISTED_ONLY=on refuses text (persisted.ts)
      usePersistedDocuments({ documents: persisted, only: config.persistedOnly }),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      ...useQueryLimits(config.limits, { blockFieldSuggestions: !config.introspection }),
      // graphql-jit compiles each operation once (cached with the parsed document); measured faster on the
      // dashboard query, see the API README. CYCLELENS_GRAPHQL_JIT=off falls back to graphql-js.
      ...(config.graphqlJit ? useJitExecution() : []),
      useRequestBudget(),
      useAdmission(config.maxConcurrent),
      useResponseLimit(config.limits.maxResponseBytes),
      // Prometheus (CYCLELENS_METRICS_PORT) and OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT): metrics.ts, tracing.ts.
      // Before the response cache: a hit stops execution, and the plugins after it would not see the request.
      ...(metrics?.plugins ?? []),
      ...(tracing ? [tracing.plugin] : []),
      // whole answers keyed by the dataset version, in Redis or memory (response-cache.ts)
      ...(config.responseCache.enabled
        ? useResponseCaching({ db, config: config.responseCache, store, now })
        : []),
      ...(redis ? [redis.plugin] : []),
      // Subscription.datasetChanged over SSE, fed by one db watcher per process (live.ts)
      useLiveUpdates(hub),
      ...plugins,
    ],
  });
  if (metrics) appMetrics.set(yoga, metrics);
  return yoga;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** `GET /metrics` of this process, when `CYCLELENS_METRICS_PORT` is set and it is not a cluster worker. */
  metricsUrl?: string;
  /** Readiness fails, accepted requests finish (up to `graceMs`), then the socket closes. */
  close(graceMs?: number): Promise<void>;
}

/** Starts the HTTP server on `config.host:config.port` (port 0 picks a free port). */
export async function startServer(options: AppOptions): Promise<RunningServer> {
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const { config } = options;
  const tracing =
    options.tracing ??
    (config.otlpEndpoint
      ? await startTracing({ endpoint: config.otlpEndpoint, serviceName: config.otelServiceName })
      : undefined);
  const live =
    options.live ??
    new LiveHub(options.db, {
      maxSubscriptions: config.maxSubscriptions,
      pollIntervalMs: config.datasetPollMs,
      logger: options.logger,
    });
  const yoga = createApp({ ...options, lifecycle, tracing, live });
  const metrics = metricsOf(yoga);
  let metricsServer: MetricsServer | undefined;
  if (metrics && cluster.isWorker) {
    // the primary serves every worker's metrics, summed (cluster.ts)
    const { AggregatorRegistry } = await import("prom-client");
    new AggregatorRegistry(); // installs the worker's answer to the primary's requests (prom-client's cluster.js)
    AggregatorRegistry.setRegistries([metrics.registry]);
  } else if (metrics && config.metricsPort !== undefined) {
    metricsServer = await startMetricsServer({
      host: config.metricsHost,
      port: config.metricsPort,
      token: config.metricsToken,
      source: metrics.registry,
    });
  }
  const server = createHttpServer((req, res) => {
    lifecycle.track(res);
    yoga(req, res);
  });
  // Slow clients cannot hold a socket forever (slowloris): headers within 20 s, the whole request within 60 s.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.config.port, options.config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    metrics?.dispose();
    await metricsServer?.close();
    await tracing?.shutdown();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.config.host.includes(":") ? `[${options.config.host}]` : options.config.host;
  return {
    url: `http://${host}:${port}${GRAPHQL}`,
    port,
    server,
    ...(metricsServer ? { metricsUrl: metricsServer.url } : {}),
    async close(graceMs = options.config.shutdownGraceMs) {
      // Open subscriptions would hold their responses to the grace deadline: end them first (clients reconnect
      // to another instance), then drain.
      await live.close();
      await lifecycle.shutdown(server, { delayMs: options.config.shutdownDelayMs, graceMs });
      await yoga.dispose?.();
      metrics?.dispose();
      await metricsServer?.close();
      await tracing?.shutdown();
    },
  };
}
