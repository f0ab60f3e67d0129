import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { fileStoreOf } from '../../platform/files/file-store'
import { STORED_FILE_CSP } from '../../platform/files/serve-file'
import { isFileReferenced } from '../../platform/files/uploads.repository'
import { insertEvidenceFile } from './case-evidence-files.repository'
import { downloadName } from './case-evidence-files.service'
import { act, at, caseFixture, inquiry, ok, registerCase, userClient, type CaseFixture } from './cases.test-factory'

// 证据材料的文件: photos, scans, audio and video attached to a case's evidence items — typed by their
// bytes, stored by digest, attached by the case's officers before the decision, seen by those who see
// the case and by the 案卷评查 reviewers of its file.

let t: TestApp
let f: CaseFixture
let dataDir: string
let caseId = ''
let evidenceId = ''

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const png = () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(2000)])
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), randomBytes(500)])

async function put(username: string, bytes: Buffer, options: { caseId?: string; evidenceId?: string; name?: string; digest?: string } = {}) {
  const client = await t.as(username)
  const url = `/api/cases/${options.caseId ?? caseId}/evidence/${options.evidenceId ?? evidenceId}/files/${options.digest ?? sha(bytes)}?name=${encodeURIComponent(options.name ?? '现场照片.png')}`
  return t.app.inject({ method: 'PUT', url, payload: bytes, headers: { 'content-type': 'application/octet-stream', cookie: client.cookie! } })
}
const attachedRows = (id = caseId) => t.db.selectFrom('case_evidence_file').selectAll().where('case_id', '=', id).execute()

beforeAll(async () => {
  t = await createTestApp()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-evidence-'))
  t.app.deps.config.dataDir = dataDir
  f = await caseFixture(t)
  at(t, '2026-11-20')
  const officer = userClient(t, 'zjj_officer')
  const created = await registerCase(t, officer, f)
  caseId = created.case.id
  await act(t, officer, caseId, 'submit_filing')
  await act(t, userClient(t, 'zjj_head'), caseId, 'approve_filing')
  const recorded = await act(t, officer, caseId, 'record_evidence', inquiry(f, '2026-11-20'))
  evidenceId = recorded.evidence[0].id
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('attaching files to evidence', () => {
  it('an officer of the case attaches a photo: typed by its bytes, listed on the item, linked, audited; sending it again attaches it once', async () => {
    const bytes = png()
    const res = await put('zjj_officer', bytes, { name: '询问现场.jpg' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ fileName: '询问现场.jpg', mediaType: 'image/png', mediaTypeLabel: 'PNG', byteSize: bytes.length, sha256: sha(bytes), created: true })

    const again = await put('zjj_officer', bytes, { name: '询问现场.jpg' })
    expect(again.statusCode).toBe(200)
    expect(again.json().created).toBe(false)
    expect(await attachedRows()).toHaveLength(1)

    const detail = ok(await userClient(t, 'zjj_officer').get(`/api/cases/${caseId}`))
    expect(detail.mayAttachEvidenceFiles).toBe(true)
    expect(detail.evidence[0].files).toEqual([expect.objectContaining({ fileName: '询问现场.jpg', url: `/api/cases/${caseId}/evidence-files/${res.json().id}` })])
    const upload = await t.db.selectFrom('upload').select(['kind', 'media_type', 'linked_at']).where('sha256', '=', sha(bytes)).executeTakeFirstOrThrow()
    expect(upload).toMatchObject({ kind: 'evidence', media_type: 'image/png' })
    expect(upload.linked_at).not.toBeNull()
    // The cleanup of unlinked uploads asks whether anything still names the file.
    await t.db.deleteFrom('upload').where('sha256', '=', sha(bytes)).execute()
    expect(await isFileReferenced(t.db, sha(bytes))).toBe(true)
    const audit = await t.db.selectFrom('audit_log').select(['summary', 'after']).where('action', '=', 'case.attach_evidence_file').where('entity_id', '=', res.json().id).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after).toMatchObject({ sha256: sha(bytes), evidenceId })
  })

  it('a PDF scan, an MP3 and an MP4 are evidence too; HTML is refused (415) and nothing is attached', async () => {
    const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0]), randomBytes(400)])
    const ftyp = Buffer.alloc(24)
    ftyp.writeUInt32BE(24, 0)
    ftyp.write('ftypisom\0\0\0\0isommp41', 4, 'latin1')
    const mp4 = Buffer.concat([ftyp, randomBytes(600)])
    for (const [bytes, type] of [[pdf(), 'application/pdf'], [mp3, 'audio/mpeg'], [mp4, 'video/mp4']] as const) {
      const res = await put('zjj_officer', bytes, { name: '材料' })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().mediaType).toBe(type)
    }
    const before = (await attachedRows()).length
    const html = await put('zjj_officer', Buffer.from('<!DOCTYPE html><script>fetch("/api/users")</script>'), { name: '照片.png' })
    expect(html.statusCode).toBe(415)
    expect(html.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const mismatch = await put('zjj_officer', png(), { digest: 'a'.repeat(64) })
    expect(mismatch.statusCode).toBe(400)
    expect(await attachedRows()).toHaveLength(before)
  })

  it('refuses a name with a path, a legal reviewer, another unit and an item of another case', async () => {
    expect((await put('zjj_officer', png(), { name: '../../etc/passwd' })).json().code).toBe('VALIDATION_FAILED')
    // 法制审核 reviews the evidence; it does not collect it.
    const legal = await put('zjj_legal', png())
    expect(legal.statusCode).toBe(403)
    expect(legal.json().code).toBe('FORBIDDEN')
    // The route admits unit heads and officers; another unit's head does not see the case.
    expect((await put('js_head', png())).statusCode).toBe(404)
    const other = await t.db.selectFrom('case_evidence').select('id').where('case_id', '<>', caseId).executeTakeFirstOrThrow()
    expect((await put('zjj_officer', png(), { evidenceId: other.id })).statusCode).toBe(404)
  })

  it('after the decision the evidence is frozen: 409 EVIDENCE_FROZEN, nothing written', async () => {
    const decided = await t.db
      .selectFrom('penalty_case as c')
      .innerJoin('case_evidence as e', 'e.case_id', 'c.id')
      .select(['c.id', 'e.id as evidenceId'])
      .where('c.org_id', '=', f.zjjId)
      .where('c.status', 'in', ['closed', 'archived'])
      .executeTakeFirstOrThrow()
    const res = await put('zjj_head', png(), { caseId: decided.id, evidenceId: decided.evidenceId })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('EVIDENCE_FROZEN')
    expect(res.json().message).toContain('证据已固定')
    const detail = ok(await userClient(t, 'zjj_head').get(`/api/cases/${decided.id}`))
    expect(detail.mayAttachEvidenceFiles).toBe(false)
  })
})

