import { type PowerKind, type StatutoryPenaltyRange, labels, rangeProblem } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { type Executor, recordAudit } from '../../platform/audit/audit'
import type { DB, LegalBasis } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, notFound } from '../../platform/errors'
import { canPowerItem, governsPowerItem, type PowerItemAction } from './catalogue.policy'
import * as repo from './catalogue.repository'

type Ctx = RequestContext & { actor: Actor }

export type PowerItemInput = {
  code: string
  name: string
  kind: PowerKind
  domain: string
  legalBasis: LegalBasis[]
  holderEntityIds: string[]
  statutoryRange?: StatutoryPenaltyRange | null
}

export async function listPowerItems(db: Kysely<DB>, ctx: Ctx, filter: repo.PowerItemFilter) {
  if (!canPowerItem(ctx.actor, 'read')) throw forbidden()
  return repo.listPowerItems(db, filter)
}

export async function getPowerItem(db: Kysely<DB>, ctx: Ctx, id: string) {
  if (!canPowerItem(ctx.actor, 'read')) throw notFound('权力事项', { id })
  const row = await repo.findPowerItem(db, id)
  if (!row) throw notFound('权力事项', { id })
  return row
}

/** The entities the actor may name as holders: those of the units in their scope. */
export async function listHolderOptions(db: Kysely<DB>, ctx: Ctx) {
  if (!canPowerItem(ctx.actor, 'read')) throw forbidden()
  return repo.listHolderOptions(db, orgScopeOf(ctx.actor))
}

export async function listDomains(db: Kysely<DB>, ctx: Ctx) {
  if (!canPowerItem(ctx.actor, 'read')) throw forbidden()
  return repo.listDomains(db)
}

export async function createPowerItem(db: Kysely<DB>, ctx: Ctx, input: PowerItemInput): Promise<string> {
  if (!canPowerItem(ctx.actor, 'create')) throw forbidden()
  return inTransaction(db, async (trx) => {
    if (await repo.powerItemCodeExists(trx, input.code)) {
      throw new AppError('DUPLICATE', `事项编码 ${input.code} 已存在`, { field: 'code' })
    }
    const assignable = await assignableEntityIds(trx, ctx.actor)
    checkHolders(input.holderEntityIds, assignable)
    checkStatutoryRange(input.statutoryRange)
    const id = await repo.insertPowerItem(trx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      domain: input.domain,
      legal_basis: JSON.stringify(input.legalBasis),
      statutory_range: input.statutoryRange ? JSON.stringify(input.statutoryRange) : null,
      // The entering bureau's jurisdiction: only who governs it changes the item later.
      region_code: ctx.actor.regionCode,
    })
    await repo.replaceHolders(trx, id, input.holderEntityIds, [])
    const after = await repo.findPowerItem(trx, id)
    await recordAudit(trx, ctx, {
      action: 'power_item.create',
      entityType: 'power_item',
      entityId: id,
      summary: `新增权力事项 ${input.code} ${input.name}（${labels.powerKind[input.kind]}）`,
      after: after && auditView(after),
    })
    return id
  })
}

/**
 * Edits an item of the master list. Holders are replaced only among the entities the caller may
 * assign; holders in other jurisdictions stay. Published catalogue versions keep their own
 * snapshots and do not change.
 */
export async function updatePowerItem(db: Kysely<DB>, ctx: Ctx, id: string, input: Partial<Omit<PowerItemInput, 'code'>>) {
  await inTransaction(db, async (trx) => {
    await repo.lockPowerItem(trx, id)
    const before = await loadFor(trx, ctx, id, 'update')
    checkStatutoryRange(input.statutoryRange)
    await repo.updatePowerItem(trx, id, {
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      domain: input.domain ?? before.domain,
      legal_basis: JSON.stringify(input.legalBasis ?? before.legal_basis),
      ...(input.statutoryRange !== undefined ? { statutory_range: input.statutoryRange ? JSON.stringify(input.statutoryRange) : null } : {}),
      updated_at: ctx.now,
    })
    if (input.holderEntityIds) {
      const assignable = await assignableEntityIds(trx, ctx.actor)
      checkHolders(input.holderEntityIds, assignable)
      await repo.replaceHolders(trx, id, input.holderEntityIds, assignable)
    }
    const after = await repo.findPowerItem(trx, id)
    await recordAudit(trx, ctx, {
      action: 'power_item.update',
      entityType: 'power_item',
      entityId: id,
      summary: `修改权力事项 ${before.code} ${before.name}`,
      before: auditView(before),
      after: after && auditView(after),
    })
  })
}

/** 废止 (repeal) or 恢复 (restore): an item is never deleted, so what cited it stays readable. */
export async function setPowerItemStatus(db: Kysely<DB>, ctx: Ctx, id: string, status: 'active' | 'repealed', reason: string) {
  await inTransaction(db, async (trx) => {
    await repo.lockPowerItem(trx, id)
    const before = await loadFor(trx, ctx, id, status === 'repealed' ? 'repeal' : 'restore')
    await repo.updatePowerItem(trx, id, { status, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: status === 'repealed' ? 'power_item.repeal' : 'power_item.restore',
      entityType: 'power_item',
      entityId: id,
      summary: `${status === 'repealed' ? '废止' : '恢复'}权力事项 ${before.code} ${before.name}：${reason}`,
      before: { status: before.status },
      after: { status, reason },
    })
  })
}

/** The item for a write: role first, then jurisdiction, then state — a refusal never tells the state to who may not act. */
async function loadFor(trx: Executor, ctx: Ctx, id: string, action: PowerItemAction) {
  if (!canPowerItem(ctx.actor, action)) throw forbidden()
  const row = await repo.findPowerItem(trx, id)
  if (!row) throw notFound('权力事项', { id })
  if (!governsPowerItem(ctx.actor, row)) throw forbidden('该事项由其他辖区录入或实施，只有管辖该辖区的司法局可以修改、废止或恢复')
  if (!canPowerItem(ctx.actor, action, row)) {
    throw new AppError('INVALID_STATE', action === 'repeal' ? '该事项已废止' : '该事项未废止，无需恢复', { status: row.status })
  }
  return row
}

async function assignableEntityIds(trx: Executor, actor: Actor): Promise<string[]> {
  return (await repo.listHolderOptions(trx, orgScopeOf(actor))).map((e) => e.id)
}

function checkHolders(entityIds: string[], assignable: string[]) {
  const allowed = new Set(assignable)
  const outside = entityIds.filter((id) => !allowed.has(id))
  if (outside.length > 0) throw new AppError('VALIDATION_FAILED', '所选实施主体不存在或不在您的管辖范围内', { field: 'holderEntityIds', entityIds: outside })
}

/** 法定处罚幅度 must hold together (fine bands match the kinds, multiples sane): 400 with the Chinese reason. */
function checkStatutoryRange(range: StatutoryPenaltyRange | null | undefined) {
  const problem = range ? rangeProblem(range) : null
  if (problem) throw new AppError('VALIDATION_FAILED', `法定处罚幅度：${problem}`, { field: 'statutoryRange' })
}

function auditView(row: repo.PowerItemRow) {
  return { code: row.code, name: row.name, kind: row.kind, domain: row.domain, legalBasis: row.legal_basis, statutoryRange: row.statutory_range, holders: row.holders.map((h) => h.name), status: row.status }
}
