import { createHash, randomBytes } from 'node:crypto'
import QRCode from 'qrcode'

/**
 * A fresh QR token: 256 random bits, base64url. Only its SHA-256 is stored, so a database leak
 * does not let anyone print a working poster; a leaked poster is cured by re-issuing.
 */
export function newQrToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The link a poster's QR code carries: it opens the mobile app (移动执法) at the scan page. */
export function scanUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/m/scan/${token}`
}

/**
 * The QR code of a scan link, as SVG for the printable poster.
 *
 * @example
 * const svg = await scanQrSvg('https://zf.lufeng.gov.cn', token)
 */
export function scanQrSvg(publicUrl: string, token: string): Promise<string> {
  return QRCode.toString(scanUrl(publicUrl, token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

/**
 * A one-time activation code for an enterprise account: 10 characters from an alphabet without
 * look-alikes (≈ 50 bits; it also expires and works once), shown once and stored hashed.
 */
export function newActivationCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(10)
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}

/**
 * Demo posters must be printable from the README, so the demo derives its tokens from the credit
 * code. These are public knowledge: a real deployment re-issues every poster.
 */
export function demoQrToken(creditCode: string): string {
  return createHash('sha256').update(`yangguang-demo-qr:${creditCode}`).digest('base64url').slice(0, 32)
}
