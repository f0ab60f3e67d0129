import { type IsoDate, addCalendarMonths, assertIsoDate, compareIsoDates } from './calendar-date'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'
import { labels } from './labels'
import { assertFenAmount } from './money'
import { formatYuan as yuan } from './money'
import { type PartyKind, type PenaltyKind, penaltyKinds } from './penalty-procedure'

/**
 * The substantive rules of 《中华人民共和国行政处罚法》(2021) that the case guards check, one function per
 * article, each pure. Money is integer fen. "以上/以下/以内" include the number itself (民法典
 * 第一千二百五十九条), so "二百元以下" allows exactly 200 yuan.
 */

/** A check that either passes or lists why not, in Chinese. */
export type RuleCheck = { ok: boolean; reasons: string[]; basis: string }

/** 简易程序 limits of art. 51, in fen: 200 yuan for a 公民, 3,000 yuan for a 法人或者其他组织. */
export const simpleProcedureFineLimitFen: Readonly<Record<PartyKind, number>> = Object.freeze({ person: 20_000, organization: 300_000 })

/**
 * 第五十一条: an on-the-spot decision (简易程序) only for 警告 and/or a fine up to 200 yuan (person) or
 * 3,000 yuan (organization). 通报批评 and every other kind need the general procedure. (Facts 确凿 and a
 * legal basis are for the officer to confirm; they are not computable.)
 *
 * @example
 * ```ts
 * simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 20_000 }) // { ok: true, reasons: [], … }
 * simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 20_001 }).reasons
 * // ['对公民罚款超过二百元（拟罚款200.01元），应适用普通程序']
 * ```
 */
export function simpleProcedureCheck(input: { partyKind: PartyKind; kinds: readonly PenaltyKind[]; fineFen?: number | null }): RuleCheck {
  const partyKind = assertPartyKind(input?.partyKind)
  const kinds = assertKinds(input.kinds)
  const fineFen = input.fineFen ?? 0
  assertFenAmount(fineFen, 'fineFen')
  const reasons: string[] = []
  const basis = '《行政处罚法》第五十一条'
  if (kinds.length === 0) reasons.push('未选择处罚种类')
  for (const kind of kinds) {
    if (kind !== 'warning' && kind !== 'fine') reasons.push(`“${penaltyKindNames[kind]}”不适用简易程序，应适用普通程序`)
  }
  if (kinds.includes('fine')) {
    const limit = simpleProcedureFineLimitFen[partyKind]
    if (fineFen <= 0) reasons.push('选择了罚款但罚款数额为零')
    if (fineFen > limit) {
      const who = partyKind === 'person' ? '对公民罚款超过二百元' : '对法人或者其他组织罚款超过三千元'
      reasons.push(`${who}（拟罚款${yuan(fineFen)}元），应适用普通程序`)
    }
  } else if (fineFen > 0) {
    reasons.push('有罚款数额但未选择罚款种类')
  }
  return { ok: reasons.length === 0, reasons, basis }
}

export type LimitationResult = {
  /** True when the act was discovered (`onDate`) after the last day. */
  expired: boolean
  /** Last day on which discovery still allows a penalty; null while a continuing act goes on. */
  lastDay: IsoDate | null
  years: 2 | 5
  /** The day the period counts from: the act, or the end of a continuing act. */
  countsFrom: IsoDate | null
  basis: string
}

/**
 * 第三十六条 limitation: no penalty for an act not discovered within 2 years; 5 years where the act
 * involves citizens' life/health safety or financial safety **and** had harmful consequences
 * (`harmToSafety` = both). Counted from the act, or from the end of a continuing act (`actEndDate`;
 * `ongoing: true` while it has not ended). Counting: the start day is not counted (民法典 第二百零一条)
 * and a period in years ends on the corresponding day, or the month's last day when there is none
 * (第二百零二条) — act on 2024-03-10 → last day 2026-03-10; act on 2024-02-29 → 2026-02-28. The last
 * day does not move off a rest day: the period limits the agency's discovery, which can happen any
 * day, and the stricter reading is the one that protects the party.
 *
 * @example
 * ```ts
 * limitationCheck({ actDate: '2024-03-10', harmToSafety: false, onDate: '2026-03-11' })
 * // → { expired: true, lastDay: '2026-03-10', years: 2, countsFrom: '2024-03-10', basis: '《行政处罚法》第三十六条' }
 * ```
 */
