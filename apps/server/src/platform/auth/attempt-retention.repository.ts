import type { Executor } from '../audit/audit'

/** The attempt logs kept for the limits on logins and on the party's case lookup. */
export type AttemptLog = 'login_attempt' | 'case_lookup_attempt'

/** Deletes the rows of `table` recorded before `before`; returns how many went. */
export async function deleteAttemptsBefore(db: Executor, table: AttemptLog, before: Date): Promise<number> {
  const result = await db.deleteFrom(table).where('at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes the sessions whose absolute lifetime ended before `now` (signed-out ones are deleted at logout). */
export async function deleteSessionsExpiredBefore(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('user_session').where('expires_at', '<', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
