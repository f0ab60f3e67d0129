import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'

let t: TestApp
let sfj: Client
beforeAll(async () => {
  t = await createTestApp()
  sfj = await t.as('sfj')
})
afterAll(() => t.close())

const JINSHAN = '532331100'
const GUANGTONG = '532331101'

type Summary = {
  townships: Array<{ code: string; name: string; basic: number; cooperative: number; reclaimed: number; pending: number; actions: string[] }>
  totals: { basic: number; cooperative: number; reclaimed: number }
  adjustmentsByYear: Array<{ year: number; approved: number; rejected: number; pending: number }>
}

async function summary(client: Client = sfj): Promise<Summary> {
  return (await client.get('/api/duties/summary')).json()
}

async function firstItem(township: string, category: string, client: Client = sfj) {
  return (await client.get(`/api/duties/items?township=${township}&category=${category}&pageSize=1`)).json().items[0]
}

describe('the demo duty lists (source article)', () => {
  it('total 2069 basic and 1967 cooperative duties over 14 townships, with 51 adjustments completed in 2025', async () => {
    const s = await summary()
    expect(s.townships).toHaveLength(14)
    expect(s.totals.basic).toBe(2069)
    expect(s.totals.cooperative).toBe(1967)
    expect(s.totals.reclaimed).toBeGreaterThan(14)
    expect(s.adjustmentsByYear).toEqual([
      { year: 2026, approved: 0, rejected: 0, pending: 3 },
      { year: 2025, approved: 51, rejected: 2, pending: 0 },
    ])
    expect(s.townships.every((x) => x.basic > 100 && x.cooperative > 100)).toBe(true)
    const public_ = (await t.anonymous.get('/api/public/duties/townships')).json()
    expect(public_.totals).toEqual(s.totals)
  })

  it('filters the 2025 adjustments by year and shows the approval reference', async () => {
    const res = (await sfj.get('/api/duties/adjustments?year=2025&status=approved&pageSize=100')).json()
    expect(res.total).toBe(51)
    expect(res.items.every((a: { approvalRef: string | null }) => a.approvalRef?.startsWith('禄编委〔2025〕'))).toBe(true)
    expect(new Set(res.items.map((a: { op: string }) => a.op))).toEqual(new Set(['add', 'remove', 'modify', 'recategorize']))
  })

  it('shows each township only to those whose scope covers it', async () => {
    const jsHead = await t.as('js_head')
    const own = await summary(jsHead)
    expect(own.townships.map((x) => x.name)).toEqual(['金山镇'])
    expect(own.townships[0]!.actions).toEqual(['propose'])
    const department = await summary(await t.as('zjj_head'))
    expect(department.townships).toHaveLength(14)
    expect(department.townships.every((x) => x.actions.length === 0)).toBe(true)
    const mouding = await summary(await t.as('md_sfj'))
    expect(mouding.townships.map((x) => x.name)).toEqual(['共和镇', '新桥镇'])
    const other = await jsHead.get(`/api/duties/items?township=${GUANGTONG}`)
    expect(other.json().total).toBe(0)
  })

  it('puts the pending adjustments in the supervisors’ to-do list', async () => {
    const todos = (await sfj.get('/api/todos')).json()
    expect(todos.counts.duties).toBe(3)
    expect(todos.items.find((i: { kind: string }) => i.kind === 'duty.adjustment.decide').link).toMatch(/^\/catalogue\/duties\?township=/)
  })
})

