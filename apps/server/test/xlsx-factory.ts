import zlib from 'node:zlib'

/**
 * A minimal XLSX written by hand, parts in the order Excel writes them (sheet before shared
 * strings), deflated like Excel's. Fast enough for a million rows: the sheet XML is produced and
 * compressed in chunks, never held whole. Text cells are shared strings, as in Excel's own files.
 *
 * @example
 * const file = xlsxOf(['名称', '统一社会信用代码'], 1_000_000, (i) => [`企业${i % 7}`, 'x'])
 */
export function xlsxOf(header: string[], rowCount: number, rowAt: (i: number) => string[]): Buffer {
  const strings = new Map<string, number>()
  const index = (s: string) => {
    let i = strings.get(s)
    if (i === undefined) {
      i = strings.size
      strings.set(s, i)
    }
    return i
  }
  const rowXml = (n: number, cells: string[]) =>
    `<row r="${n}">${cells.map((c, j) => `<c r="${String.fromCharCode(65 + j)}${n}" t="s"><v>${index(c)}</v></c>`).join('')}</row>`
  // Each chunk is deflated on its own and ends on a sync flush, so the pieces join into one valid
  // deflate stream (only the last carries the final-block bit).
  const chunks: Buffer[] = []
  let crc = 0
  let size = 0
  const write = (text: string) => {
    const b = Buffer.from(text, 'utf8')
    crc = zlib.crc32(b, crc)
    size += b.length
    chunks.push(zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }))
  }
  write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
  write(rowXml(1, header))
  let batch = ''
  for (let i = 0; i < rowCount; i += 1) {
    batch += rowXml(i + 2, rowAt(i))
    if (batch.length > 1 << 20) {
      write(batch)
      batch = ''
    }
  }
  write(`${batch}</sheetData></worksheet>`)
  chunks.push(zlib.deflateRawSync(Buffer.alloc(0)))
  const sheet = { data: Buffer.concat(chunks), crc, size }
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`
  return zipOf([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/sharedStrings.xml', sst],
  ])
}

type Part = string | { data: Buffer; crc: number; size: number }

/** A zip of deflated parts, in the given order, with its central directory. */
function zipOf(parts: Array<[string, Part]>): Buffer {
  const out: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, part] of parts) {
    const p = typeof part === 'string' ? deflated(part) : part
    const nameBytes = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(p.crc >>> 0, 14)
    local.writeUInt32LE(p.data.length, 18)
    local.writeUInt32LE(p.size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x0800, 8)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(p.crc >>> 0, 16)
    entry.writeUInt32LE(p.data.length, 20)
    entry.writeUInt32LE(p.size, 24)
    entry.writeUInt16LE(nameBytes.length, 28)
    entry.writeUInt32LE(offset, 42)
    out.push(local, nameBytes, p.data)
    central.push(entry, nameBytes)
    offset += 30 + nameBytes.length + p.data.length
  }
  const centralBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...out, centralBytes, end])
}

function deflated(text: string) {
  const b = Buffer.from(text, 'utf8')
  return { data: zlib.deflateRawSync(b), crc: zlib.crc32(b), size: b.length }
}
