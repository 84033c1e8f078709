/**
 * The API's error convention (documented in the README):
 *
 * - `NOT_FOUND`: an unknown instrument symbol, economic series code or positioning segment;
 *   `extensions.kind` and `extensions.name` say which, `extensions.argument` names the argument.
 * - `DATA_UNAVAILABLE`: the name is known but the data the field needs is not there (no valuation
 *   snapshots stored, a window outside the stored history); `extensions.argument` names the argument,
 *   `extensions.available` gives the stored span when there is one, and the message says how to get the
 *   data. Partial answers are not errors: they carry a typed status on the result instead (see the README,
 *   "Missing, stale and out-of-range data").
 * - `BAD_USER_INPUT`: an invalid argument; `extensions.argument` names it and the message states the
 *   limit or the expected form.
 * - `QUERY_LIMIT_EXCEEDED`: the operation is too deep, too costly or uses too many aliases;
 *   `extensions.limit`, `extensions.max` and `extensions.actual` say which and by how much.
 * - Anything else is an internal error: masked as "Unexpected error." unless NODE_ENV=development.
 */
import { InvalidArgumentError } from "@cyclelens/core";
import { GraphQLError } from "graphql";

export function notFound(kind: string, name: string, hint?: string, argument?: string): GraphQLError {
  return new GraphQLError(`Unknown ${kind} ${JSON.stringify(name)}${hint ? `; ${hint}` : ""}`, {
    extensions: { code: "NOT_FOUND", kind, name, ...(argument ? { argument } : {}) },
  });
}

/**
 * The data a field needs is missing or outside what is stored. `available` is the stored span (ISO dates) when
 * there is one.
 */
export function dataUnavailable(
  argument: string,
  message: string,
  available?: { from: string; to: string } | null,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "DATA_UNAVAILABLE", argument, ...(available ? { available } : {}) },
  });
}

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument ${argument}: ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}

export function limitExceeded(limit: string, max: number, actual: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "QUERY_LIMIT_EXCEEDED", limit, max, actual } });
}

/**
 * Runs `fn` and turns a core `InvalidArgumentError` into `BAD_USER_INPUT`; the argument is reported
 * under `argumentName` when the caller knows how the GraphQL argument is called.
 */
export function userInput<T>(fn: () => T, argumentName?: (coreArgument: string) => string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      const name = argumentName ? argumentName(error.argument) : error.argument;
      throw badInput(name, `${JSON.stringify(error.value)} ${error.reason}`);
    }
    throw error;
  }
}
