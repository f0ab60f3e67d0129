import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { registerJob, runDueJobs, slotId } from '../../platform/jobs/job-runner'
import { act, at, caseFixture, decision, guardsOf, inquiry, ok, proposal, registerCase, userClient, type CaseFixture } from './cases.test-factory'

let t: TestApp
let f: CaseFixture
let officer: Client
let officer2: Client
let head: Client

beforeAll(async () => {
  t = await createTestApp()
  f = await caseFixture(t)
  officer = userClient(t, 'zjj_officer')
  officer2 = userClient(t, 'zjj_officer2')
  head = userClient(t, 'zjj_head')
})
afterAll(async () => {
  await t.close()
})

const todos = async (client: Client) => ok(await client.get('/api/todos')).items as Array<{ kind: string; section: string; title: string; link: string; urgent: boolean }>

describe('deadline reminders (job case.deadline_reminders) and the 待办', () => {
  it('flags deadlines due within the reminder days for the case’s officers and head, then marks them missed', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f, { title: '提醒测试案' })).case.id
    // Filing due 12-11 (15 working days). Nothing to remind yet.
    await runDueJobs(t.db, t.clock.now)
    expect((await todos(officer)).filter((i) => i.link === `/cases/${id}`)).toEqual([])
    // 12-08: 12-09, 12-10, 12-11 are the last 3 working days → reminded.
    at(t, '2026-12-08')
    const report = await runDueJobs(t.db, t.clock.now)
    expect(report.ran).toContain(slotId('case.deadline_reminders', 3_600_000, t.clock.now).id)
    const near = (await todos(officer)).filter((i) => i.link === `/cases/${id}`)
    expect(near).toMatchObject([{ kind: 'case.deadline_near', section: 'cases', urgent: false }])
    expect(near[0].title).toContain('立案期限即将届满（2026-12-11）')
    expect((await todos(head)).some((i) => i.link === `/cases/${id}` && i.kind === 'case.deadline_near')).toBe(true)
    // An officer not on the case does not get it.
    expect((await todos(userClient(t, 'zjj_legal'))).some((i) => i.link === `/cases/${id}`)).toBe(false)
    // The same slot runs once.
    expect((await runDueJobs(t.db, t.clock.now)).ran).toEqual([])
    at(t, '2026-12-14')
    await runDueJobs(t.db, t.clock.now)
    const row = await t.db.selectFrom('case_deadline').select(['status']).where('case_id', '=', id).where('kind', '=', 'filing').executeTakeFirstOrThrow()
    expect(row.status).toBe('missed')
    expect((await todos(officer2)).filter((i) => i.link === `/cases/${id}`)).toMatchObject([{ kind: 'case.deadline_missed', urgent: true }])
    // The detail shows it overdue with negative days.
    const detail = ok(await officer.get(`/api/cases/${id}`))
    expect(detail.deadlines[0]).toMatchObject({ kind: 'filing', status: 'missed', daysLeft: -3, state: 'overdue' })
  })

  it('puts filing approvals on the head’s and legal reviews on the reviewer’s list', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f, { title: '待办审批案' })).case.id
    await act(t, officer, id, 'submit_filing')
    expect((await todos(head)).find((i) => i.link === `/cases/${id}`)).toMatchObject({ kind: 'case.filing_approval', section: 'cases' })
  })

  it('retries a failing job with backoff and gives up after its attempts', async () => {
    let calls = 0
    registerJob('test.flaky', async () => {
      calls++
      throw new Error('boom')
    }, { maxAttempts: 2 })
    const now = new Date('2026-11-20T10:00:00+08:00')
    await t.db.insertInto('job').values({ id: 'test.flaky@1', type: 'test.flaky', payload: '{}', run_at: now }).execute()
    expect((await runDueJobs(t.db, now)).failed.map((x) => x.id)).toEqual(['test.flaky@1'])
    // Not due again before its backoff (1 minute).
    await runDueJobs(t.db, new Date(now.getTime() + 30_000))
    expect(calls).toBe(1)
    await runDueJobs(t.db, new Date(now.getTime() + 61_000))
    expect(calls).toBe(2)
    const row = await t.db.selectFrom('job').selectAll().where('id', '=', 'test.flaky@1').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ attempts: 2, last_error: 'boom' })
    expect(row.done_at).not.toBeNull()
    await runDueJobs(t.db, new Date(now.getTime() + 3_600_000))
    expect(calls).toBe(2)
  })
})

describe('deadline extension (延长)', () => {
  it('needs the head and a reason, supersedes the old row and is audited', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    expect((await officer.post(`/api/cases/${id}/actions/extend_deadline`, { reason: '案情复杂', extension: { kind: 'decision', days: 30 } })).statusCode).toBe(403)
    const res = await act(t, head, id, 'extend_deadline', { reason: '案情复杂，经负责人批准延长', extension: { kind: 'decision', days: 30 } })
    const rows = res.deadlines.filter((d: { kind: string }) => d.kind === 'decision')
    expect(rows.map((d: { status: string; dueOn: string }) => [d.status, d.dueOn])).toEqual([
      ['superseded', '2027-02-18'],
      ['open', '2027-03-22'],
    ])
    expect(rows[1]).toMatchObject({ reason: '案情复杂，经负责人批准延长', provisional: true })
    const audit = await t.db.selectFrom('audit_log').select(['summary']).where('entity_id', '=', id).where('action', '=', 'case.extend_deadline').executeTakeFirstOrThrow()
    expect(audit.summary).toContain('由 2027-02-18 延至 2027-03-22')
    const none = await act(t, head, id, 'extend_deadline', { reason: '当事人申请延期', extension: { kind: 'payment', days: 5 } }, 409)
    expect(none.message).toContain('缴纳罚款期限')
  })
})

