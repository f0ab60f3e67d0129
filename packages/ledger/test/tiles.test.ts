import { describe, expect, it } from 'vitest'
import {
  CompactRange,
  consistencyProofFromTiles,
  decodeEntryBundle,
  equalBytes,
  encodeEntryBundle,
  entryBundlePath,
  formatTileIndex,
  hashCompleteSubtree,
  inclusionProofFromTiles,
  isLedgerError,
  MemoryTree,
  parseTileIndex,
  parseTilePath,
  tileCoverage,
  tileLayout,
  tilePath,
  tileSlotOfNode,
  tilesChanged,
  tileWidth,
  TileUpdateCollector,
  treeRootFromTiles,
  verifyInclusionProof,
  type TileId,
} from '../src/index'
import { nodeSha256Ed25519Profile } from '../src/node'

// Generous timeout for the slower cases: test files share 2 cores on CI.
const HEAVY = 60_000

const hasher = nodeSha256Ed25519Profile.hasher

function code(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return isLedgerError(error) ? error.code : 'not a LedgerError'
  }
}

describe('tile paths (C2SP tlog-tiles)', () => {
  it('encodes indices as x-prefixed 3-digit groups (spec example 1234067 → x001/x234/067)', () => {
    expect(formatTileIndex(1_234_067)).toBe('x001/x234/067')
    expect(formatTileIndex(0)).toBe('000')
    expect(formatTileIndex(999)).toBe('999')
    expect(formatTileIndex(1000)).toBe('x001/000')
    expect(formatTileIndex(2 ** 53 - 1)).toBe('x009/x007/x199/x254/x740/991')
    for (const n of [0, 7, 999, 1000, 1001, 999_999, 1_000_000, 1_234_067, 2 ** 32 + 1]) expect(parseTileIndex(formatTileIndex(n))).toBe(n)
  })

  it('builds full and partial tile and entry-bundle paths', () => {
    expect(tilePath({ level: 0, index: 1_234_067, width: 256 })).toBe('tile/0/x001/x234/067')
    expect(tilePath({ level: 1, index: 1, width: 17 })).toBe('tile/1/001.p/17')
    expect(entryBundlePath(273, 112)).toBe('tile/entries/273.p/112')
    expect(entryBundlePath(5)).toBe('tile/entries/005')
    expect(code(() => tilePath({ level: 64, index: 0, width: 256 }))).toBe('OUT_OF_RANGE')
    expect(code(() => tilePath({ level: 0, index: 0, width: 0 }))).toBe('OUT_OF_RANGE')
  })

  it('parses paths and rejects every non-canonical form', () => {
    expect(parseTilePath('tile/0/x001/x234/067.p/8')).toEqual({ kind: 'hashes', tile: { level: 0, index: 1_234_067, width: 8 } })
    expect(parseTilePath('tile/63/000')).toEqual({ kind: 'hashes', tile: { level: 63, index: 0, width: 256 } })
    expect(parseTilePath('tile/entries/x001/000.p/255')).toEqual({ kind: 'entries', index: 1000, width: 255 })
    for (const bad of [
      'tile/64/000', // level above 63
      'tile/01/000', // leading zero in level
      'tile/0/1', // index group not 3 digits
      'tile/0/001/002', // inner group without x
      'tile/0/x000/001', // non-canonical leading group
      'tile/0/000.p/0', // width 0
      'tile/0/000.p/256', // a full tile has no .p
      'tile/0/000.p/07', // leading zero in width
      'tile/0/x001', // last group with x
      '/tile/0/000', // prefix not stripped
      'tile/entries/000.p/',
    ]) {
      expect(code(() => parseTilePath(bad)), bad).toBe('TILE_MALFORMED')
    }
  })
})

