import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { toChineseCapital } from '@yangguang/core'
import jsQR from 'jsqr'
import { afterAll, describe, expect, it } from 'vitest'
import type { OfficialDocument } from './official-document'
import { prepareDocument, renderOfficialDocument, rendererVersion } from './render'
import { sampleDecision } from './sample-decision'

// The checks read the PDFs with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), as a reader's
// software would. Without them the tests fail (execFileSync throws ENOENT) rather than skip.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-pdf-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

let fileNo = 0
function pdfFile(bytes: Uint8Array): string {
  const file = path.join(work, `doc-${++fileNo}.pdf`)
  fs.writeFileSync(file, bytes)
  return file
}
// stderr is kept from the test output: pdfinfo warns about Typst's tagged-PDF MarkInfo, which it misreads.
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] })
const pdfText = (bytes: Uint8Array) => poppler('pdftotext', ['-layout', pdfFile(bytes), '-'])
const pageCount = (bytes: Uint8Array) => Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [pdfFile(bytes)]))![1])
// pdftotext lays words out with spaces and line breaks where the PDF puts them; compare without.
const flat = (text: string) => text.replace(/\s+/g, '')

/**
 * Renders the bottom half of a page at 150 dpi in grey (PGM, trivial to parse) and returns the text
 * of the QR code found there, if any. (The whole page works too, but jsQR takes seconds on it.)
 */
function decodeQr(bytes: Uint8Array, page: number): string | null {
  const prefix = path.join(work, `qr-${++fileNo}`)
  const crop = ['-x', '0', '-y', '877', '-W', '1240', '-H', '877']
  poppler('pdftoppm', ['-r', '150', '-gray', ...crop, '-f', String(page), '-l', String(page), '-singlefile', pdfFile(bytes), prefix])
  const pgm = fs.readFileSync(`${prefix}.pgm`)
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const grey = pgm.subarray(header[0].length)
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]
    rgba[i * 4 + 3] = 255
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

