import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { loadPublishedBenchmark } from './discretion.service'

let t: TestApp
let zjjLegal: Client
let zjjHead: Client
let sfj: Client
beforeAll(async () => {
  t = await createTestApp()
  ;[zjjLegal, zjjHead, sfj] = await Promise.all([t.as('zjj_legal'), t.as('zjj_head'), t.as('sfj')])
})
afterAll(() => t.close())

type PublicBenchmark = { id: string; code: string; version: number; powerItem: { id: string; code: string }; tiers: Array<{ tier: string; rangeText: string }> } & Record<string, unknown>

async function powerItemId(code: string): Promise<string> {
  const row = await t.db.selectFrom('power_item').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return row.id
}

async function benchmarkId(code: string, status = 'published'): Promise<string> {
  const row = await t.db.selectFrom('discretion_benchmark').select('id').where('code', '=', code).where('status', '=', status as 'published').executeTakeFirstOrThrow()
  return row.id
}

const yuan = (n: number) => n * 100

/** A valid draft for 未取得燃气经营许可证从事燃气经营活动 (城镇燃气管理条例 第四十五条: 5万–50万元). */
async function gasDraft(overrides: Record<string, unknown> = {}) {
  return {
    powerItemId: await powerItemId('CF-ZJ-027'),
    violation: '未取得燃气经营许可证从事瓶装燃气经营活动',
    penaltyBasis: [{ law: '城镇燃气管理条例', article: '第四十五条第一款' }],
    statutory: { kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(50_000), fineMaxFen: yuan(500_000) },
    tiers: [
      { tier: 'mitigated', conditions: ['主动消除或者减轻违法行为危害后果的'], kinds: ['fine'], fineMinFen: yuan(20_000), fineMaxFen: yuan(50_000) },
      { tier: 'lenient', conditions: ['经营不足1个月，主动停止经营的'], kinds: ['fine'], fineMinFen: yuan(50_000), fineMaxFen: yuan(150_000) },
      { tier: 'ordinary', conditions: ['经营1个月以上的'], kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(150_000), fineMaxFen: yuan(350_000) },
      { tier: 'severe', conditions: ['发生燃气安全事故的'], kinds: ['fine', 'confiscate_gains'], fineMinFen: yuan(350_000), fineMaxFen: yuan(500_000) },
    ],
    ...overrides,
  }
}

describe('the demo benchmarks and lists', () => {
  it('publishes a benchmark for every 住建局 penalty item whose law names an amount, with 3–5 tiers inside the statutory range', async () => {
    const { items } = (await t.anonymous.get('/api/public/benchmarks')).json() as { items: PublicBenchmark[] }
    const codes = new Set(items.map((b) => b.powerItem.code))
    for (const code of ['CF-ZJ-027', 'CF-ZJ-028', 'CF-ZJ-029', 'CF-ZJ-030', 'CF-ZJ-031', 'CF-ZJ-032', 'CF-ZJ-033', 'CF-ZJ-034', 'CF-ZJ-035', 'CF-ZJ-039', 'CF-ZJ-040']) {
      expect(codes.has(code), code).toBe(true)
    }
    expect(items.length).toBeGreaterThan(45)
    expect(items.every((b) => b.tiers.length >= 3 && b.tiers.length <= 5)).toBe(true)
    // The superseded 2024 version and the draft are not public.
    expect(items.filter((b) => b.code === 'CF-ZJ-033-01').map((b) => b.version)).toEqual([2])
    expect(codes.has('CF-ZR-013')).toBe(false)
    // The public presenter shows no internal fields.
    expect(items[0]).not.toHaveProperty('actions')
    expect(items[0]).not.toHaveProperty('createdByName')
  })

  it('publishes about ten 首违不罚 and ten 轻微免罚 items with conditions and an education measure', async () => {
    const { items } = (await t.anonymous.get('/api/public/no-penalty-items')).json()
    const kinds = items.map((i: { listKind: string }) => i.listKind)
    expect(kinds.filter((k: string) => k === 'first_violation')).toHaveLength(10)
    expect(kinds.filter((k: string) => k === 'minor')).toHaveLength(10)
    expect(items.every((i: { conditions: string[]; educationMeasure: string }) => i.conditions.length >= 3 && i.educationMeasure.length > 4)).toBe(true)
    const first = (await t.anonymous.get('/api/public/no-penalty-items?listKind=first_violation&q=临街工地')).json().items
    expect(first).toHaveLength(1)
    expect(first[0].conditions[0]).toContain('2年内首次')
  })

  it('seeds 禄丰市\'s penalty rules with the defaults', async () => {
    const rules = await t.db.selectFrom('penalty_rule_set').selectAll().where('region_code', '=', '532331').executeTakeFirstOrThrow()
    expect(rules).toMatchObject({ filing_days: 15, statement_days: 5, publication_days: 7, hearing_fine_person_fen: 1_000_000, hearing_fine_org_fen: 10_000_000 })
  })
})

