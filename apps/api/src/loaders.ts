/**
 * Per-request DataLoaders: every per-item load of the schema goes through one of these, so a request
 * reads each instrument's history once and issues one SQL statement per kind of data, however many
 * instruments or fields ask for it.
 *
 * Histories are loaded whole (all dates) and sliced in memory by each field's range: a daily history of
 * 25 years is ~6,500 rows, and one read serves every field and range of the request. Behind the loaders
 * sits the process-wide {@link HistoryCache}: a request first reads the dataset version (one statement),
 * then takes what the cache holds for that version and fetches only the rest.
 *
 * Fields that show stored rows as they are (`Instrument.series`, `Instrument.bars`) need only their range:
 * `barsByWindow` reads exactly the windows a request asks for (ONE statement for all of them) when the history
 * cache is off; with the cache on they slice the cached whole history instead (see `barsInRange` in
 * schema/instrument.ts and the API README's "Fast path" for the measurements behind that choice).
 */
import type {
  BarColumns,
  CorporateAction,
  Database,
  DatasetCoverage,
  DateWindow,
  EconomicSeriesInfo,
  Instrument,
  PositioningSeries,
  Series,
  StoredPolicyDecision,
  ValuationColumns,
} from "@cyclelens/db";
import { emptyBars, epochDayToISO } from "@cyclelens/db";
import DataLoader from "dataloader";
import { READ_WEIGHT, type RequestBudget } from "./budget.js";
import type { HistoryCache } from "./history-cache.js";

const EMPTY_SERIES: Series = { dates: new Int32Array(0), values: new Float64Array(0) };

/**
 * The loader boundary of the request budget (`budget.ts`): a stopped request (time, work, client gone) loads
 * nothing more, the resolver that asked is charged for reading the history (its length × READ_WEIGHT), since
 * every field that loads a history computes on it, and it yields to the event loop after a long slice.
 */
function metered<K, V>(
  budget: RequestBudget | undefined,
  loader: DataLoader<K, V>,
  sizeOf: (v: V) => number,
) {
  const asked = new Set<K>();
  return {
    /** Whether this request already asked for `key` (its load may still be in flight). */
    asked: (key: K): boolean => asked.has(key),
    async load(key: K): Promise<V> {
      budget?.throwIfStopped();
      const again = asked.has(key);
      asked.add(key);
      const value = await loader.load(key);
      budget?.charge(sizeOf(value) * READ_WEIGHT);
      // A yield point for a history this request already loaded (1,600 resolvers computing on the same cached
      // history continue 15 ms at a time, not in one run of microtasks). Not for a first load: its batch yields
      // as a whole (see `batched`), so the loads that follow it still gather into one statement.
      if (again) await budget?.checkpoint();
      return value;
    },
  };
}

/**
 * DataLoader's batch scheduling with the budget's yield: a batch normally dispatches right after the current
 * promise jobs (DataLoader's default); when the request has computed for a whole slice without yielding, the
 * batch waits for the next turn of the event loop instead, so other sockets (`/health`, other requests) are
 * served in between. The batch still gathers every key asked before it dispatches: yielding never splits it.
 */
function scheduler(budget: RequestBudget | undefined) {
  return (dispatch: () => void) => {
    if (budget?.sliceExpired())
      setImmediate(() => {
        budget.startSlice();
        dispatch();
      });
    else void Promise.resolve().then(() => process.nextTick(dispatch));
  };
}

