import { type IsoDate, addCalendarDays, addCalendarMonths, assertIsoDate, calendarDaysBetween } from './calendar-date'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'
import { labels } from './labels'
import type { CaseDeadlineKind } from './penalty-procedure'
import type { DateComputation, MissingHolidayData, PeriodUnit, WorkCalendar } from './work-calendar'

/**
 * 案件期限: the periods a 行政处罚 case runs on, as one table, and the computation of each due date
 * on the working-day calendar of `work-calendar.ts` (which owns every day-counting rule: the day of
 * the event is not counted — 民法典 第二百零一条; 2/3/5/7 days are working days — 行政处罚法 第八十五条;
 * up to 10 days are working days — 行政强制法 第六十九条; an end on a rest day moves — 民法典 第二百零三条).
 *
 * Statutory periods ([V], fixed by a law) cannot be changed by a caller. Only the periods a jurisdiction's
 * rule set lists may be extended ({@link checkDeadlineExtension}: before they run out, first by the head,
 * then by 集体讨论); the new due date is counted with {@link extendDeadline}, and the original statutory
 * due date is kept — {@link lawfulDueOn} and {@link deadlineOutcome} judge every act against it. Configurable periods
 * ([R]/[I]: the law sets no number, a sector or local rule does) take `days`/`unit` from the
 * jurisdiction's rule set (`penalty_rule_set`), falling back to the defaults here.
 *
 * A period that touches a year without holiday data is never silently computed: the result is
 * `{ ok: false, reason: 'missing_holiday_data', missingYears, provisional }` and only `provisional`
 * carries the weekend-only estimate.
 */

/** Where a period's length comes from: [V] fixed by statute, [R]/[I] a sector or local rule. */
export type DeadlineSource = 'V' | 'R' | 'I'

/** One row of the deadline table. */
export type CaseDeadlineRule = {
  kind: CaseDeadlineKind
  /** Default length in days; null for a period counted in months (`months`). */
  days: number | null
  /** Length in months (民法典 第二百零二条: ends on the corresponding day), for 行政强制法 第五十三条. */
  months: number | null
  unit: PeriodUnit
  /** The provision, e.g. '《行政处罚法》第六十条'. */
  basis: string
  source: DeadlineSource
  /** True when a law fixes the length (`source` 'V', derived); the caller cannot change `days` or `unit`. */
  statutory: boolean
  /** The event the period counts from (that day itself is not counted). */
  startsWith: string
  /** Whether an end on a rest day moves to the next working day by default. */
  moveOffRestDay: boolean
  note: string
}

/**
 * The deadline table. Units follow 行政处罚法 第八十五条 where that law fixes 2/3/5/7 days
 * (working days) and are natural days for 15 and 90; 行政强制法 第六十九条 for the 10-day wait.
 *
 * @example
 * ```ts
 * caseDeadlineRules.decision // { days: 90, unit: 'natural_days', basis: '《行政处罚法》第六十条', statutory: true, … }
 * caseDeadlineRules.filing.statutory // false — the law sets no filing period (art. 54)
 * ```
 */
