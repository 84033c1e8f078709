/**
 * Query limits as one yoga plugin (remove it from `server.ts` and the limits are gone):
 *
 * - **depth**: the deepest chain of nested field selections, fragments expanded, introspection
 *   fields (`__schema`, `__type`) not counted;
 * - **aliases**: the number of aliased fields in the document;
 * - **cost**: an estimate of the work, *instruments × data points*, computed before execution with the
 *   request's variables. A field declares its cost in its schema extensions (see {@link FieldCost}):
 *   `points` for the data points it returns (a series over a range, a page of bars) and `multiplier`
 *   for the number of items a list field returns (the symbols asked for). A field costs its points
 *   times the product of the multipliers above it, plus 1 per object field.
 *
 * The range length and the number of symbols are checked by the fields themselves (`BAD_USER_INPUT`).
 */

import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Limits } from "./config.js";
import { limitExceeded } from "./errors.js";

/** The cost a field declares in `extensions.cost`; both functions receive the coerced arguments. */
export interface FieldCost {
  /** Data points this field returns for one parent. */
  points?: (args: Record<string, unknown>) => number;
  /** How many items this (list) field returns, multiplying the cost of everything below it. */
  multiplier?: (args: Record<string, unknown>) => number;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

function* fieldsOf(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      yield* fieldsOf(selection.selectionSet, fragments, seen);
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      yield* fieldsOf(fragment.selectionSet, fragments, new Set(seen).add(name));
    }
  }
}

function depthOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  let max = 0;
  for (const field of fieldsOf(selectionSet, fragments)) {
    if (field.name.value.startsWith("__")) continue;
    const d = 1 + (field.selectionSet ? depthOf(field.selectionSet, fragments) : 0);
    if (d > max) max = d;
  }
  return max;
}

/** Validation rule: maximum selection depth. */
export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context.getDocument()));
      if (depth > maxDepth) {
        context.reportError(
          limitExceeded(
            "depth",
            maxDepth,
            depth,
            `Query depth ${depth} exceeds the maximum depth of ${maxDepth}.`,
          ),
        );
      }
    },
  });
}

/** Validation rule: maximum number of aliases in the document. */
export function maxAliasesRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count++;
      },
      Document: {
        leave() {
          if (count > maxAliases) {
            context.reportError(
              limitExceeded(
                "aliases",
                maxAliases,
                count,
                `The query uses ${count} aliases; the maximum is ${maxAliases}.`,
              ),
            );
          }
        },
      },
    };
  };
}

/**
 * Estimates the cost of the operation to execute (see the module comment). Returns `undefined` when the
 * variables do not coerce (execution reports that error itself).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): number | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments = fragmentsOf(document);
  const root =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return undefined;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, multiplier: number): number => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    let total = 0;
    for (const node of fieldsOf(selectionSet, fragments)) {
      if (node.name.value.startsWith("__")) continue;
      const def = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
      if (!def) continue;
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(def, node, variables);
      } catch {
        // invalid arguments: execution reports them
      }
      const cost = def.extensions?.cost as FieldCost | undefined;
      const points = cost?.points ? Math.max(0, cost.points(args)) : 0;
      const named = getNamedType(def.type);
      const isObjectLike = isObjectType(named) || isInterfaceType(named);
      total += multiplier * (points + (isObjectLike ? 1 : 0));
      if (node.selectionSet) {
        const childMultiplier = multiplier * (cost?.multiplier ? Math.max(1, cost.multiplier(args)) : 1);
        total += walk(node.selectionSet, named, childMultiplier);
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root, 1);
}

/** The yoga plugin enforcing the three limits. */
export function useQueryLimits(limits: Limits): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(maxDepthRule(limits.maxDepth));
      addValidationRule(maxAliasesRule(limits.maxAliases));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues);
      if (cost !== undefined && cost > limits.maxCost) {
        setResultAndStopExecution({
          errors: [
            limitExceeded(
              "cost",
              limits.maxCost,
              Math.round(cost),
              `The query's estimated cost ${Math.round(cost)} (instruments × data points) exceeds the maximum of ${limits.maxCost}; ask for fewer instruments or a shorter range.`,
            ),
          ],
        });
      }
    },
  };
}
