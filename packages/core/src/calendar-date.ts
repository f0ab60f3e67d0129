import { z } from 'zod'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'

/**
 * Calendar dates as 'YYYY-MM-DD' strings, computed with pure integer
 * arithmetic (days since 1970-01-01, proleptic Gregorian). Nothing here reads
 * the machine's time zone: legal periods are counted in Beijing time, and a
 * server in UTC must give the same answer as a laptop in 禄丰.
 */

/** 'YYYY-MM-DD', years 1000–9999. */
export type IsoDate = string

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/**
 * True when `value` is a real calendar date written as 'YYYY-MM-DD'.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29') // true (leap year)
 * isIsoDate('2025-02-29') // false
 * isIsoDate('2025-2-1')   // false (zero padding is required)
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return splitIsoDate(value) !== null
}

/**
 * Splits a valid 'YYYY-MM-DD' string into numbers, or returns null.
 *
 * @example
 * ```ts
 * splitIsoDate('2026-02-15') // { year: 2026, month: 2, day: 15 }
 * splitIsoDate('2026-02-30') // null
 * ```
 */
export function splitIsoDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1000) return null
  if (month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/**
 * A date as Chinese documents print it: '2026-11-20' (or a timestamp starting with it) → '2026年11月20日'.
 * Anything else is returned as given.
 *
 * @example
 * ```ts
 * chineseDate('2026-03-05') // '2026年3月5日'
 * chineseDate('待定') // '待定'
 * ```
 */
export function chineseDate(value: string): string {
  const parts = splitIsoDate(value.slice(0, 10))
  return parts && (value.length === 10 || value[10] === 'T' || value[10] === ' ') ? `${parts.year}年${parts.month}月${parts.day}日` : value
}

/**
 * Builds 'YYYY-MM-DD' from numbers; throws InvalidArgumentError if the date
 * does not exist.
 *
 * @example
 * ```ts
 * isoDateFromParts(2026, 2, 15) // '2026-02-15'
 * ```
 */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !isIsoDate(text)) {
    throw new InvalidArgumentError('invalid_date', `Not a calendar date: ${year}-${month}-${day}`)
  }
  return text
}

/**
 * Returns `value` if it is a valid 'YYYY-MM-DD' date, else throws
 * InvalidArgumentError naming the parameter.
 *
 * @example
 * ```ts
 * assertIsoDate('2026-10-01', 'start') // '2026-10-01'
 * assertIsoDate('2026/10/01', 'start') // throws InvalidArgumentError('invalid_date')
 * ```
 */
export function assertIsoDate(value: unknown, name = 'date'): IsoDate {
  if (isIsoDate(value)) return value
  throw new InvalidArgumentError('invalid_date', `${name} must be a 'YYYY-MM-DD' calendar date, got ${describeValue(value)}`)
}

/**
 * Days since 1970-01-01 (negative before). Inverse of `isoDateFromDayNumber`.
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02') // 1
 * ```
 */
export function dayNumber(date: IsoDate): number {
  const parts = splitIsoDate(date)
  if (!parts) throw new InvalidArgumentError('invalid_date', `Not a 'YYYY-MM-DD' calendar date: ${describeValue(date)}`)
  return daysFromCivil(parts.year, parts.month, parts.day)
}

/**
 * The date `days` days after 1970-01-01.
 *
 * @example
 * ```ts
 * isoDateFromDayNumber(0) // '1970-01-01'
 * ```
 */
