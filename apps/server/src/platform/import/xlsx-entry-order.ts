import zlib from 'node:zlib'

/**
 * Rewrites an XLSX (a zip) so its parts come in the order a streaming reader needs them:
 * relationships, workbook and shared strings first, worksheets last.
 *
 * Why: Excel writes `xl/sharedStrings.xml` after the sheets. ExcelJS's streaming reader, meeting a
 * sheet before the shared strings, inflates the whole sheet into a temporary file before reading
 * its first row — a 1 MB “zip bomb” of a million rows becomes gigabytes on disk, and the row limit
 * cannot stop it early. In this order every sheet is inflated lazily, row by row, and reading stops
 * at the limit. The compressed bytes are copied as they are (nothing is inflated here); only the
 * local headers are rewritten, with the sizes from the central directory.
 */
export function reorderXlsxEntries(zip: Buffer): Buffer {
  const entries: Array<Entry & { data?: Buffer }> = centralDirectory(zip)
  // The reader streams a sheet only once it holds both of these; a workbook without them (inline
  // strings only) gets empty ones, or its sheets would go to a temporary file again.
  for (const [name, xml] of Object.entries(requiredParts)) {
    if (entries.some((e) => e.name === name)) continue
    const data = Buffer.from(xml, 'utf8')
    entries.push({ name, method: 0, crc32: zlib.crc32(data), compressedSize: data.length, uncompressedSize: data.length, localOffset: -1, data })
  }
  entries.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'en', { numeric: true }))
  const parts: Buffer[] = []
  for (const e of entries) {
    let data = e.data
    if (!data) {
      if (zip.readUInt32LE(e.localOffset) !== LOCAL_SIGNATURE) throw new ZipFormatError()
      const dataStart = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28)
      if (dataStart + e.compressedSize > zip.length) throw new ZipFormatError()
      data = zip.subarray(dataStart, dataStart + e.compressedSize)
    }
    const name = Buffer.from(e.name, 'utf8')
    const header = Buffer.alloc(30)
    header.writeUInt32LE(LOCAL_SIGNATURE, 0)
    header.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6) // UTF-8 name; no data descriptor: the sizes are in this header
    header.writeUInt16LE(e.method, 8)
    header.writeUInt32LE(0, 10) // time and date: not needed to read
    header.writeUInt32LE(e.crc32, 14)
    header.writeUInt32LE(e.compressedSize, 18)
    header.writeUInt32LE(e.uncompressedSize, 22)
    header.writeUInt16LE(name.length, 26)
    header.writeUInt16LE(0, 28)
    parts.push(header, name, data)
  }
  return Buffer.concat(parts)
}

/** The file is not a zip we can read (truncated, zip64, encrypted or simply not a zip). */
export class ZipFormatError extends Error {
  constructor() {
    super('not a readable zip file')
    this.name = 'ZipFormatError'
  }
}

const requiredParts: Record<string, string> = {
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  'xl/sharedStrings.xml': '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
}

const LOCAL_SIGNATURE = 0x04034b50
const CENTRAL_SIGNATURE = 0x02014b50
const END_SIGNATURE = 0x06054b50

type Entry = { name: string; method: number; crc32: number; compressedSize: number; uncompressedSize: number; localOffset: number }

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0
  if (name === '_rels/.rels') return 1
  if (name === 'xl/_rels/workbook.xml.rels') return 2
  if (name === 'xl/workbook.xml') return 3
  if (name === 'xl/sharedStrings.xml') return 4
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 6
  return 5
}

function centralDirectory(zip: Buffer): Entry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65535.
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === END_SIGNATURE) {
      end = i
      break
    }
  }
  if (end === -1) throw new ZipFormatError()
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const entries: Entry[] = []
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new ZipFormatError()
    const flags = zip.readUInt16LE(offset + 8)
    const nameLength = zip.readUInt16LE(offset + 28)
    const entry: Entry = {
      method: zip.readUInt16LE(offset + 10),
      crc32: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      uncompressedSize: zip.readUInt32LE(offset + 24),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      localOffset: zip.readUInt32LE(offset + 42),
    }
    // Encrypted parts, zip64 sizes and methods other than stored/deflate are not spreadsheets we read.
    if (flags & 0x1 || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff || (entry.method !== 0 && entry.method !== 8)) {
      throw new ZipFormatError()
    }
    if (entry.localOffset + 30 > zip.length) throw new ZipFormatError()
    entries.push(entry)
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32)
  }
  return entries
}
