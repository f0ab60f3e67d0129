import { LedgerError } from '../ledger.error'

/**
 * Standard base64 (RFC 4648 §4, with padding), as every C2SP format uses it.
 *
 * @example
 * import { encodeBase64 } from '@yangguang/ledger'
 * encodeBase64(new Uint8Array([0xfb, 0xff])) // '+/8='
 */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = bytes[i] * 65536 + bytes[i + 1] * 256 + bytes[i + 2]
    out += ALPHABET[Math.floor(n / 262144)] + ALPHABET[Math.floor(n / 4096) % 64] + ALPHABET[Math.floor(n / 64) % 64] + ALPHABET[n % 64]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]
    out += ALPHABET[Math.floor(n / 4)] + ALPHABET[(n % 4) * 16] + '=='
  } else if (rest === 2) {
    const n = bytes[i] * 256 + bytes[i + 1]
    out += ALPHABET[Math.floor(n / 1024)] + ALPHABET[Math.floor(n / 16) % 64] + ALPHABET[(n % 16) * 4] + '='
  }
  return out
}

/**
 * Strict standard base64 decoding: padding is required, and non-canonical encodings (stray bits in the last
 * character, whitespace, the URL-safe alphabet) are rejected, so that one byte string has exactly one text
 * form. Returns `undefined` instead of throwing, for parsers that report their own error code.
 *
 * @example
 * import { tryDecodeBase64 } from '@yangguang/ledger'
 * tryDecodeBase64('+/8=') // Uint8Array [251, 255]
 * tryDecodeBase64('+/9=') // undefined (non-canonical last character)
 */
export function tryDecodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length
    const a = DECODE[text.charCodeAt(i)] ?? -1
    const b = DECODE[text.charCodeAt(i + 1)] ?? -1
    const c = last && padding === 2 ? 0 : (DECODE[text.charCodeAt(i + 2)] ?? -1)
    const d = last && padding >= 1 ? 0 : (DECODE[text.charCodeAt(i + 3)] ?? -1)
    if (a < 0 || b < 0 || c < 0 || d < 0) return undefined
    const n = a * 262144 + b * 4096 + c * 64 + d
    out[o++] = Math.floor(n / 65536)
    if (last && padding === 2) {
      if (n % 65536 !== 0) return undefined
      break
    }
    out[o++] = Math.floor(n / 256) % 256
    if (last && padding === 1) {
      if (n % 256 !== 0) return undefined
      break
    }
    out[o++] = n % 256
  }
  return out
}

/**
 * Strict standard base64 decoding that throws `LedgerError('BAD_ENCODING')`; see {@link tryDecodeBase64}.
 *
 * @example
 * import { decodeBase64 } from '@yangguang/ledger'
 * decodeBase64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=').length // 32
 */
export function decodeBase64(text: string): Uint8Array {
  const bytes = tryDecodeBase64(text)
  if (bytes === undefined) throw new LedgerError('BAD_ENCODING', 'not canonical standard base64', { text: text.slice(0, 80) })
  return bytes
}

/**
 * Lower-case hex.
 *
 * @example
 * import { encodeHex } from '@yangguang/ledger'
 * encodeHex(new Uint8Array([0x53, 0x0d])) // '530d'
 */
export function encodeHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]]
  return out
}

/**
 * Hex decoding (either case); throws `LedgerError('BAD_ENCODING')` on odd length or a non-hex character.
 *
 * @example
 * import { decodeHex } from '@yangguang/ledger'
 * decodeHex('530D') // Uint8Array [83, 13]
 */
export function decodeHex(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new LedgerError('BAD_ENCODING', 'not hex', { text: text.slice(0, 80) })
  }
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16)
  return out
}

/**
 * Whether two byte strings are equal. Not constant-time: everything compared here is public (hashes, roots).
 *
 * @example
 * import { equalBytes } from '@yangguang/ledger'
 * equalBytes(new Uint8Array([1]), new Uint8Array([1])) // true
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** UTF-8 encoding of a string already checked to be well formed. */
export function utf8Encode(text: string): Uint8Array {
  return ENCODER.encode(text)
}

/**
 * Strict UTF-8 decoding: invalid sequences are an error rather than U+FFFD, and a leading byte-order mark is
 * kept, because both would silently change the bytes a signature covers.
 */
export function tryUtf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_DECODER.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Whether a JS string is well-formed UTF-16 (no lone surrogates), i.e. has a UTF-8 encoding. `TextEncoder`
 * would otherwise replace a lone surrogate with U+FFFD and sign or verify different bytes than shown.
 */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text)
}

/**
 * Concatenation of byte strings.
 *
 * @example
 * import { concatBytes } from '@yangguang/ledger'
 * concatBytes(new Uint8Array([1]), new Uint8Array([2, 3])) // Uint8Array [1, 2, 3]
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const part of parts) length += part.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE: Record<number, number> = Object.fromEntries([...ALPHABET].map((ch, i) => [ch.charCodeAt(0), i]))
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const ENCODER = new TextEncoder()
const STRICT_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
