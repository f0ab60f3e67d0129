import { complaintCategories, complaintStatuses, isoDateSchema, socialEventKinds, transferKinds, transferStatuses, volunteerRepresentations, volunteerTargetKinds } from '@yangguang/core'
import { z } from 'zod'

// A calendar date: 2025-02-30 is refused, not just a malformed string.
const isoDate = isoDateSchema
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max)

// ── Complaints ───────────────────────────────────────────────────────────────────────────────────

export const complaintIntakeBody = z.object({
  category: z.enum(complaintCategories),
  orgId: z.uuid('请选择被投诉单位'),
  officerName: z.string().trim().max(50).nullish(),
  occurredOn: isoDate.nullish(),
  content: text(10, 4000, '请具体描述投诉举报的事实（至少 10 个字）'),
  anonymous: z.boolean(),
  complainantKind: z.enum(['person', 'enterprise']).optional(),
  name: z.string().trim().max(100).nullish(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '联系电话格式不正确').nullish().or(z.literal('')),
})

export const complaintReceipt = z.object({ complaintNo: z.string(), lookupCode: z.string().describe('查询码：仅此一次返回，平台只保存其摘要') })

export const lookupBody = z.object({ code: text(4, 40, '请输入查询码') })
export const feedbackBody = lookupBody.extend({ satisfied: z.boolean(), note: z.string().trim().max(1000).nullish() })

export const publicComplaintView = z.object({
  complaintNo: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  orgName: z.string(),
  status: z.enum(complaintStatuses),
  statusLabel: z.string(),
  receivedOn: z.string(),
  triageNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  answerDueOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  feedback: z.enum(['satisfied', 'unsatisfied']).nullable(),
  canFeedback: z.boolean(),
  timeline: z.array(z.object({ action: z.string(), label: z.string(), on: z.string() })),
})

export const publicUnitsView = z.object({
  categories: z.array(z.object({ value: z.string(), label: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string(), regionName: z.string() })),
})

export const complaintView = z.object({
  id: z.string(),
  complaintNo: z.string(),
  channel: z.string(),
  anonymous: z.boolean(),
  /** Only in the bureau's view; a unit's answer never carries the complainant. */
  complainant: z.object({ kind: z.string(), name: z.string().nullable(), phone: z.string().nullable() }).optional(),
  category: z.string(),
  categoryLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  officerName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  inspectionId: z.string().nullable(),
  occurredOn: z.string().nullable(),
  content: z.string(),
  status: z.enum(complaintStatuses),
  statusLabel: z.string(),
  receivedAt: z.string(),
  triageNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  handlerKind: z.enum(['bureau', 'unit']).nullable(),
  handlerOrgId: z.string().nullable(),
  handlerOrgName: z.string().nullable(),
  answerDays: z.number().nullable(),
  answerDueOn: z.string().nullable(),
  answerDueProvisional: z.boolean(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  feedback: z.enum(['satisfied', 'unsatisfied']).nullable(),
  feedbackNote: z.string().nullable(),
  actions: z.array(z.string()),
})

export const complaintDetail = z.object({ complaint: complaintView, timeline: z.array(z.object({ action: z.string(), note: z.string().nullable(), actorName: z.string(), at: z.string() })) })

export const complaintListQuery = z.object({ status: z.enum(complaintStatuses).optional(), category: z.enum(complaintCategories).optional(), overdue: z.enum(['true', 'false']).optional() })

export const triageBody = z.object({ decision: z.enum(['accept', 'not_accept', 'transfer']), note: z.string().trim().max(2000).nullish(), transferredTo: z.string().trim().max(200).nullish() })
export const assignBody = z.object({ handlerKind: z.enum(['bureau', 'unit']), orgId: z.uuid().nullish(), answerDays: z.number().int().min(1).max(90).nullish() })
export const answerBody = z.object({ answer: text(5, 4000, '请填写答复内容') })
export const closeBody = z.object({ note: z.string().trim().max(2000).nullish() })
export const escalateBody = z.object({ category: z.enum(complaintCategories).default('arbitrary_inspection') })

export const inspectionComplaintView = z.object({ id: z.string(), anonymous: z.boolean(), content: z.string(), createdAt: z.string(), inspectionId: z.string().nullable(), orgId: z.string().nullable(), orgName: z.string().nullable(), enterpriseName: z.string().nullable() })

// ── Volunteers ───────────────────────────────────────────────────────────────────────────────────

export const volunteerBody = z.object({
  name: text(2, 50, '请填写姓名'),
  phone: z.string().trim().max(20).nullish(),
  occupation: text(2, 100, '请填写职业或单位'),
  representation: z.enum(volunteerRepresentations),
  education: z.string().trim().max(50).nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  noDisqualification: z.boolean(),
  termFrom: isoDate,
  termTo: isoDate,
  appointmentDocNo: text(2, 100, '请填写聘任文号'),
  eventId: z.uuid().nullish(),
})

export const assignmentView = z.object({ id: z.string(), targetKind: z.string(), targetKindLabel: z.string(), targetId: z.string().nullable(), title: z.string(), note: z.string().nullable(), dueOn: z.string().nullable(), status: z.string(), actions: z.array(z.string()) })

export const volunteerView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  occupation: z.string(),
  representation: z.string(),
  representationLabel: z.string(),
  education: z.string().nullable(),
  birthYear: z.number().nullable(),
  noDisqualification: z.boolean(),
  termFrom: z.string(),
  termTo: z.string(),
  appointmentDocNo: z.string(),
  eventTitle: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  inTerm: z.boolean(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  username: z.string().nullable(),
  assignments: z.array(assignmentView),
  actions: z.array(z.string()),
})

