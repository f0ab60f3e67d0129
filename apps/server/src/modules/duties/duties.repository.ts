import type { DutyCategory } from '@yangguang/core'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { NewRow, RowUpdate } from '../../platform/db/schema'
import { containsPattern } from '../catalogue/catalogue.repository'

// ——— 乡镇 townships ———————————————————————————————————————————————————————

/** The township's 人民政府 unit (for a query with the township's region as `r`). */
const governmentOrgOf = sql<string | null>`(select o.id from org o where o.region_code = r.code and o.kind = 'township' order by o.code limit 1)`

/**
 * Townships (region level 'township') with their active duty counts per category and pending
 * adjustments. `onlyWithDuties` keeps those that have a duty list (for the portal).
 */
export async function listTownships(db: Executor, visible: Expression<SqlBool>, options: { onlyWithDuties?: boolean } = {}) {
  const count = (category: DutyCategory) =>
    sql<number>`(select count(*) from duty_item d where d.township_code = r.code and d.status = 'active' and d.category = ${category})::int`
  let query = db
    .selectFrom('region as r')
    .select([
      'r.code',
      'r.name',
      'r.path',
      count('basic').as('basic'),
      count('cooperative').as('cooperative'),
      count('reclaimed').as('reclaimed'),
      sql<number>`(select count(*) from duty_adjustment a where a.township_code = r.code and a.status = 'pending')::int`.as('pending'),
      governmentOrgOf.as('government_org_id'),
    ])
    .where('r.level', '=', 'township')
    .where(visible)
  if (options.onlyWithDuties) query = query.where(sql<SqlBool>`exists (select 1 from duty_item d where d.township_code = r.code)`)
  return query.orderBy('r.sort').execute()
}

/** One township with its path and the id of its 人民政府 unit. */
export async function findTownship(db: Executor, code: string) {
  return db
    .selectFrom('region as r')
    .select([
      'r.code',
      'r.name',
      'r.path',
      governmentOrgOf.as('government_org_id'),
    ])
    .where('r.code', '=', code)
    .where('r.level', '=', 'township')
    .executeTakeFirst()
}

export async function townshipVisible(db: Executor, code: string, visible: Expression<SqlBool>) {
  return Boolean(await db.selectFrom('region as r').select('r.code').where('r.code', '=', code).where(visible).executeTakeFirst())
}

export type TownshipRow = NonNullable<Awaited<ReturnType<typeof findTownship>>>

// ——— 履职事项 duty items —————————————————————————————————————————————————————

export type DutyItemFilter = { townshipCode?: string; category?: DutyCategory; q?: string; limit: number; offset: number }

function selectDutyItems(db: Executor) {
  return db
    .selectFrom('duty_item as d')
    .innerJoin('region as r', 'r.code', 'd.township_code')
    .leftJoin('power_item as p', 'p.id', 'd.power_item_id')
    .select([
      'd.id',
      'd.township_code',
      'd.category',
      'd.seq',
      'd.name',
      'd.lead_department',
      'd.cooperating_departments',
      'd.legal_basis',
      'd.power_item_id',
      'd.status',
      'd.updated_at',
      'r.name as township_name',
      'r.path as township_path',
      'p.code as power_item_code',
      'p.name as power_item_name',
      governmentOrgOf.as('government_org_id'),
    ])
}