describe('viewing evidence files', () => {
  it('is served as its sniffed type with the stored-file headers, to the unit and the county’s supervisors; 404 to another county', async () => {
    const [file] = await attachedRows()
    const url = `/api/cases/${caseId}/evidence-files/${file!.id}`
    for (const user of ['zjj_officer', 'zjj_legal', 'sfj']) {
      const res = await (await t.as(user)).get(url)
      expect(res.statusCode, user).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toBe(STORED_FILE_CSP)
      // Named by its content's type, not the .jpg the officer typed.
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('询问现场.png'))
    }
    expect((await (await t.as('md_sfj')).get(url)).statusCode).toBe(404)
    expect((await (await t.as('volunteer')).get(url)).statusCode).toBe(404)
  })

  it('a 案卷评查 reviewer assigned to the file sees the case’s evidence and its files on the sheet, and downloads them', async () => {
    const file = await t.db
      .selectFrom('review_file as f')
      .innerJoin('review_sheet as s', 's.file_id', 'f.id')
      .innerJoin('case_evidence as e', 'e.case_id', 'f.case_id')
      .select(['f.id', 'f.case_id', 'f.standard_id', 'e.id as evidenceId'])
      .executeTakeFirstOrThrow()
    const evidence = { id: file.evidenceId }
    const bytes = pdf()
    await fileStoreOf(t.app.deps.config).put(bytes, sha(bytes))
    const zjjHead = await t.db.selectFrom('app_user').select('id').where('username', '=', 'zjj_head').executeTakeFirstOrThrow()
    const { row } = await insertEvidenceFile(t.db, {
      evidence_id: evidence.id,
      case_id: file.case_id!,
      sha256: sha(bytes),
      file_name: '抽样检测报告.html',
      media_type: 'application/pdf',
      byte_size: bytes.length,
      attached_by: zjjHead.id,
      attached_at: new Date('2025-06-01T10:00:00+08:00'),
    })
    const url = `/api/cases/${file.case_id}/evidence-files/${row.id}`
    const volunteer = await t.as('volunteer')
    expect((await volunteer.get(url)).statusCode).toBe(404)

    const volunteerId = (await t.db.selectFrom('app_user').select('id').where('username', '=', 'volunteer').executeTakeFirstOrThrow()).id
    const sheet = await t.db.insertInto('review_sheet').values({ file_id: file.id, reviewer_id: volunteerId, role: 'cross', standard_id: file.standard_id, items: '[]' }).returning('id').executeTakeFirstOrThrow()
    const view = await volunteer.get(`/api/review/sheets/${sheet.id}`)
    expect(view.statusCode, view.body).toBe(200)
    const item = (view.json().caseEvidence as Array<{ id: string; files: Array<{ url: string }> }>).find((e) => e.id === evidence.id)
    expect(item?.files.map((x) => x.url)).toContain(url)

    const res = await volunteer.get(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    // Whatever it was called, a PDF downloads as a .pdf, never as a page.
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('抽样检测报告.pdf'))
    expect(Buffer.from(res.rawPayload).equals(bytes)).toBe(true)
  })

  it('names a download by its content’s type', () => {
    expect(downloadName('报告.html', 'application/pdf')).toBe('报告.pdf')
    expect(downloadName('录音', 'audio/mpeg')).toBe('录音.mp3')
    expect(downloadName('.png', 'application/octet-stream')).toBe('证据文件.bin')
  })
})
