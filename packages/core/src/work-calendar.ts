import { z } from 'zod'
import {
  type IsoDate,
  addCalendarDays,
  assertIsoDate,
  dayNumber,
  isIsoDate,
  isoDateFromDayNumber,
  splitIsoDate,
  weekdayOf,
} from './calendar-date'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'

/**
 * Working-day calendar for mainland China: Monday–Friday, minus the statutory
 * holidays, plus the weekend days made into working days (调休上班) — all as
 * published each year by the State Council General Office (国务院办公厅).
 *
 * Periods follow:
 * - 《行政处罚法》(2021) 第八十五条: "本法中'二日''三日''五日''七日'的规定是指工作日，
 *   不含法定节假日。" Other day counts in that law (15 日, 90 日) are natural days.
 * - 《行政强制法》第六十九条: "本法中十日以内期限的规定是指工作日，不含法定节假日。"
 * - 《民法典》第二百零一条: the day of the event is not counted; counting starts
 *   the next day. 第二百零三条: a period whose last day is a 法定休假日 ends on
 *   the day after the holiday — we move to the next working day, which also
 *   covers ordinary weekends and 调休 days.
 *
 * Missing data is never papered over. A computation that has to classify a day
 * in a year without holiday data returns `{ ok: false, reason:
 * 'missing_holiday_data', missingYears, provisional… }`: the provisional answer
 * treats that year as plain Monday–Friday weeks, so a UI can show "约…（2027年
 * 放假安排未录入）" but cannot use it by accident, because TypeScript only
 * exposes `date` after checking `ok`. `isWorkingDay` has no room for a flag,
 * so it throws `MissingHolidayDataError` instead.
 */

/** One year's arrangement, exactly as the notice lists it. */
export interface HolidayYearData {
  year: number
  /** Every day off in a holiday block, weekends inside the block included. */
  holidays: readonly IsoDate[]
  /** Weekend days that are working days (调休上班). */
  workdays: readonly IsoDate[]
  /** Title and document number of the notice the data comes from. */
  source?: string
}

/** How a day counts: an ordinary weekday, weekend, holiday or 调休 working weekend. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday'

export interface DayInfo {
  date: IsoDate
  kind: DayKind
  working: boolean
  /** False when the year has no holiday data and `kind` only reflects the weekday. */
  known: boolean
}

/** How to count a period's days. */
export type PeriodUnit = 'working_days' | 'natural_days'

/**
 * Which statute decides the unit:
 * - `penalty_law_art_85`: 2, 3, 5, 7 days are working days, others natural days (default);
 * - `coercion_law_art_69`: up to 10 days are working days, longer ones natural days;
 * - `working_days` / `natural_days`: the caller decides.
 */
export type PeriodRule = 'penalty_law_art_85' | 'coercion_law_art_69' | PeriodUnit

export interface MissingHolidayData {
  ok: false
  reason: 'missing_holiday_data'
  /** Years that had to be classified but have no data, ascending. */
  missingYears: number[]
  message: string
}

export type DateComputation = { ok: true; date: IsoDate } | (MissingHolidayData & { provisionalDate: IsoDate })

export type CountComputation = { ok: true; count: number } | (MissingHolidayData & { provisionalCount: number })

export interface PeriodEnd {
  /** Last day of the period. */
  date: IsoDate
  unit: PeriodUnit
  /** The end before moving off a rest day; equal to `date` when nothing moved. */
  nominalDate: IsoDate
  moved: boolean
}

export type PeriodComputation = ({ ok: true } & PeriodEnd) | (MissingHolidayData & { provisional: PeriodEnd })

/**
 * Thrown by `isWorkingDay` (and `requireExact`) when the year has no data.
 *
 * @example
 * ```ts
 * try {
 *   chinaWorkCalendar.isWorkingDay('2027-01-01')
 * } catch (error) {
 *   if (error instanceof MissingHolidayDataError) error.missingYears // [2027]
 * }
 * ```
 */
