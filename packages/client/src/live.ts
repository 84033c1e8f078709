/**
 * Live updates over server-sent events (the graphql-sse protocol, "distinct connections" mode, which the
 * CycleLens API serves on `/graphql` with `Accept: text/event-stream`), through the `graphql-sse` client.
 *
 *   const stop = subscribe(url, DatasetChangedDocument, {}, { next: ({ datasetChanged }) => … });
 *   const live = liveQuery(url, DashboardDocument, dashboardWindow(), { next: (data, change) => … });
 *
 * `liveQuery` is how CycleLens offers live query results: it runs one named operation, subscribes to
 * `Subscription.datasetChanged`, and re-runs the operation on every event (coalesced: at most one request in
 * flight, one more if events arrived meanwhile). See the API README ("Live query results") for why it is this
 * rather than an `@live` directive.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createClient } from "graphql-sse";
import { DatasetChangedDocument, type DatasetChangedSubscription } from "./gql/graphql.js";
import { GraphQLRequestError, printDocument, type RequestOptions, request } from "./request.js";

export interface SubscribeOptions {
  /** Extra headers, e.g. authorization. */
  headers?: Record<string, string>;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
  /** Reconnect attempts after a broken stream (default: unlimited, with the client's randomised backoff). */
  retryAttempts?: number;
}

export interface SubscribeSink<TResult> {
  next(data: TResult): void;
  /** A GraphQL error event, or the stream failed for good (the retries are used up). */
  error?(error: GraphQLRequestError | Error): void;
  /** The server ended the stream (e.g. it shut down); reconnect yourself if you want more. */
  complete?(): void;
  /** The stream is open (again): `reconnected` is true after a broken connection was re-established. */
  connected?(reconnected: boolean): void;
}

/** Variables are optional when the operation has none or all have defaults. */
type Vars<V> = Record<string, never> extends V ? V | undefined : V;

/** Subscribes to a typed subscription operation; returns an unsubscribe function. */
export function subscribe<TResult, TVariables>(
  url: string | URL,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: Vars<TVariables>,
  sink: SubscribeSink<TResult>,
  options: SubscribeOptions = {},
): () => void {
  const { query, operationName, hash } = printDocument(document);
  const client = createClient({
    url: String(url),
    retryAttempts: options.retryAttempts ?? Number.POSITIVE_INFINITY,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetchFn: options.fetch } : {}),
    on: { connected: (reconnected) => sink.connected?.(reconnected) },
  });
  const dispose = client.subscribe<TResult>(
    {
      // by its persisted hash like `request` (the text only without one): a server in CYCLELENS_PERSISTED_ONLY
      // mode refuses any text, and an empty query is what makes it take the hash instead
      query: hash ? "" : query,
      ...(operationName ? { operationName } : {}),
      variables: (variables ?? {}) as Record<string, unknown>,
      ...(hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : {}),
    },
    {
      next(value) {
        if (value.errors?.length) {
          const errors = value.errors.map((e) => ({
            message: e.message,
            extensions: (e.extensions ?? {}) as Record<string, unknown>,
          }));
          sink.error?.(new GraphQLRequestError(errors.map((e) => e.message).join("; "), errors, 200));
        }
        if (value.data) sink.next(value.data as TResult);
      },
      error(e) {
        sink.error?.(e instanceof Error ? e : new Error(describe(e)));
      },
      complete() {
        sink.complete?.();
      },
    },
  );
  return () => {
    dispose();
    client.dispose();
  };
}

function describe(e: unknown): string {
  if (e && typeof e === "object" && "status" in e)
    return `the subscription stream failed: HTTP ${(e as { status: number }).status}`;
  return `the subscription stream failed: ${String(e)}`;
}

/** One dataset change, as `Subscription.datasetChanged` sends it. */
export type DatasetChangeEvent = DatasetChangedSubscription["datasetChanged"];

export interface LiveQuerySink<TResult> {
  /** The operation's data: first after the initial request, then after every dataset change (`change`). */
  next(data: TResult, change: DatasetChangeEvent | undefined): void;
  /** A failed request or subscription; the live query keeps going. */
  error?(error: GraphQLRequestError | Error): void;
  /** The change stream is open (again); changes committed from now on re-run the operation. */
  connected?(reconnected: boolean): void;
}

export interface LiveQuery {
  /** Re-runs the operation now. */
  refresh(): void;
  /** Stops listening; a request in flight is aborted. */
  close(): void;
}

/**
 * Runs `document` once and again after every `Subscription.datasetChanged` event (and after the stream
 * reconnects, since changes may have been missed while it was down).
 */
export function liveQuery<TResult, TVariables>(
  url: string | URL,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: Vars<TVariables>,
  sink: LiveQuerySink<TResult>,
  options: SubscribeOptions & Pick<RequestOptions, "headers"> = {},
): LiveQuery {
  let closed = false;
  let running = false;
  let again: { change: DatasetChangeEvent | undefined } | undefined;
  const controller = new AbortController();
  const run = async (change: DatasetChangeEvent | undefined) => {
    if (closed) return;
    if (running) {
      again = { change };
      return;
    }
    running = true;
    try {
      const send = request as unknown as (
        u: string | URL,
        d: TypedDocumentNode<TResult, TVariables>,
        v: unknown,
        o: RequestOptions,
      ) => Promise<TResult>;
      const data = await send(url, document, variables, {
        signal: controller.signal,
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      if (!closed) sink.next(data, change);
    } catch (error) {
      if (!closed) sink.error?.(error as Error);
    } finally {
      running = false;
      const next = again;
      again = undefined;
      if (next && !closed) void run(next.change);
    }
  };
  void run(undefined);
  const unsubscribe = subscribe(
    url,
    DatasetChangedDocument,
    {},
    {
      next: ({ datasetChanged }) => void run(datasetChanged),
      error: (e) => sink.error?.(e),
      connected: (reconnected) => {
        sink.connected?.(reconnected);
        if (reconnected) void run(undefined);
      },
    },
    options,
  );
  return {
    refresh: () => void run(undefined),
    close() {
      closed = true;
      controller.abort();
      unsubscribe();
    },
  };
}
