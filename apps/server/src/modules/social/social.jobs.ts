import { shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import { systemContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { registerJob } from '../../platform/jobs/job-runner'
import * as repo from './social.repository'

/** Job type of the hourly escalation of overdue complaint answers and transfer acceptances. */
export const ESCALATE_JOB = 'social.escalate_overdue'

/**
 * 督办: once the answer deadline of a complaint handed out has passed (the day after the last
 * working day) without an answer, the complaint is marked escalated — it then heads the bureau's
 * 待办 as urgent and its timeline says so; the same for a transfer not accepted in time. Each row
 * is escalated once, audited and on the ledger.
 *
 * @example
 * await escalateOverdue(db, new Date('2026-12-14T09:00:00+08:00')) // { complaints: 1, transfers: 0 }
 */
export async function escalateOverdue(db: Kysely<DB>, now: Date): Promise<{ complaints: number; transfers: number }> {
  const today = shanghaiDateOf(now)
  const ctx = systemContext(now)
  return inTransaction(db, async (trx) => {
    const complaints = await repo.listOverdueUnescalatedComplaints(trx, today)
    for (const c of complaints) {
      await repo.updateComplaint(trx, c.id, { escalated_at: now })
      await repo.insertComplaintEvent(trx, { complaint_id: c.id, action: 'escalate', note: `答复期限 ${c.answer_due_on} 已过，提请司法局督办`, actor_name: '系统', at: now })
      await recordAudit(trx, ctx, { action: 'complaint.escalate_overdue', entityType: 'complaint', entityId: c.id, orgId: null, summary: `投诉举报 ${c.complaint_no} 逾期未答复（期限 ${c.answer_due_on}），提请督办` })
    }
    const transfers = await repo.listOverdueUnescalatedTransfers(trx, today)
    for (const t of transfers) {
      await repo.updateTransfer(trx, t.id, { escalated_at: now })
      await recordAudit(trx, ctx, { action: 'transfer.escalate_overdue', entityType: 'clue_transfer', entityId: t.id, orgId: t.to_org_id, summary: `移送《${t.title}》逾期未接收（期限 ${t.accept_due_on}），提请督办` })
    }
    return { complaints: complaints.length, transfers: transfers.length }
  })
}

registerJob(ESCALATE_JOB, async (db, _job, now) => {
  await escalateOverdue(db, now)
}, { everyMs: 3_600_000 })
