import type { Transaction } from 'kysely'
import type { DB, LegalBasis, NewRow } from '../../platform/db/schema'
import { demoOrgs, townshipList } from '../demo/demo-places'
import { type DemoContext, registerDemoSeeder } from '../demo/seed-demo'
import type { CatalogueItemSnapshot } from './catalogue-diff'
import { catalogueItems2025, type DemoPowerItem, extraPowerItems, legalBasis2024, mineralLaw2024 } from './catalogue-demo-items'
import { demoStatutoryRanges } from './catalogue-demo-ranges'
import { snapshotRow } from './catalogue.repository'

/** Rows per INSERT: the seed runs for every test template and at the first `npm start`. */
export const BATCH = 500

const LUFENG = '532331'
const townshipGovernments = townshipList.map(([code]) => `${code}-ZF`)

/** The items the 2025 version added to the 2024 one, and those it dropped. */
const added2025 = ['CF-ZJ-039', 'CF-LC-032', 'CF-LC-033']
const dropped2025 = ['CF-ZJ-040', 'CF-LC-034']

/**
 * The catalogue part of the 禄丰市 demo, as in the source article:
 * - the power-item master list: the 90 items of 《禄丰市相对集中行政处罚权事项目录（2025年版）》
 *   (住房城乡建设 39, 林草 33, 自然资源和规划 18), each held by the 14 township governments
 *   (相对集中: the townships' 综合行政执法 exercises them) and mostly also by the department, plus
 *   three items outside that version (one repealed);
 * - three versions: 2024 (published, then superseded), 2025 (published, decided by the
 *   市政府常务会议 — meeting and 文号 are illustrative) and a 2026 draft with one accepted and
 *   three pending adjustment requests.
 * Holders are the enforcement entities the registry part created; a unit without one is skipped.
 */
