import { describe, expect, it } from 'vitest'
import type { Benchmark, BenchmarkTier } from './discretion'
import { checkAmount, calculateDiscretion } from './discretion-calculator'
import { InvalidArgumentError } from './invalid-argument-error'

// A multiple range: 《建筑工程施工许可管理办法》第十二条 — 对建设单位处工程合同价款1%以上2%以下罚款.
// The tier split is an example of what a 住建局 benchmark looks like, not a published one.
function permitBenchmark(overrides: Partial<Benchmark> = {}): Benchmark {
  return {
    code: 'LF-ZJ-001-01',
    violation: '建设单位未取得施工许可证擅自施工',
    violationBasis: [{ law: '建筑工程施工许可管理办法', article: '第三条' }],
    penaltyBasis: [
      {
        law: '建筑工程施工许可管理办法',
        article: '第十二条',
        text: '对于未取得施工许可证或者为规避办理施工许可证将工程项目分解后擅自施工的，由有管辖权的发证机关责令停止施工，限期改正，对建设单位处工程合同价款1%以上2%以下罚款；对施工单位处3万元以下罚款。',
      },
    ],
    statutory: { kinds: ['fine'], multipleMin: 0.01, multipleMax: 0.02, multipleOf: '工程合同价款' },
    tiers: [
      { tier: 'exempt', conditions: ['首次违法，危害后果轻微并在责令期限内补办施工许可证'], kinds: [] },
      { tier: 'lenient', conditions: ['主动停止施工并及时补办施工许可证', '主动供述行政机关尚未掌握的违法行为'], kinds: ['fine'], multipleMin: 0.01, multipleMax: 0.013 },
      { tier: 'ordinary', conditions: ['责令停止施工后停止施工'], kinds: ['fine'], multipleMin: 0.013, multipleMax: 0.017 },
      {
        tier: 'severe',
        conditions: ['责令停止施工后拒不停止施工', '造成质量安全事故或者恶劣社会影响'],
        kinds: ['fine'],
        multipleMin: 0.017,
        multipleMax: 0.02,
        note: '拒不停止施工的，可以依法申请强制执行',
      },
    ],
    ...overrides,
  }
}

// A fixed range: 《大气污染防治法》第一百一十五条 — 施工单位未采取扬尘污染防治措施，处一万元以上十万元以下罚款.
function dustBenchmark(tiers?: BenchmarkTier[]): Benchmark {
  return {
    code: 'LF-ZJ-014-01',
    violation: '施工工地未采取扬尘污染防治措施',
    violationBasis: [{ law: '中华人民共和国大气污染防治法', article: '第六十九条' }],
    penaltyBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十五条' }],
    statutory: { kinds: ['fine'], fineMinFen: 1_000_000, fineMaxFen: 10_000_000 },
    tiers: tiers ?? [
      { tier: 'mitigated', conditions: ['受他人胁迫或者诱骗实施违法行为'], kinds: ['fine'], fineMinFen: 500_000, fineMaxFen: 1_500_000 },
      { tier: 'lenient', conditions: ['立即改正，未造成扬尘污染后果'], kinds: ['fine'], fineMinFen: 1_000_000, fineMaxFen: 3_000_000 },
      { tier: 'ordinary', conditions: ['限期内改正'], kinds: ['fine'], fineMinFen: 3_000_000, fineMaxFen: 7_000_000 },
      { tier: 'severe', conditions: ['拒不改正', '一年内再次违法'], kinds: ['fine'], fineMinFen: 7_000_000, fineMaxFen: 12_000_000 },
    ],
  }
}

const contractPrice = 300_000_000 // 3,000,000 yuan

function ok(result: ReturnType<typeof calculateDiscretion>) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
  return result
}

