import type { Kysely } from 'kysely'
import { labels, orgKinds, shanghaiDateOf } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { type Executor, recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { canOrg, mayManageOrgIn, type OrgAction } from './orgs.policy'
import * as repo from './orgs.repository'
import type { CreateOrgInput, UpdateOrgContactInput, UpdateOrgInput } from './orgs.schema'

type Ctx = RequestContext & { actor: Actor }

export async function listOrgs(db: Kysely<DB>, ctx: Ctx, f: Omit<repo.OrgFilter, 'regionPath'> & { regionCode?: string }) {
  const regionPath = f.regionCode ? await repo.regionPathOf(db, f.regionCode) : undefined
  if (regionPath === null) return { items: [], total: 0 }
  return repo.listOrgs(db, { ...f, regionPath }, orgScopeOf(ctx.actor), shanghaiDateOf(ctx.now))
}

export async function getOrg(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findOrg(db, id, shanghaiDateOf(ctx.now))
  if (!row || !canOrg(ctx.actor, 'read', row)) throw notFound('执法单位', { id })
  return row
}

export async function orgSummary(db: Kysely<DB>, ctx: Ctx, regionCode?: string) {
  const regionPath = regionCode ? await repo.regionPathOf(db, regionCode) : undefined
  const rows = regionPath === null ? [] : await repo.orgSummary(db, orgScopeOf(ctx.actor), regionPath)
  const byKind = orgKinds
    .map((kind) => {
      const row = rows.find((r) => r.kind === kind)
      return { kind, kindLabel: labels.orgKind[kind], total: Number(row?.total ?? 0), onboarded: Number(row?.onboarded ?? 0) }
    })
    .filter((k) => k.total > 0)
  const total = byKind.reduce((s, k) => s + k.total, 0)
  const onboarded = byKind.reduce((s, k) => s + k.onboarded, 0)
  return { total, onboarded, notOnboarded: total - onboarded, byKind }
}

export async function createOrg(db: Kysely<DB>, ctx: Ctx, input: CreateOrgInput): Promise<string> {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'supervisor') throw forbidden('仅系统管理员和监督人员可以新增执法单位')
  return inTransaction(db, async (trx) => {
    const regionPath = await repo.regionPathOf(trx, input.regionCode)
    if (!regionPath) throw new AppError('VALIDATION_FAILED', '所选区域不存在', { field: 'regionCode' })
    if (!mayManageOrgIn(ctx.actor, regionPath)) throw forbidden('只能在本辖区内新增执法单位')
    if (await repo.findOrgByCode(trx, input.code)) throw new AppError('DUPLICATE', `单位编码 ${input.code} 已存在`, { field: 'code' })
    if (await repo.findOrgByName(trx, input.name)) throw new AppError('DUPLICATE', `单位「${input.name}」已存在`, { field: 'name' })
    if (input.parentId) await checkParent(trx, ctx, input.parentId, null)
    const id = await repo.insertOrg(trx, {
      code: input.code,
      name: input.name,
      short_name: input.shortName,
      kind: input.kind,
      region_code: input.regionCode,
      parent_id: input.parentId ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      postal_code: input.postalCode ?? null,
    })
    await recordAudit(trx, ctx, {
      action: 'org.create',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `新增执法单位 ${input.name}（${input.code}）`,
      after: input,
    })
    return id
  })
}

