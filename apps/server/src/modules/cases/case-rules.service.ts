import { defaultDeadlineExtensionRules, type CaseDeadlineKind, type DeadlineExtensionRules, type PeriodUnit } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { recordAudit, type Executor } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { forbidden, notFound } from '../../platform/errors'
import * as repo from './cases.repository'
import type { PenaltyRulesInput } from './cases.schema'

type Ctx = RequestContext & { actor: Actor }

/**
 * The [R]/[I] rules of the penalty procedure in a jurisdiction (`penalty_rule_set`): the longest
 * matching region wins, and without any row the defaults below apply (the column defaults of
 * migration 0007). The statutory ([V]) periods are fixed in `packages/core/src/case-deadlines.ts`.
 */
export type PenaltyRules = {
  /** The region whose row applies, or null for the defaults. */
  sourceRegionCode: string | null
  sourceRegionName: string | null
  filingDays: number
  filingUnit: PeriodUnit
  statementDays: number
  publicationDays: number
  simpleRecordDays: number
  /** 第六十三条 较大数额罚款 (set by the province; these defaults are [I]). */
  hearingFinePersonFen: number
  hearingFineOrgFen: number
  /** 第五十八条 重大执法决定: a fine at or above this needs 法制审核. */
  legalReviewFineFen: number
  /** Where 法制审核 sits: before the decision (the law) or already before the notice (local rules). */
  legalReviewPoint: 'before_decision' | 'before_notice'
  moveOffRestDays: Partial<Record<CaseDeadlineKind, boolean>>
  remindDaysBefore: number
  /** 期限延长: which periods may be extended, and how (default: the decision period, 市场监管 rules). */
  deadlineExtensions: DeadlineExtensionRules
  updatedAt: Date | null
}

export const defaultPenaltyRules: PenaltyRules = {
  sourceRegionCode: null,
  sourceRegionName: null,
  filingDays: 15,
  filingUnit: 'working_days',
  statementDays: 5,
  publicationDays: 7,
  simpleRecordDays: 5,
  hearingFinePersonFen: 1_000_000,
  hearingFineOrgFen: 10_000_000,
  legalReviewFineFen: 5_000_000,
  legalReviewPoint: 'before_decision',
  moveOffRestDays: {},
  remindDaysBefore: 3,
  deadlineExtensions: defaultDeadlineExtensionRules,
  updatedAt: null,
}

function fromRow(row: repo.RuleSetRow | undefined): PenaltyRules {
  if (!row) return defaultPenaltyRules
  return {
    sourceRegionCode: row.region_code,
    sourceRegionName: row.region_name,
    filingDays: row.filing_days,
    filingUnit: row.filing_unit,
    statementDays: row.statement_days,
    publicationDays: row.publication_days,
    simpleRecordDays: row.simple_record_days,
    hearingFinePersonFen: Number(row.hearing_fine_person_fen),
    hearingFineOrgFen: Number(row.hearing_fine_org_fen),
    legalReviewFineFen: Number(row.legal_review_fine_fen),
    legalReviewPoint: row.legal_review_point,
    moveOffRestDays: row.move_off_rest_days ?? {},
    remindDaysBefore: row.remind_days_before,
    deadlineExtensions: row.deadline_extensions ?? defaultDeadlineExtensionRules,
    updatedAt: row.updated_at,
  }
}

/**
 * The rules in force for a region path ('530000/532300/532331/').
 *
 * @example
 * const rules = await penaltyRulesForPath(trx, '530000/532300/532331/')
 * rules.legalReviewPoint // 'before_decision' unless 禄丰市 or an ancestor set it
 */
export async function penaltyRulesForPath(db: Executor, regionPath: string): Promise<PenaltyRules> {
  const rows = await repo.ruleSetsOnPath(db, regionPath)
  return fromRow(rows[0])
}

/** The rules in force for a unit (its region or the nearest ancestor with a row). */
export async function penaltyRulesForOrg(db: Executor, orgId: string): Promise<PenaltyRules> {
  const org = await repo.findOrg(db, orgId)
  if (!org) return defaultPenaltyRules
  return penaltyRulesForPath(db, org.region_path)
}

