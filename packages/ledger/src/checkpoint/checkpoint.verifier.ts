import { LedgerError } from '../ledger.error'
import type { NoteVerifier } from '../note/note-key.types'
import type { ParseNoteOptions } from '../note/signed-note.codec'
import { verifyNote, type VerifiedNote } from '../note/signed-note.verifier'
import { parseCheckpoint, type Checkpoint } from './checkpoint.codec'

/**
 * Options of {@link openCheckpoint}.
 *
 * @example
 * import { parseVerifierKey, type OpenCheckpointOptions } from '@yangguang/ledger'
 * const options: OpenCheckpointOptions = { logVerifier: parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k') }
 */
export interface OpenCheckpointOptions extends ParseNoteOptions {
  /** The log's own key. */
  readonly logVerifier: NoteVerifier
  /** Expected origin; defaults to the log key's name (the spec's SHOULD: key name = origin). */
  readonly origin?: string
  /** Root hash length; 32 by default. */
  readonly hashSize?: number
}

/**
 * An authenticated checkpoint with its verified note.
 *
 * @example
 * import type { OpenedCheckpoint } from '@yangguang/ledger'
 * function sizeOf(opened: OpenedCheckpoint): number {
 *   return opened.checkpoint.size
 * }
 */
export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint
  readonly note: VerifiedNote
}

/**
 * Verifies a signed checkpoint against the log's key and parses it: the note must carry a valid signature by
 * the log key (other, unknown signatures such as witness cosignatures are ignored here), and the origin
 * must be the expected one (`CHECKPOINT_ORIGIN_MISMATCH`). Other errors as in `verifyNote` and
 * {@link parseCheckpoint}.
 *
 * @example
 * import { openCheckpoint, parseVerifierKey } from '@yangguang/ledger'
 * // const { checkpoint } = openCheckpoint(await (await fetch(`${prefix}/checkpoint`)).text(), {
 * //   logVerifier: parseVerifierKey(pinnedLogKey),
 * // })
 */
export function openCheckpoint(signedNote: string | Uint8Array, options: OpenCheckpointOptions): OpenedCheckpoint {
  const note = verifyNote(signedNote, [options.logVerifier], options)
  const checkpoint = parseCheckpoint(note.text, { hashSize: options.hashSize })
  const origin = options.origin ?? options.logVerifier.name
  if (checkpoint.origin !== origin) {
    throw new LedgerError('CHECKPOINT_ORIGIN_MISMATCH', `checkpoint is for ${checkpoint.origin}, expected ${origin}`, {
      origin: checkpoint.origin,
      expected: origin,
    })
  }
  return { checkpoint, note }
}
