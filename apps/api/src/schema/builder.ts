/**
 * The Pothos schema builder. Defines no types: each domain file under `schema/` defines its own types and
 * the query fields that return them, and `schema/index.ts` imports them all.
 */
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "../context.js";
import WorkMeterPlugin from "./work-meter.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  /** `Date` travels as YYYY-MM-DD and is an epoch day (days since 1970-01-01) inside resolvers. */
  Scalars: { Date: { Input: number; Output: number } };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin, ComplexityPlugin, WorkMeterPlugin],
  defaultFieldNullability: false,
  // Fields declare their estimated cost with `complexity` (see limits.ts); the limit is checked once per
  // operation by the `useQueryLimits` yoga plugin, before execution, so the plugin's own check is off.
  complexity: { disabled: true, defaultComplexity: 1, defaultListMultiplier: 10 },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: "Relay pagination state of a connection." },
    hasNextPageFieldOptions: { description: "True when more items follow the last one returned." },
    hasPreviousPageFieldOptions: { description: "True when items precede the first one returned." },
    startCursorFieldOptions: { description: "Cursor of the first item returned." },
    endCursorFieldOptions: { description: "Cursor of the last item returned." },
    // The connection field's own complexity multiplies by the page size; the edges list must not multiply again.
    edgesFieldOptions: {
      description: "The items of this page with their cursors.",
      complexity: { field: 1, multiplier: 1 },
    },
    pageInfoFieldOptions: { description: "Where this page sits in the whole list." },
    cursorFieldOptions: { description: "Opaque cursor of this item, for `after` / `before`." },
    nodeFieldOptions: { description: "The item." },
    firstArgOptions: { description: "Return at most this many items from the start (after `after`)." },
    lastArgOptions: { description: "Return at most this many items from the end (before `before`)." },
    afterArgOptions: { description: "Start after the item with this cursor." },
    beforeArgOptions: { description: "End before the item with this cursor." },
  },
});
