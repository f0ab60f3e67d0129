import { formatCheckpoint, signNote } from '@yangguang/ledger'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { cosignaturesOf, type CheckpointRow, findLog, insertCheckpoint, insertLog, lastBatch, latestCheckpoint, latestCheckpointWithQuorum, tryLedgerLock } from './ledger.repository'
import { appendCheckpointLog } from './checkpoint-log'
import type { LedgerRuntime } from './ledger-runtime'

export type SignResult = { signed: boolean; size: number; locked: boolean }

/**
 * Signs a checkpoint for the current tree when it grew since the last one (and once for the empty
 * tree), under the ledger lock, so that one log never signs two roots for one size or a smaller
 * tree after a larger one; the table's key and trigger refuse both as well. Each new checkpoint is
 * also appended to the runtime's published-checkpoint file, outside the database.
 *
 * @example
 * const { signed, size } = await signOnce(db, ledger)
 */
export async function signOnce(db: Kysely<DB>, runtime: LedgerRuntime): Promise<SignResult> {
  const result = await inTransaction(db, async (trx): Promise<SignResult & { note?: string }> => {
    if (!(await tryLedgerLock(trx))) return { signed: false, size: 0, locked: true }
    await ensureLog(trx, runtime)
    const tree = await lastBatch(trx)
    const size = tree?.size ?? 0
    const root = tree?.root ?? Buffer.from(runtime.profile.hasher.emptyRoot())
    const latest = await latestCheckpoint(trx)
    if (latest && latest.size >= size) return { signed: false, size: latest.size, locked: false }
    const body = formatCheckpoint({ origin: runtime.origin, size, rootHash: root, extensions: [] })
    const note = await signNote(body, [runtime.signer])
    await insertCheckpoint(trx, { size, root, note })
    return { signed: true, size, locked: false, note }
  })
  // Only once committed: the file must never name a checkpoint the database does not have. A crash
  // in between loses one line, and the line before still binds the log.
  if (result.note !== undefined && runtime.checkpointLog) appendCheckpointLog(runtime.checkpointLog, { size: result.size, note: result.note })
  return { signed: result.signed, size: result.size, locked: result.locked }
}

/**
 * Records the log's identity on first use and refuses a key that is not the log's: a second key
 * for one origin would let two servers sign diverging histories.
 */
export async function ensureLog(trx: Transaction<DB> | Kysely<DB>, runtime: LedgerRuntime): Promise<void> {
  const log = await findLog(trx)
  if (!log) {
    await insertLog(trx, { origin: runtime.origin, profile: runtime.profile.id, verifierKey: runtime.verifierKey })
    return
  }
  if (log.origin !== runtime.origin || log.verifier_key !== runtime.verifierKey) {
    throw new Error(`存证日志密钥与数据库中的日志不符：数据库记录 ${log.verifier_key}，本服务器配置 ${runtime.verifierKey}。拒绝签名。`)
  }
}

/**
 * The published checkpoint: the newest one cosigned by at least the quorum of configured witnesses,
 * as a signed note carrying the log signature and those cosignatures. Undefined before the first.
 */
export async function publishedCheckpoint(db: Kysely<DB>, runtime: LedgerRuntime): Promise<{ size: number; note: string } | undefined> {
  const keys = runtime.witnesses.map((w) => w.verifierKey)
  const row = await latestCheckpointWithQuorum(db, keys, runtime.quorum)
  if (!row) return undefined
  return { size: row.size, note: await noteWithCosignatures(db, row, keys) }
}

/** A stored checkpoint with the cosignatures of the given witnesses appended (all stored ones by default). */
export async function noteWithCosignatures(db: Kysely<DB>, checkpoint: CheckpointRow, witnessKeys?: readonly string[]): Promise<string> {
  const cosignatures = (await cosignaturesOf(db, checkpoint.size)).filter((c) => !witnessKeys || witnessKeys.includes(c.witness_key))
  return checkpoint.note + cosignatures.map((c) => `${c.line}\n`).join('')
}
