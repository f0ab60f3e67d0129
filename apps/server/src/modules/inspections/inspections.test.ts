import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foreignCountyEnterprise } from '../../../test/enterprise-factory'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { demoQrToken } from '../enterprises/enterprise-tokens'
import { DEMO_ENTERPRISE } from './inspections.demo'
import { sql } from 'kysely'
import { inTransaction } from '../../platform/db/transaction'
import { ANONYMOUS_DELAY_MAX_MINUTES, releaseDueLeaves } from '../../platform/ledger/delayed-leaves'

let t: TestApp
let filesDir: string
beforeAll(async () => {
  t = await createTestApp()
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-files-'))
  t.app.deps.config.dataDir = filesDir
})
afterAll(async () => {
  await t.close()
  fs.rmSync(filesDir, { recursive: true, force: true })
})

const NOW = '2026-11-20T10:00:00+08:00'
const key = () => randomBytes(12).toString('base64url')
const personOf = async (username: string) =>
  (await t.db.selectFrom('person as p').innerJoin('app_user as u', 'u.id', 'p.user_id').select('p.id').where('u.username', '=', username).executeTakeFirstOrThrow()).id
const orgId = async (code: string) => (await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** Today's scheduled tasks of 住建局 (the demo gives zjj_officer four, one at its cap). */
async function todaysTasks() {
  return t.db
    .selectFrom('inspection as i')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .select(['i.id', 'e.id as enterpriseId', 'e.credit_code', 'e.name'])
    .where('i.status', '=', 'scheduled')
    .where('i.planned_date', '=', '2026-11-20')
    .orderBy('e.name')
    .execute()
}

/** A unit's inspections of an enterprise in the demo's cap window (a year back from 2026-11-20). */
async function capCount(enterpriseId: string, org: string) {
  const row = await t.db
    .selectFrom('inspection')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('org_id', '=', org)
    .where('status', 'in', ['in_progress', 'completed'])
    .where('inspection_date', '>=', '2025-11-21')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function start(client: Client, body: Record<string, unknown>) {
  return client.post('/api/inspections/start', { clientKey: key(), scannedAt: NOW, ...body })
}

describe('starting an inspection (扫码入企) enforces the rules', () => {
  it('starts a scheduled task by QR scan with a certified co-inspector; a retried request starts it once', async () => {
    const officer = await t.as('zjj_officer')
    const co = await personOf('zjj_officer2')
    const clientKey = key()
    const body = { clientKey, scan: { method: 'qr', token: demoQrToken(DEMO_ENTERPRISE.creditCode) }, coOfficerIds: [co], scannedAt: NOW }
    const res = await officer.post('/api/inspections/start', body)
    expect(res.statusCode).toBe(201)
    const inspection = res.json().inspection
    expect(inspection).toMatchObject({ status: 'in_progress', scanMethod: 'qr', inspectionDate: '2026-11-20', lateSync: false, enterprise: { name: DEMO_ENTERPRISE.name } })
    expect(inspection.officers.map((o: { role: string; certNo: string | null }) => [o.role, Boolean(o.certNo)])).toEqual([
      ['lead', true],
      ['co', true],
    ])
    const again = await officer.post('/api/inspections/start', body)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ replayed: true, inspection: { id: inspection.id } })
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', inspection.id).where('action', '=', 'inspection.start').execute()
    expect(audits).toHaveLength(1)
  })

  it('refuses without a second officer holding a certificate valid that day (two-officer rule), and says why', async () => {
    const officer = await t.as('zjj_officer')
    const [task] = (await todaysTasks()).filter((x) => x.credit_code !== DEMO_ENTERPRISE.creditCode)
    const stranger = (await t.db.selectFrom('person').select('id').where('org_id', '=', await orgId('LF-LCJ')).executeTakeFirstOrThrow()).id
    const res = await start(officer, { taskId: task!.id, scan: { method: 'typed', creditCode: task!.credit_code }, coOfficerIds: [stranger] })
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('RULE_VIOLATION')
    expect(res.json().details.violations.map((v: { rule: string }) => v.rule)).toEqual(['officers'])
    expect(res.json().message).toContain('不属本单位')
    expect(res.json().details.overridable).toBe(false)
    // The refusal is on record; nothing else changed.
    expect((await t.db.selectFrom('inspection').select('status').where('id', '=', task!.id).executeTakeFirstOrThrow()).status).toBe('scheduled')
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'inspection.refused').where('entity_id', '=', task!.id).execute()).toHaveLength(1)
  })

  it('refuses when a certificate is not valid on the inspection day', async () => {
    const officer = await t.as('zjj_officer')
    const [task] = (await todaysTasks()).filter((x) => x.credit_code !== DEMO_ENTERPRISE.creditCode)
    const co = await personOf('zjj_officer2')
    const cert = await t.db.selectFrom('certificate').select('id').where('person_id', '=', co).executeTakeFirstOrThrow()
    const sfj = await t.as('sfj')
    expect((await sfj.post(`/api/certificates/${cert.id}/suspend`, { reason: '涉嫌违规执法，暂扣调查' })).statusCode).toBe(200)
    const res = await start(officer, { taskId: task!.id, scan: { method: 'typed', creditCode: task!.credit_code }, coOfficerIds: [co] })
    expect((await sfj.post(`/api/certificates/${cert.id}/restore`, { reason: '调查结束，恢复' })).statusCode).toBe(200)
    expect(res.statusCode).toBe(422)
    expect(res.json().details.violations[0]).toMatchObject({ rule: 'officers', overridable: false })
  })

  it('refuses an enterprise without an approved task of the unit, and an unknown or revoked QR code', async () => {
    const officer = await t.as('zjj_officer')
    const co = await personOf('zjj_officer2')
    const free = await t.db
      .selectFrom('enterprise as e')
      .select(['e.credit_code'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('inspection as i').select('i.id').whereRef('i.enterprise_id', '=', 'e.id').where('i.status', 'in', ['scheduled', 'pending_approval']))))
      .executeTakeFirstOrThrow()
    const none = await start(officer, { scan: { method: 'qr', token: demoQrToken(free.credit_code) }, coOfficerIds: [co] })
    expect(none.statusCode).toBe(422)
    expect(none.json().details.violations[0].rule).toBe('task')
    const forged = await start(officer, { scan: { method: 'qr', token: 'A'.repeat(43) }, coOfficerIds: [co] })
    expect(forged.statusCode).toBe(404)
    expect(forged.json().message).toContain('入企码无效')
  })

  it('refuses a task over the frequency cap; the unit head approves an override, which works once and is reported to the justice bureau', async () => {
    const officer = await t.as('zjj_officer')
    const co = await personOf('zjj_officer2')
    const zjj = await orgId('LF-ZJJ')
    const tasks = await todaysTasks()
    const capped = []
    for (const task of tasks) if ((await capCount(task.enterpriseId, zjj)) >= 2) capped.push(task)
    expect(capped).toHaveLength(1)
    const task = capped[0]!
    const scan = { method: 'qr', token: demoQrToken(task.credit_code) }
    const refused = await start(officer, { scan, coOfficerIds: [co] })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().details).toMatchObject({ overridable: true, taskId: task.id })
    expect(refused.json().details.violations.map((v: { rule: string }) => v.rule)).toEqual(['cap_unit'])
    expect(refused.json().message).toContain('超过检查频次上限')

    const requested = await officer.post('/api/inspection-overrides', { taskId: task.id, date: '2026-11-20', reason: '群众举报存在重大安全隐患，须立即核查' })
    expect(requested.statusCode).toBe(201)
    const override = requested.json().override
    expect(override).toMatchObject({ status: 'pending', rules: ['cap_unit'] })
    // Pending is not enough.
    expect((await start(officer, { scan, coOfficerIds: [co], overrideId: override.id })).statusCode).toBe(422)
    expect((await officer.post(`/api/inspection-overrides/${override.id}/approve`, { note: '同意' })).statusCode).toBe(403)
    const head = await t.as('zjj_head')
    const approved = await head.post(`/api/inspection-overrides/${override.id}/approve`, { note: '同意，检查后报司法局备案' })
    expect(approved.json().override.status).toBe('approved')
    const started = await start(officer, { scan, coOfficerIds: [co], overrideId: override.id })
    expect(started.statusCode).toBe(201)
    expect(started.json().inspection.overrideId).toBe(override.id)
    const used = await t.db.selectFrom('inspection_override').select('status').where('id', '=', override.id).executeTakeFirstOrThrow()
    expect(used.status).toBe('used')

    const sfj = await t.as('sfj')
    const seen = await sfj.get('/api/inspection-overrides')
    expect(seen.json().items.map((o: { id: string }) => o.id)).toContain(override.id)
    const md = await t.as('md_sfj')
    expect((await md.get('/api/inspection-overrides')).json().items.map((o: { id: string }) => o.id)).not.toContain(override.id)
    const log = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', override.id).orderBy('id').execute()
    expect(log.map((l) => l.action)).toEqual(['inspection_override.request', 'inspection_override.approve'])
  })

  it('flags a late back-filled start and refuses one past the back-fill window', async () => {
    const officer = await t.as('zjj_officer')
    const co = await personOf('zjj_officer2')
    const [task] = (await t.db.selectFrom('inspection as i').innerJoin('enterprise as e', 'e.id', 'i.enterprise_id').select(['i.id', 'e.credit_code']).where('i.status', '=', 'scheduled').where('i.planned_date', '<', '2026-11-20').where('i.org_id', '=', await orgId('LF-ZJJ')).orderBy('i.planned_date', 'desc').execute())
    const tooOld = await start(officer, { taskId: task!.id, scan: { method: 'qr', token: demoQrToken(task!.credit_code) }, coOfficerIds: [co], scannedAt: '2026-11-05T10:00:00+08:00', offlineReason: '无信号' })
    expect(tooOld.statusCode).toBe(422)
    expect(tooOld.json().details.violations.map((v: { rule: string }) => v.rule)).toContain('backfill')
    const late = await start(officer, { taskId: task!.id, scan: { method: 'qr', token: demoQrToken(task!.credit_code) }, coOfficerIds: [co], scannedAt: '2026-11-18T15:00:00+08:00', offlineReason: '山区无信号' })
    expect(late.statusCode).toBe(201)
    expect(late.json().inspection).toMatchObject({ lateSync: true, inspectionDate: '2026-11-18', offlineReason: '山区无信号' })
  })
})

