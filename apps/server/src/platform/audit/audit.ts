import type { Kysely, Transaction } from 'kysely'
import type { RequestContext } from '../auth/actor'
import type { DB } from '../db/schema'
import { enqueueLeaf, type LedgerReceiptStub } from '../ledger/enqueue-leaves'

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
  /** 执法证号 when the act was done under an officer's certificate: the ledger leaf then names it instead of the account. */
  actorCertificate?: string
}

/**
 * Records a privileged write in the audit log, inside the caller's transaction, so the log row
 * and the write commit or roll back together. Every audited write passes through here, and here
 * its ledger leaf (存证) is enqueued in the same transaction; the returned receipt stub (leaf hash
 * and salt) lets a caller such as a document print its verification code. The content digest
 * commits to the entry's action, entity, unit, summary and before/after snapshots.
 *
 * @example
 * await recordAudit(trx, ctx, { action: 'entity.publish', entityType: 'enforcement_entity',
 *   entityId: id, orgId, summary: '公示执法主体 禄丰市住房和城乡建设局', before, after })
 */
export async function recordAudit(trx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<LedgerReceiptStub> {
  const actor = ctx.actor
  const { action, entityType, entityId } = entry
  // The leaf first, so the row can name it: `yangguang ledger verify` recomputes the digest from the
  // row and the leaf's receipt, and reports a leaf that no row names (a deleted row).
  const stub = await enqueueLeaf(trx, ctx, {
    action,
    recordType: entityType,
    recordId: entityId,
    content: auditContent(entry),
    actor: entry.actorCertificate ? `cert:${entry.actorCertificate}` : undefined,
  })
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
      leaf_hash: Buffer.from(stub.leafHash, 'hex'),
    })
    .execute()
  return stub
}

/**
 * What an audit row's ledger digest commits to. Verify rebuilds it from the stored row (before and
 * after come back from jsonb), so it holds only what the row keeps, in JSON-stable form.
 *
 * @example
 * auditContent({ action: 'entity.publish', entityType: 'enforcement_entity', entityId: id, summary: '公示…' })
 * // { action: 'entity.publish', entityType: 'enforcement_entity', entityId: id, orgId: null, summary: '公示…', before: null, after: null }
 */
export function auditContent(entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'orgId' | 'summary' | 'before' | 'after'>) {
  const { action, entityType, entityId, orgId, summary, before, after } = entry
  return { action, entityType, entityId, orgId: orgId ?? null, summary, before: before ?? null, after: after ?? null }
}
