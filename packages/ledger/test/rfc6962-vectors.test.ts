import { describe, expect, it } from 'vitest'
import {
  decodeBase64,
  encodeHex,
  isLedgerError,
  MemoryTree,
  verifyConsistencyProof,
  verifyInclusionProof,
  type LedgerErrorCode,
} from '../src/index'
import { nodeSha256Ed25519Profile } from '../src/node'
import { loadConsistencyVectors, loadInclusionVectors, loadRoots } from './support/rfc6962-vectors'

// Published vectors of transparency-dev/merkle (testonly/constants.go and testdata/{inclusion,consistency}),
// vendored in fixtures/rfc6962 with their Apache-2.0 LICENSE. Every file is a test case.

const hashers = { 'pure-JS SHA-256': undefined, 'node:crypto SHA-256': nodeSha256Ed25519Profile.hasher }

describe('RFC 6962 roots for the 8 standard leaves', () => {
  const { leafInputsHex, rootsBySizeHex, emptyRootHex } = loadRoots()

  it('has the vectors it claims (sizes 0 to 8)', () => {
    expect(rootsBySizeHex).toHaveLength(9)
    expect(rootsBySizeHex[0]).toBe(emptyRootHex)
  })

  for (const [name, hasher] of Object.entries(hashers)) {
    it(`computes every root from size 0 to 8 with ${name}`, () => {
      const tree = new MemoryTree({ hasher })
      const roots = [encodeHex(tree.root())]
      for (const hex of leafInputsHex) {
        tree.append(Uint8Array.from(Buffer.from(hex, 'hex')))
        roots.push(encodeHex(tree.root()))
      }
      expect(roots).toEqual(rootsBySizeHex)
      // Past roots recomputed from stored subtrees must agree with the roots seen while growing.
      expect(rootsBySizeHex.map((_, size) => encodeHex(tree.root(size)))).toEqual(rootsBySizeHex)
    })
  }
})

// Converts a vector's exact integer to the library's number form; values above 2^53 − 1 become unsafe
// numbers that the verifier must reject (one vector uses 2^64 − 1).
const toNumber = (value: bigint) => Number(value)

function outcome(run: () => void): { ok: true } | { ok: false; code: LedgerErrorCode } {
  try {
    run()
    return { ok: true }
  } catch (error) {
    if (!isLedgerError(error)) throw error
    return { ok: false, code: error.code }
  }
}

describe('inclusion proof vectors', () => {
  const vectors = loadInclusionVectors()

  it('loads all 98 inclusion vectors, 6 of them valid', () => {
    expect(vectors).toHaveLength(98)
    expect(vectors.filter((v) => !v.wantErr)).toHaveLength(6)
  })

  for (const vector of vectors) {
    it(`${vector.file}: ${vector.desc} → ${vector.wantErr ? 'rejected' : 'accepted'}`, () => {
      const result = outcome(() =>
        verifyInclusionProof({
          index: toNumber(vector.leafIdx),
          size: toNumber(vector.treeSize),
          leafHash: decodeBase64(vector.leafHash),
          proof: vector.proof.map(decodeBase64),
          root: decodeBase64(vector.root),
        }),
      )
      expect(result.ok).toBe(!vector.wantErr)
    })
  }

  it('rejects the 2^64 − 1 index as out of range rather than rounding it', () => {
    const vector = vectors.find((v) => v.leafIdx === 2n ** 64n - 1n)
    expect(vector).toBeDefined()
    const result = outcome(() =>
      verifyInclusionProof({
        index: toNumber(vector!.leafIdx),
        size: toNumber(vector!.treeSize),
        leafHash: decodeBase64(vector!.leafHash),
        proof: vector!.proof.map(decodeBase64),
        root: decodeBase64(vector!.root),
      }),
    )
    expect(result).toEqual({ ok: false, code: 'OUT_OF_RANGE' })
  })

  it('rejects an empty leaf hash and root by length (what a literal RFC verifier accepts)', () => {
    const vector = vectors.find((v) => v.file === 'inclusion/single-entry/empty-root-and-leaf.json')
    expect(vector?.wantErr).toBe(true)
    const result = outcome(() =>
      verifyInclusionProof({ index: 0, size: 1, leafHash: new Uint8Array(0), proof: [], root: new Uint8Array(0) }),
    )
    expect(result).toEqual({ ok: false, code: 'BAD_HASH_SIZE' })
  })

  it('regenerates every valid vector’s proof from the standard leaves', () => {
    const { leafInputsHex } = loadRoots()
    const tree = new MemoryTree()
    for (const hex of leafInputsHex) tree.append(Uint8Array.from(Buffer.from(hex, 'hex')))
    const valid = vectors.filter((v) => !v.wantErr && v.treeSize <= 8n && v.proof.length > 0)
    expect(valid.length).toBeGreaterThan(0)
    for (const vector of valid) {
      const proof = tree.inclusionProof(toNumber(vector.leafIdx), toNumber(vector.treeSize)).map((h) => Buffer.from(h).toString('base64'))
      expect(proof).toEqual(vector.proof)
    }
  })
})

describe('consistency proof vectors', () => {
  const vectors = loadConsistencyVectors()

  it('loads all 98 consistency vectors, 6 of them valid', () => {
    expect(vectors).toHaveLength(98)
    expect(vectors.filter((v) => !v.wantErr)).toHaveLength(6)
  })

  for (const vector of vectors) {
    it(`${vector.file}: ${vector.desc} → ${vector.wantErr ? 'rejected' : 'accepted'}`, () => {
      const result = outcome(() =>
        verifyConsistencyProof({
          size1: toNumber(vector.size1),
          size2: toNumber(vector.size2),
          root1: decodeBase64(vector.root1),
          root2: decodeBase64(vector.root2),
          proof: vector.proof.map(decodeBase64),
        }),
      )
      expect(result.ok).toBe(!vector.wantErr)
    })
  }

  it('rejects size1 = 0 even with equal sizes and roots (transparency-dev: proofs from 0 always fail)', () => {
    const vector = vectors.find((v) => v.file === 'consistency/additional/sizes-are-equal-zero-and-proof-is-empty.json')
    expect(vector?.wantErr).toBe(true)
    const root = decodeBase64(vector!.root1)
    expect(outcome(() => verifyConsistencyProof({ size1: 0, size2: 0, root1: root, root2: root, proof: [] }))).toEqual({
      ok: false,
      code: 'OUT_OF_RANGE',
    })
  })

  it('regenerates every valid vector’s proof from the standard leaves', () => {
    const { leafInputsHex } = loadRoots()
    const tree = new MemoryTree()
    for (const hex of leafInputsHex) tree.append(Uint8Array.from(Buffer.from(hex, 'hex')))
    const valid = vectors.filter((v) => !v.wantErr && v.size2 <= 8n && v.size1 > 0n)
    expect(valid.length).toBeGreaterThan(0)
    for (const vector of valid) {
      const proof = tree.consistencyProof(toNumber(vector.size1), toNumber(vector.size2)).map((h) => Buffer.from(h).toString('base64'))
      expect(proof).toEqual(vector.proof)
    }
  })
})
