import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { registerJob, runDueJobs, slotId } from '../../platform/jobs/job-runner'
import { autoChecks } from '../review/review.service'
import { meetDeadlines } from './case-deadlines.service'
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

/** The decision period met as `decide` meets it (the full decision flow is tested in cases.test.ts). */
const meetDeadlinesOf = (caseId: string, onDate: string) => meetDeadlines(t.db, caseId, ['decision'], onDate)

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

type DeadlineRow = { kind: string; status: string; dueOn: string; originalDueOn: string; lawfulDueOn: string; outcome: string | null; extension: { ground: string; days: number | null; fromDueOn: string; lawful: boolean; discussion: unknown } | null; extendable: { maxDays: number | null; needsDiscussion: boolean } | null }
const rowsOf = (res: { deadlines: DeadlineRow[] }, kind: string) => res.deadlines.filter((d) => d.kind === kind)
const ruleOf = (body: { details?: { rule?: string } }) => body.details?.rule
const discussion = { heldOn: '2027-03-10', attendees: ['张局长', '李副局长', '王副局长'], conclusion: '案情特别复杂，同意继续延长三十日' }

/** A case filed (立案) on 2026-11-20: its 90 days end on 2027-02-18. */
async function filedCase(title = '延长测试案'): Promise<string> {
  at(t, '2026-11-20')
  const id = (await registerCase(t, officer, f, { title })).case.id
  await act(t, officer, id, 'submit_filing')
  await act(t, head, id, 'approve_filing')
  return id
}