describe('drafting a benchmark', () => {
  it('lets the legal reviewer of a unit that holds the item draft one, numbered after the existing code', async () => {
    const res = await zjjLegal.post('/api/discretion/benchmarks', await gasDraft())
    expect(res.statusCode).toBe(201)
    const { benchmark } = res.json()
    expect(benchmark).toMatchObject({ code: 'CF-ZJ-027-02', version: 1, status: 'draft', regionCode: '532331' })
    expect(benchmark.actions).toEqual(['update', 'delete'])
    expect(benchmark.tiers.map((x: { tierLabel: string }) => x.tierLabel)).toEqual(['减轻处罚', '从轻处罚', '一般处罚', '从重处罚'])
    expect(benchmark.tiers[1].rangeText).toBe('罚款50,000.00元至150,000.00元')
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', benchmark.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['benchmark.create'])
  })

  it('refuses a benchmark that leaves the statutory range, with the rule and a Chinese reason', async () => {
    const base = await gasDraft()
    const cases: Array<[string, unknown[], string]> = [
      ['tier_above_statutory_max', [...base.tiers.slice(0, 3), { ...base.tiers[3], fineMaxFen: yuan(600_000) }], '超过法定最高罚款'],
      ['tier_below_statutory_min', [base.tiers[0], { ...base.tiers[1], fineMinFen: yuan(30_000) }, ...base.tiers.slice(2)], '低于法定最低罚款'],
      ['tier_range_inverted', [base.tiers[0], { ...base.tiers[1], fineMinFen: yuan(150_000), fineMaxFen: yuan(60_000) }, ...base.tiers.slice(2)], '高于最高罚款'],
      ['tier_duplicated', [...base.tiers, base.tiers[2]], '重复'],
      ['ordinary_tier_missing', base.tiers.filter((x) => x.tier !== 'ordinary'), '一般处罚'],
      ['tier_above_statutory_max', [{ ...base.tiers[0], fineMaxFen: yuan(60_000) }, ...base.tiers.slice(1)], '减轻处罚'],
      ['tier_range_not_in_statute', [base.tiers[0], { ...base.tiers[1], fineMinFen: null, fineMaxFen: null, multipleMin: 1, multipleMax: 2 }, ...base.tiers.slice(2)], '固定金额'],
    ]
    for (const [rule, tiers, words] of cases) {
      const res = await zjjLegal.post('/api/discretion/benchmarks', { ...base, tiers: tiers.slice(0, 5) })
      expect(res.statusCode, rule).toBe(422)
      expect(res.json().code).toBe('RULE_VIOLATION')
      expect(res.json().details.rule, rule).toBe(rule)
      expect(res.json().message).toContain(words)
    }
    const halfFen = await zjjLegal.post('/api/discretion/benchmarks', { ...base, tiers: [base.tiers[0], { ...base.tiers[1], fineMaxFen: 15_000_000.5 }, ...base.tiers.slice(2)] })
    expect(halfFen.statusCode).toBe(400)
    expect(halfFen.json().code).toBe('VALIDATION_FAILED')
  })

  it('lets 减轻处罚 go below the statutory minimum but not above it', async () => {
    const base = await gasDraft()
    const res = await zjjLegal.post('/api/discretion/benchmarks', { ...base, tiers: [{ ...base.tiers[0], fineMinFen: yuan(10_000), fineMaxFen: yuan(50_000) }, ...base.tiers.slice(1)] })
    expect(res.statusCode).toBe(201)
    await zjjLegal.delete(`/api/discretion/benchmarks/${res.json().benchmark.id}`)
  })

  it('refuses units that do not hold the item, and officers', async () => {
    const forestry = await gasDraft({ powerItemId: await powerItemId('CF-LC-005') })
    const refused = await zjjLegal.post('/api/discretion/benchmarks', forestry)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toContain('不实施该事项')
    const officer = await (await t.as('zjj_officer')).post('/api/discretion/benchmarks', await gasDraft())
    expect(officer.statusCode).toBe(403)
    // 金山镇 holds every catalogue item (相对集中): its head may draft for it, for the township.
    const township = await (await t.as('js_head')).post('/api/discretion/benchmarks', await gasDraft())
    expect(township.statusCode).toBe(201)
    expect(township.json().benchmark.regionCode).toBe('532331100')
    // Another county's supervisor neither sees nor publishes 禄丰's draft.
    const mouding = await t.as('md_sfj')
    expect((await mouding.get(`/api/discretion/benchmarks/${township.json().benchmark.id}`)).statusCode).toBe(404)
  })
})

