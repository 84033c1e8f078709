/**
 * **The FOMC record**: every change of the federal funds target since 1982-09-27, built into every
 * CycleLens database (table `policy_decisions`, provenance `federal-reserve`, synced by `migrate()`), so the
 * policy rate and its cycles are known offline and on imported data.
 *
 * Each entry has the date the change took effect (`effective`, as FRED dates it), the date it was announced
 * (`announced`; `null` before 1994-02-04, when the Fed did not announce target changes), and the new target:
 * a single rate until 2008-12-15 (`kind: "target"`, lower = upper) and a 25 bp range since 2008-12-16
 * (`kind: "range"`). The first entry is the level in force on 1982-09-27, where FRED's DFEDTAR begins.
 *
 * Sources (public record, U.S. federal government works):
 * - 1982-09-27 … 2008-12-15: FRED series DFEDTAR (Board of Governors of the Federal Reserve System; before
 *   1994 reconstructed by D. L. Thornton, "A New Federal Funds Rate Target Series: September 27, 1982 –
 *   December 31, 1993", Federal Reserve Bank of St. Louis, 2005), every change, values exact (1/16 points
 *   included), read from a daily copy and cross-checked against two other copies for 1994–2008 and a
 *   63-row FRED excerpt for 1982–1993 (0 mismatches).
 * - 2008-12-16 on: FRED DFEDTARL / DFEDTARU (four copies, every range 25 bp wide), and the FOMC statement of
 *   2025-12-10 for the last change. FRED dates the hikes of 2015 and 2016 on their announcement days
 *   (2015-12-16, 2016-12-14); from 2017 on the range takes effect the day after the announcement.
 * - Announcement dates: the FOMC's statements and intermeeting announcements (AP's 1994–2003 table, the
 *   Federal Reserve's archived fundsrate table for 2005–2008, CRS report 98-856, the FOMC calendars).
 * - Checked against the effective rate (FRED DFF): every interval's median DFF lies within 25 bp of the
 *   target (inside the range since 2008) except in the borrowed-reserves 1980s, 1986-04 (manually adjusted
 *   values, per FRED's notes) and October–December 2008; DFF shows no change after the last entry through
 *   {@link FOMC_RECORD}.completeThrough.
 *
 * Update it by appending the FOMC's new decisions and moving `completeThrough`; `migrate()` brings every
 * database up to date at its next start.
 */

/** One FOMC decision on the federal funds target. */
export interface PolicyDecision {
  /** ISO date of the announcement; `null` when it was not announced (before 1994-02-04). */
  readonly announced: string | null;
  /** ISO date the new target took effect (FRED's date). */
  readonly effective: string;
  /** Lower bound of the target, percent (= upper for a single target). */
  readonly lower: number;
  /** Upper bound of the target (the single target before 2008-12-16), percent. */
  readonly upper: number;
  /** `"target"` (a single rate, until 2008-12-15) or `"range"`. */
  readonly kind: "target" | "range";
  /** e.g. "intermeeting"; `null` when nothing to say. */
  readonly note: string | null;
}

/** What the record is and how far it is known complete. */
export const FOMC_RECORD = {
  /** The provenance stored with the record in every database. */
  provenance: "federal-reserve",
  source:
    "Board of Governors of the Federal Reserve System: FOMC statements; FRED DFEDTAR (1982-09-27 to 2008-12-15), DFEDTARL/DFEDTARU (since 2008-12-16)",
  /** Last day on which the record is known to hold every change (checked against FRED DFF). */
  completeThrough: "2026-08-06",
} as const;

const target = (
  announced: string | null,
  effective: string,
  rate: number,
  note?: string,
): PolicyDecision => ({
  announced,
  effective,
  lower: rate,
  upper: rate,
  kind: "target",
  note: note ?? null,
});
const range = (
  announced: string | null,
  effective: string,
  lower: number,
  upper: number,
  note?: string,
): PolicyDecision => ({ announced, effective, lower, upper, kind: "range", note: note ?? null });

