import type { DutyCategory } from '@yangguang/core'
import type { Transaction } from 'kysely'
import type { DB, NewRow } from '../../platform/db/schema'
import { BATCH } from '../catalogue/catalogue.demo'
import { demoRegions, townshipList } from '../demo/demo-places'
import { type DemoContext, registerDemoSeeder } from '../demo/seed-demo'
import { addedDuties, basicDutyGroups, cooperativeDutyGroups, madeBasicIn2025, reclaimedDuties, reclaimedIn2025 } from './duties-demo-data'

/** 基本履职事项 per township (in townshipList order); the last one takes the rest of 2069. */
const basicCounts = [156, 151, 143, 149, 146, 152, 147, 138, 140, 150, 153, 145, 148]
/** 配合履职事项 per township; the last one takes the rest of 1967. */
const cooperativeCounts = [148, 142, 136, 141, 139, 144, 140, 131, 133, 142, 145, 138, 140]
export const DEMO_BASIC_TOTAL = 2069
export const DEMO_COOPERATIVE_TOTAL = 1967

/**
 * The 51 adjustments approved in 2025, in the order they were decided. They cancel out per
 * category (8 + 3 added to and 6 + 5 taken from 基本履职, 8 added to and 5 + 3 taken from 配合履职),
 * so the lists still total 2069 and 1967 — as the townships compiled them in 2024.
 */
type PlannedOp = 'modify' | 'add_basic' | 'add_cooperative' | 'remove_basic' | 'remove_cooperative' | 'basic_to_reclaimed' | 'cooperative_to_basic'
const plan = [
  ...Array<PlannedOp>(16).fill('modify'),
  ...Array<PlannedOp>(8).fill('add_basic'),
  ...Array<PlannedOp>(8).fill('add_cooperative'),
  ...Array<PlannedOp>(6).fill('remove_basic'),
  ...Array<PlannedOp>(5).fill('remove_cooperative'),
  ...Array<PlannedOp>(5).fill('basic_to_reclaimed'),
  ...Array<PlannedOp>(3).fill('cooperative_to_basic'),
  // Each kind goes round the townships; the decisions are spread over the year in another order.
].map((op, i) => ({ op, township: i % townshipList.length, order: (i * 37) % 51 }))

type Duty = { name: string; lead: string; cooperating: string[]; legalBasis: string | null; powerItemCode?: string }
type Row = NewRow<'duty_item'> & { key: string }
type Adjustment = Omit<NewRow<'duty_adjustment'>, 'duty_item_id'> & { itemKey: string | null }

/** Penalty items every township exercises itself (相对集中), listed first among its basic duties. */
const concentratedPenalties = [
  'CF-ZJ-036',
  'CF-ZJ-037',
  'CF-ZJ-038',
  'CF-ZJ-004',
  'CF-ZJ-010',
  'CF-ZR-002',
  'CF-ZR-006',
  'CF-ZR-008',
  'CF-LC-005',
  'CF-LC-006',
  'CF-LC-013',
  'CF-LC-015',
]

/**
 * The duty-list part of the 禄丰市 demo: for each of the 14 townships its 基本履职事项 and
 * 配合履职事项 (2069 and 1967 in all, as in the source article) and a few 上级收回事项, the 51
 * adjustments approved in 2025 (with 2 rejected), and 3 pending in 2026 for the supervisors.
 * Approval references (禄编委〔2025〕N号) are illustrative.
 */
