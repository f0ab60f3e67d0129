import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { STORED_FILE_CSP } from '../../platform/files/serve-file'
import { REMOVE_UNLINKED_UPLOADS_JOB } from '../../platform/files/uploads.jobs'
import { runDueJobs } from '../../platform/jobs/job-runner'
import { demoQrToken } from '../enterprises/enterprise-tokens'
import { DEMO_ENTERPRISE } from './inspections.demo'

// Hostile uploads: a "photo" is whatever its bytes are, not what the client calls it; it is capped,
// counted against a daily quota, removed when no record takes it up, and served so that it can never
// run as a page of this origin.

let t: TestApp
let dataDir: string
const START = new Date('2026-11-20T10:00:00+08:00')
beforeAll(async () => {
  t = await createTestApp()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-uploads-'))
  t.app.deps.config.dataDir = dataDir
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const MB = 1024 * 1024
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const stored = (digest: string) => path.join(dataDir, 'files', digest.slice(0, 2), digest)
const incomingLeft = () => (fs.existsSync(path.join(dataDir, 'files', 'incoming')) ? fs.readdirSync(path.join(dataDir, 'files', 'incoming')) : [])
const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + 4 * compatible.length)
  box.writeUInt32BE(box.length, 0)
  box.write(`ftyp${major}`, 4, 'latin1')
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'))
  return box
}
const pngHead = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
/** A distinct file of each kind: signature, then random bytes. */
const photos = {
  jpeg: () => Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(3000)]),
  png: () => Buffer.concat([pngHead, randomBytes(3000)]),
  webp: () => Buffer.concat([Buffer.from('RIFF'), Buffer.from('a00b0000', 'hex'), Buffer.from('WEBPVP8 '), randomBytes(3000)]),
  heic: () => Buffer.concat([ftyp('heic', 'mif1', 'heic'), randomBytes(3000)]),
}
const hostile = {
  html: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/social/settings",{method:"POST"})</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/api/social/settings\')"><script>alert(1)</script></svg>'),
  js: Buffer.from('fetch("/api/social/settings",{method:"POST",credentials:"include"})'),
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'),
}

async function put(username: string, bytes: Uint8Array | Readable, options: { contentType?: string; digest?: string } = {}) {
  const client = await t.as(username)
  const digest = options.digest ?? (bytes instanceof Readable ? '0'.repeat(64) : sha(bytes))
  return t.app.inject({
    method: 'PUT',
    url: `/api/inspection-files/${digest}`,
    payload: bytes instanceof Readable ? bytes : Buffer.from(bytes),
    headers: { 'content-type': options.contentType ?? 'image/png', cookie: client.cookie! },
  })
}

async function uploadRows(digest: string) {
  return t.db.selectFrom('upload as up').innerJoin('app_user as u', 'u.id', 'up.uploader_user_id').select(['u.username', 'up.kind', 'up.media_type', 'up.byte_size', 'up.linked_at']).where('up.sha256', '=', digest).execute()
}

/** zjj_officer scans in at the demo enterprise with a co-inspector (as the phone does); returns the record's key. */
async function startInspection() {
  const officer = await t.as('zjj_officer')
  const co = await t.db.selectFrom('person as p').innerJoin('app_user as u', 'u.id', 'p.user_id').select('p.id').where('u.username', '=', 'zjj_officer2').executeTakeFirstOrThrow()
  const clientKey = randomBytes(12).toString('base64url')
  const res = await officer.post('/api/inspections/start', { clientKey, scan: { method: 'qr', token: demoQrToken(DEMO_ENTERPRISE.creditCode) }, coOfficerIds: [co.id], scannedAt: '2026-11-20T10:00:00+08:00' })
  expect(res.statusCode).toBe(201)
  return { clientKey, id: res.json().inspection.id as string }
}

