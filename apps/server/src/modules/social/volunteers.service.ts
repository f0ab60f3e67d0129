import { labels, shanghaiDateOf, type VolunteerRepresentation, type VolunteerTargetKind } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import type { OpinionAttachment } from '../../platform/db/social-supervision-schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { acceptInlineFiles, type InlineFile, recordInlineUploads } from '../../platform/files/accept-inline-files'
import type { FileStore } from '../../platform/files/file-store'
import { canSupervise, isBureau } from './social.policy'
import * as repo from './social.repository'
import { settingsFor, workingDaysAfter } from './social-deadlines'

type Ctx = RequestContext & { actor: Actor }

export type VolunteerInput = {
  name: string
  phone?: string | null
  occupation: string
  representation: VolunteerRepresentation
  education?: string | null
  birthYear?: number | null
  noDisqualification: boolean
  termFrom: string
  termTo: string
  appointmentDocNo: string
  eventId?: string | null
}

/** Volunteers appointed in the caller's jurisdiction (bureau only). */
export async function listVolunteers(db: Kysely<DB>, ctx: Ctx) {
  if (!isBureau(ctx.actor)) throw forbidden('义务监督员名册仅司法局可见')
  return repo.listVolunteers(db, orgScopeOf(ctx.actor))
}

async function loadVolunteer(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findVolunteer(db, id)
  const path = row ? await repo.findRegionPath(db, row.region_code) : undefined
  if (!row || !isBureau(ctx.actor) || !scopeCovers(orgScopeOf(ctx.actor), null, path ?? null)) throw notFound('义务监督员', { id })
  return row
}

/**
 * 聘任 a volunteer supervisor in the bureau's county. Eligibility (domain-research §1.11): at least
 * 18 in the first year of the term and no disqualifying record (处分、开除、失信被执行人), declared by
 * the bureau.
 *
 * @example
 * await appointVolunteer(db, ctx, { name: '段秀英', occupation: '个体工商户', representation: 'public', noDisqualification: true, termFrom: '2025-12-18', termTo: '2027-12-17', appointmentDocNo: '禄司发〔2025〕58号' })
 */
export async function appointVolunteer(db: Kysely<DB>, ctx: Ctx, input: VolunteerInput) {
  if (!canSupervise(ctx.actor) || !ctx.actor.regionPath) throw forbidden('只有司法局监督人员可以聘任义务监督员')
  if (input.termTo < input.termFrom) throw new AppError('VALIDATION_FAILED', '聘期结束日期不能早于开始日期', { field: 'termTo' })
  if (!input.noDisqualification) throw new AppError('RULE_VIOLATION', '受过处分、被开除公职或被列为失信被执行人的，不得聘任', { field: 'noDisqualification' })
  if (input.birthYear && Number(input.termFrom.slice(0, 4)) - input.birthYear < 18) throw new AppError('RULE_VIOLATION', '义务监督员须年满18周岁', { field: 'birthYear' })
  const county = await repo.findCountyOfPath(db, ctx.actor.regionPath)
  if (!county) throw forbidden('当前账号没有县级管辖范围')
  return inTransaction(db, async (trx) => {
    const id = await repo.insertVolunteer(trx, {
      region_code: county.code,
      name: input.name,
      phone: input.phone ?? null,
      occupation: input.occupation,
      representation: input.representation,
      education: input.education ?? null,
      birth_year: input.birthYear ?? null,
      no_disqualification: input.noDisqualification,
      term_from: input.termFrom,
      term_to: input.termTo,
      appointment_doc_no: input.appointmentDocNo,
      event_id: input.eventId ?? null,
      created_by: ctx.actor.userId,
    })
    await recordAudit(trx, ctx, { action: 'volunteer.appoint', entityType: 'volunteer_supervisor', entityId: id, summary: `聘任行政执法义务监督员（${labels.volunteerRepresentation[input.representation]}），聘期 ${input.termFrom} 至 ${input.termTo}，${input.appointmentDocNo}`, after: { termFrom: input.termFrom, termTo: input.termTo, representation: input.representation } })
    return id
  })
}

/**
 * 解聘 — ends a term early, on a day within the term and not later than today, with a reason. The
 * volunteer's open tasks are cancelled: nobody supervises on a term that has ended.
 *
 * @example
 * await endVolunteer(db, ctx, id, { endedOn: '2026-11-20', reason: '本人因工作调动申请辞去义务监督员' })
 */
