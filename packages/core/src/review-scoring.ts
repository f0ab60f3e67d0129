import { z } from 'zod'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'

/**
 * 案卷评查 scoring: review standards as versioned data, item-by-item score sheets, and results per file, unit and
 * batch. The shape follows common provincial practice (research §1.8, [R]): 否决项 (veto items — any hit fails the
 * file), then sections of items with maximum points and deduction rules; deductions stop at zero; grades
 * 优秀 / 合格 / 不合格 by thresholds set per standard. Standards are immutable once used: a change is a new version,
 * and every sheet records the code and version it was scored against.
 *
 * Points are multiples of 0.5 (some standards deduct half a point); all arithmetic runs on whole half-points so
 * no floating-point residue reaches a score.
 */

/** 案卷类别: 行政处罚案卷 / 行政许可案卷 — each has its own standard. */
export const reviewFileKinds = ['penalty', 'license'] as const
export type ReviewFileKind = (typeof reviewFileKinds)[number]

/** 评查等次: 优秀 / 合格 / 不合格. 合格率 counts 优秀 and 合格 together. */
export const reviewGrades = ['excellent', 'pass', 'fail'] as const
export type ReviewGrade = (typeof reviewGrades)[number]

const codeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: '编码只能包含字母、数字、点、下划线和连字符' })
const pointsSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => Number.isInteger(value * 2), { message: '分值须为 0.5 的整数倍' })

/** 扣分规则: one defect and the points it costs (0 on a veto item, where it names a veto ground). */
export const reviewDeductionSchema = z.object({
  code: codeSchema,
  text: z.string().min(1),
  points: pointsSchema,
  /** May be applied several times to one file ("每处扣1分"); the item still never goes below zero. */
  repeatable: z.boolean().optional(),
})

/** 评查项目: what is checked, the articles it checks, its maximum points and its deduction rules. */
export const reviewItemSchema = z.object({
  code: codeSchema,
  text: z.string().min(1),
  /** The provisions the item checks, e.g. ['行政处罚法第五十九条']. */
  basis: z.array(z.string().min(1)).optional(),
  maxPoints: pointsSchema,
  /** 否决项: carries 0 points; choosing any of its deductions (veto grounds) fails the file. */
  veto: z.boolean().optional(),
  deductions: z.array(reviewDeductionSchema).min(1),
})

export const reviewSectionSchema = z.object({
  code: codeSchema,
  title: z.string().min(1),
  items: z.array(reviewItemSchema).min(1),
})

/** 等次分数线: score ≥ excellent → 优秀; ≥ pass → 合格; below, or any veto → 不合格. */
export const reviewGradeThresholdsSchema = z
  .object({ excellent: z.number().min(0).max(100), pass: z.number().min(0).max(100) })
  .refine((value) => value.pass <= value.excellent, { message: '合格分数线不得高于优秀分数线' })

/**
 * A review standard (评查标准), versioned. Besides shapes the schema enforces: codes unique across the standard
 * (sections, items, deductions — so a deduction code alone names a defect in statistics); the maximum points of
 * the non-veto items sum to exactly 100; a deduction never exceeds its item's maximum; veto items carry 0 points
 * and 0-point deductions; grade thresholds in order.
 *
 * @example
 * ```ts
 * const result = reviewStandardSchema.safeParse(penaltyFileStandard)
 * result.success // true
 * ```
 */
