/**
 * graphql-codegen (client preset) for the web app: typed documents for the views' operations
 * (`src/views/*\/*.graphql`) against the printed API schema `apps/api/schema.graphql`. Works offline.
 *
 * `documentMode: "string"` makes each document a typed string (no graphql-js in the browser bundle); the app
 * sends its sha256 hash (`persistedDocuments`), not its text. The output, `src/gql/`, is committed; `pnpm --filter @cyclelens/web generate` rewrites it,
 * and `pnpm typecheck` runs it first (turbo: typecheck depends on generate), so an operation the schema no
 * longer accepts fails codegen, and a changed result type fails tsc.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

const webDir = path.dirname(fileURLToPath(import.meta.url));

const config: CodegenConfig = {
  overwrite: true,
  silent: false,
  errorsOnly: true,
  schema: path.join(webDir, "..", "api", "schema.graphql"),
  documents: [
    path.join(webDir, "src", "views", "**", "*.graphql"),
    path.join(webDir, "src", "lib", "*.graphql"),
  ],
  generates: {
    [`${path.join(webDir, "src", "gql")}${path.sep}`]: {
      preset: "client",
      // trusted documents: each document carries `__meta__.hash` (sha256) and `persisted-documents.json` maps
      // hash → text; the app sends only the hash, the API serves it from this committed manifest
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: {
        documentMode: "string",
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: "string" },
        enumsAsTypes: true,
        skipTypename: true,
        onlyOperationTypes: true,
      },
    },
  },
};
export default config;
