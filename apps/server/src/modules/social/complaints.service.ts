import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { type ComplaintCategory, labels, shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { addressHmac, startOfHour } from '../../platform/auth/address-keys'
import { type AttemptLimit, enforceAttemptLimit } from '../../platform/auth/attempt-limit'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { recordAnonymousAudit, startOfShanghaiDay } from '../../platform/audit/anonymous-audit'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { canActForUnit, canSupervise, isBureau, isUnitStaff } from './social.policy'
import * as repo from './social.repository'
import { settingsFor, workingDaysAfter } from './social-deadlines'

type Ctx = RequestContext & { actor: Actor }

/** Portal intake per address: at most this many complaints… */
export const MAX_INTAKES_PER_WINDOW = 5
/** …within this window. */
export const INTAKE_WINDOW_MINUTES = 60
/** Failed lookups per address within the window, as for the party's case lookup. */
export const MAX_LOOKUP_FAILURES = 20
export const LOOKUP_WINDOW_MINUTES = 15
const intakeLimit: AttemptLimit = { max: MAX_INTAKES_PER_WINDOW, windowMinutes: INTAKE_WINDOW_MINUTES, refusalZh: '提交过于频繁' }
const lookupFailureLimit: AttemptLimit = { max: MAX_LOOKUP_FAILURES, windowMinutes: LOOKUP_WINDOW_MINUTES, refusalZh: '查询失败次数过多' }
/** The portal's limits share one address value (an HMAC under the day's key, see address-keys.ts). */
const PORTAL_PURPOSE = 'social-portal'

export type ComplaintIntake = {
  category: ComplaintCategory
  orgId: string
  officerName?: string | null
  occurredOn?: string | null
  content: string
  anonymous: boolean
  complainantKind?: 'person' | 'enterprise'
  name?: string | null
  phone?: string | null
}

/**
 * 投诉举报 from the portal, no login. With `anonymous` no name or phone is stored (whatever was sent),
 * the complaint keeps the day, not the instant, its audit row and ledger leaf reach the log late and
 * shuffled (recordAnonymousAudit), and the rate-limit counter — an HMAC of the address under the
 * day's key, per clock hour — is written after the complaint, in its own transaction. Answers the
 * complaint number and the lookup code — the code exists in clear only in this answer; the
 * database keeps its SHA-256.
 *
 * @example
 * const { complaintNo, lookupCode } = await fileComplaint(db, req.ctx, { category: 'arbitrary_inspection', orgId, content: '…', anonymous: true })
 */
export async function fileComplaint(db: Kysely<DB>, ctx: RequestContext, input: ComplaintIntake) {
  const address = await addressHmac(db, PORTAL_PURPOSE, ctx.ip, ctx.now)
  await enforceAttemptLimit(intakeLimit, ctx.now, (since) => repo.countPortalAttempts(db, { kind: 'intake', addressHmac: address, succeeded: true, sinceHour: startOfHour(since) }))
  const org = await repo.findOrgWithCounty(db, input.orgId)
  if (!org || org.kind === 'justice_bureau') throw new AppError('VALIDATION_FAILED', '请选择被投诉的执法单位', { field: 'orgId' })
  if (!input.anonymous && !input.name?.trim()) throw new AppError('VALIDATION_FAILED', '实名投诉请填写姓名或企业名称，或选择匿名', { field: 'name' })
  const lookupCode = newLookupCode()
  const complaintNo = newComplaintNo(ctx.now)
  // An anonymous complaint keeps the day, not the minute, so it cannot be matched with an access log.
  const receivedAt = input.anonymous ? startOfShanghaiDay(ctx.now) : ctx.now
  const id = await inTransaction(db, async (trx) => {
    const id = await repo.insertComplaint(trx, {
      complaint_no: complaintNo,
      region_code: org.county_code,
      channel: 'portal',
      complainant_kind: input.anonymous ? 'anonymous' : (input.complainantKind ?? 'person'),
      anonymous: input.anonymous,
      complainant_name: input.anonymous ? null : input.name!.trim(),
      complainant_phone: input.anonymous ? null : input.phone?.trim() || null,
      category: input.category,
      org_id: org.id,
      officer_name: input.officerName?.trim() || null,
      occurred_on: input.occurredOn ?? null,
      content: input.content,
      lookup_code_hash: lookupCodeHash(lookupCode),
      received_at: receivedAt,
    })
    // The receipt is always a complaint's first event; an anonymous one takes seq 0 rather than a
    // place in the sequence between other complaints' events of known time.
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'receive', note: null, actor_name: input.anonymous ? '匿名' : '投诉人', at: receivedAt, ...(input.anonymous ? { seq: '0' } : {}) })
    const entry = {
      action: 'complaint.receive',
      entityType: 'complaint',
      entityId: id,
      orgId: null,
      summary: `收到${input.anonymous ? '匿名' : ''}投诉举报 ${complaintNo}（${labels.complaintCategory[input.category]}，被投诉单位 ${org.name}）`,
      after: { complaintNo, category: input.category, orgId: org.id, anonymous: input.anonymous },
    }
    if (input.anonymous) await recordAnonymousAudit(trx, ctx, entry)
    else await recordAudit(trx, ctx, entry)
    return id
  })
  await repo.recordPortalAttempt(db, { kind: 'intake', addressHmac: address, succeeded: true, hour: startOfHour(ctx.now) })
  return { id, complaintNo, lookupCode }
}

