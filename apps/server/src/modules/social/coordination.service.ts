import { labels, shanghaiDateOf, type SocialEventKind, type TransferKind } from '@yangguang/core'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, regionInScope, scopeCovers } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import type { EventParticipant, MeetingPerson } from '../../platform/db/social-supervision-schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { canSupervise, isBureau, isUnitStaff, meetingTaskActions, transferActions } from './social.policy'
import * as repo from './social.repository'
import { type SocialSettings, settingsFor, workingDaysAfter } from './social-deadlines'

type Ctx = RequestContext & { actor: Actor }

async function bureauCounty(db: Kysely<DB>, ctx: Ctx) {
  if (!canSupervise(ctx.actor) || !ctx.actor.regionPath) throw forbidden('只有司法局监督人员可以办理')
  const county = await repo.findCountyOfPath(db, ctx.actor.regionPath)
  if (!county) throw forbidden('当前账号没有县级管辖范围')
  return county
}

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────

/** The caller's bureau's days (complaint answers, opinion answers, transfer acceptance). */
export async function getSettings(db: Kysely<DB>, ctx: Ctx): Promise<SocialSettings & { regionCode: string }> {
  if (!isBureau(ctx.actor) || !ctx.actor.regionPath) throw forbidden()
  const county = await repo.findCountyOfPath(db, ctx.actor.regionPath)
  if (!county) throw forbidden('当前账号没有县级管辖范围')
  return { regionCode: county.code, ...(await settingsFor(db, county.code)) }
}

export async function saveSettings(db: Kysely<DB>, ctx: Ctx, input: SocialSettings) {
  const county = await bureauCounty(db, ctx)
  await inTransaction(db, async (trx) => {
    const before = await settingsFor(trx, county.code)
    await repo.upsertSettings(trx, { region_code: county.code, complaint_answer_days: input.complaintAnswerDays, opinion_answer_days: input.opinionAnswerDays, transfer_accept_days: input.transferAcceptDays, updated_by: ctx.actor.userId, updated_at: ctx.now })
    await recordAudit(trx, ctx, { action: 'social_setting.update', entityType: 'social_setting', entityId: county.code, summary: `修改${county.name}社会监督期限：投诉答复 ${input.complaintAnswerDays}、意见答复 ${input.opinionAnswerDays}、移送接收 ${input.transferAcceptDays} 个工作日`, before, after: input })
  })
  return getSettings(db, ctx)
}

// ── 阳光执法 events ──────────────────────────────────────────────────────────────────────────────

/** Events of the caller's county: every staff member and volunteer may read them. */
export async function listEvents(db: Kysely<DB>, ctx: Ctx) {
  if (ctx.actor.role === 'enterprise') throw forbidden()
  if (isBureau(ctx.actor)) return repo.listEvents(db, regionInScope('e.region_code', orgScopeOf(ctx.actor), null))
  const path = ctx.actor.regionPath
  const county = path ? await repo.findCountyOfPath(db, path) : undefined
  if (ctx.actor.role === 'volunteer') {
    const me = await repo.findVolunteerOfUser(db, ctx.actor.userId)
    return me ? repo.listEvents(db, sql`e.region_code = ${me.region_code}`) : []
  }
  return county ? repo.listEvents(db, sql`e.region_code = ${county.code}`) : []
}

export async function recordEvent(db: Kysely<DB>, ctx: Ctx, input: { title: string; heldOn: string; kind: SocialEventKind; organisers: string; participantCount: number; participants: EventParticipant[]; summary: string }) {
  const county = await bureauCounty(db, ctx)
  if (input.participantCount < input.participants.length) throw new AppError('VALIDATION_FAILED', '参加人数不能少于名单人数', { field: 'participantCount' })
  return inTransaction(db, async (trx) => {
    const id = await repo.insertEvent(trx, { region_code: county.code, title: input.title, held_on: input.heldOn, kind: input.kind, organisers: input.organisers, participant_count: input.participantCount, participants: JSON.stringify(input.participants), summary: input.summary, created_by: ctx.actor.userId })
    await recordAudit(trx, ctx, { action: 'social_event.record', entityType: 'social_event', entityId: id, summary: `登记${labels.socialEventKind[input.kind]}《${input.title}》（${input.heldOn}，${input.participantCount} 人）`, after: { heldOn: input.heldOn, kind: input.kind, participantCount: input.participantCount } })
    return id
  })
}

