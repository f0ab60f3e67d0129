import { formatDocNumber, labels, shanghaiDateOf, type InspectionTrigger, type IsoDate } from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB, RuleViolation } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import type { FileStore } from '../../platform/files/file-store'
import { SNIFF_HEAD_BYTES } from '../../platform/files/file-type-sniff'
import { acceptUpload, tooLarge } from '../../platform/files/upload-limits'
import { markUploadsLinked } from '../../platform/files/uploads.repository'
import { nextDocumentSequence } from '../cases/case-documents.repository'
import { findEnterpriseInReach } from '../enterprises/enterprise-reach'
import { hashToken } from '../enterprises/enterprise-tokens'
import { canEnterprise, enterpriseFacts } from '../enterprises/enterprises.policy'
import { validCertificatesOn } from '../registry/certificate-validity'
import { checkCaps, checkCatalogue, checkOfficers, checkPlanMonth, overridableRules, rulesForOrg, type InspectionRules } from './inspection-rules'
import { isInspector, isUnitHeadOf } from './inspections.policy'
import * as repo from './inspections.repository'

type Ctx = RequestContext & { actor: Actor }

/** The enforcement person of the signed-in inspector, or FORBIDDEN. */
export async function inspectorPerson(db: Kysely<DB> | Transaction<DB>, ctx: Ctx) {
  if (!isInspector(ctx.actor)) throw forbidden('只有执法人员和单位负责人可以进行行政检查')
  const person = await repo.findPersonOfUser(db, ctx.actor.userId)
  if (!person || person.status !== 'active' || person.org_id !== ctx.actor.orgId) {
    throw forbidden('当前账号未关联本单位在岗执法人员，请联系单位负责人在执法人员名录中关联账号')
  }
  return person
}

/** A detail read: inside the caller's scope, or 404. */
export async function loadInspection(db: Kysely<DB> | Transaction<DB>, ctx: Ctx, id: string) {
  const row = await repo.findInspection(db, id)
  if (!row || !scopeCovers(orgScopeOf(ctx.actor), row.org_id, row.org_region_path)) throw notFound('检查记录', { id })
  return row
}

// ——— tasks: ad hoc (临时性检查) ——————————————————————————————————————————————

export type AdHocInput = {
  enterpriseId: string
  trigger: InspectionTrigger
  triggerNote: string
  powerItemIds: string[]
  plannedDate: IsoDate
  officerIds: string[]
}

/**
 * 临时性检查 needs a trigger (投诉举报、转办交办、数据监测) and the unit head's approval; a head
 * who files one approves it in the same act.
 */
export async function createAdHocInspection(db: Kysely<DB>, ctx: Ctx, input: AdHocInput): Promise<string> {
  if (!isInspector(ctx.actor)) throw forbidden()
  const orgId = ctx.actor.orgId!
  const catalogue = await checkCatalogue(db, orgId, input.powerItemIds)
  if (catalogue) throw new AppError('RULE_VIOLATION', catalogue.message, { violations: [catalogue] })
  // An enterprise of another county is absent to this unit (enterprises.policy.ts): no task, no visit.
  const reached = await findEnterpriseInReach(db, ctx.actor, input.enterpriseId)
  if (!reached) throw notFound('市场主体', { id: input.enterpriseId })
  const enterprise = reached.row
  await checkAssignable(db, orgId, input.officerIds)
  const head = ctx.actor.role === 'unit_head'
  return inTransaction(db, async (trx) => {
    const id = await repo.insertInspection(trx, {
      org_id: orgId,
      enterprise_id: input.enterpriseId,
      kind: 'ad_hoc',
      plan_id: null,
      trigger: input.trigger,
      trigger_note: input.triggerNote,
      status: head ? 'scheduled' : 'pending_approval',
      planned_date: input.plannedDate,
      officer_ids: input.officerIds,
      approved_by: head ? ctx.actor.userId : null,
      approved_at: head ? ctx.now : null,
      created_by: ctx.actor.userId,
    })
    await repo.insertInspectionItems(trx, id, [...new Set(input.powerItemIds)])
    await recordAudit(trx, ctx, {
      action: 'inspection.ad_hoc_create',
      entityType: 'inspection',
      entityId: id,
      orgId,
      summary: `${head ? '批准' : '申请'}临时性检查 ${enterprise.name}（${labels.inspectionTrigger[input.trigger]}：${input.triggerNote}）`,
      after: input,
    })
    return id
  })
}

