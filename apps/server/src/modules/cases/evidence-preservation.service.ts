import { caseDeadlineRules, computeCaseDeadline, labels, type CaseDocumentKind, type IsoDate, type PreservationOutcome } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { insertComputedDeadline, meetDeadlineById } from './case-deadlines.service'
import type { ActContext } from './case-guards'
import type { CaseState } from './case-state'
import * as preservationRepo from './evidence-preservation.repository'

/**
 * 先行登记保存 (《行政处罚法》第五十六条): "在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以
 * 先行登记保存，并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据。"
 *
 * - The head's approval is the act itself (`preserve_evidence` is the unit head's), carried out by the
 *   case's officers (第四十二条: two with valid certificates); it issues the 通知书 and the 物品清单.
 * - The seven days are working days: 第八十五条 reads every "七日" of the law as working days (the sector
 *   rules say the same, e.g. 《市场监督管理行政处罚程序规定》第三十四条 "七个工作日"). The deadline counts
 *   from the day of the preservation on the work calendar, one per preservation.
 * - The 处理决定 (`resolve_preservation`) gives every item its outcome: 解除 (returned), 移送 (to the
 *   competent authority), or 没收 — which only the penalty decision can order, so such an item stays
 *   preserved (`held_for_decision`) until the decision confiscates it. The decision is refused while a
 *   preservation has no 处理决定, or while it holds items for 没收 and does not confiscate 非法财物.
 */

/** What the act records (the transition service turns it into the event, the audit row and the documents). */
export type PreservationEffect = { data: Record<string, unknown>; summary: string; documents?: CaseDocumentKind[]; docExtra?: Record<string, unknown> }

/**
 * 先行登记保存: records the items, schedules the 7-working-day deadline of this preservation.
 *
 * @example
 * await preserveEvidence(trx, state, act, { userId, displayName }) // → { data: { preservationId, dueOn, … }, documents: ['preservation_notice', 'preservation_list'] }
 */
export async function preserveEvidence(trx: Executor, s: CaseState, a: ActContext, approver: { userId: string | null; displayName: string }, today: IsoDate): Promise<PreservationEffect> {
  const p = a.input.preservation!
  if (p.preservedOn > today) throw invalid('先行登记保存日期不能晚于今天', 'preservation.preservedOn')
  if (p.preservedOn < a.onDate) throw invalid(`先行登记保存须经负责人批准（批准日期 ${a.onDate}），保存日期不能早于批准日期`, 'preservation.preservedOn')
  if (p.custody === 'on_site' && !p.custodian) throw invalid('就地保存的，请填写保管人', 'preservation.custodian')
  const moveOffRestDay = s.rules.moveOffRestDays.preservation ?? caseDeadlineRules.preservation.moveOffRestDay
  const computed = computeCaseDeadline(s.calendar, { kind: 'preservation', startsOn: p.preservedOn, moveOffRestDay })
  // One deadline per preservation: a second preservation does not replace the first one's.
  const { id: deadlineId, dueOn } = await insertComputedDeadline(trx, s.row.id, 'preservation', computed)
  const seq = s.preservations.length + 1
  const officerIds = s.officers.map((o) => o.person_id)
  const preservationId = await preservationRepo.insertPreservation(trx, {
    case_id: s.row.id,
    seq,
    approved_on: a.onDate,
    approved_by: approver.userId,
    approver_name: approver.displayName,
    preserved_on: p.preservedOn,
    place: p.place,
    custody: p.custody,
    custodian: p.custodian ?? null,
    reason: p.grounds,
    officer_ids: officerIds,
    deadline_id: deadlineId,
  })
  await preservationRepo.insertPreservedItems(
    trx,
    p.items.map((item, i) => ({ preservation_id: preservationId, case_id: s.row.id, seq: i + 1, name: item.name, spec: item.spec ?? null, quantity: item.quantity, unit: item.unit, note: item.note ?? null })),
  )
  const preservation = { seq, preservedOn: p.preservedOn, place: p.place, custody: p.custody, custodian: p.custodian ?? null, grounds: p.grounds, approverName: approver.displayName, approvedOn: a.onDate, dueOn, items: p.items }
  return {
    data: { preservationId, ...preservation },
    summary: `第${seq}次，${p.items.length}项物品，${dueOn} 前作出处理决定`,
    documents: ['preservation_notice', 'preservation_list'],
    docExtra: { preservationId, preservation },
  }
}

