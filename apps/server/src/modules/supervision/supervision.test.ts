import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { runDueJobs } from '../../platform/jobs/job-runner'
import { escalateOverdueTasks } from './supervision.jobs'

let t: TestApp
let zjjId: string
let jsId: string

beforeAll(async () => {
  t = await createTestApp()
  const orgs = await t.db.selectFrom('org').select(['id', 'name']).where('name', 'in', ['禄丰市住房和城乡建设局', '禄丰市金山镇人民政府']).execute()
  zjjId = orgs.find((o) => o.name === '禄丰市住房和城乡建设局')!.id
  jsId = orgs.find((o) => o.name === '禄丰市金山镇人民政府')!.id
})
afterAll(() => t.close())

const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`)

/** The text of a PDF as a reader's tool extracts it (pdftotext), without the layout's whitespace. */
function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-supervision-'))
  try {
    const file = path.join(dir, 'document.pdf')
    fs.writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

type Detail = {
  document: { id: string; number: string | null; status: string; actions: string[] }
  recipients: Array<{ orgId: string; readAt: string | null; deliveredOn: string | null }>
  tasks: Array<{ id: string; dueOn: string; dueProvisional: boolean; status: string; actions: string[]; orgId: string }>
}

function draftBody(orgIds: string[], typeCode: string, problem = '行政处罚决定书未载明履行方式和期限') {
  return {
    typeCode,
    subject: '案卷评查发现的个性问题',
    source: { kind: 'review_finding', ref: 'sheet-1', snapshot: '2026年第5期评查：扣分项 4.2' },
    recipientOrgIds: orgIds,
    findings: [{ problem, legalBasis: '《中华人民共和国行政处罚法》第五十九条', measure: '补正文书格式，组织执法人员学习第五十九条' }],
    issueNow: true,
  }
}

async function issueAs(username: string, orgIds: string[], typeCode = 'opinion', problem?: string): Promise<Detail> {
  const res = await (await t.as(username)).post('/api/supervision/documents', draftBody(orgIds, typeCode, problem))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Detail
}

async function issueOpinion(orgIds: string[], typeCode = 'opinion', problem?: string): Promise<Detail> {
  return issueAs('sfj', orgIds, typeCode, problem)
}

type DocType = { id: string; code: string; regionCode: string | null; regionName: string | null; name: string; binding: boolean; responseDays: number; responseUnit: string; escalatesTo: string; numberCode: string; template: unknown; actions: string[] }

describe('demo data', () => {
  it('has the article’s 2025: 4 建议书, 2 意见书, 2 提醒函 to more than 20 units, every 2025 task closed', async () => {
    const docs = await t.db.selectFrom('supervision_document').select(['id', 'type_code', 'number']).where('issued_on', '>=', '2025-01-01').where('issued_on', '<=', '2025-12-31').execute()
    const count = (code: string) => docs.filter((d) => d.type_code === code).length
    expect([count('suggestion'), count('opinion'), count('reminder')]).toEqual([4, 2, 2])
    expect(docs.filter((d) => d.type_code === 'suggestion').map((d) => d.number).sort()).toEqual(['禄司监建〔2025〕第1号', '禄司监建〔2025〕第2号', '禄司监建〔2025〕第3号', '禄司监建〔2025〕第4号'])
    const units = await t.db.selectFrom('supervision_recipient').select('org_id').distinct().where('document_id', 'in', docs.map((d) => d.id)).execute()
    expect(units.length).toBeGreaterThan(20)
    const tasks = await t.db.selectFrom('rectification_task').select('status').where('document_id', 'in', docs.map((d) => d.id)).execute()
    expect(tasks.length).toBeGreaterThan(20)
    expect(tasks.every((k) => k.status === 'closed')).toBe(true)
    const open2026 = await t.db.selectFrom('rectification_task').select('status').where('status', '!=', 'closed').execute()
    expect(open2026.length).toBeGreaterThan(0)
  })
})

describe('issuing supervision documents', () => {
  it('numbers documents of a type one after another per year and renders a downloadable PDF', async () => {
    t.clock.now = at('2026-11-20')
    const first = await issueOpinion([zjjId])
    const second = await issueOpinion([zjjId])
    const seq = (n: string | null) => Number(/第(\d+)号$/.exec(n ?? '')?.[1])
    expect(first.document.number).toMatch(/^禄司监意〔2026〕第\d+号$/)
    expect(seq(second.document.number)).toBe(seq(first.document.number) + 1)
    expect(first.document.status).toBe('issued')
    expect(first.recipients).toEqual([expect.objectContaining({ orgId: zjjId, deliveredOn: '2026-11-20', readAt: null })])
    const pdf = await (await t.as('zjj_head')).get(`/api/supervision/documents/${first.document.id}/pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const leaf = await t.db.selectFrom('supervision_document').select(['leaf_hash', 'sha256', 'verify_id']).where('id', '=', first.document.id).executeTakeFirstOrThrow()
    expect(leaf.leaf_hash).not.toBeNull()
    expect(leaf.verify_id).toHaveLength(16)
    // Its QR code opens the public verification page, which finds it like a case document.
    const verified = await t.anonymous.get(`/api/public/documents/${leaf.verify_id}`)
    expect(verified.statusCode).toBe(200)
    expect(verified.json()).toMatchObject({ kind: 'supervision_document', kindLabel: '执法监督文书', number: first.document.number, leafHash: leaf.leaf_hash!.toString('hex') })
  })

  it('counts the deadline on working days across 国庆 2026, and flags a deadline in a year without holiday data', async () => {
    t.clock.now = at('2026-09-30')
    const before = await issueOpinion([zjjId])
    // 15 working days from 2026-09-30 skip 10-01…10-07; without the holiday it would be 10-21.
    expect(before.tasks[0]).toMatchObject({ dueOn: '2026-10-27', dueProvisional: false })
    t.clock.now = at('2026-12-21')
    const late = await issueOpinion([zjjId])
    expect(late.tasks[0]!.dueProvisional).toBe(true)
  })

  it('refuses units outside the jurisdiction and non-supervisors', async () => {
    t.clock.now = at('2026-11-20')
    const md = await t.as('md_sfj')
    const res = await md.post('/api/supervision/documents', {
      typeCode: 'opinion',
      subject: 'x',
      source: { kind: 'daily_supervision' },
      recipientOrgIds: [zjjId],
      findings: [{ problem: 'p', legalBasis: 'b', measure: 'm' }],
    })
    expect(res.statusCode).toBe(400)
    const head = await t.as('zjj_head')
    expect((await head.post('/api/supervision/documents', { typeCode: 'opinion', subject: 'x', source: { kind: 'daily_supervision' }, recipientOrgIds: [zjjId], findings: [{ problem: 'p', legalBasis: 'b', measure: 'm' }] })).statusCode).toBe(403)
  })
})

