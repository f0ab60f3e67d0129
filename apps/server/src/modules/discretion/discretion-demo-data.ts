import type { BenchmarkTier, PenaltyKind, StatutoryRange } from '@yangguang/core'

// 禄丰市's demo 裁量基准. The STATUTORY ranges are the amounts written in the law texts stored with
// the demo catalogue (`../catalogue/catalogue-demo-items.ts`, quoted verbatim from 城镇燃气管理条例
// (2016), 物业管理条例 (2018), 建设工程质量管理条例 (2019), 城市道路管理条例 (2019), 城镇排水与污水处理
// 条例 (2013), 森林法 (2019), 森林防火条例 (2008), 草原法 (2021), 野生动物保护法 (2022), 森林病虫害
// 防治条例, 自然保护区条例 (2017), 城乡规划法 (2019), 土地管理法实施条例 (2021), 基本农田保护条例,
// 测绘法 (2017), 地质灾害防治条例): each benchmark cites the article its range comes from. Items whose
// text names no amount ("可以并处罚款": 城市市容和环境卫生管理条例 第三十四条 to 第三十八条, 城市绿化
// 条例, 城市供水条例 第三十五条, 村庄和集镇规划建设管理条例) get no benchmark here: their amounts are set
// by provincial rules this repository does not hold, and inventing them would teach the wrong law.
//
// The TIERS are illustrative — they are how provincial benchmarks usually cut a range [I]: 从轻 the
// lowest 30 %, 一般 30–70 %, 从重 the top 30 %; 减轻 (行政处罚法 第三十二条) from half the statutory
// minimum up to it; 不予处罚 on the grounds of 第三十三条. The circumstances are the ones such
// benchmarks list (first violation corrected at once, small area or amount, refusing to correct,
// causing an accident…). They are demo data, not 禄丰市's adopted benchmarks.

/** 情形 sets per tier; `exempt` and `mitigated` are optional. */
export type Circumstances = { exempt?: string[]; mitigated?: string[]; lenient: string[]; ordinary: string[]; severe: string[] }

export type DemoBenchmark = {
  /** Power item code of the demo catalogue. */
  item: string
  /** For articles that set one range for organisations and another for individuals. */
  party?: 'organization' | 'person'
  /** Defaults to the item's name without 「对……的处罚」. */
  violation?: string
  statutory: StatutoryRange
  tiers: BenchmarkTier[]
}

const yuan = (n: number) => Math.round(n * 100)
/** Whole yuan, so the tiers read like a published table. */
const roundFen = (fen: number) => Math.round(fen / 100) * 100

/** 行政处罚法 第三十二条: the grounds that oblige a lighter or reduced penalty. */
const art32 = ['主动消除或者减轻违法行为危害后果的', '受他人胁迫或者诱骗实施违法行为的', '配合行政机关查处违法行为有立功表现的']
/** 行政处罚法 第三十三条第一款. */
const art33 = ['初次违法且危害后果轻微并及时改正的', '违法行为轻微并及时改正，没有造成危害后果的']
const repeat = '一年内因同一种违法行为受过行政处罚的'
const obstruct = '拒绝、阻碍执法人员调查取证，或者隐匿、销毁证据的'

/**
 * A fixed range split into tiers. `min` and `max` in yuan. Without a `mitigated` set there is no
 * 减轻 tier; with a minimum of 0 it would be meaningless and is left out too.
 */
function fixed(kinds: PenaltyKind[], minYuan: number, maxYuan: number, c: Circumstances, tierKinds: PenaltyKind[] = kinds): Pick<DemoBenchmark, 'statutory' | 'tiers'> {
  const min = yuan(minYuan)
  const max = yuan(maxYuan)
  const at = (share: number) => roundFen(min + (max - min) * share)
  const tiers: BenchmarkTier[] = []
  if (c.exempt) tiers.push({ tier: 'exempt', conditions: c.exempt, kinds: [] })
  if (c.mitigated && min > 0) tiers.push({ tier: 'mitigated', conditions: c.mitigated, kinds: ['fine'], fineMinFen: roundFen(min / 2), fineMaxFen: min, note: '减轻处罚，罚款低于法定最低数额' })
  tiers.push(
    { tier: 'lenient', conditions: c.lenient, kinds: tierKinds, fineMinFen: min, fineMaxFen: at(0.3) },
    { tier: 'ordinary', conditions: c.ordinary, kinds: tierKinds, fineMinFen: at(0.3), fineMaxFen: at(0.7) },
    { tier: 'severe', conditions: c.severe, kinds: tierKinds, fineMinFen: at(0.7), fineMaxFen: max },
  )
  return { statutory: { kinds, fineMinFen: min, fineMaxFen: max }, tiers }
}

