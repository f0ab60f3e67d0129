import type { LegalProvision } from './discretion'
import { labels } from './labels'
import { formatYuan } from './money'
import type { PartyKind, PenaltyKind } from './penalty-procedure'

/**
 * 法定处罚幅度 as data: what the provision that sets the penalty (罚则) allows — the kinds, which of
 * them it makes mandatory (“并处”, “处” without “可以”), and the fine, as a fixed range or a multiple
 * of a base (违法所得, 货值金额, 工程合同价款, 林木价值…) with the range the law names for when the base
 * cannot be computed ("没有违法所得的，处……以下罚款"). Every proposal and decision must lie inside;
 * outside it the act is refused — there is no override. The 裁量基准 tier is a second, softer check.
 *
 * Rules, each decided here and documented once (README 行政处罚):
 * - **Kinds.** Only kinds the provision names; a mandatory kind must be imposed. 减轻处罚 does not
 *   change kinds (it lowers the amount, never turns a fine into a warning): a provision that allows
 *   only 警告 and 罚款 cannot yield 吊销许可证件, and 行政拘留 is always a referral to the police.
 * - **Fine.** The band for the party's kind (对单位/对个人) or the one for both. A multiple needs the
 *   base; when the base is unknown or zero (or below `belowFen`, e.g. 猎获物价值不足五千元) the
 *   fallback range applies, and without a fallback the proposal must state the base. Multiples become
 *   fen exactly: the minimum rounded up, the maximum down.
 * - **从轻** (arts. 30–32) stays inside the range. **减轻** (art. 30 minors, art. 31 limited capacity,
 *   art. 32 grounds) lowers the floor of the fine to zero — below the statutory minimum, never above
 *   the maximum — and only with a recorded ground and its evidence.
 * - `maxFen: null` means the provision names no amount ("可以并处罚款"): the amount comes from a
 *   local regulation the proposal must cite; the kinds are still checked.
 * - **Art. 29.** One act breaking several provisions that each fine: {@link higherFineProvision}
 *   picks the one with the higher fine, and only that one's range applies.
 */

/** The range a provision names for when the base cannot be computed. */
export type StatutoryFallback = {
  minFen: number
  maxFen: number | null
  /** The fallback also applies when the base is below this (猎获物价值不足五千元的). */
  belowFen?: number | null
  /** The law's words, e.g. 没有违法所得的. */
  when: string
}

/** One band of the fine, for one kind of party or (party omitted) for both. */
export type StatutoryFine =
  | { party?: PartyKind | null; kind: 'fixed'; minFen: number; maxFen: number | null }
  | {
      party?: PartyKind | null
      kind: 'multiple'
      /** What the multiple applies to: 违法所得, 货值金额, 工程合同价款… */
      base: string
      /** Multiples; a percentage is a fraction (0.01 for 1%). At most six decimals. */
      min: number
      max: number | null
      fallback?: StatutoryFallback | null
    }
  | {
      party?: PartyKind | null
      /** A rate per unit of a quantity: 非法占用土地每平方米100元以上1000元以下. */
      kind: 'per_unit'
      /** What is counted: 非法占用土地面积. */
      base: string
      /** The unit: 平方米. */
      unit: string
      minFenPerUnit: number
      maxFenPerUnit: number | null
    }

/** 法定处罚幅度 of a power item (`power_item.statutory_range`). */
export type StatutoryPenaltyRange = {
  /** The provision that sets the penalty (罚则), cited in every refusal. */
  basis: LegalProvision
  /** Kinds the provision allows. */
  kinds: PenaltyKind[]
  /** Kinds it makes mandatory (“并处”). */
  mandatory?: PenaltyKind[]
  /** Fine bands; empty when the provision allows no fine. */
  fines: StatutoryFine[]
  note?: string | null
}

/** Statutory grounds for 从轻 or 减轻 (arts. 30–32). */
export const mitigationGrounds = [
  /** art. 30: 已满十四周岁不满十八周岁 — 应当从轻或者减轻. */
  'art30_minor',
  /** art. 31: 尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人 — 可以从轻或者减轻. */
  'art31_limited_capacity',
  /** art. 32(1): 主动消除或者减轻违法行为危害后果. */
  'art32_1_eliminated_harm',
  /** art. 32(2): 受他人胁迫或者诱骗. */
  'art32_2_coerced',
  /** art. 32(3): 主动供述行政机关尚未掌握的违法行为. */
  'art32_3_confessed',
  /** art. 32(4): 配合行政机关查处违法行为有立功表现. */
  'art32_4_meritorious',
  /** art. 32(5): 法律、法规、规章规定其他应当从轻或者减轻的. */
  'art32_5_other',
] as const
export type MitigationGround = (typeof mitigationGrounds)[number]