describe('delivery, read receipt and isolation', () => {
  it('records the unit head’s first reading once, audited; the legal reviewer’s opening does not count', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId])
    const legal = await t.as('zjj_legal')
    expect((await legal.get(`/api/supervision/documents/${doc.document.id}`)).json().recipients[0].readAt).toBeNull()
    const head = await t.as('zjj_head')
    const todos = (await head.get('/api/todos')).json() as { items: Array<{ link: string }> }
    expect(todos.items.some((i) => i.link === `/supervision/documents/${doc.document.id}`)).toBe(true)
    t.clock.now = new Date('2026-11-20T10:10:00+08:00')
    const firstRead = (await head.get(`/api/supervision/documents/${doc.document.id}`)).json().recipients[0].readAt
    expect(firstRead).toBe('2026-11-20T02:10:00.000Z')
    t.clock.now = new Date('2026-11-20T10:20:00+08:00')
    expect((await head.get(`/api/supervision/documents/${doc.document.id}`)).json().recipients[0].readAt).toBe(firstRead)
    const audits = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'supervision_document.read').where('entity_id', '=', doc.document.id).execute()
    expect(audits).toHaveLength(1)
    const sup = (await (await t.as('sfj')).get(`/api/supervision/documents/${doc.document.id}`)).json()
    expect(sup.recipients[0].readByName).toContain('王建国')
  })

  it('shows a unit only what is addressed to it; other units and counties get 404, roles that receive no documents 403', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId])
    const taskId = doc.tasks[0]!.id
    // An officer and a volunteer are refused by role (documents go to a unit's head and legal reviewer).
    for (const [user, status] of [['js_head', 404], ['md_sfj', 404], ['zjj_officer', 403], ['volunteer', 403]] as const) {
      const c = await t.as(user)
      expect((await c.get(`/api/supervision/documents/${doc.document.id}`)).statusCode, user).toBe(status)
      expect((await c.get(`/api/supervision/documents/${doc.document.id}/pdf`)).statusCode, user).toBe(status)
      expect((await c.get(`/api/supervision/tasks/${taskId}`)).statusCode, user).toBe(status)
      expect((await c.post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已整改' })).statusCode, user).toBe(user === 'md_sfj' ? 403 : status)
    }
    const js = await t.as('js_head')
    const list = (await js.get('/api/supervision/documents?pageSize=200')).json() as { items: Array<{ id: string }> }
    expect(list.items.some((d) => d.id === doc.document.id)).toBe(false)
    const tasks = (await js.get('/api/supervision/tasks?pageSize=500')).json() as { items: Array<{ orgId: string }> }
    expect(tasks.items.every((k) => k.orgId === jsId)).toBe(true)
    // The unit cannot verify its own answer: accepting is the bureau's, refused by role.
    const head = await t.as('zjj_head')
    await head.post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已整改' })
    expect((await head.post(`/api/supervision/tasks/${taskId}/accept`, {})).statusCode).toBe(403)
  })
})

