import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type CaseDocumentKind, caseDocumentKinds, type NoPenaltyGround, noPenaltyGrounds } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { createDb } from '../../platform/db/create-db'
import { inTransaction } from '../../platform/db/transaction'
import { integrateOnce } from '../../platform/ledger/integrate-batch'
import { signOnce } from '../../platform/ledger/sign-checkpoint'
import type { OfficialDocument } from '../../platform/pdf/official-document'
import { buildCaseDocument, type CaseDocumentInput, tidyClauses } from './case-document-builders'
import { issueCaseDocuments, MAX_LOOKUP_FAILURES, renderStoredDocument } from './case-documents.service'
import { contextOf, createDecidedCase, documentInput as sampleInput, issue } from './case-documents.test-factory'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** All the text a document prints, in order. */
function textOf(doc: OfficialDocument): string {
  const parts: string[] = [doc.organ, doc.title, doc.number ?? '']
  for (const b of doc.blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') parts.push(b.text)
    else if (b.type === 'labelled') parts.push(b.label + b.text)
    else if (b.type === 'fields') parts.push(...b.rows.map((r) => `${r.label}${r.value}`))
    else if (b.type === 'table') parts.push(b.columns.join(' '), ...b.rows.map((r) => r.join(' ')))
    else if (b.type === 'qa') parts.push(...b.items.map((i) => `问：${i.q}答：${i.a}`))
    else parts.push(b.label, b.text, b.signer, b.date)
  }
  for (const s of doc.signatures ?? []) parts.push(s.label)
  if (doc.closing) parts.push(doc.closing.organ, doc.closing.date)
  return parts.join('\n')
}

describe('document builders', () => {
  it('prints every element art. 59 requires on the 行政处罚决定书', () => {
    const doc = buildCaseDocument('penalty_decision', sampleInput())
    const text = textOf(doc)
    // (1) name and address
    expect(text).toContain('张三丰')
    expect(text).toContain('禄丰市金山镇龙城路18号')
    // the ID number is lawful on a document delivered to the person
    expect(text).toContain('532331198507150014')
    // (2) facts and evidence
    expect(text).toContain('当事人未取得施工许可证擅自开工建设')
    expect(text).toContain('现场检查笔录')
    expect(text).toContain('《中华人民共和国建筑法》第七条')
    // (3) kind and basis, money in figures and capitals
    expect(text).toContain('《中华人民共和国建筑法》第六十四条、《建筑工程施工许可管理办法》第十二条')
    expect(text).toContain('警告')
    expect(text).toContain('人民币壹万贰仟叁佰肆拾伍元陆角（¥12,345.60）')
    // (4) manner and deadline of performance, late fee
    expect(text).toContain('十五日内')
    expect(text).toContain('指定的银行或者通过电子支付系统')
    expect(text).toContain('百分之三')
    // (5) remedies with their periods
    expect(text).toContain('六十日内向禄丰市人民政府申请行政复议')
    expect(text).toContain('六个月内直接向禄丰市人民法院提起行政诉讼')
    // (6) organ and date, sealed
    expect(doc.closing).toEqual({ organ: '禄丰市住房和城乡建设局', date: '2026-11-20', sealed: true })
    expect(doc.number).toBe('禄住建罚决字〔2026〕第12号')
    // the party's lookup
    expect(text).toContain('禄住建立〔2026〕7号')
    expect(text).toContain('K7QF9XMD')
  })

  it('tells the party the proposed penalty, the reasons and the rights with their days in the 事先告知书', () => {
    const text = textOf(buildCaseDocument('prior_notice', sampleInput()))
    expect(text).toContain('拟对你（单位）作出如下行政处罚')
    expect(text).toContain('一般处罚')
    expect(text).toContain('首次被查处')
    expect(text).toContain('五个工作日内向本机关提出陈述、申辩意见')
    expect(text).toContain('有权要求举行听证')
    const noHearing = textOf(buildCaseDocument('prior_notice', sampleInput({ hearingEligible: false })))
    expect(noHearing).not.toContain('有权要求举行听证')
  })

  it('states the four elements of 行政强制法 art. 35 in the 催告书', () => {
    const text = textOf(buildCaseDocument('payment_reminder', sampleInput({ extra: { lateFeeFen: 370_368 }, dates: { ...sampleInput().dates, deliveredOn: '2026-11-21', paymentDueOn: '2026-12-06' } })))
    expect(text).toContain('十日内') // (1) deadline
    expect(text).toContain('指定的银行或者通过电子支付系统') // (2) manner
    expect(text).toContain('人民币壹万贰仟叁佰肆拾伍元陆角（¥12,345.60）') // (3) amount
    expect(text).toContain('¥3,703.68')
    expect(text).toContain('陈述和申辩') // (4) rights
  })

  it('builds every kind, and keeps the ID number off documents that do not need it', () => {
    for (const kind of caseDocumentKinds) {
      const doc = buildCaseDocument(kind, kind === 'no_penalty_decision' ? noPenaltyInput('art33_minor') : sampleInput())
      expect(doc.title.length).toBeGreaterThan(0)
      expect(doc.verification.caption).toContain('abcdefghijklmnop')
    }
    expect(textOf(buildCaseDocument('hearing_notice', sampleInput()))).not.toContain('532331198507150014')
  })
})

