import { createHash } from 'node:crypto'
import {
  aggregateResults,
  canonicalPool,
  defaultReviewStandards,
  drawSample,
  labels,
  lawfulDueOn,
  parseCanonicalPool,
  poolDigest,
  reviewAutoChecks,
  reviewStandardSchema,
  scoreSheet,
  shanghaiDateOf,
  type CaseDeadlineKind,
  type IsoDate,
  type PoolFile,
  type ReviewFileKind,
  type ReviewOutcome,
  type ReviewSheetItem,
  type ReviewStandard,
} from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import type { DB } from '../../platform/db/schema'
import type { ReviewBatchKind, ReviewSheetRole } from '../../platform/db/review-schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { isUnitStaff, managesBatch, mayEnterStandard, mayRespond } from './review.policy'
import * as repo from './review.repository'

type Ctx = RequestContext & { actor: Actor }

/**
 * How the draw's seed is made from the ledger, published next to core's algorithm text. The checkpoint root alone
 * could be ground by an operator (see review-draw.ts); mixing in the batch id keeps two batches frozen before the
 * same checkpoint from sharing a seed, and an optional external public value fixed after the freeze (e.g. a lottery
 * draw or a randomness beacon, named by the supervisor at draw time and published) takes the choice out of the
 * platform's hands altogether.
 */
export const seedDerivationZh =
  '种子 = SHA-256( "yangguang-review-seed/v1" ‖ 0x00 ‖ 检查点根哈希（32字节） ‖ 批次编号的 UTF-8 字节 ‖ 0x00 ‖ 外部公开随机值的 UTF-8 字节（未指定时为空） )。' +
  '检查点为包含“冻结案卷池”存证记录的第一个已签署检查点（规模大于该记录在日志中的序号），冻结时其根哈希无人能够预知。'

/**
 * The seed of a batch's draw: SHA-256("yangguang-review-seed/v1" ‖ 0x00 ‖ root ‖ UTF-8(batchId) ‖ 0x00 ‖ UTF-8(beacon)).
 *
 * @example
 * deriveSeed(checkpointRoot, batchId, '') // 64 hex digits
 */
export function deriveSeed(root: Uint8Array, batchId: string, beacon: string): string {
  return createHash('sha256')
    .update(Buffer.from('yangguang-review-seed/v1', 'utf8'))
    .update(Buffer.from([0]))
    .update(root)
    .update(Buffer.from(batchId, 'utf8'))
    .update(Buffer.from([0]))
    .update(Buffer.from(beacon, 'utf8'))
    .digest('hex')
}

function requireManager(actor: Actor, batch: repo.BatchRow): void {
  if (!managesBatch(actor, batch.region_path)) throw forbidden('只有本辖区司法局监督人员可以管理评查批次')
}

/** A batch the actor may see: managers see all of their jurisdiction; unit staff only published batches holding their files. */
export async function loadBatchFor(db: Kysely<DB>, ctx: Ctx, id: string): Promise<{ batch: repo.BatchRow; manager: boolean }> {
  const batch = await repo.findBatch(db, id)
  if (!batch) throw notFound('评查批次')
  if (managesBatch(ctx.actor, batch.region_path)) return { batch, manager: true }
  if (isUnitStaff(ctx.actor) && batch.status === 'published') {
    const own = await repo.listFiles(db, id, ctx.actor.orgId as string)
    if (own.length > 0) return { batch, manager: false }
  }
  throw notFound('评查批次')
}

/**
 * The batches the actor may list: an admin's everywhere, a supervisor's of their jurisdiction, unit staff's the
 * published ones holding their unit's files (with `orgId`, to which their files are limited). Null for anyone else.
 *
 * @example
 * const visible = await visibleBatches(db, ctx.actor, { publishedOnly: true }) // { batches: [...] } for sfj
 */
