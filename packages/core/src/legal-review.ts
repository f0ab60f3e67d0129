import type { IsoDate } from './calendar-date'
import { labels } from './labels'
import type { PenaltyKind } from './penalty-procedure'

/**
 * 法制审核 (行政处罚法 第五十八条) as rules: who may review, what a review opinion must say, and two
 * rules around the decision that follow from it — a change of penalty kind after the notice needs a new
 * notice (第四十五条), and a decision changed or annulled after 复议/诉讼 leaves the 公示 (第四十八条第二款).
 */

/** 审核要点: 主体、权限、事实、证据、依据、程序、裁量 — the seven points every opinion answers. */
export const legalReviewAspects = ['subject', 'authority', 'facts', 'evidence', 'basis', 'procedure', 'discretion'] as const
export type LegalReviewAspect = (typeof legalReviewAspects)[number]

export const legalReviewAspectNames: Record<LegalReviewAspect, string> = {
  subject: '执法主体',
  authority: '执法权限',
  facts: '案件事实',
  evidence: '证据',
  basis: '法律依据',
  procedure: '执法程序',
  discretion: '裁量适当',
}

/** 合法 / 存在问题. */
export const legalReviewVerdicts = ['lawful', 'problem'] as const
export type LegalReviewVerdict = (typeof legalReviewVerdicts)[number]
export const legalReviewVerdictNames: Record<LegalReviewVerdict, string> = { lawful: '合法', problem: '存在问题' }

/** 审核结论: 同意 / 建议修改 / 不同意. Only 同意 passes the review. */
export const legalReviewConclusions = ['agree', 'amend', 'disagree'] as const
export type LegalReviewConclusion = (typeof legalReviewConclusions)[number]
export const legalReviewConclusionNames: Record<LegalReviewConclusion, string> = { agree: '同意', amend: '建议修改', disagree: '不同意' }

export type LegalReviewOpinion = {
  aspects: Record<LegalReviewAspect, { verdict: LegalReviewVerdict; note?: string | null }>
  conclusion: LegalReviewConclusion
}

/**
 * What is wrong with a structured opinion, in Chinese (empty when it may be recorded): every point
 * answered, a note for each 存在问题, no 同意 while a point has a problem, and no 建议修改/不同意
 * without naming the point at issue.
 *
 * @example
 * legalReviewOpinionProblems({ aspects: { ...allLawful, evidence: { verdict: 'problem', note: '' } }, conclusion: 'agree' })
 * // → ['“证据”存在问题，须写明问题', '审核要点“证据”存在问题，审核结论不能为“同意”']
 */
export function legalReviewOpinionProblems(opinion: { aspects: Partial<Record<LegalReviewAspect, { verdict: LegalReviewVerdict; note?: string | null }>>; conclusion: LegalReviewConclusion }): string[] {
  const problems: string[] = []
  const withProblem: LegalReviewAspect[] = []
  for (const aspect of legalReviewAspects) {
    const answer = opinion.aspects[aspect]
    if (!answer) {
      problems.push(`未对“${legalReviewAspectNames[aspect]}”作出审核意见`)
      continue
    }
    if (answer.verdict === 'problem') {
      withProblem.push(aspect)
      if ((answer.note ?? '').trim().length < 2) problems.push(`“${legalReviewAspectNames[aspect]}”存在问题，须写明问题`)
    }
  }
  const named = withProblem.map((a) => `“${legalReviewAspectNames[a]}”`).join('、')
  if (opinion.conclusion === 'agree' && withProblem.length > 0) problems.push(`审核要点${named}存在问题，审核结论不能为“同意”`)
  if (opinion.conclusion !== 'agree' && withProblem.length === 0) problems.push(`审核结论为“${legalReviewConclusionNames[opinion.conclusion]}”的，须指出存在问题的审核要点`)
  return problems
}

/** 《行政处罚法》(2021) took effect on this day; art. 58 ¶2 binds reviewers who start from then on. */
export const LEGAL_REVIEW_QUALIFICATION_FROM: IsoDate = '2021-07-15'

