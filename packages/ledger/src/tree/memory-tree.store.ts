import { assertLogIndex, pow2 } from '../encoding/log-index.math'
import type { MerkleHasher } from '../hash/merkle.hasher'
import { LedgerError } from '../ledger.error'
import { TILE_HEIGHT, TILE_WIDTH, tileWidth } from '../tiles/tile.math'
import { sha256Hasher } from './merkle.verifier'
import { CompactRange, type Frontier, type NodeSink } from './compact-range.state'
import { HashColumn } from './hash-column.store'
import {
  consistencyProofFromSource,
  hashCompleteSubtree,
  inclusionProofFromSource,
  treeRootFromSource,
  type NodeSource,
} from './merkle.prover'

/**
 * Options of a {@link MemoryTree}.
 *
 * @example
 * import { createMerkleHasher, sha256, type MemoryTreeOptions } from '@yangguang/ledger'
 * const options: MemoryTreeOptions = { hasher: createMerkleHasher(sha256), storedLevelStride: 8 }
 */
export interface MemoryTreeOptions {
  /** Tree hashing; defaults to pure-JS SHA-256. Pass a profile's hasher (e.g. the `./node` one on servers). */
  readonly hasher?: MerkleHasher
  /**
   * Keep the hashes of every `stride`-th tree level (level 0 always). Nodes in between are recomputed from
   * the level below on demand, at most `2^stride − 1` hashes each. 4 (default) costs ~6.7% memory over the
   * leaf hashes and keeps proofs at 10M leaves well under a millisecond; 8 stores exactly the C2SP tiles.
   */
  readonly storedLevelStride?: 1 | 2 | 4 | 8
  /** Called for every complete subtree as appends create it — e.g. to mirror tiles into storage. */
  readonly onNode?: NodeSink
}

/**
 * An in-memory append-only RFC 9162 tree: appends, current and past roots, inclusion and consistency proofs,
 * and C2SP tiles. Level-0 hashes live in flat chunked byte arrays (32 bytes per leaf), so 10 million leaves
 * take ~340 MB. Entries themselves are not kept — only their leaf hashes.
 *
 * @example
 * import { MemoryTree, verifyInclusionProof } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * const index = tree.append(new TextEncoder().encode('{"act":"立案","record":"2026-001"}'))
 * const proof = tree.inclusionProof(index)
 * verifyInclusionProof({ index, size: tree.size, leafHash: tree.leafHash(index), proof, root: tree.root() })
 */
export class MemoryTree implements NodeSource {
  readonly hasher: MerkleHasher
  readonly #stride: number
  // #columns[k] holds tree level k · stride, in index order.
  readonly #columns: HashColumn[] = []
  readonly #range: CompactRange
  readonly #store: NodeSink

