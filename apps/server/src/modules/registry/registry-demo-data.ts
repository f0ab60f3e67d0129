/**
 * Tables behind the registry's demo data. Everything here is illustrative: unit names are the
 * real 禄丰市 bodies (see demo-places.ts), but legal-basis wording, document numbers, addresses,
 * phone numbers and every person are made up. No real person's name or ID number is used.
 */

/** Status of each demo entity other than 'published' (everything else with an entity is published). */
export const unpublishedEntities: Record<string, { status: 'draft' | 'audited' | 'confirmed'; note?: string }> = {
  'LF-FGJ': { status: 'audited' },
  'LF-YBJ': { status: 'confirmed' },
  'YPL-ZFD': { status: 'draft' },
  'CY-ZFD': { status: 'draft', note: '退回：委托书文号与所附文件不一致，请核对后重新提交' },
  'MD-ZJJ': { status: 'draft' },
}

/** Township 综合行政执法队 registered as 受委托组织 (the rest act inside their township government). */
export const entrustedTeams = ['JS', 'GT', 'BC', 'RX', 'QF', 'YPL', 'CY']

/** Units without an entity in the demo (not onboarded, or acting only in another's name). */
export const unitsWithoutEntity = new Set(['MD-SFJ', 'MD-GH-ZF'])

/** The law each department enforces, quoted first in its legal basis. */
export const departmentLaws: Record<string, { law: string; head: string; area: string; people: number }> = {
  'LF-SFJ': { law: '《中华人民共和国律师法》《法律援助法》《人民调解法》', head: '局长', area: '司法行政', people: 2 },
  'LF-ZJJ': { law: '《中华人民共和国城乡规划法》《建筑法》《建设工程质量管理条例》', head: '局长', area: '住房城乡建设', people: 6 },
  'LF-ZRZY': { law: '《中华人民共和国土地管理法》《矿产资源法》', head: '局长', area: '自然资源和规划', people: 4 },
  'LF-LCJ': { law: '《中华人民共和国森林法》《草原法》《野生动物保护法》', head: '局长', area: '林业和草原', people: 4 },
  'LF-SCJG': { law: '《中华人民共和国食品安全法》《产品质量法》《反不正当竞争法》', head: '局长', area: '市场监督管理', people: 4 },
  'LF-STHJ': { law: '《中华人民共和国环境保护法》《大气污染防治法》《水污染防治法》', head: '分局长', area: '生态环境保护', people: 4 },
  'LF-JTYS': { law: '《中华人民共和国公路法》《道路运输条例》', head: '局长', area: '交通运输', people: 4 },
  'LF-NYNC': { law: '《中华人民共和国农产品质量安全法》《种子法》《动物防疫法》', head: '局长', area: '农业农村', people: 4 },
  'LF-WLJ': { law: '《中华人民共和国文物保护法》《旅游法》《娱乐场所管理条例》', head: '局长', area: '文化和旅游', people: 3 },
  'LF-WJJ': { law: '《中华人民共和国基本医疗卫生与健康促进法》《传染病防治法》', head: '局长', area: '卫生健康', people: 3 },
  'LF-YJGL': { law: '《中华人民共和国安全生产法》《消防法》', head: '局长', area: '应急管理', people: 3 },
  'LF-SWJ': { law: '《中华人民共和国水法》《河道管理条例》', head: '局长', area: '水利', people: 3 },
  'LF-JTJ': { law: '《中华人民共和国教育法》《民办教育促进法》', head: '局长', area: '教育', people: 3 },
  'LF-RSJ': { law: '《中华人民共和国劳动法》《劳动保障监察条例》', head: '局长', area: '人力资源和社会保障', people: 3 },
  'LF-MZJ': { law: '《社会团体登记管理条例》《殡葬管理条例》', head: '局长', area: '民政', people: 3 },
  'LF-FGJ': { law: '《中华人民共和国价格法》《招标投标法》', head: '局长', area: '发展和改革', people: 3 },
  'LF-YBJ': { law: '《医疗保障基金使用监督管理条例》', head: '局长', area: '医疗保障', people: 3 },
  'LF-TJJ': { law: '《中华人民共和国统计法》', head: '局长', area: '统计', people: 0 },
  'LF-GXJ': { law: '《中华人民共和国电力法》《无线电管理条例》', head: '局长', area: '工业和信息化', people: 3 },
  'LF-ZHZF': { law: '《城市市容和环境卫生管理条例》《云南省城市管理综合行政执法条例》', head: '局长', area: '城市管理', people: 4 },
  'LF-YCJ': { law: '《中华人民共和国烟草专卖法》', head: '局长', area: '烟草专卖', people: 0 },
  'MD-ZJJ': { law: '《中华人民共和国城乡规划法》《建筑法》', head: '局长', area: '住房城乡建设', people: 2 },
}

export const townshipLegalBasis =
  '《中华人民共和国行政处罚法》第二十四条；《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第七十六条；云南省赋予乡镇（街道）部分县级行政执法权事项目录；《禄丰市乡镇（街道）履行职责事项清单》'

