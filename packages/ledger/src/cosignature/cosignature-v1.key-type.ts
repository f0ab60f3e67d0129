import { ed25519 } from '@noble/curves/ed25519.js'
import { concatBytes, utf8Encode } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'
import { ed25519PublicKey, verifyEd25519 } from '../note/ed25519.key-type'
import { assertKeyName, computeKeyId, readUint32, writeUint32 } from '../note/key-id.codec'
import type { NoteKeyType, NoteSigner, NoteVerifier } from '../note/note-key.types'

/**
 * Signed-note signature type byte of timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature).
 *
 * @example
 * import { COSIGNATURE_V1_TYPE_ID, cosignatureV1KeyType } from '@yangguang/ledger'
 * cosignatureV1KeyType.typeId[0] === COSIGNATURE_V1_TYPE_ID // true
 */
export const COSIGNATURE_V1_TYPE_ID = 0x04

/**
 * A decoded cosignature/v1 signature (the 72 bytes after the key ID).
 *
 * @example
 * import type { CosignatureV1 } from '@yangguang/ledger'
 * const cosignature: CosignatureV1 = { timestamp: 1679315147, signature: new Uint8Array(64) }
 */
export interface CosignatureV1 {
  /** POSIX seconds at which the witness signed. */
  readonly timestamp: number
  /** The 64-byte Ed25519 signature over {@link cosignatureV1Message}. */
  readonly signature: Uint8Array
}

/**
 * Options of {@link createCosignatureV1Signer}.
 *
 * @example
 * import type { CosignatureV1SignerOptions } from '@yangguang/ledger'
 * const options: CosignatureV1SignerOptions = { now: () => 1_790_000_000 }
 */
export interface CosignatureV1SignerOptions {
  /** Clock in POSIX seconds; defaults to the system clock. */
  readonly now?: () => number
}

/**
 * The message a cosignature/v1 signs (C2SP tlog-cosignature v1.0.1, "Signed message"):
 * `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint's note text, extension lines included.
 * Throws `COSIGNATURE_MALFORMED` for a timestamp that is not a non-negative safe integer.
 *
 * @example
 * import { cosignatureV1Message } from '@yangguang/ledger'
 * new TextDecoder().decode(cosignatureV1Message('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 1679315147))
 * // 'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUY…=\n'
 */
export function cosignatureV1Message(checkpointText: string | Uint8Array, timestamp: number): Uint8Array {
  assertTimestamp(timestamp)
  const body = typeof checkpointText === 'string' ? utf8Encode(checkpointText) : checkpointText
  return concatBytes(utf8Encode(`cosignature/v1\ntime ${timestamp}\n`), body)
}

/**
 * Splits a cosignature/v1 signature into its big-endian u64 timestamp and Ed25519 signature. Throws
 * `COSIGNATURE_MALFORMED` unless it is exactly 72 bytes with a timestamp up to 2^53 − 1 (the spec's limit is
 * 2^63 − 1; anything past 2^53 seconds is 285 million years away and only seen in forged input).
 *
 * @example
 * import { decodeBase64, parseCosignatureV1 } from '@yangguang/ledger'
 * // A witness line from C2SP tlog-cosignature, without its 4-byte key ID:
 * const bytes = decodeBase64('jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==')
 * parseCosignatureV1(bytes.subarray(4)).timestamp // 1679315147
 */
export function parseCosignatureV1(signature: Uint8Array): CosignatureV1 {
  if (signature.length !== 72) {
    throw new LedgerError('COSIGNATURE_MALFORMED', 'a cosignature/v1 signature is 72 bytes', { length: signature.length })
  }
  const high = readUint32(signature, 0)
  const timestamp = high * 0x100000000 + readUint32(signature, 4)
  if (!Number.isSafeInteger(timestamp)) {
    throw new LedgerError('COSIGNATURE_MALFORMED', 'cosignature timestamp is out of range', { high })
  }
  return { timestamp, signature: signature.slice(8) }
}

/**
 * A witness's cosignature/v1 signer: signs a checkpoint's note text with the current time. The key ID uses
 * type `0x04`, so the same Ed25519 key yields a different ID than as a plain note key; each witness must
 * use its own key, because the signed message does not name the witness.
 *
 * @example
 * import { cosignatureV1KeyType, createCosignatureV1Signer, signNote } from '@yangguang/ledger'
 * const witness = createCosignatureV1Signer('witness.sfj.example.gov.cn', cosignatureV1KeyType.generatePrivateKey())
 * // cosigned = await signNote(parseNote(checkpointNote), [witness])
 */
export function createCosignatureV1Signer(name: string, privateKey: Uint8Array, options: CosignatureV1SignerOptions = {}): NoteSigner {
  assertKeyName(name)
  const key = privateKey.slice()
  const now = options.now ?? (() => Math.floor(Date.now() / 1000))
  return {
    name,
    keyId: computeKeyId(name, cosignatureV1KeyType.typeId, ed25519PublicKey(key)),
    sign(text) {
      const timestamp = now()
      const signature = ed25519.sign(cosignatureV1Message(text, timestamp), key)
      return concatBytes(writeUint32(Math.floor(timestamp / 0x100000000)), writeUint32(timestamp % 0x100000000), signature)
    },
  }
}

/**
 * Timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature v1.0.1, signature type `0x04`). Verifiers
 * made from this type check the signature over {@link cosignatureV1Message}; they answer false for
 * signatures that are not 72 bytes.
 *
 * @example
 * import { parseVerifierKey } from '@yangguang/ledger'
 * // A real witness key from transparency-dev/formats note_cosigv1_test.go:
 * const witness = parseVerifierKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2')
 * witness.typeId[0] // 4
 */
export const cosignatureV1KeyType: NoteKeyType = {
  name: 'cosignature/v1 (timestamped Ed25519)',
  typeId: new Uint8Array([COSIGNATURE_V1_TYPE_ID]),
  publicKeyLength: 32,
  privateKeyLength: 32,
  generatePrivateKey: () => ed25519.utils.randomSecretKey(),
  publicKeyOf: (privateKey) => ed25519PublicKey(privateKey),
  createVerifier(name, publicKey): NoteVerifier {
    assertKeyName(name)
    if (publicKey.length !== 32) throw new LedgerError('KEY_MALFORMED', 'Ed25519 public key must be 32 bytes', { length: publicKey.length })
    const key = publicKey.slice()
    return {
      name,
      keyId: computeKeyId(name, cosignatureV1KeyType.typeId, key),
      typeId: cosignatureV1KeyType.typeId,
      verify(text, signature) {
        if (signature.length !== 72) return false
        let cosignature: CosignatureV1
        try {
          cosignature = parseCosignatureV1(signature)
        } catch {
          return false
        }
        return verifyEd25519(key, cosignatureV1Message(text, cosignature.timestamp), cosignature.signature)
      },
    }
  },
  createSigner: (name, privateKey) => createCosignatureV1Signer(name, privateKey),
}

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new LedgerError('COSIGNATURE_MALFORMED', 'cosignature timestamp must be a non-negative integer of seconds', { timestamp })
  }
}
