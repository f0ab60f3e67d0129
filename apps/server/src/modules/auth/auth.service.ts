import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type AttemptLimit, enforceAttemptLimit, enforceRecordedAttemptLimit } from '../../platform/auth/attempt-limit'
import { checkPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/password'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError } from '../../platform/errors'
import * as repo from './auth.repository'

/**
 * Login limits — three, so that one office behind one NAT address is not locked out by its own typos:
 *
 * - per account (user name, from every address): after MAX_ACCOUNT_FAILURES consecutive failures
 *   the account is locked for LOCK_MINUTES. Counted atomically in app_user before the password is
 *   compared, so no burst, however parallel or spread over addresses, gets more password checks.
 *   A user name without an account gets the same answers, counted from login_attempt.
 * - per address and user name: MAX_FAILURES_PER_ADDRESS_AND_USER failures in WINDOW_MINUTES.
 * - per address, whatever the user name: MAX_FAILURES_PER_ADDRESS in WINDOW_MINUTES — a ceiling
 *   against one address trying many names, far above what an office of typing people reaches.
 */
export const MAX_ACCOUNT_FAILURES = 5
export const LOCK_MINUTES = 15
export const MAX_FAILURES_PER_ADDRESS_AND_USER = 10
export const MAX_FAILURES_PER_ADDRESS = 200
export const WINDOW_MINUTES = 15
const addressLimit: AttemptLimit = { max: MAX_FAILURES_PER_ADDRESS, windowMinutes: WINDOW_MINUTES, refusalZh: '登录失败次数过多' }
const addressAndUserLimit: AttemptLimit = { max: MAX_FAILURES_PER_ADDRESS_AND_USER, windowMinutes: WINDOW_MINUTES, refusalZh: '登录失败次数过多' }
const lockoutRule = { maxFailures: MAX_ACCOUNT_FAILURES, lockMinutes: LOCK_MINUTES }

export type SessionPolicy = { idleMinutes: number; maxHours: number }

/**
 * Checks the password and opens a session. The attempt is recorded as failed and counted against
 * every limit before the password is compared; only a successful login turns it into a success.
 * An unknown user name and a wrong password get the same answer after the same work (an argon2
 * verification), so neither the answer nor its time tells whether the account exists.
 */
export async function login(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { username: string; password: string },
  policy: SessionPolicy,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const now = ctx.now
  const username = input.username.trim().toLowerCase()
  const attemptId = await admitAttempt(db, ctx, username)

  const user = await repo.findUserForLogin(db, username)
  if (!user) return refuseUnknownUser(db, now, username, input.password)

  const reserved = await repo.reservePasswordCheck(db, user.id, now, lockoutRule)
  // Locked: refused without comparing the password — no argon2 work, and nothing learnt about the password.
  if (!reserved) throw accountLocked(await repo.findLockedUntil(db, user.id))
  if (!(await verifyPassword(user.password_hash, input.password))) {
    if (reserved.lockedUntil) throw accountLockedNow(reserved.lockedUntil)
    throw invalidCredentials()
  }
  if (user.status !== 'active') throw new AppError('USER_DISABLED', '账号已停用，请联系管理员')

  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000)
  const actor = toActor({ ...user, role: user.role as Role })
  await inTransaction(db, async (trx) => {
    await repo.setLoginSuccess(trx, user.id, now)
    await repo.markAttemptSucceeded(trx, attemptId)
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
  if (!row) throw new AppError('AUTH_INVALID_CREDENTIALS', '当前密码不正确')
  // The current password is checked under the same lockout as a login: a taken-over session must
  // not become a way to guess the password without limit.
  const reserved = await repo.reservePasswordCheck(db, ctx.actor.userId, ctx.now, lockoutRule)
  if (!reserved) throw accountLocked(await repo.findLockedUntil(db, ctx.actor.userId))
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    if (reserved.lockedUntil) throw accountLockedNow(reserved.lockedUntil)
    throw new AppError('AUTH_INVALID_CREDENTIALS', '当前密码不正确')
  }
  await repo.clearLoginFailures(db, ctx.actor.userId)
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

/**
 * Records the attempt (as failed) within the per-address limits, or refuses it. Twice each: once
 * before recording, so an address already over a limit is refused without adding a row (a flood
 * does not grow login_attempt without end), and once after, counting itself, so a parallel burst
 * cannot all read "below the limit" (enforceRecordedAttemptLimit).
 */
async function admitAttempt(db: Kysely<DB>, ctx: RequestContext, username: string): Promise<number> {
  const fromAddress = (since: Date) => repo.countFailuresFromIp(db, ctx.ip, since)
  const fromAddressAtName = (since: Date) => repo.countFailuresFromIpForUser(db, ctx.ip, username, since)
  await enforceAttemptLimit(addressLimit, ctx.now, fromAddress)
  await enforceAttemptLimit(addressAndUserLimit, ctx.now, fromAddressAtName)
  const attemptId = await repo.insertFailedAttempt(db, { username, ip: ctx.ip, at: ctx.now })
  await enforceRecordedAttemptLimit(addressLimit, ctx.now, fromAddress)
  await enforceRecordedAttemptLimit(addressAndUserLimit, ctx.now, fromAddressAtName)
  return attemptId
}

/**
 * A user name without an account: the answers an account would give — 用户名或密码错误 after an
 * argon2 verification, then locked at the MAX_ACCOUNT_FAILURES-th failure in LOCK_MINUTES and
 * refused without verification after that — so that probing does not reveal which names exist.
 * The failures (this attempt included) come from login_attempt, from every address.
 */
async function refuseUnknownUser(db: Kysely<DB>, now: Date, username: string, password: string): Promise<never> {
  const failures = await repo.listFailureTimesForUser(db, username, new Date(now.getTime() - LOCK_MINUTES * 60_000))
  const lockingFailure = failures[MAX_ACCOUNT_FAILURES - 1]
  if (lockingFailure && failures.length > MAX_ACCOUNT_FAILURES) throw accountLocked(new Date(lockingFailure.getTime() + LOCK_MINUTES * 60_000))
  await verifyPassword(await dummyHash(), password)
  if (failures.length === MAX_ACCOUNT_FAILURES) throw accountLockedNow(new Date(now.getTime() + LOCK_MINUTES * 60_000))
  throw invalidCredentials()
}

// A hash to verify against when the user does not exist, so both paths do the same work.
let dummyHashPromise: Promise<string> | null = null
function dummyHash(): Promise<string> {
  dummyHashPromise ??= hashPassword('not-a-real-password-Aa1!')
  return dummyHashPromise
}

/** The one answer for an unknown user name and a wrong password: no counts, nothing that differs. */
function invalidCredentials() {
  return new AppError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误')
}

/** The failure that locked the account. */
function accountLockedNow(lockedUntil: Date) {
  return new AppError('ACCOUNT_LOCKED', `连续 ${MAX_ACCOUNT_FAILURES} 次密码错误，账号已锁定 ${LOCK_MINUTES} 分钟`, {
    lockedUntil: lockedUntil.toISOString(),
  })
}

/** An attempt at an account that is already locked. */
function accountLocked(lockedUntil: Date | null) {
  if (!lockedUntil) return new AppError('ACCOUNT_LOCKED', '账号因多次登录失败已锁定，请稍后再试或联系管理员')
  return new AppError('ACCOUNT_LOCKED', `账号因多次登录失败已锁定，请于 ${formatTime(lockedUntil)} 后再试或联系管理员`, {
    lockedUntil: lockedUntil.toISOString(),
  })
}

function formatTime(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}
