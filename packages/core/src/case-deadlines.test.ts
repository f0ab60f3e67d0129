import { describe, expect, it } from 'vitest'
import {
  caseDeadlineRules,
  checkDeadlineExtension,
  computeCaseDeadline,
  deadlineOutcome,
  defaultDeadlineExtensionRules,
  courtApplicationPeriodStartsOn,
  deadlineStatus,
  earliestCourtApplicationDate,
  earliestHearingDate,
  extendDeadline,
  hearingNoticeTimely,
  lawfulDueOn,
  remedyPeriodsExpireOn,
  type DeadlineExtensionRules,
} from './case-deadlines'
import { weekdayOf } from './calendar-date'
import { InvalidArgumentError } from './invalid-argument-error'
import { caseDeadlineKinds } from './penalty-procedure'
import { chinaWorkCalendar, periodUnitFor } from './work-calendar'

/*
 * How the expected dates were checked: by hand, day by day, against the State Council notices as
 * encoded in work-calendar.ts (and tested there against the published texts):
 * - 2025 (国办发明电〔2024〕12号): 春节 01-28…02-04 off, 01-26 (Sun) and 02-08 (Sat) worked;
 *   国庆/中秋 10-01…10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.
 * - 2026 (国办发明电〔2025〕7号): 春节 02-15…02-23 off, 02-14 (Sat) and 02-28 (Sat) worked;
 *   劳动节 05-01…05-05 off, 05-09 (Sat) worked; 中秋 09-25…09-27 off, 09-20 (Sun) worked;
 *   国庆 10-01…10-07 off, 10-10 (Sat) worked.
 * Each case lists the days counted. The day of the event is never counted (民法典 第二百零一条).
 */

const calendar = chinaWorkCalendar

function due(kind: Parameters<typeof computeCaseDeadline>[1]['kind'], startsOn: string, extra: Partial<Parameters<typeof computeCaseDeadline>[1]> = {}) {
  const result = computeCaseDeadline(calendar, { kind, startsOn, ...extra })
  if (!result.ok) throw new Error(`unexpected missing data: ${result.message}`)
  return result
}

describe('the deadline table', () => {
  it('has one row for every deadline kind, each with a basis', () => {
    expect(Object.keys(caseDeadlineRules).sort()).toEqual([...caseDeadlineKinds].sort())
    for (const kind of caseDeadlineKinds) {
      expect(caseDeadlineRules[kind].kind).toBe(kind)
      expect(caseDeadlineRules[kind].basis.length).toBeGreaterThan(4)
    }
  })

  it('uses art. 85 for the statutory 2/3/5/7-day periods and natural days for 15 and 90', () => {
    for (const kind of ['hearing_request', 'hearing_notice', 'delivery', 'withdrawal', 'preservation'] as const) {
      const row = caseDeadlineRules[kind]
      expect(row.statutory).toBe(true)
      expect(row.basis).toContain('第八十五条')
      expect(row.unit).toBe(periodUnitFor('penalty_law_art_85', row.days as number))
      expect(row.unit).toBe('working_days')
    }
    expect(caseDeadlineRules.decision).toMatchObject({ days: 90, unit: 'natural_days', basis: '《行政处罚法》第六十条', statutory: true })
    expect(caseDeadlineRules.payment).toMatchObject({ days: 15, unit: 'natural_days', basis: '《行政处罚法》第六十七条', statutory: true })
    expect(caseDeadlineRules.court_application).toMatchObject({ days: null, months: 3, statutory: true })
  })

  it('marks the periods the law leaves open as configurable', () => {
    for (const kind of ['filing', 'statement', 'publication', 'simple_record'] as const) {
      expect(caseDeadlineRules[kind].statutory).toBe(false)
      expect(caseDeadlineRules[kind].source).not.toBe('V')
    }
    expect(caseDeadlineRules.filing).toMatchObject({ days: 15, unit: 'working_days' })
    expect(caseDeadlineRules.statement).toMatchObject({ days: 5, unit: 'working_days' })
    expect(caseDeadlineRules.publication).toMatchObject({ days: 7, unit: 'working_days' })
  })
})

