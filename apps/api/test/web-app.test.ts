/** The web app plugin: the built app at /, client routes, compression, cache headers, and the API untouched. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gunzipSync, gzipSync } from "node:zlib";
import { createYoga } from "graphql-yoga";
import { afterAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.js";
import { useWebApp } from "../src/web-app.js";

const dir = mkdtempSync(path.join(tmpdir(), "cyclelens-web-"));
const index = "<!doctype html><title>CycleLens</title><script type=module src=/assets/app-1a2b.js></script>";
const script = `console.log(${JSON.stringify("x".repeat(4000))});`;
mkdirSync(path.join(dir, "assets"));
writeFileSync(path.join(dir, "index.html"), index);
writeFileSync(path.join(dir, "assets", "app-1a2b.js"), script);
writeFileSync(path.join(dir, "assets", "app-1a2b.js.gz"), gzipSync(script));
writeFileSync(path.join(dir, "assets", "app-1a2b.js.br"), brotliCompressSync(script));
writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");

const app = (webDir = dir) =>
  createYoga({ schema, plugins: [useWebApp({ dir: webDir })], landingPage: false, logging: false });
const yoga = app();
const get = (url: string, headers: Record<string, string> = {}) =>
  yoga.fetch(`http://localhost${url}`, { headers });

describe("useWebApp", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves index.html at / and at every client route, revalidated", async () => {
    for (const url of ["/", "/compare", "/rate-cycles?direction=EASING", "/unknown/route"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toBe(index);
    }
  });

  it("answers 304 to a matching ETag", async () => {
    const etag = (await get("/")).headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await get("/compare", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  it("serves hashed assets immutable, brotli or gzip as accepted, identity otherwise", async () => {
    const br = await get("/assets/app-1a2b.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const gz = await get("/assets/app-1a2b.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get("/assets/app-1a2b.js", { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(Number(plain.headers.get("content-length"))).toBe(script.length);
    expect((await get("/favicon.svg")).headers.get("cache-control")).toBe("no-cache");
  });

  it("404s a missing file and never leaves its folder", async () => {
    expect((await get("/assets/missing.js")).status).toBe(404);
    for (const url of ["/../package.json", "/assets/../../package.json", "/%2e%2e/package.json"]) {
      const res = await get(url);
      expect(await res.text(), url).not.toContain('"name"');
    }
  });

  it("leaves the API alone: GraphQL, GraphiQL and POST", async () => {
    const res = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
    const graphiql = await get("/graphql", { accept: "text/html" });
    expect(await graphiql.text()).toContain("GraphiQL");
    expect((await yoga.fetch("http://localhost/compare", { method: "POST" })).status).not.toBe(200);
  });

  it("says how to build the app when it is not built", async () => {
    const res = await app(path.join(dir, "nowhere")).fetch("http://localhost/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("pnpm --filter @cyclelens/web build");
  });
});
