/**
 * A tiny typed GraphQL-over-HTTP request: a typed document in, its typed data out. Uses the global
 * `fetch` (Node ≥ 18, browsers); no runtime dependency beyond `graphql`'s printer.
 *
 * Trusted documents: the generated documents carry their sha256 hash (`__meta__.hash`, codegen's
 * `persistedDocuments`), and `request` sends only that hash (`extensions.persistedQuery.sha256Hash`, the APQ
 * shape), by POST or GET. The API knows these hashes from `persisted-documents.json` (exported as
 * `@cyclelens/client/persisted-documents.json`). A document without a hash (`graphql("…")`) goes as text.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, type OperationDefinitionNode, print } from "graphql";

/**
 * The `extensions.code` values the CycleLens API sends (its README, "Errors"): compare
 * `error.code` with these.
 */
export const ErrorCode = {
  /** Unknown instrument symbol, series code or positioning segment (`extensions.kind`, `name`). */
  NOT_FOUND: "NOT_FOUND",
  /** Invalid argument (`extensions.argument` names it; the message states the limit). */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The operation is too deep, has too many aliases or costs too much (`limit`, `max`, `actual`). */
  QUERY_LIMIT_EXCEEDED: "QUERY_LIMIT_EXCEEDED",
  /** A mutation without the right `x-cyclelens-key` header. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** Writes are disabled on this server. */
  FORBIDDEN: "FORBIDDEN",
  /** The operation does not parse. */
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** The operation does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** A persisted document hash the server does not know (`extensions.hash`). */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** The server accepts only persisted documents (its allow-list mode) and got a document's text. */
  PERSISTED_QUERY_ONLY: "PERSISTED_QUERY_ONLY",
  /** Anything else (the message is masked). */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** One of {@link ErrorCode}'s values (any other string a newer server may send is allowed too). */
export type CycleLensErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One entry of a GraphQL response's `errors`, as the CycleLens API sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  /** `code` is one of {@link ErrorCode}; the other keys depend on it (see there). */
  extensions?: { code?: CycleLensErrorCode | (string & {}); [key: string]: unknown };
}

/** The request failed: GraphQL errors in the response, an HTTP error or a body that is not a GraphQL response. */
export class GraphQLRequestError extends Error {
  override readonly name = "GraphQLRequestError";
  constructor(
    message: string,
    /** The response's GraphQL errors (empty for an HTTP or transport failure). */
    readonly errors: GraphQLErrorEntry[],
    /** HTTP status of the response. */
    readonly status: number,
    /** Partial data, when the server returned some alongside the errors. */
    readonly data?: unknown,
  ) {
    super(message);
  }

  /** `extensions.code` of the first error, e.g. `ErrorCode.NOT_FOUND`; `undefined` for an HTTP or transport failure. */
  get code(): CycleLensErrorCode | (string & {}) | undefined {
    return this.errors[0]?.extensions?.code;
  }

  /** Every error's code, in order (some responses carry several errors). */
  get codes(): (CycleLensErrorCode | (string & {}))[] {
    return this.errors.flatMap((e) => (e.extensions?.code === undefined ? [] : [e.extensions.code]));
  }
}

export interface RequestOptions {
  /** Extra headers, e.g. authorization. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Send a generated document's sha256 hash instead of its text (default `true`). Set `false` for a server that
   * does not know this package's `persisted-documents.json`; documents without a hash always go as text.
   */
  persisted?: boolean;
  /**
   * `POST` (default) or `GET`: a GET carries the operation in the URL (`?operationName=…&variables=…&extensions=…`),
   * which HTTP caches can keep; with a hash the URL stays short. Mutations always POST.
   */
  method?: "GET" | "POST";
}

/** Variables are optional when the operation has none or all have defaults. */
type VariablesArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

interface PrintedDocument {
  query: string;
  operationName: string | undefined;
  /** sha256 of the document's text in persisted-documents.json, when codegen embedded it. */
  hash: string | undefined;
  mutation: boolean;
}

const printed = new WeakMap<DocumentNode, PrintedDocument>();

/** The printed query, operation name and persisted hash of a document (memoised). */
export function printDocument(document: DocumentNode): PrintedDocument {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    entry = {
      query: print(document),
      operationName: operation?.name?.value,
      hash: typeof hash === "string" ? hash : undefined,
      mutation: operation?.operation === "mutation",
    };
    printed.set(document, entry);
  }
  return entry;
}

/** The HTTP request for one operation: the hash (APQ extension) or the text, by POST or GET. */
function httpRequest(
  url: string | URL,
  doc: PrintedDocument,
  variables: unknown,
  options: RequestOptions,
): { url: string | URL; init: RequestInit } {
  const byHash = options.persisted !== false && doc.hash !== undefined;
  const extensions = byHash ? { persistedQuery: { version: 1, sha256Hash: doc.hash } } : undefined;
  const headers = {
    accept: "application/graphql-response+json, application/json",
    ...options.headers,
  };
  if (options.method === "GET" && !doc.mutation) {
    const target = new URL(url);
    if (!byHash) target.searchParams.set("query", doc.query);
    if (doc.operationName) target.searchParams.set("operationName", doc.operationName);
    if (variables != null) target.searchParams.set("variables", JSON.stringify(variables));
    if (extensions) target.searchParams.set("extensions", JSON.stringify(extensions));
    return { url: target, init: { method: "GET", headers, signal: options.signal ?? null } };
  }
  return {
    url,
    init: {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        query: byHash ? undefined : doc.query,
        operationName: doc.operationName,
        variables: variables ?? undefined,
        extensions,
      }),
      signal: options.signal ?? null,
    },
  };
}

/**
 * Sends `document` with `variables` to `url` (by its hash when it has one, see the module comment) and returns
 * the typed `data`. Throws a
 * {@link GraphQLRequestError} when the response carries errors (its `code` is the first error's
 * `extensions.code`), on an HTTP error, or when the body is not a GraphQL response.
 *
 *   const data = await request(url, KreDrawdownDocument, { symbol: "KRE" });
 *   data.instrument?.drawdown?.drawdown; // number | null | undefined
 *
 * Fields that can fail are nullable in the schema; since any error throws here, a field that comes back is set.
 */
export async function request<TResult, TVariables>(
  url: string | URL,
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables, options = {}]: VariablesArgs<TVariables>
): Promise<TResult> {
  const doc = printDocument(document);
  const { operationName } = doc;
  const http = httpRequest(url, doc, variables, options);
  const response = await (options.fetch ?? fetch)(http.url, http.init);
  let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  if (body?.errors?.length) {
    const summary = body.errors
      .map((e) => (e.extensions?.code ? `${e.message} [${e.extensions.code}]` : e.message))
      .join("; ");
    throw new GraphQLRequestError(summary, body.errors, response.status, body.data ?? undefined);
  }
  if (!response.ok || body == null || body.data == null) {
    throw new GraphQLRequestError(
      `${operationName ?? "GraphQL request"} failed: HTTP ${response.status} ${response.statusText}${body ? "" : " (not a GraphQL response)"}`,
      [],
      response.status,
    );
  }
  return body.data;
}
