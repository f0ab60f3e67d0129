import {
  caseDeadlineRules,
  computeCaseDeadline,
  deadlineOutcome,
  deadlineStatus,
  extendDeadline,
  checkDeadlineExtension,
  calendarDaysBetween,
  labels,
  lawfulDueOn,
  type CaseDeadlineComputation,
  type CaseDeadlineKind,
  type DeadlineExtensionGround,
  type DeadlineExtensionRecord,
  type DeadlineExtensionRefusal,
  type DeadlineOutcome,
  type IsoDate,
  type PeriodUnit,
  type WorkCalendar,
} from '@yangguang/core'
import type { Insertable } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { CaseCollectiveDiscussionJson, CaseDeadlineTable } from '../../platform/db/penalty-case-schema'
import { AppError, invalidState } from '../../platform/errors'
import * as deadlineRepo from './case-deadlines.repository'
import { defaultPenaltyRules, type PenaltyRules } from './case-rules.service'
import * as repo from './cases.repository'

/**
 * 期限 of a case: computed from the working-day calendar and the jurisdiction's rules, never typed
 * in. A period that touches a year without holiday data is stored with its weekend-only estimate and
 * flagged `provisional`. An extension writes a new row that supersedes the old one, with its ground and
 * reason, and keeps the original statutory due date (`original_due_on`, immutable): every act is judged
 * against that date and the extensions granted while the period ran ({@link lawfulDueOf}).
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
  const { dueOn, provisional } = await insertComputedDeadline(trx, at.caseId, kind, computed)
  return { dueOn, provisional }
}

/**
 * Writes a computed deadline of the case (provisional when the calendar did not cover its days) and
 * returns its id, due day and whether it is provisional. Replaces nothing: `scheduleDeadline` cancels the
 * open one of the kind first; a kind of which a case may have several (先行登记保存) calls this directly.
 */
export async function insertComputedDeadline(
  trx: Executor,
  caseId: string,
  kind: CaseDeadlineKind,
  computed: CaseDeadlineComputation,
): Promise<{ id: string; dueOn: IsoDate; provisional: boolean }> {
  const d = computed.ok ? computed : computed.provisional
  const id = await repo.insertDeadline(trx, {
    case_id: caseId,
    kind,
    starts_on: d.startsOn,
    days: d.days,
    unit: d.unit,
    basis: d.basis,
    due_on: d.dueOn,
    moved: d.moved,
    provisional: !computed.ok,
  })
  return { id, dueOn: d.dueOn, provisional: !computed.ok }
}

/**
 * Marks the open deadlines of these kinds met on `onDate` — also for the publication service, which
 * fulfils `publication` and `withdrawal` inside its own transaction. A deadline the reminder job already
 * marked missed stays missed and records the day the act came (`met_on`): a late act stays flagged.
 *
 * @example
 * await meetDeadlines(trx, caseId, ['publication'], '2026-11-24')
 */
export async function meetDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[], onDate: IsoDate): Promise<void> {
  for (const kind of kinds) {
    const open = await repo.openDeadline(trx, caseId, kind)
    if (open) {
      await repo.updateDeadline(trx, open.id, { status: 'met', met_on: onDate })
      continue
    }
    const missed = await repo.missedDeadline(trx, caseId, kind)
    if (missed && missed.met_on === null) await repo.updateDeadline(trx, missed.id, { met_on: onDate })
  }
}

/**
 * Marks the running deadlines of these kinds fulfilled on `onDate`: an open one `met`; one the reminder
 * job already marked missed stays missed and records the day the act came (`met_on`), so the act done
 * late shows late (`late`, and off the 待办) — never cancelled.
 *
 * @example
 * await fulfilDeadlines(trx, caseId, ['simple_record'], '2026-11-30')
 */
export async function fulfilDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[], onDate: IsoDate): Promise<void> {
  for (const kind of kinds) {
    const open = await repo.openDeadline(trx, caseId, kind)
    if (open) {
      await meetDeadlineById(trx, open.id, onDate)
      continue
    }
    const missed = await repo.missedDeadline(trx, caseId, kind)
    if (missed && missed.met_on === null) await repo.updateDeadline(trx, missed.id, { met_on: onDate })
  }
}

