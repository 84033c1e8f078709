/**
 * graphql-codegen (client preset): typed documents for the operations in `src/operations/*.graphql`
 * against the printed API schema. Works offline: it reads `apps/api/schema.graphql` (printed by
 * `pnpm --filter @cyclelens/api generate`). The output, `src/gql/`, is committed; `pnpm codegen` rewrites it
 * and `src/codegen.test.ts` fails when it is stale.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

const packageDir = path.dirname(fileURLToPath(import.meta.url));

/** Where the generated files are committed. */
export const OUTPUT_DIR = path.join(packageDir, "src", "gql");

/** The configuration; the output folder is a parameter so the staleness test can generate into a temp folder. */
export function codegenConfig(outputDir: string = OUTPUT_DIR): CodegenConfig {
  return {
    overwrite: true,
    silent: true,
    // NodeNext ESM: relative imports between the generated files carry the .js extension
    emitLegacyCommonJSImports: false,
    schema: path.join(packageDir, "..", "..", "apps", "api", "schema.graphql"),
    documents: [path.join(packageDir, "src", "operations", "*.graphql")],
    generates: {
      // the client preset wants a folder, written with a trailing slash
      [`${outputDir}${path.sep}`]: {
        preset: "client",
        // trusted documents: each generated document carries `__meta__.hash` (sha256 of its printed text) and
        // `persisted-documents.json` maps hash → text; the API serves these hashes (its README, "Persisted documents")
        presetConfig: {
          fragmentMasking: false,
          persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
        },
        config: {
          useTypeImports: true,
          strictScalars: true,
          scalars: { Date: "string" },
          enumsAsTypes: true,
          skipTypename: true,
          // only what the operations use (their results, variables, inputs, enums): schema additions the
          // operations do not touch leave src/gql unchanged
          onlyOperationTypes: true,
        },
      },
    },
  };
}

const config: CodegenConfig = codegenConfig();
export default config;