async function checkAssignable(db: Kysely<DB> | Transaction<DB>, orgId: string, officerIds: string[]) {
  const persons = await repo.findPersons(db, officerIds)
  if (persons.length !== new Set(officerIds).size || persons.some((p) => p.org_id !== orgId || p.status !== 'active')) {
    throw new AppError('VALIDATION_FAILED', '指派的执法人员须为本单位在岗人员', { field: 'officerIds' })
  }
}

export async function decideAdHoc(db: Kysely<DB>, ctx: Ctx, id: string, approve: boolean, note: string | null) {
  const row = await loadInspection(db, ctx, id)
  if (!isUnitHeadOf(ctx.actor, row.org_id)) throw forbidden('临时性检查须由本单位负责人审批')
  if (row.status !== 'pending_approval') throw invalidState('该检查不在待审批状态')
  await inTransaction(db, async (trx) => {
    await repo.updateInspection(trx, id, {
      status: approve ? 'scheduled' : 'rejected',
      approved_by: ctx.actor.userId,
      approved_at: ctx.now,
      decision_note: note,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: approve ? 'inspection.approve' : 'inspection.reject',
      entityType: 'inspection',
      entityId: id,
      orgId: row.org_id,
      summary: `${approve ? '批准' : '不批准'}临时性检查 ${row.enterprise_name}${note ? `：${note}` : ''}`,
      before: { status: row.status },
      after: { status: approve ? 'scheduled' : 'rejected', note },
    })
  })
}

export async function cancelTask(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  const row = await loadInspection(db, ctx, id)
  if (!isUnitHeadOf(ctx.actor, row.org_id)) throw forbidden('检查任务须由本单位负责人取消')
  if (row.status !== 'scheduled' && row.status !== 'pending_approval') throw invalidState('只能取消尚未开始的检查任务')
  await inTransaction(db, async (trx) => {
    await repo.updateInspection(trx, id, { status: 'cancelled', decision_note: reason, updated_at: ctx.now })
    await recordAudit(trx, ctx, { action: 'inspection.cancel', entityType: 'inspection', entityId: id, orgId: row.org_id, summary: `取消检查任务 ${row.enterprise_name}：${reason}`, before: { status: row.status }, after: { status: 'cancelled', reason } })
  })
}

// ——— start: 扫码入企 ————————————————————————————————————————————————————————

export type StartInput = {
  clientKey: string
  taskId?: string | null
  scan: { method: 'qr'; token: string } | { method: 'typed'; creditCode: string }
  coOfficerIds: string[]
  scannedAt: Date
  offlineReason?: string | null
  overrideId?: string | null
}

export type StartResult = { inspectionId: string; replayed: boolean; jointCandidates: Array<{ taskId: string; orgName: string; plannedDate: string }> }

/**
 * 扫码入企: the officer scans the enterprise's code on arrival and the inspection starts — if
 * every rule holds on the day of the scan. All violations are reported at once; an approved
 * override sets aside the overridable ones. A repeated request with the same client key (a phone
 * retrying after a lost answer, or syncing a queued start) returns the inspection it started.
 */