describe('multiple range (施工许可, 1%–2% of the contract price)', () => {
  it('places 主动停止并补办 in 从轻 and computes 1%–1.3% of the price', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['主动停止施工并及时补办施工许可证'], baseFen: contractPrice, partyKind: 'organization' }))
    expect(result).toMatchObject({
      tier: 'lenient',
      kinds: ['fine'],
      minFen: 3_000_000,
      maxFen: 3_900_000,
      statutoryMinFen: 3_000_000,
      statutoryMaxFen: 6_000_000,
      rangeKind: 'multiple',
      warnings: [],
    })
    expect(result.basis.map((b) => b.article)).toEqual(['第十二条', '第三十二条'])
    expect(result.explanation).toContain('法定幅度：工程合同价款的1%至2%（计罚基数3,000,000.00元，即30,000.00元至60,000.00元）')
    expect(result.explanation).toContain('裁量阶次：从轻处罚；处罚种类：罚款，罚款30,000.00元至39,000.00元')
    expect(result.explanation).toContain('当事人类别：法人或者其他组织')
  })

  it('needs the contract price', () => {
    const result = calculateDiscretion(permitBenchmark(), { conditions: ['责令停止施工后停止施工'] })
    expect(result).toEqual({ ok: false, code: 'base_required', message: '按倍数计算罚款，须填写计罚基数（工程合同价款）' })
  })

  it('rounds the minimum up and the maximum down to whole fen', () => {
    // 1% of 1,234,567.89 yuan = 12,345.6789 yuan → 1,234,568 fen; 2% = 24,691.3578 yuan → 2,469,135 fen.
    const result = ok(calculateDiscretion(permitBenchmark(), { tier: 'ordinary', baseFen: 123_456_789 }))
    expect([result.statutoryMinFen, result.statutoryMaxFen]).toEqual([1_234_568, 2_469_135])
    // 1.3% and 1.7% without float error: 1,604,938.257 → 1,604,939; 2,098,765.413 → 2,098,765.
    expect([result.minFen, result.maxFen]).toEqual([1_604_939, 2_098_765])
  })

  it('从重 for refusing to stop, with the tier note', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['责令停止施工后拒不停止施工'], baseFen: contractPrice }))
    expect([result.tier, result.minFen, result.maxFen]).toEqual(['severe', 5_100_000, 6_000_000])
    expect(result.explanation).toContain('说明：拒不停止施工的，可以依法申请强制执行')
  })

  it('从重 and 从轻 together give 一般 with a warning', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['主动停止施工并及时补办施工许可证', '造成质量安全事故或者恶劣社会影响'], baseFen: contractPrice }))
    expect([result.tier, result.minFen, result.maxFen]).toEqual(['ordinary', 3_900_000, 5_100_000])
    expect(result.warnings).toEqual(['同时存在从重情节和从轻、减轻或者不予处罚情节，按一般处罚计算；请综合裁量并书面说明理由'])
  })

  it('no circumstance chosen → 一般', () => {
    expect(ok(calculateDiscretion(permitBenchmark(), { baseFen: contractPrice })).tier).toBe('ordinary')
  })

  it('keeps an explicit tier but warns when the circumstances point elsewhere', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { tier: 'severe', conditions: ['主动停止施工并及时补办施工许可证'], baseFen: contractPrice }))
    expect(result.tier).toBe('severe')
    expect(result.warnings).toEqual(['所选情形对应“从轻处罚”，与指定的“从重处罚”不一致，请说明理由'])
  })

  it('warns about a circumstance that is not in the benchmark', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['当事人态度良好'], baseFen: contractPrice }))
    expect(result.tier).toBe('ordinary')
    expect(result.warnings).toEqual(['情形“当事人态度良好”不在本裁量基准中，未计入'])
  })

  it('不予处罚 (art. 33): no kinds, no fine', () => {
    const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['首次违法，危害后果轻微并在责令期限内补办施工许可证'], baseFen: contractPrice }))
    expect(result).toMatchObject({ tier: 'exempt', kinds: [], minFen: 0, maxFen: 0, rangeKind: 'none' })
    expect(result.basis.at(-1)).toEqual({ law: '中华人民共和国行政处罚法', article: '第三十三条' })
    expect(checkAmount(result, 0)).toBe('within')
    expect(checkAmount(result, 100)).toBe('above')
  })

  it('a tier missing from the benchmark is an error', () => {
    expect(calculateDiscretion(permitBenchmark(), { tier: 'mitigated', baseFen: contractPrice })).toEqual({
      ok: false,
      code: 'tier_not_in_benchmark',
      message: '本裁量基准没有“减轻处罚”阶次',
    })
  })
})

