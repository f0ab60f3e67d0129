import {
  caseDeadlineRules,
  computeCaseDeadline,
  deadlineStatus,
  extendDeadline,
  labels,
  type CaseDeadlineKind,
  type IsoDate,
  type PeriodUnit,
  type WorkCalendar,
} from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import type { PenaltyRules } from './case-rules.service'
import * as repo from './cases.repository'

/**
 * 期限 of a case: computed from the working-day calendar and the jurisdiction's rules, never typed
 * in. A period that touches a year without holiday data is stored with its weekend-only estimate and
 * flagged `provisional`. An extension writes a new row that supersedes the old one, with its reason.
 */

/** Length and unit of a period in this jurisdiction: statutory kinds from the law, the others from the rule set. */
function periodOf(kind: CaseDeadlineKind, rules: PenaltyRules): { days?: number; unit?: PeriodUnit } {
  switch (kind) {
    case 'filing':
      return { days: rules.filingDays, unit: rules.filingUnit }
    case 'statement':
      return { days: rules.statementDays, unit: 'working_days' }
    case 'publication':
      return { days: rules.publicationDays, unit: 'working_days' }
    case 'simple_record':
      return { days: rules.simpleRecordDays, unit: 'working_days' }
    default:
      return {}
  }
}

/**
 * Computes and stores a deadline starting on `startsOn` (the day of the event, not counted). An open
 * deadline of the same kind is cancelled first (e.g. a second notice after a return to investigation).
 *
 * @example
 * await scheduleDeadline(trx, { caseId, rules, calendar }, 'decision', '2026-11-20') // due 2027-02-18 (90 natural days)
 */
export async function scheduleDeadline(
  trx: Executor,
  at: { caseId: string; rules: PenaltyRules; calendar: WorkCalendar },
  kind: CaseDeadlineKind,
  startsOn: IsoDate,
): Promise<{ dueOn: IsoDate; provisional: boolean }> {
  await cancelDeadlines(trx, at.caseId, [kind])
  const period = periodOf(kind, at.rules)
  const moveOffRestDay = at.rules.moveOffRestDays[kind] ?? caseDeadlineRules[kind].moveOffRestDay
  const computed = computeCaseDeadline(at.calendar, { kind, startsOn, ...period, moveOffRestDay })
  const d = computed.ok ? computed : computed.provisional
  await repo.insertDeadline(trx, {
    case_id: at.caseId,
    kind,
    starts_on: d.startsOn,
    days: d.days,
    unit: d.unit,
    basis: d.basis,
    due_on: d.dueOn,
    moved: d.moved,
    provisional: !computed.ok,
  })
  return { dueOn: d.dueOn, provisional: !computed.ok }
}

/**
 * Marks the open deadlines of these kinds met on `onDate` — also for the publication service, which
 * fulfils `publication` and `withdrawal` inside its own transaction.
 *
 * @example
 * await meetDeadlines(trx, caseId, ['publication'], '2026-11-24')
 */
export async function meetDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[], onDate: IsoDate): Promise<void> {
  for (const kind of kinds) {
    const open = await repo.openDeadline(trx, caseId, kind)
    if (open) await repo.updateDeadline(trx, open.id, { status: 'met', met_on: onDate })
  }
}

/** Cancels open (and missed) deadlines of the kinds given, or all of them. */
export async function cancelDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[] | 'all', except: readonly CaseDeadlineKind[] = []): Promise<void> {
  await repo.cancelRunningDeadlines(trx, caseId, kinds, except)
}

/**
 * 延长: a new row `days` later than the current due date (same unit unless given), superseding the
 * old one, with the reason. Returns the old and new due dates, or null when no such deadline is open.
 */
export async function extendOpenDeadline(
  trx: Executor,
  at: { caseId: string; calendar: WorkCalendar; rules: PenaltyRules },
  kind: CaseDeadlineKind,
  days: number,
  reason: string,
  unit?: PeriodUnit,
): Promise<{ fromDueOn: IsoDate; toDueOn: IsoDate; provisional: boolean } | null> {
  const open = (await repo.openDeadline(trx, at.caseId, kind)) ?? (await repo.missedDeadline(trx, at.caseId, kind))
  if (!open) return null
  const moveOffRestDay = at.rules.moveOffRestDays[kind] ?? caseDeadlineRules[kind].moveOffRestDay
  const computed = extendDeadline(at.calendar, { kind, dueOn: open.due_on, days, unit: unit ?? open.unit, moveOffRestDay })
  const d = computed.ok ? computed : computed.provisional
  const id = await repo.insertDeadline(trx, {
    case_id: at.caseId,
    kind,
    starts_on: open.starts_on,
    days: open.days + days,
    unit: open.unit,
    basis: open.basis,
    due_on: d.dueOn,
    moved: d.moved,
    provisional: open.provisional || !computed.ok,
    reason,
  })
  await repo.updateDeadline(trx, open.id, { status: 'superseded', superseded_by: id })
  return { fromDueOn: open.due_on, toDueOn: d.dueOn, provisional: open.provisional || !computed.ok }
}

export type DeadlineView = {
  id: string
  kind: CaseDeadlineKind
  label: string
  basis: string
  startsOn: string
  days: number
  unit: PeriodUnit
  dueOn: string
  status: repo.DeadlineRow['status']
  metOn: string | null
  daysLeft: number | null
  workingDaysLeft: number | null
  state: 'overdue' | 'due_soon' | 'ok' | null
  moved: boolean
  provisional: boolean
  reason: string | null
  supersededBy: string | null
}

/** A deadline row as shown: days and working days left for open (and missed) ones. */
export function presentDeadline(row: repo.DeadlineRow, today: IsoDate, calendar: WorkCalendar, remindDaysBefore: number): DeadlineView {
  const running = row.status === 'open' || row.status === 'missed'
  const status = running ? deadlineStatus(row.due_on, today, calendar, { dueSoonWorkingDays: remindDaysBefore }) : null
  return {
    id: row.id,
    kind: row.kind,
    label: labels.caseDeadlineKind[row.kind],
    basis: row.basis,
    startsOn: row.starts_on,
    days: row.days,
    unit: row.unit,
    dueOn: row.due_on,
    status: row.status,
    metOn: row.met_on,
    daysLeft: status?.daysLeft ?? null,
    workingDaysLeft: status?.workingDaysLeft ?? null,
    state: status?.state ?? null,
    moved: row.moved,
    provisional: row.provisional || (status !== null && !status.exact),
    reason: row.reason,
    supersededBy: row.superseded_by,
  }
}
