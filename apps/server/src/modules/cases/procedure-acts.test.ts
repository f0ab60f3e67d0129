import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { runDueJobs } from '../../platform/jobs/job-runner'
import { act, at, caseFixture, decision, guardsOf, inquiry, ok, proposal, registerCase, testStatutoryRange, userClient, type CaseFixture } from './cases.test-factory'

/*
 * The acts the procedure needs besides the main line: 当场处罚备案 (行政处罚法 第五十二条第三款),
 * 先行登记保存 (第五十六条) and 公告送达 (第六十一条, 民事诉讼法 第九十五条).
 */

let t: TestApp
let f: CaseFixture
let officer: Client
let head: Client

beforeAll(async () => {
  t = await createTestApp()
  f = await caseFixture(t)
  officer = userClient(t, 'zjj_officer')
  head = userClient(t, 'zjj_head')
})
afterAll(async () => {
  await t.close()
})

type Deadline = { id: string; kind: string; status: string; dueOn: string; metOn: string | null; late: boolean }
const detail = async (id: string) => ok(await officer.get(`/api/cases/${id}`))
const deadlinesOf = (body: { deadlines: Deadline[] }, kind: string) => body.deadlines.filter((d) => d.kind === kind)

async function simpleCase(on: string, name: string) {
  at(t, on)
  const res = ok(
    await officer.post('/api/cases/simple', {
      powerItemId: f.heldItemId,
      title: '在燃气设施保护范围内动用明火案',
      party: { kind: 'person', name },
      actDate: on,
      actPlace: '金山镇东街',
      facts: '当事人在燃气调压箱旁焚烧垃圾。',
      officerIds: [f.person.officer2],
      kinds: ['warning'],
      basis: '《城镇燃气管理条例》第五十条',
    }),
    201,
  )
  return res.case.id as string
}

async function investigating(date: string, title: string) {
  at(t, date)
  // The act before every clock the tests set.
  const id = (await registerCase(t, officer, f, { title, actDate: '2026-10-20' })).case.id
  await act(t, officer, id, 'submit_filing')
  await act(t, head, id, 'approve_filing')
  await act(t, officer, id, 'record_evidence', inquiry(f, date))
  return id
}

const items = [
  { name: '液化石油气钢瓶', spec: '15kg', quantity: '12', unit: '只' },
  { name: '销售台账', quantity: '1', unit: '本' },
]

describe('art. 52 ¶3: an on-the-spot decision is filed (备案) with the unit', () => {
  it('art. 52 ¶3: filing on time closes the 备案 deadline as met, once; closing the case does not cancel it', async () => {
    const id = await simpleCase('2026-11-20', '赵六')
    const before = await detail(id)
    expect(deadlinesOf(before, 'simple_record')).toMatchObject([{ status: 'open', dueOn: '2026-11-27' }])
    expect(before.actions.find((a: { action: string }) => a.action === 'record_simple_filing')).toMatchObject({ allowed: true })
    // A warning: nothing to pay, the case may close before the 备案 — which stays due.
    const closed = await act(t, officer, id, 'close')
    expect(deadlinesOf(closed, 'simple_record')).toMatchObject([{ status: 'open' }])
    at(t, '2026-11-24')
    const filed = await act(t, officer, id, 'record_simple_filing', { simpleFiling: { recordedWith: '禄丰市住房和城乡建设局法制股', recordedOn: '2026-11-24' } })
    expect(deadlinesOf(filed, 'simple_record')).toMatchObject([{ status: 'met', metOn: '2026-11-24', late: false }])
    expect(filed.events.at(-1)).toMatchObject({ action: 'record_simple_filing', label: '当场处罚备案' })
    const again = await act(t, officer, id, 'record_simple_filing', { simpleFiling: { recordedWith: '法制股', recordedOn: '2026-11-24' } }, 422)
    expect(guardsOf(again)).toEqual(['simple_filing_pending'])
    expect(again.message).toContain('已于 2026-11-24 报禄丰市住房和城乡建设局法制股备案')
  })

  it('art. 52 ¶3: a 备案 after the deadline was missed is recorded on it, shown late (never cancelled)', async () => {
    const id = await simpleCase('2026-11-20', '钱七')
    at(t, '2026-12-01')
    await runDueJobs(t.db, t.clock.now)
    expect(deadlinesOf(await detail(id), 'simple_record')).toMatchObject([{ status: 'missed' }])
    const filed = await act(t, officer, id, 'record_simple_filing', { simpleFiling: { recordedWith: '法制股', recordedOn: '2026-12-01' } })
    expect(deadlinesOf(filed, 'simple_record')).toMatchObject([{ status: 'missed', metOn: '2026-12-01', dueOn: '2026-11-27', late: true }])
    expect(filed.events.at(-1).data).toMatchObject({ late: true, dueOn: '2026-11-27' })
  })

  it('art. 52 ¶3: a general-procedure case has no 备案 act (409) and a filing date before the decision is refused', async () => {
    const general = await investigating('2026-11-20', '备案不适用案')
    const res = await officer.post(`/api/cases/${general}/actions/record_simple_filing`, { simpleFiling: { recordedWith: '法制股', recordedOn: '2026-11-20' } })
    expect(res.statusCode).toBe(409)
    expect((await detail(general)).actions.some((a: { action: string }) => a.action === 'record_simple_filing')).toBe(false)
    const id = await simpleCase('2026-11-20', '孙八')
    const early = await act(t, officer, id, 'record_simple_filing', { simpleFiling: { recordedWith: '法制股', recordedOn: '2026-11-19' } }, 400)
    expect(early.message).toContain('备案日期不能早于决定日期')
  })
})

