import { type IsoDate } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { forbidden, invalidState, notFound } from '../../platform/errors'
import { checkCaps, checkPlanMonth, defaultRules, overridableRules, ruleLabel, rulesForOrg } from './inspection-rules'
import { isInspector, isSupervisor, isUnitHeadOf } from './inspections.policy'
import * as repo from './inspections.repository'
import { loadInspection } from './inspection-lifecycle.service'

type Ctx = RequestContext & { actor: Actor }

/**
 * 例外放行: asks to set aside the overridable rules (frequency caps, plan months) that would
 * refuse this task on `date`. The server recomputes the violations itself — a request cannot
 * name a rule that is not broken, nor a rule that is the law (catalogue, certificates). A unit
 * head's own request is approved in the same act. Every override is visible to the justice
 * bureau's supervisors.
 */
export async function requestOverride(db: Kysely<DB>, ctx: Ctx, input: { taskId: string; date: IsoDate; reason: string }): Promise<string> {
  if (!isInspector(ctx.actor)) throw forbidden()
  const task = await loadInspection(db, ctx, input.taskId)
  if (task.org_id !== ctx.actor.orgId) throw forbidden()
  if (task.status !== 'scheduled') throw invalidState('只能为待检查的任务申请例外放行')
  const rules = await rulesForOrg(db, task.org_id)
  const violations = [...(await checkCaps(db, rules, task, input.date)), ...[await checkPlanMonth(db, task, input.date)].filter((v) => v !== null)]
  const overridable = violations.filter((v) => v.overridable && overridableRules.has(v.rule as 'cap_unit'))
  if (overridable.length === 0) throw invalidState('该任务在当日没有可申请例外放行的规则限制，无需申请', { violations })
  const head = isUnitHeadOf(ctx.actor, task.org_id)
  return inTransaction(db, async (trx) => {
    const id = await repo.insertOverride(trx, {
      org_id: task.org_id,
      enterprise_id: task.enterprise_id,
      inspection_id: task.id,
      rules: overridable.map((v) => v.rule),
      violations: JSON.stringify(overridable),
      reason: input.reason,
      status: head ? 'approved' : 'pending',
      requested_by: ctx.actor.userId,
      requested_at: ctx.now,
      decided_by: head ? ctx.actor.userId : null,
      decided_at: head ? ctx.now : null,
      valid_on: input.date,
    })
    await recordAudit(trx, ctx, {
      action: head ? 'inspection_override.approve' : 'inspection_override.request',
      entityType: 'inspection_override',
      entityId: id,
      orgId: task.org_id,
      summary: `${head ? '批准' : '申请'}例外放行 ${task.enterprise_name}（${overridable.map((v) => ruleLabel(v.rule)).join('、')}，${input.date}）：${input.reason}`,
      after: { rules: overridable.map((v) => v.rule), violations: overridable, reason: input.reason, validOn: input.date },
    })
    return id
  })
}

export async function decideOverride(db: Kysely<DB>, ctx: Ctx, id: string, approve: boolean, note: string) {
  const row = await repo.findOverride(db, id)
  if (!row || !isUnitHeadOf(ctx.actor, row.org_id)) {
    if (row && scopeCovers(orgScopeOf(ctx.actor), row.org_id, null)) throw forbidden('例外放行须由本单位负责人审批')
    throw notFound('例外放行申请', { id })
  }
  if (row.status !== 'pending') throw invalidState('该申请已处理')
  await inTransaction(db, async (trx) => {
    await repo.updateOverride(trx, id, { status: approve ? 'approved' : 'rejected', decided_by: ctx.actor.userId, decided_at: ctx.now, decision_note: note })
    await recordAudit(trx, ctx, {
      action: approve ? 'inspection_override.approve' : 'inspection_override.reject',
      entityType: 'inspection_override',
      entityId: id,
      orgId: row.org_id,
      summary: `${approve ? '批准' : '驳回'}例外放行 ${row.enterprise_name}（${row.rules.map(ruleLabel).join('、')}）：${note}`,
      before: { status: row.status },
      after: { status: approve ? 'approved' : 'rejected', note },
    })
  })
}

