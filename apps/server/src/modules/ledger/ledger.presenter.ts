import { encodeReceiptCode } from '@yangguang/core'
import type { ReceiptRow } from '../../platform/ledger/ledger.repository'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'

const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')

/** The log's public face: keys, witnesses and sizes; never the signer key or a witness's storage. */
export function presentLog(log: { ledger: LedgerRuntime; integratedSize: number; publishedSize: number | null }, publicUrl: string) {
  const { ledger } = log
  return {
    origin: ledger.origin,
    profile: ledger.profile.id,
    logKey: ledger.verifierKey,
    witnesses: ledger.witnesses.map((w) => ({ name: w.name, key: w.verifierKey, url: w.url })),
    quorum: ledger.quorum,
    integratedSize: log.integratedSize,
    publishedSize: log.publishedSize,
    verifyUrl: `${publicUrl}/verify`,
  }
}

/** Public: whether a leaf hash is registered and where — no record link, no salt. */
export function presentReceiptStatus(receipt: ReceiptRow) {
  return {
    leafHash: hex(receipt.leafHash),
    status: receipt.index === null ? ('pending' as const) : ('integrated' as const),
    index: receipt.index,
    leaf: receipt.leaf.toString('utf8'),
    registeredAt: receipt.createdAt.toISOString(),
  }
}

/** For the record's holders: the full receipt with its salt and the QR address that carries it. */
export function presentRecordReceipt(receipt: ReceiptRow, origin: string, publicUrl: string) {
  const code = encodeReceiptCode({ index: receipt.index, leafHash: hex(receipt.leafHash), salt: hex(receipt.salt) })
  return {
    origin,
    recordType: receipt.recordType,
    recordId: receipt.recordId,
    version: receipt.recordVersion,
    leafHash: hex(receipt.leafHash),
    salt: hex(receipt.salt),
    index: receipt.index,
    leaf: receipt.leaf.toString('utf8'),
    code,
    verifyUrl: `${publicUrl}/verify?r=${code}`,
    registeredAt: receipt.createdAt.toISOString(),
  }
}

/** A proof's hashes as hex. */
export function presentHashes(hashes: readonly Uint8Array[]): string[] {
  return hashes.map(hex)
}

export { hex as hexOf }
