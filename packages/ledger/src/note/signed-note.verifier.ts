import { equalBytes, utf8Encode } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'
import { formatKeyId } from './key-id.codec'
import type { NoteVerifier } from './note-key.types'
import { parseNote, type Note, type NoteSignature, type ParseNoteOptions } from './signed-note.codec'

/**
 * What became of one signature line: `valid` or `invalid` for lines from a known key (name and key ID both
 * match a verifier), `unknown` for lines the verifier must ignore (C2SP signed-note: "Verifiers MUST ignore
 * signatures from unknown keys, even if they share a name or ID (but not both) with a known key").
 *
 * @example
 * import type { NoteSignatureCheck } from '@yangguang/ledger'
 * function describe(check: NoteSignatureCheck): string {
 *   return `${check.signature.name}: ${check.status}`
 * }
 */
export interface NoteSignatureCheck {
  readonly signature: NoteSignature
  readonly status: 'valid' | 'invalid' | 'unknown'
  /** The verifier that matched, for `valid` and `invalid`. */
  readonly verifier?: NoteVerifier
}

/**
 * A note whose signatures passed {@link verifyNote}.
 *
 * @example
 * import type { VerifiedNote } from '@yangguang/ledger'
 * function signers(note: VerifiedNote): string[] {
 *   return note.verified.map((signature) => signature.name)
 * }
 */
export interface VerifiedNote {
  readonly text: string
  /** Signatures from known keys, all valid; the first per key when a key signed more than once. */
  readonly verified: readonly NoteSignature[]
  /** Signatures from unknown keys, ignored (identical duplicates dropped). */
  readonly unknown: readonly NoteSignature[]
}

/**
 * Checks every signature line of a parsed note against the known keys, without deciding anything — for
 * callers that report per key (the receipt verifier shows which witnesses cosigned). Throws
 * `NOTE_AMBIGUOUS_KEY` when two verifiers share a name and key ID and a line matches them.
 *
 * @example
 * import { checkNoteSignatures, parseNote, parseVerifierKey } from '@yangguang/ledger'
 * const note = parseNote('This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n')
 * const [check] = checkNoteSignatures(note, [parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')])
 * check.status // 'valid'
 */
export function checkNoteSignatures(note: Note, verifiers: readonly NoteVerifier[]): NoteSignatureCheck[] {
  const text = utf8Encode(note.text)
  return note.signatures.map((signature) => {
    const matches = verifiers.filter((v) => v.name === signature.name && v.keyId === signature.keyId)
    if (matches.length === 0) return { signature, status: 'unknown' }
    if (matches.length > 1) {
      throw new LedgerError('NOTE_AMBIGUOUS_KEY', `ambiguous key ${signature.name}+${formatKeyId(signature.keyId)}`, { name: signature.name })
    }
    const verifier = matches[0]
    return { signature, verifier, status: verifier.verify(text, signature.signature) ? 'valid' : 'invalid' }
  })
}

/**
 * Parses and verifies a signed note by the rules of C2SP signed-note v1.0.0: unknown keys are ignored; if
 * any signature from a known key fails, the whole note is rejected (`NOTE_INVALID_SIGNATURE`, the spec's
 * SHOULD); if no known key signed it, it is rejected (`NOTE_UNVERIFIED`, the spec's MUST). Syntax errors
 * throw as in {@link parseNote}. Only use the returned text after this succeeds.
 *
 * @example
 * import { parseVerifierKey, verifyNote } from '@yangguang/ledger'
 * const verifier = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')
 * const note = verifyNote('This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n', [verifier])
 * note.text // 'This is an example message.\n'
 */
export function verifyNote(input: string | Uint8Array, verifiers: readonly NoteVerifier[], options: ParseNoteOptions = {}): VerifiedNote {
  const note = parseNote(input, options)
  const checks = checkNoteSignatures(note, verifiers)
  const invalid = checks.find((check) => check.status === 'invalid')
  if (invalid !== undefined) {
    const { name, keyId } = invalid.signature
    throw new LedgerError('NOTE_INVALID_SIGNATURE', `invalid signature for key ${name}+${formatKeyId(keyId)}`, { name, keyId })
  }
  // One entry per known key (a witness may have cosigned twice with different timestamps), one per distinct unknown line.
  const verified = dedupe(checks.filter((check) => check.status === 'valid').map((check) => check.signature), false)
  const unknown = dedupe(checks.filter((check) => check.status === 'unknown').map((check) => check.signature), true)
  if (verified.length === 0) {
    throw new LedgerError('NOTE_UNVERIFIED', 'note has no signature from a known key', {
      unknownKeys: unknown.map((signature) => `${signature.name}+${formatKeyId(signature.keyId)}`),
    })
  }
  return { text: note.text, verified, unknown }
}

function dedupe(signatures: readonly NoteSignature[], compareBytes: boolean): NoteSignature[] {
  const seen: NoteSignature[] = []
  for (const signature of signatures) {
    const duplicate = seen.some(
      (other) =>
        other.name === signature.name && other.keyId === signature.keyId && (!compareBytes || equalBytes(other.signature, signature.signature)),
    )
    if (!duplicate) seen.push(signature)
  }
  return seen
}