export const caseDeadlineRules: Readonly<Record<CaseDeadlineKind, CaseDeadlineRule>> = Object.freeze({
  filing: rule({
    kind: 'filing',
    days: 15,
    unit: 'working_days',
    basis: '《行政处罚法》第五十四条（期限参照《市场监督管理行政处罚程序规定》等部门规章）',
    source: 'R',
    startsWith: '发现线索或者收到材料之日',
    note: '法律未规定立案期限（第五十四条“应当及时立案”），默认按市场监管等部门规章的十五个工作日，可按本地规则调整',
  }),
  decision: rule({
    kind: 'decision',
    days: 90,
    unit: 'natural_days',
    basis: '《行政处罚法》第六十条',
    source: 'V',
    startsWith: '立案之日',
    note: '自立案之日起九十日内作出决定；法律、法规、规章另有规定的从其规定，延长须说明理由',
  }),
  statement: rule({
    kind: 'statement',
    days: 5,
    unit: 'working_days',
    basis: '《行政处罚法》第四十四条、第四十五条',
    source: 'R',
    startsWith: '事先告知书送达之日',
    note: '法律未规定陈述申辩期限，默认五个工作日，可按本地规则调整',
  }),
  hearing_request: rule({
    kind: 'hearing_request',
    days: 5,
    unit: 'working_days',
    basis: '《行政处罚法》第六十四条第一项、第八十五条',
    source: 'V',
    startsWith: '事先告知书送达之日',
    note: '当事人应当在行政机关告知后五日内提出听证要求',
  }),
  hearing_notice: rule({
    kind: 'hearing_notice',
    days: 7,
    unit: 'working_days',
    basis: '《行政处罚法》第六十四条第二项、第八十五条',
    source: 'V',
    startsWith: '听证通知书送达之日',
    note: '听证通知应在举行听证的七日前送达；期限届满之日后方可举行听证，见 earliestHearingDate',
  }),
  delivery: rule({
    kind: 'delivery',
    days: 7,
    unit: 'working_days',
    basis: '《行政处罚法》第六十一条、第八十五条',
    source: 'V',
    startsWith: '作出（宣告）行政处罚决定之日',
    note: '当事人不在场的，七日内依照民事诉讼法的有关规定送达',
  }),
  payment: rule({
    kind: 'payment',
    days: 15,
    unit: 'natural_days',
    basis: '《行政处罚法》第六十七条',
    source: 'V',
    startsWith: '收到行政处罚决定书之日',
    note: '十五日为自然日（第八十五条只列二、三、五、七日）；期满日为休息日是否顺延可按本地规则设置',
  }),
  publication: rule({
    kind: 'publication',
    days: 7,
    unit: 'working_days',
    basis: '国办发〔2018〕118号（行政执法公示制度）',
    source: 'R',
    startsWith: '作出行政处罚决定之日',
    note: '行政处罚决定七个工作日内公示（双公示），可按本地规则调整',
  }),
  withdrawal: rule({
    kind: 'withdrawal',
    days: 3,
    unit: 'working_days',
    basis: '《行政处罚法》第四十八条第二款、第八十五条',
    source: 'V',
    startsWith: '公开的决定被变更、撤销、确认违法或者确认无效之日',
    note: '三日内撤回行政处罚决定信息并公开说明理由',
  }),
  preservation: rule({
    kind: 'preservation',
    days: 7,
    unit: 'working_days',
    basis: '《行政处罚法》第五十六条、第八十五条',
    source: 'V',
    startsWith: '先行登记保存之日',
    note: '先行登记保存后七日内及时作出处理决定',
  }),
  simple_record: rule({
    kind: 'simple_record',
    days: 5,
    unit: 'working_days',
    basis: '《行政处罚法》第五十二条第三款',
    source: 'I',
    startsWith: '当场作出行政处罚决定之日',
    note: '法律只规定报所属行政机关备案，未规定期限；默认五个工作日，可按本地规则调整',
  }),
  court_application: rule({
    kind: 'court_application',
    days: null,
    months: 3,
    unit: 'natural_days',
    basis: '《行政强制法》第五十三条、第五十四条',
    source: 'V',
    startsWith: '行政复议、行政诉讼期限届满之日',
    note: '期限届满之日起三个月内申请；且须在催告书送达十日（工作日，第六十九条）后方可申请，见 earliestCourtApplicationDate',
  }),
})

/** What `computeCaseDeadline` needs. */
export type CaseDeadlineInput = {
  kind: CaseDeadlineKind
  /** The day of the starting event (not counted). */
  startsOn: IsoDate
  /** Only for configurable kinds; a statutory kind refuses a different length. */
  days?: number
  /** Only for configurable kinds. */
  unit?: PeriodUnit
  /** Move an end on a rest day to the next working day; default from the table (true everywhere). */
  moveOffRestDay?: boolean
}

/** A computed deadline, ready to store in `case_deadline`. */
export type CaseDeadline = {
  kind: CaseDeadlineKind
  startsOn: IsoDate
  /** Days counted; for a period in months, the natural days it spans (what `case_deadline.days` stores). */
  days: number
  unit: PeriodUnit
  basis: string
  statutory: boolean
  /** Last day of the period (after moving off a rest day). */
  dueOn: IsoDate
  /** Last day before moving; equal to `dueOn` when nothing moved. */
  nominalDueOn: IsoDate
  moved: boolean
}

export type CaseDeadlineComputation =
  | ({ ok: true; provisional: null } & CaseDeadline)
  | (MissingHolidayData & { provisional: CaseDeadline })