/** Every change of the federal funds target since 1982-09-27, in date order. */
export const FOMC_DECISIONS: readonly PolicyDecision[] = [
  target(null, "1982-09-27", 10.25, "series start: level in force on 1982-09-27 (not a change)"),
  target(null, "1982-10-01", 10),
  target(null, "1982-10-07", 9.5),
  target(null, "1982-11-19", 9),
  target(null, "1982-12-14", 8.5),
  target(null, "1983-03-31", 8.625),
  target(null, "1983-05-25", 8.75),
  target(null, "1983-06-24", 9),
  target(null, "1983-07-14", 9.25),
  target(null, "1983-07-20", 9.4375),
  target(null, "1983-08-11", 9.5625),
  target(null, "1983-08-17", 9.5),
  target(null, "1983-09-15", 9.375),
  target(null, "1984-03-29", 10.5),
  target(null, "1984-07-05", 11),
  target(null, "1984-07-19", 11.25),
  target(null, "1984-08-09", 11.5),
  target(null, "1984-09-20", 11.25),
  target(null, "1984-09-27", 11),
  target(null, "1984-10-11", 10.5),
  target(null, "1984-10-18", 10),
  target(null, "1984-11-08", 9.5),
  target(null, "1984-11-23", 9),
  target(null, "1984-12-06", 8.75),
  target(null, "1984-12-19", 8.5),
  target(null, "1984-12-24", 8.125),
  target(null, "1985-01-24", 8.25),
  target(null, "1985-02-14", 8.375),
  target(null, "1985-03-28", 8.5),
  target(null, "1985-04-25", 8.25),
  target(null, "1985-05-20", 7.75),
  target(null, "1985-07-11", 7.6875),
  target(null, "1985-07-25", 7.75),
  target(null, "1985-08-21", 7.8125),
  target(null, "1985-09-06", 8),
  target(null, "1985-12-18", 7.75),
  target(null, "1986-03-07", 7.25),
  target(null, "1986-04-02", 7.3125),
  target(null, "1986-04-21", 6.75),
  target(null, "1986-05-22", 6.8125),
  target(null, "1986-06-05", 6.875),
  target(null, "1986-07-11", 6.375),
  target(null, "1986-08-21", 5.875),
  target(null, "1987-01-05", 6),
  target(null, "1987-04-30", 6.5),
  target(null, "1987-05-22", 6.75),
  target(null, "1987-07-02", 6.625),
  target(null, "1987-08-27", 6.75),
  target(null, "1987-09-03", 6.875),
  target(null, "1987-09-04", 7.25),
  target(null, "1987-09-24", 7.3125),
  target(null, "1987-11-04", 6.8125),
  target(null, "1988-01-28", 6.625),
  target(null, "1988-02-11", 6.5),
  target(null, "1988-03-30", 6.75),
  target(null, "1988-05-09", 7),
  target(null, "1988-05-25", 7.25),
  target(null, "1988-06-22", 7.4375),
  target(null, "1988-07-01", 7.5),
  target(null, "1988-07-19", 7.6875),
  target(null, "1988-08-08", 7.75),
  target(null, "1988-08-09", 8.125),
  target(null, "1988-11-17", 8.3125),
  target(null, "1988-11-22", 8.375),
  target(null, "1988-12-15", 8.6875),
  target(null, "1989-01-05", 9),
  target(null, "1989-02-09", 9.125),
  target(null, "1989-02-14", 9.3125),
  target(null, "1989-02-24", 9.75),
  target(null, "1989-05-17", 9.8125),
  target(null, "1989-06-06", 9.5625),
  target(null, "1989-07-07", 9.3125),
  target(null, "1989-07-27", 9.0625),
  target(null, "1989-10-19", 8.75),
  target(null, "1989-11-06", 8.5),
  target(null, "1989-12-20", 8.25),
  target(null, "1990-07-13", 8),
  target(null, "1990-10-29", 7.75),
  target(null, "1990-11-14", 7.5),
  target(null, "1990-12-07", 7.25),
  target(null, "1990-12-19", 7),
  target(null, "1991-01-09", 6.75),
  target(null, "1991-02-01", 6.25),
  target(null, "1991-03-08", 6),
  target(null, "1991-04-30", 5.75),
  target(null, "1991-08-06", 5.5),
  target(null, "1991-09-13", 5.25),
  target(null, "1991-10-31", 5),
  target(null, "1991-11-06", 4.75),
  target(null, "1991-12-06", 4.5),
  target(null, "1991-12-20", 4),
  target(null, "1992-04-09", 3.75),
  target(null, "1992-07-02", 3.25),
  target(null, "1992-09-04", 3),
  target("1994-02-04", "1994-02-04", 3.25, "first publicly announced change"),
  target("1994-03-22", "1994-03-22", 3.5),
  target("1994-04-18", "1994-04-18", 3.75, "intermeeting (announced by Chairman)"),
  target("1994-05-17", "1994-05-17", 4.25),
  target("1994-08-16", "1994-08-16", 4.75),
  target("1994-11-15", "1994-11-15", 5.5),
  target("1995-02-01", "1995-02-01", 6),
  target("1995-07-06", "1995-07-06", 5.75),
  target("1995-12-19", "1995-12-19", 5.5),
  target("1996-01-31", "1996-01-31", 5.25),
  target("1997-03-25", "1997-03-25", 5.5),
  target("1998-09-29", "1998-09-29", 5.25),
  target("1998-10-15", "1998-10-15", 5, "intermeeting"),
  target("1998-11-17", "1998-11-17", 4.75),
  target("1999-06-30", "1999-06-30", 5),
  target("1999-08-24", "1999-08-24", 5.25),
  target("1999-11-16", "1999-11-16", 5.5),
  target("2000-02-02", "2000-02-02", 5.75),
  target("2000-03-21", "2000-03-21", 6),
  target("2000-05-16", "2000-05-16", 6.5),
  target("2001-01-03", "2001-01-03", 6, "intermeeting"),
  target("2001-01-31", "2001-01-31", 5.5),
  target("2001-03-20", "2001-03-20", 5),
  target("2001-04-18", "2001-04-18", 4.5, "intermeeting"),
  target("2001-05-15", "2001-05-15", 4),
  target("2001-06-27", "2001-06-27", 3.75),
  target("2001-08-21", "2001-08-21", 3.5),
  target("2001-09-17", "2001-09-17", 3, "intermeeting"),
  target("2001-10-02", "2001-10-02", 2.5),
  target("2001-11-06", "2001-11-06", 2),
  target("2001-12-11", "2001-12-11", 1.75),
  target("2002-11-06", "2002-11-06", 1.25),
  target("2003-06-25", "2003-06-25", 1),
  target("2004-06-30", "2004-06-30", 1.25),
  target("2004-08-10", "2004-08-10", 1.5),
  target("2004-09-21", "2004-09-21", 1.75),
  target("2004-11-10", "2004-11-10", 2),
  target("2004-12-14", "2004-12-14", 2.25),
  target("2005-02-02", "2005-02-02", 2.5),
  target("2005-03-22", "2005-03-22", 2.75),
  target("2005-05-03", "2005-05-03", 3),
  target("2005-06-30", "2005-06-30", 3.25),
  target("2005-08-09", "2005-08-09", 3.5),
  target("2005-09-20", "2005-09-20", 3.75),
  target("2005-11-01", "2005-11-01", 4),
  target("2005-12-13", "2005-12-13", 4.25),
  target("2006-01-31", "2006-01-31", 4.5),
  target("2006-03-28", "2006-03-28", 4.75),
  target("2006-05-10", "2006-05-10", 5),
  target("2006-06-29", "2006-06-29", 5.25),
  target("2007-09-18", "2007-09-18", 4.75),
  target("2007-10-31", "2007-10-31", 4.5),
  target("2007-12-11", "2007-12-11", 4.25),
  target("2008-01-22", "2008-01-22", 3.5, "intermeeting"),
  target("2008-01-30", "2008-01-30", 3),
  target("2008-03-18", "2008-03-18", 2.25),
  target("2008-04-30", "2008-04-30", 2),
  target("2008-10-08", "2008-10-08", 1.5, "intermeeting (coordinated with other central banks)"),
  target("2008-10-29", "2008-10-29", 1),
  range(
    "2008-12-16",
    "2008-12-16",
    0,
    0.25,
    "first target range (replaces single target); FRED range starts same day",
  ),
  range(
    "2015-12-16",
    "2015-12-16",
    0.25,
    0.5,
    "FRED dates this range change on the announcement day (DFF moved 12-17)",
  ),
  range(
    "2016-12-14",
    "2016-12-14",
    0.5,
    0.75,
    "FRED dates this range change on the announcement day (DFF moved 12-15)",
  ),
  range("2017-03-15", "2017-03-16", 0.75, 1),
  range("2017-06-14", "2017-06-15", 1, 1.25),
  range("2017-12-13", "2017-12-14", 1.25, 1.5),
  range("2018-03-21", "2018-03-22", 1.5, 1.75),
  range("2018-06-13", "2018-06-14", 1.75, 2),
  range("2018-09-26", "2018-09-27", 2, 2.25),
  range("2018-12-19", "2018-12-20", 2.25, 2.5),
  range("2019-07-31", "2019-08-01", 2, 2.25),
  range("2019-09-18", "2019-09-19", 1.75, 2),
  range("2019-10-30", "2019-10-31", 1.5, 1.75),
  range("2020-03-03", "2020-03-04", 1, 1.25, "intermeeting"),
  range("2020-03-15", "2020-03-16", 0, 0.25, "intermeeting (announced Sunday)"),
  range("2022-03-16", "2022-03-17", 0.25, 0.5),
  range("2022-05-04", "2022-05-05", 0.75, 1),
  range("2022-06-15", "2022-06-16", 1.5, 1.75),
  range("2022-07-27", "2022-07-28", 2.25, 2.5),
  range("2022-09-21", "2022-09-22", 3, 3.25),
  range("2022-11-02", "2022-11-03", 3.75, 4),
  range("2022-12-14", "2022-12-15", 4.25, 4.5),
  range("2023-02-01", "2023-02-02", 4.5, 4.75),
  range("2023-03-22", "2023-03-23", 4.75, 5),
  range("2023-05-03", "2023-05-04", 5, 5.25),
  range("2023-07-26", "2023-07-27", 5.25, 5.5),
  range("2024-09-18", "2024-09-19", 4.75, 5),
  range("2024-11-07", "2024-11-08", 4.5, 4.75),
  range("2024-12-18", "2024-12-19", 4.25, 4.5),
  range("2025-09-17", "2025-09-18", 4, 4.25),
  range("2025-10-29", "2025-10-30", 3.75, 4),
  range(
    "2025-12-10",
    "2025-12-11",
    3.5,
    3.75,
    "effective date by day-after convention + DFF; not in a stored FRED copy",
  ),
];

/**
 * The decision in force on an ISO date (the last one effective on or before it); `undefined` before
 * 1982-09-27.
 *
 * @example
 * policyTargetOn("2019-08-01", FOMC_DECISIONS)?.upper; // 2.25
 */
export function policyTargetOn(
  iso: string,
  decisions: readonly PolicyDecision[] = FOMC_DECISIONS,
): PolicyDecision | undefined {
  let lo = 0;
  let hi = decisions.length - 1;
  if (hi < 0 || decisions[0]!.effective > iso) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decisions[mid]!.effective <= iso) lo = mid;
    else hi = mid - 1;
  }
  return decisions[lo];
}