describe('art. 56: 先行登记保存', () => {
  it('art. 56: only the head approves it; it issues the 通知书 and 清单 and runs 7 working days (art. 85)', async () => {
    const id = await investigating('2026-11-20', '先行登记保存审批案')
    const body = { preservation: { preservedOn: '2026-11-20', place: '金山镇东街12号仓库', custody: 'agency', grounds: '当事人正在转移库存钢瓶', items } }
    const byOfficer = await officer.post(`/api/cases/${id}/actions/preserve_evidence`, body)
    expect(byOfficer.statusCode).toBe(403)
    const res = await act(t, head, id, 'preserve_evidence', body)
    expect(res.issuedDocuments.map((d: { kind: string }) => d.kind)).toEqual(['preservation_notice', 'preservation_list'])
    // 11-20 (Fri) not counted: 11-23…11-27, 11-30, 12-01.
    expect(deadlinesOf(res, 'preservation')).toMatchObject([{ status: 'open', dueOn: '2026-12-01' }])
    expect(res.preservations).toMatchObject([{ seq: 1, preservedOn: '2026-11-20', dueOn: '2026-12-01', resolvedOn: null, items: [{ name: '液化石油气钢瓶', status: 'preserved' }, { name: '销售台账', status: 'preserved' }] }])
    const kept = await act(t, head, id, 'preserve_evidence', { preservation: { ...body.preservation, custody: 'on_site', custodian: null } }, 400)
    expect(kept.message).toContain('就地保存的，请填写保管人')
  })

  it('art. 56: no decision while a preservation has no 处理决定; every item gets one; 没收 only by the decision', async () => {
    // 没收非法财物 must lie in the item's statutory range (the fixture's test range has no such kind).
    await t.db.updateTable('power_item').set({ statutory_range: JSON.stringify({ ...testStatutoryRange, kinds: [...testStatutoryRange.kinds, 'confiscate_property'] }) }).where('id', '=', f.heldItemId).execute()
    onTestFinished(async () => {
      await t.db.updateTable('power_item').set({ statutory_range: JSON.stringify(testStatutoryRange) }).where('id', '=', f.heldItemId).execute()
    })
    const id = await investigating('2026-11-20', '先行登记保存处理案')
    const preserved = await act(t, head, id, 'preserve_evidence', { preservation: { preservedOn: '2026-11-20', place: '金山镇东街12号', custody: 'on_site', custodian: '李强', grounds: '钢瓶可能被转移', items } })
    const [cylinders, ledger] = preserved.preservations[0].items as Array<{ id: string }>
    const preservationId = preserved.preservations[0].id as string
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(500_000, { kinds: ['fine', 'confiscate_property'], confiscateFen: 120_000 }) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-20' } })
    at(t, '2026-11-30')
    await act(t, officer, id, 'conclude_statements')
    const unresolved = await act(t, head, id, 'decide', { decision: decision(500_000) }, 422)
    expect(guardsOf(unresolved)).toContain('preservation_resolved')
    expect(unresolved.message).toContain('第1次先行登记保存（2026-11-20）尚未作出处理决定（期限 2026-12-01）')

    const partial = await act(t, head, id, 'resolve_preservation', { preservationResolution: { preservationId, items: [{ itemId: ledger.id, outcome: 'release' }] } }, 422)
    expect(partial.message).toContain('尚未处理：液化石油气钢瓶')
    const resolved = await act(t, head, id, 'resolve_preservation', {
      preservationResolution: { preservationId, items: [{ itemId: ledger.id, outcome: 'release' }, { itemId: cylinders.id, outcome: 'confiscate' }] },
    })
    expect(resolved.preservations[0]).toMatchObject({ resolvedOn: '2026-11-30', late: false, items: [{ status: 'held_for_decision' }, { status: 'released', outcomeOn: '2026-11-30' }] })
    expect(deadlinesOf(resolved, 'preservation')).toMatchObject([{ status: 'met', metOn: '2026-11-30', late: false }])

    // The cylinders are held for 没收: a decision that does not confiscate 非法财物 is refused.
    const noConfiscation = await act(t, head, id, 'decide', { decision: decision(500_000) }, 422)
    expect(noConfiscation.message).toContain('液化石油气钢瓶经处理决定拟没收，处罚决定须没收非法财物')
    const decided = await act(t, head, id, 'decide', { decision: decision(500_000, { kinds: ['fine', 'confiscate_property'], confiscateFen: 120_000 }) })
    expect(decided.preservations[0].items).toMatchObject([{ name: '液化石油气钢瓶', status: 'confiscated', outcomeOn: '2026-11-30' }, { status: 'released' }])
    expect(decided.events.at(-1).data.confiscatedItems).toEqual([{ name: '液化石油气钢瓶', spec: '15kg', quantity: '12', unit: '只' }])
  })

  it('art. 56: a 处理决定 after the seventh working day is recorded late; a case cannot end holding items', async () => {
    const id = await investigating('2026-11-20', '先行登记保存逾期案')
    const preserved = await act(t, head, id, 'preserve_evidence', { preservation: { preservedOn: '2026-11-20', place: '金山镇', custody: 'agency', grounds: '证据可能灭失', items: [items[0]] } })
    const terminate = await act(t, head, id, 'terminate', { reason: '违法事实不能成立' }, 422)
    expect(guardsOf(terminate)).toEqual(['preservation_resolved'])
    at(t, '2026-12-02')
    const p = preserved.preservations[0]
    const resolved = await act(t, head, id, 'resolve_preservation', { preservationResolution: { preservationId: p.id, items: [{ itemId: p.items[0].id, outcome: 'transfer', transferTo: '禄丰市市场监督管理局' }] } })
    expect(resolved.preservations[0]).toMatchObject({ late: true, items: [{ status: 'transferred', transferTo: '禄丰市市场监督管理局' }] })
    expect(deadlinesOf(resolved, 'preservation')).toMatchObject([{ status: 'met', metOn: '2026-12-02', late: true }])
    await act(t, head, id, 'terminate', { reason: '违法事实不能成立' })
  })
})