describe('renderOfficialDocument', () => {
  it('prints every element art. 59 requires of a 行政处罚决定书 as extractable Chinese text', async () => {
    const pdf = await renderOfficialDocument(sampleDecision({ fineFen: 4_902_000 }))
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = flat(pdfText(pdf))

    const elements = [
      // Header: organ, title, number.
      '禄丰市住房和城乡建设局',
      '行政处罚决定书',
      '禄住建罚决字〔2026〕第12号',
      // (一) party name and address.
      '当事人：禄丰市金恒建筑工程有限公司',
      '统一社会信用代码：91532331MA6K7XQ21B',
      '住所：云南省楚雄彝族自治州禄丰市金山镇中村路88号',
      // (二) facts and evidence.
      '一、违法事实和证据',
      '在未取得建筑工程施工许可证的情况下，于2026年8月15日组织施工单位开工建设',
      '对当事人委托代理人的询问笔录',
      '合同价款3,268,000.00元',
      // (三) kind and basis; the amount in figures and in capitals.
      '违反了《中华人民共和国建筑法》第七条第一款',
      '依据《建筑工程施工许可管理办法》第十二条的规定',
      '处罚种类：罚款',
      `罚款金额：49,020.00元（大写：人民币${toChineseCapital(4_902_000)}）`,
      '人民币肆万玖仟零贰拾元整',
      // (四) manner and deadline of performance.
      '自收到本决定书之日起十五日内',
      '通过云南省非税收入电子缴款平台缴纳罚款',
      '每日按罚款数额的百分之三加处罚款',
      // (五) 复议/诉讼 route and deadline.
      '六十日内向禄丰市人民政府申请行政复议',
      '六个月内直接向禄丰市人民法院提起行政诉讼',
      // (六) organ and date, and the seal line.
      '禄丰市住房和城乡建设局（印章）2026年11月20日',
      // Footer, verification caption, page numbers.
      '本文书一式三份，一份送达当事人，一份交缴款银行，一份归档。',
      '扫描二维码核验本文书：文书摘要已记入禄丰市行政执法公开账本。',
      '第1页共2页',
    ]
    for (const element of elements) expect(text, element).toContain(flat(element))
    expect(pageCount(pdf)).toBe(2)
  })

  it('embeds only the bundled Noto Serif SC, as subsets, whatever fonts the machine has', async () => {
    // Characters the font lacks (emoji, Tibetan, box drawing) print as blanks rather than pulling in
    // a system font (this machine has DejaVu and Noto CJK installed), so output cannot vary by machine.
    const doc = sampleDecision()
    doc.blocks.push({ type: 'paragraph', text: '字体外的字符：😀 ཀ ╬ ∮' })
    const pdf = await renderOfficialDocument(doc)
    const rows = poppler('pdffonts', [pdfFile(pdf)]).trim().split('\n').slice(2)
    const fonts = rows.map((row) => {
      const [name, ...rest] = row.trim().split(/\s+/)
      // Columns after the name: type words…, encoding, emb, sub, uni, object id, generation.
      const [emb, sub, uni] = rest.slice(-5, -2)
      return { name: name.replace(/^[A-Z]{6}\+/, ''), subset: /^[A-Z]{6}\+/.test(name), emb, sub, uni }
    })
    expect(fonts.map((f) => f.name).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular'])
    for (const font of fonts) expect(font).toMatchObject({ subset: true, emb: 'yes', sub: 'yes', uni: 'yes' })
    // Subsetting keeps the file small although each font file is 14.8 MB.
    expect(pdf.length).toBeLessThan(200_000)
  })

  it('prints a QR code on the last page that decodes to the verification address', async () => {
    const qrText = 'https://zhifa.lufeng.example.cn/v/d/0f3c9e1d2a7b?k=Zm9vYmFy'
    const pdf = await renderOfficialDocument(sampleDecision({ qrText }))
    expect(decodeQr(pdf, 2)).toBe(qrText)
    expect(decodeQr(pdf, 1)).toBeNull()
  })

  it('gives the same bytes for the same document, also in a fresh process started elsewhere; the PDF date is the closing date', async () => {
    const doc = sampleDecision()
    const first = await renderOfficialDocument(doc)
    const again = await renderOfficialDocument(structuredClone(doc))
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true)
    expect(poppler('pdfinfo', ['-isodates', pdfFile(first)])).toMatch(/^CreationDate:\s+2026-11-20T00:00:00/m)

    // A new process, with its own compiler and another working directory, renders the same bytes.
    const require = createRequire(import.meta.url)
    const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/index.mjs')).href
    const script = path.join(work, 'render-once.mts')
    fs.writeFileSync(path.join(work, 'doc.json'), JSON.stringify(doc))
    fs.writeFileSync(
      script,
      [
        `import fs from 'node:fs'`,
        `import { createHash } from 'node:crypto'`,
        `import { renderOfficialDocument } from ${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'render.ts')).href)}`,
        `const pdf = await renderOfficialDocument(JSON.parse(fs.readFileSync('doc.json', 'utf8')))`,
        `process.stdout.write(createHash('sha256').update(pdf).digest('hex'))`,
      ].join('\n'),
    )
    const digest = execFileSync(process.execPath, ['--import', tsx, script], { cwd: work, encoding: 'utf8' })
    expect(digest).toBe(createHash('sha256').update(first).digest('hex'))

    expect(rendererVersion()).toMatch(/^typst-ts-node-compiler@0\.7\.0 noto-serif-sc@0\.4\.3 template@[0-9a-f]{12}$/)

    const later = await renderOfficialDocument(sampleDecision({ date: '2026-11-23' }))
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false)
    expect(poppler('pdfinfo', ['-isodates', pdfFile(later)])).toMatch(/^CreationDate:\s+2026-11-23T00:00:00/m)
  })

  it('prints hostile text literally, breaks overlong runs inside the page and numbers many pages', async () => {
    const hostile = [
      '#set text(fill: red) #panic("x")',
      '$x^2$ \\ ] [ } { "quoted" \'single\' *bold* _under_ `raw` <label> @ref = heading // comment /* c */ -- ---',
      '#import "/etc/passwd"',
    ]
    const longUrl = `https://example.cn/${'a'.repeat(300)}`
    const paragraphs = Array.from({ length: 200 }, (_, i) => `第${i + 1}段：禄丰市某某单位于2026年11月${(i % 28) + 1}日提交了整改报告，执法人员进行了复核。`)
    const doc: OfficialDocument = {
      organ: '#organ]',
      title: '$title$',
      number: '\\number"',
      blocks: [
        ...hostile.map((text) => ({ type: 'paragraph' as const, text })),
        { type: 'labelled', label: '#label：', text: '*text*' },
        { type: 'paragraph', text: longUrl },
        { type: 'table', columns: ['#c1', ']c2'], rows: [['$1', '"2'], ['only one']] },
        ...paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
      ],
      signatures: [{ label: '#sig]：', value: '"signed"' }],
      closing: { organ: '#closing', date: 'not-a-date', sealed: false },
      verification: { qrText: 'https://example.cn/v/#"]\\', caption: '#caption]' },
      footer: '$footer',
    }
    const pdf = await renderOfficialDocument(doc)
    const raw = pdfText(pdf)
    const text = flat(raw)
    for (const literal of [...hostile, '#organ]', '$title$', '\\number"', '#label：*text*', '#c1]c2', '$1"2', 'onlyone', '#sig]："signed"', '#closing', 'not-a-date', '#caption]', '$footer']) {
      expect(text, literal).toContain(flat(literal))
    }
    expect(text).not.toContain('（印章）')

    // The 300-character run is broken into lines that fit the page (about 60 Latin characters at 14 pt), and nothing is lost.
    const urlLines = raw.split('\n').filter((line) => /a{20}/.test(line))
    expect(urlLines.length).toBeGreaterThanOrEqual(5)
    for (const line of urlLines) expect(line.trim().length).toBeLessThanOrEqual(70)
    expect(text).toContain(longUrl)

    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThan(10)
    for (const paragraph of [paragraphs[0], paragraphs[99], paragraphs[199]]) expect(text).toContain(flat(paragraph))
    expect(text).toContain(`第${pages}页共${pages}页`)
    expect(decodeQr(pdf, pages)).toBe('https://example.cn/v/#"]\\')
  })

  it('lays out a record: fields, questions and answers, a boxed opinion and signature lines, blank when unsigned', async () => {
    const record: OfficialDocument = {
      organ: '禄丰市住房和城乡建设局',
      title: '询问笔录',
      number: null,
      blocks: [
        {
          type: 'fields',
          rows: [
            { label: '询问时间', value: '2026年10月12日 9时30分至10时15分' },
            { label: '询问地点', value: '禄丰市住房和城乡建设局执法大队办公室' },
            { label: '被询问人', value: '钱立新（当事人委托代理人）' },
          ],
        },
        {
          type: 'qa',
          items: [
            { q: '我们是禄丰市住房和城乡建设局的执法人员，这是我们的执法证件，你是否看清楚？', a: '看清楚了。' },
            { q: '该项目是否取得施工许可证？', a: '还没有取得，正在办理。' },
          ],
        },
        { type: 'opinion', label: '承办机构意见：', text: '建议立案调查。', signer: '孙海', date: '2026-10-09' },
      ],
      signatures: [{ label: '被询问人签名：' }, { label: '询问人签名：', value: '张伟、李娜' }, { label: '记录人签名：', value: '' }],
      verification: { qrText: 'https://zhifa.lufeng.example.cn/v/d/a1', caption: '扫码核验' },
    }
    const pdf = await renderOfficialDocument(record)
    const text = flat(pdfText(pdf))
    for (const element of [
      '询问笔录',
      '询问时间2026年10月12日9时30分至10时15分',
      '被询问人钱立新（当事人委托代理人）',
      '问：该项目是否取得施工许可证？答：还没有取得，正在办理。',
      '承办机构意见：建议立案调查。签名：孙海2026年10月9日',
      '询问人签名：张伟、李娜',
      '记录人签名：',
    ]) {
      expect(text, element).toContain(flat(element))
    }
    expect(text).not.toContain('〔')
    expect(pageCount(pdf)).toBe(1)
    expect(decodeQr(pdf, 1)).toBe('https://zhifa.lufeng.example.cn/v/d/a1')
  })
})