  constructor(options: MemoryTreeOptions = {}) {
    this.hasher = options.hasher ?? sha256Hasher
    this.#stride = options.storedLevelStride ?? 4
    if (![1, 2, 4, 8].includes(this.#stride)) throw new LedgerError('OUT_OF_RANGE', 'storedLevelStride must be 1, 2, 4 or 8', { stride: this.#stride })
    this.#range = new CompactRange(this.hasher)
    const onNode = options.onNode
    this.#store = (level, index, hash) => {
      if (level % this.#stride === 0) this.#column(level / this.#stride).push(hash)
      onNode?.(level, index, hash)
    }
  }

  /** Number of leaves. */
  get size(): number {
    return this.#range.size
  }

  /**
   * Appends an entry (hashing it as a leaf) and returns its index.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * tree.append(new Uint8Array([1, 2, 3])) // 0
   */
  append(entry: Uint8Array): number {
    return this.#range.append(this.hasher.hashLeaf(entry), this.#store)
  }

  /**
   * Appends an already computed leaf hash `HASH(0x00 || entry)` and returns its index.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * tree.appendLeafHash(tree.hasher.hashLeaf(new Uint8Array([1]))) // 0
   */
  appendLeafHash(leafHash: Uint8Array): number {
    return this.#range.append(leafHash, this.#store)
  }

  /**
   * The leaf hash at `index` (a copy).
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * tree.append(new Uint8Array(0))
   * tree.leafHash(0).length // 32
   */
  leafHash(index: number): Uint8Array {
    return this.nodeHash(0, index)
  }

  /**
   * Hash of the complete subtree `(level, index)`; throws `OUT_OF_RANGE` if it is not complete yet.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * for (let i = 0; i < 4; i++) tree.append(new Uint8Array([i]))
   * tree.nodeHash(2, 0) // equals tree.root()
   */
  nodeHash(level: number, index: number): Uint8Array {
    assertLogIndex(level, 'level')
    assertLogIndex(index, 'index')
    if (level > 63 || (index + 1) * pow2(level) > this.size) {
      throw new LedgerError('OUT_OF_RANGE', 'node is not a complete subtree of the tree', { level, index, size: this.size })
    }
    const base = level - (level % this.#stride)
    const count = pow2(level - base)
    return hashCompleteSubtree(this.#columns[base / this.#stride].run(index * count, count), this.hasher)
  }

  /**
   * Root of the tree at `size` (default: now). Past sizes are computed from stored subtrees.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * tree.append(new Uint8Array([1]))
   * tree.append(new Uint8Array([2]))
   * tree.root(1) // the one-leaf tree's root, i.e. the first leaf hash
   */
  root(size: number = this.size): Uint8Array {
    this.#assertSize(size)
    if (size === this.size) return this.#range.root()
    return treeRootFromSource(size, this, this.hasher)
  }

  /**
   * Inclusion proof of leaf `index` in the tree at `size` (default: now).
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * for (let i = 0; i < 5; i++) tree.append(new Uint8Array([i]))
   * tree.inclusionProof(2).length // 3
   */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    this.#assertSize(size)
    return inclusionProofFromSource(index, size, this, this.hasher)
  }

  /**
   * Consistency proof from the tree at `size1` to the tree at `size2` (default: now).
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * for (let i = 0; i < 7; i++) tree.append(new Uint8Array([i]))
   * tree.consistencyProof(3).length // 4
   */
  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    this.#assertSize(size2)
    return consistencyProofFromSource(size1, size2, this, this.hasher)
  }

  /**
   * The frontier to persist; see {@link Frontier}.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * new MemoryTree().frontier() // { size: 0, hashes: [] }
   */
  frontier(): Frontier {
    return this.#range.toFrontier()
  }

  /**
   * The bytes of C2SP hash tile `(level, index)` at the given width (default: its width now) — what a
   * tlog-tiles server serves at `tile/<level>/<index>[.p/<width>]`.
   *
   * @example
   * import { MemoryTree } from '@yangguang/ledger'
   * const tree = new MemoryTree()
   * for (let i = 0; i < 300; i++) tree.append(new Uint8Array([i % 256]))
   * tree.tile(0, 1).length // 44 * 32: the partial level-0 tile holds leaves 256..299
   */
  tile(level: number, index: number, width: number = tileWidth(level, index, this.size)): Uint8Array {
    const available = tileWidth(level, index, this.size)
    if (!Number.isInteger(width) || width < 1 || width > available) {
      throw new LedgerError('OUT_OF_RANGE', `tile ${level}/${index} has ${available} hashes now`, { level, index, width, available })
    }
    // Tile level L holds tree level 8L, which every allowed stride (1, 2, 4, 8) stores.
    const column = this.#columns[(TILE_HEIGHT * level) / this.#stride]
    return column.run(index * TILE_WIDTH, width).slice()
  }

  #column(k: number): HashColumn {
    let column = this.#columns[k]
    if (column === undefined) {
      column = new HashColumn(this.hasher.hashSize)
      this.#columns[k] = column
    }
    return column
  }

  #assertSize(size: number): void {
    assertLogIndex(size, 'size')
    if (size > this.size) throw new LedgerError('OUT_OF_RANGE', 'size exceeds the tree', { size, treeSize: this.size })
  }
}
