import {
  type Benchmark,
  type BenchmarkTier,
  type DiscretionInput,
  type LegalProvision,
  type StatutoryRange,
  calculateDiscretion,
  labels,
  todayInShanghai,
} from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type Executor, recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { governs } from '../catalogue/catalogue.policy'
import { unitHoldsPowerItem } from '../catalogue/catalogue.repository'
import { checkBenchmark } from './benchmark-rules'
import { type DiscretionAction, type DiscretionFacts, canDiscretion, canDraft } from './discretion.policy'
import * as repo from './discretion.repository'

type Ctx = RequestContext & { actor: Actor }

export type BenchmarkContent = {
  violation: string
  violationBasis: LegalProvision[]
  penaltyBasis: LegalProvision[]
  statutory: StatutoryRange
  tiers: BenchmarkTier[]
  effectiveFrom?: string | null
}

export type CreateBenchmarkInput = BenchmarkContent & { powerItemId: string; code?: string; regionCode?: string }

/** A published benchmark as the case service needs it: the core shape plus where it comes from. */
export type PublishedBenchmark = Benchmark & { id: string; powerItemId: string; regionCode: string; version: number; effectiveFrom: string | null }

// ——— reads ————————————————————————————————————————————————————————————————

export async function listBenchmarks(db: Kysely<DB>, ctx: Ctx, filter: repo.BenchmarkFilter) {
  const { items, total } = await repo.listBenchmarks(db, ctx.actor, filter)
  const holds = await heldItems(db, ctx, items.map((i) => i.power_item_id))
  return { items: items.map((row) => ({ row, facts: benchmarkFacts(row, holds.has(row.power_item_id)) })), total }
}

export async function getBenchmark(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findBenchmark(db, id)
  if (!row) throw notFound('裁量基准', { id })
  const facts = benchmarkFacts(row, await holdsItem(db, ctx, row.power_item_id))
  if (!canDiscretion(ctx.actor, 'read', facts) || !inScope(ctx.actor, row.region_path, row.status)) throw notFound('裁量基准', { id })
  return { row, facts, versions: await repo.listBenchmarkVersions(db, row.code) }
}

/**
 * A published benchmark in the core `Benchmark` shape, for the case service (the calculator
 * and the decision's reasoning cite it). Superseded and draft versions are refused: a case is
 * decided on the benchmark in force.
 *
 * @example
 * ```ts
 * const benchmark = await loadPublishedBenchmark(trx, caseRow.benchmark_id)
 * const range = calculateDiscretion(benchmark, { conditions, baseFen, partyKind: 'organization' })
 * ```
 */
export async function loadPublishedBenchmark(db: Executor, id: string): Promise<PublishedBenchmark> {
  const row = await repo.findBenchmark(db, id)
  if (!row || row.status !== 'published') throw notFound('现行裁量基准', { id })
  return toPublished(row)
}

/** The portal's benchmarks: published rows only (drafts and superseded versions are never public). */
export async function publicBenchmarks(db: Kysely<DB>, filter: { powerItemId?: string; domain?: string; q?: string }) {
  return repo.listPublishedBenchmarks(db, filter)
}

/** The portal's 首违不罚/轻微免罚 lists: published rows only. */
export async function publicNoPenaltyItems(db: Kysely<DB>, filter: { listKind?: 'first_violation' | 'minor'; q?: string }) {
  return repo.listPublishedNoPenaltyItems(db, filter)
}

// ——— writes ———————————————————————————————————————————————————————————————

/** Drafts a benchmark for a 行政处罚 item; its code is `<item code>-<nn>` unless given. */
export async function createBenchmark(db: Kysely<DB>, ctx: Ctx, input: CreateBenchmarkInput): Promise<string> {
  return inTransaction(db, async (trx) => {
    const item = await penaltyItem(trx, input.powerItemId)
    const region = await draftingRegion(trx, ctx, input.regionCode)
    if (!canDraft(ctx.actor, region.path, await holdsItem(trx, ctx, item.id))) {
      throw forbidden('您所在单位不实施该事项，不能为其制定裁量基准', { powerItemId: item.id })
    }
    checkContent(input)
    const code = input.code ?? (await nextCode(trx, item.id, item.code))
    await repo.lockBenchmarkCode(trx, code)
    if (await repo.benchmarkCodeTaken(trx, code)) throw new AppError('DUPLICATE', `基准编码 ${code} 已被使用`, { field: 'code' })
    const id = await repo.insertBenchmark(trx, {
      power_item_id: item.id,
      region_code: region.code,
      code,
      version: 1,
      ...contentColumns(input),
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'benchmark.create',
      entityType: 'discretion_benchmark',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `起草裁量基准 ${code}：${input.violation}（${item.code} ${item.name}）`,
      after: auditContent(input),
    })
    return id
  })
}

