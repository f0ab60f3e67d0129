import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { auditRows, newIdNumber, orgIdOf, personOfUser, userIdOf, withWrongCheckDigit } from './registry.factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Person = { id: string; name: string; orgName: string; sex: string; idNumber: string | null; idNumberMasked: string; status: string; username: string | null; actions: string[]; currentCertificate: { certNo: string; effectiveStatus: string } | null }

describe('执法人员 records', () => {
  it('registers an officer of one’s own unit with a valid ID number; sex comes from the number', async () => {
    const head = await t.as('zjj_head')
    const idNumber = newIdNumber()
    const res = await head.post('/api/persons', { orgId: await orgIdOf(t, 'LF-ZJJ'), name: '罗晓东', idNumber: idNumber.toLowerCase(), phone: '13800001111', position: '执法人员' })
    expect(res.statusCode).toBe(201)
    const person = res.json().person as Person
    expect(person).toMatchObject({ name: '罗晓东', orgName: '禄丰市住房和城乡建设局', sex: Number(idNumber[16]) % 2 ? 'male' : 'female', idNumber: null, currentCertificate: null })
    expect(person.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`)
    expect(person.actions).toEqual(['update', 'leave'])
    const audit = await auditRows(t, person.id)
    expect(audit.map((a) => a.action)).toEqual(['person.create'])
    expect(JSON.stringify(audit)).not.toContain(idNumber)
  })

  it('refuses a wrong check digit or birth date with the reason in Chinese, and a duplicate with 409', async () => {
    const head = await t.as('zjj_head')
    const orgId = await orgIdOf(t, 'LF-ZJJ')
    const bad = await head.post('/api/persons', { orgId, name: '错号码', idNumber: withWrongCheckDigit(newIdNumber()) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '身份证号码校验位不正确，请核对是否录入有误', details: { field: 'idNumber', reason: 'checksum_mismatch' } })
    const short = await head.post('/api/persons', { orgId, name: '短号码', idNumber: '53230219900517' })
    expect(short.json().message).toBe('身份证号码应为18位')
    const existing = await personOfUser(t, 'zjj_officer')
    const duplicate = await head.post('/api/persons', { orgId, name: '重复者', idNumber: existing.id_number })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().message).toBe('该身份证号码已登记为执法人员，请勿重复登记')
    const count = await t.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('name', 'in', ['错号码', '短号码', '重复者']).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('keeps units apart: 住建局’s head cannot see or change 金山镇’s officers', async () => {
    const head = await t.as('zjj_head')
    const list = (await head.get('/api/persons?pageSize=100')).json() as { items: Person[] }
    expect(new Set(list.items.map((p) => p.orgName))).toEqual(new Set(['禄丰市住房和城乡建设局']))
    const jinshan = await personOfUser(t, 'js_head')
    expect((await head.get(`/api/persons/${jinshan.id}`)).statusCode).toBe(404)
    expect((await head.patch(`/api/persons/${jinshan.id}`, { phone: '13900000000' })).statusCode).toBe(404)
    expect((await head.post(`/api/persons/${jinshan.id}/leave`, { reason: '跨单位操作' })).statusCode).toBe(404)
    const create = await head.post('/api/persons', { orgId: await orgIdOf(t, 'JS-ZF'), name: '跨单位', idNumber: newIdNumber() })
    expect(create.statusCode).toBe(403)
    const officer = await t.as('zjj_officer')
    const peers = (await officer.get('/api/persons')).json() as { items: Person[] }
    expect(peers.items.every((p) => p.actions.length === 0)).toBe(true)
  })

  it('shows the full ID number only on an admin’s detail screen', async () => {
    const officer = await personOfUser(t, 'zjj_officer')
    const admin = await t.as('admin')
    expect((await admin.get(`/api/persons/${officer.id}`)).json().person.idNumber).toBe(officer.id_number)
    const adminList = await admin.get(`/api/persons?q=${encodeURIComponent(officer.name)}`)
    expect(adminList.body).not.toContain(officer.id_number)
    for (const username of ['sfj', 'zjj_head', 'zjj_officer']) {
      const res = await (await t.as(username)).get(`/api/persons/${officer.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain(officer.id_number)
      expect(res.json().person.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    }
  })

  it('finds officers by name, certificate number or full ID number, and by certificate state', async () => {
    const sfj = await t.as('sfj')
    const officer = await personOfUser(t, 'zjj_officer')
    const byId = (await sfj.get(`/api/persons?q=${officer.id_number}`)).json() as { items: Person[] }
    expect(byId.items.map((p) => p.name)).toEqual(['张伟'])
    const certNo = byId.items[0].currentCertificate?.certNo ?? ''
    expect((await sfj.get(`/api/persons?q=${certNo}`)).json().items.map((p: Person) => p.name)).toEqual(['张伟'])
    const expiring = (await sfj.get('/api/persons?certificate=expiring')).json() as { total: number }
    expect(expiring.total).toBe(4)
    const invalid = (await sfj.get('/api/persons?certificate=invalid&pageSize=50')).json() as { items: Person[] }
    expect(invalid.items.map((p) => p.currentCertificate?.effectiveStatus).sort()).toEqual(
      expect.arrayContaining(['cancelled', 'expired', 'suspended']),
    )
  })

  it('links an officer’s account to their record, only within the unit and only once', async () => {
    const head = await t.as('zjj_head')
    const created = (await head.post('/api/persons', { orgId: await orgIdOf(t, 'LF-ZJJ'), name: '周春燕', idNumber: newIdNumber() })).json().person as Person
    const taken = await head.patch(`/api/persons/${created.id}`, { userId: await userIdOf(t, 'zjj_officer') })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().message).toContain('已关联执法人员 张伟')
    const foreign = await head.patch(`/api/persons/${created.id}`, { userId: await userIdOf(t, 'js_head') })
    expect(foreign.statusCode).toBe(400)
    const admin = await t.as('admin')
    const account = await admin.post('/api/users', { username: 'zjj_officer3', displayName: '周春燕', role: 'officer', orgId: await orgIdOf(t, 'LF-ZJJ'), password: 'Lufeng@2026x' })
    expect(account.statusCode).toBe(201)
    const linked = await head.patch(`/api/persons/${created.id}`, { userId: account.json().user.id })
    expect(linked.json().person).toMatchObject({ username: 'zjj_officer3' })
  })

  it('marks an officer as left, which reminds the supervisors to cancel the certificate', async () => {
    const head = await t.as('zjj_head')
    const officer = await personOfUser(t, 'zjj_officer2')
    expect((await head.post(`/api/persons/${officer.id}/leave`, {})).statusCode).toBe(400)
    const left = await head.post(`/api/persons/${officer.id}/leave`, { reason: '调任市政府办公室' })
    expect(left.json().person).toMatchObject({ status: 'left', statusLabel: '已离岗', actions: ['update', 'rejoin'] })
    expect((await head.post(`/api/persons/${officer.id}/leave`, { reason: '重复操作' })).statusCode).toBe(409)
    const todos = (await (await t.as('sfj')).get('/api/todos')).json().items as Array<{ kind: string; title: string }>
    expect(todos.filter((i) => i.kind === 'certificate.cancel_left').map((i) => i.title)).toEqual(expect.arrayContaining([expect.stringContaining('刘洋')]))
  })

  it('transfers an officer only through a supervisor', async () => {
    const officer = await personOfUser(t, 'zjj_head')
    const head = await t.as('zjj_head')
    expect((await head.patch(`/api/persons/${officer.id}`, { orgId: await orgIdOf(t, 'JS-ZF') })).statusCode).toBe(403)
    const sfj = await t.as('sfj')
    const other = (await sfj.post('/api/persons', { orgId: await orgIdOf(t, 'LF-ZJJ'), name: '段永福', idNumber: newIdNumber() })).json().person as Person
    const moved = await sfj.patch(`/api/persons/${other.id}`, { orgId: await orgIdOf(t, 'GT-ZF') })
    expect(moved.json().person.orgName).toBe('禄丰市广通镇人民政府')
    expect((await auditRows(t, other.id)).map((a) => a.action)).toEqual(['person.create', 'person.transfer'])
  })
})
