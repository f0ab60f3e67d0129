import { addCalendarDays, isoDateFromParts, labels, type InspectionRule, type IsoDate } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import type { Row, RuleViolation } from '../../platform/db/schema'
import { unitHoldsPowerItem } from '../catalogue/catalogue.repository'
import { validCertificatesOn, type ValidCertificate } from '../registry/certificate-validity'
import * as repo from './inspections.repository'

/** The configurable limits, as supervisors set them per jurisdiction (table `inspection_rule_set`). */
export type InspectionRules = {
  regionCode: string | null
  minOfficers: number
  requireAreaMatch: boolean
  capPeriod: 'month' | 'quarter' | 'year'
  capPerUnit: number
  capAllUnits: number
  jointWindowDays: number
  lateSyncHours: number
  backfillMaxDays: number
  ratingMinCount: number
}

/**
 * Defaults until a supervisor configures a jurisdiction: two certified officers (行政处罚法
 * art. 42), two inspections a year per unit and four across units, a 30-day window for 综合查一次
 * and 多头检查 warnings, 10 days to back-fill an offline inspection (the 深圳 rule), and aggregates
 * of ratings only over five or more.
 */
export const defaultRules: InspectionRules = {
  regionCode: null,
  minOfficers: 2,
  requireAreaMatch: true,
  capPeriod: 'year',
  capPerUnit: 2,
  capAllUnits: 4,
  jointWindowDays: 30,
  lateSyncHours: 24,
  backfillMaxDays: 10,
  ratingMinCount: 5,
}

/** Rules that the unit head may set aside with a reason; the others are the law itself. */
export const overridableRules: ReadonlySet<InspectionRule> = new Set(['cap_unit', 'cap_all', 'plan_month'])

export function rulesFromRow(row: Row<'inspection_rule_set'> | undefined): InspectionRules {
  if (!row) return defaultRules
  return {
    regionCode: row.region_code,
    minOfficers: row.min_officers,
    requireAreaMatch: row.require_area_match,
    capPeriod: row.cap_period,
    capPerUnit: row.cap_per_unit,
    capAllUnits: row.cap_all_units,
    jointWindowDays: row.joint_window_days,
    lateSyncHours: row.late_sync_hours,
    backfillMaxDays: row.backfill_max_days,
    ratingMinCount: row.rating_min_count,
  }
}

/** The rules in force for a unit: the row of its own region or the nearest ancestor's. */
export async function rulesForOrg(db: Executor, orgId: string): Promise<InspectionRules> {
  const org = await repo.findOrg(db, orgId)
  if (!org) return defaultRules
  const rows = await repo.ruleSetsOnPath(db, org.region_path)
  return rulesFromRow(rows[0])
}

