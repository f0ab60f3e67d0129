import { describe, expect, it } from 'vitest'
import { CompactRange, decodeHex, encodeHex, isLedgerError, MemoryTree, sha256Hasher, type Frontier } from '../src/index'
import { referenceRoot } from './support/reference-merkle'

// Generous timeout for the slower cases: test files share 2 cores on CI.
const HEAVY = 60_000

const entry = (i: number) => new TextEncoder().encode(`行政执法记录 ${i}`)

describe('MemoryTree', () => {
  it('stores the same tree whatever the stored-level stride', () => {
    const trees = ([1, 2, 4, 8] as const).map((stride) => new MemoryTree({ storedLevelStride: stride }))
    for (let i = 0; i < 700; i++) for (const tree of trees) tree.append(entry(i))
    const [first, ...others] = trees
    for (const other of others) {
      for (const size of [1, 2, 255, 256, 257, 511, 512, 699, 700]) expect(other.root(size)).toEqual(first.root(size))
      for (const index of [0, 1, 255, 256, 600, 699]) expect(other.inclusionProof(index)).toEqual(first.inclusionProof(index))
      expect(other.consistencyProof(300)).toEqual(first.consistencyProof(300))
      expect(other.nodeHash(7, 3)).toEqual(first.nodeHash(7, 3))
    }
  }, HEAVY)

  it('gives the MTH of its leaves and rejects nodes and sizes it does not have', () => {
    const tree = new MemoryTree()
    const leaves: Uint8Array[] = []
    for (let i = 0; i < 100; i++) {
      tree.append(entry(i))
      leaves.push(sha256Hasher.hashLeaf(entry(i)))
    }
    expect(tree.root()).toEqual(referenceRoot(leaves, sha256Hasher))
    expect(tree.nodeHash(6, 0)).toEqual(referenceRoot(leaves.slice(0, 64), sha256Hasher))
    expect(tree.nodeHash(5, 2)).toEqual(referenceRoot(leaves.slice(64, 96), sha256Hasher))
    expect(() => tree.nodeHash(5, 3)).toThrow(/complete subtree/) // leaves 96..127 do not all exist yet
    expect(() => tree.root(101)).toThrow(/exceeds the tree/)
    expect(() => tree.inclusionProof(100)).toThrow(/below the tree size/)
    expect(() => tree.leafHash(-1)).toThrow(/2\^53-1/)
  })

  it('appendLeafHash equals append of the entry, and copies the caller’s buffer', () => {
    const a = new MemoryTree()
    const b = new MemoryTree()
    const reused = new Uint8Array(32)
    for (let i = 0; i < 50; i++) {
      a.append(entry(i))
      reused.set(sha256Hasher.hashLeaf(entry(i)))
      b.appendLeafHash(reused)
    }
    reused.fill(0)
    expect(b.root()).toEqual(a.root())
    expect(() => b.appendLeafHash(new Uint8Array(31))).toThrow(/wrong size/)
  })

  it('never hands out views into its storage', () => {
    const tree = new MemoryTree()
    for (let i = 0; i < 20; i++) tree.append(entry(i))
    const before = tree.root()
    tree.leafHash(3).fill(0)
    tree.inclusionProof(3).forEach((hash) => hash.fill(0))
    tree.tile(0, 0).fill(0)
    tree.frontier().hashes.forEach((hash) => hash.fill(0))
    expect(tree.root()).toEqual(before)
    expect(tree.leafHash(3)).toEqual(sha256Hasher.hashLeaf(entry(3)))
  })

  it('reports every completed subtree to onNode, in index order per level', () => {
    const seen = new Map<number, number[]>()
    const tree = new MemoryTree({ onNode: (level, index) => seen.set(level, [...(seen.get(level) ?? []), index]) })
    for (let i = 0; i < 1000; i++) tree.append(entry(i))
    for (const [level, indices] of seen) {
      expect(indices).toEqual(Array.from({ length: Math.floor(1000 / 2 ** level) }, (_, i) => i))
      expect(tree.nodeHash(level, indices.at(-1)!)).toHaveLength(32)
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })
})

describe('CompactRange (frontier)', () => {
  it('persists and resumes: a restored frontier continues to the same roots', () => {
    const full = new MemoryTree()
    let range = new CompactRange(sha256Hasher)
    for (let i = 0; i < 1000; i++) {
      const leaf = sha256Hasher.hashLeaf(entry(i))
      full.appendLeafHash(leaf)
      range.append(leaf)
      if (i % 97 === 0) {
        // Round-trip through JSON, as a server storing the frontier in a database row would.
        const saved = JSON.parse(JSON.stringify({ size: range.size, hashes: range.toFrontier().hashes.map(encodeHex) })) as { size: number; hashes: string[] }
        range = CompactRange.fromFrontier({ size: saved.size, hashes: saved.hashes.map(decodeHex) }, sha256Hasher)
      }
      expect(range.root()).toEqual(full.root())
    }
  }, HEAVY)

  it('has one frontier hash per set bit of the size, largest subtree first', () => {
    const tree = new MemoryTree()
    for (let i = 0; i < 13; i++) tree.append(entry(i))
    const frontier = tree.frontier()
    expect(frontier.size).toBe(13)
    // 13 = 8 + 4 + 1: subtrees [0,8), [8,12), [12,13)
    expect(frontier.hashes).toEqual([tree.nodeHash(3, 0), tree.nodeHash(2, 2), tree.nodeHash(0, 12)])
  })

  it('rejects a frontier whose hashes do not fit its size', () => {
    const reject = (frontier: Frontier) => {
      try {
        CompactRange.fromFrontier(frontier, sha256Hasher)
        return undefined
      } catch (error) {
        return isLedgerError(error) ? error.code : 'not a LedgerError'
      }
    }
    expect(reject({ size: 3, hashes: [new Uint8Array(32)] })).toBe('OUT_OF_RANGE')
    expect(reject({ size: 2, hashes: [new Uint8Array(16)] })).toBe('BAD_HASH_SIZE')
    expect(reject({ size: -1, hashes: [] })).toBe('OUT_OF_RANGE')
    expect(reject({ size: 0, hashes: [] })).toBeUndefined()
  })

  it('the empty range has the empty-tree root', () => {
    expect(encodeHex(new CompactRange(sha256Hasher).root())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})