export async function visibleBatches(db: Kysely<DB>, actor: Actor, opts: { publishedOnly: boolean }): Promise<{ batches: repo.BatchRow[]; orgId?: string } | null> {
  if (actor.role === 'admin') return { batches: await repo.listBatches(db, { publishedOnly: opts.publishedOnly }) }
  if (actor.role === 'supervisor' && actor.regionPath) return { batches: await repo.listBatches(db, { regionPath: actor.regionPath, publishedOnly: opts.publishedOnly }) }
  if (isUnitStaff(actor)) {
    const orgId = actor.orgId as string
    return { batches: await repo.listBatches(db, { publishedOnly: true, orgId }), orgId }
  }
  return null
}

/** Licensing files entered from other systems, for the bureau (supervisors and admins) of the actor's scope. */
export async function listExternalFiles(db: Kysely<DB>, ctx: Ctx, filter: { from?: string; to?: string }) {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'supervisor') throw forbidden()
  return repo.listExternalFiles(db, orgScopeOf(ctx.actor), filter)
}

/** The people a manager of the batch may assign (404 for anyone else, as for the batch). */
export async function reviewerCandidates(db: Kysely<DB>, ctx: Ctx, batchId: string) {
  const { batch, manager } = await loadBatchFor(db, ctx, batchId)
  if (!manager) throw notFound('评查批次')
  return repo.listReviewerCandidates(db, batch.region_path)
}

export function parseStandard(row: repo.StandardRow): ReviewStandard {
  return reviewStandardSchema.parse(row.body)
}

// ——— standards ———————————————————————————————————————————————————————————

/** The standards a caller sees: those that apply in their jurisdiction (the platform's and their region's); all for administrators. */
export async function listStandards(db: Kysely<DB>, ctx: Ctx) {
  await ensureDefaultStandards(db, ctx)
  return repo.listStandards(db, ctx.actor.role === 'admin' ? null : (ctx.actor.regionPath ?? ''))
}

export async function createStandard(db: Kysely<DB>, ctx: Ctx, body: unknown, publish: boolean): Promise<string> {
  if (!mayEnterStandard(ctx.actor, [])) throw forbidden('只有司法局监督人员可以录入评查标准')
  const parsed = reviewStandardSchema.safeParse(body)
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '评查标准不符合要求', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) })
  }
  const s = parsed.data
  return inTransaction(db, async (trx) => {
    if (!mayEnterStandard(ctx.actor, await repo.standardCodeRegions(trx, s.code))) {
      throw forbidden(`评查标准 ${s.code} 属于平台或其他辖区，请以本辖区的编码录入`)
    }
    if (await repo.findStandardVersion(trx, s.code, s.version)) throw new AppError('DUPLICATE', `评查标准 ${s.code} 第 ${s.version} 版已存在，修改请录入新版本`)
    const id = await repo.insertStandard(trx, {
      code: s.code,
      version: s.version,
      file_kind: s.fileKind,
      title: s.title,
      source: s.source,
      body: JSON.stringify(s),
      grade_excellent: s.gradeThresholds.excellent,
      grade_pass: s.gradeThresholds.pass,
      status: publish ? 'published' : 'draft',
      published_at: publish ? ctx.now : null,
      // A bureau's standard applies in its jurisdiction; an administrator's is the platform's default.
      region_code: ctx.actor.role === 'admin' ? null : ctx.actor.regionCode,
    })
    await recordAudit(trx, ctx, { action: 'review_standard.create', entityType: 'review_standard', entityId: id, summary: `录入评查标准 ${s.title}（第${s.version}版）`, after: { code: s.code, version: s.version, status: publish ? 'published' : 'draft' } })
    return id
  })
}

/**
 * Stores core's default standards (review-standard-data.ts: 行政处罚 and 行政许可, version 1 — see that file for where
 * they come from) as published rows when they are missing, so a fresh deployment can create a batch at once.
 * Idempotent; a bureau that adopts another standard enters it as a new version.
 *
 * @example
 * await ensureDefaultStandards(db, ctx) // inserts LF-PENALTY-FILE v1 and LF-LICENSE-FILE v1 once
 */
