import type { Kysely, Transaction } from 'kysely'
import { shanghaiDateOf } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { delegationRoleAllows, delegationStateAllows, mayReadDelegation } from './delegation.policy'
import * as repo from './delegation.repository'
import type { CreateDelegationInput } from './delegation.schema'
import { canEntity, mayReadEntity } from './entity.policy'
import { findEntity } from './entity.repository'

type Ctx = RequestContext & { actor: Actor }

export async function listDelegations(db: Kysely<DB>, ctx: Ctx, f: Omit<repo.DelegationFilter, 'today'>) {
  return repo.listDelegations(db, { ...f, today: shanghaiDateOf(ctx.now) }, orgScopeOf(ctx.actor))
}

export async function getDelegation(db: Kysely<DB> | Transaction<DB>, ctx: Ctx, id: string) {
  const row = await repo.findDelegation(db, id)
  if (!row || !mayReadDelegation(ctx.actor, row)) throw notFound('委托', { id })
  return row
}

/** Registers a 委托: the principal entity entrusts another unit by a document, for a term. */
export async function createDelegation(db: Kysely<DB>, ctx: Ctx, input: CreateDelegationInput): Promise<string> {
  return inTransaction(db, async (trx) => {
    const entity = await findEntity(trx, input.principalEntityId)
    if (!entity || !mayReadEntity(ctx.actor, entity)) throw new AppError('VALIDATION_FAILED', '委托方执法主体不存在或不在管辖范围内', { field: 'principalEntityId' })
    if (!canEntity(ctx.actor, 'delegate', entity)) throw forbidden('无权为该执法主体登记委托')
    const agent = await repo.findAgentOrg(trx, input.agentOrgId)
    if (!agent) throw new AppError('VALIDATION_FAILED', '受委托单位不存在', { field: 'agentOrgId' })
    if (agent.id === entity.org_id) throw new AppError('VALIDATION_FAILED', '不能委托给本单位', { field: 'agentOrgId' })
    const id = await repo.insertDelegation(trx, {
      principal_entity_id: entity.id,
      agent_org_id: agent.id,
      document_no: input.documentNo,
      document_title: input.documentTitle,
      scope: input.scope,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      created_by: ctx.actor.userId || null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'delegation.create',
      entityType: 'delegation',
      entityId: id,
      orgId: entity.org_id,
      summary: `登记委托 ${input.documentNo}：${entity.name} 委托 ${agent.name}（${input.validFrom} 至 ${input.validTo}）`,
      after: input,
    })
    return id
  })
}

/** Revokes a delegation before its term ends; the reason is published with the record's history. */
export async function revokeDelegation(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await inTransaction(db, async (trx) => {
    await repo.lockDelegation(trx, id)
    const row = await getDelegation(trx, ctx, id)
    if (!delegationRoleAllows(ctx.actor, 'revoke', row)) throw forbidden('只有委托方可以撤销委托')
    if (!delegationStateAllows('revoke', row)) throw invalidState('该委托已撤销', { status: row.status })
    await repo.updateDelegation(trx, id, { status: 'revoked', revoked_reason: reason, revoked_by: ctx.actor.userId || null, revoked_at: ctx.now, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'delegation.revoke',
      entityType: 'delegation',
      entityId: id,
      orgId: row.principal_org_id,
      summary: `撤销委托 ${row.document_no}（${row.principal_name} → ${row.agent_name}）：${reason}`,
      before: { status: row.status },
      after: { status: 'revoked', reason },
    })
  })
}
