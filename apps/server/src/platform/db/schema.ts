import type { StatutoryPenaltyRange } from '@yangguang/core'
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { CaseDocumentTables } from './case-documents-schema'
import type { CasePreservationTables } from './case-preservation-schema'
import type { DiscretionTables } from './discretion-schema'
import type { LedgerTables } from './ledger-schema'
import type { AnonymityTables } from './anonymity-schema'
import type { PenaltyCaseTables } from './penalty-case-schema'
import type { ReviewTables } from './review-schema'
import type { SocialSupervisionTables } from './social-supervision-schema'
import type { SupervisionTables } from './supervision-schema'
import type { UploadTables } from './upload-schema'

/** Kysely's view of the database. Mirrors the `.sql` migrations; a test compares the two. */
export interface DB extends LedgerTables, DiscretionTables, PenaltyCaseTables, CaseDocumentTables, ReviewTables, SupervisionTables, SocialSupervisionTables, UploadTables, AnonymityTables, CasePreservationTables {
  region: RegionTable
  org: OrgTable
  app_user: AppUserTable
  user_session: UserSessionTable
  login_attempt: LoginAttemptTable
  audit_log: AuditLogTable
  job: JobTable
  enforcement_entity: EnforcementEntityTable
  delegation: DelegationTable
  person: PersonTable
  certificate: CertificateTable
  certificate_event: CertificateEventTable
  power_item: PowerItemTable
  power_item_holder: PowerItemHolderTable
  catalogue_version: CatalogueVersionTable
  catalogue_version_item: CatalogueVersionItemTable
  catalogue_adjustment: CatalogueAdjustmentTable
  duty_item: DutyItemTable
  duty_adjustment: DutyAdjustmentTable
  // 0006 云执法 (inspections)
  enterprise: EnterpriseTable
  enterprise_activation: EnterpriseActivationTable
  inspection_rule_set: InspectionRuleSetTable
  inspection_plan: InspectionPlanTable
  inspection_plan_item: InspectionPlanItemTable
  inspection_plan_target: InspectionPlanTargetTable
  joint_inspection: JointInspectionTable
  inspection_override: InspectionOverrideTable
  inspection: InspectionTable
  inspection_officer: InspectionOfficerTable
  inspection_certificate_shown: InspectionCertificateShownTable
  inspection_item: InspectionItemTable
  inspection_photo: InspectionPhotoTable
  inspection_rating: InspectionRatingTable
  inspection_complaint: InspectionComplaintTable
}

type Timestamp = ColumnType<Date, Date | string, Date | string>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** A calendar date, 'YYYY-MM-DD' (the pg parser is set to keep it a string). */
type DateString = string
type Json<T = unknown> = ColumnType<T, string, string>
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>

export interface RegionTable {
  code: string
  name: string
  level: 'province' | 'prefecture' | 'county' | 'township'
  parent_code: string | null
  path: string
  sort: Generated<number>
}

