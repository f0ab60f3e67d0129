import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type AttemptLimit, enforceAttemptLimit } from '../../platform/auth/attempt-limit'
import { checkPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/password'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError } from '../../platform/errors'
import * as repo from './auth.repository'

/** Lockout after this many consecutive failures of one account… */
export const MAX_ACCOUNT_FAILURES = 5
/** …for this long. */
export const LOCK_MINUTES = 15
/** Per-address limit: failed attempts from one address within the window. */
export const MAX_IP_FAILURES = 20
export const IP_WINDOW_MINUTES = 15
const loginFailureLimit: AttemptLimit = { max: MAX_IP_FAILURES, windowMinutes: IP_WINDOW_MINUTES, refusalZh: '登录失败次数过多' }

export type SessionPolicy = { idleMinutes: number; maxHours: number }

// A hash to verify against when the user does not exist, so both paths take the same time.
let dummyHash: Promise<string> | null = null

/**
 * Checks the password and opens a session. Failures are recorded (and count towards the
 * lockout) even though the call then fails.
 */
export async function login(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { username: string; password: string },
  policy: SessionPolicy,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const now = ctx.now
  const username = input.username.trim().toLowerCase()
  await enforceAttemptLimit(loginFailureLimit, now, (since) => repo.countFailuresFromIp(db, ctx.ip, since))

  const user = await repo.findUserForLogin(db, username)
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!')
    await verifyPassword(await dummyHash, input.password)
    await repo.recordLoginAttempt(db, { username, ip: ctx.ip, succeeded: false, at: now })
    throw invalidCredentials()
  }
  if (user.locked_until && user.locked_until > now) {
    await repo.recordLoginAttempt(db, { username, ip: ctx.ip, succeeded: false, at: now })
    throw new AppError('ACCOUNT_LOCKED', `账号因多次登录失败已锁定，请于 ${formatTime(user.locked_until)} 后再试或联系管理员`, {
      lockedUntil: user.locked_until.toISOString(),
    })
  }
  const ok = await verifyPassword(user.password_hash, input.password)
  if (!ok) {
    const failures = user.failed_logins + 1
    const lockedUntil = failures >= MAX_ACCOUNT_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null
    await repo.setLoginFailure(db, user.id, lockedUntil ? 0 : failures, lockedUntil)
    await repo.recordLoginAttempt(db, { username, ip: ctx.ip, succeeded: false, at: now })
    if (lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', `连续 ${MAX_ACCOUNT_FAILURES} 次密码错误，账号已锁定 ${LOCK_MINUTES} 分钟`, {
        lockedUntil: lockedUntil.toISOString(),
      })
    }
    throw invalidCredentials({ remainingAttempts: MAX_ACCOUNT_FAILURES - failures })
  }
  if (user.status !== 'active') {
    await repo.recordLoginAttempt(db, { username, ip: ctx.ip, succeeded: false, at: now })
    throw new AppError('USER_DISABLED', '账号已停用，请联系管理员')
  }

  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000)
  const actor = toActor({ ...user, role: user.role as Role })
  await inTransaction(db, async (trx) => {
    await repo.setLoginSuccess(trx, user.id, now)
    await repo.recordLoginAttempt(trx, { username, ip: ctx.ip, succeeded: true, at: now })
    await repo.insertSession(trx, { tokenHash: hashToken(token), userId: user.id, expiresAt, now, ip: ctx.ip, userAgent: ctx.userAgent })
  })
  return { token, actor, expiresAt }
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token))
}

/**
 * The actor behind a session token, or null. A session ends after `idleMinutes` without a
 * request or `maxHours` after login, whichever comes first; a disabled user has none.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ actor: Actor } | { expired: true } | null> {
  const tokenHash = hashToken(token)
  const row = await repo.findSessionUser(db, tokenHash)
  if (!row) return null
  const idleSince = now.getTime() - row.last_seen_at.getTime()
  if (row.expires_at <= now || idleSince > policy.idleMinutes * 60_000 || row.status !== 'active') {
    await repo.deleteSession(db, tokenHash)
    return { expired: true }
  }
  // Write at most once a minute: a busy page makes many requests.
  if (idleSince > 60_000) await repo.touchSession(db, tokenHash, now)
  return { actor: toActor({ ...row, role: row.role as Role }) }
}

/** A user changes their own password (required after an admin reset). */
export async function changeOwnPassword(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: Actor },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await repo.findPasswordHash(db, ctx.actor.userId)
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError('AUTH_INVALID_CREDENTIALS', '当前密码不正确')
  }
  if (input.currentPassword === input.newPassword) throw new AppError('PASSWORD_RULES', '新密码不能与当前密码相同')
  checkPasswordRules(input.newPassword, row.username)
  const passwordHash = await hashPassword(input.newPassword)
  await inTransaction(db, async (trx) => {
    await repo.updatePassword(trx, ctx.actor.userId, passwordHash, false, ctx.now)
    await recordAudit(trx, ctx, {
      action: 'user.change_password',
      entityType: 'app_user',
      entityId: ctx.actor.userId,
      orgId: ctx.actor.orgId,
      summary: `${ctx.actor.displayName} 修改了自己的密码`,
    })
  })
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function toActor(row: {
  id: string
  username: string
  display_name: string
  role: Role
  org_id: string | null
  org_name: string | null
  region_path: string | null
  region_code: string | null
  must_change_password: boolean
}): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgId: row.org_id,
    orgName: row.org_name,
    regionPath: row.region_path,
    regionCode: row.region_code,
    mustChangePassword: row.must_change_password,
  }
}

function invalidCredentials(details: Record<string, unknown> = {}) {
  return new AppError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误', details)
}

function formatTime(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}