/**
 * 先行登记保存的处理决定: an outcome for every item still preserved (and, later, for an item held for
 * 没收 the agency no longer means to confiscate: it may still be released). The first 处理决定 of a
 * preservation meets its deadline — late when after the seventh working day.
 *
 * @example
 * await resolvePreservation(trx, state, act) // items released / transferred / held for the decision
 */
export async function resolvePreservation(trx: Executor, s: CaseState, a: ActContext): Promise<PreservationEffect> {
  const r = a.input.preservationResolution!
  const preservation = s.preservations.find((p) => p.id === r.preservationId)
  if (!preservation) throw invalid('本案没有这一先行登记保存', 'preservationResolution.preservationId')
  if (a.onDate < preservation.preserved_on) throw invalid(`处理决定不能早于先行登记保存日期（${preservation.preserved_on}）`, 'onDate')
  const outcomes = new Map<string, { outcome: PreservationOutcome; transferTo: string | null }>()
  for (const item of r.items) {
    if (outcomes.has(item.itemId)) throw invalid('同一物品只能有一个处理结果', 'preservationResolution.items')
    const own = preservation.items.find((i) => i.id === item.itemId)
    if (!own) throw invalid('所列物品不属于这一先行登记保存', 'preservationResolution.items')
    if (own.status !== 'preserved' && own.status !== 'held_for_decision') throw invalid(`“${own.name}”已${labels.preservedItemStatus[own.status]}，不能再作处理`, 'preservationResolution.items')
    if (own.status === 'held_for_decision' && item.outcome === 'confiscate') throw invalid(`“${own.name}”已待处罚决定没收`, 'preservationResolution.items')
    outcomes.set(item.itemId, { outcome: item.outcome, transferTo: item.outcome === 'transfer' ? (item.transferTo ?? null) : null })
  }
  const undecided = preservation.items.filter((i) => i.status === 'preserved' && !outcomes.has(i.id))
  if (undecided.length > 0) throw new AppError('RULE_VIOLATION', `处理决定须对每一项先行登记保存的物品作出（第五十六条），尚未处理：${undecided.map((i) => i.name).join('、')}`, { field: 'preservationResolution.items' })

  for (const [itemId, o] of outcomes) {
    const status = o.outcome === 'release' ? 'released' : o.outcome === 'transfer' ? 'transferred' : 'held_for_decision'
    await preservationRepo.updatePreservedItem(trx, itemId, { status, outcome_on: a.onDate, transfer_to: o.transferTo })
  }
  const first = preservation.resolved_on === null
  if (first) {
    await preservationRepo.updatePreservation(trx, preservation.id, { resolved_on: a.onDate, resolution_note: a.input.note ?? null })
  }
  const deadline = currentDeadline(s, preservation.deadline_id)
  if (first && deadline) await meetDeadlineById(trx, deadline.id, a.onDate)
  const late = first && deadline ? a.onDate > deadline.due_on : false
  const items = [...outcomes].map(([itemId, o]) => ({ itemId, name: preservation.items.find((i) => i.id === itemId)!.name, ...o }))
  const counts = (['release', 'transfer', 'confiscate'] as const).map((k) => [k, items.filter((i) => i.outcome === k).length] as const).filter(([, n]) => n > 0)
  return {
    data: { preservationId: preservation.id, seq: preservation.seq, items, late, dueOn: deadline?.due_on ?? null },
    summary: `第${preservation.seq}次：${counts.map(([k, n]) => `${labels.preservationOutcome[k]}${n}项`).join('，')}${late ? `（已超过 ${deadline!.due_on} 的处理期限）` : ''}`,
  }
}

