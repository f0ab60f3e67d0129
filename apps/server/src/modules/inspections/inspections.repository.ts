import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

// ——— persons and the catalogue, as inspections need them ————————————————————

/** The enforcement person behind an account, with their unit. */
export async function findPersonOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'p.status', 'o.name as org_name'])
    .where('p.user_id', '=', userId)
    .executeTakeFirst()
}

export async function findPersons(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('person').select(['id', 'name', 'org_id', 'status', 'user_id']).where('id', 'in', ids).execute()
}

/** Active persons of a unit, for the co-inspector list. */
export async function listUnitPersons(db: Executor, orgId: string) {
  return db.selectFrom('person').select(['id', 'name', 'user_id']).where('org_id', '=', orgId).where('status', '=', 'active').orderBy('name').execute()
}

/**
 * The active power items a unit holds — the list twin of the catalogue's `unitHoldsPowerItem`
 * (a 综合行政执法队 without its own entity holds what its parent's entity holds).
 */
export async function listHeldPowerItems(db: Executor, orgId: string) {
  return db
    .selectFrom('power_item as p')
    .select(['p.id', 'p.code', 'p.name', 'p.kind', 'p.domain'])
    .where('p.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('power_item_holder as h')
          .innerJoin('enforcement_entity as e', 'e.id', 'h.entity_id')
          .select('h.entity_id')
          .whereRef('h.power_item_id', '=', 'p.id')
          .where((w) =>
            w.or([
              w('e.org_id', '=', orgId),
              w.and([
                w('e.org_id', '=', w.selectFrom('org').select('parent_id').where('id', '=', orgId)),
                w.not(w.exists(w.selectFrom('enforcement_entity as own').select('own.id').where('own.org_id', '=', orgId))),
              ]),
            ]),
          ),
      ),
    )
    .orderBy(sql`p.kind = 'inspection'`, 'desc')
    .orderBy('p.code')
    .execute()
}

export async function findPowerItems(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('power_item').select(['id', 'code', 'name', 'kind', 'domain', 'legal_basis', 'status']).where('id', 'in', ids).execute()
}

export async function findOrg(db: Executor, id: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.short_name', 'o.region_code', 'r.path as region_path', 'r.name as region_name'])
    .where('o.id', '=', id)
    .executeTakeFirst()
}

// ——— rules —————————————————————————————————————————————————————————————————

/** The rule rows of every region on the path of `regionPath` (the unit's own and its ancestors'). */
export async function ruleSetsOnPath(db: Executor, regionPath: string) {
  return db
    .selectFrom('inspection_rule_set as s')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select(['r.path', 'r.name as region_name'])
    .where(sql<boolean>`${regionPath} like r.path || '%'`)
    .orderBy(sql`length(r.path)`, 'desc')
    .execute()
}

/** The units in a scope, with their region's path (to find the rules in force for each). */
export async function orgsInScope(db: Executor, scope: OrgScope) {
  return db.selectFrom('org as o').innerJoin('region as r', 'r.code', 'o.region_code').select(['o.id', 'r.path as region_path']).where(orgInScope('o.id', scope)).execute()
}

export async function listRuleSets(db: Executor, regionPath: string | null) {
  let q = db.selectFrom('inspection_rule_set as s').innerJoin('region as r', 'r.code', 's.region_code').selectAll('s').select(['r.path', 'r.name as region_name'])
  if (regionPath !== null) q = q.where('r.path', 'like', `${regionPath}%`)
  return q.orderBy('r.path').execute()
}

export async function upsertRuleSet(db: Executor, row: NewRow<'inspection_rule_set'>) {
  const { region_code: _key, ...rest } = row
  await db
    .insertInto('inspection_rule_set')
    .values(row)
    .onConflict((oc) => oc.column('region_code').doUpdateSet(rest))
    .execute()
}

// ——— inspections ——————————————————————————————————————————————————————————

