import { assertLogIndex } from '../encoding/log-index.math'
import { LedgerError } from '../ledger.error'
import { MAX_TILE_LEVEL, TILE_WIDTH, type TileId } from './tile.math'

/**
 * A parsed tlog-tiles resource path: a hash tile or an entry bundle.
 *
 * @example
 * import type { TileResource } from '@yangguang/ledger'
 * const resource: TileResource = { kind: 'entries', index: 5, width: 256 }
 */
export type TileResource = { readonly kind: 'hashes'; readonly tile: TileId } | { readonly kind: 'entries'; readonly index: number; readonly width: number }

/**
 * Encodes a tile index as tlog-tiles path elements: zero-padded 3-digit groups, every group but the last
 * prefixed with `x`, so that files and directories never collide on disk.
 *
 * @example
 * import { formatTileIndex } from '@yangguang/ledger'
 * formatTileIndex(1_234_067) // 'x001/x234/067'
 * formatTileIndex(5) // '005'
 */
export function formatTileIndex(index: number): string {
  assertLogIndex(index, 'index')
  const groups: string[] = []
  let rest = index
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'))
    rest = Math.floor(rest / 1000)
  } while (rest > 0)
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/')
}

/**
 * Decodes {@link formatTileIndex} output, accepting only the canonical form (no `x000` leading group).
 * Throws `LedgerError('TILE_MALFORMED')`.
 *
 * @example
 * import { parseTileIndex } from '@yangguang/ledger'
 * parseTileIndex('x001/x234/067') // 1234067
 */
export function parseTileIndex(text: string): number {
  const groups = text.split('/')
  let index = 0
  groups.forEach((group, i) => {
    const last = i === groups.length - 1
    const match = (last ? /^([0-9]{3})$/ : /^x([0-9]{3})$/).exec(group)
    if (match === null || (i === 0 && !last && match[1] === '000')) throw malformed('bad tile index element', text)
    index = index * 1000 + Number(match[1])
  })
  if (!Number.isSafeInteger(index)) throw malformed('tile index too large', text)
  return index
}

/**
 * The path of a hash tile under the log prefix: `tile/<L>/<N>[.p/<W>]`.
 *
 * @example
 * import { tilePath } from '@yangguang/ledger'
 * tilePath({ level: 0, index: 1_234_067, width: 256 }) // 'tile/0/x001/x234/067'
 * tilePath({ level: 1, index: 1, width: 17 }) // 'tile/1/001.p/17'
 */
export function tilePath(tile: TileId): string {
  if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > MAX_TILE_LEVEL) {
    throw new LedgerError('OUT_OF_RANGE', `tile level must be 0..${MAX_TILE_LEVEL}`, { level: tile.level })
  }
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${widthSuffix(tile.width)}`
}

/**
 * The path of an entry bundle under the log prefix: `tile/entries/<N>[.p/<W>]`.
 *
 * @example
 * import { entryBundlePath } from '@yangguang/ledger'
 * entryBundlePath(273, 112) // 'tile/entries/273.p/112'
 */
export function entryBundlePath(index: number, width: number = TILE_WIDTH): string {
  return `tile/entries/${formatTileIndex(index)}${widthSuffix(width)}`
}

/**
 * Parses a tlog-tiles path (relative to the log prefix, as produced by {@link tilePath} and
 * {@link entryBundlePath}). Throws `LedgerError('TILE_MALFORMED')` on anything non-canonical: levels above
 * 63 or with leading zeros, widths outside 1–255, bad index elements.
 *
 * @example
 * import { parseTilePath } from '@yangguang/ledger'
 * parseTilePath('tile/0/x001/x234/067.p/8') // { kind: 'hashes', tile: { level: 0, index: 1234067, width: 8 } }
 */
export function parseTilePath(path: string): TileResource {
  const match = /^tile\/(entries|0|[1-9][0-9]?)\/([x0-9/]+?)(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path)
  if (match === null) throw malformed('not a tile path', path)
  const index = parseTileIndex(match[2])
  const width = match[3] === undefined ? TILE_WIDTH : Number(match[3])
  if (match[3] !== undefined && width >= TILE_WIDTH) throw malformed('partial width must be 1..255', path)
  if (match[1] === 'entries') return { kind: 'entries', index, width }
  const level = Number(match[1])
  if (level > MAX_TILE_LEVEL) throw malformed(`tile level must be 0..${MAX_TILE_LEVEL}`, path)
  return { kind: 'hashes', tile: { level, index, width } }
}

function widthSuffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new LedgerError('OUT_OF_RANGE', `tile width must be 1..${TILE_WIDTH}`, { width })
  }
  return width === TILE_WIDTH ? '' : `.p/${width}`
}

function malformed(message: string, path: string): LedgerError {
  return new LedgerError('TILE_MALFORMED', message, { path: path.slice(0, 200) })
}
