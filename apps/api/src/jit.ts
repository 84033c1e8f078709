/**
 * graphql-jit execution (`CYCLELENS_GRAPHQL_JIT`, on by default), isolated here so it is one line to remove.
 *
 * graphql-jit 0.8 does not apply the default value of a non-null variable (`$symbols: [String!]! = ["IWM"]`)
 * when the request omits it, and rejects a spec-valid operation with "Variable … was not provided". The
 * `useVariableDefaults` plugin below fills omitted variables from their defaults, as raw literals (so the
 * JIT still coerces them itself, custom scalars included), before the JIT executes.
 */
import { useGraphQlJit } from "@envelop/graphql-jit";
import {
  type DefinitionNode,
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
  valueFromASTUntyped,
} from "graphql";
import type { Plugin } from "graphql-yoga";

function useVariableDefaults(): Plugin {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION &&
          (!args.operationName || d.name?.value === args.operationName),
      );
      const definitions =
        operation?.variableDefinitions?.filter((v: VariableDefinitionNode) => v.defaultValue) ?? [];
      if (definitions.length === 0) return;
      const provided = (args.variableValues ?? {}) as Record<string, unknown>;
      const filled: Record<string, unknown> = { ...provided };
      for (const v of definitions) {
        const name = v.variable.name.value;
        if (!(name in provided)) filled[name] = valueFromASTUntyped(v.defaultValue!);
      }
      args.variableValues = filled;
    },
  };
}

/** The plugins that make operations run with graphql-jit. */
export function useJitExecution(): Plugin[] {
  return [useVariableDefaults(), useGraphQlJit() as Plugin];
}
