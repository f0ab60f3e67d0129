import { chinaWorkCalendar, shanghaiDateOf } from '@yangguang/core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { fileStoreOf } from '../../platform/files/file-store'
import { runDueJobs } from '../../platform/jobs/job-runner'
import { DEMO_COMPLAINT_CODE } from './social.demo'
import { MAX_INTAKES_PER_WINDOW, MAX_LOOKUP_FAILURES } from './complaints.service'
import { createHash, createHmac } from 'node:crypto'
import { sql } from 'kysely'
import { rotateAddressKeys } from '../../platform/auth/address-keys'
import { inTransaction } from '../../platform/db/transaction'
import { ANONYMOUS_DELAY_MAX_MINUTES, releaseDueLeaves } from '../../platform/ledger/delayed-leaves'

let t: TestApp
let filesDir: string
beforeAll(async () => {
  t = await createTestApp()
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-social-'))
  t.app.deps.config.dataDir = filesDir
})
afterAll(async () => {
  await t.close()
  fs.rmSync(filesDir, { recursive: true, force: true })
})

const orgId = async (code: string) => (await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
let addressNo = 0
/** Each portal caller gets its own address, so the per-address limits of one test do not leak into another. */
const fromAddress = (ip = `10.9.${Math.floor(++addressNo / 250)}.${addressNo % 250}`) => ({
  post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip }),
})
const NAME = '周晓兰'
const PHONE = '13512345678'

async function fileComplaint(body: Record<string, unknown>, ip?: string) {
  const res = await fromAddress(ip).post('/api/public/complaints', { category: 'arbitrary_inspection', orgId: await orgId('LF-ZJJ'), content: '住建局同一周内三次到我店检查同一事项，未出示检查通知。', anonymous: false, name: NAME, phone: PHONE, ...body })
  expect(res.statusCode, res.body).toBe(201)
  const receipt = res.json() as { complaintNo: string; lookupCode: string }
  const row = await t.db.selectFrom('complaint').selectAll().where('complaint_no', '=', receipt.complaintNo).executeTakeFirstOrThrow()
  return { ...receipt, id: row.id, row }
}

