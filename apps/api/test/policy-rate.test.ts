/**
 * POLICY_RATE, the default rate series of the cycle fields: the single target DFEDTAR until the first
 * DFEDTARU observation, then DFEDTARU — so real FRED data yields the cycles before and after 2008.
 */
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

describe("POLICY_RATE", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer("sqlite", {}, { seed: false });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("is NOT_FOUND with neither part stored", async () => {
    const { body } = await s.gql("{ rateCycles { start } }");
    expect(errorCode(body)).toBe("NOT_FOUND");
    expect(body.errors![0]!.message).toContain("DFEDTAR");
  });

  it("splices DFEDTAR before DFEDTARU and finds the cycles of both", async () => {
    const meta = { unit: "percent", frequency: "daily", source: "test", provenance: "test" };
    const single = await s.db.upsertEconomicSeries({ code: "DFEDTAR", title: "target", ...meta });
    const upper = await s.db.upsertEconomicSeries({ code: "DFEDTARU", title: "upper", ...meta });
    // DFEDTAR: 2007–08 easing, then FRED's last value; DFEDTARU from 2008-12-16: 2015–16 hikes.
    await s.db.upsertObservations(
      single.id,
      steps(
        [
          ["2007-01-01", 5.25],
          ["2007-09-18", 4.75],
          ["2007-10-31", 4.5],
          ["2008-10-29", 1],
        ],
        "2008-12-15",
      ),
    );
    await s.db.upsertObservations(
      upper.id,
      steps(
        [
          ["2008-12-16", 0.25],
          ["2015-12-17", 0.5],
          ["2016-12-15", 0.75],
        ],
        "2017-06-30",
      ),
    );
    const { body } = await s.gql<{
      all: { series: string; direction: string; start: string; rateBefore: number }[];
      upperOnly: { start: string }[];
    }>(
      '{ all: rateCycles { series direction start rateBefore } upperOnly: rateCycles(series: "DFEDTARU") { start } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.all).toEqual([
      { series: "POLICY_RATE", direction: "EASING", start: "2007-09-18", rateBefore: 5.25 },
      { series: "POLICY_RATE", direction: "TIGHTENING", start: "2015-12-17", rateBefore: 0.25 },
    ]);
    expect(body.data!.upperOnly.map((c) => c.start)).toEqual(["2015-12-17"]);
  });
});
