import { assertLogIndex, isPowerOfTwo } from '../encoding/log-index.math'
import type { MerkleHasher } from '../hash/merkle.hasher'
import { LedgerError } from '../ledger.error'
import {
  consistencyProofRanges,
  inclusionProofRanges,
  rangeNodes,
  type LeafRange,
  type NodeId,
} from './subtree.math'

/**
 * Where proofs get their hashes: the hash of any complete subtree inside the tree. Implemented by
 * {@link MemoryTree}; a server can implement it over its tile or node table.
 *
 * @example
 * import { createMerkleHasher, sha256, type NodeSource } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const leaves = [1, 2, 3].map((n) => hasher.hashLeaf(new Uint8Array([n])))
 * const source: NodeSource = {
 *   nodeHash: (level, index) => {
 *     if (level === 0) return leaves[index]
 *     return hasher.hashChildren(source.nodeHash(level - 1, 2 * index), source.nodeHash(level - 1, 2 * index + 1))
 *   },
 * }
 */
export interface NodeSource {
  /** Hash of the complete subtree `(level, index)`; only asked for subtrees that lie inside the tree. */
  nodeHash(level: number, index: number): Uint8Array
}

/**
 * Batch form of {@link NodeSource} for storage that answers asynchronously (tiles over HTTP, a database):
 * proofs ask for all the nodes they need in one call, in the order given.
 *
 * @example
 * import type { NodeReader } from '@yangguang/ledger'
 * const read: NodeReader = async (nodes) => nodes.map(() => new Uint8Array(32))
 */
export type NodeReader = (nodes: readonly NodeId[]) => Promise<readonly Uint8Array[]>

/**
 * Merkle hash of a run of adjacent complete subtrees as returned by {@link rangeNodes}: the right fold
 * `H(h1, H(h2, … hk))`. An empty run hashes to the empty-tree root.
 *
 * @example
 * import { createMerkleHasher, hashNodeRun, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const root = hashNodeRun([hasher.hashLeaf(new Uint8Array([1]))], hasher) // the 1-leaf tree's root
 */
export function hashNodeRun(hashes: readonly Uint8Array[], hasher: MerkleHasher): Uint8Array {
  if (hashes.length === 0) return hasher.emptyRoot()
  let hash = hashes[hashes.length - 1]
  for (let i = hashes.length - 2; i >= 0; i--) hash = hasher.hashChildren(hashes[i], hash)
  return hash
}

/**
 * Root of the complete subtree whose leaves are the `count` (a power of two) consecutive hashes packed in
 * `hashes` — how a tile, or a stored tree level, yields the nodes between its stored levels.
 *
 * @example
 * import { createMerkleHasher, hashCompleteSubtree, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const tile = new Uint8Array(4 * 32) // four level-0 hashes
 * const node = hashCompleteSubtree(tile, hasher) // the level-2 node above them
 */
export function hashCompleteSubtree(hashes: Uint8Array, hasher: MerkleHasher): Uint8Array {
  const size = hasher.hashSize
  const count = hashes.length / size
  if (!isPowerOfTwo(count)) throw new LedgerError('OUT_OF_RANGE', 'a complete subtree has a power-of-two number of hashes', { count })
  if (count === 1) return hashes.slice()
  let level: Uint8Array[] = []
  for (let i = 0; i < count; i += 2) {
    level.push(hasher.hashChildren(hashes.subarray(i * size, (i + 1) * size), hashes.subarray((i + 1) * size, (i + 2) * size)))
  }
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) next.push(hasher.hashChildren(level[i], level[i + 1]))
    level = next
  }
  return level[0]
}

/**
 * Root hash of the first `size` leaves, `MTH(D[0:size])`, from stored complete subtrees — also roots of
 * past tree sizes, as consistency checks and old checkpoints need.
 *
 * @example
 * import { MemoryTree, treeRootFromSource } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 5; i++) tree.append(new Uint8Array([i]))
 * const rootAt3 = treeRootFromSource(3, tree, tree.hasher)
 */
export function treeRootFromSource(size: number, source: NodeSource, hasher: MerkleHasher): Uint8Array {
  return hashRangeFromSource({ start: 0, end: size }, source, hasher)
}

