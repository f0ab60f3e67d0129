import type { AdjustmentOp } from '@yangguang/core'
import { labels } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type Executor, recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { type CatalogueItemSnapshot, diffCatalogues, itemChanges } from './catalogue-diff'
import { canAdjustment, canCreateVersion, canVersion, type VersionAction, type VersionFacts } from './catalogue.policy'
import { versionFacts } from './catalogue.presenter'
import * as repo from './catalogue.repository'

type Ctx = RequestContext & { actor: Actor }

export type ProposedItem = Partial<Omit<CatalogueItemSnapshot, 'code'>>

export type ProposeAdjustmentOptions = { op: AdjustmentOp; itemCode: string; reason: string; item?: ProposedItem }

export type ApproveVersionOptions = { meetingName: string; meetingDate: string; approvalDocNo: string }

export async function listVersions(db: Kysely<DB>, ctx: Ctx) {
  return repo.listVersions(db, repo.versionVisibleTo(ctx.actor))
}

export async function getVersion(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findVersion(db, id)
  if (!row || !canVersion(ctx.actor, 'read', versionFacts(row))) throw notFound('目录版本', { id })
  return row
}

/** A version with its item counts per domain (领域). */
export async function getVersionDetail(db: Kysely<DB>, ctx: Ctx, id: string) {
  const version = await getVersion(db, ctx, id)
  return { version, domains: await repo.countVersionItemsByDomain(db, id) }
}

export async function listVersionItems(db: Kysely<DB>, ctx: Ctx, id: string, filter: repo.VersionItemFilter) {
  await getVersion(db, ctx, id)
  return repo.listVersionItems(db, id, filter)
}

export async function listAdjustments(db: Kysely<DB>, ctx: Ctx, id: string) {
  const version = await getVersion(db, ctx, id)
  const [rows, items] = await Promise.all([repo.listAdjustments(db, id), repo.listVersionItems(db, id)])
  const current = new Map(items.map((i) => [i.code, i]))
  return { version, rows, current }
}

/** One adjustment request with its version and the draft's current item of that code. */
export async function getAdjustment(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findAdjustment(db, id)
  if (!row) throw notFound('调整申请', { id })
  const version = await getVersion(db, ctx, row.version_id)
  return { row, version, current: await repo.findVersionItem(db, row.version_id, row.item_code) }
}

/**
 * Drafts a new version (草稿) of a region's catalogue, starting from the version in force: its
 * item snapshots are copied, and adjustment requests change the copy. A region's first version
 * starts from the master list — every active item that an entity of the region holds.
 * One version at a time is worked on.
 */
