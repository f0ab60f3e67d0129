import type { Benchmark, BenchmarkTier, LegalProvision } from './discretion'
import { labels } from './labels'
import { assertFenAmount, formatYuan } from './money'
import type { DiscretionTier, PartyKind, PenaltyKind } from './penalty-procedure'

/**
 * 裁量计算器: turns a published 裁量基准 (国办发〔2022〕27号) and the facts chosen for a case into the
 * lawful range of the penalty, with the reasons in Chinese, so that a decision outside the range
 * is visible ("类案不同罚").
 *
 * Rules, each decided here and documented once:
 * - **Tier.** An explicit `tier` wins. Otherwise the chosen circumstances (`conditions`, texts taken
 *   from the benchmark's tiers) place the case: only 从重 circumstances → 从重; only mitigating ones
 *   (不予处罚/减轻/从轻) → the most lenient of them (a statutory ground of arts. 32–33 applies when met);
 *   both 从重 and mitigating → 一般, with a warning that the officer must weigh them and write the
 *   reason (the benchmark cannot net them off); none → 一般. A chosen tier that contradicts the
 *   circumstances is kept but warned about.
 * - **Range.** A multiple range (n × 违法所得/货值金额/合同价款) needs `baseFen`; when a benchmark has
 *   both a multiple and a fixed range (the usual "没有违法所得的，处…元" pattern), the multiple applies
 *   when `baseFen > 0` and the fixed one otherwise. Multiples become fen exactly (no float error):
 *   the minimum is rounded up and the maximum down, so every fen amount in the range is lawful.
 * - **Clipping.** A tier's range is always clipped into the statutory one. 减轻处罚 (art. 32) may go
 *   below the statutory minimum — that is what 减轻 means — but never above it; its lower bound is 0.
 * - **不予处罚** (`exempt`, art. 33): no penalty kinds, no fine.
 */

export type DiscretionInput = {
  tier?: DiscretionTier
  /** Circumstances chosen, exactly as written in the benchmark's tiers. */
  conditions?: readonly string[]
  /** The base a multiple applies to (违法所得, 货值金额, 工程合同价款…), fen. */
  baseFen?: number | null
  partyKind?: PartyKind
}

export type DiscretionResult = {
  tier: DiscretionTier
  kinds: PenaltyKind[]
  /** Lawful fine range for this case, fen; null when the tier has no fine (or no upper bound). */
  minFen: number | null
  maxFen: number | null
  statutoryMinFen: number | null
  statutoryMaxFen: number | null
  /** How the range was set: a fixed amount range, a multiple of `baseFen`, or none (no fine). */
  rangeKind: 'fixed' | 'multiple' | 'none'
  basis: LegalProvision[]
  explanation: string[]
  warnings: string[]
}

export type DiscretionErrorCode = 'base_required' | 'invalid_base' | 'tier_not_in_benchmark' | 'empty_range' | 'invalid_benchmark'

export type DiscretionOutcome = ({ ok: true } & DiscretionResult) | { ok: false; code: DiscretionErrorCode; message: string }

/**
 * Computes the lawful range for a case from a benchmark.
 *
 * @example
 * ```ts
 * // 《建筑工程施工许可管理办法》第十二条: 1%–2% of the contract price; price 3,000,000 yuan; 从轻.
 * const result = calculateDiscretion(permitBenchmark, { conditions: ['主动停止施工并及时补办施工许可证'], baseFen: 300_000_000 })
 * if (result.ok) [result.tier, result.minFen, result.maxFen] // ['lenient', 3_000_000, 3_900_000] (tier 1%–1.3%)
 * ```
 */
