import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import type { DiscretionStatus, NoPenaltyListKind } from '../../platform/db/discretion-schema'
import type { NewRow, RowUpdate } from '../../platform/db/schema'
import { containsPattern } from '../catalogue/catalogue.repository'

// ——— visibility ———————————————————————————————————————————————————————————

/**
 * Which rows (joined as `r` = the row's region) an actor sees in the staff screens: admins all;
 * supervisors every row of their jurisdiction, and the published rows of the regions above it
 * (they apply there too); unit staff the published rows that apply to their unit's region, and —
 * heads and legal reviewers, who draft — the drafts too. Whether a unit may *edit* a draft is the
 * policy's question (does it hold the item?).
 */
function visibleTo(actor: Actor, statusColumn: string): Expression<SqlBool> {
  const status = sql.ref(statusColumn)
  const path = actor.regionPath ?? ''
  switch (actor.role) {
    case 'admin':
      return sql<SqlBool>`true`
    case 'supervisor':
      if (!path) return sql<SqlBool>`false`
      return sql<SqlBool>`(r.path like ${`${path}%`} or (${path} like r.path || '%' and ${status} <> 'draft'))`
    case 'unit_head':
    case 'legal_reviewer':
      return path ? sql<SqlBool>`${path} like r.path || '%'` : sql<SqlBool>`false`
    case 'officer':
      return path ? sql<SqlBool>`(${path} like r.path || '%' and ${status} <> 'draft')` : sql<SqlBool>`false`
    default:
      return sql<SqlBool>`false`
  }
}

// ——— 裁量基准 benchmarks ————————————————————————————————————————————————————

export type BenchmarkFilter = { powerItemId?: string; status?: DiscretionStatus; domain?: string; q?: string; limit: number; offset: number }

function selectBenchmarks(db: Executor) {
  return db
    .selectFrom('discretion_benchmark as b')
    .innerJoin('power_item as p', 'p.id', 'b.power_item_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('app_user as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.power_item_id',
      'b.region_code',
      'b.code',
      'b.version',
      'b.violation',
      'b.violation_basis',
      'b.penalty_basis',
      'b.statutory',
      'b.tiers',
      'b.status',
      'b.effective_from',
      'b.published_at',
      'b.created_by',
      'b.created_at',
      'b.updated_at',
      'p.code as item_code',
      'p.name as item_name',
      'p.domain as item_domain',
      'p.kind as item_kind',
      'r.name as region_name',
      'r.path as region_path',
      'u.display_name as created_by_name',
      sql<boolean>`exists (select 1 from discretion_benchmark d where d.code = b.code and d.status = 'draft' and d.version > b.version)`.as('has_draft'),
    ])
}

export type BenchmarkRow = NonNullable<Awaited<ReturnType<typeof findBenchmark>>>

function filterBenchmarks<Q extends ReturnType<typeof selectBenchmarks>>(query: Q, f: Omit<BenchmarkFilter, 'limit' | 'offset'>): Q {
  let q = query
  if (f.powerItemId) q = q.where('b.power_item_id', '=', f.powerItemId) as Q
  if (f.status) q = q.where('b.status', '=', f.status) as Q
  if (f.domain) q = q.where('p.domain', '=', f.domain) as Q
  if (f.q) {
    const pattern = containsPattern(f.q)
    q = q.where((eb) => eb.or([eb('b.violation', 'ilike', pattern), eb('p.name', 'ilike', pattern), eb('p.code', 'ilike', pattern), eb('b.code', 'ilike', pattern)])) as Q
  }
  return q
}