/**
 * Computes a case deadline from the table and the calendar.
 *
 * @example
 * ```ts
 * const result = computeCaseDeadline(chinaWorkCalendar, { kind: 'hearing_request', startsOn: '2025-09-26' })
 * if (result.ok) result.dueOn // '2025-10-10': 9-26 (Fri) served; 9-28 (调休 Sunday), 9-29, 9-30, 10-9, 10-10
 *
 * computeCaseDeadline(chinaWorkCalendar, { kind: 'filing', startsOn: '2026-03-02', days: 10 }) // configurable
 * computeCaseDeadline(chinaWorkCalendar, { kind: 'decision', startsOn: '2026-03-02', days: 120 }) // throws: statutory
 * ```
 */
export function computeCaseDeadline(calendar: WorkCalendar, input: CaseDeadlineInput): CaseDeadlineComputation {
  const table = caseDeadlineRules[input?.kind]
  if (!table) throw new InvalidArgumentError('invalid_deadline_kind', `Unknown deadline kind ${describeValue(input?.kind)}`)
  const startsOn = assertIsoDate(input.startsOn, 'startsOn')
  const moveOffRestDay = input.moveOffRestDay ?? table.moveOffRestDay
  if (typeof moveOffRestDay !== 'boolean') {
    throw new InvalidArgumentError('invalid_options', `moveOffRestDay must be a boolean, got ${describeValue(moveOffRestDay)}`)
  }
  if (table.statutory) {
    if ((input.days !== undefined && input.days !== table.days) || (input.unit !== undefined && input.unit !== table.unit)) {
      throw new InvalidArgumentError(
        'statutory_period_fixed',
        `The ${table.kind} period is fixed by ${table.basis}; use extendDeadline for an extension`,
      )
    }
  }

  if (table.months !== null) {
    // 行政强制法 第五十三条: three months; 民法典 第二百零二条 gives the corresponding day.
    const nominalDueOn = addCalendarMonths(startsOn, table.months)
    const days = calendarDaysBetween(startsOn, nominalDueOn)
    const period = calendar.computePeriodEnd(startsOn, days, { rule: 'natural_days', moveOffHoliday: moveOffRestDay })
    return toComputation(table, startsOn, days, period)
  }

  const days = input.days ?? (table.days as number)
  const unit = input.unit ?? table.unit
  if (unit !== 'working_days' && unit !== 'natural_days') {
    throw new InvalidArgumentError('invalid_period_unit', `unit must be working_days or natural_days, got ${describeValue(unit)}`)
  }
  const period = calendar.computePeriodEnd(startsOn, days, { rule: unit, moveOffHoliday: moveOffRestDay })
  return toComputation(table, startsOn, days, period)
}

/**
 * An extended deadline (延长): `days` more, counted from the current due date, with the kind's basis.
 * The reason and the approval are the server's business (audited); this only counts.
 *
 * @example
 * ```ts
 * extendDeadline(chinaWorkCalendar, { kind: 'decision', dueOn: '2026-05-31', days: 30, unit: 'natural_days' })
 * // → { ok: true, dueOn: '2026-06-30', nominalDueOn: '2026-06-30', moved: false … } (a Tuesday)
 * ```
 */
export function extendDeadline(
  calendar: WorkCalendar,
  input: { kind: CaseDeadlineKind; dueOn: IsoDate; days: number; unit: PeriodUnit; moveOffRestDay?: boolean },
): CaseDeadlineComputation {
  const table = caseDeadlineRules[input?.kind]
  if (!table) throw new InvalidArgumentError('invalid_deadline_kind', `Unknown deadline kind ${describeValue(input?.kind)}`)
  const dueOn = assertIsoDate(input.dueOn, 'dueOn')
  const period = calendar.computePeriodEnd(dueOn, input.days, { rule: input.unit, moveOffHoliday: input.moveOffRestDay ?? true })
  return toComputation({ ...table, unit: input.unit }, dueOn, input.days, period)
}

/**
 * The periods a jurisdiction's rule set may declare extendable (延长). The decision period is one because
 * 《行政处罚法》第六十条 leaves the length to "法律、法规、规章另有规定"; the [R]/[I] periods are set by local
 * rules anyway. Every other period is fixed by a law without such a clause and can never be extended:
 * 送达 (第六十一条), 听证 (第六十四条), 缴纳罚款 (第六十七条 — only deferred or split under 第六十六条),
 * 撤下公示 (第四十八条), 先行登记保存 (第五十六条), 申请法院强制执行 (《行政强制法》第五十三条).
 */
