import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type CaseDocumentKind, caseDocumentKinds, chineseDate } from '@yangguang/core'
import { afterAll, describe, expect, it } from 'vitest'
import type { DocumentBlock, OfficialDocument } from '../../platform/pdf/official-document'
import { renderOfficialDocument } from '../../platform/pdf/render'
import { buildCaseDocument, type CaseDocumentInput } from './case-document-builders'
import { documentInput } from './case-documents.test-factory'

// Page breaks of every document kind, read back from the PDF with pdftotext page by page, as a
// reader sees them: a heading (or a line introducing a list, "……如下：") is never the last line of
// a page, and the signatures and the organ's closing with its seal are on the page of the last
// paragraph, never alone.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-layout-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('page breaks of every document kind', () => {
  for (const kind of caseDocumentKinds) {
    it(`${kind}: short and long content`, async () => {
      for (const input of [shortInput(kind), longInput(kind)]) {
        const doc = buildCaseDocument(kind, input)
        await expectGoodBreaks(doc, await pagesOf(doc))
      }
    })
  }

  it('keeps a heading with what follows it wherever the facts push it (行政处罚决定书, facts of 24 lengths)', async () => {
    let multiPage = 0
    for (let k = 0; k < 24; k++) {
      const doc = buildCaseDocument('penalty_decision', shortInput('penalty_decision', { facts: filler(180 + 41 * k) }))
      const pages = await pagesOf(doc)
      if (pages.length > 1) multiPage++
      await expectGoodBreaks(doc, pages)
    }
    expect(multiPage).toBeGreaterThan(12)
  })

  it('keeps the closing and seal with the last paragraph wherever the body ends (不予行政处罚决定书, facts of 24 lengths)', async () => {
    const closingPages = new Set<string>()
    for (let k = 0; k < 24; k++) {
      const doc = buildCaseDocument('no_penalty_decision', shortInput('no_penalty_decision', { facts: filler(300 + 37 * k) }))
      const pages = await pagesOf(doc)
      closingPages.add(`${pages.length}`)
      await expectGoodBreaks(doc, pages)
    }
    // The sweep crossed a page boundary, so some closing would have been pushed onto a page of its own.
    expect(closingPages.size).toBeGreaterThan(1)
  })
})

/** Checks the two rules on the pages of `doc` (text per page, without the page-number line). */
async function expectGoodBreaks(doc: OfficialDocument, pages: string[]) {
  const stickyLines = doc.blocks.flatMap((b) => (b.type === 'heading' || (b.type === 'paragraph' && b.text.endsWith('：')) ? [flat(b.text)] : []))
  for (const [n, page] of pages.slice(0, -1).entries()) {
    const lines = page.split('\n').map(flat).filter((l) => l !== '')
    expect(stickyLines, `${doc.title}: page ${n + 1} ends with "${lines.at(-1)}"`).not.toContain(lines.at(-1))
  }
  if (!doc.closing) return
  const closing = flat(`${doc.closing.organ}${doc.closing.sealed ? '（印章）' : ''}${chineseDate(doc.closing.date)}`)
  const closingPage = pages.findIndex((p) => flat(p).includes(closing))
  expect(closingPage, `${doc.title}: closing printed`).toBeGreaterThanOrEqual(0)
  const last = doc.blocks.at(-1)
  if (last) expect(flat(pages[closingPage]), `${doc.title}: last paragraph on the closing's page ${closingPage + 1}`).toContain(tailOf(last))
  // A long signature label may wrap inside its grid cell, so only its start is looked for.
  for (const s of doc.signatures ?? []) expect(flat(pages[closingPage]), `${doc.title}: ${s.label}`).toContain(flat(s.label).slice(0, 6))
}

let fileNo = 0
async function pagesOf(doc: OfficialDocument): Promise<string[]> {
  const file = path.join(work, `doc-${++fileNo}.pdf`)
  fs.writeFileSync(file, await renderOfficialDocument(doc))
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const count = Number(/^Pages:\s+(\d+)$/m.exec(info)![1])
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => !/^\s*第\s*\d+\s*页\s*共\s*\d+\s*页\s*$/.test(line))
      .join('\n'),
  )
}

const flat = (text: string) => text.replace(/\s+/g, '')

/** The last characters a block prints (what must share the closing's page). */
function tailOf(b: DocumentBlock): string {
  const whole =
    b.type === 'paragraph' || b.type === 'heading' ? b.text
    : b.type === 'labelled' ? b.label + b.text
    : b.type === 'fields' ? b.rows.map((r) => r.label + r.value).join('')
    : b.type === 'table' ? (b.rows.at(-1) ?? b.columns).join('')
    : b.type === 'qa' ? (b.items.at(-1)?.a ?? '')
    : chineseDate(b.date)
  return flat(whole).slice(-10)
}

/** Chinese text of about `length` characters, in sentences. */
function filler(length: number): string {
  const sentence = '经现场核查，当事人在禄丰市金山镇龙城路十八号地块组织施工，现场有施工人员二十余人及塔吊一台。'
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length)
}

function shortInput(kind: CaseDocumentKind, overrides: Partial<CaseDocumentInput> = {}): CaseDocumentInput {
  return documentInput({
    party: { kind: 'organization', name: '禄丰市鑫达建筑工程有限公司', idNumber: null, creditCode: '91532331MA6K8XQ31B', legalRep: '李四', address: '禄丰市金山镇龙城路18号', phone: '13887012345' },
    penaltyBasis: [{ law: '中华人民共和国建筑法', article: '第六十四条', text: '…' }],
    ...(kind === 'no_penalty_decision'
      ? { outcome: { outcome: 'no_penalty', kinds: [], fineFen: 0, confiscateFen: 0, tier: null, ground: 'art33_first_violation', reason: null, conditions: [] } }
      : {}),
    ...overrides,
  })
}

/** Every free-text field long, every list many items: documents of two to six pages. */
function longInput(kind: CaseDocumentKind): CaseDocumentInput {
  const base = shortInput(kind)
  return {
    ...base,
    facts: filler(1500),
    evidence: Array.from({ length: 18 }, (_, n) => ({ kind: 'inspection_record', title: `现场检查笔录及照片（第${n + 1}组）`, collectedOn: '2026-08-12' })),
    statements: Array.from({ length: 3 }, (_, n) => ({ onDate: '2026-10-22', summary: filler(300 + n * 50), adopted: '本机关未予采纳。' })),
    hearing: { requestedOn: '2026-10-21', date: '2026-11-02', place: '禄丰市住房和城乡建设局三楼会议室', presidingName: '周法', heldOn: '2026-11-02', absent: false, summary: filler(1400) },
    collectiveDiscussion: { heldOn: '2026-11-15', attendees: ['王建国', '陈丽', '周法', '李强', '赵敏'], conclusion: filler(900) },
    legalReview: { passed: true, reviewerName: '周法', onDate: '2026-11-10', opinion: filler(700) },
    payments: Array.from({ length: 12 }, (_, n) => ({ kind: 'fine' as const, amountFen: 100_000 + n, paidOn: '2026-12-01' })),
    extra: {
      items: Array.from({ length: 30 }, (_, n) => ({ q: `第${n + 1}个问题：${filler(40)}？`, a: filler(60 + (n % 5) * 20) })),
      findings: filler(1600),
      measures: filler(200),
      reason: filler(400),
      documents: Array.from({ length: 14 }, (_, n) => `行政处罚决定书（禄住建罚决字〔2026〕第${n + 1}号）`),
      education: filler(300),
    },
  }
}