export const reviewStandardSchema = z
  .object({
    code: codeSchema,
    version: z.number().int().min(1),
    fileKind: z.enum(reviewFileKinds),
    title: z.string().min(1),
    /** Where the standard comes from (document, 文号, or "platform default, after common provincial practice"). */
    source: z.string().min(1),
    sections: z.array(reviewSectionSchema).min(1),
    gradeThresholds: reviewGradeThresholdsSchema,
  })
  .superRefine((standard, context) => {
    const seen = new Set<string>()
    const unique = (code: string, path: (string | number)[]) => {
      if (seen.has(code)) context.addIssue({ code: 'custom', path, message: `编码 ${code} 重复` })
      seen.add(code)
    }
    let totalHalfPoints = 0
    standard.sections.forEach((section, s) => {
      unique(section.code, ['sections', s, 'code'])
      section.items.forEach((item, i) => {
        const itemPath = ['sections', s, 'items', i]
        unique(item.code, [...itemPath, 'code'])
        if (item.veto) {
          if (item.maxPoints !== 0) context.addIssue({ code: 'custom', path: [...itemPath, 'maxPoints'], message: `否决项 ${item.code} 不计分值，应为 0` })
        } else {
          if (item.maxPoints <= 0) context.addIssue({ code: 'custom', path: [...itemPath, 'maxPoints'], message: `评查项目 ${item.code} 的分值应大于 0` })
          totalHalfPoints += halfPoints(item.maxPoints)
        }
        item.deductions.forEach((deduction, d) => {
          const path = [...itemPath, 'deductions', d]
          unique(deduction.code, [...path, 'code'])
          if (item.veto && deduction.points !== 0) {
            context.addIssue({ code: 'custom', path: [...path, 'points'], message: `否决项 ${item.code} 的否决情形 ${deduction.code} 不扣分，应为 0` })
          }
          if (!item.veto && (deduction.points <= 0 || deduction.points > item.maxPoints)) {
            context.addIssue({ code: 'custom', path: [...path, 'points'], message: `扣分规则 ${deduction.code} 的扣分应大于 0 且不超过该项分值 ${item.maxPoints}` })
          }
        })
      })
    })
    if (totalHalfPoints !== 200) {
      context.addIssue({ code: 'custom', path: ['sections'], message: `各评查项目分值合计应为 100 分，现为 ${totalHalfPoints / 2} 分` })
    }
  })

export type ReviewDeduction = z.infer<typeof reviewDeductionSchema>
export type ReviewItem = z.infer<typeof reviewItemSchema>
export type ReviewSection = z.infer<typeof reviewSectionSchema>
export type ReviewGradeThresholds = z.infer<typeof reviewGradeThresholdsSchema>
export type ReviewStandard = z.infer<typeof reviewStandardSchema>

/** One deduction a reviewer chose, with the reason and the pages of the file that show it. */
export const reviewSheetDeductionSchema = z.object({
  code: codeSchema,
  /** How many times the defect occurs (only for repeatable deductions); default 1. */
  count: z.number().int().min(1).max(100).optional(),
  /** 扣分理由 — required before the sheet can be submitted. */
  reason: z.string().max(2000),
  /** 证据页码: pages of the case file where the defect is (empty when the defect is an absence). */
  evidencePages: z.array(z.number().int().min(1).max(100_000)).max(200).optional(),
})

/** One scored item. An empty `deductions` list means "checked, no defect": full points (or veto not hit). */
export const reviewSheetItemSchema = z.object({
  itemCode: codeSchema,
  deductions: z.array(reviewSheetDeductionSchema).max(50),
  note: z.string().max(2000).optional(),
})

/**
 * 评分表: the items scored so far. Items not listed are not yet scored; a sheet is complete when every item of
 * the standard is listed and no problem remains.
 *
 * @example
 * ```ts
 * reviewSheetSchema.parse({ items: [{ itemCode: 'P-C09', deductions: [{ code: 'P-C09-a', count: 2, reason: '未载明履行方式和期限、救济途径', evidencePages: [31] }] }] })
 * ```
 */
export const reviewSheetSchema = z.object({ items: z.array(reviewSheetItemSchema).max(500) })

export type ReviewSheetDeduction = z.infer<typeof reviewSheetDeductionSchema>
export type ReviewSheetItem = z.infer<typeof reviewSheetItemSchema>
export type ReviewSheet = z.infer<typeof reviewSheetSchema>

/** Something on a sheet that blocks submission (besides unscored items). */
export type ReviewSheetProblem = {
  code: 'unknown_item' | 'duplicate_item' | 'unknown_deduction' | 'duplicate_deduction' | 'not_repeatable' | 'reason_missing'
  itemCode: string
  deductionCode: string | null
  messageZh: string
}