/**
 * A multiple range (n × base) split into tiers, with the fixed range the law sets when there is no
 * base ("没有违法所得的，处…元以下") split alongside.
 */
function multiple(
  kinds: PenaltyKind[],
  multipleOf: string,
  mMin: number,
  mMax: number,
  c: Circumstances,
  fallbackYuan?: [number, number],
): Pick<DemoBenchmark, 'statutory' | 'tiers'> {
  const digits = mMax < 1 ? 4 : 1
  const at = (share: number) => Number((mMin + (mMax - mMin) * share).toFixed(digits))
  const fb = fallbackYuan && { min: yuan(fallbackYuan[0]), max: yuan(fallbackYuan[1]) }
  const fbAt = (share: number) => (fb ? roundFen(fb.min + (fb.max - fb.min) * share) : null)
  const fineKinds = kinds
  const tiers: BenchmarkTier[] = []
  if (c.exempt) tiers.push({ tier: 'exempt', conditions: c.exempt, kinds: [] })
  if (c.mitigated && mMin > 0) {
    tiers.push({
      tier: 'mitigated',
      conditions: c.mitigated,
      kinds: ['fine'],
      multipleMin: Number((mMin / 2).toFixed(digits + 1)),
      multipleMax: mMin,
      ...(fb && fb.min > 0 ? { fineMinFen: roundFen(fb.min / 2), fineMaxFen: fb.min } : fb ? { fineMinFen: 0, fineMaxFen: fbAt(0.1) } : {}),
      note: '减轻处罚，低于法定最低倍数',
    })
  }
  const tier = (name: 'lenient' | 'ordinary' | 'severe', conditions: string[], from: number, to: number): BenchmarkTier => ({
    tier: name,
    conditions,
    kinds: fineKinds,
    multipleMin: at(from),
    multipleMax: at(to),
    ...(fb ? { fineMinFen: fbAt(from), fineMaxFen: fbAt(to) } : {}),
  })
  tiers.push(tier('lenient', c.lenient, 0, 0.3), tier('ordinary', c.ordinary, 0.3, 0.7), tier('severe', c.severe, 0.7, 1))
  return {
    statutory: { kinds: fineKinds, multipleMin: mMin, multipleMax: mMax, multipleOf, ...(fb ? { fineMinFen: fb.min, fineMaxFen: fb.max } : {}) },
    tiers,
  }
}

/** 警告 first, a fine only when the party does not correct in time or the harm is serious. */
function warningThenFine(minYuan: number, maxYuan: number, c: Circumstances): Pick<DemoBenchmark, 'statutory' | 'tiers'> {
  const min = yuan(minYuan)
  const max = yuan(maxYuan)
  const mid = roundFen(min + (max - min) * 0.5)
  return {
    statutory: { kinds: ['warning', 'fine'], fineMinFen: min, fineMaxFen: max },
    tiers: [
      { tier: 'lenient', conditions: c.lenient, kinds: ['warning'], note: '责令改正，给予警告，不予罚款' },
      { tier: 'ordinary', conditions: c.ordinary, kinds: ['warning', 'fine'], fineMinFen: min, fineMaxFen: mid },
      { tier: 'severe', conditions: c.severe, kinds: ['warning', 'fine'], fineMinFen: mid, fineMaxFen: max },
    ],
  }
}

const gas = {
  lenient: ['初次违法，在责令改正期限内改正的', '违法行为持续时间短、未造成燃气泄漏的'],
  ordinary: ['未在责令期限内恢复原状但未造成危害后果的', '涉及的燃气设施为单户或者少量用户服务的'],
  severe: ['造成燃气泄漏、停气或者安全事故的', '涉及燃气管网主干管或者门站、储配站的', repeat, obstruct],
}

const roads = {
  lenient: ['占用或者挖掘面积不足10平方米，且在责令期限内改正的', '未影响车辆、行人通行的'],
  ordinary: ['占用或者挖掘面积10平方米以上不足50平方米的', '影响车辆、行人正常通行的'],
  severe: ['占用或者挖掘面积50平方米以上，或者在主次干道上实施的', '造成交通事故或者城市道路设施损坏的', '逾期不改正的', repeat],
}