export function limitationCheck(input: {
  actDate: IsoDate
  actEndDate?: IsoDate | null
  ongoing?: boolean
  harmToSafety: boolean
  onDate: IsoDate
}): LimitationResult {
  const actDate = assertIsoDate(input?.actDate, 'actDate')
  const onDate = assertIsoDate(input.onDate, 'onDate')
  const years = input.harmToSafety === true ? 5 : 2
  const basis = '《行政处罚法》第三十六条'
  if (input.ongoing === true) return { expired: false, lastDay: null, years, countsFrom: null, basis }
  const actEnd = input.actEndDate == null ? null : assertIsoDate(input.actEndDate, 'actEndDate')
  if (actEnd !== null && compareIsoDates(actEnd, actDate) < 0) {
    throw new InvalidArgumentError('invalid_act_dates', 'actEndDate is before actDate')
  }
  const countsFrom = actEnd ?? actDate
  const lastDay = addCalendarMonths(countsFrom, years * 12)
  return { expired: compareIsoDates(onDate, lastDay) > 0, lastDay, years, countsFrom, basis }
}

export type HearingThresholds = { personFen: number; orgFen: number }

export type HearingEligibility = { eligible: boolean; reasons: string[]; basis: string }

/**
 * 第六十三条: the party may ask for a hearing when the proposed penalty is
 * (一) 较大数额罚款; (二) 没收较大数额违法所得、没收较大价值非法财物; (三) 降低资质等级、吊销许可证件;
 * (四) 责令停产停业、责令关闭、限制从业; (五) 其他较重的行政处罚; (六) other cases set by law.
 * "较大数额" is set by the province, so `thresholds` come from the rule set; an amount equal to the
 * threshold counts (以上 includes the number). The same thresholds apply to confiscation unless
 * `confiscationThresholds` is given. 暂扣许可证件 and 限制开展生产经营活动 are treated as (五) 其他较重
 * — they stop a business as 责令停产停业 does; `otherHeavier` lets the officer mark (五)/(六) by hand.
 *
 * @example
 * ```ts
 * hearingEligibility({ partyKind: 'organization', kinds: ['fine'], fineFen: 10_000_000, thresholds: { personFen: 1_000_000, orgFen: 10_000_000 } })
 * // → { eligible: true, reasons: ['第六十三条第一款第一项：较大数额罚款（100,000.00元，达到法人或者其他组织100,000.00元的标准）'], … }
 * ```
 */