/** One applied deduction, flattened for statistics and findings. */
export type AppliedDeduction = {
  itemCode: string
  deductionCode: string
  count: number
  /** Nominal points × count (before the item's cap); 0 for a veto ground. */
  points: number
  veto: boolean
}

export type ItemScore = {
  code: string
  maxPoints: number
  scored: boolean
  /** Points actually lost: the sum of the deductions, capped at the item's maximum. */
  deducted: number
  score: number
  /** True when the chosen deductions add up to more than the item's maximum. */
  capped: boolean
  veto: boolean
  vetoHit: boolean
}

export type SectionScore = { code: string; title: string; maxPoints: number; deducted: number; score: number; items: ItemScore[] }

export type SheetScore = {
  /** Every item scored and no problem on the sheet: it may be submitted. */
  complete: boolean
  /** Item codes not yet scored, in the standard's order. */
  missingItems: string[]
  problems: ReviewSheetProblem[]
  /**
   * 100 minus the deductions entered so far (unscored items count as not yet deducted), or 0 when a veto item is
   * hit (基本标准: any veto → 评查总分 0, after common provincial practice [R]).
   */
  score: number
  /** The score the deductions alone would give, shown next to a vetoed file's 0. */
  pointsBeforeVeto: number
  /** 等次; null until the sheet is complete. */
  grade: ReviewGrade | null
  vetoed: boolean
  /** Codes of the veto items hit. */
  vetoItems: string[]
  deductions: AppliedDeduction[]
  bySection: SectionScore[]
}

/**
 * Scores a sheet against a standard (which must have passed {@link reviewStandardSchema}). Never throws for
 * reviewer input: unknown codes, duplicates, a repeated non-repeatable deduction or a missing reason come back as
 * `problems` (and are left out of the score), unscored items as `missingItems`; `complete` is true only when
 * both are empty. An item never loses more than its maximum. Any chosen veto ground fails the file with score 0.
 *
 * @example
 * ```ts
 * const result = scoreSheet(penaltyFileStandard, sheet)
 * if (!result.complete) console.log(result.missingItems) // ['P-C10', 'P-C11', …]
 * else console.log(result.score, result.grade)            // 86, 'pass'
 * ```
 */
