/**
 * End-to-end over HTTP: every root field, its errors and the limits, on SQLite and (when configured)
 * PostgreSQL, against the demo dataset. Figures are checked against values recomputed here from the
 * raw bars the API returns.
 */
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON responses are checked field by field
type Json = Record<string, any>;

describe.each(testBackends())("GraphQL API on %s", (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const ok = async (query: string, variables?: Record<string, unknown>): Promise<Json> => {
    const { status, body } = await s.gql<Json>(query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    return body.data as Json;
  };

  describe("instruments", () => {
    it("lists the demo instruments, flagged as demo", async () => {
      const d = await ok("{ instruments { symbol kind segment isDemo provenance } }");
      expect(d.instruments.map((i: Json) => i.symbol).sort()).toEqual(
        ["IWM", "KRE", "QQQ", "RSP", "SPY", "XLP", "XLY", "^GSPC", "^RUT"].sort(),
      );
      expect(d.instruments.every((i: Json) => i.isDemo && i.provenance === "demo")).toBe(true);
    });

    it("filters by kind, segment and symbols", async () => {
      const d = await ok(`{
        idx: instruments(filter: { kind: INDEX }) { symbol }
        small: instruments(filter: { segment: "small_cap" }) { symbol }
        two: instruments(filter: { symbols: ["spy", "IWM"] }) { symbol }
      }`);
      expect(d.idx.map((i: Json) => i.symbol).sort()).toEqual(["^GSPC", "^RUT"]);
      expect(d.small.map((i: Json) => i.symbol)).toContain("IWM");
      expect(d.two.map((i: Json) => i.symbol)).toEqual(["SPY", "IWM"]);
    });

    it("returns exactly the 252 trading days of 2024 for IWM, paginated", async () => {
      const q = `query($after: String) { instrument(symbol: "iwm") { symbol benchmark { symbol }
        bars(range: { from: "2024-01-01", to: "2024-12-31" }, first: 200, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { date open high low close adjClose volume } } } } }`;
      const p1 = await ok(q);
      expect(p1.instrument.symbol).toBe("IWM");
      expect(p1.instrument.benchmark.symbol).toBe("^RUT");
      const c1 = p1.instrument.bars;
      expect(c1.totalCount).toBe(252);
      expect(c1.edges).toHaveLength(200);
      expect(c1.pageInfo.hasNextPage).toBe(true);
      const c2 = (await ok(q, { after: c1.pageInfo.endCursor })).instrument.bars;
      expect(c2.edges).toHaveLength(52);
      expect(c2.pageInfo.hasNextPage).toBe(false);
      const dates = [...c1.edges, ...c2.edges].map((e: Json) => e.node.date);
      expect(dates[0]).toBe("2024-01-02");
      expect(dates.at(-1)).toBe("2024-12-31");
      expect(new Set(dates).size).toBe(252);
      expect(dates).not.toContain("2024-07-04");
      expect(dates).not.toContain("2024-03-29"); // Good Friday
      for (const { node: b } of c1.edges) {
        expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
        expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
      }
    });

    it("serves a compact series and every indicator", async () => {
      const d = await ok(`{ instrument(symbol: "SPY") {
        series(field: CLOSE, range: { from: "2024-06-03", to: "2024-06-07" }) { date value }
        sma(period: 3, field: CLOSE, range: { from: "2024-06-03", to: "2024-06-07" }) { date value }
        ema(period: 10, range: { from: "2024-06-03", to: "2024-06-07" }) { value }
        rsi(range: { from: "2024-06-03", to: "2024-06-07" }) { value }
        roc(period: 5, range: { from: "2024-06-03", to: "2024-06-07" }) { value }
        macd(range: { from: "2024-06-03", to: "2024-06-07" }) { macd signal histogram }
        bollinger(range: { from: "2024-06-03", to: "2024-06-07" }) { middle upper lower percentB }
        atr(range: { from: "2024-06-03", to: "2024-06-07" }) { value }
      } }`);
      const i = d.instrument;
      expect(i.series.map((p: Json) => p.date)).toEqual([
        "2024-06-03",
        "2024-06-04",
        "2024-06-05",
        "2024-06-06",
        "2024-06-07",
      ]);
      // SMA(3) of the close, recomputed from the closes the API returned (the first needs two earlier closes).
      const closes = (
        await ok(
          `{ instrument(symbol: "SPY") { series(field: CLOSE, range: { from: "2024-05-30", to: "2024-06-07" }) { value } } }`,
        )
      ).instrument.series.map((p: Json) => p.value);
      const n = closes.length;
      const expected = closes
        .slice(n - 5)
        .map((_: number, k: number) => (closes[n - 5 + k] + closes[n - 6 + k] + closes[n - 7 + k]) / 3);
      i.sma.forEach((p: Json, k: number) => {
        expect(p.value).toBeCloseTo(expected[k], 9);
      });
      for (const field of ["ema", "rsi", "roc", "atr"]) expect(i[field]).toHaveLength(5);
      for (const p of i.rsi) expect(p.value).toBeGreaterThanOrEqual(0);
      for (const p of i.bollinger) expect(p.upper).toBeGreaterThan(p.lower);
      for (const p of i.macd) expect(p.histogram).toBeCloseTo(p.macd - p.signal, 12);
    });

    it("computes performance consistent with the bars", async () => {
      const d = await ok(`{ instrument(symbol: "IWM") {
        performance(range: { from: "2021-01-01", to: "2025-12-31" }) { startDate endDate startValue endValue totalReturn cagr volatility sharpe sortino calmar ulcerIndex valueAtRisk conditionalValueAtRisk observations maxDrawdown { depth peakDate troughDate } }
        first: series(range: { from: "2020-12-24", to: "2020-12-31" }) { date value }
        last: series(range: { from: "2025-12-24", to: "2025-12-31" }) { date value }
        periodReturns(asOf: "2025-12-31") { oneYear yearToDate }
        calendarYearReturns { year return partial }
      } }`);
      const p = d.instrument.performance;
      const entry = d.instrument.first.at(-1);
      const exit = d.instrument.last.at(-1);
      expect(p.startDate).toBe(entry.date); // day 0 = last close on or before 2021-01-01
      expect(p.endDate).toBe(exit.date);
      expect(p.totalReturn).toBeCloseTo(exit.value / entry.value - 1, 12);
      expect(d.instrument.periodReturns.yearToDate).toBeCloseTo(d.instrument.periodReturns.oneYear, 12);
      const y2025 = d.instrument.calendarYearReturns.find((y: Json) => y.year === 2025);
      expect(y2025.return).toBeCloseTo(d.instrument.periodReturns.yearToDate, 12);
      expect(p.volatility).toBeGreaterThan(0.1);
      expect(p.maxDrawdown.depth).toBeLessThan(0);
      expect(p.conditionalValueAtRisk).toBeGreaterThanOrEqual(p.valueAtRisk);
    });

    it("measures KRE's drawdown from its 2022 peak", async () => {
      const d = await ok(`{ instrument(symbol: "KRE") {
        drawdown(peakWithin: { from: "2022-01-01", to: "2022-12-31" }, asOf: "2023-06-30") { peakDate peakValue asOfDate asOfValue drawdown series { date value } }
        peak: performance(range: { from: "2022-01-01", to: "2022-12-31" }) { observations }
      } }`);
      const dd = d.instrument.drawdown;
      expect(dd.peakDate.startsWith("2022")).toBe(true);
      expect(dd.asOfDate).toBe("2023-06-30");
      expect(dd.drawdown).toBeCloseTo(dd.asOfValue / dd.peakValue - 1, 12);
      expect(dd.drawdown).toBeLessThan(-0.3); // the demo's regional-bank slump
      expect(dd.series[0]).toEqual({ date: dd.peakDate, value: 0 });
      expect(dd.series.at(-1).date).toBe("2023-06-30");
      const ranged = (
        await ok(`{ instrument(symbol: "KRE") { drawdown(peakWithin: { from: "2022-01-01", to: "2022-12-31" },
          range: { from: "2023-03-01", to: "2023-03-31" }) { asOfDate drawdown series { date value } } } }`)
      ).instrument.drawdown;
      expect(ranged.asOfDate).toBe("2023-03-31"); // range.to is the as-of date when asOf is absent
      expect(ranged.series[0].date >= "2023-03-01").toBe(true);
      expect(ranged.series.at(-1)).toEqual({ date: ranged.asOfDate, value: ranged.drawdown });
    });

    it("regresses returns on yield changes", async () => {
      const d = await ok(`{ instrument(symbol: "IWM") {
        rateSensitivity(series: "DGS2", range: { from: "2015-01-01", to: "2024-12-31" }, frequency: WEEKLY, rolling: 52) {
          series { code } frequency betaPer100bp intercept tStat rSquared correlation observations from to rolling { date betaPer100bp }
        } } }`);
      const r = d.instrument.rateSensitivity;
      expect(r.series.code).toBe("DGS2");
      expect(r.frequency).toBe("WEEKLY");
      expect(r.observations).toBeGreaterThan(500);
      expect(r.rSquared).toBeCloseTo(r.correlation ** 2, 9);
      expect(r.rolling.length).toBe(r.observations);
      expect(r.rolling[51].betaPer100bp).not.toBeNull();
    });

    it("serves valuation snapshots", async () => {
      const d = await ok(
        `{ instrument(symbol: "IWM") { valuation { date forwardPE source } valuationHistory(range: { from: "2024-01-01", to: "2024-12-31" }) { date forwardPE } } }`,
      );
      expect(d.instrument.valuation.forwardPE).toBeGreaterThan(5);
      expect(d.instrument.valuation.source).toBe("demo");
      expect(d.instrument.valuationHistory.length).toBeGreaterThanOrEqual(12);
    });
  });

  it("applies the defaults of omitted variables, non-null ones included", async () => {
    const q = `query($s: String! = "IWM", $r: DateRange! = { from: "2024-12-30", to: "2024-12-31" }, $n: Int) {
      instrument(symbol: $s) { symbol series(range: $r) { date } }
      instruments(filter: { symbols: [$s] }) { sma(period: 2, range: $r) { date } rsi(period: $n, range: $r) { date } }
    }`;
    const d = await ok(q);
    expect(d.instrument.symbol).toBe("IWM");
    expect(d.instrument.series.map((p: Json) => p.date)).toEqual(["2024-12-30", "2024-12-31"]);
    expect(d.instruments[0].rsi).toHaveLength(2); // $n omitted, no default: the argument's default (14) applies
    const other = await ok(q, { s: "SPY" });
    expect(other.instrument.symbol).toBe("SPY");
  });

  it("compares IWM with SPY since 2021", async () => {
    const d = await ok(`{
      compare(base: "IWM", benchmark: "SPY", range: { from: "2021-01-01" }) {
        base { symbol } benchmark { symbol } startDate endDate observations baseReturn benchmarkReturn returnGap
        beta alpha correlation rSquared upCapture downCapture trackingError informationRatio
        relativeStrength { date value } relativeStrengthAverage { value } crossovers { date direction }
        leadership { ratio average ratioVsAverage aboveAverage lastCrossover { date direction } }
        rollingBeta(window: 63) { value } rollingCorrelation { value }
      }
      iwm: instrument(symbol: "IWM") { relativeTo(benchmark: "SPY", range: { from: "2021-01-01" }) { returnGap } }
    }`);
    const c = d.compare;
    expect(c.returnGap).toBeCloseTo(c.baseReturn - c.benchmarkReturn, 12);
    expect(d.iwm.relativeTo.returnGap).toBe(c.returnGap);
    expect(c.relativeStrength[0].value).toBe(1);
    expect(c.relativeStrength.at(-1).value).toBeCloseTo((1 + c.baseReturn) / (1 + c.benchmarkReturn), 9);
    expect(c.relativeStrength).toHaveLength(c.observations);
    expect(c.rSquared).toBeCloseTo(c.correlation ** 2, 9);
    expect(c.leadership.aboveAverage).toBe(c.leadership.ratio > c.leadership.average);
    expect(c.rollingBeta).toHaveLength(c.observations - 1);
  });

  it("lists economic series and their observations", async () => {
    const d = await ok(`{
      economicSeriesList { code unit isDemo }
      economicSeries(code: "dfedtaru") { code title latest { date value } observations(range: { from: "2024-09-17", to: "2024-09-20" }) { date value } }
    }`);
    expect(d.economicSeriesList.map((s: Json) => s.code)).toEqual(
      expect.arrayContaining(["DFEDTARU", "DFEDTARL", "DFF", "DGS2", "DGS10"]),
    );
    const obs = d.economicSeries.observations;
    expect(obs[0].value).toBe(5.5);
    expect(obs.at(-1).value).toBe(5);
  });

  it("detects rate cycles with their moves and nested performance", async () => {
    const d = await ok(`{
      easing: rateCycles(direction: EASING, since: "2019-01-01") { direction start end moveCount totalChangeBp rateBefore rateAfter ongoing
        moves { date from to changeBp }
        performance(symbols: ["IWM", "SPY"], horizonMonths: 12) { instrument { symbol } complete entryDate exitDate return }
        excess(base: "IWM", benchmark: "SPY", horizonMonths: 12) { complete baseReturn benchmarkReturn excessReturn }
      }
      all: rateCycles { direction start }
    }`);
    expect(d.easing.map((c: Json) => c.start)).toEqual(["2019-08-01", "2024-09-19"]);
    for (const c of d.easing) {
      expect(c.direction).toBe("EASING");
      expect(c.moveCount).toBe(c.moves.length);
      expect(c.totalChangeBp).toBeCloseTo(
        c.moves.reduce((a: number, m: Json) => a + m.changeBp, 0),
        9,
      );
      const [iwm, spy] = c.performance;
      expect(iwm.instrument.symbol).toBe("IWM");
      if (c.excess.complete) expect(c.excess.excessReturn).toBeCloseTo(iwm.return - spy.return, 12);
    }
    const directions = d.all.map((c: Json) => c.direction);
    expect(directions).toContain("TIGHTENING");
    for (let k = 1; k < d.all.length; k++) expect(d.all[k].start > d.all[k - 1].start).toBe(true);
  });

  it("runs the easing-cycle study of small vs large caps", async () => {
    const d =
      await ok(`{ rateCycleStudy(base: "IWM", benchmark: "SPY", direction: EASING, horizons: [3, 12, 24], last: 3) {
      direction cycles { start } horizons { months complete incomplete
        rows { cycle { start } complete incompleteReason baseReturn benchmarkReturn excessReturn }
        excess { count mean median stdDev tStat hitRate min max meanInterval { level low high method }
          bootstrapInterval { low high method } hitRateInterval { low high method } }
        base { count } benchmark { count } } } }`);
    const st = d.rateCycleStudy;
    expect(st.cycles).toHaveLength(3);
    expect(st.horizons.map((h: Json) => h.months)).toEqual([3, 12, 24]);
    for (const h of st.horizons) {
      const done = h.rows.filter((r: Json) => r.complete);
      expect(h.complete).toBe(done.length);
      expect(h.complete + h.incomplete).toBe(3);
      expect(h.excess.count).toBe(done.length);
      const excess = done.map((r: Json) => r.excessReturn);
      for (const r of done) expect(r.excessReturn).toBeCloseTo(r.baseReturn - r.benchmarkReturn, 12);
      if (done.length) {
        expect(h.excess.mean).toBeCloseTo(
          excess.reduce((a: number, b: number) => a + b, 0) / excess.length,
          12,
        );
        expect(h.excess.hitRate).toBeCloseTo(excess.filter((x: number) => x > 0).length / excess.length, 12);
      }
      if (done.length >= 2) {
        expect(h.excess.meanInterval.method).toBe("t");
        expect(h.excess.meanInterval.low).toBeLessThan(h.excess.mean);
        expect(h.excess.meanInterval.high).toBeGreaterThan(h.excess.mean);
        expect(h.excess.bootstrapInterval.method).toBe("exact-bootstrap");
        expect(h.excess.bootstrapInterval.low).toBeGreaterThanOrEqual(h.excess.min - 1e-12);
        expect(h.excess.hitRateInterval.method).toBe("clopper-pearson");
      }
    }
    // The latest easing cycle began in 2024-09: its 24-month horizon runs past the data's end (2026-11-20)? No:
    // 2024-09-19 + 24 months = 2026-09-19 is inside; a horizon past the end must be reported incomplete:
    // Cycles start on the first day at the new level; day 0 is the close of the FOMC's announcement day.
    const recent = await ok(`{ rateCycleStudy(since: "2019-01-01", horizons: [3]) {
      cycles { start announced } rateSeries { code provenance rule stale }
      selection { since matching studied } conventions { dayZero }
      horizons { rows { eventDate dayZeroRule entryDate } } } }`);
    const r = recent.rateCycleStudy;
    expect(r.cycles).toEqual([
      { start: "2019-08-01", announced: "2019-07-31" },
      { start: "2024-09-19", announced: "2024-09-18" },
    ]);
    expect(r.rateSeries).toMatchObject({ code: "POLICY_RATE", rule: "STEP", stale: false });
    expect(r.selection).toEqual({ since: "2019-01-01", matching: 2, studied: 2 });
    expect(r.conventions.dayZero).toContain("announcement day");
    expect(r.horizons[0].rows).toEqual([
      { eventDate: "2019-07-31", dayZeroRule: "ANNOUNCEMENT", entryDate: "2019-07-31" },
      { eventDate: "2024-09-18", dayZeroRule: "ANNOUNCEMENT", entryDate: "2024-09-18" },
    ]);
    const far = await ok(
      `{ rateCycleStudy(horizons: [60], last: 1) { horizons { incomplete rows { complete incompleteReason }
        leftOut { cycle { start } reason detail } excess { count mean meanInterval { low } } } } }`,
    );
    const h = far.rateCycleStudy.horizons[0];
    expect(h.incomplete).toBe(1);
    expect(h.rows[0]).toEqual({ complete: false, incompleteReason: "ENDS_AFTER_DATA" });
    expect(h.leftOut).toEqual([
      { cycle: { start: "2024-09-19" }, reason: "ENDS_AFTER_DATA", detail: expect.stringContaining("ends") },
    ]);
    expect(h.excess).toEqual({ count: 0, mean: null, meanInterval: { low: null } });
  });

  it("ranks the valuation gap in its history", async () => {
    const d =
      await ok(`{ valuationGap { base { symbol } benchmark { symbol } metric date baseValue benchmarkValue
      gap { value percentile zScore mean stdDev } relative { value percentile } observations history(range: { from: "2026-01-01" }) { date value } } }`);
    const g = d.valuationGap;
    expect([g.base.symbol, g.benchmark.symbol, g.metric]).toEqual(["IWM", "SPY", "FORWARD_PE"]);
    expect(g.gap.value).toBeCloseTo(g.baseValue - g.benchmarkValue, 12);
    expect(g.relative.value).toBeCloseTo(g.baseValue / g.benchmarkValue - 1, 12);
    expect(g.gap.zScore).toBeCloseTo((g.gap.value - g.gap.mean) / g.gap.stdDev, 9);
    expect(g.gap.percentile).toBeGreaterThanOrEqual(0);
    expect(g.gap.percentile).toBeLessThanOrEqual(100);
    expect(g.history.at(-1)).toEqual({ date: g.date, value: g.gap.value });
  });

  it("compares positioning with its long-run average", async () => {
    const d = await ok(
      `{ positioning { segment unit source isDemo current { date value average deviation zScore percentile } history(range: { from: "2026-01-01" }) { date value } } }`,
    );
    const p = d.positioning;
    expect(p.segment).toBe("small_cap");
    expect(p.isDemo).toBe(true);
    expect(p.current.deviation).toBeCloseTo(p.current.value - p.current.average, 12);
    expect(p.history.at(-1).date).toBe(p.current.date);
  });

  it("builds the rotation signal from its components", async () => {
    const d =
      await ok(`{ rotationSignal { asOf score label availableWeight sufficient warning components { name status available raw normalized weight effectiveWeight contribution detail inputs } }
      past: rotationSignal(asOf: "2020-06-30") { asOf score } }`);
    const r = d.rotationSignal;
    expect(r.components.map((c: Json) => c.name)).toEqual([
      "relativeTrend",
      "relativeMomentum",
      "rateCycle",
      "yieldCurve",
      "labour",
      "breadth",
      "cyclicals",
      "valuation",
      "positioning",
    ]);
    // the demo holds every input: the whole weight is available
    expect(r.components.every((c: Json) => c.status === "AVAILABLE")).toBe(true);
    expect(r.availableWeight).toBeCloseTo(1, 12);
    expect(r).toMatchObject({ sufficient: true, warning: null });
    const byName = Object.fromEntries(r.components.map((c: Json) => [c.name, c]));
    expect(byName.yieldCurve.inputs).toEqual(["DGS10", "DGS2"]);
    expect(byName.labour.inputs).toEqual(["SAHMREALTIME"]);
    expect(byName.breadth.inputs).toEqual(["RSP", "SPY"]);
    expect(byName.cyclicals.inputs).toEqual(["XLY", "XLP"]);
    expect(r.score).toBeGreaterThanOrEqual(-100);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.components.reduce((a: number, c: Json) => a + c.contribution, 0)).toBeCloseTo(r.score, 9);
    expect(d.past.asOf).toBe("2020-06-30");
  });

  it("says which dataset answered", async () => {
    const d = await ok(
      "{ dataset { label isDemo instruments { name provenance isDemo firstDate lastDate rows } series { name rows } valuations { name } positioning { name } } }",
    );
    expect(d.dataset.label).toBe("DEMO");
    expect(d.dataset.isDemo).toBe(true);
    const iwm = d.dataset.instruments.find((i: Json) => i.name === "IWM");
    expect(iwm.isDemo).toBe(true);
    expect(iwm.rows).toBeGreaterThan(6000);
  });

  describe("errors", () => {
    it.each([
      ['{ instrument(symbol: "NOPE") { symbol } }', "instrument", "NOPE"],
      ['{ economicSeries(code: "XYZ") { code } }', "economic series", "XYZ"],
      ['{ positioning(segment: "mid_cap") { segment } }', "positioning segment", "mid_cap"],
      ['{ compare(base: "IWM", benchmark: "ZZZ") { returnGap } }', "instrument", "ZZZ"],
      ['{ instruments(filter: { symbols: ["IWM", "NOPE"] }) { symbol } }', "instrument", "NOPE"],
      [
        '{ instrument(symbol: "IWM") { rateSensitivity(series: "NOPE") { betaPer100bp } } }',
        "economic series",
        "NOPE",
      ],
    ])("NOT_FOUND for %s", async (query, kind, name) => {
      const { body } = await s.gql(query);
      expect(errorCode(body)).toBe("NOT_FOUND");
      expect(body.errors![0]!.extensions).toMatchObject({ kind, name });
      expect(body.errors![0]!.message).toContain(name);
    });

    it.each([
      ['{ instrument(symbol: "IWM") { bars(range: { from: "2024-02-30" }) { totalCount } } }', "2024-02-30"],
      [
        '{ instrument(symbol: "IWM") { series(range: { from: "2024-05-01", to: "2024-01-01" }) { date } } }',
        "range",
      ],
      ['{ instrument(symbol: "IWM") { sma(period: 0) { value } } }', "period"],
      ['{ instrument(symbol: "IWM") { sma(period: 5000) { value } } }', "period"],
      ['{ instrument(symbol: "IWM") { macd(fast: 30, slow: 26) { macd } } }', "fast"],
      ["{ rateCycleStudy(horizons: [0]) { direction } }", "horizons"],
      ["{ rateCycleStudy(horizons: [121]) { direction } }", "horizons"],
      ["{ rateCycleStudy(last: 0) { direction } }", "last"],
      ['{ instrument(symbol: "IWM") { bars(first: 20000) { totalCount } } }', "first"],
      ['{ instrument(symbol: "IWM") { bars(after: "garbage") { totalCount } } }', "after"],
      ['{ compare(base: "IWM", benchmark: "IWM") { returnGap } }', "benchmark"],
      ['{ instrument(symbol: "IWM") { performance(riskFreeRate: 5) { sharpe } } }', "riskFreeRate"],
    ])("BAD_USER_INPUT for %s", async (query, named) => {
      const { body } = await s.gql(query);
      expect(errorCode(body), JSON.stringify(body)).toBe("BAD_USER_INPUT");
      expect(body.errors![0]!.message).toContain(named);
    });

    it("rejects a bad date in variables, naming the variable", async () => {
      const { body } = await s.gql(
        'query($d: Date) { instrument(symbol: "IWM") { drawdown(peakWithin: { from: $d }) { drawdown } } }',
        { d: "2022-13-01" },
      );
      expect(errorCode(body)).toBe("BAD_USER_INPUT");
      expect(body.errors![0]!.message).toContain("$d");
    });
  });
});