/** Completes the inspection with these photos, as the phone does. */
async function completeWith(inspection: { clientKey: string; id: string }, photoList: Array<{ sha256: string; mediaType?: string; byteSize?: number }>) {
  const officer = await t.as('zjj_officer')
  const row = { id: inspection.id, client_key: inspection.clientKey }
  const detail = (await officer.get(`/api/inspections/${row.id}`)).json().inspection
  const res = await officer.post('/api/inspections/complete', {
    clientKey: row.client_key,
    items: detail.items.map((i: { powerItemId: string }) => ({ powerItemId: i.powerItemId, outcome: 'ok' })),
    findings: '现场检查未发现问题。',
    result: 'no_issue',
    photos: photoList.map((p) => ({ capturedAt: '2026-11-20T10:20:00+08:00', ...p })),
    representativeName: '李红梅',
    representativeConfirmedAt: '2026-11-20T11:00:00+08:00',
    completedAt: '2026-11-20T11:00:00+08:00',
    certificatesShown: detail.officers.map((o: { personId: string; certNo: string }) => ({ personId: o.personId, certNo: o.certNo, shownAt: '2026-11-20T10:01:00+08:00' })),
  })
  return { res, inspectionId: row.id }
}

describe('uploading a photo: the bytes decide the type', () => {
  it.each(Object.entries(hostile))('refuses %s sent as image/png with 415, naming the accepted types, and stores nothing', async (_name, bytes) => {
    const res = await put('zjj_officer', bytes, { contentType: 'image/png' })
    expect(res.statusCode).toBe(415)
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '照片只接受 JPEG、PNG、WebP、HEIC 格式的文件，该文件的内容不是其中任何一种' })
    expect(fs.existsSync(stored(sha(bytes)))).toBe(false)
    expect(await uploadRows(sha(bytes))).toEqual([])
    expect(incomingLeft()).toEqual([])
  })

  it('accepts JPEG, PNG, WebP and HEIC whatever the Content-Type says, and records the detected type', async () => {
    for (const [name, make] of Object.entries(photos)) {
      const bytes = make()
      // Each sent under a wrong or meaningless label: the label plays no part.
      const res = await put('zjj_officer', bytes, { contentType: name === 'jpeg' ? 'image/png' : name === 'png' ? 'text/html' : 'application/octet-stream' })
      expect(res.statusCode, name).toBe(200)
      const expected = `image/${name}`
      expect(res.json()).toEqual({ sha256: sha(bytes), byteSize: bytes.length, created: true, mediaType: expected })
      expect(fs.readFileSync(stored(sha(bytes))).equals(bytes)).toBe(true)
      expect(await uploadRows(sha(bytes))).toEqual([{ username: 'zjj_officer', kind: 'photo', media_type: expected, byte_size: bytes.length, linked_at: null }])
    }
    // A file shorter than the sniffing window (a real 2×2 PNG, 75 bytes) is sniffed at its end.
    const tiny = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAWAAIB0d0zrwAAAABJRU5ErkJggg==', 'base64')
    expect((await put('zjj_officer', tiny)).json()).toMatchObject({ mediaType: 'image/png', byteSize: tiny.length })
    expect(incomingLeft()).toEqual([])
  })

  it('keeps refusing bytes that do not match the digest recorded at capture, leaving no temp file', async () => {
    const res = await put('zjj_officer', photos.jpeg(), { digest: 'a'.repeat(64) })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('哈希不一致') })
    expect(fs.existsSync(stored('a'.repeat(64)))).toBe(false)
    expect(incomingLeft()).toEqual([])
  })

  it('refuses an empty body and anyone who is not an inspecting officer', async () => {
    const empty = await put('zjj_officer', Buffer.alloc(0), { digest: sha(Buffer.alloc(0)) })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().code).toBe('BAD_REQUEST')
    expect((await put('sfj', photos.png())).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'PUT', url: `/api/inspection-files/${'b'.repeat(64)}`, payload: photos.png(), headers: { 'content-type': 'image/png' } })).statusCode).toBe(401)
  })
})

