import {
  addCalendarDays,
  calculateDiscretion,
  checkAmount,
  earliestCourtApplicationDate,
  earliestHearingDate,
  firstViolationCheck,
  formatYuan,
  hearingNoticeTimely,
  isHeavierPenalty,
  labels,
  legalReviewGrounds,
  limitationCheck,
  oneActOneFine,
  penaltyKindChange,
  reviewerQualificationCheck,
  shanghaiDateOf,
  simpleProcedureCheck,
  statutoryRangeViolations,
  type CaseAction,
  type CaseGuard,
  type IsoDate,
  type PenaltyKind,
} from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import type { Executor } from '../../platform/audit/audit'
import type { CaseProposalJson } from '../../platform/db/penalty-case-schema'
import { statutoryRangeOf, unitHoldsPowerItem } from '../catalogue/catalogue.repository'
import { validCertificatesOn } from '../registry/certificate-validity'
import { courtApplicationPeriodStart, executionOf, remediesOf } from './case-execution.service'
import type { CaseState } from './case-state'
import * as repo from './cases.repository'
import type { CaseActionInput } from './cases.schema'
import { preservationRefusal } from './evidence-preservation.service'

/**
 * The guards of the transition table, one named function each. A guard answers null when the act
 * may go ahead, or why not in Chinese. A refused act reports every failed guard at once.
 *
 * `preview` evaluation (the detail view's `actions`) has no body yet: guards that judge the body
 * (a reason, a hearing date, the decided amount) pass there and are checked when the act is sent.
 */

/** What the act brings: its body, its legal date, who does it. */
export type ActContext = {
  action: CaseAction | 'simple_decide'
  input: CaseActionInput
  onDate: IsoDate
  actor: Actor
  personId: string | null
  preview: boolean
  /** Simple procedure only: the outcome decided on the spot. */
  simple?: { kinds: PenaltyKind[]; fineFen: number; officerIds: string[] }
}

type Guard = (db: Executor, s: CaseState, a: ActContext) => Promise<string | null> | string | null

/** A refused guard as the API reports it. */
export type GuardRefusal = { guard: CaseGuard; message: string }

/**
 * Runs the guards and returns every refusal.
 *
 * @example
 * const refusals = await evaluateGuards(trx, state, act, transition.guards)
 * if (refusals.length) throw new AppError('RULE_VIOLATION', …, { refusals })
 */
export async function evaluateGuards(db: Executor, state: CaseState, act: ActContext, names: readonly CaseGuard[]): Promise<GuardRefusal[]> {
  const refusals: GuardRefusal[] = []
  for (const name of names) {
    const message = await guards[name](db, state, act)
    if (message) refusals.push({ guard: name, message: `${labels.caseGuard[name]}：${message}` })
  }
  return refusals
}

/** The proposal the act works with: the one in the body (finish_investigation, notify, submit_legal_review) or the stored one. */
export function effectiveProposal(s: CaseState, a: ActContext): CaseProposalJson | null {
  const p = a.input.proposal
  if (p && (a.action === 'finish_investigation' || a.action === 'notify' || a.action === 'submit_legal_review')) return toProposalJson(p)
  return s.row.proposal
}

export function toProposalJson(p: NonNullable<CaseActionInput['proposal']>): CaseProposalJson {
  return {
    outcome: p.outcome,
    kinds: p.kinds,
    fineFen: p.fineFen,
    confiscateFen: p.confiscateFen,
    benchmarkId: p.benchmarkId ?? null,
    tier: p.tier ?? null,
    conditions: p.conditions,
    baseFen: p.baseFen ?? null,
    baseUnits: p.baseUnits ?? null,
    baseEvidence: p.baseEvidence ?? null,
    mitigation: p.mitigation ? { effect: p.mitigation.effect, grounds: p.mitigation.grounds, evidence: p.mitigation.evidence ?? null } : null,
    reason: p.reason ?? null,
    ground: p.ground ?? null,
    acts: p.acts,
  }
}

