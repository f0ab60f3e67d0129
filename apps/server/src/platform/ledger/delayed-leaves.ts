import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { DelayedAuditRow } from '../db/anonymity-schema'
import { type LedgerRecordInput } from './enqueue-leaves'
import { contentBytes, contentDigest, LEAF_SCHEMA_VERSION, leafHashOf, leafPrefix, newSalt } from './ledger-leaf'
import { type Executor, insertLeaves } from './ledger.repository'

/**
 * The longest an anonymous submission's leaf waits before it may enter the log. Each waits a
 * uniformly random part of it, so the leaf's place in the log (and its batch's time) tells a
 * reader only that the submission was made within this long before — not which request it was.
 */
export const ANONYMOUS_DELAY_MAX_MINUTES = 60

/** A source of uniform numbers in [0, 1). Tests pass a fixed sequence; the default is the system CSPRNG. */
export type RandomSource = () => number

/**
 * Puts an anonymous submission's leaf — and the audit row that goes with it — in the waiting table
 * instead of the log, inside the submission's transaction, to be released at `now` plus a random
 * delay of up to {@link ANONYMOUS_DELAY_MAX_MINUTES}. The leaf names the actor `anon` and the
 * submission's day, never the instant. Nothing is returned: no receipt exists until release, and an
 * anonymous submitter has no account to fetch one with.
 *
 * @example
 * await enqueueDelayedLeaf(trx, { now: ctx.now, day: '2026-11-20T00:00:00+08:00' },
 *   { action: 'complaint.receive', recordType: 'complaint', recordId: id, content }, auditRow)
 */
export async function enqueueDelayedLeaf(
  trx: Executor,
  when: { now: Date; day: Date },
  record: LedgerRecordInput,
  audit: DelayedAuditRow | null,
  random: RandomSource = systemRandom,
): Promise<void> {
  const salt = newSalt()
  const prefix = leafPrefix({
    v: LEAF_SCHEMA_VERSION,
    act: record.action,
    type: record.recordType,
    id: record.recordId,
    actor: 'anon',
    at: when.day.toISOString(),
    digest: contentDigest(salt, contentBytes(record.content)),
  })
  const delayMs = Math.floor(random() * ANONYMOUS_DELAY_MAX_MINUTES * 60_000)
  await trx
    .insertInto('ledger_delayed_entry')
    .values({
      not_before: new Date(when.now.getTime() + delayMs),
      leaf_prefix: prefix,
      salt,
      record_type: record.recordType,
      record_id: record.recordId,
      audit: audit === null ? null : JSON.stringify(audit),
    })
    .execute()
}

/**
 * Moves every waiting entry that is due (at `now`, by default the database's clock) into the log's
 * pending leaves and, with it, its audit row — in a random order, all in the caller's transaction.
 * The leaves get consecutive ids in that order, so the integrator, which appends by (transaction,
 * id), puts them in the log shuffled: neither their order nor their neighbours follow the order of
 * the submissions. Answers how many were released.
 *
 * @example
 * await inTransaction(db, (trx) => releaseDueLeaves(trx)) // 3
 */
export async function releaseDueLeaves(trx: Executor, options: { now?: Date; random?: RandomSource } = {}): Promise<number> {
  const due = await trx
    .deleteFrom('ledger_delayed_entry')
    .where('not_before', '<=', options.now ?? sql<Date>`now()`)
    .returning(['leaf_prefix', 'salt', 'record_type', 'record_id', 'audit'])
    .execute()
  if (due.length === 0) return 0
  const entries = shuffled(due, options.random ?? systemRandom)
  const stored = await insertLeaves(
    trx,
    entries.map((e) => ({ prefix: e.leaf_prefix, salt: e.salt, recordType: e.record_type, recordId: e.record_id })),
  )
  const audits = entries.flatMap((e) => {
    if (!e.audit) return []
    const leaf = stored.get(e.salt.toString('hex'))
    if (!leaf) throw new Error('ledger: a released leaf was not stored')
    if (!leafHashOf(Buffer.from(`${e.leaf_prefix}${leaf.version}}`, 'utf8')).equals(leaf.leafHash)) throw new Error('ledger: stored leaf hash does not match the leaf')
    const a = e.audit
    return [
      {
        at: new Date(a.at),
        actor_id: null,
        actor_name: '匿名',
        actor_role: 'public',
        org_id: a.orgId,
        ip: null,
        user_agent: null,
        action: a.action,
        entity_type: a.entityType,
        entity_id: a.entityId,
        summary: a.summary,
        before: a.before === null ? null : JSON.stringify(a.before),
        after: a.after === null ? null : JSON.stringify(a.after),
        leaf_hash: leaf.leafHash,
      },
    ]
  })
  // One statement, rows in the shuffled order: the audit log's ids follow it too.
  if (audits.length > 0) await trx.insertInto('audit_log').values(audits).execute()
  return entries.length
}

/**
 * A Fisher–Yates shuffle drawing from `random`.
 *
 * @example
 * shuffled(['a', 'b', 'c', 'd'], () => 0) // ['b', 'c', 'd', 'a']
 */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** Uniform in [0, 1) from the CSPRNG: Math.random is predictable, and the order must not be. */
function systemRandom(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48
}
