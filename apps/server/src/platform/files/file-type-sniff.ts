/**
 * Content sniffing: the type of an uploaded file is decided by its first bytes, never by the
 * Content-Type or file name the client sends. A "photo" that is really HTML, SVG or script would
 * otherwise be served from the platform's own origin, where `script-src 'self'` lets it run.
 *
 * Only the formats the platform accepts are recognised; anything else (HTML, SVG, JavaScript, XML,
 * archives, formats we do not name here) is `null` and must be refused. A file that starts with a
 * real signature and carries other bytes after it (a PNG header followed by HTML) is that format:
 * it is served with that type and `X-Content-Type-Options: nosniff`, so no browser renders it as
 * a document.
 *
 * @example
 * ```ts
 * sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'image/png'
 * sniffMediaType(Buffer.from('<svg onload="alert(1)">'))                         // null
 * ```
 */
export function sniffMediaType(head: Uint8Array): SniffedMediaType | null {
  for (const signature of signatures) {
    const type = signature.match(head)
    if (type) return type
  }
  return null
}

/** Every type the sniffer can name. */
export type SniffedMediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf' | 'audio/mpeg' | 'audio/mp4' | 'video/mp4'

/** How many leading bytes the sniffer needs: enough for an ISO BMFF `ftyp` box with its compatible brands. */
export const SNIFF_HEAD_BYTES = 256

/** Chinese names of the types, for refusals that say what is accepted. */
export const mediaTypeLabels: Record<SniffedMediaType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'application/pdf': 'PDF',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'video/mp4': 'MP4',
}

/** Images a browser may show in an `<img>`: the only types served `inline`. */
export const imageMediaTypes: readonly SniffedMediaType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/heic']

type Signature = { name: string; match: (head: Uint8Array) => SniffedMediaType | null }

const ascii = (head: Uint8Array, offset: number, text: string) => {
  if (head.length < offset + text.length) return false
  for (let i = 0; i < text.length; i++) if (head[offset + i] !== text.charCodeAt(i)) return false
  return true
}
const bytes = (head: Uint8Array, offset: number, expected: readonly number[]) =>
  head.length >= offset + expected.length && expected.every((b, i) => head[offset + i] === b)

// ISO BMFF brands (ISO/IEC 14496-12 §4.3 FileTypeBox; brand registry at mp4ra.org), by what they mean.
// HEIF/HEIC: ISO/IEC 23008-12 Annex B (heic, heix, hevc, hevx, heim, heis, hevm, hevs) and the generic
// image/sequence brands mif1/msf1, which AVIF also lists — so a generic brand counts as HEIC only when
// no AVIF brand is present.
const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs'])
const heifGenericBrands = new Set(['mif1', 'msf1'])
const avifBrands = new Set(['avif', 'avis'])
// M4A / M4B: iTunes audio (ISO/IEC 14496-14 with the Apple brands 'M4A ', 'M4B ').
const m4aBrands = new Set(['M4A ', 'M4B '])
// MP4 video: ISO/IEC 14496-14 'mp41', 'mp42'; base media 'isom', 'iso2'…'iso6'; AVC 'avc1'; DASH 'dash'; 'M4V '.
const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'mmp4'])

/** The major and compatible brands of a leading `ftyp` box, or null when the file does not start with one. */
function ftypBrands(head: Uint8Array): { major: string; compatible: string[] } | null {
  if (!ascii(head, 4, 'ftyp') || head.length < 16) return null
  // box size (32-bit big-endian) covers size, 'ftyp', major brand, minor version and the compatible brands.
  const size = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0
  if (size < 16 || size % 4 !== 0) return null
  const brandAt = (offset: number) => String.fromCharCode(head[offset]!, head[offset + 1]!, head[offset + 2]!, head[offset + 3]!)
  const compatible: string[] = []
  for (let offset = 16; offset + 4 <= Math.min(size, head.length); offset += 4) compatible.push(brandAt(offset))
  return { major: brandAt(8), compatible }
}

function isoMediaType(head: Uint8Array): SniffedMediaType | null {
  const brands = ftypBrands(head)
  if (!brands) return null
  const all = [brands.major, ...brands.compatible]
  if (heicBrands.has(brands.major)) return 'image/heic'
  if (heifGenericBrands.has(brands.major)) {
    if (all.some((b) => avifBrands.has(b))) return null
    return all.some((b) => heicBrands.has(b) || heifGenericBrands.has(b)) ? 'image/heic' : null
  }
  if (m4aBrands.has(brands.major)) return 'audio/mp4'
  if (mp4Brands.has(brands.major)) return 'video/mp4'
  return null
}

/**
 * An MPEG-1/2 Audio Layer III frame header (ISO/IEC 11172-3 §2.4.2.3, ISO/IEC 13818-3): 11 sync bits,
 * then version (01 is reserved), layer (01 = Layer III), and a bitrate index that is neither "free"
 * (0000) nor "bad" (1111), and a sampling rate index other than the reserved 11.
 */
function isMp3Frame(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] !== 0xff || (head[1]! & 0xe0) !== 0xe0) return false
  const version = (head[1]! >> 3) & 0b11
  const layer = (head[1]! >> 1) & 0b11
  const bitrate = head[2]! >> 4
  const sampling = (head[2]! >> 2) & 0b11
  return version !== 0b01 && layer === 0b01 && bitrate !== 0b0000 && bitrate !== 0b1111 && sampling !== 0b11
}

// Tried in order; JPEG comes before the MP3 frame sync (both start with 0xFF).
const signatures: readonly Signature[] = [
  // JPEG: SOI marker FF D8 followed by the next marker's FF (ITU-T T.81 / ISO/IEC 10918-1 Annex B.2).
  { name: 'jpeg', match: (h) => (bytes(h, 0, [0xff, 0xd8, 0xff]) ? 'image/jpeg' : null) },
  // PNG: the 8-byte signature (PNG spec, ISO/IEC 15948 §5.2).
  { name: 'png', match: (h) => (bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ? 'image/png' : null) },
  // WebP: RIFF container, 4-byte size, form type 'WEBP' (RFC 9649 §2, "WebP Container Specification").
  { name: 'webp', match: (h) => (ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP') ? 'image/webp' : null) },
  // PDF: the header '%PDF-' (ISO 32000-1 §7.5.2). Readers accept it later in the first 1024 bytes;
  // we require it first, so nothing else can hide in front of it.
  { name: 'pdf', match: (h) => (ascii(h, 0, '%PDF-') ? 'application/pdf' : null) },
  // ISO base media files: HEIC photos, M4A audio, MP4 video (see isoMediaType).
  { name: 'iso-bmff', match: isoMediaType },
  // MP3 with an ID3v2 tag: 'ID3', major version 2–4, revision < 0xFF (id3.org ID3v2.4.0-structure §3.1).
  { name: 'id3', match: (h) => (ascii(h, 0, 'ID3') && h.length >= 5 && h[3]! >= 2 && h[3]! <= 4 && h[4] !== 0xff ? 'audio/mpeg' : null) },
  // MP3 starting with a bare frame.
  { name: 'mp3-frame', match: (h) => (isMp3Frame(h) ? 'audio/mpeg' : null) },
]
