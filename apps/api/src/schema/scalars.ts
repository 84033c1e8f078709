/**
 * Shared input and scalar types: the `Date` scalar and the `DateRange` input used by every field that
 * reads a span of history, plus the helper that validates a range against the configured limits.
 */
import { formatISODate, InvalidArgumentError, MAX_DATE, MIN_DATE, parseISODate } from "@cyclelens/core";
import { GraphQLError, Kind, type ValueNode } from "graphql";
import type { Context } from "../context.js";
import { formatDay } from "../day-format.js";
import { badInput, echo } from "../errors.js";
import { builder } from "./builder.js";

/**
 * The `Date` scalar's one parser: @cyclelens/core's `parseISODate` (the calendar of the importer and the
 * database: 1800-01-01 to 2199-12-31). Its errors carry BAD_USER_INPUT; the argument they belong to is added by
 * `src/errors-plugin.ts`, which knows where the value sits in the operation.
 */
function parseDate(value: unknown, node?: ValueNode): number {
  if (typeof value !== "string") {
    throw new GraphQLError(
      `Date must be a string YYYY-MM-DD, got ${value === null ? "null" : typeof value}`,
      {
        extensions: { code: "BAD_USER_INPUT" },
      },
    );
  }
  try {
    return parseISODate(value);
  } catch (error) {
    const reason = error instanceof InvalidArgumentError ? error.reason : "is not a calendar date YYYY-MM-DD";
    throw new GraphQLError(`${echo(value)} ${reason}`, {
      nodes: node,
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
}

export const DateScalar = builder.scalarType("Date", {
  description: `A calendar date YYYY-MM-DD with no time of day or time zone: a bar dated 2024-09-18 is that trading day on every machine. Supported from ${MIN_DATE} to ${MAX_DATE}; other dates are rejected (BAD_USER_INPUT naming the argument), never shifted.`,
  // RFC 3339 `full-date`: tools (graphql-codegen, gql.tada) learn the format from @specifiedBy
  specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  serialize: (day) => formatDay(day as number),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Date must be a string literal YYYY-MM-DD", {
        nodes: ast,
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return parseDate(ast.value, ast);
  },
});

export const DateRangeInput = builder.inputType("DateRange", {
  description:
    "An inclusive span of calendar dates. Either end may be omitted: no `from` means the start of the data, no `to` means the latest data.",
  fields: (t) => ({
    from: t.field({ type: "Date", required: false, description: "First date included (inclusive)." }),
    to: t.field({ type: "Date", required: false, description: "Last date included (inclusive)." }),
  }),
});

/** A validated range in epoch days; `undefined` ends are open. */
export interface DayRange {
  from?: number;
  to?: number;
}

/**
 * Validates a `DateRange` argument: `from` must not be after `to`, and the span must not exceed the
 * configured `maxRangeYears`. `argument` names the argument in the error (e.g. `range`, `peakWithin`).
 */
export function dayRange(
  range: { from?: number | null; to?: number | null } | null | undefined,
  ctx: Context,
  argument = "range",
): DayRange {
  const from = range?.from ?? undefined;
  const to = range?.to ?? undefined;
  if (from !== undefined && to !== undefined) {
    if (from > to) {
      throw badInput(argument, `from (${formatISODate(from)}) is after to (${formatISODate(to)})`);
    }
    const maxDays = Math.round(ctx.config.limits.maxRangeYears * 365.25);
    if (to - from > maxDays) {
      throw badInput(
        argument,
        `spans ${((to - from) / 365.25).toFixed(1)} years; the limit is ${ctx.config.limits.maxRangeYears} years`,
      );
    }
  }
  return { from, to };
}
