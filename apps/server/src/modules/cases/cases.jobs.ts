import { shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { registerJob } from '../../platform/jobs/job-runner'
import { penaltyRulesForOrg } from './case-rules.service'
import * as repo from './cases.repository'

/**
 * `case.deadline_reminders`, hourly: marks open deadlines whose day has passed `missed`, and flags
 * (`reminded_at`) those due within the unit's `remind_days_before` working days, which puts them on
 * the 待办 of the case's officers and unit head (cases.todos.ts). Suspended cases are left alone:
 * their periods stand still (the decision period is extended on 恢复).
 *
 * @example
 * await remindCaseDeadlines(db, new Date('2026-12-01T09:00:00+08:00')) // { missed: 2, reminded: 5 }
 */
export async function remindCaseDeadlines(db: Kysely<DB>, now: Date): Promise<{ missed: number; reminded: number }> {
  const today = shanghaiDateOf(now)
  const calendar = await workCalendarFor(db)
  return inTransaction(db, async (trx) => {
    const overdue = (await repo.overdueOpenDeadlines(trx, today)).filter((d) => d.case_status !== 'suspended')
    await repo.markDeadlinesMissed(trx, overdue.map((d) => d.id))
    const reminded: string[] = []
    const horizon = calendar.addWorkingDays(today, 30)
    const candidates = await repo.unremindedOpenDeadlines(trx, horizon.ok ? horizon.date : horizon.provisionalDate)
    const rulesByOrg = new Map<string, number>()
    for (const d of candidates) {
      if (d.case_status === 'suspended') continue
      if (!rulesByOrg.has(d.org_id)) rulesByOrg.set(d.org_id, (await penaltyRulesForOrg(trx, d.org_id)).remindDaysBefore)
      const until = calendar.addWorkingDays(today, rulesByOrg.get(d.org_id)!)
      if (d.due_on <= (until.ok ? until.date : until.provisionalDate)) reminded.push(d.id)
    }
    await repo.markDeadlinesReminded(trx, reminded, now)
    return { missed: overdue.length, reminded: reminded.length }
  })
}

registerJob('case.deadline_reminders', (db, _job, now) => remindCaseDeadlines(db, now).then(() => undefined), { everyMs: 3_600_000 })
