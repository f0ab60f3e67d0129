import { calculateLateFee, courtApplicationPeriodStartsOn, type DateComputation, type IsoDate, type WorkCalendar } from '@yangguang/core'
import type { CaseState } from './case-state'

/** Where the execution of a decided penalty stands on a day. */
export type Execution = {
  fineFen: number
  finePaidFen: number
  confiscateFen: number
  confiscationPaidFen: number
  lateFeeFen: number
  lateFeePaidFen: number
  lateFeeDays: number
  /** Fine overdue (unpaid after its due date or instalment date) at the end of `asOf`. */
  overdueFineFen: number
  outstandingFen: number
  asOf: IsoDate
  /** A 复议 or 诉讼 is running: the late fee does not accrue (art. 73 ¶3). */
  paused: boolean
  complete: boolean
}

/**
 * Execution as of `asOf`: fine and confiscation paid, the 加处罚款 of art. 72 (3 % a day of the
 * unpaid fine, capped at the fine, not counted while a 复议/诉讼 runs — computed by core's
 * `calculateLateFee`), and what is still owed. Null when the case has no penalty decision.
 *
 * @example
 * executionOf(state, '2026-12-20')?.lateFeeFen // 3 % a day since the payment deadline
 */
export function executionOf(state: CaseState, asOf: IsoDate): Execution | null {
  const { row } = state
  if (!row.decision || row.decision.outcome !== 'penalty') return null
  const sum = (kind: 'fine' | 'late_fee' | 'confiscation') => state.payments.filter((p) => p.kind === kind).reduce((s, p) => s + Number(p.amount_fen), 0)
  const fineFen = Number(row.fine_fen)
  const confiscateFen = Number(row.confiscate_fen)
  const finePaidFen = sum('fine')
  const confiscationPaidFen = sum('confiscation')
  const lateFeePaidFen = sum('late_fee')
  const paused = state.remedies.some((r) => r.started_on <= asOf && (r.ended_on === null || r.ended_on >= asOf))
  let lateFeeFen = 0
  let lateFeeDays = 0
  let overdueFineFen = 0
  const instalments = state.instalments.map((i) => ({ dueOn: i.due_on, amountFen: Number(i.amount_fen) }))
  if (fineFen > 0 && (row.payment_due_on || instalments.length > 0)) {
    const result = calculateLateFee({
      fineFen,
      ...(instalments.length > 0 ? { instalments } : { dueOn: row.payment_due_on as string }),
      payments: state.payments.filter((p) => p.kind === 'fine' && p.paid_on <= asOf).map((p) => ({ paidOn: p.paid_on, amountFen: Number(p.amount_fen) })),
      pauses: state.remedies.map((r) => ({ from: r.started_on, to: r.ended_on })),
      asOf,
    })
    lateFeeFen = result.lateFeeFen
    lateFeeDays = result.daysCounted
    overdueFineFen = result.overdueFineFen
  }
  const outstandingFen = Math.max(0, fineFen - finePaidFen) + Math.max(0, lateFeeFen - lateFeePaidFen) + Math.max(0, confiscateFen - confiscationPaidFen)
  return {
    fineFen,
    finePaidFen,
    confiscateFen,
    confiscationPaidFen,
    lateFeeFen,
    lateFeePaidFen,
    lateFeeDays,
    overdueFineFen,
    outstandingFen,
    asOf,
    paused,
    complete: outstandingFen === 0,
  }
}

/**
 * The day the 3-month court-application period of 行政强制法 第五十三条 counts from (core's
 * `courtApplicationPeriodStartsOn`), the approved payment period ending on the last instalment or
 * deferred due date (行政处罚法 第六十六条第二款、第七十二条第二款), and not before 15 days after an ended 复议
 * (行政诉讼法 第四十五条). The deadline scheduler and the
 * `court_application_period_open` guard both read it here. Null before the decision was delivered.
 *
 * @example
 * courtApplicationPeriodStart(chinaWorkCalendar, '2026-03-31', [{ dueOn: '2026-06-30' }, { dueOn: '2026-11-15' }]) // { ok: true, date: '2026-11-15' } (later than 2026-09-30)
 */
export function courtApplicationPeriodStart(
  calendar: WorkCalendar,
  deliveredOn: IsoDate | null,
  instalments: readonly { dueOn: IsoDate }[],
  remedies: readonly { kind: 'reconsideration' | 'litigation'; endedOn: IsoDate | null }[] = [],
): DateComputation | null {
  if (!deliveredOn) return null
  const deferredPaymentEndsOn = instalments.reduce<IsoDate | null>((last, i) => (last === null || i.dueOn > last ? i.dueOn : last), null)
  // A 复议 recorded as ended: the day recorded is taken as the day the party received the 复议决定 (行政诉讼法 第四十五条).
  const reconsiderationDecisionsReceivedOn = remedies.filter((r) => r.kind === 'reconsideration' && r.endedOn !== null).map((r) => r.endedOn as IsoDate)
  return courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: deliveredOn, deferredPaymentEndsOn, reconsiderationDecisionsReceivedOn })
}

/** The case's 复议/诉讼 as {@link courtApplicationPeriodStart} reads them. */
export function remediesOf(state: Pick<CaseState, 'remedies'>): Array<{ kind: 'reconsideration' | 'litigation'; endedOn: IsoDate | null }> {
  return state.remedies.map((r) => ({ kind: r.kind, endedOn: r.ended_on }))
}