export function scoreSheet(standard: ReviewStandard, sheet: ReviewSheet): SheetScore {
  const problems: ReviewSheetProblem[] = []
  const items = new Map(standard.sections.flatMap((section) => section.items.map((item) => [item.code, item] as const)))
  const entries = new Map<string, ReviewSheetItem>()
  for (const entry of sheet.items) {
    if (!items.has(entry.itemCode)) {
      problems.push({ code: 'unknown_item', itemCode: entry.itemCode, deductionCode: null, messageZh: `评查标准中没有评查项目 ${entry.itemCode}` })
    } else if (entries.has(entry.itemCode)) {
      problems.push({ code: 'duplicate_item', itemCode: entry.itemCode, deductionCode: null, messageZh: `评查项目 ${entry.itemCode} 重复评分` })
    } else {
      entries.set(entry.itemCode, entry)
    }
  }

  const applied: AppliedDeduction[] = []
  const missingItems: string[] = []
  const vetoItems: string[] = []
  let totalHalf = 0
  const bySection = standard.sections.map((section): SectionScore => {
    const itemScores = section.items.map((item): ItemScore => {
      const entry = entries.get(item.code)
      if (!entry) missingItems.push(item.code)
      const rules = new Map(item.deductions.map((rule) => [rule.code, rule]))
      const used = new Set<string>()
      let lostHalf = 0
      let vetoHit = false
      for (const chosen of entry?.deductions ?? []) {
        const rule = rules.get(chosen.code)
        const problem = (code: ReviewSheetProblem['code'], messageZh: string) => problems.push({ code, itemCode: item.code, deductionCode: chosen.code, messageZh })
        if (!rule) {
          problem('unknown_deduction', `评查项目 ${item.code} 没有扣分规则 ${chosen.code}`)
          continue
        }
        if (used.has(chosen.code)) {
          problem('duplicate_deduction', `扣分规则 ${chosen.code} 重复选择，请改填次数`)
          continue
        }
        used.add(chosen.code)
        const count = chosen.count ?? 1
        if (count > 1 && !rule.repeatable) {
          problem('not_repeatable', `扣分规则 ${chosen.code} 不能按次数重复扣分`)
          continue
        }
        // A chosen deduction without a reason still counts (the reviewer saw the defect) but blocks submission.
        if (chosen.reason.trim() === '') problem('reason_missing', `扣分规则 ${chosen.code} 未填写扣分理由`)
        if (item.veto) vetoHit = true
        lostHalf += halfPoints(rule.points) * count
        applied.push({ itemCode: item.code, deductionCode: rule.code, count, points: (halfPoints(rule.points) * count) / 2, veto: Boolean(item.veto) })
      }
      const maxHalf = halfPoints(item.maxPoints)
      const deductedHalf = Math.min(lostHalf, maxHalf)
      if (vetoHit) vetoItems.push(item.code)
      totalHalf += maxHalf - deductedHalf
      return {
        code: item.code,
        maxPoints: item.maxPoints,
        scored: entry !== undefined,
        deducted: deductedHalf / 2,
        score: (maxHalf - deductedHalf) / 2,
        capped: lostHalf > maxHalf,
        veto: Boolean(item.veto),
        vetoHit,
      }
    })
    const maxPoints = itemScores.reduce((sum, item) => sum + halfPoints(item.maxPoints), 0) / 2
    const score = itemScores.reduce((sum, item) => sum + halfPoints(item.score), 0) / 2
    return { code: section.code, title: section.title, maxPoints, deducted: maxPoints - score, score, items: itemScores }
  })

  const vetoed = vetoItems.length > 0
  const pointsBeforeVeto = totalHalf / 2
  const score = vetoed ? 0 : pointsBeforeVeto
  const complete = missingItems.length === 0 && problems.length === 0
  return {
    complete,
    missingItems,
    problems,
    score,
    pointsBeforeVeto,
    grade: complete ? gradeFor(score, vetoed, standard.gradeThresholds) : null,
    vetoed,
    vetoItems,
    deductions: applied,
    bySection,
  }
}

/**
 * The grade of a score: any veto → 不合格; otherwise ≥ excellent → 优秀, ≥ pass → 合格, else 不合格.
 *
 * @example
 * ```ts
 * gradeFor(90, false, { excellent: 90, pass: 60 }) // 'excellent'
 * gradeFor(95, true, { excellent: 90, pass: 60 })  // 'fail'
 * ```
 */
export function gradeFor(score: number, vetoed: boolean, thresholds: ReviewGradeThresholds): ReviewGrade {
  if (vetoed) return 'fail'
  if (score >= thresholds.excellent) return 'excellent'
  if (score >= thresholds.pass) return 'pass'
  return 'fail'
}

/** A submitted file's result, as the statistics need it (the server maps its rows to this). */
export type ReviewOutcome = {
  fileId: string
  unitId: string
  kind?: ReviewFileKind
  score: number
  grade: ReviewGrade
  vetoed?: boolean
  deductions: ReadonlyArray<{ itemCode: string; deductionCode: string }>
}

/** How often a defect was found: in how many files, and in what share of them. */
export type FrequentDeduction = { itemCode: string; deductionCode: string; files: number; share: number }

export type ReviewAggregate = {
  count: number
  /** Mean score (unrounded); null when there are no files. */
  averageScore: number | null
  /** Files per grade; 合格 here is the grade, without 优秀. */
  counts: Record<ReviewGrade, number>
  /** 优秀 + 合格: the numerator of 合格率. */
  passed: number
  /** 合格率 = (优秀 + 合格) ÷ files; null when there are no files. */
  passRate: number | null
  excellentRate: number | null
  failRate: number | null
  vetoed: number
  /** Most frequent deductions first (ties by deduction code), each counted once per file. */
  topDeductions: FrequentDeduction[]
}

