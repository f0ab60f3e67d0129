import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migrations 0011, 0013 and 0020: 监督文书 (一函三书), 整改任务, 报告本级人民政府 and 普法提示单. */
export interface SupervisionTables {
  supervision_doc_type: SupervisionDocTypeTable
  supervision_document: SupervisionDocumentTable
  supervision_recipient: SupervisionRecipientTable
  supervision_finding: SupervisionFindingTable
  rectification_task: RectificationTaskTable
  rectification_event: RectificationEventTable
  supervision_escalation_report: SupervisionEscalationReportTable
  legal_notice: LegalNoticeTable
  legal_notice_recipient: LegalNoticeRecipientTable
}

type DateString = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string, string>
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>
type Bytes = ColumnType<Buffer | null, Buffer | Uint8Array | null | undefined, Buffer | Uint8Array | null>

export type ResponseUnit = 'working_days' | 'natural_days'
export type SupervisionSourceKind = 'review_finding' | 'inspection_oversight' | 'complaint' | 'daily_supervision' | 'case' | 'escalation'
export type SupervisionDocumentStatus = 'draft' | 'issued'
export type RectificationStatus = 'open' | 'responded' | 'closed'
export type RectificationEscalation = 'none' | 'reminded' | 'letter' | 'reported'
export type RectificationAction = 'create' | 'respond' | 'accept' | 'return' | 'remind' | 'draft_letter' | 'report'
/** Template text blocks of a document type; `{days}` is replaced by the response period. */
export type SupervisionTemplate = { opening: string; requirement: string; closing: string }
export type LegalPoint = { basis: string; point: string }

export interface SupervisionDocTypeTable {
  id: Generated<string>
  code: string
  /** NULL: the platform's default (administrators); else the county whose bureau keeps it (migration 0020). */
  region_code: string | null
  name: string
  binding: boolean
  response_days: number
  response_unit: ResponseUnit
  escalates_to: string
  number_code: string
  template: Json<SupervisionTemplate>
  sort_order: ColumnType<number, number | undefined, number>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
  updated_by: string | null
}

/** The columns of an issued document (numbered, rendered, verifiable, on the ledger); null while a draft. */
interface IssuedDocumentColumns {
  number: string | null
  title: string | null
  issued_on: DateString | null
  verify_id: string | null
  salt: Bytes
  sha256: string | null
  byte_size: number | null
  data: NullableJson<unknown>
  leaf_hash: Bytes
}

export interface SupervisionDocumentTable extends IssuedDocumentColumns {
  id: Generated<string>
  type_code: string
  /** The type row the document was drafted from (the issuer's region's, else the platform's). */
  type_id: string
  issuer_org_id: string
  status: ColumnType<SupervisionDocumentStatus, SupervisionDocumentStatus | undefined, SupervisionDocumentStatus>
  subject: string
  source_kind: SupervisionSourceKind
  source_ref: string | null
  source_snapshot: ColumnType<string, string | undefined, string>
  response_days: number
  response_unit: ResponseUnit
  auto_drafted: ColumnType<boolean, boolean | undefined, boolean>
  escalated_task_id: string | null
  issued_at: NullableTimestamp
  issued_by: string | null
  created_at: CreatedAt
  created_by: string | null
}

export interface SupervisionRecipientTable {
  document_id: string
  org_id: string
  delivered_on: DateString | null
  read_at: NullableTimestamp
  read_by: string | null
}

export interface SupervisionFindingTable {
  id: Generated<string>
  document_id: string
  seq: number
  problem: string
  legal_basis: string
  measure: string
}

export interface RectificationTaskTable {
  id: Generated<string>
  document_id: string
  finding_id: string
  org_id: string
  status: ColumnType<RectificationStatus, RectificationStatus | undefined, RectificationStatus>
  due_on: DateString
  due_provisional: ColumnType<boolean, boolean | undefined, boolean>
  escalation: ColumnType<RectificationEscalation, RectificationEscalation | undefined, RectificationEscalation>
  letter_document_id: string | null
  closed_at: NullableTimestamp
  created_at: CreatedAt
}

export interface RectificationEventTable {
  id: Generated<string>
  task_id: string
  seq: number
  at: ColumnType<Date, Date | string, never>
  action: RectificationAction
  actor_id: string | null
  actor_name: string
  note: string | null
  data: ColumnType<Record<string, unknown>, string | undefined, never>
}

/** 报告本级人民政府; the document columns (migration 0013) are null on reports written as text before it. */
export interface SupervisionEscalationReportTable extends IssuedDocumentColumns {
  id: Generated<string>
  task_id: string
  org_id: string
  addressee: string
  body: string
  created_at: ColumnType<Date, Date | string, never>
  issuer_org_id: string | null
}

export interface LegalNoticeTable {
  id: Generated<string>
  issuer_org_id: string
  title: string
  content: string
  legal_points: Json<LegalPoint[]>
  source_note: ColumnType<string, string | undefined, string>
  issued_at: ColumnType<Date, Date | string, never>
  issued_by: string | null
}

export interface LegalNoticeRecipientTable {
  notice_id: string
  org_id: string
  read_at: NullableTimestamp
  read_by: string | null
}
