import { concatBytes, encodeBase64, equalBytes, tryDecodeBase64 } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'
import { DEFAULT_KEY_TYPES } from '../profile/log.profile'
import { ed25519KeyType } from './ed25519.key-type'
import { assertKeyName, computeKeyId, formatKeyId, isValidKeyName } from './key-id.codec'
import type { NoteKeyType, NoteSigner, NoteVerifier } from './note-key.types'

/**
 * A signer parsed from a signer key string, with the verifier key that checks its signatures.
 *
 * @example
 * import { parseSignerKey, type ParsedSignerKey } from '@yangguang/ledger'
 * const signer: ParsedSignerKey = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 * signer.verifierKey // 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
 */
export interface ParsedSignerKey extends NoteSigner {
  readonly verifierKey: string
  readonly keyType: NoteKeyType
}

/**
 * A freshly generated key pair as strings: keep `signerKey` secret (key store, HSM import), publish
 * `verifierKey` (pinned in the verification page, 政府信息公开).
 *
 * @example
 * import { generateNoteKey, type NoteKeyPair } from '@yangguang/ledger'
 * const pair: NoteKeyPair = generateNoteKey('zfjd.example.gov.cn/log/2026')
 */
export interface NoteKeyPair {
  readonly signerKey: string
  readonly verifierKey: string
}

/**
 * Parses a verifier key (`<name>+<hex key ID>+<base64(type || public key)>`, C2SP signed-note v1.0.0
 * "Verifier keys") into a {@link NoteVerifier}. Throws `KEY_MALFORMED` for a bad shape or key length,
 * `KEY_UNSUPPORTED_TYPE` for a type outside `keyTypes`, `KEY_ID_MISMATCH` when the key ID is not the one
 * derived from name, type and key.
 *
 * @example
 * import { parseVerifierKey } from '@yangguang/ledger'
 * const verifier = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
 */
export function parseVerifierKey(verifierKey: string, keyTypes: readonly NoteKeyType[] = DEFAULT_KEY_TYPES): NoteVerifier {
  const { name, keyId, keyType, key } = parseKeyParts(verifierKey, keyTypes, 'verifier')
  if (key.length !== keyType.publicKeyLength) {
    throw new LedgerError('KEY_MALFORMED', `${keyType.name} public key must be ${keyType.publicKeyLength} bytes`, { length: key.length })
  }
  const verifier = keyType.createVerifier(name, key)
  if (verifier.keyId !== keyId) throw keyIdMismatch(name, keyId, verifier.keyId)
  return verifier
}

/**
 * Parses a signer key (`PRIVATE+KEY+<name>+<hex key ID>+<base64(type || private key)>`, the format of Go's
 * `golang.org/x/mod/sumdb/note`, whose key ID is that of the public key). Same errors as
 * {@link parseVerifierKey}.
 *
 * @example
 * import { parseSignerKey, signNote } from '@yangguang/ledger'
 * const signer = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 * const note = await signNote('hi\n', [signer])
 */
export function parseSignerKey(signerKey: string, keyTypes: readonly NoteKeyType[] = DEFAULT_KEY_TYPES): ParsedSignerKey {
  if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) throw new LedgerError('KEY_MALFORMED', 'signer key must start with PRIVATE+KEY+')
  const { name, keyId, keyType, key } = parseKeyParts(signerKey.slice(SIGNER_KEY_PREFIX.length), keyTypes, 'signer')
  if (key.length !== keyType.privateKeyLength) {
    throw new LedgerError('KEY_MALFORMED', `${keyType.name} private key must be ${keyType.privateKeyLength} bytes`, { length: key.length })
  }
  const signer = keyType.createSigner(name, key)
  if (signer.keyId !== keyId) throw keyIdMismatch(name, keyId, signer.keyId)
  return {
    name: signer.name,
    keyId: signer.keyId,
    sign: (text) => signer.sign(text),
    keyType,
    verifierKey: formatVerifierKey(name, keyType, keyType.publicKeyOf(key)),
  }
}

