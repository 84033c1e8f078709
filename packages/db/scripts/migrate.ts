// pnpm db:migrate — applies the committed migrations to DATABASE_URL (default: file:./data/cyclelens.db).
import { createDatabase, migrate } from "@cyclelens/db";

const db = await createDatabase();
try {
  const t0 = performance.now();
  const r = await migrate(db, { log: (m) => console.log(m) });
  console.log(
    `${db.url}: ${r.applied.length} migration(s) applied, ${r.alreadyApplied} already applied (${Math.round(performance.now() - t0)} ms)`,
  );
} catch (e) {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