describe('size caps', () => {
  it('refuses a photo over 15 MB declared by its length, before reading it', async () => {
    const big = Buffer.concat([pngHead, Buffer.alloc(15 * MB + 1 - pngHead.length)])
    const res = await put('zjj_officer', big)
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '照片不能超过 15 MB' })
    expect(fs.existsSync(stored(sha(big)))).toBe(false)
    expect(incomingLeft()).toEqual([])
  })

  it('stops a streamed photo (no declared length) at 15 MB and keeps nothing of it', async () => {
    let sent = 0
    const chunk = Buffer.alloc(MB)
    const body = Readable.from(
      (function* () {
        yield pngHead
        // 17 MB more than the head, unless the server stops reading sooner.
        for (let i = 0; i < 17; i++) {
          sent += chunk.length
          yield chunk
        }
      })(),
    )
    const res = await put('zjj_officer', body)
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'PNG 照片不能超过 15 MB', details: { maxBytes: 15 * MB } })
    expect(sent).toBeGreaterThan(15 * MB)
    expect(incomingLeft()).toEqual([])
  })
})

describe('the daily quota', () => {
  it('refuses new files beyond the bytes one user may upload in 24 hours; the same file again is free; the next day is open', async () => {
    const quota = t.app.deps.config.uploadQuotaBytesPerDay
    // A clock of its own, away from the other tests' uploads.
    t.clock.now = new Date('2026-12-10T09:00:00+08:00')
    t.app.deps.config.uploadQuotaBytesPerDay = 7000
    try {
      const first = photos.jpeg()
      expect((await put('zjj_officer2', first)).statusCode).toBe(200)
      expect((await put('zjj_officer2', first)).json()).toMatchObject({ created: false })
      expect((await put('zjj_officer2', photos.png())).statusCode).toBe(200)
      const third = photos.webp()
      const refused = await put('zjj_officer2', third)
      expect(refused.statusCode).toBe(429)
      expect(refused.json()).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED', message: '今日上传已达上限（每人 24 小时内 6.8 KB），请明天再传或联系系统管理员' })
      expect(fs.existsSync(stored(sha(third)))).toBe(false)
      // Another officer has a quota of their own.
      expect((await put('zjj_officer', third)).statusCode).toBe(200)

      t.clock.now = new Date('2026-12-11T09:30:00+08:00')
      expect((await put('zjj_officer2', photos.webp())).statusCode).toBe(200)
    } finally {
      t.app.deps.config.uploadQuotaBytesPerDay = quota
      t.clock.now = START
    }
  })
})

describe('other stored files', () => {
  it('a volunteer’s HTML attachment is refused; a PDF carrying HTML reaches the bureau as a sandboxed PDF download', async () => {
    const volunteer = await t.as('volunteer')
    const refused = await volunteer.post('/api/volunteer-opinions', { content: '附上现场记录，请司法局核查。', attachments: [{ name: '现场记录.html', contentBase64: hostile.html.toString('base64') }] })
    expect(refused.statusCode).toBe(415)
    const polyglot = Buffer.concat([hostile.pdf, hostile.html])
    const sent = await volunteer.post('/api/volunteer-opinions', { content: '附上现场记录，请司法局核查。', attachments: [{ name: '现场记录.html', contentBase64: polyglot.toString('base64') }] })
    expect(sent.statusCode).toBe(201)
    const res = await (await t.as('sfj')).get(`/api/volunteer-opinions/${sent.json().id}/attachments/${sha(polyglot)}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe(STORED_FILE_CSP)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="document.html"; filename*=UTF-8''${encodeURIComponent('现场记录.html')}`)
  })
})