export const extendableDeadlineKinds = ['decision', 'filing', 'statement', 'publication', 'simple_record'] as const satisfies readonly CaseDeadlineKind[]
export type ExtendableDeadlineKind = (typeof extendableDeadlineKinds)[number]

/**
 * How one period may be extended in a jurisdiction: once 经负责人批准 up to `headApprovalMaxDays`, then —
 * only when `collectiveDiscussion` — again, each time 经负责人集体讨论决定, up to `collectiveDiscussionMaxDays`
 * (null: the discussion fixes a reasonable period, 合理期限). Days are counted in the period's own unit.
 */
export type DeadlineExtensionRule = {
  headApprovalMaxDays: number
  collectiveDiscussion: boolean
  collectiveDiscussionMaxDays: number | null
}

/** A jurisdiction's extension rules: a kind absent here cannot be extended. */
export type DeadlineExtensionRules = Partial<Record<ExtendableDeadlineKind, DeadlineExtensionRule>>

/**
 * The platform default, after 《市场监督管理行政处罚程序规定》第六十四条: the 90 days may be extended by
 * 30 days 经市场监督管理部门负责人批准; a further extension only 由负责人集体讨论决定, which fixes its
 * length. No other period is extendable unless a region's rule set says so.
 */
export const defaultDeadlineExtensionRules: DeadlineExtensionRules = Object.freeze({
  decision: Object.freeze({ headApprovalMaxDays: 30, collectiveDiscussion: true, collectiveDiscussionMaxDays: null }),
})

/** 延长的依据: the head's approval, a collective discussion, or 中止 (the days stood still; 第六十条 counts only running days). */
export type DeadlineExtensionGround = 'head_approval' | 'collective_discussion' | 'suspension'

/** Why an extension is refused — stable codes, sent as `details.rule`. */
export type DeadlineExtensionRefusal =
  | 'payment_not_extendable'
  | 'deadline_not_extendable'
  | 'deadline_already_missed'
  | 'extension_too_long'
  | 'extension_needs_collective_discussion'
  | 'extension_limit_reached'

export type DeadlineExtensionCheck =
  | { ok: true; ground: Exclude<DeadlineExtensionGround, 'suspension'> }
  | { ok: false; rule: DeadlineExtensionRefusal; message: string }

/**
 * Whether a period may be extended now, and on which ground. The rule of law, not a warning:
 *
 * - only a kind the rule set lists (and never a statutory period without a 另有规定 clause; 缴纳罚款 only
 *   through 第六十六条 暂缓或者分期);
 * - only while the period runs: `today` (the day the extension is recorded, not a back-dated act date)
 *   on or before the current lawful due date — a missed period stays missed;
 * - the first extension by the head, at most `headApprovalMaxDays`; each further one only with a
 *   集体讨论 record, when the rule set allows it, at most `collectiveDiscussionMaxDays`.
 *
 * @example
 * ```ts
 * const rules = defaultDeadlineExtensionRules
 * checkDeadlineExtension({ kind: 'decision', rules, dueOn: '2027-02-18', today: '2027-02-10', days: 30, priorExtensions: 0, collectiveDiscussion: false })
 * // → { ok: true, ground: 'head_approval' }
 * checkDeadlineExtension({ kind: 'decision', rules, dueOn: '2027-02-18', today: '2027-02-19', days: 30, priorExtensions: 0, collectiveDiscussion: false })
 * // → { ok: false, rule: 'deadline_already_missed', message: '作出决定期限（九十日）已于 2027-02-18 届满，不能再延长；逾期的期限始终记为逾期' }
 * ```
 */
