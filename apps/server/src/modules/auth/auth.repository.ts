import { sql } from 'kysely'
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

/**
 * Records a login attempt as failed before anything is checked, so the per-address limits count it
 * even while it is still running (see enforceRecordedAttemptLimit); a login that succeeds turns it
 * into a success with markAttemptSucceeded.
 */
export async function insertFailedAttempt(db: Executor, row: { username: string; ip: string; at: Date }): Promise<number> {
  const inserted = await db
    .insertInto('login_attempt')
    .values({ ...row, succeeded: false })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function markAttemptSucceeded(db: Executor, attemptId: number) {
  await db.updateTable('login_attempt').set({ succeeded: true }).where('id', '=', attemptId).execute()
}

/** Failed attempts from one address since `since`, whatever the user name — the per-address ceiling. */
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

/** Failed attempts at one user name from one address since `since`. */
export async function countFailuresFromIpForUser(db: Executor, ip: string, username: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The times of the failed attempts at one user name since `since`, from every address, oldest
 * first — how a name without an account gets the same lockout answers as one with.
 */
export async function listFailureTimesForUser(db: Executor, username: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_attempt')
    .select('at')
    .where('username', '=', username)
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.at)
}

/**
 * Reserves one password check for an account, atomically: counts the attempt as a failure *before*
 * the password is compared and answers the new count, or undefined when the account is locked
 * (then nothing is changed and no password may be checked). The attempt that reaches
 * `maxFailures` locks the account until `now + lockMinutes` straight away — if its password turns
 * out right, the successful login lifts the lock again. Parallel requests queue on the row lock,
 * and PostgreSQL re-checks the WHERE against the row as the one before left it, so no more than
 * `maxFailures` attempts get through between two successes, however many arrive at once. An
 * expired lock starts the count afresh.
 */
export async function reservePasswordCheck(
  db: Executor,
  userId: string,
  now: Date,
  rule: { maxFailures: number; lockMinutes: number },
): Promise<{ failedLogins: number; lockedUntil: Date | null } | undefined> {
  // A non-null locked_until that passes the WHERE has expired: the count restarts at 1.
  const nextCount = sql<number>`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END`
  const lockUntil = new Date(now.getTime() + rule.lockMinutes * 60_000)
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: nextCount,
      locked_until: sql<Date | null>`CASE WHEN ${nextCount} >= ${rule.maxFailures} THEN ${lockUntil}::timestamptz ELSE NULL END`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb.and([eb('locked_until', 'is', null), eb('failed_logins', '<', rule.maxFailures)]), eb('locked_until', '<=', now)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst()
  return row && { failedLogins: row.failed_logins, lockedUntil: row.locked_until }
}

export async function findLockedUntil(db: Executor, userId: string): Promise<Date | null> {
  const row = await db.selectFrom('app_user').select('locked_until').where('id', '=', userId).executeTakeFirst()
  return row?.locked_until ?? null
}

/** The password was right: the count of failures starts again and a lock it set is lifted. */
export async function clearLoginFailures(db: Executor, userId: string) {
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute()
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