export async function listOverrides(db: Kysely<DB>, ctx: Ctx, status?: string) {
  if (!isInspector(ctx.actor) && !isSupervisor(ctx.actor) && ctx.actor.role !== 'legal_reviewer') throw forbidden()
  return repo.listOverrides(db, orgScopeOf(ctx.actor), status)
}

// ——— 综合查一次 joint inspections ————————————————————————————————————————————

/**
 * Enterprises that two or more units plan to visit within the joint window: the system's
 * proposals for one joint inspection. A unit sees the proposals that involve it.
 */
export async function jointProposals(db: Kysely<DB>, ctx: Ctx) {
  const scope = orgScopeOf(ctx.actor)
  if (scope.kind === 'none') throw forbidden()
  const rules = ctx.actor.orgId ? await rulesForOrg(db, ctx.actor.orgId) : defaultRules
  const tasks = await db
    .selectFrom('inspection as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.enterprise_id', 'e.name as enterprise_name', 'i.planned_date', 'i.joint_id', 'i.joint_joined_at'])
    .where('i.status', '=', 'scheduled')
    .orderBy('i.enterprise_id')
    .orderBy('i.planned_date')
    .execute()
  const byEnterprise = new Map<string, typeof tasks>()
  for (const t of tasks) byEnterprise.set(t.enterprise_id, [...(byEnterprise.get(t.enterprise_id) ?? []), t])
  const proposals = []
  for (const group of byEnterprise.values()) {
    const orgs = new Set(group.map((t) => t.org_id))
    if (orgs.size < 2) continue
    const span = (Date.parse(group.at(-1)!.planned_date) - Date.parse(group[0]!.planned_date)) / 86_400_000
    if (span > rules.jointWindowDays) continue
    if (scope.kind === 'org' && !orgs.has(scope.orgId)) continue
    proposals.push({
      enterpriseId: group[0]!.enterprise_id,
      enterpriseName: group[0]!.enterprise_name,
      jointId: group.find((t) => t.joint_id)?.joint_id ?? null,
      tasks: group.map((t) => ({ taskId: t.id, orgId: t.org_id, orgName: t.org_name, plannedDate: t.planned_date, joined: t.joint_id !== null })),
    })
  }
  return proposals
}

/** A unit opens a joint inspection with its task, or joins an open one; the join is recorded. */
export async function joinJoint(db: Kysely<DB>, ctx: Ctx, input: { taskId: string; jointId?: string | null; plannedDate: IsoDate }) {
  if (!isInspector(ctx.actor)) throw forbidden()
  const task = await loadInspection(db, ctx, input.taskId)
  if (task.org_id !== ctx.actor.orgId || task.status !== 'scheduled') throw invalidState('只能以本单位待检查的任务参加联合检查')
  if (task.joint_id) throw invalidState('该任务已在联合检查中')
  return inTransaction(db, async (trx) => {
    let jointId = input.jointId ?? null
    let plannedDate = input.plannedDate
    if (jointId) {
      const joint = await trx.selectFrom('joint_inspection').selectAll().where('id', '=', jointId).executeTakeFirst()
      if (!joint || joint.enterprise_id !== task.enterprise_id) throw notFound('联合检查', { id: jointId })
      plannedDate = joint.planned_date
    } else {
      const created = await trx
        .insertInto('joint_inspection')
        .values({ enterprise_id: task.enterprise_id, planned_date: plannedDate, lead_org_id: task.org_id, created_by: ctx.actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow()
      jointId = created.id
    }
    await repo.updateInspection(trx, task.id, { joint_id: jointId, planned_date: plannedDate, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: input.jointId ? 'joint_inspection.join' : 'joint_inspection.create',
      entityType: 'joint_inspection',
      entityId: jointId,
      orgId: task.org_id,
      summary: `${input.jointId ? '加入' : '发起'}对 ${task.enterprise_name} 的联合检查（综合查一次，${plannedDate}）`,
      after: { taskId: task.id, plannedDate },
    })
    return jointId
  })
}

export async function jointMembers(db: Kysely<DB>, jointId: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .select(['i.id', 'o.name as org_name', 'i.status', 'i.joint_joined_at'])
    .where('i.joint_id', '=', jointId)
    .execute()
}