/** A 不予行政处罚决定书 input for one ground. */
function noPenaltyInput(ground: NoPenaltyGround, overrides: Partial<CaseDocumentInput> = {}): CaseDocumentInput {
  return sampleInput({ outcome: { outcome: 'no_penalty', kinds: [], fineFen: 0, confiscateFen: 0, tier: null, ground, reason: null, conditions: [] }, ...overrides })
}

const EDUCATION = '第三十三条第三款'

describe('不予行政处罚决定书: the article of each ground', () => {
  it('art. 33 ¶1 (minor, corrected, no harm): cites art. 33 ¶1 with art. 57 ¶1(2) and educates', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art33_minor')))
    expect(text).toContain('违法行为轻微并已及时改正，没有造成危害后果')
    expect(text).toContain('依据《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项的规定，本机关决定：对你（单位）不予行政处罚。')
    expect(text).toContain(EDUCATION)
    expect(text).toContain('应当对当事人进行教育')
  })

  it('art. 33 ¶1 (first violation): cites the "可以不予" sentence of art. 33 ¶1 and educates', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art33_first_violation', { extra: { education: '已向当事人讲解建筑法有关施工许可的规定。' } })))
    expect(text).toContain('初次违法且危害后果轻微并及时改正的，可以不予行政处罚')
    expect(text).toContain('第三十三条第一款、第五十七条第一款第二项')
    expect(text).toContain('已向当事人讲解建筑法有关施工许可的规定。')
  })

  it('art. 33 ¶2 (no subjective fault): cites art. 33 ¶2 and educates', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art33_no_fault')))
    expect(text).toContain('依据《中华人民共和国行政处罚法》第三十三条第二款的规定')
    expect(text).toContain('有证据足以证明没有主观过错')
    expect(text).toContain(EDUCATION)
  })

  it('art. 30 (under fourteen): orders the guardian to discipline (责令监护人加以管教), no education paragraph', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art30_minor_age', { extra: { guardian: '张大山' } })))
    expect(text).toContain('依据《中华人民共和国行政处罚法》第三十条的规定')
    expect(text).toContain('对你不予行政处罚，并责令你的监护人张大山加以管教。')
    expect(text).not.toContain(EDUCATION)
    expect(text).not.toContain('第三十三条')
  })

  it('art. 31 (mental illness): orders the guardian to 严加看管和治疗, no education paragraph', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art31_mental_illness')))
    expect(text).toContain('依据《中华人民共和国行政处罚法》第三十一条的规定')
    expect(text).toContain('并责令你的监护人严加看管和治疗。')
    expect(text).not.toContain(EDUCATION)
  })

  it('art. 36 (limitation): 不再给予行政处罚, the two- and five-year periods and when they run', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('art36_limitation', { act: { date: '2023-05-02', endDate: '2023-09-30', place: null } })))
    expect(text).toContain('依据《中华人民共和国行政处罚法》第三十六条的规定，本机关决定：对你（单位）的上述行为不再给予行政处罚。')
    expect(text).toContain('违法行为在二年内未被发现的，不再给予行政处罚')
    expect(text).toContain('上述期限延长至五年')
    expect(text).toContain('发生于2023年5月2日，其连续或者继续状态于2023年9月30日终了')
    expect(text).not.toContain(EDUCATION)
  })

  it('art. 57 ¶1(3) (facts not established): no finding of a violation, no education', () => {
    const text = textOf(buildCaseDocument('no_penalty_decision', noPenaltyInput('facts_not_established', { facts: '经现场核查，涉案综合楼已于2026年7月取得施工许可证' })))
    expect(text).toContain('依据《中华人民共和国行政处罚法》第五十七条第一款第三项的规定，本机关决定：对你（单位）不予行政处罚。')
    expect(text).toContain('违法事实不能成立')
    expect(text).toContain('涉嫌未取得施工许可证擅自施工一案')
    expect(text).toContain('本机关调查收集了下列证据：')
    expect(text).not.toContain('经查明')
    expect(text).not.toContain('违反了')
    expect(text).not.toContain(EDUCATION)
  })

  it('prints the reason recorded with the ground, and the remedy and contact on every ground', () => {
    for (const ground of noPenaltyGrounds) {
      const doc = buildCaseDocument('no_penalty_decision', noPenaltyInput(ground, { outcome: { outcome: 'no_penalty', kinds: [], fineFen: 0, confiscateFen: 0, tier: null, ground, reason: '当事人已于当日拆除', conditions: [] } }))
      const text = textOf(doc)
      expect(text, ground).toContain('具体情况为：当事人已于当日拆除。')
      expect(text, ground).toContain('六十日内向禄丰市人民政府申请行政复议')
      expect(text, ground).toContain('本机关地址云南省楚雄彝族自治州禄丰市金山镇龙城路1号')
      expect(text, ground).not.toMatch(/[，、；][，、；。]/)
      expect(doc.closing).toEqual({ organ: '禄丰市住房和城乡建设局', date: '2026-11-20', sealed: true })
    }
  })
})