describe('dynamic adjustment (动态调整)', () => {
  it('lets the township head propose for their own township only, with a reason', async () => {
    const jsHead = await t.as('js_head')
    const body = {
      townshipCode: JINSHAN,
      op: 'add',
      category: 'basic',
      item: { name: '集镇夜市经营秩序的日常管理', leadDepartment: '综合行政执法队', cooperatingDepartments: ['市市场监督管理局'] },
      reason: '集镇夜市开市后需乡镇日常管理。',
    }
    const created = await jsHead.post('/api/duties/adjustments', body)
    expect(created.statusCode).toBe(201)
    expect(created.json().adjustment).toMatchObject({ status: 'pending', opLabel: '新增事项', townshipName: '金山镇', createdByOrgName: '禄丰市金山镇人民政府', actions: [] })
    expect((await jsHead.post('/api/duties/adjustments', { ...body, townshipCode: GUANGTONG })).statusCode).toBe(403)
    expect((await (await t.as('zjj_head')).post('/api/duties/adjustments', body)).statusCode).toBe(403)
    expect((await (await t.as('zjj_officer')).post('/api/duties/adjustments', body)).statusCode).toBe(403)
    expect((await jsHead.post('/api/duties/adjustments', { ...body, reason: '' })).statusCode).toBe(400)
    expect((await jsHead.post('/api/duties/adjustments', { ...body, item: { name: '缺少牵头部门的事项' } })).statusCode).toBe(400)
  })

  it('applies an addition only when a supervisor approves it with a reference', async () => {
    const before = (await summary()).townships.find((x) => x.code === JINSHAN)!
    const pending = (await sfj.get(`/api/duties/adjustments?township=${JINSHAN}&status=pending`)).json().items
    const addition = pending.find((a: { itemName: string }) => a.itemName === '集镇夜市经营秩序的日常管理')
    expect(addition.actions).toEqual(['approve', 'reject'])
    expect((await (await t.as('js_head')).post(`/api/duties/adjustments/${addition.id}/approve`, { approvalRef: '禄编委〔2026〕5号' })).statusCode).toBe(403)
    expect((await sfj.post(`/api/duties/adjustments/${addition.id}/approve`, {})).statusCode).toBe(400)
    const approved = await sfj.post(`/api/duties/adjustments/${addition.id}/approve`, { approvalRef: '禄编委〔2026〕5号' })
    expect(approved.statusCode).toBe(200)
    expect(approved.json().adjustment).toMatchObject({ status: 'approved', approvalRef: '禄编委〔2026〕5号', actions: [] })
    const after = (await summary()).townships.find((x) => x.code === JINSHAN)!
    expect(after.basic).toBe(before.basic + 1)
    const found = (await sfj.get(`/api/duties/items?township=${JINSHAN}&q=夜市`)).json().items
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ category: 'basic', seq: expect.any(Number), leadDepartment: '综合行政执法队', cooperatingDepartments: ['市市场监督管理局'] })
    const again = await sfj.post(`/api/duties/adjustments/${addition.id}/approve`, { approvalRef: '禄编委〔2026〕5号' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('INVALID_STATE')
  })

  it('recategorizes, modifies and removes items on approval, and leaves them alone on rejection', async () => {
    const item = await firstItem(GUANGTONG, 'cooperative')
    const recategorize = await sfj.post('/api/duties/adjustments', {
      townshipCode: GUANGTONG,
      op: 'recategorize',
      dutyItemId: item.id,
      category: 'basic',
      item: { name: item.name.replace(/^配合(.+?)开展/, ''), leadDepartment: '经济发展办公室' },
      reason: '该事项实际由乡镇牵头落实。',
    })
    expect(recategorize.statusCode).toBe(201)
    expect(recategorize.json().adjustment.proposal).toMatchObject({ category: 'basic', fromCategory: 'cooperative', categoryLabel: '基本履职事项' })
    await sfj.post(`/api/duties/adjustments/${recategorize.json().adjustment.id}/approve`, { approvalRef: '禄编委〔2026〕6号' })
    const moved = (await sfj.get(`/api/duties/items?township=${GUANGTONG}&q=${encodeURIComponent(item.name.replace(/^配合(.+?)开展/, ''))}`)).json().items
    expect(moved.find((m: { id: string }) => m.id === item.id)).toMatchObject({ category: 'basic', leadDepartment: '经济发展办公室' })

    const basic = await firstItem(GUANGTONG, 'basic')
    const modify = await sfj.post('/api/duties/adjustments', {
      townshipCode: GUANGTONG,
      op: 'modify',
      dutyItemId: basic.id,
      item: { cooperatingDepartments: [...basic.cooperatingDepartments, '市司法局'] },
      reason: '增加配合部门。',
    })
    expect(modify.json().adjustment.proposal).toEqual({ cooperatingDepartments: [...basic.cooperatingDepartments, '市司法局'] })
    expect((await sfj.post('/api/duties/adjustments', { townshipCode: GUANGTONG, op: 'remove', dutyItemId: basic.id, reason: '重复申请' })).statusCode).toBe(409)
    await sfj.post(`/api/duties/adjustments/${modify.json().adjustment.id}/approve`, { approvalRef: '禄编委〔2026〕6号' })
    expect((await firstItem(GUANGTONG, 'basic')).cooperatingDepartments).toContain('市司法局')

    const reject = await sfj.post('/api/duties/adjustments', { townshipCode: GUANGTONG, op: 'remove', dutyItemId: basic.id, reason: '申请取消。' })
    const rejected = await sfj.post(`/api/duties/adjustments/${reject.json().adjustment.id}/reject`, { note: '该事项仍需乡镇履行。' })
    expect(rejected.json().adjustment).toMatchObject({ status: 'rejected', decisionNote: '该事项仍需乡镇履行。' })
    expect((await firstItem(GUANGTONG, 'basic')).id).toBe(basic.id)

    const before = (await summary()).townships.find((x) => x.code === GUANGTONG)!
    const remove = await sfj.post('/api/duties/adjustments', { townshipCode: GUANGTONG, op: 'remove', dutyItemId: basic.id, reason: '已由市级部门统一承担。' })
    await sfj.post(`/api/duties/adjustments/${remove.json().adjustment.id}/approve`, { approvalRef: '禄编委〔2026〕7号' })
    expect((await summary()).townships.find((x) => x.code === GUANGTONG)!.basic).toBe(before.basic - 1)
    expect((await firstItem(GUANGTONG, 'basic')).id).not.toBe(basic.id)
    // A removed item cannot be adjusted again.
    expect((await sfj.post('/api/duties/adjustments', { townshipCode: GUANGTONG, op: 'modify', dutyItemId: basic.id, item: { name: '再改' }, reason: '测试' })).statusCode).toBe(409)
  })

  it('counts the decisions per year and audits every step', async () => {
    const year2026 = (await summary()).adjustmentsByYear.find((y) => y.year === 2026)!
    expect(year2026).toEqual({ year: 2026, approved: 4, rejected: 1, pending: 3 })
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'duty_adjustment').execute()
    expect(actions.filter((a) => a.action === 'duty_adjustment.propose')).toHaveLength(5)
    expect(actions.filter((a) => a.action === 'duty_adjustment.approve')).toHaveLength(4)
    expect(actions.filter((a) => a.action === 'duty_adjustment.reject')).toHaveLength(1)
  })
})

describe('public duty lists', () => {
  it('search by township, category and text, showing only the published columns', async () => {
    const res = await t.anonymous.get(`/api/public/duties?township=${JINSHAN}&category=cooperative&q=${encodeURIComponent('自然资源局')}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBeGreaterThan(5)
    expect(body.items.every((i: { townshipName: string; category: string }) => i.townshipName === '金山镇' && i.category === 'cooperative')).toBe(true)
    expect(Object.keys(body.items[0]).sort()).toEqual(
      ['category', 'categoryLabel', 'cooperatingDepartments', 'leadDepartment', 'legalBasis', 'name', 'powerItemCode', 'powerItemName', 'seq', 'townshipCode', 'townshipName'].sort(),
    )
    const linked = (await t.anonymous.get(`/api/public/duties?township=${JINSHAN}&q=${encodeURIComponent('相对集中')}`)).json()
    expect(linked.items[0].powerItemCode).toMatch(/^CF-/)
    const townships = (await t.anonymous.get('/api/public/duties/townships')).json()
    expect(townships.items).toHaveLength(14)
    expect(Object.keys(townships.items[0]).sort()).toEqual(['basic', 'code', 'cooperative', 'name', 'reclaimed'])
  })
})