describe('computeCaseDeadline across holidays', () => {
  it('hearing request, 5 working days over 春节 2025', () => {
    // Served Fri 01-24. 01-25 Sat no; 01-26 Sun 调休 (1); 01-27 (2); 01-28…02-04 春节;
    // 02-05 (3), 02-06 (4), 02-07 (5).
    expect(due('hearing_request', '2025-01-24')).toMatchObject({
      dueOn: '2025-02-07',
      days: 5,
      unit: 'working_days',
      basis: '《行政处罚法》第六十四条第一项、第八十五条',
      moved: false,
      provisional: null,
    })
  })

  it('statement, 5 working days over 春节 2026 with the 调休 Saturday before it', () => {
    // Served Thu 02-12. 02-13 (1); 02-14 Sat 调休 (2); 02-15…02-23 春节; 02-24 (3), 02-25 (4), 02-26 (5).
    expect(due('statement', '2026-02-12')).toMatchObject({ dueOn: '2026-02-26', unit: 'working_days' })
  })

  it('delivery, 7 working days over 国庆 2025 with both 调休 weekend days', () => {
    // Decided Fri 09-26. 09-27 Sat no; 09-28 Sun 调休 (1); 09-29 (2); 09-30 (3); 10-01…10-08 off;
    // 10-09 (4); 10-10 (5); 10-11 Sat 调休 (6); 10-12 Sun no; 10-13 (7).
    expect(due('delivery', '2025-09-26')).toMatchObject({ dueOn: '2025-10-13', basis: '《行政处罚法》第六十一条、第八十五条' })
  })

  it('withdrawal, 3 working days ending on the 调休 Saturday after 国庆 2026', () => {
    // Changed Wed 09-30. 10-01…10-07 off; 10-08 (1); 10-09 (2); 10-10 Sat 调休 (3).
    const result = due('withdrawal', '2026-09-30')
    expect(result.dueOn).toBe('2026-10-10')
    expect(weekdayOf(result.dueOn)).toBe(6)
  })

  it('preservation, 7 working days over 中秋 and 国庆 2026', () => {
    // Seized Thu 09-24. 09-25…09-27 中秋; 09-28 (1); 09-29 (2); 09-30 (3); 10-01…10-07 国庆;
    // 10-08 (4); 10-09 (5); 10-10 Sat 调休 (6); 10-11 Sun no; 10-12 (7).
    expect(due('preservation', '2026-09-24').dueOn).toBe('2026-10-12')
  })

  it('publication, 7 working days over 劳动节 2026', () => {
    // Decided Thu 04-30. 05-01…05-05 off; 05-06 (1); 05-07 (2); 05-08 (3); 05-09 Sat 调休 (4);
    // 05-10 Sun no; 05-11 (5); 05-12 (6); 05-13 (7).
    expect(due('publication', '2026-04-30').dueOn).toBe('2026-05-13')
  })

  it('filing, 15 working days by default, counting both 调休 Saturdays of 春节 2026', () => {
    // Mon 02-02. 02-03…02-06 (4); 02-09…02-13 (9); 02-14 Sat (10); 02-15…02-23 off;
    // 02-24…02-27 (14); 02-28 Sat 调休 (15).
    expect(due('filing', '2026-02-02')).toMatchObject({ dueOn: '2026-02-28', days: 15, unit: 'working_days', statutory: false })
  })

  it('payment, 15 natural days ending inside 国庆 2025, moves to the first working day after it', () => {
    // Received 09-16; +15 = 10-01 (国庆). 10-01…10-08 off → 10-09 (Thu).
    expect(due('payment', '2025-09-16')).toMatchObject({ nominalDueOn: '2025-10-01', dueOn: '2025-10-09', moved: true, unit: 'natural_days' })
  })

  it('payment stays on the holiday when the rule set says it does not move', () => {
    expect(due('payment', '2025-09-16', { moveOffRestDay: false })).toMatchObject({ dueOn: '2025-10-01', moved: false })
  })

  it('decision, 90 natural days from 立案 ending in 春节 2026, moves past it', () => {
    // 立案 2025-11-20: +10 = 11-30, +31 = 12-31 (41), +31 = 01-31 (72), +18 = 02-18 (90), inside
    // 02-15…02-23 → 02-24 (Tue).
    expect(due('decision', '2025-11-20')).toMatchObject({ nominalDueOn: '2026-02-18', dueOn: '2026-02-24', moved: true, days: 90 })
  })

  it('decision, 90 days ending on an ordinary Sunday moves to Monday', () => {
    // 立案 2025-11-03: +27 = 11-30, +31 = 12-31 (58), +31 = 01-31 (89), +1 = 02-01 (90), a Sunday.
    expect(due('decision', '2025-11-03')).toMatchObject({ nominalDueOn: '2026-02-01', dueOn: '2026-02-02', moved: true })
  })

  it('court application: three months after the remedy periods expire (行政强制法 第五十三条)', () => {
    // Decision received 2026-03-31: 复议 60 days → 05-30, 诉讼 6 months → 09-30 (no 09-31), the later one.
    const expiry = remedyPeriodsExpireOn(calendar, '2026-03-31')
    expect(expiry).toEqual({ ok: true, date: '2026-09-30' })
    if (!expiry.ok) return
    // +3 months = 12-30 (Wed), a working day; 91 natural days.
    expect(due('court_application', expiry.date)).toMatchObject({ dueOn: '2026-12-30', days: 91, unit: 'natural_days', basis: '《行政强制法》第五十三条、第五十四条' })
  })

  it('the remedy periods end moves off a holiday', () => {
    // Received 2026-04-04 (清明): +6 months = 10-04, inside 国庆 10-01…10-07 → 10-08 (Thu).
    expect(remedyPeriodsExpireOn(calendar, '2026-04-04')).toEqual({ ok: true, date: '2026-10-08' })
    // Received 2026-08-31: +6 months = 2027-02-28 — needs 2027 data to know whether it moves.
    expect(remedyPeriodsExpireOn(calendar, '2026-08-31')).toMatchObject({ ok: false, missingYears: [2027], provisionalDate: '2027-03-01' })
  })

  it('court application after a deferral: from the end of the approved payment period when later (行政处罚法 第七十二条第二款)', () => {
    // Received 2026-03-31: the remedy periods expire 09-30. No deferral → 09-30.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31' })).toEqual({ ok: true, date: '2026-09-30' })
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: null })).toEqual({ ok: true, date: '2026-09-30' })
    // Instalments ending 11-15 (a Sunday, taken as approved, not moved): the period counts from 11-15.
    const deferred = courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: '2026-11-15' })
    expect(deferred).toEqual({ ok: true, date: '2026-11-15' })
    // A deferral ending before the remedy periods expire changes nothing.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: '2026-06-30' })).toEqual({ ok: true, date: '2026-09-30' })
    // Remedy periods in a year without holiday data: provisional, still the later day.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-08-31', deferredPaymentEndsOn: '2027-04-30' })).toMatchObject({ ok: false, missingYears: [2027], provisionalDate: '2027-04-30' })
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-08-31', deferredPaymentEndsOn: '2026-12-31' })).toMatchObject({ ok: false, missingYears: [2027], provisionalDate: '2027-03-01' })
    expect(() => courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: '2026-02-30' })).toThrow(InvalidArgumentError)
  })

  it('court application after a 复议决定: not before the 15 days to sue have run (行政诉讼法 第四十五条)', () => {
    // Received 2026-03-31 (remedy periods to 09-30); 复议决定 received 09-25: + 15 = 10-10, a working Saturday (国庆调休).
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-09-25'] })).toEqual({ ok: true, date: '2026-10-10' })
    // 09-20 + 15 = 10-05, inside 国庆 → 10-08.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-09-20'] })).toEqual({ ok: true, date: '2026-10-08' })
    // An early 复议决定 changes nothing: 05-10 + 15 = 05-25, long before 09-30.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-05-10'] })).toEqual({ ok: true, date: '2026-09-30' })
    // The latest of all three: instalments to 10-31 beat the 复议 (10-10).
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', deferredPaymentEndsOn: '2026-10-31', reconsiderationDecisionsReceivedOn: ['2026-09-25'] })).toEqual({ ok: true, date: '2026-10-31' })
    // A 复议决定 whose 15 days end in a year without holiday data makes the answer provisional: 2027-01-09 (Sat) → 01-11.
    expect(courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-12-25'] })).toMatchObject({ ok: false, missingYears: [2027], provisionalDate: '2027-01-11' })
    expect(() => courtApplicationPeriodStartsOn(calendar, { decisionReceivedOn: '2026-03-31', reconsiderationDecisionsReceivedOn: ['2026-13-01'] })).toThrow(InvalidArgumentError)
  })

  it('takes a configured length for a configurable kind', () => {
    // Statement set to 10 natural days locally: 02-10 + 10 = 02-20 (春节) → 02-24.
    expect(due('statement', '2026-02-10', { days: 10, unit: 'natural_days' })).toMatchObject({ dueOn: '2026-02-24', moved: true, days: 10 })
  })

  it('refuses another length for a statutory kind', () => {
    const attempt = () => computeCaseDeadline(calendar, { kind: 'decision', startsOn: '2026-03-02', days: 120 })
    expect(attempt).toThrow(InvalidArgumentError)
    expect(attempt).toThrow(/extendDeadline/)
    expect(() => computeCaseDeadline(calendar, { kind: 'hearing_request', startsOn: '2026-03-02', unit: 'natural_days' })).toThrow(InvalidArgumentError)
    // The statutory length itself is accepted.
    expect(computeCaseDeadline(calendar, { kind: 'decision', startsOn: '2026-03-02', days: 90 }).ok).toBe(true)
  })

  it('refuses an unknown kind and a malformed date', () => {
    // @ts-expect-error — testing a value from outside the type system
    expect(() => computeCaseDeadline(calendar, { kind: 'nap', startsOn: '2026-03-02' })).toThrow(InvalidArgumentError)
    expect(() => computeCaseDeadline(calendar, { kind: 'payment', startsOn: '2026/03/02' })).toThrow(InvalidArgumentError)
  })
})