/** A recorded 从轻/减轻 of the proposal: its effect, its grounds and the evidence for them. */
export type Mitigation = { effect: 'lenient' | 'mitigated'; grounds: MitigationGround[]; evidence?: string | null }

export type LawfulRangeInput = {
  partyKind: PartyKind
  /** The base a multiple applies to, fen; null when it cannot be computed. */
  baseFen?: number | null
  /** The quantity a per-unit rate applies to (平方米…), whole units. */
  baseUnits?: number | null
  /** The evidence the base rests on; a fine computed from a base needs it. */
  baseEvidence?: string | null
  mitigation?: Mitigation | null
}

/** The lawful range for a case: kinds, and the fine (null when the provision allows none). */
export type LawfulRange = {
  basisText: string
  kinds: PenaltyKind[]
  mandatory: PenaltyKind[]
  fine: {
    how: 'fixed' | 'multiple' | 'fallback' | 'per_unit'
    minFen: number
    maxFen: number | null
    /** The minimum before 减轻 lowered it. */
    statutoryMinFen: number
    base: string | null
    text: string
  } | null
  /** One Chinese sentence: the kinds and the fine. */
  text: string
}

export type LawfulRangeOutcome = ({ ok: true } & LawfulRange) | { ok: false; code: 'base_required' | 'invalid_range'; message: string }

/**
 * The lawful range of a provision for a case.
 *
 * @example
 * ```ts
 * // 《建设工程质量管理条例》第五十七条: 工程合同价款1%以上2%以下; contract price 3,000,000 yuan.
 * const r = lawfulRange(permitRange, { partyKind: 'organization', baseFen: 300_000_000 })
 * if (r.ok) [r.fine?.minFen, r.fine?.maxFen] // [3_000_000, 6_000_000]
 * ```
 */
export function lawfulRange(range: StatutoryPenaltyRange, input: LawfulRangeInput): LawfulRangeOutcome {
  const problem = rangeProblem(range)
  if (problem) return { ok: false, code: 'invalid_range', message: problem }
  const basisText = citeProvision(range.basis)
  const kinds = [...range.kinds]
  const mandatory = [...(range.mandatory ?? [])]
  const mitigated = isMitigated(input.mitigation)
  let fine: LawfulRange['fine'] = null
  if (kinds.includes('fine')) {
    const band = range.fines.find((f) => f.party === input.partyKind) ?? range.fines.find((f) => !f.party)
    if (!band) return { ok: false, code: 'invalid_range', message: `${basisText}未规定对${labels.partyKind[input.partyKind]}的罚款幅度` }
    const computed = fineOf(band, input.baseFen ?? null, input.baseUnits ?? null)
    if (!computed.ok) return { ok: false, code: 'base_required', message: `${basisText}按${computed.base}计算罚款，须填写${computed.base}及其证据` }
    fine = { ...computed.fine, statutoryMinFen: computed.fine.minFen, minFen: mitigated ? 0 : computed.fine.minFen }
    if (mitigated && computed.fine.minFen > 0) fine.text += `；减轻处罚，可以低于法定最低罚款${formatYuan(computed.fine.minFen)}元（《行政处罚法》第三十二条）`
  }
  const kindText = kinds.map((k) => labels.penaltyKind[k]).join('、') || '无'
  const mandatoryText = mandatory.length ? `（应当给予${mandatory.map((k) => labels.penaltyKind[k]).join('、')}）` : ''
  return { ok: true, basisText, kinds, mandatory, fine, text: `${basisText}：处罚种类${kindText}${mandatoryText}${fine ? `；${fine.text}` : ''}` }
}

/** What a proposal or decision imposes, for the statutory check. */
export type ImposedPenalty = { kinds: readonly PenaltyKind[]; fineFen: number }

/**
 * Every way a proposed penalty leaves the statutory range, in Chinese; empty when it lies inside.
 * Each reason names the range and the provision.
 *
 * @example
 * ```ts
 * statutoryRangeViolations(roadRange, { partyKind: 'organization' }, { kinds: ['fine'], fineFen: 60_000_000 })
 * // ['罚款600,000.00元超出法定幅度（《城市道路管理条例》第四十二条：罚款20,000.00元以下）']
 * ```
 */
