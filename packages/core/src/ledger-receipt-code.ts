/**
 * 存证回执 as a compact code for QR codes and links: `1.<index>.<leaf hash>.<salt>`, hashes in
 * unpadded base64url. The index is empty while the record waits for integration, the salt empty
 * when the holder keeps it elsewhere. About 75 characters: a small QR code holds
 * `https://<host>/verify?r=<code>`.
 */
export type ReceiptCode = {
  /** Log index, or null while pending. */
  index: number | null
  /** Leaf hash, 64 lower-case hex digits. */
  leafHash: string
  /** Salt of the content digest, hex, or null. */
  salt: string | null
}

/**
 * @example
 * encodeReceiptCode({ index: 42, leafHash: 'ab'.repeat(32), salt: null }) // '1.42.q6ur…q6s.'
 */
export function encodeReceiptCode(receipt: ReceiptCode): string {
  const index = receipt.index === null ? '' : String(receipt.index)
  return `1.${index}.${hexToBase64Url(receipt.leafHash)}.${receipt.salt ? hexToBase64Url(receipt.salt) : ''}`
}

/**
 * Parses a receipt code; null when it is not one (wrong version, index, hash or salt).
 *
 * @example
 * decodeReceiptCode('1.42.' + 'q'.repeat(43) + '.') // { index: 42, leafHash: '…', salt: null }
 */
export function decodeReceiptCode(code: string): ReceiptCode | null {
  const match = /^1\.(0|[1-9][0-9]{0,15})?\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22,86})?$/.exec(code.trim())
  if (!match) return null
  const index = match[1] === undefined ? null : Number(match[1])
  if (index !== null && !Number.isSafeInteger(index)) return null
  const leafHash = base64UrlToHex(match[2])
  const salt = match[3] === undefined ? null : base64UrlToHex(match[3])
  if (leafHash === null || leafHash.length !== 64 || (match[3] !== undefined && salt === null)) return null
  return { index, leafHash, salt }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function hexToBase64Url(hex: string): string {
  const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

function base64UrlToHex(text: string): string | null {
  if (text.length % 4 === 1) return null
  let bits = 0
  let value = 0
  let hex = ''
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch)
    if (v < 0) return null
    value = ((value << 6) | v) & 0x3fff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      hex += ((value >> bits) & 255).toString(16).padStart(2, '0')
    }
  }
  // Canonical only: the unused low bits of the last character must be zero.
  if ((value & ((1 << bits) - 1)) !== 0) return null
  return hex
}
