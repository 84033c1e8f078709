/**
 * Row validation shared by every input (provider answers and CSV files). Parsing already rejected
 * unreadable dates and non-numbers; this adds the rules on values and keys:
 *
 * - bars: every price > 0; high ≥ low; open and close within [low, high]; volume ≥ 0;
 * - every kind: a key (date, or date + symbol/segment + source) appears once — when it appears
 *   several times, **every** occurrence is rejected (the file does not say which one is right).
 *
 * Returns the rows that passed, sorted by key, and the rejections (sorted by line).
 */
import type {
  BarRow,
  CorporateActionCsvRow,
  Located,
  ObservationRow,
  Parsed,
  PositioningRow,
  Rejection,
  ValuationRow,
} from "./types.js";

/** Relative tolerance for float noise in the [low, high] checks (vendors round independently). */
const EPS = 1e-9;

/**
 * Sanity bounds of a price: no listed instrument or index trades below 0.0001 or above 10,000,000 (BRK.A is
 * near 700,000, the highest index levels near 100,000). A price outside is a unit or parsing error (`1e-300`,
 * a decimal comma read as a thousands separator), never data.
 */
export const PRICE_MIN = 0.0001;
export const PRICE_MAX = 10_000_000;
/** Largest daily volume accepted (SPY trades ~1e8 shares a day). */
export const VOLUME_MAX = 1e13;
/** Largest magnitude of an economic observation (rates in percent, levels in billions…). */
export const OBSERVATION_MAX = 1e12;

export function validateBars(input: Parsed<BarRow>): Parsed<BarRow> {
  const rejects = [...input.rejects];
  const ok: Located<BarRow>[] = [];
  for (const item of input.rows) {
    const reason = barProblem(item.row);
    if (reason) rejects.push({ file: input.file, line: item.line, reason });
    else ok.push(item);
  }
  return finish(input, ok, rejects, (r) => r.date);
}

export function barProblem(b: BarRow): string | undefined {
  for (const key of ["open", "high", "low", "close", "adjClose"] as const) {
    const v = b[key];
    if (v !== null && !(v > 0)) return `non-positive price: ${key} = ${v}`;
    if (v !== null && !(v >= PRICE_MIN && v <= PRICE_MAX))
      return `price out of bounds: ${key} = ${v} (prices must lie between ${PRICE_MIN} and ${PRICE_MAX.toLocaleString("en-US")})`;
  }
  const { open, high, low, close } = b;
  if (high !== null && low !== null) {
    if (high < low) return `high ${high} is below low ${low}`;
    const tol = EPS * high;
    if (open !== null && (open < low - tol || open > high + tol)) {
      return `open ${open} is outside [low ${low}, high ${high}]`;
    }
    if (close < low - tol || close > high + tol)
      return `close ${close} is outside [low ${low}, high ${high}]`;
  }
  if (b.volume !== null && !(b.volume >= 0)) return `negative volume: ${b.volume}`;
  if (b.volume !== null && b.volume > VOLUME_MAX)
    return `volume out of bounds: ${b.volume} (at most ${VOLUME_MAX})`;
  return undefined;
}

export function validateObservations(input: Parsed<ObservationRow>): Parsed<ObservationRow> {
  const rejects = [...input.rejects];
  const ok: Located<ObservationRow>[] = [];
  for (const item of input.rows) {
    if (Math.abs(item.row.value) > OBSERVATION_MAX)
      rejects.push({
        file: input.file,
        line: item.line,
        reason: `value out of bounds: ${item.row.value} (|value| ≤ ${OBSERVATION_MAX})`,
      });
    else ok.push(item);
  }
  return finish(input, ok, rejects, (r) => r.date);
}

export function validateValuations(input: Parsed<ValuationRow>): Parsed<ValuationRow> {
  const rejects = [...input.rejects];
  const ok: Located<ValuationRow>[] = [];
  for (const item of input.rows) {
    const r = item.row;
    let reason: string | undefined;
    if (r.forwardPE === null && r.trailingPE === null && r.priceToBook === null && r.dividendYield === null) {
      reason = "no value: forward_pe, trailing_pe, price_to_book and dividend_yield are all empty";
    } else if (r.priceToBook !== null && !(r.priceToBook > 0)) {
      reason = `non-positive price_to_book: ${r.priceToBook}`;
    } else if (r.dividendYield !== null && r.dividendYield < 0) {
      reason = `negative dividend_yield: ${r.dividendYield}`;
    }
    if (reason) rejects.push({ file: input.file, line: item.line, reason });
    else ok.push(item);
  }
  return finish(
    input,
    ok,
    rejects,
    (r) => `${r.date}|${r.symbol}|${r.source}`,
    (r) => `${r.symbol} ${r.date}`,
  );
}

/** Corporate actions: values are checked by the reader; one row per (date, symbol, kind, source). */
export function validateCorporateActions(
  input: Parsed<CorporateActionCsvRow>,
): Parsed<CorporateActionCsvRow> {
  return finish(
    input,
    input.rows,
    [...input.rejects],
    (r) => `${r.date}|${r.symbol}|${r.kind}|${r.source}`,
    (r) => `${r.symbol} ${r.kind} ${r.date}`,
  );
}

export function validatePositioning(input: Parsed<PositioningRow>): Parsed<PositioningRow> {
  return finish(
    input,
    input.rows,
    [...input.rejects],
    (r) => `${r.date}|${r.segment}|${r.source}`,
    (r) => `${r.segment} ${r.date}`,
  );
}

function finish<T>(
  input: Parsed<T>,
  rows: Located<T>[],
  rejects: Rejection[],
  key: (row: T) => string,
  label: (row: T) => string = key,
): Parsed<T> {
  const byKey = new Map<string, Located<T>[]>();
  for (const item of rows) {
    const k = key(item.row);
    const list = byKey.get(k);
    if (list) list.push(item);
    else byKey.set(k, [item]);
  }
  const ok: Located<T>[] = [];
  for (const list of byKey.values()) {
    if (list.length === 1) {
      ok.push(list[0]!);
      continue;
    }
    const lines = list.map((x) => x.line);
    for (const item of list) {
      const others = lines.filter((l) => l !== item.line).join(", ");
      rejects.push({
        file: input.file,
        line: item.line,
        reason: `duplicate date: ${label(item.row)} also on line ${others}`,
      });
    }
  }
  ok.sort((a, b) => {
    const ka = key(a.row);
    const kb = key(b.row);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  rejects.sort((a, b) => a.line - b.line);
  return { ...input, rows: ok, rejects };
}
