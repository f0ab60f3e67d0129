import { type BenchmarkTier, type StatutoryRange, formatYuan, labels } from '@yangguang/core'

/** Why a benchmark cannot be saved: a stable `rule` for clients and tests, and the reason in Chinese. */
export type BenchmarkProblem = { rule: BenchmarkRule; message: string; path: string }

export type BenchmarkRule =
  | 'statutory_range_inverted'
  | 'statutory_multiple_without_base'
  | 'statutory_fine_without_kind'
  | 'tier_duplicated'
  | 'ordinary_tier_missing'
  | 'tier_range_inverted'
  | 'tier_above_statutory_max'
  | 'tier_below_statutory_min'
  | 'tier_range_not_in_statute'
  | 'tier_kind_not_in_statute'
  | 'exempt_tier_with_penalty'
  | 'fine_tier_without_amount'
  | 'amount_without_fine'

/**
 * The rules a 裁量基准 obeys before it can be saved (国办发〔2022〕27号: tiers refine the statutory
 * range and never leave it):
 * - min ≤ max, in the statute and in every tier;
 * - every tier's range lies inside the statutory one — 减轻处罚 (《行政处罚法》第三十二条) may go
 *   below the statutory minimum but never above the maximum; a tier may use a fixed range only
 *   when the statute has one, and multiples only when the statute has them;
 * - each tier once, and the 一般 tier is always there (it is what applies when nothing else does);
 * - a tier's kinds come from the statute (减轻 may also choose 警告 or 通报批评, lighter kinds of
 *   art. 9); 不予处罚 carries no penalty at all.
 * Money is integer fen; the schema checks that.
 *
 * @example
 * ```ts
 * checkBenchmark(statutory, tiers).map((p) => p.rule) // [] when it may be saved
 * ```
 */
export function checkBenchmark(statutory: StatutoryRange, tiers: readonly BenchmarkTier[]): BenchmarkProblem[] {
  const problems: BenchmarkProblem[] = []
  const add = (rule: BenchmarkRule, path: string, message: string) => problems.push({ rule, path, message })
  const sMin = statutory.fineMinFen ?? null
  const sMax = statutory.fineMaxFen ?? null
  const sMulMin = statutory.multipleMin ?? null
  const sMulMax = statutory.multipleMax ?? null
  const statuteHasFixed = sMin !== null || sMax !== null
  const statuteHasMultiple = sMulMin !== null || sMulMax !== null

  if (sMin !== null && sMax !== null && sMin > sMax) add('statutory_range_inverted', 'statutory', `法定最低罚款（${yuan(sMin)}）高于最高罚款（${yuan(sMax)}）`)
  if (sMulMin !== null && sMulMax !== null && sMulMin > sMulMax) add('statutory_range_inverted', 'statutory', '法定最低倍数高于最高倍数')
  if (statuteHasMultiple && !statutory.multipleOf?.trim()) add('statutory_multiple_without_base', 'statutory.multipleOf', '按倍数处罚的，请写明计罚基数（如违法所得、工程合同价款）')
  if ((statuteHasFixed || statuteHasMultiple) && !statutory.kinds.includes('fine')) add('statutory_fine_without_kind', 'statutory.kinds', '填写了罚款幅度，法定处罚种类中应有“罚款”')

  const seen = new Set<string>()
  tiers.forEach((t, index) => {
    const path = `tiers.${index}`
    const name = labels.discretionTier[t.tier]
    if (seen.has(t.tier)) add('tier_duplicated', path, `“${name}”阶次重复`)
    seen.add(t.tier)
    const min = t.fineMinFen ?? null
    const max = t.fineMaxFen ?? null
    const mulMin = t.multipleMin ?? null
    const mulMax = t.multipleMax ?? null
    const hasAmount = min !== null || max !== null || mulMin !== null || mulMax !== null

    if (t.tier === 'exempt') {
      if (t.kinds.length > 0 || hasAmount) add('exempt_tier_with_penalty', path, '“不予处罚”阶次不能设定处罚种类或罚款')
      return
    }
    const lighter = t.tier === 'mitigated' ? ['warning', 'circulate_criticism'] : []
    const outside = t.kinds.filter((k) => !statutory.kinds.includes(k) && !lighter.includes(k))
    if (outside.length > 0) add('tier_kind_not_in_statute', path, `“${name}”阶次的处罚种类${outside.map((k) => `“${labels.penaltyKind[k]}”`).join('、')}不在法定处罚种类内`)
    if (hasAmount && !t.kinds.includes('fine')) add('amount_without_fine', path, `“${name}”阶次填写了罚款幅度，处罚种类中应有“罚款”`)
    if (!hasAmount && t.kinds.includes('fine') && (statuteHasFixed || statuteHasMultiple)) {
      add('fine_tier_without_amount', path, `“${name}”阶次处以罚款，请填写本阶次的罚款幅度`)
    }

    if (min !== null && max !== null && min > max) add('tier_range_inverted', path, `“${name}”阶次的最低罚款（${yuan(min)}）高于最高罚款（${yuan(max)}）`)
    if (mulMin !== null && mulMax !== null && mulMin > mulMax) add('tier_range_inverted', path, `“${name}”阶次的最低倍数高于最高倍数`)
    if ((min !== null || max !== null) && !statuteHasFixed) add('tier_range_not_in_statute', path, `法律规定按倍数处罚，“${name}”阶次不能改为固定金额`)
    if ((mulMin !== null || mulMax !== null) && !statuteHasMultiple) add('tier_range_not_in_statute', path, `法律规定的是固定金额幅度，“${name}”阶次不能按倍数设定`)

    // Above the maximum: never, 减轻 included.
    if (sMax !== null && ((max !== null && max > sMax) || (min !== null && min > sMax))) {
      add('tier_above_statutory_max', path, `“${name}”阶次的罚款超过法定最高罚款${yuan(sMax)}`)
    }
    if (sMulMax !== null && ((mulMax !== null && mulMax > sMulMax) || (mulMin !== null && mulMin > sMulMax))) {
      add('tier_above_statutory_max', path, `“${name}”阶次的倍数超过法定最高倍数${sMulMax}`)
    }
    // Below the minimum: only 减轻 (art. 32), and then its upper bound stays at or under the minimum.
    if (t.tier === 'mitigated') {
      if (sMin !== null && sMin > 0 && max !== null && max > sMin) add('tier_above_statutory_max', path, `“减轻处罚”阶次的上限应不高于法定最低罚款${yuan(sMin)}`)
      if (sMulMin !== null && sMulMin > 0 && mulMax !== null && mulMax > sMulMin) add('tier_above_statutory_max', path, `“减轻处罚”阶次的上限应不高于法定最低倍数${sMulMin}`)
    } else {
      if (sMin !== null && min !== null && min < sMin) add('tier_below_statutory_min', path, `“${name}”阶次的最低罚款低于法定最低罚款${yuan(sMin)}（只有减轻处罚可以低于法定最低）`)
      if (sMulMin !== null && mulMin !== null && mulMin < sMulMin) add('tier_below_statutory_min', path, `“${name}”阶次的倍数低于法定最低倍数${sMulMin}（只有减轻处罚可以低于法定最低）`)
    }
  })
  if (!seen.has('ordinary')) add('ordinary_tier_missing', 'tiers', '裁量基准至少应有“一般处罚”阶次')
  return problems
}

function yuan(fen: number): string {
  return `${formatYuan(fen)}元`
}
