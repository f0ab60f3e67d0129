/**
 * A cryptographic hash function, as a log profile uses it for its Merkle tree. Implementations: pure-JS
 * SHA-256 ({@link sha256}, browser and Node), `node:crypto` SHA-256 (the `./node` entry), pure-JS SM3.
 *
 * @example
 * import { sha256 } from '@yangguang/ledger'
 * const digest: Uint8Array = sha256.digest(new TextEncoder().encode('abc'))
 * console.log(sha256.name, sha256.outputLength, digest.length) // 'SHA-256' 32 32
 */
export interface HashFunction {
  /** Display name, e.g. `SHA-256` or `SM3`. */
  readonly name: string
  /** Digest length in bytes. */
  readonly outputLength: number
  /** The digest of `data`, as a new array the caller may keep. */
  digest(data: Uint8Array): Uint8Array
}
