import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { registerJob } from '../jobs/job-runner'
import { type AttemptLog, deleteAttemptsBefore, deleteSessionsExpiredBefore } from './attempt-retention.repository'

/** Job type of the daily removal of old login and case-lookup attempts and of expired sessions. */
export const PRUNE_ATTEMPT_LOGS_JOB = 'auth.prune_attempt_logs'

/**
 * How long the attempt logs are kept: 180 days. 《中华人民共和国网络安全法》第二十一条（三） asks that
 * network logs be kept for no less than six months; the rate limits themselves look back minutes to
 * hours. Past that the rows (username or address, and when) are only personal data to lose.
 */
export const ATTEMPT_LOG_RETENTION_DAYS = 180

const DAY_MS = 24 * 3_600_000
const logs: readonly AttemptLog[] = ['login_attempt', 'case_lookup_attempt']

/**
 * Deletes login and case-lookup attempts older than {@link ATTEMPT_LOG_RETENTION_DAYS} days before `now`.
 *
 * @example
 * await pruneAttemptLogs(db, new Date()) // { login_attempt: 1204, case_lookup_attempt: 37 }
 */
export async function pruneAttemptLogs(db: Kysely<DB>, now: Date): Promise<Record<AttemptLog, number>> {
  const before = new Date(now.getTime() - ATTEMPT_LOG_RETENTION_DAYS * DAY_MS)
  const deleted = { login_attempt: 0, case_lookup_attempt: 0 }
  for (const table of logs) deleted[table] = await deleteAttemptsBefore(db, table, before)
  return deleted
}

/**
 * Deletes the sessions past their absolute end (`expires_at`). A session that merely sat idle is refused at its
 * next use and dies with its absolute end at the latest, so no session row outlives SESSION_MAX_HOURS by more
 * than a day.
 */
export async function pruneExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  return deleteSessionsExpiredBefore(db, now)
}

registerJob(
  PRUNE_ATTEMPT_LOGS_JOB,
  async (db, _job, now) => {
    await pruneAttemptLogs(db, now)
    await pruneExpiredSessions(db, now)
  },
  { everyMs: DAY_MS },
)