export function hearingEligibility(input: {
  partyKind: PartyKind
  kinds: readonly PenaltyKind[]
  fineFen?: number | null
  confiscateFen?: number | null
  thresholds: HearingThresholds
  confiscationThresholds?: HearingThresholds
  otherHeavier?: boolean
}): HearingEligibility {
  const partyKind = assertPartyKind(input?.partyKind)
  const kinds = assertKinds(input.kinds)
  const fineFen = assertFenAmount(input.fineFen ?? 0, 'fineFen')
  const confiscateFen = assertFenAmount(input.confiscateFen ?? 0, 'confiscateFen')
  const fineThreshold = thresholdFor(input.thresholds, partyKind, 'thresholds')
  const confiscationThreshold = thresholdFor(input.confiscationThresholds ?? input.thresholds, partyKind, 'confiscationThresholds')
  const who = partyKind === 'person' ? '公民' : '法人或者其他组织'
  const reasons: string[] = []
  if (kinds.includes('fine') && fineFen >= fineThreshold) {
    reasons.push(`第六十三条第一款第一项：较大数额罚款（${yuan(fineFen)}元，达到${who}${yuan(fineThreshold)}元的标准）`)
  }
  if ((kinds.includes('confiscate_gains') || kinds.includes('confiscate_property')) && confiscateFen >= confiscationThreshold) {
    reasons.push(`第六十三条第一款第二项：没收较大数额违法所得或者较大价值非法财物（${yuan(confiscateFen)}元）`)
  }
  for (const kind of ['lower_qualification', 'revoke_license'] as const) {
    if (kinds.includes(kind)) reasons.push(`第六十三条第一款第三项：${penaltyKindNames[kind]}`)
  }
  for (const kind of ['order_suspension', 'order_closure', 'restrict_employment'] as const) {
    if (kinds.includes(kind)) reasons.push(`第六十三条第一款第四项：${penaltyKindNames[kind]}`)
  }
  for (const kind of ['suspend_license', 'restrict_production'] as const) {
    if (kinds.includes(kind)) reasons.push(`第六十三条第一款第五项：其他较重的行政处罚（${penaltyKindNames[kind]}）`)
  }
  if (input.otherHeavier === true) reasons.push('第六十三条第一款第五项、第六项：其他较重的行政处罚或者法律、法规、规章规定的其他情形')
  return { eligible: reasons.length > 0, reasons, basis: '《行政处罚法》第六十三条' }
}

/** Grounds on which 法制审核 is required before the decision. */
export type LegalReviewGround = 'art58_1_public_interest' | 'art58_2_major_rights_hearing' | 'art58_3_complex' | 'art58_4_statutory' | 'major_decision_amount'

/**
 * 第五十八条: 法制审核 is required before the head decides when (一) 涉及重大公共利益; (二) 直接关系当事人
 * 或者第三人重大权益，经过听证程序 (both); (三) 案件情况疑难复杂、涉及多个法律关系; (四) 法律、法规规定
 * 应当进行法制审核的其他情形. Local 重大执法决定法制审核目录 usually add an amount (三项制度, 国办发〔2018〕
 * 118号): `fineFen ≥ thresholdFen` adds `major_decision_amount`. An empty list = not required.
 *
 * @example
 * ```ts
 * legalReviewGrounds({ majorRights: true, hearingHeld: true, fineFen: 100_000, thresholdFen: 5_000_000 })
 * // → [{ ground: 'art58_2_major_rights_hearing', text: '直接关系当事人或者第三人重大权益，经过听证程序（第五十八条第一款第二项）' }]
 * ```
 */
export function legalReviewGrounds(input: {
  majorPublicInterest?: boolean
  hearingHeld?: boolean
  majorRights?: boolean
  complex?: boolean
  otherStatutory?: boolean
  fineFen?: number | null
  thresholdFen?: number | null
}): Array<{ ground: LegalReviewGround; text: string }> {
  const grounds: Array<{ ground: LegalReviewGround; text: string }> = []
  if (input?.majorPublicInterest === true) grounds.push({ ground: 'art58_1_public_interest', text: '涉及重大公共利益（第五十八条第一款第一项）' })
  if (input.majorRights === true && input.hearingHeld === true) {
    grounds.push({ ground: 'art58_2_major_rights_hearing', text: '直接关系当事人或者第三人重大权益，经过听证程序（第五十八条第一款第二项）' })
  }
  if (input.complex === true) grounds.push({ ground: 'art58_3_complex', text: '案件情况疑难复杂、涉及多个法律关系（第五十八条第一款第三项）' })
  if (input.otherStatutory === true) grounds.push({ ground: 'art58_4_statutory', text: '法律、法规规定应当进行法制审核的其他情形（第五十八条第一款第四项）' })
  const fineFen = assertFenAmount(input.fineFen ?? 0, 'fineFen')
  if (input.thresholdFen != null) {
    const threshold = assertFenAmount(input.thresholdFen, 'thresholdFen')
    if (threshold > 0 && fineFen >= threshold) {
      grounds.push({ ground: 'major_decision_amount', text: `罚款${yuan(fineFen)}元，达到重大执法决定法制审核标准${yuan(threshold)}元` })
    }
  }
  return grounds
}

