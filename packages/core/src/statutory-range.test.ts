import { describe, expect, it } from 'vitest'
import { higherFineProvision, lawfulRange, rangeProblem, statutoryRangeViolations, type StatutoryPenaltyRange } from './statutory-range'

const yuan = (n: number) => n * 100

/** 《城市道路管理条例》第四十二条: 责令限期改正，可以处以2万元以下的罚款. */
const road: StatutoryPenaltyRange = {
  basis: { law: '城市道路管理条例', article: '第四十二条' },
  kinds: ['fine'],
  fines: [{ kind: 'fixed', minFen: 0, maxFen: yuan(20_000) }],
}

/** 《建设工程质量管理条例》第五十七条: 处工程合同价款1%以上2%以下的罚款. */
const permit: StatutoryPenaltyRange = {
  basis: { law: '建设工程质量管理条例', article: '第五十七条' },
  kinds: ['fine'],
  mandatory: ['fine'],
  fines: [{ kind: 'multiple', base: '工程合同价款', min: 0.01, max: 0.02 }],
}

/** 《森林法》第七十七条: 没收证件和违法所得，并处违法所得一倍以上三倍以下的罚款；没有违法所得的，可以处二万元以下的罚款. */
const permitTrade: StatutoryPenaltyRange = {
  basis: { law: '中华人民共和国森林法', article: '第七十七条' },
  kinds: ['fine', 'confiscate_gains', 'confiscate_property'],
  fines: [{ kind: 'multiple', base: '违法所得', min: 1, max: 3, fallback: { minFen: 0, maxFen: yuan(20_000), when: '没有违法所得的' } }],
}

/** 《野生动物保护法》第四十九条第二款: 猎获物价值一倍以上三倍以下；没有猎获物或者猎获物价值不足一千元的，并处一千元以上三千元以下. */
const hunting: StatutoryPenaltyRange = {
  basis: { law: '中华人民共和国野生动物保护法', article: '第四十九条第二款' },
  kinds: ['fine', 'confiscate_gains', 'confiscate_property'],
  mandatory: ['fine'],
  fines: [{ kind: 'multiple', base: '猎获物价值', min: 1, max: 3, fallback: { minFen: yuan(1_000), maxFen: yuan(3_000), belowFen: yuan(1_000), when: '没有猎获物或者猎获物价值不足一千元的' } }],
}

/** 《城镇排水与污水处理条例》第四十九条: 警告；对单位处10万元以上20万元以下罚款，对个人处2万元以上10万元以下罚款. */
const sewage: StatutoryPenaltyRange = {
  basis: { law: '城镇排水与污水处理条例', article: '第四十九条' },
  kinds: ['warning', 'fine'],
  fines: [
    { party: 'organization', kind: 'fixed', minFen: yuan(100_000), maxFen: yuan(200_000) },
    { party: 'person', kind: 'fixed', minFen: yuan(20_000), maxFen: yuan(100_000) },
  ],
}

const org = { partyKind: 'organization' as const }

