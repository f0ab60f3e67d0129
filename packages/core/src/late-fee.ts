import { type IsoDate, assertIsoDate, dayNumber, isoDateFromDayNumber } from './calendar-date'
import { InvalidArgumentError } from './invalid-argument-error'
import { assertFenAmount } from './money'

/**
 * 加处罚款 — the late fee of 《行政处罚法》第七十二条第一款第一项: "到期不缴纳罚款的，每日按罚款数额的
 * 百分之三加处罚款，加处罚款的数额不得超出罚款的数额". Art. 73 ¶3: "当事人申请行政复议或者提起行政
 * 诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算". Art. 66 ¶2: deferral or instalments
 * (暂缓或者分期缴纳) replace the due date by the approved ones.
 *
 * Decisions this module takes, each a reading of the text — change them here only:
 *
 * 1. **Base = the fine still unpaid that day.** "罚款数额" could mean the decided amount even after a
 *    part was paid. 加处罚款 is an execution penalty (执行罚, 行政强制法 第十二条、第四十五条): it exists
 *    to make the party pay what is still owed, so once a part is paid, charging 3% of it serves no
 *    purpose; and where the text is open the reading less burdensome to the party is the one that
 *    survives review. With instalments, each instalment accrues from its own due date.
 * 2. **Cap = the decided fine** (`fineFen`), as the text says ("不得超出罚款的数额"); it does not shrink
 *    with partial payments.
 * 3. **Days counted**: from the day after the due date up to and including the day of payment (for
 *    the part paid that day) or `asOf` — the same span as 税收征收管理法实施细则 第七十五条 ("届满次日起
 *    至实际缴纳之日止"). Paying on the due day costs nothing. A 复议/诉讼 pause excludes every day from
 *    `from` to `to` inclusive; `to: null` means it is still running.
 * 4. **Rounding**: 3% of an amount in fen is exact in hundredths of a fen, so the fee is accumulated
 *    exactly in integer hundredths and rounded **down** once, at the end, to whole fen (never in the
 *    party's disfavour, never a float in the result). Each breakdown row shows the whole fen added in
 *    its span (floor of the running total at its end minus at its start), so the rows sum to the total.
 * 5. `payments` are payments of the **fine** (case_payment.kind = 'fine'); payments of the late fee
 *    itself do not reduce the base. A payment goes to the oldest unpaid instalment first. Paying more
 *    than the fine leaves nothing outstanding and is reported as `overpaidFen`.
 * 6. A missed instalment does not make the remaining ones due early: the law says nothing, and
 *    acceleration would have to be written in the deferral decision.
 * 7. The payment period is 15 natural days (第六十七条); whether a due date on a rest day moves to the
 *    next working day is decided by the caller (`computeCaseDeadline` with the unit's rule set), and
 *    this module takes the due dates as given.
 */

export type LateFeeInstalment = { dueOn: IsoDate; amountFen: number }
export type LateFeePayment = { paidOn: IsoDate; amountFen: number }
/** A 行政复议 or 行政诉讼 running from `from` to `to` inclusive; `to: null` = still running. */
export type LateFeePause = { from: IsoDate; to: IsoDate | null }

export type LateFeeInput = {
  /** The decided fine, integer fen. */
  fineFen: number
  /** Due date of the whole fine (last day to pay). Give this or `instalments`. */
  dueOn?: IsoDate
  /** Approved instalments (art. 66); their amounts must add up to `fineFen`. */
  instalments?: LateFeeInstalment[]
  /** Payments of the fine. */
  payments?: LateFeePayment[]
  pauses?: LateFeePause[]
  /** Count up to and including this day (usually today in Beijing). */
  asOf: IsoDate
}

/** One span of days with the same unpaid base and the same paused state. */
export type LateFeeSpan = {
  from: IsoDate
  to: IsoDate
  days: number
  /** Overdue, unpaid fine during the span, fen. */
  baseFen: number
  paused: boolean
  /** Whole fen of late fee added in this span (0 when paused or after the cap). */
  feeFen: number
}

export type LateFeeResult = {
  lateFeeFen: number
  /** Days on which the fee accrued (overdue amount, not paused, cap not yet reached). */
  daysCounted: number
  /** True once the fee reached the fine amount; it stops growing then. */
  capped: boolean
  /** Fine still unpaid at the end of `asOf`. */
  outstandingFineFen: number
  /** Of which already overdue at the end of `asOf`. */
  overdueFineFen: number
  overpaidFen: number
  breakdown: LateFeeSpan[]
}

/**
 * Computes 加处罚款 as of a day.
 *
 * @example
 * ```ts
 * // 10,000 yuan fine due 2026-03-16, unpaid on 2026-03-26: 10 days × 3% × 1,000,000 fen.
 * calculateLateFee({ fineFen: 1_000_000, dueOn: '2026-03-16', asOf: '2026-03-26' })
 * // → { lateFeeFen: 300_000, daysCounted: 10, capped: false, outstandingFineFen: 1_000_000, … }
 * ```
 */
