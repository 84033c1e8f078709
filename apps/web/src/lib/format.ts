/** Number formats with their unit always written out: %, pp (percentage points), bp, x (multiples). */

const dash = "–";

function fixed(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function signed(value: number, digits: number): string {
  const text = fixed(Math.abs(value), digits);
  if (Number(text.replace(/,/g, "")) === 0) return text;
  return value < 0 ? `−${text}` : `+${text}`;
}

/** A fraction as a signed percentage: 0.1234 → "+12.34 %". */
export function percent(fraction: number | null | undefined, digits = 1): string {
  return fraction == null || !Number.isFinite(fraction) ? dash : `${signed(fraction * 100, digits)} %`;
}

/** A value already in percent (a rate, a percentile): 4.33 → "4.33 %". */
export function percentValue(value: number | null | undefined, digits = 2): string {
  return value == null || !Number.isFinite(value) ? dash : `${fixed(value, digits)} %`;
}

/** A difference of two fractions in percentage points: −0.606 → "−60.6 pp". */
export function points(fraction: number | null | undefined, digits = 1): string {
  return fraction == null || !Number.isFinite(fraction) ? dash : `${signed(fraction * 100, digits)} pp`;
}

/** Basis points: −550 → "−550 bp". */
export function bp(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? dash : `${signed(value, 0)} bp`;
}

/** A multiple: 16.8 → "16.8x"; `signedValue` for a gap of multiples ("−4.25x"). */
export function multiple(value: number | null | undefined, digits = 2, signedValue = false): string {
  if (value == null || !Number.isFinite(value)) return dash;
  return `${signedValue ? signed(value, digits) : fixed(value, digits)}x`;
}

/** A plain number (beta, correlation, z-score, t-statistic). */
export function num(value: number | null | undefined, digits = 2): string {
  return value == null || !Number.isFinite(value)
    ? dash
    : value < 0
      ? `−${fixed(-value, digits)}`
      : fixed(value, digits);
}

/** A price. */
export function price(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? dash : fixed(value, 2);
}

/** A percentile, 0–100: "19.7th pct". */
export function percentile(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? dash : `${fixed(value, 1)} pctl`;
}
