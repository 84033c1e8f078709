/**
 * Query limits as yoga plugins, every check linear in the size of the document (fragments are counted once,
 * never expanded again at each spread: the 21-fragment document that doubled the old walkers' time per fragment
 * is rejected in milliseconds):
 *
 * 1. **Before parsing** (`useDocumentGuard`): the document's size in bytes (`CYCLELENS_MAX_DOCUMENT_BYTES`) and its
 *    nesting of `{ [ (` (at most {@link maxNesting}), by one scan of the text, so a 4,000-deep selection never
 *    reaches the recursive parser.
 * 2. **While parsing and validating**: graphql-armor's maintained rules — tokens (`CYCLELENS_MAX_TOKENS`, the
 *    parser stops at the first token over the limit), depth (`CYCLELENS_MAX_DEPTH`, introspection not counted),
 *    aliases (`CYCLELENS_MAX_ALIASES`) and directives (`CYCLELENS_MAX_DIRECTIVES`); field suggestions are blocked
 *    when introspection is off.
 * 3. **Before execution**: the estimated cost of the operation with its variables, by `@pothos/plugin-complexity`.
 *    Every field declares its cost in the schema (`complexity`): 1 per field by default, and list fields a
 *    `multiplier` for the items they return — the trading days of a `range`, the symbols asked for, the cycles
 *    `minMoveBp` suggests — which multiplies the cost of everything selected below them. So the cost counts the
 *    values an answer holds: *instruments × data points × fields*.
 *
 * The estimate cannot know what the stored data holds (2,000,000 bars, 3,000 cycles); the request budget
 * (`budget.ts`) meters the work actually done against the same maximum. Errors follow the convention:
 * `QUERY_LIMIT_EXCEEDED` with `limit`, `max` and `actual`, HTTP 400.
 */
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type DocumentNode, type GraphQLError, getOperationAST, Kind, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Limits } from "./config.js";
import { limitExceeded } from "./errors.js";

/** Deepest nesting of `{ [ (` accepted before parsing: generous next to the depth limit, far below the parser's stack. */
export const maxNesting = (limits: Limits) => Math.max(32, limits.maxDepth * 4);

const badRequest = (error: GraphQLError): GraphQLError => {
  error.extensions.http = { status: 400 };
  return error;
};

/**
 * The deepest nesting of `{`, `[` and `(` in a GraphQL document, outside strings and comments; stops counting
 * (returns early) as soon as `stopAbove` is passed.
 */
export function nestingOf(source: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 123 || c === 91 || c === 40) {
      // { [ (
      if (++depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 125 || c === 93 || c === 41) {
      // } ] )
      if (depth > 0) depth--;
    } else if (c === 35) {
      // # comment to the end of the line
      while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    } else if (c === 34) {
      // "string" or """block string"""
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? n : end + 2;
      } else {
        i++;
        while (i < n) {
          const d = source.charCodeAt(i);
          if (d === 92)
            i += 2; // backslash escape
          else if (d === 34 || d === 10 || d === 13) break;
          else i++;
        }
      }
    }
  }
  return max;
}

/** Size and nesting of the document, checked on its text before it is parsed. */
function useDocumentGuard(limits: Limits): Plugin {
  const nesting = maxNesting(limits);
  return {
    onParams({ params, setResult }) {
      const query = params.query;
      if (typeof query !== "string") return;
      const bytes = query.length <= limits.maxDocumentBytes / 3 ? query.length : Buffer.byteLength(query);
      if (bytes > limits.maxDocumentBytes) {
        setResult({
          errors: [
            badRequest(
              limitExceeded(
                "documentBytes",
                limits.maxDocumentBytes,
                bytes,
                `The GraphQL document is ${bytes} bytes long; the maximum is ${limits.maxDocumentBytes}.`,
              ),
            ),
          ],
        });
        return;
      }
      const found = nestingOf(query, nesting);
      if (found > nesting) {
        setResult({
          errors: [
            badRequest(
              limitExceeded(
                "nesting",
                nesting,
                found,
                `The GraphQL document nests braces, brackets or parentheses more than ${nesting} deep.`,
              ),
            ),
          ],
        });
      }
    },
  };
}

/** graphql-armor's "… limit of N exceeded, found M." → M. */
const foundIn = (message: string): number | undefined => {
  const m = /found (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
};

function reportRule(limit: string, max: number, describe: (actual: number | undefined) => string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const actual = foundIn(error.message);
    const ours = badRequest(limitExceeded(limit, max, actual ?? max + 1, describe(actual)));
    if (context) context.reportError(ours);
    else throw ours;
  };
}

/** graphql-armor's token, depth, alias and directive limits, reporting in the API's error convention. */
function useArmor(limits: Limits, blockFieldSuggestions: boolean): Plugin {
  return EnvelopArmorPlugin({
    maxTokens: {
      n: limits.maxTokens,
      propagateOnRejection: false,
      onReject: [
        reportRule(
          "tokens",
          limits.maxTokens,
          () => `The GraphQL document has more than ${limits.maxTokens} tokens.`,
        ),
      ],
    },
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        reportRule(
          "depth",
          limits.maxDepth,
          (actual) => `Query depth ${actual ?? "?"} exceeds the maximum depth of ${limits.maxDepth}.`,
        ),
      ],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        reportRule(
          "aliases",
          limits.maxAliases,
          (actual) => `The query uses ${actual ?? "too many"} aliases; the maximum is ${limits.maxAliases}.`,
        ),
      ],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        reportRule(
          "directives",
          limits.maxDirectives,
          (actual) =>
            `The query uses ${actual ?? "too many"} directives; the maximum is ${limits.maxDirectives}.`,
        ),
      ],
    },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: blockFieldSuggestions },
  }) as Plugin;
}

/**
 * The estimated cost of the operation that will execute, with its variables (Pothos' complexity walk, which
 * computes each fragment once per type). `undefined` when the operation or its variables are invalid (execution
 * reports that itself).
 */
export function estimateCost(
  args: Parameters<NonNullable<Plugin["onExecute"]>>[0]["args"],
): number | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return undefined;
  // Pothos' walk takes the first operation of a document: give it the one that executes, with the fragments.
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      operation,
      ...(args.document as DocumentNode).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  try {
    return complexityFromQuery(document, {
      schema: args.schema,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
      ctx: args.contextValue as object,
    }).complexity;
  } catch {
    return undefined; // invalid variables or document: execution and validation report them
  }
}

/** The estimated-cost limit, before execution. */
function useCostLimit(limits: Limits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateCost(args);
      if (cost === undefined) return;
      (args.contextValue as { estimatedCost?: number }).estimatedCost = cost;
      if (cost > limits.maxCost) {
        setResultAndStopExecution({
          errors: [
            badRequest(
              limitExceeded(
                "cost",
                limits.maxCost,
                Math.round(cost),
                `The query's estimated cost ${Math.round(cost)} (instruments × data points × fields) exceeds the maximum of ${limits.maxCost}; ask for fewer instruments, a shorter range or fewer fields.`,
              ),
            ),
          ],
        });
      }
    },
  };
}

/** Every query limit, in the order they apply. Remove this line from `server.ts` and the limits are gone. */
export function useQueryLimits(limits: Limits, options: { blockFieldSuggestions: boolean }): Plugin[] {
  return [useDocumentGuard(limits), useArmor(limits, options.blockFieldSuggestions), useCostLimit(limits)];
}