describe('公告送达 (民事诉讼法 art. 95): deemed served thirty days after the announcement', () => {
  async function decided(title: string) {
    const id = await investigating('2026-11-02', title)
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(500_000) })
    await act(t, officer, id, 'notify', { notice: { servedOn: '2026-11-02' } })
    at(t, '2026-11-10')
    await act(t, officer, id, 'conclude_statements')
    await act(t, head, id, 'decide', { decision: decision(500_000) })
    return id
  }

  it('art. 61: announcement only after other methods failed or with the whereabouts unknown', async () => {
    const id = await decided('公告送达前置条件案')
    const bare = await act(t, officer, id, 'deliver', { delivery: { method: 'announcement', announcement: { announcedOn: '2026-11-10', medium: '禄丰市人民政府门户网站' } } }, 422)
    expect(bare.message).toContain('公告送达须在受送达人下落不明')
    const typed = await act(t, officer, id, 'deliver', { delivery: { method: 'announcement', deliveredOn: '2026-11-10', announcement: { announcedOn: '2026-11-10', medium: '网站', whereaboutsUnknown: true } } }, 400)
    expect(typed.message).toContain('公告送达的送达日期由公告日期推算')
  })

  it('art. 67: the payment period runs from the deemed day, and the case executes from then', async () => {
    const id = await decided('公告送达缴款期限案')
    const res = await act(t, officer, id, 'deliver', {
      delivery: {
        method: 'announcement',
        announcement: { announcedOn: '2026-11-10', medium: '禄丰市人民政府门户网站', attempts: [{ method: 'post', on: '2026-11-10', result: '查无此人，邮件退回' }] },
      },
    })
    // 11-10 + 30 days = 12-10 (Thu); 15 days to pay from then: 12-25.
    expect(res.case).toMatchObject({ status: 'executing', deliveredOn: '2026-12-10', paymentDueOn: '2026-12-25' })
    expect(deadlinesOf(res, 'delivery')).toMatchObject([{ status: 'met', metOn: '2026-11-10' }])
    expect(res.events.at(-1).data.delivery).toMatchObject({ method: 'announcement', deliveredOn: '2026-12-10', announcement: { deemedServedOn: '2026-12-10' } })
  })

  it('arts. 44, 64: the statement and hearing periods of a notice served by announcement run from the deemed day', async () => {
    const id = await investigating('2026-11-02', '公告送达告知书案')
    await act(t, officer, id, 'finish_investigation', { proposal: proposal(500_000) })
    const res = await act(t, officer, id, 'notify', { notice: { method: 'announcement', announcement: { announcedOn: '2026-11-02', medium: '公告栏', whereaboutsUnknown: true } } })
    // Deemed served 12-02 (Wed); statement 5 working days: 12-09.
    expect(res.case).toMatchObject({ noticeServedOn: '2026-12-02' })
    expect(deadlinesOf(res, 'statement')).toMatchObject([{ status: 'open', dueOn: '2026-12-09' }])
    at(t, '2026-11-20')
    const early = await act(t, officer, id, 'conclude_statements', {}, 422)
    expect(guardsOf(early)).toEqual(['statement_window_closed'])
    expect(early.message).toContain('陈述申辩期限至 2026-12-09')
  })
})
