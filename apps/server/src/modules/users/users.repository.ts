import type { Executor } from '../../platform/audit/audit'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.org_id',
  'u.region_code',
  'u.status',
  'u.locked_until',
  'u.must_change_password',
  'u.last_login_at',
  'u.created_at',
  'o.name as org_name',
] as const

export type UserFilter = { q?: string; role?: string; orgId?: string; status?: 'active' | 'disabled'; limit: number; offset: number }

export async function listUsers(db: Executor, f: UserFilter, scopeRegionPath: string | null) {
  let query = db.selectFrom('app_user as u').leftJoin('org as o', 'o.id', 'u.org_id')
  if (scopeRegionPath !== null) {
    query = query
      .leftJoin('region as r', (join) => join.onRef('r.code', '=', (eb) => eb.fn.coalesce('u.region_code', 'o.region_code')))
      .where('r.path', 'like', `${scopeRegionPath}%`)
  }
  if (f.q) query = query.where((eb) => eb.or([eb('u.username', 'ilike', `%${f.q}%`), eb('u.display_name', 'ilike', `%${f.q}%`)]))
  if (f.role) query = query.where('u.role', '=', f.role)
  if (f.orgId) query = query.where('u.org_id', '=', f.orgId)
  if (f.status) query = query.where('u.status', '=', f.status)
  const [items, total] = await Promise.all([
    query.select(userColumns).orderBy('u.created_at', 'desc').orderBy('u.username').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findUser(db: Executor, id: string) {
  return db.selectFrom('app_user as u').leftJoin('org as o', 'o.id', 'u.org_id').select(userColumns).where('u.id', '=', id).executeTakeFirst()
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>

export async function insertUser(db: Executor, row: NewRow<'app_user'>) {
  const { id } = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateUser(db: Executor, id: string, patch: RowUpdate<'app_user'>) {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute()
}

export async function orgExists(db: Executor, orgId: string) {
  return Boolean(await db.selectFrom('org').select('id').where('id', '=', orgId).executeTakeFirst())
}

export async function findOrgByCode(db: Executor, code: string) {
  return db.selectFrom('org').select(['id', 'name']).where('code', '=', code).executeTakeFirst()
}

export async function regionExists(db: Executor, code: string) {
  return Boolean(await db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst())
}
