import { describe, expect, it } from 'vitest'
import {
  consistencyProofLength,
  inclusionProofLength,
  isLedgerError,
  MemoryTree,
  verifyConsistencyProof,
  verifyInclusionProof,
  type ConsistencyProof,
  type InclusionProof,
} from '../src/index'
import { nodeSha256Ed25519Profile } from '../src/node'
import { consistencyMutations, inclusionMutations } from './support/proof-mutations'
import { consistencyShape, inclusionShape, referencePath, referenceProof, referenceRoot } from './support/reference-merkle'

// Property tests: every proof the library generates for trees of 1..MAX_SIZE leaves verifies, agrees with a
// naive RFC 9162 transcription, and stops verifying when altered. node:crypto hashing keeps this fast; the
// pure-JS hasher is held to the same bytes in hash-profiles.test.ts.

const MAX_SIZE = 300
// Generous per-test timeout: these run beside other test files on a 2-core CI machine.
const HEAVY = 60_000
const hasher = nodeSha256Ed25519Profile.hasher
const tree = new MemoryTree({ hasher })
for (let i = 0; i < MAX_SIZE; i++) tree.append(new TextEncoder().encode(`leaf ${i}`))
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => tree.leafHash(i))
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => tree.root(size))
const sizes = Array.from({ length: MAX_SIZE }, (_, i) => i + 1)
const chunks = [0, 1, 2, 3, 4, 5].map((c) => sizes.filter((size) => Math.floor((size - 1) / 50) === c))

function passes(run: () => void): boolean {
  try {
    run()
    return true
  } catch (error) {
    if (!isLedgerError(error)) throw error
    return false
  }
}

// Indices worth mutating at a size: all of them for small trees, the edges and a few inner ones otherwise.
function sampleIndices(size: number): number[] {
  if (size <= 40) return Array.from({ length: size }, (_, i) => i)
  return [...new Set([0, 1, 2, Math.floor(size / 2), size - 3, size - 2, size - 1, (size * 7) % size, (size * 13 + 5) % size])]
}

describe('roots', () => {
  it(`equal the naive RFC 9162 MTH for every size 0..${MAX_SIZE}`, () => {
    for (let size = 0; size <= MAX_SIZE; size++) {
      expect(roots[size]).toEqual(referenceRoot(leaves.slice(0, size), hasher))
    }
  }, HEAVY)
})

