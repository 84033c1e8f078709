// pnpm db:seed — migrates DATABASE_URL if needed and fills an EMPTY database with the demo dataset.
//   pnpm db:seed            only when the database is empty
//   pnpm db:seed --force    upsert the demo rows anyway (idempotent)
import { createDatabase, migrate, seedDemo } from "@cyclelens/db";

const db = await createDatabase();
try {
  await migrate(db);
  const r = await seedDemo(db, { ifEmpty: !process.argv.includes("--force") });
  if (r.skipped) console.log(`${db.url}: not empty, demo seed skipped (use --force to upsert the demo rows)`);
  else
    console.log(
      `${db.url}: demo dataset seeded in ${Math.round(r.durationMs)} ms — bars +${r.bars.inserted} (${r.bars.updated} updated), ` +
        `observations +${r.observations.inserted}, valuations +${r.valuations.inserted}, positioning +${r.positioning.inserted}`,
    );
} catch (e) {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