/**
 * The guard `preservation_resolved`: null, or why the act must wait. A decision needs every
 * preservation's 处理决定 and, for items held for 没收, a penalty that confiscates 非法财物; a case that
 * ends without a decision (终止, 移送) must first release (or transfer) whatever it holds.
 *
 * @example
 * preservationRefusal(state, act) // '第1次先行登记保存（2026-11-03）尚未作出处理决定（期限 2026-11-12）'
 */
export function preservationRefusal(s: CaseState, a: Pick<ActContext, 'action' | 'input'>): string | null {
  const problems: string[] = []
  for (const p of s.preservations) {
    if (p.resolved_on !== null) continue
    const due = currentDeadline(s, p.deadline_id)?.due_on
    problems.push(`第${p.seq}次先行登记保存（${p.preserved_on}）尚未作出处理决定${due ? `（期限 ${due}）` : ''}`)
  }
  const held = s.preservations.flatMap((p) => p.items.filter((i) => i.status === 'held_for_decision'))
  if (held.length > 0) {
    const names = held.map((i) => i.name).join('、')
    if (a.action === 'decide') {
      const outcome = a.input.decision ?? s.row.proposal
      if (outcome && (outcome.outcome !== 'penalty' || !outcome.kinds.includes('confiscate_property'))) {
        problems.push(`${names}经处理决定拟没收，处罚决定须没收非法财物；不予没收的，先作出解除先行登记保存的处理决定`)
      }
    } else {
      problems.push(`${names}仍在先行登记保存中（拟没收），案件不作处罚决定的，须先解除先行登记保存或移送`)
    }
  }
  return problems.length ? problems.join('；') : null
}

/** The items a penalty decision confiscates (held for it), recorded as confiscated on the day of the decision. */
export async function confiscateOnDecision(trx: Executor, s: CaseState, onDate: IsoDate): Promise<Array<{ name: string; spec: string | null; quantity: string; unit: string }>> {
  const held = s.preservations.flatMap((p) => p.items.filter((i) => i.status === 'held_for_decision'))
  if (held.length === 0) return []
  await preservationRepo.confiscateHeldItems(trx, s.row.id, onDate)
  return held.map((i) => ({ name: i.name, spec: i.spec, quantity: i.quantity, unit: i.unit }))
}

/** The detail view's `preservations`. */
export function presentPreservations(s: CaseState) {
  return s.preservations.map((p) => {
    const deadline = currentDeadline(s, p.deadline_id)
    return {
      id: p.id,
      seq: p.seq,
      approvedOn: p.approved_on,
      approverName: p.approver_name,
      preservedOn: p.preserved_on,
      place: p.place,
      custody: p.custody,
      custodian: p.custodian,
      grounds: p.reason,
      dueOn: deadline?.due_on ?? null,
      resolvedOn: p.resolved_on,
      late: p.resolved_on !== null && deadline !== undefined && p.resolved_on > deadline.due_on,
      items: p.items.map((i) => ({
        id: i.id,
        seq: i.seq,
        name: i.name,
        spec: i.spec,
        quantity: i.quantity,
        unit: i.unit,
        note: i.note,
        status: i.status,
        statusLabel: labels.preservedItemStatus[i.status],
        outcomeOn: i.outcome_on,
        transferTo: i.transfer_to,
      })),
    }
  })
}

/** The deadline row now standing for `id` (an extension supersedes a row with a new one). */
function currentDeadline(s: CaseState, id: string | null) {
  let row = s.deadlines.find((d) => d.id === id)
  while (row?.superseded_by) row = s.deadlines.find((d) => d.id === row!.superseded_by)
  return row
}

const invalid = (message: string, field: string) => new AppError('VALIDATION_FAILED', message, { field })
