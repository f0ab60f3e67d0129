import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { auditRows, orgIdOf } from '../registry/registry.factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Org = { id: string; code: string; name: string; kind: string; regionCode: string; regionName: string; onboarded: boolean; onboardedOn: string | null; actions: string[] }

describe('units (执法单位)', () => {
  it('lists the fields the Users page relies on, 200 at a time', async () => {
    const admin = await t.as('admin')
    const res = await admin.get('/api/orgs?pageSize=200')
    expect(res.statusCode).toBe(200)
    const { items, total } = res.json() as { items: Org[]; total: number }
    expect(total).toBe(52)
    const zjj = items.find((o) => o.code === 'LF-ZJJ')
    expect(zjj).toMatchObject({ name: '禄丰市住房和城乡建设局', kind: 'department', regionCode: '532331', regionName: '禄丰市', onboarded: true })
    expect(zjj?.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('scopes the list: a supervisor sees the 49 units of 禄丰市, a unit head only their own unit', async () => {
    const sfj = await t.as('sfj')
    const list = (await sfj.get('/api/orgs?pageSize=200')).json() as { items: Org[]; total: number }
    expect(list.total).toBe(49)
    expect(list.items.some((o) => o.code.startsWith('MD-'))).toBe(false)
    const md = (await (await t.as('md_sfj')).get('/api/orgs?pageSize=200')).json() as { items: Org[] }
    expect(md.items.map((o) => o.code).sort()).toEqual(['MD-GH-ZF', 'MD-SFJ', 'MD-ZJJ'])
    const head = await t.as('js_head')
    const own = (await head.get('/api/orgs')).json() as { items: Org[] }
    expect(own.items.map((o) => o.code)).toEqual(['JS-ZF'])
    expect((await head.get(`/api/orgs/${await orgIdOf(t, 'LF-ZJJ')}`)).statusCode).toBe(404)
    // Units are internal records: a volunteer is refused by role, not shown an empty list.
    expect((await (await t.as('volunteer')).get('/api/orgs')).statusCode).toBe(403)
  })

  it('filters by name, kind, township and onboarding', async () => {
    const sfj = await t.as('sfj')
    const notYet = (await sfj.get('/api/orgs?onboarded=false')).json() as { items: Org[] }
    expect(notYet.items.map((o) => o.code).sort()).toEqual(['GF-ZFD', 'LF-TJJ', 'LF-YCJ'])
    const teams = (await sfj.get('/api/orgs?kind=team&pageSize=50')).json() as { total: number }
    expect(teams.total).toBe(14)
    const jinshan = (await sfj.get('/api/orgs?regionCode=532331100')).json() as { items: Org[] }
    expect(jinshan.items.map((o) => o.code).sort()).toEqual(['JS-ZF', 'JS-ZFD'])
    const q = (await sfj.get(`/api/orgs?q=${encodeURIComponent('住房')}`)).json() as { items: Org[] }
    expect(q.items.map((o) => o.code)).toEqual(['LF-ZJJ'])
  })

  it('counts "46 of 49 onboarded" for the city', async () => {
    const sfj = await t.as('sfj')
    const res = await sfj.get('/api/orgs/summary')
    expect(res.json()).toMatchObject({ total: 49, onboarded: 46, notOnboarded: 3 })
    const admin = await t.as('admin')
    expect((await admin.get('/api/orgs/summary?regionCode=532331')).json()).toMatchObject({ total: 49, onboarded: 46 })
    const kinds = (await sfj.get('/api/orgs/summary')).json().byKind as Array<{ kind: string; total: number; onboarded: number }>
    expect(kinds.find((k) => k.kind === 'team')).toMatchObject({ total: 14, onboarded: 13 })
  })

  // Before the tests below edit and add units.
  it('gives the demo units an address in their town, the postal code and a 0878 telephone', async () => {
    const items = (await (await t.as('sfj')).get('/api/orgs?pageSize=200')).json().items as Array<{ code: string; address: string | null; postalCode: string | null; contactPhone: string | null }>
    expect(items).toHaveLength(49)
    for (const o of items) {
      expect(o.address, o.code).toMatch(/^云南省楚雄彝族自治州禄丰市\S+(镇|乡)\S+号/)
      expect(o.postalCode, o.code).toMatch(/^6512\d\d$/)
      expect(o.contactPhone, o.code).toMatch(/^0878-\d{7}$/)
    }
    expect(items.find((o) => o.code === 'LF-ZJJ')?.postalCode).toBe('651200')
    expect(items.find((o) => o.code === 'HJ-ZF')?.address).toContain('黑井镇')
  })

  it('lets a supervisor add a unit in their jurisdiction, and nowhere else', async () => {
    const sfj = await t.as('sfj')
    const created = await sfj.post('/api/orgs', { code: 'lf-tyj', name: '禄丰市体育事业发展中心', shortName: '禄体', kind: 'other', regionCode: '532331' })
    expect(created.statusCode).toBe(201)
    expect(created.json().org).toMatchObject({ code: 'LF-TYJ', onboarded: false, actions: expect.arrayContaining(['update', 'onboard']) })
    expect((await auditRows(t, created.json().org.id)).map((a) => a.action)).toEqual(['org.create'])

    const md = await t.as('md_sfj')
    const outside = await md.post('/api/orgs', { code: 'LF-X', name: '禄丰市某单位', shortName: '禄某', kind: 'other', regionCode: '532331' })
    expect(outside.statusCode).toBe(403)
    const head = await t.as('zjj_head')
    expect((await head.post('/api/orgs', { code: 'LF-Y', name: '禄丰市另一单位', shortName: '禄另', kind: 'other', regionCode: '532331' })).statusCode).toBe(403)
    const duplicate = await sfj.post('/api/orgs', { code: 'LF-ZJJ', name: '重复编码的单位', shortName: '重', kind: 'other', regionCode: '532331' })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().message).toContain('LF-ZJJ')
  })

  it('edits a unit and marks it onboarded and not onboarded, with the date and a reason', async () => {
    const sfj = await t.as('sfj')
    const id = await orgIdOf(t, 'LF-TJJ')
    const edited = await sfj.patch(`/api/orgs/${id}`, { contactPhone: '0878-4121234', address: '禄丰市金山镇龙城路1号' })
    expect(edited.json().org).toMatchObject({ contactPhone: '0878-4121234' })

    const onboard = await sfj.post(`/api/orgs/${id}/onboard`, { onboardedOn: '2026-11-18' })
    expect(onboard.statusCode).toBe(200)
    expect(onboard.json().org).toMatchObject({ onboarded: true, onboardedOn: '2026-11-18' })
    expect(onboard.json().org.actions).toContain('offboard')
    expect((await sfj.get('/api/orgs/summary')).json()).toMatchObject({ onboarded: 47 })
    const again = await sfj.post(`/api/orgs/${id}/onboard`, { onboardedOn: '2026-11-18' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('INVALID_STATE')
    const future = await sfj.post(`/api/orgs/${await orgIdOf(t, 'LF-YCJ')}/onboard`, { onboardedOn: '2027-01-01' })
    expect(future.statusCode).toBe(400)

    expect((await sfj.post(`/api/orgs/${id}/offboard`, {})).statusCode).toBe(400)
    const off = await sfj.post(`/api/orgs/${id}/offboard`, { reason: '账号未实际使用，暂停开通' })
    expect(off.json().org).toMatchObject({ onboarded: false, onboardedOn: null })
    expect((await auditRows(t, id)).map((a) => a.action)).toEqual(['org.update', 'org.onboard', 'org.offboard'])

    const head = await t.as('zjj_head')
    expect((await head.post(`/api/orgs/${await orgIdOf(t, 'LF-ZJJ')}/offboard`, { reason: '不想用了' })).statusCode).toBe(403)
  })

  it("lets a unit head keep the unit's address, postal code and telephone, checked, audited, and nobody else's", async () => {
    const head = await t.as('zjj_head')
    const zjj = await orgIdOf(t, 'LF-ZJJ')
    const contact = { address: '云南省楚雄彝族自治州禄丰市金山镇龙城路100号', postalCode: '651200', contactPhone: '0878-4123456' }
    const res = await head.patch(`/api/orgs/${zjj}/contact`, contact)
    expect(res.statusCode).toBe(200)
    expect(res.json().org).toMatchObject(contact)
    expect((await head.get(`/api/orgs/${zjj}`)).json().org.actions).toEqual(['update_contact'])
    expect((await auditRows(t, zjj)).map((a) => a.action)).toContain('org.update_contact')

    for (const [body, message] of [
      [{ postalCode: '65120' }, '邮政编码须为 6 位数字'],
      [{ postalCode: '65120A' }, '邮政编码须为 6 位数字'],
      [{ contactPhone: '4123456' }, '固定电话请带区号'],
      [{ contactPhone: '0878-41234' }, '固定电话请带区号'],
      [{ address: '金山' }, '地址过短'],
    ] as const) {
      const refused = await head.patch(`/api/orgs/${zjj}/contact`, body)
      expect(refused.statusCode, JSON.stringify(body)).toBe(400)
      expect(refused.json().message).toContain(message)
    }
    // Nothing of a refused edit was written.
    expect((await head.get(`/api/orgs/${zjj}`)).json().org).toMatchObject(contact)
    // A mobile number and a cleared postal code are fine.
    expect((await head.patch(`/api/orgs/${zjj}/contact`, { contactPhone: '13887012345', postalCode: null })).json().org).toMatchObject({ contactPhone: '13887012345', postalCode: null, address: contact.address })

    // Another unit's head, an officer of the unit, the sibling county's bureau: refused.
    expect((await (await t.as('js_head')).patch(`/api/orgs/${zjj}/contact`, contact)).statusCode).toBe(404)
    expect((await (await t.as('zjj_officer')).patch(`/api/orgs/${zjj}/contact`, contact)).statusCode).toBe(403)
    expect((await (await t.as('md_sfj')).patch(`/api/orgs/${zjj}/contact`, contact)).statusCode).toBe(404)
    // The county's bureau keeps it too, and sees the postal code in the list.
    expect((await (await t.as('sfj')).patch(`/api/orgs/${zjj}/contact`, { postalCode: '651200' })).statusCode).toBe(200)
    const listed = (await (await t.as('sfj')).get(`/api/orgs?q=${encodeURIComponent('住房')}`)).json().items[0]
    expect(listed).toMatchObject({ postalCode: '651200', contactPhone: '13887012345' })
  })

  it('offers every unit name to staff pickers, but not to the public', async () => {
    const head = await t.as('js_head')
    const res = await head.get('/api/orgs/options')
    expect(res.statusCode).toBe(200)
    expect(res.json().items.length).toBeGreaterThanOrEqual(52)
    expect((await t.anonymous.get('/api/orgs/options')).statusCode).toBe(401)
    expect((await (await t.as('volunteer')).get('/api/orgs/options')).statusCode).toBe(403)
  })
})

describe('regions (区域)', () => {
  it('answers the tree as a flat list to anyone, without signing in', async () => {
    const res = await t.anonymous.get('/api/regions?under=532331&level=township')
    expect(res.statusCode).toBe(200)
    const items = res.json().items as Array<{ code: string; name: string; parentCode: string; levelLabel: string }>
    expect(items).toHaveLength(14)
    expect(items[0]).toMatchObject({ code: '532331100', name: '金山镇', parentCode: '532331', levelLabel: '乡（镇）' })
    const all = (await t.anonymous.get('/api/regions')).json().items as Array<{ code: string; path: string }>
    expect(all.find((r) => r.code === '532331111')?.path).toBe('530000/532300/532331/532331111/')
  })

  it('lets only an admin add a region, one level below its parent, audited', async () => {
    const admin = await t.as('admin')
    const res = await admin.post('/api/regions', { code: '532331203', name: '示例乡', level: 'township', parentCode: '532331' })
    expect(res.statusCode).toBe(201)
    expect(res.json().region).toMatchObject({ path: '530000/532300/532331/532331203/', parentCode: '532331' })
    expect((await auditRows(t, '532331203')).map((a) => a.action)).toEqual(['region.create'])

    const wrongLevel = await admin.post('/api/regions', { code: '532331204', name: '错级乡', level: 'township', parentCode: '532300' })
    expect(wrongLevel.statusCode).toBe(400)
    expect(wrongLevel.json().message).toContain('上级应为')
    expect((await admin.post('/api/regions', { code: '532331203', name: '重复乡', level: 'township', parentCode: '532331' })).statusCode).toBe(409)
    const sfj = await t.as('sfj')
    expect((await sfj.post('/api/regions', { code: '532331205', name: '监督员加的乡', level: 'township', parentCode: '532331' })).statusCode).toBe(403)
  })
})
