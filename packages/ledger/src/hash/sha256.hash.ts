import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import type { HashFunction } from './hash-function.types'

/**
 * SHA-256 in pure JS (@noble/hashes): runs unchanged in the browser and in Node. On the server prefer
 * `nodeSha256` from `@yangguang/ledger/node`, which is several times faster for the 65-byte inputs of a tree.
 *
 * @example
 * import { encodeHex, sha256 } from '@yangguang/ledger'
 * encodeHex(sha256.digest(new Uint8Array(0))) // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export const sha256: HashFunction = {
  name: 'SHA-256',
  outputLength: 32,
  digest: (data) => nobleSha256(data),
}