describe('fixed range (扬尘, 1万–10万 yuan)', () => {
  it('clips a tier that goes beyond the statutory maximum', () => {
    const result = ok(calculateDiscretion(dustBenchmark(), { conditions: ['拒不改正'] }))
    expect([result.tier, result.minFen, result.maxFen, result.rangeKind]).toEqual(['severe', 7_000_000, 10_000_000, 'fixed'])
    expect(result.warnings).toEqual(['阶次上限高于法定最高罚款，已按100,000.00元截取'])
  })

  it('减轻 goes below the statutory minimum but not above it', () => {
    const result = ok(calculateDiscretion(dustBenchmark(), { conditions: ['受他人胁迫或者诱骗实施违法行为'] }))
    expect([result.tier, result.minFen, result.maxFen]).toEqual(['mitigated', 500_000, 1_000_000])
    expect(result.warnings).toEqual(['减轻处罚的上限超过法定最低罚款，已按10,000.00元截取'])
    expect(result.explanation).toContain('减轻处罚可以低于法定最低罚款（《行政处罚法》第三十二条）')
  })

  it('clips a lenient tier that starts below the statutory minimum', () => {
    const tiers: BenchmarkTier[] = [{ tier: 'lenient', conditions: ['立即改正'], kinds: ['fine'], fineMinFen: 0, fineMaxFen: 2_000_000 }]
    const result = ok(calculateDiscretion(dustBenchmark(tiers), { conditions: ['立即改正'] }))
    expect([result.minFen, result.maxFen]).toEqual([1_000_000, 2_000_000])
    expect(result.warnings).toEqual(['阶次下限低于法定最低罚款，已按10,000.00元截取'])
  })

  it('a tier entirely outside the statutory range is an error', () => {
    const tiers: BenchmarkTier[] = [{ tier: 'severe', conditions: ['拒不改正'], kinds: ['fine'], fineMinFen: 12_000_000, fineMaxFen: 15_000_000 }]
    expect(calculateDiscretion(dustBenchmark(tiers), { conditions: ['拒不改正'] })).toMatchObject({ ok: false, code: 'empty_range' })
  })

  it('一般 without an ordinary tier spans the statutory range, with a warning', () => {
    const result = ok(calculateDiscretion(dustBenchmark([]), {}))
    expect([result.tier, result.minFen, result.maxFen]).toEqual(['ordinary', 1_000_000, 10_000_000])
    expect(result.warnings).toEqual(['本裁量基准没有“一般处罚”阶次，按法定幅度计算'])
  })
})

describe('multiple of illegal gains with a fixed range when there are none', () => {
  // e.g. "没收违法所得，并处违法所得一倍以上五倍以下的罚款；没有违法所得的，处五千元以上五万元以下的罚款".
  const benchmark: Benchmark = {
    code: 'T-1',
    violation: '示例违法行为',
    violationBasis: [],
    penaltyBasis: [{ law: '示例法', article: '第一条' }],
    statutory: { kinds: ['confiscate_gains', 'fine'], multipleMin: 1, multipleMax: 5, multipleOf: '违法所得', fineMinFen: 500_000, fineMaxFen: 5_000_000 },
    tiers: [],
  }

  it('uses the multiple when there are gains', () => {
    const result = ok(calculateDiscretion(benchmark, { baseFen: 2_000_000 }))
    expect([result.minFen, result.maxFen, result.rangeKind]).toEqual([2_000_000, 10_000_000, 'multiple'])
    expect(result.explanation).toContain('法定幅度：违法所得的1倍至5倍（计罚基数20,000.00元，即20,000.00元至100,000.00元）')
  })

  it('uses the fixed range when there are none', () => {
    const result = ok(calculateDiscretion(benchmark, { baseFen: 0 }))
    expect([result.minFen, result.maxFen, result.rangeKind]).toEqual([500_000, 5_000_000, 'fixed'])
  })

  it('refuses a negative or fractional base', () => {
    expect(calculateDiscretion(benchmark, { baseFen: -1 })).toMatchObject({ ok: false, code: 'invalid_base' })
    expect(calculateDiscretion(benchmark, { baseFen: 1.5 })).toMatchObject({ ok: false, code: 'invalid_base' })
  })
})

describe('checkAmount', () => {
  const result = ok(calculateDiscretion(permitBenchmark(), { conditions: ['主动停止施工并及时补办施工许可证'], baseFen: contractPrice }))

  it('within, below, above — bounds included', () => {
    expect(checkAmount(result, 3_000_000)).toBe('within')
    expect(checkAmount(result, 3_900_000)).toBe('within')
    expect(checkAmount(result, 2_999_999)).toBe('below')
    expect(checkAmount(result, 3_900_001)).toBe('above')
  })

  it('a fine where the tier has none is above', () => {
    const warningOnly = ok(calculateDiscretion(dustBenchmark([{ tier: 'lenient', conditions: ['立即改正'], kinds: ['warning'] }]), { conditions: ['立即改正'] }))
    expect(warningOnly).toMatchObject({ kinds: ['warning'], minFen: null, maxFen: null, rangeKind: 'none' })
    expect(warningOnly.warnings).toEqual(['阶次中的处罚种类“警告”不在法定处罚种类内'])
    expect(checkAmount(warningOnly, 1)).toBe('above')
    expect(checkAmount(warningOnly, 0)).toBe('within')
  })

  it('refuses a fractional amount', () => {
    expect(() => checkAmount(result, 10.5)).toThrow(InvalidArgumentError)
  })
})