export function calculateDiscretion(benchmark: Benchmark, input: DiscretionInput = {}): DiscretionOutcome {
  if (!benchmark || !Array.isArray(benchmark.tiers) || !benchmark.statutory) {
    return { ok: false, code: 'invalid_benchmark', message: '裁量基准数据不完整' }
  }
  const baseFen = input.baseFen ?? null
  if (baseFen !== null && (!Number.isSafeInteger(baseFen) || baseFen < 0)) {
    return { ok: false, code: 'invalid_base', message: '计罚基数应为不小于零的整数（分）' }
  }
  const explanation: string[] = [`违法行为：${benchmark.violation}`]
  const warnings: string[] = []
  if (benchmark.penaltyBasis.length > 0) explanation.push(`处罚依据：${benchmark.penaltyBasis.map(cite).join('；')}`)

  const tier = chooseTier(benchmark, input, explanation, warnings)
  const tierName = labels.discretionTier[tier]
  const basis: LegalProvision[] = [...benchmark.penaltyBasis]
  if (tier === 'mitigated' || tier === 'lenient') basis.push({ law: '中华人民共和国行政处罚法', article: '第三十二条' })

  const statutory = rangeOf(benchmark.statutory, baseFen, benchmark.statutory.multipleOf)
  if (!statutory.ok) return statutory
  explanation.push(`法定幅度：${describeRange(statutory, benchmark.statutory.multipleOf, baseFen)}`)
  if (statutory.kind === 'multiple' && baseFen === 0) warnings.push('计罚基数为零，按倍数计算的罚款为零，请核实')

  if (tier === 'exempt') {
    basis.push({ law: '中华人民共和国行政处罚法', article: '第三十三条' })
    explanation.push('裁量阶次：不予处罚（《行政处罚法》第三十三条），不予罚款；应当对当事人进行教育')
    return {
      ok: true,
      tier,
      kinds: [],
      minFen: 0,
      maxFen: 0,
      statutoryMinFen: statutory.min,
      statutoryMaxFen: statutory.max,
      rangeKind: 'none',
      basis,
      explanation,
      warnings,
    }
  }

  const benchmarkTier = benchmark.tiers.find((t) => t.tier === tier)
  if (!benchmarkTier && tier !== 'ordinary') {
    return { ok: false, code: 'tier_not_in_benchmark', message: `本裁量基准没有“${tierName}”阶次` }
  }
  if (!benchmarkTier) warnings.push('本裁量基准没有“一般处罚”阶次，按法定幅度计算')
  const kinds = benchmarkTier?.kinds.length ? [...benchmarkTier.kinds] : [...benchmark.statutory.kinds]
  if (tier !== 'mitigated') {
    const outside = kinds.filter((kind) => !benchmark.statutory.kinds.includes(kind))
    if (outside.length > 0) warnings.push(`阶次中的处罚种类${outside.map((k) => `“${labels.penaltyKind[k]}”`).join('、')}不在法定处罚种类内`)
  }

  const own = benchmarkTier ? rangeOf(benchmarkTier, baseFen, benchmark.statutory.multipleOf) : statutory
  if (!own.ok) return own
  let minFen: number | null
  let maxFen: number | null
  let rangeKind = own.kind
  if (!kinds.includes('fine')) {
    minFen = null
    maxFen = null
    rangeKind = 'none'
  } else if (own.kind === 'none') {
    // The tier names a fine but no amounts: it spans the statutory range (or, for 减轻, below it).
    minFen = tier === 'mitigated' ? 0 : statutory.min
    maxFen = tier === 'mitigated' ? statutory.min : statutory.max
    rangeKind = statutory.kind
  } else if (tier === 'mitigated') {
    minFen = Math.max(0, own.min ?? 0)
    maxFen = own.max
    const ceiling = statutory.min !== null && statutory.min > 0 ? statutory.min : statutory.max
    if (ceiling !== null && (maxFen === null || maxFen > ceiling)) {
      warnings.push(`减轻处罚的上限超过${statutory.min ? '法定最低罚款' : '法定最高罚款'}，已按${formatYuan(ceiling)}元截取`)
      maxFen = ceiling
    }
    explanation.push('减轻处罚可以低于法定最低罚款（《行政处罚法》第三十二条）')
  } else {
    minFen = own.min
    maxFen = own.max
    if (statutory.min !== null && (minFen === null || minFen < statutory.min)) {
      if (minFen !== null) warnings.push(`阶次下限低于法定最低罚款，已按${formatYuan(statutory.min)}元截取`)
      minFen = statutory.min
    }
    if (statutory.max !== null && (maxFen === null || maxFen > statutory.max)) {
      if (maxFen !== null) warnings.push(`阶次上限高于法定最高罚款，已按${formatYuan(statutory.max)}元截取`)
      maxFen = statutory.max
    }
  }
  if (minFen !== null && maxFen !== null && minFen > maxFen) {
    return { ok: false, code: 'empty_range', message: `“${tierName}”阶次截取到法定幅度后没有可选的罚款数额，请检查裁量基准` }
  }

  const kindText = kinds.map((k) => labels.penaltyKind[k]).join('、')
  const fineText = minFen === null && maxFen === null ? '' : `，罚款${formatYuan(minFen ?? 0)}元${maxFen === null ? '以上' : `至${formatYuan(maxFen)}元`}`
  explanation.push(`裁量阶次：${tierName}；处罚种类：${kindText || '无'}${fineText}`)
  if (benchmarkTier?.note) explanation.push(`说明：${benchmarkTier.note}`)
  if (input.partyKind) explanation.push(`当事人类别：${input.partyKind === 'person' ? '公民' : '法人或者其他组织'}`)
  return {
    ok: true,
    tier,
    kinds,
    minFen,
    maxFen,
    statutoryMinFen: statutory.min,
    statutoryMaxFen: statutory.max,
    rangeKind,
    basis,
    explanation,
    warnings,
  }
}