/** The outcome an act proposes or decides, for the amount checks. */
function outcomeOf(s: CaseState, a: ActContext): CaseProposalJson | null {
  if (a.action === 'decide') {
    const d = a.input.decision
    return d ? toProposalJson(d) : null
  }
  return effectiveProposal(s, a)
}

export type BenchmarkCheck = { benchmarkId: string; code: string | null; within: boolean | null; rangeMinFen: number | null; rangeMaxFen: number | null; message: string }

/**
 * Where an amount stands against its 裁量基准: the lawful range for the tier and circumstances
 * chosen (core's calculator) and whether the fine lies in it.
 */
export async function benchmarkCheck(db: Executor, s: CaseState, o: Pick<CaseProposalJson, 'benchmarkId' | 'tier' | 'conditions' | 'baseFen' | 'kinds' | 'fineFen'> | null): Promise<BenchmarkCheck | null> {
  const benchmarkId = o?.benchmarkId ?? s.row.benchmark_id
  if (!o || !benchmarkId) return null
  const benchmark = await repo.findBenchmark(db, benchmarkId)
  if (!benchmark || benchmark.status === 'draft') return { benchmarkId, code: null, within: null, rangeMinFen: null, rangeMaxFen: null, message: '所选裁量基准不存在或尚未公布' }
  if (benchmark.powerItemId !== s.row.power_item_id) return { benchmarkId, code: benchmark.code, within: null, rangeMinFen: null, rangeMaxFen: null, message: '所选裁量基准不属于本案的权力事项' }
  const result = calculateDiscretion(benchmark, { tier: o.tier ?? undefined, conditions: o.conditions, baseFen: o.baseFen ?? null, partyKind: s.row.party_kind })
  if (!result.ok) return { benchmarkId, code: benchmark.code, within: null, rangeMinFen: null, rangeMaxFen: null, message: result.message }
  const fine = o.kinds.includes('fine') ? o.fineFen : 0
  const check = checkAmount(result, fine)
  const range = result.kinds.includes('fine') ? `${result.minFen === null ? '—' : formatYuan(result.minFen)}元至${result.maxFen === null ? '—' : formatYuan(result.maxFen)}元` : '不予罚款'
  const tier = labels.discretionTier[result.tier]
  return {
    benchmarkId,
    code: benchmark.code,
    within: check === 'within',
    rangeMinFen: result.minFen,
    rangeMaxFen: result.maxFen,
    message: check === 'within' ? `罚款在裁量基准 ${benchmark.code}（${tier}：${range}）范围内` : `罚款${formatYuan(fine)}元${check === 'above' ? '高于' : '低于'}裁量基准 ${benchmark.code}（${tier}：${range}）`,
  }
}

/**
 * 法制审核 grounds of the case now (art. 58, with the unit's amount threshold): the stored ones plus
 * those that follow from the proposal/decision and a held hearing. `major` (情节复杂或重大) counts as
 * 疑难复杂 (art. 58 ¶1(3)).
 */
export function legalReviewReasons(s: CaseState, fineFen: number): string[] {
  const computed = legalReviewGrounds({
    hearingHeld: Boolean(s.row.hearing?.heldOn),
    majorRights: s.row.hearing_eligible,
    complex: s.row.major,
    fineFen,
    thresholdFen: s.rules.legalReviewFineFen,
  }).map((g) => g.text)
  return [...new Set([...s.row.legal_review_reasons, ...computed])]
}

/**
 * The part a person (or account) played in the case, if any: 承办人 or another officer named on an act,
 * who recorded or collected evidence, or who presided over the hearing (第五十八条: 法制审核 is by
 * someone outside the case's team).
 */
