/**
 * `graphql(source)`: a GraphQL operation as a typed document for {@link request}.
 *
 * - The sources of the ready-made operations (`src/operations/*.graphql`) return their generated
 *   documents (the same objects as `DashboardDocument`, … — import those for their full types).
 * - Any other operation is parsed once (and cached) with graphql-js, so it runs at once. Its result
 *   and variables are typed by the type arguments you pass — the types codegen generates for it
 *   (README: "Your own typed operations") — and default to a JSON object, never `unknown`.
 * - An invalid operation throws graphql-js's syntax `GraphQLError`.
 *
 * (The client preset's own `graphql()` returned `{}` for operations it had not generated, typed as
 * `unknown`, which `request` then failed to print with a TypeError.)
 *
 * @example
 * const Latest = graphql<{ dataset: { label: string } }>("query Latest { dataset { label } }");
 * const data = await request(url, Latest); // data.dataset.label: string
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, parse } from "graphql";
import { graphql as generated } from "./gql/gql.js";

/** A JSON object: the default result and variables type of an operation typed by nothing else. */
export type JsonObject = { [key: string]: unknown };

const parsed = new Map<string, DocumentNode>();

export function graphql<TResult = JsonObject, TVariables = JsonObject>(
  source: string,
): TypedDocumentNode<TResult, TVariables> {
  const known = (generated as (s: string) => unknown)(source);
  if (known !== null && typeof known === "object" && "kind" in known) {
    return known as TypedDocumentNode<TResult, TVariables>;
  }
  let document = parsed.get(source);
  if (!document) {
    document = parse(source);
    parsed.set(source, document);
  }
  return document as TypedDocumentNode<TResult, TVariables>;
}
