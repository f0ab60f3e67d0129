import { addCalendarDays, shanghaiDateOf } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { validCertificatesOn } from './certificate-validity'
import { auditRows, newCertNo, newIdNumber, orgIdOf, personOfUser } from './registry.factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Certificate = { id: string; certNo: string; status: string; effectiveStatus: string; statusLabel: string; validToday: boolean; validTo: string; areas: string[]; actions: string[]; checkUrl: string; events: Array<{ action: string; reason: string; actorName: string }> }

async function newPerson(orgCode = 'LF-ZJJ') {
  const sfj = await t.as('sfj')
  const res = await sfj.post('/api/persons', { orgId: await orgIdOf(t, orgCode), name: '测试人员', idNumber: newIdNumber() })
  return res.json().person.id as string
}

const issue = (certNo?: string) => ({ ...(certNo ? { certNo } : {}), areas: ['住房城乡建设'], issuer: '云南省人民政府', validFrom: '2026-01-01', validTo: '2030-12-31' })

describe('issuing 执法证', () => {
  it('lets a supervisor issue the next number of the county and year, with an event and an audit row', async () => {
    const sfj = await t.as('sfj')
    const personId = await newPerson()
    expect((await sfj.get(`/api/persons/${personId}`)).json().person.actions).toContain('issue_certificate')
    const res = await sfj.post(`/api/persons/${personId}/certificates`, issue())
    expect(res.statusCode).toBe(201)
    // One live certificate at a time: the button goes away.
    expect((await sfj.get(`/api/persons/${personId}`)).json().person.actions).not.toContain('issue_certificate')
    const cert = res.json().certificate as Certificate
    expect(cert.certNo).toMatch(/^5323312026\d{4}$/)
    expect(cert).toMatchObject({ status: 'valid', effectiveStatus: 'valid', statusLabel: '有效', validToday: true, checkUrl: `http://localhost:3000/portal/certificates/${cert.certNo}` })
    expect(cert.events.map((e) => e.action)).toEqual(['issue'])
    expect(cert.actions).toEqual(['change', 'suspend', 'cancel', 'renew'])
    expect((await auditRows(t, cert.id)).map((a) => a.action)).toEqual(['certificate.issue'])
    const next = await sfj.post(`/api/persons/${await newPerson()}/certificates`, issue())
    expect(Number(next.json().certificate.certNo)).toBe(Number(cert.certNo) + 1)
  })

  it('refuses unit heads (403), a duplicate number (409) and a second live certificate (409)', async () => {
    const personId = await newPerson()
    const head = await t.as('zjj_head')
    expect((await head.post(`/api/persons/${personId}/certificates`, issue())).statusCode).toBe(403)
    const sfj = await t.as('sfj')
    const taken = (await personOfUser(t, 'zjj_officer')).id
    const existing = (await sfj.get(`/api/persons/${taken}`)).json().certificates[0].certNo as string
    const duplicate = await sfj.post(`/api/persons/${personId}/certificates`, issue(existing))
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json()).toMatchObject({ code: 'DUPLICATE', message: `执法证号 ${existing} 已存在` })
    const second = await sfj.post(`/api/persons/${taken}/certificates`, issue(newCertNo()))
    expect(second.statusCode).toBe(409)
    expect(second.json().message).toContain('已持有执法证')
    const md = await t.as('md_sfj')
    expect((await md.post(`/api/persons/${personId}/certificates`, issue(newCertNo()))).statusCode).toBe(404)
    const count = await t.db.selectFrom('certificate').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })
})

