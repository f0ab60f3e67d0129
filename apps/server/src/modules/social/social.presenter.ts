import { complaintCategories, labels, shanghaiDateOf } from '@yangguang/core'
import type { z } from 'zod'
import type { Actor } from '../../platform/auth/actor'
import { complaintActions, isBureau, meetingTaskActions, transferActions } from './social.policy'
import type * as repo from './social.repository'
import type * as s from './social.schema'
import { levelOf } from './coordination.service'

type Complaint = repo.ComplaintRow

/**
 * A complaint as the caller may see it. Only the bureau's view carries the complainant
 * (kind, name, phone); a unit handling it gets the same record without the `complainant` key.
 */
export function presentComplaint(actor: Actor, c: Complaint, now: Date): z.infer<typeof s.complaintView> {
  const today = shanghaiDateOf(now)
  const view: z.infer<typeof s.complaintView> = {
    id: c.id,
    complaintNo: c.complaint_no,
    channel: c.channel,
    anonymous: c.anonymous,
    category: c.category,
    categoryLabel: labels.complaintCategory[c.category],
    orgId: c.org_id,
    orgName: c.org_name,
    officerName: c.officer_name,
    caseId: c.case_id,
    caseNo: c.case_no,
    inspectionId: c.inspection_id,
    occurredOn: c.occurred_on,
    content: c.content,
    status: c.status,
    statusLabel: labels.complaintStatus[c.status],
    receivedAt: c.received_at.toISOString(),
    triageNote: c.triage_note,
    transferredTo: c.transferred_to,
    handlerKind: c.handler_kind,
    handlerOrgId: c.handler_org_id,
    handlerOrgName: c.handler_org_name,
    answerDays: c.answer_days,
    answerDueOn: c.answer_due_on,
    answerDueProvisional: c.answer_due_provisional,
    overdue: c.status === 'assigned' && !!c.answer_due_on && c.answer_due_on < today,
    escalatedAt: c.escalated_at?.toISOString() ?? null,
    answer: c.answer,
    answeredAt: c.answered_at?.toISOString() ?? null,
    feedback: c.feedback,
    feedbackNote: c.feedback_note,
    actions: complaintActions(actor, c),
  }
  if (isBureau(actor)) view.complainant = { kind: c.complainant_kind, name: c.complainant_name, phone: c.complainant_phone }
  return view
}

/** The portal form's choices: the complaint categories and the units that may be complained about. */
export function presentComplaintOptions(units: Awaited<ReturnType<typeof repo.listComplainableUnits>>): z.infer<typeof s.publicUnitsView> {
  return {
    categories: complaintCategories.map((c) => ({ value: c, label: labels.complaintCategory[c] })),
    units: units.map((u) => ({ id: u.id, name: u.name, regionName: u.region_name })),
  }
}

/** An enterprise's complaint from an inspection, for the bureau's triage: an anonymous one keeps the enterprise's name back. */
export function presentInspectionComplaint(r: Awaited<ReturnType<typeof repo.listOpenInspectionComplaints>>[number]): z.infer<typeof s.inspectionComplaintView> {
  return { id: r.id, anonymous: r.anonymous, content: r.content, createdAt: r.created_at.toISOString(), inspectionId: r.inspection_id, orgId: r.org_id, orgName: r.org_name, enterpriseName: r.anonymous ? null : r.enterprise_name }
}

const publicActionLabel: Record<string, string> = {
  receive: '已收到',
  accept: '已受理',
  not_accept: '不予受理',
  transfer: '已转办',
  assign: '已交办',
  answer: '已答复',
  escalate: '逾期督办',
  feedback: '已评价',
  close: '已办结',
}

/** What the complainant sees with the code: progress, the answer and dates — no staff names, no identity. */
export function presentPublicComplaint(c: Complaint, events: Array<{ action: string; at: Date }>): z.infer<typeof s.publicComplaintView> {
  return {
    complaintNo: c.complaint_no,
    category: c.category,
    categoryLabel: labels.complaintCategory[c.category],
    orgName: c.org_name,
    status: c.status,
    statusLabel: labels.complaintStatus[c.status],
    receivedOn: shanghaiDateOf(c.received_at),
    triageNote: c.status === 'not_accepted' || c.status === 'transferred' ? c.triage_note : null,
    transferredTo: c.transferred_to,
    answerDueOn: c.answer_due_on,
    answer: c.status === 'answered' || c.status === 'closed' ? c.answer : null,
    answeredOn: c.answered_at ? shanghaiDateOf(c.answered_at) : null,
    feedback: c.feedback,
    canFeedback: (c.status === 'answered' || c.status === 'closed') && !c.feedback,
    timeline: events.filter((e) => publicActionLabel[e.action]).map((e) => ({ action: e.action, label: publicActionLabel[e.action]!, on: shanghaiDateOf(e.at) })),
  }
}

export function presentAssignment(actor: Actor, a: Awaited<ReturnType<typeof repo.listAssignments>>[number]): z.infer<typeof s.assignmentView> {
  return {
    id: a.id,
    targetKind: a.target_kind,
    targetKindLabel: labels.volunteerTargetKind[a.target_kind],
    targetId: a.target_id,
    title: a.title,
    note: a.note,
    dueOn: a.due_on,
    status: a.status,
    actions: actor.role === 'volunteer' && a.status === 'open' ? ['done'] : [],
  }
}

