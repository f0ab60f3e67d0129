import { releaseRatings, shanghaiDateOf, todayInShanghai } from '@yangguang/core'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, orgInScope, scopeCovers } from '../../platform/auth/scope'
import { recordAnonymousAudit, startOfShanghaiDay } from '../../platform/audit/anonymous-audit'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { validCertificatesOn } from '../registry/certificate-validity'
import { rulesForOrg } from './inspection-rules'
import { isSupervisor } from './inspections.policy'
import * as repo from './inspections.repository'

type Ctx = RequestContext & { actor: Actor }

/** The enterprise an 'enterprise' account speaks for, or FORBIDDEN. */
export async function enterpriseOf(db: Kysely<DB>, ctx: Ctx) {
  if (ctx.actor.role !== 'enterprise') throw forbidden('仅企业账号可用')
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('enterprise as e', 'e.id', 'u.enterprise_id')
    .select(['e.id', 'e.name', 'e.credit_code', 'e.address', 'e.kind'])
    .where('u.id', '=', ctx.actor.userId)
    .executeTakeFirst()
  if (!row) throw forbidden('该企业账号未绑定市场主体')
  return row
}

/**
 * Every inspection of the enterprise (who, when, which items, result), with each officer's
 * certificate checked as it stood on the inspection day and as it stands today, and the
 * enterprise's own rating.
 */
export async function myInspections(db: Kysely<DB>, ctx: Ctx) {
  const e = await enterpriseOf(db, ctx)
  const rows = await repo
    .selectInspections(db)
    .where('i.enterprise_id', '=', e.id)
    .where('i.status', 'in', ['in_progress', 'completed'])
    .orderBy('i.inspection_date', 'desc')
    .orderBy('i.scanned_at', 'desc')
    .execute()
  const ratings = await db.selectFrom('inspection_rating').select(['inspection_id', 'score', 'comment', 'created_at']).where('enterprise_id', '=', e.id).execute()
  const today = todayInShanghai(ctx.now)
  const personIds = [...new Set(rows.flatMap((r) => (r.officers as Array<{ personId: string }>).map((o) => o.personId)))]
  const validToday = await validCertificatesOn(db, personIds, today)
  const byDate = new Map<string, Awaited<ReturnType<typeof validCertificatesOn>>>()
  for (const date of new Set(rows.map((r) => r.inspection_date!))) byDate.set(date, await validCertificatesOn(db, personIds, date))
  return {
    enterprise: { id: e.id, name: e.name, creditCode: e.credit_code },
    items: rows.map((r) => {
      const rating = ratings.find((x) => x.inspection_id === r.id)
      const onDay = byDate.get(r.inspection_date!)
      return {
        id: r.id,
        orgName: r.org_name,
        kind: r.kind,
        trigger: r.trigger,
        status: r.status,
        inspectionDate: r.inspection_date!,
        scannedAt: r.scanned_at?.toISOString() ?? null,
        scanMethod: r.scan_method,
        result: r.result,
        correctionDeadline: r.correction_deadline,
        findings: r.findings,
        jointId: r.joint_id,
        officers: (r.officers as Array<{ personId: string; name: string; role: string; certNo: string | null }>).map((o) => ({
          name: o.name,
          role: o.role,
          certNo: o.certNo,
          validOnInspectionDay: Boolean(onDay?.get(o.personId)?.some((c) => c.certNo === o.certNo)),
          validToday: Boolean(validToday.get(o.personId)?.some((c) => c.certNo === o.certNo)),
          // 亮证 as recorded on the officers' phone: when this officer showed which certificate.
          shown: ((r.certificates_shown as Array<{ personId: string; certNo: string; shownAt: string }>).filter((c) => c.personId === o.personId).map((c) => ({ certNo: c.certNo, shownAt: new Date(c.shownAt).toISOString() })))[0] ?? null,
        })),
        items: (r.items as Array<{ code: string; name: string; outcome: string | null }>).map((i) => ({ code: i.code, name: i.name, outcome: i.outcome })),
        rating: rating ? { score: rating.score, comment: rating.comment, ratedAt: rating.created_at.toISOString() } : null,
        canRate: r.status === 'completed' && !rating,
      }
    }),
  }
}

