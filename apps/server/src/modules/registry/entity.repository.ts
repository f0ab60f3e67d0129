import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

export type EntityFilter = {
  q?: string
  status?: 'draft' | 'audited' | 'confirmed' | 'published'
  entityType?: 'administrative_organ' | 'authorized_org' | 'entrusted_org' | 'township_government'
  /** Path of the region whose subtree to list. */
  regionPath?: string
  orgId?: string
  limit: number
  offset: number
}

function selectEntities(db: Executor) {
  return db
    .selectFrom('enforcement_entity as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .innerJoin('region as ro', 'ro.code', 'o.region_code')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .leftJoin('app_user as ua', 'ua.id', 'e.audited_by')
    .leftJoin('app_user as uc', 'uc.id', 'e.confirmed_by')
    .select([
      'e.id',
      'e.org_id',
      'e.name',
      'e.entity_type',
      'e.region_code',
      'e.legal_basis',
      'e.responsible_person',
      'e.address',
      'e.phone',
      'e.status',
      'e.audited_by',
      'e.audited_at',
      'e.confirmed_by',
      'e.confirmed_at',
      'e.published_at',
      'e.version',
      'e.published_version',
      'e.published_snapshot',
      'e.status_note',
      'e.created_at',
      'e.updated_at',
      'o.name as org_name',
      'o.code as org_code',
      'ro.path as org_region_path',
      'r.name as region_name',
      'ua.display_name as audited_by_name',
      'uc.display_name as confirmed_by_name',
    ])
}

export async function listEntities(db: Executor, f: EntityFilter, scope: OrgScope) {
  let query = selectEntities(db).where(orgInScope('e.org_id', scope))
  if (f.q) query = query.where((eb) => eb.or([eb('e.name', 'ilike', `%${f.q}%`), eb('o.name', 'ilike', `%${f.q}%`)]))
  if (f.status) query = query.where('e.status', '=', f.status)
  if (f.entityType) query = query.where('e.entity_type', '=', f.entityType)
  if (f.regionPath) query = query.where('r.path', 'like', `${f.regionPath}%`)
  if (f.orgId) query = query.where('e.org_id', '=', f.orgId)
  const [items, total] = await Promise.all([
    query.orderBy('r.sort').orderBy('o.code').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findEntity(db: Executor, id: string) {
  return selectEntities(db).where('e.id', '=', id).executeTakeFirst()
}

export type EntityRow = NonNullable<Awaited<ReturnType<typeof findEntity>>>

/** Locks the entity row for the rest of the transaction, so two supervisors cannot both act on one state. */
export async function lockEntity(db: Executor, id: string) {
  return db.selectFrom('enforcement_entity').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findEntityIdByOrg(db: Executor, orgId: string) {
  const row = await db.selectFrom('enforcement_entity').select('id').where('org_id', '=', orgId).executeTakeFirst()
  return row?.id ?? null
}

export async function insertEntity(db: Executor, row: NewRow<'enforcement_entity'>) {
  const { id } = await db.insertInto('enforcement_entity').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateEntity(db: Executor, id: string, patch: RowUpdate<'enforcement_entity'>) {
  await db.updateTable('enforcement_entity').set(patch).where('id', '=', id).execute()
}

/** Entities per status in scope, and how many the portal shows (a publication stays live while a new version is drafted). */
export async function entityCounts(db: Executor, scope: OrgScope, regionPath?: string) {
  let query = db
    .selectFrom('enforcement_entity as e')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .where(orgInScope('e.org_id', scope))
    .select((eb) => ['e.status', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('e.published_snapshot').as('live')])
    .groupBy('e.status')
  if (regionPath) query = query.where('r.path', 'like', `${regionPath}%`)
  return query.execute()
}

/** The unit an entity would belong to, for the create check. */
export async function findOrgForEntity(db: Executor, orgId: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.kind', 'o.region_code', 'r.path as region_path'])
    .where('o.id', '=', orgId)
    .executeTakeFirst()
}

export async function findRegionName(db: Executor, code: string) {
  const row = await db.selectFrom('region').select(['name', 'path']).where('code', '=', code).executeTakeFirst()
  return row ?? null
}

/**
 * Published entities for the portal: what was last published (the snapshot), filtered by the
 * snapshot's own region and name, so a draft being edited never shows through.
 */
export async function listPublishedEntities(db: Executor, f: { regionPath?: string; q?: string }) {
  let query = db
    .selectFrom('enforcement_entity as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .innerJoin('region as r', (join) => join.on('r.code', '=', sql<string>`e.published_snapshot->>'regionCode'`))
    .select(['e.id', 'e.org_id', 'e.published_snapshot', 'e.published_at', 'r.path as region_path'])
    .where('e.published_snapshot', 'is not', null)
  if (f.regionPath) query = query.where('r.path', 'like', `${f.regionPath}%`)
  if (f.q) query = query.where(sql<boolean>`e.published_snapshot->>'name' ilike ${`%${f.q}%`}`)
  return query.orderBy('r.sort').orderBy('o.code').limit(500).execute()
}