/** The units the portal's form offers: every unit except the justice bureaus that handle complaints. */
export async function complainableUnits(db: Kysely<DB>) {
  return repo.listComplainableUnits(db)
}

/**
 * The complainant's follow-up with the code (no login). A wrong code answers 404 and counts toward
 * a per-address limit on failures.
 *
 * @example
 * const c = await lookupComplaint(db, req.ctx, 'K7QF-9XMD-2HPA')
 */
export async function lookupComplaint(db: Kysely<DB>, ctx: RequestContext, code: string) {
  const address = await addressHmac(db, PORTAL_PURPOSE, ctx.ip, ctx.now)
  await enforceAttemptLimit(lookupFailureLimit, ctx.now, (since) => repo.countPortalAttempts(db, { kind: 'lookup', addressHmac: address, succeeded: false, sinceHour: startOfHour(since) }))
  const hash = lookupCodeHash(code)
  const found = await repo.findComplaintByCodeHash(db, hash)
  const ok = !!found?.lookup_code_hash && safeEqualHex(found.lookup_code_hash, hash)
  await repo.recordPortalAttempt(db, { kind: 'lookup', addressHmac: address, succeeded: ok, hour: startOfHour(ctx.now) })
  if (!ok || !found) throw new AppError('NOT_FOUND', '查询码不正确，请核对提交投诉时获得的查询码')
  return found
}

/** The complainant's 满意/不满意 on the answer, once, by the lookup code. */
export async function giveFeedback(db: Kysely<DB>, ctx: RequestContext, input: { code: string; satisfied: boolean; note?: string | null }) {
  const found = await lookupComplaint(db, ctx, input.code)
  if (found.status !== 'answered' && found.status !== 'closed') throw invalidState('答复之后才能评价')
  if (found.feedback) throw new AppError('DUPLICATE', '已评价过本次答复')
  // An anonymous complainant's feedback keeps the day only, like the complaint: its instant would
  // match the access log's line of the same request.
  const at = found.anonymous ? startOfShanghaiDay(ctx.now) : ctx.now
  await inTransaction(db, async (trx) => {
    await repo.lockComplaint(trx, found.id)
    const feedback = input.satisfied ? 'satisfied' : 'unsatisfied'
    await repo.updateComplaint(trx, found.id, { feedback, feedback_note: input.note?.trim() || null, feedback_at: at })
    const seq = found.anonymous ? { seq: await repo.nextSeqWithinComplaint(trx, found.id) } : {}
    await repo.insertComplaintEvent(trx, { complaint_id: found.id, action: 'feedback', note: input.satisfied ? '满意' : `不满意${input.note ? `：${input.note}` : ''}`, actor_name: '投诉人', at, ...seq })
    const entry = {
      action: 'complaint.feedback',
      entityType: 'complaint',
      entityId: found.id,
      orgId: null,
      summary: `投诉人对 ${found.complaint_no} 的答复表示${input.satisfied ? '满意' : '不满意'}`,
      after: { feedback },
    }
    if (found.anonymous) await recordAnonymousAudit(trx, ctx, entry)
    else await recordAudit(trx, { ...ctx, actor: null }, entry)
  })
  return repo.findComplaint(db, found.id)
}