export function caseTeamRoleOf(s: CaseState, personId: string, userId: string): string | null {
  if (s.officers.some((o) => o.person_id === personId)) return '承办人员'
  if (s.evidence.some((e) => e.officer_ids.includes(personId) || (userId !== '' && e.created_by === userId))) return '调查取证人员'
  if (s.events.some((e) => e.officer_ids.includes(personId))) return '调查人员'
  if (s.row.hearing?.presidingPersonId === personId) return '听证主持人'
  return null
}

function reviewNeeded(s: CaseState, a: ActContext): string[] {
  const o = outcomeOf(s, a)
  const fine = Math.max(o?.kinds.includes('fine') ? o.fineFen : 0, s.row.proposal?.fineFen ?? 0)
  return legalReviewReasons(s, fine)
}

const reasonOf = (a: ActContext) => (a.input.reason ?? '').trim()

const guards: Record<CaseGuard, Guard> = {
  async power_item_held(db, s, a) {
    if (await unitHoldsPowerItem(db, s.row.org_id, s.row.power_item_id, a.onDate)) return null
    return `本单位在 ${a.onDate} 不享有“${s.row.power_item_name}”（${s.row.power_item_code}）这一权力事项`
  },

  limitation_period(_db, s) {
    // 第三十六条: discovered (registered) within 2 (5) years of the act or of its end.
    const discoveredOn = shanghaiDateOf(s.row.registered_at)
    const check = limitationCheck({ actDate: s.row.act_date, actEndDate: s.row.act_end_date, harmToSafety: s.row.harm_to_safety, onDate: discoveredOn })
    if (!check.expired) return null
    return `违法行为${check.countsFrom === s.row.act_date ? '发生' : '终了'}于 ${check.countsFrom}，至发现之日 ${discoveredOn} 已超过${check.years}年（最后一日 ${check.lastDay}），不再给予行政处罚`
  },

  async two_certified_officers(db, s, a) {
    // 第四十二条: at least two officers, each with a certificate valid on the day of the act.
    const evidence = a.action === 'record_evidence' ? a.input.evidence : undefined
    if (a.action === 'record_evidence' && !evidence && a.preview) return null
    const ids = [...new Set(evidence?.officerIds ?? a.simple?.officerIds ?? s.officers.map((o) => o.person_id))]
    const date = evidence?.collectedOn ?? a.onDate
    const persons = await repo.findPersons(db, ids)
    const valid = await validCertificatesOn(db, ids, date)
    const problems: string[] = []
    let qualified = 0
    for (const id of ids) {
      const p = persons.find((x) => x.id === id)
      if (!p || p.org_id !== s.row.org_id || p.status !== 'active') problems.push(`${p?.name ?? '未知人员'}不是本单位在岗执法人员`)
      else if (!valid.has(id)) problems.push(`${p.name}在 ${date} 无有效执法证`)
      else qualified++
    }
    if (qualified >= 2) return null
    return `须有两名以上执法人员，各持 ${date} 有效的执法证（现有${qualified}名${problems.length ? `；${problems.join('；')}` : ''}）`
  },

  investigation_recorded(_db, s) {
    // 第五十五条: questioning and inspection are recorded in writing.
    const recorded = s.evidence.some((e) => e.kind === 'inspection_record' || e.kind === 'party_statement' || e.kind === 'witness')
    return recorded ? null : '尚无询问笔录或现场检查（勘验）笔录'
  },

  proposal_complete(_db, s, a) {
    const p = effectiveProposal(s, a)
    if (!p) return '尚未提出处罚建议（调查终结或事先告知时填写）'
    const problems: string[] = []
    if (a.action === 'notify' && p.outcome !== 'penalty') problems.push('拟不予处罚或移送司法机关的，无须事先告知，请直接作出决定')
    if (p.outcome === 'penalty') {
      if (p.kinds.length === 0) problems.push('未选择处罚种类')
      if (p.kinds.includes('fine') && p.fineFen <= 0) problems.push('选择了罚款但未填写罚款数额')
      if (!p.kinds.includes('fine') && p.fineFen > 0) problems.push('填写了罚款数额但未选择罚款')
      if ((p.kinds.includes('confiscate_gains') || p.kinds.includes('confiscate_property')) && p.confiscateFen <= 0) problems.push('选择了没收但未填写没收金额')
    }
    if (p.outcome === 'no_penalty' && !p.ground) problems.push('不予处罚须选择理由（第三十三条等）')
    return problems.length ? problems.join('；') : null
  },

  one_act_one_fine(_db, s, a) {
    const o = outcomeOf(s, a)
    if (!o || o.outcome !== 'penalty' || o.acts.length === 0) return null
    const check = oneActOneFine(o.acts.map((act) => ({ act: act.description, kinds: act.fineFen > 0 ? ['fine'] : [], fineFen: act.fineFen })))
    const problems = check.violations.map((v) => v.text)
    const total = o.acts.reduce((sum, act) => sum + act.fineFen, 0)
    if (o.kinds.includes('fine') && total !== o.fineFen) problems.push(`各违法行为的罚款合计${formatYuan(total)}元，与罚款总额${formatYuan(o.fineFen)}元不符`)
    return problems.length ? problems.join('；') : null
  },

  async within_statutory_range(db, s, a) {
    // 第四条、第二十九条至第三十二条: the kinds and the fine lie in the range of the provision the item cites.
    // No reason overrides it. 当场处罚 (simple_decide) is checked too, besides the limits of 第五十一条.
    const o = a.simple ? { outcome: 'penalty' as const, kinds: a.simple.kinds, fineFen: a.simple.fineFen, baseFen: null, baseUnits: null, baseEvidence: null, mitigation: null } : outcomeOf(s, a)
    if (!o || o.outcome !== 'penalty') return null
    const range = await statutoryRangeOf(db, s.row.power_item_id)
    if (!range) return `权力事项“${s.row.power_item_name}”尚未录入法定处罚幅度，不能据以给予行政处罚（请在权力清单中录入）`
    // The base and the mitigation are the proposal's unless the act restates them.
    const p = s.row.proposal
    const reasons = statutoryRangeViolations(
      range,
      {
        partyKind: s.row.party_kind,
        baseFen: o.baseFen ?? p?.baseFen ?? null,
        baseUnits: o.baseUnits ?? p?.baseUnits ?? null,
        baseEvidence: o.baseEvidence ?? p?.baseEvidence ?? null,
        mitigation: o.mitigation ?? p?.mitigation ?? null,
      },
      { kinds: o.kinds, fineFen: o.kinds.includes('fine') ? o.fineFen : 0 },
    )
    return reasons.length ? reasons.join('；') : null
  },

  async within_benchmark_or_reasoned(db, s, a) {
    const o = outcomeOf(s, a)
    if (!o || o.outcome !== 'penalty') return null
    const check = await benchmarkCheck(db, s, o)
    if (!check || check.within) return null
    if (check.within === null) return check.message
    return o.reason && o.reason.trim().length >= 2 ? null : `${check.message}，须书面说明理由`
  },

  notice_served(_db, s, a) {
    // 第六十二条: no penalty decision before the notice (告知) was served.
    // Only a penalty needs the notice; in a preview the proposal stands for the decision to come.
    const outcome = a.input.decision?.outcome ?? s.row.proposal?.outcome ?? null
    if (outcome !== 'penalty') return null
    if (s.row.notice_served_on && s.row.notice_served_on <= a.onDate) return null
    return '尚未向当事人送达行政处罚事先告知书，不得作出行政处罚决定'
  },

  async statement_window_closed(db, s, a) {
    // 第四十四、四十五、六十四条: wait until the statement (and hearing-request) periods end, unless waived.
    if (!s.row.notice_served_on || s.row.waived_at) return null
    const statement = await repo.latestDeadline(db, s.row.id, 'statement')
    const open: string[] = []
    if (statement && statement.due_on >= a.onDate) open.push(`陈述申辩期限至 ${statement.due_on}`)
    if (s.row.hearing_eligible && !s.row.hearing) {
      const hearing = await repo.latestDeadline(db, s.row.id, 'hearing_request')
      if (hearing && hearing.due_on >= a.onDate) open.push(`听证申请期限至 ${hearing.due_on}`)
    }
    return open.length ? `${open.join('，')}，期满或当事人明确放弃后方可进行` : null
  },

  async hearing_eligible(db, s, a) {
    // 第六十三条 (kinds and amounts) and 第六十四条第一项 (within 5 working days of the notice).
    if (!s.row.hearing_eligible) return '告知的处罚不属于第六十三条可以要求听证的情形'
    const requestedOn = a.input.hearing?.requestedOn ?? a.onDate
    const window = await repo.latestDeadline(db, s.row.id, 'hearing_request')
    if (window && requestedOn > window.due_on) return `听证申请期限已于 ${window.due_on} 届满（告知后五个工作日内提出），${requestedOn} 提出的申请不予受理`
    return null
  },

  hearing_concluded(_db, s) {
    const h = s.row.hearing
    if (!h || h.heldOn || h.absent) return null
    return '当事人已要求听证，听证尚未举行'
  },

  presiding_not_investigator(_db, s, a) {
    // 第六十四条第四项: 听证由非本案调查人员主持.
    const presiding = a.input.hearing?.presidingPersonId ?? s.row.hearing?.presidingPersonId ?? null
    if (!presiding) return a.preview || a.action === 'schedule_hearing' ? null : '尚未指定听证主持人'
    const investigators = new Set<string>([
      ...s.officers.map((o) => o.person_id),
      ...s.evidence.flatMap((e) => e.officer_ids),
      ...s.events.flatMap((e) => e.officer_ids),
    ])
    return investigators.has(presiding) ? '所指定的主持人是本案调查人员' : null
  },

  hearing_notice_period(_db, s, a) {
    // 第六十四条第二项: notify the party at least 7 (working, art. 85) days before the hearing.
    const h = a.input.hearing
    if (!h?.date) return null
    const servedOn = h.noticeServedOn ?? a.onDate
    const timely = hearingNoticeTimely(s.calendar, servedOn, h.date)
    const ok = timely.ok ? timely.timely : timely.provisionalTimely
    if (ok) return null
    const earliest = earliestHearingDate(s.calendar, servedOn)
    const first = earliest.ok ? earliest.date : earliest.provisionalDate
    return `听证通知 ${servedOn} 送达，${h.date} 举行听证不足七个工作日（最早 ${first}）`
  },

  legal_review_passed(_db, s, a) {
    // 第五十八条: where required, no decision before the review passed (after the hearing, if any).
    if (a.action === 'notify' && s.rules.legalReviewPoint !== 'before_notice') return null
    const reasons = reviewNeeded(s, a)
    if (reasons.length === 0) return null
    const review = s.row.legal_review
    if (!review?.passed) return `本案须经法制审核（${reasons.join('；')}），尚未审核通过`
    // 第四十五条: a new notice of another penalty kind is reviewed on the new proposal, after the earlier notice.
    if (a.action === 'notify' && s.row.notice_served_on && review.onDate < s.row.notice_served_on) return '重新告知前，须对变更后的处罚建议重新进行法制审核'
    const heldOn = s.row.hearing?.heldOn
    if (heldOn && review.onDate < heldOn) return '听证后须重新进行法制审核'
    return null
  },

  async legal_reviewer_role(db, s, a) {
    // 第五十八条: the unit's legal reviewer, not one of the case's own team, and (¶2) a first-time
    // reviewer holds a 法律职业资格 — see core's reviewerQualificationCheck for "first-time".
    if (a.actor.role !== 'legal_reviewer' || a.actor.orgId !== s.row.org_id) return '须由本单位法制审核人员审核'
    if (!a.personId) return '审核人员须在本单位人员名录中登记（含法律职业资格），方可审核（第五十八条第二款）'
    const problems: string[] = []
    const role = caseTeamRoleOf(s, a.personId, a.actor.userId)
    if (role) problems.push(`审核人员是本案的${role}，不得审核本案`)
    const check = reviewerQualificationCheck(await repo.reviewerQualification(db, a.personId, a.actor.userId), a.onDate)
    if (!check.ok) problems.push(check.message)
    return problems.length ? problems.join('；') : null
  },

  collective_discussion_held(_db, s) {
    // 第五十七条第二款: complex or major cases are decided by the heads collectively.
    if (!s.row.major || s.row.collective_discussion) return null
    return '本案情节复杂或属重大违法行为，须经行政机关负责人集体讨论'
  },

  not_heavier_than_notified(_db, s, a) {
    // 第四十五条第二款: no heavier penalty because the party stated or defended.
    const d = a.input.decision
    const notified = s.row.notified_proposal
    if (!d || !notified || d.outcome !== 'penalty') return null
    const check = isHeavierPenalty(
      { kinds: notified.outcome === 'penalty' ? notified.kinds : [], fineFen: notified.fineFen, confiscateFen: notified.confiscateFen },
      { kinds: d.kinds, fineFen: d.fineFen, confiscateFen: d.confiscateFen },
    )
    if (check.heavier) return `${check.parts.map((p) => p.text).join('；')}（如有新的事实，应重新告知）`
    // 第四十四、四十五条: the party was heard on the kinds notified; another kind, heavier or lighter, is notified anew.
    const change = penaltyKindChange(notified.outcome === 'penalty' ? notified.kinds : [], d.kinds)
    return change.changed ? `${change.text}，与告知的不同，须重新告知当事人（重新“事先告知”）后方可决定` : null
  },

  async first_violation_checked(db, s, a) {
    // 第三十三条第一款: a first violation with minor harm, promptly corrected, may go unpunished.
    const p = effectiveProposal(s, a)
    if (!p || p.outcome !== 'penalty') return null
    if (!(await repo.firstViolationListed(db, s.row.power_item_id, s.row.org_region_path))) return null
    const history = await repo.partyHistory(db, { creditCode: s.row.party_credit_code, idNumber: s.row.party_id_number }, s.row.id)
    const check = firstViolationCheck(
      history.map((h) => ({ caseId: h.id, caseNo: h.case_no, powerItemId: h.power_item_id, actDate: h.act_date, established: h.decision?.outcome === 'penalty' })),
      { powerItemId: s.row.power_item_id, onDate: s.row.act_date },
    )
    if (!check.first || (p.reason && p.reason.trim().length >= 2)) return null
    return '当事人系初次违法，且该事项列入首违不罚清单：请考虑不予处罚，或在处罚建议中说明不适用首违不罚的理由'
  },

  decision_delivered(_db, s) {
    return s.row.delivered_on ? null : '处罚决定书尚未送达'
  },

  payment_overdue(_db, s, a) {
    // 第七十二条 / 行政强制法第三十五条: 催告 only after the payment period has passed unpaid.
    const execution = executionOf(s, a.onDate)
    if (!execution) return '本案没有需要执行的处罚决定'
    const confiscationOverdue = execution.confiscationPaidFen < execution.confiscateFen && s.row.payment_due_on !== null && s.row.payment_due_on < a.onDate
    if (execution.overdueFineFen > 0 || confiscationOverdue) return null
    return execution.outstandingFen === 0 ? '罚款已缴清' : `缴款期限（${s.row.payment_due_on ?? '分期'}）尚未届满`
  },

  reminder_period_passed(_db, s, a) {
    // 行政强制法第五十四条: ten (working, art. 69) days after the 催告书 was delivered.
    const reminder = [...s.events].reverse().find((e) => e.action === 'remind')
    const servedOn = (reminder?.data as { servedOn?: string } | undefined)?.servedOn ?? reminder?.on_date
    if (!servedOn) return '尚未催告'
    const earliest = earliestCourtApplicationDate(s.calendar, servedOn)
    const first = earliest.ok ? earliest.date : earliest.provisionalDate
    const on = a.input.court?.appliedOn ?? a.onDate
    return on >= first ? null : `催告书于 ${servedOn} 送达，满十个工作日后（${first} 起）方可申请人民法院强制执行`
  },

  court_application_period_open(_db, s, a) {
    // 行政强制法第五十三条: only a party who let the 复议/诉讼 periods pass may be enforced through a
    // court; 行政处罚法第七十二条第二款: an approved deferral or instalments ending later move the start.
    // The last day of either period is still the party's (to sue, or to pay): the day after it is the first.
    const on = a.input.court?.appliedOn ?? a.onDate
    const problems: string[] = []
    const pending = s.remedies.filter((r) => r.started_on <= on && (r.ended_on === null || r.ended_on > on))
    for (const r of pending) problems.push(`当事人于 ${r.started_on} 提起的${r.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}尚未结束，应待其结果`)
    const starts = courtApplicationPeriodStart(s.calendar, s.row.delivered_on, s.instalments.map((i) => ({ dueOn: i.due_on })), remediesOf(s))
    if (!starts) return '处罚决定书尚未送达'
    const end = starts.ok ? starts.date : starts.provisionalDate
    const first = addCalendarDays(end, 1)
    if (on < first) problems.push(`复议、诉讼期限（或复议决定后的起诉期限、批准的延期、分期缴纳期限）至 ${end} 届满，${first} 起方可申请人民法院强制执行`)
    return problems.length ? problems.join('；') : null
  },

  execution_complete(_db, s, a) {
    const execution = executionOf(s, a.onDate)
    if (!execution || execution.complete) return null
    if (s.events.some((e) => e.action === 'apply_court')) return null
    const parts: string[] = []
    if (execution.finePaidFen < execution.fineFen) parts.push(`罚款${formatYuan(execution.fineFen - execution.finePaidFen)}元`)
    if (execution.lateFeePaidFen < execution.lateFeeFen) parts.push(`加处罚款${formatYuan(execution.lateFeeFen - execution.lateFeePaidFen)}元`)
    if (execution.confiscationPaidFen < execution.confiscateFen) parts.push(`没收款${formatYuan(execution.confiscateFen - execution.confiscationPaidFen)}元`)
    return `尚未执行完毕：未缴${parts.join('、')}`
  },

  reason_given(_db, _s, a) {
    if (a.preview) return null
    return reasonOf(a).length >= 2 ? null : '请填写理由'
  },

  simple_procedure_limits(_db, s, a) {
    // 第五十一条.
    if (!a.simple) return null
    const check = simpleProcedureCheck({ partyKind: s.row.party_kind, kinds: a.simple.kinds, fineFen: a.simple.fineFen })
    return check.ok ? null : check.reasons.join('；')
  },

  simple_filing_pending(_db, s) {
    // 第五十二条第三款: 当场作出的行政处罚决定，应当报所属行政机关备案 — once.
    if (s.row.procedure !== 'simple') return '只有当场作出的行政处罚决定需要备案'
    const filed = s.events.find((e) => e.action === 'record_simple_filing')
    if (!filed) return null
    const f = (filed.data as { simpleFiling?: { recordedWith?: string; recordedOn?: string } }).simpleFiling
    return `已于 ${f?.recordedOn ?? filed.on_date} 报${f?.recordedWith ?? '所属行政机关'}备案`
  },

  preservation_resolved(_db, s, a) {
    // 第五十六条: see evidence-preservation.service.ts.
    return preservationRefusal(s, a)
  },
}
