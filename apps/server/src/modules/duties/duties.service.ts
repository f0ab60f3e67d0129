import { type DutyAdjustmentOp, type DutyCategory, labels } from '@yangguang/core'
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, regionInScope } from '../../platform/auth/scope'
import { type Executor, recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { canDecideDuty, canProposeDuty, canReadDuties } from './duties.policy'
import * as repo from './duties.repository'

type Ctx = RequestContext & { actor: Actor }

/** The content of a duty item as a proposal carries it (every field optional for a modification). */
export type DutyItemContent = {
  name?: string
  leadDepartment?: string
  cooperatingDepartments?: string[]
  legalBasis?: string | null
  powerItemId?: string | null
}

export type ProposeDutyAdjustmentOptions = {
  townshipCode: string
  op: DutyAdjustmentOp
  /** The item to remove, modify or recategorize. */
  dutyItemId?: string
  /** add: the category of the new item; recategorize: the category to move to. */
  category?: DutyCategory
  item?: DutyItemContent
  reason: string
}

/** The proposal as stored in `duty_adjustment.proposal`. */
export type DutyProposal = DutyItemContent & { category?: DutyCategory; fromCategory?: DutyCategory }

/** Which townships' lists the caller sees: those of their jurisdiction or of their unit's region. */
export function dutiesVisibleTo(actor: Actor): Expression<SqlBool> {
  return regionInScope('r.code', orgScopeOf(actor), actor.regionPath)
}

export async function summary(db: Kysely<DB>, ctx: Ctx) {
  if (!canReadDuties(ctx.actor)) throw forbidden()
  const visible = dutiesVisibleTo(ctx.actor)
  const [townships, byYear] = await Promise.all([repo.listTownships(db, visible), repo.countAdjustmentsByYear(db, visible)])
  return { townships, byYear }
}

export async function listDutyItems(db: Kysely<DB>, ctx: Ctx, filter: repo.DutyItemFilter) {
  if (!canReadDuties(ctx.actor)) throw forbidden()
  return repo.listDutyItems(db, filter, dutiesVisibleTo(ctx.actor))
}

export async function listDutyAdjustments(db: Kysely<DB>, ctx: Ctx, filter: repo.DutyAdjustmentFilter) {
  if (!canReadDuties(ctx.actor)) throw forbidden()
  return repo.listDutyAdjustments(db, filter, dutiesVisibleTo(ctx.actor))
}

export async function getDutyAdjustment(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findDutyAdjustment(db, id)
  if (!row || !canReadDuties(ctx.actor)) throw notFound('调整申请', { id })
  if (!(await repo.townshipVisible(db, row.township_code, dutiesVisibleTo(ctx.actor)))) throw notFound('调整申请', { id })
  return row
}

/**
 * 动态调整: a township (its head) or a supervisor proposes to add, remove, modify or recategorize
 * one duty item, with a reason. Nothing changes until a supervisor approves it.
 */
export async function proposeDutyAdjustment(db: Kysely<DB>, ctx: Ctx, input: ProposeDutyAdjustmentOptions): Promise<string> {
  return inTransaction(db, async (trx) => {
    const township = await repo.findTownship(trx, input.townshipCode)
    if (!township) throw new AppError('VALIDATION_FAILED', '所选乡镇不存在', { field: 'townshipCode' })
    const facts = { path: township.path, governmentOrgId: township.government_org_id }
    if (!canProposeDuty(ctx.actor, facts)) throw forbidden('只有本乡镇人民政府负责人或监督人员可以提出调整')
    const item = input.op === 'add' ? null : await loadItem(trx, input, township.code)
    const proposal = await proposalFor(trx, input, item)
    const id = await repo.insertDutyAdjustment(trx, {
      township_code: township.code,
      duty_item_id: item?.id ?? null,
      op: input.op,
      proposal: proposal ? JSON.stringify(proposal) : null,
      reason: input.reason,
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'duty_adjustment.propose',
      entityType: 'duty_adjustment',
      entityId: id,
      orgId: township.government_org_id,
      summary: `提出${township.name}履职事项调整：${labels.dutyAdjustmentOp[input.op]} ${proposal?.name ?? item?.name ?? ''}：${input.reason}`,
      before: item && itemAudit(item),
      after: proposal,
    })
    return id
  })
}

/** Approval (with the approval reference, e.g. the 编委 meeting or document) applies the change to the list. */
export async function approveDutyAdjustment(db: Kysely<DB>, ctx: Ctx, id: string, input: { approvalRef: string; note?: string }) {
  await decide(db, ctx, id, 'approved', input.approvalRef, input.note ?? null)
}

export async function rejectDutyAdjustment(db: Kysely<DB>, ctx: Ctx, id: string, note: string) {
  await decide(db, ctx, id, 'rejected', null, note)
}

async function decide(db: Kysely<DB>, ctx: Ctx, id: string, status: 'approved' | 'rejected', approvalRef: string | null, note: string | null) {
  await inTransaction(db, async (trx) => {
    await repo.lockDutyAdjustment(trx, id)
    const adjustment = await getDutyAdjustment(trx, ctx, id)
    const facts = { path: adjustment.township_path, governmentOrgId: adjustment.government_org_id }
    if (!canDecideDuty(ctx.actor, 'approve', adjustment, facts)) {
      if (!canDecideDuty(ctx.actor, 'approve', { status: 'pending' }, facts)) throw forbidden('只有监督人员可以审批履职事项调整')
      throw invalidState(`该申请已${labels.adjustmentStatus[adjustment.status]}，不能再处理`, { status: adjustment.status })
    }
    const proposal = adjustment.proposal as DutyProposal | null
    const itemId = status === 'approved' ? await applyAdjustment(trx, ctx, adjustment, proposal) : adjustment.duty_item_id
    await repo.updateDutyAdjustment(trx, id, {
      status,
      approval_ref: approvalRef,
      decision_note: note,
      decided_by: ctx.actor.userId || null,
      decided_at: ctx.now,
      duty_item_id: itemId,
    })
    await recordAudit(trx, ctx, {
      action: status === 'approved' ? 'duty_adjustment.approve' : 'duty_adjustment.reject',
      entityType: 'duty_adjustment',
      entityId: id,
      orgId: adjustment.government_org_id,
      summary: `${status === 'approved' ? `批准（${approvalRef}）` : '驳回'}${adjustment.township_name}履职事项调整：${labels.dutyAdjustmentOp[adjustment.op]} ${proposal?.name ?? adjustment.item_name ?? ''}${note ? `：${note}` : ''}`,
      before: { status: 'pending' },
      after: { status, approvalRef, note, dutyItemId: itemId },
    })
  })
}

async function loadItem(trx: Executor, input: ProposeDutyAdjustmentOptions, townshipCode: string) {
  if (!input.dutyItemId) throw new AppError('VALIDATION_FAILED', '请选择要调整的履职事项', { field: 'dutyItemId' })
  const item = await repo.findDutyItem(trx, input.dutyItemId)
  if (!item || item.township_code !== townshipCode) throw new AppError('VALIDATION_FAILED', '所选履职事项不属于该乡镇', { field: 'dutyItemId' })
  if (item.status !== 'active') throw invalidState('该履职事项已取消', { status: item.status })
  if (await repo.pendingAdjustmentFor(trx, item.id)) throw new AppError('CONFLICT', '该履职事项已有待审批的调整申请')
  return item
}

async function proposalFor(trx: Executor, input: ProposeDutyAdjustmentOptions, item: repo.DutyItemRow | null): Promise<DutyProposal | null> {
  if (input.item?.powerItemId && !(await repo.powerItemExists(trx, input.item.powerItemId))) {
    throw new AppError('VALIDATION_FAILED', '关联的权力事项不存在', { field: 'item.powerItemId' })
  }
  switch (input.op) {
    case 'remove':
      return null
    case 'recategorize':
      if (!input.category) throw new AppError('VALIDATION_FAILED', '请选择调整后的类别', { field: 'category' })
      if (input.category === item?.category) throw new AppError('VALIDATION_FAILED', '调整后的类别与现在相同', { field: 'category' })
      // Moving a duty usually renames it or changes who leads it (上级收回: the department that took it back).
      return {
        category: input.category,
        fromCategory: item?.category,
        ...(input.item?.name ? { name: input.item.name } : {}),
        ...(input.item?.leadDepartment ? { leadDepartment: input.item.leadDepartment } : {}),
      }
    case 'add':
      if (!input.category) throw new AppError('VALIDATION_FAILED', '请选择事项类别', { field: 'category' })
      if (!input.item?.name || !input.item.leadDepartment) {
        throw new AppError('VALIDATION_FAILED', '新增事项须填写事项名称和牵头部门', { field: 'item' })
      }
      return { category: input.category, cooperatingDepartments: [], legalBasis: null, powerItemId: null, ...input.item }
    case 'modify': {
      const changed = Object.entries(input.item ?? {}).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(currentValue(item, key)))
      if (changed.length === 0) throw new AppError('VALIDATION_FAILED', '请填写要变更的内容', { field: 'item' })
      return Object.fromEntries(changed) as DutyProposal
    }
  }
}

