import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { countyEnterpriseOfAnotherUnit, foreignCountyEnterprise } from '../../../test/enterprise-factory'
import { DEMO_ENTERPRISE } from '../inspections/inspections.demo'
import { act, agreed, at, caseFixture, userClient, counts, decision, guardsOf, inquiry, ok, proposal, PARTY_ORG, registerCase, type CaseFixture } from './cases.test-factory'

let t: TestApp
let f: CaseFixture
let officer: Client
let officer2: Client
let head: Client
let legal: Client
let sfj: ReturnType<typeof userClient>

beforeAll(async () => {
  t = await createTestApp()
  f = await caseFixture(t)
  officer = userClient(t, 'zjj_officer')
  officer2 = userClient(t, 'zjj_officer2')
  head = userClient(t, 'zjj_head')
  legal = userClient(t, 'zjj_legal')
  sfj = userClient(t, 'sfj')
})
afterAll(async () => {
  await t.close()
})

/** Registers a case on `date` and takes it to 调查取证 with an inquiry record. */
async function investigating(date: string, body: Record<string, unknown> = {}) {
  at(t, date)
  const created = await registerCase(t, officer, f, body)
  const id = created.case.id
  await act(t, officer, id, 'submit_filing')
  await act(t, head, id, 'approve_filing')
  await act(t, officer, id, 'record_evidence', inquiry(f, date))
  return id
}

/** …and on to 事先告知 served that day. */
async function notified(date: string, fineFen: number, body: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const id = await investigating(date, body)
  await act(t, officer, id, 'finish_investigation', { proposal: proposal(fineFen, extra) })
  await act(t, officer, id, 'notify', { notice: { servedOn: date } })
  return id
}

const detail = async (client: Client, id: string) => ok(await client.get(`/api/cases/${id}`))

describe('general procedure, from 线索登记 to 归档', () => {
  it('drives a case through every step; each move writes one event, one audit row and one ledger leaf', async () => {
    at(t, '2026-11-20')
    const created = await registerCase(t, officer, f)
    const id = created.case.id
    expect(created.case.status).toBe('registered')
    expect(created.deadlines.map((d) => [d.kind, d.status, d.dueOn])).toEqual([['filing', 'open', '2026-12-11']])
    // The UI is offered what will work: the officer may submit, not approve.
    const offered = Object.fromEntries(created.actions.map((a) => [a.action, a.allowed]))
    expect(offered).toMatchObject({ submit_filing: true, reject_filing: false })
    expect(offered.approve_filing).toBeUndefined()
    expect(await counts(t, id)).toMatchObject({ events: 1, audits: 1 })

    await act(t, officer, id, 'submit_filing')
    const filed = await act(t, head, id, 'approve_filing')
    expect(filed.case).toMatchObject({ status: 'investigating', filedOn: '2026-11-20' })
    expect(filed.case.caseNo).toMatch(/^.+罚立〔2026〕\d+号$/)
    const decisionDeadline = filed.deadlines.find((d: { kind: string }) => d.kind === 'decision')
    // 第六十条: 90 days from 立案; the end falls in 2027, a year without holiday data: flagged.
    expect(decisionDeadline).toMatchObject({ dueOn: '2027-02-18', status: 'open', provisional: true, unit: 'natural_days' })
    expect(filed.deadlines.find((d: { kind: string }) => d.kind === 'filing')).toMatchObject({ status: 'met', metOn: '2026-11-20' })

    // 调查终结 needs a 笔录 first.
    const early = await act(t, officer, id, 'finish_investigation', {}, 422)
    expect(guardsOf(early)).toEqual(['investigation_recorded'])
    await act(t, officer, id, 'record_evidence', inquiry(f, '2026-11-20'))
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(500_000) })
    const notice = await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    expect(notice.case).toMatchObject({ status: 'notified', noticeServedOn: '2026-11-20', hearingEligible: false, legalReviewRequired: false })
    expect(notice.deadlines.find((d: { kind: string }) => d.kind === 'statement')).toMatchObject({ dueOn: '2026-11-27', status: 'open' })

    // The statement period (5 working days) must run out first.
    const tooEarly = await act(t, officer, id, 'conclude_statements', {}, 422)
    expect(guardsOf(tooEarly)).toEqual(['statement_window_closed'])
    expect(tooEarly.message).toContain('2026-11-27')
    at(t, '2026-11-30')
    await act(t, officer, id, 'record_statement', { statement: { text: '当事人称已停止经营', adopted: false, response: '违法事实清楚' } })
    await act(t, officer, id, 'conclude_statements')
    const decided = await act(t, head, id, 'decide', { decision: decision(500_000) })
    expect(decided.case).toMatchObject({ status: 'decided', decidedOn: '2026-11-30', fineFen: 500_000 })
    expect(decided.deadlines.filter((d: { status: string }) => d.status === 'open').map((d: { kind: string }) => d.kind).sort()).toEqual(['delivery', 'publication'])
    const delivered = await act(t, officer, id, 'deliver', { delivery: { method: 'direct', deliveredOn: '2026-11-30', receiver: '李强' } })
    // 第六十七条: 15 days from receipt.
    expect(delivered.case).toMatchObject({ status: 'executing', deliveredOn: '2026-11-30', paymentDueOn: '2026-12-15' })
    const closeEarly = await act(t, officer, id, 'close', {}, 422)
    expect(guardsOf(closeEarly)).toEqual(['execution_complete'])
    const paid = await act(t, officer, id, 'record_payment', { payment: { kind: 'fine', amountFen: 500_000, paidOn: '2026-11-30', receiptNo: 'YH-0001' } })
    expect(paid.execution).toMatchObject({ complete: true, lateFeeFen: 0, outstandingFen: 0 })
    expect(paid.deadlines.find((d: { kind: string }) => d.kind === 'payment')).toMatchObject({ status: 'met' })
    await act(t, officer, id, 'close')
    const archived = await act(t, officer, id, 'archive')
    expect(archived.case.status).toBe('archived')
    expect(archived.actions).toEqual([])
    // The timeline lists every act, in order, with labels.
    expect(archived.events.map((e: { action: string }) => e.action)).toEqual([
      'register', 'submit_filing', 'approve_filing', 'record_evidence', 'finish_investigation', 'notify', 'record_statement',
      'conclude_statements', 'decide', 'deliver', 'record_payment', 'close', 'archive',
    ])
    expect(archived.events[2]).toMatchObject({ label: '批准立案', fromStatusLabel: '立案审批', toStatusLabel: '调查取证' })
  })

  it('refuses an act the table has no transition for (409, in Chinese) and writes nothing', async () => {
    const id = await investigating('2026-11-20')
    const before = await counts(t, id)
    const res = await head.post(`/api/cases/${id}/actions/decide`, { decision: decision(100_000) })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE' })
    expect(res.json().message).toContain('调查取证')
    expect(await counts(t, id)).toEqual(before)
  })
})

