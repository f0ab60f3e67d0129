import { describe, expect, it } from 'vitest'
import { addCalendarDays, dayNumber, isoDateFromDayNumber, weekdayOf } from './calendar-date'
import { InvalidArgumentError } from './invalid-argument-error'
import {
  type HolidayYearData,
  MissingHolidayDataError,
  WorkCalendar,
  builtInHolidayData,
  chinaWorkCalendar,
  holidayYearDataSchema,
  holidays2024,
  holidays2025,
  holidays2026,
  periodUnitFor,
  requireExact,
} from './work-calendar'

const calendar = chinaWorkCalendar

// Made-up data for testing runtime additions; NOT the real 2027 arrangement.
function fictionalYear(overrides: Partial<HolidayYearData> = {}): HolidayYearData {
  return { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'test fixture', ...overrides }
}

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = []
  for (let day = dayNumber(first); day <= dayNumber(last); day += 1) dates.push(isoDateFromDayNumber(day))
  return dates
}

describe('built-in data matches the State Council notices', () => {
  it('has 2024, 2025 and 2026, each citing its 国办发明电', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026])
    expect(calendar.yearData(2024)?.source).toContain('国办发明电〔2023〕7号')
    expect(calendar.yearData(2025)?.source).toContain('国办发明电〔2024〕12号')
    expect(calendar.yearData(2026)?.source).toContain('国办发明电〔2025〕7号')
  })

  it.each([
    [holidays2024, 28, 8],
    [holidays2025, 28, 5],
    [holidays2026, 33, 6],
  ])('$year has the announced number of days off and 调休 working days', (data, holidayCount, workdayCount) => {
    expect(data.holidays).toHaveLength(holidayCount)
    expect(data.workdays).toHaveLength(workdayCount)
    expect(holidayYearDataSchema.safeParse(data).success).toBe(true)
  })

  it('lists only weekend days as 调休 working days', () => {
    for (const data of builtInHolidayData) {
      for (const date of data.workdays) expect([0, 6], date).toContain(weekdayOf(date))
    }
  })

  it('2024 (old rules): 春节 starts on 初一, 除夕 is a working day', () => {
    expect(calendar.dayInfo('2024-02-09')).toMatchObject({ kind: 'workday', working: true })
    expect(calendar.isWorkingDay('2024-02-10')).toBe(false)
    expect(calendar.isWorkingDay('2024-02-18')).toBe(true) // 调休 Sunday
  })

  it('2025 (国务院令第795号): 春节 starts on 除夕 and 劳动节 runs 5 days', () => {
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false) // 除夕
    expect(datesBetween('2025-01-28', '2025-02-04').every((date) => !calendar.isWorkingDay(date))).toBe(true)
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true)
    expect(datesBetween('2025-05-01', '2025-05-05').every((date) => !calendar.isWorkingDay(date))).toBe(true)
  })

  it('2025: 国庆 and 中秋 (10-06) form one 8-day block with 调休 on 9-28 and 10-11', () => {
    expect(datesBetween('2025-10-01', '2025-10-08').map((date) => calendar.dayInfo(date).kind)).toEqual(Array(8).fill('holiday'))
    expect(calendar.dayInfo('2025-09-28')).toMatchObject({ kind: 'adjusted_workday', working: true })
    expect(calendar.dayInfo('2025-10-11')).toMatchObject({ kind: 'adjusted_workday', working: true })
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true)
  })

  it('2026: 春节 is 9 days (2-15 to 2-23) with 调休 Saturdays 2-14 and 2-28', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true)
    expect(datesBetween('2026-02-15', '2026-02-23').every((date) => !calendar.isWorkingDay(date))).toBe(true)
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true)
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true)
  })

  it('2026: 中秋 (9-25 to 9-27) and 国庆 (10-1 to 10-7) are separate, with 调休 on 9-20 and 10-10', () => {
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true)
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false)
    expect(calendar.isWorkingDay('2026-09-28')).toBe(true)
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false)
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true)
  })

  it('from 2025 nobody works more than 6 days in a row (放假办法 第七条)', () => {
    let run = 0
    let longest = 0
    for (const date of datesBetween('2025-01-01', '2026-12-31')) {
      run = calendar.isWorkingDay(date) ? run + 1 : 0
      longest = Math.max(longest, run)
    }
    expect(longest).toBeLessThanOrEqual(6)
  })
})

