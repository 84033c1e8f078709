import path from "node:path";
import { DatabaseConfigError } from "./errors.js";
import { repoRoot } from "./paths.js";
import type { Provider } from "./types.js";

export const DEFAULT_DATABASE_URL = "file:./data/cyclelens.db";

export type ResolvedUrl =
  | { provider: "sqlite"; url: string; file: string; display: string }
  | {
      provider: "postgresql";
      url: string;
      connectionString: string;
      schema: string | undefined;
      display: string;
    };

/**
 * Resolves a database URL. `file:` (relative paths against the repo root, or `file::memory:`) → SQLite;
 * `postgres://` / `postgresql://` → PostgreSQL (an optional `?schema=` selects the schema). Anything else throws
 * DatabaseConfigError.
 */
export function resolveDatabaseUrl(input: string | undefined): ResolvedUrl {
  const raw = (input ?? process.env.DATABASE_URL ?? "").trim() || DEFAULT_DATABASE_URL;
  const fail = (why: string): never => {
    throw new DatabaseConfigError(
      `DATABASE_URL ${JSON.stringify(redact(raw))} ${why}; expected file:./path.db (SQLite) or postgresql://user@host:5432/db`,
    );
  };
  if (raw.startsWith("file:")) {
    const rest = raw.slice(5).split("?")[0]!;
    if (rest === ":memory:") return { provider: "sqlite", url: raw, file: ":memory:", display: raw };
    if (!rest || rest.startsWith("//")) fail("is not a valid SQLite file URL");
    const file = path.isAbsolute(rest) ? rest : path.resolve(repoRoot(), rest);
    return { provider: "sqlite", url: `file:${file}`, file, display: `file:${file}` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return fail("is not a valid URL");
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) fail("has no host");
    const schema = parsed.searchParams.get("schema") ?? undefined;
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) fail("has an invalid schema name");
    parsed.searchParams.delete("schema");
    const display = redactUrl(parsed, schema);
    return { provider: "postgresql", url: raw, connectionString: parsed.toString(), schema, display };
  }
  if (!scheme) return fail("is malformed (no scheme)");
  return fail(`uses the unsupported scheme "${scheme}:"`);
}

export function providerOf(url: string | undefined): Provider {
  return resolveDatabaseUrl(url).provider;
}

function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}

function redactUrl(u: URL, schema: string | undefined): string {
  const copy = new URL(u.toString());
  if (copy.password) copy.password = "***";
  if (schema) copy.searchParams.set("schema", schema);
  return copy.toString();
}
