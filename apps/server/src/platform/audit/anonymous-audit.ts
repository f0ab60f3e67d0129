import { shanghaiDateOf } from '@yangguang/core'
import type { RequestContext } from '../auth/actor'
import { enqueueDelayedLeaf, type RandomSource } from '../ledger/delayed-leaves'
import { type AuditEntry, auditContent, type Executor } from './audit'

/**
 * The audit record of an anonymous submission (a portal complaint, an enterprise's anonymous
 * complaint or rating, the complainant's feedback). Unlike {@link recordAudit} it writes nothing to
 * the log now: the audit row and its ledger leaf wait, in the submission's transaction, for a random
 * delay and are then released together, shuffled with the others due (see delayed-leaves.ts). So
 * neither the audit log's ids nor the ledger's order place the submission between two named acts
 * of known time. The row names no account, address or user agent and keeps only the day; `ctx.now`
 * (the real instant) only starts the delay and is stored nowhere.
 *
 * @example
 * await recordAnonymousAudit(trx, ctx, { action: 'complaint.receive', entityType: 'complaint', entityId: id, orgId: null, summary: '收到匿名投诉举报 …' })
 */
export async function recordAnonymousAudit(trx: Executor, ctx: RequestContext, entry: Omit<AuditEntry, 'actorCertificate'>, random?: RandomSource): Promise<void> {
  const day = startOfShanghaiDay(ctx.now)
  const content = auditContent(entry)
  await enqueueDelayedLeaf(
    trx,
    { now: ctx.now, day },
    { action: entry.action, recordType: entry.entityType, recordId: entry.entityId, content },
    { at: day.toISOString(), orgId: content.orgId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, summary: entry.summary, before: content.before, after: content.after },
    random,
  )
}

/**
 * Midnight (Asia/Shanghai) of the day holding `instant`: what an anonymous record keeps of its time.
 *
 * @example
 * startOfShanghaiDay(new Date('2026-11-20T10:31:05+08:00')).toISOString() // '2026-11-19T16:00:00.000Z'
 */
export function startOfShanghaiDay(instant: Date): Date {
  return new Date(`${shanghaiDateOf(instant)}T00:00:00+08:00`)
}
