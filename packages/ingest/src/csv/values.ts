/**
 * Reading dates and numbers from text fields.
 *
 * Dates: `YYYY-MM-DD` (a time part such as " 00:00:00" or "T00:00:00-05:00" is ignored — the date
 * written is the exchange-local date), `YYYYMMDD` (Stooq's old exports), `YYYY/MM/DD`, and with
 * `--date-format` (or detected from the whole column): `MM/DD/YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`.
 * Impossible dates (2023-02-29) are rejected.
 *
 * Numbers: plain decimals and exponents, optional thousands separators ("1,234.50"); with the decimal comma
 * of European files ("101,25", "1.234,56"), detected from the whole file (see {@link DecimalEvidence}) or given
 * with `--decimal`. Empty, ".", "NA", "N/A", "null", "NaN", "#N/A" and "-" are *missing* (FRED writes "." for
 * holidays). A number that does not fit a double (400 digits) is not a number, never "missing".
 */
import { isoDate } from "../dates.js";

/** The decimal mark of a file's numbers. */
export type DecimalMark = "." | ",";

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
  const evidence = new DateFormatEvidence();
  for (const raw of samples) evidence.add(raw);
  return evidence.format();
}

const MISSING = new Set(["", ".", "na", "n/a", "null", "nan", "#n/a", "-", "none"]);
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const THOUSANDS_DOT = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;

export type NumberField = { ok: true; value: number | null } | { ok: false };

/** A number, `null` for a missing marker, or `{ ok: false }` for anything else. */
const PLAIN = /^-?\d+(\.\d+)?$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function parseNumberField(text: string, decimal: DecimalMark = "."): NumberField {
  if (decimal === "." && PLAIN.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false };
  }
  const s = text.trim();
  if (MISSING.has(s.toLowerCase())) return { ok: true, value: null };
  let plain: string;
  if (decimal === ",") {
    if (s.includes(".") && !THOUSANDS_DOT.test(s)) return { ok: false };
    plain = s.replaceAll(".", "").replace(",", ".");
  } else plain = THOUSANDS.test(s) ? s.replaceAll(",", "") : s;
  if (!NUMBER.test(plain)) return { ok: false };
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/**
 * Evidence about the decimal mark, gathered from every numeric field of a file before it is read:
 *
 * - a comma the thousands separator cannot explain — `101,25`, `0,5`, `1234,5`, `1.234,56` — says *decimal comma*;
 * - a dot decimal — `101.25`, `1,234.50` — or several comma groups — `1,234,567` — say *decimal dot*;
 * - `101,250` alone (one comma, three digits after it) could be either: 101.25 or 101250.
 *
 * Both kinds of evidence in one file, or only ambiguous values in a file not delimited by commas (a `;` file is
 * typically European), reject the file naming the lines; `--decimal , | .` decides instead. In a comma-delimited
 * file, a quoted `"1,234"` is read as a thousands separator (US exports quote such numbers).
 */
export class DecimalEvidence {
  comma?: { line: number; text: string };
  dot?: { line: number; text: string };
  ambiguous?: { line: number; text: string };

  constructor(readonly delimiter: string) {}

  add(raw: string, line: number): void {
    const s = raw.trim();
    if (s === "" || (!s.includes(",") && !s.includes("."))) return;
    const note = (key: "comma" | "dot" | "ambiguous") => {
      this[key] ??= { line, text: s.length > 40 ? `${s.slice(0, 40)}…` : s };
    };
    if (s.includes(",")) {
      if (
        /^[-+]?0,\d+$/.test(s) ||
        THOUSANDS_DOT.test(s) ||
        (/^[-+]?\d+,\d+$/.test(s) && !/^[-+]?\d{1,3},\d{3}$/.test(s))
      )
        note("comma");
      else if (THOUSANDS.test(s) && (s.includes(".") || (s.match(/,/g)?.length ?? 0) > 1)) note("dot");
      else if (/^[-+]?\d{1,3},\d{3}$/.test(s)) note("ambiguous");
      return;
    }
    if (/^[-+]?\d*\.\d+([eE][-+]?\d+)?$/.test(s) && !/^[-+]?\d{1,3}\.\d{3}$/.test(s)) note("dot");
    else if (/^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(s)) note("comma");
  }

  /** The mark, or the problem (with the lines) when the file does not tell. */
  decide(): DecimalMark | { problem: string } {
    if (this.comma && this.dot)
      return {
        problem: `mixed decimal marks: line ${this.comma.line} has "${this.comma.text}" (decimal comma), line ${this.dot.line} has "${this.dot.text}" (decimal dot); fix the file or say --decimal , or --decimal .`,
      };
    if (this.comma) return ",";
    if (this.dot || !this.ambiguous || this.delimiter === ",") return ".";
    return {
      problem: `line ${this.ambiguous.line}: "${this.ambiguous.text}" is ambiguous (a decimal comma or a thousands separator?) and nothing else in the file tells; say --decimal , or --decimal .`,
    };
  }
}

/** The column's evidence for `a/b/YYYY` dates (see {@link detectDateFormat}), gathered one value at a time. */
export class DateFormatEvidence {
  #slashed = false;
  #firstOver12 = false;
  #secondOver12 = false;

  add(raw: string): void {
    const m = SLASHED.exec(raw.trim());
    if (!m) return;
    this.#slashed = true;
    if (Number(m[1]) > 12) this.#firstOver12 = true;
    if (Number(m[2]) > 12) this.#secondOver12 = true;
  }

  format(): DateFormat | "auto" {
    if (!this.#slashed) return "auto";
    if (this.#firstOver12 && !this.#secondOver12) return "DD/MM/YYYY";
    return "MM/DD/YYYY";
  }
}