export function calculateLateFee(input: LateFeeInput): LateFeeResult {
  const fineFen = assertFen(input?.fineFen, 'fineFen')
  const asOf = assertIsoDate(input.asOf, 'asOf')
  const instalments = normalizeInstalments(input, fineFen)
  const payments = (input.payments ?? []).map((p, i) => ({
    day: dayNumber(assertIsoDate(p?.paidOn, `payments[${i}].paidOn`)),
    amountFen: assertFen(p.amountFen, `payments[${i}].amountFen`),
  }))
  const pauses = (input.pauses ?? []).map((p, i) => {
    const from = dayNumber(assertIsoDate(p?.from, `pauses[${i}].from`))
    const to = p.to === null ? Number.POSITIVE_INFINITY : dayNumber(assertIsoDate(p.to, `pauses[${i}].to`))
    if (to < from) throw new InvalidArgumentError('invalid_pause', `pauses[${i}] ends before it starts`)
    return { from, to }
  })

  // Allocate payments to instalments, oldest due first; remember on which day each part was paid.
  const items = instalments.map((i) => ({ due: dayNumber(i.dueOn), amountFen: i.amountFen, remaining: i.amountFen, paidParts: [] as { day: number; amountFen: number }[] }))
  for (const payment of [...payments].sort((a, b) => a.day - b.day)) {
    let left = payment.amountFen
    for (const item of items) {
      const part = Math.min(left, item.remaining)
      if (part === 0) continue
      item.remaining -= part
      item.paidParts.push({ day: payment.day, amountFen: part })
      left -= part
    }
  }
  // Unpaid amount of an instalment at the end of `day`, counting a part paid on `day` as still unpaid
  // that day (decision 3: the day of payment is counted).
  const owedDuring = (item: (typeof items)[number], day: number) =>
    item.amountFen - item.paidParts.filter((p) => p.day < day).reduce((s, p) => s + p.amountFen, 0)
  const owedAfter = (item: (typeof items)[number], day: number) =>
    item.amountFen - item.paidParts.filter((p) => p.day <= day).reduce((s, p) => s + p.amountFen, 0)
  const isPaused = (day: number) => pauses.some((p) => day >= p.from && day <= p.to)

  const end = dayNumber(asOf)
  const capHundredths = fineFen * 100
  let totalHundredths = 0
  let daysCounted = 0
  let capped = false
  const breakdown: LateFeeSpan[] = []
  for (let day = items[0].due + 1; day <= end && !capped; day += 1) {
    const baseFen = items.reduce((sum, item) => (day > item.due ? sum + owedDuring(item, day) : sum), 0)
    if (baseFen === 0) {
      if (items.every((item) => owedDuring(item, day) === 0)) break // all paid: nothing more can accrue
      continue // the next instalment is not due yet
    }
    const paused = isPaused(day)
    const before = totalHundredths
    if (!paused) {
      totalHundredths = Math.min(capHundredths, totalHundredths + 3 * baseFen)
      daysCounted += 1
      capped = totalHundredths === capHundredths
    }
    const added = Math.floor(totalHundredths / 100) - Math.floor(before / 100)
    const last = breakdown.at(-1)
    if (last && last.baseFen === baseFen && last.paused === paused && dayNumber(last.to) === day - 1) {
      last.to = isoDateFromDayNumber(day)
      last.days += 1
      last.feeFen += added
    } else {
      breakdown.push({ from: isoDateFromDayNumber(day), to: isoDateFromDayNumber(day), days: 1, baseFen, paused, feeFen: added })
    }
  }

  const outstandingFineFen = items.reduce((sum, item) => sum + owedAfter(item, end), 0)
  const overdueFineFen = items.reduce((sum, item) => (end > item.due ? sum + owedAfter(item, end) : sum), 0)
  const paidByEnd = payments.filter((p) => p.day <= end).reduce((s, p) => s + p.amountFen, 0)
  return {
    lateFeeFen: Math.floor(totalHundredths / 100),
    daysCounted,
    capped,
    outstandingFineFen,
    overdueFineFen,
    overpaidFen: Math.max(0, paidByEnd - fineFen),
    breakdown,
  }
}

function normalizeInstalments(input: LateFeeInput, fineFen: number): LateFeeInstalment[] {
  if (input.instalments !== undefined && input.dueOn !== undefined) {
    throw new InvalidArgumentError('invalid_due_dates', 'Give either dueOn or instalments, not both')
  }
  if (input.instalments === undefined) {
    return [{ dueOn: assertIsoDate(input.dueOn, 'dueOn'), amountFen: fineFen }]
  }
  if (!Array.isArray(input.instalments) || input.instalments.length === 0) {
    throw new InvalidArgumentError('invalid_instalments', 'instalments must be a non-empty array')
  }
  const list = input.instalments.map((i, index) => ({
    dueOn: assertIsoDate(i?.dueOn, `instalments[${index}].dueOn`),
    amountFen: assertFen(i.amountFen, `instalments[${index}].amountFen`),
  }))
  const sum = list.reduce((s, i) => s + i.amountFen, 0)
  if (sum !== fineFen) {
    throw new InvalidArgumentError('invalid_instalments', `Instalments add up to ${sum} fen, the fine is ${fineFen} fen`)
  }
  return list.sort((a, b) => dayNumber(a.dueOn) - dayNumber(b.dueOn))
}

// ×100 (hundredths) and ×3 must stay exact: keep amounts at most 10^13 fen (1,000亿 yuan).
function assertFen(value: unknown, name: string): number {
  return assertFenAmount(value, name, { min: 1, max: 1e13 })
}
