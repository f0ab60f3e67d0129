/**
 * Tables behind the 行政处罚 part of the demo (cases.demo.ts). Everything is illustrative: the power
 * items are the demo catalogue's, but every party, place, amount and statement is made up. Natural
 * persons get generated GB 11643 numbers (valid check digits, nobody's real number).
 */

/** How a violation is usually punished in the demo: who commits it and the fine range (yuan). */
export type ViolationProfile = {
  /** Power item code in the demo catalogue. */
  code: string
  /** Who usually commits it. */
  party: 'organization' | 'person' | 'both'
  /** Typical fine range for an organization (yuan). */
  orgYuan?: [number, number]
  /** Typical fine range for a natural person (yuan). */
  personYuan?: [number, number]
  /** Where it happens, completed with the township's name. */
  place: string
  /** What the officers found on site (现场检查笔录). */
  finding: string
  /** Small enough for the simple procedure (art. 51) when caught in the act. */
  simple?: boolean
  /** Typical additional kinds (e.g. 没收违法所得). */
  confiscate?: boolean
}

/** The violations the demo's cases are about, by domain. */
export const violationProfiles: ViolationProfile[] = [
  // 住房城乡建设 (住建局, 综合执法局, townships)
  { code: 'CF-ZJ-033', party: 'organization', orgYuan: [60_000, 240_000], place: '在建商住楼项目工地', finding: '项目主体已施工至三层，现场未能出示建筑工程施工许可证' },
  { code: 'CF-ZJ-034', party: 'organization', orgYuan: [200_000, 400_000], place: '安置房项目', finding: '工程未组织竣工验收，已有住户入住' },
  { code: 'CF-ZJ-035', party: 'both', orgYuan: [50_000, 100_000], personYuan: [50_000, 100_000], place: '临街商铺', finding: '装修中拆除一层承重墙约四米，未经原设计单位核验' },
  { code: 'CF-ZJ-007', party: 'organization', orgYuan: [3_000, 20_000], place: '临街建筑工地', finding: '工地临街一侧约三十米未设置围挡，渣土裸露未覆盖' },
  { code: 'CF-ZJ-006', party: 'both', orgYuan: [2_000, 20_000], personYuan: [500, 5_000], place: '城区主干道', finding: '渣土运输车辆未密闭，沿途遗撒约二百米' },
  { code: 'CF-ZJ-010', party: 'both', orgYuan: [1_000, 10_000], personYuan: [200, 2_000], place: '集镇街道两侧', finding: '占用人行道堆放建材并搭建简易棚' },
  { code: 'CF-ZJ-018', party: 'organization', orgYuan: [5_000, 20_000], place: '城区道路', finding: '未经批准开挖人行道铺设管线，长约四十米' },
  { code: 'CF-ZJ-024', party: 'organization', orgYuan: [5_000, 50_000], place: '餐饮集中区', finding: '未取得污水排入排水管网许可证向市政管网排放污水' },
  { code: 'CF-ZJ-027', party: 'both', orgYuan: [50_000, 200_000], personYuan: [50_000, 100_000], confiscate: true, place: '城郊仓库', finding: '现场存放液化石油气钢瓶四十余只，无燃气经营许可证对外销售' },
  { code: 'CF-ZJ-028', party: 'both', orgYuan: [5_000, 50_000], personYuan: [1_000, 5_000], place: '餐馆后厨', finding: '液化石油气钢瓶存放于地下室，无通风和报警装置' },
  { code: 'CF-ZJ-009', party: 'organization', orgYuan: [1_000, 10_000], place: '城区建筑外墙', finding: '擅自设置大型户外广告牌约六十平方米' },
  { code: 'CF-ZJ-001', party: 'person', personYuan: [20, 50], simple: true, place: '城区街道', finding: '在人行道上随地乱扔烟头、纸屑' },
  { code: 'CF-ZJ-003', party: 'person', personYuan: [50, 200], simple: true, place: '临街住宅', finding: '在临街阳台外吊挂杂物，影响市容' },
  { code: 'CF-ZJ-004', party: 'both', orgYuan: [500, 2_000], personYuan: [50, 200], simple: true, place: '集镇农贸市场', finding: '不按规定时间、地点倾倒生活垃圾' },
  { code: 'CF-ZJ-005', party: 'organization', orgYuan: [500, 3_000], simple: true, place: '临街商铺门前', finding: '未履行门前卫生责任区清扫保洁义务' },
  { code: 'CF-ZJ-037', party: 'person', personYuan: [20, 200], simple: true, place: '村庄主干道旁', finding: '在道路两侧乱堆柴草、粪便，影响村容' },
  // 自然资源和规划
  { code: 'CF-ZR-001', party: 'both', orgYuan: [50_000, 300_000], personYuan: [20_000, 100_000], place: '城区规划区', finding: '未取得建设工程规划许可证建设四层砖混结构房屋' },
  { code: 'CF-ZR-002', party: 'person', personYuan: [5_000, 30_000], place: '村庄规划区', finding: '未取得乡村建设规划许可证建设住房，超出宅基地范围约四十平方米' },
  { code: 'CF-ZR-003', party: 'organization', orgYuan: [10_000, 50_000], place: '工业园区', finding: '临时建筑超过批准期限一年未拆除' },
  { code: 'CF-ZR-006', party: 'both', orgYuan: [20_000, 100_000], personYuan: [5_000, 30_000], place: '耕地', finding: '在耕地上取土，破坏种植条件约三亩' },
  { code: 'CF-ZR-008', party: 'both', orgYuan: [100_000, 400_000], personYuan: [20_000, 80_000], place: '集体土地', finding: '未经批准占用集体土地建设厂房约一千二百平方米' },
  { code: 'CF-ZR-015', party: 'both', orgYuan: [100_000, 300_000], personYuan: [20_000, 60_000], confiscate: true, place: '山坡', finding: '无采矿许可证开采建筑用砂石，采坑面积约二千平方米' },
  { code: 'CF-ZR-017', party: 'both', orgYuan: [5_000, 30_000], personYuan: [1_000, 5_000], place: '测量标志点', finding: '施工中损毁永久性测量标志一座' },
  // 林业和草原
  { code: 'CF-LC-001', party: 'both', orgYuan: [30_000, 200_000], personYuan: [10_000, 60_000], place: '林地', finding: '未经审核同意将林地改为停车场和堆场，面积约五亩' },
  { code: 'CF-LC-003', party: 'both', orgYuan: [20_000, 100_000], personYuan: [5_000, 30_000], place: '集体林地', finding: '在林地内采石，毁坏林木约二百株' },
  { code: 'CF-LC-005', party: 'person', personYuan: [3_000, 30_000], confiscate: true, place: '国有林场', finding: '盗伐云南松十二株，蓄积约八立方米' },
  { code: 'CF-LC-006', party: 'person', personYuan: [2_000, 20_000], place: '自留山', finding: '未取得采伐许可证采伐华山松二十株' },
  { code: 'CF-LC-012', party: 'person', personYuan: [1_000, 10_000], place: '林地', finding: '擅自开垦林地种植玉米约二亩，未造成林木毁坏' },
  { code: 'CF-LC-015', party: 'person', personYuan: [200, 3_000], simple: true, place: '森林防火区', finding: '森林防火期内在林区边缘烧荒' },
  { code: 'CF-LC-017', party: 'organization', orgYuan: [1_000, 3_000], simple: true, place: '林场作业区', finding: '防火期内未设置森林防火警示宣传标志' },
  { code: 'CF-LC-018', party: 'both', orgYuan: [500, 2_000], personYuan: [100, 200], simple: true, place: '进山路口', finding: '防火期内进入森林防火区的机动车辆未安装防火装置' },
  { code: 'CF-LC-034', party: 'both', orgYuan: [2_000, 20_000], personYuan: [1_000, 5_000], confiscate: true, place: '县道检查点', finding: '运输松木原木约六立方米，不能出示合法来源证明' },
]

