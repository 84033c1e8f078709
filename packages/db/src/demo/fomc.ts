/**
 * The FOMC federal funds target since 2000 as a step schedule (public record): the effective date of each
 * change and the new target range. Before 2008-12-16 the Fed set a single target (FRED DFEDTAR), mapped here to
 * equal lower and upper bounds. The last changes (late 2025) are followed by a hold to the demo end date.
 */
export interface TargetStep {
  /** First calendar day of the new target. */
  date: string;
  lower: number;
  upper: number;
}

const single = (date: string, t: number): TargetStep => ({ date, lower: t, upper: t });
const range = (date: string, lower: number, upper: number): TargetStep => ({ date, lower, upper });

export const FOMC_STEPS: readonly TargetStep[] = [
  single("1999-11-17", 5.5),
  single("2000-02-03", 5.75),
  single("2000-03-22", 6.0),
  single("2000-05-17", 6.5),
  single("2001-01-03", 6.0),
  single("2001-01-31", 5.5),
  single("2001-03-20", 5.0),
  single("2001-04-18", 4.5),
  single("2001-05-15", 4.0),
  single("2001-06-27", 3.75),
  single("2001-08-21", 3.5),
  single("2001-09-17", 3.0),
  single("2001-10-02", 2.5),
  single("2001-11-06", 2.0),
  single("2001-12-11", 1.75),
  single("2002-11-06", 1.25),
  single("2003-06-25", 1.0),
  single("2004-06-30", 1.25),
  single("2004-08-10", 1.5),
  single("2004-09-21", 1.75),
  single("2004-11-10", 2.0),
  single("2004-12-14", 2.25),
  single("2005-02-02", 2.5),
  single("2005-03-22", 2.75),
  single("2005-05-03", 3.0),
  single("2005-06-30", 3.25),
  single("2005-08-09", 3.5),
  single("2005-09-20", 3.75),
  single("2005-11-01", 4.0),
  single("2005-12-13", 4.25),
  single("2006-01-31", 4.5),
  single("2006-03-28", 4.75),
  single("2006-05-10", 5.0),
  single("2006-06-29", 5.25),
  single("2007-09-18", 4.75),
  single("2007-10-31", 4.5),
  single("2007-12-11", 4.25),
  single("2008-01-22", 3.5),
  single("2008-01-30", 3.0),
  single("2008-03-18", 2.25),
  single("2008-04-30", 2.0),
  single("2008-10-08", 1.5),
  single("2008-10-29", 1.0),
  range("2008-12-16", 0, 0.25),
  range("2015-12-17", 0.25, 0.5),
  range("2016-12-15", 0.5, 0.75),
  range("2017-03-16", 0.75, 1.0),
  range("2017-06-15", 1.0, 1.25),
  range("2017-12-14", 1.25, 1.5),
  range("2018-03-22", 1.5, 1.75),
  range("2018-06-14", 1.75, 2.0),
  range("2018-09-27", 2.0, 2.25),
  range("2018-12-20", 2.25, 2.5),
  range("2019-08-01", 2.0, 2.25),
  range("2019-09-19", 1.75, 2.0),
  range("2019-10-31", 1.5, 1.75),
  range("2020-03-04", 1.0, 1.25),
  range("2020-03-16", 0, 0.25),
  range("2022-03-17", 0.25, 0.5),
  range("2022-05-05", 0.75, 1.0),
  range("2022-06-16", 1.5, 1.75),
  range("2022-07-28", 2.25, 2.5),
  range("2022-09-22", 3.0, 3.25),
  range("2022-11-03", 3.75, 4.0),
  range("2022-12-15", 4.25, 4.5),
  range("2023-02-02", 4.5, 4.75),
  range("2023-03-23", 4.75, 5.0),
  range("2023-05-04", 5.0, 5.25),
  range("2023-07-27", 5.25, 5.5),
  range("2024-09-19", 4.75, 5.0),
  range("2024-11-08", 4.5, 4.75),
  range("2024-12-19", 4.25, 4.5),
  range("2025-09-18", 4.0, 4.25),
  range("2025-10-30", 3.75, 4.0),
  range("2025-12-11", 3.5, 3.75),
];

/** The target in force on an ISO date. */
export function targetOn(iso: string): TargetStep {
  let lo = 0;
  let hi = FOMC_STEPS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (FOMC_STEPS[mid]!.date <= iso) lo = mid;
    else hi = mid - 1;
  }
  return FOMC_STEPS[lo]!;
}