export type ReviewAggregates = {
  overall: ReviewAggregate
  /** Per unit, by unit id. */
  byUnit: Array<{ unitId: string } & ReviewAggregate>
  /** Per file kind, for outcomes that carry one. */
  byKind: Array<{ kind: ReviewFileKind } & ReviewAggregate>
}

/**
 * Statistics over submitted results — for one batch, pass that batch's outcomes; for a year, all of them.
 * Rates are exact fractions (0–1); round only for display. Rates follow the article's usage: 合格率 includes
 * 优秀, so 合格率 + 不合格率 = 1.
 *
 * @example
 * ```ts
 * const { overall, byUnit } = aggregateResults(outcomes, { top: 5 })
 * overall.passRate // 0.941… for 64 passed of 68
 * overall.topDeductions[0] // { itemCode: 'P-C09', deductionCode: 'P-C09-a', files: 12, share: 0.176… }
 * ```
 */
export function aggregateResults(outcomes: readonly ReviewOutcome[], options: { top?: number } = {}): ReviewAggregates {
  const top = options.top ?? 10
  const byUnit = groupBy(outcomes, (outcome) => outcome.unitId)
  const byKind = groupBy(
    outcomes.filter((outcome) => outcome.kind !== undefined),
    (outcome) => outcome.kind as ReviewFileKind,
  )
  return {
    overall: aggregate(outcomes, top),
    byUnit: [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([unitId, group]) => ({ unitId, ...aggregate(group, top) })),
    byKind: reviewFileKinds.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, ...aggregate(byKind.get(kind) ?? [], top) })),
  }
}

/** Target rates, 0–1. `pass` is 合格率 (优秀 included), as published. */
export type RateTargets = { pass: number; excellent: number; fail: number }

export type NearestCounts = {
  n: number
  /** Files per grade; `pass` is the 合格 grade without 优秀. */
  counts: Record<ReviewGrade, number>
  /** 优秀 + 合格. */
  passed: number
  /** The achieved rates (合格率 includes 优秀). */
  rates: RateTargets
  /** Achieved − target, per rate. */
  deviations: RateTargets
  /** The objective minimised: the largest absolute deviation. */
  maxDeviation: number
}

/**
 * The grade counts for n files whose rates come nearest to published target rates — e.g. the article's 2025
 * figures (94.5% 合格, 20.4% 优秀, 5.5% 不合格 over 68 files), which no 68 whole files give exactly.
 *
 * Objective: minimise the largest absolute difference between an achieved rate and its target, over the three
 * rates (合格率 = (优秀 + 合格)/n, 优秀率 = 优秀/n, 不合格率 = 不合格/n); ties go to the smaller sum of squared
 * differences, then to fewer failed files, then to fewer excellent files. Every split 优秀 + 合格 + 不合格 = n is
 * considered (the search is exhaustive over 不合格 and exact for 优秀, which enters one term only).
 *
 * @example
 * ```ts
 * nearestCounts(68, { pass: 0.945, excellent: 0.204, fail: 0.055 })
 * // counts { excellent: 14, pass: 50, fail: 4 }: rates 94.1% / 20.6% / 5.9%, max deviation 0.38 points
 * ```
 */
