import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { unitHoldsPowerItem } from './catalogue.repository'

let t: TestApp
let sfj: Client
beforeAll(async () => {
  t = await createTestApp()
  sfj = await t.as('sfj')
})
afterAll(() => t.close())

type Version = { id: string; title: string; year: number; status: string; itemCount: number; pendingAdjustments: number; actions: string[] }
type Adjustment = { id: string; op: string; itemCode: string; status: string; actions: string[]; changes: Array<{ field: string }> }

async function versionOf(year: number, client: Client = sfj): Promise<Version> {
  const res = await client.get('/api/catalogue/versions')
  const version = (res.json().items as Version[]).find((v) => v.year === year)
  if (!version) throw new Error(`no ${year} version`)
  return version
}

async function adjustmentsOf(versionId: string, client: Client = sfj): Promise<Adjustment[]> {
  return (await client.get(`/api/catalogue/versions/${versionId}/adjustments`)).json().items
}

async function powerItemByCode(code: string) {
  return t.db.selectFrom('power_item').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow()
}

async function orgId(code: string) {
  return (await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

const legalBasis = [{ law: '《中华人民共和国森林法》', article: '第七十四条第二款', text: '违反本法规定，在幼林地砍柴、毁苗、放牧造成林木毁坏的……' }]

describe('the demo catalogue (source article)', () => {
  it('has the 2025 version in force: 90 items, 39 住房城乡建设 + 33 林草 + 18 自然资源和规划, decided by the 常务会议', async () => {
    const res = await t.anonymous.get('/api/public/catalogue')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.version).toMatchObject({ title: '禄丰市相对集中行政处罚权事项目录（2025年版）', status: 'published', itemCount: 90 })
    expect(body.version.meetingName).toMatch(/常务会议/)
    expect(body.items).toHaveLength(90)
    expect(Object.fromEntries(body.domains.map((d: { domain: string; count: number }) => [d.domain, d.count]))).toEqual({
      住房城乡建设: 39,
      林草: 33,
      自然资源和规划: 18,
    })
    // 相对集中: the townships' governments hold the items.
    const spill = body.items.find((i: { code: string }) => i.code === 'CF-ZJ-006')
    expect(spill.holderNames).toContain('禄丰市金山镇人民政府')
    expect(spill.legalBasis[0]).toMatchObject({ law: '城市市容和环境卫生管理条例', article: '第三十四条第（六）项' })
  })

  it('shows what changed from 2024 to 2025, field by field', async () => {
    const versions = (await t.anonymous.get('/api/public/catalogue/versions')).json().items as Version[]
    expect(versions.map((v) => [v.year, v.status])).toEqual([
      [2025, 'published'],
      [2024, 'superseded'],
    ])
    const [v2025, v2024] = versions
    const diff = (await t.anonymous.get(`/api/public/catalogue/diff?from=${v2024!.id}&to=${v2025!.id}`)).json()
    expect(diff.added.map((i: { code: string }) => i.code)).toEqual(['CF-LC-032', 'CF-LC-033', 'CF-ZJ-039'])
    expect(diff.removed.map((i: { code: string }) => i.code)).toEqual(['CF-LC-034', 'CF-ZJ-040'])
    const changed = Object.fromEntries(diff.modified.map((m: { code: string; changes: Array<{ field: string }> }) => [m.code, m.changes.map((c) => c.field)]))
    expect(changed).toEqual({ 'CF-LC-005': ['legalBasis'], 'CF-LC-006': ['legalBasis'], 'CF-ZJ-006': ['holderNames'], 'CF-ZR-008': ['name'] })
    expect(diff.unchangedCount).toBe(83)
  })
})

describe('power items (权力事项)', () => {
  it('lists with filters by kind, domain and holder', async () => {
    const client = await t.as('zjj_officer')
    const forest = (await client.get('/api/catalogue/power-items?domain=林草&kind=penalty&pageSize=100')).json()
    expect(forest.total).toBe(34)
    // 行政检查 items of the domain (林木采伐, 木材经营加工, 使用林地), seeded beside the penalty items.
    const forestInspections = (await client.get('/api/catalogue/power-items?domain=林草&kind=inspection&pageSize=100')).json()
    expect(forestInspections.items.map((i: { kind: string }) => i.kind)).toEqual(['inspection', 'inspection', 'inspection'])
    expect(forest.actions).toEqual([])
    expect(forest.items[0].actions).toEqual([])
    const options = (await sfj.get('/api/catalogue/power-items/options')).json()
    const zhzf = options.holders.find((h: { name: string }) => h.name === '禄丰市综合行政执法局')
    const held = (await sfj.get(`/api/catalogue/power-items?holderEntityId=${zhzf.id}&pageSize=100`)).json()
    expect(held.total).toBe(26)
    expect(held.items.every((i: { code: string }) => i.code.startsWith('CF-ZJ-'))).toBe(true)
    expect((await sfj.get('/api/catalogue/power-items?kind=license')).json().total).toBe(0)
    expect((await sfj.get('/api/catalogue/power-items?q=测量标志')).json().items.map((i: { code: string }) => i.code)).toEqual(['CF-ZR-017'])
  })

  it('lets a supervisor create and edit an item with its legal basis and holders, audited', async () => {
    const options = (await sfj.get('/api/catalogue/power-items/options')).json()
    const holders = options.holders.filter((h: { name: string }) => h.name === '禄丰市林业和草原局' || h.name === '禄丰市金山镇人民政府')
    expect(holders).toHaveLength(2)
    const created = await sfj.post('/api/catalogue/power-items', {
      code: 'CF-LC-901',
      name: '对在幼林地砍柴、毁苗、放牧造成林木毁坏的处罚（测试）',
      kind: 'penalty',
      domain: '林草',
      legalBasis,
      holderEntityIds: holders.map((h: { id: string }) => h.id),
    })
    expect(created.statusCode).toBe(201)
    const item = created.json().item
    expect(item).toMatchObject({ code: 'CF-LC-901', kindLabel: '行政处罚', status: 'active', actions: ['update', 'repeal'] })
    expect(item.legalBasis[0].law).toBe('中华人民共和国森林法')
    expect(item.holders).toHaveLength(2)

    const edited = await sfj.patch(`/api/catalogue/power-items/${item.id}`, { name: '对在幼林地放牧造成林木毁坏的处罚', holderEntityIds: [holders[0].id] })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().item.holders).toHaveLength(1)
    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', item.id).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['power_item.create', 'power_item.update'])

    expect((await sfj.post('/api/catalogue/power-items', { ...created.json().item, holderEntityIds: [] })).statusCode).toBe(409)
    expect((await sfj.post(`/api/catalogue/power-items/${item.id}/repeal`, { reason: '测试完毕' })).json().item.status).toBe('repealed')
    const again = await sfj.post(`/api/catalogue/power-items/${item.id}/repeal`, { reason: '再次废止' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('INVALID_STATE')
  })

  it('keeps each county’s items to its own bureau: 牟定 may not edit, repeal or restore a 禄丰 item, and learns nothing of its state', async () => {
    const md = await t.as('md_sfj')
    const item = await t.db.selectFrom('power_item').select(['id', 'status']).where('code', '=', 'CF-ZR-017').executeTakeFirstOrThrow()
    expect(item.status).toBe('active')
    const listed = (await md.get('/api/catalogue/power-items?q=CF-ZR-017')).json().items[0]
    expect(listed.actions).toEqual([])
    const repeal = await md.post(`/api/catalogue/power-items/${item.id}/repeal`, { reason: '越权废止' })
    expect(repeal.statusCode).toBe(403)
    // Restoring an active item would be a state error for its keeper; for another county it is only a refusal.
    expect((await md.post(`/api/catalogue/power-items/${item.id}/restore`, { reason: '越权恢复' })).statusCode).toBe(403)
    expect((await md.patch(`/api/catalogue/power-items/${item.id}`, { name: '被篡改的事项' })).statusCode).toBe(403)
    expect((await t.db.selectFrom('power_item').select(['status', 'name']).where('id', '=', item.id).executeTakeFirstOrThrow()).status).toBe('active')
    // A volunteer is refused before the item is even looked up.
    expect((await (await t.as('volunteer')).post(`/api/catalogue/power-items/${item.id}/restore`, { reason: '无权' })).statusCode).toBe(403)
    // 牟定's own item (entered by its bureau) is its to keep, and 禄丰's bureau may not touch it.
    const own = await md.post('/api/catalogue/power-items', { code: 'MD-TEST-001', name: '牟定县测试事项', kind: 'penalty', domain: '林草', legalBasis })
    expect(own.statusCode).toBe(201)
    expect(own.json().item.actions).toEqual(['update', 'repeal'])
    expect((await sfj.post(`/api/catalogue/power-items/${own.json().item.id}/repeal`, { reason: '越权废止' })).statusCode).toBe(403)
  })

  it('refuses staff who do not keep the catalogue, and bad input', async () => {
    const officer = await t.as('zjj_officer')
    const body = { code: 'CF-ZJ-902', name: '测试事项', kind: 'penalty', domain: '住房城乡建设', legalBasis }
    expect((await officer.post('/api/catalogue/power-items', body)).statusCode).toBe(403)
    const noBasis = await sfj.post('/api/catalogue/power-items', { ...body, legalBasis: [] })
    expect(noBasis.statusCode).toBe(400)
    expect(noBasis.json().code).toBe('VALIDATION_FAILED')
    expect((await sfj.post('/api/catalogue/power-items', { ...body, kind: 'fine' })).statusCode).toBe(400)
    expect((await t.anonymous.get('/api/catalogue/power-items')).statusCode).toBe(401)
    expect((await (await t.as('volunteer')).get('/api/catalogue/power-items')).statusCode).toBe(403)
  })
})

describe('unitHoldsPowerItem (清单之外无权力)', () => {
  it('holds what the unit’s own entity holds, and only items in force', async () => {
    const spill = await powerItemByCode('CF-ZJ-001')
    expect(await unitHoldsPowerItem(t.db, await orgId('JS-ZF'), spill.id, '2026-11-20')).toBe(true)
    expect(await unitHoldsPowerItem(t.db, await orgId('LF-ZHZF'), spill.id, '2026-11-20')).toBe(true)
    expect(await unitHoldsPowerItem(t.db, await orgId('LF-SCJG'), spill.id, '2026-11-20')).toBe(false)
    const water = await powerItemByCode('CF-ZJ-041')
    expect(await unitHoldsPowerItem(t.db, await orgId('LF-ZJJ'), water.id, '2026-11-20')).toBe(true)
    expect(await unitHoldsPowerItem(t.db, await orgId('GT-ZF'), water.id, '2026-11-20')).toBe(false)
    const timberPermit = await powerItemByCode('CF-LC-034')
    expect(await unitHoldsPowerItem(t.db, await orgId('LF-LCJ'), timberPermit.id, '2026-11-20')).toBe(false)
  })

  it('lets a team without an entity act in its township government’s name', async () => {
    const team = await t.db
      .selectFrom('org as o')
      .select(['o.id', 'o.code'])
      .where('o.kind', '=', 'team')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('enforcement_entity as e').select('e.id').whereRef('e.org_id', '=', 'o.id'))))
      .where('o.code', 'like', '%-ZFD')
      .orderBy('o.code')
      .executeTakeFirstOrThrow()
    const item = await powerItemByCode('CF-LC-015')
    expect(await unitHoldsPowerItem(t.db, team.id, item.id, '2026-11-20')).toBe(true)
    expect(await unitHoldsPowerItem(t.db, team.id, (await powerItemByCode('CF-ZJ-041')).id, '2026-11-20')).toBe(false)
  })

  it('lets an entrusted unit exercise the entrusting entity’s items while the delegation is active', async () => {
    const item = await powerItemByCode('CF-ZR-017')
    const agent = await orgId('LF-NYNC')
    expect(await unitHoldsPowerItem(t.db, agent, item.id, '2026-11-20')).toBe(false)
    const principal = await t.db.selectFrom('enforcement_entity').select('id').where('org_id', '=', await orgId('LF-ZRZY')).executeTakeFirstOrThrow()
    const { id } = await t.db
      .insertInto('delegation')
      .values({
        principal_entity_id: principal.id,
        agent_org_id: agent,
        document_no: '禄自然资源发〔2026〕99号',
        document_title: '测试委托',
        scope: '测量标志保护',
        valid_from: '2026-01-01',
        valid_to: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(await unitHoldsPowerItem(t.db, agent, item.id, '2026-11-20')).toBe(true)
    expect(await unitHoldsPowerItem(t.db, agent, item.id, '2027-01-05')).toBe(false)
    await t.db.updateTable('delegation').set({ status: 'revoked' }).where('id', '=', id).execute()
    expect(await unitHoldsPowerItem(t.db, agent, item.id, '2026-11-20')).toBe(false)
  })
})

describe('catalogue versions: draft → adjustments → approval → publication', () => {
  it('shows the 2026 draft with its pending requests to the supervisors, in their to-do list', async () => {
    const draft = await versionOf(2026)
    expect(draft).toMatchObject({ status: 'draft', itemCount: 90, pendingAdjustments: 3, actions: ['propose'] })
    const todos = (await sfj.get('/api/todos')).json()
    expect(todos.counts.catalogue).toBe(4)
    expect(todos.items.filter((i: { kind: string }) => i.kind === 'catalogue.adjustment.decide')).toHaveLength(3)
    expect((await (await t.as('zjj_head')).get('/api/todos')).json().counts.catalogue).toBeUndefined()
    // Another county's supervisor does not see 禄丰's draft.
    const md = await t.as('md_sfj')
    expect((await md.get(`/api/catalogue/versions/${draft.id}`)).statusCode).toBe(404)
    expect((await md.get('/api/catalogue/versions')).json().items).toEqual([])
  })

  it('refuses a second version while one is being worked on', async () => {
    const res = await sfj.post('/api/catalogue/versions', { year: 2027 })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('INVALID_STATE')
    expect((await (await t.as('zjj_head')).post('/api/catalogue/versions', { year: 2027 })).statusCode).toBe(403)
  })

  it('lets a unit head propose a change, but only supervisors decide it', async () => {
    const draft = await versionOf(2026)
    const head = await t.as('zjj_head')
    const proposed = await head.post(`/api/catalogue/versions/${draft.id}/adjustments`, {
      op: 'modify',
      itemCode: 'CF-ZJ-033',
      reason: '施工许可证核发权限调整，申请补充《中华人民共和国建筑法》第六十四条为依据。',
      item: {
        legalBasis: [
          ...(await versionItem(draft.id, 'CF-ZJ-033')).legalBasis,
          { law: '中华人民共和国建筑法', article: '第六十四条', text: '违反本法规定，未取得施工许可证或者开工报告未经批准擅自施工的，责令改正，对不符合开工条件的责令停止施工，可以处以罚款。' },
        ],
      },
    })
    expect(proposed.statusCode).toBe(201)
    const adjustment = proposed.json().adjustment
    expect(adjustment).toMatchObject({ status: 'pending', op: 'modify', createdByOrgName: '禄丰市住房和城乡建设局', actions: [] })
    expect(adjustment.changes.map((c: { field: string }) => c.field)).toEqual(['legalBasis'])
    expect((await head.post(`/api/catalogue/adjustments/${adjustment.id}/accept`, {})).statusCode).toBe(403)
    const officer = await t.as('zjj_officer')
    expect((await officer.post(`/api/catalogue/versions/${draft.id}/adjustments`, { op: 'remove', itemCode: 'CF-ZJ-001', reason: '测试' })).statusCode).toBe(403)
    // One pending request per item.
    const twice = await sfj.post(`/api/catalogue/versions/${draft.id}/adjustments`, { op: 'remove', itemCode: 'CF-ZJ-033', reason: '重复申请' })
    expect(twice.statusCode).toBe(409)
  })

  it('checks a request against the draft', async () => {
    const draft = await versionOf(2026)
    const post = (body: object) => sfj.post(`/api/catalogue/versions/${draft.id}/adjustments`, body)
    expect((await post({ op: 'add', itemCode: 'CF-ZJ-001', reason: '已在目录中' })).statusCode).toBe(409)
    expect((await post({ op: 'remove', itemCode: 'CF-XX-999', reason: '目录中没有' })).statusCode).toBe(409)
    const incomplete = await post({ op: 'add', itemCode: 'CF-XX-999', reason: '权力事项库中没有，也没有填写内容' })
    expect(incomplete.statusCode).toBe(400)
    expect((await post({ op: 'modify', itemCode: 'CF-ZJ-002', reason: '没有变化', item: { name: (await versionItem(draft.id, 'CF-ZJ-002')).name } })).statusCode).toBe(400)
  })

  it('refuses approval while requests are pending, and without the meeting that decided it', async () => {
    const draft = await versionOf(2026)
    const meeting = { meetingName: '禄丰市人民政府2026年第9次常务会议', meetingDate: '2026-11-18', approvalDocNo: '禄政发〔2026〕30号' }
    const pending = await sfj.post(`/api/catalogue/versions/${draft.id}/approve`, meeting)
    expect(pending.statusCode).toBe(409)
    expect(pending.json().message).toMatch(/调整申请未处理/)
    const missing = await sfj.post(`/api/catalogue/versions/${draft.id}/approve`, { meetingName: '禄丰市人民政府2026年第9次常务会议', meetingDate: '2026-11-18' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().code).toBe('VALIDATION_FAILED')
    expect((await sfj.post(`/api/catalogue/versions/${draft.id}/approve`, { ...meeting, meetingDate: '18/11/2026' })).statusCode).toBe(400)
    const publish = await sfj.post(`/api/catalogue/versions/${draft.id}/publish`)
    expect(publish.statusCode).toBe(409)
    expect(publish.json().code).toBe('INVALID_STATE')
  })

  it('applies accepted requests to the draft and leaves rejected ones out', async () => {
    const draft = await versionOf(2026)
    const pending = (await adjustmentsOf(draft.id)).filter((a) => a.status === 'pending')
    expect(pending.every((a) => a.actions.join() === 'accept,reject')).toBe(true)
    const byCode = Object.fromEntries(pending.map((a) => [a.itemCode, a]))
    // 矿产资源法 2024: accept; 金山镇's removal of CF-ZR-004: reject; its addition of CF-ZJ-041: accept.
    expect((await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZR-015']!.id}/accept`, { note: '同意' })).json().adjustment.status).toBe('accepted')
    const rejected = await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZR-004']!.id}/reject`, { note: '乡镇可依托市自然资源局技术支持履行，暂不取消。' })
    expect(rejected.json().adjustment).toMatchObject({ status: 'rejected', actions: [] })
    expect((await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZJ-041']!.id}/accept`, {})).statusCode).toBe(200)
    expect((await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZJ-033']!.id}/accept`, {})).statusCode).toBe(200)
    const again = await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZR-015']!.id}/reject`, { note: '改主意了' })
    expect(again.statusCode).toBe(409)
    expect((await sfj.post(`/api/catalogue/adjustments/${byCode['CF-ZR-004']!.id}/reject`, {})).statusCode).toBe(400)

    expect((await versionItem(draft.id, 'CF-ZR-015')).legalBasis[0]).toMatchObject({ law: '中华人民共和国矿产资源法（2024年修订）', article: '第六十四条第一款' })
    expect(await versionItem(draft.id, 'CF-ZR-004')).toBeDefined()
    expect(await versionItem(draft.id, 'CF-ZJ-041')).toBeDefined()
    expect((await versionOf(2026)).itemCount).toBe(91)
  })

  it('diffs any two versions, the draft included', async () => {
    const [v2024, draft] = [await versionOf(2024), await versionOf(2026)]
    const diff = (await sfj.get(`/api/catalogue/diff?from=${(await versionOf(2025)).id}&to=${draft.id}`)).json()
    expect(diff.added.map((i: { code: string }) => i.code)).toEqual(['CF-ZJ-041'])
    expect(diff.removed).toEqual([])
    expect(diff.modified.map((m: { code: string }) => m.code)).toEqual(['CF-ZJ-033', 'CF-ZR-015', 'CF-ZR-016'])
    const long = (await sfj.get(`/api/catalogue/diff?from=${v2024.id}&to=${draft.id}`)).json()
    expect(long.added).toHaveLength(4)
    expect(long.removed).toHaveLength(2)
    // Drafts stay off the portal.
    expect((await t.anonymous.get(`/api/public/catalogue/diff?from=${v2024.id}&to=${draft.id}`)).statusCode).toBe(404)
  })

  it('approves with the meeting reference and publishes; the old version is superseded and the new one cannot change', async () => {
    const draft = await versionOf(2026)
    expect(draft.actions).toEqual(['propose', 'approve'])
    const head = await t.as('zjj_head')
    const meeting = { meetingName: '禄丰市人民政府2026年第9次常务会议', meetingDate: '2026-11-18', approvalDocNo: '禄政发〔2026〕30号' }
    expect((await head.post(`/api/catalogue/versions/${draft.id}/approve`, meeting)).statusCode).toBe(403)
    const approved = await sfj.post(`/api/catalogue/versions/${draft.id}/approve`, meeting)
    expect(approved.statusCode).toBe(200)
    expect(approved.json().version).toMatchObject({ status: 'approved', ...meeting, actions: ['publish'] })
    expect((await sfj.post(`/api/catalogue/versions/${draft.id}/approve`, meeting)).statusCode).toBe(409)
    expect((await (await t.as('sfj2')).get('/api/todos')).json().items.some((i: { kind: string }) => i.kind === 'catalogue.version.publish')).toBe(true)

    const published = await sfj.post(`/api/catalogue/versions/${draft.id}/publish`)
    expect(published.json().version).toMatchObject({ status: 'published', actions: [] })
    expect((await versionOf(2025)).status).toBe('superseded')
    const current = (await t.anonymous.get('/api/public/catalogue')).json()
    expect(current.version.title).toBe('禄丰市相对集中行政处罚权事项目录（2026年版）')
    expect(current.items).toHaveLength(91)

    const adjust = await sfj.post(`/api/catalogue/versions/${draft.id}/adjustments`, { op: 'remove', itemCode: 'CF-ZJ-001', reason: '公布后不能再调整' })
    expect(adjust.statusCode).toBe(409)
    expect(adjust.json().code).toBe('INVALID_STATE')
    const old = await versionOf(2025)
    expect((await sfj.post(`/api/catalogue/versions/${old.id}/adjustments`, { op: 'remove', itemCode: 'CF-ZJ-001', reason: '已被替代' })).statusCode).toBe(409)

    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_type', 'in', ['catalogue_version', 'catalogue_adjustment']).execute()
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['catalogue_adjustment.propose', 'catalogue_adjustment.accept', 'catalogue_adjustment.reject', 'catalogue_version.approve', 'catalogue_version.publish']),
    )
  })

  it('keeps a published snapshot as it was when the power item changes later', async () => {
    const v2025 = await versionOf(2025)
    const before = await versionItem(v2025.id, 'CF-LC-015')
    const item = await powerItemByCode('CF-LC-015')
    const edited = await sfj.patch(`/api/catalogue/power-items/${item.id}`, { name: '对森林防火期内擅自野外用火的处罚（已修改）', legalBasis })
    expect(edited.statusCode).toBe(200)
    expect(await versionItem(v2025.id, 'CF-LC-015')).toEqual(before)
    const current = (await t.anonymous.get('/api/public/catalogue?q=野外用火')).json()
    expect(current.items.map((i: { name: string }) => i.name)).toContain(before.name)
  })

  it('drafts the next version from the one in force', async () => {
    const created = await sfj.post('/api/catalogue/versions', { year: 2027 })
    expect(created.statusCode).toBe(201)
    expect(created.json().version).toMatchObject({ title: '禄丰市相对集中行政处罚权事项目录（2027年版）', status: 'draft', itemCount: 91, basedOnTitle: '禄丰市相对集中行政处罚权事项目录（2026年版）' })
    expect((await sfj.post('/api/catalogue/versions', { year: 2028 })).statusCode).toBe(409)
  })
})

describe('public catalogue routes', () => {
  it('expose only the published fields', async () => {
    const body = (await t.anonymous.get('/api/public/catalogue?domain=林草')).json()
    expect(Object.keys(body.version).sort()).toEqual(
      ['approvalDocNo', 'id', 'itemCount', 'meetingDate', 'meetingName', 'publishedAt', 'regionCode', 'regionName', 'status', 'statusLabel', 'title', 'year'].sort(),
    )
    expect(body.items.length).toBeGreaterThan(30)
    expect(body.items.every((i: { domain: string }) => i.domain === '林草')).toBe(true)
    expect(Object.keys(body.items[0]).sort()).toEqual(['code', 'domain', 'holderNames', 'kind', 'kindLabel', 'legalBasis', 'name'].sort())
    const versions = (await t.anonymous.get('/api/public/catalogue/versions')).json().items
    expect(versions.every((v: { status: string }) => v.status === 'published' || v.status === 'superseded')).toBe(true)
    expect(JSON.stringify(versions)).not.toMatch(/createdBy|approvedBy|actions/)
  })
})

async function versionItem(versionId: string, code: string) {
  const items = (await sfj.get(`/api/catalogue/versions/${versionId}/items?q=${encodeURIComponent(code)}`)).json().items as Array<{
    code: string
    name: string
    legalBasis: Array<{ law: string; article: string; text: string }>
  }>
  return items.find((i) => i.code === code)!
}
