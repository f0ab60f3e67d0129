import { isLedgerError, parseTilePath } from '@yangguang/ledger'
import type { Actor } from '../../platform/auth/actor'
import type { Database } from '../../platform/db/create-db'
import { AppError, forbidden, notFound } from '../../platform/errors'
import {
  entriesInRange,
  findCheckpoint,
  findReceipt,
  findRecordReceipts,
  integratedSize,
  type ReceiptRow,
} from '../../platform/ledger/ledger.repository'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { consistencyProof, inclusionProof, readEntryBundle, readTile } from '../../platform/ledger/ledger-tiles'
import { noteWithCosignatures, publishedCheckpoint } from '../../platform/ledger/sign-checkpoint'
import { canReadRecordReceipts } from './ledger.policy'
import { findRecordOwners } from './record-owner.repository'

type Db = Database['db']

/** The log's public parameters and where it stands. */
export async function describeLog(db: Db, ledger: LedgerRuntime) {
  const published = await publishedCheckpoint(db, ledger)
  return { ledger, integratedSize: await integratedSize(db), publishedSize: published?.size ?? null }
}

/** The published checkpoint's signed note (log signature and the witnesses' cosignatures). */
export async function publishedNote(db: Db, ledger: LedgerRuntime): Promise<string> {
  const published = await publishedCheckpoint(db, ledger)
  if (!published) throw notFound('已发布的检查点')
  return published.note
}

/** A stored checkpoint of the given size with every cosignature it received. */
export async function checkpointNote(db: Db, size: number): Promise<string> {
  const checkpoint = await findCheckpoint(db, size)
  if (!checkpoint) throw notFound(`大小为 ${size} 的检查点`)
  return noteWithCosignatures(db, checkpoint)
}

/** A C2SP tlog-tiles resource (hash tile or entry bundle) and its width, or NOT_FOUND/VALIDATION_FAILED. */
export async function tileResource(db: Db, path: string): Promise<{ bytes: Uint8Array; full: boolean }> {
  let resource
  try {
    resource = parseTilePath(`tile/${path}`)
  } catch (error) {
    if (isLedgerError(error)) throw new AppError('VALIDATION_FAILED', '瓦片路径格式不正确', { path })
    throw error
  }
  const size = await integratedSize(db)
  const bytes =
    resource.kind === 'entries'
      ? await readEntryBundle(db, resource.index, resource.width, size, { cache: true })
      : await readTile(db, resource.tile, size, { cache: true })
  if (!bytes) throw notFound('瓦片')
  return { bytes, full: (resource.kind === 'entries' ? resource.width : resource.tile.width) === 256 }
}

/** One integrated entry. */
export async function entryAt(db: Db, index: number) {
  if (index >= (await integratedSize(db))) throw notFound(`序号 ${index} 的日志条目`)
  const [entry] = await entriesInRange(db, index, index + 1, true)
  if (!entry?.leaf) throw notFound(`序号 ${index} 的日志条目`)
  return { index, leafHash: entry.leafHash, leaf: entry.leaf }
}

/** The receipt of a leaf hash: pending, or integrated with its index. */
export async function receiptOf(db: Db, leafHash: Uint8Array): Promise<ReceiptRow> {
  const receipt = await findReceipt(db, leafHash)
  if (!receipt) throw notFound('该记录哈希的存证')
  return receipt
}

/**
 * The inclusion proof of an entry, named by index or leaf hash, in the tree of `size` leaves
 * (default: the published checkpoint's).
 */
export async function proveInclusion(db: Db, ledger: LedgerRuntime, query: { index?: number; leafHash?: Uint8Array; size?: number }) {
  let index = query.index
  let leafHash: Uint8Array | undefined
  if (query.leafHash) {
    const receipt = await receiptOf(db, query.leafHash)
    if (receipt.index === null) throw new AppError('INVALID_STATE', '该记录已登记，尚未纳入日志，请稍后再试')
    index = receipt.index
    leafHash = receipt.leafHash
  }
  const size = query.size ?? (await publishedCheckpoint(db, ledger))?.size
  if (size === undefined) throw notFound('已发布的检查点')
  if (size > (await integratedSize(db))) throw new AppError('VALIDATION_FAILED', `树大小 ${size} 超出日志现有条数`)
  const i = index as number
  if (i >= size) throw new AppError('INVALID_STATE', `序号 ${i} 不在大小为 ${size} 的树中（尚未纳入已发布的检查点）`, { index: i, size })
  leafHash ??= (await entriesInRange(db, i, i + 1))[0]?.leafHash
  if (!leafHash) throw notFound(`序号 ${i} 的日志条目`)
  return { index: i, size, leafHash, proof: await inclusionProof(db, i, size, { cache: true }) }
}

/** The consistency proof from `from` to `to` leaves (default: the published checkpoint's size). */
export async function proveConsistency(db: Db, ledger: LedgerRuntime, query: { from: number; to?: number }) {
  const to = query.to ?? (await publishedCheckpoint(db, ledger))?.size
  if (to === undefined) throw notFound('已发布的检查点')
  const { from } = query
  if (from > to) throw new AppError('VALIDATION_FAILED', '起始大小不能大于目标大小', { from, to })
  if (to > (await integratedSize(db))) throw new AppError('VALIDATION_FAILED', `树大小 ${to} 超出日志现有条数`)
  return { from, to, proof: await consistencyProof(db, from, to, { cache: true }) }
}

/**
 * A record's receipts, salts included — for administrators, and for supervisors when the record
 * belongs to their jurisdiction (otherwise 404, as if there were none).
 */
export async function recordReceipts(db: Db, actor: Actor, recordType: string, recordId: string): Promise<ReceiptRow[]> {
  if (!canReadRecordReceipts(actor)) throw forbidden('只有管理员和监督人员可以查看存证回执')
  if (!canReadRecordReceipts(actor, await findRecordOwners(db, recordType, recordId))) throw notFound('该记录', { recordType, recordId })
  return findRecordReceipts(db, recordType, recordId)
}
