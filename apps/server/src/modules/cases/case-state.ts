import type { WorkCalendar } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import { penaltyRulesForPath, type PenaltyRules } from './case-rules.service'
import * as repo from './cases.repository'
import { listPreservations, type PreservationWithItems } from './evidence-preservation.repository'

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
  /** 先行登记保存 (art. 56) with their items. */
  preservations: PreservationWithItems[]
  rules: PenaltyRules
  calendar: WorkCalendar
}

export async function loadCaseState(db: Executor, row: repo.CaseRow): Promise<CaseState> {
  const [officers, evidence, events, deadlines, payments, instalments, remedies, preservations, rules, calendar] = await Promise.all([
    repo.listOfficers(db, row.id),
    repo.listEvidence(db, row.id),
    repo.listEvents(db, row.id),
    repo.listDeadlines(db, row.id),
    repo.listPayments(db, row.id),
    repo.listInstalments(db, row.id),
    repo.listRemedies(db, row.id),
    listPreservations(db, row.id),
    caseRulesFor(db, row.org_region_path),
    caseCalendarFor(db),
  ])
  return { row, officers, evidence, events, deadlines, payments, instalments, remedies, preservations, rules, calendar }
}

// Inside one transaction the work calendar and the jurisdiction's rules are read once and reused:
// the demo seed drives every case in one transaction and read them for every act before. Nothing in
// the case engine writes either (the rules' writer reads through `penaltyRulesForPath` uncached), and
// a new transaction starts with a fresh read, so an act never sees rules older than its transaction.
type TrxCache = { calendar?: Promise<WorkCalendar>; rules: Map<string, Promise<PenaltyRules>> }
const perTransaction = new WeakMap<object, TrxCache>()

function cacheOf(db: Executor): TrxCache | null {
  if (!db.isTransaction) return null
  let cache = perTransaction.get(db)
  if (!cache) perTransaction.set(db, (cache = { rules: new Map() }))
  return cache
}

/**
 * The work calendar for an act: once per transaction (outside one, the calendar service's cache applies).
 *
 * @example
 * const calendar = await caseCalendarFor(trx)
 */
function caseCalendarFor(db: Executor): Promise<WorkCalendar> {
  const cache = cacheOf(db)
  if (!cache) return workCalendarFor(db)
  if (!cache.calendar) {
    const loading = workCalendarFor(db)
    cache.calendar = loading
    loading.catch(() => cache.calendar === loading && delete cache.calendar)
  }
  return cache.calendar
}

/**
 * The penalty rules for a region path: once per transaction and path (outside one, read each time).
 *
 * @example
 * const rules = await caseRulesFor(trx, row.org_region_path)
 */
export function caseRulesFor(db: Executor, regionPath: string): Promise<PenaltyRules> {
  const cache = cacheOf(db)
  if (!cache) return penaltyRulesForPath(db, regionPath)
  let loading = cache.rules.get(regionPath)
  if (!loading) {
    const fresh = penaltyRulesForPath(db, regionPath)
    cache.rules.set(regionPath, fresh)
    fresh.catch(() => cache.rules.get(regionPath) === fresh && cache.rules.delete(regionPath))
    loading = fresh
  }
  return loading
}