export function createLoaders(
  db: Database,
  cache: HistoryCache,
  budget?: RequestBudget,
  dataVersion: () => Promise<number> = () => db.dataVersion(),
) {
  const batchScheduleFn = scheduler(budget);
  let version: Promise<number> | undefined;
  /**
   * The dataset version this request works with (only needed when the cache is on): read once per request and
   * shared with the response cache's key (`dataVersion`, see request-version.ts).
   */
  const currentVersion = () => {
    version ??= cache.enabled ? dataVersion().then(resumed) : Promise.resolve(Number.NaN);
    return version;
  };
  /**
   * The request resumes after its first statement (the dataset version; real I/O on PostgreSQL): a new slice
   * starts, so the yield points measure the request's own run, not the time other requests ran meanwhile. (Not
   * after history loads: most are answered by the cache in microtasks, and a reset there would let a long run
   * of cached analytics never yield.)
   */
  const resumed = <T>(value: T): T => {
    budget?.startSlice();
    return value;
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
    new DataLoader<K, V>(
      async (keys) => {
        const values = await cache.getMany(kind, await currentVersion(), keys, fetch, fallback);
        // every load of the batch resumes together after a yield: later loads still batch together
        await budget?.checkpoint();
        return values;
      },
      {
        batchScheduleFn,
      },
    );

  const allInstruments = single("instruments", () => db.instruments.list());
  const allSeries = single("series", () => db.economicSeries.list());
  const coverage = single<DatasetCoverage>("coverage", () => db.dataset.coverage());
  const policyDecisions = single<StoredPolicyDecision[]>("policyDecisions", () => db.policyDecisions.list());

  const instrumentBySymbol = new DataLoader<string, Instrument | null>(
    async (symbols) => {
      const bySymbol = new Map((await allInstruments()).map((i) => [i.symbol, i]));
      return symbols.map((s) => bySymbol.get(s.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (s) => s.toUpperCase(), batchScheduleFn },
  );

  const seriesByCode = new DataLoader<string, EconomicSeriesInfo | null>(
    async (codes) => {
      const byCode = new Map((await allSeries()).map((s) => [s.code, s]));
      return codes.map((c) => byCode.get(c.toUpperCase()) ?? null);
    },
    { cacheKeyFn: (c) => c.toUpperCase(), batchScheduleFn },
  );

  const wholeBars = batched<number, BarColumns>("bars", (ids) => db.bars.forInstruments(ids), emptyBars());
  const barsByInstrument = metered(budget, wholeBars, (b) => b.dates.length);
  /** A read window in epoch days (open ends undefined). */
  type DayWindow = { id: number; from?: number | undefined; to?: number | undefined };
  const barsByWindow = new DataLoader<DayWindow, BarColumns, string>(
    async (windows) => {
      // Decided when the batch dispatches, after every field of this turn asked for its data: a window of an
      // instrument whose whole history this request reads anyway is a slice of it (no second read).
      const values: (BarColumns | Promise<BarColumns>)[] = [];
      const read: DateWindow[] = [];
      const readAt: number[] = [];
      windows.forEach((w, k) => {
        if (barsByInstrument.asked(w.id)) values[k] = wholeBars.load(w.id).then((b) => sliceBars(b, w));
        else {
          read.push({
            id: w.id,
            from: w.from === undefined ? undefined : epochDayToISO(w.from),
            to: w.to === undefined ? undefined : epochDayToISO(w.to),
          });
          readAt.push(k);
        }
      });
      if (read.length > 0) {
        const got = await db.bars.forWindows(read);
        readAt.forEach((k, i) => {
          values[k] = got[i]!;
        });
      }
      const out = await Promise.all(values);
      await budget?.checkpoint();
      return out;
    },
    { cacheKeyFn: (w) => `${w.id}:${w.from ?? ""}:${w.to ?? ""}`, batchScheduleFn },
  );

  return {
    /** True when whole histories come from the process-wide history cache (it is on). */
    historyCached: cache.enabled,
    instrumentBySymbol,
    seriesByCode,
    /**
     * The bars of an instrument inside a window, read for this request alone (not cached across requests):
     * every window asked in one batch is ONE statement (`db.bars.forWindows`).
     */
    barsByWindow: metered(budget, barsByWindow, (b) => b.dates.length),
    barsByInstrument,
    observationsBySeries: metered(
      budget,
      batched<number, Series>("observations", (ids) => db.observations.forSeries(ids), EMPTY_SERIES),
      (s) => s.dates.length,
    ),
    valuationsByInstrument: metered(
      budget,
      batched<number, ValuationColumns | null>(
        "valuations",
        (ids) => db.valuations.forInstruments(ids),
        null,
      ),
      (v) => v?.dates.length ?? 0,
    ),
    /** Every dividend and split of an instrument (all dates, both kinds), cut by each field. */
    corporateActionsByInstrument: metered(
      budget,
      batched<number, CorporateAction[]>(
        "corporateActions",
        (ids) => db.corporateActions.forInstruments(ids),
        [],
      ),
      (a) => a.length,
    ),
    positioningBySegment: metered(
      budget,
      batched<string, PositioningSeries | null>(
        "positioning",
        (segments) => db.positioning.forSegments(segments),
        null,
      ),
      (p) => p?.dates.length ?? 0,
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

/** First index of sorted `dates` whose day is ≥ `day` (`dates.length` when none). */
function lowerBound(dates: Int32Array, day: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bars of `bars` inside the inclusive window (open ends undefined), as views (no copy). */
export function sliceBars(
  bars: BarColumns,
  window: { from?: number | undefined; to?: number | undefined },
): BarColumns {
  const start = window.from === undefined ? 0 : lowerBound(bars.dates, window.from);
  const end =
    window.to === undefined ? bars.dates.length : Math.max(start, lowerBound(bars.dates, window.to + 1));
  if (start === 0 && end === bars.dates.length) return bars;
  return {
    dates: bars.dates.subarray(start, end),
    open: bars.open.subarray(start, end),
    high: bars.high.subarray(start, end),
    low: bars.low.subarray(start, end),
    close: bars.close.subarray(start, end),
    adjClose: bars.adjClose.subarray(start, end),
    volume: bars.volume.subarray(start, end),
  };
}
