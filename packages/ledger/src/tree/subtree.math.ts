import { assertLogIndex, largestPowerOfTwoBelow, pow2 } from '../encoding/log-index.math'
import { LedgerError } from '../ledger.error'

/**
 * A complete (perfect) subtree: the `2^level` leaves from `index · 2^level` on. Level 0 nodes are leaves.
 * Complete subtrees never change once the log has grown past them, which is why they — and only they — are
 * what storage (tiles, the in-memory tree, a database) has to keep.
 *
 * @example
 * import type { NodeId } from '@yangguang/ledger'
 * const node: NodeId = { level: 2, index: 1 } // covers leaves 4, 5, 6, 7
 */
export interface NodeId {
  readonly level: number
  readonly index: number
}

/**
 * The leaves `start ≤ i < end` of a tree, the unit RFC 9162 writes as `D[start:end]`.
 *
 * @example
 * import type { LeafRange } from '@yangguang/ledger'
 * const range: LeafRange = { start: 4, end: 7 }
 */
export interface LeafRange {
  readonly start: number
  readonly end: number
}

/**
 * Splits `[start, end)` into the fewest aligned complete subtrees, left to right. For the ranges that occur
 * in RFC 9162 trees (`[a, n)` with `a` aligned to a power of two at least `n − a`) the range's Merkle hash
 * is the right fold `H(c1, H(c2, … ck))` of these nodes; see {@link hashNodeRun}.
 *
 * @example
 * import { rangeNodes } from '@yangguang/ledger'
 * rangeNodes(0, 7) // [{ level: 2, index: 0 }, { level: 1, index: 2 }, { level: 0, index: 6 }]
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  assertLogIndex(start, 'start')
  assertLogIndex(end, 'end')
  const nodes: NodeId[] = []
  while (start < end) {
    let level = 0
    let width = 1
    while (start % (width * 2) === 0 && start + width * 2 <= end) {
      width *= 2
      level++
    }
    nodes.push({ level, index: start / width })
    start += width
  }
  return nodes
}

/**
 * The leaf ranges whose Merkle hashes form the inclusion proof of leaf `index` in a tree of `size` leaves,
 * in proof order (the leaf's sibling first): `PATH(m, D[n])` of RFC 9162 §2.1.3.1, as ranges.
 *
 * @example
 * import { inclusionProofRanges } from '@yangguang/ledger'
 * inclusionProofRanges(3, 7) // [{ start: 2, end: 3 }, { start: 0, end: 2 }, { start: 4, end: 7 }]
 */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertLogIndex(index, 'index')
  assertLogIndex(size, 'size')
  if (index >= size) throw new LedgerError('OUT_OF_RANGE', 'index must be below the tree size', { index, size })
  const ranges: LeafRange[] = []
  let start = 0
  let end = size
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start)
    if (index < start + k) {
      ranges.push({ start: start + k, end })
      end = start + k
    } else {
      ranges.push({ start, end: start + k })
      start += k
    }
  }
  return ranges.reverse()
}

/**
 * The leaf ranges whose Merkle hashes form the consistency proof from `size1` to `size2`, in proof order:
 * `PROOF(m, D[n])` of RFC 9162 §2.1.4.1, as ranges. Empty when the sizes are equal, and — as the C2SP
 * tlog-witness protocol expects — when `size1` is 0 (there is nothing to be consistent with).
 *
 * @example
 * import { consistencyProofRanges } from '@yangguang/ledger'
 * consistencyProofRanges(4, 7) // [{ start: 4, end: 7 }] — the draft's PROOF(4, D[7]) = [l]
 */
export function consistencyProofRanges(size1: number, size2: number): LeafRange[] {
  assertLogIndex(size1, 'size1')
  assertLogIndex(size2, 'size2')
  if (size1 > size2) throw new LedgerError('OUT_OF_RANGE', 'size1 must not exceed size2', { size1, size2 })
  if (size1 === 0 || size1 === size2) return []
  const ranges: LeafRange[] = []
  let start = 0
  let end = size2
  let m = size1
  // `complete` is SUBPROOF's flag b: whether the subtree at hand is known to the verifier already.
  let complete = true
  for (;;) {
    if (m === end - start) {
      if (!complete) ranges.push({ start, end })
      break
    }
    const k = largestPowerOfTwoBelow(end - start)
    if (m <= k) {
      ranges.push({ start: start + k, end })
      end = start + k
    } else {
      ranges.push({ start, end: start + k })
      m -= k
      start += k
      complete = false
    }
  }
  return ranges.reverse()
}

/**
 * The leaves a complete subtree covers.
 *
 * @example
 * import { nodeLeafRange } from '@yangguang/ledger'
 * nodeLeafRange({ level: 2, index: 1 }) // { start: 4, end: 8 }
 */
export function nodeLeafRange(node: NodeId): LeafRange {
  const width = pow2(node.level)
  return { start: node.index * width, end: (node.index + 1) * width }
}