describe('portal intake (no login)', () => {
  it('an anonymous complaint keeps no name, phone or address, and its code is stored only as a hash', async () => {
    const c = await fileComplaint({ anonymous: true })
    expect(c.row.anonymous).toBe(true)
    expect(c.row.complainant_name).toBeNull()
    expect(c.row.complainant_phone).toBeNull()
    expect(c.row.complainant_kind).toBe('anonymous')
    expect(c.row.lookup_code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(c.row)).not.toContain(c.lookupCode)
    expect(c.lookupCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    // Received at midnight: the minute is not kept. The audit row waits with the leaf (released late,
    // shuffled) and names no account, address or browser.
    expect(c.row.received_at.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', c.id).execute()).toEqual([])
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: new Date(t.clock.now.getTime() + ANONYMOUS_DELAY_MAX_MINUTES * 60_000) }))
    const audit = await t.db.selectFrom('audit_log').select(['ip', 'user_agent', 'actor_id', 'actor_role', 'at', 'summary', 'after']).where('entity_id', '=', c.id).executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ ip: null, user_agent: null, actor_id: null, actor_role: 'public' })
    expect(audit.at.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    expect(JSON.stringify(audit)).not.toContain(NAME)
  })

  it('an anonymous complaint and the rate-limit counter cannot be joined on address, time or transaction, nor tied to an address once the day is over', async () => {
    const ip = '198.51.100.23'
    const saved = t.clock.now
    t.clock.now = new Date('2026-11-20T10:31:05.123+08:00')
    try {
      const c = await fileComplaint({ anonymous: true }, ip)
      const day = shanghaiDateOf(t.clock.now)
      const { key } = await t.db.selectFrom('anonymity_key').select('key').where('day', '=', day).executeTakeFirstOrThrow()
      const hmac = (k: Buffer) => createHmac('sha256', k).update(`social-portal\n${ip}`).digest('hex')
      const rows = await t.db.selectFrom('social_portal_attempt').selectAll().where('address_hmac', '=', hmac(key)).execute()
      // The counter: a keyed hash (not the plain SHA-256 of before), the clock hour, a count — nothing finer.
      expect(rows).toEqual([{ address_hmac: hmac(key), kind: 'intake', succeeded: true, hour: new Date('2026-11-20T10:00:00+08:00'), attempts: 1 }])
      expect(rows[0].address_hmac).not.toBe(createHash('sha256').update(`social-portal:${ip}`).digest('hex'))
      // The complaint keeps neither the address, its hash, the instant nor the hour.
      const stored = JSON.stringify(c.row)
      for (const trace of [ip, hmac(key), '2026-11-20T02:31:05', '2026-11-20T02:00:00']) expect(stored).not.toContain(trace)
      // Written in different transactions.
      const xmin = async (table: 'complaint' | 'social_portal_attempt', where: ReturnType<typeof sql>) =>
        (await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)} where ${where}`.execute(t.db)).rows[0].x
      expect(await xmin('complaint', sql`id = ${c.id}`)).not.toBe(await xmin('social_portal_attempt', sql`address_hmac = ${hmac(key)}`))

      // The next day the first request makes a new key and deletes yesterday's: the same address
      // gets another value, and yesterday's can no longer be recomputed with any key there is.
      t.clock.now = new Date('2026-11-21T09:15:00+08:00')
      await fileComplaint({ anonymous: true }, ip)
      const keys = await t.db.selectFrom('anonymity_key').select(['day', 'key']).execute()
      expect(keys.map((k) => k.day)).toEqual(['2026-11-21'])
      expect(keys.map((k) => hmac(k.key))).not.toContain(rows[0].address_hmac)
      expect(await t.db.selectFrom('social_portal_attempt').select('hour').where('address_hmac', '=', hmac(keys[0].key)).execute()).toEqual([{ hour: new Date('2026-11-21T09:00:00+08:00') }])
      // On a day without requests the hourly job deletes the key all the same.
      await rotateAddressKeys(t.db, new Date('2026-11-22T00:05:00+08:00'))
      expect((await t.db.selectFrom('anonymity_key').select('day').execute()).map((k) => k.day)).toEqual(['2026-11-22'])
    } finally {
      t.clock.now = saved
    }
  })

  it('a named complaint needs a name; a justice bureau cannot be picked as the unit', async () => {
    const unnamed = await fromAddress().post('/api/public/complaints', { category: 'other', orgId: await orgId('LF-ZJJ'), content: '这是一条没有署名的实名投诉内容。', anonymous: false })
    expect(unnamed.statusCode).toBe(400)
    const bureau = await fromAddress().post('/api/public/complaints', { category: 'other', orgId: await orgId('LF-SFJ'), content: '这是一条投诉司法局自身的投诉内容。', anonymous: true })
    expect(bureau.statusCode).toBe(400)
    const options = await t.anonymous.get('/api/public/complaints/options')
    expect(options.statusCode).toBe(200)
    const body = options.json() as { categories: Array<{ label: string }>; units: Array<{ name: string }> }
    expect(body.categories.map((c) => c.label)).toEqual(expect.arrayContaining(['乱检查', '乱罚款', '趋利性执法', '违规异地执法', '执法人员态度作风']))
    expect(body.units.some((u) => u.name === '禄丰市住房和城乡建设局')).toBe(true)
    expect(body.units.some((u) => u.name.endsWith('司法局'))).toBe(false)
  })

  it(`limits intake to ${MAX_INTAKES_PER_WINDOW} complaints an hour per address`, async () => {
    const ip = '10.77.0.1'
    for (let i = 0; i < MAX_INTAKES_PER_WINDOW; i++) await fileComplaint({ anonymous: true }, ip)
    const refused = await fromAddress(ip).post('/api/public/complaints', { category: 'other', orgId: await orgId('LF-ZJJ'), content: '第六条投诉内容，应当被限制。', anonymous: true })
    expect(refused.statusCode).toBe(429)
    expect(refused.json().code).toBe('RATE_LIMITED')
    // Another address is not affected.
    await fileComplaint({ anonymous: true }, '10.77.0.2')
  })

  it('a wrong code answers 404 like a missing one, and repeated failures are refused with 429', async () => {
    const ip = '10.88.0.1'
    const wrong = await fromAddress(ip).post('/api/public/complaints/lookup', { code: 'AAAA-BBBB-CCCC' })
    expect(wrong.statusCode).toBe(404)
    for (let i = 1; i < MAX_LOOKUP_FAILURES; i++) await fromAddress(ip).post('/api/public/complaints/lookup', { code: `WRONG-${i}` })
    const blocked = await fromAddress(ip).post('/api/public/complaints/lookup', { code: DEMO_COMPLAINT_CODE })
    expect(blocked.statusCode).toBe(429)
    const elsewhere = await fromAddress().post('/api/public/complaints/lookup', { code: DEMO_COMPLAINT_CODE.toLowerCase() })
    expect(elsewhere.statusCode).toBe(200)
    expect(elsewhere.json()).toMatchObject({ status: 'closed', feedback: 'satisfied', orgName: '禄丰市市场监督管理局' })
  })
})

describe('triage, answer and follow-up', () => {
  it('the bureau accepts and hands to the unit; the unit answers without ever seeing who complained; the public reads the answer and rates it', async () => {
    const c = await fileComplaint({})
    const sfj = await t.as('sfj')
    const seen = await sfj.get(`/api/complaints/${c.id}`)
    expect(seen.json().complaint.complainant).toEqual({ kind: 'person', name: NAME, phone: PHONE })
    expect(seen.json().complaint.actions).toEqual(['accept', 'not_accept', 'transfer'])

    expect((await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'not_accept' })).statusCode).toBe(400) // a reason is required
    const accepted = await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'accept' })
    expect(accepted.json().complaint.status).toBe('accepted')
    const assigned = await sfj.post(`/api/complaints/${c.id}/assign`, { handlerKind: 'unit', orgId: await orgId('LF-ZJJ') })
    expect(assigned.statusCode, assigned.body).toBe(200)
    // 15 working days from Friday 2026-11-20.
    expect(assigned.json().complaint.answerDueOn).toBe('2026-12-11')

    const head = await t.as('zjj_head')
    const list = await head.get('/api/complaints')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain(c.complaintNo)
    expect(list.body).not.toContain(NAME)
    expect(list.body).not.toContain(PHONE)
    const detail = await head.get(`/api/complaints/${c.id}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.body).not.toContain(NAME)
    expect(detail.body).not.toContain(PHONE)
    expect(detail.json().complaint).not.toHaveProperty('complainant')
    expect(detail.json().complaint.actions).toEqual(['answer'])

    // An officer of the unit reads it but may not answer; other units and counties do not see it.
    const officer = await t.as('zjj_officer')
    expect((await officer.get(`/api/complaints/${c.id}`)).statusCode).toBe(200)
    expect((await officer.post(`/api/complaints/${c.id}/answer`, { answer: '已经核实处理完毕。' })).statusCode).toBe(403)
    const js = await t.as('js_head')
    expect((await js.get(`/api/complaints/${c.id}`)).statusCode).toBe(404)
    expect((await js.get('/api/complaints')).body).not.toContain(c.complaintNo)
    const md = await t.as('md_sfj')
    expect((await md.get(`/api/complaints/${c.id}`)).statusCode).toBe(404)
    expect((await md.get('/api/complaints')).body).not.toContain(c.complaintNo)

    const unitTodos = (await head.get('/api/todos')).json() as { items: Array<{ kind: string; title: string }> }
    expect(unitTodos.items.some((i) => i.kind === 'complaint.answer' && i.title.includes(c.complaintNo))).toBe(true)

    const answered = await head.post(`/api/complaints/${c.id}/answer`, { answer: '经核查，三次检查分别为计划检查、投诉核查和复查，今后同一事项合并检查并提前告知。' })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.body).not.toContain(NAME)

    const lookup = await fromAddress().post('/api/public/complaints/lookup', { code: c.lookupCode })
    expect(lookup.statusCode).toBe(200)
    const view = lookup.json()
    expect(view).toMatchObject({ complaintNo: c.complaintNo, status: 'answered', canFeedback: true, orgName: '禄丰市住房和城乡建设局' })
    expect(view.answer).toContain('合并检查')
    expect(lookup.body).not.toContain('李明华') // staff names stay inside
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'accept', 'assign', 'answer'])

    const fb = await fromAddress().post('/api/public/complaints/feedback', { code: c.lookupCode, satisfied: false, note: '希望公开处理结果' })
    expect(fb.statusCode).toBe(200)
    expect(fb.json().feedback).toBe('unsatisfied')
    expect((await fromAddress().post('/api/public/complaints/feedback', { code: c.lookupCode, satisfied: true })).statusCode).toBe(409)
    const closed = await sfj.post(`/api/complaints/${c.id}/close`, { note: '已督促住建局公开处理结果。' })
    expect(closed.json().complaint.status).toBe('closed')
    expect(closed.json().complaint.feedback).toBe('unsatisfied')
    // Every act is audited and leaves a ledger leaf.
    const actions = (await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).orderBy('id').execute()).map((r) => r.action)
    expect(actions).toEqual(['complaint.receive', 'complaint.accept', 'complaint.assign', 'complaint.answer', 'complaint.feedback', 'complaint.close'])
  })

  it('an anonymous complainant’s feedback keeps the day and takes its place after the complaint’s own events, not in the global sequence', async () => {
    const sfj = await t.as('sfj')
    const c = await fileComplaint({ anonymous: true })
    await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'accept' })
    await sfj.post(`/api/complaints/${c.id}/assign`, { handlerKind: 'unit', orgId: await orgId('LF-ZJJ'), answerDays: 5 })
    expect((await (await t.as('zjj_head')).post(`/api/complaints/${c.id}/answer`, { answer: '已核查并整改，今后合并检查。' })).statusCode).toBe(200)
    // Another complaint's act, of known time, after the answer.
    const other = await fileComplaint({})
    await sfj.post(`/api/complaints/${other.id}/triage`, { decision: 'accept' })
    const saved = t.clock.now
    t.clock.now = new Date('2026-11-20T21:47:13.456+08:00')
    try {
      expect((await fromAddress().post('/api/public/complaints/feedback', { code: c.lookupCode, satisfied: true })).statusCode).toBe(200)
    } finally {
      t.clock.now = saved
    }
    const events = await t.db.selectFrom('complaint_event').select(['action', 'seq', 'at']).where('complaint_id', '=', c.id).orderBy('seq').execute()
    const answer = events.find((e) => e.action === 'answer')!
    const feedback = events.find((e) => e.action === 'feedback')!
    expect(BigInt(feedback.seq)).toBe(BigInt(answer.seq) + 1n)
    const otherAccept = await t.db.selectFrom('complaint_event').select('seq').where('complaint_id', '=', other.id).where('action', '=', 'accept').executeTakeFirstOrThrow()
    expect(BigInt(feedback.seq) < BigInt(otherAccept.seq)).toBe(true)
    expect(feedback.at.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    const row = await t.db.selectFrom('complaint').select('feedback_at').where('id', '=', c.id).executeTakeFirstOrThrow()
    expect(row.feedback_at?.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    const seen = await fromAddress().post('/api/public/complaints/lookup', { code: c.lookupCode })
    expect(seen.json().timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'accept', 'assign', 'answer', 'feedback'])
    // Its audit row waits with the leaf, like the complaint's.
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', c.id).where('action', '=', 'complaint.feedback').execute()).toEqual([])
  })

  it('a complaint can be transferred to the competent organ or refused with a reason', async () => {
    const sfj = await t.as('sfj')
    const a = await fileComplaint({ anonymous: true, category: 'case_not_filed' })
    expect((await sfj.post(`/api/complaints/${a.id}/triage`, { decision: 'transfer', note: '属州级部门管辖' })).statusCode).toBe(400)
    const moved = await sfj.post(`/api/complaints/${a.id}/triage`, { decision: 'transfer', note: '属州级部门管辖', transferredTo: '楚雄州生态环境局' })
    expect(moved.json().complaint.status).toBe('transferred')
    const seen = await fromAddress().post('/api/public/complaints/lookup', { code: a.lookupCode })
    expect(seen.json()).toMatchObject({ status: 'transferred', transferredTo: '楚雄州生态环境局', triageNote: '属州级部门管辖', canFeedback: false })
    // Triage is the bureau's: a unit head is refused by role, before the complaint is looked up.
    expect((await (await t.as('zjj_head')).post(`/api/complaints/${a.id}/triage`, { decision: 'accept' })).statusCode).toBe(403)
  })

  it('an answer deadline runs on working days across 中秋 and 国庆 2026', async () => {
    const c = await fileComplaint({ anonymous: true })
    const sfj = await t.as('sfj')
    await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'accept' })
    const saved = t.clock.now
    t.clock.now = new Date('2026-09-24T10:00:00+08:00')
    try {
      const res = await sfj.post(`/api/complaints/${c.id}/assign`, { handlerKind: 'unit', orgId: await orgId('LF-ZJJ'), answerDays: 5 })
      expect(res.statusCode, res.body).toBe(200)
      // 9-25…27 中秋, 9-28/29/30 work, 10-01…07 国庆, 10-08 and 10-09 work.
      expect(res.json().complaint.answerDueOn).toBe('2026-10-09')
      expect(chinaWorkCalendar.addWorkingDays('2026-09-24', 5)).toEqual({ ok: true, date: '2026-10-09' })
      expect(res.json().complaint.answerDueProvisional).toBe(false)
    } finally {
      t.clock.now = saved
    }
  })

  it('the bureau sets its own answer days, and a deadline past the calendar’s years is flagged provisional', async () => {
    const sfj = await t.as('sfj')
    expect((await sfj.get('/api/social/settings')).json()).toMatchObject({ complaintAnswerDays: 15, transferAcceptDays: 5 })
    const put = await sfj.post('/api/social/settings', { complaintAnswerDays: 30, opinionAnswerDays: 15, transferAcceptDays: 5 })
    expect(put.statusCode, put.body).toBe(200)
    expect((await (await t.as('zjj_head')).post('/api/social/settings', { complaintAnswerDays: 1, opinionAnswerDays: 1, transferAcceptDays: 1 })).statusCode).toBe(403)
    const c = await fileComplaint({ anonymous: true })
    await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'accept' })
    const res = await sfj.post(`/api/complaints/${c.id}/assign`, { handlerKind: 'unit', orgId: await orgId('LF-ZJJ') })
    expect(res.json().complaint.answerDays).toBe(30)
    expect(res.json().complaint.answerDueOn >= '2027-01-01').toBe(true)
    expect(res.json().complaint.answerDueProvisional).toBe(true) // 2027 holidays not yet entered
    await sfj.post('/api/social/settings', { complaintAnswerDays: 15, opinionAnswerDays: 15, transferAcceptDays: 5 })
  })

  it('an unanswered complaint is escalated by the job the day after its deadline, not on it, and heads the bureau’s 待办', async () => {
    const c = await fileComplaint({ anonymous: true })
    const sfj = await t.as('sfj')
    await sfj.post(`/api/complaints/${c.id}/triage`, { decision: 'accept' })
    const assigned = await sfj.post(`/api/complaints/${c.id}/assign`, { handlerKind: 'unit', orgId: await orgId('LF-ZJJ'), answerDays: 3 })
    const due = assigned.json().complaint.answerDueOn as string
    expect(due).toBe('2026-11-25')
    await runDueJobs(t.db, new Date(`${due}T23:30:00+08:00`))
    expect((await t.db.selectFrom('complaint').select('escalated_at').where('id', '=', c.id).executeTakeFirstOrThrow()).escalated_at).toBeNull()
    await runDueJobs(t.db, new Date('2026-11-26T09:00:00+08:00'))
    const row = await t.db.selectFrom('complaint').select('escalated_at').where('id', '=', c.id).executeTakeFirstOrThrow()
    expect(row.escalated_at?.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    const events = await t.db.selectFrom('complaint_event').select('action').where('complaint_id', '=', c.id).execute()
    expect(events.filter((e) => e.action === 'escalate')).toHaveLength(1)
    // Once only.
    await runDueJobs(t.db, new Date('2026-11-26T11:00:00+08:00'))
    expect((await t.db.selectFrom('complaint_event').select('action').where('complaint_id', '=', c.id).where('action', '=', 'escalate').execute())).toHaveLength(1)
    const saved = t.clock.now
    t.clock.now = new Date('2026-11-26T10:00:00+08:00')
    try {
      const sfjAgain = await t.as('sfj')
      const todos = (await sfjAgain.get('/api/todos')).json() as { items: Array<{ kind: string; title: string; urgent?: boolean }> }
      const item = todos.items.find((i) => i.kind === 'complaint.overdue' && i.title.includes(c.complaintNo))
      expect(item?.urgent).toBe(true)
      const overdue = (await sfjAgain.get('/api/complaints?overdue=true')).json() as { items: Array<{ id: string; overdue: boolean; escalatedAt: string | null }> }
      expect(overdue.items.find((i) => i.id === c.id)).toMatchObject({ overdue: true, escalatedAt: '2026-11-26T01:00:00.000Z' })
    } finally {
      t.clock.now = saved
    }
  })

  it('an enterprise’s complaint about an inspection is listed for triage and taken into the channel once', async () => {
    const qiye = await t.as('qiye')
    const filed = await qiye.post('/api/my-enterprise/complaints', { orgId: await orgId('LF-ZJJ'), content: '检查人员要求我们购买指定的消防器材。', anonymous: false })
    expect(filed.statusCode, filed.body).toBe(201)
    const id = filed.json().id as string
    const sfj = await t.as('sfj')
    const open = (await sfj.get('/api/complaints/inspection-complaints')).json() as { items: Array<{ id: string }> }
    expect(open.items.some((i) => i.id === id)).toBe(true)
    const taken = await sfj.post(`/api/complaints/from-inspection/${id}`, { category: 'arbitrary_fee' })
    expect(taken.statusCode, taken.body).toBe(201)
    expect(taken.json().complaint).toMatchObject({ status: 'accepted', channel: 'inspection_complaint', categoryLabel: '乱收费', complainant: { kind: 'enterprise', name: '禄丰金山恒通建材有限公司' } })
    expect(((await sfj.get('/api/complaints/inspection-complaints')).json() as { items: Array<{ id: string }> }).items.some((i) => i.id === id)).toBe(false)
    expect((await sfj.post(`/api/complaints/from-inspection/${id}`, { category: 'arbitrary_fee' })).statusCode).toBe(409)
  })
})

