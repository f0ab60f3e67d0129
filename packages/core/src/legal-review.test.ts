import { describe, expect, it } from 'vitest'
import {
  legalReviewAspects,
  legalReviewOpinionProblems,
  outcomeWithdrawsPublication,
  penaltyKindChange,
  reviewerQualificationCheck,
  type LegalReviewOpinion,
} from './legal-review'

const allLawful = Object.fromEntries(legalReviewAspects.map((a) => [a, { verdict: 'lawful' as const }])) as LegalReviewOpinion['aspects']

describe('法制审核意见 (art. 58)', () => {
  it('art. 58: an opinion answering every point 合法 may conclude 同意', () => {
    expect(legalReviewOpinionProblems({ aspects: allLawful, conclusion: 'agree' })).toEqual([])
  })

  it('art. 58: 同意 is refused while a point has a problem, and the problem needs a note', () => {
    const problems = legalReviewOpinionProblems({ aspects: { ...allLawful, evidence: { verdict: 'problem', note: '' } }, conclusion: 'agree' })
    expect(problems).toEqual(['“证据”存在问题，须写明问题', '审核要点“证据”存在问题，审核结论不能为“同意”'])
  })

  it('art. 58: every one of the seven points is answered', () => {
    const { discretion: _dropped, ...six } = allLawful
    expect(legalReviewOpinionProblems({ aspects: six, conclusion: 'agree' })).toEqual(['未对“裁量适当”作出审核意见'])
  })

  it('art. 58: 建议修改 names the point at issue', () => {
    expect(legalReviewOpinionProblems({ aspects: allLawful, conclusion: 'amend' })).toEqual(['审核结论为“建议修改”的，须指出存在问题的审核要点'])
    expect(legalReviewOpinionProblems({ aspects: { ...allLawful, discretion: { verdict: 'problem', note: '罚款高于基准上限，未说明理由' } }, conclusion: 'amend' })).toEqual([])
  })
})

describe('审核人员的法律职业资格 (art. 58 ¶2)', () => {
  const none = { certNo: null, obtainedOn: null, reviewingSince: null, firstReviewOn: null }

  it('art. 58 ¶2: a first-time reviewer without 法律职业资格 is refused', () => {
    const check = reviewerQualificationCheck(none, '2026-11-20')
    expect(check.ok).toBe(false)
  })

  it('art. 58 ¶2: a 法律职业资格 obtained by the day of the review qualifies; one obtained later does not', () => {
    const q = { ...none, certNo: 'A20195301001234', obtainedOn: '2019-12-01' }
    expect(reviewerQualificationCheck(q, '2026-11-20')).toEqual({ ok: true, basis: '法律职业资格证书 A20195301001234（2019-12-01 取得）' })
    expect(reviewerQualificationCheck({ ...q, obtainedOn: '2026-12-01' }, '2026-11-20')).toEqual({ ok: false, message: '法律职业资格于 2026-12-01 取得，2026-11-20 尚未取得' })
  })

  it('art. 58 ¶2: a reviewer who did 法制审核 before 2021-07-15 is not 初次 and needs no qualification', () => {
    expect(reviewerQualificationCheck({ ...none, reviewingSince: '2019-03-01' }, '2026-11-20').ok).toBe(true)
    expect(reviewerQualificationCheck({ ...none, firstReviewOn: '2021-07-14' }, '2026-11-20').ok).toBe(true)
  })

  it('art. 58 ¶2: reviews done from 2021-07-15 on do not make an unqualified reviewer "not first-time"', () => {
    expect(reviewerQualificationCheck({ ...none, reviewingSince: '2021-07-15', firstReviewOn: '2022-01-10' }, '2026-11-20').ok).toBe(false)
  })
})

describe('处罚种类的变更 (art. 45)', () => {
  it('art. 45: a lighter kind than notified (责令停产停业 → 罚款) is a change that needs a new notice', () => {
    expect(penaltyKindChange(['order_suspension'], ['fine'])).toEqual({ changed: true, added: ['fine'], removed: ['order_suspension'], text: '处罚种类由“责令停产停业”改为“罚款”' })
  })

  it('art. 45: the same kinds in another order are no change', () => {
    expect(penaltyKindChange(['warning', 'fine'], ['fine', 'warning']).changed).toBe(false)
  })
})

describe('公示的撤回 (art. 48 ¶2)', () => {
  it('art. 48 ¶2: 变更、撤销、确认违法、确认无效 withdraw the published decision; 维持 does not', () => {
    expect(outcomeWithdrawsPublication('changed')).toBe(true)
    expect(outcomeWithdrawsPublication('revoked')).toBe(true)
    expect(outcomeWithdrawsPublication('confirmed_illegal')).toBe(true)
    expect(outcomeWithdrawsPublication('confirmed_invalid')).toBe(true)
    expect(outcomeWithdrawsPublication('upheld')).toBe(false)
  })
})