describe('the on-site record', () => {
  it('uploads a photo by its SHA-256, completes once with capture times kept, and rejects a tampered photo', async () => {
    const officer = await t.as('zjj_officer')
    const row = await t.db
      .selectFrom('inspection as i')
      .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
      .select(['i.id', 'i.client_key'])
      .where('e.credit_code', '=', DEMO_ENTERPRISE.creditCode)
      .where('i.status', '=', 'in_progress')
      .executeTakeFirstOrThrow()
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)])
    const sha256 = createHash('sha256').update(photo).digest('hex')
    const put = (hash: string) => t.app.inject({ method: 'PUT', url: `/api/inspection-files/${hash}`, payload: photo, headers: { 'content-type': 'image/jpeg', cookie: officer.cookie! } })
    const tampered = await put('0'.repeat(64))
    expect(tampered.statusCode).toBe(400)
    expect(tampered.json().message).toContain('哈希不一致')
    expect((await put(sha256)).json()).toMatchObject({ sha256, created: true })
    expect((await put(sha256)).json()).toMatchObject({ created: false })
    expect(fs.existsSync(path.join(filesDir, 'files', sha256.slice(0, 2), sha256))).toBe(true)

    const detail = (await officer.get(`/api/inspections/${row.id}`)).json().inspection
    const body = {
      clientKey: row.client_key,
      items: detail.items.map((i: { powerItemId: string }, n: number) => ({ powerItemId: i.powerItemId, outcome: n === 0 ? 'issue' : 'ok', note: n === 0 ? '施工现场未设置安全警示标志' : null })),
      findings: '施工现场安全警示标志缺失，其余符合要求。',
      result: 'correct',
      correctionDeadline: '2026-12-05',
      photos: [{ sha256, capturedAt: '2026-11-20T10:20:00+08:00', byteSize: photo.length, mediaType: 'image/jpeg' }],
      representativeName: '李红梅',
      representativeConfirmedAt: '2026-11-20T11:00:00+08:00',
      completedAt: '2026-11-20T11:00:00+08:00',
      certificatesShown: detail.officers.map((o: { personId: string; certNo: string }) => ({ personId: o.personId, certNo: o.certNo, shownAt: '2026-11-20T10:01:00+08:00' })),
    }
    const noDeadline = await officer.post('/api/inspections/complete', { ...body, correctionDeadline: null })
    expect(noDeadline.statusCode).toBe(400)
    t.clock.now = new Date('2026-11-20T13:30:00+08:00')
    const later = await t.as('zjj_officer')
    const done = await later.post('/api/inspections/complete', body)
    expect(done.statusCode).toBe(200)
    expect(done.json().inspection).toMatchObject({ status: 'completed', result: 'correct', completedAt: '2026-11-20T03:00:00.000Z', syncedAt: '2026-11-20T05:30:00.000Z', lateSync: false })
    expect(done.json().inspection.photos[0].sha256).toBe(sha256)
    const replay = await later.post('/api/inspections/complete', body)
    expect(replay.json()).toMatchObject({ replayed: true })
    expect((await later.post('/api/inspections/complete', { ...body, result: 'no_issue' })).statusCode).toBe(409)

    const docs = (await later.get(`/api/inspections/${row.id}/documents`)).json().documents
    expect(docs.map((d: { title: string }) => d.title)).toEqual(['行政检查通知书', '现场检查笔录', '责令改正通知书'])
    expect(docs[2].fields.deadline).toBe('2026-12-05')
    // 文号 from the unit's counters, not from the record's id; the correction order numbered at completion.
    expect(docs.map((d: { number: string }) => d.number.replace(/\d+号$/, 'N号'))).toEqual(['禄住建检通字〔2026〕第N号', '禄住建检录字〔2026〕第N号', '禄住建检改字〔2026〕第N号'])
    const counter = await t.db.selectFrom('doc_number_sequence').select('last_seq').where('org_id', '=', await orgId('LF-ZJJ')).where('kind_code', '=', '检改字').where('year', '=', 2026).executeTakeFirstOrThrow()
    expect(docs[2].number).toBe(`禄住建检改字〔2026〕第${counter.last_seq}号`)
    // 亮证 as recorded, printed in the on-site record.
    expect(docs[1].fields.certificatesShown.map((c: { certNo: string }) => c.certNo).sort()).toEqual(detail.officers.map((o: { certNo: string }) => o.certNo).sort())
    // The notice cites the inspection items' own basis (行政检查 powers), not a penalty article.
    expect(docs[0].fields.legalBasis.length).toBeGreaterThan(0)
    expect(docs[0].fields.legalBasis.every((b: { code: string }) => b.code.startsWith('JC-'))).toBe(true)
    t.clock.now = new Date(NOW)
  })

  it('art. 55: a record without 亮证 by two of its officers, each with a certificate of their own valid that day, is refused and nothing is stored', async () => {
    const officer = await t.as('zjj_officer')
    const co = await personOf('zjj_officer2')
    const [task] = (await todaysTasks()).filter((x) => x.credit_code !== DEMO_ENTERPRISE.creditCode)
    const clientKey = key()
    const started = await officer.post('/api/inspections/start', { clientKey, taskId: task!.id, scan: { method: 'qr', token: demoQrToken(task!.credit_code) }, coOfficerIds: [co], scannedAt: NOW })
    expect(started.statusCode).toBe(201)
    const inspection = started.json().inspection
    expect(inspection.numbers.notice).toMatch(/^禄住建检通字〔2026〕第\d+号$/)
    const [lead, second] = inspection.officers as Array<{ personId: string; certNo: string }>
    const body = {
      clientKey,
      items: inspection.items.map((i: { powerItemId: string }) => ({ powerItemId: i.powerItemId, outcome: 'ok' })),
      findings: '现场检查未发现问题。',
      result: 'no_issue',
      photos: [],
      representativeName: '张先生',
      representativeConfirmedAt: '2026-11-20T10:40:00+08:00',
      completedAt: '2026-11-20T10:45:00+08:00',
    }
    const shown = (o: { personId: string; certNo: string }, at = '2026-11-20T10:02:00+08:00') => ({ personId: o.personId, certNo: o.certNo, shownAt: at })
    const refusals = [
      await officer.post('/api/inspections/complete', body),
      await officer.post('/api/inspections/complete', { ...body, certificatesShown: [shown(lead!)] }),
      await officer.post('/api/inspections/complete', { ...body, certificatesShown: [shown(lead!), { ...shown(second!), certNo: lead!.certNo }] }),
      await officer.post('/api/inspections/complete', { ...body, certificatesShown: [shown(lead!), shown(second!, '2026-11-19T10:02:00+08:00')] }),
    ]
    for (const r of refusals) {
      expect(r.statusCode).toBe(422)
      expect(r.json().details.violations[0]).toMatchObject({ rule: 'certificates_shown', overridable: false })
      expect(r.json().message).toContain('出示执法证件')
    }
    expect(refusals[2]!.json().message).toContain('不是本人')
    const stored = async () => ({
      status: (await t.db.selectFrom('inspection').select('status').where('id', '=', inspection.id).executeTakeFirstOrThrow()).status,
      shown: await t.db.selectFrom('inspection_certificate_shown').select('person_id').where('inspection_id', '=', inspection.id).execute(),
    })
    expect(await stored()).toEqual({ status: 'in_progress', shown: [] })
    const done = await officer.post('/api/inspections/complete', { ...body, certificatesShown: [shown(lead!), shown(second!, '2026-11-20T10:03:00+08:00')] })
    expect(done.statusCode).toBe(200)
    expect(done.json().inspection.certificatesShown).toEqual([
      { personId: lead!.personId, name: expect.any(String), certNo: lead!.certNo, shownAt: '2026-11-20T02:02:00.000Z' },
      { personId: second!.personId, name: expect.any(String), certNo: second!.certNo, shownAt: '2026-11-20T02:03:00.000Z' },
    ])
    expect(done.json().inspection.numbers.correction).toBeNull()
  })
})