describe('suspend, restore, change, renew, cancel', () => {
  it('runs each action with its reason, event and audit row, and refuses the wrong moment with 409', async () => {
    const sfj = await t.as('sfj')
    const personId = await newPerson()
    const cert = (await sfj.post(`/api/persons/${personId}/certificates`, issue(newCertNo()))).json().certificate as Certificate
    const url = `/api/certificates/${cert.id}`

    expect((await sfj.post(`${url}/suspend`, {})).statusCode).toBe(400)
    const restoreValid = await sfj.post(`${url}/restore`, { reason: '无需恢复' })
    expect(restoreValid.statusCode).toBe(409)
    expect(restoreValid.json().message).toBe(`执法证 ${cert.certNo} 当前为「有效」，不能恢复`)

    const suspended = (await sfj.post(`${url}/suspend`, { reason: '涉嫌违规执法接受调查' })).json().certificate as Certificate
    expect(suspended).toMatchObject({ effectiveStatus: 'suspended', statusLabel: '暂扣', validToday: false, actions: ['change', 'restore', 'cancel'] })
    expect((await sfj.post(`${url}/renew`, { validTo: '2031-12-31', reason: '暂扣期间换证' })).statusCode).toBe(409)
    const restored = (await sfj.post(`${url}/restore`, { reason: '调查结束，未发现违规' })).json().certificate as Certificate
    expect(restored.effectiveStatus).toBe('valid')

    const changed = (await sfj.post(`${url}/change`, { areas: ['住房城乡建设', '城市管理'], reason: '增加执法领域' })).json().certificate as Certificate
    expect(changed.areas).toEqual(['住房城乡建设', '城市管理'])
    const shorter = await sfj.post(`${url}/renew`, { validTo: '2029-01-01', reason: '缩短有效期' })
    expect(shorter.statusCode).toBe(400)
    const renewed = (await sfj.post(`${url}/renew`, { validTo: '2031-12-31', reason: '年度审验合格' })).json().certificate as Certificate
    expect(renewed.validTo).toBe('2031-12-31')

    const cancelled = (await sfj.post(`${url}/cancel`, { reason: '调离执法岗位' })).json().certificate as Certificate
    expect(cancelled).toMatchObject({ effectiveStatus: 'cancelled', statusLabel: '注销', actions: [] })
    expect((await sfj.post(`${url}/suspend`, { reason: '注销后暂扣' })).statusCode).toBe(409)
    expect(cancelled.events.map((e) => e.action)).toEqual(['cancel', 'renew', 'change', 'restore', 'suspend', 'issue'])
    expect(cancelled.events[0]).toMatchObject({ reason: '调离执法岗位', actorName: '李明华（司法局监督科）' })
    expect((await auditRows(t, cert.id)).map((a) => a.action)).toEqual([
      'certificate.issue',
      'certificate.suspend',
      'certificate.restore',
      'certificate.change',
      'certificate.renew',
      'certificate.cancel',
    ])
    // After cancellation a new certificate may be issued.
    expect((await sfj.post(`/api/persons/${personId}/certificates`, issue(newCertNo()))).statusCode).toBe(201)
  })

  it('lets a unit head see their officers’ certificates but not act on them', async () => {
    const head = await t.as('zjj_head')
    const officer = await personOfUser(t, 'zjj_officer')
    const detail = (await head.get(`/api/persons/${officer.id}`)).json()
    const cert = detail.certificates[0] as Certificate
    expect(cert).toMatchObject({ effectiveStatus: 'valid', actions: [] })
    expect((await head.post(`/api/certificates/${cert.id}/suspend`, { reason: '单位自行暂扣' })).statusCode).toBe(403)
    const js = await t.as('js_head')
    expect((await js.get(`/api/certificates/${cert.id}`)).statusCode).toBe(404)
  })

  it('writes neither event nor audit row when an action fails', async () => {
    const sfj = await t.as('sfj')
    const cert = (await sfj.post(`/api/persons/${await newPerson()}/certificates`, issue(newCertNo()))).json().certificate as Certificate
    const events = async () => t.db.selectFrom('certificate_event').select('id').where('certificate_id', '=', cert.id).execute()
    expect(await events()).toHaveLength(1)
    expect((await sfj.post(`/api/certificates/${cert.id}/renew`, { validTo: '2020-01-01', reason: '日期有误' })).statusCode).toBe(400)
    expect(await events()).toHaveLength(1)
    expect((await auditRows(t, cert.id)).map((a) => a.action)).toEqual(['certificate.issue'])
  })
})