const drainage = (what: string) => ({
  lenient: [`${what}，在责令期限内改正的`],
  ordinary: ['逾期不改正，未造成严重后果的'],
  severe: ['造成城镇排水设施堵塞、损坏或者内涝的', '造成水体污染或者其他严重后果的', repeat],
})

const fire = (unit: boolean) => ({
  mitigated: art32,
  lenient: ['初次违法且及时改正的', unit ? '经营面积较小，未造成火灾隐患扩大的' : '未造成森林火灾隐患扩大的'],
  ordinary: ['经责令改正后改正，但影响森林防火工作的'],
  severe: ['在高森林火险期或者高火险区内实施的', '造成森林火灾或者引发火情的', '拒不改正的', repeat],
})

const land = {
  mitigated: art32,
  lenient: ['涉及面积较小且已自行拆除、恢复原状的', '主动投案并如实陈述违法事实的'],
  ordinary: ['符合土地利用总体规划，尚未造成土地严重破坏的'],
  severe: ['占用永久基本农田或者生态保护红线内土地的', '经责令停止后继续施工的', '造成土地严重破坏或者群体性事件的', repeat],
}

const forest = {
  mitigated: art32,
  lenient: ['毁坏林木或者林地面积较小，已主动补种或者恢复的', '初次违法，如实陈述违法事实的'],
  ordinary: ['未主动恢复，但在责令期限内恢复的'],
  severe: ['在自然保护地、公益林或者天然林内实施的', '拒不补种或者拒不恢复植被的', repeat, obstruct],
}

const wildlife = {
  mitigated: art32,
  lenient: ['数量较少，主动交出猎获物或者野生动物的', '初次违法，如实陈述违法事实的'],
  ordinary: ['数量较多但未造成野生动物死亡的'],
  severe: ['在自然保护地、禁猎区或者禁猎期内实施的', '造成野生动物死亡或者种群破坏的', '以营利为目的或者组织他人实施的', repeat],
}