describe('the enterprise side', () => {
  it('shows the enterprise every inspection of itself with the officers’ certificates, and takes one rating each', async () => {
    const qiye = await t.as('qiye')
    const mine = (await qiye.get('/api/my-enterprise/inspections')).json()
    expect(mine.enterprise.name).toBe(DEMO_ENTERPRISE.name)
    const today = mine.items.find((i: { inspectionDate: string }) => i.inspectionDate === '2026-11-20')
    expect(today).toMatchObject({ orgName: '禄丰市住房和城乡建设局', result: 'correct', canRate: true })
    expect(today.officers.every((o: { validOnInspectionDay: boolean }) => o.validOnInspectionDay)).toBe(true)
    // …and when each showed it (亮证, as recorded on the officers' phone).
    expect(today.officers.map((o: { certNo: string; shown: { certNo: string } | null }) => o.shown?.certNo)).toEqual(today.officers.map((o: { certNo: string }) => o.certNo))
    expect(today.items.length).toBeGreaterThan(0)
    expect((await qiye.post(`/api/my-enterprise/inspections/${today.id}/rating`, { score: 2, comment: '要求法人到场' })).statusCode).toBe(204)
    expect((await qiye.post(`/api/my-enterprise/inspections/${today.id}/rating`, { score: 5 })).statusCode).toBe(409)
    // Its audit row and public leaf name the rating by its own random id, never the inspection rated.
    const rating = await t.db.selectFrom('inspection_rating').select('id').where('inspection_id', '=', today.id).executeTakeFirstOrThrow()
    expect(rating.id).not.toBe(today.id)
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: new Date(t.clock.now.getTime() + ANONYMOUS_DELAY_MAX_MINUTES * 60_000) }))
    const rateAudit = await t.db.selectFrom('audit_log').select(['entity_type', 'entity_id']).where('action', '=', 'inspection.rate').where('entity_id', 'in', [rating.id, today.id]).execute()
    expect(rateAudit).toEqual([{ entity_type: 'inspection_rating', entity_id: rating.id }])
    const receipts = await t.db.selectFrom('ledger_receipt').select(['record_id', 'leaf_id']).where('record_type', '=', 'inspection_rating').where('record_id', 'in', [rating.id, today.id]).execute()
    expect(receipts.map((r) => r.record_id)).toEqual([rating.id])
    const leaf = await t.db.selectFrom('ledger_leaf').select('leaf').where('id', '=', receipts[0]!.leaf_id).executeTakeFirstOrThrow()
    expect(leaf.leaf.includes(rating.id)).toBe(true)
    expect(leaf.leaf.includes(today.id)).toBe(false)
    const other = await t.db.selectFrom('inspection').select('id').where('enterprise_id', '!=', (await t.db.selectFrom('enterprise').select('id').where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()).id).where('status', '=', 'completed').executeTakeFirstOrThrow()
    expect((await qiye.post(`/api/my-enterprise/inspections/${other.id}/rating`, { score: 1 })).statusCode).toBe(404)
    const officer = await t.as('zjj_officer')
    expect((await officer.get('/api/my-enterprise/inspections')).statusCode).toBe(403)
  })

  it('routes individual ratings to supervisors only; the unit sees aggregates above the k-anonymity threshold', async () => {
    const head = await t.as('zjj_head')
    expect((await head.get('/api/inspection-ratings')).statusCode).toBe(403)
    const summary = (await head.get('/api/inspection-ratings/summary')).json()
    expect(summary).toMatchObject({ suppressed: false, threshold: 5 })
    expect(summary.ratedCount).toBeGreaterThanOrEqual(5)
    const sfj = await t.as('sfj')
    const low = (await sfj.get('/api/inspection-ratings?maxScore=2')).json().items
    expect(low.some((r: { comment: string | null }) => r.comment === '要求法人到场')).toBe(true)
    // Raise the threshold above the unit's count: the aggregate is withheld.
    const rules = (await sfj.get('/api/inspection-rules')).json().sets[0]
    const put = (body: unknown, cookie: string) => t.app.inject({ method: 'POST', url: '/api/inspection-rules/532331', payload: body as object, headers: { cookie } })
    const { regionCode: _r, regionName: _n, ...values } = rules
    expect((await put({ ...values, ratingMinCount: 100 }, head.cookie!)).statusCode).toBe(403)
    const md = await t.as('md_sfj')
    expect((await put({ ...values, ratingMinCount: 100 }, md.cookie!)).statusCode).toBe(403)
    // Below five the threshold would let the unit work out a single rating: refused, and nothing changes.
    const tooLow = await put({ ...values, ratingMinCount: 2 }, sfj.cookie!)
    expect(tooLow.statusCode).toBe(400)
    expect(tooLow.json().message).toContain('少于 5 条不公布')
    expect((await t.db.selectFrom('inspection_rule_set').select('rating_min_count').where('region_code', '=', '532331').executeTakeFirstOrThrow()).rating_min_count).toBe(values.ratingMinCount)
    await expect(t.db.updateTable('inspection_rule_set').set({ rating_min_count: 4 }).where('region_code', '=', '532331').execute()).rejects.toThrow()
    expect((await put({ ...values, ratingMinCount: 100 }, sfj.cookie!)).statusCode).toBe(200)
    const withheld = (await head.get('/api/inspection-ratings/summary?year=2026')).json()
    expect(withheld).toMatchObject({ suppressed: true, ratedCount: null, average: null, threshold: 100 })
    expect((await put(values, sfj.cookie!)).statusCode).toBe(200)
  })

  it('a unit cannot recover one rating by differencing summaries: quarters are fixed, closed and hold five or more', async () => {
    const head = await t.as('zjj_head')
    const zjj = await orgId('LF-ZJJ')
    type Cell = { quarter: string; from: string; to: string; released: boolean; ratedCount?: number }
    type Summary = { suppressed: boolean; ratedCount: number | null; distribution: number[] | null; quarters: Cell[] }
    const summary = async (query = '') => (await head.get(`/api/inspection-ratings/summary${query}`)).json() as Summary
    const countIn = async (cell: Cell) =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from inspection_rating rt join inspection i on i.id = rt.inspection_id
            where i.org_id = ${zjj} and (rt.created_at at time zone 'Asia/Shanghai')::date between ${cell.from}::date and ${cell.to}::date`.execute(t.db)
        ).rows[0].n,
      )
    const all = await summary()
    // Every quarter with fewer than five ratings is withheld, and so is the running one (2026-Q4).
    for (const cell of all.quarters) if ((await countIn(cell)) < 5) expect(cell.released).toBe(false)
    expect(all.quarters.find((c) => c.quarter === '2026-Q4')).toMatchObject({ released: false, reason: 'open' })
    // The totals are sums of the released quarters only.
    expect(all.ratedCount ?? 0).toBe(all.quarters.reduce((n, c) => n + (c.released ? c.ratedCount! : 0), 0))

    // An enterprise rates in a closed quarter holding at most three ratings: neither the all-years
    // answer nor the answer for that year moves, so no difference of two answers shows it.
    const target = (await Promise.all(all.quarters.map(async (c) => ({ c, n: await countIn(c) })))).find(({ c, n }) => !c.released && c.to < '2026-11-20' && n <= 3)
    expect(target, 'a closed quarter with at most three ratings').toBeDefined()
    const quarter = target!.c
    const year = quarter.quarter.slice(0, 4)
    const ofYear = await summary(`?year=${year}`)
    const unrated = await t.db
      .selectFrom('inspection as i')
      .leftJoin('inspection_rating as rt', 'rt.inspection_id', 'i.id')
      .select(['i.id', 'i.enterprise_id'])
      .where('i.org_id', '=', zjj)
      .where('i.status', '=', 'completed')
      .where('rt.inspection_id', 'is', null)
      .limit(5)
      .execute()
    expect(unrated.length).toBe(5)
    const rate = (i: (typeof unrated)[number]) =>
      t.db.insertInto('inspection_rating').values({ inspection_id: i.id, enterprise_id: i.enterprise_id, score: 1, comment: null, created_at: new Date(`${quarter.from}T00:00:00+08:00`) }).execute()
    await rate(unrated[0])
    expect(await summary()).toEqual(all)
    expect(await summary(`?year=${year}`)).toEqual(ofYear)
    // Filled up to five or more, the quarter is released — whole, with its own numbers.
    for (const i of unrated.slice(1, 5 - target!.n)) await rate(i)
    const filled = (await summary()).quarters.find((c) => c.quarter === quarter.quarter)
    expect(filled).toMatchObject({ released: true, ratedCount: 5 })
  })

  it('takes an anonymous complaint that keeps neither the account nor the enterprise, readable by supervisors only', async () => {
    const qiye = await t.as('qiye')
    const mine = (await qiye.get('/api/my-enterprise/inspections')).json().items[0]
    const res = await qiye.post('/api/my-enterprise/complaints', { inspectionId: mine.id, content: '检查人员要求提供与检查事项无关的材料', anonymous: true })
    expect(res.statusCode).toBe(201)
    const row = await t.db.selectFrom('inspection_complaint').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ anonymous: true, user_id: null, enterprise_id: null, inspection_id: null })
    expect(row.org_id).toBe(await orgId('LF-ZJJ'))
    // Its audit row and leaf wait (a random delay, then shuffled into a batch) and name no account or address.
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', row.id).execute()).toEqual([])
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: new Date(t.clock.now.getTime() + ANONYMOUS_DELAY_MAX_MINUTES * 60_000) }))
    const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'ip', 'user_agent']).where('entity_id', '=', row.id).executeTakeFirstOrThrow()
    expect(audit).toEqual({ actor_id: null, ip: null, user_agent: null })
    expect((await (await t.as('zjj_head')).get('/api/inspection-complaints')).statusCode).toBe(403)
    const list = (await (await t.as('sfj')).get('/api/inspection-complaints')).json().items
    expect(list.find((c: { id: string }) => c.id === row.id)).toMatchObject({ anonymous: true, enterpriseName: null })
  })
})

describe('plans, ad-hoc inspections and joint inspections', () => {
  it('a plan may only name catalogue items the unit holds; it is approved and published by the unit head, and tasks follow its months', async () => {
    const officer = await t.as('zjj_officer')
    const held = (await officer.get('/api/inspection-plans/held-items')).json().items
    expect(held.length).toBeGreaterThan(0)
    expect(held.every((i: { kind: string }) => i.kind === 'inspection')).toBe(true)
    // A case's 案由 is chosen among the unit's 行政处罚 items: the same list with kind=penalty.
    const penaltyItems = (await officer.get('/api/inspection-plans/held-items?kind=penalty')).json().items
    expect(penaltyItems.length).toBeGreaterThan(0)
    expect(penaltyItems.every((i: { kind: string }) => i.kind === 'penalty')).toBe(true)
    expect((await officer.get('/api/inspection-plans/held-items?kind=license')).statusCode).toBe(400)
    const notHeld = await t.db.selectFrom('power_item').select('id').where('domain', '=', '林草').where('kind', '=', 'inspection').executeTakeFirstOrThrow()
    const enterprise = await t.db.selectFrom('enterprise').select('id').where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    const base = { year: 2026, kind: 'special', title: '2026年冬季施工安全专项检查', months: [12], targetMode: 'list', enterpriseIds: [enterprise.id] }
    const outside = await officer.post('/api/inspection-plans', { ...base, powerItemIds: [notHeld.id] })
    expect(outside.statusCode).toBe(422)
    expect(outside.json().message).toContain('清单之外无权力')
    // A penalty item the unit holds is still no ground for an inspection.
    const penalty = await t.db.selectFrom('power_item').select('id').where('code', '=', 'CF-ZJ-040').executeTakeFirstOrThrow()
    const before = Number((await t.db.selectFrom('inspection_plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const penaltyPlan = await officer.post('/api/inspection-plans', { ...base, powerItemIds: [held[0].id, penalty.id] })
    expect(penaltyPlan.statusCode).toBe(422)
    expect(penaltyPlan.json().details.violations[0].rule).toBe('inspection_item')
    expect(penaltyPlan.json().message).toContain('行政处罚事项')
    expect(Number((await t.db.selectFrom('inspection_plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before)
    expect(held.every((i: { kind: string }) => i.kind === 'inspection')).toBe(true)
    const created = await officer.post('/api/inspection-plans', { ...base, powerItemIds: [held[0].id] })
    expect(created.statusCode).toBe(201)
    const id = created.json().plan.id
    expect((await officer.post(`/api/inspection-plans/${id}/submit`)).json().plan.status).toBe('submitted')
    expect((await officer.post(`/api/inspection-plans/${id}/approve`)).statusCode).toBe(403)
    const head = await t.as('zjj_head')
    expect((await head.post(`/api/inspection-plans/${id}/approve`)).json().plan.status).toBe('approved')
    expect((await head.post(`/api/inspection-plans/${id}/publish`)).json().plan.status).toBe('published')
    const published = (await t.anonymous.get('/api/public/inspection-plans?year=2026')).json().items
    expect(published.find((p: { id: string }) => p.id === id)).toMatchObject({ title: base.title, months: [12] })
    const officers = [await personOf('zjj_officer'), await personOf('zjj_officer2')]
    const wrongMonth = await officer.post(`/api/inspection-plans/${id}/tasks`, { enterpriseIds: [enterprise.id], plannedDate: '2026-11-25', officerIds: officers })
    expect(wrongMonth.statusCode).toBe(422)
    const ok = await officer.post(`/api/inspection-plans/${id}/tasks`, { enterpriseIds: [enterprise.id], plannedDate: '2026-12-03', officerIds: officers })
    expect(ok.statusCode).toBe(201)
  })

  it('an ad-hoc inspection needs a trigger and the unit head’s approval', async () => {
    const officer = await t.as('zjj_officer')
    const held = (await officer.get('/api/inspection-plans/held-items')).json().items
    const enterprise = await t.db.selectFrom('enterprise').select('id').where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    const officers = [await personOf('zjj_officer'), await personOf('zjj_officer2')]
    const noTrigger = await officer.post('/api/inspections/ad-hoc', { enterpriseId: enterprise.id, powerItemIds: [held[0].id], plannedDate: '2026-11-21', officerIds: officers })
    expect(noTrigger.statusCode).toBe(400)
    const res = await officer.post('/api/inspections/ad-hoc', { enterpriseId: enterprise.id, trigger: 'complaint', triggerNote: '12345 热线投诉', powerItemIds: [held[0].id], plannedDate: '2026-11-21', officerIds: officers })
    expect(res.json().inspection).toMatchObject({ status: 'pending_approval', kind: 'ad_hoc', trigger: 'complaint' })
    const head = await t.as('zjj_head')
    const approved = await head.post(`/api/inspections/${res.json().inspection.id}/approve`, { note: '同意' })
    expect(approved.json().inspection.status).toBe('scheduled')
  })

  it('proposes one joint inspection when several units plan the same enterprise in the window, and records who joined', async () => {
    const ls = await t.as('js_head')
    const enterprise = await t.db.selectFrom('enterprise').select('id').where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    const held = (await ls.get('/api/inspection-plans/held-items')).json().items
    const jsPersons = await t.db.selectFrom('person').select('id').where('org_id', '=', await orgId('JS-ZF')).where('status', '=', 'active').limit(2).execute()
    const adHoc = await ls.post('/api/inspections/ad-hoc', { enterpriseId: enterprise.id, trigger: 'data_monitoring', triggerNote: '监测预警', powerItemIds: [held[0].id], plannedDate: '2026-12-04', officerIds: jsPersons.map((p) => p.id) })
    expect(adHoc.json().inspection.status).toBe('scheduled')
    const proposals = (await ls.get('/api/inspections/joint-proposals')).json().items
    const mine = proposals.find((p: { enterpriseId: string }) => p.enterpriseId === enterprise.id)
    expect(new Set(mine.tasks.map((x: { orgName: string }) => x.orgName))).toEqual(new Set(['禄丰市住房和城乡建设局', '禄丰市金山镇人民政府']))
    const opened = await ls.post('/api/joint-inspections', { taskId: adHoc.json().inspection.id, plannedDate: '2026-12-03' })
    expect(opened.statusCode).toBe(200)
    const zjjTask = mine.tasks.find((x: { orgName: string; plannedDate: string }) => x.orgName === '禄丰市住房和城乡建设局' && x.plannedDate === '2026-12-03')
    const officer = await t.as('zjj_officer')
    const joined = await officer.post('/api/joint-inspections', { taskId: zjjTask.taskId, jointId: opened.json().jointId, plannedDate: '2026-12-03' })
    expect(joined.json().members).toHaveLength(2)
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', opened.json().jointId).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['joint_inspection.create', 'joint_inspection.join'])
  })
})

describe('a unit plans and inspects only the enterprises of its own county', () => {
  const countOf = async (table: 'inspection_plan' | 'inspection') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it('refuses a listed plan target of another county as absent, and writes no plan', async () => {
    const officer = await t.as('zjj_officer')
    const held = (await officer.get('/api/inspection-plans/held-items')).json().items
    const foreign = await foreignCountyEnterprise(t, 77_400_001)
    const own = await t.db.selectFrom('enterprise').select('id').where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
    const before = await countOf('inspection_plan')
    const res = await officer.post('/api/inspection-plans', { year: 2026, kind: 'special', title: '越界检查计划', months: [12], powerItemIds: [held[0].id], targetMode: 'list', enterpriseIds: [own.id, foreign.id] })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '市场主体不存在或无权查看', details: { outside: [foreign.id] } })
    expect(await countOf('inspection_plan')).toBe(before)
  })

  it('draws a sampling plan’s targets from the planning unit’s county only', async () => {
    const officer = await t.as('zjj_officer')
    const head = await t.as('zjj_head')
    const held = (await officer.get('/api/inspection-plans/held-items')).json().items
    const foreign = await foreignCountyEnterprise(t, 77_400_002)
    const all = Number((await t.db.selectFrom('enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const created = await officer.post('/api/inspection-plans', { year: 2026, kind: 'special', title: '全县双随机抽查', months: [12], powerItemIds: [held[0].id], targetMode: 'sampling', samplingRule: { count: all } })
    expect(created.statusCode).toBe(201)
    const id = created.json().plan.id
    await officer.post(`/api/inspection-plans/${id}/submit`)
    await head.post(`/api/inspection-plans/${id}/approve`)
    expect((await head.post(`/api/inspection-plans/${id}/publish`)).json().plan.status).toBe('published')
    const targets = await t.db
      .selectFrom('inspection_plan_target as t')
      .innerJoin('enterprise as e', 'e.id', 't.enterprise_id')
      .innerJoin('region as r', 'r.code', 'e.region_code')
      .select(['e.id', 'r.path'])
      .where('t.plan_id', '=', id)
      .execute()
    expect(targets.length).toBeGreaterThan(0)
    expect(targets.map((x) => x.id)).not.toContain(foreign.id)
    expect(targets.every((x) => x.path.startsWith('530000/532300/532331/'))).toBe(true)
  })

  it('refuses an ad-hoc inspection of an enterprise of another county, and a scan of its code answers as an unknown code', async () => {
    const officer = await t.as('zjj_officer')
    const held = (await officer.get('/api/inspection-plans/held-items')).json().items
    const foreign = await foreignCountyEnterprise(t, 77_400_003)
    const officers = [await personOf('zjj_officer'), await personOf('zjj_officer2')]
    const before = await countOf('inspection')
    const adHoc = await officer.post('/api/inspections/ad-hoc', { enterpriseId: foreign.id, trigger: 'complaint', triggerNote: '12345 热线投诉', powerItemIds: [held[0].id], plannedDate: '2026-11-21', officerIds: officers })
    expect(adHoc.statusCode).toBe(404)
    expect(adHoc.json().code).toBe('NOT_FOUND')
    const scan = await start(officer, { scan: { method: 'typed', creditCode: foreign.creditCode }, coOfficerIds: [officers[1]] })
    expect(scan.statusCode).toBe(404)
    expect(scan.json().message).toBe('未找到该统一社会信用代码对应的市场主体')
    expect(scan.body).not.toContain('牟定')
    expect(await countOf('inspection')).toBe(before)
  })
})

describe('oversight (justice bureau)', () => {
  it('counts the year per month and unit, and lists over-cap, multi-unit, late, typed and low-rated inspections and every override', async () => {
    const sfj = await t.as('sfj')
    const res = await sfj.get('/api/inspection-oversight?year=2025')
    expect(res.statusCode).toBe(200)
    const o = res.json()
    expect(o.byMonth.reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(786)
    expect(o.totals.total).toBe(786)
    expect(o.byUnit.length).toBeGreaterThan(3)
    expect(o.overUnitCap.length).toBeGreaterThan(0)
    expect(o.overrides).toHaveLength(3)
    expect(o.multiUnit.length).toBeGreaterThan(0)
    expect(o.lateSyncs.length).toBeGreaterThan(0)
    expect(o.typedScans.length).toBeGreaterThan(0)
    expect(o.lowRatings.length).toBeGreaterThan(0)
    const officer = await t.as('zjj_officer')
    expect((await officer.get('/api/inspection-oversight?year=2025')).statusCode).toBe(403)
    const md = (await (await t.as('md_sfj')).get('/api/inspection-oversight?year=2025')).json()
    expect(md.totals.total).toBe(0)
  })

  it('the start rule and the oversight count the same window, of the configured period: a monthly cap of one refuses a second visit within a month, and the overridden one is listed', async () => {
    const sfj = await t.as('sfj')
    const { regionCode: _r, regionName: _n, ...values } = (await sfj.get('/api/inspection-rules')).json().sets[0]
    const setRules = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/inspection-rules/532331', payload: body as object, headers: { cookie: sfj.cookie! } })
    expect((await setRules({ ...values, capPeriod: 'month', capPerUnit: 1 })).statusCode).toBe(200)
    try {
      const head = await t.as('zjj_head')
      const officer = await t.as('zjj_officer')
      const officers = [await personOf('zjj_officer'), await personOf('zjj_officer2')]
      const held = (await officer.get('/api/inspection-plans/held-items')).json().items
      const qiye = await t.db.selectFrom('enterprise').select(['id', 'credit_code']).where('credit_code', '=', DEMO_ENTERPRISE.creditCode).executeTakeFirstOrThrow()
      // 恒通建材 was inspected today by 住建局 (above): one visit in the month back from today.
      const task = (await head.post('/api/inspections/ad-hoc', { enterpriseId: qiye.id, trigger: 'complaint', triggerNote: '群众举报夜间施工', powerItemIds: [held[0].id], plannedDate: '2026-11-20', officerIds: officers })).json().inspection
      const scan = { method: 'qr', token: demoQrToken(qiye.credit_code) }
      const refused = await start(officer, { taskId: task.id, scan, coOfficerIds: [officers[1]] })
      expect(refused.statusCode).toBe(422)
      expect(refused.json().details.violations.map((v: { rule: string }) => v.rule)).toEqual(['cap_unit'])
      expect(refused.json().message).toContain('近一个月（2026-10-21 至 2026-11-20）已检查该企业 1 次（上限 1 次）')
      const override = (await officer.post('/api/inspection-overrides', { taskId: task.id, date: '2026-11-20', reason: '举报称存在重大安全隐患，须当日核查' })).json().override
      expect((await head.post(`/api/inspection-overrides/${override.id}/approve`, { note: '同意' })).statusCode).toBe(200)
      expect((await start(officer, { taskId: task.id, scan, coOfficerIds: [officers[1]], overrideId: override.id })).statusCode).toBe(201)

      const o = (await sfj.get('/api/inspection-oversight?year=2026')).json()
      expect(o.capAsOf).toBe('2026-11-20')
      expect(o.overUnitCap.filter((r: { enterpriseId: string }) => r.enterpriseId === qiye.id)).toEqual([
        { enterpriseId: qiye.id, enterpriseName: DEMO_ENTERPRISE.name, orgName: '禄丰市住房和城乡建设局', count: 2, cap: 1, from: '2026-10-21', to: '2026-11-20' },
      ])
      // Back to a yearly cap of two: the same two visits are within it, and the oversight says so.
      expect((await setRules(values)).statusCode).toBe(200)
      const yearly = (await sfj.get('/api/inspection-oversight?year=2026')).json()
      expect(yearly.overUnitCap.some((r: { enterpriseId: string }) => r.enterpriseId === qiye.id)).toBe(false)
    } finally {
      await setRules(values)
    }
  })
})