/**
 * Severity of each penalty kind, for art. 45 comparisons. Ordered by art. 9's groups, which run from
 * the lightest (声誉罚) to the heaviest (人身罚): 1 警告; 2 通报批评; 3 罚款、没收违法所得、没收非法财物
 * (财产罚); 4 暂扣许可证件、限制开展生产经营活动 (temporary); 5 降低资质等级、限制从业; 6 吊销许可证件、
 * 责令停产停业; 7 责令关闭; 8 行政拘留. `other` (法律、行政法规规定的其他行政处罚) has no place in the
 * order: any change involving it is reported as heavier, for a person to judge.
 */
export const penaltySeverity: Readonly<Record<PenaltyKind, number | null>> = Object.freeze({
  warning: 1,
  circulate_criticism: 2,
  fine: 3,
  confiscate_gains: 3,
  confiscate_property: 3,
  suspend_license: 4,
  restrict_production: 4,
  lower_qualification: 5,
  restrict_employment: 5,
  revoke_license: 6,
  order_suspension: 6,
  order_closure: 7,
  detention: 8,
  other: null,
})

/** A proposed or decided penalty, for art. 45. */
export type PenaltyOutcome = { kinds: readonly PenaltyKind[]; fineFen?: number | null; confiscateFen?: number | null }

export type HeavierPart = { part: 'kind' | 'fine' | 'confiscation'; kind?: PenaltyKind; notifiedFen?: number; decidedFen?: number; text: string }

/**
 * 第四十五条第二款: "行政机关不得因当事人陈述、申辩而给予更重的处罚". Compares the decided penalty with
 * the one in the 事先告知书 and lists each heavier part:
 * - a kind the notice did not name, unless it replaces a dropped kind of strictly higher severity
 *   (责令停产停业 → 罚款 is lighter; 警告 → 罚款 is heavier; 罚款 → 罚款+警告 is heavier);
 * - a higher fine, or a higher confiscation amount.
 * A heavier decision is lawful only on new facts, after a new notice; the guard then asks for one.
 *
 * @example
 * ```ts
 * isHeavierPenalty({ kinds: ['fine'], fineFen: 500_000 }, { kinds: ['fine'], fineFen: 600_000 })
 * // → { heavier: true, parts: [{ part: 'fine', notifiedFen: 500_000, decidedFen: 600_000, text: '罚款由5,000.00元增至6,000.00元' }] }
 * ```
 */