/** Edits a draft; published versions are immutable (draft a new version instead). */
export async function updateBenchmark(db: Kysely<DB>, ctx: Ctx, id: string, input: Partial<BenchmarkContent>) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadFor(trx, ctx, id, 'update')
    const next: BenchmarkContent = { ...contentOf(row), ...definedOnly(input) }
    checkContent(next)
    await repo.updateBenchmark(trx, id, { ...contentColumns(next), updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'benchmark.update',
      entityType: 'discretion_benchmark',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `修改裁量基准草稿 ${row.code}（第${row.version}版）`,
      before: auditContent(contentOf(row)),
      after: auditContent(next),
    })
  })
}

export async function deleteBenchmark(db: Kysely<DB>, ctx: Ctx, id: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadFor(trx, ctx, id, 'delete')
    await repo.deleteBenchmark(trx, id)
    await recordAudit(trx, ctx, {
      action: 'benchmark.delete',
      entityType: 'discretion_benchmark',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `删除裁量基准草稿 ${row.code}（第${row.version}版）`,
      before: auditContent(contentOf(row)),
    })
  })
}

/** Publishes a draft: it becomes binding and immutable; the version it replaces is superseded. */
export async function publishBenchmark(db: Kysely<DB>, ctx: Ctx, id: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadFor(trx, ctx, id, 'publish')
    await repo.lockBenchmarkCode(trx, row.code)
    // The rules may have changed since the draft was saved; a published benchmark must satisfy them.
    checkContent(contentOf(row))
    const effectiveFrom = row.effective_from ?? todayInShanghai(ctx.now)
    await repo.updateBenchmark(trx, id, { status: 'published', published_at: ctx.now, effective_from: effectiveFrom, updated_at: ctx.now })
    const superseded = await repo.supersedeBenchmarks(trx, row.code, id, ctx.now)
    await recordAudit(trx, ctx, {
      action: 'benchmark.publish',
      entityType: 'discretion_benchmark',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `公布裁量基准 ${row.code} 第${row.version}版：${row.violation}${superseded.length ? `（第${superseded.map((s) => s.version).join('、')}版同时停止适用）` : ''}`,
      before: { status: row.status },
      after: { status: 'published', effectiveFrom, supersededIds: superseded.map((s) => s.id), content: auditContent(contentOf(row)) },
    })
  })
}

/** Drafts the next version of a published benchmark, starting from its content. */
export async function reviseBenchmark(db: Kysely<DB>, ctx: Ctx, id: string): Promise<string> {
  return inTransaction(db, async (trx) => {
    const current = await repo.findBenchmark(trx, id)
    if (!current) throw notFound('裁量基准', { id })
    await repo.lockBenchmarkCode(trx, current.code)
    const { row } = await loadFor(trx, ctx, id, 'revise')
    const versions = await repo.listBenchmarkVersions(trx, row.code)
    const version = Math.max(...versions.map((v) => v.version)) + 1
    const newId = await repo.insertBenchmark(trx, {
      power_item_id: row.power_item_id,
      region_code: row.region_code,
      code: row.code,
      version,
      ...contentColumns({ ...contentOf(row), effectiveFrom: null }),
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'benchmark.revise',
      entityType: 'discretion_benchmark',
      entityId: newId,
      orgId: ctx.actor.orgId,
      summary: `起草裁量基准 ${row.code} 第${version}版（以第${row.version}版为基础）`,
      after: { basedOn: row.id, version },
    })
    return newId
  })
}

/** Stops a published benchmark without a successor (the law changed, the item was repealed). */
export async function withdrawBenchmark(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadFor(trx, ctx, id, 'withdraw')
    await repo.updateBenchmark(trx, id, { status: 'superseded', updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'benchmark.withdraw',
      entityType: 'discretion_benchmark',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `裁量基准 ${row.code} 第${row.version}版停止适用：${reason}`,
      before: { status: row.status },
      after: { status: 'superseded', reason },
    })
  })
}

// ——— calculator ———————————————————————————————————————————————————————————

export type CalculateInput = Omit<DiscretionInput, 'partyKind'> & { benchmarkId: string; partyKind: NonNullable<DiscretionInput['partyKind']> }

