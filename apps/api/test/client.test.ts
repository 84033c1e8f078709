/**
 * @cyclelens/client against this server: every ready-made operation through `request` (a fresh
 * database per backend holding the demo dataset), checking the typed results. It lives here, not in
 * the client package, so the published client names no private package.
 */

import {
  DashboardDocument,
  type DashboardQuery,
  DatasetDocument,
  dashboardWindow,
  ErrorCode,
  GraphQLRequestError,
  graphql,
  KreDrawdownDocument,
  RotationSignalDocument,
  request,
  SmallVsLargeDocument,
} from "@cyclelens/client";
import { createTestDatabase, seedDemo, type TestDatabase, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { type RunningServer, startServer } from "../src/server.js";

const AS_OF = "2026-11-20"; // last day of the demo dataset

for (const backend of testBackends()) {
  describe(`operations over HTTP (${backend})`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      await seedDemo(database.db);
      server = await startServer({
        db: database.db,
        config: loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" }),
      });
    });

    afterAll(async () => {
      await server?.close(1000);
      await database?.cleanup();
    });

    it("Dashboard: performance, SMA/RSI and the rate-cycle study for IWM, SPY, KRE", async () => {
      const data = await request(server.url, DashboardDocument, dashboardWindow({ asOf: AS_OF }));
      expectTypeOf(data).toEqualTypeOf<DashboardQuery>();
      expect(data.instruments!.map((i) => i.symbol).sort()).toEqual(["IWM", "KRE", "SPY"]);
      const iwm = data.instruments!.find((i) => i.symbol === "IWM")!;
      expectTypeOf(iwm.performance!.totalReturn).toEqualTypeOf<number | null | undefined>();
      for (const field of ["totalReturn", "cagr", "volatility", "sharpe"] as const) {
        expect(iwm.performance![field], field).toEqual(expect.any(Number));
        expect(Number.isFinite(iwm.performance![field])).toBe(true);
      }
      expect(iwm.performance!.volatility).toBeGreaterThan(0);
      expect(iwm.performance!.maxDrawdown.depth).toBeLessThan(0);
      expect(iwm.performance!.startDate! >= "2021-11-01").toBe(true);
      expect(iwm.performance!.endDate).toBe(AS_OF);
      for (const instrument of data.instruments!) {
        expect(instrument.isDemo).toBe(true);
        // ~6 months of trading days, every one with a value (the 200-day warm-up lies before the window)
        expect(instrument.sma.length).toBeGreaterThan(100);
        expect(instrument.sma.length).toBe(instrument.rsi.length);
        expect(instrument.sma.every((p) => typeof p.value === "number" && p.value > 0)).toBe(true);
        expect(instrument.rsi.every((p) => p.value != null && p.value >= 0 && p.value <= 100)).toBe(true);
        expect(instrument.sma[0]!.date >= "2026-05-20").toBe(true);
      }
      const study = data.rateCycleStudy!;
      expect(study.direction).toBe("EASING");
      expect([study.base.symbol, study.benchmark.symbol]).toEqual(["IWM", "SPY"]);
      expect(study.cycles.length).toBeGreaterThan(0);
      expect(study.horizons.map((h) => h.months)).toEqual([3, 6, 12]);
      for (const horizon of study.horizons) {
        expect(horizon.complete + horizon.incomplete).toBe(study.cycles.length);
        expect(horizon.excess.count).toBe(horizon.complete);
      }
    });

    it("variables are typed: required ones must be given", () => {
      // compile-time only: the Dashboard operation needs its date windows, Dataset takes none
      const typeOnly = (f: () => unknown) => f;
      // @ts-expect-error range and recent are required
      typeOnly(() => request(server.url, DashboardDocument));
      // @ts-expect-error symbol must be a string
      typeOnly(() => request(server.url, KreDrawdownDocument, { symbol: 1 }));
      typeOnly(() => request(server.url, DatasetDocument));
      expect(true).toBe(true);
    });

    it("SmallVsLarge: IWM against SPY since 2021", async () => {
      const data = await request(server.url, SmallVsLargeDocument, { from: "2021-01-01" });
      const c = data.compare!;
      expect([c.base.symbol, c.benchmark.symbol]).toEqual(["IWM", "SPY"]);
      expect(c.startDate! <= "2021-01-01").toBe(true);
      expect(c.returnGap).toBeCloseTo(c.baseReturn! - c.benchmarkReturn!, 12);
      expect(c.beta).toEqual(expect.any(Number));
      expect(c.observations).toBe(c.relativeStrength.length);
      expect(c.relativeStrength[0]!.value).toBe(1);
      expect(typeof c.leadership.aboveAverage).toBe("boolean");
      expect(c.leadership.date).toBe(c.endDate);
    });

    it("KreDrawdown: KRE below its 2022 peak", async () => {
      const data = await request(server.url, KreDrawdownDocument);
      const d = data.instrument!.drawdown!;
      expect(data.instrument!.symbol).toBe("KRE");
      expect(d.peakDate! >= "2022-01-01" && d.peakDate! <= "2022-12-31").toBe(true);
      expect(d.drawdown).toBeLessThan(0);
      expect(d.drawdown).toBeCloseTo(d.asOfValue! / d.peakValue! - 1, 12);
      expect(d.series.at(-1)).toEqual({ date: d.asOfDate, value: d.drawdown });
    });

    it("RotationSignal: score and components", async () => {
      const data = await request(server.url, RotationSignalDocument, { asOf: AS_OF });
      const s = data.rotationSignal!;
      expect(s.asOf).toBe(AS_OF);
      expect(s.components.map((c) => c.name).sort()).toEqual(
        [
          "breadth",
          "cyclicals",
          "labour",
          "positioning",
          "rateCycle",
          "relativeMomentum",
          "relativeTrend",
          "valuation",
          "yieldCurve",
        ].sort(),
      );
      expect(s.score).toBeGreaterThanOrEqual(-100);
      expect(s.score).toBeLessThanOrEqual(100);
      const sum = s.components.reduce((acc, c) => acc + c.contribution, 0);
      expect(sum).toBeCloseTo(s.score!, 6);
    });

    it("Dataset: the demo label", async () => {
      const data = await request(server.url, DatasetDocument);
      expect(data.dataset.label).toBe("DEMO");
      expect(data.dataset.isDemo).toBe(true);
      expect(data.dataset.instruments.map((i) => i.name)).toEqual(
        expect.arrayContaining(["IWM", "SPY", "KRE"]),
      );
    });

    it("an unknown symbol throws a GraphQLRequestError with code NOT_FOUND", async () => {
      const error = await request(server.url, KreDrawdownDocument, { symbol: "NOPE" }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GraphQLRequestError);
      const e = error as GraphQLRequestError;
      expect(e.code).toBe("NOT_FOUND");
      expect(e.errors[0]!.extensions).toMatchObject({ code: "NOT_FOUND", kind: "instrument", name: "NOPE" });
      expect(e.message).toContain("[NOT_FOUND]");
    });

    it("an HTTP failure throws with the status and the server's coded error", async () => {
      const error = await request(new URL("/nowhere", server.url), DatasetDocument).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLRequestError);
      expect((error as GraphQLRequestError).status).toBe(404);
      // the API answers every client mistake with a GraphQL error body and a code (issue 9)
      expect((error as GraphQLRequestError).errors.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    });

    it("graphql() runs an operation the client never generated, and codes validation errors", async () => {
      const latest = graphql<{ dataset: { label: string; isDemo: boolean } }>(
        "query Latest { dataset { label isDemo } }",
      );
      const data = await request(server.url, latest);
      expect(data.dataset).toEqual({ label: "DEMO", isDemo: true });
      const invalid = graphql("query Invalid { dataset { nope } }");
      const e = (await request(server.url, invalid).catch((x: unknown) => x)) as GraphQLRequestError;
      expect(e).toBeInstanceOf(GraphQLRequestError);
      expect(e.code).toBe(ErrorCode.GRAPHQL_VALIDATION_FAILED);
    });
  });
}