describe('renderOfficialDocument under concurrent calls', () => {
  it('renders each of several documents requested at once exactly as it renders it alone', async () => {
    const docs = [1, 2, 3, 4, 5].map((n) => sampleDecision({ fineFen: n * 100_000, qrText: `https://zhifa.lufeng.example.cn/v/d/${n}` }))
    const together = await Promise.all(docs.map((doc) => renderOfficialDocument(doc)))
    for (const [i, doc] of docs.entries()) {
      const alone = await renderOfficialDocument(doc)
      expect(Buffer.from(together[i]).equals(Buffer.from(alone))).toBe(true)
    }
    expect(new Set(together.map((pdf) => createHash('sha256').update(pdf).digest('hex'))).size).toBe(5)
    expect(flat(pdfText(together[2]))).toContain(`罚款金额：3,000.00元（大写：人民币${toChineseCapital(300_000)}）`)
  })
})

describe('prepareDocument', () => {
  it('writes ISO dates the Chinese way, pads table rows to the header and leaves other text alone', () => {
    const prepared = prepareDocument({
      ...sampleDecision(),
      blocks: [
        { type: 'table', columns: ['序号', '证据名称', '页数'], rows: [['1'], ['2', '照片', '3', '多余']] },
        { type: 'opinion', label: '审核意见：', text: '同意', signer: '李娜', date: '2026-01-05' },
      ],
      signatures: [{ label: '当事人签名：', value: '' }],
    })
    expect(prepared.closing).toEqual({ organ: '禄丰市住房和城乡建设局', date: '2026年11月20日', sealed: true })
    expect(prepared.date).toEqual({ year: 2026, month: 11, day: 20 })
    expect(prepared.blocks[0]).toMatchObject({ rows: [['1', '', ''], ['2', '照片', '3']] })
    expect(prepared.blocks[1]).toMatchObject({ date: '2026年1月5日' })
    expect(prepared.signatures).toEqual([{ label: '当事人签名：', value: null }])
    expect(prepareDocument({ ...sampleDecision(), closing: { organ: 'x', date: '2026年11月20日', sealed: false } }).date).toBeNull()
  })

  it('prints an impossible date as given instead of failing the render', async () => {
    const doc = sampleDecision({ date: '2026-02-30' })
    expect(prepareDocument(doc)).toMatchObject({ date: null, closing: { date: '2026-02-30' } })
    expect(flat(pdfText(await renderOfficialDocument(doc)))).toContain('禄丰市住房和城乡建设局（印章）2026-02-30')
  })
})
