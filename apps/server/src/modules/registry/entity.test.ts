import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { auditRows, entityIdOf, orgIdOf } from './registry.factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Entity = { id: string; name: string; status: string; statusLabel: string; version: number; publishedVersion: number | null; statusNote: string | null; actions: string[]; phone: string | null; legalBasis: string }
type PublicEntity = { id: string; name: string; phone: string | null; legalBasis: string; version: number }

const publicEntity = async (id: string) => ((await t.anonymous.get('/api/public/entities')).json().items as PublicEntity[]).find((e) => e.id === id)

describe('执法主体 lists and counts', () => {
  it('counts 38 published entities for the city, by status', async () => {
    const sfj = await t.as('sfj')
    const summary = (await sfj.get('/api/entities/summary?regionCode=532331')).json()
    expect(summary.publiclyShown).toBe(38)
    expect(summary.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'published', statusLabel: '已公示', count: 38 },
        { status: 'audited', statusLabel: '已审核', count: 1 },
        { status: 'confirmed', statusLabel: '已确认', count: 1 },
      ]),
    )
  })

  it('shows a unit head only their own unit’s entity', async () => {
    const head = await t.as('zjj_head')
    const list = (await head.get('/api/entities')).json() as { items: Entity[]; total: number }
    expect(list.total).toBe(1)
    expect(list.items[0]).toMatchObject({ name: '禄丰市住房和城乡建设局', status: 'published', actions: ['update', 'delegate'] })
    expect((await head.get(`/api/entities/${await entityIdOf(t, 'JS-ZF')}`)).statusCode).toBe(404)
    const md = await t.as('md_sfj')
    expect(((await md.get('/api/entities')).json() as { items: Entity[] }).items.map((e) => e.name)).toEqual(['牟定县住房和城乡建设局'])
  })

  it('filters by status, type and township', async () => {
    const sfj = await t.as('sfj')
    const drafts = (await sfj.get('/api/entities?status=draft')).json() as { items: Entity[] }
    expect(drafts.items.map((e) => e.name).sort()).toEqual(['禄丰市一平浪镇综合行政执法队', '禄丰市彩云镇综合行政执法队'])
    const townships = (await sfj.get('/api/entities?entityType=township_government&pageSize=50')).json() as { total: number }
    expect(townships.total).toBe(14)
    const jinshan = (await sfj.get('/api/entities?regionCode=532331100')).json() as { items: Entity[] }
    expect(jinshan.items.map((e) => e.name).sort()).toEqual(['禄丰市金山镇人民政府', '禄丰市金山镇综合行政执法队'])
  })
})

