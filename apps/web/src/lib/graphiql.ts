/**
 * The "query" button: a link that opens a view's exact operation in GraphiQL (`/graphql?query=…`). GraphiQL
 * takes the query from the URL but not the variables, so the view's current inputs are written into the
 * operation as its variables' default values: pressing ▶ runs what the view shows.
 */
import { GRAPHQL_PATH } from "./api";

/** A JSON value as a GraphQL literal (objects with bare keys, enums and strings told apart by `enumValues`). */
export function toGraphQLLiteral(value: unknown, isEnum = false): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => toGraphQLLiteral(v, isEnum)).join(", ")}]`;
  if (typeof value === "object")
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${toGraphQLLiteral(v)}`)
      .join(", ")} }`;
  if (typeof value === "string") return isEnum ? value : JSON.stringify(value);
  return String(value);
}

/**
 * Rewrites the operation's variable definitions so each variable given in `variables` defaults to its value:
 * `query V($base: String!, $from: Date)` with { base: "IWM" } → `query V($base: String! = "IWM", $from: Date)`.
 * Variables whose type names an enum (in `enums`) are written bare.
 */
export function withVariableDefaults(
  query: string,
  variables: Record<string, unknown>,
  enums: readonly string[] = [],
): string {
  const open = query.indexOf("(");
  const brace = query.indexOf("{");
  if (open < 0 || open > brace) return query;
  let depth = 0;
  let close = open;
  for (; close < query.length; close++) {
    const c = query[close];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (depth === 0) break;
  }
  const definitions = query
    .slice(open + 1, close)
    .split(/(?=\$)/)
    .map((d) => d.trim().replace(/,$/, "").trim())
    .filter(Boolean)
    .map((definition) => {
      const match = /^\$(\w+)\s*:\s*([^=]+?)\s*(?:=\s*(.+))?$/s.exec(definition);
      if (!match) return definition;
      const [, name = "", type = ""] = match;
      const value = variables[name];
      if (value === undefined) return definition;
      const named = type.replace(/[[\]!\s]/g, "");
      return `$${name}: ${type} = ${toGraphQLLiteral(value, enums.includes(named))}`;
    });
  return `${query.slice(0, open)}(\n  ${definitions.join("\n  ")}\n)${query.slice(close + 1)}`;
}

/** The GraphiQL URL of an operation with the view's variables. */
export function graphiqlHref(
  query: string,
  variables: Record<string, unknown>,
  enums: readonly string[] = [],
): string {
  return `${GRAPHQL_PATH}?query=${encodeURIComponent(withVariableDefaults(query, variables, enums))}`;
}
