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
  /** 通信地址、邮政编码、联系电话 as the unit's documents print them. */
  address: string
  postalCode: string
  phone: string
}

// The city departments sit in 金山镇, the seat (邮政编码 651200). Street addresses and telephone
// numbers are made up (0878 is 楚雄州's area code).
const cityDepartments: Array<[code: string, name: string, shortName: string, street: string, phone: string]> = [
  ['LF-SFJ', '禄丰市司法局', '禄司', '龙城路96号', '0878-4121180'],
  ['LF-ZJJ', '禄丰市住房和城乡建设局', '禄住建', '龙城路118号', '0878-4121236'],
  ['LF-ZRZY', '禄丰市自然资源局', '禄自然资源', '金山路32号', '0878-4122406'],
  ['LF-LCJ', '禄丰市林业和草原局', '禄林草', '西河路15号', '0878-4123318'],
  ['LF-SCJG', '禄丰市市场监督管理局', '禄市监', '人民路201号', '0878-4124125'],
  ['LF-STHJ', '楚雄州生态环境局禄丰分局', '楚环禄', '东河路8号', '0878-4125369'],
  ['LF-JTYS', '禄丰市交通运输局', '禄交', '南雄路66号', '0878-4126218'],
  ['LF-NYNC', '禄丰市农业农村局', '禄农', '西河路47号', '0878-4127063'],
  ['LF-WLJ', '禄丰市文化和旅游局', '禄文旅', '文化路12号', '0878-4128136'],
  ['LF-WJJ', '禄丰市卫生健康局', '禄卫健', '人民路155号', '0878-4129027'],
  ['LF-YJGL', '禄丰市应急管理局', '禄应急', '龙城路72号', '0878-4120119'],
  ['LF-SWJ', '禄丰市水务局', '禄水', '东河路36号', '0878-4121452'],
  ['LF-JTJ', '禄丰市教育体育局', '禄教体', '文化路58号', '0878-4122517'],
  ['LF-RSJ', '禄丰市人力资源和社会保障局', '禄人社', '金山路88号', '0878-4123624'],
  ['LF-MZJ', '禄丰市民政局', '禄民政', '人民路99号', '0878-4124738'],
  ['LF-FGJ', '禄丰市发展和改革局', '禄发改', '龙城路100号', '0878-4125841'],
  ['LF-YBJ', '禄丰市医疗保障局', '禄医保', '金山路106号', '0878-4126953'],
  ['LF-TJJ', '禄丰市统计局', '禄统', '龙城路100号', '0878-4127214'],
  ['LF-GXJ', '禄丰市工业商务和信息化局', '禄工信', '南雄路21号', '0878-4128325'],
  ['LF-ZHZF', '禄丰市综合行政执法局', '禄综执', '北门街9号', '0878-4129436'],
  ['LF-YCJ', '禄丰市烟草专卖局', '禄烟', '金山路150号', '0878-4120547'],
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

/**
 * Where a township's government and its 综合行政执法队 sit (the team in the government's compound,
 * reached on its own line). 金山镇 shares the seat's 651200; the other towns' 6512xx codes and all
 * street numbers and telephones are illustrative.
 */
const townshipContacts: Record<(typeof townships)[number][0], { street: string; postalCode: string; phone: string }> = {
  JS: { street: '北门街21号', postalCode: '651200', phone: '0878-4131021' },
  GT: { street: '广通街58号', postalCode: '651201', phone: '0878-4611032' },
  BC: { street: '碧城街12号', postalCode: '651202', phone: '0878-4141043' },
  RX: { street: '仁兴街6号', postalCode: '651203', phone: '0878-4851054' },
  QF: { street: '勤丰街33号', postalCode: '651204', phone: '0878-4161065' },
  YPL: { street: '盐矿路2号', postalCode: '651205', phone: '0878-4711076' },
  CY: { street: '彩云街18号', postalCode: '651206', phone: '0878-4871087' },
  TG: { street: '土官街9号', postalCode: '651207', phone: '0878-4881098' },
  HJ: { street: '黑井古镇大井路5号', postalCode: '651208', phone: '0878-4891109' },
  HP: { street: '和平街27号', postalCode: '651209', phone: '0878-4821110' },
  KLS: { street: '川街街3号', postalCode: '651210', phone: '0878-4831121' },
  ZC: { street: '中村街14号', postalCode: '651211', phone: '0878-4841132' },
  TA: { street: '妥安街7号', postalCode: '651212', phone: '0878-4861143' },
  GF: { street: '高峰街11号', postalCode: '651213', phone: '0878-4761154' },
}

const LUFENG = '云南省楚雄彝族自治州禄丰市'

// 49 units in 禄丰市 (21 city departments, 14 township governments, 14 township 综合行政执法队),
// three of which have not started using the platform — as in the article: 46 of 49.
const notOnboarded = new Set(['LF-TJJ', 'LF-YCJ', 'GF-ZFD'])

export const demoOrgs: DemoOrg[] = [
  ...cityDepartments.map(([code, name, shortName, street, phone]) => ({
    code,
    name,
    shortName,
    kind: code === 'LF-SFJ' ? ('justice_bureau' as const) : ('department' as const),
    region: '532331',
    onboarded: !notOnboarded.has(code),
    address: `${LUFENG}金山镇${street}`,
    postalCode: '651200',
    phone,
  })),
  ...townships.flatMap(([code, name, region]) => {
    const contact = townshipContacts[code]
    const address = `${LUFENG}${name}${contact.street}`
    return [
      { code: `${code}-ZF`, name: `禄丰市${name}人民政府`, shortName: `禄${name.slice(0, -1)}`, kind: 'township' as const, region, onboarded: !notOnboarded.has(`${code}-ZF`), address, postalCode: contact.postalCode, phone: contact.phone },
      {
        code: `${code}-ZFD`,
        name: `禄丰市${name}综合行政执法队`,
        shortName: `禄${name.slice(0, -1)}综执`,
        kind: 'team' as const,
        region,
        parent: `${code}-ZF`,
        onboarded: !notOnboarded.has(`${code}-ZFD`),
        address,
        postalCode: contact.postalCode,
        // The team's own line: the government's number plus one.
        phone: contact.phone.slice(0, -1) + String((Number(contact.phone.at(-1)) + 1) % 10),
      },
    ]
  }),
  // The sibling county, with a little data so rankings across counties have something to compare (牟定县 675500).
  { code: 'MD-SFJ', name: '牟定县司法局', shortName: '牟司', kind: 'justice_bureau', region: '532323', onboarded: true, address: '云南省楚雄彝族自治州牟定县共和镇化佛路20号', postalCode: '675500', phone: '0878-5211148' },
  { code: 'MD-ZJJ', name: '牟定县住房和城乡建设局', shortName: '牟住建', kind: 'department', region: '532323', onboarded: true, address: '云南省楚雄彝族自治州牟定县共和镇茅州路45号', postalCode: '675500', phone: '0878-5212259' },
  { code: 'MD-GH-ZF', name: '牟定县共和镇人民政府', shortName: '牟共和', kind: 'township', region: '532323100', onboarded: false, address: '云南省楚雄彝族自治州牟定县共和镇文化路3号', postalCode: '675500', phone: '0878-5213361' },
]

export const townshipList = townships