// ── 联席会议 ─────────────────────────────────────────────────────────────────────────────────────

/** Meetings: the bureau's county, or for a unit those it attended, convened or got a task from. */
export async function listMeetings(db: Kysely<DB>, ctx: Ctx) {
  if (isBureau(ctx.actor)) return repo.listMeetings(db, { scope: orgScopeOf(ctx.actor), orgId: null })
  if (isUnitStaff(ctx.actor)) return repo.listMeetings(db, { scope: null, orgId: ctx.actor.orgId })
  throw forbidden()
}

/** The meetings the caller may see, each with its tasks. */
export async function listMeetingsWithTasks(db: Kysely<DB>, ctx: Ctx) {
  const meetings = await listMeetings(db, ctx)
  const tasks = await repo.listMeetingTasks(db, { meetingIds: meetings.map((m) => m.id) })
  return meetings.map((meeting) => ({ meeting, tasks: tasks.filter((t) => t.meeting_id === meeting.id) }))
}

export async function loadMeeting(db: Kysely<DB>, ctx: Ctx, id: string) {
  const rows = await listMeetings(db, ctx)
  const row = rows.find((m) => m.id === id)
  if (!row) throw notFound('联席会议', { id })
  const tasks = await repo.listMeetingTasks(db, { meetingIds: [id] })
  const names = await repo.orgNames(db, row.attendee_org_ids)
  return { meeting: row, tasks, attendeeOrgs: row.attendee_org_ids.map((oid) => ({ id: oid, name: names.get(oid) ?? '' })) }
}

export type MeetingInput = {
  title: string
  heldOn: string
  convenerOrgId: string
  location?: string | null
  attendeeOrgIds: string[]
  attendeePersons: MeetingPerson[]
  minutes: string
  decisions: string[]
  tasks: Array<{ title: string; orgId: string; dueOn: string; decisionNo?: number | null }>
}

/** Records a 联席会议 with its attendees, minutes, decisions and the follow-up tasks it set. */
export async function recordMeeting(db: Kysely<DB>, ctx: Ctx, input: MeetingInput) {
  const county = await bureauCounty(db, ctx)
  const scope = orgScopeOf(ctx.actor)
  for (const orgId of new Set([input.convenerOrgId, ...input.attendeeOrgIds, ...input.tasks.map((t) => t.orgId)])) {
    const org = await repo.findOrgWithCounty(db, orgId)
    if (!org || !scopeCovers(scope, org.id, org.region_path)) throw new AppError('VALIDATION_FAILED', '参会或承办单位须在本辖区内', { field: 'attendeeOrgIds', orgId })
  }
  for (const t of input.tasks) {
    if (t.decisionNo && (t.decisionNo < 1 || t.decisionNo > input.decisions.length)) throw new AppError('VALIDATION_FAILED', '任务对应的议定事项不存在', { field: 'tasks' })
  }
  return inTransaction(db, async (trx) => {
    const id = await repo.insertMeeting(trx, {
      region_code: county.code,
      title: input.title,
      held_on: input.heldOn,
      convener_org_id: input.convenerOrgId,
      location: input.location ?? null,
      attendee_org_ids: input.attendeeOrgIds,
      attendee_persons: JSON.stringify(input.attendeePersons),
      minutes: input.minutes,
      decisions: JSON.stringify(input.decisions),
      created_by: ctx.actor.userId,
    })
    for (const t of input.tasks) await repo.insertMeetingTask(trx, { meeting_id: id, title: t.title, org_id: t.orgId, due_on: t.dueOn, decision_no: t.decisionNo ?? null })
    await recordAudit(trx, ctx, { action: 'joint_meeting.record', entityType: 'joint_meeting', entityId: id, summary: `登记联席会议《${input.title}》（${input.heldOn}，${input.attendeeOrgIds.length} 个单位，议定 ${input.decisions.length} 项，任务 ${input.tasks.length} 项）`, after: { heldOn: input.heldOn, decisions: input.decisions, tasks: input.tasks } })
    return id
  })
}