export async function endVolunteer(db: Kysely<DB>, ctx: Ctx, id: string, input: { endedOn: string; reason: string }) {
  const row = await loadVolunteer(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden('只有司法局监督人员可以解聘义务监督员')
  if (row.status === 'ended') throw invalidState('该义务监督员已解聘')
  if (input.endedOn < row.term_from || input.endedOn > row.term_to) throw new AppError('VALIDATION_FAILED', `解聘日期应在聘期（${row.term_from} 至 ${row.term_to}）之内`, { field: 'endedOn' })
  if (input.endedOn > shanghaiDateOf(ctx.now)) throw new AppError('VALIDATION_FAILED', '解聘日期不能晚于今天', { field: 'endedOn' })
  await inTransaction(db, async (trx) => {
    const ended = await repo.endVolunteer(trx, id, { ended_on: input.endedOn, end_reason: input.reason })
    if (Number(ended.numUpdatedRows) === 0) throw invalidState('该义务监督员已解聘')
    const cancelled = await repo.cancelOpenAssignments(trx, id)
    await recordAudit(trx, ctx, { action: 'volunteer.end', entityType: 'volunteer_supervisor', entityId: id, summary: `义务监督员 ${row.name} ${input.endedOn} 解聘：${input.reason}${cancelled.length ? `；取消未完成任务 ${cancelled.length} 项` : ''}`, before: { status: row.status }, after: { status: 'ended', endedOn: input.endedOn, cancelledAssignments: cancelled } })
  })
}

/** Links a 义务监督员 account (role `volunteer`) to the appointment; one account, one appointment. */
export async function linkAccount(db: Kysely<DB>, ctx: Ctx, id: string, input: { username: string }) {
  const row = await loadVolunteer(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden()
  const user = await repo.findUserByUsername(db, input.username.trim().toLowerCase())
  if (!user || user.role !== 'volunteer') throw new AppError('VALIDATION_FAILED', '请填写角色为义务监督员的账号', { field: 'username' })
  const other = await repo.findVolunteerOfUser(db, user.id)
  if (other && other.id !== id) throw new AppError('CONFLICT', `该账号已关联义务监督员 ${other.name}`)
  await inTransaction(db, async (trx) => {
    await repo.updateVolunteer(trx, id, { user_id: user.id })
    await recordAudit(trx, ctx, { action: 'volunteer.link_account', entityType: 'volunteer_supervisor', entityId: id, summary: `义务监督员 ${row.name} 关联账号 ${user.username}`, before: { userId: row.user_id }, after: { userId: user.id } })
  })
}

/** A task for a volunteer: observe an inspection, take part in a review batch, attend a meeting… */
export async function assignVolunteer(db: Kysely<DB>, ctx: Ctx, id: string, input: { targetKind: VolunteerTargetKind; targetId?: string | null; title: string; note?: string | null; dueOn?: string | null }) {
  const row = await loadVolunteer(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden()
  if (row.status !== 'active') throw invalidState('已解聘的义务监督员不能再安排任务')
  return inTransaction(db, async (trx) => {
    const assignmentId = await repo.insertAssignment(trx, { volunteer_id: id, target_kind: input.targetKind, target_id: input.targetId ?? null, title: input.title, note: input.note ?? null, due_on: input.dueOn ?? null, created_by: ctx.actor.userId })
    await recordAudit(trx, ctx, { action: 'volunteer.assign', entityType: 'volunteer_assignment', entityId: assignmentId, summary: `安排义务监督员 ${row.name}：${labels.volunteerTargetKind[input.targetKind]}《${input.title}》`, after: { targetKind: input.targetKind, targetId: input.targetId ?? null, dueOn: input.dueOn ?? null } })
    return assignmentId
  })
}

/** The signed-in volunteer's appointment, or FORBIDDEN. */
export async function myAppointment(db: Kysely<DB>, ctx: Ctx) {
  if (ctx.actor.role !== 'volunteer') throw forbidden('仅义务监督员账号可用')
  const row = await repo.findVolunteerOfUser(db, ctx.actor.userId)
  if (!row) throw forbidden('该账号尚未关联义务监督员聘任记录')
  return row
}

/** The volunteer marks their own task done. */
export async function completeAssignment(db: Kysely<DB>, ctx: Ctx, assignmentId: string) {
  const me = await myAppointment(db, ctx)
  const a = await repo.findAssignment(db, assignmentId)
  if (!a || a.volunteer_id !== me.id) throw notFound('监督任务', { id: assignmentId })
  if (a.status !== 'open') throw invalidState('该任务已完成或已取消')
  await inTransaction(db, async (trx) => {
    await repo.updateAssignment(trx, assignmentId, { status: 'done', done_at: ctx.now })
    await recordAudit(trx, ctx, { action: 'volunteer.assignment_done', entityType: 'volunteer_assignment', entityId: assignmentId, summary: `义务监督员完成任务《${a.title}》`, before: { status: 'open' }, after: { status: 'done' } })
  })
}

/** Longest attachment accepted with an opinion. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

/**
 * 监督意见: the volunteer's opinion (optionally on one of their tasks) with attachments; the bureau
 * owes an answer within the set working days.
 */
export async function submitOpinion(
  db: Kysely<DB>,
  ctx: Ctx,
  store: FileStore,
  input: { assignmentId?: string | null; content: string; attachments?: InlineFile[] },
  limits: { quotaBytesPerDay: number },
) {
  const me = await myAppointment(db, ctx)
  if (me.status !== 'active') throw forbidden('聘期已结束')
  if (input.assignmentId) {
    const a = await repo.findAssignment(db, input.assignmentId)
    if (!a || a.volunteer_id !== me.id) throw notFound('监督任务', { id: input.assignmentId })
  }
  // Photos, documents, sound and video only, by their content (the bureau opens them); within the daily quota.
  const files = await acceptInlineFiles(db, ctx, input.attachments ?? [], { kind: 'evidence', maxBytes: MAX_ATTACHMENT_BYTES, quotaBytesPerDay: limits.quotaBytesPerDay, field: 'attachments', label: '附件' })
  const attachments: OpinionAttachment[] = []
  for (const file of files) {
    await store.putBytes(file.bytes)
    attachments.push({ name: file.name, sha256: file.sha256, byteSize: file.byteSize, mediaType: file.mediaType })
  }
  const today = shanghaiDateOf(ctx.now)
  return inTransaction(db, async (trx) => {
    const days = (await settingsFor(trx, me.region_code)).opinionAnswerDays
    const due = await workingDaysAfter(trx, today, days)
    await recordInlineUploads(trx, ctx, 'evidence', files)
    const id = await repo.insertOpinion(trx, { volunteer_id: me.id, assignment_id: input.assignmentId ?? null, content: input.content, attachments: JSON.stringify(attachments), submitted_at: ctx.now, answer_due_on: due.date, answer_due_provisional: due.provisional })
    await recordAudit(trx, ctx, { action: 'volunteer.opinion', entityType: 'volunteer_opinion', entityId: id, summary: `义务监督员 ${me.name} 提出监督意见，答复期限 ${due.date}`, after: { attachments: attachments.map((a) => a.sha256), answerDueOn: due.date } })
    return id
  })
}

/** Opinions: the bureau's in scope, or the volunteer's own. */
export async function listOpinions(db: Kysely<DB>, ctx: Ctx) {
  if (ctx.actor.role === 'volunteer') return repo.listOpinions(db, { volunteerId: (await myAppointment(db, ctx)).id })
  if (!isBureau(ctx.actor)) throw forbidden()
  return repo.listOpinions(db, { scope: orgScopeOf(ctx.actor) })
}

async function loadOpinion(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findOpinion(db, id)
  if (!row) throw notFound('监督意见', { id })
  if (ctx.actor.role === 'volunteer' && row.volunteer_user_id === ctx.actor.userId) return row
  const path = await repo.findRegionPath(db, row.region_code)
  if (isBureau(ctx.actor) && scopeCovers(orgScopeOf(ctx.actor), null, path ?? null)) return row
  throw notFound('监督意见', { id })
}

/** The bureau's answer to an opinion (once). */
export async function answerOpinion(db: Kysely<DB>, ctx: Ctx, id: string, input: { answer: string }) {
  const row = await loadOpinion(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden('只有司法局监督人员可以答复监督意见')
  if (row.answer) throw invalidState('该意见已答复')
  await inTransaction(db, async (trx) => {
    const done = await repo.answerOpinion(trx, id, { answer: input.answer, answered_at: ctx.now, answered_by: ctx.actor.userId })
    if (Number(done.numUpdatedRows) === 0) throw invalidState('该意见已答复')
    const late = shanghaiDateOf(ctx.now) > row.answer_due_on
    await recordAudit(trx, ctx, { action: 'volunteer.opinion_answer', entityType: 'volunteer_opinion', entityId: id, summary: `答复义务监督员 ${row.volunteer_name} 的监督意见${late ? '（逾期）' : ''}`, after: { answer: input.answer } })
  })
  return repo.findOpinion(db, id)
}

/** An attachment's bytes, for the volunteer who sent it or the bureau. */
export async function opinionAttachment(db: Kysely<DB>, ctx: Ctx, store: FileStore, id: string, sha256: string) {
  const row = await loadOpinion(db, ctx, id)
  const file = row.attachments.find((a) => a.sha256 === sha256)
  const bytes = file ? await store.getBytes(sha256) : null
  if (!file || !bytes) throw notFound('附件')
  return { name: file.name, bytes, mediaType: file.mediaType ?? null }
}

export async function assignmentsOf(db: Kysely<DB>, volunteerIds: string[]) {
  return repo.listAssignments(db, volunteerIds)
}
