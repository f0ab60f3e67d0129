import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateUscc } from '@yangguang/core'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import type { ActivationCodeMessage } from '../../platform/notify/notifier'
import { DEMO_ENTERPRISE } from '../inspections/inspections.demo'
import { demoQrToken } from './enterprise-tokens'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8')
const upload = (cookie: string | null, body: Buffer, type: string, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/enterprises/import${query}`, payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } })
/** The text of a PDF as a reader's tool extracts it (pdftotext), without the layout's whitespace. */
function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-enterprise-'))
  try {
    const file = path.join(dir, 'letter.pdf')
    fs.writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The activation code printed on a 激活码密封函 (10 characters without look-alikes, after its label). */
function codeInLetter(res: LightMyRequestResponse): string {
  expect(res.headers['content-type']).toBe('application/pdf')
  const match = /激活码([A-HJ-NP-Z2-9]{10})/.exec(pdfText(res.rawPayload))
  if (!match) throw new Error('no activation code in the letter')
  return match[1]!
}

const count = async () => Number((await t.db.selectFrom('enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('enterprises (市场主体)', () => {
  it('registers an enterprise whose credit code passes the GB 32100 check, and refuses a wrong check character', async () => {
    const officer = await t.as('zjj_officer')
    const code = generateUscc({ serial: 77_000_001 })
    const res = await officer.post('/api/enterprises', { creditCode: code.toLowerCase(), name: '禄丰测试建材有限公司', kind: 'enterprise', townshipCode: '532331100' })
    expect(res.statusCode).toBe(201)
    expect(res.json().enterprise).toMatchObject({ creditCode: code, townshipName: '金山镇', hasQr: false, kindLabel: '企业' })
    const wrong = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`
    const bad = await officer.post('/api/enterprises', { creditCode: wrong, name: '错误代码', kind: 'enterprise' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('校验位不正确')
    const dup = await officer.post('/api/enterprises', { creditCode: code, name: '重复', kind: 'enterprise' })
    expect(dup.statusCode).toBe(409)
    const found = await officer.get(`/api/enterprises?q=${encodeURIComponent('测试建材')}`)
    expect(found.json().items.map((e: { creditCode: string }) => e.creditCode)).toEqual([code])
  })

  it('imports a CSV all or nothing, reports every bad row, and is idempotent by credit code', async () => {
    const head = await t.as('zjj_head')
    const before = await count()
    const good1 = generateUscc({ serial: 77_100_001 })
    const good2 = generateUscc({ serial: 77_100_002, categoryCode: '2' })
    const broken = csv([
      '统一社会信用代码,名称,乡镇,行业,联系电话',
      `${good1},禄丰导入甲有限公司,金山镇,建筑业,13800000000`,
      `${good1.slice(0, 17)}X,坏代码,金山镇,建筑业,`,
      `${good2},禄丰导入乙商店,不存在镇,批发和零售业,`,
      `${good1},重复行,金山镇,建筑业,`,
    ])
    const refused = await upload(head.cookie, broken, 'text/csv')
    expect(refused.statusCode).toBe(400)
    const errors = refused.json().details.errors as Array<{ row: number; column: string }>
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '乡镇'],
      [5, '统一社会信用代码'],
    ])
    expect(await count()).toBe(before)

    const fine = csv(['统一社会信用代码,名称,乡镇,行业', `${good1},禄丰导入甲有限公司,金山镇,建筑业`, `${good2},禄丰导入乙商店,广通镇,批发和零售业`])
    const first = await upload(head.cookie, fine, 'text/csv; charset=utf-8')
    expect(first.json()).toMatchObject({ total: 2, created: 2, updated: 0, unchanged: 0 })
    const again = await upload(head.cookie, fine, 'text/csv')
    expect(again.json()).toMatchObject({ total: 2, created: 0, updated: 0, unchanged: 2 })
    expect(await count()).toBe(before + 2)
    const individual = await head.get(`/api/enterprises?q=${good2}`)
    expect(individual.json().items[0]).toMatchObject({ kind: 'individual', townshipName: '广通镇' })
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'enterprise.import').execute()
    expect(audit).toHaveLength(2)
    // Each imported record got its own ledger leaf, in the import's transaction.
    const imported = await t.db.selectFrom('enterprise').select('id').where('credit_code', 'in', [good1, good2]).execute()
    const leaves = await t.db.selectFrom('ledger_receipt').select('record_id').where('record_type', '=', 'enterprise').where('record_id', 'in', imported.map((e) => e.id)).execute()
    expect(leaves.map((l) => l.record_id).sort()).toEqual(imported.map((e) => e.id).sort())
  })

  it('imports an XLSX workbook and updates a changed row', async () => {
    const head = await t.as('zjj_head')
    const code = generateUscc({ serial: 77_100_001 })
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('市场主体')
    sheet.addRow(['统一社会信用代码', '名称', '类别', '乡镇', '行业'])
    sheet.addRow([code, '禄丰导入甲有限公司（更名）', '企业', '532331100', '建筑业'])
    sheet.addRow([generateUscc({ serial: 77_100_003 }), '禄丰导入丙合伙', '个人合伙', '碧城镇', '制造业'])
    const file = Buffer.from(await workbook.xlsx.writeBuffer())
    const res = await upload(head.cookie, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ created: 1, updated: 1, unchanged: 0 })
    const officer = await t.as('zjj_officer')
    expect((await upload(officer.cookie, file, 'text/csv')).statusCode).toBe(403)
  })

  it('re-issues a QR token: the new link scans, the old one stops working, and only a hash is stored', async () => {
    const officer = await t.as('zjj_officer')
    const e = await t.db.selectFrom('enterprise').select(['id', 'qr_token_hash']).where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    const oldToken = demoQrToken(DEMO_ENTERPRISE.creditCode)
    expect((await officer.get(`/api/m/scan/${oldToken}`)).statusCode).toBe(200)
    const res = await officer.post(`/api/enterprises/${e.id}/qr-token`)
    expect(res.statusCode).toBe(200)
    const { token, url, svg, version } = res.json()
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(url).toBe(`http://localhost:3000/m/scan/${token}`)
    expect(svg).toContain('<svg')
    expect(version).toBe(2)
    const stored = await t.db.selectFrom('enterprise').select('qr_token_hash').where('id', '=', e.id).executeTakeFirstOrThrow()
    expect(stored.qr_token_hash).not.toContain(token)
    expect(stored.qr_token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await officer.get(`/api/m/scan/${oldToken}`)).statusCode).toBe(404)
    const scanned = await officer.get(`/api/m/scan/${token}`)
    expect(scanned.json().enterprise.name).toBe(DEMO_ENTERPRISE.name)
  })

  it('activates an enterprise account with a one-time, expiring code bound to the credit code', async () => {
    const head = await t.as('zjj_head')
    const e = await t.db.selectFrom('enterprise').select(['id', 'credit_code']).where('credit_code', '=', generateUscc({ serial: 77_100_002, categoryCode: '2' })).executeTakeFirstOrThrow()
    const officer = await t.as('zjj_officer')
    expect((await officer.post(`/api/enterprises/${e.id}/activation-codes`)).statusCode).toBe(403)
    const issued = await head.post(`/api/enterprises/${e.id}/activation-codes`)
    expect(issued.statusCode).toBe(201)
    const code = codeInLetter(issued)
    const stored = await t.db.selectFrom('enterprise_activation').select('code_hash').where('enterprise_id', '=', e.id).executeTakeFirstOrThrow()
    expect(stored.code_hash).not.toBe(code)
    const body = { creditCode: e.credit_code, code, username: 'daoru_yi', displayName: '导入乙商店', password: 'Shop#2026ab' }
    const wrongCompany = await t.anonymous.post('/api/enterprise-accounts/activate', { ...body, creditCode: DEMO_ENTERPRISE.creditCode })
    expect(wrongCompany.statusCode).toBe(401)
    const ok = await t.anonymous.post('/api/enterprise-accounts/activate', body)
    expect(ok.statusCode).toBe(201)
    const me = await (await t.as('daoru_yi', 'Shop#2026ab')).get('/api/auth/me')
    expect(me.json().user.role).toBe('enterprise')
    const reused = await t.anonymous.post('/api/enterprise-accounts/activate', { ...body, username: 'daoru_yi2' })
    expect(reused.statusCode).toBe(401)
    const late = codeInLetter(await head.post(`/api/enterprises/${e.id}/activation-codes`))
    t.clock.now = new Date(t.clock.now.getTime() + 8 * 86_400_000)
    const expired = await t.anonymous.post('/api/enterprise-accounts/activate', { ...body, code: late, username: 'daoru_yi3' })
    expect(expired.statusCode).toBe(401)
    t.clock.now = new Date('2026-11-20T10:00:00+08:00')
  })

  describe('jurisdiction: the registering unit and the county bureau keep an enterprise', () => {
    const demo = () => t.db.selectFrom('enterprise').select(['id', 'contact_phone']).where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()

    it('another county sees none of 禄丰’s enterprises: not in its list, and 404 on read, edit, poster and activation code', async () => {
      const md = await t.as('md_sfj')
      const e = await demo()
      const list = await md.get('/api/enterprises?pageSize=100')
      expect(list.statusCode).toBe(200)
      expect(list.json().total).toBe(0)
      expect((await md.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404)
      expect((await md.patch(`/api/enterprises/${e.id}`, { contactPhone: '13900000000' })).statusCode).toBe(404)
      expect((await md.post(`/api/enterprises/${e.id}/qr-token`)).statusCode).toBe(404)
      expect((await md.post(`/api/enterprises/${e.id}/activation-codes`)).statusCode).toBe(404)
      const after = await t.db.selectFrom('enterprise').select(['contact_phone', 'qr_version']).where('id', '=', e.id).executeTakeFirstOrThrow()
      expect(after.contact_phone).toBe(e.contact_phone)
      expect(await t.db.selectFrom('enterprise_activation').select('id').where('enterprise_id', '=', e.id).execute()).toHaveLength(0)
      // Nor can it register an enterprise into a township of 禄丰.
      const into = await md.post('/api/enterprises', { creditCode: generateUscc({ serial: 77_200_001 }), name: '牟定越界登记有限公司', kind: 'enterprise', townshipCode: '532331100' })
      expect(into.statusCode).toBe(400)
    })

    it('a unit head of another unit of the county reads the enterprise without its contact data and may not edit, re-issue its poster or issue a code', async () => {
      const other = await t.as('lf_zrzy_head')
      const e = await demo()
      const read = await other.get(`/api/enterprises/${e.id}`)
      expect(read.statusCode).toBe(200)
      expect(read.json().enterprise).toMatchObject({ name: DEMO_ENTERPRISE.name, contactName: null, contactPhone: null, contactVisible: false, actions: [] })
      const listed = (await other.get(`/api/enterprises?q=${encodeURIComponent('恒通建材')}`)).json().items as Array<{ contactPhone: string | null }>
      expect(listed.length).toBeGreaterThan(0)
      expect(listed.every((i) => i.contactPhone === null)).toBe(true)
      expect((await other.patch(`/api/enterprises/${e.id}`, { contactPhone: '13900000000' })).statusCode).toBe(403)
      expect((await other.post(`/api/enterprises/${e.id}/qr-token`)).statusCode).toBe(403)
      expect((await other.post(`/api/enterprises/${e.id}/activation-codes`)).statusCode).toBe(403)
      expect((await t.db.selectFrom('enterprise').select('contact_phone').where('id', '=', e.id).executeTakeFirstOrThrow()).contact_phone).toBe(e.contact_phone)
      // An import cannot reach it either, not even to hear that a guessed phone is "unchanged".
      const file = Buffer.from(`统一社会信用代码,名称,乡镇,联系电话\n${DEMO_ENTERPRISE.creditCode},${DEMO_ENTERPRISE.name},金山镇,${e.contact_phone}\n`, 'utf8')
      const imported = await upload(other.cookie, file, 'text/csv', '?dryRun=true')
      expect(imported.statusCode).toBe(400)
      expect(imported.json().details.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' })
    })

    it('the registering unit and the county bureau see the contact data and issue the code — in a sealed letter, never in JSON', async () => {
      const e = await demo()
      for (const username of ['zjj_head', 'sfj']) {
        const keeper = await t.as(username)
        const read = (await keeper.get(`/api/enterprises/${e.id}`)).json().enterprise
        expect(read).toMatchObject({ contactPhone: e.contact_phone, contactVisible: true })
        expect(read.actions).toContain('issue_activation')
        const issued = await keeper.post(`/api/enterprises/${e.id}/activation-codes`)
        expect(issued.statusCode).toBe(201)
        const code = codeInLetter(issued)
        expect(pdfText(issued.rawPayload)).toContain(DEMO_ENTERPRISE.name)
        expect(pdfText(issued.rawPayload)).toContain('企业账号激活码密封函')
        const stored = await t.db.selectFrom('enterprise_activation').select('code_hash').where('enterprise_id', '=', e.id).execute()
        expect(stored.some((s) => s.code_hash === code)).toBe(false)
      }
      const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'enterprise.activation_issue').where('entity_id', '=', e.id).execute()
      expect(audit).toHaveLength(2)
      expect(audit[0]!.summary).toContain('密封函')
    })

    it('with a sender configured, the code goes to the registered contact and the JSON answer carries no code', async () => {
      const e = await demo()
      const sent: ActivationCodeMessage[] = []
      t.app.deps.notifier = {
        channelLabel: '短信',
        sendActivationCode: async (message) => {
          sent.push(message)
          return { maskedRecipient: '138****1234' }
        },
      }
      try {
        const head = await t.as('zjj_head')
        const res = await head.post(`/api/enterprises/${e.id}/activation-codes`)
        expect(res.statusCode).toBe(201)
        expect(res.json()).toMatchObject({ delivery: 'notified', channelLabel: '短信', maskedRecipient: '138****1234' })
        expect(sent).toHaveLength(1)
        expect(sent[0]!.contactPhone).toBe(e.contact_phone)
        expect(res.body).not.toContain(sent[0]!.code)
      } finally {
        t.app.deps.notifier = undefined
      }
    })
  })
})
