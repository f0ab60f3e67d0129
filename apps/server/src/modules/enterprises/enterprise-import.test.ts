import { generateUscc } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { xlsxOf } from '../../../test/xlsx-factory'
import { activeTableReads } from '../../platform/import/read-table-in-worker'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './enterprise-import'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let t: TestApp
/** A million rows of one column in a file under the size cap: a “zip bomb” of rows. */
let bomb: Buffer
beforeAll(async () => {
  t = await createTestApp()
  bomb = xlsxOf(['统一社会信用代码', '名称'], 1_000_000, (i) => [generateUscc({ serial: 79_000_000 + (i % 50) })])
})
afterAll(() => t.close())

const upload = (cookie: string | null, body: Buffer, type: string) =>
  t.app.inject({ method: 'POST', url: '/api/enterprises/import', payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } })
const enterpriseCount = async () => Number((await t.db.selectFrom('enterprise').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('import files that cannot hurt', () => {
  it('an Excel-ordered workbook (shared strings after the sheet) still imports', async () => {
    const head = await t.as('zjj_head')
    const codes = [generateUscc({ serial: 77_200_001 }), generateUscc({ serial: 77_200_002 })]
    const file = xlsxOf(['统一社会信用代码', '名称', '乡镇'], 2, (i) => [codes[i]!, `禄丰流式导入${i + 1}号有限公司`, '金山镇'])
    const res = await upload(head.cookie, file, xlsxType)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 2, created: 2 })
  })

  it('refuses a file over the size cap with 413 before reading it', async () => {
    const head = await t.as('zjj_head')
    // Garbage: were it parsed, the answer would be “无法读取” (400), not the size refusal.
    const res = await upload(head.cookie, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41), 'text/csv')
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '导入文件不能超过 8 MB，请拆分后分批导入', details: { maxBytes: MAX_IMPORT_BYTES } })
  })

  it('refuses a CSV and a million-row XLSX beyond the row limit, writing nothing', { timeout: 120_000 }, async () => {
    const head = await t.as('zjj_head')
    const before = await enterpriseCount()
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `${generateUscc({ serial: 78_000_000 + i })},禄丰批量${i}号商店`)
    const csv = Buffer.from(`统一社会信用代码,名称\n${rows.join('\n')}\n`, 'utf8')
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES)
    for (const [file, type] of [[csv, 'text/csv'], [bomb, xlsxType]] as const) {
      const res = await upload(head.cookie, file, type)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入`, details: { maxRows: MAX_IMPORT_ROWS } })
    }
    expect(await enterpriseCount()).toBe(before)
  })

  it('answers /api/health while a large file is being parsed', { timeout: 120_000 }, async () => {
    const head = await t.as('zjj_head')
    const finished: string[] = []
    const importing = upload(head.cookie, bomb, xlsxType).then((res) => {
      finished.push('import')
      return res
    })
    // Wait until the file is in the parser, then ask for health: it must not wait for the parse.
    while (activeTableReads() === 0) await new Promise((resolve) => setImmediate(resolve))
    const health = await t.anonymous.get('/api/health')
    finished.push('health')
    expect(health.statusCode).toBe(200)
    expect((await importing).statusCode).toBe(400)
    expect(finished).toEqual(['health', 'import'])
  })
})

describe('an import file with a NUL in a cell', () => {
  it('is refused with the row named, before anything is written (PostgreSQL cannot store U+0000)', async () => {
    const head = await t.as('zjj_head')
    const before = await enterpriseCount()
    const file = Buffer.from(`统一社会信用代码,名称\n${generateUscc({ serial: 77_300_001 })},禄丰空字符\u0000有限公司\n`, 'utf8')
    const res = await upload(head.cookie, file, 'text/csv')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ row: 2, column: null }] } })
    expect(res.json().message).toContain('第 2 行')
    expect(await enterpriseCount()).toBe(before)
  })
})
