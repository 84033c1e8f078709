/** Server features: masked internal errors, health and readiness, GraphiQL's story query, CORS, config validation. */
import type { Database } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { STORY_QUERY } from "../src/graphiql.js";
import { createApp } from "../src/server.js";
import { startTestServer, type TestServer } from "./helpers.js";

describe("server", () => {
  let s: TestServer;
  beforeAll(async () => {
    // graphql-js execution here (JIT off); every other suite runs with the default, graphql-jit.
    s = await startTestServer("sqlite", {
      CORS_ORIGINS: "https://app.example.com",
      NODE_ENV: "production",
      CYCLELENS_GRAPHQL_JIT: "off",
      CYCLELENS_GRAPHIQL: "on",
    });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });
  const base = () => s.url.replace(/\/graphql$/, "");

  it("answers health and readiness", async () => {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    expect((await fetch(`${base()}/ready`)).status).toBe(200);
  });

  it("serves GraphiQL opening on the story query, and the story query runs without errors", async () => {
    const page = await fetch(s.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("GraphiQL");
    expect(html).toContain("rateCycleStudy");
    const { body } = await s.gql(STORY_QUERY);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  });

  it("allows only the configured CORS origin", async () => {
    const allowed = await fetch(s.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const other = await fetch(s.url, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("masks internal errors outside development and says unready when the database fails", async () => {
    const failing = new Proxy(s.db, {
      get(target, prop) {
        if (prop === "instruments" || prop === "ingestRuns") {
          return new Proxy(
            {},
            {
              get: () => async () => {
                throw new Error("secret connection string postgres://u:pw@db");
              },
            },
          );
        }
        return Reflect.get(target, prop);
      },
    }) as Database;
    const app = createApp({
      db: failing,
      config: loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "production" }),
    });
    const res = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ instruments { symbol } }" }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.message).toBe("Unexpected error.");
    expect(JSON.stringify(body)).not.toContain("secret");
    const ready = await app.fetch("http://localhost/ready");
    expect(ready.status).toBe(503);
  });
});

describe("configuration", () => {
  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://host-only" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ CORS_ORIGINS: "example.com" }, "CORS_ORIGINS"],
    [{ CYCLELENS_MAX_DEPTH: "1" }, "CYCLELENS_MAX_DEPTH"],
  ])("rejects %o naming %s", (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message.startsWith(variable)).toBe(true);
  });

  it("defaults to the embedded SQLite database on port 4000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.limits.maxDepth).toBe(12);
  });
});
