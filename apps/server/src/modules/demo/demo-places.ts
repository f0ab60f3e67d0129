/**
 * The demo's places and units. Region names are real: 云南省 → 楚雄彝族自治州 → 禄丰市 with its
 * 11 towns and 3 townships as listed by the 禄丰市人民政府 (ynlf.gov.cn, 2023 statistical bulletin),
 * and the sibling county 牟定县. Codes: 530000, 532300, 532331, 532323 are GB/T 2260 codes and
 * 恐龙山镇 532331111 is its published statistical code; the other township codes are illustrative.
 */
export const demoRegions = [
  { code: '530000', name: '云南省', level: 'province', parent: null },
  { code: '532300', name: '楚雄彝族自治州', level: 'prefecture', parent: '530000' },
  { code: '532331', name: '禄丰市', level: 'county', parent: '532300' },
  { code: '532323', name: '牟定县', level: 'county', parent: '532300' },
  { code: '532331100', name: '金山镇', level: 'township', parent: '532331' },
  { code: '532331101', name: '广通镇', level: 'township', parent: '532331' },
  { code: '532331102', name: '碧城镇', level: 'township', parent: '532331' },
  { code: '532331103', name: '仁兴镇', level: 'township', parent: '532331' },
  { code: '532331104', name: '勤丰镇', level: 'township', parent: '532331' },
  { code: '532331105', name: '一平浪镇', level: 'township', parent: '532331' },
  { code: '532331106', name: '彩云镇', level: 'township', parent: '532331' },
  { code: '532331107', name: '土官镇', level: 'township', parent: '532331' },
  { code: '532331108', name: '黑井镇', level: 'township', parent: '532331' },
  { code: '532331109', name: '和平镇', level: 'township', parent: '532331' },
  { code: '532331111', name: '恐龙山镇', level: 'township', parent: '532331' },
  { code: '532331200', name: '中村乡', level: 'township', parent: '532331' },
  { code: '532331201', name: '妥安乡', level: 'township', parent: '532331' },
  { code: '532331202', name: '高峰乡', level: 'township', parent: '532331' },
  { code: '532323100', name: '共和镇', level: 'township', parent: '532323' },
  { code: '532323101', name: '新桥镇', level: 'township', parent: '532323' },
] as const

export type DemoOrg = {
  code: string
  name: string
  shortName: string
  kind: 'department' | 'township' | 'team' | 'justice_bureau' | 'other'
  region: string
  parent?: string
  onboarded: boolean
}

const cityDepartments: Array<[code: string, name: string, shortName: string]> = [
  ['LF-SFJ', '禄丰市司法局', '禄司'],
  ['LF-ZJJ', '禄丰市住房和城乡建设局', '禄住建'],
  ['LF-ZRZY', '禄丰市自然资源局', '禄自然资源'],
  ['LF-LCJ', '禄丰市林业和草原局', '禄林草'],
  ['LF-SCJG', '禄丰市市场监督管理局', '禄市监'],
  ['LF-STHJ', '楚雄州生态环境局禄丰分局', '楚环禄'],
  ['LF-JTYS', '禄丰市交通运输局', '禄交'],
  ['LF-NYNC', '禄丰市农业农村局', '禄农'],
  ['LF-WLJ', '禄丰市文化和旅游局', '禄文旅'],
  ['LF-WJJ', '禄丰市卫生健康局', '禄卫健'],
  ['LF-YJGL', '禄丰市应急管理局', '禄应急'],
  ['LF-SWJ', '禄丰市水务局', '禄水'],
  ['LF-JTJ', '禄丰市教育体育局', '禄教体'],
  ['LF-RSJ', '禄丰市人力资源和社会保障局', '禄人社'],
  ['LF-MZJ', '禄丰市民政局', '禄民政'],
  ['LF-FGJ', '禄丰市发展和改革局', '禄发改'],
  ['LF-YBJ', '禄丰市医疗保障局', '禄医保'],
  ['LF-TJJ', '禄丰市统计局', '禄统'],
  ['LF-GXJ', '禄丰市工业商务和信息化局', '禄工信'],
  ['LF-ZHZF', '禄丰市综合行政执法局', '禄综执'],
  ['LF-YCJ', '禄丰市烟草专卖局', '禄烟'],
]

const townships = [
  ['JS', '金山镇', '532331100'],
  ['GT', '广通镇', '532331101'],
  ['BC', '碧城镇', '532331102'],
  ['RX', '仁兴镇', '532331103'],
  ['QF', '勤丰镇', '532331104'],
  ['YPL', '一平浪镇', '532331105'],
  ['CY', '彩云镇', '532331106'],
  ['TG', '土官镇', '532331107'],
  ['HJ', '黑井镇', '532331108'],
  ['HP', '和平镇', '532331109'],
  ['KLS', '恐龙山镇', '532331111'],
  ['ZC', '中村乡', '532331200'],
  ['TA', '妥安乡', '532331201'],
  ['GF', '高峰乡', '532331202'],
] as const

// 49 units in 禄丰市 (21 city departments, 14 township governments, 14 township 综合行政执法队),
// three of which have not started using the platform — as in the article: 46 of 49.
const notOnboarded = new Set(['LF-TJJ', 'LF-YCJ', 'GF-ZFD'])

export const demoOrgs: DemoOrg[] = [
  ...cityDepartments.map(([code, name, shortName]) => ({
    code,
    name,
    shortName,
    kind: code === 'LF-SFJ' ? ('justice_bureau' as const) : ('department' as const),
    region: '532331',
    onboarded: !notOnboarded.has(code),
  })),
  ...townships.flatMap(([code, name, region]) => [
    { code: `${code}-ZF`, name: `禄丰市${name}人民政府`, shortName: `禄${name.slice(0, -1)}`, kind: 'township' as const, region, onboarded: !notOnboarded.has(`${code}-ZF`) },
    {
      code: `${code}-ZFD`,
      name: `禄丰市${name}综合行政执法队`,
      shortName: `禄${name.slice(0, -1)}综执`,
      kind: 'team' as const,
      region,
      parent: `${code}-ZF`,
      onboarded: !notOnboarded.has(`${code}-ZFD`),
    },
  ]),
  // The sibling county, with a little data so rankings across counties have something to compare.
  { code: 'MD-SFJ', name: '牟定县司法局', shortName: '牟司', kind: 'justice_bureau', region: '532323', onboarded: true },
  { code: 'MD-ZJJ', name: '牟定县住房和城乡建设局', shortName: '牟住建', kind: 'department', region: '532323', onboarded: true },
  { code: 'MD-GH-ZF', name: '牟定县共和镇人民政府', shortName: '牟共和', kind: 'township', region: '532323100', onboarded: false },
]

export const townshipList = townships
