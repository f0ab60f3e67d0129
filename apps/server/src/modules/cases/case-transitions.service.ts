import {
  allowedActions,
  calendarDaysBetween,
  caseActions,
  fieldLabelOf,
  hearingEligibility,
  labels,
  legalReviewConclusionNames,
  legalReviewOpinionProblems,
  outcomeWithdrawsPublication,
  remedyOutcomeNames,
  reviewerQualificationCheck,
  shanghaiDateOf,
  transitionFor,
  type CaseAction,
  type CaseDocumentKind,
  type CaseStatus,
  type CaseTransition,
  type IsoDate,
} from '@yangguang/core'
import type { Kysely, Transaction, Updateable } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import type { CaseDecisionJson, CaseProposalJson, PenaltyCaseTable } from '../../platform/db/penalty-case-schema'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { issueCaseDocuments, type IssuedDocument } from './case-documents.service'
import { serviceDateOf } from './case-delivery'
import { cancelDeadlines, extendByDecision, extendForSuspension, fulfilDeadlines, meetDeadlines, scheduleDeadline } from './case-deadlines.service'
import { courtApplicationPeriodStart, executionOf, remediesOf } from './case-execution.service'
import { benchmarkCheck, effectiveProposal, evaluateGuards, legalReviewReasons, toProposalJson, type ActContext, type GuardRefusal } from './case-guards'
import { caseRulesFor, loadCaseState, type CaseState } from './case-state'
import { actorKinds, canSeeCase, policyRefusal } from './cases.policy'
import * as repo from './cases.repository'
import { actionBodySchemas, type CaseActionInput } from './cases.schema'
import { confiscateOnDecision, preserveEvidence, resolvePreservation } from './evidence-preservation.service'

export type Ctx = RequestContext & { actor: Actor }

/** What an act did: the case's new status and the documents it issued. */
export type ActResult = { caseId: string; status: CaseStatus; documents: IssuedDocument[]; createdCaseId?: string }

/**
 * Performs one act on a case (`POST /api/cases/:id/actions/:action`) in one transaction: lock the
 * case, find the transition for (status, act) in core's table, check the caller's policy, run every
 * guard (all refusals reported at once), apply the effects, write one `case_event` and one audit row
 * (which enqueues the ledger leaf), schedule and close deadlines, issue the act's documents. Any
 * refusal rolls everything back.
 *
 * @example
 * await performCaseAction(db, ctx, caseId, 'approve_filing', {})
 * await performCaseAction(db, ctx, caseId, 'notify', { notice: { servedOn: '2026-11-20' }, proposal })
 */
export async function performCaseAction(db: Kysely<DB>, ctx: Ctx, caseId: string, action: CaseAction, body: unknown): Promise<ActResult> {
  const input = parseActionBody(action, body)
  return inTransaction(db, (trx) => performCaseActionIn(trx, ctx, caseId, action, input))
}

