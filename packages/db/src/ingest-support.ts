/**
 * Added for packages/ingest (kept apart from the db package's own files; owner: ingest).
 *
 * The importer's provenance rule needs one thing the public Repositories do not offer: deleting the
 * demo rows of an instrument / series / segment *inside the same transaction* as the real rows'
 * upsert ("demo and real data never mix silently"). `transactionWithDemoPurge` is `db.transaction`
 * plus those deletes, on the same transaction client. (The demo dataset has no corporate actions today; the
 * delete is there so the rule holds for every table keyed by instrument.)
 */

import { recordChange } from "./changes.js";
import { internalsOf } from "./database.js";
import { dialectFor } from "./dialect.js";
import { createRepositories, type RawClient } from "./repositories.js";
import type { ChangeKind, Database, Repositories, TransactionOptions } from "./types.js";

/** Deletes rows whose source is "demo"; each returns the number of rows deleted. */
export interface DemoPurge {
  bars(instrumentId: number): Promise<number>;
  observations(seriesId: number): Promise<number>;
  valuations(instrumentId: number): Promise<number>;
  corporateActions(instrumentId: number): Promise<number>;
  positioning(segment: string): Promise<number>;
}

type TxClient = RawClient & {
  $transaction<T>(fn: (tx: RawClient) => Promise<T>, o: { maxWait: number; timeout: number }): Promise<T>;
};

/** Like `db.transaction`, with a {@link DemoPurge} bound to the same transaction. Rolls back on throw. */
export function transactionWithDemoPurge<T>(
  db: Database,
  fn: (tx: Repositories, purge: DemoPurge) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  const inner = internalsOf(db);
  const d = dialectFor(inner.resolved.provider);
  const client = inner.client as unknown as TxClient;
  const sql = {
    bars: `DELETE FROM daily_bars WHERE instrument_id = ${d.param(1, "int")} AND source = 'demo'`,
    observations: `DELETE FROM series_observations WHERE series_id = ${d.param(1, "int")} AND source = 'demo'`,
    valuations: `DELETE FROM valuation_snapshots WHERE instrument_id = ${d.param(1, "int")} AND source = 'demo'`,
    corporateActions: `DELETE FROM corporate_actions WHERE instrument_id = ${d.param(1, "int")} AND source = 'demo'`,
    positioning: `DELETE FROM positioning_observations WHERE segment = ${d.param(1, "text")} AND source = 'demo'`,
  };
  const result = client.$transaction(
    (tx) => {
      const source = options?.changeSource ?? inner.changeSource;
      const repos = createRepositories({ client: tx, dialect: d, atomically: (f) => f(tx), source });
      /**
       * Runs one delete; when it removed rows, bumps the dataset version and records the change (the change log)
       * in the same transaction.
       */
      const remove = async (statement: string, key: unknown, kind: ChangeKind, of: "i" | "s" | "-") => {
        const deleted = Number(await tx.$executeRawUnsafe(statement, key));
        if (deleted > 0)
          await recordChange(tx, d, source, {
            kinds: [kind],
            ...(of === "i"
              ? { instrumentIds: [Number(key)] }
              : of === "s"
                ? { seriesIds: [Number(key)] }
                : {}),
          });
        return deleted;
      };
      const purge: DemoPurge = {
        bars: (id) => remove(sql.bars, id, "bars", "i"),
        observations: (id) => remove(sql.observations, id, "observations", "s"),
        valuations: (id) => remove(sql.valuations, id, "valuations", "i"),
        corporateActions: (id) => remove(sql.corporateActions, id, "corporateActions", "i"),
        positioning: (segment) => remove(sql.positioning, segment, "positioning", "-"),
      };
      return fn(repos, purge);
    },
    { maxWait: 60_000, timeout: options?.timeoutMs ?? 600_000 },
  );
  return result.then((value) => {
    inner.afterCommit();
    return value;
  });
}
