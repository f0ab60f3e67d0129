import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

export type CertificateFilter = {
  q?: string
  orgId?: string
  regionPath?: string
  /** Status today: stored ones, or expired / not yet valid by date, or valid and ending within 30 days. */
  status?: 'valid' | 'suspended' | 'cancelled' | 'expired' | 'not_yet_valid' | 'expiring'
  today: string
  expiringUntil: string
  limit: number
  offset: number
}

function selectCertificates(db: Executor) {
  return db
    .selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select([
      'c.id',
      'c.person_id',
      'c.cert_no',
      'c.areas',
      'c.issuer',
      'c.valid_from',
      'c.valid_to',
      'c.status',
      'c.created_at',
      'p.name as person_name',
      'p.status as person_status',
      'p.org_id',
      'o.name as org_name',
      'o.region_code as org_region_code',
      'r.path as org_region_path',
    ])
}

export async function listCertificates(db: Executor, f: CertificateFilter, scope: OrgScope) {
  let query = selectCertificates(db).where(orgInScope('p.org_id', scope))
  if (f.q) query = query.where((eb) => eb.or([eb('c.cert_no', 'ilike', `%${f.q}%`), eb('p.name', 'ilike', `%${f.q}%`)]))
  if (f.orgId) query = query.where('p.org_id', '=', f.orgId)
  if (f.regionPath) query = query.where('r.path', 'like', `${f.regionPath}%`)
  switch (f.status) {
    case 'suspended':
    case 'cancelled':
      query = query.where('c.status', '=', f.status)
      break
    case 'valid':
      query = query.where('c.status', '=', 'valid').where('c.valid_from', '<=', f.today).where('c.valid_to', '>=', f.today)
      break
    case 'expiring':
      query = query.where('c.status', '=', 'valid').where('c.valid_from', '<=', f.today).where('c.valid_to', '>=', f.today).where('c.valid_to', '<=', f.expiringUntil)
      break
    case 'expired':
      query = query.where('c.status', '=', 'valid').where('c.valid_to', '<', f.today)
      break
    case 'not_yet_valid':
      query = query.where('c.status', '=', 'valid').where('c.valid_from', '>', f.today)
      break
  }
  const [items, total] = await Promise.all([
    query.orderBy('c.valid_to').orderBy('c.cert_no').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findCertificate(db: Executor, id: string) {
  return selectCertificates(db).where('c.id', '=', id).executeTakeFirst()
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>

export async function findCertificateByNo(db: Executor, certNo: string) {
  return selectCertificates(db).where('c.cert_no', '=', certNo).executeTakeFirst()
}

export async function listCertificatesOfPersons(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return []
  return selectCertificates(db).where('c.person_id', 'in', personIds).orderBy('c.created_at', 'desc').orderBy('c.cert_no', 'desc').execute()
}

export async function lockCertificate(db: Executor, id: string) {
  return db.selectFrom('certificate').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertCertificate(db: Executor, row: NewRow<'certificate'>) {
  const { id } = await db.insertInto('certificate').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateCertificate(db: Executor, id: string, patch: RowUpdate<'certificate'>) {
  await db.updateTable('certificate').set(patch).where('id', '=', id).execute()
}

export async function insertCertificateEvent(db: Executor, row: NewRow<'certificate_event'>) {
  await db.insertInto('certificate_event').values(row).execute()
}

export async function listCertificateEvents(db: Executor, certificateIds: string[]) {
  if (certificateIds.length === 0) return []
  return db
    .selectFrom('certificate_event as ev')
    .leftJoin('app_user as u', 'u.id', 'ev.actor_id')
    .select(['ev.id', 'ev.certificate_id', 'ev.action', 'ev.reason', 'ev.before', 'ev.after', 'ev.at', 'u.display_name as actor_name'])
    .where('ev.certificate_id', 'in', certificateIds)
    .orderBy('ev.at', 'desc')
    .orderBy('ev.id', 'desc')
    .execute()
}

export type CertificateEventRow = Awaited<ReturnType<typeof listCertificateEvents>>[number]

/** The highest certificate number with this prefix (numbers are prefix + 4-digit sequence). */
export async function maxCertNoWithPrefix(db: Executor, prefix: string) {
  const row = await db
    .selectFrom('certificate')
    .select((eb) => eb.fn.max('cert_no').as('max'))
    .where('cert_no', 'like', `${prefix}%`)
    .where((eb) => eb(eb.fn('length', ['cert_no']), '=', prefix.length + 4))
    .executeTakeFirst()
  return row?.max ?? null
}

/** Certificates of a person that still count: not cancelled and not past their end date. */
export async function findLiveCertificateOf(db: Executor, personId: string, today: string) {
  return db
    .selectFrom('certificate')
    .select(['id', 'cert_no', 'status'])
    .where('person_id', '=', personId)
    .where('status', '!=', 'cancelled')
    .where('valid_to', '>=', today)
    .executeTakeFirst()
}

/** Valid certificates ending between `today` and `until`, in scope (reminders). */
export async function listCertificatesEnding(db: Executor, scope: OrgScope, today: string, until: string) {
  return selectCertificates(db)
    .where(orgInScope('p.org_id', scope))
    .where('c.status', '=', 'valid')
    .where('p.status', '=', 'active')
    .where('c.valid_from', '<=', today)
    .where('c.valid_to', '>=', today)
    .where('c.valid_to', '<=', until)
    .orderBy('c.valid_to')
    .limit(200)
    .execute()
}

/** Officers who left their unit while still holding a certificate that is not cancelled. */
export async function listLeftWithLiveCertificate(db: Executor, scope: OrgScope, today: string) {
  return selectCertificates(db)
    .where(orgInScope('p.org_id', scope))
    .where('p.status', '=', 'left')
    .where('c.status', '!=', 'cancelled')
    .where('c.valid_to', '>=', today)
    .orderBy('c.cert_no')
    .limit(200)
    .execute()
}

/**
 * Public lists: certificates of active officers in units whose entity is published, or whose
 * parent unit's is (a township's 综合行政执法队 acts in its government's name).
 */
export async function listPublicCertificates(db: Executor, f: { q?: string; orgId?: string; regionPath?: string; limit: number; offset: number }) {
  const published = (unit: 'o.id' | 'o.parent_id') =>
    sql<boolean>`exists (select 1 from enforcement_entity pe where pe.org_id = ${sql.ref(unit)} and pe.published_snapshot is not null)`
  let query = selectCertificates(db)
    .where((eb) => eb.or([published('o.id'), published('o.parent_id')]))
    .where('p.status', '=', 'active')
    .where('c.status', '!=', 'cancelled')
  if (f.q) query = query.where((eb) => eb.or([eb('c.cert_no', 'ilike', `%${f.q}%`), eb('p.name', 'ilike', `%${f.q}%`)]))
  if (f.orgId) query = query.where('p.org_id', '=', f.orgId)
  if (f.regionPath) query = query.where('r.path', 'like', `${f.regionPath}%`)
  const [items, total] = await Promise.all([
    query.orderBy('r.sort').orderBy('o.code').orderBy('c.cert_no').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function orgRegionCode(db: Executor, orgId: string) {
  const row = await db.selectFrom('org').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()
  return row.region_code
}
