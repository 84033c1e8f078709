/**
 * No silent degradation, over HTTP on an imported-style database (no demo rows): every missing, stale,
 * unknown or out-of-range input is either an error with a code and the argument named (NOT_FOUND,
 * DATA_UNAVAILABLE) or a typed status on a partial answer — never a plausible number, all nulls, or a
 * hint about the demo.
 */
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLBody, startTestServer, type TestServer } from "./helpers.js";

/** Weekday closes from `from` to `to` following `drift` per day with a small wave. */
function closes(from: string, to: string, drift: number) {
  const rows: { date: string; close: number; adjClose: number }[] = [];
  let price = 100;
  let k = 0;
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    price *= 1 + drift + 0.004 * Math.sin(k++ / 7);
    rows.push({ date: new Date(t).toISOString().slice(0, 10), close: price, adjClose: price });
  }
  return rows;
}

function monthly(from: string, to: string, value: (i: number) => number) {
  const rows: { date: string; value: number }[] = [];
  const [y0, m0] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let i = 0; ; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const date = `${y}-${String(m).padStart(2, "0")}-01`;
    if (date > to) break;
    rows.push({ date, value: value(i) });
  }
  return rows;
}

const codeOf = (body: GraphQLBody<unknown>) => body.errors?.[0]?.extensions?.code;
const extensionsOf = (body: GraphQLBody<unknown>) => body.errors?.[0]?.extensions ?? {};
const messageOf = (body: GraphQLBody<unknown>) => body.errors?.[0]?.message ?? "";