describe('rectification', () => {
  it('goes respond → accept → closed, with evidence stored and every step on the timeline', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId])
    const taskId = doc.tasks[0]!.id
    const head = await t.as('zjj_head')
    expect(doc.tasks[0]!.actions).toEqual([])
    // Evidence is judged by its content: a web page called .pdf is refused (415) and the task stays open.
    const page = Buffer.from('<!doctype html><script>alert(document.cookie)</script>').toString('base64')
    const refused = await head.post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已补正文书并组织学习', evidence: [{ name: '整改报告.pdf', contentBase64: page }] })
    expect(refused.statusCode).toBe(415)
    expect(refused.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { field: 'evidence', name: '整改报告.pdf' } })
    expect((await t.db.selectFrom('rectification_task').select('status').where('id', '=', taskId).executeTakeFirstOrThrow()).status).toBe('open')
    const evidence = Buffer.from('%PDF-1.4\n整改报告：已补正 3 份决定书').toString('base64')
    const responded = await head.post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已补正文书并组织学习', evidence: [{ name: '整改报告.pdf', contentBase64: evidence }] })
    expect(responded.statusCode, responded.body).toBe(200)
    expect(responded.json().task.status).toBe('responded')
    const file = responded.json().events.at(-1).data.evidence[0] as { sha256: string; mediaType: string }
    expect(file.mediaType).toBe('application/pdf')
    const upload = await t.db.selectFrom('upload').select(['kind', 'media_type', 'linked_at']).where('sha256', '=', file.sha256).executeTakeFirstOrThrow()
    expect(upload).toMatchObject({ kind: 'evidence', media_type: 'application/pdf' })
    expect(upload.linked_at).not.toBeNull()
    const download = await head.get(`/api/supervision/tasks/${taskId}/evidence/${file.sha256}`)
    expect(download.rawPayload.toString()).toBe('%PDF-1.4\n整改报告：已补正 3 份决定书')
    expect(download.headers['content-type']).toContain('application/pdf')
    const sfj = await t.as('sfj')
    expect((await sfj.get(`/api/supervision/tasks/${taskId}`)).json().task.actions).toEqual(['accept', 'return'])
    const accepted = await sfj.post(`/api/supervision/tasks/${taskId}/accept`, { note: '整改到位' })
    expect(accepted.json().task.status).toBe('closed')
    expect(accepted.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'respond', 'accept'])
    expect((await sfj.post(`/api/supervision/tasks/${taskId}/accept`, {})).statusCode).toBe(409)
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', taskId).orderBy('id').execute()
    expect(audits.map((a) => a.action)).toEqual(['rectification_task.respond', 'rectification_task.accept'])
  })

  it('a returned answer reopens the task with a new deadline from the day of return', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId])
    const taskId = doc.tasks[0]!.id
    const head = await t.as('zjj_head')
    await head.post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已学习' })
    t.clock.now = at('2026-12-01')
    const sfj = await t.as('sfj')
    const returned = await sfj.post(`/api/supervision/tasks/${taskId}/return`, { reason: '未附补正后的文书' })
    expect(returned.statusCode, returned.body).toBe(200)
    // 15 working days from 2026-12-01.
    expect(returned.json().task).toMatchObject({ status: 'open', dueOn: '2026-12-22' })
    expect(returned.json().events.at(-1)).toMatchObject({ action: 'return', note: '未附补正后的文书' })
    const short = await (await t.as('zjj_head')).post(`/api/supervision/tasks/${taskId}/respond`, { measures: '已附文书' })
    expect(short.statusCode).toBe(200)
    const again = await sfj.post(`/api/supervision/tasks/${taskId}/return`, { reason: '仍缺签章', days: 5 })
    expect(again.json().task.dueOn).toBe('2026-12-08')
  })
})