describe('dayInfo and isWorkingDay', () => {
  it('classifies the four kinds of day', () => {
    expect(calendar.dayInfo('2026-03-10')).toEqual({ date: '2026-03-10', kind: 'workday', working: true, known: true })
    expect(calendar.dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', kind: 'weekend', working: false, known: true })
    expect(calendar.dayInfo('2026-02-15')).toEqual({ date: '2026-02-15', kind: 'holiday', working: false, known: true })
    expect(calendar.dayInfo('2026-01-04')).toEqual({ date: '2026-01-04', kind: 'adjusted_workday', working: true, known: true })
  })

  it('dayInfo stays total for a year without data but says it is not known', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', kind: 'workday', working: true, known: false })
  })

  it('isWorkingDay refuses to guess for a year without data', () => {
    expect(() => calendar.isWorkingDay('2027-01-01')).toThrow(MissingHolidayDataError)
    expect(() => calendar.isWorkingDay('2023-12-29')).toThrow(expect.objectContaining({ missingYears: [2023] }))
  })

  it('throws InvalidArgumentError for a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(InvalidArgumentError)
    expect(() => calendar.dayInfo(20260101 as unknown as string)).toThrow(InvalidArgumentError)
  })
})

describe('addWorkingDays', () => {
  it.each([
    ['2025-01-24', 1, '2025-01-26'], // 调休 Sunday before 春节 2025
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'], // skips 除夕 to 初七
    ['2026-02-13', 1, '2026-02-14'], // 调休 Saturday
    ['2026-02-13', 2, '2026-02-24'], // skips the 9-day 春节
    ['2026-02-13', 6, '2026-02-28'], // 调休 Saturday after 春节
    ['2025-09-26', 1, '2025-09-28'], // 调休 Sunday before 国庆
    ['2025-09-30', 1, '2025-10-09'], // skips 国庆+中秋
    ['2025-09-30', 7, '2025-10-16'], // counts 调休 Saturday 10-11
    ['2024-12-31', 1, '2025-01-02'], // across the year boundary
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026, then 调休 Sunday
    ['2025-12-31', 2, '2026-01-05'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ ok: true, date: expected })
  })

  it('counts backwards for negative n (notice due 7 working days before a hearing)', () => {
    expect(calendar.addWorkingDays('2025-10-09', -1)).toEqual({ ok: true, date: '2025-09-30' })
    expect(calendar.addWorkingDays('2026-02-24', -2)).toEqual({ ok: true, date: '2026-02-13' })
    expect(calendar.addWorkingDays('2025-10-16', -7)).toEqual({ ok: true, date: '2025-09-30' })
  })

  it('returns the start unchanged for n = 0, even on a holiday', () => {
    expect(calendar.addWorkingDays('2026-02-17', 0)).toEqual({ ok: true, date: '2026-02-17' })
  })

  it('flags a missing year instead of computing silently, with a provisional answer', () => {
    const result = calendar.addWorkingDays('2026-12-30', 3)
    expect(result).toMatchObject({ ok: false, reason: 'missing_holiday_data', missingYears: [2027], provisionalDate: '2027-01-04' })
    expect(result.ok || result.message).toContain('2027年放假安排尚未录入')
  })

  it('flags the year of every day it had to classify, weekends included', () => {
    // 2023-12-30/31 are a weekend, but without data we cannot know they were not 调休 days.
    expect(calendar.addWorkingDays('2023-12-29', 1)).toMatchObject({ ok: false, missingYears: [2023], provisionalDate: '2024-01-02' })
    expect(calendar.addWorkingDays('2023-12-20', 400)).toMatchObject({ ok: false, missingYears: [2023] })
    expect(calendar.addWorkingDays('2023-12-28', 1010)).toMatchObject({ ok: false, missingYears: [2023, 2027, 2028] })
  })

  it.each([
    ['2026-02-30', 1],
    ['2026-02-01', 1.5],
    ['2026-02-01', Number.NaN],
    ['2026-02-01', 1e9],
  ])('throws InvalidArgumentError for start %j and n %j', (start, n) => {
    expect(() => calendar.addWorkingDays(start, n)).toThrow(InvalidArgumentError)
  })
})

