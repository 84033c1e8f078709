/**
 * A small Pothos plugin that connects the schema to the request budget (`src/budget.ts`):
 *
 * - every field that returns a list charges one unit per item it returned (cycles, rows, moves, edges…; the
 *   point lists charge before they are built, in `toPoints`);
 * - every field that does work (root fields and fields with arguments: the analytics) is charged
 *   {@link CALL_UNITS} when it *starts*, before it awaits anything: a list of 1,600 cycles each asking for
 *   nested performance starts 1,600 resolvers in one synchronous pass, and their own charges (histories read)
 *   only come after their loads; the start charge stops such a burst while it is being created;
 * - every wrapped field first checks that the request was not stopped (time budget, work budget, client gone):
 *   a stopped request throws synchronously, and non-null lists stop at their first failed item.
 *
 * Scalar fields without arguments (a point's date and value…) are left unwrapped: they cost nothing and run
 * hundreds of thousands of times in a large answer.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { preCharged, type RequestBudget } from "../budget.js";

/** Units charged when a working field starts (its overhead: loaders, promises; ≈ 25 µs, see the API README). */
export const CALL_UNITS = 10;

const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof v === "object" && v !== null && typeof (v as Promise<unknown>).then === "function";

function chargeList(budget: RequestBudget | undefined, value: unknown): unknown {
  if (budget && Array.isArray(value) && !preCharged.has(value)) budget.charge(value.length);
  return value;
}

export class WorkMeterPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const isList = fieldConfig.type.kind === "List";
    const isRoot = fieldConfig.kind === "Query" || fieldConfig.kind === "Mutation";
    const hasArgs = Object.keys(fieldConfig.args).length > 0;
    if (!isList && !isRoot && !hasArgs) return resolver;
    const run = (
      budget: RequestBudget | undefined,
      parent: unknown,
      args: object,
      context: Types["Context"],
      info: GraphQLResolveInfo,
    ) => {
      if (budget) {
        if (isRoot || hasArgs) budget.charge(CALL_UNITS);
        else budget.throwIfStopped();
      }
      const result = resolver(parent, args, context, info);
      if (!isList) return result;
      return isPromise(result) ? result.then((v) => chargeList(budget, v)) : chargeList(budget, result);
    };
    return (parent, args, context, info) => {
      const budget = (context as { budget?: RequestBudget }).budget;
      // A yield point: after a long slice, the field waits for the next turn of the event loop (budget.pause).
      const gate = budget?.pause();
      if (gate) return gate.then(() => run(budget, parent, args, context, info));
      return run(budget, parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      workMeter: WorkMeterPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("workMeter", WorkMeterPlugin);

export default "workMeter" as const;
