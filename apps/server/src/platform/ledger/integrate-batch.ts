import { CompactRange, type Frontier, type MerkleHasher, TILE_HEIGHT, TILE_WIDTH } from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { type RandomSource, releaseDueLeaves } from './delayed-leaves'
import {
  currentSnapshot,
  entriesInRange,
  type FullTile,
  insertBatch,
  insertTiles,
  lastBatch,
  leavesInInterval,
  tileRoots,
  tryLedgerLock,
} from './ledger.repository'

/** Leaves per batch unless the caller says otherwise: a batch is one transaction and one row. */
export const DEFAULT_BATCH_LEAVES = 16_384

export type IntegrateOptions = {
  /** Most leaves to take in this batch. */
  maxLeaves?: number
  hasher?: MerkleHasher
  /** Test hook: runs inside the batch transaction after every write, before commit. */
  beforeCommit?: () => void | Promise<void>
  /** The order of the anonymous entries released in this round; the system CSPRNG unless a test fixes it. */
  random?: RandomSource
}

export type IntegrateResult = {
  /** Leaves appended by this call. */
  integrated: number
  /** Tree size after it. */
  size: number
  /** Another server holds the ledger lock; nothing was done. */
  locked: boolean
  /** More leaves may be waiting (the batch was full). */
  more: boolean
}

/**
 * Appends one batch of committed, not yet integrated leaves to the log, in its own transaction:
 * assigns them the next indices, stores the batch (leaf ids, root, frontier) and every hash tile it
 * completes. Either all of it commits or nothing does, so a crash never leaves half a batch. Safe
 * to call from several servers: one holds the ledger lock, the others return `locked`.
 *
 * @example
 * let result
 * do result = await integrateOnce(db)
 * while (result.more)
 */
export async function integrateOnce(db: Kysely<DB>, options: IntegrateOptions = {}): Promise<IntegrateResult> {
  const maxLeaves = options.maxLeaves ?? DEFAULT_BATCH_LEAVES
  const hasher = options.hasher ?? nodeSha256Ed25519Profile.hasher
  return inTransaction(db, async (trx) => {
    if (!(await tryLedgerLock(trx))) return { integrated: 0, size: 0, locked: true, more: false }
    // Anonymous entries whose delay has run out become ordinary pending leaves here, shuffled; they
    // enter the log in this batch or the next, like any leaf of this transaction (see delayed-leaves.ts).
    await releaseDueLeaves(trx, { random: options.random })
    const last = await lastBatch(trx)
    const oldSize = last?.size ?? 0
    const now = await currentSnapshot(trx)
    // Continue a partly consumed snapshot interval, else open the next one: (last hi, now].
    let interval = !last
      ? { lo: null, hi: now, after: null }
      : last.intervalDone
        ? { lo: last.snapshotHi, hi: now, after: null }
        : { lo: last.snapshotLo, hi: last.snapshotHi, after: last.lastLeaf }
    let leaves = await inIndexOrder(trx, () => leavesInInterval(trx, interval, maxLeaves))
    if (leaves.length === 0 && last && !last.intervalDone) {
      interval = { lo: last.snapshotHi, hi: now, after: null }
      leaves = await inIndexOrder(trx, () => leavesInInterval(trx, interval, maxLeaves))
    }
    if (leaves.length === 0) return { integrated: 0, size: oldSize, locked: false, more: false }

    const frontier: Frontier = { size: oldSize, hashes: last ? splitHashes(last.frontier, hasher.hashSize) : [] }
    const range = CompactRange.fromFrontier(frontier, hasher)
    const tiles = new TileCollector(oldSize, oldSize + leaves.length, hasher.hashSize)
    await tiles.prefill(trx)
    const sink = tiles.sink
    for (const leaf of leaves) range.append(leaf.leaf_hash, sink)

    const full = leaves.length === maxLeaves
    await insertBatch(trx, {
      firstIndex: oldSize,
      leafIds: leaves.map((l) => Number(l.id)),
      root: range.root(),
      frontier: joinHashes(range.toFrontier().hashes),
      snapshotLo: interval.lo,
      snapshotHi: interval.hi,
      intervalDone: !full,
    })
    await insertTiles(trx, tiles.completed())
    await options.beforeCommit?.()
    return { integrated: leaves.length, size: range.size, locked: false, more: full }
  })
}

