/**
 * Per-request DataLoaders: every per-item load of the schema goes through one of these, so a request
 * reads each instrument's history once and issues one SQL statement per kind of data, however many
 * instruments or fields ask for it.
 *
 * Histories are loaded whole (all dates) and sliced in memory by each field's range: a daily history of
 * 25 years is ~6,500 rows, and one read serves every field and range of the request. Behind the loaders
 * sits the process-wide {@link HistoryCache}: a request first reads the dataset version (one statement),
 * then takes what the cache holds for that version and fetches only the rest.
 */
import type {
  BarColumns,
  CorporateAction,
  Database,
  DatasetCoverage,
  EconomicSeriesInfo,
  Instrument,
  PositioningSeries,
  Series,
  StoredPolicyDecision,
  ValuationColumns,
} from "@cyclelens/db";
import { emptyBars } from "@cyclelens/db";
import DataLoader from "dataloader";
import type { HistoryCache } from "./history-cache.js";

const EMPTY_SERIES: Series = { dates: new Int32Array(0), values: new Float64Array(0) };

export function createLoaders(db: Database, cache: HistoryCache) {
  let version: Promise<number> | undefined;
  /** The dataset version this request works with (read once; only needed when the cache is on). */
  const currentVersion = () => {
    version ??= cache.enabled
      ? db.dataVersion().then((v) => {
          cache.sync(v);
          return v;
        })
      : Promise.resolve(Number.NaN);
    return version;
  };

  /** One cached value under a fixed key, loaded once per request at most. */
  const single = <V>(kind: string, fetch: () => Promise<V>) => {
    let promise: Promise<V> | undefined;
    return () => {
      promise ??= currentVersion().then(async (v) => {
        const [value] = await cache.getMany(
          kind,
          v,
          ["all"],
          async () => new Map([["all", await fetch()]]),
          undefined as V,
        );
        return value as V;
      });
      return promise;
    };
  };

  /** A DataLoader whose batches go through the cache: one statement for all the keys it does not hold. */
  const batched = <K, V>(kind: string, fetch: (keys: K[]) => Promise<Map<K, V>>, fallback: V) =>
    new DataLoader<K, V>(async (keys) => cache.getMany(kind, await currentVersion(), keys, fetch, fallback));

  const allInstruments = single("instruments", () => db.instruments.list());
  const allSeries = single("series", () => db.economicSeries.list());
  const coverage = single<DatasetCoverage>("coverage", () => db.dataset.coverage());
  const policyDecisions = single<StoredPolicyDecision[]>("policyDecisions", () => db.policyDecisions.list());

  const instrumentBySymbol = new DataLoader<string, Instrument | null>(
    async (symbols) => {
      const bySymbol = new Map((await allInstruments()).map((i) => [i.symbol, i]));
      return symbols.map((s) => bySymbol.get(s.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (s) => s.toUpperCase() },
  );

  const seriesByCode = new DataLoader<string, EconomicSeriesInfo | null>(
    async (codes) => {
      const byCode = new Map((await allSeries()).map((s) => [s.code, s]));
      return codes.map((c) => byCode.get(c.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (c) => c.toUpperCase() },
  );

  return {
    instrumentBySymbol,
    seriesByCode,
    barsByInstrument: batched<number, BarColumns>("bars", (ids) => db.bars.forInstruments(ids), emptyBars()),
    observationsBySeries: batched<number, Series>(
      "observations",
      (ids) => db.observations.forSeries(ids),
      EMPTY_SERIES,
    ),
    valuationsByInstrument: batched<number, ValuationColumns | null>(
      "valuations",
      (ids) => db.valuations.forInstruments(ids),
      null,
    ),
    /** Every dividend and split of an instrument (all dates, both kinds), cut by each field. */
    corporateActionsByInstrument: batched<number, CorporateAction[]>(
      "corporateActions",
      (ids) => db.corporateActions.forInstruments(ids),
      [],
    ),
    positioningBySegment: batched<string, PositioningSeries | null>(
      "positioning",
      (segments) => db.positioning.forSegments(segments),
      null,
    ),
    /** Every instrument, ordered by symbol. */
    allInstruments,
    /** Every economic series, ordered by code. */
    allSeries,
    /** Coverage of the whole dataset. */
    coverage,
    /** The FOMC record stored in the database, by effective date. */
    policyDecisions,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
