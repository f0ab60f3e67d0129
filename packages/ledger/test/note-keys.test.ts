import { describe, expect, it } from 'vitest'
import {
  computeKeyId,
  cosignatureV1KeyType,
  decodeBase64,
  ed25519KeyType,
  formatKeyId,
  formatVerifierKey,
  generateNoteKey,
  isLedgerError,
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifyNote,
} from '../src/index'
import { C2SP_EXAMPLE, GO_NOTE, TRANSPARENCY_DEV } from './support/note-vectors'

function code(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return isLedgerError(error) ? error.code : `not a LedgerError: ${String(error)}`
  }
}

describe('key IDs', () => {
  it('are SHA-256(name || 0x0A || type || key)[:4], as in the C2SP example', () => {
    const material = decodeBase64(C2SP_EXAMPLE.verifierKey.split('+')[2])
    expect(formatKeyId(computeKeyId('example.com/foo', material.subarray(0, 1), material.subarray(1)))).toBe('530d903a')
  })

  it('differ between plain Ed25519 (0x01) and cosignature/v1 (0x04) for the same key', () => {
    const publicKey = decodeBase64(GO_NOTE.peterVerifierKey.split('+')[2]).subarray(1)
    const plain = formatVerifierKey('PeterNeumann', ed25519KeyType, publicKey)
    const cosig = formatVerifierKey('PeterNeumann', cosignatureV1KeyType, publicKey)
    expect(plain).toBe(GO_NOTE.peterVerifierKey)
    expect(cosig.split('+')[1]).not.toBe('c74f20a3')
    expect(parseVerifierKey(cosig).typeId).toEqual(new Uint8Array([4]))
  })

  it('accept names with Chinese characters and refuse names with any Unicode space, plus or control character', () => {
    expect(isValidKeyName('禄丰市司法局/见证')).toBe(true)
    for (const bad of ['', 'a b', 'a\tb', 'a+b', 'a\u3000b', 'a\u00a0b', 'a\u0085b', 'a\u2028b', 'a\u0001b', '\uD800']) {
      expect(isValidKeyName(bad), JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('verifier keys (C2SP signed-note "Verifier keys")', () => {
  it('parse the Go and transparency-dev examples', () => {
    expect(parseVerifierKey(GO_NOTE.peterVerifierKey)).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3 })
    expect(parseVerifierKey(GO_NOTE.enochVerifierKey)).toMatchObject({ name: 'EnochRoot', keyId: 0xaf0cfe78 })
    // A base64 key that itself contains '+': only the first two '+' separate fields.
    expect(parseVerifierKey(TRANSPARENCY_DEV.ed25519VerifierKey)).toMatchObject({ name: 'TEST', keyId: 0x7997405c })
    const witness = parseVerifierKey(TRANSPARENCY_DEV.cosignatureVerifierKey)
    expect(witness).toMatchObject({ name: 'remora.n621.de', keyId: 0xda77ade7 })
    expect(witness.typeId).toEqual(new Uint8Array([0x04]))
  })

  it('reject every substring and every single-character change of a valid key (Go TestNewVerifier)', () => {
    const key = GO_NOTE.peterVerifierKey
    let rejected = 0
    for (let i = 0; i <= key.length; i++) {
      for (let j = i + 1; j <= key.length; j++) {
        if (i === 0 && j === key.length) continue
        const outcome = code(() => parseVerifierKey(key.slice(i, j)))
        expect(outcome?.startsWith('KEY_'), key.slice(i, j)).toBe(true)
        rejected++
      }
    }
    for (let i = 0; i < key.length; i++) {
      const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1)
      expect(code(() => parseVerifierKey(mangled))?.startsWith('KEY_'), mangled).toBe(true)
      rejected++
    }
    expect(rejected).toBeGreaterThan(2000)
  })

  it('reject a wrong key length and an unknown algorithm even with an adjusted key ID', () => {
    expect(code(() => parseVerifierKey(GO_NOTE.badVerifierKeys[0]))).toBe('KEY_MALFORMED')
    expect(code(() => parseVerifierKey(GO_NOTE.badVerifierKeys[1]))).toBe('KEY_UNSUPPORTED_TYPE')
  })

  it('reject the transparency-dev bad keys and a wrong key ID', () => {
    expect(code(() => parseVerifierKey(TRANSPARENCY_DEV.badVerifierKeys['wrong number of parts']))).toBe('KEY_MALFORMED')
    expect(code(() => parseVerifierKey(TRANSPARENCY_DEV.badVerifierKeys['invalid base64']))).toBe('KEY_MALFORMED')
    expect(code(() => parseVerifierKey(TRANSPARENCY_DEV.badVerifierKeys['invalid algo']))).toBe('KEY_UNSUPPORTED_TYPE')
    expect(code(() => parseVerifierKey(GO_NOTE.peterVerifierKey.replace('c74f20a3', '00000000')))).toBe('KEY_ID_MISMATCH')
    expect(code(() => parseVerifierKey(GO_NOTE.peterVerifierKey.replace('c74f20a3', 'NOT_A_NU')))).toBe('KEY_MALFORMED')
  })

  it('only accept the types a caller allows (a log page must not accept a witness key as the log key)', () => {
    expect(code(() => parseVerifierKey(TRANSPARENCY_DEV.cosignatureVerifierKey, [ed25519KeyType]))).toBe('KEY_UNSUPPORTED_TYPE')
  })
})

describe('signer keys (Go sumdb note format)', () => {
  it('parse the Go example and derive its verifier key', () => {
    const signer = parseSignerKey(GO_NOTE.peterSignerKey)
    expect(signer).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, verifierKey: GO_NOTE.peterVerifierKey })
  })

  it('reject every substring and every single-character change (Go TestNewSigner)', () => {
    const key = GO_NOTE.peterSignerKey
    for (let i = 0; i <= key.length; i++) {
      for (let j = i + 1; j <= key.length; j++) {
        if (i === 0 && j === key.length) continue
        expect(code(() => parseSignerKey(key.slice(i, j)))?.startsWith('KEY_'), key.slice(i, j)).toBe(true)
      }
    }
    for (let i = 0; i < key.length; i++) {
      const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1)
      expect(code(() => parseSignerKey(mangled))?.startsWith('KEY_'), mangled).toBe(true)
    }
  })

  it('generate key pairs whose signatures verify, for log and witness types', async () => {
    for (const keyType of [ed25519KeyType, cosignatureV1KeyType]) {
      const pair = generateNoteKey('zfjd.example.gov.cn/log/2026', keyType)
      expect(pair.signerKey.startsWith('PRIVATE+KEY+zfjd.example.gov.cn/log/2026+')).toBe(true)
      const signer = parseSignerKey(pair.signerKey)
      expect(signer.verifierKey).toBe(pair.verifierKey)
      const verifier = parseVerifierKey(pair.verifierKey)
      const note = await signNote('example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', [signer])
      expect(verifyNote(note, [verifier]).verified).toHaveLength(1)
      const other = parseVerifierKey(generateNoteKey('zfjd.example.gov.cn/log/2026', keyType).verifierKey)
      expect(code(() => verifyNote(note, [other]))).toBe('NOTE_UNVERIFIED')
    }
  })

  it('refuse to create keys with invalid names', () => {
    expect(code(() => generateNoteKey('bad name'))).toBe('KEY_MALFORMED')
    expect(code(() => ed25519KeyType.createVerifier('ok', new Uint8Array(31)))).toBe('KEY_MALFORMED')
    expect(code(() => ed25519KeyType.createSigner('ok', new Uint8Array(33)))).toBe('KEY_MALFORMED')
  })
})