export function checkDeadlineExtension(input: {
  kind: CaseDeadlineKind
  rules: DeadlineExtensionRules
  /** The current lawful due date (the statutory one plus the extensions granted in time). */
  dueOn: IsoDate
  today: IsoDate
  days: number
  /** Extensions by approval or discussion already granted on this period (not 中止). */
  priorExtensions: number
  /** Whether the request carries a 集体讨论 record. */
  collectiveDiscussion: boolean
}): DeadlineExtensionCheck {
  const table = caseDeadlineRules[input?.kind]
  if (!table) throw new InvalidArgumentError('invalid_deadline_kind', `Unknown deadline kind ${describeValue(input?.kind)}`)
  const dueOn = assertIsoDate(input.dueOn, 'dueOn')
  const today = assertIsoDate(input.today, 'today')
  if (!Number.isSafeInteger(input.days) || input.days < 1) throw new InvalidArgumentError('invalid_options', `days must be a positive integer, got ${describeValue(input.days)}`)
  const name = labels.caseDeadlineKind[input.kind]
  if (input.kind === 'payment') {
    return refuse('payment_not_extendable', '缴纳罚款期限不能延长；当事人确有经济困难的，依照《行政处罚法》第六十六条申请暂缓或者分期缴纳')
  }
  const rule = isExtendable(input.kind) ? input.rules[input.kind] : undefined
  if (!rule) {
    const why = isExtendable(input.kind) ? '本地处罚程序规则未规定可以延长' : `由${table.basis}规定，不能延长`
    return refuse('deadline_not_extendable', `${name}${why}`)
  }
  if (today > dueOn) return refuse('deadline_already_missed', `${name}已于 ${dueOn} 届满，不能再延长；逾期的期限始终记为逾期`)
  const unit = table.unit === 'working_days' ? '个工作日' : '日'
  if (input.priorExtensions === 0) {
    if (input.days > rule.headApprovalMaxDays) return refuse('extension_too_long', `经负责人批准，${name}最多延长 ${rule.headApprovalMaxDays}${unit}`)
    return { ok: true, ground: 'head_approval' }
  }
  if (!rule.collectiveDiscussion) return refuse('extension_limit_reached', `${name}已经延长过，本地处罚程序规则不允许再次延长`)
  if (!input.collectiveDiscussion) return refuse('extension_needs_collective_discussion', `${name}已经负责人批准延长，再次延长须经负责人集体讨论决定，请附集体讨论记录`)
  if (rule.collectiveDiscussionMaxDays !== null && input.days > rule.collectiveDiscussionMaxDays) {
    return refuse('extension_too_long', `经集体讨论，${name}每次最多延长 ${rule.collectiveDiscussionMaxDays}${unit}`)
  }
  return { ok: true, ground: 'collective_discussion' }
}

/** One extension of a period, as recorded: its ground, the day it was granted, and the due dates it moved between. */
export type DeadlineExtensionRecord = {
  ground: DeadlineExtensionGround | 'legacy'
  /** The day the extension took effect: the approval's day, or for 中止 the day the case was suspended. */
  grantedOn: IsoDate
  fromDueOn: IsoDate
  toDueOn: IsoDate
}

/**
 * The lawful due date of a period: its original statutory due date, moved only by the extensions
 * granted while it still ran (`grantedOn` on or before the due date they extended) and only for a kind
 * that may be extended at all (中止 moves only the decision period). An extension recorded after the
 * period was missed — possible before this rule — does not count, so the miss stays visible.
 *
 * @example
 * ```ts
 * lawfulDueOn('decision', '2027-02-18', [{ ground: 'head_approval', grantedOn: '2027-02-10', fromDueOn: '2027-02-18', toDueOn: '2027-03-20' }])
 * // → '2027-03-20'
 * lawfulDueOn('delivery', '2027-01-08', [{ ground: 'legacy', grantedOn: '2027-01-05', fromDueOn: '2027-01-08', toDueOn: '2027-01-20' }])
 * // → '2027-01-08' (送达 cannot be extended)
 * ```
 */
export function lawfulDueOn(kind: CaseDeadlineKind, originalDueOn: IsoDate, extensions: readonly DeadlineExtensionRecord[]): IsoDate {
  let due = assertIsoDate(originalDueOn, 'originalDueOn')
  if (!isExtendable(kind)) return due
  for (const e of [...extensions].sort((a, b) => (a.fromDueOn < b.fromDueOn ? -1 : a.fromDueOn > b.fromDueOn ? 1 : 0))) {
    if (e.ground === 'suspension' && kind !== 'decision') continue
    if (e.fromDueOn !== due || e.grantedOn > due) continue
    due = e.toDueOn
  }
  return due
}

/** How a period ended or stands: met in time, met late, missed (not done, past due), or still running. */
export type DeadlineOutcome = 'met' | 'met_late' | 'missed' | 'running'