export async function seedCatalogueDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const entities = await trx
    .selectFrom('enforcement_entity as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.name', 'o.code'])
    .execute()
  const entityOf = new Map(entities.map((e) => [e.code, e]))
  /** The name a published catalogue gives a holder: its entity's name, or the unit's own. */
  const holderName = (orgCode: string) => entityOf.get(orgCode)?.name ?? demoOrgs.find((o) => o.code === orgCode)?.name ?? orgCode
  const holderCodes = (item: DemoPowerItem, inCatalogue: boolean) => [
    ...(item.department ? [item.department] : []),
    ...(inCatalogue ? townshipGovernments : []),
  ]
  const user = (name: string) => ctx.userIds.get(name) ?? null

  // 权力事项 and their holders
  const master = [...catalogueItems2025.map((item) => ({ item, inCatalogue: true })), ...extraPowerItems.map((item) => ({ item, inCatalogue: false }))]
  const inserted = await trx
    .insertInto('power_item')
    .values(
      master.map(({ item }) => ({
        code: item.code,
        name: item.name,
        kind: 'penalty' as const,
        domain: item.domain,
        legal_basis: JSON.stringify(item.legalBasis),
        statutory_range: demoStatutoryRanges[item.code] ? JSON.stringify(demoStatutoryRanges[item.code]) : null,
        // 木材运输证 was abolished by the 2019 森林法: the item stays, repealed, for the 2024 version.
        status: item.code === 'CF-LC-034' ? ('repealed' as const) : ('active' as const),
        created_at: '2024-02-20T09:00:00+08:00',
        updated_at: '2025-03-25T09:00:00+08:00',
      })),
    )
    .returning(['id', 'code'])
    .execute()
  const powerItemId = new Map(inserted.map((r) => [r.code, r.id]))
  const holderRows: NewRow<'power_item_holder'>[] = []
  for (const { item, inCatalogue } of master) {
    for (const code of holderCodes(item, inCatalogue)) {
      const entity = entityOf.get(code)
      if (entity) holderRows.push({ power_item_id: powerItemId.get(item.code)!, entity_id: entity.id })
    }
  }
  for (let i = 0; i < holderRows.length; i += BATCH) await trx.insertInto('power_item_holder').values(holderRows.slice(i, i + BATCH)).execute()

  // The three versions' snapshots
  const snapshot = (item: DemoPowerItem, inCatalogue = true): CatalogueItemSnapshot => ({
    code: item.code,
    name: item.name,
    kind: 'penalty',
    domain: item.domain,
    legalBasis: item.legalBasis,
    holderNames: holderCodes(item, inCatalogue).map(holderName),
  })
  const items2025 = catalogueItems2025.map((i) => snapshot(i))
  const items2024 = [
    ...items2025.filter((i) => !added2025.includes(i.code)).map((i) => changedIn2025(i, holderName)),
    ...extraPowerItems.filter((i) => dropped2025.includes(i.code)).map((i) => snapshot(i, true)),
  ]
  const accepted2026 = {
    ...items2025.find((i) => i.code === 'CF-ZR-016')!,
    name: '对超出采矿权登记的开采区域开采矿产资源的处罚',
    legalBasis: mineralLaw2024['CF-ZR-016']!,
  }
  const items2026 = items2025.map((i) => (i.code === accepted2026.code ? accepted2026 : i))

  const [v2024, v2025, v2026] = await trx
    .insertInto('catalogue_version')
    .values([
      {
        title: '禄丰市相对集中行政处罚权事项目录（2024年版）',
        year: 2024,
        region_code: LUFENG,
        status: 'superseded',
        meeting_name: '禄丰市人民政府2024年第5次常务会议',
        meeting_date: '2024-04-12',
        approval_doc_no: '禄政发〔2024〕15号',
        approved_by: user('sfj'),
        approved_at: '2024-04-15T10:00:00+08:00',
        published_at: '2024-04-20T10:00:00+08:00',
        created_by: user('sfj'),
        created_at: '2024-02-20T09:00:00+08:00',
        updated_at: '2025-03-25T10:00:00+08:00',
      },
      {
        title: '禄丰市相对集中行政处罚权事项目录（2025年版）',
        year: 2025,
        region_code: LUFENG,
        status: 'published',
        meeting_name: '禄丰市人民政府2025年第3次常务会议',
        meeting_date: '2025-03-14',
        approval_doc_no: '禄政发〔2025〕8号',
        approved_by: user('sfj'),
        approved_at: '2025-03-18T10:00:00+08:00',
        published_at: '2025-03-25T10:00:00+08:00',
        created_by: user('sfj'),
        created_at: '2025-01-15T09:00:00+08:00',
        updated_at: '2025-03-25T10:00:00+08:00',
      },
      {
        title: '禄丰市相对集中行政处罚权事项目录（2026年版）',
        year: 2026,
        region_code: LUFENG,
        status: 'draft',
        created_by: user('sfj'),
        created_at: '2026-09-10T09:00:00+08:00',
        updated_at: '2026-10-20T09:00:00+08:00',
      },
    ])
    .returning('id')
    .execute()
  const versionIds = { 2024: v2024!.id, 2025: v2025!.id, 2026: v2026!.id }
  await trx.updateTable('catalogue_version').set({ based_on_id: versionIds[2024] }).where('id', '=', versionIds[2025]).execute()
  await trx.updateTable('catalogue_version').set({ based_on_id: versionIds[2025] }).where('id', '=', versionIds[2026]).execute()
  const snapshotRows = [
    ...items2024.map((i) => snapshotRow(versionIds[2024], i)),
    ...items2025.map((i) => snapshotRow(versionIds[2025], i)),
    ...items2026.map((i) => snapshotRow(versionIds[2026], i)),
  ]
  for (let i = 0; i < snapshotRows.length; i += BATCH) await trx.insertInto('catalogue_version_item').values(snapshotRows.slice(i, i + BATCH)).execute()

  // 调整申请: those that made the 2025 version out of the 2024 one, and the 2026 draft's.
  const find = (list: CatalogueItemSnapshot[], code: string) => list.find((i) => i.code === code)!
  const decided = (at: string, by = 'sfj2') => ({ status: 'accepted' as const, decided_by: user(by), decided_at: at })
  const adjustments: NewRow<'catalogue_adjustment'>[] = [
    ...added2025.map((code, n) => ({
      version_id: versionIds[2025],
      op: 'add' as const,
      item_code: code,
      proposal: JSON.stringify(find(items2025, code)),
      reason: addReasons[code]!,
      created_by: user('sfj'),
      created_at: `2025-01-2${n}T10:00:00+08:00`,
      ...decided(`2025-02-1${n}T10:00:00+08:00`),
    })),
    ...dropped2025.map((code, n) => ({
      version_id: versionIds[2025],
      op: 'remove' as const,
      item_code: code,
      proposal: null,
      reason: removeReasons[code]!,
      created_by: user('sfj'),
      created_at: `2025-01-2${n + 3}T10:00:00+08:00`,
      ...decided(`2025-02-1${n + 3}T10:00:00+08:00`),
    })),
    ...['CF-LC-005', 'CF-LC-006', 'CF-ZJ-006', 'CF-ZR-008'].map((code, n) => ({
      version_id: versionIds[2025],
      op: 'modify' as const,
      item_code: code,
      proposal: JSON.stringify(find(items2025, code)),
      reason: modifyReasons[code]!,
      created_by: user(code === 'CF-ZJ-006' ? 'js_head' : 'sfj'),
      created_at: `2025-01-2${n + 5}T10:00:00+08:00`,
      ...decided(`2025-02-2${n}T10:00:00+08:00`),
    })),
    {
      version_id: versionIds[2026],
      op: 'modify',
      item_code: 'CF-ZR-016',
      proposal: JSON.stringify(accepted2026),
      reason: '《中华人民共和国矿产资源法》于2024年11月8日修订，自2025年7月1日起施行，越界开采的处罚依据调整为修订后的第六十四条第二款。',
      created_by: user('sfj'),
      created_at: '2026-09-15T10:00:00+08:00',
      ...decided('2026-09-28T10:00:00+08:00'),
    },
    {
      version_id: versionIds[2026],
      op: 'modify',
      item_code: 'CF-ZR-015',
      proposal: JSON.stringify({
        ...find(items2025, 'CF-ZR-015'),
        name: '对未取得采矿权开采矿产资源的处罚',
        legalBasis: mineralLaw2024['CF-ZR-015']! satisfies LegalBasis[],
      }),
      reason: '《中华人民共和国矿产资源法》2024年修订后，无证开采的处罚规定在第六十四条第一款，原第三十九条已不再适用。',
      created_by: user('sfj'),
      created_at: '2026-10-12T10:00:00+08:00',
    },
    {
      version_id: versionIds[2026],
      op: 'remove',
      item_code: 'CF-ZR-004',
      proposal: null,
      reason: '竣工验收资料的报送与核查属专业性较强的规划管理事项，乡镇缺乏相应专业力量，建议由市自然资源局行使。',
      created_by: user('js_head'),
      created_at: '2026-10-20T15:00:00+08:00',
    },
    {
      version_id: versionIds[2026],
      op: 'add',
      item_code: 'CF-ZJ-041',
      proposal: JSON.stringify({ ...snapshot(extraPowerItems.find((i) => i.code === 'CF-ZJ-041')!, true) }),
      reason: '集镇供水管网延伸后盗用、转供公共供水的情况增多，乡镇综合行政执法队日常巡查即可发现，建议纳入相对集中事项。',
      created_by: user('js_head'),
      created_at: '2026-10-22T09:30:00+08:00',
    },
  ]
  await trx.insertInto('catalogue_adjustment').values(adjustments).execute()
}

