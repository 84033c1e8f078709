/**
 * Per-request DataLoaders: every per-item load of the schema goes through one of these, so a request
 * reads each instrument's history once and issues one SQL statement per kind of data, however many
 * instruments or fields ask for it.
 *
 * Histories are loaded whole (all dates) and sliced in memory by each field's range: a daily history
 * of 25 years is ~6,500 rows, and one read serves every field and range of the request.
 */
import type {
  BarColumns,
  Database,
  EconomicSeriesInfo,
  Instrument,
  PositioningSeries,
  Series,
  ValuationColumns,
} from "@cyclelens/db";
import DataLoader from "dataloader";

const EMPTY_BARS: BarColumns = {
  dates: new Int32Array(0),
  open: new Float64Array(0),
  high: new Float64Array(0),
  low: new Float64Array(0),
  close: new Float64Array(0),
  adjClose: new Float64Array(0),
  volume: new Float64Array(0),
};

const EMPTY_SERIES: Series = { dates: new Int32Array(0), values: new Float64Array(0) };

export function createLoaders(db: Database) {
  const instrumentBySymbol = new DataLoader<string, Instrument | null>(
    async (symbols) => {
      const found = await db.instruments.bySymbols(symbols);
      const bySymbol = new Map(found.map((i) => [i.symbol, i]));
      return symbols.map((s) => bySymbol.get(s.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (s) => s.toUpperCase() },
  );

  const seriesByCode = new DataLoader<string, EconomicSeriesInfo | null>(
    async (codes) => {
      const found = await db.economicSeries.byCodes(codes);
      const byCode = new Map(found.map((s) => [s.code, s]));
      return codes.map((c) => byCode.get(c.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (c) => c.toUpperCase() },
  );

  const barsByInstrument = new DataLoader<number, BarColumns>(async (ids) => {
    const map = await db.bars.forInstruments(ids);
    return ids.map((id) => map.get(id) ?? EMPTY_BARS);
  });

  const observationsBySeries = new DataLoader<number, Series>(async (ids) => {
    const map = await db.observations.forSeries(ids);
    return ids.map((id) => map.get(id) ?? EMPTY_SERIES);
  });

  const valuationsByInstrument = new DataLoader<number, ValuationColumns | null>(async (ids) => {
    const map = await db.valuations.forInstruments(ids);
    return ids.map((id) => map.get(id) ?? null);
  });

  const positioningBySegment = new DataLoader<string, PositioningSeries | null>(async (segments) => {
    const map = await db.positioning.forSegments(segments);
    return segments.map((s) => map.get(s) ?? null);
  });

  let allInstruments: Promise<Instrument[]> | undefined;
  let allSeries: Promise<EconomicSeriesInfo[]> | undefined;
  let coverage: ReturnType<Database["dataset"]["coverage"]> | undefined;

  return {
    instrumentBySymbol,
    seriesByCode,
    barsByInstrument,
    observationsBySeries,
    valuationsByInstrument,
    positioningBySegment,
    /** Every instrument, read once per request. */
    allInstruments: () => {
      allInstruments ??= db.instruments.list().then((list) => {
        for (const i of list) instrumentBySymbol.prime(i.symbol, i);
        return list;
      });
      return allInstruments;
    },
    /** Every economic series, read once per request. */
    allSeries: () => {
      allSeries ??= db.economicSeries.list().then((list) => {
        for (const s of list) seriesByCode.prime(s.code, s);
        return list;
      });
      return allSeries;
    },
    /** Coverage of the whole dataset, read once per request. */
    coverage: () => {
      coverage ??= db.dataset.coverage();
      return coverage;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
