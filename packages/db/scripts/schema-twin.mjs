// Derives the PostgreSQL schema from the SQLite one: same models, another provider, env var and client output.
// Used by scripts/generate.mjs and by the drift test (src/schema.test.ts).

const HEADER =
  "// GENERATED from prisma/schema.prisma by packages/db/scripts/generate.mjs. DO NOT EDIT: edit prisma/schema.prisma\n" +
  "// and run `pnpm --filter @cyclelens/db generate`.\n";

/** @param {string} sqlite the text of prisma/schema.prisma */
export function postgresTwin(sqlite) {
  let out = sqlite;
  const replace = (from, to) => {
    if (!out.includes(from)) throw new Error(`schema-twin: expected to find ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  };
  replace('provider = "sqlite"', 'provider = "postgresql"');
  replace('env("CYCLELENS_PRISMA_SQLITE_URL")', 'env("CYCLELENS_PRISMA_POSTGRES_URL")');
  replace(
    'output                 = "../packages/db/src/generated/sqlite"',
    'output                 = "../../packages/db/src/generated/postgres"',
  );
  return HEADER + out;
}
