import { encodeBase64, tryDecodeBase64 } from '../encoding/bytes.codec'
import { MAX_LOG_SIZE } from '../encoding/log-index.math'
import { LedgerError } from '../ledger.error'
import { assertNoteText } from '../note/signed-note.codec'

/**
 * A transparency-log checkpoint (C2SP tlog-checkpoint v1.0.0): the note text a log signs for a tree head.
 *
 * @example
 * import { decodeBase64, type Checkpoint } from '@yangguang/ledger'
 * const checkpoint: Checkpoint = {
 *   origin: 'example.com/behind-the-sofa',
 *   size: 20852163,
 *   rootHash: decodeBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I='),
 *   extensions: [],
 * }
 */
export interface Checkpoint {
  /** Unique identifier of the log, e.g. `zfjd.example.gov.cn/log/2026`. */
  readonly origin: string
  /** Number of leaves. */
  readonly size: number
  /** RFC 9162 root of the tree at `size`. */
  readonly rootHash: Uint8Array
  /** Opaque extension lines (NOT RECOMMENDED by the spec: witnesses make no statement about them). */
  readonly extensions: readonly string[]
}

/**
 * Options of {@link parseCheckpoint}.
 *
 * @example
 * import type { ParseCheckpointOptions } from '@yangguang/ledger'
 * const options: ParseCheckpointOptions = { hashSize: 32 }
 */
export interface ParseCheckpointOptions {
  /** Length of the root hash in bytes; 32 (SHA-256, SM3) by default. */
  readonly hashSize?: number
}

/**
 * Parses a checkpoint body (the note text, not the signed note) by the rules of C2SP tlog-checkpoint v1.0.0.
 * Throws `CHECKPOINT_MALFORMED` for: text that is not a valid note text, fewer than three lines, an empty
 * origin, a size with leading zeros or non-digits (or above 2^53 − 1), a root that is not canonical base64 of
 * `hashSize` bytes, an empty extension line. Parsing does not authenticate: use {@link openCheckpoint}.
 *
 * @example
 * import { parseCheckpoint } from '@yangguang/ledger'
 * const checkpoint = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n')
 * checkpoint.size // 20852163
 */
export function parseCheckpoint(text: string, options: ParseCheckpointOptions = {}): Checkpoint {
  try {
    assertNoteText(text)
  } catch (error) {
    throw malformed(error instanceof LedgerError ? error.message : 'not a note text')
  }
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 3) throw malformed('checkpoint needs origin, size and root hash lines')
  const [origin, sizeLine, rootLine, ...extensions] = lines
  if (origin.length === 0) throw malformed('empty origin line')
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) throw malformed('tree size must be decimal without leading zeros', { size: sizeLine.slice(0, 40) })
  const size = Number(sizeLine)
  if (size > MAX_LOG_SIZE) throw malformed('tree size above 2^53-1 is not supported', { size: sizeLine.slice(0, 40) })
  const hashSize = options.hashSize ?? 32
  const rootHash = tryDecodeBase64(rootLine)
  if (rootHash === undefined || rootHash.length !== hashSize) throw malformed(`root hash must be base64 of ${hashSize} bytes`)
  const emptyExtension = extensions.findIndex((line) => line.length === 0)
  if (emptyExtension >= 0) throw malformed('extension lines must be non-empty', { line: 4 + emptyExtension })
  return { origin, size, rootHash, extensions }
}

/**
 * Writes a checkpoint body, ready to be signed with `signNote`. Throws `CHECKPOINT_MALFORMED` for values
 * that would not parse back.
 *
 * @example
 * import { formatCheckpoint, sha256Ed25519Profile } from '@yangguang/ledger'
 * formatCheckpoint({ origin: 'example.com/log', size: 0, rootHash: sha256Ed25519Profile.hasher.emptyRoot(), extensions: [] })
 * // 'example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint
  if (!Number.isSafeInteger(size) || size < 0) throw malformed('tree size must be an integer from 0 to 2^53-1', { size })
  const text = [origin, String(size), encodeBase64(rootHash), ...extensions].join('\n') + '\n'
  const parsed = parseCheckpoint(text, { hashSize: rootHash.length })
  // A newline inside the origin or an extension would shift every later line; refuse rather than sign that.
  if (parsed.origin !== origin || parsed.extensions.length !== extensions.length) throw malformed('origin and extension lines must not contain newlines')
  return text
}

function malformed(message: string, details: Record<string, unknown> = {}): LedgerError {
  return new LedgerError('CHECKPOINT_MALFORMED', message, details)
}
