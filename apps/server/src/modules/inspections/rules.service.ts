import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden } from '../../platform/errors'
import { defaultRules, type InspectionRules, rulesForOrg, rulesFromRow } from './inspection-rules'
import { isSupervisor } from './inspections.policy'
import * as repo from './inspections.repository'

type Ctx = RequestContext & { actor: Actor }

/** The rule sets a caller may see: supervisors their jurisdiction's; unit staff the rules in force for their unit. */
export async function listRules(db: Kysely<DB>, ctx: Ctx) {
  const sets = isSupervisor(ctx.actor) ? (await repo.listRuleSets(db, ctx.actor.role === 'admin' ? null : (ctx.actor.regionPath ?? ''))).map((r) => ({ ...rulesFromRow(r), regionName: r.region_name })) : []
  const effective = ctx.actor.orgId ? await rulesForOrg(db, ctx.actor.orgId) : defaultRules
  return { sets, effective, defaults: defaultRules }
}

/** Supervisors set the limits for a region of their jurisdiction; the change is audited. */
export async function setRules(db: Kysely<DB>, ctx: Ctx, regionCode: string, input: Omit<InspectionRules, 'regionCode'>) {
  if (!isSupervisor(ctx.actor)) throw forbidden('检查规则由司法局监督人员配置')
  const region = await db.selectFrom('region').select(['code', 'name', 'path']).where('code', '=', regionCode).executeTakeFirst()
  if (!region) throw new AppError('VALIDATION_FAILED', '区域不存在', { field: 'regionCode' })
  if (ctx.actor.role !== 'admin' && !region.path.startsWith(ctx.actor.regionPath ?? '\u0000')) throw forbidden('只能配置本辖区的检查规则')
  if (input.capAllUnits < input.capPerUnit) throw new AppError('VALIDATION_FAILED', '跨单位频次上限不能小于单个单位的上限', { field: 'capAllUnits' })
  const before = (await repo.listRuleSets(db, region.path)).find((r) => r.region_code === regionCode)
  await inTransaction(db, async (trx) => {
    await repo.upsertRuleSet(trx, {
      region_code: regionCode,
      min_officers: input.minOfficers,
      require_area_match: input.requireAreaMatch,
      cap_period: input.capPeriod,
      cap_per_unit: input.capPerUnit,
      cap_all_units: input.capAllUnits,
      joint_window_days: input.jointWindowDays,
      late_sync_hours: input.lateSyncHours,
      backfill_max_days: input.backfillMaxDays,
      rating_min_count: input.ratingMinCount,
      updated_by: ctx.actor.userId || null,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'inspection_rules.update',
      entityType: 'inspection_rule_set',
      entityId: regionCode,
      summary: `修改${region.name}涉企行政检查规则`,
      before: before ? rulesFromRow(before) : defaultRules,
      after: input,
    })
  })
}
