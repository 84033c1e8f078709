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
  return undefined;
}

export function validateObservations(input: Parsed<ObservationRow>): Parsed<ObservationRow> {
  return finish(input, input.rows, [...input.rejects], (r) => r.date);
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
