import type {
  CaseAction,
  CaseDeadlineKind,
  CaseProcedure,
  CaseSource,
  CaseStatus,
  DecisionOutcome,
  DiscretionTier,
  EvidenceKind,
  Mitigation,
  NoPenaltyGround,
  PartyKind,
  PenaltyKind,
  LegalReviewOpinion,
  RemedyOutcome,
} from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'

/**
 * Kysely types of migration 0008: 行政处罚 cases (the case, its officers, its append-only event
 * log, evidence, deadlines, payments, instalments and remedies). The jsonb columns carry the
 * shapes below; the case service is the only writer.
 */
export interface PenaltyCaseTables {
  penalty_case: PenaltyCaseTable
  case_officer: CaseOfficerTable
  case_event: CaseEventTable
  case_evidence: CaseEvidenceTable
  case_evidence_file: CaseEvidenceFileTable
  case_deadline: CaseDeadlineTable
  case_payment: CasePaymentTable
  case_instalment: CaseInstalmentTable
  case_remedy: CaseRemedyTable
}

type DateString = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | undefined, string>
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>
/** bigint columns come back as numbers (pg parser in create-db.ts); fen stay far below 2^53. */
type Fen = ColumnType<number, number | undefined, number>

/** One violation of a proposal or decision (art. 29: one act, one fine). */
export type CaseActJson = {
  /** 违法行为 as described. */
  description: string
  /** The norms (法律规范) the act breaks; several norms on one act → the highest fine only. */
  norms?: string[]
  fineFen: number
}

/** 处罚建议 (recorded before the notice) — `penalty_case.proposal` and `notified_proposal`. */
export type CaseProposalJson = {
  outcome: DecisionOutcome
  kinds: PenaltyKind[]
  fineFen: number
  confiscateFen: number
  benchmarkId: string | null
  tier: DiscretionTier | null
  conditions: string[]
  /** 违法所得 or other base a multiple applies to. */
  baseFen: number | null
  /** The quantity a per-unit rate applies to (平方米…); absent before 0023. */
  baseUnits?: number | null
  /** The evidence for the base; absent before 0023. */
  baseEvidence?: string | null
  /** 从轻/减轻 on statutory grounds (arts. 30–32) with evidence; absent before 0023. */
  mitigation?: Mitigation | null
  reason: string | null
  ground: NoPenaltyGround | null
  acts: CaseActJson[]
  /** Set by the service: outside the benchmark's lawful range (a reason is then required). */
  outsideBenchmark?: boolean
}

/** 听证 — `penalty_case.hearing`. */
export type CaseHearingJson = {
  requestedOn: DateString
  date?: DateString | null
  place?: string | null
  presidingPersonId?: string | null
  presidingName?: string | null
  noticeServedOn?: DateString | null
  heldOn?: DateString | null
  absent?: boolean
  summary?: string | null
}

/** 法制审核 — `penalty_case.legal_review`. */
export type CaseLegalReviewJson = {
  passed: boolean
  reviewerId: string
  reviewerName: string
  at: string
  onDate: DateString
  opinion: string
  /** 审核要点 and 审核结论 (art. 58); absent on reviews recorded before 0027. */
  aspects?: LegalReviewOpinion['aspects']
  conclusion?: LegalReviewOpinion['conclusion']
  /** The reviewer's person record and why they may review (art. 58 ¶2: 法律职业资格, or reviewing before 2021-07-15). */
  reviewerPersonId?: string | null
  qualification?: string | null
}

/** 集体讨论 — `penalty_case.collective_discussion`. */
export type CaseCollectiveDiscussionJson = { heldOn: DateString; attendees: string[]; conclusion: string }

/** 处罚决定 — `penalty_case.decision`. */
export type CaseDecisionJson = {
  outcome: DecisionOutcome
  kinds: PenaltyKind[]
  fineFen: number
  confiscateFen: number
  ground: NoPenaltyGround | null
  tier: DiscretionTier | null
  benchmarkId: string | null
  outsideBenchmark: boolean
  reason: string | null
  acts: CaseActJson[]
  /** For a 移送司法机关 decision: the receiving organ. */
  transferTo?: string | null
}