/**
 * Reads an interval's leaves in (xid, id) order straight off the index. Right after a bulk load the
 * planner's statistics are stale and it prefers a bitmap scan plus an on-disk sort, three times
 * slower; the two settings are switched off for this one query only.
 */
async function inIndexOrder<T>(trx: Transaction<DB>, read: () => Promise<T>): Promise<T> {
  await sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`.execute(trx)
  try {
    return await read()
  } finally {
    await sql`SELECT set_config('enable_bitmapscan', 'on', true), set_config('enable_sort', 'on', true)`.execute(trx)
  }
}

/**
 * Builds the full tiles a batch completes from the nodes the compact range emits: level-0 tiles
 * from leaf hashes, level-L tiles from the level-8L nodes, each tile's root from the node one tile
 * level up. A tile that was partly filled by earlier batches is first read back from the database.
 */
class TileCollector {
  readonly #open = new Map<number, { index: number; hashes: Uint8Array; count: number }>()
  readonly #done: FullTile[] = []
  readonly #awaitingRoot = new Map<string, FullTile>()

  constructor(
    readonly oldSize: number,
    readonly newSize: number,
    readonly hashSize: number,
  ) {}

  /** Reads the earlier part of every tile this batch will complete. */
  async prefill(trx: Transaction<DB>): Promise<void> {
    for (let level = 0; ; level++) {
      const unit = TILE_WIDTH ** level
      const before = Math.floor(this.oldSize / unit)
      const after = Math.floor(this.newSize / unit)
      if (after === 0) break
      const have = before % TILE_WIDTH
      const index = Math.floor(before / TILE_WIDTH)
      if (have === 0 || after < (index + 1) * TILE_WIDTH) continue
      const first = index * TILE_WIDTH
      const hashes =
        level === 0
          ? (await entriesInRange(trx, first, first + have)).map((e) => e.leafHash)
          : await tileRoots(trx, level - 1, first, first + have)
      if (hashes.length !== have) throw new Error(`ledger: tile ${level}/${index} has ${hashes.length} stored hashes, expected ${have}`)
      const open = this.#openTile(level, index)
      for (const hash of hashes) open.hashes.set(hash, open.count++ * this.hashSize)
    }
  }

  readonly sink = (level: number, index: number, hash: Uint8Array): void => {
    if (level % TILE_HEIGHT !== 0) return
    const tileLevel = level / TILE_HEIGHT
    if (tileLevel > 0) {
      const below = this.#awaitingRoot.get(`${tileLevel - 1}/${index}`)
      if (below) {
        below.root = hash.slice()
        this.#awaitingRoot.delete(`${tileLevel - 1}/${index}`)
        this.#done.push(below)
      }
    }
    const tileIndex = Math.floor(index / TILE_WIDTH)
    const slot = index % TILE_WIDTH
    let open = this.#open.get(tileLevel)
    if (slot === 0) open = this.#openTile(tileLevel, tileIndex)
    // A tile this batch started in the middle of and will not complete is never stored: skip it.
    if (!open || open.index !== tileIndex || open.count !== slot) return
    open.hashes.set(hash, slot * this.hashSize)
    open.count++
    if (open.count === TILE_WIDTH) {
      this.#awaitingRoot.set(`${tileLevel}/${tileIndex}`, { level: tileLevel, index: tileIndex, hashes: open.hashes, root: new Uint8Array(0) })
      this.#open.delete(tileLevel)
    }
  }

  /** The full tiles, each with its root. */
  completed(): FullTile[] {
    if (this.#awaitingRoot.size > 0) throw new Error('ledger: a full tile is missing its root')
    return this.#done
  }

  #openTile(level: number, index: number) {
    const open = { index, hashes: new Uint8Array(TILE_WIDTH * this.hashSize), count: 0 }
    this.#open.set(level, open)
    return open
  }
}

/** Splits concatenated hashes (a stored frontier). */
export function splitHashes(bytes: Uint8Array, hashSize: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += hashSize) out.push(bytes.subarray(i, i + hashSize))
  return out
}

function joinHashes(hashes: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(hashes.map((h) => Buffer.from(h.buffer, h.byteOffset, h.byteLength)))
}