describe('volunteer supervisors', () => {
  it('the demo has the 10 appointed at the 2025 阳光执法 campaign; only the bureau reads the roll', async () => {
    const sfj = await t.as('sfj')
    const roll = (await sfj.get('/api/volunteers')).json() as { items: Array<{ name: string; termFrom: string; eventTitle: string | null; username: string | null }> }
    expect(roll.items).toHaveLength(10)
    expect(roll.items.every((v) => v.termFrom === '2025-12-18' && v.eventTitle?.includes('阳光执法'))).toBe(true)
    expect(roll.items.find((v) => v.username === 'volunteer')?.name).toBe('段秀英')
    expect((await (await t.as('volunteer')).get('/api/volunteers')).statusCode).toBe(403)
    expect((await (await t.as('zjj_head')).get('/api/volunteers')).statusCode).toBe(403)
    expect(((await (await t.as('md_sfj')).get('/api/volunteers')).json() as { items: unknown[] }).items).toHaveLength(0)
  })

  it('a volunteer sees only their own assignments and opinions, and the bureau’s answer', async () => {
    const sfj = await t.as('sfj')
    const roll = (await sfj.get('/api/volunteers')).json() as { items: Array<{ id: string; name: string; assignments: Array<{ id: string }> }> }
    const other = roll.items.find((v) => v.name === '刘建军')!
    const created = await sfj.post(`/api/volunteers/${other.id}/assignments`, { targetKind: 'meeting', title: '列席2026年第一次联席会议', dueOn: '2026-12-20' })
    expect(created.statusCode, created.body).toBe(201)

    const vol = await t.as('volunteer')
    const me = (await vol.get('/api/volunteers/me')).json() as { volunteer: { name: string; assignments: Array<{ id: string; title: string; status: string; actions: string[] }> }; opinions: Array<{ content: string; answer: string | null }> }
    expect(me.volunteer.name).toBe('段秀英')
    expect(me.volunteer.assignments.length).toBe(3)
    expect(me.volunteer.assignments.some((a) => a.title.includes('联席会议'))).toBe(false)
    expect(me.opinions.every((o) => typeof o.content === 'string')).toBe(true)
    expect((await vol.post(`/api/volunteer-assignments/${created.json().id}/done`)).statusCode).toBe(404)
    const open = me.volunteer.assignments.find((a) => a.status === 'open')!
    expect(open.actions).toEqual(['done'])

    const opinion = await vol.post('/api/volunteer-opinions', { assignmentId: open.id, content: '建议评查结果向被评查单位逐项反馈扣分理由。', attachments: [{ name: '评查记录.pdf', contentBase64: Buffer.from('%PDF-1.4\n扣分理由记录').toString('base64') }] })
    expect(opinion.statusCode, opinion.body).toBe(201)
    const mine = (await vol.get('/api/volunteer-opinions')).json() as { items: Array<{ id: string; answerDueOn: string; attachments: Array<{ sha256: string }> }> }
    const sent = mine.items.find((o) => o.id === opinion.json().id)!
    expect(sent.answerDueOn).toBe('2026-12-11')
    const file = await vol.get(`/api/volunteer-opinions/${sent.id}/attachments/${sent.attachments[0]!.sha256}`)
    expect(file.statusCode).toBe(200)
    expect(file.body).toBe('%PDF-1.4\n扣分理由记录')
    expect(file.headers['content-type']).toContain('application/pdf')

    expect((await vol.post(`/api/volunteer-opinions/${sent.id}/answer`, { answer: '自己答复自己' })).statusCode).toBe(403)
    const answered = await sfj.post(`/api/volunteer-opinions/${sent.id}/answer`, { answer: '采纳。下一期评查起逐项反馈扣分理由。' })
    expect(answered.statusCode, answered.body).toBe(200)
    const again = (await vol.get('/api/volunteers/me')).json() as { opinions: Array<{ id: string; answer: string | null }> }
    expect(again.opinions.find((o) => o.id === sent.id)?.answer).toContain('采纳')
    expect((await vol.post(`/api/volunteer-assignments/${open.id}/done`)).statusCode).toBe(204)
  })

  it('an opinion’s attachments are judged by their content: a web page called .jpg is 415 and nothing is kept; accepted files are recorded with their type and count against the daily quota', async () => {
    const vol = await t.as('volunteer')
    const userId = (await t.db.selectFrom('app_user').select('id').where('username', '=', 'volunteer').executeTakeFirstOrThrow()).id
    const opinions = async () => Number((await t.db.selectFrom('volunteer_opinion').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await opinions()
    const html = Buffer.from('<html><script>fetch("/api/auth/me")</script></html>')
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`现场照片 ${Date.now()}`)])
    const refused = await vol.post('/api/volunteer-opinions', { content: '执法人员未出示证件。', attachments: [{ name: '现场.png', contentBase64: png.toString('base64') }, { name: '现场.jpg', contentBase64: html.toString('base64') }] })
    expect(refused.statusCode).toBe(415)
    expect(refused.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { name: '现场.jpg', field: 'attachments' } })
    expect(refused.json().message).toContain('只接受 JPEG、PNG')
    expect(await opinions()).toBe(before)
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    expect(await t.db.selectFrom('upload').select('id').where('sha256', 'in', [sha(png), sha(html)]).execute()).toHaveLength(0)
    const store = fileStoreOf(t.app.deps.config)
    expect(await store.has(sha(html))).toBe(false)
    expect(await store.has(sha(png))).toBe(false)

    const quota = t.app.deps.config.uploadQuotaBytesPerDay
    const used = Number((await t.db.selectFrom('upload').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('byte_size'), sql<number>`0`).as('b')).where('uploader_user_id', '=', userId).executeTakeFirstOrThrow()).b)
    try {
      t.app.deps.config.uploadQuotaBytesPerDay = used + png.length + 10
      const sent = await vol.post('/api/volunteer-opinions', { content: '执法人员未出示证件。', attachments: [{ name: '现场.png', contentBase64: png.toString('base64') }] })
      expect(sent.statusCode, sent.body).toBe(201)
      const row = await t.db.selectFrom('upload').select(['kind', 'media_type', 'byte_size', 'linked_at']).where('sha256', '=', sha(png)).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ kind: 'evidence', media_type: 'image/png', byte_size: png.length })
      expect(row.linked_at).not.toBeNull()
      const stored = await t.db.selectFrom('volunteer_opinion').select('attachments').where('id', '=', sent.json().id).executeTakeFirstOrThrow()
      expect(stored.attachments).toEqual([{ name: '现场.png', sha256: sha(png), byteSize: png.length, mediaType: 'image/png' }])
      // The same photo again is free; a new one is over the quota.
      expect((await vol.post('/api/volunteer-opinions', { content: '补充一份相同的照片。', attachments: [{ name: '现场.png', contentBase64: png.toString('base64') }] })).statusCode).toBe(201)
      const more = await vol.post('/api/volunteer-opinions', { content: '再补充一张现场照片。', attachments: [{ name: '另一张.png', contentBase64: Buffer.concat([png, Buffer.from('另一张照片的内容')]).toString('base64') }] })
      expect(more.statusCode).toBe(429)
      expect(more.json().code).toBe('UPLOAD_QUOTA_EXCEEDED')
    } finally {
      t.app.deps.config.uploadQuotaBytesPerDay = quota
    }
  })

  it('appointment checks eligibility; an account links to one appointment only', async () => {
    const sfj = await t.as('sfj')
    const base = { name: '孙立新', occupation: '个体工商户', representation: 'public', noDisqualification: true, termFrom: '2026-12-01', termTo: '2028-11-30', appointmentDocNo: '禄司发〔2026〕12号' }
    expect((await sfj.post('/api/volunteers', { ...base, noDisqualification: false })).statusCode).toBe(422)
    expect((await sfj.post('/api/volunteers', { ...base, birthYear: 2010 })).statusCode).toBe(422)
    const ok = await sfj.post('/api/volunteers', { ...base, birthYear: 1988 })
    expect(ok.statusCode, ok.body).toBe(201)
    expect((await sfj.post(`/api/volunteers/${ok.json().id}/account`, { username: 'volunteer' })).statusCode).toBe(409)
    expect((await sfj.post(`/api/volunteers/${ok.json().id}/account`, { username: 'zjj_head' })).statusCode).toBe(400)
    expect((await (await t.as('zjj_head')).post('/api/volunteers', base)).statusCode).toBe(403)
  })
  it('the bureau ends a term early with a reason: the open tasks are cancelled and no new task can be given', async () => {
    const sfj = await t.as('sfj')
    const appointed = await sfj.post('/api/volunteers', { name: '钱慧敏', occupation: '社区网格员', representation: 'public', noDisqualification: true, termFrom: '2026-01-01', termTo: '2027-12-31', appointmentDocNo: '禄司发〔2026〕3号' })
    expect(appointed.statusCode, appointed.body).toBe(201)
    const id = appointed.json().id as string
    expect((await sfj.post(`/api/volunteers/${id}/assignments`, { targetKind: 'inspection', title: '观摩住建局双随机检查' })).statusCode).toBe(201)
    const end = (body: object) => sfj.post(`/api/volunteers/${id}/end`, body)

    const noReason = await end({ endedOn: '2026-11-20', reason: ' ' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('请说明解聘原因') })
    const beforeTerm = await end({ endedOn: '2025-12-31', reason: '本人申请辞去' })
    expect(beforeTerm.statusCode).toBe(400)
    expect(beforeTerm.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '解聘日期应在聘期（2026-01-01 至 2027-12-31）之内' })
    const tomorrow = await end({ endedOn: '2026-11-21', reason: '本人申请辞去' })
    expect(tomorrow.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '解聘日期不能晚于今天' })
    // Only a supervisor of the volunteer's county: the admin reads the roll but does not supervise, a unit head is
    // refused by role; another county's supervisor does not see it.
    expect((await (await t.as('admin')).post(`/api/volunteers/${id}/end`, { endedOn: '2026-11-20', reason: '本人申请辞去' })).statusCode).toBe(403)
    expect((await (await t.as('zjj_head')).post(`/api/volunteers/${id}/end`, { endedOn: '2026-11-20', reason: '本人申请辞去' })).statusCode).toBe(403)
    expect((await (await t.as('md_sfj')).post(`/api/volunteers/${id}/end`, { endedOn: '2026-11-20', reason: '本人申请辞去' })).statusCode).toBe(404)

    const ended = await end({ endedOn: '2026-11-20', reason: '本人因工作调动申请辞去' })
    expect(ended.statusCode, ended.body).toBe(204)
    const roll = (await sfj.get('/api/volunteers')).json() as { items: Array<{ id: string; status: string; inTerm: boolean; endedOn: string | null; endReason: string | null; actions: string[]; assignments: Array<{ status: string }> }> }
    expect(roll.items.find((v) => v.id === id)).toMatchObject({ status: 'ended', inTerm: false, endedOn: '2026-11-20', endReason: '本人因工作调动申请辞去', actions: [], assignments: [{ status: 'cancelled' }] })
    const again = await end({ endedOn: '2026-11-20', reason: '重复解聘' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('INVALID_STATE')
    expect((await sfj.post(`/api/volunteers/${id}/assignments`, { targetKind: 'meeting', title: '列席联席会议' })).statusCode).toBe(409)
    const audit = await t.db.selectFrom('audit_log').select('summary').where('entity_id', '=', id).where('action', '=', 'volunteer.end').executeTakeFirstOrThrow()
    expect(audit.summary).toBe('义务监督员 钱慧敏 2026-11-20 解聘：本人因工作调动申请辞去；取消未完成任务 1 项')
  })
})