export async function ensureDefaultStandards(db: Kysely<DB> | Transaction<DB>, ctx: RequestContext): Promise<void> {
  const present = await repo.standardVersions(db)
  const missing = Object.values(defaultReviewStandards).filter((s) => !present.some((p) => p.code === s.code && p.version === s.version))
  if (missing.length === 0) return
  const run = async (trx: Transaction<DB>) => {
    for (const raw of missing) {
      const s = reviewStandardSchema.parse(raw)
      const id = await repo.insertStandardIfAbsent(trx, { code: s.code, version: s.version, file_kind: s.fileKind, title: s.title, source: s.source, body: JSON.stringify(s), grade_excellent: s.gradeThresholds.excellent, grade_pass: s.gradeThresholds.pass, status: 'published', published_at: ctx.now })
      if (id) await recordAudit(trx, ctx, { action: 'review_standard.create', entityType: 'review_standard', entityId: id, summary: `载入平台默认评查标准 ${s.title}（第${s.version}版）`, after: { code: s.code, version: s.version } })
    }
  }
  if (db.isTransaction) await run(db as Transaction<DB>)
  else await inTransaction(db as Kysely<DB>, run)
}

// ——— external (licensing) files ——————————————————————————————————————————————

export type ExternalFileInput = { orgId: string; fileNo: string; title: string; closedOn: string; source?: string }

export async function createExternalFile(db: Kysely<DB>, ctx: Ctx, input: ExternalFileInput): Promise<string> {
  const [org] = await repo.orgsByIds(db, [input.orgId])
  if (!org) throw notFound('执法单位')
  if (!managesBatch(ctx.actor, org.region_path)) throw forbidden('只有本辖区司法局监督人员可以录入外部系统案卷')
  return inTransaction(db, async (trx) => {
    if (await repo.findExternalFileByNo(trx, input.orgId, input.fileNo)) throw new AppError('DUPLICATE', `案卷 ${input.fileNo} 已录入`)
    const id = await repo.insertExternalFile(trx, { org_id: input.orgId, file_no: input.fileNo, title: input.title, closed_on: input.closedOn, source: input.source, created_by: ctx.actor.userId || null })
    await recordAudit(trx, ctx, { action: 'review_external_file.create', entityType: 'review_external_file', entityId: id, orgId: input.orgId, summary: `录入许可案卷 ${input.fileNo}`, after: input })
    return id
  })
}

// ——— batches ——————————————————————————————————————————————————————————————

export type CreateBatchInput = {
  title: string
  kind: ReviewBatchKind
  regionCode?: string
  orgIds: string[]
  fileKinds: ReviewFileKind[]
  closedFrom: string
  closedTo: string
  perUnit: number
  penaltyStandardId?: string
  licenseStandardId?: string
}

export async function createBatch(db: Kysely<DB>, ctx: Ctx, input: CreateBatchInput): Promise<string> {
  const regionCode = input.regionCode ?? ctx.actor.regionCode
  if (!regionCode) throw new AppError('VALIDATION_FAILED', '请指定评查批次所属辖区')
  const region = await repo.regionByCode(db, regionCode)
  if (!region) throw notFound('辖区')
  if (!managesBatch(ctx.actor, region.path)) throw forbidden('只有本辖区司法局监督人员可以创建评查批次')
  if (input.closedTo < input.closedFrom) throw new AppError('VALIDATION_FAILED', '结案期间的结束日期不能早于开始日期')
  const orgIds = [...new Set(input.orgIds)]
  const orgs = await repo.orgsByIds(db, orgIds)
  if (orgs.length !== orgIds.length || orgs.some((o) => !o.region_path.startsWith(region.path))) {
    throw new AppError('VALIDATION_FAILED', '评查范围中的单位须属于本辖区')
  }
  await ensureDefaultStandards(db, ctx)
  const standards: Partial<Record<ReviewFileKind, string>> = {}
  for (const kind of input.fileKinds) {
    const given = kind === 'penalty' ? input.penaltyStandardId : input.licenseStandardId
    const row = given ? await repo.findStandard(db, given, region.path) : await repo.latestPublishedStandard(db, kind, region.path)
    if (!row || row.file_kind !== kind || row.status !== 'published') throw new AppError('VALIDATION_FAILED', `没有可用的已发布${labels.reviewFileKind[kind]}评查标准`)
    standards[kind] = row.id
  }
  return inTransaction(db, async (trx) => {
    const id = await repo.insertBatch(trx, {
      region_code: regionCode,
      title: input.title,
      kind: input.kind,
      org_ids: orgIds,
      file_kinds: [...new Set(input.fileKinds)],
      closed_from: input.closedFrom,
      closed_to: input.closedTo,
      per_unit: input.perUnit,
      penalty_standard_id: standards.penalty ?? null,
      license_standard_id: standards.license ?? null,
      created_by: ctx.actor.userId || null,
    })
    await recordAudit(trx, ctx, { action: 'review_batch.create', entityType: 'review_batch', entityId: id, summary: `创建评查批次 ${input.title}`, after: input })
    return id
  })
}

