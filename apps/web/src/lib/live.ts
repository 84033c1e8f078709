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

const RETRY_REFUSED_MS = 30_000;

let state: LiveState = { status: "connecting", tick: 0 };
const listeners = new Set<(s: LiveState) => void>();
let started = false;

function set(next: Partial<LiveState>) {
  state = { ...state, ...next };
  for (const l of listeners) l(state);
}

function streamUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.searchParams.set("query", AppDatasetChangedDocument.toString());
  url.searchParams.set("operationName", "AppDatasetChanged");
  return url.toString();
}

function open(opened: { before: boolean }) {
  const source = new EventSource(streamUrl());
  source.onopen = () => {
    // a reopened stream may have missed changes: the views re-query
    set({ status: "live", ...(opened.before ? { tick: state.tick + 1 } : {}) });
    opened.before = true;
  };
  source.addEventListener("next", (event) => {
    try {
      const body = JSON.parse((event as MessageEvent<string>).data) as {
        data?: AppDatasetChangedSubscription;
      };
      const change = body.data?.datasetChanged;
      if (change) set({ change, tick: state.tick + 1 });
    } catch {
      // not a GraphQL result: ignore the event
    }
  });
  source.onerror = () => {
    set({ status: "offline" });
    if (source.readyState === EventSource.CLOSED) setTimeout(() => open(opened), RETRY_REFUSED_MS); // refused (not 200): the browser does not retry
  };
}

function start() {
  if (started || typeof window === "undefined" || typeof EventSource === "undefined") return;
  started = true;
  open({ before: false });
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
