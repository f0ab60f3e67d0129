import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { DB } from '../db/schema'

/**
 * A small job runner on the `job` table (migration 0001). Recurring jobs get one row per time slot
 * with a deterministic id (`<type>@<slot start>`), so two servers — or a restart — never schedule a
 * slot twice. A worker claims a due job with `FOR UPDATE SKIP LOCKED` (on PostgreSQL several
 * servers share the table; PGlite has one connection and simply runs them in turn), runs it outside
 * the claiming transaction, and marks it done; a failure is retried with exponential backoff
 * (1, 2, 4 … minutes) up to `maxAttempts`, then left with its last error.
 *
 * Handlers receive `now` from the caller, so tests run due jobs at any moment without sleeping.
 */

export type Job = { id: string; type: string; payload: Record<string, unknown>; attempts: number }
export type JobHandler = (db: Kysely<DB>, job: Job, now: Date) => Promise<void>

type Registration = { handler: JobHandler; everyMs: number | null; maxAttempts: number }
const registry = new Map<string, Registration>()

/**
 * Registers the handler of a job type; with `everyMs` the runner also schedules it once per slot.
 *
 * @example
 * registerJob('case.deadline_reminders', remindDeadlines, { everyMs: 3_600_000 })
 */
export function registerJob(type: string, handler: JobHandler, options: { everyMs?: number; maxAttempts?: number } = {}): void {
  registry.set(type, { handler, everyMs: options.everyMs ?? null, maxAttempts: options.maxAttempts ?? 5 })
}

/** The deterministic id of the slot of a recurring job that contains `now`. */
export function slotId(type: string, everyMs: number, now: Date): { id: string; runAt: Date } {
  const start = new Date(Math.floor(now.getTime() / everyMs) * everyMs)
  return { id: `${type}@${start.toISOString()}`, runAt: start }
}

/**
 * Enqueues a one-off job (idempotent by id).
 *
 * @example
 * await enqueueJob(db, { id: `case.remind:${caseId}`, type: 'case.deadline_reminders', runAt: now })
 */
export async function enqueueJob(db: Kysely<DB>, job: { id: string; type: string; payload?: Record<string, unknown>; runAt: Date }): Promise<void> {
  await db
    .insertInto('job')
    .values({ id: job.id, type: job.type, payload: JSON.stringify(job.payload ?? {}), run_at: job.runAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/** Inserts the current slot of every recurring job (a no-op when it exists). */
export async function scheduleRecurringJobs(db: Kysely<DB>, now: Date): Promise<void> {
  for (const [type, reg] of registry) {
    if (reg.everyMs === null) continue
    const slot = slotId(type, reg.everyMs, now)
    await enqueueJob(db, { id: slot.id, type, runAt: slot.runAt })
  }
}

export type RunReport = { ran: string[]; failed: Array<{ id: string; error: string }> }

/**
 * Schedules the current slots, then runs every job due at `now`, one at a time. Tests call it
 * directly with the clock they want.
 *
 * @example
 * const report = await runDueJobs(db, new Date('2026-12-01T09:00:00+08:00'))
 * report.ran // ['case.deadline_reminders@2026-12-01T01:00:00.000Z']
 */
export async function runDueJobs(db: Kysely<DB>, now: Date, options: { limit?: number; lockMs?: number } = {}): Promise<RunReport> {
  const limit = options.limit ?? 100
  const lockMs = options.lockMs ?? 5 * 60_000
  await scheduleRecurringJobs(db, now)
  const report: RunReport = { ran: [], failed: [] }
  for (let i = 0; i < limit; i++) {
    const job = await claimNext(db, now, lockMs)
    if (!job) break
    const reg = registry.get(job.type)
    try {
      if (!reg) throw new Error(`未注册的任务类型：${job.type}`)
      await reg.handler(db, job, now)
      await db.updateTable('job').set({ done_at: now, locked_until: null, last_error: null }).where('id', '=', job.id).execute()
      report.ran.push(job.id)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const maxAttempts = reg?.maxAttempts ?? 1
      const giveUp = job.attempts >= maxAttempts
      // Exponential backoff: 1, 2, 4, 8 … minutes after the failed attempt.
      const retryAt = new Date(now.getTime() + 60_000 * 2 ** (job.attempts - 1))
      await db
        .updateTable('job')
        .set({ last_error: message.slice(0, 2000), locked_until: null, ...(giveUp ? { done_at: now } : { run_at: retryAt }) })
        .where('id', '=', job.id)
        .execute()
      report.failed.push({ id: job.id, error: message })
    }
  }
  return report
}

async function claimNext(db: Kysely<DB>, now: Date, lockMs: number): Promise<Job | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('job')
      .select(['id', 'type', 'payload', 'attempts'])
      .where('done_at', 'is', null)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!row) return null
    await trx
      .updateTable('job')
      .set({ locked_until: new Date(now.getTime() + lockMs), attempts: sql<number>`attempts + 1` })
      .where('id', '=', row.id)
      .execute()
    return { id: row.id, type: row.type, payload: row.payload, attempts: row.attempts + 1 }
  })
}

type Logger = { error(obj: unknown, msg?: string): void }

export type JobLoop = { runOnce(): Promise<RunReport>; stop(): Promise<void> }

/**
 * Runs due jobs every `everyMs` (default 30 s) until stopped; `stop` waits for the round in progress.
 *
 * @example
 * const jobs = startJobLoop(database.db, app.log)
 * // … on shutdown:
 * await jobs.stop()
 */
export function startJobLoop(db: Kysely<DB>, log: Logger, options: { everyMs?: number; now?: () => Date } = {}): JobLoop {
  const everyMs = options.everyMs ?? 30_000
  const now = options.now ?? (() => new Date())
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<RunReport> = Promise.resolve({ ran: [], failed: [] })
  const runOnce = () => {
    round = round
      .catch(() => ({ ran: [], failed: [] }))
      .then(() => runDueJobs(db, now()))
      .then((report) => {
        for (const f of report.failed) log.error({ job: f.id, error: f.error }, '后台任务失败')
        return report
      })
    round.catch((error: unknown) => log.error({ err: error }, '后台任务运行失败'))
    return round
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      void runOnce()
        .catch(() => undefined)
        .then(schedule)
    }, everyMs)
  }
  schedule()
  return {
    runOnce,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await round.catch(() => undefined)
    },
  }
}
