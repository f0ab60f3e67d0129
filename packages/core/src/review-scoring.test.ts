import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from './invalid-argument-error'
import {
  aggregateResults,
  gradeFor,
  nearestCounts,
  reviewSheetSchema,
  reviewStandardSchema,
  scoreSheet,
  type ReviewOutcome,
  type ReviewSheet,
  type ReviewSheetItem,
  type ReviewStandard,
} from './review-scoring'
import { licenseFileStandard, penaltyFileStandard } from './review-standard-data'

/** Every item of a standard scored with no defect. */
function cleanSheet(standard: ReviewStandard): ReviewSheet {
  return { items: standard.sections.flatMap((section) => section.items.map((item) => ({ itemCode: item.code, deductions: [] }))) }
}

/** A clean sheet with the given items replaced. */
function sheetWith(standard: ReviewStandard, ...scored: ReviewSheetItem[]): ReviewSheet {
  const replaced = new Map(scored.map((item) => [item.itemCode, item]))
  return { items: cleanSheet(standard).items.map((item) => replaced.get(item.itemCode) ?? item) }
}

/** A one-item standard with half-point deductions, to test boundaries exactly. */
const halfPointStandard: ReviewStandard = {
  code: 'TEST-HALF',
  version: 1,
  fileKind: 'penalty',
  title: '测试标准',
  source: '单元测试',
  gradeThresholds: { excellent: 90, pass: 60 },
  sections: [
    { code: 'V', title: '否决项', items: [{ code: 'V1', text: '主体合法', veto: true, maxPoints: 0, deductions: [{ code: 'V1-a', text: '主体不合法', points: 0 }] }] },
    { code: 'C', title: '内容', items: [{ code: 'C1', text: '全部内容', maxPoints: 100, deductions: [{ code: 'C1-a', text: '每处扣0.5分', points: 0.5, repeatable: true }] }] },
  ],
}

function halfSheet(count: number): ReviewSheet {
  return { items: [{ itemCode: 'V1', deductions: [] }, { itemCode: 'C1', deductions: [{ code: 'C1-a', count, reason: '文书瑕疵' }] }] }
}

describe('reviewStandardSchema', () => {
  it('accepts the default penalty and licensing standards', () => {
    expect(reviewStandardSchema.safeParse(penaltyFileStandard).success).toBe(true)
    expect(reviewStandardSchema.safeParse(licenseFileStandard).success).toBe(true)
    expect(reviewStandardSchema.safeParse(halfPointStandard).success).toBe(true)
  })

  it('refuses a standard whose items do not add up to 100 points', () => {
    const broken = structuredClone(penaltyFileStandard)
    const item = broken.sections[2]?.items[0]
    if (item) item.maxPoints = 5
    const result = reviewStandardSchema.safeParse(broken)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toContain('各评查项目分值合计应为 100 分，现为 101 分')
  })

  it('refuses a deduction larger than its item, a scoring veto item, duplicate codes and crossed thresholds', () => {
    const messages = (standard: ReviewStandard) => reviewStandardSchema.safeParse(standard).error?.issues.map((issue) => issue.message).join('\n') ?? ''

    const tooLarge = structuredClone(halfPointStandard)
    ;(tooLarge.sections[1]?.items[0]?.deductions[0] as { points: number }).points = 101
    expect(reviewStandardSchema.safeParse(tooLarge).success).toBe(false)

    const vetoWithPoints = structuredClone(halfPointStandard)
    ;(vetoWithPoints.sections[0]?.items[0]?.deductions[0] as { points: number }).points = 5
    expect(messages(vetoWithPoints)).toContain('否决项 V1 的否决情形 V1-a 不扣分')

    const duplicate = structuredClone(halfPointStandard)
    ;(duplicate.sections[1]?.items[0]?.deductions[0] as { code: string }).code = 'V1-a'
    expect(messages(duplicate)).toContain('编码 V1-a 重复')

    expect(messages({ ...halfPointStandard, gradeThresholds: { excellent: 60, pass: 90 } })).toContain('合格分数线不得高于优秀分数线')

    const thirdPoints = structuredClone(halfPointStandard)
    ;(thirdPoints.sections[1]?.items[0]?.deductions[0] as { points: number }).points = 0.3
    expect(messages(thirdPoints)).toContain('分值须为 0.5 的整数倍')
  })
})