/**
 * 企业评价: once per completed inspection. Only the justice bureau sees individual scores; the unit
 * sees released aggregates (ratingSummary). The row keeps the day it was given, and its audit row
 * and ledger leaf name no account and reach the log late and shuffled — the public log shows the
 * inspecting unit neither who rated nor when to the minute.
 */
export async function rateInspection(db: Kysely<DB>, ctx: Ctx, inspectionId: string, input: { score: number; comment?: string | null }) {
  const e = await enterpriseOf(db, ctx)
  const row = await db.selectFrom('inspection').select(['id', 'enterprise_id', 'status', 'org_id']).where('id', '=', inspectionId).executeTakeFirst()
  if (!row || row.enterprise_id !== e.id) throw notFound('检查记录', { id: inspectionId })
  if (row.status !== 'completed') throw invalidState('检查完成后才能评价')
  await inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('inspection_rating').select('inspection_id').where('inspection_id', '=', inspectionId).executeTakeFirst()
    if (existing) throw new AppError('DUPLICATE', '已评价过该次检查')
    const rating = await trx
      .insertInto('inspection_rating')
      .values({ inspection_id: inspectionId, enterprise_id: e.id, score: input.score, comment: input.comment ?? null, created_at: startOfShanghaiDay(ctx.now) })
      .returning('id')
      .executeTakeFirstOrThrow()
    // The audit row names no unit, so the inspecting unit's readers of the log do not see it; it and the
    // public leaf name the rating by its own random id — the inspection's id would tell the unit which of
    // its inspections was rated, and on which day.
    await recordAnonymousAudit(trx, ctx, { action: 'inspection.rate', entityType: 'inspection_rating', entityId: rating.id, orgId: null, summary: `企业评价检查（${input.score} 分）` })
  })
}

/**
 * 企业投诉, to the justice bureau. Anonymous: neither the account, the enterprise nor the
 * inspection is kept — only the unit complained about and the day.
 */
export async function fileComplaint(db: Kysely<DB>, ctx: Ctx, input: { inspectionId?: string | null; orgId?: string | null; content: string; anonymous: boolean }) {
  const e = await enterpriseOf(db, ctx)
  let orgId = input.orgId ?? null
  if (input.inspectionId) {
    const row = await db.selectFrom('inspection').select(['enterprise_id', 'org_id']).where('id', '=', input.inspectionId).executeTakeFirst()
    if (!row || row.enterprise_id !== e.id) throw notFound('检查记录', { id: input.inspectionId })
    orgId = row.org_id
  }
  if (!orgId) throw new AppError('VALIDATION_FAILED', '请选择被投诉的检查或单位', { field: 'inspectionId' })
  const at = input.anonymous ? startOfShanghaiDay(ctx.now) : ctx.now
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('inspection_complaint')
      .values({
        inspection_id: input.anonymous ? null : (input.inspectionId ?? null),
        org_id: orgId,
        enterprise_id: input.anonymous ? null : e.id,
        user_id: input.anonymous ? null : ctx.actor.userId,
        anonymous: input.anonymous,
        content: input.content,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const entry = { action: 'inspection.complaint', entityType: 'inspection_complaint', entityId: id, orgId: null, summary: input.anonymous ? '收到匿名投诉' : `收到 ${e.name} 的投诉` }
    if (input.anonymous) await recordAnonymousAudit(trx, ctx, entry)
    else await recordAudit(trx, ctx, entry)
    return id
  })
}

