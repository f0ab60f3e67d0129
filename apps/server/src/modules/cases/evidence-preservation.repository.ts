import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { CasePreservationTable, CasePreservedItemTable } from '../../platform/db/case-preservation-schema'

/** All SQL of 先行登记保存 (行政处罚法 第五十六条). Every function takes the executor (`db` or `trx`) first. */

export type PreservationRow = Selectable<CasePreservationTable>
export type PreservedItemRow = Selectable<CasePreservedItemTable>
export type PreservationWithItems = PreservationRow & { items: PreservedItemRow[] }

/** The case's preservations in order, each with its items in list order. */
export async function listPreservations(db: Executor, caseId: string): Promise<PreservationWithItems[]> {
  const [rows, items] = await Promise.all([
    db.selectFrom('case_preservation').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
    db.selectFrom('case_preserved_item').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
  ])
  return rows.map((p) => ({ ...p, items: items.filter((i) => i.preservation_id === p.id) }))
}

export async function insertPreservation(trx: Executor, values: Insertable<CasePreservationTable>): Promise<string> {
  return (await trx.insertInto('case_preservation').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function insertPreservedItems(trx: Executor, rows: Insertable<CasePreservedItemTable>[]): Promise<void> {
  if (rows.length === 0) return
  await trx.insertInto('case_preserved_item').values(rows).execute()
}

export async function updatePreservation(trx: Executor, id: string, patch: Updateable<CasePreservationTable>): Promise<void> {
  await trx.updateTable('case_preservation').set(patch).where('id', '=', id).execute()
}

export async function updatePreservedItem(trx: Executor, id: string, patch: Updateable<CasePreservedItemTable>): Promise<void> {
  await trx.updateTable('case_preserved_item').set(patch).where('id', '=', id).execute()
}

/** The penalty decision confiscates what was held for it (status `held_for_decision` → `confiscated`). */
export async function confiscateHeldItems(trx: Executor, caseId: string, onDate: string): Promise<void> {
  await trx.updateTable('case_preserved_item').set({ status: 'confiscated', outcome_on: onDate }).where('case_id', '=', caseId).where('status', '=', 'held_for_decision').execute()
}
