/**
 * The API's error convention (documented in the README):
 *
 * - `NOT_FOUND`: an unknown instrument symbol or economic series code; `extensions.kind` and
 *   `extensions.name` say which.
 * - `BAD_USER_INPUT`: an invalid argument; `extensions.argument` names it and the message states the
 *   limit or the expected form.
 * - `QUERY_LIMIT_EXCEEDED`: the operation is too deep, too costly or uses too many aliases;
 *   `extensions.limit`, `extensions.max` and `extensions.actual` say which and by how much.
 * - Anything else is an internal error: masked as "Unexpected error." unless NODE_ENV=development.
 */
import { InvalidArgumentError } from "@cyclelens/core";
import { GraphQLError } from "graphql";

export function notFound(kind: string, name: string, hint?: string): GraphQLError {
  return new GraphQLError(`Unknown ${kind} ${JSON.stringify(name)}${hint ? `; ${hint}` : ""}`, {
    extensions: { code: "NOT_FOUND", kind, name },
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