/**
 * 冻结案卷池: computes the pool of the batch's scope, stores its canonical text and digest, and records the digest
 * on the ledger (the audit leaf commits to it). After this the pool cannot change unnoticed.
 */
export async function freezeBatch(db: Kysely<DB>, ctx: Ctx, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.lockBatch(trx, id)
    const batch = await repo.findBatch(trx, id)
    if (!batch) throw notFound('评查批次')
    requireManager(ctx.actor, batch)
    if (batch.status !== 'draft') throw invalidState('只有草稿状态的评查批次可以冻结案卷池')
    const candidates = await repo.poolCandidates(trx, batch)
    if (candidates.length === 0) throw invalidState('评查范围内没有已结案的案卷，无法冻结案卷池')
    const pool: PoolFile[] = candidates.map((c) => ({ id: c.id, unitId: c.orgCode, kind: c.kind, closedOn: c.closedOn }))
    const text = canonicalPool(pool)
    const digest = poolDigest(pool)
    const receipt = await recordAudit(trx, ctx, {
      action: 'review_batch.freeze',
      entityType: 'review_batch',
      entityId: id,
      summary: `冻结评查批次 ${batch.title} 的案卷池（${pool.length} 卷）`,
      before: { status: batch.status },
      after: { status: 'frozen', poolDigest: digest, poolSize: pool.length },
    })
    await repo.updateBatch(trx, id, { status: 'frozen', pool_text: text, pool_digest: digest, pool_size: pool.length, frozen_at: ctx.now, freeze_leaf_hash: Buffer.from(receipt.leafHash, 'hex') })
  })
}

/**
 * 抽样: the seed comes from the first signed checkpoint that contains the freeze's ledger leaf, mixed with the batch id
 * and an optional external public value ({@link deriveSeed}). Refused (409) while no such checkpoint exists — the
 * platform never falls back to a random number of its own.
 */