describe('hearing (听证)', () => {
  it('is refused outside the 5-day window, refuses an investigator as presiding officer and a notice under 7 working days', async () => {
    // 1,000,000 yuan for an organization reaches the hearing threshold (第六十三条).
    const late = await notified('2026-11-20', 100_000_000)
    expect((await detail(officer, late)).case.hearingEligible).toBe(true)
    at(t, '2026-11-30')
    const refused = await act(t, officer, late, 'request_hearing', {}, 422)
    expect(guardsOf(refused)).toEqual(['hearing_eligible'])
    expect(refused.message).toContain('2026-11-27')

    const id = await notified('2026-11-20', 100_000_000)
    at(t, '2026-11-25')
    await act(t, officer, id, 'request_hearing')
    const investigator = await act(t, head, id, 'schedule_hearing', { hearing: { date: '2026-12-08', place: '住建局三楼会议室', presidingPersonId: f.person.officer2 } }, 422)
    expect(guardsOf(investigator)).toEqual(['presiding_not_investigator'])
    const short = await act(t, head, id, 'schedule_hearing', { hearing: { date: '2026-12-03', place: '住建局三楼会议室', presidingPersonId: f.person.wang } }, 422)
    expect(guardsOf(short)).toEqual(['hearing_notice_period'])
    expect(short.message).toContain('2026-12-07')
    await act(t, head, id, 'schedule_hearing', { hearing: { date: '2026-12-08', place: '住建局三楼会议室', presidingPersonId: f.person.wang } })
    // The decision waits for the hearing.
    const waiting = await act(t, officer, id, 'conclude_statements', {}, 422)
    expect(guardsOf(waiting)).toContain('hearing_concluded')
    at(t, '2026-12-08')
    const held = await act(t, head, id, 'hold_hearing', { hearing: { summary: '当事人陈述了意见' } })
    expect(held.case.hearing).toMatchObject({ heldOn: '2026-12-08', presidingName: '王华' })
    // After a hearing on a penalty this heavy, 法制审核 is required (第五十八条第一款第二项).
    expect(held.case.legalReviewRequired).toBe(true)
    expect(held.case.legalReviewReasons.join()).toContain('经过听证程序')
  })
})

