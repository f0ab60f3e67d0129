import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { act, agreed, at, caseFixture, decision, guardsOf, inquiry, ok, proposal, registerCase, userClient, type CaseFixture } from './cases.test-factory'

/**
 * 法制审核 by a qualified reviewer outside the case's team, with a structured opinion (第五十八条); a
 * change of penalty kind after the notice is notified anew (第四十五条); a published decision changed
 * or annulled on 复议/诉讼 leaves the portal within three working days, with its reason (第四十八条第二款).
 */

let t: TestApp
let f: CaseFixture
let officer: Client
let head: Client
let legal: Client

beforeAll(async () => {
  t = await createTestApp()
  f = await caseFixture(t)
  officer = userClient(t, 'zjj_officer')
  head = userClient(t, 'zjj_head')
  legal = userClient(t, 'zjj_legal')
})
afterAll(async () => {
  await t.close()
})

/** A case notified on `date` with a 100,000-yuan fine (≥ the 50,000-yuan threshold: 法制审核 required), submitted for review ten days later. */
async function awaitingReview(date: string, body: Record<string, unknown> = {}) {
  at(t, date)
  const created = await registerCase(t, officer, f, body)
  const id = created.case.id
  await act(t, officer, id, 'submit_filing')
  await act(t, head, id, 'approve_filing')
  await act(t, officer, id, 'record_evidence', inquiry(f, date))
  await act(t, officer, id, 'finish_investigation', { proposal: proposal(10_000_000) })
  await act(t, officer, id, 'notify', { notice: { servedOn: date } })
  at(t, '2026-12-04')
  await act(t, officer, id, 'submit_legal_review')
  return id
}

const setQualification = (body: Record<string, unknown>) => head.patch(`/api/persons/${f.person.legal}`, body)

describe('法制审核人员 (art. 58)', () => {
  it('art. 58: the reviewer may not be one of the case’s officers', async () => {
    const id = await awaitingReview('2026-11-20', { officerIds: [f.person.officer2, f.person.legal] })
    const refused = await act(t, legal, id, 'pass_legal_review', { review: agreed('同意') }, 422)
    expect(guardsOf(refused)).toEqual(['legal_reviewer_role'])
    expect(refused.message).toContain('审核人员是本案的承办人员，不得审核本案')
  })

  it('art. 58 ¶2: a first-time reviewer without 法律职业资格 is refused; one reviewing before 2021-07-15 is not first-time', async () => {
    const before = ok(await head.get(`/api/persons/${f.person.legal}`)).person
    const id = await awaitingReview('2026-11-20')
    try {
      ok(await setQualification({ legalQualificationNo: null, legalQualificationOn: null, legalReviewSince: null }))
      const refused = await act(t, legal, id, 'pass_legal_review', { review: agreed('同意') }, 422)
      expect(guardsOf(refused)).toEqual(['legal_reviewer_role'])
      expect(refused.message).toContain('初次从事法制审核的人员应当取得法律职业资格')
      // The detail view says so before the reviewer tries.
      const offered = ok(await legal.get(`/api/cases/${id}`)).actions.find((a: { action: string }) => a.action === 'pass_legal_review')
      expect(offered.allowed).toBe(false)

      ok(await setQualification({ legalReviewSince: '2019-03-01' }))
      const passed = await act(t, legal, id, 'pass_legal_review', { review: agreed('同意') })
      expect(passed.case.legalReview).toMatchObject({ passed: true, conclusion: 'agree', qualification: '2019-03-01 起从事法制审核工作（第五十八条第二款施行前），非初次从事' })
    } finally {
      ok(await setQualification({ legalQualificationNo: before.legalQualificationNo, legalQualificationOn: before.legalQualificationOn, legalReviewSince: before.legalReviewSince }))
    }
  })

  it('art. 58 ¶2: the person list records 法律职业资格 with its number and date together', async () => {
    const res = await setQualification({ legalQualificationNo: 'A20195323310999', legalQualificationOn: null })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '法律职业资格须同时填写证书编号和取得日期' })
  })
})

describe('法制审核意见 (art. 58)', () => {
  it('art. 58: 同意 with a point at issue is refused and nothing is written; 建议修改 naming it returns the case', async () => {
    const id = await awaitingReview('2026-11-20')
    const problem = { ...agreed('证据需补强'), aspects: { ...agreed('').aspects, evidence: { verdict: 'problem', note: '违法所得仅有当事人陈述' } } }
    const refused = await act(t, legal, id, 'pass_legal_review', { review: problem }, 400)
    expect(refused.message).toContain('审核要点“证据”存在问题，审核结论不能为“同意”')
    const noNote = await act(t, legal, id, 'fail_legal_review', { reason: '证据不足', review: { ...problem, aspects: { ...problem.aspects, evidence: { verdict: 'problem' } }, conclusion: 'amend' } }, 400)
    expect(noNote.message).toContain('“证据”存在问题，须写明问题')
    const failed = await act(t, legal, id, 'fail_legal_review', { reason: '证据不足', review: { ...problem, conclusion: 'amend' } })
    expect(failed.case).toMatchObject({ status: 'under_review', legalReview: { passed: false, conclusion: 'amend', aspects: { evidence: { verdict: 'problem', note: '违法所得仅有当事人陈述' } } } })
  })
})