describe('deadline extension (延长) — only what the rules allow, only before the due date', () => {
  it('art. 60: the head extends the 90 days once, by at most 30 days; the original due date stays', async () => {
    const id = await filedCase()
    expect((await officer.post(`/api/cases/${id}/actions/extend_deadline`, { reason: '案情复杂', extension: { kind: 'decision', days: 30 } })).statusCode).toBe(403)
    const tooLong = await act(t, head, id, 'extend_deadline', { reason: '案情复杂', extension: { kind: 'decision', days: 31 } }, 422)
    expect(ruleOf(tooLong)).toBe('extension_too_long')
    expect(tooLong.message).toContain('最多延长 30日')
    at(t, '2027-02-10')
    const res = await act(t, head, id, 'extend_deadline', { reason: '案情复杂，经负责人批准延长', extension: { kind: 'decision', days: 30 } })
    const rows = rowsOf(res, 'decision')
    expect(rows.map((d) => [d.status, d.dueOn, d.originalDueOn])).toEqual([
      ['superseded', '2027-02-18', '2027-02-18'],
      ['open', '2027-03-22', '2027-02-18'],
    ])
    // 02-18 + 30 = 03-20, a Saturday: the period ends on Monday 03-22 (民法典 第二百零三条).
    expect(rows[1]).toMatchObject({ lawfulDueOn: '2027-03-22', outcome: 'running', extension: { ground: 'head_approval', days: 30, fromDueOn: '2027-02-18', lawful: true }, extendable: { needsDiscussion: true } })
    const stored = await t.db.selectFrom('case_deadline').select(['extended_on', 'extended_by', 'reason']).where('case_id', '=', id).where('status', '=', 'open').where('kind', '=', 'decision').executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ extended_on: '2027-02-10', reason: '案情复杂，经负责人批准延长' })
    expect(stored.extended_by).not.toBeNull()
    const audit = await t.db.selectFrom('audit_log').select(['summary']).where('entity_id', '=', id).where('action', '=', 'case.extend_deadline').executeTakeFirstOrThrow()
    expect(audit.summary).toContain('经负责人批准由 2027-02-18 延至 2027-03-22')
    // The original statutory due date is written once.
    await expect(t.db.updateTable('case_deadline').set({ original_due_on: '2027-03-20' } as never).where('case_id', '=', id).execute()).rejects.toThrow()
  })

  it('art. 60: a second extension only on a 集体讨论 record, which is kept', async () => {
    const id = await filedCase()
    at(t, '2027-02-10')
    await act(t, head, id, 'extend_deadline', { reason: '案情复杂', extension: { kind: 'decision', days: 30 } })
    at(t, '2027-03-12')
    const noRecord = await act(t, head, id, 'extend_deadline', { reason: '仍需鉴定', extension: { kind: 'decision', days: 30 } }, 422)
    expect(ruleOf(noRecord)).toBe('extension_needs_collective_discussion')
    const res = await act(t, head, id, 'extend_deadline', { reason: '仍需鉴定', extension: { kind: 'decision', days: 30, discussion } })
    const open = rowsOf(res, 'decision').find((d) => d.status === 'open')!
    expect(open).toMatchObject({ dueOn: '2027-04-21', originalDueOn: '2027-02-18', extension: { ground: 'collective_discussion', fromDueOn: '2027-03-22', discussion } })
  })

  it('art. 60: refused after the due date, even back-dated — the missed period stays missed', async () => {
    const id = await filedCase()
    at(t, '2027-02-19')
    const late = await act(t, head, id, 'extend_deadline', { onDate: '2027-02-18', reason: '补办延长手续', extension: { kind: 'decision', days: 30 } }, 422)
    expect(ruleOf(late)).toBe('deadline_already_missed')
    expect(late.message).toContain('2027-02-18 届满')
    await runDueJobs(t.db, t.clock.now)
    const again = await act(t, head, id, 'extend_deadline', { reason: '补办延长手续', extension: { kind: 'decision', days: 30 } }, 422)
    expect(ruleOf(again)).toBe('deadline_already_missed')
    const detail = ok(await officer.get(`/api/cases/${id}`))
    expect(rowsOf(detail, 'decision')).toMatchObject([{ status: 'missed', dueOn: '2027-02-18', outcome: 'missed', extendable: null }])
  })

  it('art. 61, art. 66 and 行政强制法 art. 53: delivery, payment and the court application are never extended', async () => {
    const id = await filedCase()
    const delivery = await act(t, head, id, 'extend_deadline', { reason: '当事人外出', extension: { kind: 'delivery', days: 5 } }, 422)
    expect(ruleOf(delivery)).toBe('deadline_not_extendable')
    expect(delivery.message).toContain('第六十一条')
    const payment = await act(t, head, id, 'extend_deadline', { reason: '当事人申请延期', extension: { kind: 'payment', days: 5 } }, 422)
    expect(ruleOf(payment)).toBe('payment_not_extendable')
    expect(payment.message).toContain('第六十六条')
    const court = await act(t, head, id, 'extend_deadline', { reason: '材料未齐', extension: { kind: 'court_application', days: 30 } }, 422)
    expect(ruleOf(court)).toBe('deadline_not_extendable')
    expect(court.message).toContain('行政强制法')
  })

  it('follows the region’s rule set: 立案期限 extendable in 禄丰市 once configured, a statutory period cannot be listed', async () => {
    const sfj = userClient(t, 'sfj')
    const rules = ok(await sfj.get('/api/penalty-rules/532331'))
    expect(rules.deadlineExtensions).toEqual({ decision: { headApprovalMaxDays: 30, collectiveDiscussion: true, collectiveDiscussionMaxDays: null } })
    const { regionCode: _r, sourceRegionCode: _s, sourceRegionName: _n, updatedAt: _u, ...body } = rules
    expect((await sfj.put('/api/penalty-rules/532331', { ...body, deadlineExtensions: { delivery: { headApprovalMaxDays: 5, collectiveDiscussion: false, collectiveDiscussionMaxDays: null } } })).statusCode).toBe(400)
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f, { title: '立案延长案' })).case.id
    expect(ruleOf(await act(t, head, id, 'extend_deadline', { reason: '线索复杂', extension: { kind: 'filing', days: 10 } }, 422))).toBe('deadline_not_extendable')
    const county = { ...body, deadlineExtensions: { ...body.deadlineExtensions, filing: { headApprovalMaxDays: 15, collectiveDiscussion: false, collectiveDiscussionMaxDays: null } } }
    ok(await sfj.put('/api/penalty-rules/532331', county))
    try {
      const res = await act(t, head, id, 'extend_deadline', { reason: '线索复杂，需进一步核查', extension: { kind: 'filing', days: 10 } })
      expect(rowsOf(res, 'filing').find((d) => d.status === 'open')).toMatchObject({ extension: { ground: 'head_approval', days: 10 }, extendable: null })
      expect(ruleOf(await act(t, head, id, 'extend_deadline', { reason: '再次延长', extension: { kind: 'filing', days: 5, discussion: { ...discussion, heldOn: '2026-11-20' } } }, 422))).toBe('extension_limit_reached')
    } finally {
      ok(await sfj.put('/api/penalty-rules/532331', body))
    }
  })

  it('art. 60: an extension recorded after the miss (before this rule) does not hide it from the review pre-checks or the dashboard', async () => {
    const id = await filedCase('补录延长案')
    // As the old "extend" allowed: on 2027-02-25, a week after the 90 days ran out, 30 more days.
    const old = await t.db.selectFrom('case_deadline').select(['id']).where('case_id', '=', id).where('kind', '=', 'decision').where('status', '=', 'open').executeTakeFirstOrThrow()
    const { id: newId } = await t.db
      .insertInto('case_deadline')
      .values({ case_id: id, kind: 'decision', starts_on: '2026-11-20', days: 120, unit: 'natural_days', basis: '《行政处罚法》第六十条', due_on: '2027-03-20', original_due_on: '2027-02-18', extension_ground: 'legacy', extension_days: 30, extended_from_due_on: '2027-02-18', extended_on: '2027-02-25', reason: '补办延长' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db.updateTable('case_deadline').set({ status: 'superseded', superseded_by: newId }).where('id', '=', old.id).execute()
    at(t, '2027-03-01')
    const checks = await autoChecks(t.db, id, '2027-03-01')
    expect(checks.find((c) => c.code === 'decision_deadline_missed')?.evidence).toContain('决定期限至 2027-02-18（延至 2027-03-20 的延长记录于期限届满之后或不得延长，不计入）')
    const board = ok(await userClient(t, 'sfj').get('/api/dashboard/supervision?year=2027'))
    expect(board.warnings.deadlinesAtRisk.items.find((d: { caseId: string }) => d.caseId === id)).toMatchObject({ kind: 'decision', dueOn: '2027-02-18', originalDueOn: '2027-02-18', missed: true, daysLate: 11 })
    const detail = ok(await officer.get(`/api/cases/${id}`))
    expect(rowsOf(detail, 'decision').find((d) => d.status === 'open')).toMatchObject({ lawfulDueOn: '2027-02-18', outcome: 'missed', extension: { ground: 'legacy', lawful: false }, extendable: null })
  })

  it('art. 60: a decision taken after the lawful due date stays flagged after it is done', async () => {
    const id = await filedCase('逾期决定案')
    at(t, '2027-02-20')
    await runDueJobs(t.db, t.clock.now)
    const row = await t.db.selectFrom('case_deadline').select(['id', 'status']).where('case_id', '=', id).where('kind', '=', 'decision').orderBy('created_at', 'desc').executeTakeFirstOrThrow()
    expect(row.status).toBe('missed')
    await meetDeadlinesOf(id, '2027-02-20')
    const after = await t.db.selectFrom('case_deadline').select(['status', 'met_on']).where('id', '=', row.id).executeTakeFirstOrThrow()
    expect(after).toEqual({ status: 'missed', met_on: '2027-02-20' })
    const board = ok(await userClient(t, 'sfj').get('/api/dashboard/supervision?year=2027'))
    expect(board.warnings.deadlinesAtRisk.items.find((d: { caseId: string }) => d.caseId === id)).toMatchObject({ missed: true, metOn: '2027-02-20', daysLate: 2 })
    // The officer's 待办 no longer nags: the act is done.
    expect((await todos(officer)).some((i) => i.link === `/cases/${id}` && i.kind === 'case.deadline_missed')).toBe(false)
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