/** 住房城乡建设: every item held by 禄丰市住房和城乡建设局 (LF-ZJJ) whose text names an amount, and the 综合执法 items that do. */
export const zjBenchmarks: DemoBenchmark[] = [
  {
    item: 'CF-ZJ-027',
    ...fixed(['fine', 'confiscate_gains'], 50_000, 500_000, {
      mitigated: art32,
      lenient: ['经营时间不足3个月且经营规模较小的', '主动停止经营并申请办理燃气经营许可的'],
      ordinary: ['经营时间3个月以上不足1年的', '向50户以下用户供气的'],
      severe: ['经营时间1年以上或者向50户以上用户供气的', '发生燃气安全事故的', '被责令停止后继续经营的', repeat],
    }),
  },
  {
    item: 'CF-ZJ-028',
    party: 'organization',
    ...fixed(['fine'], 0, 100_000, {
      exempt: ['初次违法，在责令改正期限内改正，未造成危害后果的'],
      lenient: ['逾期不改正，但使用、储存燃气气瓶不超过2瓶的'],
      ordinary: ['逾期不改正，使用、储存燃气气瓶3瓶以上不足10瓶的'],
      severe: ['逾期不改正，使用、储存燃气气瓶10瓶以上或者在人员密集场所使用的', '造成燃气泄漏或者安全事故的'],
    }),
  },
  {
    item: 'CF-ZJ-028',
    party: 'person',
    ...fixed(['fine'], 0, 1_000, {
      exempt: ['初次违法，在责令改正期限内改正，未造成危害后果的'],
      lenient: ['逾期不改正，但使用、储存燃气气瓶不超过2瓶的'],
      ordinary: ['逾期不改正，使用、储存燃气气瓶3瓶以上的'],
      severe: ['造成燃气泄漏或者安全事故的', repeat],
    }),
  },
  { item: 'CF-ZJ-029', party: 'organization', ...fixed(['fine'], 50_000, 100_000, { ...gas, mitigated: art32 }) },
  { item: 'CF-ZJ-029', party: 'person', ...fixed(['fine'], 5_000, 50_000, { ...gas, mitigated: art32 }) },
  { item: 'CF-ZJ-030', party: 'organization', ...fixed(['fine'], 50_000, 100_000, { ...gas, mitigated: art32 }) },
  { item: 'CF-ZJ-030', party: 'person', ...fixed(['fine'], 5_000, 50_000, { ...gas, mitigated: art32 }) },
  {
    item: 'CF-ZJ-031',
    party: 'organization',
    ...fixed(['warning', 'fine'], 50_000, 200_000, {
      mitigated: art32,
      lenient: ['改变用途或者占用面积不足20平方米，在责令期限内改正的', '经营收益较少且已用于共用部位维修的'],
      ordinary: ['改变用途或者占用面积20平方米以上不足100平方米的'],
      severe: ['改变用途或者占用面积100平方米以上的', '影响消防通道、安全疏散或者引发业主群体投诉的', repeat],
    }),
  },
  {
    item: 'CF-ZJ-031',
    party: 'person',
    ...fixed(['warning', 'fine'], 1_000, 10_000, {
      mitigated: art32,
      lenient: ['占用面积不足10平方米，在责令期限内改正的'],
      ordinary: ['占用面积10平方米以上不足50平方米的'],
      severe: ['占用面积50平方米以上或者影响消防通道的', repeat],
    }),
  },
  {
    item: 'CF-ZJ-032',
    ...fixed(['circulate_criticism', 'fine'], 10_000, 100_000, {
      lenient: ['逾期后主动移交全部资料，延误不足30日的'],
      ordinary: ['逾期30日以上仍未移交，或者只移交部分资料的'],
      severe: ['拒不移交资料，影响业主正常使用物业或者新物业服务企业接管的', repeat],
    }),
  },
  {
    item: 'CF-ZJ-033',
    ...multiple(['fine'], '工程合同价款', 0.01, 0.02, {
      mitigated: art32,
      lenient: ['主动停止施工并及时补办施工许可证的', '工程规模较小（合同价款100万元以下）的'],
      ordinary: ['责令停止施工后停止施工，并在限期内补办施工许可证的'],
      severe: ['责令停止施工后仍继续施工的', '施工中发生质量安全事故的', '不符合开工条件或者无法补办施工许可证的'],
    }),
  },
  {
    item: 'CF-ZJ-034',
    ...multiple(['fine'], '工程合同价款', 0.02, 0.04, {
      mitigated: art32,
      lenient: ['交付使用后主动组织竣工验收且验收合格的'],
      ordinary: ['未组织竣工验收擅自交付使用，尚未造成质量问题的'],
      severe: ['验收不合格擅自交付使用，或者对不合格工程按照合格工程验收的', '造成工程质量事故或者涉及学校、医院等公共建筑的'],
    }),
  },
  {
    item: 'CF-ZJ-035',
    violation: '房屋建筑使用者在装修过程中擅自变动房屋建筑主体和承重结构',
    ...fixed(['fine'], 50_000, 100_000, {
      mitigated: art32,
      lenient: ['变动部位较少，经鉴定未影响结构安全并已恢复的'],
      ordinary: ['变动承重墙体或者楼板，经鉴定需加固处理的'],
      severe: ['造成房屋结构损坏、危及相邻房屋安全的', '拒不恢复原状的', repeat],
    }),
  },
  {
    item: 'CF-ZJ-039',
    ...fixed(['fine'], 0, 5_000, {
      exempt: art33,
      lenient: ['警示标志被覆盖、涂改，已当场恢复的'],
      ordinary: ['擅自拆除或者移动警示标志1处的'],
      severe: ['擅自拆除或者移动警示标志2处以上，或者导致燃气设施被损坏的', '逾期不恢复原状的'],
    }),
  },
  {
    item: 'CF-ZJ-040',
    ...multiple(['warning', 'fine'], '工程造价', 0, 0.02, {
      lenient: ['擅自使用时间不足1个月，及时停止使用的'],
      ordinary: ['擅自使用1个月以上，未造成安全事故的'],
      severe: ['造成道路损坏、交通事故等后果的', '逾期不改正的'],
    }),
  },
  // 综合行政执法 (LF-ZHZF and the townships) — 城市道路管理条例 第四十二条: 2万元以下.
  { item: 'CF-ZJ-018', ...fixed(['fine'], 0, 20_000, roads) },
  { item: 'CF-ZJ-019', ...fixed(['fine'], 0, 20_000, { ...roads, lenient: ['设置广告牌或者挂浮物1处，在责令期限内拆除的'], ordinary: ['设置2处以上不足5处的'] }) },
  { item: 'CF-ZJ-020', ...fixed(['fine'], 0, 20_000, { ...roads, lenient: ['施工时间短、及时补设标志和防围设施的'] }) },
  { item: 'CF-ZJ-021', ...fixed(['fine'], 0, 20_000, { ...roads, exempt: art33, lenient: ['现场遗留物较少，在责令期限内清理完毕的'] }) },
  { item: 'CF-ZJ-022', ...fixed(['fine'], 0, 20_000, roads) },
  { item: 'CF-ZJ-023', party: 'organization', ...warningThenFine(100_000, 200_000, drainage('初次违法')) },
  { item: 'CF-ZJ-023', party: 'person', ...warningThenFine(20_000, 100_000, drainage('初次违法')) },
  {
    item: 'CF-ZJ-024',
    ...fixed(['fine'], 0, 500_000, {
      lenient: ['排放污水水质符合纳管标准，已申请补办许可证的', '日排水量较小（不足10立方米）的'],
      ordinary: ['日排水量10立方米以上不足100立方米的'],
      severe: ['排放有毒有害或者超标污水的', '日排水量100立方米以上的', '被责令停止后继续排放的'],
    }),
  },
  { item: 'CF-ZJ-025', party: 'organization', ...warningThenFine(100_000, 500_000, drainage('污泥量较少并已清理')) },
  { item: 'CF-ZJ-025', party: 'person', ...warningThenFine(20_000, 100_000, drainage('污泥量较少并已清理')) },
  { item: 'CF-ZJ-026', party: 'organization', ...warningThenFine(100_000, 300_000, drainage('未造成设施损坏')) },
  { item: 'CF-ZJ-026', party: 'person', ...warningThenFine(20_000, 100_000, drainage('未造成设施损坏')) },
]

