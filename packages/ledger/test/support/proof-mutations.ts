import type { ConsistencyProof, InclusionProof } from '../../src/index'

/**
 * A named way of spoiling a valid proof claim. `changesSize` marks mutations that only change a tree size:
 * those must fail unless the new size gives the proof exactly the same shape (see reference-merkle.ts).
 */
export interface Mutation<T> {
  name: string
  changesSize?: boolean
  apply(claim: T): T | undefined
}

function flipBit(hash: Uint8Array, bit: number): Uint8Array {
  const copy = hash.slice()
  copy[Math.floor(bit / 8) % copy.length] ^= 1 << bit % 8
  return copy
}

const garbage = new Uint8Array(32).fill(0xa5)

export const inclusionMutations: Mutation<InclusionProof & { root: Uint8Array }>[] = [
  { name: 'flipped bit in a proof hash', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: c.proof.map((h, i) => (i === c.proof.length - 1 ? flipBit(h, 77) : h)) }) },
  { name: 'flipped bit in the first proof hash', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: [flipBit(c.proof[0], 3), ...c.proof.slice(1)] }) },
  { name: 'flipped bit in the leaf hash', apply: (c) => ({ ...c, leafHash: flipBit(c.leafHash, 0) }) },
  { name: 'flipped bit in the root', apply: (c) => ({ ...c, root: flipBit(c.root, 255) }) },
  { name: 'index + 1', apply: (c) => ({ ...c, index: c.index + 1 }) },
  { name: 'index − 1', apply: (c) => (c.index === 0 ? undefined : { ...c, index: c.index - 1 }) },
  { name: 'size + 1', changesSize: true, apply: (c) => ({ ...c, size: c.size + 1 }) },
  { name: 'size − 1', changesSize: true, apply: (c) => (c.size === 1 ? undefined : { ...c, size: c.size - 1 }) },
  { name: 'size × 2', changesSize: true, apply: (c) => ({ ...c, size: c.size * 2 }) },
  { name: 'truncated proof', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: c.proof.slice(0, -1) }) },
  { name: 'extended proof', apply: (c) => ({ ...c, proof: [...c.proof, garbage] }) },
  { name: 'garbage before the proof', apply: (c) => ({ ...c, proof: [garbage, ...c.proof] }) },
  { name: 'root appended to the proof', apply: (c) => ({ ...c, proof: [...c.proof, c.root] }) },
  { name: 'proof hashes in reverse', apply: (c) => (c.proof.length < 2 ? undefined : { ...c, proof: [...c.proof].reverse() }) },
]

export const consistencyMutations: Mutation<ConsistencyProof>[] = [
  { name: 'flipped bit in a proof hash', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: c.proof.map((h, i) => (i === c.proof.length - 1 ? flipBit(h, 9) : h)) }) },
  { name: 'flipped bit in the first proof hash', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: [flipBit(c.proof[0], 200), ...c.proof.slice(1)] }) },
  { name: 'flipped bit in root1', apply: (c) => ({ ...c, root1: flipBit(c.root1, 1) }) },
  { name: 'flipped bit in root2', apply: (c) => ({ ...c, root2: flipBit(c.root2, 2) }) },
  { name: 'swapped roots', apply: (c) => (c.size1 === c.size2 ? undefined : { ...c, root1: c.root2, root2: c.root1 }) },
  { name: 'size1 + 1', changesSize: true, apply: (c) => (c.size1 + 1 > c.size2 ? undefined : { ...c, size1: c.size1 + 1 }) },
  { name: 'size1 − 1', changesSize: true, apply: (c) => ({ ...c, size1: c.size1 - 1 }) },
  { name: 'size2 + 1', changesSize: true, apply: (c) => ({ ...c, size2: c.size2 + 1 }) },
  { name: 'size2 − 1', changesSize: true, apply: (c) => ({ ...c, size2: c.size2 - 1 }) },
  { name: 'truncated proof', apply: (c) => (c.proof.length === 0 ? undefined : { ...c, proof: c.proof.slice(0, -1) }) },
  { name: 'extended proof', apply: (c) => ({ ...c, proof: [...c.proof, garbage] }) },
  { name: 'garbage before the proof', apply: (c) => ({ ...c, proof: [garbage, ...c.proof] }) },
]