export async function startInspection(db: Kysely<DB>, ctx: Ctx, input: StartInput): Promise<StartResult> {
  const replay = await replayStart(db, ctx, input.clientKey)
  if (replay) return replay
  const person = await inspectorPerson(db, ctx)
  const orgId = ctx.actor.orgId!
  const rules = await rulesForOrg(db, orgId)
  const date = shanghaiDateOf(input.scannedAt)

  const outcome = await inTransaction(db, async (trx) => {
    const enterprise = await resolveScan(trx, ctx.actor, input.scan)
    await repo.lockEnterprise(trx, enterprise.id)
    const again = await repo.findInspectionByClientKey(trx, input.clientKey)
    if (again) return { kind: 'replay' as const, id: again.id }
    const task = await findTask(trx, orgId, enterprise.id, person.id, input.taskId ?? null)
    if (!task) {
      const violation: RuleViolation = {
        rule: 'task',
        message: `${enterprise.name}没有本单位已批准、指派给您的检查任务：计划内检查须列入已公布的检查计划，临时性检查须经单位负责人批准`,
        overridable: false,
      }
      return { kind: 'refused' as const, violations: [violation], enterprise, task: null }
    }
    const violations = await evaluateStart(trx, rules, task, [person.id, ...input.coOfficerIds], date, input.scannedAt, ctx.now)
    const checked = violations.officerChecks
    let overrideId: string | null = null
    if (violations.list.length > 0) {
      const override = input.overrideId ? await usableOverride(trx, input.overrideId, orgId, enterprise.id, date) : null
      const blocking = violations.list.filter((v) => !v.overridable || !override || !override.rules.includes(v.rule))
      if (blocking.length > 0) return { kind: 'refused' as const, violations: violations.list, enterprise, task }
      overrideId = override!.id
      await repo.updateOverride(trx, override!.id, { status: 'used', used_at: ctx.now, inspection_id: task.id })
    }
    const late = ctx.now.getTime() - input.scannedAt.getTime() > rules.lateSyncHours * 3_600_000
    await repo.updateInspection(trx, task.id, {
      status: 'in_progress',
      client_key: input.clientKey,
      inspection_date: date,
      scan_method: input.scan.method,
      scanned_at: input.scannedAt,
      started_at: ctx.now,
      offline_reason: input.offlineReason ?? null,
      override_id: overrideId,
      late_sync: late,
      officer_ids: checked.map((o) => o.personId),
      joint_joined_at: task.joint_id ? ctx.now : null,
      // 行政检查通知书 and 现场检查笔录 are numbered now, when they are shown and drawn up on site.
      notice_no: await takeDocNumber(trx, orgId, '检通字', date),
      record_no: await takeDocNumber(trx, orgId, '检录字', date),
      updated_at: ctx.now,
    })
    await repo.insertOfficers(
      trx,
      checked.map((o) => ({
        inspection_id: task.id,
        person_id: o.personId,
        role: o.personId === person.id ? ('lead' as const) : ('co' as const),
        certificate_id: o.certificate?.certificateId ?? null,
        cert_no: o.certificate?.certNo ?? null,
      })),
    )
    await recordAudit(trx, ctx, {
      actorCertificate: checked.find((o) => o.personId === person.id)?.certificate?.certNo,
      action: 'inspection.start',
      entityType: 'inspection',
      entityId: task.id,
      orgId,
      summary: `${input.scan.method === 'qr' ? '扫码' : '手输信用代码'}入企检查 ${enterprise.name}（${checked.map((o) => o.name).join('、')}）${overrideId ? '，经批准例外放行' : ''}${late ? '，迟报' : ''}`,
      after: {
        inspectionDate: date,
        scannedAt: input.scannedAt.toISOString(),
        scanMethod: input.scan.method,
        officers: checked.map((o) => ({ personId: o.personId, certNo: o.certificate?.certNo ?? null })),
        overrideId,
        offlineReason: input.offlineReason ?? null,
      },
    })
    const candidates = task.joint_id ? [] : await repo.findJointCandidates(trx, enterprise.id, orgId, date, rules.jointWindowDays)
    return { kind: 'started' as const, id: task.id, candidates }
  })

  if (outcome.kind === 'replay') return { inspectionId: outcome.id, replayed: true, jointCandidates: [] }
  if (outcome.kind === 'refused') {
    // The refusal itself is an enforcement act worth keeping: recorded in its own transaction.
    await inTransaction(db, (trx) =>
      recordAudit(trx, ctx, {
        action: 'inspection.refused',
        entityType: 'inspection',
        entityId: outcome.task?.id ?? outcome.enterprise.id,
        orgId,
        summary: `拒绝开始检查 ${outcome.enterprise.name}：${outcome.violations.map((v) => v.message).join('；')}`,
        after: { violations: outcome.violations, scannedAt: input.scannedAt.toISOString() },
      }),
    )
    const overridable = outcome.violations.every((v) => v.overridable)
    throw new AppError('RULE_VIOLATION', `不能开始检查：${outcome.violations.map((v) => v.message).join('；')}${overridable ? '。如确需检查，可申请单位负责人批准例外放行' : ''}`, {
      violations: outcome.violations,
      overridable,
      taskId: outcome.task?.id ?? null,
      enterpriseId: outcome.enterprise.id,
    })
  }
  return {
    inspectionId: outcome.id,
    replayed: false,
    jointCandidates: outcome.candidates.map((c) => ({ taskId: c.id, orgName: c.org_name, plannedDate: c.planned_date })),
  }
}

