import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema'

/**
 * Runs `fn` in one transaction. Inside, use only `trx`: touching the outer `db` deadlocks on
 * PGlite's single connection.
 *
 * @example
 * await inTransaction(db, async (trx) => { await repo.insert(trx, row); await recordAudit(trx, ctx, entry) })
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn)
}