/** 林草: a good share of the items held by 禄丰市林业和草原局 (LF-LCJ). */
export const lcBenchmarks: DemoBenchmark[] = [
  { item: 'CF-LC-001', ...multiple(['fine'], '恢复植被和林业生产条件所需费用', 0, 3, forest) },
  { item: 'CF-LC-003', ...multiple(['fine'], '毁坏林木价值', 0, 5, forest) },
  { item: 'CF-LC-005', ...multiple(['fine'], '盗伐林木价值', 5, 10, forest) },
  { item: 'CF-LC-006', ...multiple(['fine'], '滥伐林木价值', 3, 5, forest) },
  {
    item: 'CF-LC-007',
    ...multiple(['confiscate_gains', 'fine'], '违法所得', 1, 3, { mitigated: art32, lenient: ['涉及采伐许可证1份，违法所得较少的'], ordinary: ['涉及采伐许可证2份以上的'], severe: ['伪造、变造采伐许可证用于采伐的', '造成林木大量被采伐的', repeat] }, [0, 20_000]),
  },
  { item: 'CF-LC-008', ...multiple(['confiscate_property', 'fine'], '违法收购、加工、运输林木价款', 0, 3, forest) },
  {
    item: 'CF-LC-010',
    ...fixed(['fine'], 0, 50_000, {
      lenient: ['经说服教育后配合检查的'],
      ordinary: ['拒绝检查，经责令后仍不配合的'],
      severe: ['以暴力、威胁方法阻碍检查的', '为掩盖违法行为转移、销毁证据的'],
    }),
  },
  { item: 'CF-LC-013', party: 'organization', ...fixed(['fine'], 10_000, 50_000, fire(true)) },
  { item: 'CF-LC-013', party: 'person', ...fixed(['fine'], 500, 5_000, fire(false)) },
  { item: 'CF-LC-015', party: 'organization', ...fixed(['warning', 'fine'], 10_000, 50_000, fire(true)) },
  { item: 'CF-LC-015', party: 'person', ...fixed(['warning', 'fine'], 200, 3_000, fire(false)) },
  { item: 'CF-LC-016', ...fixed(['warning', 'fine'], 50_000, 100_000, fire(true)) },
  { item: 'CF-LC-021', ...multiple(['confiscate_gains', 'confiscate_property', 'fine'], '违法所得', 1, 5, land, [0, 50_000]) },
  { item: 'CF-LC-024', ...multiple(['confiscate_gains', 'confiscate_property', 'revoke_license', 'fine'], '猎获物价值', 2, 20, wildlife, [10_000, 100_000]) },
  { item: 'CF-LC-027', ...multiple(['confiscate_property', 'fine'], '野生动物价值', 1, 10, wildlife) },
  {
    item: 'CF-LC-030',
    ...fixed(['fine'], 100, 2_000, {
      lenient: ['发生面积较小，及时除治的'],
      ordinary: ['除治不力，造成病虫害在本经营范围内蔓延的'],
      severe: ['造成病虫害蔓延成灾或者扩散到相邻林地的', '隐瞒或者虚报情况的'],
    }),
  },
  { item: 'CF-LC-031', ...fixed(['confiscate_gains', 'fine'], 300, 10_000, { ...forest, lenient: ['在实验区内实施，破坏面积较小并已恢复原状的'] }) },
]

