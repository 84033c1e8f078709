/**
 * The scheduled refresh: the ingest presets through @cyclelens/ingest's public entry with the recorded provider
 * responses of the ingest tests (packages/ingest/test/fixtures), its result in the ingest-run log and the
 * dataset version; one instance at a time (two instances on one database, one run), on SQLite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import {
  createDatabase,
  createTestDatabase,
  type Database,
  type TestDatabase,
  testBackends,
} from "@cyclelens/db";
import type { FetchLike } from "@cyclelens/ingest";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config.js";
import { createLogger } from "../src/logging.js";
import { refreshItems, runRefresh, scheduleRefresh } from "../src/refresh.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../packages/ingest/test/fixtures/${name}`, import.meta.url), "utf8");

/** The recorded responses by URL; any other request fails the item loudly. */
function recordedFetch(gate?: Promise<void>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const routes: [string, string, string][] = [
    ["chart/IWM?", fixture("yahoo-iwm.json"), "application/json"],
    ["fredgraph.csv?id=DGS10", fixture("fred-DGS10.csv"), "text/csv"],
  ];
  const fn = (async (url: string) => {
    calls.push(url);
    if (gate) await gate;
    const route = routes.find(([k]) => url.includes(k));
    if (!route) return new Response("not recorded", { status: 404 });
    return new Response(route[1], { headers: { "content-type": route[2] } });
  }) as FetchLike & { calls: string[] };
  fn.calls = calls;
  return fn;
}

/** A pino logger whose lines the test reads. */
function capturingLogger() {
  const lines: { msg: string; refresh?: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

const ITEMS = ["IWM", "DGS10"];
const TODAY = "2024-09-20";

describe("refresh items", () => {
  it("expands presets, keeps single items, refuses anything else naming the variable", () => {
    const core = refreshItems(["core"]);
    expect(core).toContain("IWM");
    expect(core).toContain("DGS10");
    expect(refreshItems(["dgs10", "core"])[0]).toBe("DGS10");
    expect(new Set(refreshItems(["core", "IWM"])).size).toBe(refreshItems(["core", "IWM"]).length);
    expect(() => refreshItems(["core; rm -rf"])).toThrow(ConfigError);
    expect(() => refreshItems(["core; rm -rf"])).toThrow(/CYCLELENS_REFRESH_PRESETS/);
  });
});

for (const backend of testBackends()) {
  describe(`scheduled refresh (${backend})`, () => {
    let t: TestDatabase;
    let other: Database;
    beforeEach(async () => {
      await other?.close();
      await t?.cleanup();
      t = await createTestDatabase(backend);
      // a second connection to the same database: another instance
      other = await createDatabase({ url: t.url });
    });
    afterAll(async () => {
      await other?.close();
      await t?.cleanup();
    });

    it("ingests through @cyclelens/ingest, records each item in the ingest-run log, moves the dataset version", async () => {
      const { logger, lines } = capturingLogger();
      const before = await t.db.dataVersion();
      const result = await runRefresh({
        db: t.db,
        items: ITEMS,
        logger,
        fetch: recordedFetch(),
        today: TODAY,
        env: {},
      });
      expect(result).toMatchObject({ ran: true, exitCode: 0 });
      const runs = await t.db.ingestRuns.list();
      expect(runs.map((r) => [r.target, r.provider, r.status]).sort()).toEqual([
        ["DGS10", "fred", "ok"],
        ["IWM", "yahoo", "ok"],
      ]);
      expect(runs.every((r) => r.rowsAdded > 0)).toBe(true);
      expect(await t.db.dataVersion()).toBeGreaterThan(before);
      expect(lines.some((l) => l.refresh === "ok" && l.msg.includes("IWM"))).toBe(true);
    });

    it("a provider failure is a failed refresh, logged as such and in the ingest-run log", async () => {
      const { logger, lines } = capturingLogger();
      const result = await runRefresh({
        db: t.db,
        items: ["IWM", "QQQ"],
        logger,
        fetch: recordedFetch(),
        today: TODAY,
        env: {},
      });
      expect(result).toMatchObject({ ran: true, exitCode: 1 });
      const runs = await t.db.ingestRuns.list();
      expect(runs.find((r) => r.target === "QQQ")?.status).toBe("failed");
      expect(lines.some((l) => l.refresh === "failed")).toBe(true);
    });

    it("two instances, one run: the second finds the lock held, then finds the tick done", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const fetchA = recordedFetch(gate);
      const a = capturingLogger();
      const b = capturingLogger();
      const since = new Date(Date.now() - 1000);
      const first = runRefresh({
        db: t.db,
        items: ITEMS,
        logger: a.logger,
        fetch: fetchA,
        today: TODAY,
        env: {},
        since,
      });
      while (fetchA.calls.length === 0) await new Promise((r) => setTimeout(r, 10)); // A holds the lock
      const fetchB = recordedFetch();
      const second = await runRefresh({
        db: other,
        items: ITEMS,
        logger: b.logger,
        fetch: fetchB,
        today: TODAY,
        env: {},
        since,
      });
      expect(second).toEqual({ ran: false, reason: "locked" });
      open();
      expect(await first).toMatchObject({ ran: true, exitCode: 0 });
      // B's clock says the tick is now: A's run is in the log, so B does not run it again
      const late = await runRefresh({
        db: other,
        items: ITEMS,
        logger: b.logger,
        fetch: fetchB,
        today: TODAY,
        env: {},
        since,
      });
      expect(late).toEqual({ ran: false, reason: "done" });
      expect(fetchB.calls).toEqual([]);
      expect((await t.db.ingestRuns.list()).map((r) => r.target).sort()).toEqual(["DGS10", "IWM"]);
    });

    it("two schedulers on one tick: one run in the ingest-run log", async () => {
      const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000); // a one-shot cron (ISO time)
      const loggers = [capturingLogger(), capturingLogger()];
      const fetches = [recordedFetch(), recordedFetch()];
      const schedulers = [t.db, other].map((db, i) =>
        scheduleRefresh(at.toISOString(), "UTC", {
          db,
          items: ITEMS,
          logger: loggers[i]!.logger,
          fetch: fetches[i]!,
          today: TODAY,
          env: {},
        }),
      );
      expect(schedulers[0]!.next()?.getTime()).toBe(at.getTime());
      const deadline = Date.now() + 20_000;
      while ((await t.db.ingestRuns.list()).length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      // let the other instance's tick finish (skipped) before stopping
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all(schedulers.map((s) => s.stop()));
      expect((await t.db.ingestRuns.list()).map((r) => r.target).sort()).toEqual(["DGS10", "IWM"]);
      const outcomes = loggers
        .flatMap((l) => l.lines.map((x) => x.refresh))
        .filter((x) => x === "ok" || x === "skipped");
      expect(outcomes.sort()).toEqual(["ok", "skipped"]);
      expect(fetches.filter((f) => f.calls.length > 0)).toHaveLength(1);
    });
  });
}