describe('addNaturalDays', () => {
  it('adds calendar days and, when asked, moves off a holiday to the next working day', () => {
    expect(calendar.addNaturalDays('2025-09-16', 15, { moveOffHoliday: false })).toEqual({ ok: true, date: '2025-10-01' })
    expect(calendar.addNaturalDays('2025-09-16', 15, { moveOffHoliday: true })).toEqual({ ok: true, date: '2025-10-09' })
  })

  it('moves off an ordinary weekend but not off a 调休 working Saturday', () => {
    expect(calendar.addNaturalDays('2026-03-01', 6, { moveOffHoliday: true })).toEqual({ ok: true, date: '2026-03-09' })
    expect(calendar.addNaturalDays('2026-02-13', 15, { moveOffHoliday: true })).toEqual({ ok: true, date: '2026-02-28' })
  })

  it('needs no holiday data when not moving, so any year is exact', () => {
    expect(calendar.addNaturalDays('2030-01-01', 30, { moveOffHoliday: false })).toEqual({ ok: true, date: '2030-01-31' })
  })

  it('flags the missing year when moving needs it', () => {
    expect(calendar.addNaturalDays('2026-12-20', 14, { moveOffHoliday: true })).toMatchObject({
      ok: false,
      missingYears: [2027],
      provisionalDate: '2027-01-04', // 2027-01-03 is a Sunday
    })
  })

  it('requires the moveOffHoliday choice to be explicit', () => {
    expect(() => calendar.addNaturalDays('2026-01-01', 1, undefined as never)).toThrow(InvalidArgumentError)
    expect(() => calendar.addNaturalDays('2026-01-01', 1, {} as never)).toThrow(InvalidArgumentError)
  })
})