describe('裁量基准 (benchmarks)', () => {
  it('needs a written reason for a fine outside the range, and flags the decision for supervisors', async () => {
    const benchmark = await t.db
      .insertInto('discretion_benchmark')
      .values({
        power_item_id: f.heldItemId,
        region_code: '532331',
        code: 'TEST-BM-01',
        violation: '测试违法行为',
        violation_basis: JSON.stringify([{ law: '测试条例', article: '第一条' }]),
        penalty_basis: JSON.stringify([{ law: '测试条例', article: '第二条' }]),
        statutory: JSON.stringify({ kinds: ['fine'], fineMinFen: 1_000_000, fineMaxFen: 10_000_000 }),
        tiers: JSON.stringify([
          { tier: 'lenient', conditions: ['主动改正'], kinds: ['fine'], fineMinFen: 1_000_000, fineMaxFen: 3_000_000 },
          { tier: 'ordinary', conditions: [], kinds: ['fine'], fineMinFen: 3_000_000, fineMaxFen: 6_000_000 },
        ]),
        status: 'published',
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(2_000_000, { benchmarkId: benchmark.id, tier: 'ordinary' }) })
    const refused = await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } }, 422)
    expect(guardsOf(refused)).toEqual(['within_benchmark_or_reasoned'])
    expect(refused.message).toContain('低于裁量基准 TEST-BM-01')
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' }, proposal: proposal(2_000_000, { benchmarkId: benchmark.id, tier: 'ordinary', reason: '当事人系残疾人，经营规模很小' }) })
    at(t, '2026-11-30')
    await act(t, officer, id, 'conclude_statements')
    const noReason = await act(t, head, id, 'decide', { decision: decision(2_000_000, { benchmarkId: benchmark.id, tier: 'ordinary' }) }, 422)
    expect(guardsOf(noReason)).toEqual(['within_benchmark_or_reasoned'])
    const decided = await act(t, head, id, 'decide', { decision: decision(2_000_000, { benchmarkId: benchmark.id, tier: 'ordinary', reason: '当事人系残疾人，经营规模很小' }) })
    expect(decided.case).toMatchObject({ outsideBenchmark: true, decision: { outsideBenchmark: true } })
    expect(decided.benchmarkCheck).toMatchObject({ code: 'TEST-BM-01', within: false, rangeMinFen: 3_000_000, rangeMaxFen: 6_000_000 })
    const flagged = ok(await userClient(t, 'sfj').get('/api/cases?outsideBenchmark=true'))
    expect(flagged.items.map((i: { id: string }) => i.id)).toContain(id)
    expect((await todos(userClient(t, 'sfj'))).some((i) => i.kind === 'case.outside_benchmark' && i.link === `/cases/${id}`)).toBe(true)
  })
})

describe('a case from an inspection', () => {
  it('takes the party, date, facts and officers from an inspection whose result was 移送立案', async () => {
    const inspection = await t.db
      .selectFrom('inspection')
      .select(['id', 'org_id', 'enterprise_id', 'inspection_date', 'findings'])
      .where('result', '=', 'transfer')
      .where('status', '=', 'completed')
      .where('org_id', '=', f.zjjId)
      .executeTakeFirst()
    const source =
      inspection ??
      (await t.db
        .updateTable('inspection')
        .set({ result: 'transfer', status: 'completed', inspection_date: '2026-11-18', findings: '现场发现未取得许可经营燃气', officer_ids: [f.person.officer, f.person.officer2] })
        .where('id', '=', (await t.db.selectFrom('inspection').select('id').where('org_id', '=', f.zjjId).executeTakeFirstOrThrow()).id)
        .returning(['id', 'org_id', 'enterprise_id', 'inspection_date', 'findings'])
        .executeTakeFirstOrThrow())
    at(t, '2026-11-20')
    const res = ok(await officer.post('/api/cases', { source: 'inspection', inspectionId: source.id, powerItemId: f.heldItemId, title: '检查移送案', harmToSafety: false }), 201)
    const enterprise = await t.db.selectFrom('enterprise').select(['name', 'credit_code']).where('id', '=', source.enterprise_id).executeTakeFirstOrThrow()
    expect(res.case).toMatchObject({ source: 'inspection', inspectionId: source.id, enterpriseId: source.enterprise_id, actDate: source.inspection_date, facts: source.findings, party: { kind: 'organization', name: enterprise.name, creditCode: enterprise.credit_code } })
    expect(res.officers.length).toBeGreaterThanOrEqual(1)
  })
})
