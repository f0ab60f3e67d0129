import { describe, expect, it } from 'vitest'
import { decodeBase64, decodeHex, encodeBase64, encodeHex, isLedgerError, tryDecodeBase64 } from '../src/index'

describe('base64 (RFC 4648 §4, strict)', () => {
  it('agrees with Node’s encoder for every length 0..70 and decodes back', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) % 256)
      const text = encodeBase64(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(decodeBase64(text)).toEqual(bytes)
    }
  })

  it('rejects everything that is not the one canonical encoding', () => {
    for (const bad of ['A', 'AB', 'ABC', 'AB=', 'A===', '====', 'AB=A', 'QQ', 'QR==', 'QUF=', 'QU E=', 'QUE=\n', '-_8=', 'QUE==', 'QUJD\u00e9']) {
      expect(tryDecodeBase64(bad), bad).toBeUndefined()
    }
    expect(tryDecodeBase64('')).toEqual(new Uint8Array(0))
    try {
      decodeBase64('***=')
      expect.unreachable()
    } catch (error) {
      expect(isLedgerError(error, 'BAD_ENCODING')).toBe(true)
    }
  })
})

describe('hex', () => {
  it('round-trips and rejects odd lengths and non-hex', () => {
    expect(encodeHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff')
    expect(decodeHex('000F10ff')).toEqual(new Uint8Array([0, 15, 16, 255]))
    for (const bad of ['0', 'zz', '0x00', ' 00']) expect(() => decodeHex(bad), bad).toThrow(/not hex/)
  })
})
