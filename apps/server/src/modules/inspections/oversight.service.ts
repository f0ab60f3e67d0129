import { type IsoDate, todayInShanghai } from '@yangguang/core'
import { type Kysely, sql } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type OrgScope, orgInScope, orgScopeOf } from '../../platform/auth/scope'
import type { DB } from '../../platform/db/schema'
import { forbidden } from '../../platform/errors'
import { capWindowOf, defaultRules, type InspectionRules, rulesFromRow } from './inspection-rules'
import { isSupervisor } from './inspections.policy'
import * as repo from './inspections.repository'

type Ctx = RequestContext & { actor: Actor }

/**
 * The justice bureau's view of inspections in its jurisdiction for a year: counts per month,
 * unit and enterprise, and the warnings 54号 asks for — over the frequency cap, 多头检查 (several
 * units within the joint window), late syncs and typed-in codes instead of scans, planned visits
 * never scanned, low ratings and every override.
 */
export async function oversight(db: Kysely<DB>, ctx: Ctx, year: number) {
  if (!isSupervisor(ctx.actor)) throw forbidden('监督视图仅司法局监督人员可见')
  const scope = orgScopeOf(ctx.actor)
  const inScope = orgInScope('i.org_id', scope)
  const rules = ctx.actor.regionPath ? rulesFromRow((await repo.ruleSetsOnPath(db, ctx.actor.regionPath))[0]) : defaultRules
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const done = (q: ReturnType<typeof base>) => q.where('i.status', 'in', ['in_progress', 'completed']).where('i.inspection_date', '>=', from).where('i.inspection_date', '<=', to)
  const base = () => db.selectFrom('inspection as i').where(inScope)
  const today = todayInShanghai(ctx.now)

  const [byMonth, byUnit, byEnterprise, caps, multiUnit, lateSyncs, typedScans, missed, lowRatings, results] = await Promise.all([
    done(base())
      .select([sql<number>`extract(month from i.inspection_date)::int`.as('month'), sql<number>`count(*)::int`.as('count')])
      .groupBy(sql`extract(month from i.inspection_date)`)
      .orderBy('month')
      .execute(),
    done(base())
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .select(['o.id as orgId', 'o.name as orgName', sql<number>`count(*)::int`.as('count'), sql<number>`count(*) filter (where i.late_sync)::int`.as('late'), sql<number>`count(*) filter (where i.scan_method = 'typed')::int`.as('typed')])
      .groupBy(['o.id', 'o.name'])
      .orderBy('count', 'desc')
      .execute(),
    done(base())
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .select(['e.id as enterpriseId', 'e.name as enterpriseName', sql<number>`count(*)::int`.as('count'), sql<number>`count(distinct i.org_id)::int`.as('units')])
      .groupBy(['e.id', 'e.name'])
      .orderBy('count', 'desc')
      .limit(20)
      .execute(),
    overCap(db, scope, `${year}-12-31` < today ? `${year}-12-31` : today),
    sql<{ enterpriseId: string; enterpriseName: string; firstOrg: string; secondOrg: string; firstDate: string; secondDate: string; days: number }>`
      select distinct on (e.id, a.id) e.id as "enterpriseId", e.name as "enterpriseName", oa.name as "firstOrg", ob.name as "secondOrg",
             a.inspection_date::text as "firstDate", b.inspection_date::text as "secondDate", (b.inspection_date - a.inspection_date) as days
      from inspection a
      join inspection b on b.enterprise_id = a.enterprise_id and b.org_id <> a.org_id
        and b.inspection_date >= a.inspection_date and b.inspection_date - a.inspection_date <= ${rules.jointWindowDays}
        and (a.joint_id is null or b.joint_id is distinct from a.joint_id) and b.id <> a.id
      join enterprise e on e.id = a.enterprise_id
      join org oa on oa.id = a.org_id
      join org ob on ob.id = b.org_id
      where a.status in ('in_progress', 'completed') and b.status in ('in_progress', 'completed')
        and a.inspection_date between ${from}::date and ${to}::date
        and ${orgInScope('a.org_id', scope)} and ${orgInScope('b.org_id', scope)}
      order by e.id, a.id, b.inspection_date
      limit 200`.execute(db),
    done(base())
      .where('i.late_sync', '=', true)
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .select(['i.id', 'e.name as enterpriseName', 'o.name as orgName', 'i.inspection_date', 'i.scanned_at', 'i.completed_at', 'i.synced_at', 'i.offline_reason'])
      .orderBy('i.inspection_date', 'desc')
      .limit(200)
      .execute(),
    done(base())
      .where('i.scan_method', '=', 'typed')
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .select(['i.id', 'e.name as enterpriseName', 'o.name as orgName', 'i.inspection_date', 'i.scanned_at'])
      .orderBy('i.inspection_date', 'desc')
      .limit(200)
      .execute(),
    base()
      .where('i.status', '=', 'scheduled')
      .where('i.planned_date', '<', today)
      .where('i.planned_date', '>=', from)
      .where('i.planned_date', '<=', to)
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .select(['i.id', 'e.name as enterpriseName', 'o.name as orgName', 'i.planned_date'])
      .orderBy('i.planned_date')
      .limit(200)
      .execute(),
    done(base())
      .innerJoin('inspection_rating as rt', 'rt.inspection_id', 'i.id')
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .where('rt.score', '<=', 2)
      .select(['i.id', 'e.name as enterpriseName', 'o.name as orgName', 'i.inspection_date', 'rt.score', 'rt.comment'])
      .orderBy('i.inspection_date', 'desc')
      .limit(200)
      .execute(),
    done(base())
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where i.result = 'no_issue')::int`.as('noIssue'),
        sql<number>`count(*) filter (where i.result = 'correct')::int`.as('correct'),
        sql<number>`count(*) filter (where i.result = 'transfer')::int`.as('transfer'),
        sql<number>`count(*) filter (where i.joint_id is not null)::int`.as('joint'),
        sql<number>`count(*) filter (where i.override_id is not null)::int`.as('overridden'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const overrides = await repo.selectOverrides(db).where(orgInScope('v.org_id', scope)).where(sql<boolean>`extract(year from v.valid_on) = ${year}`).orderBy('v.requested_at', 'desc').limit(200).execute()
  return {
    year,
    rules: { capPeriod: rules.capPeriod, capPerUnit: rules.capPerUnit, capAllUnits: rules.capAllUnits, jointWindowDays: rules.jointWindowDays },
    capAsOf: caps.asOf,
    totals: results,
    byMonth: Array.from({ length: 12 }, (_, m) => ({ month: m + 1, count: byMonth.find((r) => r.month === m + 1)?.count ?? 0 })),
    byUnit,
    byEnterprise,
    overUnitCap: caps.overUnitCap,
    overAllCap: caps.overAllCap,
    multiUnit: multiUnit.rows.map((r) => ({ ...r, days: Number(r.days) })),
    lateSyncs: lateSyncs.map((r) => ({ id: r.id, enterpriseName: r.enterpriseName, orgName: r.orgName, inspectionDate: r.inspection_date!, scannedAt: r.scanned_at?.toISOString() ?? null, completedAt: r.completed_at?.toISOString() ?? null, syncedAt: r.synced_at?.toISOString() ?? null, offlineReason: r.offline_reason })),
    typedScans: typedScans.map((r) => ({ id: r.id, enterpriseName: r.enterpriseName, orgName: r.orgName, inspectionDate: r.inspection_date!, scannedAt: r.scanned_at?.toISOString() ?? null })),
    missedTasks: missed.map((r) => ({ id: r.id, enterpriseName: r.enterpriseName, orgName: r.orgName, plannedDate: r.planned_date })),
    lowRatings: lowRatings.map((r) => ({ id: r.id, enterpriseName: r.enterpriseName, orgName: r.orgName, inspectionDate: r.inspection_date!, score: r.score, comment: r.comment })),
    overrides: overrides.map((o) => ({
      id: o.id,
      orgName: o.org_name,
      enterpriseName: o.enterprise_name,
      rules: o.rules,
      reason: o.reason,
      status: o.status,
      validOn: o.valid_on,
      requestedBy: o.requested_by_name,
      decidedBy: o.decided_by_name,
      decisionNote: o.decision_note,
    })),
  }
}

/**
 * 超频次: the enterprises over a frequency cap on `asOf` (the year's last day, or today in the current
 * year), each judged as the start rule judges it — with the rules in force for the unit that
 * inspected (its region's rule set or the nearest ancestor's), counting in that rule set's window
 * ending on `asOf`, through the same count (`inspectionsInWindow`).
 */
async function overCap(db: Kysely<DB>, scope: OrgScope, asOf: IsoDate) {
  const [units, sets] = await Promise.all([repo.orgsInScope(db, scope), repo.listRuleSets(db, null)])
  const groups = new Map<string, { rules: InspectionRules; orgIds: string[] }>()
  for (const unit of units) {
    const set = sets.filter((x) => unit.region_path.startsWith(x.path)).sort((x, y) => y.path.length - x.path.length)[0]
    const rules = rulesFromRow(set)
    const key = `${rules.capPeriod}:${rules.capPerUnit}:${rules.capAllUnits}`
    const group = groups.get(key) ?? { rules, orgIds: [] }
    group.orgIds.push(unit.id)
    groups.set(key, group)
  }
  type Over = { enterpriseId: string; enterpriseName: string; count: number; cap: number; from: IsoDate; to: IsoDate }
  const overUnitCap: Array<Over & { orgName: string }> = []
  const overAllCap = new Map<string, Over>()
  for (const { rules, orgIds } of groups.values()) {
    const window = capWindowOf(asOf, rules.capPeriod)
    const rows = await repo.inspectionsInWindow(db, { from: window.from, to: window.to, orgIds })
    for (const r of rows) {
      if (r.unit > rules.capPerUnit) overUnitCap.push({ enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, orgName: r.orgName, count: r.unit, cap: rules.capPerUnit, from: window.from, to: window.to })
      const known = overAllCap.get(r.enterpriseId)
      if (r.all > rules.capAllUnits && (!known || rules.capAllUnits < known.cap)) overAllCap.set(r.enterpriseId, { enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, count: r.all, cap: rules.capAllUnits, from: window.from, to: window.to })
    }
  }
  const byCount = (x: Over, y: Over) => y.count - x.count || x.enterpriseName.localeCompare(y.enterpriseName, 'zh-CN')
  return { asOf, overUnitCap: overUnitCap.sort(byCount), overAllCap: [...overAllCap.values()].sort(byCount) }
}