/** 自然资源和规划: items held by 禄丰市自然资源局 (LF-ZRZY). */
export const zrBenchmarks: DemoBenchmark[] = [
  {
    item: 'CF-ZR-001',
    violation: '未取得建设工程规划许可证或者未按照许可证的规定进行建设，尚可采取改正措施消除对规划实施的影响',
    ...multiple(['fine'], '建设工程造价', 0.05, 0.1, {
      mitigated: art32,
      lenient: ['违法建设面积不足50平方米，主动停止建设并补办手续的'],
      ordinary: ['违法建设面积50平方米以上不足300平方米的'],
      severe: ['违法建设面积300平方米以上的', '责令停止建设后继续建设的', '占用城市道路、绿地或者影响相邻建筑安全的'],
    }),
  },
  { item: 'CF-ZR-003', ...multiple(['fine'], '临时建设工程造价', 0, 1, { lenient: ['超过批准期限不足3个月，已自行拆除的'], ordinary: ['超过批准期限3个月以上或者未按批准内容建设的'], severe: ['未经批准进行临时建设且影响规划实施的', '逾期不拆除的'] }) },
  {
    item: 'CF-ZR-004',
    ...fixed(['fine'], 10_000, 50_000, {
      lenient: ['逾期不足30日补报的'],
      ordinary: ['逾期30日以上不足90日补报的'],
      severe: ['逾期90日以上仍不补报的'],
    }),
  },
  { item: 'CF-ZR-005', ...multiple(['confiscate_gains', 'fine'], '违法所得', 0.1, 0.5, land) },
  { item: 'CF-ZR-006', ...multiple(['fine'], '耕地开垦费', 5, 10, land) },
  { item: 'CF-ZR-007', ...multiple(['fine'], '土地复垦费', 2, 5, land) },
  { item: 'CF-ZR-010', ...multiple(['confiscate_gains', 'fine'], '违法所得', 0.1, 0.3, land) },
  { item: 'CF-ZR-014', ...fixed(['fine'], 0, 1_000, { exempt: art33, lenient: ['标志轻微损坏，已恢复原状的'], ordinary: ['擅自移动或者改变标志的'], severe: ['毁坏标志，致使保护区界线无法识别的'] }) },
  { item: 'CF-ZR-017', ...fixed(['warning', 'fine'], 0, 200_000, { lenient: ['临时性测量标志轻微损坏，已主动报告并配合修复的'], ordinary: ['损毁或者擅自移动永久性测量标志1座的'], severe: ['损毁永久性测量标志2座以上或者国家等级控制点的', '拒绝支付迁建费用的'] }) },
  { item: 'CF-ZR-018', party: 'organization', ...fixed(['fine'], 50_000, 200_000, { ...land, severe: ['引发地质灾害或者造成人员伤亡、财产损失的', '在危险区内进行工程建设经责令停止后继续施工的'] }) },
  { item: 'CF-ZR-018', party: 'person', ...fixed(['fine'], 10_000, 50_000, { ...land, severe: ['引发地质灾害或者造成人员伤亡、财产损失的', '经责令停止后继续实施的'] }) },
]

/** 首违不罚 / 轻微免罚 list items (行政处罚法 第三十三条第一款). */
export type DemoNoPenaltyItem = {
  item: string
  listKind: 'first_violation' | 'minor'
  violation?: string
  conditions: string[]
  correctionDays: number | null
  educationMeasure: string
}

const firstTime = (harm: string, days: number) => ['2年内首次实施该违法行为（此前未因同一违法行为受过行政处罚）', harm, `在责令改正期限（${days}日）内改正`]
const minor = (harm: string) => ['违法行为轻微', harm, '当场或者在责令改正期限内及时改正']
const educate = '对当事人进行批评教育，宣讲相关法律法规，送达《不予行政处罚决定书》，并督促其签订《依法经营承诺书》'
const educateSpot = '当场批评教育，告知相关规定，并记录在案'

