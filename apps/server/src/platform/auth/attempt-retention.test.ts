import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { runDueJobs } from '../jobs/job-runner'
import { ATTEMPT_LOG_RETENTION_DAYS, PRUNE_ATTEMPT_LOGS_JOB } from './attempt-retention.jobs'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const DAY_MS = 24 * 3_600_000

describe('attempt logs are kept 180 days (网络安全法 第二十一条: network logs ≥ 6 months), then removed by the daily job', () => {
  it('deletes login and case-lookup attempts older than 180 days and keeps the younger ones', async () => {
    const now = t.clock.now
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS)
    const ip = '203.0.113.180'
    expect(ATTEMPT_LOG_RETENTION_DAYS).toBe(180)
    await t.db
      .insertInto('login_attempt')
      .values([
        { username: 'retention_old', ip, succeeded: false, at: daysAgo(181) },
        { username: 'retention_edge', ip, succeeded: true, at: daysAgo(179) },
        { username: 'retention_new', ip, succeeded: false, at: daysAgo(1) },
      ])
      .execute()
    await t.db
      .insertInto('case_lookup_attempt')
      .values([
        { ip, succeeded: false, at: daysAgo(200) },
        { ip, succeeded: true, at: daysAgo(30) },
      ])
      .execute()

    const report = await runDueJobs(t.db, now)
    expect(report.ran.some((id) => id.startsWith(`${PRUNE_ATTEMPT_LOGS_JOB}@`))).toBe(true)
    expect(report.failed).toEqual([])

    const logins = await t.db.selectFrom('login_attempt').select('username').where('ip', '=', ip).orderBy('username').execute()
    expect(logins.map((l) => l.username)).toEqual(['retention_edge', 'retention_new'])
    const lookups = await t.db.selectFrom('case_lookup_attempt').select('at').where('ip', '=', ip).execute()
    expect(lookups.map((l) => l.at.toISOString())).toEqual([daysAgo(30).toISOString()])
  })
})

describe('sessions past their absolute end are removed by the same daily job', () => {
  it('deletes expired sessions and keeps the live ones', async () => {
    // A day on from the first test's run, so the daily job is due again.
    const now = new Date(t.clock.now.getTime() + DAY_MS)
    const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'zjj_officer').executeTakeFirstOrThrow()
    const session = (tokenHash: string, expiresAt: Date) => ({ token_hash: tokenHash, user_id: user.id, created_at: new Date(expiresAt.getTime() - 12 * 3_600_000), last_seen_at: new Date(expiresAt.getTime() - 12 * 3_600_000), expires_at: expiresAt, ip: '203.0.113.181', user_agent: null })
    const expired = 'a'.repeat(64)
    const live = 'b'.repeat(64)
    await t.db
      .insertInto('user_session')
      .values([session(expired, new Date(now.getTime() - 60_000)), session(live, new Date(now.getTime() + 3_600_000))])
      .execute()

    const report = await runDueJobs(t.db, now)
    expect(report.ran.some((id) => id.startsWith(`${PRUNE_ATTEMPT_LOGS_JOB}@`))).toBe(true)
    expect(report.failed).toEqual([])

    const left = await t.db.selectFrom('user_session').select('token_hash').where('token_hash', 'in', [expired, live]).execute()
    expect(left.map((r) => r.token_hash)).toEqual([live])
  })
})