/** Marks one deadline met on `onDate` (a 先行登记保存 has a deadline of its own among several of the kind). */
export async function meetDeadlineById(trx: Executor, id: string, onDate: IsoDate): Promise<void> {
  await repo.updateDeadline(trx, id, { status: 'met', met_on: onDate })
}

/** Cancels open (and missed) deadlines of the kinds given, or all of them. */
export async function cancelDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[] | 'all', except: readonly CaseDeadlineKind[] = []): Promise<void> {
  await repo.cancelRunningDeadlines(trx, caseId, kinds, except)
}

type DeadlineAt = { caseId: string; calendar: WorkCalendar; rules: PenaltyRules }
type Extended = { fromDueOn: IsoDate; toDueOn: IsoDate; provisional: boolean }

/**
 * 延长 (the act `extend_deadline`): only a period the jurisdiction's rule set lists, only while it runs
 * (recorded on or before its lawful due date — a missed period stays missed), the first time on the
 * head's approval, a further time only with a 集体讨论 record (core's `checkDeadlineExtension`). Payment
 * is never extended: 第六十六条 暂缓或者分期 (`grant_deferral`) sets its due dates. A refusal is a 422
 * RULE_VIOLATION whose `details.rule` names the rule.
 *
 * The new row supersedes the old one and keeps the original statutory due date; it records the ground,
 * the day, the days, the due date it moved from, who granted it, and the discussion.
 *
 * @example
 * await extendByDecision(trx, at, { userId, now, today: '2027-02-10' }, { kind: 'decision', days: 30, reason: '案情复杂' })
 * // → { fromDueOn: '2027-02-18', toDueOn: '2027-03-20', ground: 'head_approval', … }
 */
export async function extendByDecision(
  trx: Executor,
  at: DeadlineAt,
  by: { userId: string | null; now: Date; today: IsoDate },
  request: { kind: CaseDeadlineKind; days: number; reason: string; discussion?: CaseCollectiveDiscussionJson },
): Promise<Extended & { ground: DeadlineExtensionGround }> {
  const { kind, days, discussion } = request
  const open = await repo.openDeadline(trx, at.caseId, kind)
  if (!open) {
    // Payment, a period fixed by law, or one missed: the rule's own refusal says why.
    const missed = await repo.missedDeadline(trx, at.caseId, kind)
    const probe = checkDeadlineExtension({ kind, rules: at.rules.deadlineExtensions, dueOn: missed?.due_on ?? by.today, today: by.today, days, priorExtensions: 0, collectiveDiscussion: false })
    if (!probe.ok) throw extensionRefused(probe)
    throw invalidState(`没有进行中的“${labels.caseDeadlineKind[kind]}”`)
  }
  const chain = await deadlineRepo.extensionsOf(trx, at.caseId, kind, open.original_due_on)
  const dueOn = lawfulDueOn(kind, open.original_due_on, chain.map(extensionRecord))
  const priorExtensions = chain.filter((e) => e.extension_ground !== 'suspension').length
  if (discussion && discussion.heldOn > by.today) throw new AppError('VALIDATION_FAILED', '集体讨论日期不能晚于今天', { field: 'extension.discussion.heldOn' })
  const check = checkDeadlineExtension({ kind, rules: at.rules.deadlineExtensions, dueOn, today: by.today, days, priorExtensions, collectiveDiscussion: discussion !== undefined })
  if (!check.ok) throw extensionRefused(check)
  // The discussion decided the extension: it too must fall while the period ran.
  if (discussion && discussion.heldOn > dueOn) {
    throw extensionRefused({ ok: false, rule: 'deadline_already_missed', message: `集体讨论（${discussion.heldOn}）晚于${labels.caseDeadlineKind[kind]}届满之日 ${dueOn}，不能据此延长` })
  }
  const extended = await supersede(trx, at, open, days, {
    reason: request.reason,
    extension_ground: check.ground,
    extended_on: by.today,
    extended_by: by.userId,
    extended_at: by.now,
    extension_discussion: check.ground === 'collective_discussion' && discussion ? JSON.stringify(discussion) : null,
  })
  return { ...extended, ground: check.ground }
}