// ── The bureau and the units ─────────────────────────────────────────────────────────────────────

/** Complaints the caller may see: the bureau its counties', a unit the ones handed to it. */
export async function listComplaints(db: Kysely<DB>, ctx: Ctx, f: { status?: string; category?: string; overdue?: boolean }) {
  if (isBureau(ctx.actor)) {
    return repo.listComplaintsForBureau(db, orgScopeOf(ctx.actor), { status: f.status, category: f.category, overdueOn: f.overdue ? shanghaiDateOf(ctx.now) : undefined })
  }
  if (isUnitStaff(ctx.actor)) {
    const rows = await repo.listComplaintsForUnit(db, ctx.actor.orgId!)
    return rows.filter((r) => (!f.status || r.status === f.status) && (!f.category || r.category === f.category))
  }
  throw forbidden('投诉举报仅司法局和承办单位可见')
}

/** One complaint, for the bureau in scope or the unit it was handed to; 404 otherwise. */
export async function loadComplaint(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findComplaint(db, id)
  if (!row || !mayRead(ctx.actor, row, await countyPath(db, row.region_code))) throw notFound('投诉举报', { id })
  return row
}

export async function complaintTimeline(db: Kysely<DB>, id: string) {
  return repo.listComplaintEvents(db, id)
}

/** 受理 / 不予受理 (with a reason) / 转办 to the competent organ (named, with a reason). */
export async function triageComplaint(db: Kysely<DB>, ctx: Ctx, id: string, input: { decision: 'accept' | 'not_accept' | 'transfer'; note?: string | null; transferredTo?: string | null }) {
  const row = await loadComplaint(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden('只有司法局监督人员可以受理投诉')
  if (row.status !== 'received') throw invalidState('该投诉已受理或已处理')
  const note = input.note?.trim() || null
  if (input.decision !== 'accept' && !note) throw new AppError('VALIDATION_FAILED', input.decision === 'transfer' ? '请说明转办理由' : '请说明不予受理的理由', { field: 'note' })
  if (input.decision === 'transfer' && !input.transferredTo?.trim()) throw new AppError('VALIDATION_FAILED', '请填写转办的有权处理机关', { field: 'transferredTo' })
  const status = input.decision === 'accept' ? 'accepted' : input.decision === 'not_accept' ? 'not_accepted' : 'transferred'
  await inTransaction(db, async (trx) => {
    await repo.lockComplaint(trx, id)
    await repo.updateComplaint(trx, id, { status, triage_note: note, transferred_to: input.decision === 'transfer' ? input.transferredTo!.trim() : null, triaged_at: ctx.now, triaged_by: ctx.actor.userId })
    const what = input.decision === 'accept' ? '受理' : input.decision === 'not_accept' ? '不予受理' : `转办${input.transferredTo}`
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: input.decision, note: note ?? what, actor_name: ctx.actor.displayName, at: ctx.now })
    await recordAudit(trx, ctx, { action: `complaint.${input.decision}`, entityType: 'complaint', entityId: id, orgId: null, summary: `投诉举报 ${row.complaint_no}：${what}`, before: { status: row.status }, after: { status, note } })
  })
  return repo.findComplaint(db, id)
}

/**
 * 交办: to the bureau itself or to a unit (usually the one complained about), with a deadline to
 * answer of `answerDays` working days (default: the bureau's setting) from today.
 */
