import { ed25519 } from '@noble/curves/ed25519.js'
import { LedgerError } from '../ledger.error'
import { assertKeyName, computeKeyId } from './key-id.codec'
import type { NoteKeyType, NoteSigner, NoteVerifier } from './note-key.types'

/**
 * Signed-note signature type byte of plain Ed25519 signatures (C2SP signed-note).
 *
 * @example
 * import { ED25519_TYPE_ID, parseVerifierKey } from '@yangguang/ledger'
 * parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').typeId[0] === ED25519_TYPE_ID // true
 */
export const ED25519_TYPE_ID = 0x01

/**
 * Plain Ed25519 note signatures (C2SP signed-note, type `0x01`) — what a log signs its checkpoints with.
 * Pure JS (@noble/curves). Verification is RFC 8032 strict (no ZIP-215 leniency), matching Go's
 * `crypto/ed25519` used by the Go note and witness implementations.
 *
 * @example
 * import { ed25519KeyType, formatVerifierKey } from '@yangguang/ledger'
 * const privateKey = ed25519KeyType.generatePrivateKey()
 * const vkey = formatVerifierKey('zfjd.example.gov.cn/log', ed25519KeyType, ed25519KeyType.publicKeyOf(privateKey))
 */
export const ed25519KeyType: NoteKeyType = {
  name: 'Ed25519',
  typeId: new Uint8Array([ED25519_TYPE_ID]),
  publicKeyLength: 32,
  privateKeyLength: 32,
  generatePrivateKey: () => ed25519.utils.randomSecretKey(),
  publicKeyOf: (privateKey) => ed25519PublicKey(privateKey),
  createVerifier(name, publicKey): NoteVerifier {
    assertKeyName(name)
    assertLength(publicKey, 32, 'Ed25519 public key')
    const key = publicKey.slice()
    return {
      name,
      keyId: computeKeyId(name, ed25519KeyType.typeId, key),
      typeId: ed25519KeyType.typeId,
      verify: (text, signature) => verifyEd25519(key, text, signature),
    }
  },
  createSigner(name, privateKey): NoteSigner {
    assertKeyName(name)
    const key = privateKey.slice()
    return {
      name,
      keyId: computeKeyId(name, ed25519KeyType.typeId, ed25519PublicKey(key)),
      sign: (text) => ed25519.sign(text, key),
    }
  },
}

/** Ed25519 public key of a 32-byte private key (RFC 8032 seed); throws `KEY_MALFORMED` on a wrong length. */
export function ed25519PublicKey(privateKey: Uint8Array): Uint8Array {
  assertLength(privateKey, 32, 'Ed25519 private key')
  return ed25519.getPublicKey(privateKey)
}

/** RFC 8032 strict Ed25519 verification that answers false, never throws, on malformed input. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false })
  } catch {
    return false
  }
}

function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) throw new LedgerError('KEY_MALFORMED', `${what} must be ${length} bytes`, { length: bytes.length })
}