describe('法制审核 (legal review)', () => {
  it('blocks the decision until the review passes; a failed review returns the case; heavier than notified is refused', async () => {
    // 100,000 yuan ≥ the 50,000-yuan threshold of 重大执法决定.
    const id = await notified('2026-11-20', 10_000_000)
    at(t, '2026-11-30')
    const concluded = await act(t, officer, id, 'conclude_statements', {}, 422)
    expect(guardsOf(concluded)).toEqual(['legal_review_passed'])
    await act(t, officer, id, 'submit_legal_review')
    // Only the legal reviewer reviews (403 for the head).
    const wrongRole = await head.post(`/api/cases/${id}/actions/pass_legal_review`, { review: agreed('同意') })
    expect(wrongRole.statusCode).toBe(403)
    const failed = await act(t, legal, id, 'fail_legal_review', { reason: '证据不足', review: { ...agreed('违法所得认定证据不足'), aspects: { ...agreed('').aspects, evidence: { verdict: 'problem', note: '违法所得认定证据不足' } }, conclusion: 'amend' } })
    expect(failed.case).toMatchObject({ status: 'under_review', legalReview: { passed: false } })
    // A decision before the review passed is refused.
    const early = await act(t, head, id, 'decide', { decision: decision(10_000_000) }, 422)
    expect(guardsOf(early)).toContain('legal_review_passed')
    await act(t, officer, id, 'submit_legal_review')
    const passed = await act(t, legal, id, 'pass_legal_review', { review: agreed('事实清楚，证据确凿，适用依据正确') })
    expect(passed.case.status).toBe('pending_decision')
    // 第四十五条: not heavier than notified.
    const heavier = await act(t, head, id, 'decide', { decision: decision(12_000_000) }, 422)
    expect(guardsOf(heavier)).toEqual(['not_heavier_than_notified'])
    expect(heavier.message).toContain('100,000.00元增至120,000.00元')
    await act(t, head, id, 'decide', { decision: decision(8_000_000) })
  })

  it('sits before the notice where local rules say so (penalty_rule_set.legal_review_point)', async () => {
    const sfjRes = await sfj.get('/api/penalty-rules/532331')
    const rules = ok(sfjRes)
    expect(rules).toMatchObject({ legalReviewPoint: 'before_decision', sourceRegionCode: '532331' })
    const { regionCode: _r, sourceRegionCode: _s, sourceRegionName: _n, updatedAt: _u, ...body } = rules
    ok(await sfj.put('/api/penalty-rules/532331', { ...body, legalReviewPoint: 'before_notice' }))
    try {
      const id = await investigating('2026-11-20')
      await act(t, officer, id, 'finish_investigation', { proposal: proposal(10_000_000) })
      const refused = await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } }, 422)
      expect(guardsOf(refused)).toEqual(['legal_review_passed'])
      await act(t, officer, id, 'submit_legal_review')
      const passed = await act(t, legal, id, 'pass_legal_review', { review: agreed('同意') })
      expect(passed.case.status).toBe('under_review')
      await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    } finally {
      ok(await sfj.put('/api/penalty-rules/532331', body))
    }
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'penalty_rules.update').execute()
    expect(audit).toHaveLength(2)
    // Units may not change the rules.
    expect((await userClient(t, 'zjj_head').put('/api/penalty-rules/532331', body)).statusCode).toBe(403)
  })
})

describe('集体讨论, decisions without a notice, 不予处罚', () => {
  it('a major case needs the heads’ collective discussion before the decision', async () => {
    const id = await notified('2026-11-20', 500_000, { major: true })
    at(t, '2026-11-30')
    await act(t, officer, id, 'submit_legal_review')
    await act(t, legal, id, 'pass_legal_review', { review: agreed('同意') })
    const refused = await act(t, head, id, 'decide', { decision: decision(500_000) }, 422)
    expect(guardsOf(refused)).toEqual(['collective_discussion_held'])
    await act(t, head, id, 'record_collective_discussion', { discussion: { heldOn: '2026-11-30', attendees: ['王建国', '副局长甲', '副局长乙'], conclusion: '同意按告知意见处罚' } })
    await act(t, head, id, 'decide', { decision: decision(500_000) })
  })

  it('refuses a penalty decision before the notice, and decides 不予处罚 on an art. 33 ground without one', async () => {
    const id = await investigating('2026-11-20')
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(300_000) })
    const refused = await act(t, head, id, 'decide', { decision: decision(300_000) }, 422)
    expect(guardsOf(refused)).toContain('notice_served')
    const res = await act(t, head, id, 'decide', { decision: { outcome: 'no_penalty', ground: 'art33_first_violation', reason: '初次违法，危害后果轻微并已及时改正' } })
    expect(res.case).toMatchObject({ status: 'decided', decision: { outcome: 'no_penalty', ground: 'art33_first_violation' }, fineFen: 0 })
    await act(t, officer, id, 'deliver', { delivery: { method: 'direct', deliveredOn: '2026-11-20', receiver: '李强' } })
    // Nothing to execute: the case closes at once.
    await act(t, officer, id, 'close')
  })
})

