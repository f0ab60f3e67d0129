import { afterEach, describe, expect, it } from 'vitest'
import {
  chineseDate,
  addCalendarDays,
  addCalendarMonths,
  assertIsoDate,
  calendarDaysBetween,
  compareIsoDates,
  dayNumber,
  isIsoDate,
  isoDateFromDayNumber,
  isoDateFromParts,
  isoDateSchema,
  shanghaiDateOf,
  splitIsoDate,
  todayInShanghai,
  weekdayOf,
} from './calendar-date'
import { InvalidArgumentError } from './invalid-argument-error'

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '1000-01-01', '9999-12-31'])('accepts real date %s', (value) => {
    expect(isIsoDate(value)).toBe(true)
  })

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century that is not a leap year'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-1-01', 'missing zero padding'],
    ['2025/01/01', 'slashes'],
    ['2025-01-01T00:00:00Z', 'a timestamp'],
    ['0999-12-31', 'year before 1000'],
    [' 2025-01-01', 'leading space'],
    ['', 'empty string'],
  ])('rejects %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false)
  })

  it.each([null, undefined, 20250101, new Date(0), {}])('rejects non-string %s', (value) => {
    expect(isIsoDate(value)).toBe(false)
  })
})

describe('splitIsoDate and isoDateFromParts', () => {
  it('round-trips parts', () => {
    expect(splitIsoDate('2026-02-15')).toEqual({ year: 2026, month: 2, day: 15 })
    expect(isoDateFromParts(2026, 2, 15)).toBe('2026-02-15')
  })

  it('throws InvalidArgumentError for a date that does not exist', () => {
    expect(() => isoDateFromParts(2025, 2, 29)).toThrow(InvalidArgumentError)
    expect(() => isoDateFromParts(2025, 1.5, 1)).toThrow(InvalidArgumentError)
  })
})

describe('chineseDate', () => {
  it('prints a date as documents do, without leading zeros, also from a timestamp', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日')
    expect(chineseDate('2026-11-20T09:30:00+08:00')).toBe('2026年11月20日')
  })
  it('returns anything that is not a real date as given', () => {
    expect(chineseDate('2026-02-30')).toBe('2026-02-30')
    expect(chineseDate('2026-11-201')).toBe('2026-11-201')
    expect(chineseDate('待定')).toBe('待定')
    expect(chineseDate('')).toBe('')
  })
})

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(isoDateFromDayNumber(dayNumber('2026-02-23'))).toBe('2026-02-23')
  })

  it('agrees with Date.UTC for every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1) / 86_400_000
    const end = Date.UTC(2101, 11, 31) / 86_400_000
    const mismatches: number[] = []
    for (let day = start; day <= end; day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (isoDateFromDayNumber(day) !== expected || dayNumber(expected) !== day) mismatches.push(day)
    }
    expect(mismatches).toEqual([])
  })

  it('throws for out-of-range or fractional day numbers', () => {
    expect(() => isoDateFromDayNumber(1.5)).toThrow(InvalidArgumentError)
    expect(() => isoDateFromDayNumber(dayNumber('9999-12-31') + 1)).toThrow(InvalidArgumentError)
  })
})

describe('addCalendarDays and calendarDaysBetween', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(addCalendarDays('2025-09-16', 15)).toBe('2025-10-01')
    expect(addCalendarDays('2026-01-01', 0)).toBe('2026-01-01')
  })

  it('measures signed distances', () => {
    expect(calendarDaysBetween('2025-01-28', '2025-02-04')).toBe(7)
    expect(calendarDaysBetween('2025-02-04', '2025-01-28')).toBe(-7)
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })

  it('throws a clear error on bad input instead of a TypeError', () => {
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(InvalidArgumentError)
    expect(() => addCalendarDays('2025-01-01', 0.5)).toThrow(InvalidArgumentError)
    expect(() => addCalendarDays(undefined as unknown as string, 1)).toThrow(InvalidArgumentError)
    expect(() => calendarDaysBetween('x', '2025-01-01')).toThrow(/from must be/)
  })
})

describe('weekdayOf', () => {
  it('knows the weekdays of dates in the holiday notices', () => {
    expect(weekdayOf('1970-01-01')).toBe(4)
    expect(weekdayOf('2026-02-14')).toBe(6) // 调休 Saturday
    expect(weekdayOf('2025-09-28')).toBe(0) // 调休 Sunday
    expect(weekdayOf('2025-10-01')).toBe(3)
    expect(weekdayOf('1969-12-31')).toBe(3)
  })

  it('agrees with Date#getUTCDay across four centuries of samples', () => {
    for (let day = dayNumber('1800-01-01'); day < dayNumber('2200-01-01'); day += 37) {
      expect(weekdayOf(isoDateFromDayNumber(day))).toBe(new Date(day * 86_400_000).getUTCDay())
    }
  })
})

describe('compareIsoDates and assertIsoDate', () => {
  it('sorts chronologically', () => {
    expect(['2026-01-02', '2025-12-31', '2026-01-01'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02'])
  })

  it('names the parameter in the error', () => {
    expect(assertIsoDate('2026-10-01', 'start')).toBe('2026-10-01')
    expect(() => assertIsoDate('2026/10/01', 'start')).toThrow(/start must be a 'YYYY-MM-DD'/)
  })
})

describe('shanghaiDateOf', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ
    else process.env.TZ = originalTz
  })

  it('switches date at midnight Beijing time, not UTC', () => {
    expect(shanghaiDateOf(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31')
    expect(shanghaiDateOf(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01')
  })

  it('gives the same date whatever the machine time zone is', () => {
    const instant = new Date('2026-02-16T17:30:00Z') // 01:30 on the 17th in Beijing
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
      process.env.TZ = zone
      expect(shanghaiDateOf(instant)).toBe('2026-02-17')
    }
  })

  it('applies China summer time of 1986–1991 (UTC+9 in July 1988)', () => {
    // 15:30Z is 00:30 the next day under UTC+9; a fixed +8 offset would say 23:30 on the 1st.
    expect(shanghaiDateOf(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02')
  })

  it('throws InvalidArgumentError for an invalid Date or a non-Date', () => {
    expect(() => shanghaiDateOf(new Date('nonsense'))).toThrow(InvalidArgumentError)
    expect(() => shanghaiDateOf('2025-01-01' as unknown as Date)).toThrow(InvalidArgumentError)
  })

  it('todayInShanghai uses the injected clock', () => {
    expect(todayInShanghai(new Date('2026-02-16T20:00:00Z'))).toBe('2026-02-17')
  })
})

describe('isoDateSchema', () => {
  it('accepts real dates and rejects impossible ones with a Chinese message', () => {
    expect(isoDateSchema.parse('2026-02-15')).toBe('2026-02-15')
    const result = isoDateSchema.safeParse('2026-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain('YYYY-MM-DD')
  })
})

describe('addCalendarMonths (民法典 第二百零二条)', () => {
  it.each([
    ['2024-02-29', 24, '2026-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected)
  })
})