export async function updateOrg(db: Kysely<DB>, ctx: Ctx, id: string, input: UpdateOrgInput) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'update')
    if (input.regionCode && input.regionCode !== before.region_code) {
      const regionPath = await repo.regionPathOf(trx, input.regionCode)
      if (!regionPath) throw new AppError('VALIDATION_FAILED', '所选区域不存在', { field: 'regionCode' })
      if (!mayManageOrgIn(ctx.actor, regionPath)) throw forbidden('不能把单位移出本辖区')
    }
    if (input.name && input.name !== before.name) {
      const clash = await repo.findOrgByName(trx, input.name)
      if (clash && clash.id !== id) throw new AppError('DUPLICATE', `单位「${input.name}」已存在`, { field: 'name' })
    }
    if (input.parentId) await checkParent(trx, ctx, input.parentId, id)
    const patch = {
      name: input.name ?? before.name,
      short_name: input.shortName ?? before.short_name,
      kind: input.kind ?? before.kind,
      region_code: input.regionCode ?? before.region_code,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      contact_phone: input.contactPhone === undefined ? before.contact_phone : input.contactPhone,
      address: input.address === undefined ? before.address : input.address,
      postal_code: input.postalCode === undefined ? before.postal_code : input.postalCode,
    }
    await repo.updateOrg(trx, id, { ...patch, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'org.update',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `修改执法单位 ${before.name}`,
      before: pick(before),
      after: patch,
    })
  })
}

/**
 * 通信地址、邮政编码、联系电话 of a unit — what its 告知书 and 决定书 print for the party to hand in
 * 陈述、申辩 and ask about payment. Its head may keep them, as may whoever keeps the unit.
 */
export async function updateOrgContact(db: Kysely<DB>, ctx: Ctx, id: string, input: UpdateOrgContactInput) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'update_contact')
    const patch = {
      address: input.address === undefined ? before.address : input.address,
      postal_code: input.postalCode === undefined ? before.postal_code : input.postalCode,
      contact_phone: input.contactPhone === undefined ? before.contact_phone : input.contactPhone,
    }
    await repo.updateOrg(trx, id, { ...patch, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'org.update_contact',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `修改执法单位 ${before.name} 的通信地址和联系电话`,
      before: { address: before.address, postal_code: before.postal_code, contact_phone: before.contact_phone },
      after: patch,
    })
  })
}

/** 开通使用: the unit started using the platform on a date (the "46 of 49" count). */
export async function markOnboarded(db: Kysely<DB>, ctx: Ctx, id: string, onboardedOn: string) {
  if (onboardedOn > shanghaiDateOf(ctx.now)) throw new AppError('VALIDATION_FAILED', '开通日期不能晚于今天', { field: 'onboardedOn' })
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'onboard')
    await repo.updateOrg(trx, id, { onboarded_on: onboardedOn, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'org.onboard',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `标记 ${before.name} 已开通使用平台（${onboardedOn}）`,
      before: { onboardedOn: null },
      after: { onboardedOn },
    })
  })
}

export async function markNotOnboarded(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'offboard')
    await repo.updateOrg(trx, id, { onboarded_on: null, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'org.offboard',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `标记 ${before.name} 未开通使用平台：${reason}`,
      before: { onboardedOn: before.onboarded_on },
      after: { onboardedOn: null, reason },
    })
  })
}

async function loadFor(trx: Executor, ctx: Ctx, id: string, action: OrgAction) {
  await repo.lockOrg(trx, id)
  const row = await repo.findOrg(trx, id, shanghaiDateOf(ctx.now))
  if (!row || !canOrg(ctx.actor, 'read', row)) throw notFound('执法单位', { id })
  if (canOrg(ctx.actor, action, row)) return row
  if (!canOrg(ctx.actor, 'update', row)) throw forbidden('无权管理该执法单位')
  throw invalidState(action === 'onboard' ? `${row.name} 已是开通状态` : `${row.name} 尚未开通`, { action })
}

async function checkParent(trx: Executor, ctx: Ctx, parentId: string, selfId: string | null) {
  if (parentId === selfId) throw new AppError('VALIDATION_FAILED', '上级单位不能是单位本身', { field: 'parentId' })
  const parent = await repo.findOrg(trx, parentId, shanghaiDateOf(ctx.now))
  if (!parent) throw new AppError('VALIDATION_FAILED', '上级单位不存在', { field: 'parentId' })
}

function pick(row: repo.OrgRow) {
  return {
    name: row.name,
    short_name: row.short_name,
    kind: row.kind,
    region_code: row.region_code,
    parent_id: row.parent_id,
    contact_phone: row.contact_phone,
    address: row.address,
    postal_code: row.postal_code,
  }
}
