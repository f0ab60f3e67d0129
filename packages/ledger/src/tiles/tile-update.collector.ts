import { concatBytes } from '../encoding/bytes.codec'
import type { NodeSink } from '../tree/compact-range.state'
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile.math'

/**
 * New hashes for one tile after a batch of appends: the tile now has `tile.width` hashes, of which those from
 * `offset` on are new. The stored tile becomes `old.subarray(0, offset · hashSize) ++ hashes`.
 *
 * @example
 * import type { TileUpdate } from '@yangguang/ledger'
 * const update: TileUpdate = { tile: { level: 0, index: 0, width: 3 }, offset: 1, hashes: new Uint8Array(64) }
 */
export interface TileUpdate {
  readonly tile: TileId
  readonly offset: number
  readonly hashes: Uint8Array
}

/**
 * Collects, while a batch is appended to a {@link CompactRange}, the hashes that belong in C2SP tiles (the
 * completed subtrees at tree levels 0, 8, 16, …), grouped per tile. This is what lets a server keep its tree
 * as a frontier row plus a tile table: load the frontier, append the batch with `collector.sink`, then write
 * `collector.updates()` and the new frontier in the same transaction.
 *
 * @example
 * import { CompactRange, TileUpdateCollector, sha256Hasher } from '@yangguang/ledger'
 * const range = new CompactRange(sha256Hasher) // a server would use CompactRange.fromFrontier(saved, hasher)
 * const collector = new TileUpdateCollector()
 * for (let i = 0; i < 300; i++) range.append(sha256Hasher.hashLeaf(new Uint8Array([i % 256])), collector.sink)
 * collector.updates().map((u) => u.tile)
 * // [{ level: 0, index: 0, width: 256 }, { level: 0, index: 1, width: 44 }, { level: 1, index: 0, width: 1 }]
 */
export class TileUpdateCollector {
  readonly #pending = new Map<string, { level: number; index: number; offset: number; hashes: Uint8Array[] }>()

  /** Pass to `CompactRange.append` (or `MemoryTree`'s `onNode`) for every leaf of the batch. */
  readonly sink: NodeSink = (level, index, hash) => {
    if (level % TILE_HEIGHT !== 0) return
    const tileLevel = level / TILE_HEIGHT
    const tileIndex = Math.floor(index / TILE_WIDTH)
    const key = `${tileLevel}/${tileIndex}`
    let entry = this.#pending.get(key)
    if (entry === undefined) {
      entry = { level: tileLevel, index: tileIndex, offset: index - tileIndex * TILE_WIDTH, hashes: [] }
      this.#pending.set(key, entry)
    }
    // Nodes of one level complete in index order, so the new hashes of a tile are contiguous.
    entry.hashes.push(hash)
  }

  /**
   * The tiles touched since construction (or the last {@link TileUpdateCollector.clear}), level by level.
   *
   * @example
   * import { TileUpdateCollector } from '@yangguang/ledger'
   * new TileUpdateCollector().updates() // []
   */
  updates(): TileUpdate[] {
    return [...this.#pending.values()]
      .sort((a, b) => a.level - b.level || a.index - b.index)
      .map((entry) => ({
        tile: { level: entry.level, index: entry.index, width: entry.offset + entry.hashes.length },
        offset: entry.offset,
        hashes: concatBytes(...entry.hashes),
      }))
  }

  /**
   * Forgets collected hashes, to reuse the collector for the next batch.
   *
   * @example
   * import { TileUpdateCollector } from '@yangguang/ledger'
   * const collector = new TileUpdateCollector()
   * collector.clear()
   */
  clear(): void {
    this.#pending.clear()
  }
}
