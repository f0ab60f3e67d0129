import { createHash } from 'node:crypto'
import { labels, type InspectionPlanKind, type IsoDate } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgInScope, orgScopeOf, regionInScope, scopeCovers } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB, SamplingRule } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { enterprisesOutOfReach } from '../enterprises/enterprise-reach'
import { countyPathOf } from '../enterprises/enterprises.policy'
import { checkCatalogue } from './inspection-rules'
import { isInspector, isUnitHeadOf } from './inspections.policy'
import * as repo from './inspections.repository'

type Ctx = RequestContext & { actor: Actor }

export type PlanInput = {
  year: number
  kind: InspectionPlanKind
  title: string
  description?: string | null
  months: number[]
  powerItemIds: string[]
  targetMode: 'list' | 'sampling'
  enterpriseIds?: string[]
  samplingRule?: SamplingRule | null
}

export function selectPlans(db: Kysely<DB>) {
  return db
    .selectFrom('inspection_plan as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .selectAll('p')
    .select((eb) => [
      'o.name as org_name',
      'r.path as org_region_path',
      eb.selectFrom('inspection_plan_target as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.plan_id', '=', 'p.id').as('target_count'),
      eb.selectFrom('inspection as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.plan_id', '=', 'p.id').where('i.status', '=', 'completed').as('done_count'),
    ])
}

export async function listPlans(db: Kysely<DB>, ctx: Ctx, f: { year?: number; status?: string; orgId?: string }) {
  return selectPlans(db)
    .where(orgInScope('p.org_id', orgScopeOf(ctx.actor)))
    .$if(Boolean(f.year), (q) => q.where('p.year', '=', f.year!))
    .$if(Boolean(f.status), (q) => q.where('p.status', '=', f.status as 'draft'))
    .$if(Boolean(f.orgId), (q) => q.where('p.org_id', '=', f.orgId!))
    .orderBy('p.year', 'desc')
    .orderBy('o.name')
    .orderBy('p.created_at')
    .execute()
}

export async function loadPlan(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await selectPlans(db).where('p.id', '=', id).executeTakeFirst()
  if (!row || !scopeCovers(orgScopeOf(ctx.actor), row.org_id, row.org_region_path)) throw notFound('检查计划', { id })
  return row
}

export async function planDetails(db: Kysely<DB>, planId: string) {
  const [items, targets] = await Promise.all([
    db
      .selectFrom('inspection_plan_item as pi')
      .innerJoin('power_item as p', 'p.id', 'pi.power_item_id')
      .select(['p.id', 'p.code', 'p.name', 'p.domain', 'p.kind'])
      .where('pi.plan_id', '=', planId)
      .orderBy('p.code')
      .execute(),
    db
      .selectFrom('inspection_plan_target as t')
      .innerJoin('enterprise as e', 'e.id', 't.enterprise_id')
      .select(['e.id', 'e.name', 'e.credit_code'])
      .where('t.plan_id', '=', planId)
      .orderBy('e.name')
      .execute(),
  ])
  return { items, targets }
}

/** A unit drafts its annual or special plan: items only from what it holds (清单之外无权力). */
export async function createPlan(db: Kysely<DB>, ctx: Ctx, input: PlanInput): Promise<string> {
  if (!isInspector(ctx.actor)) throw forbidden('检查计划由执法单位编制')
  const orgId = ctx.actor.orgId!
  const outside = await checkCatalogue(db, orgId, input.powerItemIds)
  if (outside) throw new AppError('RULE_VIOLATION', outside.message, { violations: [outside] })
  if (input.targetMode === 'list' && (input.enterpriseIds ?? []).length === 0) throw new AppError('VALIDATION_FAILED', '请选择检查对象，或改用抽取规则', { field: 'enterpriseIds' })
  if (input.targetMode === 'sampling' && !input.samplingRule) throw new AppError('VALIDATION_FAILED', '请填写抽取规则', { field: 'samplingRule' })
  if (input.targetMode === 'list') {
    // A unit inspects the enterprises of its own county; another county's are absent to it.
    const outsideCounty = await enterprisesOutOfReach(db, ctx.actor, input.enterpriseIds ?? [])
    if (outsideCounty.length > 0) throw notFound('市场主体', { field: 'enterpriseIds', outside: outsideCounty })
  }
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('inspection_plan')
      .values({
        org_id: orgId,
        year: input.year,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        months: [...new Set(input.months)].sort((a, b) => a - b),
        target_mode: input.targetMode,
        sampling_rule: input.targetMode === 'sampling' ? JSON.stringify(input.samplingRule) : null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('inspection_plan_item').values([...new Set(input.powerItemIds)].map((p) => ({ plan_id: id, power_item_id: p }))).execute()
    if (input.targetMode === 'list') {
      await trx.insertInto('inspection_plan_target').values([...new Set(input.enterpriseIds)].map((e) => ({ plan_id: id, enterprise_id: e }))).execute()
    }
    await recordAudit(trx, ctx, { action: 'inspection_plan.create', entityType: 'inspection_plan', entityId: id, orgId, summary: `编制${labels.inspectionPlanKind[input.kind]}《${input.title}》`, after: input })
    return id
  })
}

type PlanMove = 'submit' | 'approve' | 'reject' | 'publish'

/** 草稿 → 待审批 → (单位负责人) 已批准 → 已公布; a rejection returns it to draft with a note. */
export async function movePlan(db: Kysely<DB>, ctx: Ctx, id: string, move: PlanMove, note: string | null) {
  const plan = await loadPlan(db, ctx, id)
  const from = { submit: 'draft', approve: 'submitted', reject: 'submitted', publish: 'approved' }[move]
  const to = ({ submit: 'submitted', approve: 'approved', reject: 'draft', publish: 'published' } as const)[move]
  if (move === 'submit' ? !(isInspector(ctx.actor) && ctx.actor.orgId === plan.org_id) : !isUnitHeadOf(ctx.actor, plan.org_id)) {
    throw forbidden(move === 'submit' ? '只能提交本单位的计划' : '检查计划须由本单位负责人审批和公布')
  }
  if (plan.status !== from) throw invalidState(`计划当前为“${labels.inspectionPlanStatus[plan.status]}”，不能执行此操作`)
  if (move === 'reject' && !note) throw new AppError('VALIDATION_FAILED', '退回须说明原因', { field: 'note' })
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('inspection_plan')
      .set({
        status: to,
        status_note: note,
        updated_at: ctx.now,
        ...(move === 'approve' ? { approved_by: ctx.actor.userId, approved_at: ctx.now } : {}),
        ...(move === 'publish' ? { published_at: ctx.now } : {}),
      })
      .where('id', '=', id)
      .execute()
    let drawn = 0
    if (move === 'publish' && plan.target_mode === 'sampling' && plan.sampling_rule) {
      drawn = await drawTargets(trx, id, plan.sampling_rule, countyPathOf(plan.org_region_path))
    }
    await recordAudit(trx, ctx, {
      action: `inspection_plan.${move}`,
      entityType: 'inspection_plan',
      entityId: id,
      orgId: plan.org_id,
      summary: `${{ submit: '提交', approve: '批准', reject: '退回', publish: '公布' }[move]}检查计划《${plan.title}》${note ? `：${note}` : ''}${drawn ? `，按规则抽取检查对象 ${drawn} 户` : ''}`,
      before: { status: plan.status },
      after: { status: to, note },
    })
  })
}

