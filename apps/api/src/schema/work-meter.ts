/**
 * A small Pothos plugin that connects the schema to the request budget (`src/budget.ts`):
 *
 * - every field that returns a list charges one unit per item it returned (cycles, rows, moves, edges…; the
 *   point lists charge before they are built, in `toPoints`);
 * - every field that does work (root fields, fields with arguments, lists) first checks that the request
 *   was not stopped (time budget, work budget, client gone), so a stopped request stops descending.
 *
 * Scalar fields without arguments (a point's date and value…) are left unwrapped: they cost nothing and run
 * hundreds of thousands of times in a large answer.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import type { RequestBudget } from "../budget.js";

const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof v === "object" && v !== null && typeof (v as Promise<unknown>).then === "function";

function chargeList(budget: RequestBudget | undefined, value: unknown): unknown {
  if (budget && Array.isArray(value)) budget.charge(value.length);
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
    return (parent, args, context, info) => {
      const budget = (context as { budget?: RequestBudget }).budget;
      budget?.throwIfStopped();
      const result = resolver(parent, args, context, info);
      if (!isList) return result;
      return isPromise(result) ? result.then((v) => chargeList(budget, v)) : chargeList(budget, result);
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