describe('scoreSheet', () => {
  it('gives a clean, fully scored file 100 points and 优秀', () => {
    const result = scoreSheet(penaltyFileStandard, cleanSheet(penaltyFileStandard))
    expect(result).toMatchObject({ complete: true, missingItems: [], problems: [], score: 100, grade: 'excellent', vetoed: false, vetoItems: [] })
    expect(result.bySection.map((section) => [section.code, section.maxPoints, section.score])).toEqual([
      ['P-V', 0, 0],
      ['P-F', 20, 20],
      ['P-C', 80, 80],
    ])
  })

  it('subtracts the chosen deductions, counting repeatable ones per occurrence', () => {
    const result = scoreSheet(
      penaltyFileStandard,
      sheetWith(
        penaltyFileStandard,
        { itemCode: 'P-C09', deductions: [{ code: 'P-C09-a', count: 2, reason: '未载明履行方式和期限、救济途径和期限', evidencePages: [31] }] },
        { itemCode: 'P-F02', deductions: [{ code: 'P-F02-a', count: 3, reason: '询问笔录涂改未捺印', evidencePages: [8, 9, 12] }] },
        { itemCode: 'P-C06', deductions: [{ code: 'P-C06-a', reason: '罚款高于基准一般档且未说明理由' }] },
      ),
    )
    expect(result.score).toBe(100 - 4 - 3 - 4)
    expect(result.grade).toBe('pass')
    expect(result.deductions).toEqual([
      { itemCode: 'P-F02', deductionCode: 'P-F02-a', count: 3, points: 3, veto: false },
      { itemCode: 'P-C06', deductionCode: 'P-C06-a', count: 1, points: 4, veto: false },
      { itemCode: 'P-C09', deductionCode: 'P-C09-a', count: 2, points: 4, veto: false },
    ])
    const content = result.bySection.find((section) => section.code === 'P-C')
    expect(content).toMatchObject({ maxPoints: 80, deducted: 8, score: 72 })
  })

  it('never takes more from an item than its maximum', () => {
    const result = scoreSheet(
      penaltyFileStandard,
      sheetWith(penaltyFileStandard, { itemCode: 'P-F02', deductions: [{ code: 'P-F02-a', count: 9, reason: '多处文书填写不全' }] }),
    )
    const item = result.bySection.flatMap((section) => section.items).find((entry) => entry.code === 'P-F02')
    expect(item).toMatchObject({ maxPoints: 4, deducted: 4, score: 0, capped: true })
    expect(result.score).toBe(96)
  })

  it('fails a file on any veto ground, whatever its points, and scores it 0', () => {
    const result = scoreSheet(
      penaltyFileStandard,
      sheetWith(penaltyFileStandard, { itemCode: 'P-V02', deductions: [{ code: 'P-V02-a', reason: '现场检查笔录仅一名执法人员签名', evidencePages: [5] }] }),
    )
    expect(result).toMatchObject({ complete: true, vetoed: true, vetoItems: ['P-V02'], score: 0, pointsBeforeVeto: 100, grade: 'fail' })
    expect(result.deductions).toEqual([{ itemCode: 'P-V02', deductionCode: 'P-V02-a', count: 1, points: 0, veto: true }])
  })

  it('keeps a sheet incomplete until every item is scored, and lists what is missing in order', () => {
    const partial = { items: cleanSheet(penaltyFileStandard).items.filter((item) => !['P-V03', 'P-C10', 'P-F07'].includes(item.itemCode)) }
    const result = scoreSheet(penaltyFileStandard, partial)
    expect(result.complete).toBe(false)
    expect(result.missingItems).toEqual(['P-V03', 'P-F07', 'P-C10'])
    expect(result.grade).toBeNull()
    // The running score: 100 minus what was entered so far.
    expect(result.score).toBe(100)
    expect(scoreSheet(penaltyFileStandard, { items: [] }).missingItems).toHaveLength(penaltyFileStandard.sections.reduce((n, section) => n + section.items.length, 0))
  })

  it('reports reviewer mistakes as problems that block submission instead of throwing', () => {
    const result = scoreSheet(
      penaltyFileStandard,
      sheetWith(
        penaltyFileStandard,
        { itemCode: 'P-C09', deductions: [{ code: 'P-C10-a', reason: '选错了项目' }] },
        { itemCode: 'P-C01', deductions: [{ code: 'P-C01-b', count: 2, reason: '不可重复' }] },
        { itemCode: 'P-C05', deductions: [{ code: 'P-C05-a', reason: '条款未到项' }, { code: 'P-C05-a', reason: '再选一次' }] },
        { itemCode: 'P-C11', deductions: [{ code: 'P-C11-a', reason: '   ' }] },
      ),
    )
    const withExtras = { items: [...cleanSheet(penaltyFileStandard).items, { itemCode: 'P-X99', deductions: [] }, { itemCode: 'P-F01', deductions: [] }] }
    expect(result.problems.map((problem) => [problem.code, problem.itemCode, problem.deductionCode])).toEqual([
      ['not_repeatable', 'P-C01', 'P-C01-b'],
      ['duplicate_deduction', 'P-C05', 'P-C05-a'],
      ['unknown_deduction', 'P-C09', 'P-C10-a'],
      ['reason_missing', 'P-C11', 'P-C11-a'],
    ])
    expect(result.complete).toBe(false)
    expect(result.grade).toBeNull()
    // Invalid choices are left out of the score; a deduction without a reason still counts.
    expect(result.score).toBe(100 - 2 - 2)
    expect(scoreSheet(penaltyFileStandard, withExtras).problems.map((problem) => problem.code)).toEqual(['unknown_item', 'duplicate_item'])
    expect(result.problems[0]?.messageZh).toBe('扣分规则 P-C01-b 不能按次数重复扣分')
  })

  it('grades exactly at the thresholds with half points, and the thresholds are the standard’s', () => {
    expect([20, 21, 80, 81].map((count) => [scoreSheet(halfPointStandard, halfSheet(count)).score, scoreSheet(halfPointStandard, halfSheet(count)).grade])).toEqual([
      [90, 'excellent'],
      [89.5, 'pass'],
      [60, 'pass'],
      [59.5, 'fail'],
    ])
    const strict = { ...halfPointStandard, gradeThresholds: { excellent: 95, pass: 70 } }
    expect(scoreSheet(strict, halfSheet(20)).grade).toBe('pass')
    expect(scoreSheet(strict, halfSheet(61)).grade).toBe('fail')
    expect(gradeFor(100, true, halfPointStandard.gradeThresholds)).toBe('fail')
  })

  it('scores a licensing file against the licensing standard', () => {
    const result = scoreSheet(
      licenseFileStandard,
      sheetWith(licenseFileStandard, { itemCode: 'L-C05', deductions: [{ code: 'L-C05-a', reason: '受理后第26个工作日作出决定，无延期批准' }, { code: 'L-C05-d', reason: '决定后第14个工作日送达证件' }] }),
    )
    expect(result).toMatchObject({ complete: true, score: 90, grade: 'excellent' })
  })

  it('validates sheet input with the schema', () => {
    expect(reviewSheetSchema.safeParse({ items: [{ itemCode: 'P-C09', deductions: [{ code: 'P-C09-a', count: 0, reason: 'x' }] }] }).success).toBe(false)
    expect(reviewSheetSchema.safeParse({ items: [{ itemCode: 'P-C09', deductions: [{ code: 'P-C09-a', reason: 'x', evidencePages: [0] }] }] }).success).toBe(false)
    expect(reviewSheetSchema.safeParse(sheetWith(penaltyFileStandard)).success).toBe(true)
  })
})