export async function assignComplaint(db: Kysely<DB>, ctx: Ctx, id: string, input: { handlerKind: 'bureau' | 'unit'; orgId?: string | null; answerDays?: number | null }) {
  const row = await loadComplaint(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden('只有司法局监督人员可以交办投诉')
  if (row.status !== 'accepted' && row.status !== 'assigned') throw invalidState('受理后才能交办')
  let handlerOrgId: string
  let handlerName: string
  if (input.handlerKind === 'unit') {
    const org = input.orgId ? await repo.findOrgWithCounty(db, input.orgId) : undefined
    if (!org || !scopeCovers(orgScopeOf(ctx.actor), org.id, org.region_path)) throw new AppError('VALIDATION_FAILED', '请选择本辖区的承办单位', { field: 'orgId' })
    handlerOrgId = org.id
    handlerName = org.name
  } else {
    if (!ctx.actor.orgId) throw new AppError('VALIDATION_FAILED', '当前账号未属于司法局，不能自办', { field: 'handlerKind' })
    handlerOrgId = ctx.actor.orgId
    handlerName = ctx.actor.orgName ?? '司法局'
  }
  const today = shanghaiDateOf(ctx.now)
  await inTransaction(db, async (trx) => {
    await repo.lockComplaint(trx, id)
    const days = input.answerDays ?? (await settingsFor(trx, row.region_code)).complaintAnswerDays
    const due = await workingDaysAfter(trx, today, days)
    await repo.updateComplaint(trx, id, {
      status: 'assigned',
      handler_kind: input.handlerKind,
      handler_org_id: handlerOrgId,
      assigned_at: ctx.now,
      answer_days: days,
      answer_due_on: due.date,
      answer_due_provisional: due.provisional,
      escalated_at: null,
    })
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'assign', note: `交由${handlerName}办理，${days}个工作日内答复（${due.date}前${due.provisional ? '，暂定' : ''}）`, actor_name: ctx.actor.displayName, at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'complaint.assign',
      entityType: 'complaint',
      entityId: id,
      orgId: input.handlerKind === 'unit' ? handlerOrgId : null,
      summary: `投诉举报 ${row.complaint_no} 交由${handlerName}办理，答复期限 ${due.date}`,
      before: { status: row.status, handlerOrgId: row.handler_org_id },
      after: { status: 'assigned', handlerKind: input.handlerKind, handlerOrgId, answerDueOn: due.date },
    })
  })
  return repo.findComplaint(db, id)
}

/** The handler's answer: the unit it was handed to (head or legal reviewer), or the bureau when it handles it. */
export async function answerComplaint(db: Kysely<DB>, ctx: Ctx, id: string, input: { answer: string }) {
  const row = await loadComplaint(db, ctx, id)
  if (row.status !== 'assigned') throw invalidState('该投诉不在办理中')
  const mayAnswer = row.handler_kind === 'unit' ? canActForUnit(ctx.actor, row.handler_org_id) : canSupervise(ctx.actor)
  if (!mayAnswer) throw forbidden('只有承办单位负责人或法制审核人员可以答复')
  await inTransaction(db, async (trx) => {
    await repo.lockComplaint(trx, id)
    await repo.updateComplaint(trx, id, { status: 'answered', answer: input.answer, answered_at: ctx.now, answered_by: ctx.actor.userId })
    const late = row.answer_due_on && shanghaiDateOf(ctx.now) > row.answer_due_on
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'answer', note: late ? `逾期答复（期限 ${row.answer_due_on}）` : null, actor_name: `${ctx.actor.orgName ?? ''}${ctx.actor.displayName}`, at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'complaint.answer',
      entityType: 'complaint',
      entityId: id,
      orgId: row.handler_kind === 'unit' ? row.handler_org_id : null,
      summary: `答复投诉举报 ${row.complaint_no}${late ? '（逾期）' : ''}`,
      after: { status: 'answered', answer: input.answer },
    })
  })
  return repo.findComplaint(db, id)
}

/** 办结 by the bureau after the answer (the complainant's feedback, if any, stays on record). */
export async function closeComplaint(db: Kysely<DB>, ctx: Ctx, id: string, input: { note?: string | null }) {
  const row = await loadComplaint(db, ctx, id)
  if (!canSupervise(ctx.actor)) throw forbidden()
  if (row.status !== 'answered') throw invalidState('答复后才能办结')
  await inTransaction(db, async (trx) => {
    await repo.lockComplaint(trx, id)
    await repo.updateComplaint(trx, id, { status: 'closed' })
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'close', note: input.note?.trim() || null, actor_name: ctx.actor.displayName, at: ctx.now })
    await recordAudit(trx, ctx, { action: 'complaint.close', entityType: 'complaint', entityId: id, orgId: null, summary: `投诉举报 ${row.complaint_no} 办结`, before: { status: row.status }, after: { status: 'closed' } })
  })
  return repo.findComplaint(db, id)
}