/** Adds a follow-up task to a recorded meeting. */
export async function addMeetingTask(db: Kysely<DB>, ctx: Ctx, meetingId: string, input: { title: string; orgId: string; dueOn: string; decisionNo?: number | null }) {
  const { meeting } = await loadMeeting(db, ctx, meetingId)
  if (!canSupervise(ctx.actor)) throw forbidden()
  const org = await repo.findOrgWithCounty(db, input.orgId)
  if (!org || !scopeCovers(orgScopeOf(ctx.actor), org.id, org.region_path)) throw new AppError('VALIDATION_FAILED', '承办单位须在本辖区内', { field: 'orgId' })
  return inTransaction(db, async (trx) => {
    const id = await repo.insertMeetingTask(trx, { meeting_id: meetingId, title: input.title, org_id: org.id, due_on: input.dueOn, decision_no: input.decisionNo ?? null })
    await recordAudit(trx, ctx, { action: 'joint_meeting.task', entityType: 'joint_meeting_task', entityId: id, orgId: org.id, summary: `联席会议《${meeting.title}》交办 ${org.name}：${input.title}（${input.dueOn} 前）` })
    return id
  })
}

/** Tasks: a unit's own, or every task of the bureau's meetings. */
export async function listMeetingTasks(db: Kysely<DB>, ctx: Ctx, f: { status?: 'open' | 'done' }) {
  if (isBureau(ctx.actor)) return repo.listMeetingTasks(db, { scope: orgScopeOf(ctx.actor), status: f.status })
  if (isUnitStaff(ctx.actor)) return repo.listMeetingTasks(db, { orgId: ctx.actor.orgId!, status: f.status })
  throw forbidden()
}

/** The assigned unit reports a task done (with what was done). */
export async function completeMeetingTask(db: Kysely<DB>, ctx: Ctx, taskId: string, input: { note: string }) {
  const task = await repo.findMeetingTask(db, taskId)
  const path = task ? await repo.findRegionPath(db, task.region_code) : undefined
  const visible = task && ((isBureau(ctx.actor) && scopeCovers(orgScopeOf(ctx.actor), null, path ?? null)) || (isUnitStaff(ctx.actor) && task.org_id === ctx.actor.orgId))
  if (!task || !visible) throw notFound('会议任务', { id: taskId })
  if (!meetingTaskActions(ctx.actor, task).includes('done')) throw task.status === 'open' ? forbidden('只有承办单位负责人或法制审核人员可以报告完成') : invalidState('该任务已完成')
  await inTransaction(db, async (trx) => {
    const done = await repo.completeMeetingTask(trx, taskId, { done_note: input.note, done_at: ctx.now, done_by: ctx.actor.userId })
    if (Number(done.numUpdatedRows) === 0) throw invalidState('该任务已完成')
    await recordAudit(trx, ctx, { action: 'joint_meeting.task_done', entityType: 'joint_meeting_task', entityId: taskId, orgId: task.org_id, summary: `会议任务完成：${task.title}`, before: { status: 'open' }, after: { status: 'done', note: input.note } })
  })
  return repo.findMeetingTask(db, taskId)
}

// ── 线索/案件移送 ─────────────────────────────────────────────────────────────────────────────────

/**
 * Transfers in scope: the clue transfers recorded here, and — read-only, from the case module —
 * the platform cases moved by their 移送 act.
 */
export async function listTransfers(db: Kysely<DB>, ctx: Ctx) {
  if (!isBureau(ctx.actor) && !isUnitStaff(ctx.actor)) throw forbidden()
  const scope = orgScopeOf(ctx.actor)
  const [clues, cases] = await Promise.all([repo.listTransfers(db, scope), repo.listCaseTransfers(db, scope)])
  return { clues, cases }
}

async function loadTransfer(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findTransfer(db, id)
  const scope = orgScopeOf(ctx.actor)
  if (!row) throw notFound('移送记录', { id })
  const from = await repo.findOrgWithCounty(db, row.from_org_id)
  const to = await repo.findOrgWithCounty(db, row.to_org_id)
  if (!scopeCovers(scope, row.from_org_id, from?.region_path ?? null) && !scopeCovers(scope, row.to_org_id, to?.region_path ?? null)) throw notFound('移送记录', { id })
  return row
}

export async function getTransfer(db: Kysely<DB>, ctx: Ctx, id: string) {
  return loadTransfer(db, ctx, id)
}

/**
 * 移送 a clue (or a case not handled on the platform) to another unit — between departments or
 * between the city and a township — with an acceptance deadline in working days. A platform case
 * moves by its own 移送 act in the case module, not here.
 */
