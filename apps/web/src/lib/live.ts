/**
 * Live updates: ONE `Subscription.datasetChanged` stream for the whole app, opened by the first view that runs a
 * query. It is the browser's own `EventSource` on `GET /graphql?query=…` (the typed operation
 * `AppDatasetChanged`; the graphql-sse protocol's distinct connections mode, events `next` and `complete`), so
 * the app ships no client library for it and gets the browser's reconnection for free: after a dropped
 * connection, or a `complete` when the server shuts down, the browser opens the stream again (on another
 * instance behind a load balancer). A stream the server refuses (HTTP 503 when the instance is full) is retried
 * after 30 s. Every `useQuery` re-runs its one request when a change arrives and after a reconnect (a change
 * may have been missed meanwhile), and the header's indicator says the data updated.
 */
import { useEffect, useState } from "preact/hooks";
import type { AppDatasetChangedSubscription } from "../gql/graphql";

export type DatasetChange = AppDatasetChangedSubscription["datasetChanged"];

export interface LiveState {
  status: "connecting" | "live" | "offline";
  /** The newest change received, if any. */
  change?: DatasetChange | undefined;
  /** Bumped on every change and every reconnect: what views re-query on. */
  tick: number;
}

let state: LiveState = { status: "connecting", tick: 0 };
const listeners = new Set<(s: LiveState) => void>();
let started = false;

function set(next: Partial<LiveState>) {
  state = { ...state, ...next };
  for (const l of listeners) l(state);
}

function start() {
  if (started || typeof window === "undefined" || typeof EventSource === "undefined") return;
  started = true;
  // the stream's code and operation load with the first view's chunk, not with the app shell
  void import("./live-stream").then((m) => m.openStream({ get: () => state, set }));
}

/** The live state; subscribing (once per page) on first use. */
export function useLive(): LiveState {
  const [s, setS] = useState(state);
  useEffect(() => {
    start();
    listeners.add(setS);
    setS(state);
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}