describe('computePeriodEnd (行政处罚法 第八十五条, 民法典 第二百零一条/第二百零三条)', () => {
  it('counts 7 days as working days: 送达 within 7 days of a decision on 2025-09-30', () => {
    expect(calendar.computePeriodEnd('2025-09-30', 7)).toEqual({
      ok: true,
      date: '2025-10-16',
      unit: 'working_days',
      nominalDate: '2025-10-16',
      moved: false,
    })
  })

  it('counts 5 days as working days, including a 调休 Sunday (听证 request window)', () => {
    expect(calendar.computePeriodEnd('2026-09-18', 5)).toMatchObject({ ok: true, date: '2026-09-24', unit: 'working_days' })
  })

  it('counts 3 days as working days across 元旦 (withdrawing a published decision, art. 48)', () => {
    expect(calendar.computePeriodEnd('2025-12-31', 3)).toMatchObject({ ok: true, date: '2026-01-06' })
  })

  it('counts 2 days as working days across 清明 (cash handed in, art. 71)', () => {
    expect(calendar.computePeriodEnd('2026-04-03', 2)).toMatchObject({ ok: true, date: '2026-04-08' })
  })

  it('counts 15 days as natural days and moves an end on 国庆 to the next working day (payment, art. 67)', () => {
    expect(calendar.computePeriodEnd('2025-09-16', 15)).toEqual({
      ok: true,
      date: '2025-10-09',
      unit: 'natural_days',
      nominalDate: '2025-10-01',
      moved: true,
    })
  })

  it('leaves the end on the holiday when moveOffHoliday is false', () => {
    expect(calendar.computePeriodEnd('2025-09-16', 15, { moveOffHoliday: false })).toMatchObject({
      ok: true,
      date: '2025-10-01',
      moved: false,
    })
  })

  it('counts 90 days as natural days (decision after 立案, art. 60), moving off 春节 2026', () => {
    expect(calendar.computePeriodEnd('2025-11-05', 90)).toMatchObject({ ok: true, date: '2026-02-03', moved: false })
    expect(calendar.computePeriodEnd('2025-11-19', 90)).toMatchObject({
      ok: true,
      nominalDate: '2026-02-17',
      date: '2026-02-24',
      moved: true,
    })
  })

  it('does not count the event day: a 1-day natural period ends the next day', () => {
    expect(calendar.computePeriodEnd('2026-03-10', 1, { rule: 'natural_days' })).toMatchObject({ date: '2026-03-11' })
  })

  it('applies 行政强制法 第六十九条 when asked: 10 days are working days, 30 are natural', () => {
    expect(calendar.computePeriodEnd('2026-09-30', 10, { rule: 'coercion_law_art_69' })).toMatchObject({
      ok: true,
      date: '2026-10-20',
      unit: 'working_days',
    })
    expect(calendar.computePeriodEnd('2026-09-30', 30, { rule: 'coercion_law_art_69' })).toMatchObject({
      unit: 'natural_days',
      date: '2026-10-30',
    })
  })

  it('lets the caller force the unit (20 working days to publish a decision)', () => {
    expect(calendar.computePeriodEnd('2026-09-15', 20, { rule: 'working_days' })).toMatchObject({ date: '2026-10-19' })
    expect(calendar.computePeriodEnd('2025-09-30', 7, { rule: 'natural_days' })).toMatchObject({
      nominalDate: '2025-10-07',
      date: '2025-10-09',
    })
  })

  it('returns a provisional end and the missing year when the period reaches 2027', () => {
    const result = calendar.computePeriodEnd('2026-12-20', 15)
    expect(result).toMatchObject({
      ok: false,
      reason: 'missing_holiday_data',
      missingYears: [2027],
      provisional: { date: '2027-01-04', nominalDate: '2027-01-04', unit: 'natural_days', moved: false },
    })
    expect(calendar.computePeriodEnd('2026-12-20', 15, { moveOffHoliday: false })).toMatchObject({ ok: true, date: '2027-01-04' })
  })

  it.each([0, -3, 2.5, 1e9])('throws InvalidArgumentError for %j days', (days) => {
    expect(() => calendar.computePeriodEnd('2026-01-05', days)).toThrow(InvalidArgumentError)
  })

  it('throws for an unknown rule or a non-boolean moveOffHoliday', () => {
    expect(() => calendar.computePeriodEnd('2026-01-05', 5, { rule: 'weeks' as never })).toThrow(InvalidArgumentError)
    expect(() => calendar.computePeriodEnd('2026-01-05', 15, { moveOffHoliday: 'yes' as never })).toThrow(InvalidArgumentError)
  })
})

describe('periodUnitFor', () => {
  it.each([
    ['penalty_law_art_85', 2, 'working_days'],
    ['penalty_law_art_85', 3, 'working_days'],
    ['penalty_law_art_85', 5, 'working_days'],
    ['penalty_law_art_85', 7, 'working_days'],
    ['penalty_law_art_85', 1, 'natural_days'],
    ['penalty_law_art_85', 10, 'natural_days'],
    ['penalty_law_art_85', 15, 'natural_days'],
    ['penalty_law_art_85', 90, 'natural_days'],
    ['coercion_law_art_69', 10, 'working_days'],
    ['coercion_law_art_69', 11, 'natural_days'],
    ['working_days', 60, 'working_days'],
    ['natural_days', 3, 'natural_days'],
  ] as const)('%s, %i days → %s', (rule, days, unit) => {
    expect(periodUnitFor(rule, days)).toBe(unit)
  })
})

describe('workingDaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toEqual({ ok: true, count: 2 })
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-16')).toEqual({ ok: true, count: 7 })
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-10')).toEqual({ ok: true, count: 0 })
    expect(calendar.workingDaysBetween('2026-02-16', '2026-02-17')).toEqual({ ok: true, count: 0 })
  })

  it('is negative when the deadline has passed', () => {
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toEqual({ ok: true, count: -2 })
  })

  it('agrees with addWorkingDays for every start in 2024–2026', () => {
    const disagreements: string[] = []
    for (let day = dayNumber('2024-01-01'); day <= dayNumber('2026-11-30'); day += 1) {
      const start = isoDateFromDayNumber(day)
      const n = day % 23
      const end = requireExact(calendar.addWorkingDays(start, n))
      const back = requireExact(calendar.workingDaysBetween(start, end))
      if (back !== n) disagreements.push(`${start}+${n}`)
    }
    expect(disagreements).toEqual([])
  })

  it('flags a missing year with a provisional count', () => {
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-05')).toMatchObject({
      ok: false,
      missingYears: [2027],
      provisionalCount: 4,
    })
  })

  it('throws for malformed dates', () => {
    expect(() => calendar.workingDaysBetween('2026-1-1', '2026-01-05')).toThrow(InvalidArgumentError)
  })
})

