/**
 * Persisted (trusted) documents: `@graphql-yoga/plugin-persisted-operations` fed by the committed manifests
 * that graphql-codegen's client preset writes (`persistedDocuments`): `@cyclelens/client`'s
 * `persisted-documents.json` and the web app's `src/gql/persisted-documents.json`, each mapping a document's
 * sha256 hash to its text.
 *
 * - A request names a document by hash, by POST or GET: the APQ shape `extensions.persistedQuery.sha256Hash`
 *   (what `@cyclelens/client` and the web app send) or `documentId` (the GraphQL-over-HTTP draft; `sha256:`
 *   prefix optional).
 * - An unknown hash answers 400 `PERSISTED_QUERY_NOT_FOUND` (naming the hash), never "Must provide query
 *   string". There is no registration: only hashes in the manifests run (no APQ "send the text once").
 * - `CYCLELENS_PERSISTED_ONLY=on` is the allow-list mode: a document's text is refused with 403
 *   `PERSISTED_QUERY_ONLY`; default off, so GraphiQL and ad-hoc clients keep working.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { createGraphQLError, type GraphQLParams, type Plugin } from "graphql-yoga";
import { ConfigError } from "./config.js";

/** The manifests served by default: the client package's (its public export) and the web app's, when present. */
export function defaultManifests(): string[] {
  const client = createRequire(import.meta.url).resolve("@cyclelens/client/persisted-documents.json");
  const web = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "..",
    "..",
    "web",
    "src",
    "gql",
    "persisted-documents.json",
  );
  return [client, web];
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Reads manifests (hash → text) into one map. A named file that is missing or malformed stops the start
 * (`CYCLELENS_PERSISTED_DOCUMENTS`), except `optional` ones (the web app's, absent when it is not deployed).
 */
export function loadManifests(files: string[], optional: string[] = []): Map<string, string> {
  const documents = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if (optional.includes(file)) continue;
      throw new ConfigError(
        "CYCLELENS_PERSISTED_DOCUMENTS",
        `names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      throw new ConfigError("CYCLELENS_PERSISTED_DOCUMENTS", `names ${file}, which is not JSON`);
    }
    if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
      throw new ConfigError(
        "CYCLELENS_PERSISTED_DOCUMENTS",
        `names ${file}, which is not a { "<sha256>": "<document>" } object`,
      );
    }
    for (const [hash, document] of Object.entries(manifest)) {
      if (!HASH.test(hash) || typeof document !== "string") {
        throw new ConfigError(
          "CYCLELENS_PERSISTED_DOCUMENTS",
          `names ${file}, whose entry ${JSON.stringify(hash.slice(0, 80))} is not a sha256 hash with a document`,
        );
      }
      documents.set(hash, document);
    }
  }
  return documents;
}

/** The hash a request names: `extensions.persistedQuery.sha256Hash`, or `documentId` (body or GET parameter). */
export function persistedId(params: GraphQLParams, request: Request): string | null {
  const pq = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (pq && typeof pq === "object" && typeof pq.sha256Hash === "string") return pq.sha256Hash;
  let id = (params as { documentId?: unknown }).documentId;
  if (id == null && request.method === "GET") id = new URL(request.url).searchParams.get("documentId");
  if (typeof id !== "string") return null;
  return id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
}

export interface PersistedOptions {
  documents: Map<string, string>;
  /** Refuse documents sent as text (`CYCLELENS_PERSISTED_ONLY`). */
  only: boolean;
}

export function usePersistedDocuments({ documents, only }: PersistedOptions): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: persistedId,
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    customErrors: {
      notFound: ({ params, request }) => {
        const hash = persistedId(params, request) ?? "";
        return createGraphQLError(
          `Persisted document ${JSON.stringify(hash.slice(0, 80))} is not known to this server (PersistedQueryNotFound): send a hash from its persisted-documents.json`,
          {
            extensions: { code: "PERSISTED_QUERY_NOT_FOUND", hash: hash.slice(0, 80), http: { status: 400 } },
          },
        );
      },
      persistedQueryOnly: () =>
        createGraphQLError(
          "This server runs only persisted documents (CYCLELENS_PERSISTED_ONLY): send the document's sha256 hash in extensions.persistedQuery.sha256Hash or documentId, not its text",
          { extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 403 } } },
        ),
      keyNotFound: () =>
        createGraphQLError(
          only
            ? "Send a persisted document's sha256 hash in extensions.persistedQuery.sha256Hash or documentId"
            : "Must provide a query string or a persisted document's sha256 hash (extensions.persistedQuery.sha256Hash or documentId)",
          { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
        ),
    },
  });
}