/**
 * The lawful range for the facts chosen, by core's `calculateDiscretion`. Staff use published
 * benchmarks; those who may read a draft may try it too (to check it before publishing). A
 * refusal of the calculator (multiple without base, tier not in the benchmark) is a 422.
 */
export async function calculate(db: Kysely<DB>, ctx: Ctx, input: CalculateInput) {
  const { row } = await getBenchmark(db, ctx, input.benchmarkId)
  const outcome = calculateDiscretion(toBenchmark(row), {
    tier: input.tier,
    conditions: input.conditions,
    baseFen: input.baseFen ?? null,
    partyKind: input.partyKind,
  })
  if (!outcome.ok) throw new AppError('RULE_VIOLATION', outcome.message, { rule: outcome.code })
  if (row.status !== 'published') outcome.warnings.unshift(row.status === 'draft' ? '本基准尚未公布，计算结果仅供校验' : '本基准已停止适用，计算结果仅供参考')
  return { outcome, row }
}

// ——— 首违不罚 / 轻微免罚 ———————————————————————————————————————————————————

export type NoPenaltyContent = {
  listKind: 'first_violation' | 'minor'
  violation: string
  legalBasis: LegalProvision[]
  conditions: string[]
  correctionDays?: number | null
  educationMeasure: string
}

export async function listNoPenaltyItems(db: Kysely<DB>, ctx: Ctx, filter: repo.NoPenaltyFilter) {
  const { items, total } = await repo.listNoPenaltyItems(db, ctx.actor, filter)
  const holds = await heldItems(db, ctx, items.map((i) => i.power_item_id))
  return { items: items.map((row) => ({ row, facts: noPenaltyFacts(row, holds.has(row.power_item_id)) })), total }
}

export async function getNoPenaltyItem(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findNoPenaltyItem(db, id)
  if (!row) throw notFound('免罚清单事项', { id })
  const facts = noPenaltyFacts(row, await holdsItem(db, ctx, row.power_item_id))
  if (!canDiscretion(ctx.actor, 'read', facts) || !inScope(ctx.actor, row.region_path, row.status)) throw notFound('免罚清单事项', { id })
  return { row, facts }
}

export async function createNoPenaltyItem(db: Kysely<DB>, ctx: Ctx, input: NoPenaltyContent & { powerItemId: string; regionCode?: string }) {
  return inTransaction(db, async (trx) => {
    const item = await penaltyItem(trx, input.powerItemId)
    const region = await draftingRegion(trx, ctx, input.regionCode)
    if (!canDraft(ctx.actor, region.path, await holdsItem(trx, ctx, item.id))) {
      throw forbidden('您所在单位不实施该事项，不能将其列入免罚清单', { powerItemId: item.id })
    }
    const id = await repo.insertNoPenaltyItem(trx, {
      power_item_id: item.id,
      region_code: region.code,
      ...noPenaltyColumns(input),
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'no_penalty_item.create',
      entityType: 'no_penalty_item',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `起草${labels.noPenaltyListKind[input.listKind]}清单事项：${input.violation}`,
      after: input,
    })
    return id
  })
}

export async function updateNoPenaltyItem(db: Kysely<DB>, ctx: Ctx, id: string, input: Partial<NoPenaltyContent>) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadNoPenaltyFor(trx, ctx, id, 'update')
    const next = { ...noPenaltyContentOf(row), ...definedOnly(input) }
    await repo.updateNoPenaltyItem(trx, id, { ...noPenaltyColumns(next), updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'no_penalty_item.update',
      entityType: 'no_penalty_item',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `修改${labels.noPenaltyListKind[next.listKind]}清单事项草稿：${next.violation}`,
      before: noPenaltyContentOf(row),
      after: next,
    })
  })
}

export async function deleteNoPenaltyItem(db: Kysely<DB>, ctx: Ctx, id: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadNoPenaltyFor(trx, ctx, id, 'delete')
    await repo.deleteNoPenaltyItem(trx, id)
    await recordAudit(trx, ctx, {
      action: 'no_penalty_item.delete',
      entityType: 'no_penalty_item',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `删除免罚清单事项草稿：${row.violation}`,
      before: noPenaltyContentOf(row),
    })
  })
}

export async function publishNoPenaltyItem(db: Kysely<DB>, ctx: Ctx, id: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadNoPenaltyFor(trx, ctx, id, 'publish')
    await repo.updateNoPenaltyItem(trx, id, { status: 'published', published_at: ctx.now, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'no_penalty_item.publish',
      entityType: 'no_penalty_item',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `公布${labels.noPenaltyListKind[row.list_kind]}清单事项：${row.violation}`,
      before: { status: row.status },
      after: { status: 'published', content: noPenaltyContentOf(row) },
    })
  })
}

