import type { CaseAction, CaseDeadlineKind, CaseProcedure, CaseSource, CaseStatus, DecisionOutcome, DiscretionTier, EvidenceKind, NoPenaltyGround, PartyKind, PenaltyKind, PreservedItemStatus } from '@yangguang/core'
import type { EvidenceFile } from './EvidenceFiles'

import type { Mitigation } from '@yangguang/core'

// The shapes of apps/server/src/modules/cases/cases.schema.ts (responses), as the web reads them.

/** One act the server lists for a case: allowed now, or refused with every failed guard's message. */
export type CaseActionView = { action: CaseAction; label: string; allowed: boolean; refusals: Array<{ guard: string; message: string }> }

export type DeadlineState = 'overdue' | 'due_soon' | 'ok'

export type CaseDeadline = {
  id: string
  kind: CaseDeadlineKind
  label: string
  basis: string
  startsOn: string
  days: number
  unit: 'working_days' | 'natural_days'
  dueOn: string
  status: 'open' | 'met' | 'missed' | 'superseded' | 'cancelled'
  metOn: string | null
  /** Met, but after its due day. */
  late: boolean
  /** Natural days from today; negative when overdue (open deadlines only). */
  daysLeft: number | null
  workingDaysLeft: number | null
  state: DeadlineState | null
  moved: boolean
  provisional: boolean
  reason: string | null
  supersededBy: string | null
  /** The statutory due date, never moved by an extension. */
  originalDueOn: string
  /** The original due date plus the extensions granted while it ran. */
  lawfulDueOn: string
  outcome: 'met' | 'met_late' | 'missed' | 'running' | null
  extension: { ground: 'head_approval' | 'collective_discussion' | 'suspension' | 'legacy'; groundLabel: string; days: number | null; fromDueOn: string; extendedOn: string; lawful: boolean; discussion: { heldOn: string; attendees: string[]; conclusion: string } | null } | null
  /** Whether it may be extended now (the region's rules): at most `maxDays`, with a 集体讨论 record when `needsDiscussion`. */
  extendable: { maxDays: number | null; needsDiscussion: boolean; unit: 'working_days' | 'natural_days' } | null
}

export type NextDeadline = { kind: CaseDeadlineKind; label: string; dueOn: string; daysLeft: number; state: DeadlineState; provisional: boolean }

/** A row of `GET /api/cases`. */
export type CaseRow = {
  id: string
  caseNo: string | null
  title: string
  orgId: string
  orgName: string
  procedure: CaseProcedure
  procedureLabel: string
  status: CaseStatus
  statusLabel: string
  partyName: string
  partyKind: PartyKind
  powerItemName: string
  registeredAt: string
  filedOn: string | null
  decidedOn: string | null
  fineFen: number
  outsideBenchmark: boolean
  nextDeadline: NextDeadline | null
  /** Not in the server's row yet; shown when it is. */
  officers?: Array<{ name: string }>
}

/** 处罚建议 / 决定 (one shape). */
export type Outcome = {
  outcome: DecisionOutcome
  kinds: PenaltyKind[]
  fineFen: number
  confiscateFen: number
  ground?: NoPenaltyGround | null
  tier?: DiscretionTier | null
  benchmarkId?: string | null
  conditions?: string[]
  baseFen?: number | null
  /** 法定处罚幅度 inputs: the per-unit quantity, the evidence for the base, 从轻/减轻 with grounds. */
  baseUnits?: number | null
  baseEvidence?: string | null
  mitigation?: Mitigation | null
  reason?: string | null
  transferTo?: string | null
}

export type CaseView = {
  id: string
  orgId: string
  orgName: string
  caseNo: string | null
  procedure: CaseProcedure
  procedureLabel: string
  status: CaseStatus
  statusLabel: string
  statusBeforeSuspension: CaseStatus | null
  source: CaseSource
  sourceLabel: string
  sourceNote: string | null
  inspectionId: string | null
  powerItem: { id: string; code: string; name: string; domain: string }
  benchmarkId: string | null
  title: string
  party: { kind: PartyKind; kindLabel: string; name: string; idNumber: string | null; creditCode: string | null; legalRep: string | null; address: string | null; phone: string | null }
  enterpriseId: string | null
  actDate: string
  actEndDate: string | null
  actPlace: string | null
  harmToSafety: boolean
  facts: string | null
  registeredAt: string
  filedOn: string | null
  major: boolean
  legalReviewRequired: boolean
  legalReviewReasons: string[]
  legalReviewPoint: 'before_decision' | 'before_notice'
  proposal: Partial<Outcome> | null
  notifiedProposal: Partial<Outcome> | null
  noticeServedOn: string | null
  waivedAt: string | null
  hearingEligible: boolean
  hearing: Record<string, unknown> | null
  legalReview: Record<string, unknown> | null
  collectiveDiscussion: Record<string, unknown> | null
  decision: Partial<Outcome> | null
  decidedOn: string | null
  deliveredOn: string | null
  fineFen: number
  confiscateFen: number
  paymentDueOn: string | null
  outsideBenchmark: boolean
  closedOn: string | null
  archivedAt: string | null
}

