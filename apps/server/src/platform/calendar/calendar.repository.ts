import { sql } from 'kysely'
import type { Executor } from '../audit/audit'

/** One `holiday_year` row with its dates as 'YYYY-MM-DD' strings. */
export type HolidayYearRow = {
  year: number
  holidays: string[]
  workdays: string[]
  source: string
  createdBy: string | null
  createdByName: string | null
  createdAt: Date
  updatedAt: Date
}

/**
 * Every admin-maintained holiday year, ascending. The date arrays are cast to text[] in SQL so
 * both drivers return plain strings (the DATE parser does not apply to array elements).
 */
export async function listHolidayYears(db: Executor): Promise<HolidayYearRow[]> {
  return selectYears(db).orderBy('h.year').execute()
}

export async function findHolidayYear(db: Executor, year: number): Promise<HolidayYearRow | undefined> {
  return selectYears(db).where('h.year', '=', year).executeTakeFirst()
}

/** Inserts or replaces one year (a row replaces the built-in data of the same year). */
export async function upsertHolidayYear(
  db: Executor,
  row: { year: number; holidays: string[]; workdays: string[]; source: string; userId: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('holiday_year')
    .values({ year: row.year, holidays: row.holidays, workdays: row.workdays, source: row.source, created_by: row.userId, created_at: row.now, updated_at: row.now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ holidays: row.holidays, workdays: row.workdays, source: row.source, updated_at: row.now }))
    .execute()
}

/** Serialises writers of one year, so the audit's "before" is the row that is replaced. */
export async function lockHolidayYear(db: Executor, year: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('holiday_year'), ${year})`.execute(db)
}

function selectYears(db: Executor) {
  return db
    .selectFrom('holiday_year as h')
    .leftJoin('app_user as u', 'u.id', 'h.created_by')
    .select([
      'h.year',
      sql<string[]>`h.holidays::text[]`.as('holidays'),
      sql<string[]>`h.workdays::text[]`.as('workdays'),
      'h.source',
      'h.created_by as createdBy',
      'u.display_name as createdByName',
      'h.created_at as createdAt',
      'h.updated_at as updatedAt',
    ])
}
