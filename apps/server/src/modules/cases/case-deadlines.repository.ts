import type { CaseDeadlineKind } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import type { DeadlineRow } from './cases.repository'

/**
 * The extensions of one period: the rows that extended it, oldest first. A chain of rows shares the
 * original statutory due date (migration 0024), so the rows of the same case, kind and original due
 * date that carry an extension ground are its extensions.
 *
 * @example
 * const chain = await extensionsOf(trx, caseId, 'decision', '2027-02-18') // [{ extension_ground: 'head_approval', extended_from_due_on: '2027-02-18', due_on: '2027-03-20', … }]
 */
export async function extensionsOf(db: Executor, caseId: string, kind: CaseDeadlineKind, originalDueOn: string): Promise<DeadlineRow[]> {
  return db
    .selectFrom('case_deadline')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('original_due_on', '=', originalDueOn)
    .where('extension_ground', 'is not', null)
    .orderBy('due_on')
    .orderBy('created_at')
    .execute()
}