/**
 * Inclusion proof (RFC 9162 §2.1.3.1 `PATH`) of leaf `index` in the tree of `size` leaves.
 *
 * @example
 * import { MemoryTree, inclusionProofFromSource } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 7; i++) tree.append(new Uint8Array([i]))
 * const proof = inclusionProofFromSource(3, 7, tree, tree.hasher) // 3 hashes
 */
export function inclusionProofFromSource(index: number, size: number, source: NodeSource, hasher: MerkleHasher): Uint8Array[] {
  return inclusionProofRanges(index, size).map((range) => hashRangeFromSource(range, source, hasher))
}

/**
 * Consistency proof (RFC 9162 §2.1.4.1 `PROOF`) from the tree of `size1` leaves to the tree of `size2`.
 * Empty for equal sizes and for `size1 = 0`.
 *
 * @example
 * import { MemoryTree, consistencyProofFromSource } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 7; i++) tree.append(new Uint8Array([i]))
 * const proof = consistencyProofFromSource(3, 7, tree, tree.hasher) // 4 hashes: c, d, g, l of the RFC example
 */
export function consistencyProofFromSource(size1: number, size2: number, source: NodeSource, hasher: MerkleHasher): Uint8Array[] {
  return consistencyProofRanges(size1, size2).map((range) => hashRangeFromSource(range, source, hasher))
}

/**
 * {@link inclusionProofFromSource} over asynchronous storage: one batched read of every node needed.
 *
 * @example
 * import { createMerkleHasher, inclusionProofFromReader, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const proof = await inclusionProofFromReader(0, 1, async (nodes) => nodes.map(() => new Uint8Array(32)), hasher) // []
 */
export async function inclusionProofFromReader(index: number, size: number, read: NodeReader, hasher: MerkleHasher): Promise<Uint8Array[]> {
  return hashRangesFromReader(inclusionProofRanges(index, size), read, hasher)
}

/**
 * {@link consistencyProofFromSource} over asynchronous storage.
 *
 * @example
 * import { consistencyProofFromReader, createMerkleHasher, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const proof = await consistencyProofFromReader(5, 5, async () => [], hasher) // [] — equal sizes
 */
export async function consistencyProofFromReader(size1: number, size2: number, read: NodeReader, hasher: MerkleHasher): Promise<Uint8Array[]> {
  return hashRangesFromReader(consistencyProofRanges(size1, size2), read, hasher)
}

/**
 * {@link treeRootFromSource} over asynchronous storage.
 *
 * @example
 * import { createMerkleHasher, sha256, treeRootFromReader } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const empty = await treeRootFromReader(0, async () => [], hasher) // SHA-256 of the empty string
 */
export async function treeRootFromReader(size: number, read: NodeReader, hasher: MerkleHasher): Promise<Uint8Array> {
  assertLogIndex(size, 'size')
  const [root] = await hashRangesFromReader([{ start: 0, end: size }], read, hasher)
  return root
}

function hashRangeFromSource(range: LeafRange, source: NodeSource, hasher: MerkleHasher): Uint8Array {
  const hashes = rangeNodes(range.start, range.end).map((node) => checkedHash(source.nodeHash(node.level, node.index), node, hasher))
  return hashNodeRun(hashes, hasher)
}

async function hashRangesFromReader(ranges: readonly LeafRange[], read: NodeReader, hasher: MerkleHasher): Promise<Uint8Array[]> {
  const perRange = ranges.map((range) => rangeNodes(range.start, range.end))
  const nodes = perRange.flat()
  const hashes = await read(nodes)
  if (hashes.length !== nodes.length) {
    throw new LedgerError('OUT_OF_RANGE', 'node reader returned a different number of hashes than asked for', {
      asked: nodes.length,
      returned: hashes.length,
    })
  }
  let next = 0
  return perRange.map((run) => {
    const runHashes = run.map((node) => checkedHash(hashes[next++], node, hasher))
    return hashNodeRun(runHashes, hasher)
  })
}

// A storage bug that returns a short hash would otherwise produce a proof that fails far away, at a verifier.
function checkedHash(hash: Uint8Array | undefined, node: NodeId, hasher: MerkleHasher): Uint8Array {
  if (hash === undefined || hash.length !== hasher.hashSize) {
    throw new LedgerError('BAD_HASH_SIZE', 'node source returned a hash of the wrong size', { ...node, length: hash?.length })
  }
  return hash
}