export function selectInspections(db: Executor) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .innerJoin('region as orr', 'orr.code', 'o.region_code')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .leftJoin('inspection_plan as pl', 'pl.id', 'i.plan_id')
    .selectAll('i')
    .select((eb) => [
      'o.name as org_name',
      'o.short_name as org_short_name',
      'orr.path as org_region_path',
      'e.name as enterprise_name',
      'e.credit_code as enterprise_credit_code',
      'e.address as enterprise_address',
      'pl.title as plan_title',
      jsonArrayFrom(
        eb
          .selectFrom('inspection_officer as io')
          .innerJoin('person as p', 'p.id', 'io.person_id')
          .select(['io.person_id as personId', 'p.name', 'io.role', 'io.cert_no as certNo'])
          .whereRef('io.inspection_id', '=', 'i.id')
          .orderBy('io.role', 'desc'),
      ).as('officers'),
      jsonArrayFrom(
        eb
          .selectFrom('inspection_certificate_shown as cs')
          .innerJoin('person as sp', 'sp.id', 'cs.person_id')
          .select(['cs.person_id as personId', 'sp.name', 'cs.cert_no as certNo', 'cs.shown_at as shownAt'])
          .whereRef('cs.inspection_id', '=', 'i.id')
          .orderBy('cs.shown_at'),
      ).as('certificates_shown'),
      jsonArrayFrom(
        eb
          .selectFrom('inspection_item as it')
          .innerJoin('power_item as pi', 'pi.id', 'it.power_item_id')
          .select(['it.power_item_id as powerItemId', 'pi.code', 'pi.name', 'pi.domain', 'it.outcome', 'it.note'])
          .whereRef('it.inspection_id', '=', 'i.id')
          .orderBy('pi.code'),
      ).as('items'),
      jsonArrayFrom(
        eb.selectFrom('inspection_photo as ph').select(['ph.sha256', 'ph.captured_at as capturedAt', 'ph.byte_size as byteSize', 'ph.media_type as mediaType']).whereRef('ph.inspection_id', '=', 'i.id').orderBy('ph.captured_at'),
      ).as('photos'),
      jsonArrayFrom(eb.selectFrom('person as ap').select(['ap.id', 'ap.name']).where(sql<boolean>`ap.id = any(i.officer_ids)`)).as('assigned'),
    ])
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>

export async function findInspection(db: Executor, id: string) {
  return selectInspections(db).where('i.id', '=', id).executeTakeFirst()
}

export async function findInspectionByClientKey(db: Executor, clientKey: string) {
  return selectInspections(db).where('i.client_key', '=', clientKey).executeTakeFirst()
}

export type InspectionFilter = {
  q?: string
  orgId?: string
  enterpriseId?: string
  status?: string
  kind?: string
  year?: number
  from?: string
  to?: string
  limit: number
  offset: number
}

