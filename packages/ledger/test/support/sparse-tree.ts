import { pow2 } from '../../src/encoding/log-index.math'
import type { MerkleHasher, NodeSource } from '../../src/index'

/**
 * A virtual tree of up to 2^53 − 1 leaves where every leaf is the same filler except a few marked ones.
 * Subtrees without a marked leaf are perfect trees of fillers, so their hash depends only on their height;
 * the rest is computed recursively. This lets tests prove and verify at sizes no machine can store.
 */
export function sparseTree(marked: ReadonlyMap<number, Uint8Array>, hasher: MerkleHasher): NodeSource {
  const uniform: Uint8Array[] = [hasher.hashLeaf(new TextEncoder().encode('filler'))]
  const uniformAt = (level: number): Uint8Array => {
    while (uniform.length <= level) uniform.push(hasher.hashChildren(uniform[uniform.length - 1], uniform[uniform.length - 1]))
    return uniform[level]
  }
  const markedIndices = [...marked.keys()]
  const source: NodeSource = {
    nodeHash(level, index) {
      const width = pow2(level)
      const start = index * width
      const inside = markedIndices.filter((m) => m >= start && m < start + width)
      if (inside.length === 0) return uniformAt(level)
      if (level === 0) return marked.get(index) as Uint8Array
      return hasher.hashChildren(source.nodeHash(level - 1, 2 * index), source.nodeHash(level - 1, 2 * index + 1))
    },
  }
  return source
}
