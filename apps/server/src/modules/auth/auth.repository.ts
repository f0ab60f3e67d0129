import type { Executor } from '../../platform/audit/audit'
import type { Role } from '@yangguang/core'

/** The user row joined with what an Actor needs: unit name and jurisdiction path. */
export async function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org as o', 'o.id', 'u.org_id')
    .leftJoin('region as r', (join) => join.onRef('r.code', '=', (eb) => eb.fn.coalesce('u.region_code', 'o.region_code')))
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_id',
      'u.password_hash',
      'u.status',
      'u.must_change_password',
      'u.failed_logins',
      'u.locked_until',
      'o.name as org_name',
      'r.path as region_path',
      'r.code as region_code',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst()
}

export type LoginUser = NonNullable<Awaited<ReturnType<typeof findUserForLogin>>> & { role: Role }

export async function findSessionUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('org as o', 'o.id', 'u.org_id')
    .leftJoin('region as r', (join) => join.onRef('r.code', '=', (eb) => eb.fn.coalesce('u.region_code', 'o.region_code')))
    .select([
      's.token_hash',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_id',
      'u.status',
      'u.must_change_password',
      'o.name as org_name',
      'r.path as region_path',
      'r.code as region_code',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function insertSession(
  db: Executor,
  row: { tokenHash: string; userId: string; expiresAt: Date; now: Date; ip: string; userAgent: string | null },
) {
  await db
    .insertInto('user_session')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute()
}

export async function touchSession(db: Executor, tokenHash: string, now: Date) {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute()
}

export async function deleteUserSessions(db: Executor, userId: string) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute()
}

export async function recordLoginAttempt(db: Executor, row: { username: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insertInto('login_attempt').values(row).execute()
}

/** Failed attempts from one address since `since` — the per-address rate limit. */
export async function countFailuresFromIp(db: Executor, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function setLoginFailure(db: Executor, userId: string, failedLogins: number, lockedUntil: Date | null) {
  await db.updateTable('app_user').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', userId).execute()
}

export async function setLoginSuccess(db: Executor, userId: string, now: Date) {
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', userId).execute()
}

export async function updatePassword(db: Executor, userId: string, passwordHash: string, mustChange: boolean, now: Date) {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: now, updated_at: now, failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute()
}

export async function findPasswordHash(db: Executor, userId: string) {
  return db.selectFrom('app_user').select(['password_hash', 'username']).where('id', '=', userId).executeTakeFirst()
}
