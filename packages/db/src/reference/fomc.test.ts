import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  cyclesFromMoves,
  detectRateCycles,
  formatISODate,
  parseISODate,
  type RateCycle,
  type RateMove,
  type Series,
} from "@cyclelens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalsOf } from "../database.js";
import { migrate } from "../migrate.js";
import { createTestDatabase, type TestDatabase, testBackends } from "../testing.js";
import { FOMC_DECISIONS, FOMC_RECORD, policyTargetOn } from "./fomc.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures");
function fred(file: string): Series {
  const rows = readFileSync(path.join(fixtures, file), "utf8").trim().split("\n").slice(1);
  return {
    dates: Int32Array.from(rows, (r) => parseISODate(r.slice(0, 10))),
    values: Float64Array.from(rows, (r) => Number(r.slice(11))),
  };
}

/** The record's moves: each decision of at least 20 bp, dated on its effective day (the step rule). */
function recordCycles(minMoveBp = 20): RateCycle[] {
  const moves: RateMove[] = [];
  for (let i = 1; i < FOMC_DECISIONS.length; i++) {
    const a = FOMC_DECISIONS[i - 1]!;
    const b = FOMC_DECISIONS[i]!;
    const changeBp = (b.upper - a.upper) * 100;
    if (Math.abs(changeBp) < minMoveBp - 1e-9) continue;
    const date = parseISODate(b.effective);
    moves.push({ date, from: a.upper, to: b.upper, changeBp, confirmedOn: date });
  }
  return cyclesFromMoves(moves, { lastDataDate: parseISODate(FOMC_RECORD.completeThrough) });
}

const announcedOn = (effective: string) => FOMC_DECISIONS.find((d) => d.effective === effective)!.announced;

describe("the FOMC record", () => {
  it("is ordered, every entry a change, ranges 25 bp wide from 2008-12-16, announced from 1994-02-04", () => {
    expect(FOMC_DECISIONS[0]).toMatchObject({ effective: "1982-09-27", upper: 10.25, announced: null });
    for (let i = 1; i < FOMC_DECISIONS.length; i++) {
      const a = FOMC_DECISIONS[i - 1]!;
      const d = FOMC_DECISIONS[i]!;
      expect(d.effective > a.effective).toBe(true);
      expect(d.upper !== a.upper || d.lower !== a.lower).toBe(true);
      if (d.effective < "2008-12-16") expect([d.kind, d.lower]).toEqual(["target", d.upper]);
      else expect([d.kind, Math.round((d.upper - d.lower) * 100)]).toEqual(["range", 25]);
      if (d.effective < "1994-02-04") expect(d.announced).toBeNull();
      else {
        expect(d.announced! <= d.effective).toBe(true);
        expect(parseISODate(d.effective) - parseISODate(d.announced!)).toBeLessThanOrEqual(1);
      }
    }
    expect(FOMC_DECISIONS).toHaveLength(185);
    expect(FOMC_DECISIONS.at(-1)).toMatchObject({
      announced: "2025-12-10",
      effective: "2025-12-11",
      lower: 3.5,
      upper: 3.75,
    });
    expect(FOMC_RECORD.completeThrough >= FOMC_DECISIONS.at(-1)!.effective).toBe(true);
    expect(policyTargetOn("2019-08-01")?.upper).toBe(2.25);
    expect(policyTargetOn("2019-07-31")?.upper).toBe(2.5);
    expect(policyTargetOn("1982-09-26")).toBeUndefined();
  });

  it("gives the FOMC's 12 cycle starts since 1989 (and the lone hike of 1997)", () => {
    const since = recordCycles().filter((c) => formatISODate(c.start) >= "1989-01-01");
    expect(
      since.map((c) => [c.direction, announcedOn(formatISODate(c.start)) ?? formatISODate(c.start)]),
    ).toEqual([
      ["easing", "1989-06-06"],
      ["tightening", "1994-02-04"],
      ["easing", "1995-07-06"],
      ["tightening", "1997-03-25"],
      ["easing", "1998-09-29"],
      ["tightening", "1999-06-30"],
      ["easing", "2001-01-03"],
      ["tightening", "2004-06-30"],
      ["easing", "2007-09-18"],
      ["tightening", "2015-12-16"],
      ["easing", "2019-07-31"],
      ["tightening", "2022-03-16"],
      ["easing", "2024-09-18"],
    ]);
  });
});

