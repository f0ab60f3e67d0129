import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

export type PersonFilter = {
  /** Name, certificate number, or a full ID number. */
  q?: string
  orgId?: string
  regionPath?: string
  status?: 'active' | 'left'
  /** valid: holds a certificate valid today; invalid: holds none; expiring: valid today, ending within 30 days. */
  certificate?: 'valid' | 'invalid' | 'expiring'
  today: string
  expiringUntil: string
  limit: number
  offset: number
}

function selectPersons(db: Executor) {
  return (
    db
      .selectFrom('person as p')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .leftJoin('app_user as u', 'u.id', 'p.user_id')
      // The certificate a list shows: a live one before a cancelled one, then the latest.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('certificate as c')
            .select(['c.id', 'c.cert_no', 'c.status', 'c.valid_from', 'c.valid_to', 'c.areas'])
            .whereRef('c.person_id', '=', 'p.id')
            .orderBy(sql`c.status = 'cancelled'`)
            .orderBy('c.valid_to', 'desc')
            .limit(1)
            .as('cc'),
        (join) => join.onTrue(),
      )
      .select([
        'p.id',
        'p.org_id',
        'p.name',
        'p.id_number',
        'p.sex',
        'p.phone',
        'p.position',
        'p.user_id',
        'p.status',
        'p.legal_qualification_no',
        'p.legal_qualification_on',
        'p.legal_review_since',
        'p.created_at',
        'o.name as org_name',
        'r.path as org_region_path',
        'u.username',
        'u.display_name as user_display_name',
        'cc.id as cert_id',
        'cc.cert_no',
        'cc.status as cert_status',
        'cc.valid_from as cert_valid_from',
        'cc.valid_to as cert_valid_to',
        'cc.areas as cert_areas',
      ])
  )
}

export async function listPersons(db: Executor, f: PersonFilter, scope: OrgScope) {
  let query = selectPersons(db).where(orgInScope('p.org_id', scope))
  if (f.q) {
    const q = f.q.trim()
    query = query.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', `%${q}%`),
        eb('p.id_number', '=', q.toUpperCase()),
        eb.exists(eb.selectFrom('certificate as cq').select('cq.id').whereRef('cq.person_id', '=', 'p.id').where('cq.cert_no', 'ilike', `%${q}%`)),
      ]),
    )
  }
  if (f.orgId) query = query.where('p.org_id', '=', f.orgId)
  if (f.regionPath) query = query.where('r.path', 'like', `${f.regionPath}%`)
  if (f.status) query = query.where('p.status', '=', f.status)
  if (f.certificate) {
    const validToday = (until: string | null) =>
      sql<boolean>`exists (select 1 from certificate cv where cv.person_id = p.id and cv.status = 'valid' and cv.valid_from <= ${f.today} and cv.valid_to >= ${f.today} ${until ? sql`and cv.valid_to <= ${until}` : sql``})`
    if (f.certificate === 'valid') query = query.where(validToday(null))
    if (f.certificate === 'invalid') query = query.where(sql<boolean>`not ${validToday(null)}`)
    if (f.certificate === 'expiring') query = query.where(validToday(f.expiringUntil))
  }
  const [items, total] = await Promise.all([
    query.orderBy('r.sort').orderBy('o.code').orderBy('p.name').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findPerson(db: Executor, id: string) {
  return selectPersons(db).where('p.id', '=', id).executeTakeFirst()
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>

export async function lockPerson(db: Executor, id: string) {
  return db.selectFrom('person').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findPersonIdByIdNumber(db: Executor, idNumber: string) {
  const row = await db.selectFrom('person').select('id').where('id_number', '=', idNumber).executeTakeFirst()
  return row?.id ?? null
}

export async function findPersonByUser(db: Executor, userId: string) {
  return db.selectFrom('person').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst()
}

export async function insertPerson(db: Executor, row: NewRow<'person'>) {
  const { id } = await db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updatePerson(db: Executor, id: string, patch: RowUpdate<'person'>) {
  await db.updateTable('person').set(patch).where('id', '=', id).execute()
}

export async function findUnitForPerson(db: Executor, orgId: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.region_code', 'r.path as region_path'])
    .where('o.id', '=', orgId)
    .executeTakeFirst()
}

export async function findUserForLink(db: Executor, userId: string) {
  return db.selectFrom('app_user').select(['id', 'username', 'role', 'org_id', 'status']).where('id', '=', userId).executeTakeFirst()
}