/** Validates a body against the act's strict schema (VALIDATION_FAILED with the first problem in Chinese). */
export function parseActionBody(action: CaseAction, body: unknown): CaseActionInput {
  if (!(caseActions as readonly string[]).includes(action)) throw new AppError('VALIDATION_FAILED', `未知的办理行为：${String(action)}`)
  const parsed = actionBodySchemas[action].safeParse(body ?? {})
  if (parsed.success) return parsed.data as CaseActionInput
  const issue = parsed.error.issues[0]
  // Named like the edge's validation errors (error-handler.ts): the field in Chinese, the path in details.
  throw new AppError('VALIDATION_FAILED', `输入有误：${issue ? `${issue.path.length > 0 ? `${fieldLabelOf(issue.path)}：` : ''}${issue.message}` : '请检查填写内容'}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), field: i.path.length > 0 ? fieldLabelOf(i.path) : null, message: i.message })),
  })
}

/** The same inside a caller's transaction (seed scripts, other use cases). `input` must be parsed. */
export async function performCaseActionIn(trx: Transaction<DB>, ctx: Ctx, caseId: string, action: CaseAction, input: CaseActionInput): Promise<ActResult> {
  const row = await repo.lockCase(trx, caseId)
  if (!row || !canSeeCase(ctx.actor, row)) throw notFound('案件', { id: caseId })
  const transition = transitionFor(row.status, action, row.procedure)
  if (!transition) {
    throw invalidState(`案件当前为“${labels.caseStatus[row.status]}”，不能进行“${labels.caseAction[action]}”`, { status: row.status, action })
  }
  const state = await loadCaseState(trx, row)
  const today = shanghaiDateOf(ctx.now)
  const onDate = input.onDate ?? today
  if (onDate > today) throw new AppError('VALIDATION_FAILED', '办理日期不能晚于今天', { field: 'onDate' })
  const last = state.events.at(-1)
  if (last && onDate < last.on_date) throw new AppError('VALIDATION_FAILED', `办理日期不能早于上一办理环节（${last.on_date}）`, { field: 'onDate' })

  const person = await repo.findPersonOfUser(trx, ctx.actor.userId)
  const personId = person && person.org_id === row.org_id && person.status === 'active' ? person.id : null
  const refusal = policyRefusal(transition, actorKinds(ctx.actor, row, personId, state.officers.map((o) => o.person_id)))
  if (refusal) throw forbidden(refusal)

  const act: ActContext = { action, input, onDate, actor: ctx.actor, personId, preview: false }
  const refusals = await evaluateGuards(trx, state, act, transition.guards)
  if (refusals.length > 0) throw refused(action, refusals)

  const effect = await applyEffects(trx, ctx, state, act)
  const to = effect.to ?? resolveTarget(transition, row)
  await repo.updateCase(trx, caseId, { ...effect.patch, status: to, updated_at: ctx.now })
  await repo.insertEvent(trx, {
    case_id: caseId,
    // The case row is locked and its events were read after the lock: the next number follows them.
    seq: (state.events.at(-1)?.seq ?? 0) + 1,
    action,
    from_status: row.status,
    to_status: to,
    at: ctx.now,
    on_date: onDate,
    actor_id: ctx.actor.userId || null,
    actor_name: ctx.actor.displayName,
    officer_ids: effect.officerIds ?? [],
    data: JSON.stringify(effect.data ?? {}),
    note: input.note ?? (input.reason || null),
  })
  await recordAudit(trx, ctx, {
    action: `case.${action}`,
    entityType: 'penalty_case',
    entityId: caseId,
    orgId: row.org_id,
    summary: `${row.case_no ?? row.title}：${labels.caseAction[action]}${effect.summary ? `（${effect.summary}）` : ''}${input.reason ? `，理由：${input.reason}` : ''}`,
    before: { status: row.status },
    after: { status: to, onDate, ...(effect.data ?? {}) },
  })
  const documents = effect.documents?.length ? await issueCaseDocuments(trx, ctx, caseId, effect.documents, { action, onDate, ...(effect.docExtra ?? {}) }) : []
  return { caseId, status: to, documents, createdCaseId: effect.createdCaseId }
}

/** A refused act: every failed guard with its message (422 RULE_VIOLATION). */
export function refused(action: CaseAction | 'simple_decide', refusals: GuardRefusal[]): AppError {
  const label = action === 'simple_decide' ? '当场作出处罚决定' : labels.caseAction[action]
  // Outside the statutory range is its own stable code: no reason, review or vote makes it lawful.
  if (refusals.some((r) => r.guard === 'within_statutory_range')) {
    return new AppError('PENALTY_OUTSIDE_STATUTORY_RANGE', `不能${label}：${refusals.map((r) => r.message).join('；')}`, { refusals })
  }
  return new AppError('RULE_VIOLATION', `不能${label}：${refusals.map((r) => r.message).join('；')}`, { refusals })
}

function resolveTarget(transition: CaseTransition, row: repo.CaseRow): CaseStatus {
  if (transition.to === 'same') return row.status
  if (transition.to === 'previous') return row.status_before_suspension ?? 'investigating'
  return transition.to
}

type Effect = {
  /** Overrides the table's target (法制审核 before the notice returns to 案件审查). */
  to?: CaseStatus
  patch?: Updateable<PenaltyCaseTable>
  data?: Record<string, unknown>
  officerIds?: string[]
  summary?: string
  documents?: CaseDocumentKind[]
  docExtra?: Record<string, unknown>
  createdCaseId?: string
}

const invalid = (message: string, field?: string) => new AppError('VALIDATION_FAILED', message, field ? { field } : {})

async function applyEffects(trx: Transaction<DB>, ctx: Ctx, s: CaseState, a: ActContext): Promise<Effect> {
  const { row } = s
  const input = a.input
  const at = { caseId: row.id, rules: s.rules, calendar: s.calendar }
  const today = shanghaiDateOf(ctx.now)
  const notAfterToday = (date: IsoDate, field: string) => {
    if (date > today) throw invalid('日期不能晚于今天', field)
  }
  switch (a.action) {
    case 'submit_filing':
      return {}
    case 'approve_filing': {
      // 立案: the case gets its number; the 90-day decision period (art. 60) runs from today.
      const caseNo = row.case_no ?? (await nextCaseNo(trx, row, a.onDate))
      await meetDeadlines(trx, row.id, ['filing'], a.onDate)
      const decision = await scheduleDeadline(trx, at, 'decision', a.onDate)
      return { patch: { filed_on: a.onDate, case_no: caseNo }, data: { caseNo, decisionDueOn: decision.dueOn }, summary: `立案编号 ${caseNo}`, documents: ['filing_approval_form'] }
    }
    case 'reject_filing':
      await cancelDeadlines(trx, row.id, 'all')
      return {}
    case 'add_officer': {
      const ids = [...new Set(input.officers!.personIds)]
      const persons = await repo.findPersons(trx, ids)
      if (persons.length !== ids.length || persons.some((p) => p.org_id !== row.org_id || p.status !== 'active')) throw invalid('承办人须为本单位在岗执法人员', 'officers')
      await repo.insertOfficers(trx, row.id, ids.map((personId) => ({ personId, role: s.officers.length === 0 && personId === ids[0] ? 'lead' : 'co' })), ctx.now)
      return { data: { personIds: ids }, summary: persons.map((p) => p.name).join('、') }
    }
    case 'record_evidence': {
      const e = input.evidence!
      notAfterToday(e.collectedOn, 'evidence.collectedOn')
      const evidenceId = await repo.insertEvidence(trx, {
        case_id: row.id,
        kind: e.kind,
        title: e.title,
        description: e.description ?? null,
        collected_on: e.collectedOn,
        officer_ids: e.officerIds,
        file_sha256: e.fileSha256 ?? null,
        file_name: e.fileName ?? null,
        file_size: e.fileSize ?? null,
        created_by: ctx.actor.userId || null,
      })
      const documents: CaseDocumentKind[] = []
      if (e.inquiry) documents.push('inquiry_record')
      if (e.onSite || e.kind === 'inspection_record') documents.push('on_site_record')
      return {
        data: { evidenceId, kind: e.kind, title: e.title, collectedOn: e.collectedOn },
        officerIds: e.officerIds,
        summary: `${labels.evidenceKind[e.kind]}：${e.title}`,
        documents,
        docExtra: { evidenceId, inquiry: e.inquiry ?? null, onSite: e.onSite ?? null },
      }
    }
    case 'finish_investigation': {
      const proposal = input.proposal ? toProposalJson(input.proposal) : undefined
      return { patch: proposal ? { proposal: JSON.stringify(proposal) } : {}, data: proposal ? { proposal } : {} }
    }
    case 'return_investigation':
      // A returned case needs a fresh review and, where needed, a fresh notice.
      return { patch: { legal_review: null }, data: { from: row.status } }
    case 'notify': {
      const proposal = effectiveProposal(s, a) as CaseProposalJson
      // 公告送达: served thirty days after the announcement, and the statement and hearing periods run from then.
      const service = serviceDateOf(s.calendar, { ...input.notice!, date: input.notice!.servedOn }, { field: 'notice', today, notBefore: s.events.at(-1)?.on_date ?? null })
      const servedOn = service.servedOn
      if (!service.announcement) notAfterToday(servedOn, 'notice.servedOn')
      if (servedOn < a.onDate && servedOn < (s.events.at(-1)?.on_date ?? servedOn)) throw invalid('告知书送达日期不能早于上一办理环节', 'notice.servedOn')
      // 第六十三条: whether the party may ask for a hearing follows from the notified penalty.
      const eligibility = hearingEligibility({
        partyKind: row.party_kind,
        kinds: proposal.kinds,
        fineFen: proposal.fineFen,
        confiscateFen: proposal.confiscateFen,
        thresholds: { personFen: s.rules.hearingFinePersonFen, orgFen: s.rules.hearingFineOrgFen },
      })
      const reasons = legalReviewReasons({ ...s, row: { ...row, hearing_eligible: eligibility.eligible } }, proposal.fineFen)
      const statement = await scheduleDeadline(trx, at, 'statement', servedOn)
      const hearingDue = eligibility.eligible ? await scheduleDeadline(trx, at, 'hearing_request', servedOn) : null
      if (!eligibility.eligible) await cancelDeadlines(trx, row.id, ['hearing_request'])
      return {
        patch: {
          proposal: JSON.stringify(proposal),
          notified_proposal: JSON.stringify(proposal),
          notice_served_on: servedOn,
          waived_at: null,
          hearing: null,
          // 第四十五条: a new notice (another penalty kind) is reviewed anew where the review follows the notice.
          ...(row.notice_served_on && s.rules.legalReviewPoint === 'before_decision' ? { legal_review: null } : {}),
          hearing_eligible: eligibility.eligible,
          legal_review_required: reasons.length > 0,
          legal_review_reasons: reasons,
        },
        data: { servedOn, method: input.notice!.method, ...(service.announcement ? { announcement: service.announcement } : {}), proposal, hearingEligible: eligibility.eligible, hearingReasons: eligibility.reasons, statementDueOn: statement.dueOn, hearingRequestDueOn: hearingDue?.dueOn ?? null },
        summary: `告知书${service.announcement ? `${service.announcement.announcedOn} 公告，${servedOn} 视为` : ` ${servedOn} `}送达${eligibility.eligible ? '，告知听证权利' : ''}`,
        documents: ['prior_notice'],
      }
    }
    case 'record_statement':
      return { data: { statement: input.statement }, summary: input.statement!.adopted ? '意见予以采纳' : '意见不予采纳' }
    case 'record_waiver':
      // 第六十二条: the party expressly gave up statement, defence (and hearing).
      await meetDeadlines(trx, row.id, ['statement', 'hearing_request'], a.onDate)
      return { patch: { waived_at: ctx.now }, data: { statement: input.statement ?? null } }
    case 'request_hearing': {
      const requestedOn = input.hearing?.requestedOn ?? a.onDate
      notAfterToday(requestedOn, 'hearing.requestedOn')
      await meetDeadlines(trx, row.id, ['hearing_request'], requestedOn)
      return { patch: { hearing: JSON.stringify({ requestedOn }) }, data: { requestedOn } }
    }
    case 'schedule_hearing': {
      const h = input.hearing!
      const [presiding] = await repo.findPersons(trx, [h.presidingPersonId!])
      if (!presiding || presiding.status !== 'active') throw invalid('听证主持人须为在岗人员', 'hearing.presidingPersonId')
      const noticeServedOn = h.noticeServedOn ?? a.onDate
      notAfterToday(noticeServedOn, 'hearing.noticeServedOn')
      const hearing = { ...(row.hearing ?? { requestedOn: a.onDate }), date: h.date!, place: h.place!, presidingPersonId: presiding.id, presidingName: presiding.name, noticeServedOn }
      return { patch: { hearing: JSON.stringify(hearing) }, data: { hearing }, summary: `${h.date} 于${h.place}举行，主持人${presiding.name}`, documents: ['hearing_notice'] }
    }
    case 'hold_hearing': {
      const current = row.hearing
      if (!current?.date) throw invalidState('尚未安排听证（先安排听证并送达听证通知书）')
      const heldOn = input.hearing?.heldOn ?? a.onDate
      notAfterToday(heldOn, 'hearing.heldOn')
      if (heldOn < current.date) throw invalid(`听证不得早于通知的日期（${current.date}）`, 'hearing.heldOn')
      const hearing = { ...current, heldOn, absent: input.hearing?.absent ?? false, summary: input.hearing?.summary ?? null }
      const next = { ...s, row: { ...row, hearing } }
      const reasons = legalReviewReasons(next, row.proposal?.fineFen ?? 0)
      return {
        patch: { hearing: JSON.stringify(hearing), legal_review_required: reasons.length > 0, legal_review_reasons: reasons },
        data: { hearing },
        summary: hearing.absent ? '当事人无正当理由未到场，视为放弃听证' : `${heldOn} 举行`,
        documents: hearing.absent ? [] : ['hearing_record'],
      }
    }
    case 'conclude_statements':
      await meetDeadlines(trx, row.id, ['statement', 'hearing_request'], a.onDate)
      return {}
    case 'submit_legal_review': {
      const proposal = effectiveProposal(s, a)
      const reasons = legalReviewReasons(s, proposal?.fineFen ?? 0)
      if (row.status !== 'under_review') await meetDeadlines(trx, row.id, ['statement', 'hearing_request'], a.onDate)
      return {
        patch: { ...(input.proposal ? { proposal: JSON.stringify(proposal) } : {}), legal_review_required: reasons.length > 0, legal_review_reasons: reasons },
        data: { reasons },
      }
    }
    case 'pass_legal_review':
    case 'fail_legal_review': {
      const passed = a.action === 'pass_legal_review'
      const r = input.review!
      // 第五十八条: a structured opinion; only 同意 passes, and 同意 with a point at issue is refused.
      const problems = legalReviewOpinionProblems(r)
      if (passed && r.conclusion !== 'agree') problems.push(`审核结论为“${legalReviewConclusionNames[r.conclusion]}”的，应作“审核不通过”`)
      if (!passed && r.conclusion === 'agree') problems.push('审核结论为“同意”的，应作“审核通过”')
      if (problems.length) throw invalid(`法制审核意见有误：${problems.join('；')}`, 'review')
      const qualification = a.personId ? reviewerQualificationCheck(await repo.reviewerQualification(trx, a.personId, ctx.actor.userId), a.onDate) : null
      const review = {
        passed,
        reviewerId: ctx.actor.userId,
        reviewerName: ctx.actor.displayName,
        reviewerPersonId: a.personId,
        qualification: qualification?.ok ? qualification.basis : null,
        at: ctx.now.toISOString(),
        onDate: a.onDate,
        opinion: r.opinion,
        aspects: r.aspects,
        conclusion: r.conclusion,
      }
      // Where local rules put the review before the notice, a pass returns the case to 案件审查 and `notify` follows.
      const beforeNotice = passed && s.rules.legalReviewPoint === 'before_notice' && !row.notice_served_on
      return { to: beforeNotice ? 'under_review' : undefined, patch: { legal_review: JSON.stringify(review) }, data: { review }, documents: ['legal_review_opinion'] }
    }
    case 'record_collective_discussion': {
      const d = input.discussion!
      notAfterToday(d.heldOn, 'discussion.heldOn')
      return { patch: { collective_discussion: JSON.stringify(d) }, data: { discussion: d }, documents: ['collective_discussion_record'] }
    }
    case 'decide':
      return decide(trx, s, a, at)
    case 'deliver': {
      const body = input.delivery!
      // 公告送达: the decision counts as received thirty days after the announcement (民事诉讼法 第九十五条);
      // payment (第六十七条), 复议 and 诉讼 run from that day. The agency served within art. 61's seven days if it announced within them.
      const service = serviceDateOf(s.calendar, { ...body, date: body.deliveredOn }, { field: 'delivery', today, notBefore: row.decided_on })
      const d = { ...body, deliveredOn: service.servedOn, receiver: body.receiver ?? row.party_name, ...(service.announcement ? { announcement: service.announcement } : {}) }
      if (!service.announcement) notAfterToday(d.deliveredOn, 'delivery.deliveredOn')
      if (row.decided_on && d.deliveredOn < row.decided_on) throw invalid('送达日期不能早于决定日期', 'delivery.deliveredOn')
      // 第六十一条: electronic delivery only with the party's signed consent.
      if (d.method === 'electronic' && !d.consentForElectronic) throw invalid('电子送达须经当事人同意并签订确认书（第六十一条）', 'delivery.consentForElectronic')
      await meetDeadlines(trx, row.id, ['delivery'], service.announcement?.announcedOn ?? d.deliveredOn)
      const owes = row.decision?.outcome === 'penalty' && (Number(row.fine_fen) > 0 || Number(row.confiscate_fen) > 0)
      // 第六十七条: pay within 15 days of receiving the decision.
      const payment = owes ? await scheduleDeadline(trx, at, 'payment', d.deliveredOn) : null
      return {
        patch: { delivered_on: d.deliveredOn, payment_due_on: payment?.dueOn ?? null },
        data: { delivery: d, paymentDueOn: payment?.dueOn ?? null },
        summary: service.announcement ? `公告送达：${service.announcement.announcedOn} 公告，${d.deliveredOn} 视为送达` : `${labels.deliveryMethod[d.method]}，${d.deliveredOn}`,
        documents: ['delivery_receipt'],
      }
    }
    case 'record_payment': {
      const p = input.payment!
      notAfterToday(p.paidOn, 'payment.paidOn')
      if (row.decision?.outcome !== 'penalty') throw invalidState('本案没有需要缴纳的罚没款')
      await repo.insertPayment(trx, { case_id: row.id, kind: p.kind, amount_fen: p.amountFen, paid_on: p.paidOn, receipt_no: p.receiptNo ?? null, created_by: ctx.actor.userId || null })
      const after = executionOf({ ...s, payments: [...s.payments, { id: '', case_id: row.id, kind: p.kind, amount_fen: p.amountFen, paid_on: p.paidOn, receipt_no: p.receiptNo ?? null, created_by: null, created_at: ctx.now }] }, today)
      if (after?.complete) await meetDeadlines(trx, row.id, ['payment'], p.paidOn)
      return { data: { payment: p, outstandingFen: after?.outstandingFen ?? 0 }, summary: `${p.kind === 'fine' ? '罚款' : p.kind === 'late_fee' ? '加处罚款' : '没收款'}${(p.amountFen / 100).toFixed(2)}元` }
    }
    case 'grant_deferral': {
      // 第六十六条第二款: deferral or instalments on the party's application, approved by the agency.
      const list = [...input.deferral!.instalments].sort((x, y) => x.dueOn.localeCompare(y.dueOn))
      const sum = list.reduce((total, i) => total + i.amountFen, 0)
      if (sum !== Number(row.fine_fen)) throw invalid(`分期金额合计${(sum / 100).toFixed(2)}元，应等于罚款${(Number(row.fine_fen) / 100).toFixed(2)}元`, 'deferral.instalments')
      const lastDue = list.at(-1)!.dueOn
      await repo.replaceInstalments(trx, row.id, list)
      const open = await repo.openDeadline(trx, row.id, 'payment')
      const id = await repo.insertDeadline(trx, {
        case_id: row.id,
        kind: 'payment',
        starts_on: row.delivered_on ?? a.onDate,
        days: calendarDaysBetween(row.delivered_on ?? a.onDate, lastDue),
        unit: 'natural_days',
        basis: '《行政处罚法》第六十六条第二款（暂缓或者分期缴纳）',
        due_on: lastDue,
        reason: input.reason ?? null,
      })
      if (open) await repo.updateDeadline(trx, open.id, { status: 'superseded', superseded_by: id })
      // After a 催告 the court-application period already runs; the deferral moves its start (第七十二条第二款).
      const court = (await repo.openDeadline(trx, row.id, 'court_application')) ? await scheduleCourtApplication(trx, at, row, list, remediesOf(s)) : null
      return {
        patch: { payment_due_on: lastDue },
        data: { instalments: list, ...(court ? { courtApplicationDueOn: court.dueOn } : {}) },
        summary: `${list.length}期，最后一期 ${lastDue}`,
      }
    }
    case 'record_remedy': {
      const r = input.remedy!
      notAfterToday(r.startedOn, 'remedy.startedOn')
      if (r.endedOn) notAfterToday(r.endedOn, 'remedy.endedOn')
      if (r.endedOn && r.endedOn < r.startedOn) throw invalid('结束日期不能早于开始日期', 'remedy.endedOn')
      const outcome = { outcome: r.outcome ?? null, organ: r.organ ?? null, document_no: r.documentNo ?? null }
      const ended = r.endedOn ? await repo.endOpenRemedy(trx, row.id, r.kind, r.endedOn, r.result ?? null, outcome) : false
      if (!ended) await repo.insertRemedy(trx, { case_id: row.id, kind: r.kind, started_on: r.startedOn, ended_on: r.endedOn ?? null, result: r.result ?? null, ...outcome })
      // 第四十八条第二款、第八十五条: a published decision changed or annulled on 复议/诉讼 is withdrawn within three working days.
      const withdraws = r.outcome && r.endedOn && outcomeWithdrawsPublication(r.outcome) && (await repo.publicationStatusOf(trx, row.id)) === 'published'
      const withdrawal = withdraws ? await scheduleDeadline(trx, at, 'withdrawal', r.endedOn!) : null
      // A 复议 ended after the 催告: the 15 days to sue from its decision (行政诉讼法 第四十五条) may move the court-application period.
      const reconsiderationEnded = r.kind === 'reconsideration' && r.endedOn
      const court =
        reconsiderationEnded && (await repo.openDeadline(trx, row.id, 'court_application'))
          ? await scheduleCourtApplication(trx, at, row, s.instalments.map((i) => ({ dueOn: i.due_on })), [...remediesOf(s), { kind: r.kind, endedOn: r.endedOn ?? null }])
          : null
      return {
        data: { remedy: r, ...(court ? { courtApplicationDueOn: court.dueOn } : {}), ...(withdrawal ? { withdrawalDueOn: withdrawal.dueOn } : {}) },
        summary: `${r.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}${r.endedOn ? '结束' : '开始'}${r.outcome ? `：${r.organ ?? ''}${r.documentNo ? `（${r.documentNo}）` : ''}${remedyOutcomeNames[r.outcome]}` : ''}${withdrawal ? `，公示须于 ${withdrawal.dueOn} 前撤回` : ''}`,
      }
    }
    case 'remind': {
      // 行政强制法第三十五条: written 催告; 第五十三条: the court application period follows the remedy periods
      // (or an approved deferral ending later, 行政处罚法第七十二条第二款).
      const servedOn = input.reminder?.servedOn ?? a.onDate
      notAfterToday(servedOn, 'reminder.servedOn')
      const execution = executionOf(s, a.onDate)
      const court = await scheduleCourtApplication(trx, at, row, s.instalments.map((i) => ({ dueOn: i.due_on })), remediesOf(s))
      return { data: { servedOn, outstandingFen: execution?.outstandingFen ?? 0, lateFeeFen: execution?.lateFeeFen ?? 0, courtApplicationDueOn: court?.dueOn ?? null }, documents: ['payment_reminder'] }
    }
    case 'apply_court': {
      const c = input.court!
      notAfterToday(c.appliedOn, 'court.appliedOn')
      await meetDeadlines(trx, row.id, ['court_application'], c.appliedOn)
      return { data: { court: c.court, appliedOn: c.appliedOn }, summary: c.court }
    }
    case 'close':
      await meetDeadlines(trx, row.id, ['payment'], a.onDate)
      // 第五十二条第三款: closing does not file an on-the-spot decision; its 备案 stays due (or shows missed).
      await cancelDeadlines(trx, row.id, 'all', ['publication', 'withdrawal', 'simple_record'])
      return { patch: { closed_on: a.onDate }, documents: ['closing_report'] }
    case 'archive':
      return { patch: { archived_at: ctx.now } }
    case 'terminate':
      await cancelDeadlines(trx, row.id, 'all', ['publication', 'withdrawal'])
      return {}
    case 'transfer':
      return transfer(trx, ctx, s, a)
    case 'suspend':
      return { patch: { status_before_suspension: row.status }, data: { from: row.status } }
    case 'resume': {
      // 中止: the days the case stood still do not count towards the 90 days of art. 60, so the
      // decision deadline is extended by them (a new row on the ground 'suspension', superseding the old one).
      const suspendedOn = [...s.events].reverse().find((e) => e.action === 'suspend')?.on_date ?? a.onDate
      const days = calendarDaysBetween(suspendedOn, a.onDate)
      const extended = await extendForSuspension(trx, at, { userId: ctx.actor.userId || null, now: ctx.now }, suspendedOn, a.onDate)
      return { patch: { status_before_suspension: null }, data: { suspendedOn, days, decisionDueOn: extended?.toDueOn ?? null } }
    }
    case 'revoke_decision': {
      await cancelDeadlines(trx, row.id, 'all', ['publication', 'withdrawal'])
      // 第四十八条第二款: a published decision revoked is withdrawn within 3 (working) days.
      const published = row.decision?.outcome === 'penalty'
      const withdrawal = published ? await scheduleDeadline(trx, at, 'withdrawal', a.onDate) : null
      if (published) await cancelDeadlines(trx, row.id, ['publication'])
      return { data: { withdrawalDueOn: withdrawal?.dueOn ?? null } }
    }
    case 'record_simple_filing': {
      // 第五十二条第三款: filed with the unit (its legal or records office, or a named person); late is still filed.
      const f = input.simpleFiling!
      notAfterToday(f.recordedOn, 'simpleFiling.recordedOn')
      if (row.decided_on && f.recordedOn < row.decided_on) throw invalid(`备案日期不能早于决定日期（${row.decided_on}）`, 'simpleFiling.recordedOn')
      const due = s.deadlines.find((x) => x.kind === 'simple_record' && (x.status === 'open' || x.status === 'missed'))
      await fulfilDeadlines(trx, row.id, ['simple_record'], f.recordedOn)
      const late = due ? f.recordedOn > due.due_on : false
      return { data: { simpleFiling: f, dueOn: due?.due_on ?? null, late }, summary: `${f.recordedOn} 报${f.recordedWith}备案${late ? `（逾期，期限 ${due!.due_on}）` : ''}` }
    }
    case 'preserve_evidence':
      return preserveEvidence(trx, s, a, { userId: ctx.actor.userId || null, displayName: ctx.actor.displayName }, today)
    case 'resolve_preservation':
      return resolvePreservation(trx, s, a)
    case 'extend_deadline': {
      // Only a period the rule set lists, before its due date, by the head then by 集体讨论 (case-deadlines.service).
      const e = input.extension!
      const extended = await extendByDecision(trx, at, { userId: ctx.actor.userId || null, now: ctx.now, today }, { kind: e.kind, days: e.days, reason: input.reason!, discussion: e.discussion })
      const by = extended.ground === 'collective_discussion' ? '经集体讨论' : '经负责人批准'
      return { data: { kind: e.kind, days: e.days, ...extended }, summary: `${labels.caseDeadlineKind[e.kind]}${by}由 ${extended.fromDueOn} 延至 ${extended.toDueOn}` }
    }
  }
  return {}
}

/**
 * Schedules the deadline to apply to the court for enforcement (行政强制法 第五十三条): three months
 * from the later of the end of the 复议/诉讼 periods and the last approved instalment or deferred due
 * date (行政处罚法 第六十六条第二款、第七十二条第二款) — the reading is core's
 * `courtApplicationPeriodStartsOn`, via {@link courtApplicationPeriodStart}. Null before the decision was delivered.
 */
async function scheduleCourtApplication(
  trx: Transaction<DB>,
  at: { caseId: string; rules: CaseState['rules']; calendar: CaseState['calendar'] },
  row: CaseState['row'],
  instalments: readonly { dueOn: IsoDate }[],
  remedies: ReturnType<typeof remediesOf>,
): Promise<{ dueOn: IsoDate; provisional: boolean } | null> {
  const starts = courtApplicationPeriodStart(at.calendar, row.delivered_on, instalments, remedies)
  if (!starts) return null
  return scheduleDeadline(trx, at, 'court_application', starts.ok ? starts.date : starts.provisionalDate)
}

async function decide(trx: Transaction<DB>, s: CaseState, a: ActContext, at: { caseId: string; rules: CaseState['rules']; calendar: CaseState['calendar'] }): Promise<Effect> {
  const { row } = s
  const d = a.input.decision!
  const problems: string[] = []
  if (d.outcome === 'penalty') {
    if (d.kinds.length === 0) problems.push('未选择处罚种类')
    if (d.kinds.includes('fine') !== d.fineFen > 0) problems.push('罚款种类与罚款数额不一致')
    if ((d.kinds.includes('confiscate_gains') || d.kinds.includes('confiscate_property')) && d.confiscateFen <= 0) problems.push('选择了没收但未填写没收金额')
  } else {
    if (d.kinds.length > 0 || d.fineFen > 0 || d.confiscateFen > 0) problems.push('不予处罚或移送司法机关的决定不能同时给予处罚')
    if (d.outcome === 'no_penalty' && !d.ground) problems.push('不予处罚须选择理由（第三十三条等）')
  }
  if (problems.length) throw invalid(`决定内容有误：${problems.join('；')}`, 'decision')
  const check = d.outcome === 'penalty' ? await benchmarkCheck(trx, s, toProposalJson(d)) : null
  const outside = check?.within === false
  const decision: CaseDecisionJson = {
    outcome: d.outcome,
    kinds: d.kinds,
    fineFen: d.fineFen,
    confiscateFen: d.confiscateFen,
    ground: d.ground ?? null,
    tier: d.tier ?? null,
    benchmarkId: d.benchmarkId ?? row.benchmark_id ?? null,
    outsideBenchmark: outside,
    reason: d.reason ?? null,
    acts: d.acts,
    transferTo: d.transferTo ?? null,
  }
  await meetDeadlines(trx, row.id, ['decision'], a.onDate)
  // 第五十六条: what was held for 没收 is confiscated by this decision (the guard refused any other outcome), and the decision lists it.
  const confiscatedItems = d.outcome === 'penalty' ? await confiscateOnDecision(trx, s, a.onDate) : []
  const delivery = await scheduleDeadline(trx, at, 'delivery', a.onDate)
  // 双公示: a penalty decision is published within the configured working days.
  const publication = d.outcome === 'penalty' ? await scheduleDeadline(trx, at, 'publication', a.onDate) : null
  const documents: CaseDocumentKind[] =
    d.outcome === 'penalty' ? ['penalty_decision', 'rectification_order'] : d.outcome === 'no_penalty' ? ['no_penalty_decision'] : ['transfer_letter']
  return {
    patch: {
      decision: JSON.stringify(decision),
      decided_on: a.onDate,
      fine_fen: d.fineFen,
      confiscate_fen: d.confiscateFen,
      outside_benchmark: outside,
      benchmark_id: decision.benchmarkId,
    },
    data: { decision, benchmark: check, deliveryDueOn: delivery.dueOn, publicationDueOn: publication?.dueOn ?? null, ...(confiscatedItems.length ? { confiscatedItems } : {}) },
    summary: `${labels.decisionOutcome[d.outcome]}${d.fineFen > 0 ? `，罚款${(d.fineFen / 100).toFixed(2)}元` : ''}${outside ? '，超出裁量基准' : ''}`,
    documents,
    docExtra: confiscatedItems.length ? { confiscatedItems } : undefined,
  }
}

/** 移送: to another unit (a new case registered there) and/or to the judicial organs (art. 27). */
async function transfer(trx: Transaction<DB>, ctx: Ctx, s: CaseState, a: ActContext): Promise<Effect> {
  const { row } = s
  const t = a.input.transfer!
  if (!t.toOrgId && !t.judicial) throw invalid('请选择移送的单位，或移送司法机关', 'transfer')
  await cancelDeadlines(trx, row.id, 'all')
  if (!t.toOrgId) {
    return { data: { judicial: true, toName: t.toName ?? null }, summary: `移送${t.toName ?? '司法机关'}`, documents: ['transfer_letter'], docExtra: { toName: t.toName ?? null } }
  }
  if (t.toOrgId === row.org_id) throw invalid('不能移送本单位', 'transfer.toOrgId')
  const org = await repo.findOrg(trx, t.toOrgId)
  if (!org) throw invalid('接收单位不存在', 'transfer.toOrgId')
  const powerItemId = t.powerItemId ?? row.power_item_id
  const newId = await repo.insertCase(trx, {
    org_id: org.id,
    procedure: 'general',
    status: 'registered',
    source: 'transfer',
    source_note: `${row.org_name}移送（${row.case_no ?? row.title}）：${a.input.reason}`,
    inspection_id: row.inspection_id,
    transferred_from_id: row.id,
    power_item_id: powerItemId,
    title: row.title,
    party_kind: row.party_kind,
    party_name: row.party_name,
    party_id_number: row.party_id_number,
    party_credit_code: row.party_credit_code,
    party_legal_rep: row.party_legal_rep,
    party_address: row.party_address,
    party_phone: row.party_phone,
    enterprise_id: row.enterprise_id,
    act_date: row.act_date,
    act_end_date: row.act_end_date,
    act_place: row.act_place,
    harm_to_safety: row.harm_to_safety,
    facts: row.facts,
    // The receiving unit learns of the act now; the limitation still counts from the act.
    registered_at: ctx.now,
    major: row.major,
    created_by: ctx.actor.userId || null,
  })
  const newRow = (await repo.findCase(trx, newId))!
  const rules = await caseRulesFor(trx, newRow.org_region_path)
  await scheduleDeadline(trx, { caseId: newId, rules, calendar: s.calendar }, 'filing', a.onDate)
  await repo.insertEvent(trx, {
    case_id: newId,
    seq: 1,
    action: 'receive_transfer',
    from_status: 'registered',
    to_status: 'registered',
    at: ctx.now,
    on_date: a.onDate,
    actor_id: ctx.actor.userId || null,
    actor_name: ctx.actor.displayName,
    data: JSON.stringify({ fromCaseId: row.id, fromOrgId: row.org_id, fromOrgName: row.org_name }),
    note: a.input.reason ?? null,
  })
  await recordAudit(trx, ctx, {
    action: 'case.receive_transfer',
    entityType: 'penalty_case',
    entityId: newId,
    orgId: org.id,
    summary: `接收${row.org_name}移送的案件：${row.title}（当事人 ${row.party_name}）`,
    after: { status: 'registered', transferredFromId: row.id },
  })
  return {
    patch: { transferred_to_org_id: org.id },
    data: { toOrgId: org.id, toOrgName: org.name, newCaseId: newId, judicial: t.judicial },
    summary: `移送${org.name}${t.judicial ? '并移送司法机关' : ''}`,
    documents: ['transfer_letter'],
    docExtra: { toOrgId: org.id, toName: org.name },
    createdCaseId: newId,
  }
}

/**
 * 案件编号 at 立案: 《unit short name》罚立〔year〕N号, numbered per unit and year. (Document numbers —
 * 决定书 and the rest — are the document module's.)
 */
export async function nextCaseNo(trx: Transaction<DB>, row: { org_id: string; org_short_name: string }, onDate: IsoDate, procedure: 'simple' | 'general' = 'general'): Promise<string> {
  const year = Number(onDate.slice(0, 4))
  await repo.lockCaseNumbering(trx, row.org_id, year)
  const n = (await repo.countNumberedCases(trx, row.org_id, year, procedure)) + 1
  return `${row.org_short_name}${procedure === 'simple' ? '简罚' : '罚立'}〔${year}〕${n}号`
}

/**
 * The detail view's `actions`: every transition from the current status, with whether the caller
 * may do it now and, if not, why (policy and guards evaluated read-only, without a body).
 */
export async function previewActions(db: Kysely<DB> | Transaction<DB>, ctx: Ctx, state: CaseState): Promise<Array<{ action: CaseAction; label: string; allowed: boolean; refusals: Array<{ guard: string; message: string }> }>> {
  const { row } = state
  const person = await repo.findPersonOfUser(db, ctx.actor.userId)
  const personId = person && person.org_id === row.org_id && person.status === 'active' ? person.id : null
  const kinds = actorKinds(ctx.actor, row, personId, state.officers.map((o) => o.person_id))
  const today = shanghaiDateOf(ctx.now)
  const result = []
  for (const transition of allowedActions(row.status, row.procedure)) {
    const refusal = policyRefusal(transition, kinds)
    const refusals: Array<{ guard: string; message: string }> = refusal ? [{ guard: 'policy', message: refusal }] : []
    if (!refusal) {
      const act: ActContext = { action: transition.action, input: {}, onDate: today, actor: ctx.actor, personId, preview: true }
      refusals.push(...(await evaluateGuards(db, state, act, transition.guards)))
    }
    result.push({ action: transition.action, label: labels.caseAction[transition.action], allowed: refusals.length === 0, refusals })
  }
  return result
}

