import { FOMC_DECISIONS } from "@cyclelens/db";
import { describe, expect, it } from "vitest";
import { fomcRecordNotes } from "./fomc-check.js";

/** Daily rows of the record's target from `from` to `to` (as FRED publishes DFEDTAR / DFEDTARU / DFEDTARL). */
function fred(code: "DFEDTAR" | "DFEDTARU" | "DFEDTARL", from: string, to: string) {
  const rows: { date: string; value: number }[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    let d = FOMC_DECISIONS[0]!;
    for (const x of FOMC_DECISIONS) if (x.effective <= date) d = x;
    rows.push({ date, value: code === "DFEDTARL" ? d.lower : d.upper });
  }
  return rows;
}

describe("fomcRecordNotes", () => {
  it("has nothing to say when FRED's target series agree with the record", () => {
    expect(fomcRecordNotes("DFEDTAR", fred("DFEDTAR", "1982-09-27", "2008-12-15"))).toEqual([]);
    expect(fomcRecordNotes("DFEDTARU", fred("DFEDTARU", "2008-12-16", "2026-08-06"))).toEqual([]);
    expect(fomcRecordNotes("dfedtarl", fred("DFEDTARL", "2008-12-16", "2026-08-06"))).toEqual([]);
    expect(fomcRecordNotes("DGS10", [{ date: "2020-01-02", value: 9 }])).toEqual([]);
  });

  it("reports every day of disagreement, grouped into spans", () => {
    const rows = fred("DFEDTARU", "2015-12-01", "2016-01-31").map((r) =>
      // a file dating the 2015 hike a day late
      r.date === "2015-12-16" ? { ...r, value: 0.25 } : r,
    );
    expect(fomcRecordNotes("DFEDTARU", rows)).toEqual([
      "DFEDTARU disagrees with the built-in FOMC record on 1 day: 2015-12-16 (file 0.25, record 0.5)",
    ]);
    const shifted = fred("DFEDTAR", "1998-09-01", "1998-12-31").map((r) => ({ ...r, value: r.value + 0.25 }));
    const [note] = fomcRecordNotes("DFEDTAR", shifted, 2);
    expect(note).toMatch(
      /^DFEDTAR disagrees with the built-in FOMC record on 122 days: 1998-09-01 to 1998-09-28 \(file 5\.75, record 5\.5\); 1998-09-29 to 1998-10-14/,
    );
    expect(note).toContain("and 2 more spans");
  });

  it("points out observations past the record's end, which extend POLICY_RATE", () => {
    const rows = [...fred("DFEDTARU", "2026-08-01", "2026-08-06"), { date: "2026-09-17", value: 3.5 }];
    expect(fomcRecordNotes("DFEDTARU", rows)).toEqual([
      "DFEDTARU has 1 observation after the FOMC record's end (2026-08-06); POLICY_RATE uses them from that date on",
    ]);
  });
});
