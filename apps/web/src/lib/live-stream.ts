/**
 * The live stream itself (see live.ts): the browser's EventSource on `GET /graphql` with the typed operation
 * `AppDatasetChanged`, sent by its persisted hash like every request of the app. Loaded on demand, so the app shell does not carry the operations module.
 */
import { AppDatasetChangedDocument, type AppDatasetChangedSubscription } from "../gql/graphql";
import { GRAPHQL_PATH } from "./api";
import type { LiveState } from "./live";

const RETRY_REFUSED_MS = 30_000;

export interface LiveStore {
  get(): LiveState;
  set(next: Partial<LiveState>): void;
}

/** The stream's URL: the operation's persisted hash (as every request of the app), its text only without one. */
function streamUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  const document = AppDatasetChangedDocument as { toString(): string; __meta__?: Record<string, unknown> };
  const hash = document.__meta__?.hash;
  if (typeof hash === "string")
    url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  else url.searchParams.set("query", document.toString());
  url.searchParams.set("operationName", "AppDatasetChanged");
  return url.toString();
}

function open(store: LiveStore, opened: { before: boolean }) {
  const source = new EventSource(streamUrl());
  source.onopen = () => {
    // a reopened stream may have missed changes: the views re-query
    store.set({ status: "live", ...(opened.before ? { tick: store.get().tick + 1 } : {}) });
    opened.before = true;
  };
  source.addEventListener("next", (event) => {
    try {
      const body = JSON.parse((event as MessageEvent<string>).data) as {
        data?: AppDatasetChangedSubscription;
      };
      const change = body.data?.datasetChanged;
      if (change) store.set({ change, tick: store.get().tick + 1 });
    } catch {
      // not a GraphQL result: ignore the event
    }
  });
  source.onerror = () => {
    store.set({ status: "offline" });
    if (source.readyState === EventSource.CLOSED) setTimeout(() => open(store, opened), RETRY_REFUSED_MS); // refused (not 200): the browser does not retry
  };
}

export function openStream(store: LiveStore): void {
  open(store, { before: false });
}
