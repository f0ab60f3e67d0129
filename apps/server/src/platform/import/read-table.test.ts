import { describe, expect, it } from 'vitest'
import { xlsxOf } from '../../../test/xlsx-factory'
import { readTable } from './read-table'
import { readTableInWorker, TableReadError } from './read-table-in-worker'

const csvOf = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8')

describe('reading an import file', () => {
  it('reads a CSV with its own row numbers, skipping blank lines', async () => {
    const table = await readTable(csvOf(['名称,统一社会信用代码', '甲公司,A', '', '乙公司,B']), 'csv', 10)
    expect(table).toEqual({
      header: ['名称', '统一社会信用代码'],
      rows: [
        { row: 2, cells: ['甲公司', 'A'] },
        { row: 4, cells: ['乙公司', 'B'] },
      ],
      tooManyRows: false,
      rowsRead: 2,
      nulAtRow: null,
    })
  })

  it('stops at a NUL in a cell and names its row', async () => {
    const table = await readTable(csvOf(['名称,统一社会信用代码', '甲公司,A', '乙\u0000公司,B', '丙公司,C']), 'csv', 10)
    expect(table).toMatchObject({ nulAtRow: 3, rows: [] })
  })

  it('reads an XLSX written in Excel’s order (sheet before shared strings)', async () => {
    const file = xlsxOf(['名称', '统一社会信用代码'], 3, (i) => [`企业${i}`, `C${i}`])
    const table = await readTable(file, 'xlsx', 10)
    expect(table.header).toEqual(['名称', '统一社会信用代码'])
    expect(table.rows).toEqual([
      { row: 2, cells: ['企业0', 'C0'] },
      { row: 3, cells: ['企业1', 'C1'] },
      { row: 4, cells: ['企业2', 'C2'] },
    ])
  })

  it('stops a CSV at the first row over the limit', async () => {
    const lines = ['名称,统一社会信用代码', ...Array.from({ length: 100_000 }, (_, i) => `企业${i},C${i}`)]
    const table = await readTable(csvOf(lines), 'csv', 1_000)
    expect(table).toMatchObject({ tooManyRows: true, rowsRead: 1_001, rows: [] })
  })

  it('stops a million-row XLSX bomb at the first row over the limit, in a worker', { timeout: 120_000 }, async () => {
    const bomb = xlsxOf(['名称'], 1_000_000, (i) => [`企业${i % 10}`])
    // Small enough to pass the upload size cap; what it holds is the problem.
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024)
    const table = await readTableInWorker(bomb, 'xlsx', 20_000)
    expect(table).toMatchObject({ tooManyRows: true, rowsRead: 20_001, rows: [] })
  })

  it('reports a file that is not a spreadsheet as unreadable', async () => {
    await expect(readTableInWorker(Buffer.from('not a zip at all'), 'xlsx', 10)).rejects.toBeInstanceOf(TableReadError)
  })
})