export function statutoryRangeViolations(range: StatutoryPenaltyRange, input: LawfulRangeInput, imposed: ImposedPenalty): string[] {
  const outcome = lawfulRange(range, input)
  if (!outcome.ok && (outcome.code !== 'base_required' || imposed.kinds.includes('fine'))) return [outcome.message]
  // Without a fine the base does not matter: the kinds are still checked.
  const lawful = outcome.ok ? outcome : { basisText: citeProvision(range.basis), kinds: range.kinds, mandatory: range.mandatory ?? [], fine: null }
  const reasons: string[] = []
  const mitigation = input.mitigation
  if (mitigation?.effect === 'mitigated' && !isMitigated(mitigation)) {
    reasons.push('减轻处罚须写明《行政处罚法》第三十条至第三十二条规定的情形及其证据')
  }
  for (const kind of imposed.kinds) {
    if (lawful.kinds.includes(kind)) continue
    reasons.push(
      kind === 'detention'
        ? '行政拘留只能由公安机关决定，应移送公安机关处理（《行政处罚法》第十八条第三款）'
        : `${lawful.basisText}未规定“${labels.penaltyKind[kind]}”，不得给予（法定处罚种类：${lawful.kinds.map((k) => labels.penaltyKind[k]).join('、') || '无'}）`,
    )
  }
  for (const kind of lawful.mandatory) {
    if (!imposed.kinds.includes(kind)) reasons.push(`${lawful.basisText}规定应当给予“${labels.penaltyKind[kind]}”，减轻处罚也不能改变处罚种类`)
  }
  const fine = lawful.fine
  if (fine && imposed.kinds.includes('fine')) {
    const range = `${lawful.basisText}：${fine.text}`
    if (imposed.fineFen < fine.minFen) reasons.push(`罚款${formatYuan(imposed.fineFen)}元低于法定幅度（${range}），低于法定最低罚款须有第三十条至第三十二条规定的减轻处罚情形`)
    if (fine.maxFen !== null && imposed.fineFen > fine.maxFen) reasons.push(`罚款${formatYuan(imposed.fineFen)}元超出法定幅度（${range}）`)
    if ((fine.how === 'multiple' || fine.how === 'per_unit') && (input.baseEvidence ?? '').trim().length < 2) reasons.push(`罚款按${fine.base}计算，须写明${fine.base}的认定证据`)
  }
  return reasons
}

/**
 * 第二十九条: one act that breaks several provisions each fining it is fined once, under the
 * provision whose fine is higher (the higher maximum; an open maximum is highest; equal maxima: the
 * higher minimum; then the first). Returns its index, or null when none fines.
 *
 * @example
 * ```ts
 * higherFineProvision([roadRange, marketRange], { partyKind: 'organization' }) // 1 when 市容's maximum is higher
 * ```
 */
export function higherFineProvision(ranges: readonly StatutoryPenaltyRange[], input: LawfulRangeInput): number | null {
  let best: { index: number; max: number; min: number } | null = null
  ranges.forEach((range, index) => {
    const lawful = lawfulRange(range, input)
    if (!lawful.ok || !lawful.fine) return
    const max = lawful.fine.maxFen ?? Number.POSITIVE_INFINITY
    const min = lawful.fine.statutoryMinFen
    if (!best || max > best.max || (max === best.max && min > best.min)) best = { index, max, min }
  })
  return (best as { index: number } | null)?.index ?? null
}

/** A problem with the range's own data (for the catalogue's input check), or null. */
export function rangeProblem(range: StatutoryPenaltyRange): string | null {
  if (!range || !Array.isArray(range.kinds) || !Array.isArray(range.fines) || !range.basis?.law || !range.basis?.article) return '法定处罚幅度数据不完整'
  if ((range.mandatory ?? []).some((k) => !range.kinds.includes(k))) return '应当给予的处罚种类须在法定处罚种类内'
  if (range.kinds.includes('fine') && range.fines.length === 0) return '法定处罚种类含罚款，须填写罚款幅度'
  if (!range.kinds.includes('fine') && range.fines.length > 0) return '法定处罚种类不含罚款，不应填写罚款幅度'
  const parties = range.fines.map((f) => f.party ?? 'both')
  if (new Set(parties).size !== parties.length) return '同一类当事人只能有一个罚款幅度'
  for (const f of range.fines) {
    if (f.kind === 'fixed' && !validAmounts(f.minFen, f.maxFen)) return '罚款幅度无效（下限不大于上限的整数分）'
    if (f.kind === 'per_unit' && (!f.base?.trim() || !f.unit?.trim() || !validAmounts(f.minFenPerUnit, f.maxFenPerUnit))) return '按单位数量计算的罚款须写明计量对象、单位和每单位幅度'
    if (f.kind === 'multiple') {
      if (!f.base?.trim()) return '按倍数计算的罚款须写明计罚基数'
      if (scaled(f.min) === null || (f.max !== null && (scaled(f.max) === null || f.max < f.min))) return '倍数无效（不超过六位小数的非负数，下限不大于上限）'
      if (f.fallback && (!validAmounts(f.fallback.minFen, f.fallback.maxFen) || !f.fallback.when?.trim())) return '无法计算基数时的罚款幅度无效'
    }
  }
  return null
}