/**
 * Draws a sampling plan's targets when it is published: the enterprises of the planning unit's
 * county (`countyPath`, as `enterpriseArea` gives its staff) matching the rule, ordered by
 * SHA-256(plan id ‖ enterprise id) — random, but anyone can recompute the draw.
 */
async function drawTargets(trx: Parameters<Parameters<typeof inTransaction>[1]>[0], planId: string, rule: SamplingRule, countyPath: string): Promise<number> {
  const pool = await trx
    .selectFrom('enterprise')
    .select('id')
    .where(regionInScope('enterprise.region_code', { kind: 'region', path: countyPath }, null))
    .$if(Boolean(rule.industry), (q) => q.where('industry', '=', rule.industry!))
    .$if(Boolean(rule.townshipCode), (q) => q.where('township_code', '=', rule.townshipCode!))
    .execute()
  const key = (id: string) => createHash('sha256').update(`${planId}${id}`).digest('hex')
  const chosen = pool
    .map((e) => ({ id: e.id, k: key(e.id) }))
    .sort((a, b) => a.k.localeCompare(b.k))
    .slice(0, rule.count)
  if (chosen.length > 0) await trx.insertInto('inspection_plan_target').values(chosen.map((c) => ({ plan_id: planId, enterprise_id: c.id }))).onConflict((oc) => oc.doNothing()).execute()
  return chosen.length
}

