import { deadlineStatus, labels, maskIdNumber, type CaseDeadlineKind, type IsoDate, type WorkCalendar } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { mediaTypeLabels, type SniffedMediaType } from '../../platform/files/file-type-sniff'
import { presentDeadline } from './case-deadlines.service'
import type { EvidenceFileRow } from './case-evidence-files.repository'
import type { Execution } from './case-execution.service'
import type { BenchmarkCheck } from './case-guards'
import type { CaseState } from './case-state'
import { seesPartyIdNumber } from './cases.policy'
import type * as repo from './cases.repository'
import type { CaseDetailView } from './cases.schema'
import { presentPreservations } from './evidence-preservation.service'

/**
 * Cases as the API shows them to signed-in users. Documents (文书) are not part of this presenter:
 * the document module adds them to the detail view itself.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const statusLabel = (s: string) => (labels.caseStatus as Record<string, string>)[s] ?? s

export function presentCase(actor: Actor, row: repo.CaseRow, legalReviewPoint: 'before_decision' | 'before_notice'): CaseDetailView['case'] {
  const idNumber = row.party_id_number ? (seesPartyIdNumber(actor, row) ? row.party_id_number : maskIdNumber(row.party_id_number)) : null
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    caseNo: row.case_no,
    procedure: row.procedure,
    procedureLabel: labels.caseProcedure[row.procedure],
    status: row.status,
    statusLabel: labels.caseStatus[row.status],
    statusBeforeSuspension: row.status_before_suspension,
    source: row.source,
    sourceLabel: labels.caseSource[row.source],
    sourceNote: row.source_note,
    inspectionId: row.inspection_id,
    transferredFromId: row.transferred_from_id,
    transferredToOrgId: row.transferred_to_org_id,
    powerItem: { id: row.power_item_id, code: row.power_item_code, name: row.power_item_name, domain: row.power_item_domain },
    benchmarkId: row.benchmark_id,
    title: row.title,
    party: {
      kind: row.party_kind,
      kindLabel: labels.partyKind[row.party_kind],
      name: row.party_name,
      idNumber,
      creditCode: row.party_credit_code,
      legalRep: row.party_legal_rep,
      address: row.party_address,
      phone: row.party_phone,
    },
    enterpriseId: row.enterprise_id,
    actDate: row.act_date,
    actEndDate: row.act_end_date,
    actPlace: row.act_place,
    harmToSafety: row.harm_to_safety,
    facts: row.facts,
    registeredAt: row.registered_at.toISOString(),
    filedOn: row.filed_on,
    major: row.major,
    legalReviewRequired: row.legal_review_required,
    legalReviewReasons: row.legal_review_reasons,
    legalReviewPoint,
    proposal: row.proposal,
    notifiedProposal: row.notified_proposal,
    noticeServedOn: row.notice_served_on,
    waivedAt: iso(row.waived_at),
    hearingEligible: row.hearing_eligible,
    hearing: row.hearing,
    legalReview: row.legal_review,
    collectiveDiscussion: row.collective_discussion,
    decision: row.decision,
    decidedOn: row.decided_on,
    deliveredOn: row.delivered_on,
    fineFen: Number(row.fine_fen),
    confiscateFen: Number(row.confiscate_fen),
    paymentDueOn: row.payment_due_on,
    outsideBenchmark: row.outside_benchmark,
    closedOn: row.closed_on,
    archivedAt: iso(row.archived_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export function presentDetail(
  actor: Actor,
  state: CaseState,
  extras: {
    today: IsoDate
    certificates: Map<string, { certNo: string }[]>
    execution: Execution | null
    benchmark: BenchmarkCheck | null
    actions: CaseDetailView['actions']
    /** The files attached to the evidence items, and whether the caller may attach more now. */
    evidenceFiles: readonly EvidenceFileRow[]
    mayAttachEvidenceFiles: boolean
  },
): CaseDetailView {
  const { row } = state
  return {
    case: presentCase(actor, row, state.rules.legalReviewPoint),
    officers: state.officers.map((o) => {
      const cert = extras.certificates.get(o.person_id)?.[0]
      return { personId: o.person_id, name: o.name, role: o.role, certNo: cert?.certNo ?? null, certValid: Boolean(cert) }
    }),
    events: state.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label: (labels.caseAction as Record<string, string>)[e.action] ?? eventLabels[e.action] ?? e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      fromStatusLabel: statusLabel(e.from_status),
      toStatusLabel: statusLabel(e.to_status),
      at: e.at.toISOString(),
      onDate: e.on_date,
      actorName: e.actor_name,
      officerIds: e.officer_ids,
      note: e.note,
      data: e.data,
    })),
    deadlines: state.deadlines.map((d) => presentDeadline(d, extras.today, state.calendar, state.rules.remindDaysBefore, state)),
    evidence: state.evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindLabel: labels.evidenceKind[e.kind],
      title: e.title,
      description: e.description,
      collectedOn: e.collected_on,
      officerIds: e.officer_ids,
      fileSha256: e.file_sha256,
      fileName: e.file_name,
      files: extras.evidenceFiles.filter((f) => f.evidence_id === e.id).map(presentEvidenceFile),
    })),
    mayAttachEvidenceFiles: extras.mayAttachEvidenceFiles,
    payments: state.payments.map((p) => ({ id: p.id, kind: p.kind, amountFen: Number(p.amount_fen), paidOn: p.paid_on, receiptNo: p.receipt_no })),
    instalments: state.instalments.map((i) => ({ seq: i.seq, dueOn: i.due_on, amountFen: Number(i.amount_fen) })),
    remedies: state.remedies.map((r) => ({ id: r.id, kind: r.kind, startedOn: r.started_on, endedOn: r.ended_on, result: r.result, outcome: r.outcome, organ: r.organ, documentNo: r.document_no })),
    execution: extras.execution
      ? {
          fineFen: extras.execution.fineFen,
          finePaidFen: extras.execution.finePaidFen,
          confiscateFen: extras.execution.confiscateFen,
          confiscationPaidFen: extras.execution.confiscationPaidFen,
          lateFeeFen: extras.execution.lateFeeFen,
          lateFeePaidFen: extras.execution.lateFeePaidFen,
          lateFeeDays: extras.execution.lateFeeDays,
          overdueFineFen: extras.execution.overdueFineFen,
          outstandingFen: extras.execution.outstandingFen,
          asOf: extras.execution.asOf,
          paused: extras.execution.paused,
          complete: extras.execution.complete,
        }
      : null,
    preservations: presentPreservations(state),
    benchmarkCheck: extras.benchmark,
    actions: extras.actions,
  }
}