/** Active duty items, filtered; `visible` limits them to the townships the caller may see. */
export async function listDutyItems(db: Executor, f: DutyItemFilter, visible: Expression<SqlBool>) {
  let query = selectDutyItems(db).where('d.status', '=', 'active').where(visible)
  if (f.townshipCode) query = query.where('d.township_code', '=', f.townshipCode)
  if (f.category) query = query.where('d.category', '=', f.category)
  if (f.q) {
    const pattern = containsPattern(f.q)
    query = query.where((eb) =>
      eb.or([
        eb('d.name', 'ilike', pattern),
        eb('d.lead_department', 'ilike', pattern),
        eb(sql<string>`array_to_string(d.cooperating_departments, ' ')`, 'ilike', pattern),
        eb('d.legal_basis', 'ilike', pattern),
      ]),
    )
  }
  const [items, total] = await Promise.all([
    query.orderBy('r.sort').orderBy(sql`array_position(array['basic','cooperative','reclaimed'], d.category)`).orderBy('d.seq').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findDutyItem(db: Executor, id: string) {
  return selectDutyItems(db).where('d.id', '=', id).executeTakeFirst()
}

export type DutyItemRow = NonNullable<Awaited<ReturnType<typeof findDutyItem>>>

/** The next free number in a township's category (numbers of removed items stay taken). */
export async function nextSeq(db: Executor, townshipCode: string, category: DutyCategory) {
  const row = await db
    .selectFrom('duty_item')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('township_code', '=', townshipCode)
    .where('category', '=', category)
    .executeTakeFirstOrThrow()
  return Number(row.next)
}

export async function insertDutyItem(db: Executor, row: NewRow<'duty_item'>) {
  const { id } = await db.insertInto('duty_item').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateDutyItem(db: Executor, id: string, patch: RowUpdate<'duty_item'>) {
  await db.updateTable('duty_item').set(patch).where('id', '=', id).execute()
}

export async function powerItemExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('power_item').select('id').where('id', '=', id).executeTakeFirst())
}

// ——— 动态调整 adjustments ————————————————————————————————————————————————————

export type DutyAdjustmentFilter = { townshipCode?: string; status?: 'pending' | 'approved' | 'rejected'; year?: number; limit: number; offset: number }

function selectDutyAdjustments(db: Executor) {
  return db
    .selectFrom('duty_adjustment as a')
    .innerJoin('region as r', 'r.code', 'a.township_code')
    .leftJoin('duty_item as d', 'd.id', 'a.duty_item_id')
    .leftJoin('app_user as uc', 'uc.id', 'a.created_by')
    .leftJoin('org as oc', 'oc.id', 'uc.org_id')
    .leftJoin('app_user as ud', 'ud.id', 'a.decided_by')
    .select([
      'a.id',
      'a.township_code',
      'a.duty_item_id',
      'a.op',
      'a.proposal',
      'a.reason',
      'a.status',
      'a.approval_ref',
      'a.decision_note',
      'a.decided_at',
      'a.created_at',
      'r.name as township_name',
      'r.path as township_path',
      'd.name as item_name',
      'd.category as item_category',
      'd.seq as item_seq',
      'uc.display_name as created_by_name',
      'oc.name as created_by_org_name',
      'ud.display_name as decided_by_name',
      governmentOrgOf.as('government_org_id'),
    ])
}

/** The year an adjustment counts in: when it was decided, or — while pending — proposed. */
const adjustmentYear = sql<number>`extract(year from coalesce(a.decided_at, a.created_at) at time zone 'Asia/Shanghai')::int`

export async function listDutyAdjustments(db: Executor, f: DutyAdjustmentFilter, visible: Expression<SqlBool>) {
  let query = selectDutyAdjustments(db).where(visible)
  if (f.townshipCode) query = query.where('a.township_code', '=', f.townshipCode)
  if (f.status) query = query.where('a.status', '=', f.status)
  if (f.year) query = query.where(adjustmentYear, '=', f.year)
  const [items, total] = await Promise.all([
    query
      .orderBy(sql`a.status = 'pending'`, 'desc')
      .orderBy(sql`coalesce(a.decided_at, a.created_at)`, 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findDutyAdjustment(db: Executor, id: string) {
  return selectDutyAdjustments(db).where('a.id', '=', id).executeTakeFirst()
}

export type DutyAdjustmentRow = NonNullable<Awaited<ReturnType<typeof findDutyAdjustment>>>

export async function lockDutyAdjustment(db: Executor, id: string) {
  return db.selectFrom('duty_adjustment').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function pendingAdjustmentFor(db: Executor, dutyItemId: string) {
  return db.selectFrom('duty_adjustment').select('id').where('duty_item_id', '=', dutyItemId).where('status', '=', 'pending').executeTakeFirst()
}

export async function insertDutyAdjustment(db: Executor, row: NewRow<'duty_adjustment'>) {
  const { id } = await db.insertInto('duty_adjustment').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateDutyAdjustment(db: Executor, id: string, patch: RowUpdate<'duty_adjustment'>) {
  await db.updateTable('duty_adjustment').set(patch).where('id', '=', id).execute()
}

/** Adjustments per year: approved and rejected by the year of decision, pending by the year proposed. */
export async function countAdjustmentsByYear(db: Executor, visible: Expression<SqlBool>) {
  const rows = await db
    .selectFrom('duty_adjustment as a')
    .innerJoin('region as r', 'r.code', 'a.township_code')
    .select([
      adjustmentYear.as('year'),
      sql<number>`count(*) filter (where a.status = 'approved')::int`.as('approved'),
      sql<number>`count(*) filter (where a.status = 'rejected')::int`.as('rejected'),
      sql<number>`count(*) filter (where a.status = 'pending')::int`.as('pending'),
    ])
    .where(visible)
    .groupBy(adjustmentYear)
    .orderBy(adjustmentYear, 'desc')
    .execute()
  return rows.map((r) => ({ year: Number(r.year), approved: Number(r.approved), rejected: Number(r.rejected), pending: Number(r.pending) }))
}

/** Pending adjustments in the townships the caller governs, for the to-do list. */
export async function listPendingDutyAdjustments(db: Executor, visible: Expression<SqlBool>) {
  return selectDutyAdjustments(db).where('a.status', '=', 'pending').where(visible).orderBy('a.created_at').execute()
}