/** Supervisors (their jurisdiction) and admins read and set the rules. */
function mayManage(actor: Actor, regionPath: string): boolean {
  if (actor.role === 'admin') return true
  return actor.role === 'supervisor' && actor.regionPath !== null && regionPath.startsWith(actor.regionPath)
}

export type PenaltyRulesView = PenaltyRulesInput & {
  deadlineExtensions: DeadlineExtensionRules
  regionCode: string
  sourceRegionCode: string | null
  sourceRegionName: string | null
  updatedAt: string | null
}

function view(regionCode: string, rules: PenaltyRules): PenaltyRulesView {
  return {
    regionCode,
    sourceRegionCode: rules.sourceRegionCode,
    sourceRegionName: rules.sourceRegionName,
    updatedAt: rules.updatedAt ? rules.updatedAt.toISOString() : null,
    filingDays: rules.filingDays,
    filingUnit: rules.filingUnit,
    statementDays: rules.statementDays,
    publicationDays: rules.publicationDays,
    simpleRecordDays: rules.simpleRecordDays,
    hearingFinePersonFen: rules.hearingFinePersonFen,
    hearingFineOrgFen: rules.hearingFineOrgFen,
    legalReviewFineFen: rules.legalReviewFineFen,
    legalReviewPoint: rules.legalReviewPoint,
    moveOffRestDays: rules.moveOffRestDays,
    remindDaysBefore: rules.remindDaysBefore,
    deadlineExtensions: rules.deadlineExtensions,
  }
}

/** `GET /api/penalty-rules/:regionCode`: the rules in force there and where they come from. */
export async function getPenaltyRules(db: Kysely<DB>, ctx: Ctx, regionCode: string): Promise<PenaltyRulesView> {
  const region = await repo.findRegion(db, regionCode)
  if (!region) throw notFound('区域', { regionCode })
  if (!mayManage(ctx.actor, region.path)) throw forbidden('只有管辖该区域的监督人员或系统管理员可以查看和设置处罚程序规则')
  return view(regionCode, await penaltyRulesForPath(db, region.path))
}

/** `PUT /api/penalty-rules/:regionCode`: sets the region's own row (audited, before and after). */
export async function putPenaltyRules(db: Kysely<DB>, ctx: Ctx, regionCode: string, input: PenaltyRulesInput): Promise<PenaltyRulesView> {
  const region = await repo.findRegion(db, regionCode)
  if (!region) throw notFound('区域', { regionCode })
  if (!mayManage(ctx.actor, region.path)) throw forbidden('只有管辖该区域的监督人员或系统管理员可以设置处罚程序规则')
  await inTransaction(db, async (trx) => {
    const before = await penaltyRulesForPath(trx, region.path)
    await repo.upsertRuleSet(trx, {
      region_code: regionCode,
      filing_days: input.filingDays,
      filing_unit: input.filingUnit,
      statement_days: input.statementDays,
      publication_days: input.publicationDays,
      simple_record_days: input.simpleRecordDays,
      hearing_fine_person_fen: input.hearingFinePersonFen,
      hearing_fine_org_fen: input.hearingFineOrgFen,
      legal_review_fine_fen: input.legalReviewFineFen,
      legal_review_point: input.legalReviewPoint,
      move_off_rest_days: JSON.stringify(input.moveOffRestDays ?? {}),
      remind_days_before: input.remindDaysBefore,
      // Left out of the body: the extension rules in force stay as they are.
      deadline_extensions: JSON.stringify(input.deadlineExtensions ?? before.deadlineExtensions),
      updated_by: ctx.actor.userId || null,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'penalty_rules.update',
      entityType: 'penalty_rule_set',
      entityId: regionCode,
      summary: `设置${region.name}行政处罚程序规则（法制审核节点：${input.legalReviewPoint === 'before_notice' ? '告知前' : '决定前'}）`,
      before: view(regionCode, before),
      after: input,
    })
  })
  return getPenaltyRules(db, ctx, regionCode)
}