/** An item of the 2025 version as the 2024 version had it (the changes the 2025 adjustments made). */
function changedIn2025(item: CatalogueItemSnapshot, holderName: (code: string) => string): CatalogueItemSnapshot {
  if (legalBasis2024[item.code]) return { ...item, legalBasis: legalBasis2024[item.code]! }
  // In 2024 the 综合行政执法局 alone dealt with spills from vehicles; 2025 gave it to the townships too.
  if (item.code === 'CF-ZJ-006') return { ...item, holderNames: [holderName('LF-ZHZF')] }
  if (item.code === 'CF-ZR-008') return { ...item, name: '对非法占用土地的处罚' }
  return item
}

const addReasons: Record<string, string> = {
  'CF-ZJ-039': '燃气安全专项整治中发现乡镇集镇燃气设施安全警示标志损毁较多，纳入乡镇综合行政执法队日常巡查处置。',
  'CF-LC-032': '《中华人民共和国野生动物保护法》2022年修订后，对猎捕其他陆生野生动物破坏生态的行为单独规定了处罚（第四十九条第二款）。',
  'CF-LC-033': '《中华人民共和国湿地保护法》施行后，乡镇辖区内开垦、填埋自然湿地的行为需要就近查处。',
}

const removeReasons: Record<string, string> = {
  'CF-ZJ-040': '城市道路验收与使用管理集中在城区，由市住房和城乡建设局统一行使更为适宜。',
  'CF-LC-034': '2019年修订的《中华人民共和国森林法》取消了木材运输证，该事项已无法律依据。',
}

const modifyReasons: Record<string, string> = {
  'CF-LC-005': '盗伐林木的处罚以修订后的《中华人民共和国森林法》第七十六条为准，删除与之不一致的实施条例条款。',
  'CF-LC-006': '滥伐林木的处罚以修订后的《中华人民共和国森林法》第七十六条为准，删除与之不一致的实施条例条款。',
  'CF-ZJ-006': '运输车辆遗撒多发生在乡镇过境道路，申请由乡镇一并行使。',
  'CF-ZR-008': '事项名称按《中华人民共和国土地管理法》第七十七条的表述规范。',
}

registerDemoSeeder(seedCatalogueDemo)
