import { cosignatureV1KeyType } from '../cosignature/cosignature-v1.key-type'
import { createMerkleHasher, type MerkleHasher } from '../hash/merkle.hasher'
import { sha256 } from '../hash/sha256.hash'
import { ed25519KeyType } from '../note/ed25519.key-type'
import type { NoteKeyType } from '../note/note-key.types'

/**
 * The cryptography of one log, fixed when the log is created and recorded with its parameters: the tree
 * hash, the log's checkpoint signature type and the witnesses' cosignature type. A log never changes
 * profile (never mixes hashes); a new profile means a new log origin.
 *
 * Profiles here: {@link sha256Ed25519Profile} (C2SP-conformant, pure JS for the browser) and, from
 * `@yangguang/ledger/node`, `nodeSha256Ed25519Profile` (same results, `node:crypto` hashing). A 商用密码
 * profile would pair an SM3 hasher with an SM2 key type (`0xff` + identifier) — see the package README.
 *
 * @example
 * import { MemoryTree, sha256Ed25519Profile } from '@yangguang/ledger'
 * const tree = new MemoryTree({ hasher: sha256Ed25519Profile.hasher })
 */
export interface LogProfile {
  /** Stable identifier recorded with the log, e.g. `sha256-ed25519`. */
  readonly id: string
  /** RFC 9162 hashing with the profile's hash function. */
  readonly hasher: MerkleHasher
  /** Signature type of the log's own checkpoint signature. */
  readonly logKeyType: NoteKeyType
  /** Signature type of witness cosignatures. */
  readonly witnessKeyType: NoteKeyType
}

/**
 * The default, interoperable profile: SHA-256 tree (RFC 9162), Ed25519 checkpoint signatures (signed-note
 * type `0x01`), Ed25519 cosignature/v1 witnesses (type `0x04`). Pure JS, so the same object works in the
 * browser; servers should use `nodeSha256Ed25519Profile` from `@yangguang/ledger/node`.
 *
 * @example
 * import { encodeHex, sha256Ed25519Profile } from '@yangguang/ledger'
 * encodeHex(sha256Ed25519Profile.hasher.emptyRoot()).slice(0, 8) // 'e3b0c442'
 */
export const sha256Ed25519Profile: LogProfile = {
  id: 'sha256-ed25519',
  hasher: createMerkleHasher(sha256),
  logKeyType: ed25519KeyType,
  witnessKeyType: cosignatureV1KeyType,
}

/**
 * The signature types key strings are parsed against unless a caller passes its own list.
 *
 * @example
 * import { DEFAULT_KEY_TYPES } from '@yangguang/ledger'
 * DEFAULT_KEY_TYPES.map((type) => type.typeId[0]) // [1, 4]
 */
export const DEFAULT_KEY_TYPES: readonly NoteKeyType[] = [ed25519KeyType, cosignatureV1KeyType]

/**
 * The key types of a profile, for parsing its log and witness key strings.
 *
 * @example
 * import { profileKeyTypes, sha256Ed25519Profile } from '@yangguang/ledger'
 * profileKeyTypes(sha256Ed25519Profile).length // 2
 */
export function profileKeyTypes(profile: LogProfile): readonly NoteKeyType[] {
  return profile.logKeyType === profile.witnessKeyType ? [profile.logKeyType] : [profile.logKeyType, profile.witnessKeyType]
}
