import {
  consistencyProofFromTiles,
  encodeEntryBundle,
  inclusionProofFromTiles,
  type MerkleHasher,
  TILE_WIDTH,
  type TileFetcher,
  type TileId,
  tileWidth,
  treeRootFromTiles,
} from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { entriesInRange, type Executor, findTile, tileRoots } from './ledger.repository'

const defaultHasher = nodeSha256Ed25519Profile.hasher

/** Options of the tile readers. */
export type TileReadOptions = {
  /**
   * Keep tiles in a per-database in-memory LRU (4,096 tiles, at most 32 MB). Sound because a tile of
   * a given width never changes; leave it off where the point is to read what is stored (verify).
   */
  cache?: boolean
}

const CACHE_TILES = 4096
const caches = new WeakMap<object, Map<string, Uint8Array>>()

function cacheOf(db: Executor): Map<string, Uint8Array> {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  return cache
}

async function cached(db: Executor, key: string, options: TileReadOptions, read: () => Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
  if (!options.cache) return read()
  const cache = cacheOf(db)
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const bytes = await read()
  if (bytes) {
    cache.set(key, bytes)
    if (cache.size > CACHE_TILES) cache.delete(cache.keys().next().value as string)
  }
  return bytes
}

/**
 * The bytes of hash tile `tile` (C2SP tlog-tiles) as of a tree of `treeSize` leaves: a stored full
 * tile, or a partial one computed from the entries (level 0) or the roots of the full tiles below.
 * Undefined when the tree does not hold that many hashes there.
 *
 * @example
 * const bytes = await readTile(db, { level: 0, index: 3, width: 17 }, size) // 17 × 32 bytes
 */
export async function readTile(db: Executor, tile: TileId, treeSize: number, options: TileReadOptions = {}): Promise<Uint8Array | undefined> {
  const available = tileWidth(tile.level, tile.index, treeSize)
  if (tile.width < 1 || tile.width > available) return undefined
  return cached(db, `${tile.level}/${tile.index}/${tile.width}`, options, () => readTileFromDatabase(db, tile))
}

async function readTileFromDatabase(db: Executor, tile: TileId): Promise<Uint8Array> {  if (tile.width === TILE_WIDTH) {
    const stored = await findTile(db, tile.level, tile.index)
    if (stored) return stored
  }
  const first = tile.index * TILE_WIDTH
  const hashes =
    tile.level === 0
      ? (await entriesInRange(db, first, first + tile.width)).map((e) => e.leafHash)
      : await tileRoots(db, tile.level - 1, first, first + tile.width)
  if (hashes.length !== tile.width) throw new Error(`ledger: tile ${tile.level}/${tile.index} has ${hashes.length} hashes, expected ${tile.width}`)
  return Buffer.concat(hashes)
}

/**
 * Entry bundle `index` (C2SP tlog-tiles `tile/entries/<N>`) with `width` entries, or undefined when the
 * tree of `treeSize` leaves does not hold them.
 */
export async function readEntryBundle(db: Executor, index: number, width: number, treeSize: number, options: TileReadOptions = {}): Promise<Uint8Array | undefined> {
  if (width < 1 || width > tileWidth(0, index, treeSize)) return undefined
  return cached(db, `entries/${index}/${width}`, options, async () => {
    const first = index * TILE_WIDTH
    const entries = await entriesInRange(db, first, first + width, true)
    return encodeEntryBundle(entries.map((e) => e.leaf as Uint8Array))
  })
}

/** A {@link TileFetcher} over the database for proofs in a tree of `treeSize` leaves. */
export function databaseTileFetcher(db: Executor, treeSize: number, options: TileReadOptions = {}): TileFetcher {
  return async (tile) => {
    const bytes = await readTile(db, tile, treeSize, options)
    if (!bytes) throw new Error(`ledger: tile ${tile.level}/${tile.index}.p/${tile.width} is not in the tree of size ${treeSize}`)
    return bytes
  }
}

/** Inclusion proof of entry `index` in the tree of `size` leaves (size ≤ the integrated size). */
export function inclusionProof(db: Executor, index: number, size: number, options: TileReadOptions = {}, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array[]> {
  return inclusionProofFromTiles(index, size, databaseTileFetcher(db, size, options), hasher)
}

/** Consistency proof from `from` to `to` leaves (to ≤ the integrated size); empty when from is 0 or equal. */
export function consistencyProof(db: Executor, from: number, to: number, options: TileReadOptions = {}, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array[]> {
  return consistencyProofFromTiles(from, to, databaseTileFetcher(db, to, options), hasher)
}

/** Root of the tree of `size` leaves, from tiles. */
export function rootAt(db: Executor, size: number, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array> {
  return treeRootFromTiles(size, databaseTileFetcher(db, size), hasher)
}