describe('publication and versions', () => {
  it('is published by the unit head (never by its drafter), then immutable, and superseded by its next version', async () => {
    const { benchmark } = (await zjjLegal.post('/api/discretion/benchmarks', await gasDraft({ code: 'LF-TEST-GAS' }))).json()
    const self = await zjjLegal.post(`/api/discretion/benchmarks/${benchmark.id}/publish`)
    expect(self.statusCode).toBe(403)

    const published = await zjjHead.post(`/api/discretion/benchmarks/${benchmark.id}/publish`)
    expect(published.statusCode).toBe(200)
    expect(published.json().benchmark).toMatchObject({ status: 'published', effectiveFrom: '2026-11-20' })

    const edit = await zjjLegal.patch(`/api/discretion/benchmarks/${benchmark.id}`, { violation: '改个名字试试看' })
    expect(edit.statusCode).toBe(409)
    expect(edit.json().code).toBe('INVALID_STATE')
    expect(edit.json().message).toContain('已公布')

    const revised = await zjjHead.post(`/api/discretion/benchmarks/${benchmark.id}/revise`)
    expect(revised.statusCode).toBe(201)
    const draft = revised.json().benchmark
    expect(draft).toMatchObject({ code: 'LF-TEST-GAS', version: 2, status: 'draft' })
    expect((await zjjHead.post(`/api/discretion/benchmarks/${benchmark.id}/revise`)).statusCode).toBe(409)

    const patched = await zjjLegal.patch(`/api/discretion/benchmarks/${draft.id}`, { violation: '未取得燃气经营许可证从事瓶装燃气经营活动（2026年修订）' })
    expect(patched.statusCode).toBe(200)
    // The head drafted v2: the 司法局 publishes it.
    expect((await zjjHead.post(`/api/discretion/benchmarks/${draft.id}/publish`)).statusCode).toBe(403)
    const second = await sfj.post(`/api/discretion/benchmarks/${draft.id}/publish`)
    expect(second.statusCode).toBe(200)
    expect(second.json().versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:published', '1:superseded'])

    const pub = (await t.anonymous.get('/api/public/benchmarks?q=LF-TEST-GAS')).json().items
    expect(pub.map((b: PublicBenchmark) => b.version)).toEqual([2])
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'discretion_benchmark').where('entity_id', 'in', [benchmark.id, draft.id]).orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual(['benchmark.create', 'benchmark.publish', 'benchmark.revise', 'benchmark.update', 'benchmark.publish'])
  })

  it('shows drafts only to those who may draft; the portal never', async () => {
    const draftId = await benchmarkId('CF-ZR-013-01', 'draft')
    expect((await sfj.get(`/api/discretion/benchmarks/${draftId}`)).statusCode).toBe(200)
    expect((await (await t.as('zjj_officer')).get(`/api/discretion/benchmarks/${draftId}`)).statusCode).toBe(404)
    const pub = (await t.anonymous.get(`/api/public/benchmarks?powerItemId=${await powerItemId('CF-ZR-013')}`)).json().items
    expect(pub).toEqual([])
    const list = (await sfj.get('/api/discretion/benchmarks?status=draft&pageSize=100')).json()
    expect(list.items.map((b: { code: string }) => b.code)).toContain('CF-ZR-013-01')
  })
})