export type ReviewerQualification = {
  /** 法律职业资格证书 number and the day it was obtained, as recorded for the person. */
  certNo: string | null
  obtainedOn: IsoDate | null
  /** 从事法制审核工作起始日期, as recorded for the person. */
  reviewingSince: IsoDate | null
  /** The day of the person's first 法制审核 recorded on the platform, if any. */
  firstReviewOn: IsoDate | null
}

/**
 * 第五十八条第二款: "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格".
 * A reviewer is *not* 初次 when they already did 法制审核 before the law took effect (2021-07-15): by a
 * recorded 从事法制审核工作起始日期, or a review on the platform, before that day. Anyone who started on
 * or after it — including someone with earlier reviews on the platform after that day, which were then
 * already unlawful without the qualification — must hold a 法律职业资格 obtained by the day of the review.
 *
 * @example
 * reviewerQualificationCheck({ certNo: null, obtainedOn: null, reviewingSince: '2019-03-01', firstReviewOn: null }, '2026-11-20')
 * // → { ok: true, basis: '2019-03-01 起从事法制审核工作（第五十八条第二款施行前），非初次从事' }
 */
export function reviewerQualificationCheck(q: ReviewerQualification, onDate: IsoDate): { ok: true; basis: string } | { ok: false; message: string } {
  if (q.certNo && q.obtainedOn && q.obtainedOn <= onDate) return { ok: true, basis: `法律职业资格证书 ${q.certNo}（${q.obtainedOn} 取得）` }
  const startedOn = [q.reviewingSince, q.firstReviewOn].filter((d): d is IsoDate => d !== null).sort()[0] ?? null
  if (startedOn && startedOn < LEGAL_REVIEW_QUALIFICATION_FROM) return { ok: true, basis: `${startedOn} 起从事法制审核工作（第五十八条第二款施行前），非初次从事` }
  if (q.certNo && q.obtainedOn) return { ok: false, message: `法律职业资格于 ${q.obtainedOn} 取得，${onDate} 尚未取得` }
  return { ok: false, message: '审核人员未登记法律职业资格，且不是 2021年7月15日前已从事法制审核工作的人员：初次从事法制审核的人员应当取得法律职业资格（第五十八条第二款）' }
}

/**
 * 第四十五条 with 第四十四条: the party was heard on the penalty notified. A decision of another kind
 * — heavier or lighter (责令停产停业 → 罚款) — was not notified, so it needs a new notice before it may be
 * decided. Same kinds (amounts aside, which 第四十五条第二款 and `isHeavierPenalty` judge) is no change.
 *
 * @example
 * penaltyKindChange(['order_suspension'], ['fine'])
 * // → { changed: true, added: ['fine'], removed: ['order_suspension'], text: '处罚种类由“责令停产停业”改为“罚款”' }
 */
export function penaltyKindChange(notified: readonly PenaltyKind[], decided: readonly PenaltyKind[]): { changed: boolean; added: PenaltyKind[]; removed: PenaltyKind[]; text: string } {
  const added = decided.filter((k) => !notified.includes(k))
  const removed = notified.filter((k) => !decided.includes(k))
  const changed = added.length > 0 || removed.length > 0
  const names = (kinds: readonly PenaltyKind[]) => (kinds.length ? kinds.map((k) => `“${labels.penaltyKind[k]}”`).join('、') : '无')
  return { changed, added, removed, text: changed ? `处罚种类由${names(notified)}改为${names(decided)}` : '' }
}

/** 复议/诉讼的结果: 维持（驳回） / 变更 / 撤销 / 确认违法 / 确认无效. */
export const remedyOutcomes = ['upheld', 'changed', 'revoked', 'confirmed_illegal', 'confirmed_invalid'] as const
export type RemedyOutcome = (typeof remedyOutcomes)[number]
export const remedyOutcomeNames: Record<RemedyOutcome, string> = {
  upheld: '维持（驳回）',
  changed: '变更',
  revoked: '撤销',
  confirmed_illegal: '确认违法',
  confirmed_invalid: '确认无效',
}

/**
 * 第四十八条第二款: "公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回
 * 行政处罚决定信息并公开说明理由" — every outcome but 维持 withdraws the published decision; the three days
 * are working days (第八十五条).
 */
export function outcomeWithdrawsPublication(outcome: RemedyOutcome): boolean {
  return outcome !== 'upheld'
}