/**
 * Formats a verifier key string for a public key.
 *
 * @example
 * import { decodeBase64, ed25519KeyType, formatVerifierKey } from '@yangguang/ledger'
 * const publicKey = decodeBase64('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').subarray(1)
 * formatVerifierKey('PeterNeumann', ed25519KeyType, publicKey) // 'PeterNeumann+c74f20a3+ARpc2QcU…'
 */
export function formatVerifierKey(name: string, keyType: NoteKeyType, publicKey: Uint8Array): string {
  assertKeyName(name)
  const keyId = computeKeyId(name, keyType.typeId, publicKey)
  return `${name}+${formatKeyId(keyId)}+${encodeBase64(concatBytes(keyType.typeId, publicKey))}`
}

/**
 * Formats a signer key string for a private key (the key ID is derived from its public key).
 *
 * @example
 * import { ed25519KeyType, formatSignerKey } from '@yangguang/ledger'
 * const skey = formatSignerKey('example.com/log', ed25519KeyType, ed25519KeyType.generatePrivateKey())
 */
export function formatSignerKey(name: string, keyType: NoteKeyType, privateKey: Uint8Array): string {
  assertKeyName(name)
  const keyId = computeKeyId(name, keyType.typeId, keyType.publicKeyOf(privateKey))
  return `${SIGNER_KEY_PREFIX}${name}+${formatKeyId(keyId)}+${encodeBase64(concatBytes(keyType.typeId, privateKey))}`
}

/**
 * Generates a new key of `keyType` (default Ed25519 for log keys; pass `cosignatureV1KeyType` for a
 * witness) and returns it as signer and verifier key strings.
 *
 * @example
 * import { cosignatureV1KeyType, generateNoteKey } from '@yangguang/ledger'
 * const log = generateNoteKey('zfjd.example.gov.cn/log/2026')
 * const witness = generateNoteKey('witness.sfj.example.gov.cn', cosignatureV1KeyType)
 */
export function generateNoteKey(name: string, keyType: NoteKeyType = ed25519KeyType): NoteKeyPair {
  const privateKey = keyType.generatePrivateKey()
  return { signerKey: formatSignerKey(name, keyType, privateKey), verifierKey: formatVerifierKey(name, keyType, keyType.publicKeyOf(privateKey)) }
}

function parseKeyParts(text: string, keyTypes: readonly NoteKeyType[], what: string) {
  const firstPlus = text.indexOf('+')
  const secondPlus = text.indexOf('+', firstPlus + 1)
  if (firstPlus < 0 || secondPlus < 0) throw new LedgerError('KEY_MALFORMED', `${what} key must have the form name+keyid+key`)
  const name = text.slice(0, firstPlus)
  const hexId = text.slice(firstPlus + 1, secondPlus)
  const material = tryDecodeBase64(text.slice(secondPlus + 1))
  if (!isValidKeyName(name)) throw new LedgerError('KEY_MALFORMED', `${what} key has an invalid name`, { name })
  if (!/^[0-9a-fA-F]{8}$/.test(hexId)) throw new LedgerError('KEY_MALFORMED', `${what} key ID must be 8 hex digits`, { keyId: hexId })
  if (material === undefined || material.length === 0) throw new LedgerError('KEY_MALFORMED', `${what} key material is not base64`)
  // The longest matching type wins, so that 0xff-prefixed identifiers cannot be shadowed by a shorter one.
  const keyType = [...keyTypes]
    .sort((a, b) => b.typeId.length - a.typeId.length)
    .find((type) => material.length >= type.typeId.length && equalBytes(material.subarray(0, type.typeId.length), type.typeId))
  if (keyType === undefined) {
    throw new LedgerError('KEY_UNSUPPORTED_TYPE', `${what} key has an unsupported signature type`, { type: material[0] })
  }
  return { name, keyId: parseInt(hexId, 16), keyType, key: material.slice(keyType.typeId.length) }
}

function keyIdMismatch(name: string, claimed: number, derived: number): LedgerError {
  return new LedgerError('KEY_ID_MISMATCH', `key ID ${formatKeyId(claimed)} does not match the key (${formatKeyId(derived)})`, { name })
}

const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+'
