import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { act, at, caseFixture, inquiry, ok, registerCase, userClient } from '../cases/cases.test-factory'

let t: TestApp
let zjjId: string

beforeAll(async () => {
  t = await createTestApp()
  zjjId = (await t.db.selectFrom('org').select('id').where('code', '=', 'LF-ZJJ').executeTakeFirstOrThrow()).id
})
afterAll(() => t.close())

type Dashboard = {
  today: string
  rectification: { open: number; awaitingAcceptance: number; buckets: Array<{ key: string; count: number }>; overdue: Array<{ id: string; link: string; daysOverdue: number; orgName: string }> }
  review: { byUnit: Array<{ orgName: string; graded: number; excellent: number; pass: number; fail: number; passRate: number | null; failRate: number | null }>; byBatch: Array<{ batchId: string; graded: number; fail: number; link: string }> }
  complaints: { open: number; overdue: Array<{ id: string }>; byCategory: Array<{ category: string; count: number }>; link: string }
  warnings: {
    outsideBenchmark: Array<{ caseId: string; link: string }>
    deadlinesAtRisk: { horizon: string; items: Array<{ caseId: string; kind: string; dueOn: string; missed: boolean; link: string }> }
    publicationOverdue: Array<{ caseId: string }>
    overInspection: { overUnitCap: unknown[]; overAllCap: unknown[] }
  }
  counts: { casesDecided: { count: number }; inspections: { count: number }; caseDocumentsIssued: { count: number }; supervisionDocuments: Array<{ typeCode: string; count: number }> }
}

const dashboard = async (username: string, year = 2026) => ok(await userClient(t, username).get(`/api/dashboard/supervision?year=${year}`)) as Dashboard

