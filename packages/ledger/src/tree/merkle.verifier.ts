import { equalBytes } from '../encoding/bytes.codec'
import { assertLogIndex, isPowerOfTwo } from '../encoding/log-index.math'
import { createMerkleHasher, type MerkleHasher } from '../hash/merkle.hasher'
import { sha256 } from '../hash/sha256.hash'
import { LedgerError } from '../ledger.error'

/**
 * An inclusion proof as a verifier receives it.
 *
 * @example
 * import type { InclusionProof } from '@yangguang/ledger'
 * const claim: InclusionProof = { index: 0, size: 1, leafHash: new Uint8Array(32), proof: [] }
 */
export interface InclusionProof {
  /** 0-based index of the leaf. */
  readonly index: number
  /** Size of the tree the proof is for. */
  readonly size: number
  /** The leaf hash `HASH(0x00 || entry)` — not the entry itself. */
  readonly leafHash: Uint8Array
  /** Sibling hashes, the leaf's sibling first. */
  readonly proof: readonly Uint8Array[]
}

/**
 * A consistency proof between two tree heads as a verifier receives it.
 *
 * @example
 * import type { ConsistencyProof } from '@yangguang/ledger'
 * const claim: ConsistencyProof = { size1: 1, size2: 1, root1: new Uint8Array(32), root2: new Uint8Array(32), proof: [] }
 */
export interface ConsistencyProof {
  readonly size1: number
  readonly size2: number
  readonly root1: Uint8Array
  readonly root2: Uint8Array
  readonly proof: readonly Uint8Array[]
}

/**
 * RFC 9162 hasher over pure-JS SHA-256: the default of every verification function.
 *
 * @example
 * import { encodeHex, sha256Hasher } from '@yangguang/ledger'
 * encodeHex(sha256Hasher.hashLeaf(new Uint8Array(0))).slice(0, 8) // '6e340b9c', the standard 1-leaf root
 */
export const sha256Hasher: MerkleHasher = createMerkleHasher(sha256)

/**
 * Recomputes the root an inclusion proof leads to (RFC 9162 §2.1.3.2). Throws a `LedgerError` —
 * `OUT_OF_RANGE` for an index outside the tree, `BAD_HASH_SIZE` for a hash of the wrong length (an empty
 * leaf or root must not pass, as plain RFC pseudo-code would let it), `PROOF_WRONG_LENGTH` when the proof
 * has more or fewer hashes than the index and size call for.
 *
 * @example
 * import { decodeBase64, rootFromInclusionProof } from '@yangguang/ledger'
 * const leafHash = decodeBase64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=')
 * const root = rootFromInclusionProof({ index: 0, size: 1, leafHash, proof: [] }) // the leaf hash itself
 */
