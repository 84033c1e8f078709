/**
 * A process-wide cache of stored history (bars, observations, valuations, positioning, and the instrument
 * and series lists), valid for one dataset version.
 *
 * Daily history is immutable between imports, and reading 25 years of bars through the ORM dominates a
 * request's time. Each request reads the dataset version once (`db.dataVersion()`, one cheap statement,
 * bumped by every write that changes data); when it moved, the cache empties. Entries are tagged with the
 * version their request saw, and an entry from an older version is never stored, so a request racing an
 * import cannot plant stale data. Least-recently-used entries go first beyond `maxEntries` per kind.
 *
 * Remove it by constructing the server with `cacheEntries: 0` (or `CYCLELENS_CACHE_ENTRIES=0`): every
 * request then reads from the database.
 */
export class HistoryCache {
  private version = Number.NaN;
  private readonly stores = new Map<string, Map<unknown, unknown>>();

  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** Adopts the dataset version a request just read; drops everything when it changed. */
  sync(version: number): void {
    if (version !== this.version) {
      this.stores.clear();
      this.version = version;
    }
  }

  /**
   * Values for `keys` from the `kind` store, fetching the missing ones with ONE call of `fetch`. `version` is
   * the dataset version the calling request saw.
   */
  async getMany<K, V>(
    kind: string,
    version: number,
    keys: readonly K[],
    fetch: (missing: K[]) => Promise<Map<K, V>>,
    fallback: V,
  ): Promise<V[]> {
    if (!this.enabled) {
      const got = await fetch([...keys]);
      return keys.map((k) => (got.has(k) ? got.get(k)! : fallback));
    }
    const result = new Map<K, V>();
    const missing: K[] = [];
    const store = this.stores.get(kind) as Map<K, V> | undefined;
    for (const k of keys) {
      if (store?.has(k)) {
        const hit = store.get(k) as V;
        store.delete(k); // refresh its recency
        store.set(k, hit);
        result.set(k, hit);
      } else missing.push(k);
    }
    if (missing.length > 0) {
      const fetched = await fetch(missing);
      const target = version === this.version ? this.storeOf<K, V>(kind) : undefined;
      for (const k of missing) {
        const value = fetched.has(k) ? fetched.get(k)! : fallback;
        result.set(k, value);
        if (target) this.put(target, k, value);
      }
    }
    return keys.map((k) => result.get(k) as V);
  }

  private storeOf<K, V>(kind: string): Map<K, V> {
    let store = this.stores.get(kind) as Map<K, V> | undefined;
    if (!store) {
      store = new Map<K, V>();
      this.stores.set(kind, store as Map<unknown, unknown>);
    }
    return store;
  }

  private put<K, V>(store: Map<K, V>, key: K, value: V): void {
    store.delete(key);
    store.set(key, value);
    while (store.size > this.maxEntries) store.delete(store.keys().next().value as K);
  }
}