describe('a year without holiday data is flagged, never silently computed', () => {
  it('a working-day period into 2027 is provisional', () => {
    // Served Tue 2026-12-29: 12-30 (1), 12-31 (2), then 2027 is unknown: 01-01 Fri (3), 01-04 (4), 01-05 (5).
    const result = computeCaseDeadline(calendar, { kind: 'hearing_request', startsOn: '2026-12-29' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('missing_holiday_data')
    expect(result.missingYears).toEqual([2027])
    expect(result.message).toContain('2027年放假安排尚未录入')
    expect(result.provisional).toMatchObject({ dueOn: '2027-01-05', kind: 'hearing_request' })
    expect('dueOn' in result).toBe(false)
  })

  it('a natural-day period that must move off a rest day in 2027 is provisional; unmoved it is exact', () => {
    // Received 2026-12-20; +15 = 2027-01-04 (Mon): moving needs 2027 data, not moving does not.
    const moving = computeCaseDeadline(calendar, { kind: 'payment', startsOn: '2026-12-20' })
    expect(moving).toMatchObject({ ok: false, missingYears: [2027], provisional: { dueOn: '2027-01-04' } })
    expect(computeCaseDeadline(calendar, { kind: 'payment', startsOn: '2026-12-20', moveOffRestDay: false })).toMatchObject({ ok: true, dueOn: '2027-01-04' })
  })

  it('the court-application period ending on a 2027 Sunday is provisional', () => {
    // 2026-11-30 + 3 months = 2027-02-28 (no 02-30; month end), a Sunday → provisionally 03-01.
    const result = computeCaseDeadline(calendar, { kind: 'court_application', startsOn: '2026-11-30' })
    expect(result).toMatchObject({ ok: false, missingYears: [2027], provisional: { nominalDueOn: '2027-02-28', dueOn: '2027-03-01', moved: true } })
  })

  it('becomes exact once the year is added', () => {
    // Fictional data for the test, NOT the real 2027 arrangement: 01-01 off, nothing else.
    const withYear = calendar.withYear({ year: 2027, holidays: ['2027-01-01'], workdays: [] })
    // 12-30 (1), 12-31 (2), 01-01 off, 01-04 (3), 01-05 (4), 01-06 (5).
    expect(computeCaseDeadline(withYear, { kind: 'hearing_request', startsOn: '2026-12-29' })).toMatchObject({ ok: true, dueOn: '2027-01-06' })
  })
})

describe('hearing notice (art. 64(2)): seven working days before the hearing', () => {
  it('the earliest hearing comes after seven full working days, across 国庆 2026', () => {
    // Served Mon 09-28: 09-29 (1), 09-30 (2), 10-01…10-07 off, 10-08 (3), 10-09 (4), 10-10 Sat 调休 (5),
    // 10-12 (6), 10-13 (7) → earliest hearing Wed 10-14.
    expect(due('hearing_notice', '2026-09-28').dueOn).toBe('2026-10-13')
    expect(earliestHearingDate(calendar, '2026-09-28')).toEqual({ ok: true, date: '2026-10-14' })
  })

  it('judges a chosen hearing date', () => {
    expect(hearingNoticeTimely(calendar, '2026-09-28', '2026-10-13')).toEqual({ ok: true, timely: false, workingDaysBetween: 6 })
    expect(hearingNoticeTimely(calendar, '2026-09-28', '2026-10-14')).toEqual({ ok: true, timely: true, workingDaysBetween: 7 })
    // A hearing before the notice is never timely.
    expect(hearingNoticeTimely(calendar, '2026-09-28', '2026-09-20')).toMatchObject({ ok: true, timely: false })
  })

  it('flags a hearing in a year without data', () => {
    expect(hearingNoticeTimely(calendar, '2026-12-28', '2027-01-12')).toMatchObject({ ok: false, missingYears: [2027], provisionalTimely: true })
  })
})

describe('court application (行政强制法 第五十四条、第六十九条)', () => {
  it('is possible only after ten working days from the 催告书, across 春节 2026', () => {
    // Served Tue 02-10: 02-11 (1), 02-12 (2), 02-13 (3), 02-14 Sat 调休 (4), 02-15…02-23 off, 02-24 (5),
    // 02-25 (6), 02-26 (7), 02-27 (8), 02-28 Sat 调休 (9), 03-02 (10) → from 03-03.
    expect(earliestCourtApplicationDate(calendar, '2026-02-10')).toEqual({ ok: true, date: '2026-03-03' })
  })
})

describe('extendDeadline', () => {
  it('counts the extension from the current due date', () => {
    // 02-24 + 30 = 03-26 (Thu).
    expect(extendDeadline(calendar, { kind: 'decision', dueOn: '2026-02-24', days: 30, unit: 'natural_days' })).toMatchObject({
      ok: true,
      dueOn: '2026-03-26',
      startsOn: '2026-02-24',
      basis: '《行政处罚法》第六十条',
    })
  })
})

describe('checkDeadlineExtension (延长)', () => {
  const rules = defaultDeadlineExtensionRules
  const request = { kind: 'decision' as const, rules, dueOn: '2027-02-18', today: '2027-02-10', days: 30, priorExtensions: 0, collectiveDiscussion: false }

  it('art. 60: the head may extend the 90 days once, by up to 30 days (市场监管 rules, the default)', () => {
    expect(checkDeadlineExtension(request)).toEqual({ ok: true, ground: 'head_approval' })
    expect(checkDeadlineExtension({ ...request, days: 31 })).toMatchObject({ ok: false, rule: 'extension_too_long' })
  })

  it('art. 60: a second extension only with a 集体讨论 record, which fixes its length', () => {
    const second = { ...request, priorExtensions: 1, days: 60 }
    expect(checkDeadlineExtension(second)).toMatchObject({ ok: false, rule: 'extension_needs_collective_discussion' })
    expect(checkDeadlineExtension({ ...second, collectiveDiscussion: true })).toEqual({ ok: true, ground: 'collective_discussion' })
  })

  it('art. 60: extends on the due day itself, never after it — a missed period stays missed', () => {
    expect(checkDeadlineExtension({ ...request, today: '2027-02-18' })).toMatchObject({ ok: true })
    const late = checkDeadlineExtension({ ...request, today: '2027-02-19' })
    expect(late).toMatchObject({ ok: false, rule: 'deadline_already_missed' })
    expect(late.ok ? '' : late.message).toContain('2027-02-18 届满')
  })

  it('art. 61: the delivery period is fixed by law, whatever a rule set lists', () => {
    const listed = { ...rules, delivery: { headApprovalMaxDays: 7, collectiveDiscussion: false, collectiveDiscussionMaxDays: null } } as DeadlineExtensionRules
    expect(checkDeadlineExtension({ ...request, kind: 'delivery', rules: listed, days: 3 })).toMatchObject({ ok: false, rule: 'deadline_not_extendable' })
  })

  it('art. 66: payment is never extended, only deferred or split', () => {
    const refused = checkDeadlineExtension({ ...request, kind: 'payment', days: 5 })
    expect(refused).toMatchObject({ ok: false, rule: 'payment_not_extendable' })
    expect(refused.ok ? '' : refused.message).toContain('第六十六条')
  })

  it('行政强制法 art. 53: the court application period cannot be extended', () => {
    expect(checkDeadlineExtension({ ...request, kind: 'court_application', days: 10 })).toMatchObject({ ok: false, rule: 'deadline_not_extendable' })
  })

  it('follows a region’s rule set: filing extendable by the head, no second extension', () => {
    const county: DeadlineExtensionRules = { filing: { headApprovalMaxDays: 15, collectiveDiscussion: false, collectiveDiscussionMaxDays: null } }
    expect(checkDeadlineExtension({ ...request, kind: 'filing', rules: county, days: 15 })).toEqual({ ok: true, ground: 'head_approval' })
    expect(checkDeadlineExtension({ ...request, kind: 'filing', rules: county, days: 5, priorExtensions: 1, collectiveDiscussion: true })).toMatchObject({ ok: false, rule: 'extension_limit_reached' })
    expect(checkDeadlineExtension({ ...request, rules: county })).toMatchObject({ ok: false, rule: 'deadline_not_extendable' })
  })
})

describe('lawfulDueOn and deadlineOutcome', () => {
  it('art. 60: counts an extension granted in time, and 中止 days', () => {
    expect(
      lawfulDueOn('decision', '2027-02-18', [
        { ground: 'head_approval', grantedOn: '2027-02-10', fromDueOn: '2027-02-18', toDueOn: '2027-03-20' },
        { ground: 'suspension', grantedOn: '2027-03-01', fromDueOn: '2027-03-20', toDueOn: '2027-04-09' },
      ]),
    ).toBe('2027-04-09')
  })

  it('art. 60: ignores an extension recorded after the period was missed, and everything after it', () => {
    expect(
      lawfulDueOn('decision', '2027-02-18', [
        { ground: 'legacy', grantedOn: '2027-02-25', fromDueOn: '2027-02-18', toDueOn: '2027-03-20' },
        { ground: 'legacy', grantedOn: '2027-03-01', fromDueOn: '2027-03-20', toDueOn: '2027-04-20' },
      ]),
    ).toBe('2027-02-18')
  })

  it('art. 61 and 行政强制法 art. 53: an extension of a fixed period never counts', () => {
    const extension = [{ ground: 'legacy' as const, grantedOn: '2027-01-05', fromDueOn: '2027-01-08', toDueOn: '2027-01-20' }]
    expect(lawfulDueOn('delivery', '2027-01-08', extension)).toBe('2027-01-08')
    expect(lawfulDueOn('court_application', '2027-01-08', extension)).toBe('2027-01-08')
  })

  it('keeps a late act flagged after it is done', () => {
    expect(deadlineOutcome({ dueOn: '2027-02-18', metOn: '2027-02-20', today: '2027-06-01' })).toEqual({ outcome: 'met_late', daysLate: 2 })
    expect(deadlineOutcome({ dueOn: '2027-02-18', metOn: '2027-02-18', today: '2027-06-01' })).toEqual({ outcome: 'met', daysLate: 0 })
    expect(deadlineOutcome({ dueOn: '2027-02-18', metOn: null, today: '2027-02-18' })).toEqual({ outcome: 'running', daysLate: 0 })
    expect(deadlineOutcome({ dueOn: '2027-02-18', metOn: null, today: '2027-02-21' })).toEqual({ outcome: 'missed', daysLate: 3 })
  })
})

describe('deadlineStatus', () => {
  it('counts natural and working days left across 春节', () => {
    // From Fri 02-13 to Tue 02-24: 11 natural days; working days 02-14 (调休) and 02-24.
    expect(deadlineStatus('2026-02-24', '2026-02-13', calendar)).toEqual({ state: 'due_soon', daysLeft: 11, workingDaysLeft: 2, exact: true, missingYears: [] })
  })

  it('is ok with more working days left than the reminder threshold', () => {
    // From Mon 02-02: 02-03…02-06 (4), 02-09…02-14 (10), 02-24 (11).
    expect(deadlineStatus('2026-02-24', '2026-02-02', calendar)).toMatchObject({ state: 'ok', daysLeft: 22, workingDaysLeft: 11 })
    expect(deadlineStatus('2026-02-24', '2026-02-02', calendar, { dueSoonWorkingDays: 11 }).state).toBe('due_soon')
  })

  it('is due_soon on the due day and overdue the day after', () => {
    expect(deadlineStatus('2026-02-24', '2026-02-24', calendar)).toMatchObject({ state: 'due_soon', daysLeft: 0, workingDaysLeft: 0 })
    expect(deadlineStatus('2026-02-24', '2026-02-25', calendar)).toMatchObject({ state: 'overdue', daysLeft: -1, workingDaysLeft: -1 })
  })

  it('says when the working-day count is an estimate', () => {
    expect(deadlineStatus('2027-01-05', '2026-12-28', calendar)).toMatchObject({ exact: false, missingYears: [2027], daysLeft: 8 })
  })
})