export interface OrgTable {
  id: Generated<string>
  code: string
  name: string
  short_name: string
  kind: 'department' | 'township' | 'team' | 'justice_bureau' | 'other'
  region_code: string
  parent_id: string | null
  onboarded_on: DateString | null
  contact_phone: string | null
  address: string | null
  /** 邮政编码, six digits (migration 0025). */
  postal_code: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface AppUserTable {
  id: Generated<string>
  username: string
  display_name: string
  role: string
  org_id: string | null
  region_code: string | null
  password_hash: string
  status: Generated<'active' | 'disabled'>
  must_change_password: Generated<boolean>
  failed_logins: Generated<number>
  locked_until: NullableTimestamp
  password_changed_at: DefaultTimestamp
  last_login_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0006: the enterprise an 'enterprise' account speaks for. */
  enterprise_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface UserSessionTable {
  token_hash: string
  user_id: string
  created_at: CreatedAt
  last_seen_at: DefaultTimestamp
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export interface LoginAttemptTable {
  id: Generated<number>
  username: string
  ip: string
  succeeded: boolean
  at: DefaultTimestamp
}

export interface AuditLogTable {
  id: Generated<number>
  at: DefaultTimestamp
  actor_id: string | null
  actor_name: string
  actor_role: string
  org_id: string | null
  ip: string | null
  user_agent: string | null
  action: string
  entity_type: string
  entity_id: string
  summary: string
  before: NullableJson
  after: NullableJson
  /** The ledger leaf recordAudit wrote with the row (0019); null only for old rows it could not be matched to. */
  leaf_hash: ColumnType<Buffer | null, Buffer | Uint8Array | null | undefined, never>
}

export interface JobTable {
  id: string
  type: string
  payload: Json<Record<string, unknown>>
  run_at: DefaultTimestamp
  attempts: Generated<number>
  locked_until: NullableTimestamp
  last_error: string | null
  done_at: NullableTimestamp
  created_at: CreatedAt
}

export interface EnforcementEntityTable {
  id: Generated<string>
  org_id: string
  name: string
  entity_type: 'administrative_organ' | 'authorized_org' | 'entrusted_org' | 'township_government'
  region_code: string
  legal_basis: string
  responsible_person: string | null
  address: string | null
  phone: string | null
  status: Generated<'draft' | 'audited' | 'confirmed' | 'published'>
  audited_by: string | null
  audited_at: NullableTimestamp
  confirmed_by: string | null
  confirmed_at: NullableTimestamp
  published_at: NullableTimestamp
  version: Generated<number>
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0003: what the portal shows — the last published version, kept while a new draft is worked on. */
  published_snapshot: NullableJson<PublishedEntitySnapshot>
  published_version: number | null
  /** 0003: reason of the last return to draft or withdrawal. */
  status_note: string | null
  created_by: string | null
}

/** The public face of an entity as it stood when published (see `enforcement_entity.published_snapshot`). */
export type PublishedEntitySnapshot = {
  name: string
  entityType: 'administrative_organ' | 'authorized_org' | 'entrusted_org' | 'township_government'
  regionCode: string
  regionName: string
  orgName: string
  legalBasis: string
  responsiblePerson: string | null
  address: string | null
  phone: string | null
  version: number
}

export interface DelegationTable {
  id: Generated<string>
  principal_entity_id: string
  agent_org_id: string
  document_no: string
  document_title: string
  scope: string
  valid_from: DateString
  valid_to: DateString
  status: Generated<'active' | 'revoked'>
  revoked_reason: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0003 */
  created_by: string | null
  revoked_by: string | null
  revoked_at: NullableTimestamp
}

export interface PersonTable {
  id: Generated<string>
  org_id: string
  name: string
  id_number: string
  sex: 'male' | 'female'
  phone: string | null
  position: string | null
  user_id: string | null
  status: Generated<'active' | 'left'>
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0027 法律职业资格 (art. 58 ¶2): certificate number and the day it was obtained, both or neither. */
  legal_qualification_no: string | null
  legal_qualification_on: DateString | null
  /** 0027 从事法制审核工作起始日期. */
  legal_review_since: DateString | null
}

export interface CertificateTable {
  id: Generated<string>
  person_id: string
  cert_no: string
  areas: string[]
  issuer: string
  valid_from: DateString
  valid_to: DateString
  status: Generated<'valid' | 'suspended' | 'cancelled'>
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface CertificateEventTable {
  id: Generated<number>
  certificate_id: string
  action: 'issue' | 'change' | 'suspend' | 'restore' | 'cancel' | 'renew'
  reason: string
  before: NullableJson
  after: NullableJson
  actor_id: string | null
  at: DefaultTimestamp
}

export type LegalBasis = { law: string; article: string; text: string }

export interface PowerItemTable {
  id: Generated<string>
  code: string
  name: string
  kind: 'penalty' | 'coercion' | 'inspection' | 'license' | 'levy' | 'confirmation' | 'other'
  domain: string
  legal_basis: Json<LegalBasis[]>
  status: Generated<'active' | 'repealed'>
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0015: the jurisdiction that entered it; null for older rows (then its holders' regions decide). */
  region_code: string | null
  /** 0023: 法定处罚幅度 of a penalty item (core's StatutoryPenaltyRange); null until entered. */
  statutory_range: NullableJson<StatutoryPenaltyRange>
}

export interface PowerItemHolderTable {
  power_item_id: string
  entity_id: string
}

export interface CatalogueVersionTable {
  id: Generated<string>
  title: string
  year: number
  region_code: string
  status: Generated<'draft' | 'approved' | 'published' | 'superseded'>
  based_on_id: string | null
  meeting_name: string | null
  meeting_date: DateString | null
  approval_doc_no: string | null
  approved_by: string | null
  approved_at: NullableTimestamp
  published_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface CatalogueVersionItemTable {
  version_id: string
  item_code: string
  name: string
  kind: string
  domain: string
  legal_basis: Json<LegalBasis[]>
  holder_names: Generated<string[]>
}

export interface CatalogueAdjustmentTable {
  id: Generated<string>
  version_id: string
  op: 'add' | 'remove' | 'modify'
  item_code: string
  proposal: Json<Record<string, unknown>> | null
  reason: string
  status: Generated<'pending' | 'accepted' | 'rejected'>
  decided_by: string | null
  decided_at: NullableTimestamp
  decision_note: string | null
  created_by: string | null
  created_at: CreatedAt
}

export interface DutyItemTable {
  id: Generated<string>
  township_code: string
  category: 'basic' | 'cooperative' | 'reclaimed'
  seq: number
  name: string
  lead_department: string
  cooperating_departments: Generated<string[]>
  legal_basis: string | null
  power_item_id: string | null
  status: Generated<'active' | 'removed'>
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface DutyAdjustmentTable {
  id: Generated<string>
  township_code: string
  duty_item_id: string | null
  /** 0004 adds 'recategorize' (调整类别). */
  op: 'add' | 'remove' | 'modify' | 'recategorize'
  proposal: Json<Record<string, unknown>> | null
  reason: string
  status: Generated<'pending' | 'approved' | 'rejected'>
  approval_ref: string | null
  decided_by: string | null
  decided_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  /** 0004: the supervisor's reason for a rejection (or remark on an approval). */
  decision_note: string | null
}

// ——— 0006 云执法 (inspections) ————————————————————————————————————————————

export interface EnterpriseTable {
  id: Generated<string>
  credit_code: string
  name: string
  kind: 'enterprise' | 'individual' | 'partnership'
  address: string | null
  township_code: string | null
  industry: string | null
  contact_name: string | null
  contact_phone: string | null
  qr_token_hash: string | null
  qr_issued_at: NullableTimestamp
  qr_version: Generated<number>
  created_by: string | null
  /** 0015: the region where it was registered (its township, else the registering unit's region). */
  region_code: string | null
  /** 0015: the unit that registered it; with the county bureau, it keeps contact data, posters and codes. */
  registered_by_org_id: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface EnterpriseActivationTable {
  id: Generated<string>
  enterprise_id: string
  code_hash: string
  expires_at: Timestamp
  used_at: NullableTimestamp
  used_by: string | null
  issued_by: string | null
  issued_org_id: string | null
  created_at: CreatedAt
}

export interface InspectionRuleSetTable {
  region_code: string
  min_officers: Generated<number>
  require_area_match: Generated<boolean>
  cap_period: Generated<'month' | 'quarter' | 'year'>
  cap_per_unit: Generated<number>
  cap_all_units: Generated<number>
  joint_window_days: Generated<number>
  late_sync_hours: Generated<number>
  backfill_max_days: Generated<number>
  rating_min_count: Generated<number>
  updated_by: string | null
  updated_at: DefaultTimestamp
}

export type SamplingRule = { count: number; industry?: string | null; townshipCode?: string | null }

export interface InspectionPlanTable {
  id: Generated<string>
  org_id: string
  year: number
  kind: 'annual' | 'special'
  title: string
  description: string | null
  months: number[]
  target_mode: 'list' | 'sampling'
  sampling_rule: NullableJson<SamplingRule>
  status: Generated<'draft' | 'submitted' | 'approved' | 'published'>
  status_note: string | null
  approved_by: string | null
  approved_at: NullableTimestamp
  published_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface InspectionPlanItemTable {
  plan_id: string
  power_item_id: string
}

export interface InspectionPlanTargetTable {
  plan_id: string
  enterprise_id: string
}

export interface JointInspectionTable {
  id: Generated<string>
  enterprise_id: string
  planned_date: DateString
  lead_org_id: string
  created_by: string | null
  created_at: CreatedAt
}

export type RuleViolation = { rule: string; message: string; overridable: boolean }

export interface InspectionOverrideTable {
  id: Generated<string>
  org_id: string
  enterprise_id: string
  inspection_id: string | null
  rules: string[]
  violations: Json<RuleViolation[]>
  reason: string
  status: Generated<'pending' | 'approved' | 'rejected' | 'used'>
  requested_by: string | null
  requested_at: DefaultTimestamp
  decided_by: string | null
  decided_at: NullableTimestamp
  decision_note: string | null
  valid_on: DateString
  used_at: NullableTimestamp
}

export interface InspectionTable {
  id: Generated<string>
  org_id: string
  enterprise_id: string
  kind: 'planned_annual' | 'planned_special' | 'ad_hoc'
  plan_id: string | null
  trigger: 'complaint' | 'transfer' | 'data_monitoring' | null
  trigger_note: string | null
  status: 'pending_approval' | 'scheduled' | 'in_progress' | 'completed' | 'rejected' | 'cancelled'
  planned_date: DateString
  officer_ids: Generated<string[]>
  approved_by: string | null
  approved_at: NullableTimestamp
  decision_note: string | null
  joint_id: string | null
  joint_joined_at: NullableTimestamp
  client_key: string | null
  inspection_date: DateString | null
  scan_method: 'qr' | 'typed' | null
  scanned_at: NullableTimestamp
  started_at: NullableTimestamp
  offline_reason: string | null
  override_id: string | null
  findings: string | null
  result: 'no_issue' | 'correct' | 'transfer' | null
  correction_deadline: DateString | null
  representative_name: string | null
  representative_confirmed_at: NullableTimestamp
  completed_at: NullableTimestamp
  synced_at: NullableTimestamp
  late_sync: Generated<boolean>
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
  /** 0029: 文号 of the 检查通知书, 现场检查笔录 and 责令改正通知书 (unit counters, kind codes 检通字/检录字/检改字). */
  notice_no: string | null
  record_no: string | null
  correction_no: string | null
}

/** 0029 亮证: an officer showed this 执法证 at this instant (captured on the phone). */
export interface InspectionCertificateShownTable {
  inspection_id: string
  person_id: string
  certificate_id: string
  cert_no: string
  shown_at: Timestamp
  recorded_by: string | null
  synced_at: DefaultTimestamp
}

export interface InspectionOfficerTable {
  inspection_id: string
  person_id: string
  role: 'lead' | 'co'
  certificate_id: string | null
  cert_no: string | null
}

export interface InspectionItemTable {
  inspection_id: string
  power_item_id: string
  outcome: 'ok' | 'issue' | 'not_applicable' | null
  note: string | null
}

export interface InspectionPhotoTable {
  inspection_id: string
  sha256: string
  captured_at: Timestamp
  byte_size: number
  media_type: string
}

export interface InspectionRatingTable {
  /** 0021: the rating's own random id, which names it in the audit log and the ledger (never the inspection's). */
  id: Generated<string>
  inspection_id: string
  enterprise_id: string
  score: number
  comment: string | null
  created_at: DefaultTimestamp
}

export interface InspectionComplaintTable {
  id: Generated<string>
  inspection_id: string | null
  org_id: string | null
  enterprise_id: string | null
  user_id: string | null
  anonymous: boolean
  content: string
  status: Generated<'open' | 'handled'>
  created_at: DefaultTimestamp
}

export type Row<T extends keyof DB> = Selectable<DB[T]>
export type NewRow<T extends keyof DB> = Insertable<DB[T]>
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>