describe("the unit's address on the documents the party answers to", () => {
  const partyFacing = ['prior_notice', 'hearing_notice', 'penalty_decision', 'no_penalty_decision', 'payment_reminder'] as const

  it('prints the address, postal code and telephone on the 告知书, 听证通知书, 决定书 and 催告书', () => {
    for (const kind of partyFacing) {
      const input = kind === 'no_penalty_decision' ? noPenaltyInput('art33_minor') : sampleInput()
      const rows = contactRows(buildCaseDocument(kind, input))
      expect(rows, kind).toEqual({ 本机关地址: '云南省楚雄彝族自治州禄丰市金山镇龙城路1号', 邮政编码: '651200', 联系电话: '0878-4121234', 承办人: '王建、赵敏' })
    }
  })

  it('prints only the fields a unit has, never a dash for a missing one', () => {
    const phoneOnly = sampleInput({ organ: { name: '禄丰市住房和城乡建设局', address: null, postalCode: null, phone: '0878-4121234' } })
    expect(contactRows(buildCaseDocument('prior_notice', phoneOnly))).toEqual({ 联系电话: '0878-4121234', 承办人: '王建、赵敏' })
    const none = sampleInput({ organ: { name: '禄丰市住房和城乡建设局', address: null, postalCode: null, phone: null } })
    const text = textOf(buildCaseDocument('penalty_decision', none))
    expect(text).not.toContain('本机关地址')
    expect(text).not.toContain('本机关地址—')
    expect(contactRows(buildCaseDocument('penalty_decision', none))).toEqual({ 承办人: '王建、赵敏' })
  })
})