async function issueOpinion(problem: string) {
  const res = await userClient(t, 'sfj').post('/api/supervision/documents', {
    typeCode: 'opinion',
    subject: '日常监督发现的问题',
    source: { kind: 'daily_supervision' },
    recipientOrgIds: [zjjId],
    findings: [{ problem, legalBasis: '《中华人民共和国行政处罚法》第五十九条', measure: '补正文书' }],
    issueNow: true,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { document: { id: string }; tasks: Array<{ id: string; dueOn: string }> }
}

describe('GET /api/dashboard/supervision', () => {
  it('is for supervisors and admins only: a unit head, an officer and the enterprise get 403', async () => {
    for (const user of ['zjj_head', 'zjj_officer', 'qiye']) {
      expect((await userClient(t, user).get('/api/dashboard/supervision?year=2026')).statusCode, user).toBe(403)
    }
    expect((await t.anonymous.get('/api/dashboard/supervision?year=2026')).statusCode).toBe(401)
    expect((await userClient(t, 'sfj').get('/api/dashboard/supervision?year=abc')).statusCode).toBe(400)
  })

  it('counts a new rectification task as open, lists it as overdue after its day with the link to its page, and drops it once accepted', async () => {
    at(t, '2026-11-20')
    const before = await dashboard('sfj')
    const mdBefore = await dashboard('md_sfj')
    const issued = await issueOpinion('处罚决定书未载明履行方式')
    const taskId = issued.tasks[0].id
    const afterIssue = await dashboard('sfj')
    expect(afterIssue.rectification.open).toBe(before.rectification.open + 1)
    expect(afterIssue.rectification.buckets.find((b) => b.key === 'd0_7')!.count).toBe(before.rectification.buckets.find((b) => b.key === 'd0_7')!.count + 1)
    expect(afterIssue.rectification.overdue.some((o) => o.id === taskId)).toBe(false)
    // 牟定县's supervisor does not see 禄丰市's tasks.
    expect((await dashboard('md_sfj')).rectification.open).toBe(mdBefore.rectification.open)

    // Past its due day the task is overdue, and the age moves to the next bucket.
    const due = issued.tasks[0].dueOn
    at(t, '2026-12-28')
    expect(due < '2026-12-28').toBe(true)
    const late = await dashboard('sfj')
    const row = late.rectification.overdue.find((o) => o.id === taskId)
    expect(row).toMatchObject({ link: `/supervision/tasks/${taskId}`, orgName: '禄丰市住房和城乡建设局' })
    expect(row!.daysOverdue).toBeGreaterThan(0)
    expect(late.rectification.buckets.find((b) => b.key === 'd31')!.count).toBeGreaterThanOrEqual(1)
    expect((await dashboard('md_sfj')).rectification.overdue.some((o) => o.id === taskId)).toBe(false)

    // The unit answers: still open (awaiting acceptance) but no longer overdue; accepted: gone.
    ok(await userClient(t, 'zjj_head').post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已补正并组织学习' }))
    const responded = await dashboard('sfj')
    expect(responded.rectification.open).toBe(late.rectification.open)
    expect(responded.rectification.awaitingAcceptance).toBe(late.rectification.awaitingAcceptance + 1)
    expect(responded.rectification.overdue.some((o) => o.id === taskId)).toBe(false)
    ok(await userClient(t, 'sfj').post(`/api/supervision/tasks/${taskId}/accept`, { note: '整改到位' }))
    const closed = await dashboard('sfj')
    expect(closed.rectification.open).toBe(late.rectification.open - 1)
    expect(closed.counts.supervisionDocuments.find((s) => s.typeCode === 'opinion')!.count).toBe((before.counts.supervisionDocuments.find((s) => s.typeCode === 'opinion')?.count ?? 0) + 1)
  })

  it('warns of a case deadline within the reminder window and marks it missed after its day', async () => {
    at(t, '2026-11-20')
    const f = await caseFixture(t)
    const registered = await registerCase(t, userClient(t, 'zjj_officer'), f)
    const filing = registered.deadlines.find((d) => d.kind === 'filing')!
    const caseId = registered.case.id
    const now = await dashboard('sfj')
    expect(now.warnings.deadlinesAtRisk.items.some((d) => d.caseId === caseId)).toBe(filing.dueOn <= now.warnings.deadlinesAtRisk.horizon)

    at(t, filing.dueOn)
    const near = await dashboard('sfj')
    expect(near.warnings.deadlinesAtRisk.items.find((d) => d.caseId === caseId && d.kind === 'filing')).toMatchObject({ missed: false, link: `/cases/${caseId}` })

    const dayAfter = new Date(`${filing.dueOn}T10:00:00+08:00`)
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1)
    t.clock.now = dayAfter
    const late = await dashboard('sfj')
    expect(late.warnings.deadlinesAtRisk.items.find((d) => d.caseId === caseId && d.kind === 'filing')).toMatchObject({ missed: true })
    expect((await dashboard('md_sfj')).warnings.deadlinesAtRisk.items.some((d) => d.caseId === caseId)).toBe(false)
  })

  it('leaves out the deadlines of a suspended case: they stand still until it resumes', async () => {
    at(t, '2026-11-20')
    const f = await caseFixture(t)
    const officer = userClient(t, 'zjj_officer')
    const head = userClient(t, 'zjj_head')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    const suspended = await act(t, head, id, 'suspend', { reason: '等待鉴定结论' })
    const decisionDue = (suspended.deadlines as Array<{ kind: string; status: string; dueOn: string }>).find((d) => d.kind === 'decision' && d.status === 'open')!.dueOn
    // Past the 90 days, still suspended: no warning for it.
    at(t, '2027-03-01')
    expect(decisionDue < '2027-03-01').toBe(true)
    expect((await dashboard('sfj', 2027)).warnings.deadlinesAtRisk.items.some((d) => d.caseId === id)).toBe(false)
  })

  it('gives review rates that add up to the graded files of the year, and the decided cases and outside-benchmark decisions of the unit', async () => {
    at(t, '2026-11-20')
    const d = await dashboard('sfj', 2025)
    const graded = d.review.byUnit.reduce((s, u) => s + u.graded, 0)
    expect(graded).toBeGreaterThan(0)
    expect(d.review.byBatch.reduce((s, b) => s + b.graded, 0)).toBe(graded)
    for (const u of d.review.byUnit) {
      expect(u.excellent + u.pass + u.fail).toBe(u.graded)
      expect(u.passRate).toBeCloseTo(Math.round(((u.excellent + u.pass) / u.graded) * 1000) / 10, 5)
    }
    for (const b of d.review.byBatch) expect(b.link).toBe(`/review/batches/${b.batchId}`)
    const graded2025 = await t.db
      .selectFrom('review_file as f')
      .innerJoin('review_batch as b', 'b.id', 'f.batch_id')
      .where('f.grade', 'is not', null)
      .where('b.closed_to', '>=', '2025-01-01')
      .where('b.closed_to', '<=', '2025-12-31')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    // sfj's jurisdiction is 禄丰市; every graded file of 2025 in the demo is a 禄丰市 unit's.
    expect(graded).toBe(Number(graded2025.n))

    // Outside the benchmark: flag a decided case of 住建局 and see it (and only in its county).
    const decided = await t.db.selectFrom('penalty_case').select(['id', 'decided_on']).where('org_id', '=', zjjId).where('decided_on', '>=', '2025-01-01').where('decided_on', '<=', '2025-12-31').where('outside_benchmark', '=', false).executeTakeFirstOrThrow()
    const beforeFlag = d.warnings.outsideBenchmark.length
    await t.db.updateTable('penalty_case').set({ outside_benchmark: true }).where('id', '=', decided.id).execute()
    const flagged = await dashboard('sfj', 2025)
    expect(flagged.warnings.outsideBenchmark.length).toBe(beforeFlag + 1)
    expect(flagged.warnings.outsideBenchmark.find((c) => c.caseId === decided.id)!.link).toBe(`/cases/${decided.id}`)
    expect((await dashboard('md_sfj', 2025)).warnings.outsideBenchmark.some((c) => c.caseId === decided.id)).toBe(false)
    const casesDecided = await t.db.selectFrom('penalty_case').select((eb) => eb.fn.countAll<number>().as('n')).where('decided_on', '>=', '2025-01-01').where('decided_on', '<=', '2025-12-31').executeTakeFirstOrThrow()
    expect(flagged.counts.casesDecided.count).toBe(Number(casesDecided.n))
    expect((await dashboard('admin', 2025)).counts.casesDecided.count).toBe(Number(casesDecided.n))
  })

  it('counts a complaint about 住建局 as open, by category, and overdue once its answer is late; closed by the answer', async () => {
    at(t, '2026-11-20')
    const before = await dashboard('sfj')
    const mdBefore = await dashboard('md_sfj')
    const filed = await t.app.inject({ method: 'POST', url: '/api/public/complaints', remoteAddress: '10.77.0.1', payload: { category: 'arbitrary_fine', orgId: zjjId, content: '住建局对同一违法行为两次罚款，未说明理由。', anonymous: true } })
    expect(filed.statusCode, filed.body).toBe(201)
    const id = (await t.db.selectFrom('complaint').select('id').where('complaint_no', '=', (filed.json() as { complaintNo: string }).complaintNo).executeTakeFirstOrThrow()).id
    const received = await dashboard('sfj')
    expect(received.complaints.open).toBe(before.complaints.open + 1)
    const cat = (d: Dashboard) => d.complaints.byCategory.find((c) => c.category === 'arbitrary_fine')?.count ?? 0
    expect(cat(received)).toBe(cat(before) + 1)
    expect(received.complaints.link).toBe('/social/complaints')
    expect((await dashboard('md_sfj')).complaints.open).toBe(mdBefore.complaints.open)

    const sfj = userClient(t, 'sfj')
    ok(await sfj.post(`/api/complaints/${id}/triage`, { decision: 'accept' }))
    const assigned = ok(await sfj.post(`/api/complaints/${id}/assign`, { handlerKind: 'unit', orgId: zjjId })) as { complaint: { answerDueOn: string } }
    expect((await dashboard('sfj')).complaints.overdue.some((c) => c.id === id)).toBe(false)
    const late = new Date(`${assigned.complaint.answerDueOn}T10:00:00+08:00`)
    late.setUTCDate(late.getUTCDate() + 1)
    t.clock.now = late
    const overdue = await dashboard('sfj')
    expect(overdue.complaints.overdue.some((c) => c.id === id)).toBe(true)
    expect((await dashboard('md_sfj')).complaints.overdue.some((c) => c.id === id)).toBe(false)
  })
})