/** Where a proposed fine lies relative to the computed range. */
export type AmountCheck = 'within' | 'below' | 'above'

/**
 * Whether a fine lies in the computed range. Outside it, the decision needs a written reason and is
 * flagged to supervisors (guard `within_benchmark_or_reasoned`). A fine where the tier has none
 * (警告 only, 不予处罚) is `above`.
 *
 * @example
 * ```ts
 * checkAmount({ kinds: ['fine'], minFen: 3_000_000, maxFen: 3_900_000 }, 4_500_000) // 'above'
 * ```
 */
export function checkAmount(result: Pick<DiscretionResult, 'minFen' | 'maxFen' | 'kinds'>, fineFen: number): AmountCheck {
  assertFenAmount(fineFen, 'fineFen')
  if (!result.kinds.includes('fine')) return fineFen > 0 ? 'above' : 'within'
  if (result.minFen !== null && fineFen < result.minFen) return 'below'
  if (result.maxFen !== null && fineFen > result.maxFen) return 'above'
  return 'within'
}

type RangeSource = Pick<BenchmarkTier, 'fineMinFen' | 'fineMaxFen' | 'multipleMin' | 'multipleMax'>

type Range = { ok: true; kind: 'fixed' | 'multiple' | 'none'; min: number | null; max: number | null; multipleMin?: number | null; multipleMax?: number | null }

function rangeOf(source: RangeSource, baseFen: number | null, multipleOf: string | null | undefined): Range | { ok: false; code: DiscretionErrorCode; message: string } {
  const hasMultiple = source.multipleMin != null || source.multipleMax != null
  const hasFixed = source.fineMinFen != null || source.fineMaxFen != null
  if (hasMultiple && (baseFen !== null && (baseFen > 0 || !hasFixed))) {
    const min = source.multipleMin != null ? multiply(source.multipleMin, baseFen, 'up') : 0
    const max = source.multipleMax != null ? multiply(source.multipleMax, baseFen, 'down') : null
    if (min === null || (source.multipleMax != null && max === null)) {
      return { ok: false, code: 'invalid_benchmark', message: '裁量基准中的倍数无效（应为不超过六位小数的非负数）' }
    }
    return { ok: true, kind: 'multiple', min, max, multipleMin: source.multipleMin, multipleMax: source.multipleMax }
  }
  if (hasFixed) {
    const min = source.fineMinFen ?? 0
    const max = source.fineMaxFen ?? null
    if (!Number.isSafeInteger(min) || min < 0 || (max !== null && (!Number.isSafeInteger(max) || max < min))) {
      return { ok: false, code: 'invalid_benchmark', message: '裁量基准中的罚款幅度无效' }
    }
    return { ok: true, kind: 'fixed', min, max }
  }
  if (hasMultiple) {
    return { ok: false, code: 'base_required', message: `按倍数计算罚款，须填写计罚基数（${multipleOf || '违法所得'}）` }
  }
  return { ok: true, kind: 'none', min: null, max: null }
}