describe('side exits: 不予立案, 终止, 移送, 中止/恢复, 撤销', () => {
  it('不予立案 needs the head and a reason', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    await act(t, officer, id, 'submit_filing')
    expect((await officer.post(`/api/cases/${id}/actions/reject_filing`, { reason: '不属于本单位管辖' })).statusCode).toBe(403)
    const noReason = await act(t, head, id, 'reject_filing', {}, 400)
    expect(noReason.code).toBe('VALIDATION_FAILED')
    const res = await act(t, head, id, 'reject_filing', { reason: '违法事实不能成立' })
    expect(res.case.status).toBe('not_filed')
    expect(res.deadlines.every((d: { status: string }) => d.status !== 'open')).toBe(true)
  })

  it('terminates an investigation with a reason', async () => {
    const id = await investigating('2026-11-20')
    const res = await act(t, head, id, 'terminate', { reason: '当事人已死亡' })
    expect(res.case.status).toBe('terminated')
  })

  it('transfers to the judicial organs', async () => {
    const id = await investigating('2026-11-20')
    const res = await act(t, head, id, 'transfer', { reason: '涉嫌犯罪', transfer: { judicial: true, toName: '禄丰市公安局' } })
    expect(res.case.status).toBe('transferred')
  })

  it('transfers to another unit, which gets a new case with source 移送', async () => {
    const id = await investigating('2026-11-20')
    const res = await act(t, head, id, 'transfer', { reason: '属林草部门管辖', transfer: { toOrgId: f.lcjId, powerItemId: f.notHeldItemId } })
    expect(res.case).toMatchObject({ status: 'transferred', transferredToOrgId: f.lcjId })
    const created = await t.db.selectFrom('penalty_case').selectAll().where('id', '=', res.createdCaseId).executeTakeFirstOrThrow()
    expect(created).toMatchObject({ org_id: f.lcjId, status: 'registered', source: 'transfer', transferred_from_id: id, party_name: '禄丰市恒达建筑工程有限公司' })
    // The sending unit cannot open the receiving unit's case.
    expect((await officer.get(`/api/cases/${res.createdCaseId}`)).statusCode).toBe(404)
  })

  it('suspends and resumes: the status comes back and the 90-day period is extended by the days suspended', async () => {
    const id = await investigating('2026-11-20')
    const suspended = await act(t, head, id, 'suspend', { reason: '等待鉴定结论' })
    expect(suspended.case).toMatchObject({ status: 'suspended', statusBeforeSuspension: 'investigating' })
    at(t, '2026-11-30')
    const resumed = await act(t, head, id, 'resume')
    expect(resumed.case).toMatchObject({ status: 'investigating', statusBeforeSuspension: null })
    const decisionRows = resumed.deadlines.filter((d: { kind: string }) => d.kind === 'decision')
    expect(decisionRows.map((d: { status: string; dueOn: string }) => [d.status, d.dueOn])).toEqual([
      ['superseded', '2027-02-18'],
      // 2-18 + 10 days = 2-28, a Sunday: the period ends on the next working day.
      ['open', '2027-03-01'],
    ])
    expect(decisionRows[1].reason).toContain('中止10日')
  })

  it('revokes a decision and schedules the withdrawal of its publication (3 working days)', async () => {
    const id = await notified('2026-11-20', 500_000)
    at(t, '2026-11-30')
    await act(t, officer, id, 'conclude_statements')
    await act(t, head, id, 'decide', { decision: decision(500_000) })
    const res = await act(t, head, id, 'revoke_decision', { reason: '适用法律错误' })
    expect(res.case.status).toBe('revoked')
    expect(res.deadlines.find((d: { kind: string; status: string }) => d.kind === 'withdrawal' && d.status === 'open')).toMatchObject({ dueOn: '2026-12-03' })
  })
})

describe('guards at filing', () => {
  it('refuses filing when the limitation period (第三十六条) has passed', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f, { actDate: '2024-11-10' })).case.id
    const res = await act(t, officer, id, 'submit_filing', {}, 422)
    expect(guardsOf(res)).toEqual(['limitation_period'])
    expect(res.message).toContain('2026-11-10')
  })

  it('refuses a power item the unit does not hold (清单之外无权力)', async () => {
    at(t, '2026-11-20')
    const res = await officer.post('/api/cases', { source: 'discovery', powerItemId: f.notHeldItemId, title: '擅自改变林地用途案', party: { kind: 'person', name: '张三' }, actDate: '2026-11-10', harmToSafety: false, facts: '…' })
    expect(res.statusCode).toBe(422)
    expect(guardsOf(res.json())).toEqual(['power_item_held'])
  })

  it('refuses filing with one officer (第四十二条)', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f, { officerIds: [] })).case.id
    const res = await act(t, officer, id, 'submit_filing', {}, 422)
    expect(guardsOf(res)).toEqual(['two_certified_officers'])
    expect(res.message).toContain('现有1名')
  })

  it('asks for a reason when the party’s first violation of a 首违不罚-listed item is to be punished (第三十三条)', async () => {
    expect(f.firstViolationItemId).not.toBeNull()
    const id = await investigating('2026-11-20', { powerItemId: f.firstViolationItemId })
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(500_000) })
    const refused = await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } }, 422)
    expect(guardsOf(refused)).toEqual(['first_violation_checked'])
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' }, proposal: proposal(500_000, { reason: '违法经营持续半年，危害后果不属轻微' }) })
  })

  it('validates the party’s ID number (GB 11643)', async () => {
    const res = await officer.post('/api/cases', { source: 'discovery', powerItemId: f.heldItemId, title: '案', party: { kind: 'person', name: '张三', idNumber: '532331199001011235' }, actDate: '2026-11-10', harmToSafety: false })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain('公民身份号码')
  })
})