export function isHeavierPenalty(notified: PenaltyOutcome, decided: PenaltyOutcome): { heavier: boolean; parts: HeavierPart[] } {
  const before = assertKinds(notified?.kinds)
  const after = assertKinds(decided?.kinds)
  const parts: HeavierPart[] = []
  const dropped = before.filter((kind) => !after.includes(kind))
  const droppedMax = Math.max(0, ...dropped.map((kind) => penaltySeverity[kind] ?? 0))
  for (const kind of after.filter((k) => !before.includes(k))) {
    const severity = penaltySeverity[kind]
    if (severity === null || severity >= droppedMax) {
      parts.push({ part: 'kind', kind, text: `增加了告知时没有的处罚种类“${penaltyKindNames[kind]}”` })
    }
  }
  const fineBefore = assertFenAmount(before.includes('fine') ? (notified.fineFen ?? 0) : 0, 'notified.fineFen')
  const fineAfter = assertFenAmount(after.includes('fine') ? (decided.fineFen ?? 0) : 0, 'decided.fineFen')
  if (before.includes('fine') && after.includes('fine') && fineAfter > fineBefore) {
    parts.push({ part: 'fine', notifiedFen: fineBefore, decidedFen: fineAfter, text: `罚款由${yuan(fineBefore)}元增至${yuan(fineAfter)}元` })
  }
  const confiscates = (kinds: readonly PenaltyKind[]) => kinds.includes('confiscate_gains') || kinds.includes('confiscate_property')
  const confBefore = assertFenAmount(confiscates(before) ? (notified.confiscateFen ?? 0) : 0, 'notified.confiscateFen')
  const confAfter = assertFenAmount(confiscates(after) ? (decided.confiscateFen ?? 0) : 0, 'decided.confiscateFen')
  if (confiscates(before) && confiscates(after) && confAfter > confBefore) {
    parts.push({ part: 'confiscation', notifiedFen: confBefore, decidedFen: confAfter, text: `没收金额由${yuan(confBefore)}元增至${yuan(confAfter)}元` })
  }
  return { heavier: parts.length > 0, parts }
}

export type ActPenalty = { act: string; kinds: readonly PenaltyKind[]; fineFen?: number | null }

export type OneActOneFineViolation = {
  act: string
  /** Indexes (into the input) of the items that fine this act. */
  fineItems: number[]
  highestFineFen: number
  /** The item whose fine applies (the highest; the first of equals). */
  applies: number
  text: string
}

/**
 * 第二十九条: "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。同一个违法行为违反多个法律
 * 规范应当给予罚款处罚的，按照罚款数额高的规定处罚". Items name their act (the same text = the same act,
 * compared after trimming); an act fined by more than one item is a violation, and the item with the
 * highest fine is the one that applies.
 *
 * @example
 * ```ts
 * oneActOneFine([
 *   { act: '未取得施工许可证擅自施工', kinds: ['fine'], fineFen: 2_000_000 },
 *   { act: '未取得施工许可证擅自施工', kinds: ['fine'], fineFen: 3_000_000 },
 * ]) // → { ok: false, violations: [{ act: '未取得施工许可证擅自施工', fineItems: [0, 1], highestFineFen: 3_000_000, applies: 1, … }] }
 * ```
 */
export function oneActOneFine(items: readonly ActPenalty[]): { ok: boolean; violations: OneActOneFineViolation[]; basis: string } {
  if (!Array.isArray(items)) throw new InvalidArgumentError('invalid_items', `items must be an array, got ${describeValue(items)}`)
  const byAct = new Map<string, number[]>()
  items.forEach((item, index) => {
    const kinds = assertKinds(item?.kinds)
    if (typeof item.act !== 'string' || item.act.trim() === '') throw new InvalidArgumentError('invalid_act', `items[${index}].act is empty`)
    if (!kinds.includes('fine')) return
    const act = item.act.trim()
    byAct.set(act, [...(byAct.get(act) ?? []), index])
  })
  const violations: OneActOneFineViolation[] = []
  for (const [act, indexes] of byAct) {
    if (indexes.length < 2) continue
    let applies = indexes[0]
    for (const index of indexes) {
      if (assertFenAmount(items[index].fineFen ?? 0, 'fineFen') > (items[applies].fineFen ?? 0)) applies = index
    }
    const highestFineFen = items[applies].fineFen ?? 0
    violations.push({
      act,
      fineItems: indexes,
      highestFineFen,
      applies,
      text: `同一违法行为“${act}”拟给予${indexes.length}次罚款；依第二十九条只能罚款一次，按罚款数额高的规定处罚（${yuan(highestFineFen)}元）`,
    })
  }
  return { ok: violations.length === 0, violations, basis: '《行政处罚法》第二十九条' }
}