/**
 * Schedules tasks under a published plan: one per target enterprise, in one of the plan's
 * months, with the officers assigned. This is the 审批 → 通知 step; the visit itself starts by
 * scanning.
 */
export async function scheduleTasks(db: Kysely<DB>, ctx: Ctx, planId: string, input: { enterpriseIds: string[]; plannedDate: IsoDate; officerIds: string[] }) {
  const plan = await loadPlan(db, ctx, planId)
  if (!(isInspector(ctx.actor) && ctx.actor.orgId === plan.org_id)) throw forbidden('只能为本单位的计划安排检查任务')
  if (plan.status !== 'published') throw invalidState('计划公布后才能安排检查任务')
  const month = Number(input.plannedDate.slice(5, 7))
  if (Number(input.plannedDate.slice(0, 4)) !== plan.year || !plan.months.includes(month)) {
    throw new AppError('RULE_VIOLATION', `计划检查时间为 ${plan.year}年${plan.months.join('、')}月`, { violations: [{ rule: 'plan_month', message: '不在计划月份内', overridable: false }] })
  }
  const { items, targets } = await planDetails(db, planId)
  const targetIds = new Set(targets.map((t) => t.id))
  const outside = input.enterpriseIds.filter((e) => !targetIds.has(e))
  if (outside.length > 0) throw new AppError('VALIDATION_FAILED', '所选企业不在该计划的检查对象之内', { field: 'enterpriseIds', outside })
  const persons = await repo.findPersons(db, input.officerIds)
  if (persons.length !== new Set(input.officerIds).size || persons.some((p) => p.org_id !== plan.org_id || p.status !== 'active')) {
    throw new AppError('VALIDATION_FAILED', '指派的执法人员须为本单位在岗人员', { field: 'officerIds' })
  }
  return inTransaction(db, async (trx) => {
    const ids: string[] = []
    for (const enterpriseId of [...new Set(input.enterpriseIds)]) {
      const id = await repo.insertInspection(trx, {
        org_id: plan.org_id,
        enterprise_id: enterpriseId,
        kind: plan.kind === 'annual' ? 'planned_annual' : 'planned_special',
        plan_id: planId,
        status: 'scheduled',
        planned_date: input.plannedDate,
        officer_ids: input.officerIds,
        approved_by: plan.approved_by,
        approved_at: plan.approved_at,
        created_by: ctx.actor.userId,
      })
      await repo.insertInspectionItems(trx, id, items.map((i) => i.id))
      ids.push(id)
    }
    await recordAudit(trx, ctx, {
      action: 'inspection.schedule',
      entityType: 'inspection_plan',
      entityId: planId,
      orgId: plan.org_id,
      summary: `按《${plan.title}》安排检查任务 ${ids.length} 项（${input.plannedDate}）`,
      after: { taskIds: ids, plannedDate: input.plannedDate, officerIds: input.officerIds },
    })
    return ids
  })
}
