/**
 * A tiny typed GraphQL-over-HTTP request: a typed document in, its typed data out. Uses the global
 * `fetch` (Node ≥ 18, browsers); no runtime dependency beyond `graphql`'s printer.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, type OperationDefinitionNode, print } from "graphql";

/** One entry of a GraphQL response's `errors`, as the CycleLens API sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  /** `code` is NOT_FOUND, BAD_USER_INPUT, QUERY_LIMIT_EXCEEDED, … (see the API's error convention). */
  extensions?: { code?: string; [key: string]: unknown };
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

  /** `extensions.code` of the first error, e.g. NOT_FOUND. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface RequestOptions {
  /** Extra headers, e.g. authorization. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

/** Variables are optional when the operation has none or all have defaults. */
type VariablesArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

const printed = new WeakMap<DocumentNode, { query: string; operationName: string | undefined }>();

function printDocument(document: DocumentNode) {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    entry = { query: print(document), operationName: operation?.name?.value };
    printed.set(document, entry);
  }
  return entry;
}

/**
 * POSTs `document` with `variables` to `url` and returns the typed `data`. Throws a
 * {@link GraphQLRequestError} when the response carries errors (its `code` is the first error's
 * `extensions.code`), on an HTTP error, or when the body is not a GraphQL response.
 *
 *   const data = await request(url, KreDrawdownDocument, { symbol: "KRE" });
 *   data.instrument.drawdown.drawdown; // number | null | undefined
 */
export async function request<TResult, TVariables>(
  url: string | URL,
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables, options = {}]: VariablesArgs<TVariables>
): Promise<TResult> {
  const { query, operationName } = printDocument(document);
  const response = await (options.fetch ?? fetch)(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...options.headers,
    },
    body: JSON.stringify({ query, operationName, variables: variables ?? undefined }),
    signal: options.signal ?? null,
  });
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
