import { assertLogIndex } from '../encoding/log-index.math'
import type { MerkleHasher } from '../hash/merkle.hasher'
import { LedgerError } from '../ledger.error'
import { hashNodeRun } from './merkle.prover'
import { rangeNodes } from './subtree.math'

/**
 * The frontier of a tree: its size and the hashes of the complete subtrees that make up `[0, size)`, from
 * the largest (leftmost) to the smallest — one per set bit of `size`, so at most 53. This is all a writer
 * must persist to keep appending and to compute the current root; everything else is append-only data.
 *
 * @example
 * import type { Frontier } from '@yangguang/ledger'
 * const empty: Frontier = { size: 0, hashes: [] }
 */
export interface Frontier {
  readonly size: number
  readonly hashes: readonly Uint8Array[]
}

/**
 * Receives every complete subtree the moment an append completes it — the leaf itself (level 0) and each
 * parent it closes. A server writes the ones at levels 0, 8, 16, … into tiles (see `TileUpdateCollector`);
 * `MemoryTree` keeps the ones at its stored levels. The hash arrays are the range's own: copy, never modify.
 *
 * @example
 * import type { NodeSink } from '@yangguang/ledger'
 * const log: NodeSink = (level, index, hash) => console.log(level, index, hash.length)
 */
export type NodeSink = (level: number, index: number, hash: Uint8Array) => void

/**
 * A compact range `[0, size)` (the frontier of an append-only Merkle tree): appends in amortised one node
 * hash per leaf and gives the current root without storing the tree.
 *
 * @example
 * import { CompactRange, createMerkleHasher, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const range = new CompactRange(hasher)
 * range.append(hasher.hashLeaf(new TextEncoder().encode('立案 — case filed')))
 * const saved = range.toFrontier() // persist this …
 * const resumed = CompactRange.fromFrontier(saved, hasher) // … and continue later
 * console.log(resumed.size, resumed.root().length) // 1 32
 */
export class CompactRange {
  #size = 0
  // levels[l] holds the pending left subtree of height l, present exactly when bit l of size is set.
  readonly #levels: (Uint8Array | undefined)[] = []

  constructor(readonly hasher: MerkleHasher) {}

  /**
   * Restores a range from a persisted {@link Frontier}; throws `OUT_OF_RANGE`/`BAD_HASH_SIZE` if the hashes
   * do not fit the size.
   *
   * @example
   * import { CompactRange, createMerkleHasher, sha256 } from '@yangguang/ledger'
   * const range = CompactRange.fromFrontier({ size: 0, hashes: [] }, createMerkleHasher(sha256))
   */
  static fromFrontier(frontier: Frontier, hasher: MerkleHasher): CompactRange {
    assertLogIndex(frontier.size, 'size')
    const nodes = rangeNodes(0, frontier.size)
    if (nodes.length !== frontier.hashes.length) {
      throw new LedgerError('OUT_OF_RANGE', `a frontier of size ${frontier.size} has ${nodes.length} hashes`, {
        expected: nodes.length,
        actual: frontier.hashes.length,
      })
    }
    const range = new CompactRange(hasher)
    nodes.forEach((node, i) => {
      const hash = frontier.hashes[i]
      if (hash.length !== hasher.hashSize) throw new LedgerError('BAD_HASH_SIZE', 'frontier hash of the wrong size', { position: i })
      range.#levels[node.level] = hash.slice()
    })
    range.#size = frontier.size
    return range
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size
  }

  /**
   * Appends one leaf hash and returns its index. `onNode` sees every subtree this append completes.
   *
   * @example
   * import { CompactRange, createMerkleHasher, sha256 } from '@yangguang/ledger'
   * const hasher = createMerkleHasher(sha256)
   * const range = new CompactRange(hasher)
   * range.append(hasher.hashLeaf(new Uint8Array([0])))
   * range.append(hasher.hashLeaf(new Uint8Array([1])), (level, index) => console.log(level, index)) // 0 1, then 1 0
   */
  append(leafHash: Uint8Array, onNode?: NodeSink): number {
    if (leafHash.length !== this.hasher.hashSize) throw new LedgerError('BAD_HASH_SIZE', 'leaf hash of the wrong size', { length: leafHash.length })
    const index = this.#size
    if (index >= Number.MAX_SAFE_INTEGER) throw new LedgerError('OUT_OF_RANGE', 'tree is at the largest representable size', { size: index })
    let hash = leafHash
    let level = 0
    let position = index
    onNode?.(0, position, hash)
    // Each odd position closes a pair: merge with the pending left sibling and carry upward (binary increment).
    while (position % 2 === 1) {
      hash = this.hasher.hashChildren(this.#levels[level] as Uint8Array, hash)
      this.#levels[level] = undefined
      level++
      position = (position - 1) / 2
      onNode?.(level, position, hash)
    }
    // A level-0 hash is the caller's array; copy it so later reuse of their buffer cannot change the tree.
    this.#levels[level] = level === 0 ? hash.slice() : hash
    this.#size = index + 1
    return index
  }

  /**
   * Root hash of the tree `[0, size)`.
   *
   * @example
   * import { CompactRange, createMerkleHasher, encodeHex, sha256 } from '@yangguang/ledger'
   * encodeHex(new CompactRange(createMerkleHasher(sha256)).root()).slice(0, 8) // 'e3b0c442' (empty tree)
   */
  root(): Uint8Array {
    return hashNodeRun(this.#pending(), this.hasher)
  }

  /**
   * The persisted form; see {@link Frontier}.
   *
   * @example
   * import { CompactRange, createMerkleHasher, sha256 } from '@yangguang/ledger'
   * const frontier = new CompactRange(createMerkleHasher(sha256)).toFrontier() // { size: 0, hashes: [] }
   */
  toFrontier(): Frontier {
    return { size: this.#size, hashes: this.#pending().map((hash) => hash.slice()) }
  }

  // Pending subtrees from the highest level (leftmost leaves) down.
  #pending(): Uint8Array[] {
    const hashes: Uint8Array[] = []
    for (let level = this.#levels.length - 1; level >= 0; level--) {
      const hash = this.#levels[level]
      if (hash !== undefined) hashes.push(hash)
    }
    return hashes
  }
}