export async function listBenchmarks(db: Executor, actor: Actor, f: BenchmarkFilter) {
  const query = filterBenchmarks(selectBenchmarks(db).where(visibleTo(actor, 'b.status')), f)
  const [items, total] = await Promise.all([
    query.orderBy('p.domain').orderBy('p.code').orderBy('b.code').orderBy('b.version', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

/** Published benchmarks for the portal, in catalogue order. */
export async function listPublishedBenchmarks(db: Executor, f: Omit<BenchmarkFilter, 'limit' | 'offset' | 'status'>) {
  return filterBenchmarks(selectBenchmarks(db).where('b.status', '=', 'published'), f).orderBy('p.domain').orderBy('p.code').orderBy('b.code').limit(500).execute()
}

export async function findBenchmark(db: Executor, id: string) {
  return selectBenchmarks(db).where('b.id', '=', id).executeTakeFirst()
}

/** Every version of a benchmark code, newest first. */
export async function listBenchmarkVersions(db: Executor, code: string) {
  return db
    .selectFrom('discretion_benchmark')
    .select(['id', 'version', 'status', 'published_at', 'updated_at'])
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .execute()
}

export async function lockBenchmark(db: Executor, id: string) {
  return db.selectFrom('discretion_benchmark').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Serialises writers of one benchmark code (versions are numbered per code). */
export async function lockBenchmarkCode(db: Executor, code: string) {
  await sql`select pg_advisory_xact_lock(hashtext('discretion_benchmark'), hashtext(${code}))`.execute(db)
}

export async function insertBenchmark(db: Executor, row: NewRow<'discretion_benchmark'>) {
  const { id } = await db.insertInto('discretion_benchmark').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateBenchmark(db: Executor, id: string, patch: RowUpdate<'discretion_benchmark'>) {
  await db.updateTable('discretion_benchmark').set(patch).where('id', '=', id).execute()
}

export async function deleteBenchmark(db: Executor, id: string) {
  await db.deleteFrom('discretion_benchmark').where('id', '=', id).where('status', '=', 'draft').execute()
}

/** Marks the published version(s) of `code` other than `exceptId` superseded. */
export async function supersedeBenchmarks(db: Executor, code: string, exceptId: string, now: Date) {
  return db
    .updateTable('discretion_benchmark')
    .set({ status: 'superseded', updated_at: now })
    .where('code', '=', code)
    .where('status', '=', 'published')
    .where('id', '<>', exceptId)
    .returning(['id', 'version'])
    .execute()
}

/** The codes already used for a power item's benchmarks, to number the next one. */
export async function benchmarkCodesOf(db: Executor, powerItemId: string) {
  const rows = await db.selectFrom('discretion_benchmark').select('code').distinct().where('power_item_id', '=', powerItemId).execute()
  return rows.map((r) => r.code)
}

export async function benchmarkCodeTaken(db: Executor, code: string) {
  return Boolean(await db.selectFrom('discretion_benchmark').select('id').where('code', '=', code).executeTakeFirst())
}

/** The power item a benchmark or list item is written for. */
export async function findPowerItemRef(db: Executor, id: string) {
  return db.selectFrom('power_item').select(['id', 'code', 'name', 'kind', 'domain', 'status']).where('id', '=', id).executeTakeFirst()
}

export async function findRegion(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'name', 'path']).where('code', '=', code).executeTakeFirst()
}

// ——— 首违不罚 / 轻微免罚 lists ———————————————————————————————————————————————

export type NoPenaltyFilter = { listKind?: NoPenaltyListKind; status?: DiscretionStatus; powerItemId?: string; q?: string; limit: number; offset: number }

function selectNoPenalty(db: Executor) {
  return db
    .selectFrom('no_penalty_item as n')
    .innerJoin('power_item as p', 'p.id', 'n.power_item_id')
    .innerJoin('region as r', 'r.code', 'n.region_code')
    .leftJoin('app_user as u', 'u.id', 'n.created_by')
    .select([
      'n.id',
      'n.power_item_id',
      'n.region_code',
      'n.list_kind',
      'n.violation',
      'n.legal_basis',
      'n.conditions',
      'n.correction_days',
      'n.education_measure',
      'n.status',
      'n.published_at',
      'n.created_by',
      'n.created_at',
      'n.updated_at',
      'p.code as item_code',
      'p.name as item_name',
      'p.domain as item_domain',
      'p.kind as item_kind',
      'r.name as region_name',
      'r.path as region_path',
      'u.display_name as created_by_name',
    ])
}

export type NoPenaltyRow = NonNullable<Awaited<ReturnType<typeof findNoPenaltyItem>>>

function filterNoPenalty<Q extends ReturnType<typeof selectNoPenalty>>(query: Q, f: Omit<NoPenaltyFilter, 'limit' | 'offset'>): Q {
  let q = query
  if (f.listKind) q = q.where('n.list_kind', '=', f.listKind) as Q
  if (f.status) q = q.where('n.status', '=', f.status) as Q
  if (f.powerItemId) q = q.where('n.power_item_id', '=', f.powerItemId) as Q
  if (f.q) {
    const pattern = containsPattern(f.q)
    q = q.where((eb) => eb.or([eb('n.violation', 'ilike', pattern), eb('p.name', 'ilike', pattern), eb('p.code', 'ilike', pattern)])) as Q
  }
  return q
}

export async function listNoPenaltyItems(db: Executor, actor: Actor, f: NoPenaltyFilter) {
  const query = filterNoPenalty(selectNoPenalty(db).where(visibleTo(actor, 'n.status')), f)
  const [items, total] = await Promise.all([
    query.orderBy('n.list_kind').orderBy('p.code').orderBy('n.created_at').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function listPublishedNoPenaltyItems(db: Executor, f: Omit<NoPenaltyFilter, 'limit' | 'offset' | 'status'>) {
  return filterNoPenalty(selectNoPenalty(db).where('n.status', '=', 'published'), f).orderBy('n.list_kind').orderBy('p.code').orderBy('n.created_at').limit(500).execute()
}

export async function findNoPenaltyItem(db: Executor, id: string) {
  return selectNoPenalty(db).where('n.id', '=', id).executeTakeFirst()
}

export async function lockNoPenaltyItem(db: Executor, id: string) {
  return db.selectFrom('no_penalty_item').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertNoPenaltyItem(db: Executor, row: NewRow<'no_penalty_item'>) {
  const { id } = await db.insertInto('no_penalty_item').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateNoPenaltyItem(db: Executor, id: string, patch: RowUpdate<'no_penalty_item'>) {
  await db.updateTable('no_penalty_item').set(patch).where('id', '=', id).execute()
}

export async function deleteNoPenaltyItem(db: Executor, id: string) {
  await db.deleteFrom('no_penalty_item').where('id', '=', id).where('status', '=', 'draft').execute()
}