export function presentVolunteer(actor: Actor, v: repo.VolunteerRow, assignments: Awaited<ReturnType<typeof repo.listAssignments>>, now: Date): z.infer<typeof s.volunteerView> {
  const today = shanghaiDateOf(now)
  const active = v.status === 'active'
  return {
    id: v.id,
    name: v.name,
    phone: v.phone,
    occupation: v.occupation,
    representation: v.representation,
    representationLabel: labels.volunteerRepresentation[v.representation],
    education: v.education,
    birthYear: v.birth_year,
    noDisqualification: v.no_disqualification,
    termFrom: v.term_from,
    termTo: v.term_to,
    appointmentDocNo: v.appointment_doc_no,
    eventTitle: v.event_title,
    status: v.status,
    inTerm: active && v.term_from <= today && today <= v.term_to,
    endedOn: v.ended_on,
    endReason: v.end_reason,
    username: v.username,
    assignments: assignments.filter((a) => a.volunteer_id === v.id).map((a) => presentAssignment(actor, a)),
    actions: actor.role === 'supervisor' && active ? ['assign', 'end', 'link_account'] : [],
  }
}

export function presentOpinion(actor: Actor, o: repo.OpinionRow, now: Date): z.infer<typeof s.opinionView> {
  const today = shanghaiDateOf(now)
  return {
    id: o.id,
    volunteerName: o.volunteer_name,
    assignmentId: o.assignment_id,
    assignmentTitle: o.assignment_title,
    content: o.content,
    attachments: o.attachments,
    submittedAt: o.submitted_at.toISOString(),
    answerDueOn: o.answer_due_on,
    answerDueProvisional: o.answer_due_provisional,
    overdue: !o.answer && o.answer_due_on < today,
    answer: o.answer,
    answeredAt: o.answered_at?.toISOString() ?? null,
    answeredByName: o.answered_by_name,
    actions: actor.role === 'supervisor' && !o.answer ? ['answer'] : [],
  }
}

export function presentMeeting(m: Awaited<ReturnType<typeof repo.findMeeting>> & object): z.infer<typeof s.meetingView> {
  return {
    id: m.id,
    title: m.title,
    heldOn: m.held_on,
    convenerOrgId: m.convener_org_id,
    convenerName: m.convener_name,
    location: m.location,
    attendeeOrgIds: m.attendee_org_ids,
    attendeePersons: m.attendee_persons,
    minutes: m.minutes,
    decisions: m.decisions,
  }
}

export function presentMeetingTask(actor: Actor, t: repo.MeetingTaskRow, now: Date): z.infer<typeof s.meetingTaskView> {
  return {
    id: t.id,
    meetingId: t.meeting_id,
    meetingTitle: t.meeting_title,
    decisionNo: t.decision_no,
    title: t.title,
    orgId: t.org_id,
    orgName: t.org_name,
    dueOn: t.due_on,
    status: t.status,
    overdue: t.status === 'open' && t.due_on < shanghaiDateOf(now),
    doneNote: t.done_note,
    doneAt: t.done_at?.toISOString() ?? null,
    actions: meetingTaskActions(actor, t),
  }
}

function direction(fromKind: string, toKind: string): string {
  const a = levelOf(fromKind)
  const b = levelOf(toKind)
  if (a === b) return a === 'city' ? '市级部门之间' : '乡镇之间'
  return a === 'city' ? '市级→乡镇' : '乡镇→市级'
}

export function presentTransfer(actor: Actor, t: repo.TransferRow, now: Date): z.infer<typeof s.transferView> {
  return {
    id: t.id,
    source: 'clue_transfer',
    kind: t.kind,
    kindLabel: labels.transferKind[t.kind],
    direction: direction(t.from_kind, t.to_kind),
    fromOrgId: t.from_org_id,
    fromName: t.from_name,
    toOrgId: t.to_org_id,
    toName: t.to_name,
    caseId: t.case_id,
    caseNo: t.case_no,
    title: t.title,
    reason: t.reason,
    transferredOn: t.transferred_on,
    acceptDueOn: t.accept_due_on,
    acceptDueProvisional: t.accept_due_provisional,
    status: t.status,
    statusLabel: labels.transferStatus[t.status],
    overdue: t.status === 'pending' && t.accept_due_on < shanghaiDateOf(now),
    decisionNote: t.decision_note,
    actions: transferActions(actor, t),
  }
}

/** A case moved by the case module's 移送 act: accepted once the receiving unit has its case. */
export function presentCaseTransfer(c: Awaited<ReturnType<typeof repo.listCaseTransfers>>[number]): z.infer<typeof s.transferView> {
  return {
    id: c.id,
    source: 'penalty_case',
    kind: 'case',
    kindLabel: labels.transferKind.case,
    direction: direction(c.from_kind, c.to_kind),
    fromOrgId: c.from_org_id,
    fromName: c.from_name,
    toOrgId: c.to_org_id,
    toName: c.to_name,
    caseId: c.id,
    caseNo: c.case_no,
    title: c.title,
    reason: null,
    transferredOn: shanghaiDateOf(c.updated_at),
    acceptDueOn: null,
    acceptDueProvisional: false,
    status: c.received_case_id ? 'accepted' : 'pending',
    statusLabel: c.received_case_id ? '已接收（已登记案件）' : labels.transferStatus.pending,
    overdue: false,
    decisionNote: null,
    actions: [],
  }
}

export function presentEvent(e: Awaited<ReturnType<typeof repo.listEvents>>[number]): z.infer<typeof s.eventView> {
  return {
    id: e.id,
    title: e.title,
    heldOn: e.held_on,
    kind: e.kind,
    kindLabel: labels.socialEventKind[e.kind],
    organisers: e.organisers,
    participantCount: e.participant_count,
    participants: e.participants,
    summary: e.summary,
    volunteersAppointed: Number(e.volunteers_appointed ?? 0),
  }
}
