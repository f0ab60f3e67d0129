import { describe, expect, it } from 'vitest'
import { caseDeadlineKinds, caseGuards } from './penalty-procedure'
import { reviewStandardSchema, scoreSheet, type ReviewStandard } from './review-scoring'
import { defaultReviewStandards, licenseFileStandard, penaltyFileStandard, reviewAutoChecks } from './review-standard-data'

const standards = [penaltyFileStandard, licenseFileStandard]

function items(standard: ReviewStandard) {
  return standard.sections.flatMap((section) => section.items)
}

describe('default review standards', () => {
  it('are valid standards: 100 points, deductions within items, unique codes', () => {
    for (const standard of standards) expect(reviewStandardSchema.parse(standard)).toEqual(standard)
  })

  it('are shaped 否决项 + 案卷形式 20 + 案卷内容 80, with 优秀 ≥ 90 and 合格 ≥ 60', () => {
    for (const standard of standards) {
      const [veto, form, content] = standard.sections
      expect(veto?.items.every((item) => item.veto === true && item.maxPoints === 0)).toBe(true)
      expect(form?.items.reduce((sum, item) => sum + item.maxPoints, 0)).toBe(20)
      expect(content?.items.reduce((sum, item) => sum + item.maxPoints, 0)).toBe(80)
      expect(standard.gradeThresholds).toEqual({ excellent: 90, pass: 60 })
    }
    expect(defaultReviewStandards.penalty.fileKind).toBe('penalty')
    expect(defaultReviewStandards.license.fileKind).toBe('license')
  })

  it('say which law each veto and content item checks', () => {
    for (const item of items(penaltyFileStandard).filter((entry) => entry.veto || entry.code.startsWith('P-C'))) {
      expect(item.basis?.some((basis) => basis.startsWith('行政处罚法第')), item.code).toBe(true)
    }
    for (const item of items(licenseFileStandard).filter((entry) => entry.veto || entry.code.startsWith('L-C'))) {
      expect(item.basis?.some((basis) => basis.startsWith('行政许可法第')), item.code).toBe(true)
    }
    // The articles the issue names are all checked somewhere in the penalty standard.
    const cited = items(penaltyFileStandard).flatMap((item) => item.basis ?? []).join(' ')
    for (const article of ['第三十八条', '第四十二条', '第四十四条', '第四十五条', '第五十五条', '第五十八条', '第五十九条', '第六十条', '第六十一条', '第六十三条', '第六十四条', '第六十五条']) {
      expect(cited, article).toContain(article)
    }
  })

  it('keep penalty and licensing codes apart, so statistics over both never mix two defects', () => {
    const penaltyCodes = new Set(items(penaltyFileStandard).flatMap((item) => [item.code, ...item.deductions.map((d) => d.code)]))
    const licenseCodes = items(licenseFileStandard).flatMap((item) => [item.code, ...item.deductions.map((d) => d.code)])
    expect(licenseCodes.filter((code) => penaltyCodes.has(code))).toEqual([])
  })
})

describe('reviewAutoChecks', () => {
  it('point at a real item and deduction of the standard for their file kind', () => {
    for (const check of reviewAutoChecks) {
      const standard = defaultReviewStandards[check.fileKind]
      expect(check.standardCode).toBe(standard.code)
      const item = items(standard).find((entry) => entry.code === check.itemCode)
      expect(item?.deductions.map((deduction) => deduction.code), check.code).toContain(check.deductionCode)
      if (check.guard) expect(caseGuards).toContain(check.guard)
      if (check.deadlineKind) expect(caseDeadlineKinds).toContain(check.deadlineKind)
    }
    expect(new Set(reviewAutoChecks.map((check) => check.code)).size).toBe(reviewAutoChecks.length)
  })

  it('cover the checks the issue asks for, and the veto ones fail the file when confirmed', () => {
    const byCode = new Map(reviewAutoChecks.map((check) => [check.code, check]))
    for (const code of ['art59_element_missing', 'decision_deadline_missed', 'fewer_than_two_officers', 'outside_benchmark', 'no_notice_before_decision']) {
      expect(byCode.has(code), code).toBe(true)
    }
    const fewer = byCode.get('fewer_than_two_officers')
    if (!fewer) return
    const sheet = {
      items: items(penaltyFileStandard).map((item) => ({
        itemCode: item.code,
        deductions: item.code === fewer.itemCode ? [{ code: fewer.deductionCode, reason: '自动预检：现场检查笔录仅一名执法人员（已核实）' }] : [],
      })),
    }
    expect(scoreSheet(penaltyFileStandard, sheet)).toMatchObject({ vetoed: true, grade: 'fail', score: 0 })
  })
})