/**
 * 中止 (the act `resume`): the days a suspended case stood still do not count towards the 90 days of
 * 第六十条, so the decision period moves by them — if it still ran on the day the case was suspended
 * (a period already missed then stays missed). Recorded as an extension on the ground 'suspension',
 * granted on the day of suspension.
 *
 * @example
 * await extendForSuspension(trx, at, { userId, now }, '2027-01-10', '2027-01-25') // 15 days later, or null
 */
export async function extendForSuspension(
  trx: Executor,
  at: DeadlineAt,
  by: { userId: string | null; now: Date },
  suspendedOn: IsoDate,
  resumedOn: IsoDate,
): Promise<Extended | null> {
  const days = calendarDaysBetween(suspendedOn, resumedOn)
  const open = await repo.openDeadline(trx, at.caseId, 'decision')
  if (days <= 0 || !open || open.due_on < suspendedOn) return null
  return supersede(trx, at, open, days, {
    reason: `案件中止${days}日（${suspendedOn}至${resumedOn}），中止期间不计入办案期限`,
    extension_ground: 'suspension',
    extended_on: suspendedOn,
    extended_by: by.userId,
    extended_at: by.now,
    extension_discussion: null,
  }, 'natural_days')
}

/** A new row `days` later than `open` (in its unit unless given), superseding it; the original due date carries over. */
async function supersede(
  trx: Executor,
  at: DeadlineAt,
  open: repo.DeadlineRow,
  days: number,
  extension: Pick<Insertable<CaseDeadlineTable>, 'reason' | 'extension_ground' | 'extended_on' | 'extended_by' | 'extended_at' | 'extension_discussion'>,
  unit?: PeriodUnit,
): Promise<Extended> {
  const kind = open.kind
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
    original_due_on: open.original_due_on,
    moved: d.moved,
    provisional: open.provisional || !computed.ok,
    extension_days: days,
    extended_from_due_on: open.due_on,
    ...extension,
  })
  await repo.updateDeadline(trx, open.id, { status: 'superseded', superseded_by: id })
  return { fromDueOn: open.due_on, toDueOn: d.dueOn, provisional: open.provisional || !computed.ok }
}

function extensionRefused(refusal: { ok: false; rule: DeadlineExtensionRefusal; message: string }): AppError {
  return new AppError('RULE_VIOLATION', `不能延长期限：${refusal.message}`, { rule: refusal.rule })
}

/** An extension row as core's lawful-due reading takes it. */
function extensionRecord(row: repo.DeadlineRow): DeadlineExtensionRecord {
  return { ground: row.extension_ground ?? 'legacy', grantedOn: row.extended_on ?? row.due_on, fromDueOn: row.extended_from_due_on ?? row.due_on, toDueOn: row.due_on }
}

/**
 * The lawful due date of a row: its original statutory due date and the extensions of its chain up to
 * it that were granted in time (core's `lawfulDueOn`), read from the case's rows.
 *
 * @example
 * lawfulDueOf(row, state.deadlines) // '2027-02-18' when the only extension was recorded after that day
 */
