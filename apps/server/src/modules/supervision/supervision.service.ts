import { shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import type { LegalPoint, RectificationStatus, ResponseUnit, SupervisionSourceKind, SupervisionTemplate } from '../../platform/db/supervision-schema'
import { inTransaction } from '../../platform/db/transaction'
import { acceptInlineFiles, recordInlineUploads } from '../../platform/files/accept-inline-files'
import { sha256Hex } from '../../platform/files/file-store'
import type { SniffedMediaType } from '../../platform/files/file-type-sniff'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { bureauCovers, canConfigureDocTypesOf, countsAsReading, isBureau, isUnitReader, taskActions } from './supervision.policy'
import { issueDraftInTransaction, periodText, rectificationDue, supervisionRuntime } from './supervision-documents'
import * as repo from './supervision.repository'

type Ctx = RequestContext & { actor: Actor }

/** The escalation target meaning "report to the 本级人民政府" rather than another document. */
export const REPORT_TO_GOVERNMENT = 'report_to_government'

// ── Document types ───────────────────────────────────────────────────────────────────────────────

/** The jurisdiction whose set of document types is shown or written; `code` NULL: the platform's. */
export type DocTypeRegion = { code: string | null; name: string | null; path: string | null }

const PLATFORM: DocTypeRegion = { code: null, name: null, path: null }

/**
 * Whose set a request is about: an administrator chooses (the platform's by default, or any region's);
 * a supervisor always works on their own jurisdiction's set (naming another region is refused); unit
 * staff read the set that applies to their unit's region, which is the one their documents come under.
 */
async function docTypeRegionFor(db: repo.Executor, actor: Actor, requested: string | undefined): Promise<DocTypeRegion> {
  if (actor.role === 'admin') {
    if (!requested) return PLATFORM
    const region = await repo.findRegion(db, requested)
    if (!region) throw new AppError('VALIDATION_FAILED', '所选地区不存在', { field: 'regionCode' })
    return { code: region.code, name: region.name, path: region.path }
  }
  if (!actor.regionCode || !actor.regionPath) throw forbidden('账户未设置辖区，无法查看监督文书种类')
  if (requested && requested !== actor.regionCode) throw forbidden('只能查看和配置本辖区的监督文书种类')
  const region = await repo.findRegion(db, actor.regionCode)
  return { code: actor.regionCode, name: region?.name ?? null, path: actor.regionPath }
}

/**
 * The document types in effect in a region: its own rows over the platform's defaults (一函三书 as
 * seeded; names and periods are local practice).
 *
 * @example
 * const { region, types } = await listDocTypes(db, ctx) // a supervisor of 禄丰: 禄丰's effective set
 */
export async function listDocTypes(db: Kysely<DB>, ctx: Ctx, regionCode?: string) {
  if (!isBureau(ctx.actor) && !isUnitReader(ctx.actor)) throw forbidden()
  const region = await docTypeRegionFor(db, ctx.actor, regionCode)
  return { region, types: await repo.listDocTypes(db, region.path) }
}

export type DocTypeInput = repo.DocTypeValues

/**
 * Sets a document type for a region (administrators: the platform's defaults, or a region named by
 * `regionCode`; a supervisor: their own jurisdiction, see `canConfigureDocTypesOf`). The region's own
 * row is changed, or written when the code was inherited from the platform (an override for that
 * region only). The escalation target must be another type in effect there or `report_to_government`;
 * a change applies to documents drafted afterwards (a draft copies the period and keeps its row).
 *
 * @example
 * await updateDocType(db, ctx, 'opinion', { ...current, responseDays: 20 })
 */
export async function updateDocType(db: Kysely<DB>, ctx: Ctx, code: string, input: DocTypeInput, regionCode?: string) {
  if (!isBureau(ctx.actor)) throw forbidden('只有监督人员可以配置监督文书种类')
  const region = await docTypeRegionFor(db, ctx.actor, regionCode)
  if (!canConfigureDocTypesOf(ctx.actor, region.code)) throw forbidden('只能配置本辖区的监督文书种类，平台默认种类由系统管理员维护')
  return inTransaction(db, async (trx) => {
    const effective = await repo.listDocTypes(trx, region.path)
    const inherited = effective.find((t) => t.code === code)
    if (!inherited) throw notFound('监督文书种类')
    assertEscalation(code, input.escalatesTo, effective.map((t) => t.code))
    const own = await repo.findOwnDocTypeForUpdate(trx, code, region.code)
    const values = { ...input, by: ctx.actor.userId || null, at: ctx.now }
    const id = own ? own.id : await repo.insertDocType(trx, { ...values, code, regionCode: region.code, sortOrder: inherited.sort_order })
    if (own) await repo.updateDocType(trx, own.id, values)
    await recordAudit(trx, ctx, {
      action: own ? 'supervision_doc_type.update' : 'supervision_doc_type.override',
      entityType: 'supervision_doc_type',
      entityId: id,
      summary: `${own ? '修改' : '设定本辖区'}监督文书种类 ${input.name}（${region.name ?? '平台默认'}，整改期限${periodText(input.responseDays, input.responseUnit)}）`,
      before: own ?? inherited,
      after: { code, regionCode: region.code, ...input },
    })
  })
}

/**
 * Adds a document type of a new code to a region's set (or to the platform's defaults, by an
 * administrator). A code already in effect there is changed with {@link updateDocType} instead.
 *
 * @example
 * await createDocType(db, ctx, { code: 'interview', name: '行政执法监督约谈通知书', binding: false, responseDays: 5, responseUnit: 'working_days', escalatesTo: 'opinion', numberCode: '监约', template })
 */
export async function createDocType(db: Kysely<DB>, ctx: Ctx, input: DocTypeInput & { code: string }, regionCode?: string) {
  if (!isBureau(ctx.actor)) throw forbidden('只有监督人员可以配置监督文书种类')
  const region = await docTypeRegionFor(db, ctx.actor, regionCode)
  if (!canConfigureDocTypesOf(ctx.actor, region.code)) throw forbidden('只能配置本辖区的监督文书种类，平台默认种类由系统管理员维护')
  return inTransaction(db, async (trx) => {
    const effective = await repo.listDocTypes(trx, region.path)
    if (effective.some((t) => t.code === input.code)) {
      throw new AppError('DUPLICATE', '该代码的监督文书种类已存在，请直接修改', { field: 'code' })
    }
    assertEscalation(input.code, input.escalatesTo, effective.map((t) => t.code))
    const id = await repo.insertDocType(trx, { ...input, regionCode: region.code, sortOrder: await repo.nextDocTypeSortOrder(trx), by: ctx.actor.userId || null, at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'supervision_doc_type.create',
      entityType: 'supervision_doc_type',
      entityId: id,
      summary: `新增监督文书种类 ${input.name}（${region.name ?? '平台默认'}，整改期限${periodText(input.responseDays, input.responseUnit)}）`,
      after: { regionCode: region.code, ...input },
    })
    return id
  })
}

function assertEscalation(code: string, escalatesTo: string, codesInEffect: string[]): void {
  if (escalatesTo === code || (escalatesTo !== REPORT_TO_GOVERNMENT && !codesInEffect.includes(escalatesTo))) {
    throw new AppError('VALIDATION_FAILED', '逾期升级对象应为另一种监督文书或“报告本级人民政府”', { field: 'escalatesTo' })
  }
}

// ── Documents ────────────────────────────────────────────────────────────────────────────────────

export type CreateDocumentInput = {
  typeCode: string
  subject: string
  source: { kind: SupervisionSourceKind; ref?: string | null; snapshot?: string }
  recipientOrgIds: string[]
  findings: Array<{ problem: string; legalBasis: string; measure: string }>
}

/**
 * Drafts a supervision document from a source (a review finding, inspection oversight, a complaint,
 * daily supervision or a case — referenced by id with a snapshot of what it said) to units in the
 * bureau's jurisdiction. Issue it with {@link issueDocument}.
 *
 * @example
 * const id = await createDocument(db, ctx, { typeCode: 'opinion', subject: '2026年第3期案卷评查问题', source: { kind: 'review_finding', ref: sheetId, snapshot: '…' },
 *   recipientOrgIds: [zjjId], findings: [{ problem: '…', legalBasis: '《行政处罚法》第五十九条', measure: '…' }] })
 */
export async function createDocument(db: Kysely<DB>, ctx: Ctx, input: CreateDocumentInput): Promise<string> {
  if (!isBureau(ctx.actor)) throw forbidden('只有监督人员可以制发监督文书')
  return inTransaction(db, async (trx) => {
    const recipientIds = [...new Set(input.recipientOrgIds)]
    const orgs = await repo.findOrgs(trx, recipientIds)
    if (orgs.length !== recipientIds.length || orgs.some((o) => !bureauCovers(ctx.actor, o.id, o.region_path))) {
      throw new AppError('VALIDATION_FAILED', '主送单位应为本辖区内的执法单位', { field: 'recipientOrgIds' })
    }
    const issuer = await issuerOrgFor(trx, ctx.actor, orgs[0]!.region_path)
    // The issuing bureau's region decides which row of the code applies (its own, else the platform's).
    const type = await repo.resolveDocType(trx, input.typeCode, await repo.orgRegionPath(trx, issuer))
    if (!type) throw new AppError('VALIDATION_FAILED', '监督文书种类不存在', { field: 'typeCode' })
    const id = await repo.insertDocument(trx, {
      type,
      issuerOrgId: issuer,
      subject: input.subject.trim(),
      sourceKind: input.source.kind,
      sourceRef: input.source.ref ?? null,
      sourceSnapshot: input.source.snapshot?.trim() ?? '',
      responseDays: type.response_days,
      responseUnit: type.response_unit,
      autoDrafted: false,
      escalatedTaskId: null,
      createdBy: ctx.actor.userId || null,
      createdAt: ctx.now,
    })
    await repo.insertFindings(trx, id, input.findings)
    await repo.insertRecipients(trx, id, recipientIds)
    await recordAudit(trx, ctx, {
      action: 'supervision_document.draft',
      entityType: 'supervision_document',
      entityId: id,
      orgId: issuer,
      summary: `起草${type.name}：${input.subject}（主送${orgs.length}个单位，问题${input.findings.length}项）`,
      after: input,
    })
    return id
  })
}

async function issuerOrgFor(trx: repo.Executor, actor: Actor, regionPath: string): Promise<string> {
  if (actor.role === 'supervisor' && actor.orgId) return actor.orgId
  const bureau = await repo.findJusticeBureauFor(trx, regionPath)
  if (!bureau) throw invalidState('主送单位所在地区没有司法行政机关，无法制发监督文书')
  return bureau.id
}

/**
 * Issues a draft: numbered, rendered to PDF with a verification QR, stored, put on the ledger,
 * delivered to the units in the platform, and one rectification task per finding and unit with a
 * deadline on the working-day calendar from the delivery date. Audited.
 *
 * @example
 * const { number } = await issueDocument(db, ctx, id) // '禄司监意〔2026〕第3号'
 */
export async function issueDocument(db: Kysely<DB>, ctx: Ctx, id: string) {
  const calendar = await workCalendarFor(db)
  return inTransaction(db, async (trx) => {
    const doc = await requireDocumentForBureau(trx, ctx.actor, id)
    await repo.lockDocument(trx, id)
    if (doc.status !== 'draft') throw invalidState('该监督文书已经制发')
    const findings = await repo.listFindings(trx, id)
    if (findings.length === 0) throw invalidState('监督文书至少应列明一项问题')
    const issued = await issueDraftInTransaction(trx, ctx, id, calendar, shanghaiDateOf(ctx.now))
    await recordAudit(trx, ctx, {
      action: 'supervision_document.issue',
      entityType: 'supervision_document',
      entityId: id,
      orgId: doc.issuer_org_id,
      summary: `制发${doc.type_name}（${issued.number}）：${doc.subject}，整改期限至${issued.dueOn}${issued.dueProvisional ? '（暂定）' : ''}`,
      after: issued,
    })
    if (doc.escalated_task_id) {
      await repo.appendEvent(trx, { taskId: doc.escalated_task_id, at: ctx.now, action: 'draft_letter', actorId: ctx.actor.userId || null, actorName: ctx.actor.displayName, note: `督促文书已制发：${issued.number}`, data: { documentId: id, number: issued.number } })
    }
    return issued
  })
}

async function requireDocumentForBureau(db: repo.Executor, actor: Actor, id: string) {
  const doc = await repo.findDocument(db, id)
  if (!doc || !bureauCovers(actor, doc.issuer_org_id, doc.issuer_region_path)) throw notFound('监督文书')
  return doc
}

/** Lists documents: the bureau's of its jurisdiction, or those issued to the caller's unit. */
export async function listDocuments(db: Kysely<DB>, ctx: Ctx, filter: { status?: 'draft' | 'issued'; typeCode?: string; limit: number; offset: number }) {
  if (isBureau(ctx.actor)) return repo.listDocuments(db, { kind: 'issuer', scope: orgScopeOf(ctx.actor) }, filter)
  if (isUnitReader(ctx.actor)) return repo.listDocuments(db, { kind: 'recipient', orgId: ctx.actor.orgId! }, { ...filter, status: 'issued' })
  return { rows: [], total: 0 }
}

/**
 * One document with findings, recipients and tasks. A unit sees only a document issued to it, with
 * its own delivery and tasks; the unit head's first opening records the read receipt (once, audited).
 */
export async function getDocument(db: Kysely<DB>, ctx: Ctx, id: string) {
  const doc = await repo.findDocument(db, id)
  if (!doc) throw notFound('监督文书')
  if (bureauCovers(ctx.actor, doc.issuer_org_id, doc.issuer_region_path)) {
    const [findings, recipients, tasks] = await Promise.all([
      repo.listFindings(db, id),
      repo.listRecipients(db, id),
      repo.listTasks(db, { kind: 'issuer', scope: orgScopeOf(ctx.actor) }, { documentId: id, limit: 1000, offset: 0 }),
    ])
    return { doc, findings, recipients, tasks: tasks.rows, sourceLink: await sourceLinkOf(db, doc) }
  }
  const orgId = ctx.actor.orgId
  if (!isUnitReader(ctx.actor) || !orgId || doc.status !== 'issued') throw notFound('监督文书')
  const own = (await repo.listRecipients(db, id)).filter((r) => r.org_id === orgId)
  if (own.length === 0) throw notFound('监督文书')
  if (countsAsReading(ctx.actor) && own[0]!.read_at === null) {
    await inTransaction(db, async (trx) => {
      if (!(await repo.markRead(trx, id, orgId, ctx.actor.userId, ctx.now))) return
      await recordAudit(trx, ctx, {
        action: 'supervision_document.read',
        entityType: 'supervision_document',
        entityId: id,
        orgId,
        summary: `${ctx.actor.orgName ?? ''}签收阅读${doc.type_name}（${doc.number}）`,
        after: { readAt: ctx.now.toISOString() },
      })
    })
  }
  const [findings, recipients, tasks] = await Promise.all([
    repo.listFindings(db, id),
    repo.listRecipients(db, id),
    repo.listTasks(db, { kind: 'recipient', orgId }, { documentId: id, limit: 1000, offset: 0 }),
  ])
  return { doc, findings, recipients: recipients.filter((r) => r.org_id === orgId), tasks: tasks.rows, sourceLink: null }
}

/** Where the bureau opens a document's source in the admin app: the review batch of a 案卷评查 finding; the task an escalation letter was drafted for. */
async function sourceLinkOf(db: Kysely<DB>, doc: repo.DocumentRow): Promise<string | null> {
  if (doc.source_kind === 'escalation' && doc.escalated_task_id) return `/supervision/tasks/${doc.escalated_task_id}`
  if (doc.source_kind !== 'review_finding' || !doc.source_ref) return null
  const batchId = await repo.reviewSourceBatchId(db, doc.source_ref)
  return batchId ? `/review/batches/${batchId}` : null
}

/** The issued PDF for whoever may see the document; re-rendered from the stored data if the file is missing. */
export async function documentPdf(db: Kysely<DB>, ctx: Ctx, id: string) {
  const { doc } = await getDocumentForRead(db, ctx, id)
  if (doc.status !== 'issued') throw invalidState('草稿没有文书文件')
  const stored = await repo.findDocumentData(db, id)
  if (!stored?.sha256) throw notFound('文书文件')
  const runtime = supervisionRuntime()
  let bytes: Uint8Array | null = await runtime.files.getBytes(stored.sha256)
  if (!bytes) {
    const again = await runtime.render(stored.data as Parameters<typeof runtime.render>[0])
    if (sha256Hex(again) !== stored.sha256) throw new AppError('INTERNAL', '文书文件缺失，重新生成的文件与登记的摘要不一致，请联系管理员')
    await runtime.files.putBytes(again)
    bytes = again
  }
  return { title: stored.title ?? doc.type_name, number: stored.number, bytes }
}

async function getDocumentForRead(db: Kysely<DB>, ctx: Ctx, id: string) {
  const doc = await repo.findDocument(db, id)
  if (!doc) throw notFound('监督文书')
  if (bureauCovers(ctx.actor, doc.issuer_org_id, doc.issuer_region_path)) return { doc }
  if (isUnitReader(ctx.actor) && doc.status === 'issued' && (await repo.listRecipients(db, id)).some((r) => r.org_id === ctx.actor.orgId)) return { doc }
  throw notFound('监督文书')
}

// ── Rectification tasks ──────────────────────────────────────────────────────────────────────────

/** The rectification board: the bureau's tasks of its jurisdiction, or the unit's own. */
export async function listTasks(db: Kysely<DB>, ctx: Ctx, filter: { status?: RectificationStatus; overdue?: boolean; limit: number; offset: number }) {
  const q = { status: filter.status, overdueOn: filter.overdue ? shanghaiDateOf(ctx.now) : undefined, limit: filter.limit, offset: filter.offset }
  if (isBureau(ctx.actor)) return repo.listTasks(db, { kind: 'issuer', scope: orgScopeOf(ctx.actor) }, q)
  if (isUnitReader(ctx.actor)) return repo.listTasks(db, { kind: 'recipient', orgId: ctx.actor.orgId! }, q)
  return { rows: [], total: 0 }
}

async function requireTask(db: repo.Executor, actor: Actor, id: string) {
  const task = await repo.findTask(db, id)
  if (!task) throw notFound('整改任务')
  if (bureauCovers(actor, task.issuer_org_id, task.issuer_region_path)) return task
  if (isUnitReader(actor) && actor.orgId === task.org_id) return task
  throw notFound('整改任务')
}

/** One task with its timeline and, when it went that far, the report to the government. */
export async function getTask(db: Kysely<DB>, ctx: Ctx, id: string) {
  const task = await requireTask(db, ctx.actor, id)
  const [events, report] = await Promise.all([repo.listEvents(db, id), repo.findReport(db, id)])
  return { task, events, report: report ?? null }
}

/**
 * The PDF of a task's 报告本级人民政府, for whoever may see the task; re-rendered from the stored data if
 * the file is missing (and refused if that does not give the registered digest). 404 for a report kept
 * as text only (written before reports were issued as documents).
 */
export async function reportPdf(db: Kysely<DB>, ctx: Ctx, taskId: string) {
  await requireTask(db, ctx.actor, taskId)
  const stored = await repo.findReportData(db, taskId)
  if (!stored?.sha256) throw notFound('报告文件')
  const runtime = supervisionRuntime()
  let bytes: Uint8Array | null = await runtime.files.getBytes(stored.sha256)
  if (!bytes) {
    const again = await runtime.render(stored.data as Parameters<typeof runtime.render>[0])
    if (sha256Hex(again) !== stored.sha256) throw new AppError('INTERNAL', '报告文件缺失，重新生成的文件与登记的摘要不一致，请联系管理员')
    await runtime.files.putBytes(again)
    bytes = again
  }
  return { title: stored.title ?? '报告', number: stored.number, bytes }
}

export type EvidenceInput = { name: string; contentBase64: string }
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

/**
 * The unit's answer: the measures taken and evidence files (stored content-addressed; the timeline
 * keeps name, size and SHA-256). The task then waits for the bureau's verification.
 *
 * @example
 * await respondToTask(db, ctx, taskId, { measures: '已组织全体执法人员学习…', evidence: [{ name: '整改报告.pdf', contentBase64 }] })
 */
export async function respondToTask(db: Kysely<DB>, ctx: Ctx, id: string, input: { measures: string; evidence: EvidenceInput[] }, limits: { quotaBytesPerDay: number }) {
  const task = await requireTask(db, ctx.actor, id)
  if (!taskActions(ctx.actor, task).includes('respond')) {
    if (task.status !== 'open') throw invalidState('该整改任务当前不需要反馈')
    throw forbidden('只有被监督单位的负责人或法制审核人员可以反馈整改情况')
  }
  // Documents, photos, sound and video only, by their content (the bureau opens them); within the daily quota.
  const accepted = await acceptInlineFiles(db, ctx, input.evidence, { kind: 'evidence', maxBytes: MAX_EVIDENCE_BYTES, quotaBytesPerDay: limits.quotaBytesPerDay, field: 'evidence', label: '证明材料' })
  const files = supervisionRuntime().files
  const stored: Array<{ name: string; sha256: string; size: number; mediaType: SniffedMediaType }> = []
  for (const e of accepted) {
    await files.putBytes(new Uint8Array(e.bytes))
    stored.push({ name: e.name, sha256: e.sha256, size: e.byteSize, mediaType: e.mediaType })
  }
  await inTransaction(db, async (trx) => {
    const locked = await repo.lockTask(trx, id)
    if (locked?.status !== 'open') throw invalidState('该整改任务当前不需要反馈')
    await recordInlineUploads(trx, ctx, 'evidence', accepted)
    await repo.updateTask(trx, id, { status: 'responded' })
    await repo.appendEvent(trx, { taskId: id, at: ctx.now, action: 'respond', actorId: ctx.actor.userId, actorName: ctx.actor.displayName, note: input.measures, data: { evidence: stored } })
    await recordAudit(trx, ctx, {
      action: 'rectification_task.respond',
      entityType: 'rectification_task',
      entityId: id,
      orgId: task.org_id,
      summary: `${task.org_name}反馈整改情况（${task.document_number} 问题${task.finding_seq}），证明材料${stored.length}份`,
      before: { status: task.status },
      after: { status: 'responded', measures: input.measures, evidence: stored },
    })
  })
}

/** The bureau accepts the rectification: the task is closed. */
export async function acceptTask(db: Kysely<DB>, ctx: Ctx, id: string, input: { note?: string }) {
  const task = await requireTask(db, ctx.actor, id)
  if (!bureauCovers(ctx.actor, task.issuer_org_id, task.issuer_region_path)) throw notFound('整改任务')
  await inTransaction(db, async (trx) => {
    const locked = await repo.lockTask(trx, id)
    if (locked?.status !== 'responded') throw invalidState('只有已反馈的整改任务可以验收')
    await repo.updateTask(trx, id, { status: 'closed', closedAt: ctx.now })
    await repo.appendEvent(trx, { taskId: id, at: ctx.now, action: 'accept', actorId: ctx.actor.userId || null, actorName: ctx.actor.displayName, note: input.note?.trim() || '整改到位，予以销号' })
    await recordAudit(trx, ctx, {
      action: 'rectification_task.accept',
      entityType: 'rectification_task',
      entityId: id,
      orgId: task.org_id,
      summary: `验收通过：${task.org_name}（${task.document_number} 问题${task.finding_seq}）整改到位`,
      before: { status: 'responded' },
      after: { status: 'closed', note: input.note ?? null },
    })
  })
}

/**
 * The bureau returns the answer with a reason: the task is open again with a new deadline computed
 * on the working-day calendar from today (the document's period unless `days` is given). The
 * escalation restarts from the new deadline.
 *
 * @example
 * await returnTask(db, ctx, taskId, { reason: '未附整改后的案卷', days: 5 })
 */
export async function returnTask(db: Kysely<DB>, ctx: Ctx, id: string, input: { reason: string; days?: number }) {
  const task = await requireTask(db, ctx.actor, id)
  if (!bureauCovers(ctx.actor, task.issuer_org_id, task.issuer_region_path)) throw notFound('整改任务')
  const calendar = await workCalendarFor(db)
  const days = input.days ?? task.response_days
  const unit: ResponseUnit = input.days ? 'working_days' : task.response_unit
  const due = rectificationDue(calendar, shanghaiDateOf(ctx.now), days, unit)
  await inTransaction(db, async (trx) => {
    const locked = await repo.lockTask(trx, id)
    if (locked?.status !== 'responded') throw invalidState('只有已反馈的整改任务可以退回')
    await repo.updateTask(trx, id, { status: 'open', dueOn: due.dueOn, dueProvisional: due.provisional, escalation: 'none' })
    await repo.appendEvent(trx, { taskId: id, at: ctx.now, action: 'return', actorId: ctx.actor.userId || null, actorName: ctx.actor.displayName, note: input.reason, data: { dueOn: due.dueOn, dueProvisional: due.provisional, days, unit } })
    await recordAudit(trx, ctx, {
      action: 'rectification_task.return',
      entityType: 'rectification_task',
      entityId: id,
      orgId: task.org_id,
      summary: `退回${task.org_name}的整改反馈（${task.document_number} 问题${task.finding_seq}）：${input.reason}；新期限${due.dueOn}`,
      before: { status: 'responded', dueOn: task.due_on },
      after: { status: 'open', dueOn: due.dueOn, reason: input.reason },
    })
  })
}

/** An evidence file of a task's response, for whoever may see the task. */
export async function evidenceFile(db: Kysely<DB>, ctx: Ctx, id: string, sha256: string) {
  await requireTask(db, ctx.actor, id)
  const events = await repo.listEvents(db, id)
  // `mediaType`: detected on arrival; absent on evidence sent before files were checked.
  const file = events.flatMap((e) => (Array.isArray(e.data.evidence) ? (e.data.evidence as Array<{ name: string; sha256: string; mediaType?: SniffedMediaType }>) : [])).find((f) => f.sha256 === sha256)
  if (!file) throw notFound('证明材料')
  const bytes = await supervisionRuntime().files.getBytes(sha256)
  if (!bytes) throw notFound('证明材料')
  return { name: file.name, bytes, mediaType: file.mediaType ?? null }
}

// ── 普法提示单 ─────────────────────────────────────────────────────────────────────────────────────

export type LegalNoticeInput = { title: string; content: string; legalPoints: LegalPoint[]; sourceNote?: string; recipientOrgIds: string[] }

/**
 * Issues a 普法提示单 to units of the jurisdiction (e.g. from a batch's frequent deductions). Audited.
 *
 * @example
 * await issueLegalNotice(db, ctx, { title: '关于规范行政处罚决定书载明事项的普法提示', content: '…', legalPoints: [{ basis: '《行政处罚法》第五十九条', point: '…' }], recipientOrgIds })
 */
export async function issueLegalNotice(db: Kysely<DB>, ctx: Ctx, input: LegalNoticeInput): Promise<string> {
  if (!isBureau(ctx.actor)) throw forbidden('只有监督人员可以制发普法提示单')
  return inTransaction(db, async (trx) => {
    const ids = [...new Set(input.recipientOrgIds)]
    const orgs = await repo.findOrgs(trx, ids)
    if (orgs.length !== ids.length || orgs.some((o) => !bureauCovers(ctx.actor, o.id, o.region_path))) {
      throw new AppError('VALIDATION_FAILED', '接收单位应为本辖区内的执法单位', { field: 'recipientOrgIds' })
    }
    const issuer = await issuerOrgFor(trx, ctx.actor, orgs[0]!.region_path)
    const id = await repo.insertLegalNotice(trx, { issuerOrgId: issuer, title: input.title.trim(), content: input.content, legalPoints: input.legalPoints, sourceNote: input.sourceNote ?? '', at: ctx.now, by: ctx.actor.userId || null, orgIds: ids })
    await recordAudit(trx, ctx, { action: 'legal_notice.issue', entityType: 'legal_notice', entityId: id, orgId: issuer, summary: `制发普法提示单《${input.title}》（${ids.length}个单位）`, after: input })
    return id
  })
}

export async function listLegalNotices(db: Kysely<DB>, ctx: Ctx) {
  if (isBureau(ctx.actor)) return repo.listLegalNotices(db, { kind: 'issuer', scope: orgScopeOf(ctx.actor) })
  if (isUnitReader(ctx.actor)) return repo.listLegalNotices(db, { kind: 'recipient', orgId: ctx.actor.orgId! })
  return []
}

/** One notice; the bureau sees every unit's reading, a unit its own — the unit head's first opening records it. */
export async function getLegalNotice(db: Kysely<DB>, ctx: Ctx, id: string) {
  const notice = await repo.findLegalNotice(db, id)
  if (!notice) throw notFound('普法提示单')
  if (bureauCovers(ctx.actor, notice.issuer_org_id, notice.issuer_region_path)) return { notice, recipients: await repo.listNoticeRecipients(db, id) }
  const orgId = ctx.actor.orgId
  const own = isUnitReader(ctx.actor) && orgId ? (await repo.listNoticeRecipients(db, id)).filter((r) => r.org_id === orgId) : []
  if (own.length === 0 || !orgId) throw notFound('普法提示单')
  if (countsAsReading(ctx.actor) && own[0]!.read_at === null) {
    await inTransaction(db, async (trx) => {
      if (!(await repo.markNoticeRead(trx, id, orgId, ctx.actor.userId, ctx.now))) return
      await recordAudit(trx, ctx, { action: 'legal_notice.read', entityType: 'legal_notice', entityId: id, orgId, summary: `${ctx.actor.orgName ?? ''}阅读普法提示单《${notice.title}》` })
    })
  }
  return { notice, recipients: (await repo.listNoticeRecipients(db, id)).filter((r) => r.org_id === orgId) }
}