export async function createTransfer(db: Kysely<DB>, ctx: Ctx, input: { kind: TransferKind; fromOrgId?: string | null; toOrgId: string; caseId?: string | null; title: string; reason: string; acceptDays?: number | null }) {
  const actor = ctx.actor
  let fromOrgId: string
  if (isUnitStaff(actor) && (actor.role === 'unit_head' || actor.role === 'officer')) fromOrgId = actor.orgId!
  else if (canSupervise(actor) && (input.fromOrgId ?? actor.orgId)) fromOrgId = (input.fromOrgId ?? actor.orgId)!
  else throw forbidden('只有执法单位或司法局可以移送线索')
  const from = await repo.findOrgWithCounty(db, fromOrgId)
  const to = await repo.findOrgWithCounty(db, input.toOrgId)
  if (!from || (canSupervise(actor) && !scopeCovers(orgScopeOf(actor), from.id, from.region_path))) throw new AppError('VALIDATION_FAILED', '移送单位须在本辖区内', { field: 'fromOrgId' })
  if (!to) throw new AppError('VALIDATION_FAILED', '请选择接收单位', { field: 'toOrgId' })
  if (to.id === from.id) throw new AppError('VALIDATION_FAILED', '不能移送本单位', { field: 'toOrgId' })
  if (input.caseId) {
    const c = await repo.findCaseOrg(db, input.caseId)
    if (!c || c.org_id !== from.id) throw new AppError('VALIDATION_FAILED', '关联案件须为移送单位的案件', { field: 'caseId' })
    if (input.kind === 'case') throw new AppError('VALIDATION_FAILED', '平台内的案件请在案件办理中执行“移送”，此处只登记线索移送', { field: 'kind' })
  }
  const today = shanghaiDateOf(ctx.now)
  return inTransaction(db, async (trx) => {
    const days = input.acceptDays ?? (await settingsFor(trx, to.county_code)).transferAcceptDays
    const due = await workingDaysAfter(trx, today, days)
    const id = await repo.insertTransfer(trx, { kind: input.kind, from_org_id: from.id, to_org_id: to.id, case_id: input.caseId ?? null, title: input.title, reason: input.reason, transferred_on: today, accept_days: days, accept_due_on: due.date, accept_due_provisional: due.provisional, created_by: actor.userId })
    await recordAudit(trx, ctx, { action: 'transfer.create', entityType: 'clue_transfer', entityId: id, orgId: from.id, summary: `${from.name}向${to.name}${labels.transferKind[input.kind]}《${input.title}》，${due.date} 前接收`, after: { toOrgId: to.id, acceptDueOn: due.date } })
    return id
  })
}

/** The receiving unit's head accepts, or refuses with a reason. */
export async function decideTransfer(db: Kysely<DB>, ctx: Ctx, id: string, decision: 'accept' | 'refuse', input: { note?: string | null }) {
  const row = await loadTransfer(db, ctx, id)
  if (!transferActions(ctx.actor, row).includes(decision)) throw row.status === 'pending' ? forbidden('只有接收单位负责人可以接收或拒收') : invalidState('该移送已处理')
  const note = input.note?.trim() || null
  if (decision === 'refuse' && !note) throw new AppError('VALIDATION_FAILED', '请说明拒绝接收的理由', { field: 'note' })
  await inTransaction(db, async (trx) => {
    const locked = await repo.lockTransfer(trx, id)
    if (locked?.status !== 'pending') throw invalidState('该移送已处理')
    const status = decision === 'accept' ? 'accepted' : 'refused'
    await repo.updateTransfer(trx, id, { status, decision_note: note, decided_at: ctx.now, decided_by: ctx.actor.userId })
    const late = shanghaiDateOf(ctx.now) > row.accept_due_on
    await recordAudit(trx, ctx, { action: `transfer.${decision}`, entityType: 'clue_transfer', entityId: id, orgId: row.to_org_id, summary: `${row.to_name}${decision === 'accept' ? '接收' : '拒绝接收'}《${row.title}》${late ? '（逾期）' : ''}${note ? `：${note}` : ''}`, before: { status: 'pending' }, after: { status } })
  })
  return repo.findTransfer(db, id)
}

/** 市级/乡镇级 of a unit kind, for a transfer's direction. */
export function levelOf(kind: string): 'city' | 'township' {
  return kind === 'township' || kind === 'team' ? 'township' : 'city'
}