// n × base in fen, exactly: n is turned into an integer number of millionths first.
function multiply(multiple: number, baseFen: number, round: 'up' | 'down'): number | null {
  const scaled = Math.round(multiple * 1_000_000)
  if (!Number.isFinite(multiple) || multiple < 0 || Math.abs(multiple * 1_000_000 - scaled) > 1e-6) return null
  const product = BigInt(scaled) * BigInt(baseFen)
  const whole = product / 1_000_000n
  const rest = product % 1_000_000n
  return Number(round === 'up' && rest > 0n ? whole + 1n : whole)
}

function chooseTier(benchmark: Benchmark, input: DiscretionInput, explanation: string[], warnings: string[]): DiscretionTier {
  const chosen = new Set<DiscretionTier>()
  for (const raw of input.conditions ?? []) {
    const condition = raw.trim()
    const tiers = benchmark.tiers.filter((t) => t.conditions.some((c) => c.trim() === condition)).map((t) => t.tier)
    if (tiers.length === 0) {
      warnings.push(`情形“${condition}”不在本裁量基准中，未计入`)
      continue
    }
    tiers.forEach((t) => chosen.add(t))
    explanation.push(`情形：${condition}（${tiers.map((t) => labels.discretionTier[t]).join('、')}）`)
  }
  const mitigating = (['exempt', 'mitigated', 'lenient'] as const).filter((t) => chosen.has(t))
  const aggravating = chosen.has('severe')
  let derived: DiscretionTier = 'ordinary'
  if (aggravating && mitigating.length > 0) {
    warnings.push('同时存在从重情节和从轻、减轻或者不予处罚情节，按一般处罚计算；请综合裁量并书面说明理由')
  } else if (aggravating) {
    derived = 'severe'
  } else if (mitigating.length > 0) {
    derived = mitigating[0]
  }
  if (input.tier) {
    if (chosen.size > 0 && !chosen.has(input.tier)) {
      warnings.push(`所选情形对应“${labels.discretionTier[derived]}”，与指定的“${labels.discretionTier[input.tier]}”不一致，请说明理由`)
    }
    return input.tier
  }
  return derived
}

function describeRange(range: Range, multipleOf: string | null | undefined, baseFen: number | null): string {
  if (range.kind === 'none') return '无罚款'
  const amounts = `${formatYuan(range.min ?? 0)}元${range.max === null ? '以上' : `至${formatYuan(range.max)}元`}`
  if (range.kind === 'fixed') return `罚款${amounts}`
  // Percentages when every multiple is below one (1%–2% of a contract price), 倍 otherwise.
  const percent = (range.multipleMax ?? range.multipleMin ?? 0) < 1
  const times = (n: number | null | undefined) => (n == null ? '' : percent ? `${trimNumber(n * 100)}%` : `${trimNumber(n)}倍`)
  const multiples = range.multipleMax == null ? `${times(range.multipleMin)}以上` : `${times(range.multipleMin)}至${times(range.multipleMax)}`
  return `${multipleOf || '计罚基数'}的${multiples}（计罚基数${formatYuan(baseFen ?? 0)}元，即${amounts}）`
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(6)))
}

function cite(provision: LegalProvision): string {
  const law = provision.law.startsWith('《') ? provision.law : `《${provision.law}》`
  return `${law}${provision.article}`
}