export interface PenaltyCaseTable {
  id: Generated<string>
  org_id: string
  case_no: string | null
  procedure: CaseProcedure
  status: CaseStatus
  status_before_suspension: CaseStatus | null
  source: CaseSource
  source_note: string | null
  inspection_id: string | null
  transferred_from_id: string | null
  transferred_to_org_id: string | null
  power_item_id: string
  benchmark_id: string | null
  title: string
  party_kind: PartyKind
  party_name: string
  party_id_number: string | null
  party_credit_code: string | null
  party_legal_rep: string | null
  party_address: string | null
  party_phone: string | null
  enterprise_id: string | null
  act_date: DateString
  act_end_date: DateString | null
  act_place: string | null
  harm_to_safety: Generated<boolean>
  facts: string | null
  registered_at: ColumnType<Date, Date | string, Date | string>
  filed_on: DateString | null
  major: Generated<boolean>
  legal_review_required: Generated<boolean>
  legal_review_reasons: ColumnType<string[], string[] | undefined, string[]>
  proposal: NullableJson<CaseProposalJson>
  notified_proposal: NullableJson<CaseProposalJson>
  notice_served_on: DateString | null
  waived_at: NullableTimestamp
  hearing_eligible: Generated<boolean>
  hearing: NullableJson<CaseHearingJson>
  legal_review: NullableJson<CaseLegalReviewJson>
  collective_discussion: NullableJson<CaseCollectiveDiscussionJson>
  decision: NullableJson<CaseDecisionJson>
  decided_on: DateString | null
  delivered_on: DateString | null
  fine_fen: Fen
  confiscate_fen: Fen
  payment_due_on: DateString | null
  outside_benchmark: Generated<boolean>
  closed_on: DateString | null
  archived_at: NullableTimestamp
  lookup_code_hash: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface CaseOfficerTable {
  case_id: string
  person_id: string
  role: 'lead' | 'co'
  added_at: DefaultTimestamp
}

export interface CaseEventTable {
  id: Generated<string>
  case_id: string
  seq: number
  action: CaseAction | 'register' | 'simple_decide' | 'receive_transfer'
  from_status: string
  to_status: string
  at: ColumnType<Date, Date | string, never>
  on_date: DateString
  actor_id: string | null
  actor_name: string
  officer_ids: ColumnType<string[], string[] | undefined, never>
  data: Json<Record<string, unknown>>
  note: string | null
}

/** A file (photo, scan, audio, video) attached to an evidence item — migration 0028. */
export interface CaseEvidenceFileTable {
  id: Generated<string>
  evidence_id: string
  case_id: string
  sha256: string
  file_name: string
  /** The type its bytes show (sniffed on upload), never the client's label. */
  media_type: string
  byte_size: number
  attached_by: string
  attached_at: ColumnType<Date, Date | string, never>
}

export interface CaseEvidenceTable {
  id: Generated<string>
  case_id: string
  kind: EvidenceKind
  title: string
  description: string | null
  collected_on: DateString
  officer_ids: string[]
  file_sha256: string | null
  file_name: string | null
  file_size: number | null
  created_by: string | null
  created_at: CreatedAt
}

export type CaseDeadlineStatus = 'open' | 'met' | 'missed' | 'superseded' | 'cancelled'

export interface CaseDeadlineTable {
  id: Generated<string>
  case_id: string
  kind: CaseDeadlineKind
  starts_on: DateString
  days: number
  unit: 'working_days' | 'natural_days'
  basis: string
  due_on: DateString
  moved: Generated<boolean>
  provisional: Generated<boolean>
  status: ColumnType<CaseDeadlineStatus, CaseDeadlineStatus | undefined, CaseDeadlineStatus>
  met_on: DateString | null
  superseded_by: string | null
  reason: string | null
  reminded_at: NullableTimestamp
  created_at: CreatedAt
  /** 0024: the statutory due date of the chain, set on insert (a trigger copies `due_on`) and never changed. */
  original_due_on: ColumnType<DateString, DateString | undefined, never>
  /** 0024: set on a row that extended the previous one — on which ground, from which due date, when and by whom. */
  extension_ground: 'head_approval' | 'collective_discussion' | 'suspension' | 'legacy' | null
  extension_days: number | null
  extended_from_due_on: DateString | null
  extended_on: DateString | null
  extended_by: string | null
  extended_at: NullableTimestamp
  /** The 集体讨论 record a further extension needs. */
  extension_discussion: NullableJson<CaseCollectiveDiscussionJson>
}

export interface CasePaymentTable {
  id: Generated<string>
  case_id: string
  kind: 'fine' | 'late_fee' | 'confiscation'
  amount_fen: number
  paid_on: DateString
  receipt_no: string | null
  created_by: string | null
  created_at: CreatedAt
}

export interface CaseInstalmentTable {
  id: Generated<string>
  case_id: string
  seq: number
  due_on: DateString
  amount_fen: number
  created_at: CreatedAt
}

export interface CaseRemedyTable {
  id: Generated<string>
  case_id: string
  kind: 'reconsideration' | 'litigation'
  started_on: DateString
  ended_on: DateString | null
  result: string | null
  created_at: CreatedAt
  /** 0027 复议/诉讼的结果 (art. 48 ¶2): all but 维持 withdraw the published decision. */
  outcome: RemedyOutcome | null
  /** 0027 复议机关 / 人民法院 and its 决定书/判决书 number. */
  organ: string | null
  document_no: string | null
}
