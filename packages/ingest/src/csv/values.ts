/**
 * Reading dates and numbers from text fields.
 *
 * Dates: `YYYY-MM-DD` (a time part such as " 00:00:00" or "T00:00:00-05:00" is ignored — the date
 * written is the exchange-local date), `YYYYMMDD` (Stooq's old exports), `YYYY/MM/DD`, and with
 * `--date-format` (or detected from the whole column): `MM/DD/YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`.
 * Impossible dates (2023-02-29) are rejected.
 *
 * Numbers: plain decimals and exponents, optional thousands separators ("1,234.50"). Empty, ".",
 * "NA", "N/A", "null", "NaN", "#N/A" and "-" are *missing* (FRED writes "." for holidays).
 */
import { isoDate } from "../dates.js";

export const DATE_FORMATS = [
  "YYYY-MM-DD",
  "YYYYMMDD",
  "YYYY/MM/DD",
  "MM/DD/YYYY",
  "DD/MM/YYYY",
  "DD.MM.YYYY",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export function isDateFormat(s: string): s is DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(s);
}

const STRICT_ISO = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][0-9:.+\-Z]*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Returns the ISO date, or undefined when `text` is not a valid date in `format`. */
export function parseDate(text: string, format: DateFormat | "auto" = "auto"): string | undefined {
  const s = text.trim();
  if (s.length === 10 && STRICT_ISO.test(s)) {
    return isoDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  }
  let m: RegExpExecArray | null;
  let y: string;
  let mo: string;
  let d: string;
  // An unambiguous ISO/compact date is accepted whatever the declared format.
  const fmt = format === "auto" || ISO.test(s) || COMPACT.test(s) ? autoFormat(s) : format;
  switch (fmt) {
    case "YYYY-MM-DD":
      m = ISO.exec(s);
      if (!m) return undefined;
      [y, mo, d] = [m[1]!, m[2]!, m[3]!];
      break;
    case "YYYYMMDD":
      m = COMPACT.exec(s);
      if (!m) return undefined;
      [y, mo, d] = [m[1]!, m[2]!, m[3]!];
      break;
    case "YYYY/MM/DD":
      m = YMD_SLASH.exec(s);
      if (!m) return undefined;
      [y, mo, d] = [m[1]!, m[2]!, m[3]!];
      break;
    case "MM/DD/YYYY":
      m = SLASHED.exec(s);
      if (!m) return undefined;
      [mo, d, y] = [m[1]!, m[2]!, m[3]!];
      break;
    case "DD/MM/YYYY":
      m = SLASHED.exec(s);
      if (!m) return undefined;
      [d, mo, y] = [m[1]!, m[2]!, m[3]!];
      break;
    case "DD.MM.YYYY":
      m = DOTTED.exec(s);
      if (!m) return undefined;
      [d, mo, y] = [m[1]!, m[2]!, m[3]!];
      break;
    default:
      return undefined;
  }
  return isoDate(Number(y), Number(mo), Number(d));
}

function autoFormat(s: string): DateFormat | undefined {
  if (ISO.test(s)) return "YYYY-MM-DD";
  if (COMPACT.test(s)) return "YYYYMMDD";
  if (YMD_SLASH.test(s)) return "YYYY/MM/DD";
  if (DOTTED.test(s)) return "DD.MM.YYYY";
  return undefined; // M/D/Y vs D/M/Y needs the whole column: see detectDateFormat
}

/**
 * Picks the format of a date column. Unambiguous shapes are recognised per value; for
 * `a/b/YYYY` the column decides: a first part > 12 means DD/MM, a second part > 12 means MM/DD;
 * when nothing decides, MM/DD/YYYY (the US convention of FRED, Yahoo and most US vendors).
 */
export function detectDateFormat(samples: readonly string[]): DateFormat | "auto" {
  let slashed = false;
  let firstOver12 = false;
  let secondOver12 = false;
  for (const raw of samples) {
    const m = SLASHED.exec(raw.trim());
    if (!m) continue;
    slashed = true;
    if (Number(m[1]) > 12) firstOver12 = true;
    if (Number(m[2]) > 12) secondOver12 = true;
  }
  if (!slashed) return "auto";
  if (firstOver12 && !secondOver12) return "DD/MM/YYYY";
  return "MM/DD/YYYY";
}

const MISSING = new Set(["", ".", "na", "n/a", "null", "nan", "#n/a", "-", "none"]);
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export type NumberField = { ok: true; value: number | null } | { ok: false };

/** A number, `null` for a missing marker, or `{ ok: false }` for anything else. */
const PLAIN = /^-?\d+(\.\d+)?$/;

export function parseNumberField(text: string): NumberField {
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  const s = text.trim();
  if (MISSING.has(s.toLowerCase())) return { ok: true, value: null };
  const plain = THOUSANDS.test(s) ? s.replaceAll(",", "") : s;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return { ok: false };
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
