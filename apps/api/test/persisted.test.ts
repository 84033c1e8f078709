/**
 * Persisted (trusted) documents: the committed manifests of @cyclelens/client and the web app, served by hash
 * over GET and POST (APQ extension or documentId); an unknown hash; the allow-list mode
 * (CYCLELENS_PERSISTED_ONLY); and @cyclelens/client's request path, which sends hashes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DatasetDocument, ErrorCode, GraphQLRequestError, graphql, request } from "@cyclelens/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { defaultManifests, loadManifests } from "../src/persisted.js";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

const clientManifest = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@cyclelens/client/persisted-documents.json"), "utf8"),
) as Record<string, string>;
const webManifest = JSON.parse(
  readFileSync(new URL("../../web/src/gql/persisted-documents.json", import.meta.url), "utf8"),
) as Record<string, string>;
const hashOf = (name: string, manifest: Record<string, string>) =>
  Object.entries(manifest).find(([, text]) => text.includes(`query ${name}`))![0];
const DATASET = hashOf("Dataset", clientManifest);
const DATA_VIEW = hashOf("DataView", webManifest);
const UNKNOWN = "0".repeat(64);
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, never> };
}
async function get(url: string, params: Record<string, unknown>) {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params))
    u.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
  const res = await fetch(u, { headers: { accept: "application/graphql-response+json" } });
  return { status: res.status, body: (await res.json()) as Record<string, never> };
}

describe("persisted documents (default: hashes and text both run)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => server?.close());

  it("POST by APQ hash and by documentId, for the client's and the web app's documents", async () => {
    const byApq = await post(server.url, { extensions: apq(DATASET) });
    expect(byApq.status).toBe(200);
    expect(byApq.body.data).toMatchObject({ dataset: { label: "DEMO", isDemo: true } });
    const byId = await post(server.url, { documentId: `sha256:${DATA_VIEW}` });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject({ dataset: { isDemo: true } });
  });

  it("GET by APQ hash and by documentId", async () => {
    const byApq = await get(server.url, { extensions: apq(DATASET) });
    expect(byApq.status).toBe(200);
    expect(byApq.body.data).toMatchObject({ dataset: { label: "DEMO" } });
    const byId = await get(server.url, { documentId: DATA_VIEW });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject({ dataset: { isDemo: true } });
  });

  it("an unknown hash is a typed 400 PERSISTED_QUERY_NOT_FOUND naming it, by POST and GET", async () => {
    for (const answer of [
      await post(server.url, { extensions: apq(UNKNOWN) }),
      await get(server.url, { extensions: apq(UNKNOWN) }),
      await get(server.url, { documentId: UNKNOWN }),
    ]) {
      expect(answer.status).toBe(400);
      expect(errorCode(answer.body)).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(answer.body.errors![0]).toMatchObject({ extensions: { hash: UNKNOWN } });
      expect(JSON.stringify(answer.body)).not.toContain("Must provide query string");
    }
  });

  it("neither text nor hash: 400 BAD_REQUEST saying what to send", async () => {
    const answer = await post(server.url, {});
    expect(answer.status).toBe(400);
    expect(errorCode(answer.body)).toBe("BAD_REQUEST");
    expect(answer.body.errors![0]).toMatchObject({ message: expect.stringMatching(/persisted document/) });
  });

  it("text still runs (GraphiQL, ad-hoc clients)", async () => {
    const { status, body } = await server.gql("{ dataset { label } }");
    expect(status).toBe(200);
    expect(body.data).toEqual({ dataset: { label: "DEMO" } });
  });

  it("@cyclelens/client sends the hash by POST and GET, and text for its ad-hoc documents", async () => {
    const seen: { method: string; body: string; url: string }[] = [];
    const spy: typeof fetch = async (url, init) => {
      seen.push({ method: init?.method ?? "GET", body: String(init?.body ?? ""), url: String(url) });
      return fetch(url, init);
    };
    const viaPost = await request(server.url, DatasetDocument, {}, { fetch: spy });
    const viaGet = await request(server.url, DatasetDocument, {}, { fetch: spy, method: "GET" });
    expect(viaPost.dataset.label).toBe("DEMO");
    expect(viaGet).toEqual(viaPost);
    expect(JSON.parse(seen[0]!.body)).toEqual({
      operationName: "Dataset",
      variables: {},
      extensions: apq(DATASET),
    });
    expect(new URL(seen[1]!.url).searchParams.get("query")).toBeNull();
    const adHoc = await request(server.url, graphql<{ dataset: { label: string } }>("{ dataset { label } }"));
    expect(adHoc.dataset.label).toBe("DEMO");
  });
});

describe("allow-list mode (CYCLELENS_PERSISTED_ONLY=on)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { CYCLELENS_PERSISTED_ONLY: "on" });
  });
  afterAll(async () => server?.close());

  it("runs the manifests' hashes and refuses any text with 403 PERSISTED_QUERY_ONLY", async () => {
    expect((await post(server.url, { extensions: apq(DATASET) })).body.data).toMatchObject({
      dataset: { label: "DEMO" },
    });
    expect((await get(server.url, { documentId: DATA_VIEW })).status).toBe(200);
    // the very text of an allowed document is refused too: only hashes run
    for (const answer of [
      await server.gql(clientManifest[DATASET]!),
      await get(server.url, { query: "{ dataset { label } }" }),
    ]) {
      expect(answer.status).toBe(403);
      expect(errorCode(answer.body)).toBe("PERSISTED_QUERY_ONLY");
      expect(answer.body.data).toBeUndefined();
    }
    expect(errorCode((await post(server.url, { extensions: apq(UNKNOWN) })).body)).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
  });

  it("@cyclelens/client works unchanged; its ad-hoc text is refused with a typed error", async () => {
    expect((await request(server.url, DatasetDocument)).dataset.label).toBe("DEMO");
    const e = await request(server.url, graphql("{ dataset { label } }")).catch((x) => x);
    expect(e).toBeInstanceOf(GraphQLRequestError);
    expect((e as GraphQLRequestError).code).toBe(ErrorCode.PERSISTED_QUERY_ONLY);
    expect((e as GraphQLRequestError).status).toBe(403);
  });
});

describe("manifests", () => {
  it("the defaults are the client's and the web app's; every document parses", () => {
    const docs = loadManifests(defaultManifests());
    expect(docs.size).toBe(Object.keys(clientManifest).length + Object.keys(webManifest).length);
  });

  it("a named manifest that is missing or malformed stops the start, naming the variable", () => {
    expect(() => loadManifests(["/nonexistent/persisted-documents.json"])).toThrow(ConfigError);
    expect(() => loadManifests([new URL("../package.json", import.meta.url).pathname])).toThrow(
      /CYCLELENS_PERSISTED_DOCUMENTS names .* is not a sha256 hash/,
    );
    expect(loadConfig({ CYCLELENS_PERSISTED_DOCUMENTS: "a.json, b.json" }).persistedDocuments).toEqual([
      "a.json",
      "b.json",
    ]);
    expect(() => loadConfig({ CYCLELENS_PERSISTED_ONLY: "maybe" })).toThrow(/CYCLELENS_PERSISTED_ONLY/);
  });
});