describe("the daily rule on FRED's DFF 1976–2026 against the record", () => {
  const dff = detectRateCycles(fred("DFF.csv")).filter((c) => formatISODate(c.start) >= "1989-01-01");
  const record = recordCycles().filter((c) => formatISODate(c.start) >= "1989-01-01");

  it("finds every cycle of the record since 1989, in the same order and direction, and no other", () => {
    expect(dff.map((c) => c.direction)).toEqual(record.map((c) => c.direction));
  });

  it("dates every start within 3 days of the decision, except 1998-09-29 (DFF did not move until 10-08)", () => {
    const late: string[] = [];
    for (const [i, c] of dff.entries()) {
      const decision = formatISODate(record[i]!.start);
      const days = Math.abs(c.start - parseISODate(announcedOn(decision) ?? decision));
      if (days > 3) late.push(`${decision} found ${formatISODate(c.start)}`);
    }
    expect(late).toEqual(["1998-09-29 found 1998-10-08"]);
  });

  it("moves through the same levels as the target, within the effective rate's spread", () => {
    for (const [i, c] of dff.entries()) {
      const r = record[i]!;
      // DFF trades inside the range (about 10–20 bp under its top) and around the single target
      expect(Math.abs(c.rateAfter - r.rateAfter)).toBeLessThan(0.6);
      expect(Math.sign(c.totalChangeBp)).toBe(Math.sign(r.totalChangeBp));
    }
  });
});

describe("the monthly rule on FRED's FEDFUNDS 1954–2023 against the record", () => {
  const ff = detectRateCycles(fred("FEDFUNDS.csv")).filter((c) => formatISODate(c.start) >= "1989-01-01");
  const record = recordCycles().filter((c) => {
    const d = formatISODate(c.start);
    return d >= "1989-01-01" && d <= "2023-11-01";
  });

  it("finds every cycle of the record in its data, each dated within a month of the decision's month", () => {
    expect(ff.map((c) => c.direction)).toEqual(record.map((c) => c.direction));
    const month = (day: number) => {
      const iso = formatISODate(day);
      return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
    };
    const offsets = ff.map((c, i) => month(c.start) - month(record[i]!.start));
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(1);
    // only August 2007 comes early: the average fell 24 bp below the target before the September cut
    expect(ff.filter((_, i) => offsets[i]! < 0).map((c) => formatISODate(c.start))).toEqual(["2007-08-01"]);
  });
});

for (const backend of testBackends()) {
  describe(`the stored record (${backend})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(backend);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("is in every database after migrate, equal to the built-in record, with its provenance", async () => {
      const stored = await t.db.policyDecisions.list();
      expect(stored).toEqual(FOMC_DECISIONS.map((d) => ({ ...d, provenance: "federal-reserve" })));
    });

    it("is written again only when it differs (a repeated migrate changes nothing, a damaged row is restored)", async () => {
      const v = await t.db.dataVersion();
      await migrate(t.db);
      expect(await t.db.dataVersion()).toBe(v);
      await internalsOf(t.db).client.$executeRawUnsafe(
        "UPDATE policy_decisions SET upper = 9 WHERE effective = '2019-08-01'",
      );
      await migrate(t.db);
      expect(await t.db.dataVersion()).toBeGreaterThan(v);
      expect((await t.db.policyDecisions.list()).find((d) => d.effective === "2019-08-01")?.upper).toBe(2.25);
    });
  });
}
