/** Fake providers and a failure-injecting store wrapper for pipeline tests. */
import type { BarsProvider, BarsResult, SeriesProvider, SeriesResult } from "../src/providers/provider.js";
import type { IngestStore, IngestTx } from "../src/store/port.js";
import type { BarRow, DateRange, ObservationRow } from "../src/types.js";

export function bar(date: string, close: number, extra: Partial<BarRow> = {}): BarRow {
  return {
    date,
    open: close,
    high: close + 1,
    low: close - 1,
    close,
    adjClose: close,
    volume: 1000,
    ...extra,
  };
}

/** Weekdays from `from`, n of them. */
export function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  let t = Date.parse(`${from}T00:00:00Z`);
  while (out.length < n) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return out;
}

/** A bars provider serving `rows` filtered by the asked range, recording the ranges asked. */
export class FakeBars implements BarsProvider {
  readonly name = "yahoo" as const;
  ranges: DateRange[] = [];
  constructor(public rows: BarRow[]) {}
  async fetchBars(_symbol: string, range: DateRange): Promise<BarsResult> {
    this.ranges.push(range);
    const rows = this.rows
      .map((row, i) => ({ line: i + 1, row }))
      .filter(({ row }) => (!range.from || row.date >= range.from) && (!range.to || row.date <= range.to));
    return { file: "yahoo:FAKE", rows, rejects: [], skipped: 0 };
  }
}

export class FakeSeries implements SeriesProvider {
  readonly name = "fred" as const;
  ranges: DateRange[] = [];
  constructor(public rows: ObservationRow[]) {}
  async fetchSeries(_code: string, range: DateRange): Promise<SeriesResult> {
    this.ranges.push(range);
    const rows = this.rows
      .map((row, i) => ({ line: i + 2, row }))
      .filter(({ row }) => (!range.from || row.date >= range.from) && (!range.to || row.date <= range.to));
    return { file: "fred:FAKE", rows, rejects: [], skipped: 0 };
  }
}

/** Wraps a store so that the n-th call (1-based) of `method` inside a transaction throws. */
export function failingStore(store: IngestStore, method: keyof IngestTx, n: number): IngestStore {
  return {
    description: store.description,
    instrument: (s) => store.instrument(s),
    series: (c) => store.series(c),
    recordRun: (r) => store.recordRun(r),
    close: () => store.close(),
    transaction: (fn) => {
      let calls = 0;
      return store.transaction((tx) =>
        fn(
          new Proxy(tx, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver);
              if (prop !== method || typeof value !== "function") {
                return typeof value === "function" ? value.bind(target) : value;
              }
              return async (...args: unknown[]) => {
                calls++;
                if (calls === n) throw new Error(`injected failure in ${String(method)} call ${n}`);
                return value.apply(target, args);
              };
            },
          }),
        ),
      );
    },
  };
}