/** One earlier case of the same party, for 首违 checks. */
export type ViolationHistoryItem = {
  caseId: string
  caseNo?: string | null
  powerItemId: string
  /** Date of the earlier violation. */
  actDate: IsoDate
  /** False when the earlier case found no violation (事实不成立, 不予立案…); such cases do not count. */
  established?: boolean
}

export type FirstViolationResult = {
  first: boolean
  /** Earlier established violations of the same item inside the window, oldest first. */
  previous: ViolationHistoryItem[]
  windowFrom: IsoDate
  windowTo: IsoDate
  lookbackYears: number
  basis: string
}

/** Default lookback for 首违: 2 years [I] — local 首违不罚清单 set their own window. */
export const defaultFirstViolationLookbackYears = 2

/**
 * 第三十三条第一款第二句 (首违不罚): "初次违法且危害后果轻微并及时改正的，可以不予行政处罚". Is this the
 * party's first violation of the same power item within the lookback window (`lookbackYears`, default
 * 2 [I]; local lists set it)? The window runs from the same day `lookbackYears` earlier (民法典
 * 第二百零二条 corresponding day) up to `onDate`, both included. Exclude the current case from
 * `history`. Whether harm was minor and corrected in time is for the officer; this only answers "初次".
 *
 * @example
 * ```ts
 * firstViolationCheck([{ caseId: 'a', powerItemId: 'p1', actDate: '2025-05-01' }], { powerItemId: 'p1', onDate: '2026-11-20' })
 * // → { first: false, previous: [{ caseId: 'a', … }], windowFrom: '2024-11-20', windowTo: '2026-11-20', lookbackYears: 2, … }
 * ```
 */
export function firstViolationCheck(
  history: readonly ViolationHistoryItem[],
  options: { powerItemId: string; onDate: IsoDate; lookbackYears?: number },
): FirstViolationResult {
  if (!Array.isArray(history)) throw new InvalidArgumentError('invalid_history', `history must be an array, got ${describeValue(history)}`)
  const onDate = assertIsoDate(options?.onDate, 'onDate')
  const lookbackYears = options.lookbackYears ?? defaultFirstViolationLookbackYears
  if (!Number.isSafeInteger(lookbackYears) || lookbackYears < 1 || lookbackYears > 20) {
    throw new InvalidArgumentError('invalid_lookback', `lookbackYears must be an integer 1–20, got ${describeValue(lookbackYears)}`)
  }
  const windowFrom = addCalendarMonths(onDate, -12 * lookbackYears)
  const previous = history
    .filter((item) => item.powerItemId === options.powerItemId && item.established !== false)
    .filter((item) => {
      const date = assertIsoDate(item.actDate, 'history.actDate')
      return compareIsoDates(date, windowFrom) >= 0 && compareIsoDates(date, onDate) <= 0
    })
    .sort((a, b) => compareIsoDates(a.actDate, b.actDate))
  return { first: previous.length === 0, previous, windowFrom, windowTo: onDate, lookbackYears, basis: '《行政处罚法》第三十三条第一款' }
}

function assertPartyKind(value: unknown): PartyKind {
  if (value === 'person' || value === 'organization') return value
  throw new InvalidArgumentError('invalid_party_kind', `partyKind must be person or organization, got ${describeValue(value)}`)
}

function assertKinds(value: unknown): PenaltyKind[] {
  if (!Array.isArray(value) || !value.every((kind) => (penaltyKinds as readonly unknown[]).includes(kind))) {
    throw new InvalidArgumentError('invalid_penalty_kinds', 'kinds must be an array of penalty kinds')
  }
  return value as PenaltyKind[]
}

function thresholdFor(thresholds: HearingThresholds | undefined, partyKind: PartyKind, name: string): number {
  const value = partyKind === 'person' ? thresholds?.personFen : thresholds?.orgFen
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new InvalidArgumentError('invalid_threshold', `${name} needs positive personFen and orgFen, got ${describeValue(value)}`)
  }
  return value
}

const penaltyKindNames = labels.penaltyKind