describe('linking, serving and cleaning up', () => {
  const linked = photos.png()
  const orphan = photos.jpeg()
  const shared = photos.webp()
  const fresh = photos.heic()
  let inspectionId: string

  it('takes type and size from the stored file when the record is completed, whatever the phone says', async () => {
    t.clock.now = START
    expect((await put('zjj_officer', linked, { contentType: 'image/jpeg' })).statusCode).toBe(200)
    // An HTML file that reached the store by another way (an attachment): a record may not call it a photo.
    fs.mkdirSync(path.dirname(stored(sha(hostile.html))), { recursive: true })
    fs.writeFileSync(stored(sha(hostile.html)), hostile.html)
    const inspection = await startInspection()
    const refused = await completeWith(inspection, [{ sha256: sha(hostile.html), mediaType: 'image/png' }])
    expect(refused.res.statusCode).toBe(415)
    expect(refused.res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { sha256: sha(hostile.html) } })

    const { res, inspectionId: id } = await completeWith(inspection, [{ sha256: sha(linked), mediaType: 'text/html', byteSize: 1 }])
    inspectionId = id
    expect(res.statusCode).toBe(200)
    expect(res.json().inspection.photos).toEqual([expect.objectContaining({ sha256: sha(linked), mediaType: 'image/png', byteSize: linked.length })])
    const row = await t.db.selectFrom('inspection_photo').select(['media_type', 'byte_size']).where('sha256', '=', sha(linked)).executeTakeFirstOrThrow()
    expect(row).toEqual({ media_type: 'image/png', byte_size: linked.length })
    expect((await uploadRows(sha(linked)))[0]!.linked_at).toEqual(START)
  })

  it('serves a photo inline with its sniffed type, nosniff and a sandboxing CSP that replaces the app’s policy', async () => {
    const sfj = await t.as('sfj')
    const res = await sfj.get(`/api/inspection-files/${sha(linked)}`)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(linked)).toBe(true)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe(STORED_FILE_CSP)
    expect(String(res.headers['content-security-policy'])).toContain('sandbox')
    expect(String(res.headers['content-security-policy'])).not.toContain("script-src 'self'")
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="document\.png"; filename\*=UTF-8''/)
    // Someone outside the jurisdiction still gets nothing.
    expect((await (await t.as('md_sfj')).get(`/api/inspection-files/${sha(linked)}`)).statusCode).toBe(404)
  })

  it('serves a hostile "photo" left by an older version as a sandboxed download, not as a page', async () => {
    // What a database from before this check may hold: HTML recorded as a photo with the type the client chose.
    await t.db.insertInto('inspection_photo').values({ inspection_id: inspectionId, sha256: sha(hostile.html), captured_at: START, byte_size: hostile.html.length, media_type: 'text/html' }).execute()
    const res = await (await t.as('sfj')).get(`/api/inspection-files/${sha(hostile.html)}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe(STORED_FILE_CSP)
  })

  it('removes uploads no record took up after 24 hours, but never a file something still names', async () => {
    t.clock.now = START
    for (const bytes of [orphan, shared]) expect((await put('zjj_officer', bytes)).statusCode).toBe(200)
    // The same file from a colleague, 20 hours later: it keeps the file alive after the first upload goes.
    t.clock.now = new Date(START.getTime() + 20 * 3_600_000)
    expect((await put('zjj_officer2', shared)).statusCode).toBe(200)
    expect((await put('zjj_officer2', fresh)).statusCode).toBe(200)

    const dayAfter = new Date(START.getTime() + 25 * 3_600_000)
    const report = await runDueJobs(t.db, dayAfter)
    expect(report.ran.some((id) => id.startsWith(`${REMOVE_UNLINKED_UPLOADS_JOB}@`))).toBe(true)
    expect(report.failed).toEqual([])
    expect(fs.existsSync(stored(sha(orphan)))).toBe(false)
    expect(await uploadRows(sha(orphan))).toEqual([])
    expect(fs.existsSync(stored(sha(linked)))).toBe(true)
    expect((await uploadRows(sha(linked))).length).toBe(1)
    expect(fs.existsSync(stored(sha(shared)))).toBe(true)
    expect((await uploadRows(sha(shared))).map((r) => r.username)).toEqual(['zjj_officer2'])
    expect(fs.existsSync(stored(sha(fresh)))).toBe(true)
    // The HTML file came in without an upload row: not the cleanup's to judge.
    expect(fs.existsSync(stored(sha(hostile.html)))).toBe(true)

    await runDueJobs(t.db, new Date(START.getTime() + 50 * 3_600_000))
    expect(fs.existsSync(stored(sha(shared)))).toBe(false)
    expect(fs.existsSync(stored(sha(fresh)))).toBe(false)
    expect(fs.existsSync(stored(sha(linked)))).toBe(true)
    // The linked photo is still served.
    t.clock.now = START
    expect((await (await t.as('sfj')).get(`/api/inspection-files/${sha(linked)}`)).statusCode).toBe(200)
  })
})
