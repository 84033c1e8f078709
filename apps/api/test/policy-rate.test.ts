/**
 * POLICY_RATE, the default rate series of the cycle fields: the FOMC record built into every database
 * (no import needed), extended by a stored DFEDTARU after the record's `completeThrough` date.
 */
import { testBackends } from "@cyclelens/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, startTestServer, type TestServer } from "./helpers.js";

/** Daily observations of a step series: [date, level] steps, every calendar day until `end`. */
function steps(points: [string, number][], end: string) {
  const rows: { date: string; value: number }[] = [];
  const last = Date.parse(end);
  for (let k = 0; k < points.length; k++) {
    const [from, level] = points[k]!;
    const to = k + 1 < points.length ? Date.parse(points[k + 1]![0]) : last + 86_400_000;
    for (let t = Date.parse(from); t < to; t += 86_400_000)
      rows.push({ date: new Date(t).toISOString().slice(0, 10), value: level });
  }
  return rows;
}

/** Weekday closes growing 1 bp a day from `from` to `to`. */
function closes(from: string, to: string) {
  const rows: { date: string; close: number }[] = [];
  let price = 100;
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    price *= 1.0001;
    rows.push({ date: new Date(t).toISOString().slice(0, 10), close: price });
  }
  return rows;
}

const meta = { unit: "percent", frequency: "daily", source: "test", provenance: "fred" };

for (const backend of testBackends()) {
  describe(`POLICY_RATE (${backend})`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(backend, {}, { seed: false });
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    it("answers from the built-in FOMC record on a database with no series at all", async () => {
      const { body } = await s.gql<{
        rateCycles: { direction: string; start: string; announced: string | null }[];
        policyRecord: { provenance: string; completeThrough: string; count: number; decisions: unknown[] };
      }>(`{ rateCycles(since: "1989-01-01") { direction start announced }
            policyRecord { provenance completeThrough count decisions(range: { from: "2019-07-01", to: "2019-12-31" }) { announced effective lower upper kind } } }`);
      expect(body.errors).toBeUndefined();
      // the FOMC's 12 cycle starts since 1989 and the lone hike of 1997, dated on the announcement when known
      expect(body.data!.rateCycles.map((c) => [c.direction[0], c.announced ?? c.start])).toEqual([
        ["E", "1989-06-06"],
        ["T", "1994-02-04"],
        ["E", "1995-07-06"],
        ["T", "1997-03-25"],
        ["E", "1998-09-29"],
        ["T", "1999-06-30"],
        ["E", "2001-01-03"],
        ["T", "2004-06-30"],
        ["E", "2007-09-18"],
        ["T", "2015-12-16"],
        ["E", "2019-07-31"],
        ["T", "2022-03-16"],
        ["E", "2024-09-18"],
      ]);
      expect(body.data!.rateCycles[0]!.announced).toBeNull(); // 1989: not announced
      expect(body.data!.policyRecord).toEqual({
        provenance: "federal-reserve",
        completeThrough: "2026-08-06",
        count: 185,
        decisions: [
          { announced: "2019-07-31", effective: "2019-08-01", lower: 2, upper: 2.25, kind: "RANGE" },
          { announced: "2019-09-18", effective: "2019-09-19", lower: 1.75, upper: 2, kind: "RANGE" },
          { announced: "2019-10-30", effective: "2019-10-31", lower: 1.5, upper: 1.75, kind: "RANGE" },
        ],
      });
    });

    it("is stale against instruments that run past the record, and a stored DFEDTARU extends it", async () => {
      const spy = await s.db.upsertInstrument({
        symbol: "SPY",
        name: "SPY",
        kind: "ETF",
        segment: "large_cap",
        provenance: "test",
      });
      await s.db.upsertBars(spy.id, closes("2026-01-02", "2027-03-31"));
      const query = `{ rateCycles(since: "2024-01-01") { start announced ongoing
        rateSeries { provenance lastDate comparedWith stale staleDays staleReason } } }`;
      const before = await s.gql<{ rateCycles: Record<string, unknown>[] }>(query);
      expect(before.body.errors).toBeUndefined();
      const info = before.body.data!.rateCycles[0]!.rateSeries as Record<string, unknown>;
      expect(info).toMatchObject({
        provenance: "federal-reserve",
        lastDate: "2026-08-06",
        comparedWith: "2027-03-31",
        stale: true,
        staleDays: 237,
      });
      expect(info.staleReason).toContain("import DFEDTARU");

      // FRED's DFEDTARU with a (hypothetical) hike after the record's end
      const upper = await s.db.upsertEconomicSeries({ code: "DFEDTARU", title: "upper", ...meta });
      await s.db.upsertObservations(
        upper.id,
        steps(
          [
            ["2025-12-11", 3.75],
            ["2027-01-28", 4.0],
          ],
          "2027-03-31",
        ),
      );
      const after = await s.gql<{ rateCycles: Record<string, unknown>[] }>(query);
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data!.rateCycles.map((c) => [c.start, c.announced, c.ongoing])).toEqual([
        ["2024-09-19", "2024-09-18", false],
        ["2027-01-28", null, true], // after the record: no announcement date, day 0 = first day at the new level
      ]);
      expect(after.body.data!.rateCycles[1]!.rateSeries).toMatchObject({
        provenance: "federal-reserve (through 2026-08-06), then DFEDTARU (fred)",
        lastDate: "2027-03-31",
        stale: false,
      });
      const study = await s.gql<{ rateCycleStudy: { horizons: { rows: Record<string, unknown>[] }[] } }>(
        `{ rateCycleStudy(base: "SPY", benchmark: "SPY", direction: TIGHTENING, since: "2027-01-01", horizons: [1]) {
          horizons { rows { eventDate dayZeroRule entryDate complete } } } }`,
      );
      expect(study.body.errors).toBeUndefined();
      expect(study.body.data!.rateCycleStudy.horizons[0]!.rows).toEqual([
        {
          eventDate: "2027-01-28",
          dayZeroRule: "FIRST_DAY_AT_NEW_LEVEL",
          entryDate: "2027-01-28",
          complete: true,
        },
      ]);
    });

    it("rejects a rule that does not fit the record, and a window outside it", async () => {
      const daily = await s.gql("{ rateCycles(frequency: DAILY) { start } }");
      expect(errorCode(daily.body)).toBe("BAD_USER_INPUT");
      expect(daily.body.errors![0]!.extensions!.argument).toBe("frequency");
      const future = await s.gql('{ rateCycles(since: "2030-01-01") { start } }');
      expect(errorCode(future.body)).toBe("DATA_UNAVAILABLE");
      expect(future.body.errors![0]!.extensions).toMatchObject({
        argument: "since",
        available: { to: "2027-03-31" },
      });
    });
  });
}
