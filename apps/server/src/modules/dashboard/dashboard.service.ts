import { todayInShanghai } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import { ledgerHealth } from '../../platform/ledger/ledger-health'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { forbidden } from '../../platform/errors'
import { defaultPenaltyRules, penaltyRulesForPath } from '../cases/case-rules.service'
import { oversight } from '../inspections/oversight.service'
import { presentComplaints, presentRectification, presentReview, presentWarnings } from './dashboard.presenter'
import * as repo from './dashboard.repository'

type Ctx = RequestContext & { actor: Actor }

/** Who sees the 监督驾驶舱: the justice bureau's supervisors (their jurisdiction) and admins (everything). */
export function maySeeDashboard(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin'
}

/**
 * The supervision dashboard for a year, scoped to the caller's jurisdiction: open rectification
 * tasks by age and the overdue ones, review rates by unit and batch, complaints, warnings
 * (over-inspection from the inspection oversight, decisions outside the benchmark, case deadlines
 * at risk within the jurisdiction's reminder window, missed, or met late in the year — judged on the original
 * statutory due date and the extensions granted in time —, 公示 overdue) and the year's counts.
 * Every figure carries the link of the records behind it.
 *
 * @example
 * const d = await supervisionDashboard(db, ctx, 2026)
 * d.rectification.overdue.map((t) => t.link) // ['/supervision/tasks/…']
 */
export async function supervisionDashboard(db: Kysely<DB>, ctx: Ctx, year: number, ledger?: LedgerRuntime) {
  if (!maySeeDashboard(ctx.actor)) throw forbidden('监督驾驶舱仅司法局监督人员可见')
  const scope = orgScopeOf(ctx.actor)
  const today = todayInShanghai(ctx.now)
  const rules = ctx.actor.regionPath ? await penaltyRulesForPath(db, ctx.actor.regionPath) : defaultPenaltyRules
  const until = (await workCalendarFor(db)).addWorkingDays(today, rules.remindDaysBefore)
  const horizon = until.ok ? until.date : until.provisionalDate

  const [tasks, byUnit, byBatch, complaints, inspections, outside, deadlines, publications, counts, ledgerState] = await Promise.all([
    repo.openRectificationTasks(db, scope),
    repo.reviewRatesByUnit(db, scope, year),
    repo.reviewRatesByBatch(db, scope, year),
    repo.complaints(db, scope, year),
    oversight(db, ctx, year),
    repo.outsideBenchmarkCases(db, scope, year),
    repo.deadlinesAtRisk(db, scope, horizon, { since: `${year}-01-01`, until: `${year}-12-31` }),
    repo.publicationsOverdue(db, scope, today),
    repo.yearCounts(db, scope, year),
    ledgerHealth(db, ledger),
  ])
  const extensions = await repo.deadlineExtensionRows(db, [...new Set(deadlines.map((d) => d.case_id))])
  return {
    year,
    today,
    rectification: presentRectification(tasks, today),
    review: presentReview(byUnit, byBatch),
    complaints: presentComplaints(complaints, today),
    warnings: presentWarnings({
      overUnitCap: inspections.overUnitCap,
      overAllCap: inspections.overAllCap,
      caps: { capPerUnit: inspections.rules.capPerUnit, capAllUnits: inspections.rules.capAllUnits },
      outside,
      deadlines,
      extensions,
      publications,
      today,
      horizon,
    }),
    // 存证: a witness refusing the log's checkpoint is tampering evidence every supervisor must see.
    ledger: { status: ledgerState.status, alarms: ledgerState.alarms.map((a) => ({ witness: a.witness, status: a.status, reason: a.reason, since: a.since.toISOString() })) },
    counts: {
      casesDecided: { count: counts.casesDecided, link: '/cases' },
      inspections: { count: inspections.totals.total, link: '/inspections/tasks' },
      caseDocumentsIssued: { count: counts.documentsIssued, link: '/cases' },
      supervisionDocuments: counts.supervisionByType.map((s) => ({ typeCode: s.code, name: s.name, count: s.count, link: '/supervision/documents' })),
    },
  }
}
