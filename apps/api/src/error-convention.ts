/**
 * The error convention applied to every GraphQL error the server sends (a yoga plugin; the codes are listed in
 * the README):
 *
 * - **Every error carries `extensions.code`**: syntax errors `GRAPHQL_PARSE_FAILED`, validation errors
 *   `GRAPHQL_VALIDATION_FAILED`, bad argument values and variables `BAD_USER_INPUT`; errors that already have a
 *   code keep it.
 * - **Every `BAD_USER_INPUT` names its argument**, also for literals checked during validation (a bad `Date` in
 *   `range: { from: "0000-02-29" }` → `argument: "range.from"`) and for variables (`$r` used as `range`, invalid
 *   at `r.from` → `argument: "range.from"`, `variable: "$r.from"`).
 * - **Echoed input is capped**: a message keeps at most {@link MAX_MESSAGE} characters and an extension string at
 *   most {@link MAX_EXTENSION} (5 MB of junk used to come back as an 11.8 MB answer).
 */
import {
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  Kind,
  visit,
} from "graphql";
import type { Plugin } from "graphql-yoga";

export const MAX_MESSAGE = 400;
export const MAX_EXTENSION = 200;

const DOCUMENT = Symbol("cyclelens.document");

/** Where each value node sits in the operation's arguments (`range.from`, `symbols[2]`), and each variable's first use. */
interface ArgumentPaths {
  values: Map<ASTNode, string>;
  variables: Map<string, string>;
}

const pathsCache = new WeakMap<DocumentNode, ArgumentPaths>();

function argumentPaths(document: DocumentNode): ArgumentPaths {
  const cached = pathsCache.get(document);
  if (cached) return cached;
  const values = new Map<ASTNode, string>();
  const variables = new Map<string, string>();
  const stack: string[] = [];
  let inArgument = 0;
  const current = () => stack.join(".").replaceAll(".[", "[");
  visit(document, {
    Argument: {
      enter(node) {
        inArgument++;
        stack.push(node.name.value);
      },
      leave() {
        inArgument--;
        stack.pop();
      },
    },
    ObjectField: {
      enter(node) {
        stack.push(node.name.value);
      },
      leave() {
        stack.pop();
      },
    },
    enter(node, key) {
      if (!inArgument) return;
      if (typeof key === "number" && node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD)
        stack.push(`[${key}]`);
      if (node.kind === Kind.VARIABLE && !variables.has(node.name.value))
        variables.set(node.name.value, current());
      values.set(node, current());
    },
    leave(node, key) {
      if (!inArgument) return;
      if (typeof key === "number" && node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD)
        stack.pop();
    },
  });
  const paths = { values, variables };
  pathsCache.set(document, paths);
  return paths;
}

const VARIABLE_ERROR = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"(?: got invalid value .*? at "([^"]+)")?/s;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters in all)`;
}

/** Adds the code and the argument to an error raised on a value of the operation's arguments or variables. */
function nameArgument(error: GraphQLError, document: DocumentNode | undefined): void {
  const ext = error.extensions as Record<string, unknown>;
  if (ext.argument !== undefined) return;
  const variable = VARIABLE_ERROR.exec(error.message);
  if (variable) {
    const name = variable[1]!;
    const inner = variable[2]; // "r.from" (starts with the variable's name)
    const suffix = inner?.startsWith(name) ? inner.slice(name.length) : "";
    const use = document ? argumentPaths(document).variables.get(name) : undefined;
    ext.code = "BAD_USER_INPUT";
    ext.variable = `$${name}${suffix}`;
    ext.argument = use !== undefined ? `${use}${suffix}` : `$${name}${suffix}`;
    return;
  }
  const node = error.nodes?.[0];
  if (!document || !node) return;
  const path = argumentPaths(document).values.get(node);
  if (path === undefined) return;
  ext.code = "BAD_USER_INPUT";
  ext.argument = path;
  if (!error.message.startsWith("Invalid argument "))
    error.message = `Invalid argument ${path}: ${error.message}`;
}

/** A value-related validation error (wrong literal, missing input field or argument). */
const VALUE_ERROR =
  /^(Expected value of type|Expected type|Field "[^"]+" of required type "[^"]+" was not provided|Argument "[^"]+" of required type|Field "[^"]+" is not defined by type|String cannot represent|Int cannot represent|Float cannot represent|Boolean cannot represent|Enum "[^"]+" cannot represent|Value "[^"]*" does not exist)/;

function finish(error: GraphQLError | GraphQLFormattedError, fallback: string): void {
  const ext = (error.extensions ?? {}) as Record<string, unknown>;
  if (typeof ext.code !== "string") ext.code = fallback;
  for (const [k, v] of Object.entries(ext)) if (typeof v === "string") ext[k] = clip(v, MAX_EXTENSION);
  if (error.message.length > MAX_MESSAGE)
    (error as { message: string }).message = clip(error.message, MAX_MESSAGE);
}

export function useErrorConvention(): Plugin {
  return {
    onValidate({ params }) {
      const document = params.documentAST;
      return ({ result }) => {
        for (const error of result) {
          if (VALUE_ERROR.test(error.message) || error.extensions?.code === "BAD_USER_INPUT")
            nameArgument(error, document);
          finish(error, "GRAPHQL_VALIDATION_FAILED");
        }
      };
    },
    onExecute({ args }) {
      (args.contextValue as unknown as Record<symbol, unknown>)[DOCUMENT] = args.document;
    },
    onExecutionResult({ result, context }) {
      const results = Array.isArray(result) ? result : [result];
      const document = (context as unknown as Record<symbol, unknown> | undefined)?.[DOCUMENT] as
        | DocumentNode
        | undefined;
      for (const r of results) {
        const errors = (r as { errors?: GraphQLError[] } | undefined)?.errors;
        if (!errors) continue;
        for (const error of errors) {
          if (!error.extensions?.code && VARIABLE_ERROR.test(error.message)) nameArgument(error, document);
          if (error.extensions?.code === "BAD_USER_INPUT" && error.nodes) nameArgument(error, document);
          const syntax = error.message.startsWith("Syntax Error");
          finish(
            error,
            syntax ? "GRAPHQL_PARSE_FAILED" : error.path ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST",
          );
        }
      }
    },
  };
}
