import { assertLogIndex, pow2 } from '../encoding/log-index.math'
import { LedgerError } from '../ledger.error'
import type { LeafRange, NodeId } from '../tree/subtree.math'

/**
 * Tree levels per tile (C2SP tlog-tiles): a tile is a subtree of height 8.
 *
 * @example
 * import { TILE_HEIGHT, TILE_WIDTH } from '@yangguang/ledger'
 * 2 ** TILE_HEIGHT === TILE_WIDTH // true
 */
export const TILE_HEIGHT = 8
/**
 * Hashes in a full tile (C2SP tlog-tiles): 256, i.e. 8,192 bytes for SHA-256.
 *
 * @example
 * import { TILE_WIDTH, tileWidth } from '@yangguang/ledger'
 * tileWidth(0, 0, 1000) === TILE_WIDTH // true: leaves 0..255 are complete
 */
export const TILE_WIDTH = 256
/**
 * Highest tile level the tlog-tiles path syntax allows.
 *
 * @example
 * import { MAX_TILE_LEVEL, tilePath } from '@yangguang/ledger'
 * tilePath({ level: MAX_TILE_LEVEL, index: 0, width: 1 }) // 'tile/63/000.p/1'
 */
export const MAX_TILE_LEVEL = 63

/**
 * A tile of the C2SP tlog-tiles layout: tile `index` at tile level `level` holds the hashes at tree level
 * `8 · level` of the complete subtrees `index · 256 … index · 256 + width − 1`, each covering `256^level`
 * leaves. `width` is 256 for a full tile and 1–255 for a partial one.
 *
 * @example
 * import type { TileId } from '@yangguang/ledger'
 * const tile: TileId = { level: 0, index: 273, width: 112 } // the partial level-0 tile of a 70,000-leaf tree
 */
export interface TileId {
  readonly level: number
  readonly index: number
  readonly width: number
}

/**
 * How a tree of some size is laid out in tiles at one tile level.
 *
 * @example
 * import type { TileLevelLayout } from '@yangguang/ledger'
 * const level0: TileLevelLayout = { level: 0, fullTiles: 273, partialWidth: 112 }
 */
export interface TileLevelLayout {
  readonly level: number
  /** Number of full (256-hash, immutable) tiles. */
  readonly fullTiles: number
  /** Width of the rightmost partial tile, or 0 when there is none. */
  readonly partialWidth: number
}

/**
 * Where the hash of a complete subtree comes from in tiles: the `count` consecutive hashes from `offset`
 * of tile `(tileLevel, tileIndex)` are the leaves of that subtree (count is 1 when the node is itself a
 * tile hash, i.e. its level is a multiple of 8).
 *
 * @example
 * import type { TileSlot } from '@yangguang/ledger'
 * const slot: TileSlot = { tileLevel: 0, tileIndex: 0, offset: 4, count: 4 } // node (level 2, index 1)
 */
export interface TileSlot {
  readonly tileLevel: number
  readonly tileIndex: number
  readonly offset: number
  readonly count: number
}

/**
 * Which hashes a tile holds: the nodes `firstNode … firstNode + nodeCount − 1` of tree level `treeLevel`,
 * together covering `leaves`.
 *
 * @example
 * import type { TileCoverage } from '@yangguang/ledger'
 * const coverage: TileCoverage = { treeLevel: 8, firstNode: 256, nodeCount: 17, leaves: { start: 65_536, end: 69_888 } }
 */
export interface TileCoverage {
  readonly treeLevel: number
  readonly firstNode: number
  readonly nodeCount: number
  readonly leaves: LeafRange
}

/**
 * The hashes a tile holds (tlog-tiles: tile `n` at level `l` is `MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l])`
 * for `i` below its width).
 *
 * @example
 * import { tileCoverage } from '@yangguang/ledger'
 * tileCoverage({ level: 1, index: 1, width: 17 }) // { treeLevel: 8, firstNode: 256, nodeCount: 17, leaves: { start: 65536, end: 69888 } }
 */
export function tileCoverage(tile: TileId): TileCoverage {
  assertTileLevel(tile.level)
  assertLogIndex(tile.index, 'index')
  if (!Number.isInteger(tile.width) || tile.width < 1 || tile.width > TILE_WIDTH) {
    throw new LedgerError('OUT_OF_RANGE', `tile width must be 1..${TILE_WIDTH}`, { width: tile.width })
  }
  const treeLevel = TILE_HEIGHT * tile.level
  const firstNode = tile.index * TILE_WIDTH
  const leavesPerNode = pow2(treeLevel)
  return { treeLevel, firstNode, nodeCount: tile.width, leaves: { start: firstNode * leavesPerNode, end: (firstNode + tile.width) * leavesPerNode } }
}

