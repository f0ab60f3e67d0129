import { encodeBase64, tryDecodeBase64 } from '../encoding/bytes.codec'
import { MAX_LOG_SIZE } from '../encoding/log-index.math'
import { LedgerError } from '../ledger.error'

/**
 * An offline-verifiable proof that an entry is in a log (C2SP tlog-proof, `c2sp.org/tlog-proof@v1`): the
 * downloadable 存证证明 a court or 复议机关 can check without trusting our server.
 *
 * @example
 * import type { TlogProof } from '@yangguang/ledger'
 * const bundle: TlogProof = { index: 0, proof: [], checkpoint: 'example.com/log\n1\n…\n\n— example.com/log …\n' }
 */
export interface TlogProof {
  /** Opaque, unauthenticated application data (e.g. the salt needed to recompute a content commitment). */
  readonly extra?: Uint8Array
  readonly index: number
  /** Inclusion proof hashes, the leaf's sibling first. */
  readonly proof: readonly Uint8Array[]
  /** The signed checkpoint verbatim, with the log signature and witness cosignatures. */
  readonly checkpoint: string
}

/**
 * First line of every tlog-proof.
 *
 * @example
 * import { TLOG_PROOF_HEADER } from '@yangguang/ledger'
 * 'c2sp.org/tlog-proof@v1\nindex 0\n…'.startsWith(TLOG_PROOF_HEADER) // true
 */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1'

/**
 * Parses a tlog-proof document. Throws `TLOG_PROOF_MALFORMED` for a wrong header, a bad `extra` or `index`
 * line (leading zeros, above 2^53 − 1), a proof line that is not base64 of `hashSize` bytes, or a missing
 * checkpoint. The checkpoint is returned as text, still to be verified.
 *
 * @example
 * import { parseTlogProof } from '@yangguang/ledger'
 * const bundle = parseTlogProof('c2sp.org/tlog-proof@v1\nindex 0\n\nexample.com/log\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n\n— example.com/log AAAAAAA=\n')
 * bundle.index // 0
 */
export function parseTlogProof(text: string, options: { readonly hashSize?: number } = {}): TlogProof {
  const hashSize = options.hashSize ?? 32
  const lines = text.split('\n')
  if (lines[0] !== TLOG_PROOF_HEADER) throw malformed(`first line must be ${TLOG_PROOF_HEADER}`)
  let next = 1
  let extra: Uint8Array | undefined
  if (lines[next]?.startsWith('extra ')) {
    extra = tryDecodeBase64(lines[next].slice('extra '.length))
    if (extra === undefined) throw malformed('extra line is not base64')
    next++
  }
  const indexMatch = /^index (0|[1-9][0-9]*)$/.exec(lines[next] ?? '')
  if (indexMatch === null) throw malformed('expected an index line')
  const index = Number(indexMatch[1])
  if (index > MAX_LOG_SIZE) throw malformed('index above 2^53-1 is not supported')
  next++
  const proof: Uint8Array[] = []
  for (; next < lines.length && lines[next] !== ''; next++) {
    const hash = tryDecodeBase64(lines[next])
    if (hash === undefined || hash.length !== hashSize) throw malformed(`proof line ${proof.length + 1} is not base64 of ${hashSize} bytes`)
    proof.push(hash)
  }
  if (next >= lines.length) throw malformed('no empty line before the checkpoint')
  const checkpoint = lines.slice(next + 1).join('\n')
  if (checkpoint.length === 0) throw malformed('checkpoint is missing')
  return extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint }
}

/**
 * Writes a tlog-proof document (file extension `.tlog-proof`).
 *
 * @example
 * import { formatTlogProof } from '@yangguang/ledger'
 * formatTlogProof({ index: 7, proof: [], checkpoint: 'example.com/log\n8\n…\n\n— example.com/log …\n' })
 * // 'c2sp.org/tlog-proof@v1\nindex 7\n\nexample.com/log\n8\n…'
 */
export function formatTlogProof(bundle: TlogProof): string {
  if (!Number.isSafeInteger(bundle.index) || bundle.index < 0) throw malformed('index must be an integer from 0 to 2^53-1')
  if (!bundle.checkpoint.endsWith('\n')) throw malformed('checkpoint must be the signed note verbatim, ending in a newline')
  const lines = [TLOG_PROOF_HEADER]
  if (bundle.extra !== undefined) lines.push(`extra ${encodeBase64(bundle.extra)}`)
  lines.push(`index ${bundle.index}`, ...bundle.proof.map(encodeBase64), '')
  return lines.join('\n') + '\n' + bundle.checkpoint
}

function malformed(message: string): LedgerError {
  return new LedgerError('TLOG_PROOF_MALFORMED', message)
}
