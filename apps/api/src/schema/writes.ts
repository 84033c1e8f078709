/**
 * Writes behind a key: valuation snapshots and positioning observations have no free API, so besides the
 * CSV importer they can be pushed here. Every mutation needs the `x-cyclelens-key` header to equal
 * `CYCLELENS_WRITE_KEY`; without that variable the server is read-only. A mutation validates every row
 * first and writes all of them in one transaction, or nothing.
 *
 * Remove this file's import from `schema/index.ts` and the API has no writes at all.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { formatISODate } from "@cyclelens/core";
import type { UpsertResult } from "@cyclelens/db";
import { GraphQLError } from "graphql";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { builder } from "./builder.js";
import { requireInstrument } from "./instrument.js";

const MAX_ROWS = 5_000;
const SOURCE = /^[a-z0-9][a-z0-9_.+-]{0,39}$/i;

function requireWriteKey(ctx: Context): void {
  const expected = ctx.config.writeKey;
  if (!expected) {
    throw new GraphQLError("Writes are disabled on this server (CYCLELENS_WRITE_KEY is not set).", {
      extensions: { code: "FORBIDDEN" },
    });
  }
  const digest = (s: string) => createHash("sha256").update(s).digest();
  if (!ctx.presentedKey || !timingSafeEqual(digest(ctx.presentedKey), digest(expected))) {
    throw new GraphQLError("A valid x-cyclelens-key header is required for writes.", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
}

function sourceArg(source: string): string {
  if (!SOURCE.test(source) || source.toLowerCase() === "demo") {
    throw badInput(
      "source",
      `must be 1–40 letters, digits or _.+- and not "demo" (got ${JSON.stringify(source)})`,
    );
  }
  return source;
}

function rowsArg<T extends { date: number }>(argument: string, rows: readonly T[]): T[] {
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    throw badInput(argument, `must hold 1 to ${MAX_ROWS} rows (got ${rows.length})`);
  }
  const seen = new Set<number>();
  rows.forEach((r, i) => {
    if (seen.has(r.date)) throw badInput(`${argument}[${i}].date`, `${formatISODate(r.date)} appears twice`);
    seen.add(r.date);
  });
  return [...rows].sort((a, b) => a.date - b.date);
}

function bounded(
  argument: string,
  value: number | null | undefined,
  min: number,
  max: number,
): number | null {
  if (value == null) return null;
  if (!(value >= min && value <= max))
    throw badInput(argument, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

const WriteResultRef = builder.objectRef<UpsertResult>("WriteResult").implement({
  description: "What a write did: rows inserted, rows whose values changed, rows already stored as given.",
  fields: (t) => ({
    inserted: t.exposeInt("inserted", { description: "New rows." }),
    updated: t.exposeInt("updated", { description: "Existing rows whose values changed." }),
    unchanged: t.exposeInt("unchanged", { description: "Existing rows already holding these values." }),
  }),
});

const ValuationInput = builder.inputType("ValuationSnapshotInput", {
  description: "One valuation snapshot to store. Missing multiples are stored as unknown.",
  fields: (t) => ({
    date: t.field({ type: "Date", required: true, description: "Date of the snapshot." }),
    forwardPE: t.float({ required: false, description: "Forward P/E (0–1000)." }),
    trailingPE: t.float({ required: false, description: "Trailing P/E (0–1000)." }),
    priceToBook: t.float({ required: false, description: "Price/book (0–1000)." }),
    dividendYield: t.float({ required: false, description: "Dividend yield in percent (0–100)." }),
  }),
});

const PositioningInput = builder.inputType("PositioningObservationInput", {
  description: "One positioning observation to store.",
  fields: (t) => ({
    date: t.field({ type: "Date", required: true, description: "Observation date." }),
    value: t.float({
      required: true,
      description: "The value, in the unit given to the mutation (|value| ≤ 1,000,000).",
    }),
  }),
});

builder.mutationType({
  description:
    "Writes, behind the `x-cyclelens-key` header (see CYCLELENS_WRITE_KEY). Each is all-or-nothing.",
});

builder.mutationFields((t) => ({
  recordValuations: t.field({
    type: WriteResultRef,
    description: "Stores valuation snapshots of an instrument (upsert by instrument, date and source).",
    args: {
      symbol: t.arg.string({ required: true, description: "Instrument, e.g. IWM." }),
      source: t.arg.string({
        required: true,
        description: "Where the figures come from, e.g. factset (not demo).",
      }),
      snapshots: t.arg({
        type: [ValuationInput],
        required: true,
        description: `1 to ${MAX_ROWS} snapshots, distinct dates.`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      requireWriteKey(ctx);
      const source = sourceArg(args.source);
      const instrument = await requireInstrument(ctx, args.symbol);
      const rows = rowsArg("snapshots", args.snapshots).map((s, i) => ({
        date: formatISODate(s.date),
        forwardPE: bounded(`snapshots[${i}].forwardPE`, s.forwardPE, 0, 1000),
        trailingPE: bounded(`snapshots[${i}].trailingPE`, s.trailingPE, 0, 1000),
        priceToBook: bounded(`snapshots[${i}].priceToBook`, s.priceToBook, 0, 1000),
        dividendYield: bounded(`snapshots[${i}].dividendYield`, s.dividendYield, 0, 100),
      }));
      return ctx.db.transaction((tx) => tx.upsertValuations(instrument.id, rows, { source }));
    },
  }),
  recordPositioning: t.field({
    type: WriteResultRef,
    description: "Stores positioning observations of a segment (upsert by segment, date and source).",
    args: {
      segment: t.arg.string({
        required: true,
        description: "Segment, e.g. small_cap (lower-case letters, digits, _).",
      }),
      unit: t.arg.string({ required: true, description: "Unit of the values, e.g. net_pct_overweight." }),
      source: t.arg.string({ required: true, description: "Where the figures come from (not demo)." }),
      observations: t.arg({
        type: [PositioningInput],
        required: true,
        description: `1 to ${MAX_ROWS} observations, distinct dates.`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      requireWriteKey(ctx);
      const source = sourceArg(args.source);
      if (!/^[a-z0-9_]{1,40}$/.test(args.segment))
        throw badInput("segment", "must be 1–40 lower-case letters, digits or _");
      if (!/^[a-z0-9_%.-]{1,40}$/i.test(args.unit))
        throw badInput("unit", "must be 1–40 letters, digits or _%.-");
      const rows = rowsArg("observations", args.observations).map((o, i) => ({
        segment: args.segment,
        unit: args.unit,
        date: formatISODate(o.date),
        value: bounded(`observations[${i}].value`, o.value, -1e6, 1e6)!,
      }));
      return ctx.db.transaction((tx) => tx.upsertPositioning(rows, { source }));
    },
  }),
}));
