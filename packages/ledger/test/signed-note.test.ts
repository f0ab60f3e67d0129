import { describe, expect, it } from 'vitest'
import {
  formatNote,
  isLedgerError,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifyNote,
  type NoteSigner,
} from '../src/index'
import { C2SP_EXAMPLE, C2SP_POEM, GO_NOTE } from './support/note-vectors'

const peter = parseVerifierKey(GO_NOTE.peterVerifierKey)
const enoch = parseVerifierKey(GO_NOTE.enochVerifierKey)
const { text, peterSig, enochSig } = GO_NOTE

function code(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return isLedgerError(error) ? error.code : `not a LedgerError: ${String(error)}`
  }
}

describe('published examples', () => {
  it('verifies the C2SP signed-note example with its verifier key', () => {
    const note = verifyNote(C2SP_EXAMPLE.note, [parseVerifierKey(C2SP_EXAMPLE.verifierKey)])
    expect(note.text).toBe('This is an example message.\n')
    expect(note.verified.map((s) => [s.name, s.keyId.toString(16)])).toEqual([['example.com/foo', '530d903a']])
  })

  it('separates the text at the last blank line (the C2SP poem has an empty line inside its text)', () => {
    const note = parseNote(C2SP_POEM)
    expect(note.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n')
    expect(note.signatures.map((s) => s.name)).toEqual(['quasimodo.example/salvatore'])
    expect(formatNote(note)).toBe(C2SP_POEM)
  })

  it('signs the Go sumdb note example byte for byte (Ed25519 is deterministic)', async () => {
    const wire = await signNote(text, [parseSignerKey(GO_NOTE.peterSignerKey)])
    expect(wire).toBe(`${text}\n${peterSig}`)
  })

  it('replaces a pre-existing line from the same key when signing again (Go TestSign)', async () => {
    const existing = parseNote(`${text}\n${enochSig}`)
    const stale = { ...existing, signatures: [...existing.signatures, { name: 'PeterNeumann', keyId: 0xc74f20a3, signature: new Uint8Array([1, 2, 3]) }] }
    const wire = await signNote(stale, [parseSignerKey(GO_NOTE.peterSignerKey)])
    expect(wire).toBe(`${text}\n${enochSig}${peterSig}`)
  })
})

describe('verification rules (Go TestOpen cases and C2SP signed-note)', () => {
  it('accepts with one known key and lists the unknown one as ignored', () => {
    const note = verifyNote(`${text}\n${peterSig}${enochSig}`, [peter])
    expect(note.text).toBe(text)
    expect(note.verified.map((s) => s.name)).toEqual(['PeterNeumann'])
    expect(note.unknown.map((s) => s.name)).toEqual(['EnochRoot'])
  })

  it('verifies both when both keys are known', () => {
    const note = verifyNote(`${text}\n${peterSig}${enochSig}`, [peter, enoch])
    expect(note.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot'])
    expect(note.unknown).toEqual([])
  })

  it('rejects a note with no signature from a known key, naming the keys it saw', () => {
    try {
      verifyNote(`${text}\n${peterSig}${enochSig}`, [])
      expect.unreachable()
    } catch (error) {
      expect(isLedgerError(error, 'NOTE_UNVERIFIED')).toBe(true)
      expect((error as { details: { unknownKeys: string[] } }).details.unknownKeys).toEqual(['PeterNeumann+c74f20a3', 'EnochRoot+af0cfe78'])
    }
  })

  it('ignores signatures that share only the name or only the key ID of a known key', () => {
    const sameName = peterSig.replace('x08go/ZJ', 'x08gP/ZJ') // changes the key ID bytes, keeps the name
    const sameId = peterSig.replace('PeterNeumann', 'CarmenSandiego')
    const note = verifyNote(`${text}\n${sameName}${sameId}${peterSig}`, [peter])
    expect(note.verified).toHaveLength(1)
    expect(note.unknown.map((s) => s.name)).toEqual(['PeterNeumann', 'CarmenSandiego'])
    expect(code(() => verifyNote(`${text}\n${sameName}${sameId}`, [peter]))).toBe('NOTE_UNVERIFIED')
  })

  it('rejects the whole note when a known key’s signature fails', () => {
    const corrupted = peterSig.slice(0, 60) + 'ABCD' + peterSig.slice(60)
    expect(code(() => verifyNote(`${text}\n${corrupted}`, [peter]))).toBe('NOTE_INVALID_SIGNATURE')
    expect(code(() => verifyNote(`${text}\n${peterSig}${corrupted}`, [peter]))).toBe('NOTE_INVALID_SIGNATURE')
    expect(code(() => verifyNote(`${text.replace('problem', 'pr0blem')}\n${peterSig}`, [peter]))).toBe('NOTE_INVALID_SIGNATURE')
  })

  it('drops duplicate lines (Go: duplicated verified and unverified signatures)', () => {
    const enochAbcd = enochSig.slice(0, 60) + 'ABCD' + enochSig.slice(60)
    const note = verifyNote(`${text}\n${peterSig}${peterSig}${enochSig}${enochSig}${enochAbcd}`, [peter])
    expect(note.verified).toHaveLength(1)
    expect(note.unknown).toHaveLength(2)
  })

  it('rejects ambiguous verifiers only when a signature needs them', () => {
    expect(code(() => verifyNote(`${text}\n${enochSig}`, [enoch, peter, enoch]))).toBe('NOTE_AMBIGUOUS_KEY')
    expect(verifyNote(`${text}\n${peterSig}`, [enoch, peter, enoch]).verified).toHaveLength(1)
  })

  it('accepts 100 signatures and rejects 101 before verifying any (Go limit; C2SP minimum 16)', () => {
    expect(verifyNote(`${text}\n${peterSig.repeat(100)}`, [peter]).verified).toHaveLength(1)
    expect(code(() => verifyNote(`${text}\n${peterSig.repeat(101)}`, [peter]))).toBe('NOTE_TOO_MANY_SIGNATURES')
    expect(code(() => verifyNote(`${text}\n${peterSig.repeat(101)}`, []))).toBe('NOTE_TOO_MANY_SIGNATURES')
    expect(code(() => parseNote(`${text}\n${peterSig.repeat(17)}`, { maxSignatures: 16 }))).toBe('NOTE_TOO_MANY_SIGNATURES')
    expect(parseNote(`${text}\n${peterSig.repeat(16)}`, { maxSignatures: 16 }).signatures).toHaveLength(16)
  })
})

describe('parser rejections (C2SP signed-note "Format"; Go TestOpen bad messages)', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s)
  const cases: [string, string | Uint8Array][] = [
    ['text only, no blank line', text],
    ['blank line but no signature', `${text}\n`],
    ['signature block without final newline', `${text}\n${peterSig.slice(0, -1)}`],
    ['control character \\x01', `\x01${text}\n${peterSig}`],
    ['invalid UTF-8 byte 0xff', Uint8Array.from([0xff, ...utf8(`${text}\n${peterSig}`)])],
    ['truncated UTF-8 sequence', Uint8Array.from([...utf8(text.slice(0, -1)), 0xe4, 0xb8, 0x0a, 0x0a, ...utf8(peterSig)])],
    ['key name with a space', `${text}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`],
    ['line after the signatures', `${text}\n${peterSig}Unexpected line.\n`],
    ['tab', `a\tb\n\n${peterSig}`],
    ['carriage return (CRLF line ends)', `${text.replaceAll('\n', '\r\n')}\r\n${peterSig}`],
    ['lone surrogate', `\uD800${text}\n${peterSig}`],
    ['key name with a plus', `${text}\n${peterSig.replace('PeterNeumann', 'Peter+Neumann')}`],
    ['key name with a full-width space U+3000', `${text}\n${peterSig.replace('PeterNeumann', 'Peter\u3000Neumann')}`],
    ['key name with NO-BREAK SPACE', `${text}\n${peterSig.replace('PeterNeumann', 'Peter\u00a0Neumann')}`],
    ['empty key name', `${text}\n${peterSig.replace('PeterNeumann', '')}`],
    ['hyphen instead of em dash', `${text}\n${peterSig.replace('—', '-')}`],
    ['no signature after the name', `${text}\n— PeterNeumann\n`],
    ['signature of 4 bytes (a key ID, no signature)', `${text}\n— PeterNeumann x08gog==\n`],
    ['signature not base64', `${text}\n— PeterNeumann x08go/ZJ!!\n`],
    ['non-canonical base64 (stray bits)', `${text}\n— PeterNeumann x08go/Z=\n`],
    ['URL-safe base64 alphabet', `${text}\n${peterSig.replace('x08go/', 'x08go_')}`],
  ]
  for (const [name, input] of cases) {
    it(`rejects: ${name}`, () => {
      expect(code(() => parseNote(input))).toBe('NOTE_MALFORMED')
      expect(code(() => verifyNote(input, [peter]))).toBe('NOTE_MALFORMED')
    })
  }

  it('keeps a leading byte-order mark as part of the signed text', () => {
    const note = parseNote(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${text}\n${peterSig}`)]))
    expect(note.text.charCodeAt(0)).toBe(0xfeff)
    expect(code(() => verifyNote(`\uFEFF${text}\n${peterSig}`, [peter]))).toBe('NOTE_INVALID_SIGNATURE')
  })

  it('never throws anything but a LedgerError on random garbage', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    const pieces = ['\n', '\n\n', '— ', 'PeterNeumann ', 'x08go/ZJ', '=', '+', ' ', 'a', '\u2014', '\x00', 'é', '\uD800']
    for (let i = 0; i < 3000; i++) {
      const input = Array.from({ length: random() % 12 }, () => pieces[random() % pieces.length]).join('')
      const outcome = code(() => verifyNote(input, [peter]))
      expect(outcome === undefined || !outcome.startsWith('not a LedgerError')).toBe(true)
    }
  })
})

describe('signing', () => {
  it('signs with several signers, including an asynchronous (HSM-style) one', async () => {
    const signer = parseSignerKey(GO_NOTE.peterSignerKey)
    const remote: NoteSigner = { name: signer.name, keyId: signer.keyId, sign: async (bytes) => signer.sign(bytes) }
    const wire = await signNote('行政执法公示\n', [remote])
    expect(verifyNote(wire, [peter]).text).toBe('行政执法公示\n')
  })

  it('refuses text that could not be a note, and signers that misbehave', async () => {
    const signer = parseSignerKey(GO_NOTE.peterSignerKey)
    await expect(signNote('no final newline', [signer])).rejects.toMatchObject({ code: 'NOTE_MALFORMED' })
    await expect(signNote('tab\there\n', [signer])).rejects.toMatchObject({ code: 'NOTE_MALFORMED' })
    await expect(signNote('x\n', [{ name: 'a b', keyId: 1, sign: () => new Uint8Array(64) }])).rejects.toMatchObject({ code: 'SIGNER_FAILED' })
    await expect(signNote('x\n', [{ name: 'ok', keyId: 1, sign: () => new Uint8Array(0) }])).rejects.toMatchObject({ code: 'SIGNER_FAILED' })
    await expect(signNote('x\n', [])).rejects.toMatchObject({ code: 'NOTE_MALFORMED' })
  })

  it('round-trips texts that end in blank lines', async () => {
    const signer = parseSignerKey(GO_NOTE.peterSignerKey)
    for (const body of ['a\n\n', '\n', 'a\n\n\n', 'x\n\ny\n']) {
      const note = verifyNote(await signNote(body, [signer]), [peter])
      expect(note.text).toBe(body)
    }
  })
})