describe('tile arithmetic', () => {
  it('matches the spec example: a 70,000-leaf tree', () => {
    expect(tileLayout(70_000)).toEqual([
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ])
    expect(tileWidth(0, 272, 70_000)).toBe(256)
    expect(tileWidth(0, 273, 70_000)).toBe(112)
    expect(tileWidth(0, 274, 70_000)).toBe(0)
    expect(tileWidth(1, 1, 70_000)).toBe(17)
    expect(tileWidth(2, 0, 70_000)).toBe(1)
  })

  it('matches the spec example: a 256-leaf tree is one full level-0 tile and a level-1 tile of width 1', () => {
    expect(tileLayout(256)).toEqual([
      { level: 0, fullTiles: 1, partialWidth: 0 },
      { level: 1, fullTiles: 0, partialWidth: 1 },
    ])
    expect(tileLayout(0)).toEqual([])
  })

  it('lists exactly the tiles whose content changes when the tree grows', () => {
    expect(tilesChanged(250, 260)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 1, width: 4 },
      { level: 1, index: 0, width: 1 },
    ])
    expect(tilesChanged(260, 260)).toEqual([])
    expect(code(() => tilesChanged(2, 1))).toBe('OUT_OF_RANGE')
    // Cross-check against a brute-force comparison of every tile's width before and after.
    for (const [before, after] of [[0, 1], [255, 256], [256, 257], [65_535, 65_536], [1000, 70_000]]) {
      const expected: TileId[] = []
      for (const { level } of tileLayout(after)) {
        for (let index = 0; index * 256 ** (level + 1) < after + 256 ** (level + 1); index++) {
          const width = tileWidth(level, index, after)
          if (width > 0 && width !== tileWidth(level, index, before)) expected.push({ level, index, width })
        }
      }
      expect(tilesChanged(before, after)).toEqual(expected)
    }
  })

  it('says which hashes a tile holds', () => {
    expect(tileCoverage({ level: 1, index: 1, width: 17 })).toEqual({ treeLevel: 8, firstNode: 256, nodeCount: 17, leaves: { start: 65_536, end: 69_888 } })
    expect(tileCoverage({ level: 0, index: 273, width: 112 })).toEqual({ treeLevel: 0, firstNode: 69_888, nodeCount: 112, leaves: { start: 69_888, end: 70_000 } })
    expect(tileCoverage({ level: 2, index: 0, width: 1 }).leaves).toEqual({ start: 0, end: 65_536 })
    expect(code(() => tileCoverage({ level: 0, index: 0, width: 257 }))).toBe('OUT_OF_RANGE')
  })

  it('locates any node in the tile that holds the hashes under it', () => {
    expect(tileSlotOfNode({ level: 0, index: 300 })).toEqual({ tileLevel: 0, tileIndex: 1, offset: 44, count: 1 })
    expect(tileSlotOfNode({ level: 9, index: 3 })).toEqual({ tileLevel: 1, tileIndex: 0, offset: 6, count: 2 })
    expect(tileSlotOfNode({ level: 8, index: 256 })).toEqual({ tileLevel: 1, tileIndex: 1, offset: 0, count: 1 })
    expect(tileSlotOfNode({ level: 7, index: 5 })).toEqual({ tileLevel: 0, tileIndex: 2, offset: 128, count: 128 })
  })
})

describe('reading proofs from tiles', () => {
  const tree = new MemoryTree({ hasher, storedLevelStride: 8 })
  for (let i = 0; i < 70_000; i++) tree.append(new TextEncoder().encode(`entry ${i}`))
  const fetched: string[] = []
  const fetchTile = async (tile: TileId) => {
    fetched.push(tilePath(tile))
    return tree.tile(tile.level, tile.index, tile.width)
  }

  it('serves tiles whose hashes are the subtree roots the spec defines', () => {
    const level1 = tree.tile(1, 0)
    expect(level1).toHaveLength(256 * 32)
    expect(level1.subarray(5 * 32, 6 * 32)).toEqual(tree.nodeHash(8, 5))
    expect(hashCompleteSubtree(tree.tile(0, 3), hasher)).toEqual(tree.nodeHash(8, 3))
    expect(tree.tile(2, 0)).toEqual(tree.nodeHash(16, 0))
    expect(code(() => tree.tile(0, 273, 113))).toBe('OUT_OF_RANGE')
  })

  it('gives the same inclusion proofs, consistency proofs and roots as the in-memory tree', async () => {
    for (const [index, size] of [[0, 1], [5, 300], [255, 256], [256, 257], [69_999, 70_000], [12_345, 65_536], [40_000, 65_537]]) {
      expect(await inclusionProofFromTiles(index, size, fetchTile, hasher)).toEqual(tree.inclusionProof(index, size))
      expect(await treeRootFromTiles(size, fetchTile, hasher)).toEqual(tree.root(size))
    }
    for (const [size1, size2] of [[1, 70_000], [256, 70_000], [65_536, 70_000], [300, 301], [12_345, 65_536]]) {
      expect(await consistencyProofFromTiles(size1, size2, fetchTile, hasher)).toEqual(tree.consistencyProof(size1, size2))
    }
  }, HEAVY)

  it('fetches each tile at most once per proof, at the width of the proof’s tree', async () => {
    fetched.length = 0
    const proof = await inclusionProofFromTiles(12_345, 70_000, fetchTile, hasher)
    verifyInclusionProof({ index: 12_345, size: 70_000, leafHash: tree.leafHash(12_345), proof, root: tree.root() }, hasher)
    expect(new Set(fetched).size).toBe(fetched.length)
    expect(fetched).toContain('tile/0/048') // 12,345 / 256 = 48
    expect(fetched).toContain('tile/1/001.p/17')
  })

  it('rejects a short tile rather than building a wrong proof', async () => {
    const short = async (tile: TileId) => (await fetchTile(tile)).subarray(0, 100)
    await expect(inclusionProofFromTiles(5, 70_000, short, hasher)).rejects.toMatchObject({ code: 'TILE_MALFORMED' })
  })
})

