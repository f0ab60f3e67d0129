import type { RequestContext } from '../auth/actor'
import { contentBytes, contentDigest, LEAF_SCHEMA_VERSION, leafHashOf, leafPrefix, newSalts, SALT_BYTES } from './ledger-leaf'
import { type Executor, insertLeaves } from './ledger.repository'

/**
 * One record to put on the ledger.
 *
 * @example
 * const input: LedgerRecordInput = { action: 'entity.publish', recordType: 'enforcement_entity', recordId: id, content: after }
 */
export type LedgerRecordInput = {
  /** What was done, e.g. `entity.publish`. */
  action: string
  recordType: string
  recordId: string
  /** What the digest commits to: a file's bytes as given, or any JSON value (canonicalised). */
  content: unknown
  /** Overrides the actor taken from the context, e.g. `cert:<执法证号>` for an act done under a certificate. */
  actor?: string
  /**
   * The 16-byte salt of the digest, when the caller must know it before the leaf exists — a document
   * prints it in its QR code, so it is chosen before rendering. Otherwise a fresh random salt.
   */
  salt?: Uint8Array
}

/**
 * What the writer of a record gets back at once: enough to identify the leaf and to prove the content
 * later. The log index follows when the integrator has appended the leaf (about a second); until then
 * the leaf hash identifies it, and the verification page resolves it.
 */
export type LedgerReceiptStub = {
  /** Hex RFC 9162 leaf hash. */
  leafHash: string
  /** Hex salt of the content digest — private: give it only to the record's holders. */
  salt: string
  /** The leaf, canonical JSON. */
  leaf: string
  recordType: string
  recordId: string
  version: number
}

/** Who acted, as a leaf names them: an account id, never a name. */
export function actorOf(ctx: RequestContext): string {
  const actor = ctx.actor
  if (!actor) return 'anon'
  return actor.userId ? `acct:${actor.userId}` : `sys:${actor.username}`
}

/**
 * Enqueues one leaf per record inside the caller's transaction: committed with the write, or rolled
 * back with it. Never waits for integration. Bulk writes (imports) pass all their records at once;
 * they are inserted a few thousand per statement.
 *
 * @example
 * await inTransaction(db, async (trx) => {
 *   await insertEnterprises(trx, rows)
 *   await enqueueLeaves(trx, ctx, rows.map((r) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: r.id, content: r })))
 * })
 */
export async function enqueueLeaves(trx: Executor, ctx: RequestContext, records: readonly LedgerRecordInput[]): Promise<LedgerReceiptStub[]> {
  if (records.length === 0) return []
  const at = ctx.now.toISOString()
  const defaultActor = actorOf(ctx)
  const salts = newSalts(records.length)
  const rows = records.map((record, i) => {
    const salt = record.salt ? ownSalt(record.salt) : salts[i]
    const prefix = leafPrefix({
      v: LEAF_SCHEMA_VERSION,
      act: record.action,
      type: record.recordType,
      id: record.recordId,
      actor: record.actor ?? defaultActor,
      at,
      digest: contentDigest(salt, contentBytes(record.content)),
    })
    return { prefix, salt, recordType: record.recordType, recordId: record.recordId }
  })
  const stubs: LedgerReceiptStub[] = []
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK)
    const stored = await insertLeaves(trx, chunk)
    for (const row of chunk) {
      const { version, leafHash } = stored.get(row.salt.toString('hex')) as { version: number; leafHash: Buffer }
      const leaf = `${row.prefix}${version}}`
      // The database completed and hashed the leaf; check it hashed the leaf we meant.
      if (!leafHashOf(Buffer.from(leaf, 'utf8')).equals(leafHash)) throw new Error('ledger: stored leaf hash does not match the leaf')
      stubs.push({ leafHash: leafHash.toString('hex'), salt: row.salt.toString('hex'), leaf, recordType: row.recordType, recordId: row.recordId, version })
    }
  }
  return stubs
}

/** {@link enqueueLeaves} for one record. */
export async function enqueueLeaf(trx: Executor, ctx: RequestContext, record: LedgerRecordInput): Promise<LedgerReceiptStub> {
  const [stub] = await enqueueLeaves(trx, ctx, [record])
  return stub
}

const INSERT_CHUNK = 2000

function ownSalt(salt: Uint8Array): Buffer {
  if (salt.length !== SALT_BYTES) throw new Error(`ledger: a salt has ${SALT_BYTES} bytes, got ${salt.length}`)
  return Buffer.from(salt)
}
