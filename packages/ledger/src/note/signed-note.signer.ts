import { utf8Encode } from '../encoding/bytes.codec'
import { LedgerError } from '../ledger.error'
import { isValidKeyName } from './key-id.codec'
import type { NoteSigner } from './note-key.types'
import { assertNoteText, formatNote, type Note, type NoteSignature } from './signed-note.codec'

/**
 * Signs a note text with each signer and returns the wire form. Given a parsed {@link Note} instead of a
 * text, keeps its signatures and adds the new ones after them (replacing a line from the same key) — how a
 * witness adds its cosignature to a checkpoint the log already signed. Throws `NOTE_MALFORMED` for text that
 * cannot be a note, `SIGNER_FAILED` for a signer with an invalid name or an empty signature.
 *
 * @example
 * import { parseSignerKey, signNote } from '@yangguang/ledger'
 * const signer = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 * const wire = await signNote("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n", [signer])
 * // ends with '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
 */
export async function signNote(note: string | Note, signers: readonly NoteSigner[]): Promise<string> {
  const base: Note = typeof note === 'string' ? { text: note, signatures: [] } : note
  assertNoteText(base.text)
  const text = utf8Encode(base.text)
  const added: NoteSignature[] = []
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) throw new LedgerError('SIGNER_FAILED', 'signer has an invalid key name', { name: signer.name })
    const signature = await signer.sign(text)
    if (!(signature instanceof Uint8Array) || signature.length === 0) {
      throw new LedgerError('SIGNER_FAILED', `signer ${signer.name} returned no signature`, { name: signer.name })
    }
    added.push({ name: signer.name, keyId: signer.keyId, signature })
  }
  const replaced = (old: NoteSignature) => added.some((s) => s.name === old.name && s.keyId === old.keyId)
  return formatNote({ text: base.text, signatures: [...base.signatures.filter((old) => !replaced(old)), ...added] })
}
