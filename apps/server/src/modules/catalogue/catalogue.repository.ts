import type { CatalogueVersionStatus, PowerKind } from '@yangguang/core'
import { type Expression, type SqlBool, sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Executor } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { LegalBasis, NewRow, RowUpdate } from '../../platform/db/schema'
import type { CatalogueItemSnapshot } from './catalogue-diff'

// ——— 权力事项 power items ————————————————————————————————————————————————

export type PowerItemFilter = {
  q?: string
  kind?: PowerKind
  domain?: string
  holderEntityId?: string
  status?: 'active' | 'repealed'
  limit: number
  offset: number
}

/** `%text%` for ILIKE, with the pattern characters of the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function selectPowerItems(db: Executor) {
  return db
    .selectFrom('power_item as p')
    .select((eb) => [
      'p.id',
      'p.code',
      'p.name',
      'p.kind',
      'p.domain',
      'p.legal_basis',
      'p.statutory_range',
      'p.status',
      'p.created_at',
      'p.updated_at',
      (eb) => eb.selectFrom('region as pr').select('pr.path').whereRef('pr.code', '=', 'p.region_code').as('region_path'),
      jsonArrayFrom(
        eb
          .selectFrom('power_item_holder as h')
          .innerJoin('enforcement_entity as e', 'e.id', 'h.entity_id')
          .innerJoin('org as o', 'o.id', 'e.org_id')
          .innerJoin('region as r', 'r.code', 'e.region_code')
          .select(['e.id as entityId', 'e.name', 'e.org_id as orgId', 'r.path as regionPath'])
          .whereRef('h.power_item_id', '=', 'p.id')
          .orderBy(sql`o.kind = 'township'`)
          .orderBy('r.sort')
          .orderBy('o.code'),
      ).as('holders'),
    ])
}

export async function listPowerItems(db: Executor, f: PowerItemFilter) {
  let query = selectPowerItems(db)
  if (f.q) query = query.where((eb) => eb.or([eb('p.name', 'ilike', containsPattern(f.q!)), eb('p.code', 'ilike', containsPattern(f.q!))]))
  if (f.kind) query = query.where('p.kind', '=', f.kind)
  if (f.domain) query = query.where('p.domain', '=', f.domain)
  if (f.status) query = query.where('p.status', '=', f.status)
  if (f.holderEntityId) {
    const entityId = f.holderEntityId
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('power_item_holder as hf').select('hf.entity_id').whereRef('hf.power_item_id', '=', 'p.id').where('hf.entity_id', '=', entityId)),
    )
  }
  const [items, total] = await Promise.all([
    query.orderBy('p.domain').orderBy('p.code').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findPowerItem(db: Executor, id: string) {
  return selectPowerItems(db).where('p.id', '=', id).executeTakeFirst()
}

export type PowerItemRow = NonNullable<Awaited<ReturnType<typeof findPowerItem>>>

export async function powerItemCodeExists(db: Executor, code: string) {
  return Boolean(await db.selectFrom('power_item').select('id').where('code', '=', code).executeTakeFirst())
}

export async function lockPowerItem(db: Executor, id: string) {
  return db.selectFrom('power_item').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertPowerItem(db: Executor, row: NewRow<'power_item'>) {
  const { id } = await db.insertInto('power_item').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updatePowerItem(db: Executor, id: string, patch: RowUpdate<'power_item'>) {
  await db.updateTable('power_item').set(patch).where('id', '=', id).execute()
}

/** Replaces the holders among `replaceable` (the entities the caller may assign) with `entityIds`; other holders stay. */
export async function replaceHolders(db: Executor, powerItemId: string, entityIds: string[], replaceable: string[]) {
  if (replaceable.length > 0) {
    await db.deleteFrom('power_item_holder').where('power_item_id', '=', powerItemId).where('entity_id', 'in', replaceable).execute()
  }
  if (entityIds.length > 0) {
    await db
      .insertInto('power_item_holder')
      .values(entityIds.map((entityId) => ({ power_item_id: powerItemId, entity_id: entityId })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** The distinct domains (领域) with their item counts. */
export async function listDomains(db: Executor) {
  return db
    .selectFrom('power_item')
    .select((eb) => ['domain', eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'active')
    .groupBy('domain')
    .orderBy('domain')
    .execute()
}

/** Enforcement entities the caller may name as holders (the units in their scope). */
export async function listHolderOptions(db: Executor, scope: OrgScope) {
  return db
    .selectFrom('enforcement_entity as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .select(['e.id', 'e.name', 'e.org_id', 'o.kind as org_kind', 'r.name as region_name'])
    .where(orgInScope('e.org_id', scope))
    .orderBy(sql`o.kind = 'township'`)
    .orderBy('r.sort')
    .orderBy('o.code')
    .execute()
}

/**
 * 清单之外无权力 — whether a unit may exercise a power item on a date: the item is in force and
 * - the unit's own enforcement entity holds it; or
 * - the unit has no entity of its own (a township's 综合行政执法队 working inside its government)
 *   and its parent unit's entity holds it; or
 * - the unit is entrusted (委托) by an entity that holds it, by a delegation active on that date
 *   (a 受委托组织 acts in the name of the entity that entrusted it).
 * Inspections and cases call this before they start.
 *
 * @example
 * if (!(await unitHoldsPowerItem(trx, actor.orgId, input.powerItemId, '2026-11-20'))) {
 *   throw new AppError('RULE_VIOLATION', '本单位不享有该权力事项（清单之外无权力）')
 * }
 */
export async function unitHoldsPowerItem(db: Executor, orgId: string, powerItemId: string, onDate?: string): Promise<boolean> {
  const day = onDate ? sql`${onDate}::date` : sql`(now() at time zone 'Asia/Shanghai')::date`
  const row = await db
    .selectFrom('power_item_holder as h')
    .innerJoin('power_item as p', 'p.id', 'h.power_item_id')
    .innerJoin('enforcement_entity as e', 'e.id', 'h.entity_id')
    .select('h.entity_id')
    .where('h.power_item_id', '=', powerItemId)
    .where('p.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('e.org_id', '=', orgId),
        eb.and([
          eb('e.org_id', '=', eb.selectFrom('org').select('parent_id').where('id', '=', orgId)),
          eb.not(eb.exists(eb.selectFrom('enforcement_entity as own').select('own.id').where('own.org_id', '=', orgId))),
        ]),
        eb.exists(
          eb
            .selectFrom('delegation as d')
            .select('d.id')
            .whereRef('d.principal_entity_id', '=', 'e.id')
            .where('d.agent_org_id', '=', orgId)
            .where('d.status', '=', 'active')
            .where(sql<SqlBool>`${day} between d.valid_from and d.valid_to`),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst()
  return Boolean(row)
}

/** The master item with this code as a catalogue snapshot (holders by entity name), or undefined. */
export async function powerItemSnapshot(db: Executor, code: string): Promise<CatalogueItemSnapshot | undefined> {
  const row = await selectPowerItems(db).where('p.code', '=', code).executeTakeFirst()
  if (!row) return undefined
  return { code: row.code, name: row.name, kind: row.kind, domain: row.domain, legalBasis: row.legal_basis, holderNames: row.holders.map((h) => h.name) }
}

// ——— 目录版本 catalogue versions —————————————————————————————————————————

/** Which versions an actor may list: those they govern, or those of the region their unit lies in (the version's region aliased `r`). */
export function versionVisibleTo(actor: Actor): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`true`
  if (!actor.regionPath) return sql<SqlBool>`false`
  if (actor.role === 'supervisor') return sql<SqlBool>`r.path like ${`${actor.regionPath}%`}`
  if (actor.role === 'unit_head' || actor.role === 'legal_reviewer' || actor.role === 'officer') {
    return sql<SqlBool>`${actor.regionPath} like r.path || '%'`
  }
  return sql<SqlBool>`false`
}

function selectVersions(db: Executor) {
  return db
    .selectFrom('catalogue_version as v')
    .innerJoin('region as r', 'r.code', 'v.region_code')
    .leftJoin('catalogue_version as b', 'b.id', 'v.based_on_id')
    .leftJoin('app_user as ua', 'ua.id', 'v.approved_by')
    .leftJoin('app_user as uc', 'uc.id', 'v.created_by')
    .select((eb) => [
      'v.id',
      'v.title',
      'v.year',
      'v.region_code',
      'v.status',
      'v.based_on_id',
      'v.meeting_name',
      'v.meeting_date',
      'v.approval_doc_no',
      'v.approved_at',
      'v.published_at',
      'v.created_at',
      'v.updated_at',
      'r.name as region_name',
      'r.path as region_path',
      'b.title as based_on_title',
      'ua.display_name as approved_by_name',
      'uc.display_name as created_by_name',
      eb.selectFrom('catalogue_version_item as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.version_id', '=', 'v.id').as('item_count'),
      eb
        .selectFrom('catalogue_adjustment as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.version_id', '=', 'v.id')
        .where('a.status', '=', 'pending')
        .as('pending_count'),
    ])
}

export type VersionFilter = { regionCode?: string; statuses?: CatalogueVersionStatus[] }

export async function listVersions(db: Executor, visible: Expression<SqlBool>, f: VersionFilter = {}) {
  let query = selectVersions(db).where(visible)
  if (f.statuses) query = query.where('v.status', 'in', f.statuses)
  if (f.regionCode) query = query.where('v.region_code', '=', f.regionCode)
  const rows = await query.orderBy('v.year', 'desc').orderBy('r.sort').execute()
  return rows.map(normalizeVersion)
}

export async function findVersion(db: Executor, id: string) {
  const row = await selectVersions(db).where('v.id', '=', id).executeTakeFirst()
  return row && normalizeVersion(row)
}

function normalizeVersion<T extends { item_count: number | null; pending_count: number | null }>(row: T) {
  return { ...row, item_count: Number(row.item_count ?? 0), pending_count: Number(row.pending_count ?? 0) }
}

export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>

export async function lockVersion(db: Executor, id: string) {
  return db.selectFrom('catalogue_version').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The version of a region that is currently in force, if any. */
export async function findPublishedVersion(db: Executor, regionCode: string) {
  return db.selectFrom('catalogue_version').select(['id', 'title', 'year']).where('region_code', '=', regionCode).where('status', '=', 'published').executeTakeFirst()
}

/** A version of the region still being worked on (草稿 or 已审议通过 but not yet published). */
export async function findOpenVersion(db: Executor, regionCode: string) {
  return db
    .selectFrom('catalogue_version')
    .select(['id', 'title', 'status'])
    .where('region_code', '=', regionCode)
    .where('status', 'in', ['draft', 'approved'])
    .executeTakeFirst()
}

export async function insertVersion(db: Executor, row: NewRow<'catalogue_version'>) {
  const { id } = await db.insertInto('catalogue_version').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateVersion(db: Executor, id: string, patch: RowUpdate<'catalogue_version'>) {
  await db.updateTable('catalogue_version').set(patch).where('id', '=', id).execute()
}

/** Copies every item snapshot of one version into another (a new draft starts as the last published version). */
export async function copyVersionItems(db: Executor, fromVersionId: string, toVersionId: string) {
  await sql`
    insert into catalogue_version_item (version_id, item_code, name, kind, domain, legal_basis, holder_names)
    select ${toVersionId}, item_code, name, kind, domain, legal_basis, holder_names
    from catalogue_version_item where version_id = ${fromVersionId}`.execute(db)
}

// ——— 版本中的事项 the items of a version ——————————————————————————————————————

export type VersionItemFilter = { domain?: string; kind?: string; q?: string; holder?: string }

export async function listVersionItems(db: Executor, versionId: string, f: VersionItemFilter = {}): Promise<CatalogueItemSnapshot[]> {
  let query = db.selectFrom('catalogue_version_item as i').selectAll('i').where('i.version_id', '=', versionId)
  if (f.domain) query = query.where('i.domain', '=', f.domain)
  if (f.kind) query = query.where('i.kind', '=', f.kind)
  if (f.q) {
    const pattern = containsPattern(f.q)
    query = query.where((eb) =>
      eb.or([eb('i.name', 'ilike', pattern), eb('i.item_code', 'ilike', pattern), eb(sql<string>`i.legal_basis::text`, 'ilike', pattern)]),
    )
  }
  if (f.holder) query = query.where(sql<SqlBool>`${f.holder} = any(i.holder_names)`)
  const rows = await query.orderBy('i.item_code').execute()
  return rows.map(toSnapshot)
}

export async function findVersionItem(db: Executor, versionId: string, code: string): Promise<CatalogueItemSnapshot | undefined> {
  const row = await db.selectFrom('catalogue_version_item').selectAll().where('version_id', '=', versionId).where('item_code', '=', code).executeTakeFirst()
  return row && toSnapshot(row)
}

/** Item counts of a version per domain (领域). */
export async function countVersionItemsByDomain(db: Executor, versionId: string) {
  const rows = await db
    .selectFrom('catalogue_version_item')
    .select((eb) => ['domain', eb.fn.countAll<number>().as('count')])
    .where('version_id', '=', versionId)
    .groupBy('domain')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('domain')
    .execute()
  return rows.map((r) => ({ domain: r.domain, count: Number(r.count) }))
}

export async function insertVersionItem(db: Executor, versionId: string, item: CatalogueItemSnapshot) {
  await db.insertInto('catalogue_version_item').values(snapshotRow(versionId, item)).execute()
}

export async function updateVersionItem(db: Executor, versionId: string, item: CatalogueItemSnapshot) {
  const { version_id: _v, item_code: _c, ...patch } = snapshotRow(versionId, item)
  await db.updateTable('catalogue_version_item').set(patch).where('version_id', '=', versionId).where('item_code', '=', item.code).execute()
}

export async function deleteVersionItem(db: Executor, versionId: string, code: string) {
  await db.deleteFrom('catalogue_version_item').where('version_id', '=', versionId).where('item_code', '=', code).execute()
}

/** The row for a snapshot; legal bases are stored as given (jsonb). */
export function snapshotRow(versionId: string, item: CatalogueItemSnapshot): NewRow<'catalogue_version_item'> {
  return {
    version_id: versionId,
    item_code: item.code,
    name: item.name,
    kind: item.kind,
    domain: item.domain,
    legal_basis: JSON.stringify(item.legalBasis),
    holder_names: item.holderNames,
  }
}

function toSnapshot(row: { item_code: string; name: string; kind: string; domain: string; legal_basis: LegalBasis[]; holder_names: string[] }): CatalogueItemSnapshot {
  return { code: row.item_code, name: row.name, kind: row.kind, domain: row.domain, legalBasis: row.legal_basis, holderNames: row.holder_names }
}

// ——— 调整申请 adjustment requests ————————————————————————————————————————————

function selectAdjustments(db: Executor) {
  return db
    .selectFrom('catalogue_adjustment as a')
    .leftJoin('app_user as uc', 'uc.id', 'a.created_by')
    .leftJoin('org as oc', 'oc.id', 'uc.org_id')
    .leftJoin('app_user as ud', 'ud.id', 'a.decided_by')
    .select([
      'a.id',
      'a.version_id',
      'a.op',
      'a.item_code',
      'a.proposal',
      'a.reason',
      'a.status',
      'a.decided_at',
      'a.decision_note',
      'a.created_at',
      'uc.display_name as created_by_name',
      'oc.name as created_by_org_name',
      'ud.display_name as decided_by_name',
    ])
}

export async function listAdjustments(db: Executor, versionId: string, status?: 'pending' | 'accepted' | 'rejected') {
  let query = selectAdjustments(db).where('a.version_id', '=', versionId)
  if (status) query = query.where('a.status', '=', status)
  return query.orderBy('a.created_at', 'desc').execute()
}

export async function findAdjustment(db: Executor, id: string) {
  return selectAdjustments(db).where('a.id', '=', id).executeTakeFirst()
}

export type AdjustmentRow = NonNullable<Awaited<ReturnType<typeof findAdjustment>>>

export async function lockAdjustment(db: Executor, id: string) {
  return db.selectFrom('catalogue_adjustment').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertAdjustment(db: Executor, row: NewRow<'catalogue_adjustment'>) {
  const { id } = await db.insertInto('catalogue_adjustment').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateAdjustment(db: Executor, id: string, patch: RowUpdate<'catalogue_adjustment'>) {
  await db.updateTable('catalogue_adjustment').set(patch).where('id', '=', id).execute()
}

/** Pending requests on drafts the actor governs, for the to-do list. */
export async function listPendingAdjustmentsFor(db: Executor, visible: Expression<SqlBool>) {
  return db
    .selectFrom('catalogue_adjustment as a')
    .innerJoin('catalogue_version as v', 'v.id', 'a.version_id')
    .innerJoin('region as r', 'r.code', 'v.region_code')
    .leftJoin('catalogue_version_item as i', (join) => join.onRef('i.version_id', '=', 'a.version_id').onRef('i.item_code', '=', 'a.item_code'))
    .select([
      'a.id',
      'a.op',
      'a.item_code',
      sql<string>`coalesce(a.proposal->>'name', i.name, a.item_code)`.as('item_name'),
      'a.created_at',
      'v.id as version_id',
      'v.title',
    ])
    .where('a.status', '=', 'pending')
    .where('v.status', '=', 'draft')
    .where(visible)
    .orderBy('a.created_at')
    .execute()
}

/** 法定处罚幅度 of a power item (null when not entered or no such item). */
export async function statutoryRangeOf(db: Executor, powerItemId: string) {
  const row = await db.selectFrom('power_item').select(['statutory_range']).where('id', '=', powerItemId).executeTakeFirst()
  return row?.statutory_range ?? null
}