describe('no empty clauses', () => {
  it('tidyClauses removes the marks a missing clause leaves, and leaves whole sentences and numbers alone', () => {
    expect(tidyClauses('依据第七条的规定，，本机关决定：，罚款（）。')).toBe('依据第七条的规定，本机关决定：罚款。')
    expect(tidyClauses('甲、、乙，、丙；，丁，。')).toBe('甲、乙，丙；丁。')
    expect(tidyClauses('（，见附页）')).toBe('（见附页）')
    expect(tidyClauses('合同价款3,268,000.00元，已缴纳。')).toBe('合同价款3,268,000.00元，已缴纳。')
  })

  it('builds the reasons of a proposal from the parts present: no tier, no conditions, only a reason', () => {
    const outcome = { outcome: 'penalty' as const, kinds: ['fine' as const], fineFen: 100_000, confiscateFen: 0, tier: null, ground: null, reason: '当事人主动消除违法行为危害后果。', conditions: [] }
    const text = textOf(buildCaseDocument('prior_notice', sampleInput({ outcome })))
    expect(text).toContain('第十二条的规定，当事人主动消除违法行为危害后果，本机关拟对你（单位）作出如下行政处罚：')
    const bare = textOf(buildCaseDocument('penalty_decision', sampleInput({ outcome: { ...outcome, reason: null } })))
    expect(bare).toContain('第十二条的规定，本机关决定对你（单位）作出如下行政处罚：')
  })

  it('orders a correction "立即" once, or by the date set', () => {
    expect(textOf(buildCaseDocument('rectification_order', sampleInput()))).toContain('现责令你（单位）立即停止违法行为，并依法改正。')
    expect(textOf(buildCaseDocument('rectification_order', sampleInput({ extra: { correctBy: '2026-12-01' } })))).toContain('现责令你（单位）于2026年12月1日前停止违法行为，并依法改正。')
  })

  it('leaves no doubled or dangling separator in any document, with every optional field empty', () => {
    const sparse = sampleInput({
      organ: { name: '禄丰市住房和城乡建设局', address: null, postalCode: null, phone: null },
      caseNo: null,
      party: { kind: 'organization', name: '禄丰市鑫达建筑工程有限公司', idNumber: null, creditCode: null, legalRep: null, address: null, phone: null },
      act: { date: '2026-08-03', endDate: null, place: null },
      facts: null,
      evidence: [],
      outcome: { outcome: 'penalty', kinds: ['warning'], fineFen: 0, confiscateFen: 0, tier: null, ground: null, reason: null, conditions: [] },
      legalReview: null,
      hearing: null,
      lookup: null,
    })
    for (const kind of caseDocumentKinds) {
      const input = kind === 'no_penalty_decision' ? { ...sparse, outcome: { ...sparse.outcome!, outcome: 'no_penalty' as const, kinds: [], ground: 'art36_limitation' as const } } : sparse
      const text = textOf(buildCaseDocument(kind, input))
      expect(text, kind).not.toMatch(/[，、；：][，、；。]|（）|^[，、]/m)
    }
  })
})

function contactRows(doc: OfficialDocument): Record<string, string> {
  const block = doc.blocks.find((b) => b.type === 'fields' && b.rows.some((r) => r.label === '承办人'))
  if (block?.type !== 'fields') throw new Error('no contact block')
  return Object.fromEntries(block.rows.map((r) => [r.label, r.value]))
}

