import type { Kysely, Transaction } from 'kysely'
import type { RequestContext } from '../auth/actor'
import type { DB } from '../db/schema'

export type Executor = Kysely<DB> | Transaction<DB>

export type AuditEntry = {
  /** Verb-noun action key, e.g. 'entity.publish'. */
  action: string
  entityType: string
  entityId: string
  /** The unit the record belongs to: readers are scoped by it. */
  orgId?: string | null
  /** One line in Chinese for the log screen. */
  summary: string
  before?: unknown
  after?: unknown
}

/**
 * Records a privileged write in the audit log, inside the caller's transaction, so the log row
 * and the write commit or roll back together. Every audited write passes through here; the
 * ledger hooks in at this point.
 *
 * @example
 * await recordAudit(trx, ctx, { action: 'entity.publish', entityType: 'enforcement_entity',
 *   entityId: id, orgId, summary: '公示执法主体 禄丰市住房和城乡建设局', before, after })
 */
export async function recordAudit(trx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor
  await trx
    .insertInto('audit_log')
    .values({
      at: ctx.now,
      actor_id: actor?.userId || null,
      actor_name: actor?.displayName ?? '匿名',
      actor_role: actor?.role ?? 'public',
      org_id: entry.orgId ?? null,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}