export function rootFromInclusionProof(claim: InclusionProof, hasher: MerkleHasher = sha256Hasher): Uint8Array {
  const { index, size, leafHash, proof } = claim
  assertLogIndex(index, 'index')
  assertLogIndex(size, 'size')
  if (index >= size) throw new LedgerError('OUT_OF_RANGE', 'leaf index must be below the tree size', { index, size })
  assertHashSize(leafHash, 'leafHash', hasher)
  proof.forEach((hash, i) => assertHashSize(hash, `proof[${i}]`, hasher))
  const expected = inclusionProofLength(index, size)
  if (proof.length !== expected) {
    throw new LedgerError('PROOF_WRONG_LENGTH', `inclusion proof needs ${expected} hashes, got ${proof.length}`, { expected, actual: proof.length })
  }
  // The RFC's literal walk: fn tracks the node's index and sn the last index at the current level.
  let fn = index
  let sn = size - 1
  let hash = leafHash
  for (const sibling of proof) {
    if (fn % 2 === 1 || fn === sn) {
      hash = hasher.hashChildren(sibling, hash)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      hash = hasher.hashChildren(hash, sibling)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return hash
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`. Returns
 * normally on success and throws a `LedgerError` otherwise (`PROOF_MISMATCH` when the proof is well formed
 * but leads elsewhere; see {@link rootFromInclusionProof} for the other codes).
 *
 * @example
 * import { MemoryTree, verifyInclusionProof } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 10; i++) tree.append(new Uint8Array([i]))
 * verifyInclusionProof({ index: 4, size: 10, leafHash: tree.leafHash(4), proof: tree.inclusionProof(4), root: tree.root() })
 */
export function verifyInclusionProof(claim: InclusionProof & { readonly root: Uint8Array }, hasher: MerkleHasher = sha256Hasher): void {
  assertHashSize(claim.root, 'root', hasher)
  const computed = rootFromInclusionProof(claim, hasher)
  if (!equalBytes(computed, claim.root)) {
    throw new LedgerError('PROOF_MISMATCH', 'inclusion proof does not lead to the given root', { index: claim.index, size: claim.size })
  }
}

/**
 * Verifies that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with root
 * `root1` (RFC 9162 §2.1.4.2). Returns normally on success, throws a `LedgerError` otherwise. Beyond the RFC,
 * and matching transparency-dev/merkle and its published vectors: `size1 = 0` always fails (it proves
 * nothing — the tlog-witness protocol handles old size 0 without a proof), equal sizes need an empty proof
 * and equal roots, and every hash must have the hash function's length.
 *
 * @example
 * import { MemoryTree, verifyConsistencyProof } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 10; i++) tree.append(new Uint8Array([i]))
 * verifyConsistencyProof({ size1: 6, size2: 10, root1: tree.root(6), root2: tree.root(), proof: tree.consistencyProof(6, 10) })
 */
export function verifyConsistencyProof(claim: ConsistencyProof, hasher: MerkleHasher = sha256Hasher): void {
  const { size1, size2, root1, root2, proof } = claim
  assertLogIndex(size1, 'size1')
  assertLogIndex(size2, 'size2')
  if (size1 > size2) throw new LedgerError('OUT_OF_RANGE', 'size1 must not exceed size2', { size1, size2 })
  if (size1 === 0) throw new LedgerError('OUT_OF_RANGE', 'a consistency proof from size 0 proves nothing', { size1, size2 })
  if (size1 === size2) {
    if (proof.length !== 0) {
      throw new LedgerError('PROOF_WRONG_LENGTH', 'equal tree sizes need an empty consistency proof', { expected: 0, actual: proof.length })
    }
    if (!equalBytes(root1, root2)) throw new LedgerError('PROOF_MISMATCH', 'equal tree sizes with different roots', { size1, size2 })
    return
  }
  assertHashSize(root1, 'root1', hasher)
  assertHashSize(root2, 'root2', hasher)
  proof.forEach((hash, i) => assertHashSize(hash, `proof[${i}]`, hasher))
  const expected = consistencyProofLength(size1, size2)
  if (proof.length !== expected) {
    throw new LedgerError('PROOF_WRONG_LENGTH', `consistency proof needs ${expected} hashes, got ${proof.length}`, { expected, actual: proof.length })
  }
  // When size1 is a power of two the old root is itself a node of the new tree, so the proof omits it.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let oldHash = path[0]
  let newHash = path[0]
  for (let i = 1; i < path.length; i++) {
    const sibling = path[i]
    if (fn % 2 === 1 || fn === sn) {
      oldHash = hasher.hashChildren(sibling, oldHash)
      newHash = hasher.hashChildren(sibling, newHash)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      newHash = hasher.hashChildren(newHash, sibling)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (!equalBytes(oldHash, root1)) throw new LedgerError('PROOF_MISMATCH', 'consistency proof does not lead to root1', { size1, size2 })
  if (!equalBytes(newHash, root2)) throw new LedgerError('PROOF_MISMATCH', 'consistency proof does not lead to root2', { size1, size2 })
}

/**
 * Number of hashes in the inclusion proof of leaf `index` in a tree of `size` leaves (index < size).
 *
 * @example
 * import { inclusionProofLength } from '@yangguang/ledger'
 * inclusionProofLength(5, 8) // 3
 */
export function inclusionProofLength(index: number, size: number): number {
  return walkLength(index, size - 1)
}

/**
 * Number of hashes in the consistency proof from `size1` to `size2` (0 < size1 < size2).
 *
 * @example
 * import { consistencyProofLength } from '@yangguang/ledger'
 * consistencyProofLength(3, 7) // 4
 */
export function consistencyProofLength(size1: number, size2: number): number {
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  // The verifier's path has one hash per step of the walk; the first is root1 when size1 is a power of two.
  return walkLength(fn, sn) + (isPowerOfTwo(size1) ? 0 : 1)
}

// Steps of the RFC 9162 verification walk from (fn, sn) until sn reaches 0 — one proof hash per step.
function walkLength(fn: number, sn: number): number {
  let steps = 0
  while (sn > 0) {
    if (fn % 2 === 0 && fn === sn) {
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
    steps++
  }
  return steps
}

function assertHashSize(hash: Uint8Array, what: string, hasher: MerkleHasher): void {
  if (hash.length !== hasher.hashSize) {
    throw new LedgerError('BAD_HASH_SIZE', `${what} must be ${hasher.hashSize} bytes, got ${hash.length}`, { what, length: hash.length })
  }
}
