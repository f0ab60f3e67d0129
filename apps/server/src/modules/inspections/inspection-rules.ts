import { addCalendarDays, addCalendarMonths, labels, type InspectionRule, type IsoDate } from '@yangguang/core'
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

/**
 * The frequency-cap window that ends on `date`: [date − period, date], the configured period counted
 * back from the day of the inspection (a rolling month, quarter or year, both ends included — a year
 * back from 2026-03-10 starts on 2025-03-11). The start rule and the oversight view both count in it.
 *
 * @example
 * capWindowOf('2026-03-10', 'quarter') // { from: '2025-12-11', to: '2026-03-10', label: '近三个月' }
 */
export function capWindowOf(date: IsoDate, period: InspectionRules['capPeriod']): { from: IsoDate; to: IsoDate; label: string } {
  const months = { month: 1, quarter: 3, year: 12 }[period]
  return { from: addCalendarDays(addCalendarMonths(date, -months), 1), to: date, label: capWindowLabels[period] }
}

const capWindowLabels: Record<InspectionRules['capPeriod'], string> = { month: '近一个月', quarter: '近三个月', year: '近一年' }

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

/**
 * 清单之外无权力: every item must be in force and held by the unit — and be a 行政检查 item: a plan
 * or an inspection is grounded in an inspection power (its basis is what the 检查通知书 cites), not
 * in the penalty it may lead to.
 */
export async function checkCatalogue(db: Executor, orgId: string, powerItemIds: string[]): Promise<RuleViolation | null> {
  if (powerItemIds.length === 0) return { rule: 'catalogue', message: '检查事项不能为空', overridable: false }
  const items = await repo.findPowerItems(db, powerItemIds)
  const notInspection = items.filter((i) => i.kind !== 'inspection')
  if (notInspection.length > 0) {
    return {
      rule: 'inspection_item',
      message: `检查事项须为行政检查事项（依据检查职权），不能以${notInspection.map((i) => `${labels.powerKind[i.kind]}事项“${i.name}”`).join('、')}作为检查事项`,
      overridable: false,
    }
  }
  const outside: string[] = []
  for (const id of powerItemIds) {
    const item = items.find((i) => i.id === id)
    if (!item || item.status !== 'active' || !(await unitHoldsPowerItem(db, orgId, id))) outside.push(item?.name ?? id)
  }
  if (outside.length === 0) return null
  return { rule: 'catalogue', message: `清单之外无权力：本单位不享有或已废止的事项——${outside.join('、')}`, overridable: false }
}

/** The frequency caps: per unit and across units, in the window that ends on the day of the inspection. */
export async function checkCaps(
  db: Executor,
  rules: InspectionRules,
  task: Pick<Row<'inspection'>, 'org_id' | 'enterprise_id' | 'joint_id'>,
  date: IsoDate,
): Promise<RuleViolation[]> {
  const window = capWindowOf(date, rules.capPeriod)
  const counts = countsFor(await repo.inspectionsInWindow(db, { from: window.from, to: window.to, enterpriseId: task.enterprise_id, excludeJointId: task.joint_id }), task.org_id)
  const violations: RuleViolation[] = []
  if (counts.unit >= rules.capPerUnit) {
    violations.push({
      rule: 'cap_unit',
      message: `超过检查频次上限：本单位${window.label}（${window.from} 至 ${window.to}）已检查该企业 ${counts.unit} 次（上限 ${rules.capPerUnit} 次）`,
      overridable: true,
    })
  }
  if (counts.all >= rules.capAllUnits) {
    violations.push({
      rule: 'cap_all',
      message: `超过检查频次上限：各单位${window.label}（${window.from} 至 ${window.to}）已检查该企业 ${counts.all} 次（上限 ${rules.capAllUnits} 次，联合检查计一次）`,
      overridable: true,
    })
  }
  return violations
}

/** One enterprise's counts out of `inspectionsInWindow` rows: by the unit, and across units. */
export function countsFor(rows: repo.WindowCount[], orgId: string): { unit: number; all: number } {
  return { unit: rows.find((r) => r.orgId === orgId)?.unit ?? 0, all: rows[0]?.all ?? 0 }
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
