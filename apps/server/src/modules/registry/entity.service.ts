import type { Kysely, Transaction } from 'kysely'
import { entityStatuses, labels, type EntityAction } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB, RowUpdate } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { canEntity, entityRoleAllows, entityStateAllows, mayEditEntityOf, mayReadEntity } from './entity.policy'
import { entitySnapshot } from './entity.presenter'
import * as repo from './entity.repository'
import type { CreateEntityInput, UpdateEntityInput } from './entity.schema'

type Ctx = RequestContext & { actor: Actor }

export async function listEntities(db: Kysely<DB>, ctx: Ctx, f: Omit<repo.EntityFilter, 'regionPath'> & { regionCode?: string }) {
  const regionPath = f.regionCode ? (await repo.findRegionName(db, f.regionCode))?.path : undefined
  if (f.regionCode && !regionPath) return { items: [], total: 0 }
  return repo.listEntities(db, { ...f, regionPath }, orgScopeOf(ctx.actor))
}

export async function getEntity(db: Kysely<DB> | Transaction<DB>, ctx: Ctx, id: string) {
  const row = await repo.findEntity(db, id)
  if (!row || !mayReadEntity(ctx.actor, row)) throw notFound('执法主体', { id })
  return row
}

export async function entitySummary(db: Kysely<DB>, ctx: Ctx, regionCode?: string) {
  const regionPath = regionCode ? (await repo.findRegionName(db, regionCode))?.path : undefined
  const rows = regionCode && !regionPath ? [] : await repo.entityCounts(db, orgScopeOf(ctx.actor), regionPath)
  const byStatus = entityStatuses.map((status) => ({ status, statusLabel: labels.entityStatus[status], count: Number(rows.find((r) => r.status === status)?.n ?? 0) }))
  return {
    total: byStatus.reduce((s, b) => s + b.count, 0),
    byStatus,
    publiclyShown: rows.reduce((s, r) => s + Number(r.live), 0),
  }
}

/** Registers a unit's 执法主体 as a draft. One entity per unit. */
export async function createEntity(db: Kysely<DB>, ctx: Ctx, input: CreateEntityInput): Promise<string> {
  return inTransaction(db, async (trx) => {
    const org = await repo.findOrgForEntity(trx, input.orgId)
    if (!org || !mayReadEntity(ctx.actor, { org_id: org.id, org_region_path: org.region_path })) {
      if (org && ctx.actor.role === 'unit_head') throw forbidden('只能为本单位登记执法主体')
      throw new AppError('VALIDATION_FAILED', '所选单位不存在或不在管辖范围内', { field: 'orgId' })
    }
    if (!mayEditEntityOf(ctx.actor, org)) throw forbidden('无权为该单位登记执法主体')
    if (await repo.findEntityIdByOrg(trx, org.id)) throw new AppError('DUPLICATE', `${org.name} 已登记执法主体，请修改原记录`, { field: 'orgId' })
    const regionCode = input.regionCode ?? org.region_code
    await checkRegion(trx, regionCode)
    const id = await repo.insertEntity(trx, {
      org_id: org.id,
      name: input.name,
      entity_type: input.entityType,
      region_code: regionCode,
      legal_basis: input.legalBasis,
      responsible_person: input.responsiblePerson ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'entity.create',
      entityType: 'enforcement_entity',
      entityId: id,
      orgId: org.id,
      summary: `登记执法主体 ${input.name}（草稿）`,
      after: { ...input, regionCode },
    })
    return id
  })
}

/**
 * Edits an entity. A draft is edited in place. A published entity goes back to draft as a new
 * version; the portal keeps showing the last published snapshot until the new version is
 * published, so the public never sees an empty or unreviewed entry.
 */
export async function updateEntity(db: Kysely<DB>, ctx: Ctx, id: string, input: UpdateEntityInput) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'update')
    if (input.regionCode && input.regionCode !== before.region_code) await checkRegion(trx, input.regionCode)
    const fields = {
      name: input.name ?? before.name,
      entity_type: input.entityType ?? before.entity_type,
      region_code: input.regionCode ?? before.region_code,
      legal_basis: input.legalBasis ?? before.legal_basis,
      responsible_person: input.responsiblePerson === undefined ? before.responsible_person : input.responsiblePerson,
      address: input.address === undefined ? before.address : input.address,
      phone: input.phone === undefined ? before.phone : input.phone,
    }
    const reopens = before.status === 'published'
    await repo.updateEntity(trx, id, {
      ...fields,
      ...(reopens ? { ...backToDraft(), version: before.version + 1 } : {}),
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'entity.update',
      entityType: 'enforcement_entity',
      entityId: id,
      orgId: before.org_id,
      summary: reopens ? `修改已公示的执法主体 ${before.name}，转为第 ${before.version + 1} 版草稿（公示内容保持第 ${before.published_version} 版）` : `修改执法主体 ${before.name}（草稿）`,
      before: { ...editableFields(before), status: before.status, version: before.version },
      after: { ...fields, status: 'draft', version: reopens ? before.version + 1 : before.version },
    })
  })
}

