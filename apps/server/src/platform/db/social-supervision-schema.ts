import type {
  ComplaintCategory,
  ComplaintStatus,
  SocialEventKind,
  TransferKind,
  TransferStatus,
  VolunteerRepresentation,
  VolunteerTargetKind,
} from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'
import type { SniffedMediaType } from '../files/file-type-sniff'

/** Kysely types of migration 0012: social supervision (社会监督). */
export interface SocialSupervisionTables {
  social_setting: SocialSettingTable
  social_event: SocialEventTable
  volunteer_supervisor: VolunteerSupervisorTable
  volunteer_assignment: VolunteerAssignmentTable
  volunteer_opinion: VolunteerOpinionTable
  complaint: ComplaintTable
  complaint_event: ComplaintEventTable
  social_portal_attempt: SocialPortalAttemptTable
  joint_meeting: JointMeetingTable
  joint_meeting_task: JointMeetingTaskTable
  clue_transfer: ClueTransferTable
}

type Json<T = unknown> = ColumnType<T, string | undefined, string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** 'YYYY-MM-DD' (the pg parser keeps dates as strings). */
type DateString = string
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>

export type EventParticipant = { kind: 'unit' | 'enterprise' | 'person'; orgId?: string | null; name: string }
/** `mediaType`: the type the content showed on arrival (file-type-sniff.ts); absent on attachments sent before it was checked. */
export type OpinionAttachment = { name: string; sha256: string; byteSize: number; mediaType?: SniffedMediaType }
export type MeetingPerson = { name: string; title?: string | null }

export interface SocialSettingTable {
  region_code: string
  complaint_answer_days: Generated<number>
  opinion_answer_days: Generated<number>
  transfer_accept_days: Generated<number>
  updated_at: Generated<Date>
  updated_by: Opt<string>
}

export interface SocialEventTable {
  id: Generated<string>
  region_code: string
  title: string
  held_on: DateString
  kind: SocialEventKind
  organisers: string
  participant_count: number
  participants: Json<EventParticipant[]>
  summary: Generated<string>
  created_by: Opt<string>
  created_at: CreatedAt
}

export interface VolunteerSupervisorTable {
  id: Generated<string>
  region_code: string
  name: string
  phone: Opt<string>
  occupation: string
  representation: VolunteerRepresentation
  education: Opt<string>
  birth_year: Opt<number>
  no_disqualification: Generated<boolean>
  term_from: DateString
  term_to: DateString
  appointment_doc_no: string
  event_id: Opt<string>
  status: Generated<'active' | 'ended'>
  ended_on: Opt<DateString>
  end_reason: Opt<string>
  user_id: Opt<string>
  created_by: Opt<string>
  created_at: CreatedAt
}

export interface VolunteerAssignmentTable {
  id: Generated<string>
  volunteer_id: string
  target_kind: VolunteerTargetKind
  target_id: Opt<string>
  title: string
  note: Opt<string>
  due_on: Opt<DateString>
  status: Generated<'open' | 'done' | 'cancelled'>
  done_at: NullableTimestamp
  created_by: Opt<string>
  created_at: CreatedAt
}

export interface VolunteerOpinionTable {
  id: Generated<string>
  volunteer_id: string
  assignment_id: Opt<string>
  content: string
  attachments: Json<OpinionAttachment[]>
  submitted_at: ColumnType<Date, Date | string, never>
  answer_due_on: DateString
  answer_due_provisional: Generated<boolean>
  answer: Opt<string>
  answered_at: NullableTimestamp
  answered_by: Opt<string>
}

export interface ComplaintTable {
  id: Generated<string>
  complaint_no: string
  region_code: string
  channel: 'portal' | 'inspection_complaint' | 'phone' | 'letter' | 'visit'
  inspection_complaint_id: Opt<string>
  complainant_kind: 'person' | 'enterprise' | 'anonymous'
  anonymous: boolean
  complainant_name: Opt<string>
  complainant_phone: Opt<string>
  category: ComplaintCategory
  org_id: string
  officer_name: Opt<string>
  case_id: Opt<string>
  inspection_id: Opt<string>
  occurred_on: Opt<DateString>
  content: string
  lookup_code_hash: Opt<string>
  status: Generated<ComplaintStatus>
  received_at: ColumnType<Date, Date | string, never>
  triage_note: Opt<string>
  transferred_to: Opt<string>
  triaged_at: NullableTimestamp
  triaged_by: Opt<string>
  handler_kind: Opt<'bureau' | 'unit'>
  handler_org_id: Opt<string>
  assigned_at: NullableTimestamp
  answer_days: Opt<number>
  answer_due_on: Opt<DateString>
  answer_due_provisional: Generated<boolean>
  answer: Opt<string>
  answered_at: NullableTimestamp
  answered_by: Opt<string>
  escalated_at: NullableTimestamp
  feedback: Opt<'satisfied' | 'unsatisfied'>
  feedback_note: Opt<string>
  feedback_at: NullableTimestamp
}

export interface ComplaintEventTable {
  id: Generated<string>
  complaint_id: string
  action: string
  note: Opt<string>
  actor_name: string
  at: ColumnType<Date, Date | string, never>
  seq: Generated<string>
}

/** Portal attempts per address and clock hour (0017): an HMAC of the address under the day's key, no instant. */
export interface SocialPortalAttemptTable {
  address_hmac: string
  kind: 'intake' | 'lookup'
  succeeded: boolean
  hour: ColumnType<Date, Date | string, never>
  attempts: number
}

export interface JointMeetingTable {
  id: Generated<string>
  region_code: string
  title: string
  held_on: DateString
  convener_org_id: string
  location: Opt<string>
  attendee_org_ids: ColumnType<string[], string[] | undefined, string[]>
  attendee_persons: Json<MeetingPerson[]>
  minutes: Generated<string>
  decisions: Json<string[]>
  created_by: Opt<string>
  created_at: CreatedAt
}

export interface JointMeetingTaskTable {
  id: Generated<string>
  meeting_id: string
  decision_no: Opt<number>
  title: string
  org_id: string
  due_on: DateString
  status: Generated<'open' | 'done'>
  done_note: Opt<string>
  done_at: NullableTimestamp
  done_by: Opt<string>
}

export interface ClueTransferTable {
  id: Generated<string>
  kind: TransferKind
  from_org_id: string
  to_org_id: string
  case_id: Opt<string>
  title: string
  reason: string
  transferred_on: DateString
  accept_days: number
  accept_due_on: DateString
  accept_due_provisional: Generated<boolean>
  status: Generated<TransferStatus>
  decision_note: Opt<string>
  decided_at: NullableTimestamp
  decided_by: Opt<string>
  escalated_at: NullableTimestamp
  created_by: Opt<string>
  created_at: CreatedAt
}