describe('validity by date', () => {
  it('turns a certificate expired the day after its end date (Beijing time), without storing it', async () => {
    const sfj = await t.as('sfj')
    const cert = (await sfj.post(`/api/persons/${await newPerson()}/certificates`, { ...issue(newCertNo()), validFrom: '2025-01-01', validTo: '2026-11-30' })).json().certificate as Certificate
    const saved = t.clock.now
    try {
      t.clock.now = new Date('2026-11-30T23:59:00+08:00')
      expect((await t.anonymous.get(`/api/public/certificates/${cert.certNo}`)).json().certificate).toMatchObject({ validToday: true, statusLabel: '有效' })
      t.clock.now = new Date('2026-11-30T16:00:00Z') // 2026-12-01 00:00 in Beijing
      const check = (await t.anonymous.get(`/api/public/certificates/${cert.certNo}`)).json().certificate
      expect(check).toMatchObject({ validToday: false, effectiveStatus: 'expired', statusLabel: '已过期', checkedOn: '2026-12-01' })
      const stored = await t.db.selectFrom('certificate').select('status').where('id', '=', cert.id).executeTakeFirstOrThrow()
      expect(stored.status).toBe('valid')
      const detail = (await (await t.as('sfj')).get(`/api/certificates/${cert.id}`)).json().certificate as Certificate
      expect(detail.actions).not.toContain('suspend')
      expect(detail.actions).toContain('renew')
    } finally {
      t.clock.now = saved
    }
  })

  it('reminds the unit head and supervisors of certificates ending within 30 days', async () => {
    const head = await t.as('zjj_head')
    const items = (await head.get('/api/todos')).json().items as Array<{ kind: string; section: string; dueDate: string; urgent: boolean }>
    const expiring = items.filter((i) => i.kind === 'certificate.expiring')
    expect(expiring.length).toBeGreaterThanOrEqual(1)
    expect(expiring.every((i) => i.section === 'registry.officers' && i.dueDate <= addCalendarDays(shanghaiDateOf(t.clock.now), 30))).toBe(true)
    const sfjItems = (await (await t.as('sfj')).get('/api/todos')).json().items as Array<{ kind: string; urgent: boolean }>
    expect(sfjItems.filter((i) => i.kind === 'certificate.expiring').length).toBeGreaterThanOrEqual(4)
    expect(sfjItems.some((i) => i.kind === 'certificate.expiring' && i.urgent)).toBe(true)
  })
})

describe('validCertificatesOn (for the two-officer rule)', () => {
  it('answers for the demo officers today', async () => {
    const a = await personOfUser(t, 'zjj_head')
    const b = await personOfUser(t, 'zjj_legal')
    const valid = await validCertificatesOn(t.db, [a.id, b.id], '2026-11-20')
    expect([...valid.keys()].sort()).toEqual([a.id, b.id].sort())
    expect(valid.get(a.id)?.[0]).toMatchObject({ areas: ['住房城乡建设'], certNo: expect.stringMatching(/^53233120\d{6}$/) })
    expect((await validCertificatesOn(t.db, [], '2026-11-20')).size).toBe(0)
  })

  it('judges a past day by the certificate as it stood that day', async () => {
    const sfj = await t.as('sfj')
    const personId = await newPerson()
    const saved = t.clock.now
    try {
      t.clock.now = new Date('2026-03-01T10:00:00+08:00')
      const cert = (await sfj.post(`/api/persons/${personId}/certificates`, { ...issue(newCertNo()), validFrom: '2025-01-01', validTo: '2026-06-30' })).json().certificate as Certificate
      t.clock.now = new Date('2026-04-10T10:00:00+08:00')
      await sfj.post(`/api/certificates/${cert.id}/suspend`, { reason: '暂扣调查' })
      t.clock.now = new Date('2026-04-20T10:00:00+08:00')
      await sfj.post(`/api/certificates/${cert.id}/restore`, { reason: '调查结束' })
      t.clock.now = new Date('2026-06-25T10:00:00+08:00')
      await sfj.post(`/api/certificates/${cert.id}/renew`, { validTo: '2028-06-30', reason: '年度审验合格' })
    } finally {
      t.clock.now = saved
    }
    const on = async (date: string) => (await validCertificatesOn(t.db, [personId], date)).has(personId)
    expect(await on('2024-12-31')).toBe(false) // before its term
    expect(await on('2025-06-01')).toBe(true) // registered later, but in its term
    expect(await on('2026-04-09')).toBe(true)
    expect(await on('2026-04-10')).toBe(false) // suspended that day
    expect(await on('2026-04-15')).toBe(false)
    expect(await on('2026-04-20')).toBe(true) // restored
    expect(await on('2026-11-20')).toBe(true) // renewed
    expect(await on('2028-07-01')).toBe(false) // past the new end date
  })

  it('leaves out expired, suspended and cancelled certificates of the demo', async () => {
    const people = await t.db.selectFrom('person').select('id').execute()
    const valid = await validCertificatesOn(t.db, people.map((p) => p.id), '2026-11-20')
    const withLive = await t.db
      .selectFrom('certificate')
      .select('person_id')
      .where('status', '=', 'valid')
      .where('valid_from', '<=', '2026-11-20')
      .where('valid_to', '>=', '2026-11-20')
      .execute()
    expect(valid.size).toBe(new Set(withLive.map((c) => c.person_id)).size)
  })
})