describe('the party taken from the enterprise register', () => {
  const byEnterprise = (enterpriseId: string) => ({ source: 'discovery', powerItemId: f.heldItemId, title: '未取得施工许可证擅自施工案', enterpriseId, actDate: '2026-11-10', harmToSafety: false, officerIds: [f.person.officer2] })
  const partyPhone = async (caseId: string) => (await t.db.selectFrom('penalty_case').select(['party_name', 'party_phone']).where('id', '=', caseId).executeTakeFirstOrThrow())

  it('copies the contact phone of an enterprise the filing unit registered', async () => {
    at(t, '2026-11-20')
    const e = await t.db.selectFrom('enterprise').select(['id', 'name', 'contact_phone']).where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    expect(e.contact_phone).not.toBeNull()
    const created = ok(await officer.post('/api/cases', byEnterprise(e.id)), 201)
    expect(await partyPhone(created.case.id)).toEqual({ party_name: e.name, party_phone: e.contact_phone })
  })

  it('leaves the phone for the officer to fill in when another unit of the county registered the enterprise', async () => {
    at(t, '2026-11-20')
    const e = await countyEnterpriseOfAnotherUnit(t, f.zjjId)
    const created = ok(await officer.post('/api/cases', byEnterprise(e.id)), 201)
    expect(await partyPhone(created.case.id)).toEqual({ party_name: e.name, party_phone: null })
  })

  it('refuses an enterprise of another county as if it did not exist, and writes nothing (general and simple procedure)', async () => {
    at(t, '2026-11-20')
    const foreign = await foreignCountyEnterprise(t, 77_300_001)
    const before = await t.db.selectFrom('penalty_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const general = await officer.post('/api/cases', byEnterprise(foreign.id))
    expect(general.statusCode).toBe(404)
    expect(general.json()).toMatchObject({ code: 'NOT_FOUND', message: '市场主体不存在或无权查看' })
    const withParty = await officer.post('/api/cases', { ...byEnterprise(foreign.id), party: PARTY_ORG })
    expect(withParty.statusCode).toBe(404)
    const simple = await officer.post('/api/cases/simple', {
      powerItemId: f.heldItemId, title: '在燃气设施保护范围内动用明火案', actDate: '2026-11-20', actPlace: '共和镇', facts: '…', officerIds: [f.person.officer2], basis: '《城镇燃气管理条例》第五十条',
      party: { kind: 'organization', name: '某公司' }, enterpriseId: foreign.id, kinds: ['warning'],
    })
    expect(simple.statusCode).toBe(404)
    const after = await t.db.selectFrom('penalty_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect(await t.db.selectFrom('penalty_case').select('id').where('party_phone', '=', foreign.contactPhone).execute()).toHaveLength(0)
  })
})

describe('简易程序 (simple procedure)', () => {
  const simple = (body: Record<string, unknown>) => ({
    powerItemId: f.heldItemId,
    title: '在燃气设施保护范围内动用明火案',
    actDate: '2026-11-20',
    actPlace: '金山镇东街',
    facts: '当事人在燃气调压箱旁焚烧垃圾。',
    officerIds: [f.person.officer2],
    basis: '《城镇燃气管理条例》第五十条',
    ...body,
  })

  it('decides on the spot within the limits (200 yuan for a person), numbered, with 备案 and payment deadlines', async () => {
    at(t, '2026-11-20')
    const res = ok(await officer.post('/api/cases/simple', simple({ party: { kind: 'person', name: '赵六' }, kinds: ['fine'], fineFen: 20_000 })), 201)
    expect(res.case).toMatchObject({ procedure: 'simple', status: 'executing', decidedOn: '2026-11-20', deliveredOn: '2026-11-20', fineFen: 20_000 })
    expect(res.case.caseNo).toMatch(/简罚〔2026〕\d+号$/)
    expect(res.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['payment', 'simple_record'])
    expect(await counts(t, res.case.id)).toMatchObject({ events: 1, audits: 1 })
    await act(t, officer, res.case.id, 'record_payment', { payment: { kind: 'fine', amountFen: 20_000, paidOn: '2026-11-20' } })
    await act(t, officer, res.case.id, 'close')
  })

  it('refuses over the limit, and with one officer', async () => {
    at(t, '2026-11-20')
    const over = await officer.post('/api/cases/simple', simple({ party: { kind: 'person', name: '赵六' }, kinds: ['fine'], fineFen: 20_100 }))
    expect(over.statusCode).toBe(422)
    expect(guardsOf(over.json())).toEqual(['simple_procedure_limits'])
    const org = await officer.post('/api/cases/simple', simple({ party: { kind: 'organization', name: '某公司' }, kinds: ['fine'], fineFen: 300_000 }))
    expect(org.statusCode).toBe(201)
    const alone = await officer.post('/api/cases/simple', simple({ party: { kind: 'person', name: '赵六' }, kinds: ['warning'], officerIds: [f.person.officer] }))
    expect(alone.statusCode).toBe(422)
    expect(guardsOf(alone.json())).toEqual(['two_certified_officers'])
  })
})

describe('execution (执行)', () => {
  /** Decided and delivered on 11-20 (the party waived statement and defence): pay by 12-05, a Saturday → 12-07. */
  async function executing(fineFen = 500_000) {
    const id = await notified('2026-11-20', fineFen)
    await act(t, officer, id, 'record_waiver', { statement: { text: '当事人书面表示放弃陈述、申辩' } })
    await act(t, officer, id, 'conclude_statements')
    await act(t, head, id, 'decide', { decision: decision(fineFen) })
    const delivered = await act(t, officer, id, 'deliver', { delivery: { method: 'direct', deliveredOn: '2026-11-20', receiver: '李强' } })
    expect(delivered.case.paymentDueOn).toBe('2026-12-07')
    return id
  }

  it('adds 3 % a day after the due date (第七十二条); 催告 only when overdue; court only 10 working days after the 催告 and after the 复议/诉讼 periods', async () => {
    const id = await executing()
    const notYet = await act(t, officer, id, 'remind', {}, 422)
    expect(guardsOf(notYet)).toEqual(['payment_overdue'])
    at(t, '2026-12-10')
    const late = await detail(officer, id)
    // Due 12-07; 12-08, 12-09, 12-10 → 3 days × 3 % of 5,000 yuan.
    expect(late.execution).toMatchObject({ lateFeeFen: 45_000, lateFeeDays: 3, outstandingFen: 545_000, complete: false })
    const reminded = await act(t, officer, id, 'remind')
    expect(reminded.case.status).toBe('enforcement')
    at(t, '2026-12-24')
    const tooSoon = await act(t, head, id, 'apply_court', { court: { appliedOn: '2026-12-24', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(tooSoon)).toEqual(['reminder_period_passed', 'court_application_period_open'])
    expect(tooSoon.message).toContain('2026-12-25')
    // 10 working days after the 催告, but the party may still sue until 2027-05-20 (delivered 2026-11-20, 6 months).
    at(t, '2026-12-25')
    const premature = await act(t, head, id, 'apply_court', { court: { appliedOn: '2026-12-25', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(premature)).toEqual(['court_application_period_open'])
    expect(premature.message).toContain('至 2027-05-20 届满，2027-05-21 起方可申请人民法院强制执行')
    at(t, '2027-05-20')
    const lastDayToSue = await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-05-20', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(lastDayToSue)).toEqual(['court_application_period_open'])
    at(t, '2027-05-21')
    await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-05-21', court: '禄丰市人民法院' } })
    await act(t, officer, id, 'close')
  })

  it('refuses a court application before approved instalments end when they outlast the remedy periods (行政处罚法 第七十二条第二款)', async () => {
    const id = await executing()
    await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 250_000 }, { dueOn: '2027-07-31', amountFen: 250_000 }] } })
    at(t, '2027-01-02')
    await act(t, officer, id, 'remind')
    // The remedy periods end 2027-05-20; the last instalment 2027-07-31 is later and is the party's to pay.
    at(t, '2027-06-01')
    const beforeLastInstalment = await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-06-01', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(beforeLastInstalment)).toEqual(['court_application_period_open'])
    expect(beforeLastInstalment.message).toContain('至 2027-07-31 届满，2027-08-01 起方可申请')
    at(t, '2027-08-02')
    await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-08-02', court: '禄丰市人民法院' } })
  })

  it('refuses a court application while a 行政诉讼 the party brought is pending, and allows it after the judgment', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    await act(t, officer, id, 'remind')
    at(t, '2027-05-10')
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'litigation', startedOn: '2027-05-10' } })
    at(t, '2027-06-01')
    const pending = await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-06-01', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(pending)).toEqual(['court_application_period_open'])
    expect(pending.message).toContain('当事人于 2027-05-10 提起的行政诉讼尚未结束')
    expect(pending.message).not.toContain('起方可申请人民法院强制执行')
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'litigation', startedOn: '2027-05-10', endedOn: '2027-06-01', result: '判决驳回诉讼请求' } })
    await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-06-01', court: '禄丰市人民法院' } })
  })

  it('pauses the late fee during 行政复议 (第七十三条)', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2026-12-08' } })
    expect((await detail(officer, id)).execution).toMatchObject({ lateFeeFen: 0, paused: true })
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2026-12-08', endedOn: '2026-12-09', result: '维持' } })
    // Only 12-10 counts.
    expect((await detail(officer, id)).execution).toMatchObject({ lateFeeFen: 15_000, paused: false })
  })

  it('grants instalments: the payment deadline moves to the last one, and late fees run per instalment', async () => {
    const id = await executing()
    const wrongSum = await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 100_000 }] } }, 400)
    expect(wrongSum.message).toContain('应等于罚款')
    const res = await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 250_000 }, { dueOn: '2027-01-31', amountFen: 250_000 }] } })
    expect(res.instalments).toHaveLength(2)
    expect(res.deadlines.filter((d: { kind: string }) => d.kind === 'payment').map((d: { status: string; dueOn: string }) => [d.status, d.dueOn])).toEqual([
      ['superseded', '2026-12-07'],
      ['open', '2027-01-31'],
    ])
    at(t, '2027-01-02')
    // Only the first instalment is overdue (1-1, 1-2): 2 × 7,500 fen.
    expect((await detail(officer, id)).execution).toMatchObject({ lateFeeFen: 15_000 })
  })

  /** The court-application deadlines (行政强制法 第五十三条) of the case, oldest first. */
  const courtDeadlines = (body: { deadlines: Array<{ kind: string; status: string; startsOn: string; dueOn: string }> }) =>
    body.deadlines.filter((d) => d.kind === 'court_application').map((d) => [d.status, d.startsOn, d.dueOn])

  it('counts the court-application period from the end of the remedy periods when there is no deferral (行政强制法 第五十三条)', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    const reminded = await act(t, officer, id, 'remind')
    // Delivered 2026-11-20: 诉讼 6 months → 2027-05-20 (Thu); + 3 months → 2027-08-20 (Fri). 2027 has no
    // holiday data in the test calendar, so both are provisional.
    expect(courtDeadlines(reminded)).toEqual([['open', '2027-05-20', '2027-08-20']])
    expect(reminded.deadlines.find((d: { kind: string }) => d.kind === 'court_application')).toMatchObject({ provisional: true, basis: '《行政强制法》第五十三条、第五十四条' })
  })

  it('counts the court-application period from the end of approved instalments that outlast the remedy periods (行政处罚法 第七十二条第二款)', async () => {
    const id = await executing()
    await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 250_000 }, { dueOn: '2027-07-31', amountFen: 250_000 }] } })
    at(t, '2027-01-02')
    const reminded = await act(t, officer, id, 'remind')
    // The last instalment 2027-07-31 (Sat) is later than 2027-05-20: + 3 months → 10-31 (Sun) → 11-01 (Mon).
    expect(courtDeadlines(reminded)).toEqual([['open', '2027-07-31', '2027-11-01']])
  })

  it('keeps the remedy periods as the start when the instalments end before them', async () => {
    const id = await executing()
    await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 250_000 }, { dueOn: '2027-01-31', amountFen: 250_000 }] } })
    at(t, '2027-01-02')
    const reminded = await act(t, officer, id, 'remind')
    expect(courtDeadlines(reminded)).toEqual([['open', '2027-05-20', '2027-08-20']])
  })

  it('moves the court-application deadline when instalments are granted after the 催告', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    await act(t, officer, id, 'remind')
    const granted = await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2027-01-31', amountFen: 250_000 }, { dueOn: '2027-07-31', amountFen: 250_000 }] } })
    expect(courtDeadlines(granted)).toEqual([
      ['cancelled', '2027-05-20', '2027-08-20'],
      ['open', '2027-07-31', '2027-11-01'],
    ])
  })

  it('waits 15 days after a 复议决定 before the court application, and moves its deadline (行政诉讼法 第四十五条)', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    await act(t, officer, id, 'remind')
    at(t, '2027-01-05')
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2027-01-05' } })
    // The 复议决定 reaches the party 2027-05-15: it may sue until 05-30 (Sun) → 05-31, later than the 6 months (05-20).
    at(t, '2027-05-15')
    const ended = await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2027-01-05', endedOn: '2027-05-15', result: '维持' } })
    expect(courtDeadlines(ended)).toEqual([
      ['cancelled', '2027-05-20', '2027-08-20'],
      ['open', '2027-05-31', '2027-08-31'],
    ])
    at(t, '2027-05-31')
    const stillMaySue = await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-05-31', court: '禄丰市人民法院' } }, 422)
    expect(guardsOf(stillMaySue)).toEqual(['court_application_period_open'])
    expect(stillMaySue.message).toContain('至 2027-05-31 届满，2027-06-01 起方可申请人民法院强制执行')
    at(t, '2027-06-01')
    await act(t, head, id, 'apply_court', { court: { appliedOn: '2027-06-01', court: '禄丰市人民法院' } })
  })

  /** The 加处罚款 row of the 催告书 the `remind` act issued, from the document's stored data. */
  async function reminderRows(reminded: { issuedDocuments: Array<{ kind: string; documentId: string }> }) {
    const issued = reminded.issuedDocuments.find((d) => d.kind === 'payment_reminder')
    expect(issued).toBeDefined()
    const row = await t.db.selectFrom('case_document').select('data').where('id', '=', issued!.documentId).executeTakeFirstOrThrow()
    const blocks = (row.data as { blocks: Array<{ type: string; rows?: Array<{ label: string; value: string }> }> }).blocks
    return blocks.flatMap((b) => b.rows ?? [])
  }
  async function reminderLateFeeRow(reminded: { issuedDocuments: Array<{ kind: string; documentId: string }> }) {
    return (await reminderRows(reminded)).find((r) => r.label.startsWith('加处罚款'))?.value
  }

  it('prints on the 催告书 the late fee of the execution view when a 复议 paused it (第七十三条)', async () => {
    const id = await executing()
    at(t, '2026-12-10')
    await act(t, officer, id, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn: '2026-12-08', endedOn: '2026-12-09', result: '维持' } })
    // Only 12-10 counts: 3 % of 5,000 yuan.
    expect((await detail(officer, id)).execution).toMatchObject({ lateFeeFen: 15_000 })
    const reminded = await act(t, officer, id, 'remind')
    expect(reminded.execution).toMatchObject({ lateFeeFen: 15_000 })
    expect(await reminderLateFeeRow(reminded)).toBe('人民币壹佰伍拾元整（¥150.00）')
  })

  it('prints on the 催告书 the late fee of the execution view when instalments were granted (第六十六条)', async () => {
    const id = await executing()
    await act(t, head, id, 'grant_deferral', { reason: '经营困难', deferral: { instalments: [{ dueOn: '2026-12-31', amountFen: 250_000 }, { dueOn: '2027-01-31', amountFen: 250_000 }] } })
    at(t, '2027-01-02')
    // The first instalment is overdue (1-1, 1-2): 2 × 3 % of 2,500 yuan; the second is not due.
    const reminded = await act(t, officer, id, 'remind')
    expect(reminded.execution).toMatchObject({ lateFeeFen: 15_000, overdueFineFen: 250_000 })
    expect(await reminderLateFeeRow(reminded)).toBe('人民币壹佰伍拾元整（¥150.00）')
    // Only the instalment already due is demanded; the one not yet due is shown apart, outside the total.
    const rows = await reminderRows(reminded)
    expect(rows.find((r) => r.label.startsWith('应缴罚款'))).toEqual({ label: '应缴罚款（已到期的分期款）', value: '人民币贰仟伍佰元整（¥2,500.00）' })
    expect(rows.find((r) => r.label === '合计')?.value).toBe('人民币贰仟陆佰伍拾元整（¥2,650.00）')
    expect(rows.find((r) => r.label.startsWith('尚未到期'))?.value).toBe('人民币贰仟伍佰元整（¥2,500.00）')
  })
})

