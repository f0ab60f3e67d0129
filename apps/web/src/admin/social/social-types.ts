import type { Me } from '../auth/session'

/** What the social supervision API answers (see apps/server/src/modules/social/social.schema.ts). */
export type Complaint = {
  id: string
  complaintNo: string
  channel: string
  anonymous: boolean
  complainant?: { kind: string; name: string | null; phone: string | null }
  categoryLabel: string
  orgId: string
  orgName: string
  officerName: string | null
  occurredOn: string | null
  content: string
  status: string
  statusLabel: string
  receivedAt: string
  triageNote: string | null
  transferredTo: string | null
  handlerOrgName: string | null
  answerDueOn: string | null
  answerDueProvisional: boolean
  overdue: boolean
  escalatedAt: string | null
  answer: string | null
  answeredAt: string | null
  feedback: 'satisfied' | 'unsatisfied' | null
  feedbackNote: string | null
  actions: string[]
}

export type Assignment = { id: string; targetKindLabel: string; title: string; note: string | null; dueOn: string | null; status: string; actions: string[] }

export type Volunteer = {
  id: string
  name: string
  phone: string | null
  occupation: string
  representationLabel: string
  education: string | null
  birthYear: number | null
  termFrom: string
  termTo: string
  appointmentDocNo: string
  eventTitle: string | null
  status: 'active' | 'ended'
  inTerm: boolean
  endedOn: string | null
  endReason: string | null
  username: string | null
  assignments: Assignment[]
  actions: string[]
}

export type Opinion = {
  id: string
  volunteerName: string
  assignmentTitle: string | null
  content: string
  attachments: Array<{ name: string; sha256: string; byteSize: number }>
  submittedAt: string
  answerDueOn: string
  answerDueProvisional: boolean
  overdue: boolean
  answer: string | null
  answeredAt: string | null
  answeredByName: string | null
  actions: string[]
}

export type MeetingTask = { id: string; meetingId: string; meetingTitle: string; decisionNo: number | null; title: string; orgName: string; dueOn: string; status: 'open' | 'done'; overdue: boolean; doneNote: string | null; actions: string[] }

export type Transfer = {
  id: string
  source: 'clue_transfer' | 'penalty_case'
  kindLabel: string
  direction: string
  fromName: string
  toName: string
  caseNo: string | null
  title: string
  reason: string | null
  transferredOn: string
  acceptDueOn: string | null
  acceptDueProvisional: boolean
  status: string
  statusLabel: string
  overdue: boolean
  decisionNote: string | null
  actions: string[]
}

export type SocialEvent = { id: string; title: string; heldOn: string; kindLabel: string; organisers: string; participantCount: number; participants: Array<{ kind: string; name: string }>; summary: string; volunteersAppointed: number }

/**
 * The supervision organ's writes (record a meeting or an event, appoint, set deadlines): supervisors
 * only, as `canSupervise` in the server's social.policy.ts — the platform admin reads but does not supervise.
 */
export const canSupervise = (me: Me | null | undefined) => me?.role === 'supervisor'

export const fmtTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—')
