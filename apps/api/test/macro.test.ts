/**
 * The free macro signals, event studies on any event, the regime timeline, the rotation signal on every
 * component and its backtest — over HTTP on SQLite and PostgreSQL with the demo dataset, checked against
 * @cyclelens/core computed directly on the same demo data.
 */
import {
  curveInversions,
  curveSpread,
  eventStudy,
  formatISODate,
  parseISODate,
  recessionPeriods,
  type Series,
  sahmTriggers,
  seriesFromRows,
} from "@cyclelens/core";
import { generateDemoData, testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORY_QUERY } from "../src/graphiql.js";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;

const demo = generateDemoData();
const demoSeries = (code: string): Series =>
  seriesFromRows(demo.series.find((s) => s.input.code === code)!.rows);
const demoPrices = (symbol: string): Series =>
  seriesFromRows(
    demo.instruments
      .find((i) => i.input.symbol === symbol)!
      .bars.map((b) => ({ date: b.date, value: b.adjClose ?? null })),
  );

for (const backend of testBackends()) {
  describe(`macro signals, event studies, regimes and the rotation backtest on ${backend}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(backend);
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });
    const ok = async (query: string) => {
      const { status, body } = await s.gql(query);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      return body.data as Json;
    };

    it("yieldCurve: the un-inversions and inversions core finds on the stored DGS10 − DGS2", async () => {
      const d = await ok(`{ yieldCurve {
        label series { code } confirmDays freshness { lastDate stale }
        uninversions inversions { start end uninvertedOn confirmedOn trough troughDate invertedDays ongoing }
        current { date spread inverted phase lastInversion { start ongoing } steepeningSinceTroughBp }
        recent: spread(range: { from: "2026-11-16" }) { date value }
      } }`);
      const spread = curveSpread(demoSeries("DGS10"), demoSeries("DGS2"));
      const inv = curveInversions(spread);
      const y = d.yieldCurve;
      expect(y.label).toBe("DGS10 − DGS2");
      expect(y.series.map((x: Json) => x.code)).toEqual(["DGS10", "DGS2"]);
      expect(y.uninversions).toEqual(inv.filter((x) => !x.ongoing).map((x) => formatISODate(x.uninvertedOn)));
      expect(y.inversions).toHaveLength(inv.length);
      expect(y.inversions[0]).toMatchObject({
        start: formatISODate(inv[0]!.start),
        trough: inv[0]!.trough,
        confirmedOn: formatISODate(inv[0]!.confirmedOn),
      });
      expect(y.freshness).toEqual({ lastDate: "2026-11-20", stale: false });
      expect(y.current.date).toBe("2026-11-20");
      expect(y.current.spread).toBeCloseTo(spread.values[spread.values.length - 1]!, 12);
      // the demo's last inversion (2026-09) is back above zero but not confirmed: still inverted by the rule
      expect(y.current).toMatchObject({
        inverted: false,
        phase: "INVERTED",
        lastInversion: { ongoing: true },
      });
      expect(y.recent.map((p: Json) => p.date)).toEqual([
        "2026-11-16",
        "2026-11-17",
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
      ]);
      const other = await ok(
        `{ yieldCurve(curve: { confirmDays: 1 }, range: { from: "2019-01-01", to: "2019-12-31" }) { confirmDays inversions { start } } }`,
      );
      expect(other.yieldCurve.inversions.map((x: Json) => x.start)).toEqual(
        curveInversions(spread, { confirmDays: 1 })
          .filter((x) => formatISODate(x.start).startsWith("2019"))
          .map((x) => formatISODate(x.start)),
      );
    });

    it("yieldCurve on a stored spread series (T10Y2Y) gives what DGS10 − DGS2 gives", async () => {
      const spread = curveSpread(demoSeries("DGS10"), demoSeries("DGS2"));
      const t10y2y = await s.db.upsertEconomicSeries({
        code: "T10Y2Y",
        title: "10-Year Treasury Constant Maturity Minus 2-Year Treasury Constant Maturity",
        unit: "percent",
        frequency: "daily",
        source: "test: DGS10 − DGS2 of the demo",
        provenance: "demo",
      });
      await s.db.upsertObservations(
        t10y2y.id,
        Array.from(spread.dates, (d, i) => ({ date: formatISODate(d), value: spread.values[i]! })),
        { source: "demo" },
      );
      const d = await ok(`{
        stored: yieldCurve(curve: { spreadSeries: "t10y2y" }) { label series { code } uninversions current { spread phase } }
        computed: yieldCurve { uninversions current { spread phase } }
        study: eventStudy(events: { source: CURVE_UNINVERSIONS, curve: { spreadSeries: "T10Y2Y" } }, horizons: [3]) { events { label } }
      }`);
      expect(d.stored).toMatchObject({ label: "T10Y2Y", series: [{ code: "T10Y2Y" }] });
      expect(d.stored.uninversions).toEqual(d.computed.uninversions);
      expect(d.stored.current).toEqual(d.computed.current);
      expect(d.study.events[0].label).toBe("curve un-inverted (T10Y2Y)");
    });

    it("labourMarket and recessions: the Sahm triggers and the NBER periods of the stored series", async () => {
      const d = await ok(`{
        labourMarket { source unemployment { code } realTimeSeries { code } triggers { month knownOn value peak ongoing source }
          computed: triggers(from: COMPUTED) { month source }
          indicator(range: { from: "2024-06-01", to: "2024-08-01" }) { date value } }
        recessions { series { code } dataEnd periods { start end observations ongoing } }
      }`);
      const l = d.labourMarket;
      expect(l).toMatchObject({
        source: "REAL_TIME",
        unemployment: { code: "UNRATE" },
        realTimeSeries: { code: "SAHMREALTIME" },
      });
      expect(l.triggers.map((t: Json) => t.month)).toEqual(
        sahmTriggers(demoSeries("SAHMREALTIME")).map((t) => formatISODate(t.date)),
      );
      expect(l.triggers[0].knownOn).toBe(
        `${l.triggers[0].month.slice(0, 5)}${String(Number(l.triggers[0].month.slice(5, 7)) + 1).padStart(2, "0")}-12`,
      );
      expect(l.computed.every((t: Json) => t.source === "COMPUTED")).toBe(true);
      expect(l.indicator.map((p: Json) => p.date)).toEqual(["2024-06-01", "2024-07-01", "2024-08-01"]);
      expect(d.recessions.dataEnd).toBe("2026-10-31");
      expect(d.recessions.periods.map((p: Json) => [p.start, p.end])).toEqual(
        recessionPeriods(demoSeries("USREC")).map((p) => [formatISODate(p.start), formatISODate(p.end)]),
      );
    });

    it("marketRatios: the default internals, as compare reads IWM/SPY", async () => {
      const d = await ok(`{
        marketRatios { name numerator denominator status reason current { date ratioVsAverage aboveAverage lastCrossover { date direction } } }
        compare(base: "IWM", benchmark: "SPY", range: { from: "2021-01-01" }) { leadership { ratioVsAverage lastCrossover { date direction } } }
        named: marketRatios(pairs: [{ numerator: "QQQ", denominator: "SPY" }], averagePeriod: 20, range: { from: "2026-01-01" }) { name crossovers { date } ratio { date } }
      }`);
      expect(d.marketRatios.map((r: Json) => [r.name, r.numerator, r.denominator, r.status])).toEqual([
        ["cyclicals vs defensives", "XLY", "XLP", "AVAILABLE"],
        ["equal vs cap weight", "RSP", "SPY", "AVAILABLE"],
        ["small vs large caps", "IWM", "SPY", "AVAILABLE"],
      ]);
      const size = d.marketRatios[2].current;
      expect(size.ratioVsAverage).toBeCloseTo(d.compare.leadership.ratioVsAverage, 12);
      expect(size.lastCrossover).toEqual(d.compare.leadership.lastCrossover);
      expect(d.named[0].name).toBe("QQQ/SPY");
      expect(d.named[0].ratio[0].date >= "2026-01-01").toBe(true);
      const typo = await s.gql(
        '{ marketRatios(pairs: [{ numerator: "XLYY", denominator: "XLP" }]) { status } }',
      );
      expect(errorCode(typo.body)).toBe("NOT_FOUND");
      expect(typo.body.errors?.[0]?.extensions).toMatchObject({ argument: "pairs", name: "XLYY" });
    });

    it("eventStudy after the curve's un-inversions: the rows core computes, day 0 on the signal or the known date", async () => {
      const d = await ok(`{
        signal: eventStudy(events: { source: CURVE_UNINVERSIONS }, base: "^RUT", benchmark: "^GSPC", horizons: [3, 12]) {
          source description events { date dayZeroRule signalDate knownOn label }
          horizons { months complete incomplete overlapping rows { eventDate dayZeroRule excessReturn complete } leftOut { event { date } reason } excess { count mean } }
        }
        known: eventStudy(events: { source: CURVE_UNINVERSIONS, dayZero: KNOWN, last: 2 }, base: "^RUT", benchmark: "^GSPC", horizons: [3]) {
          events { date dayZeroRule signalDate knownOn } selection { matching studied last }
        }
      }`);
      const inv = curveInversions(curveSpread(demoSeries("DGS10"), demoSeries("DGS2"))).filter(
        (x) => !x.ongoing,
      );
      const core = eventStudy({
        events: inv.map((x) => x.uninvertedOn),
        series: { base: demoPrices("^RUT"), benchmark: demoPrices("^GSPC") },
        horizons: [{ months: 3 }, { months: 12 }],
      });
      const e = d.signal;
      expect(e.source).toBe("CURVE_UNINVERSIONS");
      expect(e.events.map((x: Json) => [x.date, x.dayZeroRule, x.knownOn])).toEqual(
        inv.map((x) => [formatISODate(x.uninvertedOn), "SIGNAL_DATE", formatISODate(x.confirmedOn)]),
      );
      e.horizons.forEach((h: Json, i: number) => {
        const c = core.horizons[i]!;
        expect(h.complete).toBe(c.complete);
        expect(h.incomplete).toBe(c.incomplete);
        h.rows.forEach((r: Json, k: number) => {
          if (r.complete) expect(r.excessReturn).toBeCloseTo(c.events[k]!.excessReturn, 12);
          else expect(r.excessReturn).toBeNull();
        });
        expect(h.excess.mean).toBeCloseTo(c.summary.excess!.mean, 12);
      });
      // the last un-inversion (2025-12-05) has no complete 12-month horizon by the demo's end
      expect(e.horizons[1].leftOut.map((x: Json) => [x.event.date, x.reason])).toEqual([
        ["2025-12-05", "ENDS_AFTER_DATA"],
      ]);
      expect(d.known.events.map((x: Json) => x.dayZeroRule)).toEqual(["KNOWN_DATE", "KNOWN_DATE"]);
      expect(d.known.events.map((x: Json) => x.date)).toEqual(d.known.events.map((x: Json) => x.knownOn));
      expect(d.known.selection).toMatchObject({ matching: inv.length, studied: 2, last: 2 });
    });

    it("rateCycleStudy is the easing-start case of eventStudy: the same rows and summaries", async () => {
      const d = await ok(`{
        cycles: rateCycleStudy(direction: EASING, horizons: [6, 12], since: "2000-01-01") { horizons { rows { eventDate dayZeroRule excessReturn } excess { count mean median hitRate meanInterval { low high } } } }
        events: eventStudy(events: { source: EASING_CYCLE_STARTS, since: "2000-01-01" }, horizons: [6, 12]) { events { cycle { start } } horizons { rows { eventDate dayZeroRule excessReturn } excess { count mean median hitRate meanInterval { low high } } } }
      }`);
      expect(d.events.horizons).toEqual(d.cycles.horizons);
      expect(d.events.events.map((e: Json) => e.cycle.start)).toEqual([
        "2001-01-03",
        "2007-09-18",
        "2019-08-01",
        "2024-09-19",
      ]);
    });

    it("eventStudy on the client's dates, Sahm triggers, recessions and ratio crossings", async () => {
      const d = await ok(`{
        dates: eventStudy(events: { dates: ["2020-03-23", "2009-03-09", "2020-03-23"] }, horizons: [12]) { source events { date dayZeroRule } horizons { complete } }
        sahm: eventStudy(events: { source: SAHM_TRIGGERS, dayZero: KNOWN }, horizons: [6]) { events { signalDate knownOn date label } }
        recessions: eventStudy(events: { source: RECESSION_ENDS }, horizons: [12]) { events { date knownOn } horizons { excess { count } } }
        ratio: eventStudy(events: { source: RATIO_CROSSOVERS_UP, ratio: { numerator: "XLY", denominator: "XLP" }, minSpacingDays: 365 }, horizons: [3]) {
          selection { matching spacedOut studied minSpacingDays } horizons { overlapping } }
      }`);
      expect(d.dates.source).toBeNull();
      expect(d.dates.events).toEqual([
        { date: "2009-03-09", dayZeroRule: "CLIENT_DATE" },
        { date: "2020-03-23", dayZeroRule: "CLIENT_DATE" },
      ]);
      expect(d.sahm.events[0]).toMatchObject({
        date: d.sahm.events[0].knownOn,
        label: "Sahm-rule trigger (SAHMREALTIME)",
      });
      expect(d.recessions.events.map((e: Json) => e.date)).toEqual([
        "2001-11-30",
        "2009-06-30",
        "2020-04-30",
      ]);
      expect(d.recessions.events.every((e: Json) => e.knownOn === null)).toBe(true);
      expect(d.ratio.selection.studied).toBe(d.ratio.selection.matching - d.ratio.selection.spacedOut);
      expect(d.ratio.horizons[0].overlapping).toBe(0);
    });

    it("rejects bad event arguments with the argument named", async () => {
      const cases: [string, string, string][] = [
        [
          '{ eventStudy(events: { dates: ["2020-01-02"], source: CURVE_UNINVERSIONS }) { description } }',
          "BAD_USER_INPUT",
          "events",
        ],
        ["{ eventStudy(events: {}) { description } }", "BAD_USER_INPUT", "events"],
        [
          "{ eventStudy(events: { source: RATIO_CROSSOVERS_UP }) { description } }",
          "BAD_USER_INPUT",
          "events.ratio",
        ],
        [
          "{ eventStudy(events: { source: RECESSION_STARTS, dayZero: KNOWN }) { description } }",
          "BAD_USER_INPUT",
          "events.dayZero",
        ],
        [
          '{ eventStudy(events: { source: CURVE_UNINVERSIONS, curve: { long: "DGS99" } }) { description } }',
          "NOT_FOUND",
          "events.curve.long",
        ],
        [
          '{ eventStudy(events: { source: CURVE_UNINVERSIONS, since: "2020-01-01", until: "2019-01-01" }) { description } }',
          "BAD_USER_INPUT",
          "events.since",
        ],
        [
          "{ eventStudy(events: { source: CURVE_UNINVERSIONS }, horizons: [0]) { description } }",
          "BAD_USER_INPUT",
          "horizons",
        ],
        ["{ yieldCurve(curve: { confirmDays: 0 }) { label } }", "BAD_USER_INPUT", "curve.confirmDays"],
        [
          '{ eventStudy(events: { source: RATIO_CROSSOVERS_DOWN, ratio: { numerator: "XLY", denominator: "XLP" }, averagePeriod: 5 }) { description } }',
          "BAD_USER_INPUT",
          "events",
        ],
        ['{ yieldCurve(curve: { long: "DGS2" }) { label } }', "BAD_USER_INPUT", "curve.short"],
        ['{ labourMarket(unemployment: "UNRAT") { source } }', "NOT_FOUND", "unemployment"],
        ["{ labourMarket(threshold: 0) { source } }", "BAD_USER_INPUT", "threshold"],
        ['{ recessions(series: "USRECD") { dataEnd } }', "DATA_UNAVAILABLE", "series"],
        ["{ rotationSignal(minimumWeight: 2) { score } }", "BAD_USER_INPUT", "minimumWeight"],
        ['{ rotationBacktest(base: "SPY") { monthsEvaluated } }', "BAD_USER_INPUT", "benchmark"],
      ];
      for (const [query, code, argument] of cases) {
        const { body } = await s.gql(query);
        expect(errorCode(body), query).toBe(code);
        expect(body.errors?.[0]?.extensions?.argument, query).toBe(argument);
      }
    });

    it("regimeTimeline: every signal per month as known then, today, and the similarity to past easing starts", async () => {
      const d = await ok(`{ regimeTimeline(range: { from: "2024-01-01", to: "2024-12-31" }) {
        months { date policy { status phase cycleStart } curve { status phase spread } labour { status phase sahm } recession { status inRecession } leadership { status leader } rotation { score sufficient } }
        today { date policy { phase } }
        similarTo similarityMethod
        similarity { date score compared event { label signalDate } features { feature today past scale distance } state { date policy { phase } } }
      } }`);
      const r = d.regimeTimeline;
      expect(r.months.map((m: Json) => m.date)).toEqual([
        "2024-01-31",
        "2024-02-29",
        "2024-03-31",
        "2024-04-30",
        "2024-05-31",
        "2024-06-30",
        "2024-07-31",
        "2024-08-31",
        "2024-09-30",
        "2024-10-31",
        "2024-11-30",
        "2024-12-31",
      ]);
      const sep = r.months[8];
      // the FOMC cut of 2024-09-18 took effect on 2024-09-19: easing from the September month end
      // (August: the last hike, 2023-07-27, is 401 days old, past the 400 days of an active cycle)
      expect(r.months[7].policy.phase).toBe("ON_HOLD");
      expect(r.months[5].policy).toMatchObject({ phase: "TIGHTENING", cycleStart: "2022-03-17" });
      expect(sep.policy).toMatchObject({ status: "AVAILABLE", phase: "EASING", cycleStart: "2024-09-19" });
      expect(r.months.every((m: Json) => m.recession.inRecession === false && m.rotation.sufficient)).toBe(
        true,
      );
      expect(r.today.date).toBe("2024-12-31");
      expect(r.similarTo).toBe("starts of the easing cycles of POLICY_RATE");
      expect(r.similarityMethod).toContain("1.4826");
      // cycles before the demo prices begin have too few features to compare
      const old = r.similarity.filter((x: Json) => x.event.signalDate < "2000-01-01");
      expect(old.every((x: Json) => x.score === null && x.compared < 3)).toBe(true);
      const recent = r.similarity.filter((x: Json) => x.score !== null);
      expect(recent.length).toBeGreaterThanOrEqual(3);
      for (const x of recent) {
        const known = x.features.filter((f: Json) => f.distance !== null);
        const expected =
          100 *
          Math.exp(-0.5 * (known.reduce((a: number, f: Json) => a + f.distance ** 2, 0) / known.length));
        expect(x.score).toBeCloseTo(expected, 9);
        expect(x.compared).toBe(known.length);
        expect(x.state.policy.phase).toBe("EASING"); // compared once the cut is in the data
      }
    });

    it("rotationBacktest: each month's signal is the live signal as of that month end, and the states partition the months", async () => {
      const d = await ok(`{
        rotationBacktest(horizons: [3, 12], range: { from: "2015-01-01", to: "2019-12-31" }) {
          base { symbol } benchmark { symbol } from to monthsEvaluated monthsSufficient noLookAhead
          history { date score label sufficient }
          horizons { months incomplete all { state count effectiveCount mean hitRate meanInterval { low high method } }
            states { state count mean hitRate standardError meanInterval { low high } hitRateInterval { low high } } }
        }
        at: rotationSignal(asOf: "2017-06-30") { score label }
      }`);
      const b = d.rotationBacktest;
      expect(b).toMatchObject({
        base: { symbol: "IWM" },
        benchmark: { symbol: "SPY" },
        from: "2015-01-31",
        to: "2019-12-31",
      });
      expect(b.monthsEvaluated).toBe(60);
      expect(b.history).toHaveLength(60);
      const june = b.history.find((h: Json) => h.date === "2017-06-30");
      expect(june.score).toBeCloseTo(d.at.score, 9);
      expect(june.label).toBe(d.at.label);
      for (const h of b.horizons) {
        expect(h.states.reduce((a: number, x: Json) => a + x.count, 0)).toBe(h.all.count);
        expect(h.all.count + h.incomplete).toBe(b.monthsSufficient);
        expect(h.all.meanInterval.method).toBe("newey-west");
        expect(h.all.effectiveCount).toBe(Math.max(2, Math.floor(h.all.count / h.months)));
      }
      expect(b.noLookAhead).toContain("confirmation");
    });

    it("one request answers 'is a new cycle starting?': GraphiQL's story query without errors", async () => {
      const d = await ok(STORY_QUERY);
      expect(d.regimeTimeline.today.policy.phase).toBeDefined();
      expect(d.rotationSignal.components.length).toBe(9);
      expect(d.afterLastUninversion.events).toHaveLength(1);
      expect(d.afterLastUninversion.events[0].date).toBe("2025-12-05");
    });

    it("the demo's macro series are served as economic series", async () => {
      const d = await ok('{ economicSeries(code: "unrate") { code frequency isDemo firstDate lastDate } }');
      expect(d.economicSeries).toEqual({
        code: "UNRATE",
        frequency: "monthly",
        isDemo: true,
        firstDate: "1999-01-01",
        lastDate: "2026-10-01",
      });
      expect(parseISODate(d.economicSeries.lastDate)).toBeGreaterThan(parseISODate("2026-09-01"));
    });
  });
}
