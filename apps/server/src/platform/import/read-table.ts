import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { reorderXlsxEntries } from './xlsx-entry-order'

/** A spreadsheet read into text cells: the header row and the data rows with their own row numbers. */
export type Table = {
  header: string[]
  rows: Array<{ row: number; cells: string[] }>
  /** More data rows than `maxRows`: reading stopped at the first one over (rows holds none). */
  tooManyRows: boolean
  /** Data rows read, never more than `maxRows + 1`. */
  rowsRead: number
  /**
   * The first row with a NUL (U+0000) in a cell, where reading stopped (rows holds none): a CSV
   * can carry one, PostgreSQL cannot store it, and no clerk typed it.
   */
  nulAtRow: number | null
}

export type TableFormat = 'csv' | 'xlsx'

/**
 * Reads a CSV or XLSX file row by row (streaming; never the whole sheet at once), and stops at the
 * first data row over `maxRows`. Row numbers are the file's own (the header is row 1), so an error
 * report points at the line a clerk sees in Excel. Runs in a worker thread (read-table.worker.ts):
 * parsing is CPU work that must not hold up the server's other requests.
 *
 * @example
 * const table = await readTable(Buffer.from('名称,信用代码\n甲,9153…\n'), 'csv', 20_000)
 * table.rows[0] // { row: 2, cells: ['甲', '9153…'] }
 */
export async function readTable(content: Buffer, format: TableFormat, maxRows: number): Promise<Table> {
  const table: Table = { header: [], rows: [], tooManyRows: false, rowsRead: 0, nulAtRow: null }
  // Returns false once the limit is passed or a NUL is met, telling the reader to stop.
  const accept = (row: number, cells: string[]): boolean => {
    if (cells.some((c) => c.includes('\0'))) {
      table.nulAtRow = row
      table.rows = []
      return false
    }
    if (row === 1) {
      table.header = cells
      return true
    }
    if (cells.every((c) => c === '')) return true
    table.rowsRead += 1
    if (table.rowsRead > maxRows) {
      table.tooManyRows = true
      table.rows = []
      return false
    }
    table.rows.push({ row, cells })
    return true
  }
  if (format === 'csv') await readCsv(content, accept)
  else await readXlsx(content, accept)
  return table
}

async function readCsv(content: Buffer, accept: (row: number, cells: string[]) => boolean) {
  const parser = Readable.from([content]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }))
  let first = true
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // The header is the first record, even after blank lines; a data row is numbered by its line.
    const row = first ? 1 : Math.max(2, record.info.lines)
    first = false
    if (!accept(row, record.record)) {
      parser.destroy()
      return
    }
  }
}

async function readXlsx(content: Buffer, accept: (row: number, cells: string[]) => boolean) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([reorderXlsxEntries(content)]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  // Only the first sheet is read, as a clerk sees it on opening the file.
  for await (const sheet of reader) {
    for await (const r of sheet) {
      if (!accept(r.number, (r.values as unknown[]).slice(1).map(cellText))) return
    }
    return
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: Array<{ text: string }> }
    if (v.richText) return v.richText.map((t) => t.text).join('').trim()
    if (v.text !== undefined) return String(v.text).trim()
    if (v.result !== undefined) return String(v.result).trim()
  }
  return String(value).trim()
}