export async function drawBatch(db: Kysely<DB>, ctx: Ctx, id: string, beacon: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.lockBatch(trx, id)
    const batch = await repo.findBatch(trx, id)
    if (!batch) throw notFound('评查批次')
    requireManager(ctx.actor, batch)
    if (batch.status !== 'frozen' || !batch.pool_text || !batch.freeze_leaf_hash) throw invalidState('只有已冻结案卷池的评查批次可以抽样')
    const index = await repo.leafIndex(trx, batch.freeze_leaf_hash)
    const checkpoint = index === undefined ? undefined : await repo.firstCheckpointCovering(trx, index)
    if (!checkpoint) {
      throw new AppError('CONFLICT', '冻结案卷池之后尚未签署新的存证检查点，暂不能抽样。种子只能取自冻结之后签署的检查点，请稍后再试（检查点通常在一分钟内签署）。', {
        freezeLeafIndex: index ?? null,
      })
    }
    const pool = parseCanonicalPool(batch.pool_text)
    const seed = deriveSeed(checkpoint.root, batch.id, beacon)
    const result = drawSample(pool, seed, { perUnit: batch.per_unit })
    if (result.poolDigest !== batch.pool_digest) throw new AppError('INTERNAL', '案卷池摘要与冻结时不一致')
    const candidates = new Map((await repo.poolCandidatesById(trx, pool)).map((c) => [c.id, c]))
    const rows = result.selected.map((file) => {
      const c = candidates.get(file.id)
      if (!c) throw new AppError('INTERNAL', `案卷 ${file.id} 已不存在`)
      const standardId = file.kind === 'penalty' ? batch.penalty_standard_id : batch.license_standard_id
      return {
        batch_id: batch.id,
        pool_id: file.id,
        case_id: c.caseId,
        external_file_id: c.externalId,
        org_id: c.orgId,
        kind: file.kind,
        file_no: c.fileNo,
        title: c.title,
        closed_on: file.closedOn,
        rank: file.rank,
        draw_hash: file.hash,
        standard_id: standardId as string,
      }
    })
    await repo.insertFiles(trx, rows)
    await repo.updateBatch(trx, id, {
      status: 'drawn',
      seed,
      seed_checkpoint_size: checkpoint.size,
      seed_checkpoint_root: Buffer.from(checkpoint.root).toString('hex'),
      seed_beacon: beacon,
      draw_result: JSON.stringify(result),
      drawn_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'review_batch.draw',
      entityType: 'review_batch',
      entityId: id,
      summary: `评查批次 ${batch.title} 抽取案卷 ${result.selected.length} 卷`,
      before: { status: 'frozen' },
      after: { status: 'drawn', seed, checkpointSize: checkpoint.size, beacon, selected: result.selected.map((f) => f.id) },
    })
  })
}

export type AssignInput = { fileId: string; reviewerId: string; role: ReviewSheetRole }

/**
 * 指派评查人员: bureau staff (supervisors of the jurisdiction), 义务监督员, or another unit's legal reviewer
 * (交叉评查). A reviewer from the file's own unit is refused (回避). One primary reviewer per file; a cross
 * reviewer and a re-review (复评, whose sheet then decides the result) are optional.
 */
export async function assignReviewer(db: Kysely<DB>, ctx: Ctx, input: AssignInput): Promise<string> {
  return inTransaction(db, async (trx) => {
    const file = await repo.findFile(trx, input.fileId)
    if (!file) throw notFound('评查案卷')
    await repo.lockBatch(trx, file.batch_id)
    const batch = (await repo.findBatch(trx, file.batch_id)) as repo.BatchRow
    requireManager(ctx.actor, batch)
    if (batch.status !== 'drawn' && batch.status !== 'reviewing') throw invalidState('只有已抽样、尚未公布结果的批次可以指派评查人员')
    const reviewer = await repo.findUser(trx, input.reviewerId)
    if (!reviewer || reviewer.status !== 'active') throw notFound('评查人员')
    if (reviewer.org_id === file.org_id) {
      throw new AppError('CONFLICT', '评查人员不得评查本单位的案卷（利益冲突，应当回避）', { reviewerOrg: reviewer.org_name })
    }
    const eligible =
      reviewer.role === 'volunteer' ||
      ((reviewer.role === 'supervisor' || reviewer.role === 'legal_reviewer') && !!reviewer.region_path && reviewer.region_path.startsWith(batch.region_path))
    if (!eligible) throw new AppError('RULE_VIOLATION', '评查人员须为本辖区司法局监督人员、其他单位法制审核人员或义务监督员')
    const sheets = await repo.sheetsOfFiles(trx, [file.id])
    if (sheets.some((s) => s.reviewer_id === reviewer.id)) throw new AppError('DUPLICATE', '该评查人员已被指派评查此案卷')
    if (input.role === 'primary' && sheets.some((s) => s.role === 'primary')) throw new AppError('DUPLICATE', '此案卷已有主评人员')
    if (input.role !== 'primary' && !sheets.some((s) => s.role === 'primary')) throw invalidState('请先指派主评人员')
    if (input.role === 're_review' && !sheets.some((s) => s.role === 'primary' && s.status === 'submitted')) throw invalidState('主评提交后才能安排复评')
    const id = await repo.insertSheet(trx, { file_id: file.id, reviewer_id: reviewer.id, role: input.role, standard_id: file.standard_id, items: '[]', assigned_by: ctx.actor.userId || null })
    if (batch.status === 'drawn') await repo.updateBatch(trx, batch.id, { status: 'reviewing' })
    await recordAudit(trx, ctx, {
      action: 'review_sheet.assign',
      entityType: 'review_sheet',
      entityId: id,
      orgId: file.org_id,
      summary: `指派 ${reviewer.display_name} 评查案卷 ${file.file_no}（${labels.reviewSheetRole[input.role]}）`,
      after: { fileId: file.id, reviewerId: reviewer.id, role: input.role },
    })
    return id
  })
}