export class MissingHolidayDataError extends Error {
  readonly code = 'missing_holiday_data'
  readonly missingYears: number[]

  constructor(missingYears: number[]) {
    super(missingHolidayDataMessage(missingYears))
    this.name = 'MissingHolidayDataError'
    this.missingYears = missingYears
  }
}

/**
 * Zod schema for one year of holiday data, for the admin screen that adds a
 * year at runtime. Besides shapes it rejects dates outside the year, a date
 * listed twice or in both lists, and a 调休 working day that is not a
 * Saturday or Sunday (a weekday is a working day already, so that is a typo).
 *
 * @example
 * ```ts
 * holidayYearDataSchema.safeParse({ year: 2027, holidays: ['2027-01-01'], workdays: [] }).success // true
 * ```
 */
export const holidayYearDataSchema = z
  .object({
    year: z.number().int().min(1000).max(9999),
    holidays: z.array(z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' })),
    workdays: z.array(z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' })),
    source: z.string().optional(),
  })
  .superRefine((data, context) => {
    const seen = new Set<string>()
    const check = (list: 'holidays' | 'workdays') => {
      data[list].forEach((date, index) => {
        if (!isIsoDate(date)) return
        const path = [list, index]
        if (splitIsoDate(date)?.year !== data.year) {
          context.addIssue({ code: 'custom', path, message: `${date} 不属于 ${data.year} 年` })
        }
        if (seen.has(date)) context.addIssue({ code: 'custom', path, message: `${date} 重复出现` })
        seen.add(date)
        const weekday = weekdayOf(date)
        if (list === 'workdays' && weekday !== 0 && weekday !== 6) {
          context.addIssue({ code: 'custom', path, message: `${date} 不是周末，无需列为调休上班日` })
        }
      })
    }
    check('holidays')
    check('workdays')
  })

/**
 * 2024: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）.
 * Checked against the text in 人民日报 2023-10-26 第06版 and 维基文库. 除夕 (02-09)
 * is only "encouraged" as a rest day, so it stays a working day here.
 */
export const holidays2024: HolidayYearData = {
  year: 2024,
  source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
  holidays: [
    '2024-01-01',
    ...dateRange('2024-02-10', '2024-02-17'),
    ...dateRange('2024-04-04', '2024-04-06'),
    ...dateRange('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...dateRange('2024-09-15', '2024-09-17'),
    ...dateRange('2024-10-01', '2024-10-07'),
  ],
  workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
}

/**
 * 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）.
 * First year under 国务院令第795号 (国务院关于修改《全国年节及纪念日放假办法》的决定,
 * 2024-11-10, in force 2025-01-01): 春节 gains 除夕 and 劳动节 gains 5月2日, and
 * 春节 now starts on 除夕. 中秋 (10-06) falls inside 国庆, giving one 8-day block.
 * Checked against the 新华社 text on 光明网 2024-11-12.
 */
export const holidays2025: HolidayYearData = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  holidays: [
    '2025-01-01',
    ...dateRange('2025-01-28', '2025-02-04'),
    ...dateRange('2025-04-04', '2025-04-06'),
    ...dateRange('2025-05-01', '2025-05-05'),
    ...dateRange('2025-05-31', '2025-06-02'),
    ...dateRange('2025-10-01', '2025-10-08'),
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
}

/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）.
 * Checked against the 新华社 text on 光明网 2025-11-04 and 中山日报 2025-11-05 A01.
 */
export const holidays2026: HolidayYearData = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
  holidays: [
    ...dateRange('2026-01-01', '2026-01-03'),
    ...dateRange('2026-02-15', '2026-02-23'),
    ...dateRange('2026-04-04', '2026-04-06'),
    ...dateRange('2026-05-01', '2026-05-05'),
    ...dateRange('2026-06-19', '2026-06-21'),
    ...dateRange('2026-09-25', '2026-09-27'),
    ...dateRange('2026-10-01', '2026-10-07'),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
}

/** The built-in years, oldest first. */
export const builtInHolidayData: readonly HolidayYearData[] = [holidays2024, holidays2025, holidays2026]

/**
 * The unit a period of `days` days uses under `rule`.
 *
 * @example
 * ```ts
 * periodUnitFor('penalty_law_art_85', 7)  // 'working_days'
 * periodUnitFor('penalty_law_art_85', 15) // 'natural_days'
 * periodUnitFor('coercion_law_art_69', 10) // 'working_days'
 * ```
 */
export function periodUnitFor(rule: PeriodRule, days: number): PeriodUnit {
  switch (rule) {
    case 'penalty_law_art_85':
      return penaltyLawWorkingDayCounts.has(days) ? 'working_days' : 'natural_days'
    case 'coercion_law_art_69':
      return days <= 10 ? 'working_days' : 'natural_days'
    case 'working_days':
    case 'natural_days':
      return rule
    default:
      throw new InvalidArgumentError('invalid_period_rule', `Unknown period rule ${describeValue(rule)}`)
  }
}

/**
 * Unwraps a computation, throwing `MissingHolidayDataError` when data was missing.
 * For batch jobs that must not act on a provisional date.
 *
 * @example
 * ```ts
 * const date = requireExact(chinaWorkCalendar.addWorkingDays('2026-09-30', 3)) // '2026-10-10' (a 调休 Saturday)
 * ```
 */
export function requireExact(result: DateComputation): IsoDate
export function requireExact(result: CountComputation): number
export function requireExact(result: PeriodComputation): PeriodEnd
export function requireExact(result: DateComputation | CountComputation | PeriodComputation): IsoDate | number | PeriodEnd {
  if (!result.ok) throw new MissingHolidayDataError(result.missingYears)
  if ('count' in result) return result.count
  if ('unit' in result) return { date: result.date, unit: result.unit, nominalDate: result.nominalDate, moved: result.moved }
  return result.date
}

export interface AddNaturalDaysOptions {
  /** Move an end that falls on a weekend, holiday or non-working day to the next working day. */
  moveOffHoliday: boolean
}

export interface PeriodOptions {
  /** Which statute decides working vs natural days; default `penalty_law_art_85`. */
  rule?: PeriodRule
  /** Move an end on a rest day to the next working day; default true (民法典 第二百零三条). */
  moveOffHoliday?: boolean
}

/**
 * An immutable working-day calendar built from yearly data. Build it with
 * `WorkCalendar.fromData`, add or correct a year with `withYear` (which
 * returns a new calendar), or use `chinaWorkCalendar` for the built-in years.
 *
 * @example
 * ```ts
 * const calendar = WorkCalendar.fromData(builtInHolidayData)
 * const result = calendar.computePeriodEnd('2026-02-12', 5) // 5 working days (art. 85)
 * if (result.ok) result.date // '2026-02-26': 13th, 14th (调休 Saturday), then 24th–26th after 春节
 * ```
 */
export class WorkCalendar {
  readonly #holidays: ReadonlySet<IsoDate>
  readonly #workdays: ReadonlySet<IsoDate>
  readonly #data: ReadonlyMap<number, HolidayYearData>

  private constructor(data: ReadonlyMap<number, HolidayYearData>) {
    this.#data = data
    const holidays = new Set<IsoDate>()
    const workdays = new Set<IsoDate>()
    for (const year of data.values()) {
      year.holidays.forEach((date) => holidays.add(date))
      year.workdays.forEach((date) => workdays.add(date))
    }
    this.#holidays = holidays
    this.#workdays = workdays
  }

  /**
   * Builds a calendar; throws InvalidArgumentError on malformed data or a
   * year given twice.
   *
   * @example
   * ```ts
   * const calendar = WorkCalendar.fromData([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }])
   * ```
   */
  static fromData(years: readonly HolidayYearData[]): WorkCalendar {
    if (!Array.isArray(years)) {
      throw new InvalidArgumentError('invalid_holiday_data', `Expected an array of years, got ${describeValue(years)}`)
    }
    const map = new Map<number, HolidayYearData>()
    for (const year of years) {
      const parsed = parseYearData(year)
      if (map.has(parsed.year)) {
        throw new InvalidArgumentError('duplicate_holiday_year', `Holiday data for ${parsed.year} is given twice`)
      }
      map.set(parsed.year, parsed)
    }
    return new WorkCalendar(map)
  }

  /**
   * A new calendar with `data` added, replacing any data for the same year.
   *
   * @example
   * ```ts
   * const next = chinaWorkCalendar.withYear({ year: 2027, holidays: ['2027-01-01'], workdays: [] })
   * next.hasYear(2027) // true; chinaWorkCalendar is unchanged
   * ```
   */
  withYear(data: HolidayYearData): WorkCalendar {
    const parsed = parseYearData(data)
    const map = new Map(this.#data)
    map.set(parsed.year, parsed)
    return new WorkCalendar(map)
  }

  /**
   * Years with data, ascending.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.years // [2024, 2025, 2026]
   * ```
   */
  get years(): number[] {
    return [...this.#data.keys()].sort((a, b) => a - b)
  }

  /**
   * Whether `year` has holiday data.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.hasYear(2027) // false
   * ```
   */
  hasYear(year: number): boolean {
    return this.#data.has(year)
  }

  /**
   * The data for `year`, if any (for showing the source on screen).
   *
   * @example
   * ```ts
   * chinaWorkCalendar.yearData(2026)?.source // '国务院办公厅关于2026年…（国办发明电〔2025〕7号）'
   * ```
   */
  yearData(year: number): HolidayYearData | undefined {
    return this.#data.get(year)
  }

  /**
   * Classifies a day. Total: for a year without data, `known` is false and
   * the kind only reflects the weekday.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.dayInfo('2026-02-14') // { date: '2026-02-14', kind: 'adjusted_workday', working: true, known: true }
   * ```
   */
  dayInfo(date: IsoDate): DayInfo {
    assertIsoDate(date)
    const known = this.#data.has(yearOf(date))
    const kind = this.#kindOf(date)
    return { date, kind, working: kind === 'workday' || kind === 'adjusted_workday', known }
  }

  /**
   * Whether `date` is a working day. Throws `MissingHolidayDataError` for a
   * year without data rather than guess.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.isWorkingDay('2025-10-08') // false (国庆、中秋)
   * chinaWorkCalendar.isWorkingDay('2025-10-11') // true (调休 Saturday)
   * ```
   */
  isWorkingDay(date: IsoDate): boolean {
    const info = this.dayInfo(date)
    if (!info.known) throw new MissingHolidayDataError([yearOf(date)])
    return info.working
  }

  /**
   * The `n`-th working day after `start` (`start` itself is not counted); a
   * negative `n` counts backwards ("7 working days before the hearing"). `n =
   * 0` returns `start` unchanged.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.addWorkingDays('2025-09-30', 1) // { ok: true, date: '2025-10-09' }
   * ```
   */
  addWorkingDays(start: IsoDate, n: number): DateComputation {
    assertIsoDate(start, 'start')
    assertDayCount(n, 'n')
    const missing = new Set<number>()
    const step = n < 0 ? -1 : 1
    let current = start
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addCalendarDays(current, step)
      if (this.#isWorkingTracked(current, missing)) remaining -= 1
    }
    return dateOutcome(current, missing)
  }

  /**
   * `start` plus `n` calendar days; with `moveOffHoliday`, an end on a rest
   * day moves to the next working day. Without it no holiday data is needed,
   * so the result is always exact.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.addNaturalDays('2025-09-16', 15, { moveOffHoliday: true }) // { ok: true, date: '2025-10-09' }
   * chinaWorkCalendar.addNaturalDays('2025-09-16', 15, { moveOffHoliday: false }) // { ok: true, date: '2025-10-01' }
   * ```
   */
  addNaturalDays(start: IsoDate, n: number, options: AddNaturalDaysOptions): DateComputation {
    assertIsoDate(start, 'start')
    assertDayCount(n, 'n')
    if (typeof options?.moveOffHoliday !== 'boolean') {
      throw new InvalidArgumentError('invalid_options', 'addNaturalDays needs { moveOffHoliday: boolean }')
    }
    const end = addCalendarDays(start, n)
    if (!options.moveOffHoliday) return { ok: true, date: end }
    const missing = new Set<number>()
    return dateOutcome(this.#nextWorkingDayFrom(end, missing), missing)
  }

  /**
   * Last day of a period of `days` days that starts with an event on
   * `eventDate` (served, received, decided…). The event day is not counted.
   * The statute in `options.rule` decides working vs natural days (default:
   * 行政处罚法 第八十五条). A natural-day period ending on a rest day moves to
   * the next working day unless `moveOffHoliday: false`; a working-day period
   * always ends on a working day.
   *
   * @example
   * ```ts
   * // 听证 request window: 5 days (working) from the notice served on Friday 2026-09-18.
   * chinaWorkCalendar.computePeriodEnd('2026-09-18', 5)
   * // → { ok: true, date: '2026-09-24', unit: 'working_days', nominalDate: '2026-09-24', moved: false }
   *
   * // Payment: 15 days (natural) from receipt of the decision on 2025-09-16.
   * chinaWorkCalendar.computePeriodEnd('2025-09-16', 15)
   * // → { ok: true, date: '2025-10-09', unit: 'natural_days', nominalDate: '2025-10-01', moved: true }
   * ```
   */
  computePeriodEnd(eventDate: IsoDate, days: number, options: PeriodOptions = {}): PeriodComputation {
    assertIsoDate(eventDate, 'eventDate')
    if (!Number.isSafeInteger(days) || days < 1 || days > maxDayCount) {
      throw new InvalidArgumentError('invalid_day_count', `days must be an integer 1–${maxDayCount}, got ${describeValue(days)}`)
    }
    const rule = options.rule ?? 'penalty_law_art_85'
    const moveOffHoliday = options.moveOffHoliday ?? true
    if (typeof moveOffHoliday !== 'boolean') {
      throw new InvalidArgumentError('invalid_options', `moveOffHoliday must be a boolean, got ${describeValue(moveOffHoliday)}`)
    }
    const unit = periodUnitFor(rule, days)
    const outcome =
      unit === 'working_days'
        ? this.addWorkingDays(eventDate, days)
        : this.addNaturalDays(eventDate, days, { moveOffHoliday })
    const nominalDate = unit === 'working_days' ? (outcome.ok ? outcome.date : outcome.provisionalDate) : addCalendarDays(eventDate, days)
    if (outcome.ok) return { ok: true, date: outcome.date, unit, nominalDate, moved: outcome.date !== nominalDate }
    const provisional: PeriodEnd = {
      date: outcome.provisionalDate,
      unit,
      nominalDate,
      moved: outcome.provisionalDate !== nominalDate,
    }
    return { ok: false, reason: outcome.reason, missingYears: outcome.missingYears, message: outcome.message, provisional }
  }

  /**
   * Working days after `from` up to and including `to` — the "还剩 N 个工作日"
   * figure. Negative when `to` is before `from` (overdue), 0 when equal.
   * Consistent with `addWorkingDays`: for a working day `to`,
   * `addWorkingDays(from, count)` lands on `to`.
   *
   * @example
   * ```ts
   * chinaWorkCalendar.workingDaysBetween('2026-02-13', '2026-02-24') // { ok: true, count: 2 } (14th is a 调休 Saturday)
   * ```
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): CountComputation {
    assertIsoDate(from, 'from')
    assertIsoDate(to, 'to')
    const span = dayNumber(to) - dayNumber(from)
    const sign = span < 0 ? -1 : 1
    const [low, high] = span < 0 ? [to, from] : [from, to]
    if (Math.abs(span) > maxDayCount * 2) {
      throw new InvalidArgumentError('invalid_day_count', `from and to are more than ${maxDayCount * 2} days apart`)
    }
    const missing = new Set<number>()
    let count = 0
    for (let current = addCalendarDays(low, 1); dayNumber(current) <= dayNumber(high); current = addCalendarDays(current, 1)) {
      if (this.#isWorkingTracked(current, missing)) count += 1
    }
    const signed = count === 0 ? 0 : sign * count
    if (missing.size === 0) return { ok: true, count: signed }
    return { ...missingData(missing), provisionalCount: signed }
  }

  #kindOf(date: IsoDate): DayKind {
    if (this.#holidays.has(date)) return 'holiday'
    if (this.#workdays.has(date)) return 'adjusted_workday'
    const weekday = weekdayOf(date)
    return weekday === 0 || weekday === 6 ? 'weekend' : 'workday'
  }

  #isWorkingTracked(date: IsoDate, missing: Set<number>): boolean {
    const year = yearOf(date)
    if (!this.#data.has(year)) missing.add(year)
    const kind = this.#kindOf(date)
    return kind === 'workday' || kind === 'adjusted_workday'
  }

  #nextWorkingDayFrom(date: IsoDate, missing: Set<number>): IsoDate {
    let current = date
    // The longest run of rest days in any notice is 9 (春节 2026); 60 is a data-error guard.
    for (let guard = 0; guard < 60; guard += 1) {
      if (this.#isWorkingTracked(current, missing)) return current
      current = addCalendarDays(current, 1)
    }
    throw new InvalidArgumentError('invalid_holiday_data', `No working day within 60 days after ${date}`)
  }
}

/**
 * The calendar with the built-in 2024–2026 data. Add later years with
 * `chinaWorkCalendar.withYear(...)` once the State Council publishes them
 * (usually in October or November of the year before).
 *
 * @example
 * ```ts
 * chinaWorkCalendar.isWorkingDay('2026-02-28') // true (调休 Saturday)
 * ```
 */
export const chinaWorkCalendar: WorkCalendar = WorkCalendar.fromData(builtInHolidayData)

// 行政处罚法 第八十五条 lists exactly these counts.
const penaltyLawWorkingDayCounts: ReadonlySet<number> = new Set([2, 3, 5, 7])

// About 100 years; bounds every loop so bad input cannot hang a request.
const maxDayCount = 36_600

function dateRange(first: IsoDate, last: IsoDate): IsoDate[] {
  const dates: IsoDate[] = []
  for (let day = dayNumber(first); day <= dayNumber(last); day += 1) dates.push(isoDateFromDayNumber(day))
  return dates
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

function assertDayCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) > maxDayCount) {
    throw new InvalidArgumentError('invalid_day_count', `${name} must be an integer between -${maxDayCount} and ${maxDayCount}, got ${describeValue(n)}`)
  }
}

function parseYearData(data: HolidayYearData): HolidayYearData {
  const parsed = holidayYearDataSchema.safeParse(data)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    throw new InvalidArgumentError('invalid_holiday_data', `Invalid holiday data: ${details}`)
  }
  const { year, holidays, workdays, source } = parsed.data
  // Frozen copies: a caller mutating its array later must not change the calendar.
  return Object.freeze({
    year,
    holidays: Object.freeze([...holidays].sort()),
    workdays: Object.freeze([...workdays].sort()),
    ...(source === undefined ? {} : { source }),
  })
}

function missingHolidayDataMessage(years: number[]): string {
  return `${years.join('、')}年放假安排尚未录入，结果仅按周末推算，请录入国务院办公厅放假安排后再确认期限`
}

function missingData(missing: Set<number>): MissingHolidayData {
  const missingYears = [...missing].sort((a, b) => a - b)
  return { ok: false, reason: 'missing_holiday_data', missingYears, message: missingHolidayDataMessage(missingYears) }
}

function dateOutcome(date: IsoDate, missing: Set<number>): DateComputation {
  if (missing.size === 0) return { ok: true, date }
  return { ...missingData(missing), provisionalDate: date }
}
