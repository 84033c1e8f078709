import { describe, expect, it } from "vitest";
import { netError, quiet, scriptedFetch } from "../test/helpers.js";
import { ProviderError } from "./errors.js";
import { HttpClient, RateLimiter } from "./http.js";

const URL_ = "https://example.test/data.csv";

describe("HttpClient", () => {
  it("returns a 2xx body", async () => {
    const f = scriptedFetch({ body: "a,b\n1,2\n", type: "text/csv" });
    const res = await new HttpClient("t", quiet(f)).get(URL_);
    expect(res).toMatchObject({ status: 200, text: "a,b\n1,2\n", contentType: "text/csv", attempts: 1 });
  });

  it("retries 5xx with exponential backoff, then succeeds", async () => {
    const f = scriptedFetch({ status: 500, body: "oops" }, { status: 503, body: "busy" }, { body: "ok" });
    const waits: number[] = [];
    const client = new HttpClient("t", {
      ...quiet(f),
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    const res = await client.get(URL_);
    expect(res.text).toBe("ok");
    expect(res.attempts).toBe(3);
    expect(waits).toEqual([100, 200]); // random() = 0.5 → no jitter
  });

  it("gives up after the retries with the last HTTP status", async () => {
    const f = scriptedFetch({ status: 500, body: "oops" });
    const err = await new HttpClient("t", { ...quiet(f), retries: 2 }).get(URL_).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe("http");
    expect(err.details.status).toBe(500);
    expect(err.message).toMatch(/HTTP 500.*gave up after 3 attempts/);
    expect(f.calls).toHaveLength(3);
  });

  it("does not retry a 404", async () => {
    const f = scriptedFetch({ status: 404, body: "not found" });
    const err = await new HttpClient("t", quiet(f)).get(URL_).catch((e) => e);
    expect(err.kind).toBe("http");
    expect(err.details.status).toBe(404);
    expect(f.calls).toHaveLength(1);
  });

  it("retries 429 and honours Retry-After", async () => {
    const f = scriptedFetch(
      { status: 429, body: "slow down", headers: { "retry-after": "7" } },
      { body: "ok" },
    );
    const waits: number[] = [];
    await new HttpClient("t", { ...quiet(f), sleep: async (ms) => void waits.push(ms) }).get(URL_);
    expect(waits).toEqual([7000]);
  });

  it("retries network errors", async () => {
    const f = scriptedFetch({ error: netError() }, { body: "ok" });
    expect((await new HttpClient("t", quiet(f)).get(URL_)).text).toBe("ok");
    const g = scriptedFetch({ error: netError() });
    const err = await new HttpClient("t", { ...quiet(g), retries: 1 }).get(URL_).catch((e) => e);
    expect(err.kind).toBe("network");
    expect(err.message).toContain("ECONNRESET");
  });

  it("times out with AbortSignal.timeout and reports a timeout", async () => {
    const f = scriptedFetch("hang");
    const err = await new HttpClient("t", { ...quiet(f), timeoutMs: 20, retries: 1 })
      .get(URL_)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe("timeout");
    expect(err.message).toMatch(/no answer within 20 ms/);
    expect(f.calls).toHaveLength(2);
  });

  it("never shows the FRED api_key", async () => {
    const f = scriptedFetch({ status: 500, body: "x" });
    const err = await new HttpClient("t", { ...quiet(f), retries: 0 })
      .get("https://api.example.test/obs?series_id=X&api_key=SECRET123&file_type=json")
      .catch((e) => e);
    expect(err.message).not.toContain("SECRET123");
    expect(err.message).toContain("api_key=***");
  });
});

describe("RateLimiter", () => {
  it("spaces requests to the same host by the minimum interval", async () => {
    let now = 1000;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      { "a.test": 500 },
      100,
      () => now,
      async (ms) => {
        waits.push(ms);
      },
    );
    await limiter.acquire("a.test");
    await limiter.acquire("a.test");
    await limiter.acquire("a.test");
    await limiter.acquire("b.test"); // other host: no wait
    expect(waits).toEqual([500, 1000]);
    now = 5000;
    await limiter.acquire("a.test");
    expect(waits).toEqual([500, 1000]);
  });
});