// ——— sheets ————————————————————————————————————————————————————————————————

/** A sheet the actor may read: its reviewer, or a manager of its batch. */
export async function loadSheetFor(db: Kysely<DB>, ctx: Ctx, id: string) {
  const sheet = await repo.findSheet(db, id)
  if (!sheet) throw notFound('评分表')
  const file = (await repo.findFile(db, sheet.file_id)) as repo.FileRow
  const batch = (await repo.findBatch(db, file.batch_id)) as repo.BatchRow
  const manager = managesBatch(ctx.actor, batch.region_path)
  if (sheet.reviewer_id !== ctx.actor.userId && !manager) throw notFound('评分表')
  const standardRow = (await repo.findStandard(db, sheet.standard_id)) as repo.StandardRow
  return { sheet, file, batch, standard: parseStandard(standardRow), standardRow, manager }
}

export async function saveSheet(db: Kysely<DB>, ctx: Ctx, id: string, items: ReviewSheetItem[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.lockSheet(trx, id)
    const sheet = await repo.findSheet(trx, id)
    if (!sheet || sheet.reviewer_id !== ctx.actor.userId) throw notFound('评分表')
    if (sheet.status !== 'assigned') throw invalidState('评分表已提交，不能修改')
    await repo.updateSheet(trx, id, { items: JSON.stringify(items) })
  })
}

/** Submits a complete sheet; the file's result is the re-review's sheet when there is one, else the primary's. */
export async function submitSheet(db: Kysely<DB>, ctx: Ctx, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.lockSheet(trx, id)
    const sheet = await repo.findSheet(trx, id)
    if (!sheet || sheet.reviewer_id !== ctx.actor.userId) throw notFound('评分表')
    if (sheet.status !== 'assigned') throw invalidState('评分表已提交')
    const file = (await repo.findFile(trx, sheet.file_id)) as repo.FileRow
    const batch = (await repo.findBatch(trx, file.batch_id)) as repo.BatchRow
    if (batch.status !== 'reviewing') throw invalidState('评查批次不在评查阶段')
    const standard = parseStandard((await repo.findStandard(trx, sheet.standard_id)) as repo.StandardRow)
    const score = scoreSheet(standard, { items: sheet.items })
    if (!score.complete) {
      throw new AppError('RULE_VIOLATION', '评分表尚未完成：每个评查项目都须评分，扣分须填写理由', { missingItems: score.missingItems, problems: score.problems })
    }
    await repo.updateSheet(trx, id, { status: 'submitted', score: score.score, grade: score.grade, vetoed: score.vetoed, deductions: JSON.stringify(score.deductions), submitted_at: ctx.now })
    const decides = sheet.role === 're_review' || (sheet.role === 'primary' && !(await repo.sheetsOfFiles(trx, [file.id])).some((s) => s.role === 're_review' && s.status === 'submitted'))
    if (decides) await repo.updateFile(trx, file.id, { score: score.score, grade: score.grade, vetoed: score.vetoed, result_sheet_id: id })
    await recordAudit(trx, ctx, {
      action: 'review_sheet.submit',
      entityType: 'review_sheet',
      entityId: id,
      orgId: file.org_id,
      summary: `提交案卷 ${file.file_no} 的评分表（${labels.reviewSheetRole[sheet.role]}）：${score.score} 分`,
      after: { score: score.score, grade: score.grade, vetoed: score.vetoed, deductions: score.deductions },
    })
  })
}

