import { describe, expect, it } from 'vitest'
import {
  encodeBase64,
  formatCheckpoint,
  generateNoteKey,
  isLedgerError,
  MemoryTree,
  openCheckpoint,
  parseCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '../src/index'
import { C2SP_COSIGNED_CHECKPOINT } from './support/note-vectors'

function code(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return isLedgerError(error) ? error.code : `not a LedgerError: ${String(error)}`
  }
}

describe('checkpoint text (C2SP tlog-checkpoint v1.0.0)', () => {
  it('parses the spec example', () => {
    const checkpoint = parseCheckpoint(C2SP_COSIGNED_CHECKPOINT.body)
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa')
    expect(checkpoint.size).toBe(20_852_163)
    expect(encodeBase64(checkpoint.rootHash)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=')
    expect(checkpoint.extensions).toEqual([])
    expect(formatCheckpoint(checkpoint)).toBe(C2SP_COSIGNED_CHECKPOINT.body)
  })

  it('keeps extension lines and the empty tree', () => {
    const empty = new MemoryTree().root()
    const text = formatCheckpoint({ origin: 'zfjd.example.gov.cn/log/2026', size: 0, rootHash: empty, extensions: ['anchor fisco 123', 'x'] })
    expect(text).toBe('zfjd.example.gov.cn/log/2026\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nanchor fisco 123\nx\n')
    expect(parseCheckpoint(text).extensions).toEqual(['anchor fisco 123', 'x'])
  })

  it('reads sizes above 2^32 exactly and refuses sizes above 2^53 − 1', () => {
    const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I='
    expect(parseCheckpoint(`o\n4294967297\n${root}\n`).size).toBe(4_294_967_297)
    expect(parseCheckpoint(`o\n9007199254740991\n${root}\n`).size).toBe(2 ** 53 - 1)
    expect(code(() => parseCheckpoint(`o\n9007199254740992\n${root}\n`))).toBe('CHECKPOINT_MALFORMED')
    expect(code(() => parseCheckpoint(`o\n18446744073709551615\n${root}\n`))).toBe('CHECKPOINT_MALFORMED')
  })

  const root = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I='
  const rejected: [string, string][] = [
    ['no final newline', `o\n1\n${root}`],
    ['two lines only', `o\n1\n`],
    ['empty origin', `\n1\n${root}\n`],
    ['leading zero in the size', `o\n01\n${root}\n`],
    ['plus sign in the size', `o\n+1\n${root}\n`],
    ['negative size', `o\n-1\n${root}\n`],
    ['size with a space', `o\n 1\n${root}\n`],
    ['root of 31 bytes', `o\n1\n${encodeBase64(new Uint8Array(31))}\n`],
    ['root not base64', `o\n1\n${root.replace('C', '*')}\n`],
    ['root without padding', `o\n1\n${root.slice(0, -1)}\n`],
    ['empty extension line', `o\n1\n${root}\n\next\n`],
    ['control character', `o\x07\n1\n${root}\n`],
  ]
  for (const [name, text] of rejected) {
    it(`rejects ${name}`, () => expect(code(() => parseCheckpoint(text))).toBe('CHECKPOINT_MALFORMED'))
  }

  it('refuses to format an origin or extension that would break the line structure', () => {
    const rootHash = new MemoryTree().root()
    expect(code(() => formatCheckpoint({ origin: 'a\nb', size: 0, rootHash, extensions: [] }))).toBe('CHECKPOINT_MALFORMED')
    expect(code(() => formatCheckpoint({ origin: 'a', size: 0, rootHash, extensions: ['x\ny'] }))).toBe('CHECKPOINT_MALFORMED')
    expect(code(() => formatCheckpoint({ origin: 'a', size: -1, rootHash, extensions: [] }))).toBe('CHECKPOINT_MALFORMED')
  })
})

describe('openCheckpoint', () => {
  const origin = 'zfjd.example.gov.cn/log/2026'
  const key = generateNoteKey(origin)
  const tree = new MemoryTree()
  tree.append(new TextEncoder().encode('record'))
  const body = formatCheckpoint({ origin, size: tree.size, rootHash: tree.root(), extensions: [] })

  it('returns the authenticated checkpoint', async () => {
    const note = await signNote(body, [parseSignerKey(key.signerKey)])
    const { checkpoint } = openCheckpoint(note, { logVerifier: parseVerifierKey(key.verifierKey) })
    expect(checkpoint).toMatchObject({ origin, size: 1 })
    expect(checkpoint.rootHash).toEqual(tree.root())
  })

  it('rejects another log’s checkpoint, a forged one, and an unsigned one', async () => {
    const logVerifier = parseVerifierKey(key.verifierKey)
    const note = await signNote(body, [parseSignerKey(key.signerKey)])
    expect(code(() => openCheckpoint(note, { logVerifier, origin: 'other.example/log' }))).toBe('CHECKPOINT_ORIGIN_MISMATCH')
    expect(code(() => openCheckpoint(note.replace('\n1\n', '\n2\n'), { logVerifier }))).toBe('NOTE_INVALID_SIGNATURE')
    const impostor = generateNoteKey(origin)
    expect(code(() => openCheckpoint(note, { logVerifier: parseVerifierKey(impostor.verifierKey) }))).toBe('NOTE_UNVERIFIED')
  })

  it('rejects a signed note that is not a checkpoint', async () => {
    const note = await signNote('just some text\n', [parseSignerKey(key.signerKey)])
    expect(code(() => openCheckpoint(note, { logVerifier: parseVerifierKey(key.verifierKey) }))).toBe('CHECKPOINT_MALFORMED')
  })
})