describe('issuing documents', () => {
  it('numbers decisions one after another per unit and year, and puts SHA-256(salt ‖ PDF) on the ledger', async () => {
    const a = await createDecidedCase(t)
    const b = await createDecidedCase(t)
    const [first] = await issue(t, 'zjj_head', a.caseId, ['penalty_decision'])
    const [second] = await issue(t, 'zjj_head', b.caseId, ['penalty_decision'])
    const seq = (n: string | null) => Number(/第(\d+)号$/.exec(n ?? '')?.[1])
    expect(first.number).toMatch(/^禄住建罚决字〔2026〕第\d+号$/)
    expect(seq(second.number)).toBe(seq(first.number) + 1)

    const row = await t.db.selectFrom('case_document').selectAll().where('id', '=', first.documentId).executeTakeFirstOrThrow()
    const res = await (await t.as('zjj_officer')).get(`/api/cases/${a.caseId}/documents/${first.documentId}/pdf`)
    expect(res.statusCode).toBe(200)
    const pdf = res.rawPayload
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.sha256)
    const leaf = await t.db
      .selectFrom('ledger_receipt as r')
      .innerJoin('ledger_leaf as l', 'l.id', 'r.leaf_id')
      .select(['l.leaf', 'r.salt'])
      .where('r.leaf_hash', '=', row.leaf_hash)
      .executeTakeFirstOrThrow()
    const fields = JSON.parse(leaf.leaf.toString('utf8'))
    expect(fields).toMatchObject({ act: 'case_document.issue', type: 'case_document', id: first.documentId })
    expect(Buffer.from(leaf.salt).equals(row.salt)).toBe(true)
    expect(fields.digest).toBe(createHash('sha256').update(row.salt).update(pdf).digest('hex'))
    // The QR code carries the verification id and the salt.
    expect(JSON.stringify(row.data)).toContain(`/verify?d=${row.verify_id}.${row.salt.toString('base64url')}`)
  })

  it('renders the stored document again to the same bytes', async () => {
    const c = await createDecidedCase(t)
    const [doc] = await issue(t, 'zjj_head', c.caseId, ['prior_notice'])
    const row = await t.db.selectFrom('case_document').select(['data', 'sha256']).where('id', '=', doc.documentId).executeTakeFirstOrThrow()
    const again = await renderStoredDocument(row.data)
    expect(createHash('sha256').update(again).digest('hex')).toBe(row.sha256)
  })

  it("dates a document by the act's legal date and prints what the act recorded (询问笔录 questions)", async () => {
    const c = await createDecidedCase(t)
    const [doc] = await issue(t, 'zjj_officer', c.caseId, ['inquiry_record'], {
      action: 'record_evidence',
      onDate: '2026-11-18',
      inquiry: { person: '李四', qa: [{ q: '是否取得施工许可证？', a: '没有。' }] },
    })
    const row = await t.db.selectFrom('case_document').select(['issued_on', 'data', 'for_party', 'number']).where('id', '=', doc.documentId).executeTakeFirstOrThrow()
    expect(row.issued_on).toBe('2026-11-18')
    expect(row.number).toBeNull()
    expect(row.for_party).toBe(false)
    const text = textOf(row.data as OfficialDocument)
    expect(text).toContain('问：是否取得施工许可证？答：没有。')
    expect(text).toContain('李四')
  })

  it('refuses to change an issued document', async () => {
    const c = await createDecidedCase(t)
    const [doc] = await issue(t, 'zjj_head', c.caseId, ['filing_approval_form'])
    await expect(t.db.updateTable('case_document').set({ title: '改过的' }).where('id', '=', doc.documentId).execute()).rejects.toThrow(/append-only/)
  })

  it('leaves no number used when the act rolls back', async () => {
    const c = await createDecidedCase(t)
    const ctx = await contextOf(t, 'zjj_head')
    const before = await t.db.selectFrom('doc_number_sequence').select('last_seq').where('kind_code', '=', '催字').executeTakeFirst()
    await expect(
      inTransaction(t.db, async (trx) => {
        await issueCaseDocuments(trx, ctx, c.caseId, ['payment_reminder'])
        throw new Error('the act failed')
      }),
    ).rejects.toThrow('the act failed')
    const after = await t.db.selectFrom('doc_number_sequence').select('last_seq').where('kind_code', '=', '催字').executeTakeFirst()
    expect(after?.last_seq).toBe(before?.last_seq)
  })

  it('prints every art. 59 element in the PDF of the 行政处罚决定书 (pdftotext)', async () => {
    const c = await createDecidedCase(t, { partyKind: 'person' })
    const [doc] = await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const res = await (await t.as('zjj_head')).get(`/api/cases/${c.caseId}/documents/${doc.documentId}/pdf`)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-doc-'))
    const file = path.join(dir, 'decision.pdf')
    fs.writeFileSync(file, res.rawPayload)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    fs.rmSync(dir, { recursive: true, force: true })
    for (const expected of [
      '行政处罚决定书',
      doc.number as string,
      '张三丰',
      '532331198507150014',
      '禄丰市金山镇龙城路18号',
      '违法事实和证据',
      '现场检查笔录',
      '行政处罚的种类和依据',
      '警告',
      '人民币伍万元整',
      '十五日内',
      '电子支付系统',
      '百分之三',
      '六十日内向禄丰市人民政府申请行政复议',
      '六个月内直接向禄丰市人民法院提起行政诉讼',
      '禄丰市住房和城乡建设局',
      '2026年11月20日',
      c.caseNo,
      '查询码',
    ]) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ''))
    }
  })

  it.runIf(!!process.env.TEST_DATABASE_URL)('numbers concurrent acts of one unit without a gap or a duplicate (two PostgreSQL connections)', async () => {
    // A second pool on the same database: two transactions really run at once.
    const { rows } = await (await import('kysely')).sql<{ db: string }>`select current_database() as db`.execute(t.db)
    const url = new URL(process.env.TEST_DATABASE_URL as string)
    url.pathname = `/${rows[0].db}`
    const other = await createDb({ databaseUrl: url.toString(), poolSize: 4 })
    try {
      const cases = await Promise.all([createDecidedCase(t), createDecidedCase(t), createDecidedCase(t), createDecidedCase(t)])
      const ctx = await contextOf(t, 'zjj_head')
      const issued = await Promise.all(
        cases.map((c, i) => inTransaction(i % 2 === 0 ? t.db : other.db, (trx) => issueCaseDocuments(trx, ctx, c.caseId, ['hearing_notice']))),
      )
      const numbers = issued.map(([d]) => Number(/第(\d+)号$/.exec(d.number ?? '')?.[1])).sort((x, y) => x - y)
      expect(new Set(numbers).size).toBe(4)
      expect(numbers[3] - numbers[0]).toBe(3)
    } finally {
      await other.close()
    }
  })
})