/** Delegations: principal unit → agent unit. `validTo: 'soon'` ends 25 days after the seed date. */
export const demoDelegations: Array<{
  principal: string
  agent: string
  documentNo: string
  documentTitle: string
  scope: string
  validFrom: string
  validTo: string | 'soon'
  revoked?: { reason: string; at: string }
}> = [
  ...(
    [
      ['JS', '金山镇', '金山政发〔2024〕12号', '2024-03-01'],
      ['GT', '广通镇', '广通政发〔2024〕7号', '2024-03-15'],
      ['BC', '碧城镇', '碧城政发〔2024〕5号', '2024-04-01'],
      ['RX', '仁兴镇', '仁兴政发〔2024〕9号', '2024-04-01'],
      ['QF', '勤丰镇', '勤丰政发〔2024〕11号', '2024-05-06'],
    ] as const
  ).map(([code, town, documentNo, validFrom]) => ({
    principal: `${code}-ZF`,
    agent: `${code}-ZFD`,
    documentNo,
    documentTitle: `禄丰市${town}人民政府关于委托${town}综合行政执法队实施部分行政执法事项的决定`,
    scope: `以${town}人民政府名义，实施本镇赋权清单内城乡建设、自然资源、林业草原领域的行政检查和一般程序行政处罚（不含责令停产停业、吊销许可证件及较大数额罚款）`,
    validFrom,
    validTo: `${Number(validFrom.slice(0, 4)) + 3}-${validFrom.slice(5)}`,
  })),
  {
    principal: 'LF-ZJJ',
    agent: 'JS-ZF',
    documentNo: '禄住建发〔2024〕35号',
    documentTitle: '禄丰市住房和城乡建设局关于委托金山镇人民政府实施部分城乡建设领域行政执法事项的通知',
    scope: '在金山镇辖区内以禄丰市住房和城乡建设局名义实施违法建设行为的现场检查、责令停止违法行为和一般程序行政处罚',
    validFrom: '2024-07-01',
    validTo: 'soon',
  },
  {
    principal: 'LF-ZHZF',
    agent: 'HJ-ZF',
    documentNo: '禄综执发〔2024〕6号',
    documentTitle: '禄丰市综合行政执法局关于委托黑井镇人民政府实施古镇保护范围内市容环境卫生管理执法的决定',
    scope: '在黑井古镇保护范围内实施市容环境卫生、户外广告设置管理的行政检查和简易程序行政处罚',
    validFrom: '2024-09-01',
    validTo: '2027-08-31',
  },
  {
    principal: 'LF-ZRZY',
    agent: 'GT-ZF',
    documentNo: '禄自然资发〔2023〕21号',
    documentTitle: '禄丰市自然资源局关于委托广通镇人民政府开展耕地保护动态巡查的通知',
    scope: '在广通镇辖区内开展耕地保护动态巡查，发现违法占用耕地行为的现场制止和证据固定',
    validFrom: '2023-05-01',
    validTo: '2025-04-30',
  },
  {
    principal: 'LF-LCJ',
    agent: 'BC-ZF',
    documentNo: '禄林草发〔2024〕9号',
    documentTitle: '禄丰市林业和草原局关于委托碧城镇人民政府实施部分林草行政处罚事项的决定',
    scope: '在碧城镇辖区内实施滥伐林木、毁坏林木案件的一般程序行政处罚',
    validFrom: '2024-06-01',
    validTo: '2027-05-31',
    revoked: { reason: '碧城镇已依法承接赋权事项，委托事项相应收回', at: '2025-06-10T10:00:00+08:00' },
  },
]

/** Demo accounts that are officers with certificates: username → the person's record. */
export const linkedOfficers: Array<{ username: string; org: string; name: string; position: string }> = [
  { username: 'zjj_head', org: 'LF-ZJJ', name: '王建国', position: '局长' },
  { username: 'zjj_legal', org: 'LF-ZJJ', name: '陈丽', position: '法制审核员' },
  { username: 'zjj_officer', org: 'LF-ZJJ', name: '张伟', position: '执法大队队员' },
  { username: 'zjj_officer2', org: 'LF-ZJJ', name: '刘洋', position: '执法大队队员' },
  { username: 'js_head', org: 'JS-ZF', name: '杨永福', position: '镇长' },
]

/** Given-name characters read as a woman's name; the demo ID number's sex digit follows the name. */
export const femaleSyllables = new Set('丽芳秀英兰春燕玲雪梅凤琼红'.split(''))

// Common surnames in 楚雄 (including Yi family names such as 普, 者, 李) and given-name syllables;
// combined at random they make plausible names that belong to nobody in particular.
export const surnames = '李王张刘杨陈赵黄周吴徐孙马朱胡郭何罗高林普段字者鲁苏施赵邓董'.split('')
export const givenSyllables = '建国华明丽红云芳军平志勇伟强秀英兰春燕涛磊斌俊玲海波晓东永福雪梅金凤家兴文武德顺琼'.split('')

export const personIdRegions = ['532302', '532331', '532301', '532323', '532325', '532328']
