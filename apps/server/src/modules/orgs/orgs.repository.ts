import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

export type OrgFilter = {
  q?: string
  kind?: string
  /** Path of the region whose subtree to list. */
  regionPath?: string
  onboarded?: boolean
  limit: number
  offset: number
}

function selectOrgs(db: Executor, today: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .leftJoin('org as p', 'p.id', 'o.parent_id')
    .leftJoin('enforcement_entity as e', 'e.org_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.code',
      'o.name',
      'o.short_name',
      'o.kind',
      'o.region_code',
      'o.parent_id',
      'o.onboarded_on',
      'o.contact_phone',
      'o.address',
      'o.postal_code',
      'r.name as region_name',
      'r.path as region_path',
      'p.name as parent_name',
      'e.id as entity_id',
      'e.status as entity_status',
      eb
        .selectFrom('person as ps')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('ps.org_id', '=', 'o.id')
        .where('ps.status', '=', 'active')
        .as('person_count'),
      eb
        .selectFrom('certificate as c')
        .innerJoin('person as pc', 'pc.id', 'c.person_id')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('pc.org_id', '=', 'o.id')
        .where('pc.status', '=', 'active')
        .where('c.status', '=', 'valid')
        .where('c.valid_from', '<=', today)
        .where('c.valid_to', '>=', today)
        .as('valid_certificate_count'),
    ])
}

export async function listOrgs(db: Executor, f: OrgFilter, scope: OrgScope, today: string) {
  let base = db.selectFrom('org as o').innerJoin('region as r', 'r.code', 'o.region_code').where(orgInScope('o.id', scope))
  if (f.q) base = base.where((eb) => eb.or([eb('o.name', 'ilike', `%${f.q}%`), eb('o.code', 'ilike', `%${f.q}%`), eb('o.short_name', 'ilike', `%${f.q}%`)]))
  if (f.kind) base = base.where('o.kind', '=', f.kind as 'department')
  if (f.regionPath) base = base.where('r.path', 'like', `${f.regionPath}%`)
  if (f.onboarded !== undefined) base = base.where('o.onboarded_on', f.onboarded ? 'is not' : 'is', null)
  const ids = base.select('o.id')
  const [items, total] = await Promise.all([
    selectOrgs(db, today)
      .where('o.id', 'in', ids)
      .orderBy(sql`case o.kind when 'justice_bureau' then 0 when 'department' then 1 when 'township' then 2 when 'team' then 3 else 4 end`)
      .orderBy('r.sort')
      .orderBy('o.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findOrg(db: Executor, id: string, today: string) {
  return selectOrgs(db, today).where('o.id', '=', id).executeTakeFirst()
}

export type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrg>>>

/** How many units in scope have started using the platform ("46 of 49"), overall and per kind. */
export async function orgSummary(db: Executor, scope: OrgScope, regionPath: string | undefined) {
  let query = db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .where(orgInScope('o.id', scope))
    .select((eb) => ['o.kind', eb.fn.countAll<number>().as('total'), eb.fn.count<number>('o.onboarded_on').as('onboarded')])
    .groupBy('o.kind')
  if (regionPath) query = query.where('r.path', 'like', `${regionPath}%`)
  return query.execute()
}

/** Every unit's name, for pickers (the counterpart of a delegation may lie outside one's scope). */
export async function listOrgOptions(db: Executor) {
  return db.selectFrom('org').select(['id', 'code', 'name', 'kind', 'region_code']).orderBy('code').execute()
}

export async function findOrgByCode(db: Executor, code: string) {
  return db.selectFrom('org').select(['id', 'name']).where('code', '=', code).executeTakeFirst()
}

export async function findOrgByName(db: Executor, name: string) {
  return db.selectFrom('org').select(['id', 'code']).where('name', '=', name).executeTakeFirst()
}

export async function insertOrg(db: Executor, row: NewRow<'org'>) {
  const { id } = await db.insertInto('org').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateOrg(db: Executor, id: string, patch: RowUpdate<'org'>) {
  await db.updateTable('org').set(patch).where('id', '=', id).execute()
}

/** Locks the unit row for the rest of the transaction. */
export async function lockOrg(db: Executor, id: string) {
  return db.selectFrom('org').select(['id', 'onboarded_on']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function regionPathOf(db: Executor, code: string) {
  const row = await db.selectFrom('region').select('path').where('code', '=', code).executeTakeFirst()
  return row?.path ?? null
}