/** 审核: a supervisor of the jurisdiction checks the draft. */
export async function auditEntity(db: Kysely<DB>, ctx: Ctx, id: string) {
  await transition(db, ctx, id, 'audit', () => ({ status: 'audited', audited_by: ctx.actor.userId, audited_at: ctx.now, status_note: null }))
}

/** 确认: a second supervisor — not the auditor — confirms. */
export async function confirmEntity(db: Kysely<DB>, ctx: Ctx, id: string) {
  await transition(db, ctx, id, 'confirm', () => ({ status: 'confirmed', confirmed_by: ctx.actor.userId, confirmed_at: ctx.now }))
}

/** 公示: the confirmed version becomes what the portal shows. */
export async function publishEntity(db: Kysely<DB>, ctx: Ctx, id: string) {
  await transition(db, ctx, id, 'publish', (row) => ({
    status: 'published',
    published_at: ctx.now,
    published_snapshot: JSON.stringify(entitySnapshot(row)),
    published_version: row.version,
  }))
}

/** 退回草稿: an audited or confirmed entity goes back to its unit, with the reason. */
export async function returnEntity(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await transition(db, ctx, id, 'return', () => ({ ...backToDraft(), status_note: `退回：${reason}` }), reason)
}

/** 撤销公示: the portal stops showing the entity; the record goes back to draft. */
export async function withdrawEntity(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await transition(
    db,
    ctx,
    id,
    'withdraw',
    (row) => ({ ...(row.status === 'published' ? backToDraft() : {}), published_snapshot: null, published_version: null, status_note: `撤销公示：${reason}` }),
    reason,
  )
}

const actionVerbs: Record<EntityAction, string> = { update: '修改', audit: '审核', confirm: '确认', publish: '公示', return: '退回', withdraw: '撤销公示' }

async function transition(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  action: Exclude<EntityAction, 'update'>,
  change: (row: repo.EntityRow) => RowUpdate<'enforcement_entity'>,
  reason?: string,
) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, action)
    const patch = change(before)
    await repo.updateEntity(trx, id, { ...patch, updated_at: ctx.now })
    const after = await repo.findEntity(trx, id)
    await recordAudit(trx, ctx, {
      action: `entity.${action}`,
      entityType: 'enforcement_entity',
      entityId: id,
      orgId: before.org_id,
      summary: `${actionVerbs[action]}执法主体 ${before.name}（第 ${before.version} 版）${reason ? `：${reason}` : ''}`,
      before: { status: before.status, version: before.version, publishedVersion: before.published_version },
      after: { status: after?.status, version: after?.version, publishedVersion: after?.published_version, ...(reason ? { reason } : {}) },
    })
  })
}

/**
 * Loads and locks the entity, then says why the action is refused: outside scope → 404, not
 * their business → 403, wrong moment → 409, same person as the auditor → 403.
 */
async function loadFor(trx: Transaction<DB>, ctx: Ctx, id: string, action: EntityAction) {
  await repo.lockEntity(trx, id)
  const row = await getEntity(trx, ctx, id)
  if (canEntity(ctx.actor, action, row)) return row
  if (!entityRoleAllows(ctx.actor, action, row)) {
    throw forbidden(action === 'update' ? '无权修改该执法主体' : `仅辖区司法局监督人员可以${actionVerbs[action]}执法主体`, { action })
  }
  if (!entityStateAllows(action, row)) {
    const hint = action === 'update' ? '；如需修改请由监督人员退回草稿' : ''
    throw invalidState(`执法主体当前为「${labels.entityStatus[row.status]}」，不能${actionVerbs[action]}${hint}`, { action, status: row.status })
  }
  throw forbidden('审核人与确认人不能为同一人，请由另一名监督人员确认', { action, rule: 'four_eyes' })
}

function backToDraft() {
  return { status: 'draft' as const, audited_by: null, audited_at: null, confirmed_by: null, confirmed_at: null }
}

async function checkRegion(trx: Transaction<DB>, code: string) {
  if (!(await repo.findRegionName(trx, code))) throw new AppError('VALIDATION_FAILED', '所选区域不存在', { field: 'regionCode' })
}

function editableFields(row: repo.EntityRow) {
  return {
    name: row.name,
    entity_type: row.entity_type,
    region_code: row.region_code,
    legal_basis: row.legal_basis,
    responsible_person: row.responsible_person,
    address: row.address,
    phone: row.phone,
  }
}
