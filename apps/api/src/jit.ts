/**
 * graphql-jit execution (`CYCLELENS_GRAPHQL_JIT`, on by default), isolated here so it is one line to remove.
 *
 * graphql-jit 0.8 does not apply the default value of a non-null variable (`$symbols: [String!]! = ["IWM"]`)
 * when the request omits it, and rejects a spec-valid operation with "Variable … was not provided". The
 * `useVariableDefaults` plugin below fills omitted variables from their defaults, as raw literals (so the
 * JIT still coerces them itself, custom scalars included), before the JIT executes.
 *
 * graphql-jit also words variable errors its own way (an invalid nested variable was reported under another
 * variable's name, without `extensions.code`). `useGraphQLJsVariables` coerces the variables with graphql-js
 * first and answers its errors, so clients see the same messages with or without the JIT; the JIT only runs
 * operations whose variables graphql-js accepted (`test/errors.test.ts` compares both on bad input).
 */
import { useGraphQlJit } from "@envelop/graphql-jit";
import {
  type DefinitionNode,
  type DocumentNode,
  getOperationAST,
  getVariableValues,
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

function useGraphQLJsVariables(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document as DocumentNode, args.operationName);
      if (!operation?.variableDefinitions?.length) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions,
        (args.variableValues ?? {}) as Record<string, unknown>,
        { maxErrors: 10 },
      );
      if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors });
    },
  };
}

/** The plugins that make operations run with graphql-jit. */
export function useJitExecution(): Plugin[] {
  return [useGraphQLJsVariables(), useVariableDefaults(), useGraphQlJit() as Plugin];
}
