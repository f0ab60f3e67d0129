import type { MerkleHasher } from '../../src/index'

// BigInt transcriptions used to check the library's number arithmetic far above 2^32. They follow a
// different formulation on purpose (bit decomposition with BigInt shifts, as sigstore-js and
// transparency-dev describe the inclusion walk), so agreement is evidence, not an echo.

export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length
}

export function popCount(n: bigint): number {
  return [...n.toString(2)].filter((bit) => bit === '1').length
}

/** Inclusion proof length = bitlen(index XOR (size − 1)) + popcount(index >> inner). */
export function bigintInclusionLength(index: bigint, size: bigint): number {
  const inner = bitLength(index ^ (size - 1n))
  return inner + popCount(index >> BigInt(inner))
}

/** Root from an inclusion proof by the inner/border decomposition. */
export function bigintRootFromInclusion(index: bigint, size: bigint, leafHash: Uint8Array, proof: readonly Uint8Array[], hasher: MerkleHasher): Uint8Array {
  const inner = bitLength(index ^ (size - 1n))
  const border = popCount(index >> BigInt(inner))
  if (proof.length !== inner + border) throw new Error(`wrong proof length ${proof.length} != ${inner + border}`)
  let hash = leafHash
  for (let i = 0; i < inner; i++) {
    hash = ((index >> BigInt(i)) & 1n) === 0n ? hasher.hashChildren(hash, proof[i]) : hasher.hashChildren(proof[i], hash)
  }
  for (let i = inner; i < proof.length; i++) hash = hasher.hashChildren(proof[i], hash)
  return hash
}

/** Both roots from a consistency proof, RFC 9162 §2.1.4.2 with BigInt shifts. */
export function bigintRootsFromConsistency(size1: bigint, size2: bigint, root1: Uint8Array, proof: readonly Uint8Array[], hasher: MerkleHasher): [Uint8Array, Uint8Array] {
  const path = (size1 & (size1 - 1n)) === 0n ? [root1, ...proof] : [...proof]
  let fn = size1 - 1n
  let sn = size2 - 1n
  while ((fn & 1n) === 1n) {
    fn >>= 1n
    sn >>= 1n
  }
  let fr = path[0]
  let sr = path[0]
  for (const c of path.slice(1)) {
    if (sn === 0n) throw new Error('proof too long')
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hasher.hashChildren(c, fr)
      sr = hasher.hashChildren(c, sr)
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n
        sn >>= 1n
      }
    } else {
      sr = hasher.hashChildren(sr, c)
    }
    fn >>= 1n
    sn >>= 1n
  }
  if (sn !== 0n) throw new Error('proof too short')
  return [fr, sr]
}
