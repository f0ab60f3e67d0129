import {
  type DayInfo,
  type HolidayYearData,
  type IsoDate,
  WorkCalendar,
  addCalendarDays,
  builtInHolidayData,
  dayNumber,
  holidayYearDataSchema,
} from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../auth/actor'
import { type Executor, recordAudit } from '../audit/audit'
import type { DB } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError, forbidden, notFound } from '../errors'
import { canCalendar } from './calendar.policy'
import * as repo from './calendar.repository'

type Ctx = RequestContext & { actor: Actor }

/** Where a year's data comes from: built into `@yangguang/core`, added by an admin, or an admin's correction of a built-in year. */
export type HolidayYearOrigin = 'built_in' | 'added' | 'replaced'

export type HolidayYearSummary = {
  year: number
  source: string | null
  origin: HolidayYearOrigin
  holidayCount: number
  workdayCount: number
  updatedAt: Date | null
  updatedByName: string | null
}

export type HolidayYearDetail = HolidayYearSummary & { holidays: string[]; workdays: string[] }

/**
 * The working-day calendar every deadline is computed with: the years built into
 * `@yangguang/core` (2024–2026) merged with the `holiday_year` rows admins add — a row replaces
 * the built-in year. Cached per database handle in this process; {@link saveHolidayYear}
 * drops the cache after its transaction commits, so the next deadline sees the new year.
 * Called with a transaction it reads the rows through that transaction and does not cache
 * (the transaction may hold an uncommitted year, and on PGlite the outer handle would deadlock).
 *
 * @example
 * ```ts
 * const calendar = await workCalendarFor(db)
 * const end = calendar.computePeriodEnd('2026-12-30', 5) // 行政处罚法 第八十五条: working days
 * if (!end.ok) end.missingYears // [2027] until an admin enters the 2027 notice
 * ```
 */
export async function workCalendarFor(db: Executor): Promise<WorkCalendar> {
  if (db.isTransaction) return buildCalendar(await repo.listHolidayYears(db))
  const root = db as Kysely<DB>
  const cached = cache.get(root)
  if (cached) return cached
  const loading = repo.listHolidayYears(root).then(buildCalendar)
  cache.set(root, loading)
  // A failed read must not stick: the next call tries again.
  loading.catch(() => {
    if (cache.get(root) === loading) cache.delete(root)
  })
  return loading
}

/**
 * Drops the cached calendar of `db`. The year writer calls it after commit; call it yourself
 * after writing `holiday_year` rows some other way (a seed, a test).
 *
 * @example
 * ```ts
 * invalidateWorkCalendar(db)
 * ```
 */
export function invalidateWorkCalendar(db: Kysely<DB>): void {
  cache.delete(db)
}

/** Every year the calendar knows, with where its data comes from. */
export async function listHolidayYears(db: Kysely<DB>, ctx: Ctx): Promise<HolidayYearSummary[]> {
  if (!canCalendar(ctx.actor, 'read')) throw forbidden()
  const rows = await repo.listHolidayYears(db)
  const byYear = new Map(rows.map((r) => [r.year, r]))
  const years = [...new Set([...builtInHolidayData.map((y) => y.year), ...byYear.keys()])].sort((a, b) => a - b)
  return years.map((year) => summarize(year, byYear.get(year)))
}

/** One year's data, as the calendar uses it. */
export async function getHolidayYear(db: Kysely<DB>, ctx: Ctx, year: number): Promise<HolidayYearDetail> {
  if (!canCalendar(ctx.actor, 'read')) throw forbidden()
  const detail = detailOf(year, await repo.findHolidayYear(db, year))
  if (!detail) throw notFound(`${year}年放假安排`, { year })
  return detail
}

export type HolidayYearInput = { holidays: string[]; workdays: string[]; source: string }

/**
 * Adds a year or replaces one (built-in or added) with the State Council notice's dates.
 * Admins only: a wrong holiday silently moves every legal deadline that crosses it. Validated
 * with core's `holidayYearDataSchema` (dates in the year, none twice, 调休 days on weekends).
 * Audited; the calendar cache is dropped after commit.
 *
 * @example
 * ```ts
 * await saveHolidayYear(db, ctx, 2027, { holidays: ['2027-01-01'], workdays: [], source: '国务院办公厅关于2027年部分节假日安排的通知' })
 * ```
 */