/**
 * Whether a period was kept, judged on its lawful due date: an act after that day is late and stays
 * late after it is done; without the act, the period is missed once `today` is past it.
 *
 * @example
 * ```ts
 * deadlineOutcome({ dueOn: '2027-02-18', metOn: '2027-02-20', today: '2027-03-01' }) // { outcome: 'met_late', daysLate: 2 }
 * deadlineOutcome({ dueOn: '2027-02-18', metOn: null, today: '2027-02-18' }) // { outcome: 'running', daysLate: 0 }
 * ```
 */
export function deadlineOutcome(input: { dueOn: IsoDate; metOn: IsoDate | null; today: IsoDate }): { outcome: DeadlineOutcome; daysLate: number } {
  const dueOn = assertIsoDate(input.dueOn, 'dueOn')
  const end = input.metOn === null ? assertIsoDate(input.today, 'today') : assertIsoDate(input.metOn, 'metOn')
  const daysLate = Math.max(0, calendarDaysBetween(dueOn, end))
  if (input.metOn !== null) return { outcome: daysLate > 0 ? 'met_late' : 'met', daysLate }
  return { outcome: daysLate > 0 ? 'missed' : 'running', daysLate }
}

function isExtendable(kind: CaseDeadlineKind): kind is ExtendableDeadlineKind {
  return (extendableDeadlineKinds as readonly CaseDeadlineKind[]).includes(kind)
}

function refuse(rule: DeadlineExtensionRefusal, message: string): DeadlineExtensionCheck {
  return { ok: false, rule, message }
}

/**
 * The earliest day a hearing may be held after the notice was served (行政处罚法 第六十四条第二项:
 * notice "在举行听证的七日前"; 第八十五条: working days). We read it strictly: seven full working
 * days lie between the day of service and the hearing day, so a hearing on the seventh working day
 * itself is refused. (The looser reading "service day + 7" would let a hearing fall on that day; the
 * strict one costs the agency at most one day and leaves no procedural doubt.) The answer is a
 * working day, since hearings are held in office hours.
 *
 * @example
 * ```ts
 * earliestHearingDate(chinaWorkCalendar, '2026-09-28')
 * // → { ok: true, date: '2026-10-14' }: the 7 working days are 9-29, 9-30, 10-8, 10-9, 10-10 (调休 Saturday), 10-12, 10-13
 * ```
 */
export function earliestHearingDate(calendar: WorkCalendar, noticeServedOn: IsoDate): DateComputation {
  return calendar.addWorkingDays(assertIsoDate(noticeServedOn, 'noticeServedOn'), 8)
}

/**
 * Whether a hearing on `hearingOn` respects the 7-working-day notice of 行政处罚法 第六十四条第二项
 * (strict reading, see {@link earliestHearingDate}): at least 7 working days strictly between.
 *
 * @example
 * ```ts
 * hearingNoticeTimely(chinaWorkCalendar, '2026-03-02', '2026-03-12') // { ok: true, timely: true, workingDaysBetween: 7 }
 * ```
 */
export function hearingNoticeTimely(
  calendar: WorkCalendar,
  noticeServedOn: IsoDate,
  hearingOn: IsoDate,
): { ok: true; timely: boolean; workingDaysBetween: number } | (MissingHolidayData & { provisionalTimely: boolean; workingDaysBetween: number }) {
  assertIsoDate(noticeServedOn, 'noticeServedOn')
  const dayBefore = addCalendarDays(assertIsoDate(hearingOn, 'hearingOn'), -1)
  const between = calendar.workingDaysBetween(noticeServedOn, dayBefore)
  if (between.ok) return { ok: true, timely: between.count >= 7, workingDaysBetween: between.count }
  const { reason, missingYears, message } = between
  return { ok: false, reason, missingYears, message, provisionalTimely: between.provisionalCount >= 7, workingDaysBetween: between.provisionalCount }
}

/**
 * The first day an agency without enforcement power may apply to a court (行政强制法 第五十四条:
 * "催告书送达十日后当事人仍未履行义务的…可以向…人民法院申请强制执行"; 第六十九条: ten days are
 * working days). "十日后" = after the tenth working day, so the answer is the next working day.
 *
 * @example
 * ```ts
 * earliestCourtApplicationDate(chinaWorkCalendar, '2026-02-10') // { ok: true, date: '2026-03-03' } (春节 2-15…2-23 in between)
 * ```
 */
export function earliestCourtApplicationDate(calendar: WorkCalendar, reminderServedOn: IsoDate): DateComputation {
  return calendar.addWorkingDays(assertIsoDate(reminderServedOn, 'reminderServedOn'), 11)
}