describe('aggregateResults', () => {
  const outcome = (fileId: string, unitId: string, score: number, grade: ReviewOutcome['grade'], deductionCodes: string[] = [], kind: ReviewOutcome['kind'] = 'penalty'): ReviewOutcome => ({
    fileId,
    unitId,
    kind,
    score,
    grade,
    vetoed: deductionCodes.some((code) => code.startsWith('P-V')),
    deductions: deductionCodes.map((code) => ({ itemCode: code.slice(0, -2), deductionCode: code })),
  })
  const outcomes = [
    outcome('f1', 'LF-ZJJ', 96, 'excellent', ['P-F02-a']),
    outcome('f2', 'LF-ZJJ', 84, 'pass', ['P-C09-a', 'P-C09-a', 'P-F02-a']),
    outcome('f3', 'LF-ZJJ', 0, 'fail', ['P-V02-a', 'P-C09-a']),
    outcome('f4', 'JS-ZF', 71.5, 'pass', ['P-C09-a', 'P-C06-b']),
    outcome('f5', 'LF-ZWJ', 92, 'excellent', [], 'license'),
  ]

  it('counts grades and rates per batch, with 合格率 including 优秀', () => {
    const { overall } = aggregateResults(outcomes)
    expect(overall).toMatchObject({ count: 5, counts: { excellent: 2, pass: 2, fail: 1 }, passed: 4, passRate: 0.8, excellentRate: 0.4, failRate: 0.2, vetoed: 1 })
    expect(overall.averageScore).toBeCloseTo((96 + 84 + 0 + 71.5 + 92) / 5, 10)
  })

  it('ranks the most frequent deductions, once per file', () => {
    const { overall } = aggregateResults(outcomes, { top: 2 })
    expect(overall.topDeductions).toEqual([
      { itemCode: 'P-C09', deductionCode: 'P-C09-a', files: 3, share: 0.6 },
      { itemCode: 'P-F02', deductionCode: 'P-F02-a', files: 2, share: 0.4 },
    ])
  })

  it('splits by unit and by file kind', () => {
    const { byUnit, byKind } = aggregateResults(outcomes)
    expect(byUnit.map((unit) => [unit.unitId, unit.count, unit.passRate])).toEqual([
      ['JS-ZF', 1, 1],
      ['LF-ZJJ', 3, 2 / 3],
      ['LF-ZWJ', 1, 1],
    ])
    expect(byKind.map((group) => [group.kind, group.count])).toEqual([
      ['penalty', 4],
      ['license', 1],
    ])
  })

  it('answers null rates for no files rather than dividing by zero', () => {
    expect(aggregateResults([]).overall).toMatchObject({ count: 0, averageScore: null, passRate: null, excellentRate: null, failRate: null, topDeductions: [] })
  })

  it('derives the published rates from scored sheets, never from typed-in rates', () => {
    // 68 files graded as nearestCounts suggests for the article's 2025 figures: the rates follow from the scores.
    const { counts } = nearestCounts(68, { pass: 0.945, excellent: 0.204, fail: 0.055 })
    const sheets: ReviewSheet[] = [
      ...Array.from({ length: counts.excellent }, () => cleanSheet(penaltyFileStandard)),
      ...Array.from({ length: counts.pass }, () => sheetWith(penaltyFileStandard, { itemCode: 'P-C06', deductions: [{ code: 'P-C06-a', reason: '超出基准未说明理由' }] }, { itemCode: 'P-C09', deductions: [{ code: 'P-C09-a', count: 4, reason: '缺四项' }] })),
      ...Array.from({ length: counts.fail }, () => sheetWith(penaltyFileStandard, { itemCode: 'P-V05', deductions: [{ code: 'P-V05-a', reason: '未告知即决定' }] })),
    ]
    const scored = sheets.map((sheet, i): ReviewOutcome => {
      const result = scoreSheet(penaltyFileStandard, sheet)
      return { fileId: `f${i}`, unitId: 'LF-ZJJ', score: result.score, grade: result.grade ?? 'fail', vetoed: result.vetoed, deductions: result.deductions }
    })
    const { overall } = aggregateResults(scored)
    expect([overall.passRate, overall.excellentRate, overall.failRate]).toEqual([64 / 68, 14 / 68, 4 / 68])
    expect(overall.topDeductions[0]).toMatchObject({ deductionCode: 'P-C06-a', files: 50 })
  })
})

