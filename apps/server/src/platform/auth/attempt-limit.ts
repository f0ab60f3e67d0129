import { AppError } from '../errors'

/**
 * A per-address limit on attempts that need no account — logins, the party's case lookup, the
 * portal's complaint intake and lookup: at most `max` counted attempts within the last
 * `windowMinutes`. `refusalZh` opens the message of the 429 answer (`…，请 N 分钟后再试`).
 */
export type AttemptLimit = { max: number; windowMinutes: number; refusalZh: string }

/**
 * Refuses with `RATE_LIMITED` (429, details `{ retryAfterMinutes }`) when the attempts `count`
 * finds since the start of the window already reached the limit. What counts (failures, successes,
 * which table, which address or hash) is the caller's: it records its own attempts.
 *
 * @example
 * const loginLimit: AttemptLimit = { max: 20, windowMinutes: 15, refusalZh: '登录失败次数过多' }
 * await enforceAttemptLimit(loginLimit, ctx.now, (since) => repo.countFailuresFromIp(db, ctx.ip, since))
 * // throws AppError('RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试', { retryAfterMinutes: 15 }) at 20 failures
 */
export async function enforceAttemptLimit(limit: AttemptLimit, now: Date, count: (since: Date) => Promise<number>): Promise<void> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000)
  if ((await count(since)) < limit.max) return
  throw rateLimited(limit)
}

/**
 * The same limit for a caller that records its attempt *before* counting, so that parallel
 * attempts cannot all slip in under it: `count` includes this attempt, and it refuses once that
 * count exceeds `max`. Counting after one's own committed insert sees at least every attempt
 * committed before it, so the (max + 1)-th attempt to be recorded is refused whatever the
 * interleaving — where counting first lets a burst of N parallel requests all read "below the
 * limit". It errs towards refusing: when many are recorded before any of them counts, fewer than
 * `max` may get through. A refused attempt stays recorded; a caller that must not let a flood add rows
 * without end checks with enforceAttemptLimit before recording, as login does.
 *
 * @example
 * const attemptId = await repo.insertFailedAttempt(db, { username, ip: ctx.ip, at: ctx.now })
 * await enforceRecordedAttemptLimit(loginLimit, ctx.now, (since) => repo.countFailuresFromIp(db, ctx.ip, since))
 * // of 40 parallel attempts (max 20) at most 20 get through; the others throw RATE_LIMITED
 */
export async function enforceRecordedAttemptLimit(limit: AttemptLimit, now: Date, count: (since: Date) => Promise<number>): Promise<void> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000)
  if ((await count(since)) <= limit.max) return
  throw rateLimited(limit)
}

function rateLimited(limit: AttemptLimit): AppError {
  return new AppError('RATE_LIMITED', `${limit.refusalZh}，请 ${limit.windowMinutes} 分钟后再试`, { retryAfterMinutes: limit.windowMinutes })
}
