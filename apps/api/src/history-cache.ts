/**
 * A process-wide cache of stored history (bars, observations, valuations, positioning, and the instrument
 * and series lists), valid for one dataset version, with **single-flight** loads.
 *
 * Daily history is immutable between imports, and reading 25 years of bars through the ORM dominates a
 * request's time. Each request reads the dataset version once (`db.dataVersion()`, one cheap statement,
 * bumped by every write that changes data); when it moved forward, the cache starts a new generation (empty).
 *
 * Single flight: concurrent misses of the same history share ONE load. After a write, the 200 requests in
 * flight do not each reload every history (the thundering herd that took PostgreSQL from 400 to 13
 * requests/s at one write per second): the first miss of a key starts the load, the others wait for it.
 *
 * Versions only move forward: a request that read the version just before a write and asks later joins the
 * current (newer) generation instead of flipping the cache back. A load started in a generation is stored only
 * if that generation is still current when it completes, so a request racing an import cannot plant stale
 * data. Least-recently-used entries go first beyond `maxEntries` per kind.
 *
 * Remove it by constructing the server with `cacheEntries: 0` (or `CYCLELENS_CACHE_ENTRIES=0`): every
 * request then reads from the database.
 */
export class HistoryCache {
  private version = Number.NEGATIVE_INFINITY;
  private generation = 0;
  private readonly stores = new Map<string, Map<unknown, unknown>>();
  /** Loads in flight in the current generation, per kind and key. */
  private flights = new Map<string, Map<unknown, Promise<unknown>>>();
  /** Loads started (for tests and the README's measurements). */
  loads = 0;
  /** Longest history (dates) stored in the current generation, per kind: the cost estimate's open range. */
  private readonly longest = new Map<string, number>();

  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** Adopts the dataset version a request just read; a newer version starts an empty generation. */
  sync(version: number): void {
    if (version > this.version) {
      this.stores.clear();
      this.longest.clear();
      this.flights = new Map();
      this.generation++;
      this.version = version;
    }
  }

  /**
   * Values for `keys` from the `kind` store: hits from the cache, keys another request is loading from that
   * load, and the rest fetched with ONE call of `fetch`. `version` is the dataset version the request saw.
   */
  async getMany<K, V>(
    kind: string,
    version: number,
    keys: readonly K[],
    fetch: (missing: K[]) => Promise<Map<K, V>>,
    fallback: V,
  ): Promise<V[]> {
    if (!this.enabled) {
      this.loads++;
      const got = await fetch([...keys]);
      return keys.map((k) => (got.has(k) ? got.get(k)! : fallback));
    }
    this.sync(version);
    const result = new Map<K, V | Promise<V>>();
    const missing: K[] = [];
    const store = this.stores.get(kind) as Map<K, V> | undefined;
    const flying = this.flights.get(kind) as Map<K, Promise<V>> | undefined;
    for (const k of keys) {
      if (result.has(k)) continue;
      if (store?.has(k)) {
        const hit = store.get(k) as V;
        store.delete(k); // refresh its recency
        store.set(k, hit);
        result.set(k, hit);
      } else if (flying?.has(k)) result.set(k, flying.get(k)!);
      else missing.push(k);
    }
    if (missing.length > 0) {
      const generation = this.generation;
      const flights = this.flightsOf<K, V>(kind);
      this.loads++;
      const batch = fetch(missing).then(
        (fetched) => {
          const current = generation === this.generation;
          const target = current ? this.storeOf<K, V>(kind) : undefined;
          for (const k of missing) {
            const value = fetched.has(k) ? fetched.get(k)! : fallback;
            if (target) {
              this.put(target, k, value);
              const n = (value as { dates?: { length: number } } | null)?.dates?.length ?? 0;
              if (n > this.longestOf(kind)) this.longest.set(kind, n);
            }
            if (current) flights.delete(k);
          }
          return fetched;
        },
        (error: unknown) => {
          if (generation === this.generation) for (const k of missing) flights.delete(k);
          throw error;
        },
      );
      for (const k of missing) {
        const one = batch.then((fetched) => (fetched.has(k) ? fetched.get(k)! : fallback));
        one.catch(() => {}); // the waiting requests see the error; no unhandled rejection here
        flights.set(k, one);
        result.set(k, one);
      }
    }
    const values: V[] = [];
    for (const k of keys) values.push(await result.get(k)!);
    return values;
  }

  private flightsOf<K, V>(kind: string): Map<K, Promise<V>> {
    let map = this.flights.get(kind) as Map<K, Promise<V>> | undefined;
    if (!map) {
      map = new Map<K, Promise<V>>();
      this.flights.set(kind, map as Map<unknown, Promise<unknown>>);
    }
    return map;
  }

  private storeOf<K, V>(kind: string): Map<K, V> {
    let store = this.stores.get(kind) as Map<K, V> | undefined;
    if (!store) {
      store = new Map<K, V>();
      this.stores.set(kind, store as Map<unknown, unknown>);
    }
    return store;
  }

  /** A value of the current generation without touching its recency, or undefined. */
  peek<V>(kind: string, key: unknown): V | undefined {
    return this.stores.get(kind)?.get(key) as V | undefined;
  }

  /** The longest history of `kind` (by its `dates`) stored in the current generation; 0 when none. */
  longestOf(kind: string): number {
    return this.longest.get(kind) ?? 0;
  }

  /** Per kind: entries held and the dates they hold (read by the Prometheus metrics at scrape time). */
  sizes(): { kind: string; entries: number; points: number }[] {
    return [...this.stores].map(([kind, store]) => {
      let points = 0;
      for (const value of store.values())
        points += (value as { dates?: { length: number } } | null)?.dates?.length ?? 0;
      return { kind, entries: store.size, points };
    });
  }

  private put<K, V>(store: Map<K, V>, key: K, value: V): void {
    store.delete(key);
    store.set(key, value);
    while (store.size > this.maxEntries) store.delete(store.keys().next().value as K);
  }
}