async function replayStart(db: Kysely<DB>, ctx: Ctx, clientKey: string): Promise<StartResult | null> {
  const existing = await repo.findInspectionByClientKey(db, clientKey)
  if (!existing) return null
  if (existing.org_id !== ctx.actor.orgId) throw new AppError('CONFLICT', '该同步编号已被使用', { clientKey })
  return { inspectionId: existing.id, replayed: true, jointCandidates: [] }
}

/** The scanned enterprise; one of another county answers as an unknown code (an officer inspects only in the county). */
async function resolveScan(trx: Transaction<DB>, actor: Actor, scan: StartInput['scan']) {
  const query = trx
    .selectFrom('enterprise as e')
    .leftJoin('region as r', 'r.code', 'e.region_code')
    .select(['e.id', 'e.name', 'e.credit_code', 'r.path as region_path', 'e.registered_by_org_id'])
  const row =
    scan.method === 'qr'
      ? await query.where('e.qr_token_hash', '=', hashToken(scan.token)).executeTakeFirst()
      : await query.where('e.credit_code', '=', scan.creditCode).executeTakeFirst()
  if (!row || !canEnterprise(actor, 'read', enterpriseFacts(row))) {
    throw new AppError('NOT_FOUND', scan.method === 'qr' ? '入企码无效或已作废：请核对现场张贴的二维码，或改用手工输入统一社会信用代码' : '未找到该统一社会信用代码对应的市场主体', {
      rule: 'scan',
    })
  }
  return row
}

async function findTask(trx: Transaction<DB>, orgId: string, enterpriseId: string, personId: string, taskId: string | null) {
  const tasks = await repo.findScheduledTasks(trx, orgId, enterpriseId)
  const mine = tasks.filter((t) => t.officer_ids.length === 0 || t.officer_ids.includes(personId))
  if (taskId) return mine.find((t) => t.id === taskId) ?? null
  return mine[0] ?? null
}

