import type { PenaltyKind, StatutoryFine, StatutoryPenaltyRange } from '@yangguang/core'

// 法定处罚幅度 of the demo's power items, read from the 罚则 each item cites in
// `catalogue-demo-items.ts` (the same versions; article numbers as cited there). Where a 实施条例
// sets the amount of a law's "可以并处罚款" (土地管理法实施条例 第五十四条 to 第六十条), the range cites
// the 实施条例. Kinds are what the provision lets this organ impose: 没收 of 违法所得/非法财物 where the
// text says so; 吊销营业执照 (城市绿化条例 第二十八条) is for another organ and left out. A text that
// names no amount ("可以并处罚款": 城市市容和环境卫生管理条例, 城市绿化条例, 村庄和集镇规划建设管理条例,
// 植物检疫条例, 城市供水条例, 矿产资源法 (2009) 第三十九条、第四十条) gets an open fine: its kinds are
// checked, its amount is set by a local regulation the proposal must cite. `mandatory` lists kinds the
// text imposes without "可以" ("处", "并处", "给予警告").

const y = (n: number) => n * 100

const fixed = (minYuan: number, maxYuan: number | null, party?: 'person' | 'organization'): StatutoryFine => ({ party, kind: 'fixed', minFen: y(minYuan), maxFen: maxYuan === null ? null : y(maxYuan) })
const open = (): StatutoryFine => ({ kind: 'fixed', minFen: 0, maxFen: null })
const times = (base: string, min: number, max: number | null, fallback?: { when: string; minYuan: number; maxYuan: number; belowYuan?: number }): StatutoryFine => ({
  kind: 'multiple',
  base,
  min,
  max,
  fallback: fallback ? { when: fallback.when, minFen: y(fallback.minYuan), maxFen: y(fallback.maxYuan), belowFen: fallback.belowYuan === undefined ? null : y(fallback.belowYuan) } : null,
})
const perUnit = (base: string, unit: string, minYuan: number, maxYuan: number): StatutoryFine => ({ kind: 'per_unit', base, unit, minFenPerUnit: y(minYuan), maxFenPerUnit: y(maxYuan) })

function range(law: string, article: string, kinds: PenaltyKind[], fines: StatutoryFine[], mandatory: PenaltyKind[] = [], note: string | null = null): StatutoryPenaltyRange {
  return { basis: { law, article }, kinds, mandatory, fines: kinds.includes('fine') ? fines : [], note }
}

const noAmount = '条文未规定罚款数额，数额依地方性法规、规章的规定，须在处罚建议中引用'

const cityLooks = (item: string) => range('城市市容和环境卫生管理条例', `第三十四条第（${item}）项`, ['warning', 'fine'], [open()], [], noAmount)
const cityLooks36 = (item: string) => range('城市市容和环境卫生管理条例', `第三十六条第（${item}）项`, ['fine'], [open()], [], noAmount)
const greening = (article: string) => range('城市绿化条例', article, ['fine'], [open()], [], noAmount)
const roads = (article: string) => range('城市道路管理条例', article, ['fine'], [fixed(0, 20_000)])
const fireSign = (item: string) => range('森林防火条例', `第五十二条第（${item}）项`, ['warning', 'fine'], [fixed(200, 2_000, 'person'), fixed(2_000, 5_000, 'organization')], ['warning', 'fine'])