describe('escalation of overdue tasks', () => {
  it('reminds, then drafts a 监督提醒函 after 5 working days overdue, then reports to the government after 10', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId], 'opinion', '未按规定公示行政处罚决定')
    const taskId = doc.tasks[0]!.id
    expect(doc.tasks[0]!.dueOn).toBe('2026-12-11')
    const step = async (day: string) => {
      await runDueJobs(t.db, at(day))
      return (await (await t.as('sfj')).get(`/api/supervision/tasks/${taskId}`)).json() as {
        task: { escalation: string; letterDocumentId: string | null; overdue: boolean }
        events: Array<{ action: string; note: string | null }>
        report: { addressee: string; body: string; number: string | null; issuedOn: string | null; verifyId: string | null; pdfUrl: string | null } | null
      }
    }
    expect((await step('2026-12-11')).task.escalation).toBe('none')
    t.clock.now = at('2026-12-14')
    const reminded = await step('2026-12-14')
    expect(reminded.task).toMatchObject({ escalation: 'reminded', overdue: true })
    const head = await t.as('zjj_head')
    const todo = ((await head.get('/api/todos')).json() as { items: Array<{ link: string; urgent?: boolean }> }).items.find((i) => i.link === `/supervision/tasks/${taskId}`)
    expect(todo?.urgent).toBe(true)
    expect((await step('2026-12-17')).task.escalation).toBe('reminded')
    const lettered = await step('2026-12-18')
    expect(lettered.task.escalation).toBe('letter')
    const letter = await t.db.selectFrom('supervision_document').selectAll().where('id', '=', lettered.task.letterDocumentId!).executeTakeFirstOrThrow()
    expect(letter).toMatchObject({ type_code: 'reminder', status: 'draft', auto_drafted: true, escalated_task_id: taskId })
    expect((await step('2026-12-24')).report).toBeNull()
    const reported = await step('2026-12-25')
    expect(reported.task.escalation).toBe('reported')
    expect(reported.report?.addressee).toBe('禄丰市人民政府')
    expect(reported.report?.body).toContain('未按规定公示行政处罚决定')
    // The report is an issued document: numbered, a PDF naming the addressee, the unit and the problem, on the ledger.
    const report = reported.report!
    expect(report.number).toMatch(/^禄司监报〔2026〕第\d+号$/)
    expect(report.issuedOn).toBe('2026-12-25')
    expect(reported.events.at(-1)?.note).toContain(report.number)
    expect(report.pdfUrl).toBe(`/api/supervision/tasks/${taskId}/report/pdf`)
    const pdf = await (await t.as('sfj')).get(report.pdfUrl!)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    const text = pdfText(pdf.rawPayload)
    for (const expected of ['禄丰市人民政府', report.number!, '关于禄丰市住房和城乡建设局逾期未落实整改情况的报告', '未按规定公示行政处罚决定', '禄丰市司法局', '2026年12月11日', `核验编号${report.verifyId}`]) expect(text).toContain(expected)
    expect((await (await t.as('zjj_head')).get(report.pdfUrl!)).statusCode).toBe(200)
    for (const user of ['js_head', 'md_sfj']) expect((await (await t.as(user)).get(report.pdfUrl!)).statusCode, user).toBe(404)
    const row = await t.db.selectFrom('supervision_escalation_report').select(['id', 'leaf_hash', 'sha256']).where('task_id', '=', taskId).executeTakeFirstOrThrow()
    const leaf = await t.db.selectFrom('ledger_receipt').select(['record_type', 'record_id']).where('leaf_hash', '=', row.leaf_hash!).executeTakeFirstOrThrow()
    expect(leaf).toEqual({ record_type: 'supervision_escalation_report', record_id: row.id })
    const verified = await t.anonymous.get(`/api/public/documents/${report.verifyId}`)
    expect(verified.statusCode).toBe(200)
    expect(verified.json()).toMatchObject({ number: report.number, organ: '禄丰市司法局', issuedOn: '2026-12-25', leafHash: row.leaf_hash!.toString('hex') })
    expect(reported.events.map((e) => e.action)).toEqual(['create', 'remind', 'draft_letter', 'report'])
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', taskId).orderBy('id').execute()
    expect(audits.map((a) => a.action)).toEqual(['rectification_task.remind', 'rectification_task.draft_letter', 'rectification_task.report'])
    // The supervisor issues the drafted letter: the unit gets a new document with its own task.
    t.clock.now = at('2026-12-25')
    const sfj = await t.as('sfj')
    const issued = await sfj.post(`/api/supervision/documents/${letter.id}/issue`)
    expect(issued.statusCode, issued.body).toBe(200)
    expect(issued.json().document.number).toMatch(/^禄司监提〔2026〕第\d+号$/)
    expect(issued.json().tasks).toHaveLength(1)
  })

  it('a 提醒函 whose target is the government skips the letter step', async () => {
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId], 'reminder', '整改反馈不及时')
    const taskId = doc.tasks[0]!.id
    const due = doc.tasks[0]!.dueOn // 10 working days
    expect(due).toBe('2026-12-04')
    // Other hours than the test above: a recurring job runs once per hourly slot.
    await runDueJobs(t.db, new Date('2026-12-07T15:00:00+08:00'))
    await runDueJobs(t.db, new Date('2026-12-18T15:00:00+08:00'))
    const detail = (await (await t.as('sfj')).get(`/api/supervision/tasks/${taskId}`)).json()
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'remind', 'report'])
  })
})

