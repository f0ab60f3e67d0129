import { calendarDaysBetween, computeCaseDeadline, shanghaiDateOf } from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { type PageQuery, pageOffset } from '../../platform/db/pagination'
import { meetDeadlines } from './case-deadlines.service'
import * as repo from './case-documents.repository'
import { decisionPublicData, type PublicDecision } from './cases-public.presenter'
import { canSeeCase } from './cases.policy'

type Ctx = RequestContext & { actor: Actor }

/**
 * 公示 of penalty decisions (行政执法公示制度, 双公示): a decision becomes due for publication when its
 * 决定书 is issued, within the jurisdiction's working days (`penalty_rule_set.publication_days`,
 * default 7 — 国办发〔2018〕118号); the unit head publishes it with only whitelisted, masked fields; a
 * revoked or changed decision is withdrawn within 3 working days with a note (行政处罚法 第四十八条第二款,
 * 第八十五条).
 */

/** Statuses in which a decision stands (and so may be published). */
const standingStatuses = new Set(['decided', 'executing', 'enforcement', 'closed', 'archived'])

/**
 * Makes a decision's publication due — called in the act's transaction when its 决定书 is issued.
 * Idempotent: a second 决定书 for the same case (a corrected one) keeps the first due date.
 *
 * @example
 * await schedulePublication(trx, { caseId, orgId, decidedOn: '2026-11-20', publicationDays: 7 }) // due 2026-12-01
 */
export async function schedulePublication(
  trx: Transaction<DB>,
  input: { caseId: string; orgId: string; decidedOn: string; publicationDays: number; moveOffRestDay?: boolean },
): Promise<void> {
  const due = computeCaseDeadline(await workCalendarFor(trx), { kind: 'publication', startsOn: input.decidedOn, days: input.publicationDays, moveOffRestDay: input.moveOffRestDay })
  const computed = due.ok ? due : due.provisional
  await repo.insertPendingPublication(trx, { caseId: input.caseId, orgId: input.orgId, decidedOn: input.decidedOn, dueOn: computed.dueOn, dueProvisional: !due.ok })
}

/** Who publishes and withdraws: the head of the unit that decided. */
export function canManagePublication(actor: Actor, row: { org_id: string }): boolean {
  return actor.role === 'unit_head' && actor.orgId === row.org_id
}

/** The actions the caller may take on a publication now. */
export function publicationActions(actor: Actor, row: repo.PublicationRow, caseStatus: string): string[] {
  if (!canManagePublication(actor, row)) return []
  if (row.status === 'pending' && standingStatuses.has(caseStatus)) return ['publish']
  if (row.status === 'published') return ['withdraw']
  return []
}

/**
 * Publishes the decision (unit head; audited, with a ledger leaf through the audit entry). What the
 * portal shows is computed here once, from the whitelist in the presenter, and frozen.
 *
 * @example
 * const view = await publishDecision(db, ctx, caseId) // view.status === 'published'
 */
export async function publishDecision(db: Kysely<DB>, ctx: Ctx, caseId: string) {
  return inTransaction(db, async (trx) => {
    await assertCaseInScope(trx, ctx.actor, caseId)
    const row = await repo.lockPublication(trx, caseId)
    if (!row) throw invalidState('该案件没有待公示的处罚决定（决定书签发后才产生公示任务）')
    if (!canManagePublication(ctx.actor, row)) throw forbidden('只有作出决定的单位负责人可以公示处罚决定')
    if (row.status !== 'pending') throw invalidState(row.status === 'published' ? '该处罚决定已公示' : '该公示已撤下')
    const today = shanghaiDateOf(ctx.now)
    const c = await repo.findCaseForDocuments(trx, caseId, today)
    if (!c) throw notFound('案件')
    if (!standingStatuses.has(c.status)) throw invalidState('处罚决定已撤销或尚未作出，不能公示')
    const documents = await repo.listCaseDocuments(trx, caseId)
    const decisionDoc = documents.filter((d) => d.kind === 'penalty_decision').at(-1)
    if (!decisionDoc) throw invalidState('尚未签发行政处罚决定书')
    const publicData = decisionPublicData(c, { decisionNumber: decisionDoc.number, publishedOn: today })
    await repo.markPublished(trx, caseId, { at: ctx.now, by: ctx.actor.userId || null, publicData })
    await meetDeadlines(trx, caseId, ['publication'], today)
    await recordAudit(trx, ctx, {
      action: 'case.publish_decision',
      entityType: 'case_publication',
      entityId: caseId,
      orgId: row.org_id,
      summary: `公示行政处罚决定 ${decisionDoc.number ?? ''}`,
      before: { status: row.status },
      after: { status: 'published', publicData },
    })
    return publicationView(trx, ctx.actor, caseId, ctx.now)
  })
}

/**
 * Withdraws a published decision with a note (unit head; audited), which the portal shows in its
 * place (art. 48 ¶2: 撤回…并公开说明理由). When the decision was revoked, or changed or annulled on
 * 复议/诉讼, the withdrawal was due within 3 working days of that (art. 48 ¶2, art. 85); the due date
 * and whether it was met stay on the row.
 */