export function nearestCounts(n: number, targets: RateTargets): NearestCounts {
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('invalid_count', `n must be a whole number ≥ 0, got ${describeValue(n)}`)
  for (const key of ['pass', 'excellent', 'fail'] as const) {
    const value = targets[key]
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InvalidArgumentError('invalid_rate', `Target rate ${key} must lie in [0, 1], got ${describeValue(value)}`)
    }
  }
  if (n === 0) {
    return { n, counts: { excellent: 0, pass: 0, fail: 0 }, passed: 0, rates: { pass: 0, excellent: 0, fail: 0 }, deviations: { pass: -targets.pass, excellent: -targets.excellent, fail: -targets.fail }, maxDeviation: Math.max(targets.pass, targets.excellent, targets.fail) }
  }
  const epsilon = 1e-12
  let best: { fail: number; excellent: number; max: number; squares: number } | null = null
  for (let fail = 0; fail <= n; fail++) {
    // For a fixed number of failed files, 优秀 only enters its own term: the nearest whole count (clamped to the
    // files left) is optimal for both the max and the sum of squares; on an exact half, the smaller count.
    const ideal = n * targets.excellent
    const candidates = [Math.floor(ideal), Math.ceil(ideal)].map((value) => Math.min(Math.max(value, 0), n - fail))
    const excellent = Math.abs(candidates[0] as number - ideal) <= Math.abs(candidates[1] as number - ideal) + epsilon ? (candidates[0] as number) : (candidates[1] as number)
    const d = deviationsFor(n, fail, excellent, targets)
    const max = Math.max(Math.abs(d.pass), Math.abs(d.excellent), Math.abs(d.fail))
    const squares = d.pass ** 2 + d.excellent ** 2 + d.fail ** 2
    // Later candidates have more failed files, so only a strict improvement replaces the best.
    if (best === null || max < best.max - epsilon || (Math.abs(max - best.max) <= epsilon && squares < best.squares - epsilon)) {
      best = { fail, excellent, max, squares }
    }
  }
  const { fail, excellent } = best as { fail: number; excellent: number }
  const deviations = deviationsFor(n, fail, excellent, targets)
  const passed = n - fail
  return {
    n,
    counts: { excellent, pass: passed - excellent, fail },
    passed,
    rates: { pass: passed / n, excellent: excellent / n, fail: fail / n },
    deviations,
    maxDeviation: Math.max(Math.abs(deviations.pass), Math.abs(deviations.excellent), Math.abs(deviations.fail)),
  }
}

function deviationsFor(n: number, fail: number, excellent: number, targets: RateTargets): RateTargets {
  return { pass: (n - fail) / n - targets.pass, excellent: excellent / n - targets.excellent, fail: fail / n - targets.fail }
}

function aggregate(outcomes: readonly ReviewOutcome[], top: number): ReviewAggregate {
  const count = outcomes.length
  const counts: Record<ReviewGrade, number> = { excellent: 0, pass: 0, fail: 0 }
  let scoreHalf = 0
  let vetoed = 0
  const frequency = new Map<string, FrequentDeduction>()
  for (const outcome of outcomes) {
    counts[outcome.grade] += 1
    scoreHalf += Math.round(outcome.score * 2)
    if (outcome.vetoed) vetoed += 1
    const seenInFile = new Set<string>()
    for (const deduction of outcome.deductions) {
      if (seenInFile.has(deduction.deductionCode)) continue
      seenInFile.add(deduction.deductionCode)
      const entry = frequency.get(deduction.deductionCode) ?? { itemCode: deduction.itemCode, deductionCode: deduction.deductionCode, files: 0, share: 0 }
      entry.files += 1
      frequency.set(deduction.deductionCode, entry)
    }
  }
  const passed = counts.excellent + counts.pass
  const rate = (value: number) => (count === 0 ? null : value / count)
  return {
    count,
    averageScore: count === 0 ? null : scoreHalf / 2 / count,
    counts,
    passed,
    passRate: rate(passed),
    excellentRate: rate(counts.excellent),
    failRate: rate(counts.fail),
    vetoed,
    topDeductions: [...frequency.values()]
      .map((entry) => ({ ...entry, share: entry.files / count }))
      .sort((a, b) => b.files - a.files || (a.deductionCode < b.deductionCode ? -1 : a.deductionCode > b.deductionCode ? 1 : 0))
      .slice(0, top),
  }
}

function groupBy<T, K>(values: readonly T[], keyOf: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const value of values) {
    const key = keyOf(value)
    const group = groups.get(key)
    if (group) group.push(value)
    else groups.set(key, [value])
  }
  return groups
}

function halfPoints(points: number): number {
  return Math.round(points * 2)
}