/** In the style of the lists provinces publish in the housing, forestry and land fields. */
export const noPenaltyItems: DemoNoPenaltyItem[] = [
  // 首违不罚
  { item: 'CF-ZJ-007', listKind: 'first_violation', conditions: firstTime('未造成行人受伤或者财物损失', 3), correctionDays: 3, educationMeasure: educate },
  { item: 'CF-ZJ-009', listKind: 'first_violation', conditions: firstTime('广告设施牢固，未造成安全隐患', 7), correctionDays: 7, educationMeasure: educate },
  { item: 'CF-ZJ-010', listKind: 'first_violation', conditions: firstTime('堆放或者搭建时间不超过24小时，未影响通行', 1), correctionDays: 1, educationMeasure: educate },
  { item: 'CF-ZJ-020', listKind: 'first_violation', conditions: firstTime('未造成交通事故或者人员伤亡', 1), correctionDays: 1, educationMeasure: educate },
  { item: 'CF-ZJ-021', listKind: 'first_violation', conditions: firstTime('遗留物未影响车辆、行人通行', 3), correctionDays: 3, educationMeasure: educate },
  { item: 'CF-ZJ-032', listKind: 'first_violation', conditions: firstTime('未影响业主使用物业或者新物业服务企业接管', 15), correctionDays: 15, educationMeasure: educate },
  { item: 'CF-ZJ-039', listKind: 'first_violation', conditions: firstTime('燃气设施未受损坏', 3), correctionDays: 3, educationMeasure: educate },
  { item: 'CF-LC-017', listKind: 'first_violation', conditions: firstTime('未发生森林火情', 5), correctionDays: 5, educationMeasure: '送达《森林防火责任告知书》，开展森林防火宣传教育' },
  { item: 'CF-LC-026', listKind: 'first_violation', conditions: firstTime('繁育的野生动物来源合法、未造成疫病传播', 15), correctionDays: 15, educationMeasure: '督促办理备案，宣讲《野生动物保护法》有关规定' },
  { item: 'CF-ZR-004', listKind: 'first_violation', conditions: firstTime('竣工验收资料完整、真实', 15), correctionDays: 15, educationMeasure: educate },
  // 轻微违法免罚
  { item: 'CF-ZJ-001', listKind: 'minor', conditions: minor('没有造成危害后果'), correctionDays: null, educationMeasure: educateSpot },
  { item: 'CF-ZJ-002', listKind: 'minor', violation: '在城市建筑物、设施以及树木上未经批准张贴宣传品（单次不超过5张）', conditions: minor('没有造成设施损坏'), correctionDays: 1, educationMeasure: educateSpot },
  { item: 'CF-ZJ-003', listKind: 'minor', conditions: minor('没有造成物品坠落等危害后果'), correctionDays: 1, educationMeasure: educateSpot },
  { item: 'CF-ZJ-004', listKind: 'minor', conditions: minor('倾倒量少，没有造成环境污染'), correctionDays: null, educationMeasure: educateSpot },
  { item: 'CF-ZJ-008', listKind: 'minor', conditions: minor('饲养数量少（5只以下），没有造成疫病或者扰民投诉'), correctionDays: 7, educationMeasure: educateSpot },
  { item: 'CF-ZJ-013', listKind: 'minor', conditions: minor('损坏花草面积不足1平方米，树木未受损'), correctionDays: 3, educationMeasure: '当场批评教育，责令补种或者赔偿，并记录在案' },
  { item: 'CF-ZJ-017', listKind: 'minor', conditions: minor('经劝导后服从管理，未影响绿地正常使用'), correctionDays: null, educationMeasure: educateSpot },
  { item: 'CF-LC-018', listKind: 'minor', conditions: minor('车辆进入时间短，未发生森林火情'), correctionDays: null, educationMeasure: '当场进行森林防火宣传教育，并记录在案' },
  { item: 'CF-LC-019', listKind: 'minor', conditions: minor('未携带火种，未发生森林火情'), correctionDays: null, educationMeasure: '当场进行森林防火宣传教育，并记录在案' },
  { item: 'CF-ZR-014', listKind: 'minor', conditions: minor('标志未毁坏，可恢复原状'), correctionDays: 7, educationMeasure: educate },
]