/** By power item code. */
export const demoStatutoryRanges: Record<string, StatutoryPenaltyRange> = {
  'CF-ZJ-001': cityLooks('一'),
  'CF-ZJ-002': cityLooks('二'),
  'CF-ZJ-003': cityLooks('三'),
  'CF-ZJ-004': cityLooks('四'),
  'CF-ZJ-005': cityLooks('五'),
  'CF-ZJ-006': cityLooks('六'),
  'CF-ZJ-007': cityLooks('七'),
  'CF-ZJ-008': range('城市市容和环境卫生管理条例', '第三十五条', ['confiscate_property', 'fine'], [open()], [], noAmount),
  'CF-ZJ-009': cityLooks36('一'),
  'CF-ZJ-010': cityLooks36('二'),
  'CF-ZJ-011': cityLooks36('三'),
  'CF-ZJ-012': range('城市市容和环境卫生管理条例', '第三十八条', ['fine'], [open()], [], noAmount),
  'CF-ZJ-013': greening('第二十六条第（一）项'),
  'CF-ZJ-014': greening('第二十六条第（二）项'),
  'CF-ZJ-015': greening('第二十六条第（四）项'),
  'CF-ZJ-016': greening('第二十七条'),
  'CF-ZJ-017': range('城市绿化条例', '第二十八条', ['warning', 'fine'], [open()], ['warning'], noAmount),
  'CF-ZJ-018': roads('第四十二条'),
  'CF-ZJ-019': roads('第四十二条'),
  'CF-ZJ-020': roads('第四十二条第（二）项'),
  'CF-ZJ-021': roads('第四十二条第（三）项'),
  'CF-ZJ-022': roads('第四十二条第（六）项'),
  'CF-ZJ-023': range('城镇排水与污水处理条例', '第四十九条', ['warning', 'fine'], [fixed(100_000, 200_000, 'organization'), fixed(20_000, 100_000, 'person')], ['warning'], '罚款限于逾期不改正或者造成严重后果的'),
  'CF-ZJ-024': range('城镇排水与污水处理条例', '第五十条第一款', ['fine'], [fixed(0, 500_000)]),
  'CF-ZJ-025': range('城镇排水与污水处理条例', '第五十三条第二款', ['warning', 'fine'], [fixed(100_000, 500_000, 'organization'), fixed(20_000, 100_000, 'person')], ['warning'], '罚款限于造成严重后果的'),
  'CF-ZJ-026': range('城镇排水与污水处理条例', '第五十六条', ['warning', 'fine'], [fixed(100_000, 300_000, 'organization'), fixed(20_000, 100_000, 'person')], ['warning'], '罚款限于逾期不采取补救措施或者造成严重后果的'),
  'CF-ZJ-027': range('城镇燃气管理条例', '第四十五条第一款', ['fine', 'confiscate_gains'], [fixed(50_000, 500_000)], ['fine']),
  'CF-ZJ-028': range('城镇燃气管理条例', '第四十九条第一款', ['fine'], [fixed(0, 100_000, 'organization'), fixed(0, 1_000, 'person')], [], '罚款限于逾期不改正的'),
  'CF-ZJ-029': range('城镇燃气管理条例', '第五十条第一款', ['fine'], [fixed(50_000, 100_000, 'organization'), fixed(5_000, 50_000, 'person')], ['fine']),
  'CF-ZJ-030': range('城镇燃气管理条例', '第五十一条第一款', ['fine'], [fixed(50_000, 100_000, 'organization'), fixed(5_000, 50_000, 'person')], ['fine']),
  'CF-ZJ-031': range('物业管理条例', '第六十三条', ['warning', 'fine'], [fixed(50_000, 200_000, 'organization'), fixed(1_000, 10_000, 'person')], ['warning', 'fine']),
  'CF-ZJ-032': range('物业管理条例', '第五十八条', ['circulate_criticism', 'fine'], [fixed(10_000, 100_000)], ['circulate_criticism', 'fine']),
  'CF-ZJ-033': range('建设工程质量管理条例', '第五十七条', ['fine'], [times('工程合同价款', 0.01, 0.02)], ['fine']),
  'CF-ZJ-034': range('建设工程质量管理条例', '第五十八条', ['fine'], [times('工程合同价款', 0.02, 0.04)], ['fine']),
  // 第六十九条第一款 sets 50–100万元 for a renovation without a design (the 建设单位/装修单位) and 5–10万元 for a
  // 房屋建筑使用者: the demo's parties are both, so one band each would misread the text; the wider bound is kept
  // and the note says which applies.
  'CF-ZJ-035': range('建设工程质量管理条例', '第六十九条第一款', ['fine'], [fixed(50_000, 1_000_000)], ['fine'], '没有设计方案擅自施工的，处50万元以上100万元以下；房屋建筑使用者擅自变动主体和承重结构的，处5万元以上10万元以下'),
  'CF-ZJ-036': range('村庄和集镇规划建设管理条例', '第三十九条第（一）项', ['fine'], [open()], [], noAmount),
  'CF-ZJ-037': range('村庄和集镇规划建设管理条例', '第三十九条第（二）项', ['fine'], [open()], [], noAmount),
  'CF-ZJ-038': range('村庄和集镇规划建设管理条例', '第四十条', ['fine'], [open()], [], noAmount),
  'CF-ZJ-039': range('城镇燃气管理条例', '第五十一条第二款', ['fine'], [fixed(0, 5_000)]),
  'CF-ZJ-040': range('城市道路管理条例', '第四十条', ['warning', 'fine'], [times('工程造价', 0, 0.02)], ['warning']),
  'CF-ZJ-041': range('城市供水条例', '第三十五条第一款第（一）项', ['fine'], [open()], [], noAmount),

  'CF-LC-001': range('中华人民共和国森林法', '第七十三条第一款', ['fine'], [times('恢复植被和林业生产条件所需费用', 0, 3)]),
  'CF-LC-002': range('中华人民共和国森林法', '第七十三条第三款', ['fine'], [times('恢复植被和林业生产条件所需费用', 0, 3)]),
  'CF-LC-003': range('中华人民共和国森林法', '第七十四条第一款', ['fine'], [times('毁坏林木价值', 0, 5)], [], '造成林地毁坏的，罚款为恢复植被和林业生产条件所需费用三倍以下'),
  'CF-LC-004': range('中华人民共和国森林法', '第七十四条第二款', [], [], [], '只责令补种树木，不设罚款'),
  'CF-LC-005': range('中华人民共和国森林法', '第七十六条第一款', ['fine'], [times('盗伐林木价值', 5, 10)], ['fine']),
  'CF-LC-006': range('中华人民共和国森林法', '第七十六条第二款', ['fine'], [times('滥伐林木价值', 3, 5)]),
  'CF-LC-007': range('中华人民共和国森林法', '第七十七条', ['confiscate_gains', 'confiscate_property', 'fine'], [times('违法所得', 1, 3, { when: '没有违法所得的', minYuan: 0, maxYuan: 20_000 })], ['confiscate_property']),
  'CF-LC-008': range('中华人民共和国森林法', '第七十八条', ['confiscate_property', 'fine'], [times('违法收购、加工、运输林木价款', 0, 3)], ['confiscate_property']),
  'CF-LC-009': range('中华人民共和国森林法', '第七十九条', ['fine'], [times('未完成造林任务所需费用', 0, 2)]),
  'CF-LC-010': range('中华人民共和国森林法', '第八十条', ['fine', 'order_suspension'], [fixed(0, 50_000)], [], '责令停产停业整顿限于情节严重的'),
  'CF-LC-011': range('中华人民共和国森林法实施条例', '第四十一条第一款', ['fine'], [times('毁坏林木价值', 1, 5)]),
  'CF-LC-012': range('中华人民共和国森林法实施条例', '第四十一条第二款', ['fine'], [{ kind: 'per_unit', base: '非法开垦林地面积', unit: '平方米', minFenPerUnit: 0, maxFenPerUnit: y(10) }]),
  'CF-LC-013': range('森林防火条例', '第四十八条', ['fine'], [fixed(500, 5_000, 'person'), fixed(10_000, 50_000, 'organization')], ['fine']),
  'CF-LC-014': range('森林防火条例', '第四十九条', ['warning', 'fine'], [fixed(200, 2_000, 'person'), fixed(5_000, 10_000, 'organization')], ['warning', 'fine']),
  'CF-LC-015': range('森林防火条例', '第五十条', ['warning', 'fine'], [fixed(200, 3_000, 'person'), fixed(10_000, 50_000, 'organization')], ['warning', 'fine']),
  'CF-LC-016': range('森林防火条例', '第五十一条', ['warning', 'fine'], [fixed(50_000, 100_000)], ['warning', 'fine']),
  'CF-LC-017': fireSign('一'),
  'CF-LC-018': fireSign('二'),
  'CF-LC-019': fireSign('三'),
  'CF-LC-020': range('中华人民共和国草原法', '第六十五条', ['fine'], [times('草原被非法使用前三年平均产值', 6, 12)], [], '罚款限于擅自将草原改为建设用地的'),
  'CF-LC-021': range('中华人民共和国草原法', '第六十六条', ['confiscate_gains', 'confiscate_property', 'fine'], [times('违法所得', 1, 5, { when: '没有违法所得的', minYuan: 0, maxYuan: 50_000 })], ['fine']),
  'CF-LC-022': range('中华人民共和国草原法', '第六十八条', ['confiscate_gains', 'confiscate_property', 'fine'], [times('违法所得', 1, 2, { when: '没有违法所得的', minYuan: 0, maxYuan: 20_000 })]),
  'CF-LC-023': range('中华人民共和国草原法', '第七十条', ['fine'], [times('草原被破坏前三年平均产值', 3, 9)]),
  'CF-LC-024': range('中华人民共和国野生动物保护法', '第四十八条第一款', ['confiscate_gains', 'confiscate_property', 'revoke_license', 'fine'], [times('猎获物价值', 2, 20, { when: '没有猎获物或者猎获物价值不足五千元的', minYuan: 10_000, maxYuan: 100_000, belowYuan: 5_000 })], ['fine']),
  'CF-LC-025': range('中华人民共和国野生动物保护法', '第四十九条第一款', ['confiscate_gains', 'confiscate_property', 'revoke_license', 'fine'], [times('猎获物价值', 1, 10, { when: '没有猎获物或者猎获物价值不足二千元的', minYuan: 2_000, maxYuan: 20_000, belowYuan: 2_000 })], ['fine']),
  'CF-LC-026': range('中华人民共和国野生动物保护法', '第五十一条第二款', ['fine'], [fixed(500, 2_000)], ['fine']),
  'CF-LC-027': range('中华人民共和国野生动物保护法', '第五十二条第二款', ['confiscate_property', 'fine'], [times('野生动物价值', 1, 10)], ['confiscate_property', 'fine']),
  'CF-LC-028': range('中华人民共和国野生动物保护法', '第五十三条第一款', ['confiscate_property', 'fine'], [times('野生动物及其制品价值', 2, 20)], ['confiscate_property', 'fine'], '食用其他陆生野生动物的，情节严重的处价值一倍以上五倍以下'),
  'CF-LC-029': range('植物检疫条例', '第十八条第一款第（三）项', ['fine'], [open()], [], noAmount),
  'CF-LC-030': range('森林病虫害防治条例', '第二十二条', ['fine'], [fixed(100, 2_000)]),
  'CF-LC-031': range('中华人民共和国自然保护区条例', '第三十五条', ['confiscate_gains', 'fine'], [fixed(300, 10_000)], ['confiscate_gains'], '罚款限于对自然保护区造成破坏的'),
  'CF-LC-032': range('中华人民共和国野生动物保护法', '第四十九条第二款', ['confiscate_gains', 'confiscate_property', 'fine'], [times('猎获物价值', 1, 3, { when: '没有猎获物或者猎获物价值不足一千元的', minYuan: 1_000, maxYuan: 3_000, belowYuan: 1_000 })], ['fine']),
  'CF-LC-033': range('中华人民共和国湿地保护法', '第五十四条第一款', ['confiscate_gains', 'fine'], [perUnit('破坏湿地面积', '平方米', 500, 5_000)], ['fine'], '破坏国家重要湿地的，并按破坏面积处每平方米一千元以上一万元以下'),
  'CF-LC-034': range('中华人民共和国森林法实施条例', '第四十四条第一款', ['confiscate_property', 'fine'], [times('非法运输木材价款', 0, 0.3)], ['confiscate_property']),

  // 第六十四条 has two branches (尚可改正: 5%–10%; 无法改正: 没收 and up to 10%): one range per item holds their union.
  'CF-ZR-001': range('中华人民共和国城乡规划法', '第六十四条', ['fine', 'confiscate_property', 'confiscate_gains'], [times('建设工程造价', 0, 0.1)], [], '尚可采取改正措施消除影响的，处建设工程造价百分之五以上百分之十以下；无法采取改正措施消除影响的，没收实物或者违法收入，可以并处百分之十以下'),
  'CF-ZR-002': range('中华人民共和国城乡规划法', '第六十五条', [], [], [], '责令停止建设、限期改正；逾期不改正的，可以拆除。不设罚款'),
  'CF-ZR-003': range('中华人民共和国城乡规划法', '第六十六条', ['fine'], [times('临时建设工程造价', 0, 1)]),
  'CF-ZR-004': range('中华人民共和国城乡规划法', '第六十七条', ['fine'], [fixed(10_000, 50_000)], ['fine']),
  'CF-ZR-005': range('中华人民共和国土地管理法实施条例', '第五十四条', ['confiscate_gains', 'confiscate_property', 'fine'], [times('违法所得', 0.1, 0.5)], ['confiscate_gains']),
  'CF-ZR-006': range('中华人民共和国土地管理法实施条例', '第五十五条', ['fine'], [times('耕地开垦费', 5, 10)]),
  'CF-ZR-007': range('中华人民共和国土地管理法实施条例', '第五十六条第一款', ['fine'], [times('土地复垦费', 2, 5)]),
  'CF-ZR-008': range('中华人民共和国土地管理法实施条例', '第五十七条第一款', ['confiscate_property', 'fine'], [perUnit('非法占用土地面积', '平方米', 100, 1_000)]),
  'CF-ZR-009': range('中华人民共和国土地管理法实施条例', '第五十九条', ['fine'], [perUnit('非法占用土地面积', '平方米', 100, 500)], ['fine']),
  'CF-ZR-010': range('中华人民共和国土地管理法实施条例', '第六十条', ['confiscate_gains', 'fine'], [times('违法所得', 0.1, 0.3)], ['confiscate_gains', 'fine']),
  'CF-ZR-011': range('中华人民共和国土地管理法实施条例', '第五十二条', ['fine'], [times('按占用面积计算的土地复垦费', 5, 10)], ['fine']),
  'CF-ZR-012': range('中华人民共和国土地管理法实施条例', '第五十一条', ['fine'], [times('按占用面积计算的耕地开垦费', 2, 5)], ['fine']),
  'CF-ZR-013': range('基本农田保护条例', '第三十三条', ['fine'], [times('占用基本农田的耕地开垦费', 1, 2)], ['fine']),
  'CF-ZR-014': range('基本农田保护条例', '第三十二条', ['fine'], [fixed(0, 1_000)]),
  // 矿产资源法 第三十九条、第四十条 say "可以并处罚款"; 矿产资源法实施细则 第四十二条 sets the amounts.
  'CF-ZR-015': range('中华人民共和国矿产资源法实施细则', '第四十二条第（一）项', ['confiscate_gains', 'confiscate_property', 'fine'], [times('违法所得', 0, 0.5)], ['confiscate_gains', 'confiscate_property']),
  'CF-ZR-016': range('中华人民共和国矿产资源法实施细则', '第四十二条第（二）项', ['confiscate_gains', 'confiscate_property', 'fine', 'revoke_license'], [times('违法所得', 0, 0.3)], ['confiscate_gains', 'confiscate_property'], '吊销采矿许可证限于拒不退回本矿区范围内开采、造成矿产资源破坏的（矿产资源法第四十条）'),
  'CF-ZR-017': range('中华人民共和国测绘法', '第六十四条', ['warning', 'fine'], [fixed(0, 200_000)], ['warning']),
  'CF-ZR-018': range('地质灾害防治条例', '第四十三条', ['fine'], [fixed(50_000, 200_000, 'organization'), fixed(10_000, 50_000, 'person')], ['fine']),
}