/** Every rule at start, collected (the officer sees all reasons at once). */
export async function evaluateStart(
  db: Kysely<DB> | Transaction<DB>,
  rules: InspectionRules,
  task: { id: string; org_id: string; enterprise_id: string; joint_id: string | null; plan_id: string | null; kind: 'planned_annual' | 'planned_special' | 'ad_hoc' },
  officerIds: string[],
  date: IsoDate,
  scannedAt: Date,
  now: Date,
) {
  const list: RuleViolation[] = []
  const ageDays = (now.getTime() - scannedAt.getTime()) / 86_400_000
  if (ageDays > rules.backfillMaxDays) {
    list.push({ rule: 'backfill', message: `离线检查须在 ${rules.backfillMaxDays} 日内补录同步，该记录扫码于 ${date}，已超过时限`, overridable: false })
  }
  if (scannedAt.getTime() - now.getTime() > 10 * 60_000) list.push({ rule: 'backfill', message: '扫码时间晚于服务器时间，请校准手机时间', overridable: false })
  const items = await db.selectFrom('inspection_item').select('power_item_id').where('inspection_id', '=', task.id).execute()
  const itemIds = items.map((i) => i.power_item_id)
  const catalogue = await checkCatalogue(db, task.org_id, itemIds)
  if (catalogue) list.push(catalogue)
  const domains = [...new Set((await repo.findPowerItems(db, itemIds)).map((i) => i.domain))]
  const officers = await checkOfficers(db, rules, task.org_id, officerIds, domains, date)
  if (officers.violation) list.push(officers.violation)
  list.push(...(await checkCaps(db, rules, task, date)))
  const month = await checkPlanMonth(db, task, date)
  if (month) list.push(month)
  return { list, officerChecks: officers.officers }
}

async function usableOverride(trx: Transaction<DB>, id: string, orgId: string, enterpriseId: string, date: IsoDate) {
  const o = await trx.selectFrom('inspection_override').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!o || o.org_id !== orgId || o.enterprise_id !== enterpriseId || o.status !== 'approved' || o.valid_on !== date) return null
  return o
}

// ——— complete: the on-site record ————————————————————————————————————————————

export type CompleteInput = {
  clientKey: string
  items: Array<{ powerItemId: string; outcome: 'ok' | 'issue' | 'not_applicable'; note?: string | null }>
  findings: string
  result: 'no_issue' | 'correct' | 'transfer'
  correctionDeadline?: IsoDate | null
  /** Type and size, if the phone sends them, are ignored: they are read from the stored file. */
  photos: Array<{ sha256: string; capturedAt: Date; byteSize?: number; mediaType?: string }>
  representativeName: string
  representativeConfirmedAt: Date
  completedAt: Date
  /** 亮证: which officer showed which 执法证 (by its number), and when — captured on the phone. */
  certificatesShown: Array<{ personId: string; certNo: string; shownAt: Date }>
}

/**
 * Closes the on-site record (现场检查笔录) as captured on the phone, possibly long after: the
 * capture times are kept, the server's receipt time is added, and a record that arrives later
 * than the rules allow is flagged for the supervisors. Idempotent by the client key.
 */