/** 《建设工程质量管理条例》第五十七条 */
export function citeProvision(provision: LegalProvision): string {
  const law = provision.law.startsWith('《') ? provision.law : `《${provision.law}》`
  return `${law}${provision.article}`
}

function isMitigated(m: Mitigation | null | undefined): boolean {
  return m?.effect === 'mitigated' && m.grounds.length > 0 && (m.evidence ?? '').trim().length >= 2
}

type ComputedFine = { how: 'fixed' | 'multiple' | 'fallback' | 'per_unit'; minFen: number; maxFen: number | null; base: string | null; text: string }

function fineOf(band: StatutoryFine, baseFen: number | null, baseUnits: number | null): { ok: true; fine: ComputedFine } | { ok: false; base: string } {
  const who = band.party ? `对${band.party === 'person' ? '个人' : '单位'}` : ''
  if (band.kind === 'fixed') return { ok: true, fine: { how: 'fixed', minFen: band.minFen, maxFen: band.maxFen, base: null, text: `罚款${who}${amounts(band.minFen, band.maxFen)}` } }
  if (band.kind === 'per_unit') {
    if (baseUnits === null || !Number.isSafeInteger(baseUnits) || baseUnits < 0) return { ok: false, base: `${band.base}（${band.unit}）` }
    const minFen = band.minFenPerUnit * baseUnits
    const maxFen = band.maxFenPerUnit === null ? null : band.maxFenPerUnit * baseUnits
    const rate = band.maxFenPerUnit === null ? `${formatYuan(band.minFenPerUnit)}元以上` : band.minFenPerUnit === 0 ? `${formatYuan(band.maxFenPerUnit)}元以下` : `${formatYuan(band.minFenPerUnit)}元至${formatYuan(band.maxFenPerUnit)}元`
    return { ok: true, fine: { how: 'per_unit', minFen, maxFen, base: band.base, text: `罚款${who}每${band.unit}${rate}（${band.base}${baseUnits}${band.unit}，即${amounts(minFen, maxFen)}）` } }
  }
  const fallback = band.fallback
  const noBase = baseFen === null || baseFen <= 0 || (fallback?.belowFen != null && baseFen < fallback.belowFen)
  if (noBase && fallback) {
    return { ok: true, fine: { how: 'fallback', minFen: fallback.minFen, maxFen: fallback.maxFen, base: band.base, text: `${fallback.when}，罚款${who}${amounts(fallback.minFen, fallback.maxFen)}` } }
  }
  if (baseFen === null) return { ok: false, base: band.base }
  const minFen = multiply(band.min, baseFen, 'up')
  const maxFen = band.max === null ? null : multiply(band.max, baseFen, 'down')
  const percent = (band.max ?? band.min) < 1
  const times = (n: number) => (percent ? `${trim(n * 100)}%` : `${trim(n)}倍`)
  const multiples = band.max === null ? `${times(band.min)}以上` : band.min === 0 ? `${times(band.max)}以下` : `${times(band.min)}至${times(band.max)}`
  return {
    ok: true,
    fine: { how: 'multiple', minFen, maxFen, base: band.base, text: `罚款${who}${band.base}的${multiples}（${band.base}${formatYuan(baseFen)}元，即${amounts(minFen, maxFen)}）` },
  }
}

function amounts(minFen: number, maxFen: number | null): string {
  if (maxFen === null) return minFen > 0 ? `${formatYuan(minFen)}元以上（条文未规定上限，数额依地方性法规、规章）` : '（条文未规定数额，依地方性法规、规章）'
  return minFen === 0 ? `${formatYuan(maxFen)}元以下` : `${formatYuan(minFen)}元至${formatYuan(maxFen)}元`
}

function validAmounts(minFen: number, maxFen: number | null): boolean {
  return Number.isSafeInteger(minFen) && minFen >= 0 && (maxFen === null || (Number.isSafeInteger(maxFen) && maxFen >= minFen))
}

function scaled(n: number): number | null {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null
  const s = Math.round(n * 1_000_000)
  return Math.abs(n * 1_000_000 - s) > 1e-6 ? null : s
}

// n × base in fen, exactly: n is turned into an integer number of millionths first.
function multiply(multiple: number, baseFen: number, round: 'up' | 'down'): number {
  const product = BigInt(scaled(multiple) ?? 0) * BigInt(baseFen)
  const whole = product / 1_000_000n
  return Number(round === 'up' && product % 1_000_000n > 0n ? whole + 1n : whole)
}

function trim(n: number): string {
  return String(Number(n.toFixed(6)))
}