/** Questions of a 询问笔录 and a plausible answer shape; `{fact}` is the finding. */
export const inquiryQuestions: Array<{ q: string; a: string }> = [
  { q: '我们是禄丰市执法人员，这是我们的执法证件，请你核对。你是否申请我们回避？', a: '看清楚了，不申请回避。' },
  { q: '请你如实回答问题，作虚假陈述要承担法律责任，你听清楚了吗？', a: '听清楚了。' },
  { q: '请介绍一下现场的情况。', a: '{fact}，情况属实。' },
  { q: '你是否办理了相关审批手续？', a: '没有办理，当时不清楚需要办理。' },
  { q: '你对以上情况还有什么补充？', a: '没有补充，愿意配合整改。' },
]

/** What parties say in their statements (陈述申辩), and whether it was adopted. */
export const statements: Array<{ text: string; adopted: boolean; response: string }> = [
  { text: '违法行为系初次发生，已立即停止并整改，请求从轻处罚。', adopted: true, response: '经核实，当事人已主动整改，予以采纳，在裁量范围内从轻处罚。' },
  { text: '对事实无异议，企业经营困难，请求减轻罚款。', adopted: false, response: '经营困难不属于法定从轻、减轻情形，不予采纳。' },
  { text: '施工由承包方负责，本单位不应承担责任。', adopted: false, response: '建设单位是法定责任主体，申辩理由不成立，不予采纳。' },
]

