/**
 * The dataset watcher behind `db.watchDataset`: one per Database object, shared by its listeners.
 *
 * - PostgreSQL: one dedicated `pg.Client` (outside Prisma's pool) runs `LISTEN cyclelens_dataset`. A writing
 *   transaction notifies with its schema as payload (changes.ts) on commit; a notification for this schema
 *   triggers a read of the change log after the last version delivered. When the connection is lost it
 *   reconnects with backoff (100 ms doubling to 5 s) and then reads the log (the catch-up: nothing committed
 *   while it was away is missed).
 * - SQLite: no notification exists across processes, so the watcher reads the dataset version every
 *   `pollIntervalMs` (default 250 ms; one single-row read) and reads the log when it moved.
 *
 * Reads are coalesced: a notification during a read schedules one more read, never a parallel one, so listeners
 * get each change once, in version order.
 */
import pg from "pg";
import { CHANGE_CHANNEL } from "./changes.js";
import type { ResolvedUrl } from "./config.js";
import type { DatasetChange, DatasetWatch, WatchOptions } from "./types.js";

export const DEFAULT_POLL_MS = 250;
const PAGE = 1000;

export interface WatchSource {
  resolved: ResolvedUrl;
  dataVersion(): Promise<number>;
  changesSince(version: number, limit?: number): Promise<DatasetChange[]>;
}

type Listener = (change: DatasetChange) => void;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export class DatasetWatcher {
  readonly #source: WatchSource;
  readonly #listeners = new Map<Listener, WatchOptions>();
  #last = 0;
  #reading = false;
  #dirty = false;
  #stopped = true;
  #ready: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #client: pg.Client | undefined;
  #schema: string | undefined;
  #backoff = 100;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #pollMs = DEFAULT_POLL_MS;

  constructor(source: WatchSource) {
    this.#source = source;
  }

  /** Number of registered listeners. */
  get size(): number {
    return this.#listeners.size;
  }

  add(listener: Listener, options: WatchOptions = {}): DatasetWatch {
    const key: Listener = (c) => listener(c); // distinct per registration
    if (this.#listeners.size === 0) {
      this.#pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
      this.#ready = this.#start();
    }
    this.#listeners.set(key, options);
    const ready = this.#ready!;
    let closed = false;
    return {
      ready,
      close: async () => {
        if (closed) return;
        closed = true;
        this.#listeners.delete(key);
        if (this.#listeners.size === 0) await this.stop();
      },
    };
  }

  #report(error: unknown) {
    const e = asError(error);
    for (const o of this.#listeners.values()) {
      try {
        o.onError?.(e);
      } catch {
        // an error handler that throws must not stop the watcher
      }
    }
  }

  async #start(): Promise<void> {
    this.#stopped = false;
    if (this.#source.resolved.provider === "postgresql") {
      try {
        await this.#listen(); // LISTEN first, then the baseline: nothing committed in between is missed
        this.#last = await this.#source.dataVersion();
      } catch (e) {
        await this.stop(); // the next watchDataset starts again
        throw e;
      }
    } else {
      this.#last = await this.#source.dataVersion();
      this.#timer = setInterval(() => void this.#poll(), this.#pollMs);
      this.#timer.unref();
    }
  }

  async #poll() {
    if (this.#stopped || this.#reading) return;
    try {
      const v = await this.#source.dataVersion();
      if (v !== this.#last) this.check();
    } catch (e) {
      this.#report(e);
    }
  }

  async #listen(): Promise<void> {
    const r = this.#source.resolved;
    if (r.provider !== "postgresql") return;
    const client = new pg.Client({
      connectionString: r.connectionString,
      ...(r.schema ? { options: `-c search_path=${r.schema}` } : {}),
      // Named with its schema, so an operator (or a test) can tell the watchers of one database apart.
      application_name: `cyclelens-watch ${r.schema ?? "public"}`.slice(0, 63),
      keepAlive: true,
    });
    this.#client = client;
    const lost = (e?: unknown) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      client.removeAllListeners("notification");
      client.end().catch(() => {});
      if (this.#stopped) return;
      this.#report(e ?? new Error("the LISTEN connection ended"));
      this.#scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (n) => {
      if (n.channel === CHANGE_CHANNEL && n.payload === this.#schema) this.check();
    });
    await client.connect();
    const schema = await client.query<{ s: string }>("SELECT current_schema() AS s");
    this.#schema = schema.rows[0]?.s;
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.#backoff = 100;
  }

  #scheduleReconnect() {
    if (this.#stopped || this.#reconnectTimer) return;
    const wait = this.#backoff;
    this.#backoff = Math.min(this.#backoff * 2, 5000);
    this.#reconnectTimer = setTimeout(async () => {
      this.#reconnectTimer = undefined;
      if (this.#stopped) return;
      try {
        await this.#listen();
        this.check(); // catch-up: changes committed while the connection was down
      } catch (e) {
        const c = this.#client;
        this.#client = undefined;
        c?.end().catch(() => {});
        this.#report(e);
        this.#scheduleReconnect();
      }
    }, wait);
  }

  /** Reads the change log after the last delivered version and delivers it (coalesced). */
  check(): void {
    if (this.#stopped) return;
    if (this.#reading) {
      this.#dirty = true;
      return;
    }
    this.#reading = true;
    void this.#drain().finally(() => {
      this.#reading = false;
    });
  }

  async #drain() {
    do {
      this.#dirty = false;
      try {
        for (;;) {
          const changes = await this.#source.changesSince(this.#last, PAGE);
          for (const c of changes) {
            if (this.#stopped) return;
            this.#last = c.version;
            for (const l of this.#listeners.keys()) {
              try {
                l(c);
              } catch (e) {
                this.#report(e);
              }
            }
          }
          if (changes.length < PAGE) break;
        }
        // The version can move without a log row only if the log was pruned past a long-stopped watcher, or the
        // version was reset (a restored database): follow the version, reported so it is not silent.
        if (this.#source.resolved.provider === "sqlite") {
          const v = await this.#source.dataVersion();
          if (v !== this.#last) {
            const latest = await this.#source.changesSince(this.#last, 1);
            if (latest.length === 0) {
              this.#report(
                new Error(`the dataset version moved from ${this.#last} to ${v} without a change-log row`),
              );
              this.#last = v;
            }
          }
        }
      } catch (e) {
        this.#report(e);
      }
    } while (this.#dirty && !this.#stopped);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#listeners.clear();
    if (this.#timer) clearInterval(this.#timer);
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#timer = undefined;
    this.#reconnectTimer = undefined;
    const c = this.#client;
    this.#client = undefined;
    if (c) {
      c.removeAllListeners("notification");
      await c.end().catch(() => {});
    }
  }
}