describe("the demo's 不予行政处罚决定书 (pdftotext)", () => {
  const cited: Partial<Record<NoPenaltyGround, string>> = {
    art33_first_violation: '依据《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项的规定',
    art33_minor: '依据《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项的规定',
    art33_no_fault: '依据《中华人民共和国行政处罚法》第三十三条第二款的规定',
    facts_not_established: '依据《中华人民共和国行政处罚法》第五十七条第一款第三项的规定',
  }

  it("cite the article of each case's ground, educate only on art. 33 grounds, and print the unit's address", async () => {
    const rows = await t.db
      .selectFrom('case_document as d')
      .innerJoin('penalty_case as c', 'c.id', 'd.case_id')
      .innerJoin('org as o', 'o.id', 'c.org_id')
      .select(['d.data', 'c.decision', 'o.address', 'o.postal_code', 'o.contact_phone'])
      .where('d.kind', '=', 'no_penalty_decision')
      .execute()
    const byGround = new Map<string, (typeof rows)[number]>()
    for (const row of rows) byGround.set((row.decision as { ground: string }).ground, row)
    expect([...byGround.keys()].sort()).toEqual(Object.keys(cited).sort())
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-demo-doc-'))
    try {
      for (const [ground, row] of byGround) {
        const file = path.join(dir, `${ground}.pdf`)
        fs.writeFileSync(file, await renderStoredDocument(row.data))
        // Page numbers (第1页　共2页) left out: a sentence may run on over a page break.
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
          .replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '')
          .replace(/\s+/g, '')
        expect(text, ground).toContain(cited[ground as NoPenaltyGround])
        expect(text.includes('第三十三条第三款'), ground).toBe(ground.startsWith('art33_'))
        expect(text, ground).toContain(`本机关地址${row.address}`)
        expect(text, ground).toContain(`邮政编码${row.postal_code}`)
        expect(text, ground).toContain(`联系电话${row.contact_phone}`)
        expect(text, ground).not.toMatch(/[，、；][，、；。]/)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the documents of a case', () => {
  it('lists them for the unit and its supervisors, not outside the scope', async () => {
    const c = await createDecidedCase(t)
    await issue(t, 'zjj_head', c.caseId, ['prior_notice', 'penalty_decision'])
    const res = await (await t.as('zjj_officer')).get(`/api/cases/${c.caseId}/documents`)
    expect(res.statusCode).toBe(200)
    const items = res.json().items as Array<{ kind: CaseDocumentKind; forParty: boolean; pdfUrl: string; actions: string[] }>
    expect(items.map((i) => i.kind)).toEqual(['prior_notice', 'penalty_decision'])
    expect(items.every((i) => i.forParty && i.actions.includes('download'))).toBe(true)
    expect((await (await t.as('sfj')).get(`/api/cases/${c.caseId}/documents`)).statusCode).toBe(200)
    expect((await (await t.as('md_sfj')).get(`/api/cases/${c.caseId}/documents`)).statusCode).toBe(404)
    expect((await (await t.as('js_head')).get(`/api/cases/${c.caseId}/documents/${(res.json().items[0] as { id: string }).id}/pdf`)).statusCode).toBe(404)
    expect((await t.anonymous.get(`/api/cases/${c.caseId}/documents`)).statusCode).toBe(401)
  })

  it('downloads as application/pdf named by its Chinese title and number', async () => {
    const c = await createDecidedCase(t)
    const [doc] = await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const res = await (await t.as('zjj_officer')).get(`/api/cases/${c.caseId}/documents/${doc.documentId}/pdf`)
    expect(res.headers['content-type']).toBe('application/pdf')
    // A stored file: never sniffed into something else, and sandboxed should a browser render it.
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox")
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="document\.pdf"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(`行政处罚决定书（${doc.number}）.pdf`)
  })
})

describe('public verification of a document', () => {
  it('shows the public facts and the ledger leaf, never the party or the salt', async () => {
    const c = await createDecidedCase(t, { partyKind: 'person' })
    const [doc] = await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const row = await t.db.selectFrom('case_document').select(['verify_id', 'salt', 'leaf_hash', 'sha256']).where('id', '=', doc.documentId).executeTakeFirstOrThrow()
    const pending = await t.anonymous.get(`/api/public/documents/${row.verify_id}`)
    expect(pending.statusCode).toBe(200)
    expect(pending.json()).toMatchObject({ kind: 'penalty_decision', title: '行政处罚决定书', number: doc.number, organ: '禄丰市住房和城乡建设局', issuedOn: '2026-11-20', leafHash: row.leaf_hash.toString('hex') })
    expect(pending.json().ledger.status).toBe('pending')
    for (const secret of ['张三丰', '532331198507150014', row.salt.toString('hex'), row.salt.toString('base64url'), row.sha256]) expect(pending.body).not.toContain(secret)

    while ((await integrateOnce(t.db)).integrated > 0);
    await signOnce(t.db, t.ledger)
    const integrated = (await t.anonymous.get(`/api/public/documents/${row.verify_id}`)).json()
    expect(integrated.ledger).toMatchObject({ status: 'integrated', inPublishedCheckpoint: true })
    expect(JSON.parse(integrated.leaf)).toMatchObject({ act: 'case_document.issue', id: doc.documentId })
    expect((await t.anonymous.get('/api/public/documents/abcdefghijklmnop')).statusCode).toBe(404)
    expect((await t.anonymous.get('/api/public/documents/not-an-id')).statusCode).toBe(400)
  })
})

describe("the party's own lookup", () => {
  it('shows the status, deadlines and the documents delivered to the party with the printed code', async () => {
    const c = await createDecidedCase(t)
    await issue(t, 'zjj_head', c.caseId, ['legal_review_opinion', 'penalty_decision', 'payment_reminder'])
    const docs = await t.db.selectFrom('case_document').select(['kind', 'data', 'for_party']).where('case_id', '=', c.caseId).execute()
    const printed = docs.filter((d) => d.for_party).map((d) => /"查询码","value":"([0-9A-Z]{8})"/.exec(JSON.stringify(d.data))?.[1])
    expect(printed).toHaveLength(2)
    expect(printed[0]).toBe(printed[1]) // one code per case
    expect(JSON.stringify(docs.find((d) => d.kind === 'legal_review_opinion')?.data)).not.toContain('查询码')
    const stored = await t.db.selectFrom('penalty_case').select('lookup_code_hash').where('id', '=', c.caseId).executeTakeFirstOrThrow()
    expect(stored.lookup_code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.lookup_code_hash).not.toContain(printed[0] as string)

    const code = (printed[0] as string).toLowerCase().replace(/(.{4})/, '$1-') // typed loosely
    const res = await t.anonymous.post('/api/public/case-lookup', { caseNo: c.caseNo, code }, { 'x-forwarded-for': '10.0.0.1' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ caseNo: c.caseNo, status: 'decided', statusLabel: '已决定待送达', organ: '禄丰市住房和城乡建设局' })
    expect(body.documents.map((d: { kind: string }) => d.kind)).toEqual(['penalty_decision', 'payment_reminder'])

    const pdf = await t.anonymous.post(`/api/public/case-lookup/documents/${body.documents[0].id}`, { caseNo: c.caseNo, code })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const wrongCode = await t.anonymous.post(`/api/public/case-lookup/documents/${body.documents[0].id}`, { caseNo: c.caseNo, code: 'AAAAAAAA' })
    expect(wrongCode.statusCode).toBe(404)
  })

  it('answers a wrong code and an unknown case alike, and limits failures per address', async () => {
    const c = await createDecidedCase(t)
    await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const data = (await t.db.selectFrom('case_document').select('data').where('case_id', '=', c.caseId).executeTakeFirstOrThrow()).data
    const code = /"查询码","value":"([0-9A-Z]{8})"/.exec(JSON.stringify(data))?.[1] as string

    // A fresh clock window, so earlier tests' failures do not count.
    t.clock.now = new Date(t.clock.now.getTime() + 60 * 60_000)
    try {
      const wrong = await t.anonymous.post('/api/public/case-lookup', { caseNo: c.caseNo, code: 'ZZZZZZZZ' })
      const unknown = await t.anonymous.post('/api/public/case-lookup', { caseNo: '禄住建立〔2026〕999999号', code })
      expect(wrong.statusCode).toBe(404)
      expect(unknown.statusCode).toBe(404)
      expect(wrong.json().message).toBe(unknown.json().message)
      expect(wrong.json().message).toContain('案件编号或查询码不正确')
      for (let i = 2; i < MAX_LOOKUP_FAILURES; i++) await t.anonymous.post('/api/public/case-lookup', { caseNo: c.caseNo, code: `WRONG${i}` })
      const limited = await t.anonymous.post('/api/public/case-lookup', { caseNo: c.caseNo, code })
      expect(limited.statusCode).toBe(429)
      expect(limited.json().code).toBe('RATE_LIMITED')
      // After the window the right code works again.
      t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000)
      expect((await t.anonymous.post('/api/public/case-lookup', { caseNo: c.caseNo, code })).statusCode).toBe(200)
    } finally {
      t.clock.now = new Date('2026-11-20T10:00:00+08:00')
    }
  })

  it('lets no more guesses through than the limit when they arrive all at once', async () => {
    const c = await createDecidedCase(t)
    t.clock.now = new Date(t.clock.now.getTime() + 3 * 60 * 60_000)
    try {
      const burst = await Promise.all(
        Array.from({ length: MAX_LOOKUP_FAILURES + 15 }, (_, i) =>
          t.app.inject({ method: 'POST', url: '/api/public/case-lookup', payload: { caseNo: c.caseNo, code: `BURST${i}` }, remoteAddress: '10.9.8.7' }),
        )
      )
      // On PostgreSQL many may be recorded before any is counted, and then all are refused: the
      // limit errs towards refusing. What must never happen is more guesses checked than allowed.
      const checked = burst.filter((r) => r.statusCode === 404).length
      expect(checked).toBeLessThanOrEqual(MAX_LOOKUP_FAILURES)
      expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(MAX_LOOKUP_FAILURES + 15 - checked)
    } finally {
      t.clock.now = new Date('2026-11-20T10:00:00+08:00')
    }
  })
})
