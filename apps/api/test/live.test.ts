/**
 * Subscription.datasetChanged over SSE (graphql-sse protocol, yoga's built-in SSE): events for writes of another
 * connection, with graphql-jit on and off; not held by the admission slots nor stopped by the time budget; the
 * per-process bound; the heartbeat; shutdown ends the streams.
 */
import { DatasetDocument, liveQuery } from "@cyclelens/client";
import { createDatabase, createTestDatabase, type Database, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";
import { DATASET_CHANGED, subscribe } from "./live-helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `cond()` holds, up to `ms` (generous: the machine may be busy; the assertions come after). */
async function waitFor(cond: () => boolean, ms = 15_000): Promise<void> {
  const until = performance.now() + ms;
  while (!cond() && performance.now() < until) await sleep(10);
}

async function writeBar(db: Database, symbol: string, date: string, close: number) {
  const [inst] = await db.instruments.bySymbols([symbol]);
  if (!inst) throw new Error(`no ${symbol}`);
  await db.upsertBars(inst.id, [{ date, close }], { source: "csv" });
}

const sseRequest = (url: string, query: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query }),
  });

for (const backend of testBackends()) {
  for (const jit of ["on", "off"] as const) {
    describe(`Subscription.datasetChanged (${backend}, graphql-jit ${jit})`, () => {
      let s: TestServer;
      let other: Database;
      beforeAll(async () => {
        s = await startTestServer(backend, {
          CYCLELENS_GRAPHQL_JIT: jit,
          CYCLELENS_DATASET_POLL_MS: "25",
          CYCLELENS_MAX_CONCURRENT: "1",
          CYCLELENS_REQUEST_TIMEOUT_MS: "1000",
          CYCLELENS_MAX_SUBSCRIPTIONS: "3",
        });
        // Another connection: on SQLite the write is seen by the poll, on PostgreSQL by LISTEN/NOTIFY.
        other = await createDatabase({ url: s.dbUrl, changeSource: "ingest" });
      });
      afterAll(async () => {
        await other?.close();
        await s?.close();
      });

      it("delivers what changed, when and by whom, for a write of another connection", async () => {
        const sub = subscribe(s.url);
        try {
          await sub.connected;
          await writeBar(other, "IWM", "2031-01-02", 123);
          const { change } = await sub.until((c) => c.instruments.includes("IWM"));
          expect(change).toMatchObject({
            instruments: ["IWM"],
            series: [],
            kinds: ["BARS"],
            source: "INGEST",
          });
          expect(change.version).toBe(await s.db.dataVersion());
          expect(Date.now() - Date.parse(change.changedAt)).toBeLessThan(60_000);
          expect(sub.errors).toEqual([]);
        } finally {
          sub.close();
        }
      });

      it("holds no admission slot and outlives the request time budget", async () => {
        const sub = subscribe(s.url);
        try {
          await sub.connected;
          await sleep(1300); // > CYCLELENS_REQUEST_TIMEOUT_MS (1000)
          // With CYCLELENS_MAX_CONCURRENT=1, a query still runs while the subscription is open.
          const q = await s.gql("{ instruments { symbol } }");
          expect(q.status).toBe(200);
          expect(q.body.errors).toBeUndefined();
          await writeBar(other, "SPY", "2031-01-03", 456);
          await sub.until((c) => c.instruments.includes("SPY"));
          expect(sub.completed).toBe(false);
          expect(sub.errors).toEqual([]);
        } finally {
          sub.close();
        }
      });

      it("bounds the open subscriptions per process and frees a slot when a client leaves", async () => {
        const subs = [subscribe(s.url), subscribe(s.url), subscribe(s.url)];
        try {
          await Promise.all(subs.map((x) => x.connected));
          const res = await sseRequest(s.url, DATASET_CHANGED);
          expect(res.status).toBe(503);
          expect(res.headers.get("retry-after")).toBe("5");
          const text = await res.text();
          expect(text).toContain("TOO_MANY_SUBSCRIPTIONS");
          subs.pop()?.close();
          let again: Response | undefined;
          for (let i = 0; i < 250; i++) {
            again = await sseRequest(s.url, DATASET_CHANGED);
            if (again.status === 200) break;
            await again.body?.cancel();
            await sleep(20);
          }
          expect(again?.status).toBe(200);
          await again?.body?.cancel();
        } finally {
          for (const x of subs) x.close();
        }
      });

      it("sends keep-alive pings on an idle stream", async () => {
        // yoga pings every 12 s (every 300 ms under NODE_ENV=test, which vitest sets)
        // (the previous test's clients just left: their slots free as the server sees the sockets close)
        let res = await sseRequest(s.url, DATASET_CHANGED);
        for (let i = 0; i < 250 && res.status === 503; i++) {
          await res.body?.cancel();
          await sleep(20);
          res = await sseRequest(s.url, DATASET_CHANGED);
        }
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/event-stream");
        const reader = res.body!.getReader();
        let text = "";
        const until = performance.now() + 1000;
        while (performance.now() < until) {
          const chunk = await Promise.race([reader.read(), sleep(1100).then(() => undefined)]);
          if (!chunk || chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
        }
        await reader.cancel();
        expect(text.split(":\n\n").length - 1).toBeGreaterThanOrEqual(2);
      });

      it("GET with Accept: text/event-stream works too (what a browser EventSource sends)", async () => {
        const url = new URL(s.url);
        url.searchParams.set("query", DATASET_CHANGED);
        let res = await fetch(url, { headers: { accept: "text/event-stream" } });
        for (let i = 0; i < 250 && res.status === 503; i++) {
          await res.body?.cancel();
          await sleep(20);
          res = await fetch(url, { headers: { accept: "text/event-stream" } });
        }
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/event-stream");
        const reader = res.body!.getReader();
        await reader.read(); // the stream is open (yoga starts it with a ping)
        await writeBar(other, "KRE", "2031-03-03", 42);
        let text = "";
        const until = performance.now() + 10_000;
        while (!text.includes("event: next") && performance.now() < until) {
          const chunk = await Promise.race([reader.read(), sleep(10_000).then(() => undefined)]);
          if (!chunk || chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
        }
        await reader.cancel();
        expect(text).toContain("event: next");
        expect(text).toContain('"instruments":["KRE"]');
      });

      it("a subscription asked for as plain JSON gets a clear answer", async () => {
        const res = await s.gql(DATASET_CHANGED);
        expect(res.status).toBe(406);
        expect(errorCode(res.body)).toBe("NOT_ACCEPTABLE");
      });
    });
  }
}

for (const backend of testBackends()) {
  describe(`liveQuery of @cyclelens/client (${backend})`, () => {
    // default budget and admission (the block above squeezes them to 1 s and 1 slot)
    let s: TestServer;
    let other: Database;
    beforeAll(async () => {
      // persisted documents only: the client sends its query and its subscription by hash, never as text
      s = await startTestServer(backend, { CYCLELENS_DATASET_POLL_MS: "25", CYCLELENS_PERSISTED_ONLY: "on" });
      other = await createDatabase({ url: s.dbUrl, changeSource: "ingest" });
    });
    afterAll(async () => {
      await other?.close();
      await s?.close();
    });

    it("liveQuery (@cyclelens/client) re-runs its one named operation after each change", async () => {
      const results: { lastDate: unknown; version: number | undefined }[] = [];
      const errors: Error[] = [];
      let connected = false;
      const live = liveQuery(
        s.url,
        DatasetDocument,
        {},
        {
          next: (data, change) =>
            results.push({
              lastDate: data.dataset.instruments.find((i) => i.name === "QQQ")?.lastDate,
              version: change?.version,
            }),
          error: (e) => errors.push(e),
          connected: () => {
            connected = true;
          },
        },
      );
      try {
        await waitFor(() => results.length > 0);
        expect(errors).toEqual([]);
        expect(results).toHaveLength(1); // the initial run
        await waitFor(() => connected);
        expect(connected).toBe(true);
        await writeBar(other, "QQQ", "2031-02-03", 500);
        await waitFor(() => results.length > 1);
        expect(results.at(-1)).toEqual({ lastDate: "2031-02-03", version: await s.db.dataVersion() });
        expect(errors).toEqual([]);
      } finally {
        live.close();
      }
    });
  });
}

describe("shutdown with open subscriptions", () => {
  it("ends the streams at once instead of holding the drain to its grace deadline", async () => {
    const t = await createTestDatabase("sqlite");
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", CYCLELENS_DATASET_POLL_MS: "25" });
    const running = await startServer({ db: t.db, config });
    try {
      const sub = subscribe(running.url);
      await sub.connected;
      const t0 = performance.now();
      await running.close(10_000); // an open stream would hold the drain for the whole 10 s
      const took = performance.now() - t0;
      await waitFor(() => sub.completed);
      expect(sub.completed).toBe(true);
      expect(took).toBeLessThan(5000);
      sub.close();
    } finally {
      await t.cleanup();
    }
  });
});