/** The first and last day of the cap period that contains `date`. */
export function capPeriodOf(date: IsoDate, period: InspectionRules['capPeriod']): { from: IsoDate; to: IsoDate; label: string } {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  if (period === 'year') return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` }
  const firstMonth = period === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1
  const span = period === 'month' ? 1 : 3
  const from = isoDateFromParts(year, firstMonth, 1)
  const nextMonth = firstMonth + span
  const to = addCalendarDays(nextMonth > 12 ? isoDateFromParts(year + 1, 1, 1) : isoDateFromParts(year, nextMonth, 1), -1)
  return { from, to, label: period === 'month' ? `${year}年${month}月` : `${year}年第${Math.floor((month - 1) / 3) + 1}季度` }
}

/** Whether a certificate's areas (执法领域) cover a power item's domain. */
export function areaCovers(areas: readonly string[], domain: string): boolean {
  const d = areaAliases[domain] ?? domain
  return areas.some((raw) => {
    const a = areaAliases[raw] ?? raw
    return a === d || a.includes(d) || d.includes(a) || a === '综合行政执法' || a === '乡镇综合执法'
  })
}

/** Short names of 领域 used in catalogues, and the names written on certificates. */
const areaAliases: Record<string, string> = { 林草: '林业和草原', 自然资源: '自然资源和规划', 住建: '住房城乡建设' }

export type OfficerCheck = { personId: string; name: string; certificate: ValidCertificate | null; coversItems: boolean }

/**
 * 两人以上持证执法: each officer's certificate valid on the date and covering the items' domains.
 * Returns the officers as checked and the violation, if any.
 */
export async function checkOfficers(
  db: Executor,
  rules: InspectionRules,
  orgId: string,
  officerIds: string[],
  domains: string[],
  date: IsoDate,
): Promise<{ officers: OfficerCheck[]; violation: RuleViolation | null }> {
  const ids = [...new Set(officerIds)]
  const persons = await repo.findPersons(db, ids)
  const valid = await validCertificatesOn(db, ids, date)
  const officers: OfficerCheck[] = ids.map((id) => {
    const p = persons.find((x) => x.id === id)
    const certificates = valid.get(id) ?? []
    const covering = certificates.find((c) => domains.every((d) => areaCovers(c.areas, d)))
    const ok = Boolean(p && p.status === 'active' && p.org_id === orgId)
    return {
      personId: id,
      name: p?.name ?? '未知人员',
      certificate: ok ? (covering ?? certificates[0] ?? null) : null,
      coversItems: ok && (rules.requireAreaMatch ? Boolean(covering) : certificates.length > 0),
    }
  })
  const qualified = officers.filter((o) => o.coversItems)
  if (qualified.length >= rules.minOfficers) return { officers, violation: null }
  const problems = officers
    .filter((o) => !o.coversItems)
    .map((o) => (o.certificate ? `${o.name}的执法证领域（${o.certificate.areas.join('、')}）不含${domains.join('、')}` : `${o.name}在 ${date} 无有效执法证或不属本单位`))
  return {
    officers,
    violation: {
      rule: 'officers',
      message: `执法人员不得少于${rules.minOfficers}人且须持当日有效、领域相符的执法证${problems.length ? `：${problems.join('；')}` : ''}`,
      overridable: false,
    },
  }
}

/** 清单之外无权力: every item must be in force and held by the unit. */
export async function checkCatalogue(db: Executor, orgId: string, powerItemIds: string[]): Promise<RuleViolation | null> {
  if (powerItemIds.length === 0) return { rule: 'catalogue', message: '检查事项不能为空', overridable: false }
  const items = await repo.findPowerItems(db, powerItemIds)
  const outside: string[] = []
  for (const id of powerItemIds) {
    const item = items.find((i) => i.id === id)
    if (!item || item.status !== 'active' || !(await unitHoldsPowerItem(db, orgId, id))) outside.push(item?.name ?? id)
  }
  if (outside.length === 0) return null
  return { rule: 'catalogue', message: `清单之外无权力：本单位不享有或已废止的事项——${outside.join('、')}`, overridable: false }
}

/** The frequency caps: per unit and across units, in the period containing the date. */
export async function checkCaps(
  db: Executor,
  rules: InspectionRules,
  task: Pick<Row<'inspection'>, 'org_id' | 'enterprise_id' | 'joint_id'>,
  date: IsoDate,
): Promise<RuleViolation[]> {
  const period = capPeriodOf(date, rules.capPeriod)
  const counts = await repo.countInspections(db, task.enterprise_id, period.from, period.to, task.org_id, task.joint_id)
  const violations: RuleViolation[] = []
  if (counts.unit >= rules.capPerUnit) {
    violations.push({
      rule: 'cap_unit',
      message: `超过检查频次上限：本单位${period.label}已检查该企业 ${counts.unit} 次（上限 ${rules.capPerUnit} 次）`,
      overridable: true,
    })
  }
  if (counts.all >= rules.capAllUnits) {
    violations.push({
      rule: 'cap_all',
      message: `超过检查频次上限：各单位${period.label}已检查该企业 ${counts.all} 次（上限 ${rules.capAllUnits} 次，联合检查计一次）`,
      overridable: true,
    })
  }
  return violations
}

/** A planned inspection happens in one of its plan's months, under a published plan. */
export async function checkPlanMonth(db: Executor, task: Pick<Row<'inspection'>, 'plan_id' | 'kind'>, date: IsoDate): Promise<RuleViolation | null> {
  if (task.kind === 'ad_hoc' || !task.plan_id) return null
  const plan = await db.selectFrom('inspection_plan').select(['status', 'months', 'year', 'title']).where('id', '=', task.plan_id).executeTakeFirst()
  if (!plan || plan.status !== 'published') return { rule: 'plan_month', message: '检查计划尚未公布，不能据此检查', overridable: false }
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  if (plan.year === year && plan.months.includes(month)) return null
  return {
    rule: 'plan_month',
    message: `《${plan.title}》安排在 ${plan.year}年${plan.months.join('、')}月，${year}年${month}月不在计划之内`,
    overridable: true,
  }
}

export function ruleLabel(rule: string): string {
  return (labels.inspectionRule as Record<string, string>)[rule] ?? rule
}
