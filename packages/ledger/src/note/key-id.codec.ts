import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { concatBytes, isWellFormedText, utf8Encode } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'

/**
 * Key ID of a signed-note key, as C2SP signed-note recommends and tlog-cosignature requires:
 * `SHA-256(name || 0x0A || type || publicKey)[:4]` read big-endian. Always SHA-256, whatever hash the log's
 * tree uses, because the note format fixes it.
 *
 * @example
 * import { computeKeyId, decodeBase64, formatKeyId } from '@yangguang/ledger'
 * const material = decodeBase64('AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k') // 0x01 || Ed25519 public key
 * formatKeyId(computeKeyId('example.com/foo', material.subarray(0, 1), material.subarray(1))) // '530d903a'
 */
export function computeKeyId(name: string, typeId: Uint8Array, publicKey: Uint8Array): number {
  const digest = nobleSha256(concatBytes(utf8Encode(name), NEWLINE, typeId, publicKey))
  return readUint32(digest, 0)
}

/**
 * Key ID as the 8 lower-case hex digits used in verifier keys.
 *
 * @example
 * import { formatKeyId } from '@yangguang/ledger'
 * formatKeyId(0xc74f20a3) // 'c74f20a3'
 */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0')
}

/**
 * Whether `name` may name a signed-note key: non-empty, no Unicode white space (including the full-width
 * space U+3000 that Chinese input methods produce), no `+`, no control characters, well-formed text.
 *
 * @example
 * import { isValidKeyName } from '@yangguang/ledger'
 * isValidKeyName('zfjd.example.gov.cn/log/2026') // true
 * isValidKeyName('禄丰市\u3000司法局') // false
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && isWellFormedText(name) && !INVALID_NAME_CHARACTER.test(name)
}

/** Throws `KEY_MALFORMED` unless {@link isValidKeyName}. */
export function assertKeyName(name: string): void {
  if (!isValidKeyName(name)) throw new LedgerError('KEY_MALFORMED', 'key name must be non-empty without spaces, "+" or control characters', { name })
}

/** Big-endian uint32 at `offset`, as an unsigned number. */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return bytes[offset] * 0x1000000 + bytes[offset + 1] * 0x10000 + bytes[offset + 2] * 0x100 + bytes[offset + 3]
}

/** Big-endian uint32 encoding of an unsigned number below 2^32. */
export function writeUint32(value: number): Uint8Array {
  return new Uint8Array([Math.floor(value / 0x1000000) % 256, Math.floor(value / 0x10000) % 256, Math.floor(value / 0x100) % 256, value % 256])
}

const NEWLINE = new Uint8Array([0x0a])
const INVALID_NAME_CHARACTER = /[\p{White_Space}+\u0000-\u001f\u007f]/u
