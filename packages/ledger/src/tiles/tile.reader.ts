import type { MerkleHasher } from '../hash/merkle.hasher'
import { LedgerError } from '../ledger.error'
import {
  consistencyProofFromReader,
  hashCompleteSubtree,
  inclusionProofFromReader,
  treeRootFromReader,
  type NodeReader,
} from '../tree/merkle.prover'
import { nodeLeafRange, type NodeId } from '../tree/subtree.math'
import { tilePath } from './tile-path.codec'
import { tileSlotOfNode, tileWidth, type TileId } from './tile.math'

/**
 * Fetches one hash tile — over HTTP (`<prefix>/` + {@link tilePath}), from a database, from disk. The
 * width asked for is the tile's width in the tree the proof is for; a fetcher may serve the full tile
 * instead when the partial one is gone (tlog-tiles allows deleting partial tiles), since it starts with
 * the same hashes.
 *
 * @example
 * import { tilePath, type TileFetcher } from '@yangguang/ledger'
 * const fetchTile: TileFetcher = async (tile) => {
 *   const response = await fetch(`https://log.example.gov.cn/2026/${tilePath(tile)}`)
 *   return new Uint8Array(await response.arrayBuffer())
 * }
 */
export type TileFetcher = (tile: TileId) => Promise<Uint8Array>

/**
 * A {@link NodeReader} over tiles for the tree of `size` leaves: fetches each tile needed once (in
 * parallel) and hashes up inside it to the nodes asked for. Throws `TILE_MALFORMED` for a tile shorter
 * than its width requires or not a whole number of hashes.
 *
 * @example
 * import { createMerkleHasher, createTileNodeReader, inclusionProofFromReader, sha256 } from '@yangguang/ledger'
 * const hasher = createMerkleHasher(sha256)
 * const tiles = new Map<string, Uint8Array>() // filled by a server
 * const read = createTileNodeReader(1000, async (tile) => tiles.get(`${tile.level}/${tile.index}`) ?? new Uint8Array(0), hasher)
 * // const proof = await inclusionProofFromReader(17, 1000, read, hasher)
 */
export function createTileNodeReader(size: number, fetchTile: TileFetcher, hasher: MerkleHasher): NodeReader {
  return async (nodes: readonly NodeId[]) => {
    const slots = nodes.map((node) => {
      if (nodeLeafRange(node).end > size) throw new LedgerError('OUT_OF_RANGE', 'node lies outside the tree', { ...node, size })
      return tileSlotOfNode(node)
    })
    const pending = new Map<string, Promise<Uint8Array>>()
    for (const slot of slots) {
      const key = `${slot.tileLevel}/${slot.tileIndex}`
      if (pending.has(key)) continue
      const tile: TileId = { level: slot.tileLevel, index: slot.tileIndex, width: tileWidth(slot.tileLevel, slot.tileIndex, size) }
      pending.set(key, fetchTile(tile).then((bytes) => checkTile(bytes, tile, hasher)))
    }
    const tiles = new Map<string, Uint8Array>()
    await Promise.all([...pending].map(async ([key, promise]) => tiles.set(key, await promise)))
    return slots.map((slot) => {
      const bytes = tiles.get(`${slot.tileLevel}/${slot.tileIndex}`) as Uint8Array
      const size = hasher.hashSize
      return hashCompleteSubtree(bytes.subarray(slot.offset * size, (slot.offset + slot.count) * size), hasher)
    })
  }
}

/**
 * Inclusion proof of leaf `index` in the tree of `size` leaves, computed from tiles — what a verification
 * page or monitor does against a tlog-tiles log, and what a server does against its tile table.
 *
 * @example
 * import { MemoryTree, inclusionProofFromTiles } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 300; i++) tree.append(new Uint8Array([i % 256, Math.floor(i / 256)]))
 * const proof = await inclusionProofFromTiles(42, 300, async (tile) => tree.tile(tile.level, tile.index, tile.width), tree.hasher)
 */
export async function inclusionProofFromTiles(index: number, size: number, fetchTile: TileFetcher, hasher: MerkleHasher): Promise<Uint8Array[]> {
  return inclusionProofFromReader(index, size, createTileNodeReader(size, fetchTile, hasher), hasher)
}

/**
 * Consistency proof from `size1` to `size2`, computed from the tiles of the tree of `size2` leaves.
 *
 * @example
 * import { MemoryTree, consistencyProofFromTiles } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * for (let i = 0; i < 300; i++) tree.append(new Uint8Array([i % 256]))
 * const proof = await consistencyProofFromTiles(100, 300, async (tile) => tree.tile(tile.level, tile.index, tile.width), tree.hasher)
 */
export async function consistencyProofFromTiles(size1: number, size2: number, fetchTile: TileFetcher, hasher: MerkleHasher): Promise<Uint8Array[]> {
  return consistencyProofFromReader(size1, size2, createTileNodeReader(size2, fetchTile, hasher), hasher)
}

/**
 * Root of the tree of `size` leaves, computed from its tiles — to check a checkpoint against tiles.
 *
 * @example
 * import { MemoryTree, treeRootFromTiles } from '@yangguang/ledger'
 * const tree = new MemoryTree()
 * tree.append(new Uint8Array([1]))
 * const root = await treeRootFromTiles(1, async (tile) => tree.tile(tile.level, tile.index, tile.width), tree.hasher)
 */
export async function treeRootFromTiles(size: number, fetchTile: TileFetcher, hasher: MerkleHasher): Promise<Uint8Array> {
  return treeRootFromReader(size, createTileNodeReader(size, fetchTile, hasher), hasher)
}

function checkTile(bytes: Uint8Array, tile: TileId, hasher: MerkleHasher): Uint8Array {
  if (bytes.length % hasher.hashSize !== 0 || bytes.length < tile.width * hasher.hashSize) {
    throw new LedgerError('TILE_MALFORMED', `tile ${tilePath(tile)} has ${bytes.length} bytes, needs ${tile.width * hasher.hashSize}`, {
      path: tilePath(tile),
      length: bytes.length,
    })
  }
  return bytes
}