export async function withdrawNoPenaltyItem(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await inTransaction(db, async (trx) => {
    const { row } = await loadNoPenaltyFor(trx, ctx, id, 'withdraw')
    await repo.updateNoPenaltyItem(trx, id, { status: 'superseded', updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'no_penalty_item.withdraw',
      entityType: 'no_penalty_item',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `免罚清单事项停止适用：${row.violation}；理由：${reason}`,
      before: { status: row.status },
      after: { status: 'superseded', reason },
    })
  })
}

// ——— helpers ——————————————————————————————————————————————————————————————

export function toBenchmark(row: repo.BenchmarkRow): Benchmark {
  return {
    code: row.code,
    violation: row.violation,
    violationBasis: row.violation_basis,
    penaltyBasis: row.penalty_basis,
    statutory: row.statutory,
    tiers: row.tiers,
  }
}

function toPublished(row: repo.BenchmarkRow): PublishedBenchmark {
  return { ...toBenchmark(row), id: row.id, powerItemId: row.power_item_id, regionCode: row.region_code, version: row.version, effectiveFrom: row.effective_from }
}

function benchmarkFacts(row: repo.BenchmarkRow, holds: boolean): DiscretionFacts {
  return { status: row.status, regionPath: row.region_path, createdBy: row.created_by, holdsItem: holds, hasDraft: row.has_draft }
}

function noPenaltyFacts(row: repo.NoPenaltyRow, holds: boolean): DiscretionFacts {
  return { status: row.status, regionPath: row.region_path, createdBy: row.created_by, holdsItem: holds }
}

/** The same visibility as the list query, for single reads (404 outside it). */
function inScope(actor: Actor, regionPath: string, status: string): boolean {
  if (actor.role === 'admin') return true
  const own = actor.regionPath ?? ''
  if (!own) return false
  if (actor.role === 'supervisor') return regionPath.startsWith(own) || (own.startsWith(regionPath) && status !== 'draft')
  if (actor.role === 'officer') return own.startsWith(regionPath) && status !== 'draft'
  return own.startsWith(regionPath)
}

async function holdsItem(db: Executor, ctx: Ctx, powerItemId: string): Promise<boolean> {
  if (!ctx.actor.orgId || (ctx.actor.role !== 'unit_head' && ctx.actor.role !== 'legal_reviewer' && ctx.actor.role !== 'officer')) return false
  return unitHoldsPowerItem(db, ctx.actor.orgId, powerItemId, todayInShanghai(ctx.now))
}

async function heldItems(db: Executor, ctx: Ctx, powerItemIds: string[]): Promise<Set<string>> {
  const held = new Set<string>()
  for (const id of new Set(powerItemIds)) if (await holdsItem(db, ctx, id)) held.add(id)
  return held
}

async function loadFor(trx: Executor, ctx: Ctx, id: string, action: DiscretionAction) {
  await repo.lockBenchmark(trx, id)
  const loaded = await getBenchmark(trx, ctx, id)
  if (!canDiscretion(ctx.actor, action, loaded.facts)) throw refusal(ctx.actor, action, loaded.facts, '裁量基准')
  return loaded
}

async function loadNoPenaltyFor(trx: Executor, ctx: Ctx, id: string, action: DiscretionAction) {
  await repo.lockNoPenaltyItem(trx, id)
  const loaded = await getNoPenaltyItem(trx, ctx, id)
  if (!canDiscretion(ctx.actor, action, loaded.facts)) throw refusal(ctx.actor, action, loaded.facts, '免罚清单事项')
  return loaded
}

/** Wrong state (409) when the caller could do it to a row in the right state; otherwise 403. */
function refusal(actor: Actor, action: DiscretionAction, facts: DiscretionFacts, what: string): AppError {
  const rightState: DiscretionFacts['status'] = action === 'revise' || action === 'withdraw' ? 'published' : 'draft'
  if (facts.status !== rightState && canDiscretion(actor, action, { ...facts, status: rightState, hasDraft: false })) {
    return invalidState(rightState === 'draft' ? `已公布的${what}不能修改，请起草新版本` : `只有现行的${what}可以执行此操作`, { status: facts.status })
  }
  if (action === 'revise' && facts.hasDraft) return invalidState('该裁量基准已有新版本草稿，请先完成或删除该草稿')
  if (action === 'publish' && facts.createdBy === actor.userId) return forbidden(`${what}须由起草人以外的负责人或监督人员公布`)
  return forbidden()
}