for (const backend of testBackends()) {
  describe(`no silent degradation (${backend})`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(backend, {}, { seed: false });
      const instrument = (symbol: string, segment: string) =>
        s.db.upsertInstrument({ symbol, name: symbol, kind: "ETF", segment, provenance: "csv" });
      const [iwm, spy, kre] = await Promise.all([
        instrument("IWM", "small_cap"),
        instrument("SPY", "large_cap"),
        instrument("KRE", "regional_banks"),
      ]);
      await s.db.upsertBars(iwm.id, closes("2015-01-02", "2025-09-26", 0.0002));
      await s.db.upsertBars(spy.id, closes("2015-01-02", "2025-09-26", 0.0004));
      await s.db.upsertBars(kre.id, closes("2025-02-19", "2026-02-18", -0.0003));
      const series = (code: string, frequency: string) =>
        s.db.upsertEconomicSeries({
          code,
          title: code,
          unit: "percent",
          frequency,
          source: "FRED",
          provenance: "csv",
        });
      const fedfunds = await series("FEDFUNDS", "monthly");
      // monthly effective rate ending 2023-11: a hiking cycle in 2022
      await s.db.upsertObservations(
        fedfunds.id,
        monthly("2015-01-01", "2023-11-01", (i) => (i < 86 ? 0.1 : Math.min(5.33, 0.1 + (i - 85) * 0.5))),
      );
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    it("valuationGap without valuation data is DATA_UNAVAILABLE naming the argument, with how to import", async () => {
      const { status, body } = await s.gql("{ valuationGap { gap { value } } }");
      expect(status).toBe(200);
      expect(codeOf(body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(body).argument).toBe("base");
      expect(messageOf(body)).toContain("--kind valuation");
      expect(messageOf(body)).not.toMatch(/demo/i);
      expect(body.data).toEqual({ valuationGap: null }); // the field is null, the rest of a request would answer
    });

    it("positioning on a database without any is DATA_UNAVAILABLE, and never mentions the demo", async () => {
      const { body } = await s.gql("{ positioning { current { value } } }");
      expect(codeOf(body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(body).argument).toBe("segment");
      expect(messageOf(body)).toContain("--kind positioning");
      expect(messageOf(body)).not.toMatch(/demo/i);
    });

    it("an unknown segment is NOT_FOUND once positioning exists, listing the stored segments", async () => {
      await s.db.upsertPositioning(
        monthly("2018-01-01", "2025-09-01", (i) => 10 - (i % 20)).map((r) => ({
          ...r,
          segment: "small_cap",
          unit: "net_pct_overweight",
        })),
        { source: "survey" },
      );
      const { body } = await s.gql('{ positioning(segment: "mid_cap") { current { value } } }');
      expect(codeOf(body)).toBe("NOT_FOUND");
      expect(extensionsOf(body)).toMatchObject({ argument: "segment", name: "mid_cap" });
      expect(messageOf(body)).toContain("stored segments: small_cap");
      const typo = await s.gql('{ rotationSignal(positioningSegment: "smal_cap") { score } }');
      expect(codeOf(typo.body)).toBe("NOT_FOUND");
      expect(extensionsOf(typo.body).argument).toBe("positioningSegment");
    });

    it("rotationSignal with an unknown rate series is NOT_FOUND, not a score without rate cycles", async () => {
      const { body } = await s.gql('{ rotationSignal(rateSeries: "NOPE") { score } }');
      expect(codeOf(body)).toBe("NOT_FOUND");
      expect(extensionsOf(body)).toMatchObject({ argument: "rateSeries", name: "NOPE" });
      expect(body.data).toEqual({ rotationSignal: null });
    });

    it("rotationSignal shows each component's status: no valuation data, a stale rate series", async () => {
      const { body } = await s.gql<{
        rotationSignal: {
          score: number | null;
          availableWeight: number;
          sufficient: boolean;
          warning: string | null;
          components: {
            name: string;
            status: string;
            available: boolean;
            reason: string | null;
            contribution: number;
          }[];
        };
      }>(
        '{ rotationSignal(rateSeries: "FEDFUNDS") { score availableWeight sufficient warning components { name status available reason contribution } } }',
      );
      expect(body.errors).toBeUndefined();
      const byName = Object.fromEntries(body.data!.rotationSignal.components.map((c) => [c.name, c]));
      expect(byName.valuation).toMatchObject({ status: "NO_DATA", available: false, contribution: 0 });
      expect(byName.valuation!.reason).toContain("--kind valuation");
      // FEDFUNDS ends 2023-11-01, IWM and SPY 2025-09-26: the cycle phase would be a guess
      expect(byName.rateCycle).toMatchObject({ status: "STALE", available: false, contribution: 0 });
      expect(byName.rateCycle!.reason).toContain("FEDFUNDS ends 2023-11-01");
      expect(byName.positioning).toMatchObject({ status: "AVAILABLE", available: true, reason: null });
      expect(byName.relativeTrend!.status).toBe("AVAILABLE");
      // the free macro inputs and the market internals are not stored: each says what to import
      expect(byName.yieldCurve).toMatchObject({ status: "NO_DATA", available: false });
      expect(byName.yieldCurve!.reason).toContain("pnpm ingest DGS10 DGS2");
      expect(byName.labour!.reason).toContain("pnpm ingest SAHMREALTIME UNRATE");
      expect(byName.breadth!.reason).toContain("RSP not stored");
      expect(byName.cyclicals!.reason).toContain("XLY and XLP not stored");
      // trend 0.15 + momentum 0.15 + positioning 0.08: below half the weight, and the signal says so
      expect(body.data!.rotationSignal.availableWeight).toBeCloseTo(0.38, 12);
      expect(body.data!.rotationSignal.sufficient).toBe(false);
      expect(body.data!.rotationSignal.warning).toContain(
        "computed on 38 % of its weight, below the 50 % minimum",
      );
      for (const c of body.data!.rotationSignal.components) expect(c.reason ?? "").not.toMatch(/demo/i);
      // the default POLICY_RATE (the built-in record) reaches the prices: counted
      const policy = await s.gql<{ rotationSignal: { components: { name: string; status: string }[] } }>(
        "{ rotationSignal { components { name status } } }",
      );
      expect(policy.body.data!.rotationSignal.components.find((c) => c.name === "rateCycle")!.status).toBe(
        "AVAILABLE",
      );
    });

    it("macro fields without their series are DATA_UNAVAILABLE with the import command, never a guess", async () => {
      const curve = await s.gql("{ yieldCurve { label } }");
      expect(codeOf(curve.body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(curve.body).argument).toBe("curve.long");
      expect(messageOf(curve.body)).toContain("pnpm ingest DGS10");
      const labour = await s.gql("{ labourMarket { source } }");
      expect(codeOf(labour.body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(labour.body).argument).toBe("unemployment");
      const rec = await s.gql("{ recessions { dataEnd } }");
      expect(codeOf(rec.body)).toBe("DATA_UNAVAILABLE");
      expect(messageOf(rec.body)).toContain("pnpm ingest USREC");
      const study = await s.gql("{ eventStudy(events: { source: SAHM_TRIGGERS }) { description } }");
      expect(codeOf(study.body)).toBe("DATA_UNAVAILABLE");
      for (const b of [curve.body, labour.body, rec.body, study.body])
        expect(messageOf(b)).not.toMatch(/demo/i);
      // a typo is NOT_FOUND, not missing data
      const typo = await s.gql('{ yieldCurve(curve: { spreadSeries: "T10Y2X" }) { label } }');
      expect(codeOf(typo.body)).toBe("NOT_FOUND");
      expect(extensionsOf(typo.body)).toMatchObject({ argument: "curve.spreadSeries", name: "T10Y2X" });
    });

    it("default market ratios and the regime timeline answer with typed statuses for what is not stored", async () => {
      const { body } = await s.gql<{
        marketRatios: { name: string; status: string; reason: string | null }[];
        regimeTimeline: {
          today: Record<string, { status: string }>;
          similarity: { score: number | null }[];
        };
      }>(`{ marketRatios { name status reason }
        regimeTimeline(range: { from: "2025-01-01" }) { today { policy { status } curve { status } labour { status } recession { status } leadership { status } }
          similarity { score } } }`);
      expect(body.errors).toBeUndefined();
      const ratios = Object.fromEntries(body.data!.marketRatios.map((r) => [r.name, r]));
      expect(ratios["cyclicals vs defensives"]).toMatchObject({ status: "NO_DATA" });
      expect(ratios["cyclicals vs defensives"]!.reason).toContain("pnpm ingest XLY XLP");
      // IWM and SPY end 2025-09-26, KRE runs to 2026-02-18: the ratio is stale against the data, and says so
      expect(ratios["small vs large caps"]!.status).toBe("STALE");
      expect(ratios["small vs large caps"]!.reason).toContain(
        "IWM/SPY ends 2025-09-26, 145 days before the latest close stored (2026-02-18)",
      );
      const today = body.data!.regimeTimeline.today;
      expect(today.policy!.status).toBe("AVAILABLE");
      expect(today.leadership!.status).toBe("AVAILABLE");
      for (const k of ["curve", "labour", "recession"]) expect(today[k]!.status).toBe("NO_DATA");
    });

    it("rate cycles on a series that stopped long ago say it is stale, and a window past it is DATA_UNAVAILABLE", async () => {
      const { body } = await s.gql<{ rateCycles: { start: string; rateSeries: Record<string, unknown> }[] }>(
        '{ rateCycles(series: "FEDFUNDS") { start rateSeries { code rule lastDate comparedWith stale staleReason } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.rateCycles.length).toBeGreaterThan(0);
      expect(body.data!.rateCycles[0]!.rateSeries).toMatchObject({
        code: "FEDFUNDS",
        rule: "MONTHLY",
        lastDate: "2023-11-01",
        comparedWith: "2026-02-18",
        stale: true,
      });
      const after = await s.gql('{ rateCycles(series: "FEDFUNDS", since: "2024-01-01") { start } }');
      expect(codeOf(after.body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(after.body)).toMatchObject({
        argument: "since",
        available: { from: "2015-01-01", to: "2023-11-01" },
      });
      const study = await s.gql<{ rateCycleStudy: { rateSeries: { stale: boolean; staleDays: number } } }>(
        '{ rateCycleStudy(series: "FEDFUNDS", direction: TIGHTENING) { rateSeries { stale staleDays } } }',
      );
      expect(study.body.data!.rateCycleStudy.rateSeries).toEqual({ stale: true, staleDays: 695 });
    });

    it("drawdown from a peak window the data do not reach is DATA_UNAVAILABLE naming peakWithin", async () => {
      const { body } = await s.gql(
        '{ instrument(symbol: "KRE") { drawdown(peakWithin: { from: "2022-01-01", to: "2022-12-31" }) { drawdown } } }',
      );
      expect(codeOf(body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(body)).toMatchObject({
        argument: "peakWithin",
        available: { from: "2025-02-19", to: "2026-02-18" },
      });
      expect(messageOf(body)).toContain("KRE has no close between 2022-01-01 and 2022-12-31");
      // a window the data cover in part answers, and says so
      const partial = await s.gql<{ instrument: { drawdown: { peakWindow: Record<string, unknown> } } }>(
        '{ instrument(symbol: "KRE") { drawdown(peakWithin: { from: "2024-01-01", to: "2025-06-30" }) { peakDate peakWindow { status from reason } } } }',
      );
      expect(partial.body.errors).toBeUndefined();
      expect(partial.body.data!.instrument.drawdown.peakWindow).toMatchObject({
        status: "STARTS_LATE",
        from: "2025-02-19",
      });
    });

    it("a window that starts before the data is answered as STARTS_LATE with the reason, not silently shortened", async () => {
      const { body } = await s.gql<{ compare: { startDate: string; coverage: Record<string, unknown> } }>(
        '{ compare(base: "KRE", benchmark: "SPY", range: { from: "2021-01-01" }) { startDate coverage { status requestedFrom from to reason } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.compare.coverage).toMatchObject({
        status: "STARTS_LATE",
        requestedFrom: "2021-01-01",
        from: "2025-02-19",
      });
      expect(body.data!.compare.coverage.reason).toContain("begin 2025-02-19, after from (2021-01-01)");
      const perf = await s.gql<{ instrument: { performance: { coverage: { status: string } } } }>(
        '{ instrument(symbol: "IWM") { performance(range: { from: "2020-01-01", to: "2024-12-31" }) { coverage { status } } } }',
      );
      expect(perf.body.data!.instrument.performance.coverage.status).toBe("FULL");
      const none = await s.gql(
        '{ instrument(symbol: "KRE") { performance(range: { from: "2020-01-01", to: "2021-12-31" }) { totalReturn } } }',
      );
      expect(codeOf(none.body)).toBe("DATA_UNAVAILABLE");
      expect(extensionsOf(none.body).argument).toBe("range");
    });

    it("closes without an adjusted close are used scaled, and every answer says so", async () => {
      // a file with adjusted closes to 2025-09-26, then a file with closes only (as the public supplements)
      const iwx = await s.db.upsertInstrument({
        symbol: "IWX",
        name: "IWX",
        kind: "ETF",
        segment: "small_cap",
        provenance: "csv",
      });
      const rows = closes("2024-01-02", "2026-02-18", 0.0002).map((r) =>
        r.date <= "2025-09-26"
          ? { ...r, close: r.adjClose * 1.02 }
          : { date: r.date, close: r.adjClose * 1.02 },
      );
      await s.db.upsertBars(iwx.id, rows);
      const { body } = await s.gql<{
        instrument: {
          lastDate: string;
          priceBasis: Record<string, unknown>;
          performance: Record<string, unknown>;
        };
      }>(`{ instrument(symbol: "IWX") { lastDate priceBasis { status scaledCloses note }
        performance(range: { from: "2025-01-01" }) { endDate totalReturn coverage { adjustedThroughout priceNotes } } } }`);
      expect(body.errors).toBeUndefined();
      const i = body.data!.instrument;
      const scaled = rows.filter((r) => r.date > "2025-09-26").length; // 103 weekdays
      expect(i.priceBasis).toMatchObject({ status: "PARTLY_FROM_CLOSE", scaledCloses: scaled });
      // the analytics reach the last close, and the scaled closes continue the adjusted series exactly here
      expect(i.performance.endDate).toBe("2026-02-18");
      const want =
        rows.at(-1)!.close / 1.02 / (rows.filter((r) => r.date <= "2025-01-01").at(-1)!.close / 1.02) - 1;
      expect(i.performance.totalReturn as number).toBeCloseTo(want, 12);
      expect((i.performance.coverage as { adjustedThroughout: boolean }).adjustedThroughout).toBe(false);
      expect((i.performance.coverage as { priceNotes: string[] }).priceNotes[0]).toContain(
        `IWX has no adjusted close on ${scaled} of these closes (2025-09-29 to 2026-02-18)`,
      );
      const full = await s.gql<{
        instrument: { performance: { coverage: { adjustedThroughout: boolean } } };
      }>('{ instrument(symbol: "IWM") { performance { coverage { adjustedThroughout } } } }');
      expect(full.body.data!.instrument.performance.coverage.adjustedThroughout).toBe(true);
    });

    it("rate sensitivity to a yield that stopped long ago says so", async () => {
      const { body } = await s.gql<{
        instrument: { rateSensitivity: { stale: boolean; staleReason: string } };
      }>(
        '{ instrument(symbol: "IWM") { rateSensitivity(series: "FEDFUNDS", frequency: MONTHLY) { stale staleReason observations } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.instrument.rateSensitivity.stale).toBe(true);
      expect(body.data!.instrument.rateSensitivity.staleReason).toContain("FEDFUNDS ends 2023-11-01");
    });
  });
}
