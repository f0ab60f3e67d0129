import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { auditRows, entityIdOf, orgIdOf } from './registry.factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Delegation = { id: string; documentNo: string; principalName: string; agentName: string; effectiveStatus: string; statusLabel: string; actions: string[]; revokedReason: string | null }
type PublicDelegation = { documentNo: string; principalName: string; agentName: string }
type PublicEntity = { id: string; name: string; delegationsGiven: PublicDelegation[]; delegationsReceived: PublicDelegation[] }

const publicEntities = async () => (await t.anonymous.get('/api/public/entities')).json().items as PublicEntity[]

describe('委托 register', () => {
  it('lists an entity’s delegations with their status today', async () => {
    const sfj = await t.as('sfj')
    const list = (await sfj.get('/api/delegations?pageSize=50')).json() as { items: Delegation[]; total: number }
    expect(list.total).toBe(9)
    const byNo = new Map(list.items.map((d) => [d.documentNo, d]))
    expect(byNo.get('禄自然资发〔2023〕21号')).toMatchObject({ effectiveStatus: 'expired', statusLabel: '已到期' })
    expect(byNo.get('禄林草发〔2024〕9号')).toMatchObject({ effectiveStatus: 'revoked', revokedReason: '碧城镇已依法承接赋权事项，委托事项相应收回', actions: [] })
    expect(byNo.get('金山政发〔2024〕12号')).toMatchObject({ effectiveStatus: 'active', principalName: '禄丰市金山镇人民政府', agentName: '禄丰市金山镇综合行政执法队', actions: ['revoke'] })
    const ofZjj = (await sfj.get(`/api/delegations?entityId=${await entityIdOf(t, 'LF-ZJJ')}`)).json() as { items: Delegation[] }
    expect(ofZjj.items.map((d) => d.documentNo)).toEqual(['禄住建发〔2024〕35号'])
    const expired = (await sfj.get('/api/delegations?status=expired')).json() as { items: Delegation[] }
    expect(expired.items.map((d) => d.documentNo)).toEqual(['禄自然资发〔2023〕21号'])
  })

  it('shows both parties the delegation; only the principal side may revoke it', async () => {
    const zjjHead = await t.as('zjj_head')
    const created = await zjjHead.post('/api/delegations', {
      principalEntityId: await entityIdOf(t, 'LF-ZJJ'),
      agentOrgId: await orgIdOf(t, 'JS-ZF'),
      documentNo: '禄住建发〔2026〕41号',
      documentTitle: '禄丰市住房和城乡建设局关于委托金山镇人民政府开展农村自建房安全巡查的通知',
      scope: '在金山镇辖区内开展农村自建房安全巡查，发现问题的现场制止和证据固定',
      validFrom: '2026-11-01',
      validTo: '2028-10-31',
    })
    expect(created.statusCode).toBe(201)
    const d = created.json().delegation as Delegation
    expect(d).toMatchObject({ effectiveStatus: 'active', actions: ['revoke'] })
    expect((await auditRows(t, d.id)).map((a) => a.action)).toEqual(['delegation.create'])

    const jsHead = await t.as('js_head')
    const seen = await jsHead.get(`/api/delegations/${d.id}`)
    expect(seen.statusCode).toBe(200)
    expect(seen.json().delegation.actions).toEqual([])
    expect((await jsHead.post(`/api/delegations/${d.id}/revoke`, { reason: '我方不同意' })).statusCode).toBe(403)
    const mdHead = await t.as('md_sfj')
    expect((await mdHead.get(`/api/delegations/${d.id}`)).statusCode).toBe(404)

    const portal = await publicEntities()
    expect(portal.find((e) => e.name === '禄丰市住房和城乡建设局')?.delegationsGiven.map((x) => x.documentNo)).toContain('禄住建发〔2026〕41号')
    expect(portal.find((e) => e.name === '禄丰市金山镇人民政府')?.delegationsReceived.map((x) => x.documentNo)).toContain('禄住建发〔2026〕41号')

    expect((await zjjHead.post(`/api/delegations/${d.id}/revoke`, { reason: '' })).statusCode).toBe(400)
    const revoked = await zjjHead.post(`/api/delegations/${d.id}/revoke`, { reason: '巡查任务调整，改由市局直接实施' })
    expect(revoked.json().delegation).toMatchObject({ effectiveStatus: 'revoked', revokedByName: '王建国（住建局局长）' })
    const twice = await zjjHead.post(`/api/delegations/${d.id}/revoke`, { reason: '再撤一次' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('INVALID_STATE')
    const after = await publicEntities()
    expect(after.find((e) => e.name === '禄丰市住房和城乡建设局')?.delegationsGiven.map((x) => x.documentNo)).not.toContain('禄住建发〔2026〕41号')
  })

  it('refuses a delegation for somebody else’s entity, to oneself, or with dates the wrong way round', async () => {
    const jsHead = await t.as('js_head')
    const body = {
      principalEntityId: await entityIdOf(t, 'LF-ZJJ'),
      agentOrgId: await orgIdOf(t, 'JS-ZFD'),
      documentNo: '金山政发〔2026〕1号',
      documentTitle: '越权委托的文书标题',
      scope: '越权委托的事项范围',
      validFrom: '2026-01-01',
      validTo: '2027-01-01',
    }
    expect((await jsHead.post('/api/delegations', body)).statusCode).toBe(400)
    const own = await jsHead.post('/api/delegations', { ...body, principalEntityId: await entityIdOf(t, 'JS-ZF'), agentOrgId: await orgIdOf(t, 'JS-ZF') })
    expect(own.statusCode).toBe(400)
    expect(own.json().message).toBe('不能委托给本单位')
    const backwards = await jsHead.post('/api/delegations', { ...body, principalEntityId: await entityIdOf(t, 'JS-ZF'), validFrom: '2027-01-01', validTo: '2026-01-01' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().message).toContain('结束日期不能早于开始日期')
  })

  it('publishes only delegations in force of published entities', async () => {
    const portal = await publicEntities()
    const numbers = portal.flatMap((e) => e.delegationsGiven.map((d) => d.documentNo))
    expect(numbers).toEqual(expect.arrayContaining(['金山政发〔2024〕12号', '禄住建发〔2024〕35号', '禄综执发〔2024〕6号']))
    expect(numbers).not.toContain('禄林草发〔2024〕9号')
    expect(numbers).not.toContain('禄自然资发〔2023〕21号')
  })

  it('reminds the principal’s head and the supervisors of a delegation ending within 30 days', async () => {
    const head = await t.as('zjj_head')
    const items = (await head.get('/api/todos')).json().items as Array<{ kind: string; title: string; dueDate: string }>
    expect(items.find((i) => i.kind === 'delegation.expiring')).toMatchObject({ title: expect.stringContaining('禄住建发〔2024〕35号'), dueDate: '2026-12-15' })
  })
})