/** Individual ratings: the justice bureau's supervisors only. */
export async function listRatings(db: Kysely<DB>, ctx: Ctx, f: { maxScore?: number; year?: number }) {
  if (!isSupervisor(ctx.actor)) throw forbidden('个别评价仅司法局监督人员可见')
  return db
    .selectFrom('inspection_rating as rt')
    .innerJoin('inspection as i', 'i.id', 'rt.inspection_id')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .innerJoin('enterprise as e', 'e.id', 'rt.enterprise_id')
    .select(['rt.inspection_id', 'rt.score', 'rt.comment', 'rt.created_at', 'o.name as org_name', 'e.name as enterprise_name', 'i.inspection_date'])
    .where(orgInScope('i.org_id', orgScopeOf(ctx.actor)))
    .$if(f.maxScore !== undefined, (q) => q.where('rt.score', '<=', f.maxScore!))
    .$if(Boolean(f.year), (q) => q.where(sql<boolean>`extract(year from i.inspection_date) = ${f.year}`))
    .orderBy('rt.created_at', 'desc')
    .limit(500)
    .execute()
}

/**
 * What a unit learns of its ratings, by the one rule of `releaseRatings` (@yangguang/core): calendar
 * quarters of the day a rating was given, released once the quarter has ended and only when it holds
 * at least the threshold (the region's `ratingMinCount`, never below 5); the totals are sums of the
 * released quarters. With `year` only that year's quarters — the same cells, so subtracting two
 * answers yields only released cells. Supervisors may ask for any unit in their jurisdiction.
 * The top-level `suppressed`/`ratedCount`/`average`/`distribution` are the released total.
 */
export async function ratingSummary(db: Kysely<DB>, ctx: Ctx, orgId: string, year?: number) {
  const org = await repo.findOrg(db, orgId)
  if (!org || !scopeCovers(orgScopeOf(ctx.actor), org.id, org.region_path)) throw notFound('执法单位', { id: orgId })
  const rules = await rulesForOrg(db, orgId)
  const rows = await db
    .selectFrom('inspection_rating as rt')
    .innerJoin('inspection as i', 'i.id', 'rt.inspection_id')
    .select(['rt.score', 'rt.created_at'])
    .where('i.org_id', '=', orgId)
    .execute()
  const today = todayInShanghai(ctx.now)
  // Quarters from the unit's first inspection (which it knows) to this year, never from the ratings.
  const first = await db
    .selectFrom('inspection')
    .select((eb) => eb.fn.min('inspection_date').as('first'))
    .where('org_id', '=', orgId)
    .where('inspection_date', 'is not', null)
    .executeTakeFirst()
  const thisYear = Number(today.slice(0, 4))
  const years = year ? { from: year, to: year } : { from: Math.min(thisYear, Number((first?.first ?? today).slice(0, 4))), to: thisYear }
  const release = releaseRatings(
    rows.map((r) => ({ ratedOn: shanghaiDateOf(r.created_at), score: r.score })),
    { today, minCount: rules.ratingMinCount, years },
  )
  const total = release.total
  return {
    orgId,
    orgName: org.name,
    threshold: release.minCount,
    period: 'quarter' as const,
    suppressed: total === null,
    ratedCount: total?.ratedCount ?? null,
    average: total?.average ?? null,
    distribution: total?.distribution ?? null,
    releasedQuarters: total?.releasedQuarters ?? 0,
    quarters: release.quarters,
  }
}

export async function listComplaints(db: Kysely<DB>, ctx: Ctx) {
  if (!isSupervisor(ctx.actor)) throw forbidden('投诉仅司法局监督人员可见')
  return db
    .selectFrom('inspection_complaint as c')
    .leftJoin('org as o', 'o.id', 'c.org_id')
    .leftJoin('enterprise as e', 'e.id', 'c.enterprise_id')
    .select(['c.id', 'c.anonymous', 'c.content', 'c.status', 'c.created_at', 'c.inspection_id', 'o.name as org_name', 'e.name as enterprise_name'])
    .where(orgInScope('c.org_id', orgScopeOf(ctx.actor)))
    .orderBy('c.created_at', 'desc')
    .limit(500)
    .execute()
}
