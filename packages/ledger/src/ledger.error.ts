/**
 * Stable error codes of the ledger library. Callers (the server's edge, the verification page) switch on
 * these; messages are English developer text and may change, codes never do. zh-CN and English labels for
 * each are in `LEDGER_ERROR_LABELS`.
 *
 * @example
 * import type { LedgerErrorCode } from '@yangguang/ledger'
 * const retryable: LedgerErrorCode[] = ['TILE_MALFORMED']
 */
export type LedgerErrorCode =
  /** An index, size or count is not a non-negative safe integer, or lies outside what the call allows. */
  | 'OUT_OF_RANGE'
  /** A hash argument has the wrong length for the log's hash function. */
  | 'BAD_HASH_SIZE'
  /** A proof has the wrong number of hashes for the index and sizes it claims to prove. */
  | 'PROOF_WRONG_LENGTH'
  /** A proof is well formed but does not lead to the expected root(s). */
  | 'PROOF_MISMATCH'
  /** Text or bytes are not in the expected encoding (base64, hex, UTF-8). */
  | 'BAD_ENCODING'
  /** A signed note breaks a rule of C2SP signed-note v1.0.0. */
  | 'NOTE_MALFORMED'
  /** A signed note carries more signature lines than the verifier accepts. */
  | 'NOTE_TOO_MANY_SIGNATURES'
  /** A signature from a known key fails to verify; the whole note is rejected. */
  | 'NOTE_INVALID_SIGNATURE'
  /** No signature from a known key is on the note. */
  | 'NOTE_UNVERIFIED'
  /** Two configured verifiers share one key name and key ID, so a signature cannot be attributed. */
  | 'NOTE_AMBIGUOUS_KEY'
  /** A verifier or signer key string is malformed. */
  | 'KEY_MALFORMED'
  /** A key string's key ID does not match the one derived from its name, type and public key. */
  | 'KEY_ID_MISMATCH'
  /** A key string names a signature type this profile does not implement. */
  | 'KEY_UNSUPPORTED_TYPE'
  /** A checkpoint body breaks a rule of C2SP tlog-checkpoint v1.0.0. */
  | 'CHECKPOINT_MALFORMED'
  /** A checkpoint is for another log than the one expected. */
  | 'CHECKPOINT_ORIGIN_MISMATCH'
  /** A cosignature/v1 signature is not a 72-byte timestamped signature, or its timestamp is out of range. */
  | 'COSIGNATURE_MALFORMED'
  /** A tile path, tile body or entry bundle breaks a rule of C2SP tlog-tiles. */
  | 'TILE_MALFORMED'
  /** A tlog-proof document breaks a rule of C2SP tlog-proof. */
  | 'TLOG_PROOF_MALFORMED'
  /** A signer produced unusable output or a key cannot sign. */
  | 'SIGNER_FAILED'

/**
 * The one error type thrown by `@yangguang/ledger`. Every rejection of untrusted input (notes, checkpoints,
 * proofs, key strings, tiles) is a `LedgerError`; anything else escaping the library is a bug.
 *
 * @example
 * import { LedgerError, parseCheckpoint } from '@yangguang/ledger'
 * try {
 *   parseCheckpoint('example.com/log\n007\nAAAA\n')
 * } catch (error) {
 *   if (error instanceof LedgerError) console.log(error.code) // 'CHECKPOINT_MALFORMED'
 * }
 */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
    this.name = 'LedgerError'
  }
}

/**
 * Whether `error` is a {@link LedgerError}, optionally with the given code.
 *
 * @example
 * import { isLedgerError, verifyInclusionProof } from '@yangguang/ledger'
 * try {
 *   verifyInclusionProof({ index: 5, size: 3, leafHash: new Uint8Array(32), proof: [], root: new Uint8Array(32) })
 * } catch (error) {
 *   console.log(isLedgerError(error, 'OUT_OF_RANGE')) // true
 * }
 */
export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  if (!(error instanceof LedgerError)) return false
  return code === undefined || error.code === code
}