describe('审核 → 确认 → 公示', () => {
  let id: string

  it('registers a draft for a unit (supervisor) and refuses a second one for the same unit', async () => {
    const sfj = await t.as('sfj')
    const orgId = await orgIdOf(t, 'TG-ZFD')
    const res = await sfj.post('/api/entities', {
      orgId,
      name: '禄丰市土官镇综合行政执法队',
      entityType: 'entrusted_org',
      legalBasis: '《中华人民共和国行政处罚法》第二十条；土官镇人民政府行政执法委托决定',
      responsiblePerson: '李志强',
      phone: '0878-4125678',
    })
    expect(res.statusCode).toBe(201)
    const entity = res.json().entity as Entity & { regionCode: string }
    expect(entity).toMatchObject({ status: 'draft', statusLabel: '草稿', version: 1, publishedVersion: null, regionCode: '532331107' })
    expect(entity.actions).toEqual(expect.arrayContaining(['update', 'audit']))
    id = entity.id
    const again = await sfj.post('/api/entities', { orgId, name: '重复登记', entityType: 'entrusted_org', legalBasis: '依据依据依据' })
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toContain('已登记执法主体')
  })

  it('refuses to publish or confirm a draft (409), and unit heads cannot audit (403)', async () => {
    const sfj = await t.as('sfj')
    const publish = await sfj.post(`/api/entities/${id}/publish`)
    expect(publish.statusCode).toBe(409)
    expect(publish.json()).toMatchObject({ code: 'INVALID_STATE', message: '执法主体当前为「草稿」，不能公示' })
    expect((await sfj.post(`/api/entities/${id}/confirm`)).statusCode).toBe(409)
    const head = await t.as('zjj_head')
    const own = await entityIdOf(t, 'LF-ZJJ')
    expect((await head.post(`/api/entities/${own}/audit`)).statusCode).toBe(403)
    const md = await t.as('md_sfj')
    expect((await md.post(`/api/entities/${id}/audit`)).statusCode).toBe(404)
  })

  it('needs two different supervisors to audit and confirm (four eyes)', async () => {
    const sfj = await t.as('sfj')
    const audited = await sfj.post(`/api/entities/${id}/audit`)
    expect(audited.json().entity).toMatchObject({ status: 'audited', auditedByName: '李明华（司法局监督科）' })
    expect(audited.json().entity.actions).not.toContain('confirm')
    const self = await sfj.post(`/api/entities/${id}/confirm`)
    expect(self.statusCode).toBe(403)
    expect(self.json().message).toBe('审核人与确认人不能为同一人，请由另一名监督人员确认')
    expect(self.json().details).toMatchObject({ rule: 'four_eyes' })
    const sfj2 = await t.as('sfj2')
    const confirmed = await sfj2.post(`/api/entities/${id}/confirm`)
    expect(confirmed.json().entity).toMatchObject({ status: 'confirmed', confirmedByName: '赵雪梅（司法局监督科）', actions: expect.arrayContaining(['publish', 'return']) })
    expect(await publicEntity(id)).toBeUndefined()
    const published = await sfj.post(`/api/entities/${id}/publish`)
    expect(published.json().entity).toMatchObject({ status: 'published', statusLabel: '已公示', publishedVersion: 1 })
    expect(await publicEntity(id)).toMatchObject({ name: '禄丰市土官镇综合行政执法队', phone: '0878-4125678' })
    expect((await auditRows(t, id)).map((a) => a.action)).toEqual(['entity.create', 'entity.audit', 'entity.confirm', 'entity.publish'])
  })

  it('keeps showing the published version while an edit waits for review, then shows the new one', async () => {
    const head = await t.as('zjj_head')
    const zjj = await entityIdOf(t, 'LF-ZJJ')
    const before = await publicEntity(zjj)
    const edited = await head.patch(`/api/entities/${zjj}`, { phone: '0878-4999999' })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().entity).toMatchObject({ status: 'draft', version: 2, publishedVersion: 1, phone: '0878-4999999' })
    expect(await publicEntity(zjj)).toMatchObject({ phone: before?.phone, version: 1 })
    const audit = await auditRows(t, zjj)
    expect(audit.at(-1)?.summary).toContain('转为第 2 版草稿')

    const sfj = await t.as('sfj')
    const sfj2 = await t.as('sfj2')
    await sfj.post(`/api/entities/${zjj}/audit`)
    const locked = await head.patch(`/api/entities/${zjj}`, { phone: '0878-4888888' })
    expect(locked.statusCode).toBe(409)
    expect(locked.json().message).toContain('不能修改')
    await sfj2.post(`/api/entities/${zjj}/confirm`)
    await sfj2.post(`/api/entities/${zjj}/publish`)
    expect(await publicEntity(zjj)).toMatchObject({ phone: '0878-4999999', version: 2 })
  })

  it('sends an audited entity back to draft with a reason, which the unit sees and its head is reminded of', async () => {
    const sfj2 = await t.as('sfj2')
    const fgj = await entityIdOf(t, 'LF-FGJ')
    expect((await sfj2.post(`/api/entities/${fgj}/return`, { reason: '' })).statusCode).toBe(400)
    const res = await sfj2.post(`/api/entities/${fgj}/return`, { reason: '设立依据未列明三定规定文号' })
    expect(res.json().entity).toMatchObject({ status: 'draft', statusNote: '退回：设立依据未列明三定规定文号', auditedByName: null })
    expect((await sfj2.post(`/api/entities/${fgj}/return`, { reason: '再退一次' })).statusCode).toBe(409)
  })

  it('withdraws a publication: the portal stops showing it', async () => {
    const sfj = await t.as('sfj')
    const id2 = await entityIdOf(t, 'LF-MZJ')
    expect(await publicEntity(id2)).toBeDefined()
    const res = await sfj.post(`/api/entities/${id2}/withdraw`, { reason: '机构职能调整，待重新确认' })
    expect(res.json().entity).toMatchObject({ status: 'draft', publishedVersion: null })
    expect(await publicEntity(id2)).toBeUndefined()
    expect((await sfj.post(`/api/entities/${id2}/withdraw`, { reason: '重复撤销' })).statusCode).toBe(409)
    const head = await t.as('zjj_head')
    expect((await head.post(`/api/entities/${await entityIdOf(t, 'LF-ZJJ')}/withdraw`, { reason: '单位自己撤销' })).statusCode).toBe(403)
  })

  it('writes nothing when an action is refused', async () => {
    const sfj = await t.as('sfj')
    const ybj = await entityIdOf(t, 'LF-YBJ')
    const before = await auditRows(t, ybj)
    expect((await sfj.post(`/api/entities/${ybj}/audit`)).statusCode).toBe(409)
    expect(await auditRows(t, ybj)).toEqual(before)
    const row = await t.db.selectFrom('enforcement_entity').select(['status', 'version']).where('id', '=', ybj).executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'confirmed', version: 1 })
  })

  it('lets a unit head edit only their own unit', async () => {
    const head = await t.as('js_head')
    const own = await entityIdOf(t, 'JS-ZF')
    expect((await head.patch(`/api/entities/${own}`, { responsiblePerson: '杨永福' })).statusCode).toBe(200)
    expect((await head.patch(`/api/entities/${await entityIdOf(t, 'LF-ZJJ')}`, { phone: '0878-4000000' })).statusCode).toBe(404)
    const create = await head.post('/api/entities', { orgId: await orgIdOf(t, 'KLS-ZFD'), name: '别人的主体', entityType: 'entrusted_org', legalBasis: '依据依据依据' })
    expect(create.statusCode).toBe(403)
  })

  it('reminds the unit head when their entity is sent back', async () => {
    const head = await t.as('js_head')
    const own = await entityIdOf(t, 'JS-ZF')
    await (await t.as('sfj')).post(`/api/entities/${own}/audit`)
    await (await t.as('sfj2')).post(`/api/entities/${own}/return`, { reason: '负责人姓名与任职文件不一致' })
    const todos = (await head.get('/api/todos')).json().items as Array<{ kind: string; title: string; link: string; urgent: boolean }>
    expect(todos.find((i) => i.kind === 'entity.revise')).toMatchObject({ title: '执法主体被退回，请修改：禄丰市金山镇人民政府', link: `/registry/entities?open=${own}`, urgent: true })
  })
})

describe('to-do items', () => {
  it('asks supervisors to audit, confirm (not their own audit) and publish; unit heads to revise', async () => {
    const t2 = await createTestApp()
    try {
      const titles = async (username: string) => ((await (await t2.as(username)).get('/api/todos')).json().items as Array<{ kind: string; title: string; section: string }>).filter((i) => i.section === 'registry.entities')
      const sfj = await titles('sfj')
      expect(sfj.filter((i) => i.kind === 'entity.audit').map((i) => i.title).sort()).toEqual(['审核执法主体：禄丰市一平浪镇综合行政执法队', '审核执法主体：禄丰市彩云镇综合行政执法队'])
      expect(sfj.some((i) => i.kind === 'entity.confirm')).toBe(false)
      expect(sfj.filter((i) => i.kind === 'entity.publish').map((i) => i.title)).toEqual(['公示执法主体：禄丰市医疗保障局'])
      const sfj2 = await titles('sfj2')
      expect(sfj2.filter((i) => i.kind === 'entity.confirm').map((i) => i.title)).toEqual(['确认执法主体：禄丰市发展和改革局'])
      expect(await titles('zjj_head')).toEqual([])
    } finally {
      await t2.close()
    }
  })
})
