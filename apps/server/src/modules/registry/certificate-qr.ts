import QRCode from 'qrcode'

/** The portal page a certificate's QR code opens. */
export function certificateCheckUrl(publicUrl: string, certNo: string): string {
  return `${publicUrl}/portal/certificates/${encodeURIComponent(certNo)}`
}

/**
 * The QR code printed on (or shown beside) a certificate, as SVG: scanning it opens the public
 * check page, so a party can verify the officer in front of them (亮证执法).
 *
 * @example
 * const svg = await certificateQrSvg('https://zf.lufeng.gov.cn', '53233120250001')
 */
export async function certificateQrSvg(publicUrl: string, certNo: string): Promise<string> {
  return QRCode.toString(certificateCheckUrl(publicUrl, certNo), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