async function penaltyItem(trx: Executor, id: string) {
  const item = await repo.findPowerItemRef(trx, id)
  if (!item) throw notFound('权力事项', { id })
  if (item.kind !== 'penalty') throw new AppError('RULE_VIOLATION', '只有行政处罚事项可以制定裁量基准或列入免罚清单', { rule: 'not_penalty_item', kind: item.kind })
  if (item.status !== 'active') throw new AppError('RULE_VIOLATION', '该权力事项已废止', { rule: 'item_repealed' })
  return item
}

/** The region a new row applies to: the caller's own, or one a supervisor governs. */
async function draftingRegion(trx: Executor, ctx: Ctx, regionCode: string | undefined) {
  const code = regionCode ?? ctx.actor.regionCode
  if (!code) throw new AppError('VALIDATION_FAILED', '请选择适用区域', { field: 'regionCode' })
  const region = await repo.findRegion(trx, code)
  if (!region) throw new AppError('VALIDATION_FAILED', '适用区域不存在', { field: 'regionCode' })
  const own = ctx.actor.role === 'admin' || governs(ctx.actor, region.path) || code === ctx.actor.regionCode
  if (!own) throw forbidden('只能为本单位所在区域或本级管辖区域制定', { regionCode: code })
  return region
}

async function nextCode(trx: Executor, powerItemId: string, itemCode: string): Promise<string> {
  const used = new Set(await repo.benchmarkCodesOf(trx, powerItemId))
  for (let n = 1; ; n += 1) {
    const code = `${itemCode}-${String(n).padStart(2, '0')}`
    if (!used.has(code) && !(await repo.benchmarkCodeTaken(trx, code))) return code
  }
}

function checkContent(content: BenchmarkContent) {
  const problems = checkBenchmark(content.statutory, content.tiers)
  const first = problems[0]
  if (first) throw new AppError('RULE_VIOLATION', first.message, { rule: first.rule, problems })
}

function contentOf(row: repo.BenchmarkRow): BenchmarkContent {
  return {
    violation: row.violation,
    violationBasis: row.violation_basis,
    penaltyBasis: row.penalty_basis,
    statutory: row.statutory,
    tiers: row.tiers,
    effectiveFrom: row.effective_from,
  }
}

function contentColumns(c: BenchmarkContent) {
  return {
    violation: c.violation,
    violation_basis: JSON.stringify(c.violationBasis),
    penalty_basis: JSON.stringify(c.penaltyBasis),
    statutory: JSON.stringify(normalizeStatutory(c.statutory)),
    tiers: JSON.stringify(c.tiers.map(normalizeTier)),
    effective_from: c.effectiveFrom ?? null,
  }
}

function normalizeStatutory(s: StatutoryRange): StatutoryRange {
  return {
    kinds: s.kinds,
    fineMinFen: s.fineMinFen ?? null,
    fineMaxFen: s.fineMaxFen ?? null,
    multipleMin: s.multipleMin ?? null,
    multipleMax: s.multipleMax ?? null,
    multipleOf: s.multipleOf?.trim() || null,
  }
}

function normalizeTier(t: BenchmarkTier): BenchmarkTier {
  return {
    tier: t.tier,
    conditions: t.conditions,
    kinds: t.kinds,
    fineMinFen: t.fineMinFen ?? null,
    fineMaxFen: t.fineMaxFen ?? null,
    multipleMin: t.multipleMin ?? null,
    multipleMax: t.multipleMax ?? null,
    note: t.note ?? null,
  }
}

function auditContent(c: BenchmarkContent) {
  return { violation: c.violation, penaltyBasis: c.penaltyBasis, statutory: normalizeStatutory(c.statutory), tiers: c.tiers.map(normalizeTier), effectiveFrom: c.effectiveFrom ?? null }
}

function noPenaltyContentOf(row: repo.NoPenaltyRow): NoPenaltyContent {
  return {
    listKind: row.list_kind,
    violation: row.violation,
    legalBasis: row.legal_basis,
    conditions: row.conditions,
    correctionDays: row.correction_days,
    educationMeasure: row.education_measure,
  }
}

function noPenaltyColumns(c: NoPenaltyContent) {
  return {
    list_kind: c.listKind,
    violation: c.violation,
    legal_basis: JSON.stringify(c.legalBasis),
    conditions: c.conditions,
    correction_days: c.correctionDays ?? null,
    education_measure: c.educationMeasure,
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}
