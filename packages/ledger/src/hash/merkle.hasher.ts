import { concatBytes } from '../encoding/bytes.codec'
import type { HashFunction } from './hash-function.types'

/**
 * RFC 9162 §2.1.1 tree hashing over a log's hash function: leaves are `HASH(0x00 || entry)`, interior nodes
 * `HASH(0x01 || left || right)`, the empty tree `HASH()`. The domain-separation bytes are what stop a leaf
 * from being passed off as an interior node (second-preimage attacks on the tree).
 *
 * @example
 * import { createMerkleHasher, encodeHex, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * encodeHex(hasher.hashLeaf(new Uint8Array(0))) // '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'
 */
export interface MerkleHasher {
  /** The hash function underneath; its output length is the size of every tree hash. */
  readonly hash: HashFunction
  /** Length in bytes of every hash in the tree. */
  readonly hashSize: number
  /** Root of the empty tree, `HASH()`. */
  emptyRoot(): Uint8Array
  /** Leaf hash `HASH(0x00 || entry)`. */
  hashLeaf(entry: Uint8Array): Uint8Array
  /** Interior node hash `HASH(0x01 || left || right)`. */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array
}

/**
 * RFC 9162 §2.1.1 domain-separation prefix of leaf hashes.
 *
 * @example
 * import { LEAF_HASH_PREFIX, sha256, sha256Hasher } from '@yangguang/ledger'
 * const entry = new Uint8Array([7])
 * sha256Hasher.hashLeaf(entry) // equals sha256.digest(new Uint8Array([LEAF_HASH_PREFIX, 7]))
 */
export const LEAF_HASH_PREFIX = 0x00
/**
 * RFC 9162 §2.1.1 domain-separation prefix of interior node hashes.
 *
 * @example
 * import { NODE_HASH_PREFIX, concatBytes, sha256, sha256Hasher } from '@yangguang/ledger'
 * const left = new Uint8Array(32)
 * const right = new Uint8Array(32).fill(1)
 * sha256Hasher.hashChildren(left, right) // equals sha256.digest(concatBytes(new Uint8Array([NODE_HASH_PREFIX]), left, right))
 */
export const NODE_HASH_PREFIX = 0x01

/**
 * Builds the RFC 9162 hasher for a hash function. The hasher reuses one scratch buffer for node inputs, so
 * appending to a tree allocates only the output digests.
 *
 * @example
 * import { createMerkleHasher, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const a = hasher.hashLeaf(new Uint8Array([1]))
 * const b = hasher.hashLeaf(new Uint8Array([2]))
 * const root = hasher.hashChildren(a, b) // root of the two-leaf tree
 */
export function createMerkleHasher(hash: HashFunction): MerkleHasher {
  const size = hash.outputLength
  const nodeInput = new Uint8Array(1 + 2 * size)
  nodeInput[0] = NODE_HASH_PREFIX
  let leafInput = new Uint8Array(256)
  const empty = hash.digest(new Uint8Array(0))
  return {
    hash,
    hashSize: size,
    emptyRoot: () => empty.slice(),
    hashLeaf(entry) {
      const length = entry.length + 1
      if (length > leafInput.length) {
        // Entries above the tlog-tiles maximum (65,535 bytes) get a one-off buffer so the scratch stays small.
        if (length > MAX_SCRATCH) return hash.digest(concatBytes(LEAF_PREFIX_BYTES, entry))
        leafInput = new Uint8Array(Math.min(MAX_SCRATCH, 2 * length))
      }
      leafInput[0] = LEAF_HASH_PREFIX
      leafInput.set(entry, 1)
      return hash.digest(leafInput.subarray(0, length))
    },
    hashChildren(left, right) {
      nodeInput.set(left, 1)
      nodeInput.set(right, 1 + size)
      return hash.digest(nodeInput)
    },
  }
}

const MAX_SCRATCH = 65536
const LEAF_PREFIX_BYTES = new Uint8Array([LEAF_HASH_PREFIX])