/**
 * Number of hashes tile `(level, index)` holds in a tree of `size` leaves: 256 when full, 1–255 when it is
 * the partial tile (`floor(size / 256^level) mod 256`, as tlog-tiles defines), 0 when it does not exist yet.
 *
 * @example
 * import { tileWidth } from '@yangguang/ledger'
 * tileWidth(0, 273, 70_000) // 112
 * tileWidth(1, 1, 70_000) // 17
 * tileWidth(0, 274, 70_000) // 0
 */
export function tileWidth(level: number, index: number, size: number): number {
  assertTileLevel(level)
  assertLogIndex(index, 'index')
  assertLogIndex(size, 'size')
  const available = hashesAtTileLevel(level, size)
  const first = index * TILE_WIDTH
  if (available <= first) return 0
  return Math.min(TILE_WIDTH, available - first)
}

/**
 * The tiles that represent a tree of `size` leaves, level by level (levels with no hash are left out).
 *
 * @example
 * import { tileLayout } from '@yangguang/ledger'
 * tileLayout(70_000)
 * // [{ level: 0, fullTiles: 273, partialWidth: 112 }, { level: 1, fullTiles: 1, partialWidth: 17 },
 * //  { level: 2, fullTiles: 0, partialWidth: 1 }]
 */
export function tileLayout(size: number): TileLevelLayout[] {
  assertLogIndex(size, 'size')
  const layout: TileLevelLayout[] = []
  for (let level = 0; level <= MAX_TILE_LEVEL; level++) {
    const available = hashesAtTileLevel(level, size)
    if (available === 0) break
    layout.push({ level, fullTiles: Math.floor(available / TILE_WIDTH), partialWidth: available % TILE_WIDTH })
  }
  return layout
}

/**
 * Every tile whose content differs between the trees of `oldSize` and `newSize` leaves, with its width in
 * the new tree: what a writer must (re)store after appending. Full tiles listed here are final; partial
 * ones will be replaced by wider versions later.
 *
 * @example
 * import { tilesChanged } from '@yangguang/ledger'
 * tilesChanged(250, 260) // [{ level: 0, index: 0, width: 256 }, { level: 0, index: 1, width: 4 }, { level: 1, index: 0, width: 1 }]
 */
export function tilesChanged(oldSize: number, newSize: number): TileId[] {
  assertLogIndex(oldSize, 'oldSize')
  assertLogIndex(newSize, 'newSize')
  if (oldSize > newSize) throw new LedgerError('OUT_OF_RANGE', 'oldSize must not exceed newSize', { oldSize, newSize })
  const tiles: TileId[] = []
  for (let level = 0; level <= MAX_TILE_LEVEL; level++) {
    const before = hashesAtTileLevel(level, oldSize)
    const after = hashesAtTileLevel(level, newSize)
    if (after === 0) break
    if (after === before) continue
    const last = Math.floor((after - 1) / TILE_WIDTH)
    for (let index = Math.floor(before / TILE_WIDTH); index <= last; index++) {
      tiles.push({ level, index, width: Math.min(TILE_WIDTH, after - index * TILE_WIDTH) })
    }
  }
  return tiles
}

/**
 * The tile hashes a complete subtree is computed from; see {@link TileSlot}.
 *
 * @example
 * import { tileSlotOfNode } from '@yangguang/ledger'
 * tileSlotOfNode({ level: 9, index: 3 }) // { tileLevel: 1, tileIndex: 0, offset: 6, count: 2 }
 */
export function tileSlotOfNode(node: NodeId): TileSlot {
  assertLogIndex(node.level, 'level')
  assertLogIndex(node.index, 'index')
  const tileLevel = Math.floor(node.level / TILE_HEIGHT)
  assertTileLevel(tileLevel)
  const count = pow2(node.level - tileLevel * TILE_HEIGHT)
  const first = node.index * count
  const tileIndex = Math.floor(first / TILE_WIDTH)
  return { tileLevel, tileIndex, offset: first - tileIndex * TILE_WIDTH, count }
}

// Number of complete subtrees of 256^level leaves in the tree: the hashes tiles of this level can hold.
function hashesAtTileLevel(level: number, size: number): number {
  return Math.floor(size / pow2(TILE_HEIGHT * level))
}

function assertTileLevel(level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new LedgerError('OUT_OF_RANGE', `tile level must be 0..${MAX_TILE_LEVEL}`, { level })
  }
}
