import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import { type OrgScope, regionInScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

/** `area`: the region the caller reads enterprises in (see `enterpriseArea`); rows outside are not listed. */
export type EnterpriseFilter = { area: OrgScope; q?: string; townshipCode?: string; kind?: string; industry?: string; limit: number; offset: number }

function selectEnterprises(db: Executor) {
  return db
    .selectFrom('enterprise as e')
    .leftJoin('region as r', 'r.code', 'e.township_code')
    .leftJoin('region as rr', 'rr.code', 'e.region_code')
    .select([
      'e.id',
      'e.credit_code',
      'e.name',
      'e.kind',
      'e.address',
      'e.township_code',
      'r.name as township_name',
      'e.industry',
      'e.contact_name',
      'e.contact_phone',
      'e.qr_token_hash',
      'e.qr_issued_at',
      'e.qr_version',
      'e.created_at',
      'e.region_code',
      'rr.path as region_path',
      'e.registered_by_org_id',
      (eb) => eb.selectFrom('app_user as u').select(eb.fn.countAll<number>().as('n')).whereRef('u.enterprise_id', '=', 'e.id').as('accounts'),
    ])
}

export async function listEnterprises(db: Executor, f: EnterpriseFilter) {
  let query = selectEnterprises(db).where(regionInScope('e.region_code', f.area, null))
  if (f.q) {
    const q = f.q.trim()
    query = query.where((eb) => eb.or([eb('e.name', 'ilike', `%${q}%`), eb('e.credit_code', 'like', `%${q.toUpperCase()}%`), eb('e.address', 'ilike', `%${q}%`)]))
  }
  if (f.townshipCode) query = query.where('e.township_code', '=', f.townshipCode)
  if (f.kind) query = query.where('e.kind', '=', f.kind as 'enterprise')
  if (f.industry) query = query.where('e.industry', '=', f.industry)
  const [items, total] = await Promise.all([
    query.orderBy('e.name').orderBy('e.id').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findEnterprise(db: Executor, id: string) {
  return selectEnterprises(db).where('e.id', '=', id).executeTakeFirst()
}

export type EnterpriseRow = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>

export async function findEnterpriseByCode(db: Executor, creditCode: string) {
  return selectEnterprises(db).where('e.credit_code', '=', creditCode).executeTakeFirst()
}

export async function findEnterpriseByTokenHash(db: Executor, tokenHash: string) {
  return selectEnterprises(db).where('e.qr_token_hash', '=', tokenHash).executeTakeFirst()
}

export async function findEnterprisesByCodes(db: Executor, creditCodes: string[]) {
  if (creditCodes.length === 0) return []
  return db
    .selectFrom('enterprise as e')
    .leftJoin('region as rr', 'rr.code', 'e.region_code')
    .selectAll('e')
    .select('rr.path as region_path')
    .where('e.credit_code', 'in', creditCodes)
    .execute()
}

/** The policy's facts (region path, registering unit) of each of `ids` that exists. */
export async function findEnterpriseFactsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('enterprise as e')
    .leftJoin('region as rr', 'rr.code', 'e.region_code')
    .select(['e.id', 'rr.path as region_path', 'e.registered_by_org_id'])
    .where('e.id', 'in', [...ids])
    .execute()
}

export async function insertEnterprise(db: Executor, row: NewRow<'enterprise'>) {
  const { id } = await db.insertInto('enterprise').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function insertEnterprises(db: Executor, rows: NewRow<'enterprise'>[]): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.insertInto('enterprise').values(rows.slice(i, i + 500)).returning('id').execute()
    ids.push(...inserted.map((r) => r.id))
  }
  return ids
}

export async function updateEnterprise(db: Executor, id: string, patch: RowUpdate<'enterprise'>) {
  await db.updateTable('enterprise').set(patch).where('id', '=', id).execute()
}

/** Replaces the QR token: the old poster stops working in the same statement. */
export async function setQrToken(db: Executor, id: string, tokenHash: string, at: Date) {
  const row = await db
    .updateTable('enterprise')
    .set((eb) => ({ qr_token_hash: tokenHash, qr_issued_at: at, qr_version: eb('qr_version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('qr_version')
    .executeTakeFirstOrThrow()
  return row.qr_version
}

/** Township regions inside the caller's area, by code and by name, to resolve the import's 乡镇 column. */
export async function listTownships(db: Executor, area: OrgScope) {
  return db.selectFrom('region').select(['code', 'name']).where('level', '=', 'township').where(regionInScope('code', area, null)).execute()
}

/** A region's code and path (an enterprise's region is its township or the registering unit's region). */
export async function findRegion(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'path']).where('code', '=', code).executeTakeFirst()
}

export async function insertActivation(db: Executor, row: NewRow<'enterprise_activation'>) {
  await db.insertInto('enterprise_activation').values(row).execute()
}

/** The unused, unexpired activation with this hash for the enterprise, locked for the redemption. */
export async function findLiveActivation(db: Executor, enterpriseId: string, codeHash: string, now: Date) {
  return db
    .selectFrom('enterprise_activation')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst()
}

export async function markActivationUsed(db: Executor, id: string, userId: string, at: Date) {
  const res = await db.updateTable('enterprise_activation').set({ used_at: at, used_by: userId }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function industries(db: Executor) {
  const rows = await db.selectFrom('enterprise').select('industry').where('industry', 'is not', null).groupBy('industry').orderBy(sql`count(*)`, 'desc').execute()
  return rows.map((r) => r.industry as string)
}
