import {
  consistencyProofFromReader,
  encodeEntryBundle,
  hashCompleteSubtree,
  inclusionProofFromReader,
  type MerkleHasher,
  type NodeReader,
  nodeLeafRange,
  TILE_WIDTH,
  type TileFetcher,
  type TileId,
  tileSlotOfNode,
  tileWidth,
  treeRootFromReader,
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
  // Full level-0 tiles are read at random (one per proof); caching them would only push out the upper
  // and partial tiles that every proof shares.
  const worthCaching = tile.level > 0 || tile.width < TILE_WIDTH
  return cached(db, `${tile.level}/${tile.index}/${tile.width}`, { cache: options.cache && worthCaching }, () => readTileFromDatabase(db, tile))
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

/**
 * A {@link NodeReader} over the database for the tree of `treeSize` leaves: each tile needed is read
 * once (in parallel), and the nodes inside it are hashed up from its hashes — like the library's
 * tile reader, but with `cache` the hashed-up nodes of cached tiles are kept too, so the upper and
 * rightmost tiles every proof shares cost no hashing after the first proof.
 */
export function databaseNodeReader(db: Executor, treeSize: number, options: TileReadOptions = {}, hasher: MerkleHasher = defaultHasher): NodeReader {
  return async (nodes) => {
    const slots = nodes.map((node) => {
      if (nodeLeafRange(node).end > treeSize) throw new Error(`ledger: node ${node.level}/${node.index} lies outside the tree of size ${treeSize}`)
      const slot = tileSlotOfNode(node)
      return { ...slot, width: tileWidth(slot.tileLevel, slot.tileIndex, treeSize) }
    })
    const tiles = new Map<string, Promise<Uint8Array>>()
    for (const slot of slots) {
      const key = `${slot.tileLevel}/${slot.tileIndex}`
      if (!tiles.has(key)) tiles.set(key, databaseTileFetcher(db, treeSize, options)({ level: slot.tileLevel, index: slot.tileIndex, width: slot.width }))
    }
    const memo = options.cache ? nodeMemoOf(db) : undefined
    const shared = (slot: { tileLevel: number; width: number }) => slot.tileLevel > 0 || slot.width < TILE_WIDTH
    const size = hasher.hashSize
    return Promise.all(
      slots.map(async (slot) => {
        const bytes = await (tiles.get(`${slot.tileLevel}/${slot.tileIndex}`) as Promise<Uint8Array>)
        if (slot.count === 1) return bytes.subarray(slot.offset * size, (slot.offset + 1) * size)
        const key = `${slot.tileLevel}/${slot.tileIndex}/${slot.width}/${slot.offset}/${slot.count}`
        const known = memo?.get(key)
        if (known) {
          memo?.delete(key)
          memo?.set(key, known)
          return known
        }
        const hash = hashCompleteSubtree(bytes.subarray(slot.offset * size, (slot.offset + slot.count) * size), hasher)
        if (memo && shared(slot)) {
          memo.set(key, hash)
          if (memo.size > MEMO_NODES) memo.delete(memo.keys().next().value as string)
        }
        return hash
      }),
    )
  }
}

const MEMO_NODES = 65_536
const memos = new WeakMap<object, Map<string, Uint8Array>>()

function nodeMemoOf(db: Executor): Map<string, Uint8Array> {
  let memo = memos.get(db)
  if (!memo) {
    memo = new Map()
    memos.set(db, memo)
  }
  return memo
}

/** Inclusion proof of entry `index` in the tree of `size` leaves (size ≤ the integrated size). */
export function inclusionProof(db: Executor, index: number, size: number, options: TileReadOptions = {}, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array[]> {
  return inclusionProofFromReader(index, size, databaseNodeReader(db, size, options, hasher), hasher)
}

/** Consistency proof from `from` to `to` leaves (to ≤ the integrated size); empty when from is 0 or equal. */
export function consistencyProof(db: Executor, from: number, to: number, options: TileReadOptions = {}, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array[]> {
  return consistencyProofFromReader(from, to, databaseNodeReader(db, to, options, hasher), hasher)
}

/** Root of the tree of `size` leaves, from tiles. */
export function rootAt(db: Executor, size: number, hasher: MerkleHasher = defaultHasher): Promise<Uint8Array> {
  return treeRootFromReader(size, databaseNodeReader(db, size, {}, hasher), hasher)
}