export function isoDateFromDayNumber(days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new InvalidArgumentError('invalid_day_number', `Day number must be a safe integer, got ${describeValue(days)}`)
  }
  const { year, month, day } = civilFromDays(days)
  if (year < 1000 || year > 9999) {
    throw new InvalidArgumentError('date_out_of_range', `Date falls outside years 1000–9999 (day number ${days})`)
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/**
 * Adds (or with a negative `days`, subtracts) calendar days.
 *
 * @example
 * ```ts
 * addCalendarDays('2024-12-31', 1)  // '2025-01-01'
 * addCalendarDays('2024-03-01', -1) // '2024-02-29'
 * ```
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new InvalidArgumentError('invalid_day_count', `days must be an integer, got ${describeValue(days)}`)
  }
  return isoDateFromDayNumber(dayNumber(assertIsoDate(date)) + days)
}

/**
 * `date` plus `months` calendar months, ending on the corresponding day of the target month, or on
 * its last day when it has none (民法典 第二百零二条). Negative `months` count backwards.
 *
 * @example
 * ```ts
 * addCalendarMonths('2024-02-29', 24) // '2026-02-28'
 * addCalendarMonths('2026-03-31', 6)  // '2026-09-30'
 * ```
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const parts = splitIsoDate(assertIsoDate(date))
  if (!parts || !Number.isSafeInteger(months) || Math.abs(months) > 12 * 1000) {
    throw new InvalidArgumentError('invalid_month_count', `months must be an integer, got ${describeValue(months)}`)
  }
  const index = parts.year * 12 + (parts.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return isoDateFromParts(year, month, Math.min(parts.day, daysInMonth(year, month)))
}

/**
 * Signed number of calendar days from `from` to `to` (`to - from`).
 *
 * @example
 * ```ts
 * calendarDaysBetween('2025-01-28', '2025-02-04') // 7
 * ```
 */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(assertIsoDate(to, 'to')) - dayNumber(assertIsoDate(from, 'from'))
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 *
 * @example
 * ```ts
 * weekdayOf('2026-02-14') // 6 (a 调休 Saturday)
 * ```
 */
export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 4) % 7) + 7) % 7) as Weekday
}

/**
 * Compares two dates for sorting: negative, zero or positive.
 *
 * @example
 * ```ts
 * ['2026-01-02', '2025-12-31'].sort(compareIsoDates) // ['2025-12-31', '2026-01-02']
 * ```
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(assertIsoDate(a, 'a')) - dayNumber(assertIsoDate(b, 'b'))
}

/**
 * The calendar date of an instant in Asia/Shanghai (Beijing time), whatever
 * the machine's TZ. Uses the IANA zone rather than a fixed +08:00 so that
 * instants during China's 1986–1991 summer time still land on the right day.
 *
 * @example
 * ```ts
 * shanghaiDateOf(new Date('2025-12-31T16:00:00Z')) // '2026-01-01' (00:00 in Beijing)
 * shanghaiDateOf(new Date('2025-12-31T15:59:59Z')) // '2025-12-31'
 * ```
 */
export function shanghaiDateOf(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new InvalidArgumentError('invalid_instant', `Expected a valid Date, got ${describeValue(instant)}`)
  }
  const parts = shanghaiFormatter().formatToParts(instant)
  const year = Number(parts.find((part) => part.type === 'year')?.value)
  const month = Number(parts.find((part) => part.type === 'month')?.value)
  const day = Number(parts.find((part) => part.type === 'day')?.value)
  if (year < 1000 || year > 9999) {
    throw new InvalidArgumentError('date_out_of_range', `Instant falls outside years 1000–9999: ${instant.toISOString()}`)
  }
  return isoDateFromParts(year, month, day)
}

/**
 * Today's date in Beijing. Pass `now` in tests to pin the clock.
 *
 * @example
 * ```ts
 * todayInShanghai(new Date('2026-02-16T20:00:00Z')) // '2026-02-17'
 * ```
 */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return shanghaiDateOf(now)
}

/**
 * Zod schema for a 'YYYY-MM-DD' calendar date.
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2026-02-15') // '2026-02-15'
 * isoDateSchema.safeParse('2026-02-30').success // false
 * ```
 */
export const isoDateSchema = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD，且须为真实日期' })

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer
// arithmetic, no Date object, so no time zone or DST can leak in.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

let cachedFormatter: Intl.DateTimeFormat | undefined

function shanghaiFormatter(): Intl.DateTimeFormat {
  cachedFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  })
  return cachedFormatter
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