export function lawfulDueOf(row: repo.DeadlineRow, rows: readonly repo.DeadlineRow[]): IsoDate {
  const chain = rows.filter((r) => r.kind === row.kind && r.original_due_on === row.original_due_on && r.extension_ground !== null && r.due_on <= row.due_on)
  return lawfulDueOn(row.kind, row.original_due_on, chain.map(extensionRecord))
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
  /** Done, but after its due day. */
  late: boolean
  daysLeft: number | null
  workingDaysLeft: number | null
  state: 'overdue' | 'due_soon' | 'ok' | null
  moved: boolean
  provisional: boolean
  reason: string | null
  supersededBy: string | null
  originalDueOn: string
  lawfulDueOn: string
  outcome: DeadlineOutcome | null
  extension: {
    ground: NonNullable<repo.DeadlineRow['extension_ground']>
    groundLabel: string
    days: number | null
    fromDueOn: string
    extendedOn: string
    lawful: boolean
    discussion: CaseCollectiveDiscussionJson | null
  } | null
  extendable: { maxDays: number | null; needsDiscussion: boolean; unit: PeriodUnit } | null
}

const extensionGroundLabels: Record<NonNullable<repo.DeadlineRow['extension_ground']>, string> = {
  head_approval: '经负责人批准延长',
  collective_discussion: '经负责人集体讨论决定延长',
  suspension: '中止期间不计入',
  legacy: '延长（规则施行前记录）',
}

/**
 * A deadline row as shown: days and working days left for open (and missed) ones; its original and lawful
 * due dates and outcome; the extension it records; and, for a running one, whether it may be extended now
 * (from the case's rows and rules, `s`).
 */
export function presentDeadline(
  row: repo.DeadlineRow,
  today: IsoDate,
  calendar: WorkCalendar,
  remindDaysBefore: number,
  s: { deadlines: readonly repo.DeadlineRow[]; rules: PenaltyRules } = { deadlines: [row], rules: defaultPenaltyRules },
): DeadlineView {
  const running = row.status === 'open' || row.status === 'missed'
  const status = running ? deadlineStatus(row.due_on, today, calendar, { dueSoonWorkingDays: remindDaysBefore }) : null
  const lawful = lawfulDueOf(row, s.deadlines)
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
    late: row.met_on !== null && row.met_on > row.due_on,
    daysLeft: status?.daysLeft ?? null,
    workingDaysLeft: status?.workingDaysLeft ?? null,
    state: status?.state ?? null,
    moved: row.moved,
    provisional: row.provisional || (status !== null && !status.exact),
    reason: row.reason,
    supersededBy: row.superseded_by,
    originalDueOn: row.original_due_on,
    lawfulDueOn: lawful,
    outcome: row.status === 'superseded' || row.status === 'cancelled' ? null : deadlineOutcome({ dueOn: lawful, metOn: row.met_on, today }).outcome,
    extension: row.extension_ground
      ? {
          ground: row.extension_ground,
          groundLabel: extensionGroundLabels[row.extension_ground],
          days: row.extension_days,
          fromDueOn: row.extended_from_due_on ?? row.original_due_on,
          extendedOn: row.extended_on ?? row.original_due_on,
          lawful: lawfulDueOf(row, s.deadlines) === row.due_on,
          discussion: row.extension_discussion,
        }
      : null,
    extendable: row.status === 'open' ? extendableNow(row, lawful, today, s) : null,
  }
}

/** Whether a running period may be extended today, and by how much (the rule check with one day). */
function extendableNow(row: repo.DeadlineRow, dueOn: IsoDate, today: IsoDate, s: { deadlines: readonly repo.DeadlineRow[]; rules: PenaltyRules }): DeadlineView['extendable'] {
  const prior = s.deadlines.filter((r) => r.kind === row.kind && r.original_due_on === row.original_due_on && r.extension_ground !== null && r.extension_ground !== 'suspension' && r.due_on <= row.due_on).length
  const check = checkDeadlineExtension({ kind: row.kind, rules: s.rules.deadlineExtensions, dueOn, today, days: 1, priorExtensions: prior, collectiveDiscussion: true })
  if (!check.ok) return null
  const rule = s.rules.deadlineExtensions[row.kind as keyof PenaltyRules['deadlineExtensions']]
  const maxDays = check.ground === 'head_approval' ? (rule?.headApprovalMaxDays ?? null) : (rule?.collectiveDiscussionMaxDays ?? null)
  return { maxDays, needsDiscussion: check.ground === 'collective_discussion', unit: row.unit }
}
