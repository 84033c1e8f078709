/** GET /schema.graphql serves the printed SDL (src/sdl.ts), with the Date scalar's @specifiedBy. */
import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLScalarType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.js";

describe("SDL endpoint", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {}, { seed: false });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });
  const sdlUrl = () => s.url.replace(/\/graphql$/, "/schema.graphql");

  it("serves the committed schema.graphql, whose Date scalar declares @specifiedBy", async () => {
    const res = await fetch(sdlUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toBe(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
    const date = buildSchema(text).getType("Date") as GraphQLScalarType;
    expect(date.specifiedByURL).toBe("https://www.rfc-editor.org/rfc/rfc3339#section-5.6");
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(sdlUrl(), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(sdlUrl(), { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("introspection reports the Date scalar's specifiedByURL", async () => {
    const { body } = await s.gql('{ __type(name: "Date") { specifiedByURL } }');
    expect(body.data).toEqual({
      __type: { specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6" },
    });
  });
});