export type AutoCheckSuggestion = { code: string; itemCode: string; deductionCode: string; description: string; evidence: string }

/**
 * 自动预检: facts of the sampled penalty case that suggest a deduction (core's `reviewAutoChecks`) — for the reviewer to
 * confirm or dismiss, never applied by themselves. Implemented: fewer than two officers, decision deadline (90 days)
 * missed, decision before the notice (and no waiver), outside the benchmark without a reason, delivery later than
 * 7 working days, legal review missing. The deadlines are judged on their original statutory due date and the
 * extensions granted while they ran (core's `lawfulDueOn`): an extension recorded after the miss does not hide it.
 */
export async function autoChecks(db: Kysely<DB>, caseId: string | null, today: IsoDate = shanghaiDateOf(new Date())): Promise<AutoCheckSuggestion[]> {
  if (!caseId) return []
  const facts = await repo.caseFacts(db, caseId)
  if (!facts) return []
  const c = facts.case
  const found: Array<{ code: string; evidence: string }> = []
  const general = c.procedure !== 'simple'
  const officerIds = new Set(facts.officers.map((o) => o.person_id))
  if (officerIds.size < 2) found.push({ code: 'fewer_than_two_officers', evidence: `案件记录的承办执法人员 ${officerIds.size} 人` })
  const decision = statutoryDeadline(facts.deadlines, 'decision')
  if (decision && (decision.row.status === 'missed' || (c.decided_on ? c.decided_on > decision.lawfulDueOn : decision.row.status === 'open' && today > decision.lawfulDueOn))) {
    found.push({ code: 'decision_deadline_missed', evidence: `${decision.text}，${c.decided_on ? `${c.decided_on} 作出决定` : '未按期作出决定'}` })
  }
  if (general && c.decided_on && c.decision?.outcome === 'penalty' && !c.waived_at && (!c.notice_served_on || c.notice_served_on > c.decided_on)) {
    found.push({ code: 'no_notice_before_decision', evidence: c.notice_served_on ? `告知书 ${c.notice_served_on} 送达，决定 ${c.decided_on} 作出` : `没有告知书送达记录，决定 ${c.decided_on} 作出` })
  }
  if (c.outside_benchmark && !(c.decision?.reason ?? '').trim()) found.push({ code: 'outside_benchmark', evidence: '决定超出裁量基准幅度，未记录理由' })
  const delivery = statutoryDeadline(facts.deadlines, 'delivery')
  // met_on is the day the agency served (for 公告送达 the announcement, within art. 61's seven days); delivered_on the day it counts as received.
  const servedOn = delivery?.row.met_on ?? c.delivered_on
  if (delivery && (delivery.row.status === 'missed' || (servedOn !== null && servedOn > delivery.lawfulDueOn) || (servedOn === null && delivery.row.status === 'open' && today > delivery.lawfulDueOn))) {
    found.push({ code: 'delivery_deadline_missed', evidence: `${delivery.text}，${c.delivered_on ? `${c.delivered_on} 送达` : '未按期送达'}` })
  }
  if (general && c.legal_review_required && c.decided_on && !c.legal_review?.passed) found.push({ code: 'legal_review_missing', evidence: '须经法制审核，没有通过审核的记录' })
  return found.flatMap((f) => {
    const check = reviewAutoChecks.find((a) => a.code === f.code)
    return check ? [{ code: check.code, itemCode: check.itemCode, deductionCode: check.deductionCode, description: check.description, evidence: f.evidence }] : []
  })
}

type DeadlineFact = NonNullable<Awaited<ReturnType<typeof repo.caseFacts>>>['deadlines'][number]

