import { validateIdNumber } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { personOfUser } from './registry.factories'

let t: TestApp
let secrets: string[]
beforeAll(async () => {
  t = await createTestApp()
  const people = await t.db.selectFrom('person').select(['id_number', 'phone']).execute()
  secrets = people.flatMap((p) => [p.id_number, p.phone ?? '']).filter(Boolean)
})
afterAll(() => t.close())

/** The body contains no officer's ID number or personal phone. */
function expectNoPersonalData(body: string) {
  const leaked = secrets.filter((s) => body.includes(s))
  expect(leaked).toEqual([])
  expect(body).not.toMatch(/id_?number|idNumber/i)
}

async function certNoOf(username: string) {
  const person = await personOfUser(t, username)
  const row = await t.db.selectFrom('certificate').select('cert_no').where('person_id', '=', person.id).executeTakeFirstOrThrow()
  return row.cert_no
}

describe('public registry pages (no login)', () => {
  it('publishes the 38 entities of 禄丰市, filterable by township', async () => {
    const res = await t.anonymous.get('/api/public/entities?regionCode=532331')
    expect(res.statusCode).toBe(200)
    expect(res.json().total).toBe(38)
    expectNoPersonalData(res.body)
    const jinshan = (await t.anonymous.get('/api/public/entities?regionCode=532331100')).json()
    expect(jinshan.items.map((e: { name: string }) => e.name).sort()).toEqual(['禄丰市金山镇人民政府', '禄丰市金山镇综合行政执法队'])
    const team = jinshan.items.find((e: { name: string }) => e.name === '禄丰市金山镇综合行政执法队')
    expect(team).toMatchObject({ entityTypeLabel: '受委托组织', delegationsReceived: [expect.objectContaining({ documentNo: '金山政发〔2024〕12号', principalName: '禄丰市金山镇人民政府' })] })
    expect(Object.keys(team).sort()).toEqual(
      ['address', 'delegationsGiven', 'delegationsReceived', 'entityType', 'entityTypeLabel', 'id', 'legalBasis', 'name', 'orgName', 'phone', 'publishedAt', 'regionCode', 'regionName', 'responsiblePerson', 'version'].sort(),
    )
    expect((await t.anonymous.get('/api/public/entities?regionCode=999999')).json().total).toBe(0)
  })

  it('lists officers with name, unit, certificate number, areas and status only', async () => {
    const res = await t.anonymous.get(`/api/public/officers?q=${encodeURIComponent('张伟')}`)
    expect(res.statusCode).toBe(200)
    const items = res.json().items as Array<Record<string, unknown>>
    expect(items).toEqual([{ name: '张伟', orgName: '禄丰市住房和城乡建设局', certNo: await certNoOf('zjj_officer'), areas: ['住房城乡建设'], effectiveStatus: 'valid', statusLabel: '有效' }])
    const all = await t.anonymous.get('/api/public/officers?pageSize=200')
    expectNoPersonalData(all.body)
    const listed = all.json() as { items: Array<{ statusLabel: string; orgName: string }>; total: number }
    expect(listed.items.some((o) => o.statusLabel === '注销')).toBe(false)
    // Units whose entity is not published (e.g. 发改局, only audited) are not listed.
    expect(listed.items.some((o) => o.orgName === '禄丰市发展和改革局')).toBe(false)
    const township = (await t.anonymous.get('/api/public/officers?regionCode=532331100')).json() as { items: Array<{ orgName: string }> }
    expect(new Set(township.items.map((o) => o.orgName))).toEqual(new Set(['禄丰市金山镇人民政府', '禄丰市金山镇综合行政执法队']))
    // A township team without an entity of its own acts in its government's name and is listed.
    const heping = (await t.anonymous.get('/api/public/officers?regionCode=532331109')).json() as { items: Array<{ orgName: string }> }
    expect(heping.items.map((o) => o.orgName)).toContain('禄丰市和平镇综合行政执法队')
  })

  it('checks a certificate: valid today, with only public fields', async () => {
    const certNo = await certNoOf('zjj_officer')
    const res = await t.anonymous.get(`/api/public/certificates/${certNo}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().certificate).toEqual({
      certNo,
      holderName: '张伟',
      orgName: '禄丰市住房和城乡建设局',
      areas: ['住房城乡建设'],
      issuer: '云南省人民政府',
      validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      effectiveStatus: 'valid',
      statusLabel: '有效',
      validToday: true,
      checkedOn: '2026-11-20',
    })
    expectNoPersonalData(res.body)
  })

  it('says 暂扣, 注销 and 已过期 for the demo’s invalid certificates', async () => {
    const rows = await t.db.selectFrom('certificate').select(['cert_no', 'status', 'valid_to']).execute()
    const sample = (predicate: (r: (typeof rows)[number]) => boolean) => rows.find(predicate)?.cert_no ?? ''
    const expect_ = async (certNo: string, label: string) => {
      const c = (await t.anonymous.get(`/api/public/certificates/${certNo}`)).json().certificate
      expect(c).toMatchObject({ statusLabel: label, validToday: false })
    }
    await expect_(sample((r) => r.status === 'suspended'), '暂扣')
    await expect_(sample((r) => r.status === 'cancelled'), '注销')
    await expect_(sample((r) => r.status === 'valid' && r.valid_to < '2026-11-20'), '已过期')
  })

  it('answers an unknown number with 404 and a clear Chinese message', async () => {
    const res = await t.anonymous.get('/api/public/certificates/53233199999999')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('未查到执法证号为 53233199999999 的执法证') })
    expect((await t.anonymous.get('/api/public/certificates/53233199999999/qr.svg')).statusCode).toBe(404)
  })

  it('draws the QR code as SVG pointing at the portal check page', async () => {
    const certNo = await certNoOf('zjj_officer')
    const res = await t.anonymous.get(`/api/public/certificates/${certNo}/qr.svg`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('image/svg+xml')
    expect(res.body.startsWith('<svg')).toBe(true)
    expect(res.body).toContain('<path')
  })

  it('sums up the city for the portal header', async () => {
    const res = await t.anonymous.get('/api/public/registry/summary?regionCode=532331')
    expect(res.json()).toMatchObject({ publishedEntities: 38, units: 49, onboardedUnits: 46 })
    expect(res.json().validCertificates).toBeGreaterThan(120)
  })
})

describe('the demo data set', () => {
  it('has about 150 officers with valid GB 11643 numbers from 楚雄州, and numbered certificates', async () => {
    const people = await t.db.selectFrom('person').select(['id_number', 'sex']).execute()
    expect(people.length).toBeGreaterThanOrEqual(140)
    expect(people.length).toBeLessThanOrEqual(160)
    for (const p of people) {
      const check = validateIdNumber(p.id_number, { today: '2026-11-20' })
      expect(check.ok && check.regionCode.startsWith('5323') && check.sex === p.sex).toBe(true)
    }
    const certs = await t.db.selectFrom('certificate').select(['cert_no', 'status']).execute()
    expect(certs.every((c) => /^5323\d{2}20\d{6}$/.test(c.cert_no))).toBe(true)
    expect(certs.filter((c) => c.status === 'suspended').length).toBeGreaterThanOrEqual(2)
    expect(certs.filter((c) => c.status === 'cancelled').length).toBeGreaterThanOrEqual(2)
  })

  it('gives the demo officer accounts certificates valid today, linked to their records', async () => {
    for (const username of ['zjj_officer', 'zjj_officer2']) {
      const check = (await t.anonymous.get(`/api/public/certificates/${await certNoOf(username)}`)).json().certificate
      expect(check.validToday).toBe(true)
    }
  })

  it('documents every route in the OpenAPI description', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, unknown> }
    for (const path of ['/api/orgs', '/api/entities/{id}/confirm', '/api/persons/{id}/certificates', '/api/public/certificates/{certNo}', '/api/regions']) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
  })
})