export async function withdrawPublication(db: Kysely<DB>, ctx: Ctx, caseId: string, note: string) {
  return inTransaction(db, async (trx) => {
    await assertCaseInScope(trx, ctx.actor, caseId)
    const row = await repo.lockPublication(trx, caseId)
    if (!row) throw notFound('公示')
    if (!canManagePublication(ctx.actor, row)) throw forbidden('只有作出决定的单位负责人可以撤下公示')
    if (row.status !== 'published') throw invalidState('只有已公示的处罚决定可以撤下')
    if (note.trim().length < 2) throw new AppError('VALIDATION_FAILED', '请说明撤下公示的理由')
    const ground = await repo.findWithdrawalGround(trx, caseId)
    const dueOn = ground ? await withdrawalDueOn(trx, ground.on) : null
    await repo.markWithdrawn(trx, caseId, { at: ctx.now, by: ctx.actor.userId || null, note: note.trim(), dueOn, requestedOn: ground?.on ?? null })
    await meetDeadlines(trx, caseId, ['withdrawal'], shanghaiDateOf(ctx.now))
    await recordAudit(trx, ctx, {
      action: 'case.withdraw_publication',
      entityType: 'case_publication',
      entityId: caseId,
      orgId: row.org_id,
      summary: `撤下行政处罚决定公示：${note.trim()}`,
      before: { status: row.status },
      after: { status: 'withdrawn', note: note.trim(), withdrawDueOn: dueOn },
    })
    return publicationView(trx, ctx.actor, caseId, ctx.now)
  })
}

/** 3 working days after the revocation (art. 48 ¶2 with art. 85), moved off rest days. */
export async function withdrawalDueOn(db: repo.Executor, revokedOn: string): Promise<string> {
  const due = computeCaseDeadline(await workCalendarFor(db), { kind: 'withdrawal', startsOn: revokedOn })
  return due.ok ? due.dueOn : due.provisional.dueOn
}

/** The publication of a case as its unit sees it, with days left and the actions allowed. */
export async function publicationView(db: repo.Executor, actor: Actor, caseId: string, now: Date) {
  const row = await repo.findPublication(db, caseId)
  if (!row) return null
  const scope = await repo.findCaseScope(db, caseId)
  const today = shanghaiDateOf(now)
  const ground = row.status === 'published' ? await repo.findWithdrawalGround(db, caseId) : null
  // A revoked (or changed, annulled) decision still on the portal owes its withdrawal: computed, not stored, until done.
  const withdrawDueOn = row.withdraw_due_on ?? (ground ? await withdrawalDueOn(db, ground.on) : null)
  return {
    row,
    today,
    daysLeft: row.status === 'pending' ? calendarDaysBetween(today, row.due_on) : null,
    withdrawDueOn,
    /** Why it must be withdrawn (the note to give), while it still stands on the portal. */
    withdrawReason: ground?.reason ?? null,
    withdrawDaysLeft: row.status === 'published' && withdrawDueOn ? calendarDaysBetween(today, withdrawDueOn) : null,
    actions: publicationActions(actor, row, scope?.status ?? ''),
  }
}

/** For the case's readers (scope as the case). */
export async function readPublication(db: Kysely<DB>, actor: Actor, caseId: string, now: Date) {
  await assertCaseInScope(db, actor, caseId)
  return publicationView(db, actor, caseId, now)
}

/**
 * A case outside the caller's scope is "not found" before anything about its publication is said:
 * another unit's head must not learn from a state error that the case exists or has no decision yet.
 */
async function assertCaseInScope(db: repo.Executor, actor: Actor, caseId: string): Promise<void> {
  const scope = await repo.findCaseScope(db, caseId)
  if (!scope || !canSeeCase(actor, { org_id: scope.org_id, org_region_path: scope.region_path })) throw notFound('案件')
}

/** The portal's list of published decisions. */
export async function listPublicDecisions(db: Kysely<DB>, query: PageQuery & { q?: string }) {
  const { rows, total } = await repo.listPublishedDecisions(db, { q: query.q?.trim() || undefined, ...pageOffset(query) })
  return { items: rows.map((r) => ({ id: r.case_id, ...(r.public_data as PublicDecision) })), total }
}

/**
 * The portal's list of withdrawn decisions with the reason given (art. 48 ¶2: 撤回…并公开说明理由):
 * the number, name and organ that were published, never the withdrawn content.
 */
export async function listDecisionWithdrawals(db: Kysely<DB>, query: PageQuery) {
  const { rows, total } = await repo.listWithdrawnDecisions(db, pageOffset(query))
  return {
    items: rows.map((r) => {
      const published = r.public_data as PublicDecision
      return {
        id: r.case_id,
        decisionNumber: published.decisionNumber,
        caseName: published.caseName,
        organ: published.organ,
        publishedOn: published.publishedOn ?? null,
        withdrawnOn: r.withdrawn_at ? shanghaiDateOf(r.withdrawn_at) : '',
        reason: r.withdrawal_note ?? '',
      }
    }),
    total,
  }
}

/** One published decision for the portal. */
export async function publicDecision(db: Kysely<DB>, caseId: string) {
  const row = await repo.findPublishedDecision(db, caseId)
  if (!row) throw notFound('公示的处罚决定')
  return { id: row.case_id, ...(row.public_data as PublicDecision) }
}