describe('statutory range (法定处罚幅度)', () => {
  it('art. 4: a 600,000 yuan fine under a provision capped at 20,000 yuan is refused, naming the range and the article', () => {
    const reasons = statutoryRangeViolations(road, org, { kinds: ['fine'], fineFen: yuan(600_000) })
    expect(reasons).toEqual(['罚款600,000.00元超出法定幅度（《城市道路管理条例》第四十二条：罚款20,000.00元以下）'])
    expect(statutoryRangeViolations(road, org, { kinds: ['fine'], fineFen: yuan(20_000) })).toEqual([])
  })

  it('multiples of a base: 1%–2% of the contract price, minimum rounded up and maximum down to the fen', () => {
    const evidence = { baseEvidence: '建设工程施工合同（证据3）' }
    expect(statutoryRangeViolations(permit, { ...org, ...evidence, baseFen: yuan(3_000_000) }, { kinds: ['fine'], fineFen: yuan(45_000) })).toEqual([])
    expect(statutoryRangeViolations(permit, { ...org, baseFen: yuan(3_000_000) }, { kinds: ['fine'], fineFen: yuan(45_000) })).toEqual(['罚款按工程合同价款计算，须写明工程合同价款的认定证据'])
    const r = lawfulRange(permit, { ...org, baseFen: 300_000_001 })
    expect(r).toMatchObject({ ok: true, fine: { how: 'multiple', minFen: 3_000_001, maxFen: 6_000_000, base: '工程合同价款' } })
    expect(statutoryRangeViolations(permit, { ...org, ...evidence, baseFen: yuan(3_000_000) }, { kinds: ['fine'], fineFen: yuan(60_001) })).toEqual([
      '罚款60,001.00元超出法定幅度（《建设工程质量管理条例》第五十七条：罚款工程合同价款的1%至2%（工程合同价款3,000,000.00元，即30,000.00元至60,000.00元））',
    ])
    expect(statutoryRangeViolations(permit, { ...org, ...evidence, baseFen: yuan(3_000_000) }, { kinds: ['fine'], fineFen: yuan(29_999) })[0]).toContain('低于法定幅度')
  })

  it('a multiple without its base and without a fallback asks for the base', () => {
    expect(lawfulRange(permit, org)).toMatchObject({ ok: false, code: 'base_required' })
    expect(statutoryRangeViolations(permit, org, { kinds: ['fine'], fineFen: yuan(10_000) })[0]).toContain('须填写工程合同价款')
  })

  it('the fallback the law names applies when there is no base (没有违法所得的), or the base is below its threshold', () => {
    expect(lawfulRange(permitTrade, { ...org, baseFen: null })).toMatchObject({ ok: true, fine: { how: 'fallback', minFen: 0, maxFen: yuan(20_000) } })
    expect(lawfulRange(permitTrade, { ...org, baseFen: 0 })).toMatchObject({ ok: true, fine: { how: 'fallback' } })
    expect(lawfulRange(permitTrade, { ...org, baseFen: yuan(50_000) })).toMatchObject({ ok: true, fine: { how: 'multiple', minFen: yuan(50_000), maxFen: yuan(150_000) } })
    expect(lawfulRange(hunting, { ...org, baseFen: yuan(999) })).toMatchObject({ ok: true, fine: { how: 'fallback', minFen: yuan(1_000), maxFen: yuan(3_000) } })
    expect(statutoryRangeViolations(hunting, { ...org, baseFen: yuan(999) }, { kinds: ['fine'], fineFen: yuan(3_000) })).toEqual([])
    expect(lawfulRange(hunting, { ...org, baseFen: yuan(1_000) })).toMatchObject({ ok: true, fine: { how: 'multiple', minFen: yuan(1_000), maxFen: yuan(3_000) } })
    expect(statutoryRangeViolations(permitTrade, org, { kinds: ['fine'], fineFen: yuan(30_000) })).toEqual([
      '罚款30,000.00元超出法定幅度（《中华人民共和国森林法》第七十七条：没有违法所得的，罚款20,000.00元以下）',
    ])
  })

  it('the band for the party: 对单位 and 对个人 differ', () => {
    expect(statutoryRangeViolations(sewage, { partyKind: 'person' }, { kinds: ['fine'], fineFen: yuan(50_000) })).toEqual([])
    expect(statutoryRangeViolations(sewage, org, { kinds: ['fine'], fineFen: yuan(50_000) })[0]).toContain('对单位100,000.00元至200,000.00元')
  })

  it('kinds the provision does not name are refused; 行政拘留 is a referral to the police', () => {
    const reasons = statutoryRangeViolations(sewage, org, { kinds: ['warning', 'revoke_license', 'detention'], fineFen: 0 })
    expect(reasons).toEqual([
      '《城镇排水与污水处理条例》第四十九条未规定“吊销许可证件”，不得给予（法定处罚种类：警告、罚款）',
      '行政拘留只能由公安机关决定，应移送公安机关处理（《行政处罚法》第十八条第三款）',
    ])
  })

  it('a mandatory kind (并处) must be imposed, also with 减轻', () => {
    const mitigation = { effect: 'mitigated' as const, grounds: ['art32_1_eliminated_harm' as const], evidence: '整改照片及复查笔录' }
    expect(statutoryRangeViolations(hunting, { ...org, baseFen: yuan(5_000), mitigation }, { kinds: ['confiscate_gains'], fineFen: 0 })).toEqual([
      '《中华人民共和国野生动物保护法》第四十九条第二款规定应当给予“罚款”，减轻处罚也不能改变处罚种类',
    ])
  })

  it('art. 32: with a recorded 减轻 ground and its evidence the fine may go below the statutory minimum, never above the maximum', () => {
    const input = { partyKind: 'person' as const, mitigation: { effect: 'mitigated' as const, grounds: ['art32_1_eliminated_harm' as const], evidence: '已自行拆除，复查笔录' } }
    expect(statutoryRangeViolations(sewage, input, { kinds: ['fine'], fineFen: yuan(5_000) })).toEqual([])
    expect(statutoryRangeViolations(sewage, input, { kinds: ['fine'], fineFen: yuan(100_001) })[0]).toContain('超出法定幅度')
    expect(lawfulRange(sewage, input)).toMatchObject({ ok: true, fine: { minFen: 0, statutoryMinFen: yuan(20_000), maxFen: yuan(100_000) } })
  })

  it('art. 32: 减轻 without a ground or without evidence does not lower the floor; 从轻 stays within', () => {
    const bare = { partyKind: 'person' as const, mitigation: { effect: 'mitigated' as const, grounds: [], evidence: '' } }
    const reasons = statutoryRangeViolations(sewage, bare, { kinds: ['fine'], fineFen: yuan(5_000) })
    expect(reasons[0]).toBe('减轻处罚须写明《行政处罚法》第三十条至第三十二条规定的情形及其证据')
    expect(reasons[1]).toContain('低于法定幅度')
    const lenient = { partyKind: 'person' as const, mitigation: { effect: 'lenient' as const, grounds: ['art30_minor' as const], evidence: '身份证复印件' } }
    expect(statutoryRangeViolations(sewage, lenient, { kinds: ['fine'], fineFen: yuan(5_000) })[0]).toContain('低于法定幅度')
  })

  it('art. 29: one act breaking two provisions is fined under the one with the higher fine', () => {
    expect(higherFineProvision([road, sewage], org)).toBe(1)
    expect(higherFineProvision([sewage, road], { partyKind: 'person' })).toBe(0)
    const open: StatutoryPenaltyRange = { ...road, fines: [{ kind: 'fixed', minFen: 0, maxFen: null }] }
    expect(higherFineProvision([road, open], org)).toBe(1)
    expect(higherFineProvision([{ ...road, kinds: ['warning'], fines: [] }], org)).toBeNull()
  })

  it('a rate per unit: 每平方米100元以上1000元以下 times the area', () => {
    const land: StatutoryPenaltyRange = {
      basis: { law: '中华人民共和国土地管理法实施条例', article: '第五十七条第一款' },
      kinds: ['fine', 'confiscate_property'],
      fines: [{ kind: 'per_unit', base: '非法占用土地面积', unit: '平方米', minFenPerUnit: yuan(100), maxFenPerUnit: yuan(1_000) }],
    }
    expect(lawfulRange(land, { ...org, baseUnits: 1_200 })).toMatchObject({ ok: true, fine: { how: 'per_unit', minFen: yuan(120_000), maxFen: yuan(1_200_000) } })
    expect(statutoryRangeViolations(land, org, { kinds: ['fine'], fineFen: yuan(200_000) })[0]).toContain('须填写非法占用土地面积（平方米）')
    // Without a fine the area does not matter; the kinds are still checked.
    expect(statutoryRangeViolations(land, org, { kinds: ['confiscate_property'], fineFen: 0 })).toEqual([])
  })

  it('checks its own data: fine bands match the kinds, mandatory kinds are allowed ones, multiples are sane', () => {
    expect(rangeProblem(road)).toBeNull()
    expect(rangeProblem({ ...road, fines: [] })).toBe('法定处罚种类含罚款，须填写罚款幅度')
    expect(rangeProblem({ ...road, mandatory: ['warning'] })).toBe('应当给予的处罚种类须在法定处罚种类内')
    expect(rangeProblem({ ...permit, fines: [{ kind: 'multiple', base: '工程合同价款', min: 0.02, max: 0.01 }] })).toContain('倍数无效')
    expect(rangeProblem({ ...road, fines: [{ kind: 'fixed', minFen: 10, maxFen: 5 }] })).toContain('罚款幅度无效')
    expect(rangeProblem({ ...sewage, fines: [sewage.fines[0]!, sewage.fines[0]!] })).toBe('同一类当事人只能有一个罚款幅度')
  })

  it('a provision that names no amount (可以并处罚款) still bounds the kinds', () => {
    const open: StatutoryPenaltyRange = { basis: { law: '城市市容和环境卫生管理条例', article: '第三十四条' }, kinds: ['warning', 'fine'], fines: [{ kind: 'fixed', minFen: 0, maxFen: null }] }
    expect(statutoryRangeViolations(open, org, { kinds: ['fine'], fineFen: yuan(1_000_000) })).toEqual([])
    expect(statutoryRangeViolations(open, org, { kinds: ['order_suspension'], fineFen: 0 })[0]).toContain('未规定“责令停产停业”')
  })
})
