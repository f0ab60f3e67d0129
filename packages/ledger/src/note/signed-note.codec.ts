import { concatBytes, encodeBase64, isWellFormedText, tryDecodeBase64, tryUtf8Decode } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'
import { isValidKeyName, readUint32, writeUint32 } from './key-id.codec'

/**
 * One signature line of a signed note: `— <name> base64(keyId || signature)`.
 *
 * @example
 * import type { NoteSignature } from '@yangguang/ledger'
 * const line: NoteSignature = { name: 'example.com/foo', keyId: 0x530d903a, signature: new Uint8Array(64) }
 */
export interface NoteSignature {
  readonly name: string
  /** 32-bit key ID, unsigned. */
  readonly keyId: number
  /** Signature bytes after the key ID. */
  readonly signature: Uint8Array
}

/**
 * A signed note split into its text and signature lines (nothing verified yet).
 *
 * @example
 * import type { Note } from '@yangguang/ledger'
 * const note: Note = { text: 'hello\n', signatures: [] }
 */
export interface Note {
  /** The signed text, including its final newline, excluding the blank separator line. */
  readonly text: string
  readonly signatures: readonly NoteSignature[]
}

/**
 * Options of {@link parseNote} and the note verifiers.
 *
 * @example
 * import type { ParseNoteOptions } from '@yangguang/ledger'
 * const options: ParseNoteOptions = { maxSignatures: 32 }
 */
export interface ParseNoteOptions {
  /**
   * Most signature lines accepted (C2SP: verifiers SHOULD cap them and MUST accept at least 16). Default
   * 100, as in Go's note package; a note with more is rejected before any signature is checked.
   */
  readonly maxSignatures?: number
}

/**
 * The em dash (U+2014) and space that open a signature line.
 *
 * @example
 * import { SIGNATURE_LINE_PREFIX } from '@yangguang/ledger'
 * '— example.com/foo Uw2Q…'.startsWith(SIGNATURE_LINE_PREFIX) // true
 */
export const SIGNATURE_LINE_PREFIX = '\u2014 '

/**
 * Splits a signed note (C2SP signed-note v1.0.0) into text and signatures, checking every syntax rule of the
 * spec. Throws `LedgerError`:
 * - `NOTE_MALFORMED` — bytes that are not UTF-8, a lone surrogate, a control character other than newline,
 *   no blank line before the signatures, no signature line, a signature block not ending in newline, a line
 *   not starting with `— `, an invalid key name (empty, white space, `+`), a signature that is not base64 or
 *   is shorter than a key ID plus one byte;
 * - `NOTE_TOO_MANY_SIGNATURES` — more than `maxSignatures` lines.
 *
 * @example
 * import { parseNote } from '@yangguang/ledger'
 * const note = parseNote('This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n')
 * note.text // 'This is an example message.\n'
 * note.signatures[0].keyId.toString(16) // '530d903a'
 */
export function parseNote(input: string | Uint8Array, options: ParseNoteOptions = {}): Note {
  const message = typeof input === 'string' ? input : tryUtf8Decode(input)
  if (message === undefined) throw malformed('note is not valid UTF-8')
  assertNoteCharacters(message)
  // The text ends at the last blank line: signature lines can never contain one.
  const split = message.lastIndexOf('\n\n')
  if (split < 0) throw malformed('note has no blank line before its signatures')
  const text = message.slice(0, split + 1)
  const block = message.slice(split + 2)
  if (block.length === 0) throw malformed('note has no signature lines')
  if (!block.endsWith('\n')) throw malformed('signature block must end with a newline')
  const lines = block.slice(0, -1).split('\n')
  const maxSignatures = options.maxSignatures ?? DEFAULT_MAX_SIGNATURES
  if (lines.length > maxSignatures) {
    throw new LedgerError('NOTE_TOO_MANY_SIGNATURES', `note has ${lines.length} signatures, at most ${maxSignatures} accepted`, {
      count: lines.length,
      max: maxSignatures,
    })
  }
  return { text, signatures: lines.map((line, i) => parseSignatureLine(line, i)) }
}

/**
 * Writes a note back in its wire form: text, blank line, one line per signature.
 *
 * @example
 * import { formatNote, parseNote } from '@yangguang/ledger'
 * const wire = 'hi\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
 * formatNote(parseNote(wire)) === wire // true
 */
export function formatNote(note: Note): string {
  assertNoteText(note.text)
  if (note.signatures.length === 0) throw malformed('a signed note needs at least one signature')
  return note.text + '\n' + note.signatures.map(formatSignatureLine).join('')
}

/**
 * Throws `NOTE_MALFORMED` unless `text` can be the text of a signed note: well-formed, no control characters
 * but newline, non-empty and ending in a newline.
 *
 * @example
 * import { assertNoteText } from '@yangguang/ledger'
 * assertNoteText('example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n')
 */
export function assertNoteText(text: string): void {
  assertNoteCharacters(text)
  if (!text.endsWith('\n')) throw malformed('note text must end with a newline')
}

// One signature line, with its trailing newline.
function formatSignatureLine(signature: NoteSignature): string {
  if (!isValidKeyName(signature.name)) throw malformed('invalid key name in signature', { name: signature.name })
  if (!Number.isInteger(signature.keyId) || signature.keyId < 0 || signature.keyId > 0xffffffff) {
    throw malformed('key ID must be an unsigned 32-bit integer', { keyId: signature.keyId })
  }
  if (signature.signature.length === 0) throw malformed('empty signature', { name: signature.name })
  return `${SIGNATURE_LINE_PREFIX}${signature.name} ${encodeBase64(concatBytes(writeUint32(signature.keyId), signature.signature))}\n`
}

function parseSignatureLine(line: string, position: number): NoteSignature {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX)) throw malformed('signature line must start with an em dash and a space', { line: position })
  const rest = line.slice(SIGNATURE_LINE_PREFIX.length)
  const space = rest.indexOf(' ')
  if (space < 0) throw malformed('signature line has no signature', { line: position })
  const name = rest.slice(0, space)
  if (!isValidKeyName(name)) throw malformed('signature line has an invalid key name', { line: position, name })
  const bytes = tryDecodeBase64(rest.slice(space + 1))
  if (bytes === undefined || bytes.length < 5) throw malformed('signature is not base64 of a key ID and a signature', { line: position })
  return { name, keyId: readUint32(bytes, 0), signature: bytes.slice(4) }
}

function assertNoteCharacters(text: string): void {
  if (!isWellFormedText(text)) throw malformed('note contains a lone surrogate (not encodable as UTF-8)')
  const control = CONTROL_CHARACTER.exec(text)
  if (control !== null) throw malformed('note contains a control character', { offset: control.index, code: text.charCodeAt(control.index) })
}

function malformed(message: string, details: Record<string, unknown> = {}): LedgerError {
  return new LedgerError('NOTE_MALFORMED', message, details)
}

const DEFAULT_MAX_SIGNATURES = 100
// C2SP signed-note: "MUST NOT contain any ASCII control characters (those below U+0020) other than newline".
const CONTROL_CHARACTER = /[\u0000-\u0009\u000b-\u001f]/
