import { execFileSync } from 'node:child_process'
import { hash as nodeHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMerkleHasher, encodeHex, MemoryTree, sha256, sha256Ed25519Profile, sm3 } from '../src/index'
import { nodeSha256, nodeSha256Ed25519Profile, nodeSm3 } from '../src/node'
import { loadRoots } from './support/rfc6962-vectors'

// Generous timeout for the slower cases: test files share 2 cores on CI.
const HEAVY = 60_000

// Inputs around the 64-byte block boundaries where padding bugs live, plus a large one.
const inputs = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 100_000].map((length) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256),
)

describe('SHA-256 implementations', () => {
  it('pure-JS and node:crypto digests agree with OpenSSL', () => {
    for (const input of inputs) {
      const expected = nodeHash('sha256', input, 'hex')
      expect(encodeHex(sha256.digest(input))).toBe(expected)
      expect(encodeHex(nodeSha256.digest(input))).toBe(expected)
    }
  })

  it('the pure-JS and node profiles build identical trees, roots and proofs', () => {
    const a = new MemoryTree({ hasher: sha256Ed25519Profile.hasher })
    const b = new MemoryTree({ hasher: nodeSha256Ed25519Profile.hasher })
    for (let i = 0; i < 1000; i++) {
      const entry = new TextEncoder().encode(`entry ${i}`)
      a.append(entry)
      b.append(entry)
    }
    expect(b.root()).toEqual(a.root())
    expect(b.inclusionProof(517)).toEqual(a.inclusionProof(517))
    expect(b.consistencyProof(333)).toEqual(a.consistencyProof(333))
    expect(nodeSha256Ed25519Profile.logKeyType).toBe(sha256Ed25519Profile.logKeyType)
  })

  it('hashes entries larger than the hasher’s scratch buffer correctly', () => {
    const big = new Uint8Array(200_000).fill(9)
    const expected = nodeHash('sha256', Uint8Array.from([0, ...big]), 'hex')
    expect(encodeHex(sha256Ed25519Profile.hasher.hashLeaf(big))).toBe(expected)
    expect(encodeHex(nodeSha256Ed25519Profile.hasher.hashLeaf(big))).toBe(expected)
    // and small ones after it, from the same scratch buffer
    expect(encodeHex(sha256Ed25519Profile.hasher.hashLeaf(new Uint8Array(0)))).toBe(loadRoots().rootsBySizeHex[1])
  })
})

describe('SM3 (GB/T 32905-2016)', () => {
  it('matches the standard’s two examples', () => {
    expect(encodeHex(sm3.digest(new TextEncoder().encode('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    expect(encodeHex(sm3.digest(new TextEncoder().encode('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732')
  })

  it('matches `openssl dgst -sm3` on inputs around every padding boundary', () => {
    for (const input of inputs) {
      const output = execFileSync('openssl', ['dgst', '-sm3', '-r'], { input }).toString()
      expect(encodeHex(sm3.digest(input))).toBe(output.split(' ')[0])
    }
  }, HEAVY)

  it('matches node:crypto SM3 where this Node build has it', () => {
    expect(nodeSm3).toBeDefined() // Node 20's bundled OpenSSL ships SM3; a build without it should be noticed
    for (const input of inputs) expect(nodeSm3!.digest(input)).toEqual(sm3.digest(input))
  })

  it('gives the RFC 9162-structured SM3 tree roots of ledger-research §1.13 for the standard leaves', () => {
    const expected = [
      '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b',
      '2daef60e7a0b8f5e024c81cd2ab3109f2b4f155cf83adeb2ae5532f74a157fdf',
      '0b990fe0c7ad70f1bf1a1262f2c7908ea48146b14253a6db99f2917ab1f5cc4d',
      '209ec96a210d662a964772680e8544d18cab7b88ffec3e00962220349b56ea56',
      '28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377',
      'bb10c996aeebbcdc69be3715fc847344de77442d37a5ab8213da9f41785b103b',
      '8723c1ab1f82ddfba4a3733ac0c80d936d9f4c208c7dbc8cc81ca9fff8584f66',
      'bd36c22a1ac6ff4308e0c3cc1a85bf0ffa30538ec60a55c70413ab15d45db4d2',
      'bc48ba7a709184b5f2a631e1adeb8dc2a0d4c018c1d6cc89b5664fe154c93b38',
    ]
    const tree = new MemoryTree({ hasher: createMerkleHasher(sm3) })
    const roots = [encodeHex(tree.root())]
    for (const hex of loadRoots().leafInputsHex) {
      tree.append(Uint8Array.from(Buffer.from(hex, 'hex')))
      roots.push(encodeHex(tree.root()))
    }
    expect(roots).toEqual(expected)
  })
})
