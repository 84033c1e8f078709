/**
 * Shared input and scalar types: the `Date` scalar and the `DateRange` input used by every field that
 * reads a span of history, plus the helper that validates a range against the configured limits.
 */
import { formatISODate, parseISODate } from "@cyclelens/core";
import { GraphQLError, Kind } from "graphql";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { builder } from "./builder.js";

function parseDate(value: unknown): number {
  if (typeof value !== "string") {
    throw new GraphQLError(`Date must be a string YYYY-MM-DD, got ${typeof value}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  try {
    return parseISODate(value);
  } catch {
    throw new GraphQLError(`${JSON.stringify(value)} is not a calendar date YYYY-MM-DD`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
}

export const DateScalar = builder.scalarType("Date", {
  description:
    "A calendar date YYYY-MM-DD with no time of day or time zone: a bar dated 2024-09-18 is that trading day on every machine.",
  // RFC 3339 `full-date`: tools (graphql-codegen, gql.tada) learn the format from @specifiedBy
  specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  serialize: (day) => formatISODate(day as number),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Date must be a string literal YYYY-MM-DD", {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return parseDate(ast.value);
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