describe('who may see and act', () => {
  it('answers 403 to a wrong role and 404 to another unit; supervisors read but do not act', async () => {
    at(t, '2026-11-20')
    const id = (await registerCase(t, officer, f)).case.id
    expect((await officer.post(`/api/cases/${id}/actions/approve_filing`, {})).statusCode).toBe(409)
    await act(t, officer, id, 'submit_filing')
    const before = await counts(t, id)
    expect((await officer.post(`/api/cases/${id}/actions/approve_filing`, {})).statusCode).toBe(403)
    expect((await legal.post(`/api/cases/${id}/actions/approve_filing`, {})).statusCode).toBe(403)
    expect((await sfj.post(`/api/cases/${id}/actions/approve_filing`, {})).statusCode).toBe(403)
    expect(await counts(t, id)).toEqual(before)
    // The supervisor of 禄丰市 sees the case; the head of 金山镇 and 牟定县's supervisor do not.
    expect((await sfj.get(`/api/cases/${id}`)).statusCode).toBe(200)
    expect((await (userClient(t, 'js_head')).get(`/api/cases/${id}`)).statusCode).toBe(404)
    expect((await (userClient(t, 'md_sfj')).get(`/api/cases/${id}`)).statusCode).toBe(404)
    const mine = ok(await officer.get('/api/cases?q=恒达'))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(ok(await (userClient(t, 'js_head')).get('/api/cases?q=恒达')).items).toEqual([])
    // The officer not on the case may not act as its officer.
    const other = (await registerCase(t, officer2, f, { officerIds: [f.person.officer2, f.person.head] })).case.id
    expect((await officer.post(`/api/cases/${other}/actions/submit_filing`, {})).statusCode).toBe(403)
  })

  it('lists cases with their next deadline and filters overdue ones', async () => {
    at(t, '2026-11-20')
    await registerCase(t, officer, f, { title: '逾期筛选案' })
    at(t, '2026-12-20')
    const overdue = ok(await officer.get('/api/cases?overdue=true&q=逾期筛选案'))
    expect(overdue.items[0]).toMatchObject({ status: 'registered', statusLabel: '线索登记', nextDeadline: { kind: 'filing', dueOn: '2026-12-11', state: 'overdue' } })
    expect(overdue.items[0].nextDeadline.daysLeft).toBe(-9)
  })
})
