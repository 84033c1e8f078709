/**
 * Live updates: ONE `Subscription.datasetChanged` stream for the whole app (server-sent events, the graphql-sse
 * protocol, through the `graphql-sse` client and the typed operation `AppDatasetChanged`), opened by the first
 * view that runs a query. Every `useQuery` re-runs its one request when a change arrives (use-query.ts), and the
 * header's indicator says the data updated. The stream reconnects by itself (graphql-sse retries); after a
 * reconnect the views re-query too, since a change may have been missed meanwhile.
 */
import { createClient } from "graphql-sse";
import { useEffect, useState } from "preact/hooks";
import { AppDatasetChangedDocument, type AppDatasetChangedSubscription } from "../gql/graphql";
import { GRAPHQL_PATH } from "./api";

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
  if (started || typeof window === "undefined") return;
  started = true;
  const client = createClient({
    url: new URL(GRAPHQL_PATH, window.location.href).toString(),
    retryAttempts: Number.POSITIVE_INFINITY,
    on: {
      connected: (reconnected) => set({ status: "live", ...(reconnected ? { tick: state.tick + 1 } : {}) }),
      connecting: (reconnecting) => {
        if (reconnecting) set({ status: "offline" });
      },
    },
  });
  client.subscribe<AppDatasetChangedSubscription>(
    { query: AppDatasetChangedDocument.toString(), operationName: "AppDatasetChanged" },
    {
      next(value) {
        const change = value.data?.datasetChanged;
        if (change) set({ change, tick: state.tick + 1 });
      },
      error: () => set({ status: "offline" }),
      complete: () => set({ status: "offline" }),
    },
  );
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