describe('处罚种类变更须重新告知 (art. 45)', () => {
  it('art. 45: a decision of another kind than notified (罚款 → 警告) is refused until a new notice, which runs its own statement period', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(300_000) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    at(t, '2026-12-01')
    await act(t, officer, id, 'conclude_statements')
    const warning = { outcome: 'penalty', kinds: ['warning'], fineFen: 0, confiscateFen: 0, acts: [{ description: '未按规定从事燃气经营活动', fineFen: 0 }] }
    const refused = await act(t, head, id, 'decide', { decision: warning }, 422)
    expect(guardsOf(refused)).toEqual(['not_heavier_than_notified'])
    expect(refused.message).toContain('处罚种类由“罚款”改为“警告”，与告知的不同，须重新告知当事人')

    const renotified = await act(t, officer, id, 'notify', { notice: { servedOn: '2026-12-01' }, proposal: warning })
    expect(renotified.case).toMatchObject({ status: 'notified', noticeServedOn: '2026-12-01' })
    const early = await act(t, officer, id, 'conclude_statements', {}, 422)
    expect(guardsOf(early)).toEqual(['statement_window_closed'])
    at(t, '2026-12-10')
    await act(t, officer, id, 'conclude_statements')
    const decided = await act(t, head, id, 'decide', { decision: warning })
    expect(decided.case.status).toBe('decided')
  })
})

describe('公示的撤回 (art. 48 ¶2)', () => {
  it('art. 48 ¶2, art. 85: a published decision changed on 复议 is withdrawn within three working days, and the portal gives the reason', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(300_000) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    at(t, '2026-12-01')
    await act(t, officer, id, 'conclude_statements')
    await act(t, head, id, 'decide', { decision: decision(300_000) })
    const published = ok(await head.post(`/api/cases/${id}/publication`, {}))
    expect(published.status).toBe('published')

    at(t, '2026-12-17')
    // The outcome names the organ and its document.
    const incomplete = await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2026-12-02', endedOn: '2026-12-17', outcome: 'changed' } }, 400)
    expect(incomplete.message).toContain('复议机关或人民法院及其文书编号')
    const recorded = await act(t, officer, id, 'record_remedy', {
      remedy: { kind: 'reconsideration', startedOn: '2026-12-02', endedOn: '2026-12-17', outcome: 'changed', organ: '禄丰市人民政府', documentNo: '禄政复决〔2026〕12号' },
    })
    expect(recorded.remedies).toEqual([expect.objectContaining({ outcome: 'changed', organ: '禄丰市人民政府', documentNo: '禄政复决〔2026〕12号' })])
    // 12-17 (Thu): 12-18 (Fri), 12-21 (Mon), 12-22 (Tue).
    expect(recorded.deadlines.find((d: { kind: string; status: string }) => d.kind === 'withdrawal' && d.status === 'open')).toMatchObject({ dueOn: '2026-12-22' })
    const owed = ok(await head.get(`/api/cases/${id}/publication`))
    expect(owed).toMatchObject({ status: 'published', withdrawDueOn: '2026-12-22', withdrawReason: '该处罚决定经禄丰市人民政府（禄政复决〔2026〕12号）变更' })

    at(t, '2026-12-18')
    const withdrawn = ok(await head.post(`/api/cases/${id}/publication/withdraw`, { note: owed.withdrawReason }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawDueOn: '2026-12-22' })
    const portal = ok(await t.app.inject({ method: 'GET', url: '/api/public/decision-withdrawals' }))
    expect(portal.items[0]).toMatchObject({ id, caseName: published.publicData.caseName, withdrawnOn: '2026-12-18', reason: '该处罚决定经禄丰市人民政府（禄政复决〔2026〕12号）变更' })
    expect(portal.items[0].facts).toBeUndefined()
    const listed = ok(await t.app.inject({ method: 'GET', url: '/api/public/decisions?pageSize=100' }))
    expect(listed.items.map((d: { id: string }) => d.id)).not.toContain(id)
    // The ledger holds the act and the withdrawal.
    const leaves = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', 'in', ['case.record_remedy', 'case.withdraw_publication']).execute()
    expect(leaves.map((l) => l.action).sort()).toEqual(['case.record_remedy', 'case.withdraw_publication'])
  })

  it('art. 48 ¶2: a decision upheld (维持) on 复议 stays published', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    await act(t, head, id, 'approve_filing')
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(300_000) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    at(t, '2026-12-01')
    await act(t, officer, id, 'conclude_statements')
    await act(t, head, id, 'decide', { decision: decision(300_000) })
    ok(await head.post(`/api/cases/${id}/publication`, {}))
    at(t, '2026-12-17')
    const recorded = await act(t, officer, id, 'record_remedy', {
      remedy: { kind: 'reconsideration', startedOn: '2026-12-02', endedOn: '2026-12-17', outcome: 'upheld', organ: '禄丰市人民政府', documentNo: '禄政复决〔2026〕13号' },
    })
    expect(recorded.deadlines.some((d: { kind: string }) => d.kind === 'withdrawal')).toBe(false)
    expect(ok(await head.get(`/api/cases/${id}/publication`))).toMatchObject({ status: 'published', withdrawDueOn: null, withdrawReason: null })
  })
})
