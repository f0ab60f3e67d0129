import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bitLength as libBitLength, isPowerOfTwo, largestPowerOfTwoBelow, trailingZeros } from '../src/encoding/log-index.math'
import {
  consistencyProofFromSource,
  consistencyProofRanges,
  decodeBase64,
  inclusionProofFromSource,
  inclusionProofLength,
  inclusionProofRanges,
  isLedgerError,
  MAX_LOG_SIZE,
  rangeNodes,
  sha256Hasher,
  toLogIndex,
  treeRootFromSource,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '../src/index'
import { bigintInclusionLength, bigintRootFromInclusion, bigintRootsFromConsistency, bitLength } from './support/bigint-reference'
import { sparseTree } from './support/sparse-tree'

// Generous timeout for the slower cases: test files share 2 cores on CI.
const HEAVY = 60_000

const hasher = sha256Hasher

function fails(run: () => void): boolean {
  try {
    run()
    return false
  } catch (error) {
    if (!isLedgerError(error)) throw error
    return true
  }
}

describe('Google Argon 2020 CT log (961,984,013 entries, golang/mod sumdb/tlog testdata)', () => {
  const dir = join(import.meta.dirname, 'fixtures', 'argon2020')
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const sth = read('sth.json')
  const entry = decodeBase64(read('entries.json').entries[0].leaf_input)
  const { leaf_index: index, audit_path: auditPath } = read('proof.json')
  const { consistency } = read('consistency.json')

  it('verifies the real inclusion proof of entry 10000', () => {
    expect(sth.tree_size).toBe(961_984_013)
    const claim = { index, size: sth.tree_size, leafHash: hasher.hashLeaf(entry), proof: auditPath.map(decodeBase64), root: decodeBase64(sth.sha256_root_hash) }
    expect(claim.proof).toHaveLength(30)
    verifyInclusionProof(claim)
    expect(fails(() => verifyInclusionProof({ ...claim, index: index + 1 }))).toBe(true)
    expect(fails(() => verifyInclusionProof({ ...claim, leafHash: hasher.hashLeaf(entry.subarray(1)) }))).toBe(true)
  })

  it('verifies the real consistency proof from size 3,654,490', () => {
    const claim = {
      size1: 3_654_490,
      size2: sth.tree_size,
      root1: decodeBase64('AuIZ5V6sDUj1vn3Y1K85oOaQ7y+FJJKtyRTl1edIKBQ='),
      root2: decodeBase64(sth.sha256_root_hash),
      proof: consistency.map(decodeBase64),
    }
    verifyConsistencyProof(claim)
    expect(fails(() => verifyConsistencyProof({ ...claim, size1: claim.size1 + 1 }))).toBe(true)
    expect(fails(() => verifyConsistencyProof({ ...claim, proof: claim.proof.slice(1) }))).toBe(true)
  })
})

describe('index arithmetic above 2^32 (no 32-bit truncation)', () => {
  // Deterministic pseudo-random safe integers spread over all magnitudes up to 2^53 − 1.
  function* samples(count: number): Generator<number> {
    let state = 0x2545f491n
    for (let i = 0; i < count; i++) {
      state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n
      const bits = Number(state % 53n) + 1
      yield Number((state >> 11n) % 2n ** BigInt(bits))
    }
  }

  it('bit helpers agree with BigInt for 10,000 values and the extremes', () => {
    const values = [...samples(10_000), 0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52, MAX_LOG_SIZE]
    for (const n of values) {
      expect(libBitLength(n)).toBe(bitLength(BigInt(n)))
      expect(isPowerOfTwo(n)).toBe(n > 0 && (BigInt(n) & (BigInt(n) - 1n)) === 0n)
      if (n >= 2) expect(largestPowerOfTwoBelow(n)).toBe(2 ** (bitLength(BigInt(n) - 1n) - 1))
      if (n >= 1) expect(trailingZeros(n)).toBe(bitLength(BigInt(n) & -BigInt(n)) - 1)
    }
  }, HEAVY)

  it('inclusion proof lengths agree with the BigInt bit decomposition', () => {
    const sizes = [...samples(2_000)].filter((n) => n > 0)
    for (const size of sizes) {
      for (const index of [0, size - 1, Math.floor(size / 3), Math.floor(size / 2)]) {
        expect(inclusionProofLength(index, size)).toBe(bigintInclusionLength(BigInt(index), BigInt(size)))
        expect(inclusionProofRanges(index, size)).toHaveLength(inclusionProofLength(index, size))
      }
    }
  }, HEAVY)

  it('splits ranges into aligned complete subtrees covering exactly the range', () => {
    for (const end of [2 ** 32 + 1, 2 ** 40 + 12_345, MAX_LOG_SIZE]) {
      const nodes = rangeNodes(0, end)
      expect(nodes.length).toBe(popCountOf(end))
      let next = 0
      for (const node of nodes) {
        expect(node.index * 2 ** node.level).toBe(next)
        next += 2 ** node.level
      }
      expect(next).toBe(end)
    }
  })

  it('refuses sizes that are not safe integers instead of rounding them', () => {
    expect(() => inclusionProofRanges(0, 2 ** 53)).toThrow(/2\^53-1/)
    expect(() => toLogIndex(2n ** 53n)).toThrow(/2\^53-1/)
    expect(() => toLogIndex('9007199254740993')).toThrow(/2\^53-1/)
    expect(() => toLogIndex('-1')).toThrow(/2\^53-1/)
    expect(() => toLogIndex('007')).toThrow(/2\^53-1/)
    expect(toLogIndex('9007199254740991')).toBe(MAX_LOG_SIZE)
    expect(toLogIndex(4_294_967_297n)).toBe(4_294_967_297)
  })
})

function popCountOf(n: number): number {
  return [...BigInt(n).toString(2)].filter((bit) => bit === '1').length
}

describe('proofs in virtual trees of up to 2^53 − 1 leaves', () => {
  const cases: [size: number, index: number][] = [
    [2 ** 32 + 1, 2 ** 32],
    [2 ** 32 + 5, 3],
    [2 ** 33 + 2 ** 31 + 7, 2 ** 32 + 2 ** 31 + 1],
    [2 ** 40 + 12_345, 2 ** 39 + 17],
    [3 * 2 ** 50 + 7, 2 ** 51 + 2 ** 50 + 5],
    [MAX_LOG_SIZE, MAX_LOG_SIZE - 1],
    [MAX_LOG_SIZE, 2 ** 52 + 1],
  ]

  for (const [size, index] of cases) {
    it(`leaf ${index} of ${size}: the proof verifies, agrees with BigInt, and fails for neighbouring leaves`, () => {
      const leafHash = hasher.hashLeaf(new TextEncoder().encode(`record ${index}`))
      const tree = sparseTree(new Map([[index, leafHash]]), hasher)
      const root = treeRootFromSource(size, tree, hasher)
      const proof = inclusionProofFromSource(index, size, tree, hasher)
      verifyInclusionProof({ index, size, leafHash, proof, root })
      expect(bigintRootFromInclusion(BigInt(index), BigInt(size), leafHash, proof, hasher)).toEqual(root)
      expect(fails(() => verifyInclusionProof({ index: index - 1, size, leafHash, proof, root }))).toBe(true)
      if (index + 1 < size) expect(fails(() => verifyInclusionProof({ index: index + 1, size, leafHash, proof, root }))).toBe(true)
      // Truncating to 32 bits is exactly the bug this guards against.
      const truncated = index % 2 ** 32
      if (truncated !== index) expect(fails(() => verifyInclusionProof({ index: truncated, size, leafHash, proof, root }))).toBe(true)
    })

    it(`consistency from ${index + 1} to ${size} verifies and agrees with BigInt`, () => {
      const leafHash = hasher.hashLeaf(new TextEncoder().encode(`record ${index}`))
      const tree = sparseTree(new Map([[index, leafHash]]), hasher)
      const size1 = index + 1
      const root1 = treeRootFromSource(size1, tree, hasher)
      const root2 = treeRootFromSource(size, tree, hasher)
      const proof = consistencyProofFromSource(size1, size, tree, hasher)
      expect(proof).toHaveLength(consistencyProofRanges(size1, size).length)
      if (size1 < size) {
        verifyConsistencyProof({ size1, size2: size, root1, root2, proof })
        expect(bigintRootsFromConsistency(BigInt(size1), BigInt(size), root1, proof, hasher)).toEqual([root1, root2])
        expect(fails(() => verifyConsistencyProof({ size1: size1 - 1, size2: size, root1, root2, proof }))).toBe(true)
      }
    })
  }
})
