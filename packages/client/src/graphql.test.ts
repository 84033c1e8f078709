// graphql() for new operations and the typed error codes of request(), without a server (a stubbed
// fetch); apps/api/test/client.test.ts runs them against a live one.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { GraphQLError, print } from "graphql";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type CycleLensErrorCode,
  DatasetDocument,
  ErrorCode,
  GraphQLRequestError,
  graphql,
  type JsonObject,
  KreDrawdownDocument,
  request,
} from "./index.js";

const stub =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("graphql()", () => {
  it("parses an operation it has never seen into a document (no TypeError), typed, not unknown", () => {
    const doc = graphql("query Latest { dataset { label } }");
    expectTypeOf(doc).toEqualTypeOf<TypedDocumentNode<JsonObject, JsonObject>>();
    expect(doc.kind).toBe("Document");
    expect(print(doc)).toContain("dataset {\n    label");
    expect(graphql("query Latest { dataset { label } }")).toBe(doc); // parsed once
    const typed = graphql<{ dataset: { label: string } }, { symbol: string }>(
      "query Q($symbol: String!) { dataset { label } }",
    );
    expectTypeOf(typed).toEqualTypeOf<
      TypedDocumentNode<{ dataset: { label: string } }, { symbol: string }>
    >();
  });

  it("returns the generated document for a ready-made operation's source", () => {
    const source = print(DatasetDocument).trim();
    const fromSource = graphql(
      "query Dataset {\n  dataset {\n    label\n    isDemo\n    instruments {\n      name\n      provenance\n      firstDate\n      lastDate\n      rows\n    }\n  }\n}",
    );
    expect(fromSource).toBe(DatasetDocument);
    expect(source.startsWith("query Dataset")).toBe(true);
  });

  it("throws graphql-js's syntax error for an invalid operation", () => {
    expect(() => graphql("query {")).toThrow(GraphQLError);
  });
});

describe("request() errors", () => {
  it("types and exposes the API's error codes", async () => {
    const doc = graphql<{ instrument: { symbol: string } }>('{ instrument(symbol: "NOPE") { symbol } }');
    const body = {
      data: null,
      errors: [
        {
          message: "No instrument NOPE",
          extensions: { code: "NOT_FOUND", kind: "instrument", name: "NOPE" },
        },
      ],
    };
    const error = await request("http://x.invalid/graphql", doc, {}, { fetch: stub(200, body) }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(GraphQLRequestError);
    const e = error as GraphQLRequestError;
    expectTypeOf(e.code).toEqualTypeOf<CycleLensErrorCode | (string & {}) | undefined>();
    expect(e.code).toBe(ErrorCode.NOT_FOUND);
    expect(e.codes).toEqual(["NOT_FOUND"]);
    expect(e.status).toBe(200);
    expect(e.message).toBe("No instrument NOPE [NOT_FOUND]");
  });

  it("an HTTP failure without a GraphQL body has no code and says so", async () => {
    const doc = graphql("{ dataset { label } }");
    const failing: typeof fetch = async () =>
      new Response("bad gateway", { status: 502, statusText: "Bad Gateway" });
    const e = (await request("http://x.invalid/graphql", doc, {}, { fetch: failing }).catch(
      (x) => x,
    )) as GraphQLRequestError;
    expect(e.code).toBeUndefined();
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/HTTP 502 Bad Gateway \(not a GraphQL response\)/);
  });

  it("lists the codes of the API's error convention", () => {
    expect(Object.values(ErrorCode).sort()).toEqual([
      "BAD_USER_INPUT",
      "FORBIDDEN",
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "INTERNAL_SERVER_ERROR",
      "NOT_FOUND",
      "PERSISTED_QUERY_NOT_FOUND",
      "PERSISTED_QUERY_ONLY",
      "QUERY_LIMIT_EXCEEDED",
      "UNAUTHENTICATED",
    ]);
  });
});

describe("request() by persisted document hash", () => {
  const manifest = JSON.parse(
    readFileSync(new URL("./gql/persisted-documents.json", import.meta.url), "utf8"),
  ) as Record<string, string>;
  const hash = (KreDrawdownDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
  const ok = { data: { instrument: null } };
  /** A fetch that records what it was asked. */
  function recorder() {
    const calls: { url: string; init: RequestInit }[] = [];
    const f: typeof fetch = async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify(ok), { headers: { "content-type": "application/json" } });
    };
    return { calls, f };
  }

  it("every generated document carries the sha256 of its text in persisted-documents.json", () => {
    expect(manifest[hash]).toBeDefined();
    for (const [key, text] of Object.entries(manifest)) {
      expect(createHash("sha256").update(text).digest("hex")).toBe(key);
    }
    // one per operation of src/operations/*.graphql
    const dir = new URL("./operations/", import.meta.url);
    const operations = readdirSync(dir)
      .filter((f) => f.endsWith(".graphql"))
      .flatMap(
        (f) => readFileSync(new URL(f, dir), "utf8").match(/^(query|mutation|subscription)\b/gm) ?? [],
      );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(manifest)).toHaveLength(operations.length);
  });

  it("POST sends the hash (APQ extension), not the text", async () => {
    const { calls, f } = recorder();
    await request("http://x.invalid/graphql", KreDrawdownDocument, { symbol: "KRE" }, { fetch: f });
    expect(calls[0]!.init.method).toBe("POST");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      operationName: "KreDrawdown",
      variables: { symbol: "KRE" },
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
  });

  it("GET puts the hash, operation name and variables in the URL, with no query text", async () => {
    const { calls, f } = recorder();
    await request(
      "http://x.invalid/graphql",
      KreDrawdownDocument,
      { symbol: "KRE" },
      { fetch: f, method: "GET" },
    );
    const url = new URL(calls[0]!.url);
    expect(calls[0]!.init.method).toBe("GET");
    expect(calls[0]!.init.body).toBeUndefined();
    expect(url.searchParams.get("query")).toBeNull();
    expect(url.searchParams.get("operationName")).toBe("KreDrawdown");
    expect(JSON.parse(url.searchParams.get("variables")!)).toEqual({ symbol: "KRE" });
    expect(JSON.parse(url.searchParams.get("extensions")!)).toEqual({
      persistedQuery: { version: 1, sha256Hash: hash },
    });
  });

  it("sends the text for a document without a hash, or with persisted: false", async () => {
    const { calls, f } = recorder();
    await request("http://x.invalid/graphql", graphql("{ dataset { label } }"), {}, { fetch: f });
    await request(
      "http://x.invalid/graphql",
      KreDrawdownDocument,
      { symbol: "KRE" },
      { fetch: f, persisted: false },
    );
    const [adHoc, text] = calls.map((c) => JSON.parse(String(c.init.body)));
    expect(adHoc.query).toContain("dataset");
    expect(adHoc.extensions).toBeUndefined();
    expect(text.query).toBe(print(KreDrawdownDocument));
    expect(text.extensions).toBeUndefined();
  });
});