/**
 * When the party's remedy periods run out — the start of the 3-month court-application period of
 * 行政强制法 第五十三条: the later of 行政复议 (60 days from knowing of the act, 行政复议法 第二十条)
 * and 行政诉讼 (6 months, 行政诉讼法 第四十六条), both counted from receipt of the decision. Six
 * months is always the later one; it ends on the corresponding day (民法典 第二百零二条) and, when
 * that is a rest day, on the next working day (民法典 第二百零三条; the same rule the 民事诉讼法 applies
 * to litigation periods). Assumes the decision told the party of the remedies and their periods
 * (第五十九条第五项); where it did not, the court's longer period applies and this date is too early.
 *
 * @example
 * ```ts
 * remedyPeriodsExpireOn(chinaWorkCalendar, '2026-03-31') // { ok: true, date: '2026-09-30' } (no 9-31: the month's last day)
 * remedyPeriodsExpireOn(chinaWorkCalendar, '2026-04-04') // { ok: true, date: '2026-10-08' } (10-04 is in 国庆)
 * ```
 */
export function remedyPeriodsExpireOn(calendar: WorkCalendar, decisionReceivedOn: IsoDate): DateComputation {
  const receivedOn = assertIsoDate(decisionReceivedOn, 'decisionReceivedOn')
  const litigationEnd = addCalendarMonths(receivedOn, 6)
  return calendar.addNaturalDays(receivedOn, calendarDaysBetween(receivedOn, litigationEnd), { moveOffHoliday: true })
}

/**
 * The day the 3-month court-application period of 行政强制法 第五十三条 counts from (that day itself
 * not counted, like every start here).
 *
 * Without a deferral it is {@link remedyPeriodsExpireOn}. With an approved deferral or instalments
 * (行政处罚法 第六十六条第二款), 第七十二条第二款 moves the start: "行政机关批准延期、分期缴纳罚款的，
 * 申请人民法院强制执行的期限，自暂缓或者分期缴纳罚款期限结束之日起计算" — the end of that period being
 * the last approved due date (`deferredPaymentEndsOn`, taken as approved, not moved off a rest day).
 *
 * We read the two together and start the period on the **later** of the two days:
 *
 * - Before the approved payment period ends the party is not in default of it (第七十二条第一款 and
 *   第五十三条 both presuppose "不履行"), so the period cannot run, let alone lapse, while the party may
 *   still lawfully pay; that is what 第七十二条第二款 protects.
 * - 第七十二条第二款 only says from when the period counts; it does not lift 第五十三条's condition that
 *   the party let the 复议/诉讼 periods pass. A deferral that ends before they expire therefore
 *   changes nothing. (Read literally on its own, a deferral ending more than three months before
 *   the remedy periods expire would close the application period before an application could be
 *   made at all.)
 *
 * A 复议 the party brought moves it too: after the 复议决定 the party may still sue within 15 days of receiving it
 * (行政诉讼法 第四十五条), so the period cannot start before those 15 days have run
 * (`reconsiderationDecisionsReceivedOn`).
 *
 * A result that depends on a year without holiday data is `ok: false`, with the latest of the
 * provisional days.
 *
 * @example
 * ```ts
 * courtApplicationPeriodStartsOn(chinaWorkCalendar, { decisionReceivedOn: '2026-03-31' })
 * // → { ok: true, date: '2026-09-30' } (the remedy periods)
 * courtApplicationPeriodStartsOn(chinaWorkCalendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: '2026-11-15' })
 * // → { ok: true, date: '2026-11-15' } (the last instalment, later)
 * courtApplicationPeriodStartsOn(chinaWorkCalendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-09-25'] })
 * // → { ok: true, date: '2026-10-10' } (15 days after the 复议决定 was received; 10-10 is a working Saturday in 2026)
 * ```
 */