describe('nearestCounts', () => {
  it('finds the nearest split for the article’s 2025 figures over 68 files', () => {
    const result = nearestCounts(68, { pass: 0.945, excellent: 0.204, fail: 0.055 })
    expect(result.counts).toEqual({ excellent: 14, pass: 50, fail: 4 })
    expect(result.passed).toBe(64)
    expect(result.rates.pass).toBeCloseTo(0.9412, 4)
    expect(result.rates.excellent).toBeCloseTo(0.2059, 4)
    expect(result.rates.fail).toBeCloseTo(0.0588, 4)
    expect(result.maxDeviation).toBeCloseTo(0.0038, 4)
    expect(result.counts.excellent + result.counts.pass + result.counts.fail).toBe(68)
  })

  it('hits the targets exactly when n allows it', () => {
    const result = nearestCounts(1000, { pass: 0.945, excellent: 0.204, fail: 0.055 })
    expect(result.counts).toEqual({ excellent: 204, pass: 741, fail: 55 })
    expect(result.maxDeviation).toBeLessThan(1e-12)
  })

  it('is optimal: no split of n files has a smaller largest deviation (checked exhaustively)', () => {
    const targets = [
      { pass: 0.945, excellent: 0.204, fail: 0.055 },
      { pass: 0.8, excellent: 0.5, fail: 0.3 },
      { pass: 1, excellent: 0, fail: 0 },
    ]
    for (const target of targets) {
      for (let n = 1; n <= 70; n++) {
        const result = nearestCounts(n, target)
        let best = Infinity
        for (let fail = 0; fail <= n; fail++) {
          for (let excellent = 0; excellent <= n - fail; excellent++) {
            const max = Math.max(Math.abs((n - fail) / n - target.pass), Math.abs(excellent / n - target.excellent), Math.abs(fail / n - target.fail))
            best = Math.min(best, max)
          }
        }
        expect(result.maxDeviation).toBeLessThanOrEqual(best + 1e-12)
      }
    }
  })

  it('handles no files and refuses impossible input', () => {
    expect(nearestCounts(0, { pass: 0.9, excellent: 0.2, fail: 0.1 }).counts).toEqual({ excellent: 0, pass: 0, fail: 0 })
    expect(() => nearestCounts(-1, { pass: 0.9, excellent: 0.2, fail: 0.1 })).toThrow(InvalidArgumentError)
    expect(() => nearestCounts(2.5, { pass: 0.9, excellent: 0.2, fail: 0.1 })).toThrow(InvalidArgumentError)
    expect(() => nearestCounts(10, { pass: 94.5, excellent: 0.2, fail: 0.1 })).toThrow(expect.objectContaining({ code: 'invalid_rate' }))
  })
})