export type CaseOfficer = { personId: string; name: string; role: 'lead' | 'co'; certNo: string | null; certValid: boolean }

export type CaseEvent = {
  seq: number
  action: string
  label: string
  fromStatus: string
  toStatus: string
  fromStatusLabel: string
  toStatusLabel: string
  at: string
  onDate: string
  actorName: string
  officerIds: string[]
  note: string | null
  data: Record<string, unknown>
}

export type CaseEvidence = { id: string; kind: EvidenceKind; kindLabel: string; title: string; description: string | null; collectedOn: string; officerIds: string[]; fileSha256: string | null; fileName: string | null; files: EvidenceFile[] }
export type CasePayment = { id: string; kind: 'fine' | 'late_fee' | 'confiscation'; amountFen: number; paidOn: string; receiptNo: string | null }
export type CaseInstalment = { seq: number; dueOn: string; amountFen: number }
export type CaseRemedy = {
  id: string
  kind: 'reconsideration' | 'litigation'
  startedOn: string
  endedOn: string | null
  result: string | null
  /** 复议/诉讼的结果 (第四十八条第二款) with the organ and its document. */
  outcome: 'upheld' | 'changed' | 'revoked' | 'confirmed_illegal' | 'confirmed_invalid' | null
  organ: string | null
  documentNo: string | null
}

export type Execution = {
  fineFen: number
  finePaidFen: number
  confiscateFen: number
  confiscationPaidFen: number
  lateFeeFen: number
  lateFeePaidFen: number
  lateFeeDays: number
  /** The unpaid fine already due (with instalments, those past their date). */
  overdueFineFen: number
  outstandingFen: number
  asOf: string
  paused: boolean
  complete: boolean
}

/** 先行登记保存 (行政处罚法 第五十六条) and its items. */
export type CasePreservation = {
  id: string
  seq: number
  approvedOn: string
  approverName: string
  preservedOn: string
  place: string
  custody: 'on_site' | 'agency'
  custodian: string | null
  grounds: string
  dueOn: string | null
  resolvedOn: string | null
  late: boolean
  items: Array<{
    id: string
    seq: number
    name: string
    spec: string | null
    quantity: string
    unit: string
    note: string | null
    status: PreservedItemStatus
    statusLabel: string
    outcomeOn: string | null
    transferTo: string | null
  }>
}

/** `GET /api/cases/:id`. */
export type CaseDetail = {
  case: CaseView
  officers: CaseOfficer[]
  events: CaseEvent[]
  deadlines: CaseDeadline[]
  evidence: CaseEvidence[]
  /** Whether the caller may attach files to the evidence now (the case's officers and unit head, before the decision). */
  mayAttachEvidenceFiles: boolean
  payments: CasePayment[]
  instalments: CaseInstalment[]
  remedies: CaseRemedy[]
  execution: Execution | null
  preservations: CasePreservation[]
  benchmarkCheck: { benchmarkId: string; code: string | null; within: boolean | null; rangeMinFen: number | null; rangeMaxFen: number | null; message: string } | null
  actions: CaseActionView[]
}

/** `GET /api/cases/:id/documents` (cases-public.schema.ts). */
export type CaseDocument = {
  id: string
  kind: string
  kindLabel: string
  title: string
  number: string | null
  issuedOn: string
  issuedAt: string
  issuedByName: string | null
  forParty: boolean
  byteSize: number
  sha256: string
  verifyId: string
  pdfUrl: string
  actions: string[]
}

/** `GET /api/cases/:id/publication`: the 公示 of the decision. */
export type Publication = {
  status: 'none' | 'pending' | 'published' | 'withdrawn'
  decidedOn?: string
  dueOn?: string
  dueProvisional?: boolean
  daysLeft?: number | null
  publishedAt?: string | null
  withdrawDueOn?: string | null
  withdrawDaysLeft?: number | null
  withdrawnAt?: string | null
  withdrawalNote?: string | null
  actions: string[]
}