export async function createDraftVersion(db: Kysely<DB>, ctx: Ctx, input: { year: number; title?: string; regionCode?: string }): Promise<string> {
  const regionCode = input.regionCode ?? ctx.actor.regionCode
  if (!regionCode) throw new AppError('VALIDATION_FAILED', '请选择目录所属区域', { field: 'regionCode' })
  return inTransaction(db, async (trx) => {
    const region = await trx.selectFrom('region').select(['code', 'name', 'path']).where('code', '=', regionCode).executeTakeFirst()
    if (!region) throw new AppError('VALIDATION_FAILED', '所选区域不存在', { field: 'regionCode' })
    if (!canCreateVersion(ctx.actor, region.path)) throw forbidden()
    const open = await repo.findOpenVersion(trx, region.code)
    if (open) throw invalidState(`${region.name}已有未公布的目录版本《${open.title}》，请先完成或公布该版本`, { versionId: open.id })
    const published = await repo.findPublishedVersion(trx, region.code)
    if (published && published.year >= input.year) {
      throw new AppError('VALIDATION_FAILED', `新版本的年度须晚于现行版本（${published.year}年版）`, { field: 'year' })
    }
    const title = input.title ?? `${region.name}相对集中行政处罚权事项目录（${input.year}年版）`
    const id = await repo.insertVersion(trx, {
      title,
      year: input.year,
      region_code: region.code,
      based_on_id: published?.id ?? null,
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    if (published) await repo.copyVersionItems(trx, published.id, id)
    else {
      const { items } = await repo.listPowerItems(trx, { status: 'active', limit: 10_000, offset: 0 })
      for (const item of items.filter((i) => i.holders.some((h) => h.regionPath.startsWith(region.path)))) {
        await repo.insertVersionItem(trx, id, {
          code: item.code,
          name: item.name,
          kind: item.kind,
          domain: item.domain,
          legalBasis: item.legal_basis,
          holderNames: item.holders.map((h) => h.name),
        })
      }
    }
    await recordAudit(trx, ctx, {
      action: 'catalogue_version.create',
      entityType: 'catalogue_version',
      entityId: id,
      summary: `起草《${title}》${published ? `（以《${published.title}》为基础）` : ''}`,
      after: { title, year: input.year, regionCode: region.code, basedOnId: published?.id ?? null },
    })
    return id
  })
}

/**
 * 调整申请: a request to add, remove or modify one item of a draft, with its reason. Supervisors
 * and the heads of the region's units may propose; every request waits for a decision.
 */
export async function proposeAdjustment(db: Kysely<DB>, ctx: Ctx, versionId: string, input: ProposeAdjustmentOptions): Promise<string> {
  return inTransaction(db, async (trx) => {
    await repo.lockVersion(trx, versionId)
    const version = await loadFor(trx, ctx, versionId, 'propose')
    const current = await repo.findVersionItem(trx, versionId, input.itemCode)
    const pending = await repo.listAdjustments(trx, versionId, 'pending')
    if (pending.some((a) => a.item_code === input.itemCode)) {
      throw new AppError('CONFLICT', `事项 ${input.itemCode} 已有待处理的调整申请`, { itemCode: input.itemCode })
    }
    const proposal = await proposalFor(trx, input, current)
    const id = await repo.insertAdjustment(trx, {
      version_id: versionId,
      op: input.op,
      item_code: input.itemCode,
      proposal: proposal ? JSON.stringify(proposal) : null,
      reason: input.reason,
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'catalogue_adjustment.propose',
      entityType: 'catalogue_adjustment',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `提出目录调整申请：${labels.adjustmentOp[input.op]} ${input.itemCode} ${proposal?.name ?? current?.name ?? ''}（《${version.title}》）：${input.reason}`,
      before: current ?? null,
      after: proposal,
    })
    return id
  })
}

/** Accepting applies the request to the draft's item snapshots; rejecting leaves them as they are. */
export async function decideAdjustment(db: Kysely<DB>, ctx: Ctx, adjustmentId: string, decision: 'accepted' | 'rejected', note?: string) {
  await inTransaction(db, async (trx) => {
    const locked = await repo.lockAdjustment(trx, adjustmentId)
    const adjustment = await repo.findAdjustment(trx, adjustmentId)
    if (!locked || !adjustment) throw notFound('调整申请', { id: adjustmentId })
    await repo.lockVersion(trx, adjustment.version_id)
    const version = await getVersion(trx, ctx, adjustment.version_id)
    const facts = versionFacts(version)
    if (!canAdjustment(ctx.actor, 'accept', adjustment, facts)) {
      if (!canAdjustment(ctx.actor, 'accept', { status: 'pending' }, { ...facts, status: 'draft' })) throw forbidden()
      if (adjustment.status !== 'pending') throw invalidState(`该申请已${labels.adjustmentStatus[adjustment.status]}，不能再处理`, { status: adjustment.status })
      throw invalidState(`《${version.title}》已${labels.catalogueVersionStatus[version.status]}，不能再调整`, { status: version.status })
    }
    const current = await repo.findVersionItem(trx, version.id, adjustment.item_code)
    const proposal = adjustment.proposal as CatalogueItemSnapshot | null
    if (decision === 'accepted') await applyAdjustment(trx, version.id, adjustment.op, adjustment.item_code, current, proposal)
    await repo.updateAdjustment(trx, adjustmentId, {
      status: decision,
      decided_by: ctx.actor.userId || null,
      decided_at: ctx.now,
      decision_note: note ?? null,
    })
    await recordAudit(trx, ctx, {
      action: decision === 'accepted' ? 'catalogue_adjustment.accept' : 'catalogue_adjustment.reject',
      entityType: 'catalogue_adjustment',
      entityId: adjustmentId,
      summary: `${decision === 'accepted' ? '采纳' : '驳回'}目录调整申请：${labels.adjustmentOp[adjustment.op as AdjustmentOp]} ${adjustment.item_code}（《${version.title}》）${note ? `：${note}` : ''}`,
      before: { status: 'pending', item: current ?? null },
      after: { status: decision, item: decision === 'accepted' ? (proposal ?? null) : (current ?? null), note: note ?? null },
    })
  })
}

/** 审议通过: records the meeting that decided the version (会议名称、日期、文号). */
export async function approveVersion(db: Kysely<DB>, ctx: Ctx, id: string, input: ApproveVersionOptions) {
  await inTransaction(db, async (trx) => {
    await repo.lockVersion(trx, id)
    const version = await loadFor(trx, ctx, id, 'approve')
    await repo.updateVersion(trx, id, {
      status: 'approved',
      meeting_name: input.meetingName,
      meeting_date: input.meetingDate,
      approval_doc_no: input.approvalDocNo,
      approved_by: ctx.actor.userId || null,
      approved_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'catalogue_version.approve',
      entityType: 'catalogue_version',
      entityId: id,
      summary: `《${version.title}》经${input.meetingName}（${input.meetingDate}）审议通过，文号 ${input.approvalDocNo}`,
      before: { status: version.status },
      after: { status: 'approved', ...input },
    })
  })
}

/** 公布: the version comes into force and the one it replaces becomes 已被替代. Published snapshots never change. */
export async function publishVersion(db: Kysely<DB>, ctx: Ctx, id: string) {
  await inTransaction(db, async (trx) => {
    await repo.lockVersion(trx, id)
    const version = await loadFor(trx, ctx, id, 'publish')
    const previous = await repo.findPublishedVersion(trx, version.region_code)
    if (previous) await repo.updateVersion(trx, previous.id, { status: 'superseded', updated_at: ctx.now })
    await repo.updateVersion(trx, id, { status: 'published', published_at: ctx.now, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'catalogue_version.publish',
      entityType: 'catalogue_version',
      entityId: id,
      summary: `公布《${version.title}》（${version.item_count} 项）${previous ? `，《${previous.title}》同时被替代` : ''}`,
      before: { status: version.status, supersedes: previous?.id ?? null },
      after: { status: 'published' },
    })
  })
}

/** The difference between any two versions the actor may read. */
export async function diffVersions(db: Kysely<DB>, ctx: Ctx, fromId: string, toId: string) {
  const [from, to] = await Promise.all([getVersion(db, ctx, fromId), getVersion(db, ctx, toId)])
  const [fromItems, toItems] = await Promise.all([repo.listVersionItems(db, fromId), repo.listVersionItems(db, toId)])
  return { from, to, diff: diffCatalogues(fromItems, toItems) }
}

/**
 * Loads a version for an action: 404 when the actor may not read it, 403 when their role may not
 * take the action at all, 409 when the role may but the version's state does not allow it now.
 */
async function loadFor(trx: Executor, ctx: Ctx, id: string, action: VersionAction) {
  const version = await getVersion(trx, ctx, id)
  const facts = versionFacts(version)
  if (canVersion(ctx.actor, action, facts)) return version
  const ideal: VersionFacts = { ...facts, status: action === 'publish' ? 'approved' : 'draft', pendingCount: 0, itemCount: Math.max(1, facts.itemCount) }
  if (!canVersion(ctx.actor, action, ideal)) throw forbidden()
  const state = labels.catalogueVersionStatus[version.status]
  if (action === 'propose') throw invalidState(`《${version.title}》${state}，只有草稿可以调整`, { status: version.status })
  if (action === 'publish') throw invalidState(`《${version.title}》${state}，须先经会议审议通过才能公布`, { status: version.status })
  if (version.status !== 'draft') throw invalidState(`《${version.title}》${state}，只有草稿可以审议通过`, { status: version.status })
  if (facts.pendingCount > 0) throw invalidState(`还有 ${facts.pendingCount} 项调整申请未处理，请先采纳或驳回`, { pending: facts.pendingCount })
  throw invalidState('目录中没有事项，不能审议通过')
}

/** The item as it will read if the request is accepted (null for a removal), checked against the draft. */
async function proposalFor(trx: Executor, input: ProposeAdjustmentOptions, current: CatalogueItemSnapshot | undefined): Promise<CatalogueItemSnapshot | null> {
  const master = await repo.powerItemSnapshot(trx, input.itemCode)
  if (input.op === 'remove') {
    if (!current) throw new AppError('CONFLICT', `目录中没有事项 ${input.itemCode}`, { itemCode: input.itemCode })
    return null
  }
  if (input.op === 'add') {
    if (current) throw new AppError('CONFLICT', `目录中已有事项 ${input.itemCode}，请改为提出变更`, { itemCode: input.itemCode })
    const merged = { ...master, ...input.item, code: input.itemCode }
    if (!merged.name || !merged.kind || !merged.domain || !merged.legalBasis?.length) {
      throw new AppError('VALIDATION_FAILED', '新增事项须填写名称、类别、领域和法律依据，或先在权力事项库中建立该事项', { field: 'item' })
    }
    return { code: input.itemCode, name: merged.name, kind: merged.kind, domain: merged.domain, legalBasis: merged.legalBasis, holderNames: merged.holderNames ?? [] }
  }
  if (!current) throw new AppError('CONFLICT', `目录中没有事项 ${input.itemCode}，请改为提出新增`, { itemCode: input.itemCode })
  const base = input.item ? current : master
  if (!base) throw new AppError('VALIDATION_FAILED', '请填写变更后的内容（权力事项库中没有该事项）', { field: 'item' })
  const proposal: CatalogueItemSnapshot = { ...base, ...input.item, code: input.itemCode }
  if (itemChanges(current, proposal).length === 0) {
    throw new AppError('VALIDATION_FAILED', '变更后的内容与目录现有内容相同', { field: 'item' })
  }
  return proposal
}

async function applyAdjustment(
  trx: Executor,
  versionId: string,
  op: string,
  code: string,
  current: CatalogueItemSnapshot | undefined,
  proposal: CatalogueItemSnapshot | null,
) {
  if (op === 'add') {
    if (current || !proposal) throw invalidState(`目录中已有事项 ${code}，该申请已不适用`)
    await repo.insertVersionItem(trx, versionId, proposal)
  } else if (op === 'modify') {
    if (!current || !proposal) throw invalidState(`目录中已没有事项 ${code}，该申请已不适用`)
    await repo.updateVersionItem(trx, versionId, proposal)
  } else {
    if (!current) throw invalidState(`目录中已没有事项 ${code}，该申请已不适用`)
    await repo.deleteVersionItem(trx, versionId, code)
  }
}
