import type { Transaction } from 'kysely'
import { catalogueItems2025, type DemoPowerItem, extraPowerItems } from '../catalogue/catalogue-demo-items'
import type { DB, LegalBasis, NewRow } from '../../platform/db/schema'
import { type DemoContext, registerDemoSeeder } from '../demo/seed-demo'
import { checkBenchmark } from './benchmark-rules'
import { type DemoBenchmark, lcBenchmarks, noPenaltyItems, zjBenchmarks, zrBenchmarks } from './discretion-demo-data'

const LUFENG = '532331'
const partyName = { organization: '单位', person: '个人' } as const

/**
 * The discretion part of the 禄丰市 demo: published 裁量基准 for the catalogue's penalty items
 * (drafted by the units' legal reviewers or the 司法局, published on 2025-06-30 after the
 * 司法局's legality review), one benchmark in its second version (the first superseded), one
 * draft, the 首违不罚 and 轻微违法免罚 lists, and 禄丰市's penalty procedure rules (the defaults).
 * Every benchmark passes the same checks as one saved through the API.
 */
export async function seedDiscretionDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const items = await trx.selectFrom('power_item').select(['id', 'code']).execute()
  const itemId = new Map(items.map((i) => [i.code, i.id]))
  const catalogue = new Map([...catalogueItems2025, ...extraPowerItems].map((i) => [i.code, i]))
  const user = (name: string) => ctx.userIds.get(name) ?? null
  const published = { status: 'published' as const, effective_from: '2025-07-01', published_at: '2025-06-30T10:00:00+08:00', created_at: '2025-05-20T09:00:00+08:00', updated_at: '2025-06-30T10:00:00+08:00' }

  const rows: NewRow<'discretion_benchmark'>[] = []
  const seq = new Map<string, number>()
  const add = (b: DemoBenchmark, drafter: string, extra: Partial<NewRow<'discretion_benchmark'>> = {}) => {
    const item = catalogue.get(b.item)
    const id = itemId.get(b.item)
    if (!item || !id) throw new Error(`discretion demo: no power item ${b.item}`)
    const problems = checkBenchmark(b.statutory, b.tiers)
    if (problems.length > 0) throw new Error(`discretion demo: ${b.item} ${problems.map((p) => p.message).join('; ')}`)
    const n = (seq.get(b.item) ?? 0) + 1
    seq.set(b.item, n)
    const { violationBasis, penaltyBasis } = basesOf(item)
    rows.push({
      power_item_id: id,
      region_code: LUFENG,
      code: `${b.item}-${String(n).padStart(2, '0')}`,
      version: 1,
      violation: `${b.violation ?? violationOf(item)}${b.party ? `（${partyName[b.party]}）` : ''}`,
      violation_basis: JSON.stringify(violationBasis),
      penalty_basis: JSON.stringify(penaltyBasis),
      statutory: JSON.stringify(b.statutory),
      tiers: JSON.stringify(b.tiers),
      created_by: user(drafter),
      ...published,
      ...extra,
    })
  }
  zjBenchmarks.forEach((b) => add(b, 'zjj_legal'))
  lcBenchmarks.forEach((b) => add(b, 'sfj'))
  zrBenchmarks.forEach((b) => add(b, 'sfj'))

  // 版本: CF-ZJ-033-01 was first published in 2024 with a single 一般 tier over the whole range;
  // the 2025 version split it. The 2024 row is kept, superseded.
  const permit = rows.find((r) => r.code === 'CF-ZJ-033-01')!
  permit.version = 2
  const permitStatutory = zjBenchmarks.find((b) => b.item === 'CF-ZJ-033')!.statutory
  rows.push({
    ...permit,
    version: 1,
    tiers: JSON.stringify([{ tier: 'ordinary', conditions: ['未取得施工许可证擅自施工的'], kinds: ['fine'], multipleMin: permitStatutory.multipleMin, multipleMax: permitStatutory.multipleMax }]),
    status: 'superseded',
    effective_from: '2024-05-01',
    published_at: '2024-04-28T10:00:00+08:00',
    created_at: '2024-03-15T09:00:00+08:00',
    updated_at: '2025-06-30T10:00:00+08:00',
  })
  // A draft awaiting publication: 占用基本农田, drafted by the 司法局.
  add(
    {
      item: 'CF-ZR-013',
      statutory: { kinds: ['fine'], multipleMin: 1, multipleMax: 2, multipleOf: '占用基本农田的耕地开垦费' },
      tiers: [
        { tier: 'lenient', conditions: ['占用面积不足1亩，已恢复种植条件的'], kinds: ['fine'], multipleMin: 1, multipleMax: 1.3 },
        { tier: 'ordinary', conditions: ['占用面积1亩以上不足5亩的'], kinds: ['fine'], multipleMin: 1.3, multipleMax: 1.7 },
        { tier: 'severe', conditions: ['占用面积5亩以上或者拒不恢复种植条件的'], kinds: ['fine'], multipleMin: 1.7, multipleMax: 2 },
      ],
    },
    'sfj',
    { status: 'draft', effective_from: null, published_at: null, created_at: '2026-11-10T09:00:00+08:00', updated_at: '2026-11-10T09:00:00+08:00' },
  )
  await trx.insertInto('discretion_benchmark').values(rows).execute()

  await trx
    .insertInto('no_penalty_item')
    .values(
      noPenaltyItems.map((n) => {
        const item = catalogue.get(n.item)
        const id = itemId.get(n.item)
        if (!item || !id) throw new Error(`discretion demo: no power item ${n.item}`)
        return {
          power_item_id: id,
          region_code: LUFENG,
          list_kind: n.listKind,
          violation: n.violation ?? violationOf(item),
          legal_basis: JSON.stringify(basesOf(item).penaltyBasis),
          conditions: n.conditions,
          correction_days: n.correctionDays,
          education_measure: n.educationMeasure,
          status: 'published' as const,
          published_at: '2025-06-30T10:00:00+08:00',
          created_by: user('sfj'),
          created_at: '2025-05-20T09:00:00+08:00',
          updated_at: '2025-06-30T10:00:00+08:00',
        }
      }),
    )
    .execute()

  // 禄丰市's penalty rules: the migration's defaults, recorded as the county's own row.
  await trx.insertInto('penalty_rule_set').values({ region_code: LUFENG, updated_by: user('sfj'), updated_at: '2025-06-30T10:00:00+08:00' }).execute()
}

/** 「对……的处罚」 → the violation itself. */
function violationOf(item: DemoPowerItem): string {
  return item.name.replace(/^对/, '').replace(/的处罚$/, '')
}

/**
 * The item's provisions split into 违法依据 and 处罚依据: a 实施条例 article that sets the amount
 * joins the law's article in the 处罚依据; otherwise the last provision (the penalty article) is
 * the 处罚依据 and the first the 违法依据 — the same article when there is only one.
 */
function basesOf(item: DemoPowerItem): { violationBasis: LegalBasis[]; penaltyBasis: LegalBasis[] } {
  const [first, ...rest] = item.legalBasis
  if (!first) return { violationBasis: [], penaltyBasis: [] }
  const last = rest.at(-1)
  if (!last) return { violationBasis: [first], penaltyBasis: [first] }
  if (last.law.endsWith('实施条例') && !first.law.endsWith('实施条例')) return { violationBasis: [first], penaltyBasis: item.legalBasis }
  return { violationBasis: [first], penaltyBasis: [last] }
}

registerDemoSeeder(seedDiscretionDemo)
