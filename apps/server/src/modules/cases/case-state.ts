import type { WorkCalendar } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import { penaltyRulesForPath, type PenaltyRules } from './case-rules.service'
import * as repo from './cases.repository'

/**
 * Everything an act, a guard or the detail view needs about one case, read once (inside the act's
 * transaction when acting, so guards see the locked state).
 */
export type CaseState = {
  row: repo.CaseRow
  officers: Awaited<ReturnType<typeof repo.listOfficers>>
  evidence: Awaited<ReturnType<typeof repo.listEvidence>>
  events: repo.CaseEventRow[]
  deadlines: repo.DeadlineRow[]
  payments: Awaited<ReturnType<typeof repo.listPayments>>
  instalments: Awaited<ReturnType<typeof repo.listInstalments>>
  remedies: Awaited<ReturnType<typeof repo.listRemedies>>
  rules: PenaltyRules
  calendar: WorkCalendar
}

export async function loadCaseState(db: Executor, row: repo.CaseRow): Promise<CaseState> {
  const [officers, evidence, events, deadlines, payments, instalments, remedies, rules, calendar] = await Promise.all([
    repo.listOfficers(db, row.id),
    repo.listEvidence(db, row.id),
    repo.listEvents(db, row.id),
    repo.listDeadlines(db, row.id),
    repo.listPayments(db, row.id),
    repo.listInstalments(db, row.id),
    repo.listRemedies(db, row.id),
    penaltyRulesForPath(db, row.org_region_path),
    workCalendarFor(db),
  ])
  return { row, officers, evidence, events, deadlines, payments, instalments, remedies, rules, calendar }
}