export const endVolunteerBody = z.object({ endedOn: isoDate, reason: text(2, 500, '请说明解聘原因') })
export const linkAccountBody = z.object({ username: text(2, 50, '请填写账号') })
export const assignVolunteerBody = z.object({ targetKind: z.enum(volunteerTargetKinds), targetId: z.uuid().nullish(), title: text(2, 200, '请填写任务名称'), note: z.string().trim().max(2000).nullish(), dueOn: isoDate.nullish() })

export const opinionBody = z.object({
  assignmentId: z.uuid().nullish(),
  content: text(5, 4000, '请填写意见内容'),
  attachments: z.array(z.object({ name: text(1, 200, '附件名称'), contentBase64: z.string().min(1).max(7_000_000) })).max(5).optional(),
})

export const opinionView = z.object({
  id: z.string(),
  volunteerName: z.string(),
  assignmentId: z.string().nullable(),
  assignmentTitle: z.string().nullable(),
  content: z.string(),
  attachments: z.array(z.object({ name: z.string(), sha256: z.string(), byteSize: z.number() })),
  submittedAt: z.string(),
  answerDueOn: z.string(),
  answerDueProvisional: z.boolean(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  actions: z.array(z.string()),
})

export const myVolunteerView = z.object({ volunteer: volunteerView.omit({ actions: true }), opinions: z.array(opinionView) })

// ── Meetings, transfers, events, settings ────────────────────────────────────────────────────────

const meetingTaskInput = z.object({ title: text(2, 300, '请填写任务'), orgId: z.uuid(), dueOn: isoDate, decisionNo: z.number().int().min(1).nullish() })

export const meetingBody = z.object({
  title: text(2, 200, '请填写会议名称'),
  heldOn: isoDate,
  convenerOrgId: z.uuid(),
  location: z.string().trim().max(200).nullish(),
  attendeeOrgIds: z.array(z.uuid()).max(100),
  attendeePersons: z.array(z.object({ name: text(1, 50, '姓名'), title: z.string().trim().max(100).nullish() })).max(200),
  minutes: z.string().trim().max(20000),
  decisions: z.array(text(2, 1000, '议定事项')).max(50),
  tasks: z.array(meetingTaskInput).max(100),
})
export const meetingTaskBody = meetingTaskInput

export const meetingTaskView = z.object({ id: z.string(), meetingId: z.string(), meetingTitle: z.string(), decisionNo: z.number().nullable(), title: z.string(), orgId: z.string(), orgName: z.string(), dueOn: z.string(), status: z.enum(['open', 'done']), overdue: z.boolean(), doneNote: z.string().nullable(), doneAt: z.string().nullable(), actions: z.array(z.string()) })

export const meetingView = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  convenerOrgId: z.string(),
  convenerName: z.string(),
  location: z.string().nullable(),
  attendeeOrgIds: z.array(z.string()),
  attendeePersons: z.array(z.object({ name: z.string(), title: z.string().nullish() })),
  minutes: z.string(),
  decisions: z.array(z.string()),
})
export const meetingDetail = z.object({ meeting: meetingView, attendeeOrgs: z.array(z.object({ id: z.string(), name: z.string() })), tasks: z.array(meetingTaskView) })
export const taskDoneBody = z.object({ note: text(2, 2000, '请说明完成情况') })
export const taskListQuery = z.object({ status: z.enum(['open', 'done']).optional() })

export const transferBody = z.object({
  kind: z.enum(transferKinds),
  fromOrgId: z.uuid().nullish(),
  toOrgId: z.uuid(),
  caseId: z.uuid().nullish(),
  title: text(2, 200, '请填写移送事项'),
  reason: text(2, 2000, '请说明移送理由'),
  acceptDays: z.number().int().min(1).max(30).nullish(),
})
export const transferDecisionBody = z.object({ note: z.string().trim().max(2000).nullish() })

export const transferView = z.object({
  id: z.string(),
  source: z.enum(['clue_transfer', 'penalty_case']),
  kind: z.enum(transferKinds),
  kindLabel: z.string(),
  direction: z.string().describe('市级→乡镇、乡镇→市级、部门之间、乡镇之间'),
  fromOrgId: z.string(),
  fromName: z.string(),
  toOrgId: z.string(),
  toName: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  title: z.string(),
  reason: z.string().nullable(),
  transferredOn: z.string(),
  acceptDueOn: z.string().nullable(),
  acceptDueProvisional: z.boolean(),
  status: z.enum(transferStatuses),
  statusLabel: z.string(),
  overdue: z.boolean(),
  decisionNote: z.string().nullable(),
  actions: z.array(z.string()),
})

export const eventBody = z.object({
  title: text(2, 200, '请填写活动名称'),
  heldOn: isoDate,
  kind: z.enum(socialEventKinds),
  organisers: text(2, 500, '请填写主办单位'),
  participantCount: z.number().int().min(0).max(100000),
  participants: z.array(z.object({ kind: z.enum(['unit', 'enterprise', 'person']), orgId: z.uuid().nullish(), name: text(1, 200, '名称') })).max(500),
  summary: z.string().trim().max(20000).default(''),
})
export const eventView = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  kind: z.enum(socialEventKinds),
  kindLabel: z.string(),
  organisers: z.string(),
  participantCount: z.number(),
  participants: z.array(z.object({ kind: z.string(), orgId: z.string().nullish(), name: z.string() })),
  summary: z.string(),
  volunteersAppointed: z.number(),
})

export const settingsBody = z.object({ complaintAnswerDays: z.number().int().min(1).max(90), opinionAnswerDays: z.number().int().min(1).max(90), transferAcceptDays: z.number().int().min(1).max(30) })
export const settingsView = settingsBody.extend({ regionCode: z.string() })

export const sha256Params = z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