/** 企业投诉 (inspections) not yet taken into this channel, for the bureau's triage board. */
export async function openInspectionComplaints(db: Kysely<DB>, ctx: Ctx) {
  if (!isBureau(ctx.actor)) throw forbidden('投诉仅司法局监督人员可见')
  return repo.listOpenInspectionComplaints(db, orgScopeOf(ctx.actor))
}

/**
 * Takes an enterprise's complaint about one inspection into the general channel, accepted: the
 * inspections row is marked handled and linked, an anonymous one stays anonymous. The enterprise
 * follows it in its own account, so no lookup code is made.
 */
export async function escalateInspectionComplaint(db: Kysely<DB>, ctx: Ctx, inspectionComplaintId: string, input: { category: ComplaintCategory }) {
  if (!canSupervise(ctx.actor)) throw forbidden('只有司法局监督人员可以受理投诉')
  const id = await inTransaction(db, async (trx) => {
    const ic = await repo.findInspectionComplaint(trx, inspectionComplaintId)
    const org = ic?.org_id ? await repo.findOrgWithCounty(trx, ic.org_id) : undefined
    if (!ic || !org || !scopeCovers(orgScopeOf(ctx.actor), org.id, org.region_path)) throw notFound('企业投诉', { id: inspectionComplaintId })
    if (ic.status !== 'open') throw invalidState('该企业投诉已处理')
    const complaintNo = newComplaintNo(ctx.now)
    const id = await repo.insertComplaint(trx, {
      complaint_no: complaintNo,
      region_code: org.county_code,
      channel: 'inspection_complaint',
      inspection_complaint_id: ic.id,
      complainant_kind: ic.anonymous ? 'anonymous' : 'enterprise',
      anonymous: ic.anonymous,
      complainant_name: ic.anonymous ? null : (ic.enterprise_name ?? null),
      category: input.category,
      org_id: org.id,
      inspection_id: ic.inspection_id,
      content: ic.content,
      status: 'accepted',
      received_at: ic.created_at,
      triaged_at: ctx.now,
      triaged_by: ctx.actor.userId,
    })
    await repo.markInspectionComplaintHandled(trx, ic.id)
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'receive', note: '企业通过检查记录投诉', actor_name: ic.anonymous ? '匿名' : '企业', at: ic.created_at })
    await repo.insertComplaintEvent(trx, { complaint_id: id, action: 'accept', note: '由企业投诉转入投诉举报办理', actor_name: ctx.actor.displayName, at: ctx.now })
    await recordAudit(trx, ctx, { action: 'complaint.escalate', entityType: 'complaint', entityId: id, orgId: null, summary: `企业投诉转入投诉举报 ${complaintNo}（${labels.complaintCategory[input.category]}）`, after: { inspectionComplaintId: ic.id } })
    return id
  })
  return repo.findComplaint(db, id)
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────

function mayRead(actor: Actor, row: repo.ComplaintRow, regionPath: string | null): boolean {
  if (isBureau(actor)) return scopeCovers(orgScopeOf(actor), null, regionPath)
  return isUnitStaff(actor) && row.handler_kind === 'unit' && row.handler_org_id === actor.orgId
}

async function countyPath(db: Kysely<DB>, regionCode: string): Promise<string | null> {
  return (await repo.findRegionPath(db, regionCode)) ?? null
}

/** 31 symbols without 0/O, 1/I/L; 12 of them (≈ 59 bits) shown as XXXX-XXXX-XXXX. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

function newLookupCode(): string {
  const chars = Array.from(randomBytes(12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`
}

/**
 * What `complaint.lookup_code_hash` holds: hex SHA-256 of the normalized code.
 *
 * @example
 * lookupCodeHash('k7qf 9xmd-2hpa') === lookupCodeHash('K7QF9XMD2HPA') // true
 */
export function lookupCodeHash(code: string): string {
  return createHash('sha256').update(`complaint:${code.replace(/[\s-]/g, '').toUpperCase()}`).digest('hex')
}

/** 投诉编号 like TS20261120-7KQ3: the day and four random symbols (unique by the table's constraint). */
function newComplaintNo(now: Date): string {
  const day = shanghaiDateOf(now).replaceAll('-', '')
  return `TS${day}-${Array.from(randomBytes(4), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}
