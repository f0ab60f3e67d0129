import { LedgerError } from '../ledger.error'
import { TILE_WIDTH } from './tile.math'

/**
 * Largest entry an entry bundle can frame: its length prefix is a big-endian uint16.
 *
 * @example
 * import { MAX_ENTRY_SIZE } from '@yangguang/ledger'
 * const leaf = new TextEncoder().encode('{"act":"立案"}')
 * console.log(leaf.length <= MAX_ENTRY_SIZE) // true
 */
export const MAX_ENTRY_SIZE = 65535

/**
 * Encodes log entries as a tlog-tiles entry bundle: each entry prefixed by its length as a big-endian uint16.
 * Throws `OUT_OF_RANGE` for more than 256 entries or an entry above 65,535 bytes — keep leaves small
 * (a record of an enforcement act, not the document).
 *
 * @example
 * import { encodeEntryBundle } from '@yangguang/ledger'
 * encodeEntryBundle([new Uint8Array([7]), new Uint8Array(0)]) // Uint8Array [0, 1, 7, 0, 0]
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > TILE_WIDTH) throw new LedgerError('OUT_OF_RANGE', 'an entry bundle holds at most 256 entries', { count: entries.length })
  let length = 0
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) throw new LedgerError('OUT_OF_RANGE', 'entry exceeds 65,535 bytes', { length: entry.length })
    length += 2 + entry.length
  }
  const out = new Uint8Array(length)
  let offset = 0
  for (const entry of entries) {
    out[offset] = Math.floor(entry.length / 256)
    out[offset + 1] = entry.length % 256
    out.set(entry, offset + 2)
    offset += 2 + entry.length
  }
  return out
}

/**
 * Decodes a tlog-tiles entry bundle. Throws `TILE_MALFORMED` when a length prefix runs past the end, when
 * there are more than 256 entries, or when `expectedCount` is given and differs.
 *
 * @example
 * import { decodeEntryBundle } from '@yangguang/ledger'
 * decodeEntryBundle(new Uint8Array([0, 1, 7, 0, 0])) // [Uint8Array [7], Uint8Array []]
 */
export function decodeEntryBundle(bundle: Uint8Array, expectedCount?: number): Uint8Array[] {
  const entries: Uint8Array[] = []
  let offset = 0
  while (offset < bundle.length) {
    if (offset + 2 > bundle.length) throw malformed('truncated length prefix', offset)
    const length = bundle[offset] * 256 + bundle[offset + 1]
    const end = offset + 2 + length
    if (end > bundle.length) throw malformed('entry runs past the end of the bundle', offset)
    entries.push(bundle.slice(offset + 2, end))
    if (entries.length > TILE_WIDTH) throw malformed('more than 256 entries', offset)
    offset = end
  }
  if (expectedCount !== undefined && entries.length !== expectedCount) {
    throw new LedgerError('TILE_MALFORMED', `bundle has ${entries.length} entries, expected ${expectedCount}`, {
      expected: expectedCount,
      actual: entries.length,
    })
  }
  return entries
}

function malformed(message: string, offset: number): LedgerError {
  return new LedgerError('TILE_MALFORMED', message, { offset })
}
