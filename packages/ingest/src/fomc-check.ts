/**
 * Checks an imported FRED target series (DFEDTAR, DFEDTARU, DFEDTARL) against the FOMC record built into
 * `@cyclelens/db`, which `POLICY_RATE` reads: every day on which the file and the record disagree is reported
 * (never hidden), and observations after the record's `completeThrough` date are pointed out, since they extend
 * POLICY_RATE.
 */
import { FOMC_RECORD, policyTargetOn } from "@cyclelens/db";
import type { ObservationRow } from "./types.js";

const RANGE_START = "2008-12-16";

/** Which bound of the record a code carries, and over which era; undefined for other series. */
function recordFieldOf(code: string): { field: "upper" | "lower"; from: string; to: string } | undefined {
  switch (code.toUpperCase()) {
    case "DFEDTAR":
      return { field: "upper", from: "0000-01-01", to: "2008-12-15" };
    case "DFEDTARU":
      return { field: "upper", from: RANGE_START, to: "9999-12-31" };
    case "DFEDTARL":
      return { field: "lower", from: RANGE_START, to: "9999-12-31" };
    default:
      return undefined;
  }
}

/**
 * Notes on `rows` of `code` against the FOMC record: spans of days where they disagree (at most `limit`
 * listed), and how many observations lie past the record's end. Empty when they agree or for other series.
 *
 * @example
 * fomcRecordNotes("DFEDTARU", [{ date: "2019-08-01", value: 2.5 }]);
 * // ["DFEDTARU disagrees with the built-in FOMC record on 1 day: 2019-08-01 (file 2.5, record 2.25)"]
 */
export function fomcRecordNotes(code: string, rows: readonly ObservationRow[], limit = 8): string[] {
  const spec = recordFieldOf(code);
  if (!spec) return [];
  const spans: { from: string; to: string; file: number; record: number }[] = [];
  let days = 0;
  let after = 0;
  for (const r of rows) {
    if (r.date < spec.from || r.date > spec.to) continue;
    if (r.date > FOMC_RECORD.completeThrough) {
      after++;
      continue;
    }
    const expected = policyTargetOn(r.date)?.[spec.field];
    if (expected === undefined || Math.abs(expected - r.value) < 1e-9) continue;
    days++;
    const last = spans[spans.length - 1];
    if (last && last.file === r.value && last.record === expected) last.to = r.date;
    else spans.push({ from: r.date, to: r.date, file: r.value, record: expected });
  }
  const notes: string[] = [];
  if (days > 0) {
    const listed = spans
      .slice(0, limit)
      .map(
        (s) => `${s.from === s.to ? s.from : `${s.from} to ${s.to}`} (file ${s.file}, record ${s.record})`,
      );
    const more = spans.length > limit ? `; and ${spans.length - limit} more spans` : "";
    notes.push(
      `${code.toUpperCase()} disagrees with the built-in FOMC record on ${days} day${days === 1 ? "" : "s"}: ${listed.join("; ")}${more}`,
    );
  }
  if (after > 0) {
    notes.push(
      `${code.toUpperCase()} has ${after} observation${after === 1 ? "" : "s"} after the FOMC record's end (${FOMC_RECORD.completeThrough}); POLICY_RATE uses them from that date on`,
    );
  }
  return notes;
}