function currentValue(item: repo.DutyItemRow | null, key: string): unknown {
  if (!item) return undefined
  const map: Record<string, unknown> = {
    name: item.name,
    leadDepartment: item.lead_department,
    cooperatingDepartments: item.cooperating_departments,
    legalBasis: item.legal_basis,
    powerItemId: item.power_item_id,
  }
  return map[key]
}

/** Applies an approved adjustment to the list; returns the id of the item it concerns. */
async function applyAdjustment(trx: Executor, ctx: Ctx, adjustment: repo.DutyAdjustmentRow, proposal: DutyProposal | null): Promise<string | null> {
  if (adjustment.op === 'add') {
    const category = proposal?.category ?? 'basic'
    return repo.insertDutyItem(trx, {
      township_code: adjustment.township_code,
      category,
      seq: await repo.nextSeq(trx, adjustment.township_code, category),
      name: proposal?.name ?? '',
      lead_department: proposal?.leadDepartment ?? '',
      cooperating_departments: proposal?.cooperatingDepartments ?? [],
      legal_basis: proposal?.legalBasis ?? null,
      power_item_id: proposal?.powerItemId ?? null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
  }
  const itemId = adjustment.duty_item_id
  const item = itemId ? await repo.findDutyItem(trx, itemId) : undefined
  if (!item || item.status !== 'active') throw invalidState('该履职事项已取消，申请已不适用')
  if (adjustment.op === 'remove') await repo.updateDutyItem(trx, item.id, { status: 'removed', updated_at: ctx.now })
  else if (adjustment.op === 'recategorize') {
    const category = proposal?.category ?? item.category
    await repo.updateDutyItem(trx, item.id, {
      category,
      seq: await repo.nextSeq(trx, item.township_code, category),
      name: proposal?.name ?? item.name,
      lead_department: proposal?.leadDepartment ?? item.lead_department,
      updated_at: ctx.now,
    })
  } else {
    await repo.updateDutyItem(trx, item.id, {
      name: proposal?.name ?? item.name,
      lead_department: proposal?.leadDepartment ?? item.lead_department,
      cooperating_departments: proposal?.cooperatingDepartments ?? item.cooperating_departments,
      legal_basis: proposal?.legalBasis === undefined ? item.legal_basis : proposal.legalBasis,
      power_item_id: proposal?.powerItemId === undefined ? item.power_item_id : proposal.powerItemId,
      updated_at: ctx.now,
    })
  }
  return item.id
}

function itemAudit(item: repo.DutyItemRow) {
  return {
    category: item.category,
    seq: item.seq,
    name: item.name,
    leadDepartment: item.lead_department,
    cooperatingDepartments: item.cooperating_departments,
    legalBasis: item.legal_basis,
    powerItemId: item.power_item_id,
  }
}

/** The duty lists on the portal: every township that has one; only active items. */
export async function publicTownships(db: Kysely<DB>) {
  return repo.listTownships(db, sql<SqlBool>`true`, { onlyWithDuties: true })
}

export async function publicDutyItems(db: Kysely<DB>, filter: repo.DutyItemFilter) {
  return repo.listDutyItems(db, filter, sql<SqlBool>`true`)
}