describe('joint meetings, transfers and events', () => {
  it('the demo has five 联席会议 in 2025; a unit sees the meetings it attended and reports its task done', async () => {
    const sfj = await t.as('sfj')
    const all = (await sfj.get('/api/joint-meetings')).json() as { items: Array<{ id: string; heldOn: string; decisions: string[] }> }
    expect(all.items.filter((m) => m.heldOn.startsWith('2025'))).toHaveLength(5)
    const head = await t.as('zjj_head')
    const mine = (await head.get('/api/joint-meetings')).json() as { items: Array<{ id: string }> }
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.length).toBeLessThan(all.items.length)

    const created = await sfj.post('/api/joint-meetings', {
      title: '2026年第一次行政执法联席会议',
      heldOn: '2026-11-20',
      convenerOrgId: await orgId('LF-SFJ'),
      attendeeOrgIds: [await orgId('LF-ZJJ'), await orgId('JS-ZF')],
      attendeePersons: [{ name: '段秀英', title: '义务监督员' }],
      minutes: '研究违法建设线索移送中的推诿问题。',
      decisions: ['金山镇楼顶违建由金山镇人民政府牵头查处，住建局提供技术支持'],
      tasks: [{ title: '牵头查处北门街楼顶违建', orgId: await orgId('JS-ZF'), dueOn: '2026-12-18', decisionNo: 1 }],
    })
    expect(created.statusCode, created.body).toBe(201)
    const detail = (await sfj.get(`/api/joint-meetings/${created.json().id}`)).json() as { tasks: Array<{ id: string; actions: string[] }>; attendeeOrgs: Array<{ name: string }> }
    expect(detail.attendeeOrgs.map((o) => o.name)).toContain('禄丰市金山镇人民政府')
    const task = detail.tasks[0]!
    expect((await head.post(`/api/joint-meeting-tasks/${task.id}/done`, { note: '不是本单位的任务' })).statusCode).toBe(404)
    const js = await t.as('js_head')
    const jsTasks = (await js.get('/api/joint-meeting-tasks?status=open')).json() as { items: Array<{ id: string; actions: string[] }> }
    expect(jsTasks.items.find((x) => x.id === task.id)?.actions).toEqual(['done'])
    const done = await js.post(`/api/joint-meeting-tasks/${task.id}/done`, { note: '已拆除彩钢棚并恢复原状。' })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json().task.status).toBe('done')
    const listed = ((await sfj.get('/api/joint-meetings')).json() as { items: Array<{ id: string; taskCount: number; openTasks: number }> }).items.find((m) => m.id === created.json().id)
    expect(listed).toMatchObject({ taskCount: 1, openTasks: 0 })
  })

  it('a clue transfer gets an acceptance deadline of 5 working days; only the receiving head accepts or refuses with a reason', async () => {
    const officer = await t.as('zjj_officer')
    const res = await officer.post('/api/transfers', { kind: 'clue', toOrgId: await orgId('JS-ZF'), title: '金山镇某小区违规改变房屋结构线索', reason: '属下放乡镇的事项' })
    expect(res.statusCode, res.body).toBe(201)
    const tr = res.json().transfer
    expect(tr).toMatchObject({ status: 'pending', direction: '市级→乡镇', acceptDueOn: '2026-11-27', fromName: '禄丰市住房和城乡建设局' })
    const zjjHead = await t.as('zjj_head')
    expect((await zjjHead.post(`/api/transfers/${tr.id}/accept`)).statusCode).toBe(403)
    const js = await t.as('js_head')
    const list = (await js.get('/api/transfers')).json() as { items: Array<{ id: string; actions: string[] }> }
    expect(list.items.find((x) => x.id === tr.id)?.actions).toEqual(['accept', 'refuse'])
    expect((await js.post(`/api/transfers/${tr.id}/refuse`, {})).statusCode).toBe(400)
    const accepted = await js.post(`/api/transfers/${tr.id}/accept`, { note: '已接收，交镇综合执法队核查' })
    expect(accepted.json().transfer.status).toBe('accepted')
    expect((await js.post(`/api/transfers/${tr.id}/refuse`, { note: '重复' })).statusCode).toBe(409)
    // A unit sees no transfer between two other units.
    const md = await t.as('md_sfj')
    expect(((await md.get('/api/transfers')).json() as { items: Array<{ id: string }> }).items.some((x) => x.id === tr.id)).toBe(false)
  })

  it('a transfer not accepted in time is escalated; case transfers from the case module are listed read-only', async () => {
    const officer = await t.as('zjj_officer')
    const tr = (await officer.post('/api/transfers', { kind: 'clue', toOrgId: await orgId('LF-ZRZY'), title: '碧城镇某工地疑似占用林地线索', reason: '涉及林地，需先行认定', acceptDays: 2 })).json().transfer
    expect(tr.acceptDueOn).toBe('2026-11-24')
    await runDueJobs(t.db, new Date('2026-11-25T08:00:00+08:00'))
    expect((await t.db.selectFrom('clue_transfer').select('escalated_at').where('id', '=', tr.id).executeTakeFirstOrThrow()).escalated_at).not.toBeNull()
    const caseTransfers = await t.db.selectFrom('penalty_case').select('id').where('transferred_to_org_id', 'is not', null).execute()
    const sfj = await t.as('sfj')
    const items = ((await sfj.get('/api/transfers')).json() as { items: Array<{ id: string; source: string; actions: string[] }> }).items
    expect(items.filter((i) => i.source === 'penalty_case').map((i) => i.id).sort()).toEqual(caseTransfers.map((c) => c.id).sort())
    expect(items.filter((i) => i.source === 'penalty_case').every((i) => i.actions.length === 0)).toBe(true)
    expect(items.filter((i) => i.source === 'clue_transfer').length).toBeGreaterThanOrEqual(6)
  })

  it('the 2025 events: the 暖心行动 forum with the 工商联 and the 阳光执法 campaign with 17 departments and 10 volunteers appointed', async () => {
    const staff = await t.as('zjj_officer')
    const events = (await staff.get('/api/social-events')).json() as { items: Array<{ title: string; heldOn: string; organisers: string; kindLabel: string; participantCount: number; participants: Array<{ kind: string }>; volunteersAppointed: number }> }
    const forum = events.items.find((e) => e.heldOn.startsWith('2025-07'))!
    expect(forum).toMatchObject({ kindLabel: '座谈会' })
    expect(forum.organisers).toContain('工商业联合会')
    const campaign = events.items.find((e) => e.heldOn.startsWith('2025-12'))!
    expect(campaign.participants.filter((p) => p.kind === 'unit')).toHaveLength(17)
    expect(campaign.volunteersAppointed).toBe(10)
    expect(campaign.participantCount).toBeGreaterThanOrEqual(35)
    expect(campaign.participantCount).toBeLessThanOrEqual(40)
    const sfj = await t.as('sfj')
    const rec = await sfj.post('/api/social-events', { title: '2026年执法人员培训', heldOn: '2026-11-20', kind: 'training', organisers: '禄丰市司法局', participantCount: 1, participants: [{ kind: 'person', name: 'a' }, { kind: 'person', name: 'b' }] })
    expect(rec.statusCode).toBe(400)
    expect((await staff.post('/api/social-events', { title: '2026年执法人员培训', heldOn: '2026-11-20', kind: 'training', organisers: '禄丰市司法局', participantCount: 2, participants: [] })).statusCode).toBe(403)
  })
})