/** Reasons recorded where the law asks for one (art. 62 ¶3 etc.). */
export const reasons = {
  preservationReleased: '经拍照、录像固定证据并抽样送检，证据已能满足调查需要，决定解除先行登记保存，物品退还当事人。',
  rejectFiling: '经初步核查，该线索所涉行为已由当事人自行纠正且不属于本单位管辖事项，不予立案。',
  terminate: '经调查，违法事实不能成立，终止调查。',
  judicialTransfer: '经调查，当事人涉嫌非法采矿罪，涉案数额达到刑事立案追诉标准，依法移送公安机关。',
  judicialTransferForest: '经调查，盗伐林木蓄积达到刑事立案追诉标准，依法移送公安机关。',
  unitTransfer: '经核查，违法建设位于乡、村庄规划区，依法属自然资源部门管辖，移送处理。',
  suspend: '当事人因病住院无法接受询问，案件调查中止。',
  revoke: '经行政复议，复议机关认为认定事实不清，决定撤销原处罚决定，本机关依法撤销。',
  withdraw: '处罚决定已被撤销，依法撤下公示。',
  deferral: '当事人因资金周转困难，申请分期缴纳罚款，经审查符合《行政处罚法》第六十六条第二款规定。',
  outsideBenchmark: '当事人违法情节特别严重，拒不改正且造成较大社会影响，经集体讨论在裁量基准以上处罚。',
  belowBenchmark: '当事人主动消除危害后果并积极配合调查，依法减轻处罚。',
  firstViolationNotApplied: '当事人违法行为造成了危害后果，不符合首违不罚条件。',
}

/** Courts and organs named in the demo. */
export const organs = { police: '禄丰市公安局', court: '禄丰市人民法院', reconsideration: '禄丰市人民政府' }

/** Names for the hearing place and meetings. */
export const hearingPlace = '本机关听证室'

/** 先行登记保存 (art. 56) in the demo: the items a site inspection finds and may lose. */
export const preservationDemo = {
  custody: 'agency',
  grounds: '当事人现场有转移涉案物品、销毁票据的迹象，证据可能灭失',
  items: [
    { name: '涉案施工机具', spec: '电焊机 BX1-315', quantity: '2', unit: '台' },
    { name: '销售和进货票据', quantity: '1', unit: '册', note: '共 46 页' },
  ],
} as const
