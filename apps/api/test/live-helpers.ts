/**
 * A graphql-sse subscriber for tests and the bench: subscribes to `Subscription.datasetChanged` over SSE
 * (distinct connections mode) and records what arrives, with the time it arrived.
 */
import { createClient } from "graphql-sse";

export const DATASET_CHANGED = `subscription DatasetChanged {
  datasetChanged { version changedAt instruments series kinds source }
}`;

export interface ChangeEvent {
  version: number;
  changedAt: string;
  instruments: string[];
  series: string[];
  kinds: string[];
  source: string;
}

export interface Subscriber {
  /** `at`: performance.now() at arrival; `wall`: Date.now() at arrival. */
  events: { at: number; wall: number; change: ChangeEvent }[];
  errors: unknown[];
  completed: boolean;
  /** Resolves when the server answered the subscription (the stream is open). */
  connected: Promise<void>;
  /** Resolves with the first event matching `pred` (rejects after `timeoutMs`). */
  until(
    pred: (c: ChangeEvent) => boolean,
    timeoutMs?: number,
  ): Promise<{ at: number; wall: number; change: ChangeEvent }>;
  close(): void;
}

export function subscribe(url: string, query = DATASET_CHANGED): Subscriber {
  let onConnected!: () => void;
  let onFailed!: (e: unknown) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onFailed = reject;
  });
  const waiters = new Set<() => void>();
  const client = createClient({ url, retryAttempts: 0, on: { connected: () => onConnected() } });
  const s: Subscriber = {
    events: [],
    errors: [],
    completed: false,
    connected,
    until(pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = s.events.find((e) => pred(e.change));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms (events: ${JSON.stringify(s.events.map((e) => e.change))}, errors: ${JSON.stringify(s.errors)})`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => {
      dispose();
      client.dispose();
    },
  };
  const dispose = client.subscribe<{ datasetChanged: ChangeEvent }>(
    { query },
    {
      next(value) {
        const at = performance.now();
        const wall = Date.now();
        if (value.errors?.length) s.errors.push(...value.errors);
        if (value.data?.datasetChanged) s.events.push({ at, wall, change: value.data.datasetChanged });
        for (const w of [...waiters]) w();
      },
      error(e) {
        s.errors.push(e);
        onFailed(e);
      },
      complete() {
        s.completed = true;
      },
    },
  );
  return s;
}
