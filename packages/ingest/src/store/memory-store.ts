/**
 * An in-memory {@link IngestStore} with real transaction semantics (work on a copy, swap on
 * commit), for tests and dry experiments. Not for large data.
 */
import type { BarRow, CorporateActionRow, ObservationRow, PositioningRow } from "../types.js";
import type {
  IngestRunRecord,
  IngestStore,
  IngestTx,
  InstrumentWrite,
  SeriesWrite,
  StoredInstrument,
  StoredSeries,
  ValuationWrite,
  WriteCounts,
} from "./port.js";

type Sourced<T> = T & { source: string };

export interface MemoryState {
  nextId: number;
  instruments: Map<string, InstrumentWrite & { id: number }>;
  bars: Map<number, Map<string, Sourced<BarRow>>>;
  series: Map<string, SeriesWrite & { id: number }>;
  observations: Map<number, Map<string, Sourced<ObservationRow>>>;
  /** key: `${date}|${source}` */
  valuations: Map<number, Map<string, Sourced<ValuationWrite>>>;
  /** key: `${segment}|${date}|${source}` */
  positioning: Map<string, PositioningRow>;
  /** key: `${date}|${kind}|${source}` */
  corporateActions: Map<number, Map<string, Sourced<CorporateActionRow>>>;
  runs: IngestRunRecord[];
}

export function emptyState(): MemoryState {
  return {
    nextId: 1,
    instruments: new Map(),
    bars: new Map(),
    series: new Map(),
    observations: new Map(),
    valuations: new Map(),
    positioning: new Map(),
    corporateActions: new Map(),
    runs: [],
  };
}

function upsertMap<T extends object>(map: Map<string, T>, key: string, row: T, counts: WriteCounts): void {
  const old = map.get(key);
  if (!old) counts.inserted++;
  else if (JSON.stringify(old) === JSON.stringify(row)) counts.unchanged++;
  else counts.updated++;
  map.set(key, row);
}

const zero = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

function deleteWhere<T extends { source: string }>(
  map: Map<string, T> | undefined,
  pred = (r: T) => r.source === "demo",
) {
  let n = 0;
  if (!map) return 0;
  for (const [k, v] of map) {
    if (pred(v)) {
      map.delete(k);
      n++;
    }
  }
  return n;
}

function lastAndSources(rows: Map<string, { date: string; source: string }> | undefined) {
  let lastDate: string | null = null;
  const sources = new Set<string>();
  for (const r of rows?.values() ?? []) {
    if (lastDate === null || r.date > lastDate) lastDate = r.date;
    sources.add(r.source);
  }
  return { lastDate, sources: [...sources].sort() };
}

class MemoryTx implements IngestTx {
  constructor(readonly s: MemoryState) {}

  async instrument(symbol: string): Promise<StoredInstrument | null> {
    const i = this.s.instruments.get(symbol.toUpperCase());
    if (!i) return null;
    return { ...i, ...lastAndSources(this.s.bars.get(i.id)) };
  }

  async series(code: string): Promise<StoredSeries | null> {
    const x = this.s.series.get(code.toUpperCase());
    if (!x) return null;
    return { ...x, ...lastAndSources(this.s.observations.get(x.id)) };
  }

  async readBars(id: number, from: string, to: string): Promise<BarRow[]> {
    return [...(this.s.bars.get(id)?.values() ?? [])]
      .filter((b) => b.date >= from && b.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map(({ source: _source, ...bar }) => bar);
  }

  async readObservations(id: number, from: string, to: string): Promise<ObservationRow[]> {
    return [...(this.s.observations.get(id)?.values() ?? [])]
      .filter((o) => o.date >= from && o.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map(({ date, value }) => ({ date, value }));
  }

  async upsertInstrument(input: InstrumentWrite): Promise<number> {
    const symbol = input.symbol.toUpperCase();
    const id = this.s.instruments.get(symbol)?.id ?? this.s.nextId++;
    this.s.instruments.set(symbol, { ...input, symbol, id });
    return id;
  }

  async upsertSeries(input: SeriesWrite): Promise<number> {
    const code = input.code.toUpperCase();
    const id = this.s.series.get(code)?.id ?? this.s.nextId++;
    this.s.series.set(code, { ...input, code, id });
    return id;
  }

  async deleteDemoBars(id: number) {
    return deleteWhere(this.s.bars.get(id));
  }
  async deleteDemoObservations(id: number) {
    return deleteWhere(this.s.observations.get(id));
  }
  async deleteDemoValuations(id: number) {
    return deleteWhere(this.s.valuations.get(id));
  }
  async deleteDemoCorporateActions(id: number) {
    return deleteWhere(this.s.corporateActions.get(id));
  }
  async deleteDemoPositioning(segment: string) {
    return deleteWhere(this.s.positioning, (r) => r.source === "demo" && r.segment === segment);
  }

  async upsertBars(id: number, rows: readonly BarRow[], source: string) {
    const map = this.s.bars.get(id) ?? new Map();
    this.s.bars.set(id, map);
    const c = zero();
    for (const r of rows) upsertMap(map, r.date, { ...r, source }, c);
    return c;
  }

  async upsertObservations(id: number, rows: readonly ObservationRow[], source: string) {
    const map = this.s.observations.get(id) ?? new Map();
    this.s.observations.set(id, map);
    const c = zero();
    for (const r of rows) upsertMap(map, r.date, { date: r.date, value: r.value, source }, c);
    return c;
  }

  async upsertValuations(id: number, rows: readonly ValuationWrite[], source: string) {
    const map = this.s.valuations.get(id) ?? new Map();
    this.s.valuations.set(id, map);
    const c = zero();
    for (const r of rows) upsertMap(map, `${r.date}|${source}`, { ...r, source }, c);
    return c;
  }

  async upsertCorporateActions(id: number, rows: readonly CorporateActionRow[], source: string) {
    const map = this.s.corporateActions.get(id) ?? new Map();
    this.s.corporateActions.set(id, map);
    const c = zero();
    for (const r of rows) upsertMap(map, `${r.date}|${r.kind}|${source}`, { ...r, source }, c);
    return c;
  }

  async upsertPositioning(rows: readonly Omit<PositioningRow, "source">[], source: string) {
    const c = zero();
    for (const r of rows) {
      const row: PositioningRow = { segment: r.segment, date: r.date, value: r.value, unit: r.unit, source };
      upsertMap(this.s.positioning, `${r.segment}|${r.date}|${source}`, row, c);
    }
    return c;
  }
}

export class MemoryStore implements IngestStore {
  readonly description = "memory";
  state: MemoryState = emptyState();
  private queue: Promise<unknown> = Promise.resolve();

  instrument(symbol: string) {
    return new MemoryTx(this.state).instrument(symbol);
  }

  series(code: string) {
    return new MemoryTx(this.state).series(code);
  }

  transaction<T>(fn: (tx: IngestTx) => Promise<T>): Promise<T> {
    const run = async () => {
      const copy = structuredClone(this.state);
      const result = await fn(new MemoryTx(copy));
      copy.runs = this.state.runs;
      this.state = copy;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async recordRun(run: IngestRunRecord) {
    this.state.runs.push(run);
  }

  /** A stable JSON snapshot of everything except the run log (for "nothing changed" assertions). */
  snapshot(): string {
    const { runs: _runs, ...rest } = this.state;
    return JSON.stringify(rest, (_k, v) =>
      v instanceof Map ? [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)) : v,
    );
  }

  async close() {}
}