describe('requireExact', () => {
  it('unwraps exact results', () => {
    expect(requireExact(calendar.addWorkingDays('2026-09-30', 3))).toBe('2026-10-10')
    expect(requireExact(calendar.workingDaysBetween('2026-02-13', '2026-02-24'))).toBe(2)
    expect(requireExact(calendar.computePeriodEnd('2025-09-16', 15))).toEqual({
      date: '2025-10-09',
      unit: 'natural_days',
      nominalDate: '2025-10-01',
      moved: true,
    })
  })

  it('throws MissingHolidayDataError with the years for provisional results', () => {
    expect(() => requireExact(calendar.addWorkingDays('2026-12-30', 3))).toThrow(
      expect.objectContaining({ name: 'MissingHolidayDataError', code: 'missing_holiday_data', missingYears: [2027] }),
    )
  })
})

describe('runtime data: WorkCalendar.fromData and withYear', () => {
  it('adds a year without changing the original calendar', () => {
    const next = calendar.withYear(fictionalYear({ holidays: ['2027-01-01'], workdays: ['2027-01-02'] }))
    expect(next.years).toEqual([2024, 2025, 2026, 2027])
    expect(calendar.hasYear(2027)).toBe(false)
    expect(next.addWorkingDays('2026-12-31', 1)).toEqual({ ok: true, date: '2027-01-02' })
    expect(next.isWorkingDay('2027-01-01')).toBe(false)
  })

  it('replaces a year when an admin corrects it', () => {
    const corrected = calendar.withYear({ ...holidays2026, holidays: holidays2026.holidays.filter((d) => d !== '2026-10-07') })
    expect(corrected.isWorkingDay('2026-10-07')).toBe(true)
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false)
  })

  it('is not affected by later mutation of the input arrays', () => {
    const holidays = ['2027-01-01']
    const built = WorkCalendar.fromData([fictionalYear({ holidays })])
    holidays.push('2027-01-04')
    expect(built.isWorkingDay('2027-01-04')).toBe(true)
  })

  it.each([
    [fictionalYear({ holidays: ['2026-12-31'] }), /不属于 2027 年/],
    [fictionalYear({ holidays: ['2027-01-01', '2027-01-01'] }), /重复/],
    [fictionalYear({ holidays: ['2027-01-02'], workdays: ['2027-01-02'] }), /重复/],
    [fictionalYear({ workdays: ['2027-01-04'] }), /不是周末/],
    [fictionalYear({ holidays: ['2027-02-30'] }), /YYYY-MM-DD/],
    [fictionalYear({ year: 2027.5 }), /year/],
    [{ year: 2027 } as unknown as HolidayYearData, /holidays/],
  ])('rejects malformed data %#', (data, message) => {
    expect(() => calendar.withYear(data)).toThrow(InvalidArgumentError)
    expect(() => calendar.withYear(data)).toThrow(message)
  })

  it('rejects the same year twice and a non-array', () => {
    expect(() => WorkCalendar.fromData([fictionalYear(), fictionalYear()])).toThrow(/given twice/)
    expect(() => WorkCalendar.fromData(null as never)).toThrow(InvalidArgumentError)
  })

  it('an empty calendar flags every year', () => {
    const empty = WorkCalendar.fromData([])
    expect(empty.addWorkingDays('2026-03-02', 1)).toMatchObject({ ok: false, missingYears: [2026], provisionalDate: '2026-03-03' })
  })
})

describe('date arithmetic helpers used above', () => {
  it('sanity: addCalendarDays agrees with the calendar for natural days', () => {
    expect(addCalendarDays('2025-11-19', 90)).toBe('2026-02-17')
  })
})