export async function listInspections(db: Executor, f: InspectionFilter, scope: OrgScope) {
  let query = selectInspections(db).where(orgInScope('i.org_id', scope))
  if (f.q) query = query.where((eb) => eb.or([eb('e.name', 'ilike', `%${f.q}%`), eb('e.credit_code', 'like', `%${f.q!.toUpperCase()}%`)]))
  if (f.orgId) query = query.where('i.org_id', '=', f.orgId)
  if (f.enterpriseId) query = query.where('i.enterprise_id', '=', f.enterpriseId)
  if (f.status) query = query.where('i.status', '=', f.status as 'completed')
  if (f.kind) query = query.where('i.kind', '=', f.kind as 'ad_hoc')
  if (f.year) query = query.where(sql<boolean>`extract(year from coalesce(i.inspection_date, i.planned_date)) = ${f.year}`)
  if (f.from) query = query.where(sql<boolean>`coalesce(i.inspection_date, i.planned_date) >= ${f.from}::date`)
  if (f.to) query = query.where(sql<boolean>`coalesce(i.inspection_date, i.planned_date) <= ${f.to}::date`)
  const [items, total] = await Promise.all([
    query.orderBy(sql`coalesce(i.inspection_date, i.planned_date)`, 'desc').orderBy('i.created_at', 'desc').limit(f.limit).offset(f.offset).execute(),
    db
      .selectFrom('inspection as i')
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(orgInScope('i.org_id', scope))
      .$if(Boolean(f.q), (q) => q.where((eb) => eb.or([eb('e.name', 'ilike', `%${f.q}%`), eb('e.credit_code', 'like', `%${f.q!.toUpperCase()}%`)])))
      .$if(Boolean(f.orgId), (q) => q.where('i.org_id', '=', f.orgId!))
      .$if(Boolean(f.enterpriseId), (q) => q.where('i.enterprise_id', '=', f.enterpriseId!))
      .$if(Boolean(f.status), (q) => q.where('i.status', '=', f.status as 'completed'))
      .$if(Boolean(f.kind), (q) => q.where('i.kind', '=', f.kind as 'ad_hoc'))
      .$if(Boolean(f.year), (q) => q.where(sql<boolean>`extract(year from coalesce(i.inspection_date, i.planned_date)) = ${f.year}`))
      .$if(Boolean(f.from), (q) => q.where(sql<boolean>`coalesce(i.inspection_date, i.planned_date) >= ${f.from}::date`))
      .$if(Boolean(f.to), (q) => q.where(sql<boolean>`coalesce(i.inspection_date, i.planned_date) <= ${f.to}::date`))
      .executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function insertInspection(db: Executor, row: NewRow<'inspection'>) {
  const { id } = await db.insertInto('inspection').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateInspection(db: Executor, id: string, patch: RowUpdate<'inspection'>) {
  await db.updateTable('inspection').set(patch).where('id', '=', id).execute()
}

export async function insertInspectionItems(db: Executor, inspectionId: string, powerItemIds: string[]) {
  if (powerItemIds.length === 0) return
  await db.insertInto('inspection_item').values(powerItemIds.map((p) => ({ inspection_id: inspectionId, power_item_id: p, outcome: null, note: null }))).execute()
}

/** Locks the enterprise row: starts for one enterprise run one at a time, so caps hold under concurrency. */
export async function lockEnterprise(db: Executor, enterpriseId: string) {
  await db.selectFrom('enterprise').select('id').where('id', '=', enterpriseId).forUpdate().execute()
}

/** Scheduled tasks of a unit for an enterprise, nearest planned date first. */
export async function findScheduledTasks(db: Executor, orgId: string, enterpriseId: string) {
  return db.selectFrom('inspection').selectAll().where('org_id', '=', orgId).where('enterprise_id', '=', enterpriseId).where('status', '=', 'scheduled').orderBy('planned_date').execute()
}

/** Inspections of one enterprise by one unit in a cap window, and of that enterprise by all units. */
export type WindowCount = { enterpriseId: string; enterpriseName: string; orgId: string; orgName: string; unit: number; all: number }

/**
 * The one count behind the frequency caps: the inspections (started or completed) of enterprises in
 * the window [from, to], per enterprise and unit (`unit`) and per enterprise across all units (`all`,
 * where a joint inspection counts once — 综合查一次 is one visit). The start rule asks for one
 * enterprise (`enterpriseId`); the oversight view for the enterprises its units inspected (`orgIds`:
 * the unit rows are theirs, `all` still counts every unit). `excludeJointId` leaves a joint visit
 * out of `all` (joining it adds no visit).
 *
 * @example
 * const rows = await inspectionsInWindow(db, { from: '2025-03-11', to: '2026-03-10', enterpriseId })
 * rows.find((r) => r.orgId === orgId)?.unit ?? 0 // this unit's inspections of the enterprise in the window
 */
export async function inspectionsInWindow(
  db: Executor,
  w: { from: string; to: string; enterpriseId?: string; orgIds?: string[]; excludeJointId?: string | null },
): Promise<WindowCount[]> {
  if (w.orgIds && w.orgIds.length === 0) return []
  const exclude = w.excludeJointId ?? null
  const rows = await db
    .with('w', (qb) =>
      qb
        .selectFrom('inspection')
        .select(['id', 'org_id', 'enterprise_id', 'joint_id'])
        .where('status', 'in', ['in_progress', 'completed'])
        .where('inspection_date', '>=', w.from)
        .where('inspection_date', '<=', w.to)
        .$if(Boolean(w.enterpriseId), (q) => q.where('enterprise_id', '=', w.enterpriseId!)),
    )
    .with('visits', (qb) =>
      qb
        .selectFrom('w')
        .select(['enterprise_id', sql<number>`count(distinct coalesce(joint_id, id)) filter (where ${exclude}::uuid is null or joint_id is distinct from ${exclude}::uuid)`.as('n')])
        .groupBy('enterprise_id'),
    )
    .selectFrom('w')
    .innerJoin('visits as v', 'v.enterprise_id', 'w.enterprise_id')
    .innerJoin('enterprise as e', 'e.id', 'w.enterprise_id')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .select(['w.enterprise_id as enterpriseId', 'e.name as enterpriseName', 'w.org_id as orgId', 'o.name as orgName', sql<number>`count(*)`.as('unit'), 'v.n as all'])
    .$if(Boolean(w.orgIds), (q) => q.where('w.org_id', 'in', w.orgIds!))
    .groupBy(['w.enterprise_id', 'e.name', 'w.org_id', 'o.name', 'v.n'])
    .orderBy('e.name')
    .execute()
  return rows.map((r) => ({ ...r, unit: Number(r.unit), all: Number(r.all) }))
}

/** Other units' scheduled tasks for an enterprise within `days` of a date: candidates for 综合查一次. */
export async function findJointCandidates(db: Executor, enterpriseId: string, orgId: string, date: string, days: number) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.planned_date', 'i.joint_id'])
    .where('i.enterprise_id', '=', enterpriseId)
    .where('i.org_id', '<>', orgId)
    .where('i.status', '=', 'scheduled')
    .where(sql<boolean>`abs(i.planned_date - ${date}::date) <= ${days}`)
    .orderBy('i.planned_date')
    .execute()
}

export async function insertOfficers(db: Executor, rows: NewRow<'inspection_officer'>[]) {
  if (rows.length > 0) await db.insertInto('inspection_officer').values(rows).execute()
}

export async function insertCertificatesShown(db: Executor, rows: NewRow<'inspection_certificate_shown'>[]) {
  if (rows.length > 0) await db.insertInto('inspection_certificate_shown').values(rows).execute()
}

export async function insertPhotos(db: Executor, rows: NewRow<'inspection_photo'>[]) {
  if (rows.length > 0) await db.insertInto('inspection_photo').values(rows).onConflict((oc) => oc.doNothing()).execute()
}

export async function setItemOutcome(db: Executor, inspectionId: string, powerItemId: string, outcome: 'ok' | 'issue' | 'not_applicable', note: string | null) {
  await db.updateTable('inspection_item').set({ outcome, note }).where('inspection_id', '=', inspectionId).where('power_item_id', '=', powerItemId).execute()
}

// ——— overrides —————————————————————————————————————————————————————————————

export function selectOverrides(db: Executor) {
  return db
    .selectFrom('inspection_override as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .innerJoin('enterprise as e', 'e.id', 'v.enterprise_id')
    .leftJoin('app_user as rq', 'rq.id', 'v.requested_by')
    .leftJoin('app_user as dc', 'dc.id', 'v.decided_by')
    .selectAll('v')
    .select(['o.name as org_name', 'e.name as enterprise_name', 'e.credit_code as enterprise_credit_code', 'rq.display_name as requested_by_name', 'dc.display_name as decided_by_name'])
}

export async function findOverride(db: Executor, id: string) {
  return selectOverrides(db).where('v.id', '=', id).executeTakeFirst()
}
export type OverrideRow = NonNullable<Awaited<ReturnType<typeof findOverride>>>

export async function listOverrides(db: Executor, scope: OrgScope, status?: string) {
  return selectOverrides(db)
    .where(orgInScope('v.org_id', scope))
    .$if(Boolean(status), (q) => q.where('v.status', '=', status as 'pending'))
    .orderBy('v.requested_at', 'desc')
    .limit(500)
    .execute()
}

export async function insertOverride(db: Executor, row: NewRow<'inspection_override'>) {
  const { id } = await db.insertInto('inspection_override').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateOverride(db: Executor, id: string, patch: RowUpdate<'inspection_override'>) {
  await db.updateTable('inspection_override').set(patch).where('id', '=', id).execute()
}
