/**
 * ISO `YYYY-MM-DD` ⇄ epoch days: the one calendar of @cyclelens/core (supported range 1800-01-01 to
 * 2199-12-31), so the database accepts exactly the dates the API and the importer accept.
 */
export { daysFromCivil, formatISODate as epochDayToISO, isISODate, isoToEpochDay } from "@cyclelens/core";
