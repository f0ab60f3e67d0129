import { createHash, randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Hostile uploads (issue 11): an attacker once planted an HTML "photo" that loaded a JS "photo" and, opened by a
// 监督人员, changed /api/social/settings. Now the bytes decide a file's type, and stored files are served so that
// no script in them runs on this origin.

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
// What the planted page would do as the supervisor: leave a marker and change the bureau's settings.
const payload = `<script>localStorage.setItem('pwned','1');fetch('/api/social/settings',{method:'POST',credentials:'include',headers:{'content-type':'application/json'},body:JSON.stringify({complaintAnswerDays:1,opinionAnswerDays:1,transferAcceptDays:1})})</script>`
const hostile = {
  html: Buffer.from(`<!DOCTYPE html><html><body>${payload}<script src="/api/inspection-files/${'0'.repeat(64)}"></script></body></html>`),
  svg: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="localStorage.setItem('pwned','1')">${payload}</svg>`),
  js: Buffer.from("localStorage.setItem('pwned','1')"),
}
const pngSignature = Buffer.from('89504e470d0a1a0a', 'hex')
// A real 2×2 PNG, made unique so a rerun on the same data starts clean.
const photo = Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAWAAIB0d0zrwAAAABJRU5ErkJggg==', 'base64'), randomBytes(16)])
// The one hostile file the sniffer lets through: a PNG signature with a page behind it. It is a PNG and is served as one.
const polyglot = Buffer.concat([pngSignature, Buffer.from(`<html><body>${payload}</body></html>`), randomBytes(16)])

test('a hostile "photo" is refused; stored photos are served sandboxed, and a polyglot opened by a supervisor runs nothing', async ({ browser }) => {
  const officer = await signIn(browser, 'zjj_officer')
  for (const [name, bytes] of Object.entries(hostile)) {
    const res = await officer.request.put(`/api/inspection-files/${sha(bytes)}`, { data: bytes, headers: { 'content-type': 'image/png' } })
    expect(res.status(), name).toBe(415)
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPEG、PNG、WebP、HEIC') })
  }

  // The officer records an inspection with a real photo and the polyglot, whatever type the client claims.
  for (const bytes of [photo, polyglot]) {
    const res = await officer.request.put(`/api/inspection-files/${sha(bytes)}`, { data: bytes, headers: { 'content-type': 'text/html' } })
    expect(res.ok()).toBe(true)
    expect(await res.json()).toMatchObject({ sha256: sha(bytes), mediaType: 'image/png' })
  }
  const today = await (await officer.request.get('/api/m/today')).json()
  const co = (today.colleagues as Array<{ id: string; certNo: string | null }>).find((c) => c.certNo)!
  // One of today's tasks the rules let start; never 恒通建材, which the phone spec inspects today.
  const tasks = (today.tasks as Array<{ id: string; status: string; enterprise: { name: string; creditCode: string } }>).filter((t) => t.status === 'scheduled' && t.enterprise.name !== '禄丰金山恒通建材有限公司')
  let inspection: { id: string; clientKey: string } | null = null
  for (const task of tasks) {
    const clientKey = randomBytes(12).toString('base64url')
    const res = await officer.request.post('/api/inspections/start', { data: { clientKey, taskId: task.id, scan: { method: 'typed', creditCode: task.enterprise.creditCode }, coOfficerIds: [co.id], scannedAt: new Date().toISOString() } })
    if (res.status() === 201) {
      inspection = { id: (await res.json()).inspection.id, clientKey }
      break
    }
  }
  expect(inspection, 'a task that may start today').not.toBeNull()
  const detail = (await (await officer.request.get(`/api/inspections/${inspection!.id}`)).json()).inspection
  const now = new Date().toISOString()
  const completed = await officer.request.post('/api/inspections/complete', {
    data: {
      clientKey: inspection!.clientKey,
      items: detail.items.map((i: { powerItemId: string }) => ({ powerItemId: i.powerItemId, outcome: 'ok' })),
      findings: '现场检查未发现问题。',
      result: 'no_issue',
      photos: [photo, polyglot].map((bytes) => ({ sha256: sha(bytes), capturedAt: now, mediaType: 'text/html' })),
      representativeName: '王建国',
      representativeConfirmedAt: now,
      // 亮证 (art. 55): both officers showed their certificates on the spot.
      certificatesShown: detail.officers.map((o: { personId: string; certNo: string }) => ({ personId: o.personId, certNo: o.certNo, shownAt: now })),
      completedAt: now,
    },
  })
  expect(completed.status(), await completed.text()).toBe(200)
  expect((await completed.json()).inspection.photos.map((p: { mediaType: string }) => p.mediaType)).toEqual(['image/png', 'image/png'])

  // The supervisor's view: every served photo carries its sniffed type, nosniff, a sandboxing CSP and `inline`.
  const sfj = await signIn(browser, 'sfj')
  const settingsBefore = await (await sfj.request.get('/api/social/settings')).json()
  for (const bytes of [photo, polyglot]) {
    const res = await sfj.request.get(`/api/inspection-files/${sha(bytes)}`)
    expect(res.status()).toBe(200)
    const headers = res.headers()
    expect(headers['content-type']).toBe('image/png')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['content-security-policy']).toContain('sandbox')
    expect(headers['content-security-policy']).toContain("default-src 'none'")
    expect(headers['content-disposition']).toMatch(/^inline;/)
  }

  // Opening the polyglot in the browser shows (a broken) image; its page never runs.
  await sfj.goto(`/api/inspection-files/${sha(polyglot)}`)
  await expect(sfj.locator('img')).toHaveCount(1)
  await sfj.goto('/')
  await expect(sfj.getByTestId('user-menu')).toBeVisible()
  expect(await sfj.evaluate(() => localStorage.getItem('pwned'))).toBeNull()
  expect(await (await sfj.request.get('/api/social/settings')).json()).toEqual(settingsBefore)
})

test('a volunteer’s HTML attachment is refused; a PDF carrying HTML reaches the bureau as a sandboxed download, never as a page', async ({ browser }) => {
  const volunteer = await signIn(browser, 'volunteer')
  const html = Buffer.from(`<!DOCTYPE html><html><body>${payload}</body></html>`)
  const refused = await volunteer.request.post('/api/volunteer-opinions', {
    data: { content: '附上现场记录，请司法局核查。', attachments: [{ name: '现场记录.html', contentBase64: html.toString('base64') }] },
  })
  expect(refused.status()).toBe(415)
  expect((await refused.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE')
  // Its content starts as a PDF, so it is accepted as one — and served as one.
  const page = Buffer.concat([Buffer.from('%PDF-1.4\n'), html])
  const sent = await volunteer.request.post('/api/volunteer-opinions', {
    data: { content: '附上现场记录，请司法局核查。', attachments: [{ name: '现场记录.html', contentBase64: page.toString('base64') }] },
  })
  expect(sent.status()).toBe(201)
  const url = `/api/volunteer-opinions/${(await sent.json()).id}/attachments/${sha(page)}`

  const sfj = await signIn(browser, 'sfj')
  const settingsBefore = await (await sfj.request.get('/api/social/settings')).json()
  const res = await sfj.request.get(url)
  expect(res.status()).toBe(200)
  expect(res.headers()).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' })
  expect(res.headers()['content-security-policy']).toContain('sandbox')
  expect(res.headers()['content-disposition']).toMatch(/^attachment;/)

  // Following the link downloads the file; nothing of it runs on this origin.
  const download = sfj.waitForEvent('download')
  await sfj.evaluate((href) => {
    const a = document.createElement('a')
    a.href = href
    document.body.append(a)
    a.click()
  }, url)
  expect((await download).suggestedFilename()).toBe('现场记录.html')
  expect(await sfj.evaluate(() => localStorage.getItem('pwned'))).toBeNull()
  expect(await (await sfj.request.get('/api/social/settings')).json()).toEqual(settingsBefore)
})