describe('document types and 普法提示单', () => {
  it('keeps the types per county: 禄丰’s bureau overrides 建议书 for 禄丰 only; 牟定 keeps the platform default; the platform row is the administrator’s', async () => {
    const sfj = await t.as('sfj')
    const md = await t.as('md_sfj')
    const admin = await t.as('admin')
    const region = async (orgCode: string) => (await t.db.selectFrom('org').select(['id', 'region_code']).where('code', '=', orgCode).executeTakeFirstOrThrow())
    const lufeng = (await region('LF-SFJ')).region_code
    const mouding = (await region('MD-SFJ')).region_code
    const mdZjj = (await region('MD-ZJJ')).id
    const platformRow = async (code: string) => t.db.selectFrom('supervision_doc_type').selectAll().where('code', '=', code).where('region_code', 'is', null).executeTakeFirstOrThrow()
    const listOf = async (client: Awaited<ReturnType<TestApp['as']>>, query = '') => {
      const res = await client.get(`/api/supervision/document-types${query}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as { region: { code: string | null; name: string | null }; items: DocType[] }
    }

    // As seeded, both counties see the platform's four types; a bureau may override them for its county.
    const before = await listOf(sfj)
    expect(before.region).toEqual({ code: lufeng, name: '禄丰市' })
    expect(before.items.map((x) => x.code)).toEqual(['reminder', 'opinion', 'suggestion', 'decision'])
    expect(before.items.every((x) => x.regionCode === null && x.actions.join() === 'override')).toBe(true)
    expect(before.items.find((x) => x.code === 'decision')?.binding).toBe(true)
    expect((await listOf(await t.as('zjj_head'))).items.every((x) => x.actions.length === 0)).toBe(true)
    const suggestion = before.items.find((x) => x.code === 'suggestion')!
    expect(suggestion).toMatchObject({ responseDays: 30, responseUnit: 'natural_days' })
    const seededDoc = await t.db.selectFrom('supervision_document').select('type_id').where('type_code', '=', 'suggestion').where('issued_on', '<', '2026-01-01').executeTakeFirstOrThrow()

    expect((await sfj.patch('/api/supervision/document-types/suggestion', { ...pick(suggestion), escalatesTo: 'suggestion' })).statusCode).toBe(400)
    const ok = await sfj.patch('/api/supervision/document-types/suggestion', { ...pick(suggestion), responseDays: 20, responseUnit: 'working_days' })
    expect(ok.statusCode, ok.body).toBe(200)
    const afterOverride = (ok.json() as { items: DocType[] }).items
    expect(afterOverride.find((x) => x.code === 'suggestion')).toMatchObject({ regionCode: lufeng, regionName: '禄丰市', responseDays: 20, actions: ['update'] })
    expect(afterOverride.filter((x) => x.regionCode === null).map((x) => x.code)).toEqual(['reminder', 'opinion', 'decision'])
    expect((await platformRow('suggestion')).response_days).toBe(30)

    // 禄丰's new documents use 禄丰's row; 牟定's still the platform's; documents from before keep theirs.
    t.clock.now = at('2026-11-20')
    const doc = await issueOpinion([zjjId, jsId], 'suggestion')
    expect(doc.tasks).toHaveLength(2)
    expect(doc.tasks[0]!.dueOn).toBe('2026-12-18')
    const lufengRowId = afterOverride.find((x) => x.code === 'suggestion')!.id
    expect((await t.db.selectFrom('supervision_document').select('type_id').where('id', '=', doc.document.id).executeTakeFirstOrThrow()).type_id).toBe(lufengRowId)
    const mdDoc = await issueAs('md_sfj', [mdZjj], 'suggestion')
    expect(await t.db.selectFrom('supervision_document').select(['response_days', 'response_unit', 'type_id']).where('id', '=', mdDoc.document.id).executeTakeFirstOrThrow()).toEqual({
      response_days: 30,
      response_unit: 'natural_days',
      type_id: (await platformRow('suggestion')).id,
    })
    expect(seededDoc.type_id).toBe((await platformRow('suggestion')).id)
    expect((await listOf(md)).items.find((x) => x.code === 'suggestion')).toMatchObject({ regionCode: null, responseDays: 30 })

    // 牟定's bureau cannot reach 禄丰's row nor the platform's: naming 禄丰 is refused, and its own write
    // lands on a 牟定 row of its own.
    const mdOnLufeng = await md.patch(`/api/supervision/document-types/suggestion?regionCode=${lufeng}`, { ...pick(suggestion), responseDays: 3 })
    expect(mdOnLufeng.statusCode).toBe(403)
    expect((await md.get(`/api/supervision/document-types?regionCode=${lufeng}`)).statusCode).toBe(403)
    expect((await sfj.patch(`/api/supervision/document-types/opinion?regionCode=${mouding}`, pick(before.items.find((x) => x.code === 'opinion')!))).statusCode).toBe(403)
    const mdOwn = await md.patch('/api/supervision/document-types/suggestion', { ...pick(suggestion), responseDays: 3 })
    expect(mdOwn.statusCode, mdOwn.body).toBe(200)
    expect((await listOf(sfj)).items.find((x) => x.code === 'suggestion')).toMatchObject({ regionCode: lufeng, responseDays: 20 })
    expect((await platformRow('suggestion')).response_days).toBe(30)

    // The administrator keeps the platform row (and may look at, or write, any county's set).
    const adminOk = await admin.patch('/api/supervision/document-types/suggestion', { ...pick(suggestion), responseDays: 25 })
    expect(adminOk.statusCode, adminOk.body).toBe(200)
    expect((adminOk.json() as { items: DocType[] }).items.every((x) => x.regionCode === null && x.actions.join() === 'update')).toBe(true)
    expect((await platformRow('suggestion')).response_days).toBe(25)
    expect((await listOf(sfj)).items.find((x) => x.code === 'suggestion')?.responseDays).toBe(20)
    const adminOnLufeng = await listOf(admin, `?regionCode=${lufeng}`)
    expect(adminOnLufeng.items.find((x) => x.code === 'suggestion')).toMatchObject({ regionCode: lufeng, actions: ['update'] })
    expect(adminOnLufeng.items.find((x) => x.code === 'opinion')).toMatchObject({ regionCode: null, actions: ['override'] })

    // Unit staff change no row, of any region.
    for (const username of ['zjj_head', 'js_head']) {
      const client = await t.as(username)
      expect((await client.patch('/api/supervision/document-types/suggestion', pick(suggestion))).statusCode).toBe(403)
      expect((await client.patch(`/api/supervision/document-types/suggestion?regionCode=${lufeng}`, pick(suggestion))).statusCode).toBe(403)
    }
    expect(await t.db.selectFrom('supervision_doc_type').select(['region_code', 'response_days']).where('code', '=', 'suggestion').orderBy('response_days').execute()).toEqual([
      { region_code: mouding, response_days: 3 },
      { region_code: lufeng, response_days: 20 },
      { region_code: null, response_days: 25 },
    ])
  })

  it('lets a county bureau add a type of its own, used in its county only', async () => {
    const sfj = await t.as('sfj')
    const md = await t.as('md_sfj')
    const opinion = (await sfj.get('/api/supervision/document-types')).json().items.find((x: DocType) => x.code === 'opinion') as DocType
    const interview = { ...pick(opinion), code: 'interview', name: '行政执法监督约谈通知书', responseDays: 5, numberCode: '监约', escalatesTo: 'opinion' }
    expect((await sfj.post('/api/supervision/document-types', { ...interview, code: 'opinion' })).statusCode).toBe(409)
    expect((await sfj.post('/api/supervision/document-types', { ...interview, escalatesTo: 'interview' })).statusCode).toBe(400)
    expect((await (await t.as('zjj_head')).post('/api/supervision/document-types', interview)).statusCode).toBe(403)
    const created = await sfj.post('/api/supervision/document-types', interview)
    expect(created.statusCode, created.body).toBe(200)
    expect((created.json() as { items: DocType[] }).items.find((x) => x.code === 'interview')).toMatchObject({ regionName: '禄丰市', responseDays: 5, actions: ['update'] })
    expect(((await md.get('/api/supervision/document-types')).json().items as DocType[]).map((x) => x.code)).not.toContain('interview')
    const mdZjj = (await t.db.selectFrom('org').select('id').where('code', '=', 'MD-ZJJ').executeTakeFirstOrThrow()).id
    const refused = await md.post('/api/supervision/documents', draftBody([mdZjj], 'interview'))
    expect(refused.statusCode).toBe(400)
    t.clock.now = at('2026-11-23')
    const doc = await issueOpinion([zjjId], 'interview')
    expect(doc.document.number).toMatch(/^禄司监约〔2026〕第1号$/)
  })

  it('drafts an escalation letter from the issuing county’s own 提醒函 when it has one', async () => {
    const sfj = await t.as('sfj')
    const reminder = ((await sfj.get('/api/supervision/document-types')).json().items as DocType[]).find((x) => x.code === 'reminder')!
    const set = await sfj.patch('/api/supervision/document-types/reminder', { ...pick(reminder), name: '行政执法监督督促函', responseDays: 7 })
    expect(set.statusCode, set.body).toBe(200)
    const lufengReminder = ((set.json() as { items: DocType[] }).items.find((x) => x.code === 'reminder'))!
    t.clock.now = at('2026-11-24')
    const doc = await issueOpinion([zjjId], 'opinion', '未按规定公示执法决定信息')
    await escalateOverdueTasks(t.db, at('2026-12-23'))
    const task = await t.db.selectFrom('rectification_task').select(['escalation', 'letter_document_id']).where('id', '=', doc.tasks[0]!.id).executeTakeFirstOrThrow()
    expect(task.escalation).toBe('letter')
    const letter = await t.db.selectFrom('supervision_document').select(['type_id', 'type_code', 'response_days']).where('id', '=', task.letter_document_id!).executeTakeFirstOrThrow()
    expect(letter).toEqual({ type_id: lufengReminder.id, type_code: 'reminder', response_days: 7 })
  })

  it('counts a code once on the dashboard when 禄丰’s own row of it is named differently from the platform’s', async () => {
    t.clock.now = at('2026-11-25')
    const sfj = await t.as('sfj')
    const decision = ((await sfj.get('/api/supervision/document-types')).json().items as DocType[]).find((x) => x.code === 'decision')!
    expect(decision.regionCode).toBeNull()
    const year = async () => (ok200(await sfj.get('/api/dashboard/supervision?year=2026')) as { counts: { supervisionDocuments: Array<{ typeCode: string; count: number }> } }).counts.supervisionDocuments
    await issueOpinion([zjjId], 'decision')
    const before = (await year()).find((x) => x.typeCode === 'decision')!.count
    expect((await sfj.patch('/api/supervision/document-types/decision', { ...pick(decision), name: '行政执法监督决定书（禄丰）' })).statusCode).toBe(200)
    await issueOpinion([zjjId], 'decision')
    const after = (await year()).filter((x) => x.typeCode === 'decision')
    expect(after.map((x) => x.count)).toEqual([before + 1])
  })

  it('tracks the reading of a 普法提示单 per unit', async () => {
    t.clock.now = at('2026-11-20')
    const sfj = await t.as('sfj')
    const created = await sfj.post('/api/supervision/legal-notices', {
      title: '关于行政处罚决定书载明事项的普法提示',
      content: '近期评查发现决定书缺少履行方式和期限。',
      legalPoints: [{ basis: '《中华人民共和国行政处罚法》第五十九条', point: '决定书应当载明履行方式和期限' }],
      sourceNote: '2026年第5期评查高频扣分项',
      recipientOrgIds: [zjjId, jsId],
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().notice.id as string
    expect((await (await t.as('md_sfj')).get(`/api/supervision/legal-notices/${id}`)).statusCode).toBe(404)
    const head = await t.as('zjj_head')
    const own = (await head.get(`/api/supervision/legal-notices/${id}`)).json()
    expect(own.recipients).toHaveLength(1)
    expect(own.recipients[0].readAt).not.toBeNull()
    const view = (await sfj.get(`/api/supervision/legal-notices/${id}`)).json() as { recipients: Array<{ orgId: string; readAt: string | null }> }
    expect(view.recipients.find((r) => r.orgId === zjjId)?.readAt).not.toBeNull()
    expect(view.recipients.find((r) => r.orgId === jsId)?.readAt).toBeNull()
  })
})

function pick(x: { name: string; binding: boolean; responseDays: number; responseUnit: string; escalatesTo: string; numberCode: string; template: unknown }) {
  return { name: x.name, binding: x.binding, responseDays: x.responseDays, responseUnit: x.responseUnit, escalatesTo: x.escalatesTo, numberCode: x.numberCode, template: x.template }
}

function ok200(res: { statusCode: number; body: string; json: () => unknown }) {
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