describe('the calculator', () => {
  it('computes a fixed range: 燃气设施保护范围内动用明火, a unit, an accident → 从重 8.5万–10万元', async () => {
    const officer = await t.as('zjj_officer')
    const res = await officer.post('/api/discretion/calculate', {
      benchmarkId: await benchmarkId('CF-ZJ-029-01'),
      conditions: ['造成燃气泄漏、停气或者安全事故的'],
      partyKind: 'organization',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ tier: 'severe', tierLabel: '从重处罚', minFen: yuan(85_000), maxFen: yuan(100_000), statutoryMinFen: yuan(50_000), statutoryMaxFen: yuan(100_000), rangeKind: 'fixed' })
    expect(res.json().basis[0]).toMatchObject({ law: '城镇燃气管理条例' })
  })

  it('computes a multiple range: 未取得施工许可证擅自施工, contract price 300万元, 从轻 → 1%–1.3%', async () => {
    const id = await benchmarkId('CF-ZJ-033-01')
    const res = await zjjLegal.post('/api/discretion/calculate', { benchmarkId: id, conditions: ['主动停止施工并及时补办施工许可证的'], baseFen: yuan(3_000_000), partyKind: 'organization' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ tier: 'lenient', minFen: yuan(30_000), maxFen: yuan(39_000), rangeKind: 'multiple', benchmark: { version: 2 } })
    const noBase = await zjjLegal.post('/api/discretion/calculate', { benchmarkId: id, partyKind: 'organization' })
    expect(noBase.statusCode).toBe(422)
    expect(noBase.json().details.rule).toBe('base_required')
    expect(noBase.json().message).toContain('工程合同价款')
  })

  it('uses the fixed range when there are no illegal gains (伪造采伐许可证: 没有违法所得的，可以处二万元以下)', async () => {
    const res = await sfj.post('/api/discretion/calculate', { benchmarkId: await benchmarkId('CF-LC-007-01'), tier: 'ordinary', baseFen: 0, partyKind: 'person' })
    expect(res.json()).toMatchObject({ tier: 'ordinary', minFen: yuan(6_000), maxFen: yuan(14_000), rangeKind: 'fixed' })
  })

  it('needs a signed-in caller', async () => {
    const res = await t.anonymous.post('/api/discretion/calculate', { benchmarkId: await benchmarkId('CF-ZJ-029-01'), partyKind: 'person' })
    expect(res.statusCode).toBe(401)
  })

  it('hands the case service the published benchmark in the core shape, and refuses drafts', async () => {
    const b = await loadPublishedBenchmark(t.db, await benchmarkId('CF-ZJ-033-01'))
    expect(b).toMatchObject({ code: 'CF-ZJ-033-01', version: 2, statutory: { multipleMin: 0.01, multipleMax: 0.02, multipleOf: '工程合同价款' } })
    expect(b.penaltyBasis[0]).toMatchObject({ law: '建设工程质量管理条例', article: '第五十七条' })
    await expect(loadPublishedBenchmark(t.db, await benchmarkId('CF-ZR-013-01', 'draft'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('首违不罚 and 轻微免罚 lists', () => {
  it('drafts, publishes with four eyes, and shows the item on the portal', async () => {
    const body = {
      powerItemId: await powerItemId('CF-ZJ-005'),
      listKind: 'first_violation',
      violation: '首次未履行卫生责任区清扫保洁义务',
      legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第三十四条第（五）项' }],
      conditions: ['2年内首次实施该违法行为', '危害后果轻微', '在责令改正期限（1日）内改正'],
      correctionDays: 1,
      educationMeasure: '批评教育并督促签订门前三包责任书',
    }
    const created = await sfj.post('/api/discretion/no-penalty-items', body)
    expect(created.statusCode).toBe(201)
    const id = created.json().item.id
    expect((await t.anonymous.get('/api/public/no-penalty-items?q=卫生责任区清扫')).json().items).toEqual([])
    expect((await sfj.post(`/api/discretion/no-penalty-items/${id}/publish`)).statusCode).toBe(403)
    expect((await zjjLegal.post('/api/discretion/no-penalty-items', body)).statusCode).toBe(403)
    const published = await (await t.as('sfj2')).post(`/api/discretion/no-penalty-items/${id}/publish`)
    expect(published.statusCode).toBe(200)
    expect((await sfj.patch(`/api/discretion/no-penalty-items/${id}`, { correctionDays: 3 })).statusCode).toBe(409)
    const pub = (await t.anonymous.get('/api/public/no-penalty-items?q=卫生责任区清扫')).json().items
    expect(pub).toHaveLength(1)
    expect(pub[0]).toMatchObject({ listKindLabel: '首违不罚', correctionDays: 1 })
  })

  it('refuses a correction period outside 1–365 days', async () => {
    const res = await sfj.post('/api/discretion/no-penalty-items', {
      powerItemId: await powerItemId('CF-ZJ-005'),
      listKind: 'minor',
      violation: '轻微未履行清扫义务',
      legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第三十四条' }],
      conditions: ['违法行为轻微'],
      correctionDays: 0,
      educationMeasure: '批评教育',
    })
    expect(res.statusCode).toBe(400)
  })
})