export async function saveHolidayYear(db: Kysely<DB>, ctx: Ctx, year: number, input: HolidayYearInput): Promise<HolidayYearDetail> {
  if (!canCalendar(ctx.actor, 'update')) throw forbidden('只有系统管理员可以维护节假日安排')
  const data = validateYear(year, input)
  await inTransaction(db, async (trx) => {
    await repo.lockHolidayYear(trx, year)
    const before = detailOf(year, await repo.findHolidayYear(trx, year))
    await repo.upsertHolidayYear(trx, { year, holidays: data.holidays, workdays: data.workdays, source: data.source, userId: ctx.actor.userId || null, now: ctx.now })
    await recordAudit(trx, ctx, {
      action: before ? 'holiday_year.update' : 'holiday_year.create',
      entityType: 'holiday_year',
      entityId: String(year),
      summary: `${before ? '修改' : '录入'}${year}年节假日安排（放假${data.holidays.length}天、调休上班${data.workdays.length}天）：${data.source}`,
      before: before && { source: before.source, holidays: before.holidays, workdays: before.workdays, origin: before.origin },
      after: { source: data.source, holidays: data.holidays, workdays: data.workdays },
    })
  })
  invalidateWorkCalendar(db)
  return getHolidayYear(db, ctx, year)
}

/** Longest span `listDays` answers: a year and a bit, enough for any calendar view. */
export const maxDaySpan = 400

/** Each day from `from` to `to` (inclusive) with its kind, for a calendar view. */
export async function listDays(db: Kysely<DB>, ctx: Ctx, from: IsoDate, to: IsoDate): Promise<DayInfo[]> {
  if (!canCalendar(ctx.actor, 'read')) throw forbidden()
  const span = dayNumber(to) - dayNumber(from)
  if (span < 0) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', { from, to })
  if (span >= maxDaySpan) throw new AppError('VALIDATION_FAILED', `一次最多查询${maxDaySpan}天`, { from, to })
  const calendar = await workCalendarFor(db)
  const days: DayInfo[] = []
  for (let date = from; dayNumber(date) <= dayNumber(to); date = addCalendarDays(date, 1)) days.push(calendar.dayInfo(date))
  return days
}

// Keyed by the database handle: every test file (and the server) has its own.
const cache = new WeakMap<Kysely<DB>, Promise<WorkCalendar>>()

function buildCalendar(rows: repo.HolidayYearRow[]): WorkCalendar {
  let calendar = WorkCalendar.fromData(builtInHolidayData)
  for (const row of rows) calendar = calendar.withYear({ year: row.year, holidays: row.holidays, workdays: row.workdays, source: row.source })
  return calendar
}

function validateYear(year: number, input: HolidayYearInput): Required<HolidayYearData> & { holidays: string[]; workdays: string[] } {
  const source = input.source.trim()
  if (!source) throw new AppError('VALIDATION_FAILED', '请填写放假安排的来源（通知名称和文号）', { field: 'source' })
  const parsed = holidayYearDataSchema.safeParse({ year, holidays: input.holidays, workdays: input.workdays, source })
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new AppError('VALIDATION_FAILED', `放假安排有误：${issues[0]?.message ?? '请检查日期'}`, { issues })
  }
  if (parsed.data.holidays.length === 0) throw new AppError('VALIDATION_FAILED', '请至少录入一个放假日期', { field: 'holidays' })
  return { year, holidays: [...parsed.data.holidays].sort(), workdays: [...parsed.data.workdays].sort(), source }
}

function summarize(year: number, row: repo.HolidayYearRow | undefined): HolidayYearSummary {
  const builtIn = builtInHolidayData.find((y) => y.year === year)
  if (row) {
    return {
      year,
      source: row.source,
      origin: builtIn ? 'replaced' : 'added',
      holidayCount: row.holidays.length,
      workdayCount: row.workdays.length,
      updatedAt: row.updatedAt,
      updatedByName: row.createdByName,
    }
  }
  return {
    year,
    source: builtIn?.source ?? null,
    origin: 'built_in',
    holidayCount: builtIn?.holidays.length ?? 0,
    workdayCount: builtIn?.workdays.length ?? 0,
    updatedAt: null,
    updatedByName: null,
  }
}

function detailOf(year: number, row: repo.HolidayYearRow | undefined): HolidayYearDetail | undefined {
  if (row) return { ...summarize(year, row), holidays: [...row.holidays].sort(), workdays: [...row.workdays].sort() }
  const builtIn = builtInHolidayData.find((y) => y.year === year)
  if (!builtIn) return undefined
  return { ...summarize(year, undefined), holidays: [...builtIn.holidays], workdays: [...builtIn.workdays] }
}
