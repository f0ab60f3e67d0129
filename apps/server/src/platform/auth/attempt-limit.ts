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
  throw new AppError('RATE_LIMITED', `${limit.refusalZh}，请 ${limit.windowMinutes} 分钟后再试`, { retryAfterMinutes: limit.windowMinutes })
}