export async function completeInspection(db: Kysely<DB>, ctx: Ctx, input: CompleteInput, store: FileStore): Promise<{ inspectionId: string; replayed: boolean }> {
  const person = await inspectorPerson(db, ctx)
  const row = await repo.findInspectionByClientKey(db, input.clientKey)
  if (!row || row.org_id !== ctx.actor.orgId) throw notFound('检查记录', { clientKey: input.clientKey })
  if (row.status === 'completed') {
    if (row.result === input.result && row.completed_at?.getTime() === input.completedAt.getTime()) return { inspectionId: row.id, replayed: true }
    throw invalidState('该检查记录已提交，不能再修改')
  }
  if (row.status !== 'in_progress') throw invalidState('该检查尚未开始')
  if (!row.officer_ids.includes(person.id)) throw forbidden('只有参加本次检查的执法人员可以提交记录')
  const itemIds = new Set((row.items as Array<{ powerItemId: string }>).map((i) => i.powerItemId))
  const unknown = input.items.filter((i) => !itemIds.has(i.powerItemId))
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', '检查清单含有本次检查之外的事项', { field: 'items' })
  if (input.items.length < itemIds.size) throw new AppError('VALIDATION_FAILED', '请逐项填写检查清单', { field: 'items' })
  if (input.result === 'correct') {
    if (!input.correctionDeadline) throw new AppError('VALIDATION_FAILED', '责令改正须写明改正期限', { field: 'correctionDeadline' })
    if (input.correctionDeadline <= row.inspection_date!) throw new AppError('VALIDATION_FAILED', '改正期限须晚于检查日期', { field: 'correctionDeadline' })
  }
  if (input.result !== 'no_issue' && !input.items.some((i) => i.outcome === 'issue')) {
    throw new AppError('VALIDATION_FAILED', '责令改正或移送立案时，检查清单中至少应有一项“发现问题”', { field: 'result' })
  }
  const photos = await storedPhotos(store, input.photos)
  const rules = await rulesForOrg(db, row.org_id)
  const shown = await checkCertificatesShown(db, rules, row, input)
  if (input.representativeConfirmedAt < row.scanned_at!) throw new AppError('VALIDATION_FAILED', '企业确认时间不能早于扫码入企时间', { field: 'representativeConfirmedAt' })
  const late = row.late_sync || ctx.now.getTime() - input.completedAt.getTime() > rules.lateSyncHours * 3_600_000
  await inTransaction(db, async (trx) => {
    const fresh = await trx.selectFrom('inspection').select('status').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow()
    if (fresh.status !== 'in_progress') throw invalidState('该检查记录已提交')
    for (const i of input.items) await repo.setItemOutcome(trx, row.id, i.powerItemId, i.outcome, i.note ?? null)
    await repo.insertPhotos(
      trx,
      photos.map((p) => ({ inspection_id: row.id, sha256: p.sha256, captured_at: p.capturedAt, byte_size: p.byteSize, media_type: p.mediaType })),
    )
    await markUploadsLinked(trx, photos.map((p) => p.sha256), ctx.now)
    await repo.insertCertificatesShown(
      trx,
      shown.map((c) => ({ inspection_id: row.id, person_id: c.personId, certificate_id: c.certificateId, cert_no: c.certNo, shown_at: c.shownAt, recorded_by: ctx.actor.userId, synced_at: ctx.now })),
    )
    await repo.updateInspection(trx, row.id, {
      status: 'completed',
      correction_no: input.result === 'correct' ? await takeDocNumber(trx, row.org_id, '检改字', row.inspection_date!) : null,
      findings: input.findings,
      result: input.result,
      correction_deadline: input.result === 'correct' ? input.correctionDeadline! : null,
      representative_name: input.representativeName,
      representative_confirmed_at: input.representativeConfirmedAt,
      completed_at: input.completedAt,
      synced_at: ctx.now,
      late_sync: late,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      actorCertificate: (row.officers as Array<{ personId: string; certNo: string | null }>).find((o) => o.personId === person.id)?.certNo ?? undefined,
      action: 'inspection.complete',
      entityType: 'inspection',
      entityId: row.id,
      orgId: row.org_id,
      summary: `完成检查 ${row.enterprise_name}：${labels.inspectionResult[input.result]}${late ? '（迟报）' : ''}`,
      after: {
        result: input.result,
        correctionDeadline: input.correctionDeadline ?? null,
        completedAt: input.completedAt.toISOString(),
        photos: input.photos.map((p) => p.sha256),
        representativeName: input.representativeName,
        certificatesShown: shown.map((c) => ({ personId: c.personId, certNo: c.certNo, shownAt: c.shownAt.toISOString() })),
        lateSync: late,
      },
    })
  })
  return { inspectionId: row.id, replayed: false }
}

/** The kind codes of the inspection's 文号 (the unit's counters in `doc_number_sequence`). */
type InspectionNumberKind = '检通字' | '检录字' | '检改字'

/**
 * The next 文号 of a kind for the unit, in the year of the inspection (e.g. 禄住建检通字〔2026〕第12号),
 * taken in the act's transaction: the counter row stays locked until it ends, so no two
 * inspections share a number.
 */