/**
 * The case's current deadline of a kind with its lawful due date (the original statutory one plus the
 * extensions of its chain granted in time) and how to cite it, e.g. '决定期限至 2027-02-18（延长记录于届满之后，不计入）'.
 */
function statutoryDeadline(rows: readonly DeadlineFact[], kind: CaseDeadlineKind): { row: DeadlineFact; lawfulDueOn: IsoDate; text: string } | null {
  const row = rows.filter((d) => d.kind === kind && d.status !== 'superseded').at(-1)
  if (!row) return null
  const chain = rows.filter((d) => d.kind === kind && d.original_due_on === row.original_due_on && d.extension_ground !== null && d.due_on <= row.due_on)
  const lawful = lawfulDueOn(kind, row.original_due_on, chain.map((d) => ({ ground: d.extension_ground ?? 'legacy', grantedOn: d.extended_on ?? d.due_on, fromDueOn: d.extended_from_due_on ?? d.due_on, toDueOn: d.due_on })))
  const name = kind === 'decision' ? '决定期限' : '送达期限'
  const text =
    lawful === row.original_due_on && row.due_on === lawful
      ? `${name}至 ${lawful}`
      : lawful === row.due_on
        ? `${name}至 ${row.original_due_on}，依法延长至 ${lawful}`
        : `${name}至 ${lawful}（延至 ${row.due_on} 的延长记录于期限届满之后或不得延长，不计入）`
  return { row, lawfulDueOn: lawful, text }
}

// ——— publication and results ———————————————————————————————————————————————————

export async function publishBatch(db: Kysely<DB>, ctx: Ctx, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.lockBatch(trx, id)
    const batch = await repo.findBatch(trx, id)
    if (!batch) throw notFound('评查批次')
    requireManager(ctx.actor, batch)
    if (batch.status !== 'reviewing') throw invalidState('只有评查中的批次可以公布结果')
    const files = await repo.listFiles(trx, id)
    const open = files.filter((f) => f.grade === null)
    if (open.length > 0) throw invalidState(`还有 ${open.length} 卷没有评查结果，不能公布`, { files: open.map((f) => f.file_no) })
    const summary = aggregateResults(outcomesOf(files), { top: 5 }).overall
    await repo.updateBatch(trx, id, { status: 'published', published_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'review_batch.publish',
      entityType: 'review_batch',
      entityId: id,
      summary: `公布评查批次 ${batch.title} 的结果`,
      before: { status: batch.status },
      after: { status: 'published', count: summary.count, counts: summary.counts },
    })
  })
}

export async function respond(db: Kysely<DB>, ctx: Ctx, fileId: string, text: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const file = await repo.findFile(trx, fileId)
    if (!file) throw notFound('评查案卷')
    const batch = (await repo.findBatch(trx, file.batch_id)) as repo.BatchRow
    if (!mayRespond(ctx.actor, file.org_id) || batch.status !== 'published') throw notFound('评查案卷')
    await repo.updateFile(trx, fileId, { response: text, response_by: ctx.actor.userId, response_at: ctx.now })
    await recordAudit(trx, ctx, { action: 'review_file.respond', entityType: 'review_file', entityId: fileId, orgId: file.org_id, summary: `就评查案卷 ${file.file_no} 作出书面回应`, before: { response: file.response }, after: { response: text } })
  })
}

/** Submitted results of files as core's statistics need them (deductions from each file's deciding sheet). */
export function outcomesOf(files: readonly repo.FileRow[], sheets: readonly repo.SheetRow[] = []): ReviewOutcome[] {
  const byId = new Map(sheets.map((s) => [s.id, s]))
  return files
    .filter((f) => f.grade !== null && f.score !== null)
    .map((f) => ({
      fileId: f.id,
      unitId: f.org_id,
      kind: f.kind,
      score: Number(f.score),
      grade: f.grade as NonNullable<typeof f.grade>,
      vetoed: f.vetoed ?? false,
      deductions: (f.result_sheet_id ? byId.get(f.result_sheet_id)?.deductions : null) ?? [],
    }))
}
