/**
 * The HTTP server: graphql-yoga over the Pothos schema, with each feature a separate, removable line:
 * parse/validate caching, graphql-jit execution, query limits, masked errors, CORS, GraphiQL (assets bundled) with the story query, health
 * (`/health`) and readiness (`/ready`, checks the database) endpoints, the SDL at `/schema.graphql`, and
 * graceful shutdown.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@cyclelens/db";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin, useReadinessCheck } from "graphql-yoga";
import type { Config } from "./config.js";
import { createContext } from "./context.js";
import { STORY_QUERY } from "./graphiql.js";
import { HistoryCache } from "./history-cache.js";
import { useJitExecution } from "./jit.js";
import { useQueryLimits } from "./limits.js";
import { schema } from "./schema/index.js";
import { useSchemaSDL } from "./sdl.js";
import { useWebApp } from "./web-app.js";

export interface AppOptions {
  db: Database;
  config: Config;
  /** Extra envelop/yoga plugins, after the built-in ones (the benchmark passes graphql-jit here). */
  plugins?: Plugin[];
}

/** The yoga application (a fetch-API handler); usable without a socket in tests. */
export function createApp({ db, config, plugins = [] }: AppOptions) {
  // One history cache per application, shared by its requests (see history-cache.ts).
  const cache = new HistoryCache(config.cacheEntries);
  return createYoga({
    schema,
    context: ({ request }) => createContext(db, config, cache, request),
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    // GraphiQL with its assets bundled (no CDN), so it works on machines without internet access.
    graphiql: { title: "CycleLens", defaultQuery: STORY_QUERY },
    renderGraphiQL,
    parserAndValidationCache: true,
    maskedErrors: { isDev: config.isDevelopment },
    logging: config.logLevel === "silent" ? false : config.logLevel,
    cors: {
      origin: config.corsOrigins.includes("*") ? "*" : config.corsOrigins,
      methods: ["GET", "POST", "OPTIONS"],
    },
    plugins: [
      // graphql-jit compiles each operation once (cached with the parsed document); measured faster on the
      // dashboard query, see README "Benchmarks". CYCLELENS_GRAPHQL_JIT=off falls back to graphql-js.
      ...(config.graphqlJit ? useJitExecution() : []),
      useQueryLimits(config.limits),
      useReadinessCheck({
        endpoint: "/ready",
        check: async () => {
          // one cheap statement proves the database answers
          await db.ingestRuns.list({ limit: 1 });
        },
      }),
      // GET /schema.graphql: the SDL, for client generators (src/sdl.ts)
      useSchemaSDL(),
      useWebApp(), // the web app (apps/web's build) at /, same origin: see web-app.ts
      ...plugins,
    ],
  });
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), closes idle sockets. */
  close(graceMs?: number): Promise<void>;
}

/** Starts the HTTP server on `config.host:config.port` (port 0 picks a free port). */
export async function startServer(options: AppOptions): Promise<RunningServer> {
  const yoga = createApp(options);
  const server = createHttpServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.config.port, options.config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.config.host.includes(":") ? `[${options.config.host}]` : options.config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          void yoga.dispose?.();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
