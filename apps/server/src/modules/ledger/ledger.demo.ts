import { sql } from 'kysely'
import { systemContext } from '../../platform/auth/actor'
import { enqueueLeaves, type LedgerRecordInput } from '../../platform/ledger/enqueue-leaves'
import { registerDemoSeeder } from '../demo/seed-demo'

// Tables whose rows are not records of an act: sessions, throttling, jobs, the audit log itself
// (its entries carry their own leaves) and the ledger.
const NOT_RECORDS = new Set(['user_session', 'login_attempt', 'job', 'audit_log', 'kysely_migration', 'kysely_migration_lock'])

/**
 * The demo seeds write rows directly, bypassing `recordAudit`; this part, registered last, puts a
 * leaf on the ledger for every seeded record (every row of every table with an `id`), in bulk, so
 * the demo's log is not empty and every demo record has a receipt.
 */
export async function enqueueDemoRecords(...[trx, ctx]: Parameters<Parameters<typeof registerDemoSeeder>[0]>): Promise<number> {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE 'ledger\\_%'
    ORDER BY c.table_name`.execute(trx)
  const records: LedgerRecordInput[] = []
  for (const { table_name: table } of tables) {
    if (NOT_RECORDS.has(table)) continue
    const { rows } = await sql<{ id: string; content: unknown }>`SELECT id::text AS id, to_jsonb(t) AS content FROM ${sql.table(table)} t ORDER BY id`.execute(trx)
    for (const row of rows) records.push({ action: `${table}.seed`, recordType: table, recordId: row.id, content: row.content })
  }
  await enqueueLeaves(trx, { ...systemContext(ctx.now) }, records)
  return records.length
}

registerDemoSeeder(async (trx, ctx) => {
  await enqueueDemoRecords(trx, ctx)
})