describe('entry bundles', () => {
  it('frames entries with big-endian uint16 lengths and round-trips', () => {
    const entries = [new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(65_535).fill(7), new TextEncoder().encode('立案')]
    const bundle = encodeEntryBundle(entries)
    expect([...bundle.subarray(0, 7)]).toEqual([0, 0, 0, 3, 1, 2, 3])
    expect(bundle[7]).toBe(0xff)
    expect(bundle[8]).toBe(0xff)
    expect(decodeEntryBundle(bundle, 4)).toEqual(entries)
  })

  it('rejects oversize entries, truncated bundles and wrong counts', () => {
    expect(code(() => encodeEntryBundle([new Uint8Array(65_536)]))).toBe('OUT_OF_RANGE')
    expect(code(() => encodeEntryBundle(Array.from({ length: 257 }, () => new Uint8Array(0))))).toBe('OUT_OF_RANGE')
    expect(code(() => decodeEntryBundle(new Uint8Array([0, 5, 1, 2])))).toBe('TILE_MALFORMED')
    expect(code(() => decodeEntryBundle(new Uint8Array([0])))).toBe('TILE_MALFORMED')
    expect(code(() => decodeEntryBundle(encodeEntryBundle([new Uint8Array(1)]), 2))).toBe('TILE_MALFORMED')
    expect(code(() => decodeEntryBundle(new Uint8Array(2 * 257)))).toBe('TILE_MALFORMED')
  })
})

describe('TileUpdateCollector (server-side tile maintenance)', () => {
  it('rebuilds exactly the tiles of the tree from frontier + per-batch updates', async () => {
    const reference = new MemoryTree({ hasher, storedLevelStride: 8 })
    const stored = new Map<string, Uint8Array>() // what a tile table would hold
    let frontier = new CompactRange(hasher).toFrontier()
    let seed = 1
    while (reference.size < 70_000) {
      seed = (seed * 48271) % 2147483647
      const batch = 1 + (seed % 700)
      const range = CompactRange.fromFrontier(frontier, hasher) // as if loaded from the log_state row
      const collector = new TileUpdateCollector()
      for (let i = 0; i < batch; i++) {
        const leaf = hasher.hashLeaf(new TextEncoder().encode(`entry ${reference.size}`))
        reference.appendLeafHash(leaf)
        range.append(leaf, collector.sink)
      }
      const size = reference.size
      const updates = collector.updates()
      expect(updates.map((u) => u.tile)).toEqual(tilesChanged(size - batch, size))
      for (const { tile, offset, hashes } of updates) {
        const key = `${tile.level}/${tile.index}`
        const old = stored.get(key) ?? new Uint8Array(0)
        expect(old.length).toBe(offset * 32)
        const next = new Uint8Array(old.length + hashes.length)
        next.set(old)
        next.set(hashes, old.length)
        stored.set(key, next)
      }
      frontier = range.toFrontier()
      expect(range.root()).toEqual(reference.root())
    }
    for (const { level, fullTiles, partialWidth } of tileLayout(reference.size)) {
      for (let index = 0; index < fullTiles + (partialWidth > 0 ? 1 : 0); index++) {
        // equalBytes: vitest's deep equality walks 8 KiB arrays element by element, far too slowly here.
        expect(equalBytes(stored.get(`${level}/${index}`)!, reference.tile(level, index)), `tile ${level}/${index}`).toBe(true)
      }
    }
    const fromTable = async (tile: TileId) => stored.get(`${tile.level}/${tile.index}`)!.subarray(0, tile.width * 32)
    expect(await inclusionProofFromTiles(54_321, reference.size, fromTable, hasher)).toEqual(reference.inclusionProof(54_321))
  }, HEAVY)
})
