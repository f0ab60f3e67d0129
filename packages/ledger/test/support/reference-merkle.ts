import type { MerkleHasher } from '../../src/index'

// A deliberately naive transcription of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 (recursion over arrays of
// leaf hashes), independent of the library's iterative code, to test that code against.

function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

export function referenceRoot(leaves: readonly Uint8Array[], hasher: MerkleHasher): Uint8Array {
  if (leaves.length === 0) return hasher.emptyRoot()
  if (leaves.length === 1) return leaves[0]
  const k = split(leaves.length)
  return hasher.hashChildren(referenceRoot(leaves.slice(0, k), hasher), referenceRoot(leaves.slice(k), hasher))
}

export function referencePath(m: number, leaves: readonly Uint8Array[], hasher: MerkleHasher): Uint8Array[] {
  if (leaves.length <= 1) return []
  const k = split(leaves.length)
  if (m < k) return [...referencePath(m, leaves.slice(0, k), hasher), referenceRoot(leaves.slice(k), hasher)]
  return [...referencePath(m - k, leaves.slice(k), hasher), referenceRoot(leaves.slice(0, k), hasher)]
}

export function referenceProof(m: number, leaves: readonly Uint8Array[], hasher: MerkleHasher): Uint8Array[] {
  return subproof(m, leaves, true, hasher)
}

function subproof(m: number, leaves: readonly Uint8Array[], b: boolean, hasher: MerkleHasher): Uint8Array[] {
  const n = leaves.length
  if (m === n) return b ? [] : [referenceRoot(leaves, hasher)]
  const k = split(n)
  if (m <= k) return [...subproof(m, leaves.slice(0, k), b, hasher), referenceRoot(leaves.slice(k), hasher)]
  return [...subproof(m - k, leaves.slice(k), false, hasher), referenceRoot(leaves.slice(0, k), hasher)]
}

/**
 * The order in which a verifier combines an inclusion proof for leaf m of n, leaf upward: `L` when the
 * sibling is on the left, `R` on the right. Two claims with the same shape compute the same root from the
 * same hashes, which is why a proof does not by itself pin the tree size — the signed checkpoint does.
 */
export function inclusionShape(m: number, n: number): string {
  if (n <= 1) return ''
  const k = split(n)
  return m < k ? inclusionShape(m, k) + 'R' : inclusionShape(m - k, n - k) + 'L'
}

/**
 * The same for a consistency proof from m to n: `S` when the old root itself seeds the walk (m a power of
 * two subtree), `P` when the first proof hash does, then `R`/`L` per further hash.
 */
export function consistencyShape(m: number, n: number, complete = true): string {
  if (m === n) return complete ? 'S' : 'P'
  const k = split(n)
  return m <= k ? consistencyShape(m, k, complete) + 'R' : consistencyShape(m - k, n - k, false) + 'L'
}
