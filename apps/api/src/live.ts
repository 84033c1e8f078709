/**
 * Live updates: `Subscription.datasetChanged` over server-sent events (yoga's built-in SSE, the graphql-sse
 * protocol's "distinct connections" mode: `event: next` / `event: complete`, a `:` ping every 12 s).
 *
 * One {@link LiveHub} per application (per process): ONE `db.watchDataset` watcher, started with the first
 * subscriber and kept until the application is disposed, fanned out in memory through yoga's `createPubSub` to
 * every open subscription. So the database sees one LISTEN connection (PostgreSQL) or one 250 ms version read
 * (SQLite) per process, whatever the number of subscribers. Writes by any process — the ingest CLI, a cron job,
 * another API instance — reach every instance: on PostgreSQL through LISTEN/NOTIFY, on SQLite through the poll.
 *
 * Subscribers are bounded per process (`CYCLELENS_MAX_SUBSCRIPTIONS`): one more gets TOO_MANY_SUBSCRIPTIONS
 * (HTTP 503 with Retry-After) instead of growing memory without bound. A slow reader keeps only the newest
 * events (a sliding buffer of 16: each event is a "data changed, re-query" signal, so older ones add nothing).
 *
 * Not subject to the per-request time budget, the admission slots or the response-size cap: those plugins hook
 * `onExecute` and JSON responses, and a subscription runs through `onSubscribe` with an event stream (tested
 * in test/live.test.ts).
 */
import type { Database, DatasetChange } from "@cyclelens/db";
import { GraphQLError } from "graphql";
import { createPubSub, type Plugin, Repeater, SlidingBuffer } from "graphql-yoga";
import type { Logger } from "./logging.js";

/** What a subscriber receives; `DatasetChange` of @cyclelens/db. */
export type DatasetChangedEvent = DatasetChange;

export interface LiveHubOptions {
  /** Open subscriptions allowed in this process. */
  maxSubscriptions: number;
  /** SQLite: how often the watcher reads the dataset version, ms. */
  pollIntervalMs: number;
  logger?: Logger | undefined;
}

export function tooManySubscriptions(max: number): GraphQLError {
  return new GraphQLError(
    `This server already serves its maximum of ${max} open subscriptions; retry later or connect to another instance.`,
    {
      extensions: {
        code: "TOO_MANY_SUBSCRIPTIONS",
        max,
        http: { status: 503, headers: { "retry-after": "5" } },
      },
    },
  );
}

export class LiveHub {
  readonly #db: Database;
  readonly #options: LiveHubOptions;
  readonly #pubsub = createPubSub<{ datasetChanged: [DatasetChange] }>();
  readonly #stops = new Set<() => void>();
  #watch: ReturnType<Database["watchDataset"]> | undefined;
  #closed = false;
  /** Events published (for tests and metrics). */
  published = 0;

  constructor(db: Database, options: LiveHubOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Open subscriptions. */
  get active(): number {
    return this.#stops.size;
  }

  /** Starts the process's watcher (once); resolves when it listens. */
  start(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("the live hub is closed"));
    if (!this.#watch) {
      const log = this.#options.logger;
      this.#watch = this.#db.watchDataset(
        (change) => {
          this.published++;
          this.#pubsub.publish("datasetChanged", change);
        },
        {
          pollIntervalMs: this.#options.pollIntervalMs,
          onError: (error) => log?.warn({ err: error.message }, "dataset watcher"),
        },
      );
      this.#watch.ready.catch((error: Error) => {
        log?.error({ err: error.message }, "dataset watcher did not start");
        this.#watch = undefined; // the next subscription tries again
      });
    }
    return this.#watch.ready;
  }

  /**
   * One subscriber's stream of changes. Throws TOO_MANY_SUBSCRIPTIONS when the process is full. The stream
   * starts after the watcher listens, so a change committed after the subscription was answered is delivered.
   */
  async subscribe(): Promise<AsyncIterableIterator<DatasetChange>> {
    const max = this.#options.maxSubscriptions;
    if (this.#closed)
      throw new GraphQLError("The server is shutting down.", {
        extensions: { code: "UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } },
      });
    if (this.#stops.size >= max) throw tooManySubscriptions(max);
    // Counted from here (before any await, so concurrent subscribes cannot overshoot the bound) until the
    // stream ends, is returned by the client's disconnect, or the hub closes.
    let ended = false;
    const repeater = new Repeater<DatasetChange>(async (push, stop) => {
      const iterator = this.#pubsub.subscribe("datasetChanged")[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await Promise.race([iterator.next(), stop.then(() => undefined)]);
          if (!next || next.done) break;
          await push(next.value);
        }
      } finally {
        await iterator.return?.();
        end();
      }
    }, new SlidingBuffer(16));
    const stopIt = () => void repeater.return();
    const end = () => {
      if (ended) return;
      ended = true;
      this.#stops.delete(stopIt);
    };
    this.#stops.add(stopIt);
    try {
      await this.start();
    } catch {
      end();
      throw new GraphQLError("Live updates are unavailable: the dataset watcher could not start.", {
        extensions: { code: "UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } },
      });
    }
    const iterator: AsyncIterableIterator<DatasetChange> = {
      [Symbol.asyncIterator]: () => iterator,
      next: () => repeater.next(),
      return: (value?: unknown) => {
        end();
        return repeater.return(value as DatasetChange);
      },
      throw: (error?: unknown) => {
        end();
        return repeater.throw(error);
      },
    };
    return iterator;
  }

  /** Ends every open subscription (their responses complete) and stops the watcher. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const stop of [...this.#stops]) stop();
    this.#stops.clear();
    const w = this.#watch;
    this.#watch = undefined;
    await w?.close();
  }
}

/** Puts the hub in every request's context (`ctx.live`), where `Subscription.datasetChanged` finds it. */
export function useLiveUpdates(hub: LiveHub): Plugin {
  return {
    onContextBuilding({ extendContext }) {
      extendContext({ live: hub } as Record<string, unknown>);
    },
    onDispose: () => hub.close(),
  };
}