export function courtApplicationPeriodStartsOn(
  calendar: WorkCalendar,
  input: { decisionReceivedOn: IsoDate; deferredPaymentEndsOn?: IsoDate | null; reconsiderationDecisionsReceivedOn?: readonly IsoDate[] },
): DateComputation {
  const ends: DateComputation[] = [remedyPeriodsExpireOn(calendar, input?.decisionReceivedOn)]
  // 行政诉讼法 第四十五条: after a 复议决定 the party may still sue within 15 days of receiving it — counted like the
  // other litigation periods, the last day moved off a rest day.
  for (const received of input.reconsiderationDecisionsReceivedOn ?? []) {
    ends.push(calendar.addNaturalDays(assertIsoDate(received, 'reconsiderationDecisionsReceivedOn'), 15, { moveOffHoliday: true }))
  }
  if (input.deferredPaymentEndsOn != null) ends.push({ ok: true, date: assertIsoDate(input.deferredPaymentEndsOn, 'deferredPaymentEndsOn') })
  return latestOf(ends)
}

/** The latest of several computed days; provisional when any is (the first provisional one's message, all missing years). */
function latestOf(days: readonly DateComputation[]): DateComputation {
  const dateOf = (d: DateComputation) => (d.ok ? d.date : d.provisionalDate)
  const latest = days.map(dateOf).reduce((a, b) => (b > a ? b : a))
  const provisional = days.filter((d) => !d.ok)
  const first = provisional[0]
  if (!first) return { ok: true, date: latest }
  const missingYears = [...new Set(provisional.flatMap((d) => d.missingYears))].sort((a, b) => a - b)
  return { ...first, missingYears, provisionalDate: latest }
}

/** How close a deadline is. */
export type DeadlineState = 'overdue' | 'due_soon' | 'ok'

export type DeadlineStatus = {
  state: DeadlineState
  /** Natural days from `today` to `dueOn`; 0 on the due day, negative when overdue. */
  daysLeft: number
  /** Working days after today up to and including `dueOn`; negative when overdue. */
  workingDaysLeft: number
  /** False when a year without holiday data was involved: `workingDaysLeft` is then an estimate. */
  exact: boolean
  missingYears: number[]
}

/**
 * Days left on a deadline and its state: `overdue` after the due day, `due_soon` when at most
 * `dueSoonWorkingDays` working days are left (default 3, `penalty_rule_set.remind_days_before`;
 * the due day itself is always `due_soon`), otherwise `ok`.
 *
 * @example
 * ```ts
 * deadlineStatus('2026-02-24', '2026-02-13', chinaWorkCalendar)
 * // → { state: 'due_soon', daysLeft: 11, workingDaysLeft: 2, exact: true, missingYears: [] } (2-14 调休, 2-15…2-23 春节)
 * ```
 */
export function deadlineStatus(
  dueOn: IsoDate,
  today: IsoDate,
  calendar: WorkCalendar,
  options: { dueSoonWorkingDays?: number } = {},
): DeadlineStatus {
  const daysLeft = calendarDaysBetween(assertIsoDate(today, 'today'), assertIsoDate(dueOn, 'dueOn'))
  const threshold = options.dueSoonWorkingDays ?? 3
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new InvalidArgumentError('invalid_options', `dueSoonWorkingDays must be a non-negative integer, got ${describeValue(threshold)}`)
  }
  const counted = calendar.workingDaysBetween(today, dueOn)
  const workingDaysLeft = counted.ok ? counted.count : counted.provisionalCount
  const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft === 0 || workingDaysLeft <= threshold ? 'due_soon' : 'ok'
  return { state, daysLeft, workingDaysLeft, exact: counted.ok, missingYears: counted.ok ? [] : counted.missingYears }
}

function rule(row: Omit<CaseDeadlineRule, 'months' | 'moveOffRestDay' | 'statutory'> & { months?: number; moveOffRestDay?: boolean }): CaseDeadlineRule {
  return Object.freeze({ ...row, months: row.months ?? null, statutory: row.source === 'V', moveOffRestDay: row.moveOffRestDay ?? true })
}

function toComputation(
  table: CaseDeadlineRule,
  startsOn: IsoDate,
  days: number,
  period: ReturnType<WorkCalendar['computePeriodEnd']>,
): CaseDeadlineComputation {
  const end = period.ok ? period : period.provisional
  const deadline: CaseDeadline = {
    kind: table.kind,
    startsOn,
    days,
    unit: end.unit,
    basis: table.basis,
    statutory: table.statutory,
    dueOn: end.date,
    nominalDueOn: end.nominalDate,
    moved: end.moved,
  }
  if (period.ok) return { ok: true, provisional: null, ...deadline }
  return { ok: false, reason: period.reason, missingYears: period.missingYears, message: period.message, provisional: deadline }
}
