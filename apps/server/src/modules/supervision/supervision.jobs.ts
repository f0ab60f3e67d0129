import { shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import { systemContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { registerJob } from '../../platform/jobs/job-runner'
import { issueEscalationReportInTransaction } from './supervision-documents'
import * as repo from './supervision.repository'
import { REPORT_TO_GOVERNMENT } from './supervision.service'

/**
 * How an overdue rectification task escalates, in working days after its deadline. [I] local
 * practice: no national rule sets these steps (domain-research §1.6); change them here.
 *
 * 1. the first day overdue: a reminder on the unit's 待办 (urgent);
 * 2. `letterAfter` working days overdue: the document type's escalation target — another document
 *    (e.g. 意见书 → 监督提醒函) is **drafted automatically** for a supervisor to issue. The job never
 *    issues a document in the bureau's name: a sealed document is issued by a person, who may edit
 *    nothing but decides the moment; the draft sits on the supervisors' 待办. When the target is
 *    `report_to_government` (提醒函, 决定书), step 3 follows directly;
 * 3. `reportAfter` working days overdue: a report to the 本级人民政府 is issued — numbered, rendered
 *    to PDF with a verification QR code and put on the ledger like a supervision document.
 */
export const escalationPolicy = { letterAfter: 5, reportAfter: 10 } as const

const SYSTEM_NAME = '系统（逾期督促）'

/**
 * `supervision.escalate`, hourly: moves every overdue open task one or more steps up the ladder of
 * {@link escalationPolicy}; each step is audited and appears on the task's timeline.
 *
 * @example
 * await escalateOverdueTasks(db, new Date('2026-12-01T09:00:00+08:00')) // { reminded: 2, letters: 1, reports: 0 }
 */
export async function escalateOverdueTasks(db: Kysely<DB>, now: Date): Promise<{ reminded: number; letters: number; reports: number }> {
  const today = shanghaiDateOf(now)
  const calendar = await workCalendarFor(db)
  const ctx = { ...systemContext(now), actor: { ...systemContext(now).actor, displayName: SYSTEM_NAME } }
  const counts = { reminded: 0, letters: 0, reports: 0 }
  const tasks = await repo.overdueOpenTasks(db, today)
  for (const task of tasks) {
    const overdue = calendar.workingDaysBetween(task.due_on, today)
    const days = overdue.ok ? overdue.count : overdue.provisionalCount
    await inTransaction(db, async (trx) => {
      const locked = await repo.lockTask(trx, task.id)
      if (locked?.status !== 'open') return
      let level = task.escalation
      const event = async (action: 'remind' | 'draft_letter' | 'report', note: string, data: Record<string, unknown> = {}) => {
        await repo.appendEvent(trx, { taskId: task.id, at: now, action, actorId: null, actorName: SYSTEM_NAME, note, data })
        await recordAudit(trx, ctx, { action: `rectification_task.${action}`, entityType: 'rectification_task', entityId: task.id, orgId: task.org_id, summary: `${task.org_name}：${note}`, after: { overdueWorkingDays: days, ...data } })
      }
      if (level === 'none') {
        await repo.updateTask(trx, task.id, { escalation: 'reminded' })
        await event('remind', `整改期限${task.due_on}已过，提醒尽快反馈（${task.document_number} 问题${task.finding_seq}）`)
        counts.reminded++
        level = 'reminded'
      }
      const target = task.escalates_to
      if (level === 'reminded' && days >= escalationPolicy.letterAfter && target !== REPORT_TO_GOVERNMENT) {
        const type = await repo.resolveDocType(trx, target, task.issuer_region_path)
        if (type) {
          const documentId = await repo.insertDocument(trx, {
            type,
            issuerOrgId: task.issuer_org_id,
            subject: `督促落实${task.type_name}（${task.document_number}）整改`,
            sourceKind: 'escalation',
            sourceRef: task.id,
            sourceSnapshot: `${task.document_number} 问题${task.finding_seq}：${task.problem}；整改期限${task.due_on}，已逾期${days}个工作日`,
            responseDays: type.response_days,
            responseUnit: type.response_unit,
            autoDrafted: true,
            escalatedTaskId: task.id,
            createdBy: null,
            createdAt: now,
          })
          await repo.insertFindings(trx, documentId, [
            {
              problem: `你单位未在${task.due_on}前落实${task.type_name}（${task.document_number}）指出的问题：${task.problem}`,
              legalBasis: task.legal_basis,
              measure: task.measure,
            },
          ])
          await repo.insertRecipients(trx, documentId, [task.org_id])
          await repo.updateTask(trx, task.id, { escalation: 'letter', letterDocumentId: documentId })
          await event('draft_letter', `逾期${days}个工作日，已自动起草${type.name}，待监督人员制发`, { documentId })
          counts.letters++
          level = 'letter'
        }
      }
      const reportDue = target === REPORT_TO_GOVERNMENT ? level === 'reminded' : level === 'letter'
      if (reportDue && days >= escalationPolicy.reportAfter) {
        const county = (await repo.findCountyName(trx, task.org_region_path)) ?? '本级'
        const addressee = `${county}人民政府`
        const { reportId, number } = await issueEscalationReportInTransaction(trx, ctx, { task, addressee, overdueWorkingDays: days, after: level === 'letter' ? 'letter' : 'reminded', issuedOn: today })
        await repo.updateTask(trx, task.id, { escalation: 'reported' })
        await event('report', `逾期${days}个工作日，已制发报告${addressee}（${number}）`, { reportId, number })
        counts.reports++
      }
    })
  }
  return counts
}

registerJob('supervision.escalate', (db, _job, now) => escalateOverdueTasks(db, now).then(() => undefined), { everyMs: 3_600_000 })
