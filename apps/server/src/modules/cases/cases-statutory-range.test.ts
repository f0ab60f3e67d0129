import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { act, at, caseFixture, counts, guardsOf, inquiry, ok, proposal, registerCase, userClient, type CaseFixture } from './cases.test-factory'

// 法定处罚幅度 on the demo catalogue's real ranges (catalogue-demo-ranges.ts): 城镇燃气管理条例 第四十九条第一款
// (对单位10万元以下), 第五十条第一款 (对单位5万元以上10万元以下), 建设工程质量管理条例 第五十七条 (工程合同价款1%–2%).

let t: TestApp
let f: CaseFixture
let officer: Client
let head: Client
let sfj: Client
const itemId = async (code: string) => (await t.db.selectFrom('power_item').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

beforeAll(async () => {
  t = await createTestApp()
  f = await caseFixture(t)
  officer = userClient(t, 'zjj_officer')
  head = userClient(t, 'zjj_head')
  sfj = userClient(t, 'sfj')
})
afterAll(async () => {
  await t.close()
})

async function investigating(date: string, code: string) {
  at(t, date)
  const id = (await registerCase(t, officer, f, { powerItemId: await itemId(code) })).case.id
  await act(t, officer, id, 'submit_filing')
  await act(t, head, id, 'approve_filing')
  await act(t, officer, id, 'record_evidence', inquiry(f, date))
  return id
}

describe('法定处罚幅度 (statutory range): refused outside it, with no override', () => {
  it('art. 4: the 600,000 yuan proposal of issue #12 is refused at 调查终结 and at 决定, naming the range and the article', async () => {
    const id = await investigating('2026-11-20', 'CF-ZJ-028')
    const refused = await act(t, officer, id, 'finish_investigation', { proposal: proposal(60_000_000, { reason: '情节特别严重，经集体讨论' }) }, 422)
    expect(refused.code).toBe('PENALTY_OUTSIDE_STATUTORY_RANGE')
    expect(guardsOf(refused)).toEqual(['within_statutory_range'])
    expect(refused.message).toContain('罚款600,000.00元超出法定幅度（《城镇燃气管理条例》第四十九条第一款：罚款对单位100,000.00元以下）')

    await act(t, officer, id, 'finish_investigation', { proposal: proposal(3_000_000) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    at(t, '2026-11-30')
    await act(t, officer, id, 'conclude_statements')
    const before = await counts(t, id)
    const decided = await head.post(`/api/cases/${id}/actions/decide`, { decision: proposal(60_000_000, { reason: '经集体讨论' }) })
    expect(decided.statusCode).toBe(422)
    expect(decided.json()).toMatchObject({ code: 'PENALTY_OUTSIDE_STATUTORY_RANGE' })
    expect(guardsOf(decided.json())).toContain('within_statutory_range')
    expect(await counts(t, id)).toEqual(before)
    const lawful = await act(t, head, id, 'decide', { decision: proposal(3_000_000) })
    expect(lawful.case.status).toBe('decided')
    const review = ok(await sfj.get(`/api/cases/${id}/proposal-review`))
    expect(review).toMatchObject({ available: true, stage: 'decision', statutory: { lawful: '《城镇燃气管理条例》第四十九条第一款：处罚种类罚款；罚款对单位100,000.00元以下' }, departures: [] })
  })

  it('kinds not permitted by the provision are refused (第四十九条 allows only 罚款)', async () => {
    const id = await investigating('2026-11-20', 'CF-ZJ-028')
    const refused = await act(t, officer, id, 'finish_investigation', { proposal: proposal(1_000_000, { kinds: ['fine', 'revoke_license'] }) }, 422)
    expect(refused.message).toContain('《城镇燃气管理条例》第四十九条第一款未规定“吊销许可证件”，不得给予')
  })

  it('multiples of a base: 1%–2% of the contract price needs the price and its evidence', async () => {
    const id = await investigating('2026-11-20', 'CF-ZJ-033')
    const noBase = await act(t, officer, id, 'finish_investigation', { proposal: proposal(5_000_000) }, 422)
    expect(noBase.message).toContain('须填写工程合同价款及其证据')
    const tooHigh = await act(t, officer, id, 'finish_investigation', { proposal: proposal(8_000_000, { baseFen: 300_000_000, baseEvidence: '建设工程施工合同（证据3）' }) }, 422)
    expect(tooHigh.message).toContain('即30,000.00元至60,000.00元')
    const done = await act(t, officer, id, 'finish_investigation', { proposal: proposal(5_000_000, { baseFen: 300_000_000, baseEvidence: '建设工程施工合同（证据3）' }) })
    expect(done.case.status).toBe('under_review')
  })

  it('art. 32: 减轻 with a recorded ground and its evidence goes below the statutory minimum; without one it is refused', async () => {
    const id = await investigating('2026-11-20', 'CF-ZJ-029')
    const bare = await act(t, officer, id, 'finish_investigation', { proposal: proposal(2_000_000) }, 422)
    expect(bare.message).toContain('罚款20,000.00元低于法定幅度（《城镇燃气管理条例》第五十条第一款：罚款对单位50,000.00元至100,000.00元）')
    const mitigation = { effect: 'mitigated', grounds: ['art32_1_eliminated_harm'], evidence: '当事人当日自行恢复原状，复查笔录（证据5）' }
    const done = await act(t, officer, id, 'finish_investigation', { proposal: proposal(2_000_000, { mitigation }) })
    expect(done.case.status).toBe('under_review')
    // The proposal panel shows the lowered floor and flags the 减轻 for the head in red.
    const review = ok(await head.get(`/api/cases/${id}/proposal-review`))
    expect(review).toMatchObject({ available: true, stage: 'proposal', penalty: { fineText: '20,000.00元' }, statutory: { minFen: 0, maxFen: 10_000_000 } })
    expect(review.circumstances.mitigation).toMatchObject({ effect: '减轻处罚', evidence: mitigation.evidence })
    expect(review.departures).toEqual([{ level: 'flagged', text: expect.stringContaining('减轻处罚（主动消除或者减轻违法行为危害后果（第三十二条第一项））') }])
  })

  it('the simple procedure is held to the provision too: 第四十九条 has no 警告', async () => {
    at(t, '2026-11-20')
    const res = await officer.post('/api/cases/simple', {
      powerItemId: await itemId('CF-ZJ-028'),
      title: '在地下室储存液化石油气案',
      actDate: '2026-11-20',
      actPlace: '金山镇东街',
      facts: '当事人在地下室储存液化石油气钢瓶两只。',
      officerIds: [f.person.officer2],
      basis: '《城镇燃气管理条例》第四十九条',
      party: { kind: 'person', name: '赵六' },
      kinds: ['warning'],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'PENALTY_OUTSIDE_STATUTORY_RANGE' })
    expect(res.json().message).toContain('未规定“警告”')
  })
})

describe('法定处罚幅度 in the catalogue', () => {
  it('is shown with the item, and a range that does not hold together is refused with its reason', async () => {
    const id = await itemId('CF-ZJ-033')
    const item = ok(await sfj.get(`/api/catalogue/power-items/${id}`)).item
    expect(item.statutoryRange).toMatchObject({ basis: { law: '建设工程质量管理条例', article: '第五十七条' }, fines: [{ kind: 'multiple', base: '工程合同价款', min: 0.01, max: 0.02 }] })
    expect(item.statutoryRangeText).toBe('《建设工程质量管理条例》第五十七条：罚款（应当）；罚款工程合同价款的1%以上2%以下')
    const bad = await sfj.patch(`/api/catalogue/power-items/${id}`, { statutoryRange: { ...item.statutoryRange, mandatory: ['warning'] } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toBe('法定处罚幅度：应当给予的处罚种类须在法定处罚种类内')
  })
})