async function takeDocNumber(trx: Transaction<DB>, orgId: string, kind: InspectionNumberKind, date: IsoDate): Promise<string> {
  const org = await repo.findOrg(trx, orgId)
  if (!org) throw notFound('执法单位', { id: orgId })
  const year = Number(date.slice(0, 4))
  return formatDocNumber({ prefix: org.short_name, kind, year, seq: await nextDocumentSequence(trx, orgId, kind, year) })
}

/**
 * 亮证 — 执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件 (行政处罚法 第五十五条
 * 第一款), by no fewer than two officers (第四十二条): the record is complete only when at least the
 * required number (two, or the region's higher minimum) of the inspection's officers each showed a
 * certificate of their own that was valid on the day, at a time on that day no later than the
 * record's completion. Anything else is refused with the reasons, and nothing is stored.
 */
async function checkCertificatesShown(db: Kysely<DB>, rules: InspectionRules, row: repo.InspectionRow, input: CompleteInput) {
  const date = row.inspection_date!
  const officers = new Map((row.officers as Array<{ personId: string; name: string }>).map((o) => [o.personId, o.name]))
  const valid = await validCertificatesOn(db, [...officers.keys()], date)
  const problems: string[] = []
  const shown: Array<{ personId: string; certificateId: string; certNo: string; shownAt: Date }> = []
  for (const c of input.certificatesShown) {
    const name = officers.get(c.personId)
    if (!name) {
      problems.push('出示证件的人员不是本次检查的执法人员')
      continue
    }
    if (shown.some((x) => x.personId === c.personId)) continue
    const certificate = (valid.get(c.personId) ?? []).find((v) => v.certNo === c.certNo)
    if (!certificate) {
      problems.push(`${name}出示的执法证 ${c.certNo} 不是本人在 ${date} 有效的执法证`)
      continue
    }
    if (shanghaiDateOf(c.shownAt) !== date || c.shownAt > input.completedAt) {
      problems.push(`${name}的亮证时间须在检查当日（${date}）、提交记录之前`)
      continue
    }
    shown.push({ personId: c.personId, certificateId: certificate.certificateId, certNo: certificate.certNo, shownAt: c.shownAt })
  }
  const required = Math.max(2, rules.minOfficers)
  if (shown.length >= required && problems.length === 0) return shown
  const message = `执法人员须向当事人出示执法证件，且不得少于${required}人：${problems.length > 0 ? problems.join('；') : `本记录只有 ${shown.length} 人的亮证记录`}`
  throw new AppError('RULE_VIOLATION', `不能提交检查记录：${message}`, { violations: [{ rule: 'certificates_shown', message, overridable: false }], field: 'certificatesShown' })
}

/**
 * The record's photos as stored: each must have been uploaded, and its type and size are those of
 * the stored bytes (sniffed again here — a digest could name a file that came in by another path,
 * e.g. an attachment), never the phone's word.
 */
async function storedPhotos(store: FileStore, photos: CompleteInput['photos']) {
  const stored = []
  for (const p of photos) {
    const head = await store.readHead(p.sha256, SNIFF_HEAD_BYTES)
    const byteSize = await store.sizeOf(p.sha256)
    if (!head || byteSize === null) throw new AppError('VALIDATION_FAILED', `照片 ${p.sha256.slice(0, 12)}… 尚未上传，请先同步照片`, { field: 'photos', sha256: p.sha256 })
    let accepted: ReturnType<typeof acceptUpload>
    try {
      accepted = acceptUpload('photo', head)
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, `照片 ${p.sha256.slice(0, 12)}…：${error.message}`, { ...error.details, field: 'photos', sha256: p.sha256 })
      throw error
    }
    if (byteSize > accepted.maxBytes) throw tooLarge('photo', accepted.mediaType, accepted.maxBytes)
    stored.push({ sha256: p.sha256, capturedAt: p.capturedAt, byteSize, mediaType: accepted.mediaType })
  }
  return stored
}
