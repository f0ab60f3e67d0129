import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from './harness'

// Issue 11: every configuration write is checked against the writer's region, not only their
// role. 牟定县's supervisor (md_sfj) attacks 禄丰市's settings; 禄丰's bureau (sfj) keeps them.
// Enterprises, power items, document types, review standards, the calendar and ledger receipts
// are tested beside their modules.

let t: TestApp
let sfj: Client
let md: Client
beforeAll(async () => {
  t = await createTestApp()
  sfj = await t.as('sfj')
  md = await t.as('md_sfj')
})
afterAll(() => t.close())

const LUFENG = '532331'
const MOUDING = '532323'
const JINSHAN = '532331100'

function put(client: Client, url: string, body: unknown) {
  return t.app.inject({ method: 'PUT', url, payload: body as object, headers: client.cookie ? { cookie: client.cookie } : {} })
}

describe('configuration writes stay inside the writer’s region', () => {
  it('penalty procedure rules (处罚程序规则): 牟定 may neither read nor set 禄丰’s; 禄丰 may not set 牟定’s', async () => {
    const current = (await sfj.get(`/api/penalty-rules/${LUFENG}`)).json()
    const { regionCode: _r, sourceRegionCode: _s, sourceRegionName: _n, updatedAt: _u, ...input } = current
    expect((await md.get(`/api/penalty-rules/${LUFENG}`)).statusCode).toBe(403)
    expect((await put(md, `/api/penalty-rules/${LUFENG}`, { ...input, legalReviewFineFen: 1 })).statusCode).toBe(403)
    expect((await put(sfj, `/api/penalty-rules/${MOUDING}`, input)).statusCode).toBe(403)
    expect((await sfj.get(`/api/penalty-rules/${LUFENG}`)).json().legalReviewFineFen).toBe(current.legalReviewFineFen)
  })

  it('inspection rules (涉企检查规则): 牟定 may not set 禄丰’s or a 禄丰 township’s', async () => {
    const rules = { minOfficers: 2, requireAreaMatch: false, capPeriod: 'year', capPerUnit: 50, capAllUnits: 90, jointWindowDays: 30, lateSyncHours: 48, backfillMaxDays: 7, ratingMinCount: 5 }
    const before = await t.db.selectFrom('inspection_rule_set').selectAll().where('region_code', 'in', [LUFENG, JINSHAN]).execute()
    for (const region of [LUFENG, JINSHAN]) expect((await md.post(`/api/inspection-rules/${region}`, rules)).statusCode).toBe(403)
    expect(await t.db.selectFrom('inspection_rule_set').selectAll().where('region_code', 'in', [LUFENG, JINSHAN]).execute()).toEqual(before)
  })

  it('social supervision deadlines (社会监督期限): each bureau saves its own county’s only', async () => {
    const lufeng = (await sfj.get('/api/social/settings')).json()
    const saved = await md.post('/api/social/settings', { complaintAnswerDays: 3, opinionAnswerDays: 4, transferAcceptDays: 2 })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().regionCode).toBe(MOUDING)
    expect((await sfj.get('/api/social/settings')).json()).toEqual(lufeng)
  })

  it('discretion benchmarks (裁量基准): 牟定 may not draft one for 禄丰, nor publish or withdraw 禄丰’s', async () => {
    const item = await t.db.selectFrom('power_item').select('id').where('code', '=', 'CF-ZJ-027').executeTakeFirstOrThrow()
    const yuan = (n: number) => n * 100
    const draft = {
      powerItemId: item.id,
      regionCode: LUFENG,
      violation: '未取得燃气经营许可证从事瓶装燃气经营活动',
      penaltyBasis: [{ law: '城镇燃气管理条例', article: '第四十五条第一款' }],
      statutory: { kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(50_000), fineMaxFen: yuan(500_000) },
      tiers: [
        { tier: 'mitigated', conditions: ['主动消除或者减轻违法行为危害后果的'], kinds: ['fine'], fineMinFen: yuan(20_000), fineMaxFen: yuan(50_000) },
        { tier: 'lenient', conditions: ['经营不足1个月，主动停止经营的'], kinds: ['fine'], fineMinFen: yuan(50_000), fineMaxFen: yuan(150_000) },
        { tier: 'ordinary', conditions: ['经营1个月以上的'], kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(150_000), fineMaxFen: yuan(350_000) },
        { tier: 'severe', conditions: ['发生燃气安全事故的'], kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(350_000), fineMaxFen: yuan(500_000) },
      ],
    }
    const count = async () => (await t.db.selectFrom('discretion_benchmark').select('id').execute()).length
    const before = await count()
    expect((await md.post('/api/discretion/benchmarks', draft)).statusCode).toBe(403)
    expect(await count()).toBe(before)
    const published = await t.db
      .selectFrom('discretion_benchmark as b')
      .select(['b.id', 'b.status'])
      .where('b.region_code', '=', LUFENG)
      .where('b.status', '=', 'published')
      .executeTakeFirstOrThrow()
    const withdraw = await md.post(`/api/discretion/benchmarks/${published.id}/withdraw`, { reason: '越权停止适用' })
    expect([403, 404]).toContain(withdraw.statusCode)
    expect((await t.db.selectFrom('discretion_benchmark').select('status').where('id', '=', published.id).executeTakeFirstOrThrow()).status).toBe('published')
  })

  it('township duty lists (乡镇履职清单): 牟定 may neither propose for nor decide on a 禄丰 township', async () => {
    const body = { townshipCode: JINSHAN, op: 'add', category: 'basic', item: { name: '越权新增的事项', leadDepartment: '综合行政执法队', cooperatingDepartments: [] }, reason: '牟定县越权调整。' }
    expect((await md.post('/api/duties/adjustments', body)).statusCode).toBe(403)
    const pending = (await sfj.get(`/api/duties/adjustments?township=${JINSHAN}&status=pending`)).json().items as Array<{ id: string }>
    expect(pending.length).toBeGreaterThan(0)
    const approve = await md.post(`/api/duties/adjustments/${pending[0]!.id}/approve`, { approvalRef: '牟编委〔2026〕1号' })
    expect([403, 404]).toContain(approve.statusCode)
    expect((await t.db.selectFrom('duty_adjustment').select('status').where('id', '=', pending[0]!.id).executeTakeFirstOrThrow()).status).toBe('pending')
  })
})