export async function seedDutiesDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const user = (name: string) => ctx.userIds.get(name) ?? null
  const powerItems = await trx.selectFrom('power_item').select(['id', 'code', 'name', 'legal_basis']).where('code', 'in', concentratedPenalties).execute()
  const basicPool: Duty[] = [
    ...concentratedPenalties.flatMap((code) => {
      const item = powerItems.find((p) => p.code === code)
      if (!item) return []
      const basis = item.legal_basis[0]
      return [
        {
          name: `${item.name.replace(/的处罚$/, '的行政处罚')}（相对集中行使）`,
          lead: '综合行政执法队',
          cooperating: [departmentOf(code)],
          legalBasis: basis ? `《${basis.law}》${basis.article}` : null,
          powerItemCode: code,
        },
      ]
    }),
    ...basicDutyGroups.flatMap((g) => g.duties.map((name) => ({ name, lead: g.lead, cooperating: g.cooperating, legalBasis: g.legalBasis ?? null }))),
  ].filter((d) => !reclaimedIn2025.some((r) => r.duty === d.name))
  const cooperativePool: Duty[] = cooperativeDutyGroups
    .flatMap((g) => g.tasks.map((task) => ({ task, name: `配合${g.department}开展${task}`, lead: g.department, cooperating: [g.office], legalBasis: null })))
    .filter((d) => !madeBasicIn2025.some((m) => m.task === d.task))
  const powerItemId = new Map(powerItems.map((p) => [p.code, p.id]))

  const rows: Row[] = []
  const adjustments: Adjustment[] = []
  const counters = { add_basic: 0, add_cooperative: 0, basic_to_reclaimed: 0, cooperative_to_basic: 0, modify: 0 }
  const basicTotal = basicCounts.reduce((a, b) => a + b, 0)
  const cooperativeTotal = cooperativeCounts.reduce((a, b) => a + b, 0)

  for (const [t, [townCode, , regionCode]] of townshipList.entries()) {
    const township = demoRegions.find((r) => r.code === regionCode)!
    const mine = plan.filter((p) => p.township === t)
    const count = (op: PlannedOp) => mine.filter((p) => p.op === op).length
    const basicTarget = basicCounts[t] ?? DEMO_BASIC_TOTAL - basicTotal
    const cooperativeTarget = cooperativeCounts[t] ?? DEMO_COOPERATIVE_TOTAL - cooperativeTotal
    const row = (category: DutyCategory, seq: number, d: Duty, status: 'active' | 'removed' = 'active', createdAt = '2024-06-28T09:00:00+08:00'): Row => ({
      key: `${regionCode}|${category}|${seq}`,
      township_code: regionCode,
      category,
      seq,
      name: d.name,
      lead_department: d.lead,
      cooperating_departments: d.cooperating,
      legal_basis: d.legalBasis,
      power_item_id: d.powerItemCode ? (powerItemId.get(d.powerItemCode) ?? null) : null,
      status,
      created_at: createdAt,
      updated_at: createdAt,
    })

    // 基本履职: the compiled list (some since removed), then what 2025 added or moved in.
    const basicKept = basicTarget - count('add_basic') - count('cooperative_to_basic')
    const basicRemoved = count('remove_basic')
    const basic = basicPool.slice(0, basicKept + basicRemoved).map((d, n) => row('basic', n + 1, d))
    const removedBasicAt = spread(basic.length, basicRemoved, concentratedPenalties.length)
    for (const n of removedBasicAt) basic[n]!.status = 'removed'
    // 配合履职
    const cooperativeKept = cooperativeTarget - count('add_cooperative')
    const cooperativeRemoved = count('remove_cooperative')
    const cooperative = cooperativePool.slice(0, cooperativeKept + cooperativeRemoved).map((d, n) => row('cooperative', n + 1, d))
    const removedCooperativeAt = spread(cooperative.length, cooperativeRemoved, 0)
    for (const n of removedCooperativeAt) cooperative[n]!.status = 'removed'
    // 上级收回: two or three per township
    const reclaimed = [0, 1, 2]
      .slice(0, 2 + (t % 2))
      .map((k) => reclaimedDuties[(t + k * 3) % reclaimedDuties.length]!)
      .map((r, n) => row('reclaimed', n + 1, { name: r.name, lead: r.department, cooperating: [], legalBasis: r.legalBasis ?? null }))
    rows.push(...basic, ...cooperative, ...reclaimed)

    const removedBasic = [...removedBasicAt]
    const removedCooperative = [...removedCooperativeAt]
    const modifiable = basic.filter((r, n) => r.status === 'active' && n >= concentratedPenalties.length)
    for (const { op, order } of mine) {
      const at = decidedAt(order)
      const base = {
        township_code: regionCode,
        status: 'approved' as const,
        approval_ref: `禄编委〔2025〕${at.month + 3}号`,
        decided_by: user('sfj'),
        decided_at: at.decided,
        created_by: user(townCode === 'JS' ? 'js_head' : 'sfj2'),
        created_at: at.proposed,
      }
      if (op === 'modify') {
        const target = modifiable[(counters.modify * 7) % modifiable.length]!
        const variant = counters.modify++ % 3
        if (variant === 0 && target.lead_department === '村镇规划建设服务中心') {
          target.lead_department = '综合行政执法队'
          adjustments.push({ ...base, op, itemKey: target.key, proposal: JSON.stringify({ leadDepartment: '综合行政执法队' }), reason: '乡镇机构改革后，巡查处置职责由综合行政执法队承担，牵头部门相应调整。' })
        } else {
          const extra = variant === 1 ? '市应急管理局' : '市司法局'
          target.cooperating_departments = [...(target.cooperating_departments as string[]).filter((c) => c !== extra), extra]
          adjustments.push({
            ...base,
            op,
            itemKey: target.key,
            proposal: JSON.stringify({ cooperatingDepartments: target.cooperating_departments }),
            reason: variant === 1 ? '事项涉及安全风险防范，增加市应急管理局为配合部门。' : '事项涉及行政执法程序，增加市司法局为配合部门。',
          })
        }
      } else if (op === 'add_basic' || op === 'add_cooperative') {
        const category = op === 'add_basic' ? 'basic' : 'cooperative'
        const list = op === 'add_basic' ? basic : cooperative
        const added = op === 'add_basic' ? addedDuties.basic[counters.add_basic++]! : addedDuties.cooperative[counters.add_cooperative++]!
        const duty: Duty =
          'office' in added
            ? { name: added.name, lead: added.lead, cooperating: [added.office], legalBasis: null }
            : { name: added.name, lead: added.lead, cooperating: added.cooperating, legalBasis: null }
        const r = row(category, list.length + 1, duty, 'active', at.decided)
        list.push(r)
        rows.push(r)
        adjustments.push({
          ...base,
          op: 'add',
          itemKey: r.key,
          proposal: JSON.stringify({ category, name: duty.name, leadDepartment: duty.lead, cooperatingDepartments: duty.cooperating, legalBasis: null, powerItemId: null }),
          reason: category === 'basic' ? '根据2025年新增工作任务，该事项需乡镇全面负责，申请列入基本履职事项。' : '该项工作需乡镇配合市级部门开展，申请列入配合履职事项。',
        })
      } else if (op === 'remove_basic' || op === 'remove_cooperative') {
        const list = op === 'remove_basic' ? basic : cooperative
        const n = (op === 'remove_basic' ? removedBasic : removedCooperative).shift()!
        adjustments.push({
          ...base,
          op: 'remove',
          itemKey: list[n]!.key,
          proposal: null,
          reason: op === 'remove_basic' ? '该事项已由市级部门统一承担，乡镇不再履行，申请取消。' : '市级部门已不再开展该项工作，申请取消配合履职事项。',
        })
      } else if (op === 'basic_to_reclaimed') {
        const moved = reclaimedIn2025[counters.basic_to_reclaimed++]!
        const group = basicDutyGroups.find((g) => g.duties.includes(moved.duty))!
        const r = row('reclaimed', reclaimed.length + 1, { name: moved.duty, lead: moved.department, cooperating: [group.lead], legalBasis: group.legalBasis ?? null }, 'active', at.decided)
        reclaimed.push(r)
        rows.push(r)
        adjustments.push({
          ...base,
          op: 'recategorize',
          itemKey: r.key,
          proposal: JSON.stringify({ category: 'reclaimed', fromCategory: 'basic', leadDepartment: moved.department }),
          reason: `乡镇缺乏承接该事项的专业力量和技术手段，申请由${moved.department}收回。`,
        })
      } else {
        const moved = madeBasicIn2025[counters.cooperative_to_basic++]!
        const group = cooperativeDutyGroups.find((g) => g.tasks.includes(moved.task))!
        const r = row('basic', basic.length + 1, { name: moved.name, lead: moved.lead, cooperating: [group.department], legalBasis: null }, 'active', at.decided)
        basic.push(r)
        rows.push(r)
        adjustments.push({
          ...base,
          op: 'recategorize',
          itemKey: r.key,
          proposal: JSON.stringify({ category: 'basic', fromCategory: 'cooperative', name: moved.name, leadDepartment: moved.lead }),
          reason: '该事项实际由乡镇牵头落实，申请由配合履职事项调整为基本履职事项。',
        })
      }
    }
    // Two rejected in 2025 and three pending in 2026, for the supervisors' screens.
    if (townCode === 'RX') {
      adjustments.push({
        township_code: regionCode,
        op: 'add',
        itemKey: null,
        proposal: JSON.stringify({ category: 'basic', name: '辖区加油站的安全监管', leadDepartment: '应急管理办公室', cooperatingDepartments: ['市应急管理局'], legalBasis: null, powerItemId: null }),
        reason: '辖区新增加油站两座，申请列入基本履职事项。',
        status: 'rejected',
        decision_note: '加油站安全监管属市应急管理局和市工业商务和信息化局的法定职责，不宜列为乡镇基本履职事项，乡镇可按属地管理配合开展。',
        decided_by: user('sfj'),
        decided_at: '2025-06-20T10:00:00+08:00',
        created_by: user('sfj2'),
        created_at: '2025-06-09T09:30:00+08:00',
      })
    }
    if (townCode === 'HJ') {
      adjustments.push({
        township_code: regionCode,
        op: 'remove',
        itemKey: cooperative.find((r) => r.status === 'active')!.key,
        proposal: null,
        reason: '申请取消该配合履职事项。',
        status: 'rejected',
        decision_note: '该项工作仍需乡镇配合开展，暂不取消。',
        decided_by: user('sfj'),
        decided_at: '2025-09-12T10:00:00+08:00',
        created_by: user('sfj2'),
        created_at: '2025-09-01T09:30:00+08:00',
      })
    }
    if (townCode === 'JS') {
      const waterworks = basic.find((r) => r.name === '集镇供排水设施的日常管护' && r.status === 'active')!
      adjustments.push(
        {
          township_code: regionCode,
          op: 'add',
          itemKey: null,
          proposal: JSON.stringify({
            category: 'basic',
            name: '集镇户外广告设施安全隐患的巡查和报告',
            leadDepartment: '综合行政执法队',
            cooperatingDepartments: ['市综合行政执法局', '市住房和城乡建设局'],
            legalBasis: '《城市市容和环境卫生管理条例》第十一条',
            powerItemId: null,
          }),
          reason: '集镇沿街户外广告设施老化，汛期存在坠落隐患，需乡镇日常巡查、及时报告。',
          created_by: user('js_head'),
          created_at: '2026-10-16T10:00:00+08:00',
        },
        {
          township_code: regionCode,
          op: 'recategorize',
          itemKey: waterworks.key,
          proposal: JSON.stringify({ category: 'reclaimed', fromCategory: 'basic', leadDepartment: '市住房和城乡建设局' }),
          reason: '集镇供排水设施已移交市供排水公司统一运营，乡镇无专业管护能力，申请由市住房和城乡建设局收回。',
          created_by: user('js_head'),
          created_at: '2026-11-03T15:20:00+08:00',
        },
      )
    }
    if (townCode === 'GT') {
      const target = basic.find((r) => r.name === '农村自建房安全隐患的排查整治' && r.status === 'active')!
      adjustments.push({
        township_code: regionCode,
        op: 'modify',
        itemKey: target.key,
        proposal: JSON.stringify({ name: '农村自建房（含经营性自建房）安全隐患的排查整治' }),
        reason: '经营性自建房安全专项整治要求乡镇一并排查，事项名称需相应完善。',
        created_by: user('sfj2'),
        created_at: '2026-11-12T09:00:00+08:00',
      })
    }
  }

  const ids = new Map<string, string>()
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map(({ key: _key, ...r }) => r)
    for (const r of await trx.insertInto('duty_item').values(batch).returning(['id', 'township_code', 'category', 'seq']).execute()) {
      ids.set(`${r.township_code}|${r.category}|${r.seq}`, r.id)
    }
  }
  const adjustmentRows = adjustments.map(({ itemKey, ...a }) => ({ ...a, duty_item_id: itemKey ? ids.get(itemKey)! : null }))
  for (let i = 0; i < adjustmentRows.length; i += BATCH) await trx.insertInto('duty_adjustment').values(adjustmentRows.slice(i, i + BATCH)).execute()
}

/** `count` positions spread over `length`, never among the first `skip`. */
function spread(length: number, count: number, skip: number): number[] {
  return Array.from({ length: count }, (_, k) => length - 1 - Math.floor(((k + 1) * (length - skip)) / (count + 2)))
}

/** When adjustment `i` of 2025 was proposed and decided: spread from February to December. */
function decidedAt(i: number) {
  const month = 2 + Math.floor(i / 5)
  const day = 3 + (i % 5) * 5
  const mm = String(month).padStart(2, '0')
  return {
    month,
    proposed: `2025-${mm}-${String(day).padStart(2, '0')}T09:30:00+08:00`,
    decided: `2025-${mm}-${String(day + 4).padStart(2, '0')}T16:00:00+08:00`,
  }
}

function departmentOf(powerItemCode: string): string {
  if (powerItemCode.startsWith('CF-ZJ')) return '市住房和城乡建设局'
  if (powerItemCode.startsWith('CF-ZR')) return '市自然资源局'
  return '市林业和草原局'
}

registerDemoSeeder(seedDutiesDemo)