const eventLabels: Record<string, string> = { register: '线索登记', simple_decide: '当场作出行政处罚决定', receive_transfer: '接收移送' }

type ListRow = Awaited<ReturnType<typeof repo.listCases>>['rows'][number]

/** A list row with its next deadline and days left. */
export function presentCaseRow(row: ListRow, today: IsoDate, calendar: WorkCalendar, remindDaysBefore = 3) {
  const next = row.next_deadline ? (JSON.parse(row.next_deadline) as { kind: CaseDeadlineKind; dueOn: string; provisional: boolean }) : null
  const status = next ? deadlineStatus(next.dueOn, today, calendar, { dueSoonWorkingDays: remindDaysBefore }) : null
  return {
    id: row.id,
    caseNo: row.case_no,
    title: row.title,
    orgId: row.org_id,
    orgName: row.org_name,
    procedure: row.procedure,
    procedureLabel: labels.caseProcedure[row.procedure],
    status: row.status,
    statusLabel: labels.caseStatus[row.status],
    partyName: row.party_name,
    partyKind: row.party_kind,
    powerItemName: row.power_item_name,
    registeredAt: row.registered_at.toISOString(),
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    fineFen: Number(row.fine_fen),
    outsideBenchmark: row.outside_benchmark,
    nextDeadline:
      next && status
        ? { kind: next.kind, label: labels.caseDeadlineKind[next.kind], dueOn: next.dueOn, daysLeft: status.daysLeft, state: status.state, provisional: next.provisional || !status.exact }
        : null,
  }
}

/** A file of an evidence item, with its download address (GET /api/cases/:id/evidence-files/:fileId). */
export function presentEvidenceFile(f: EvidenceFileRow) {
  const mediaType = f.media_type as SniffedMediaType
  return {
    id: f.id,
    fileName: f.file_name,
    mediaType: f.media_type,
    mediaTypeLabel: mediaTypeLabels[mediaType] ?? f.media_type,
    byteSize: f.byte_size,
    sha256: f.sha256,
    attachedAt: f.attached_at.toISOString(),
    url: `/api/cases/${f.case_id}/evidence-files/${f.id}`,
  }
}