describe('inclusion proofs', () => {
  for (const chunk of chunks) {
    it(`verify for every leaf of every size ${chunk[0]}..${chunk.at(-1)}`, () => {
      let checked = 0
      for (const size of chunk) {
        for (let index = 0; index < size; index++) {
          const proof = tree.inclusionProof(index, size)
          expect(proof.length).toBe(inclusionProofLength(index, size))
          verifyInclusionProof({ index, size, leafHash: leaves[index], proof, root: roots[size] }, hasher)
          checked++
        }
      }
      expect(checked).toBe(chunk.reduce((sum, size) => sum + size, 0))
    }, HEAVY)
  }

  it('equal the naive RFC PATH for every leaf of every size up to 64', () => {
    for (let size = 1; size <= 64; size++) {
      for (let index = 0; index < size; index++) {
        expect(tree.inclusionProof(index, size)).toEqual(referencePath(index, leaves.slice(0, size), hasher))
      }
    }
  }, HEAVY)

  for (const chunk of chunks) {
    it(`fail when altered (bit flips, wrong index, wrong size, truncated, extended) for sizes ${chunk[0]}..${chunk.at(-1)}`, () => {
      let mustFail = 0
      let sameShape = 0
      for (const size of chunk) {
        for (const index of sampleIndices(size)) {
          const claim = { index, size, leafHash: leaves[index], proof: tree.inclusionProof(index, size), root: roots[size] }
          for (const mutation of inclusionMutations) {
            const altered = mutation.apply(claim)
            if (altered === undefined) continue
            const ok = passes(() => verifyInclusionProof(altered, hasher))
            // A size change that keeps the proof's shape is indistinguishable by the proof alone; the
            // checkpoint signature is what binds the size. Every other alteration must fail.
            const equivalent = mutation.changesSize === true && altered.index < altered.size && inclusionShape(index, altered.size) === inclusionShape(index, size)
            if (ok !== equivalent) throw new Error(`${mutation.name} at index ${index}, size ${size}: verified=${ok}`)
            equivalent ? sameShape++ : mustFail++
          }
        }
      }
      expect(mustFail).toBeGreaterThan(50 * chunk.length)
      expect(sameShape).toBeLessThan(mustFail)
    }, HEAVY)
  }

  it('does not by itself pin the tree size: the signed checkpoint must (why size mutations may verify)', () => {
    // Leaf 0 of 3 and leaf 0 of 4 combine their two proof hashes in the same order, so the size-3 claim
    // also verifies as a size-4 claim against the size-3 root. Receipts take the size from the signed checkpoint.
    expect(inclusionShape(0, 3)).toBe(inclusionShape(0, 4))
    const claim = { index: 0, size: 3, leafHash: leaves[0], proof: tree.inclusionProof(0, 3), root: roots[3] }
    expect(passes(() => verifyInclusionProof({ ...claim, size: 4 }, hasher))).toBe(true)
    expect(passes(() => verifyInclusionProof({ ...claim, size: 5 }, hasher))).toBe(false)
  })

  it('a proof generated for one leaf never verifies another leaf', () => {
    for (const size of [2, 3, 7, 8, 9, 100, 255, 256, 257, 300]) {
      for (const index of sampleIndices(size)) {
        const claim: InclusionProof & { root: Uint8Array } = {
          index,
          size,
          leafHash: leaves[(index + 1) % size],
          proof: tree.inclusionProof(index, size),
          root: roots[size],
        }
        expect(passes(() => verifyInclusionProof(claim, hasher))).toBe(false)
      }
    }
  })
})

describe('consistency proofs', () => {
  for (const chunk of chunks) {
    it(`verify between every pair of sizes 1 ≤ m ≤ n for n in ${chunk[0]}..${chunk.at(-1)}`, () => {
      let checked = 0
      for (const size2 of chunk) {
        for (let size1 = 1; size1 <= size2; size1++) {
          const proof = tree.consistencyProof(size1, size2)
          if (size1 < size2) expect(proof.length).toBe(consistencyProofLength(size1, size2))
          verifyConsistencyProof({ size1, size2, root1: roots[size1], root2: roots[size2], proof }, hasher)
          checked++
        }
      }
      expect(checked).toBe(chunk.reduce((sum, size) => sum + size, 0))
    }, HEAVY)
  }

  it('equal the naive RFC PROOF for every pair of sizes up to 64', () => {
    for (let size2 = 1; size2 <= 64; size2++) {
      for (let size1 = 1; size1 <= size2; size1++) {
        expect(tree.consistencyProof(size1, size2)).toEqual(referenceProof(size1, leaves.slice(0, size2), hasher))
      }
    }
  }, HEAVY)

  for (const chunk of chunks) {
    it(`fail when altered for sizes ${chunk[0]}..${chunk.at(-1)}`, () => {
      let mustFail = 0
      for (const size2 of chunk) {
        for (const size1 of sampleIndices(size2).map((i) => i + 1)) {
          const claim: ConsistencyProof = { size1, size2, root1: roots[size1], root2: roots[size2], proof: tree.consistencyProof(size1, size2) }
          for (const mutation of consistencyMutations) {
            const altered = mutation.apply(claim)
            if (altered === undefined) continue
            const ok = passes(() => verifyConsistencyProof(altered, hasher))
            const validSizes = altered.size1 >= 1 && altered.size1 < altered.size2 && size1 < size2
            const equivalent =
              mutation.changesSize === true && validSizes && consistencyShape(altered.size1, altered.size2) === consistencyShape(size1, size2)
            if (ok !== equivalent) throw new Error(`${mutation.name} at ${size1}→${size2}: verified=${ok}`)
            if (!equivalent) mustFail++
          }
        }
      }
      expect(mustFail).toBeGreaterThan(50 * chunk.length)
    }, HEAVY)
  }
})
