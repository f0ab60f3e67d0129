import { evidenceFilesOpen, labels } from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, notFound } from '../../platform/errors'
import type { FileStore } from '../../platform/files/file-store'
import { mediaTypeLabels, SNIFF_HEAD_BYTES, type SniffedMediaType, sniffMediaType } from '../../platform/files/file-type-sniff'
import { receiveUpload } from '../../platform/files/receive-upload'
import { recordInlineUploads } from '../../platform/files/accept-inline-files'
import { acceptUpload, uploadRules } from '../../platform/files/upload-limits'
import { markUploadsLinked } from '../../platform/files/uploads.repository'
import type { Ctx } from './case-transitions.service'
import * as files from './case-evidence-files.repository'
import { actorKinds, canSeeCase } from './cases.policy'
import * as repo from './cases.repository'

export type AttachEvidenceFileOptions = {
  caseId: string
  evidenceId: string
  /** The digest the client computed; the bytes must match it. */
  sha256: string
  /** The name the officer gave the file (shown in the 证据清单; the download takes the type's extension). */
  fileName: string
  body: AsyncIterable<Uint8Array>
  declaredBytes: number | null
  quotaBytesPerDay: number
}

/**
 * Attaches a file (photo, scan, audio, video) to an evidence item of a case: by the case's own
 * officers (承办人) or its unit head, while the case is investigated and up to the decision
 * (`evidenceFilesOpen`); after 决定 the evidence is frozen (409 `EVIDENCE_FROZEN`). Everything is
 * checked before a byte is read; the file then passes the streamed-upload rules of
 * platform/files/receive-upload.ts (type by content — images, PDF, MP3/M4A, MP4 —, size caps, the
 * daily quota, the digest) and is attached in one transaction that re-checks the status under the
 * case's lock, links the upload (so the cleanup keeps it) and writes the audit row and its ledger leaf
 * naming the digest. The same file sent again to the same item is attached once.
 *
 * @example
 * const { row, created } = await attachEvidenceFile(db, ctx, store, { caseId, evidenceId, sha256, fileName: '现场照片1.jpg', body, declaredBytes: 48213, quotaBytesPerDay })
 */
export async function attachEvidenceFile(db: Kysely<DB>, ctx: Ctx, store: FileStore, options: AttachEvidenceFileOptions): Promise<{ row: files.EvidenceFileRow; created: boolean }> {
  await mayAttach(db, ctx, options.caseId, options.evidenceId)
  const received = await receiveUpload(db, ctx, store, {
    kind: 'evidence',
    expectedSha256: options.sha256,
    body: options.body,
    declaredBytes: options.declaredBytes,
    quotaBytesPerDay: options.quotaBytesPerDay,
  })
  return inTransaction(db, async (trx) => {
    const { row, evidence } = await mayAttach(trx, ctx, options.caseId, options.evidenceId, { lock: true })
    return attachIn(trx, ctx, row, evidence, { sha256: received.sha256, fileName: options.fileName, mediaType: received.mediaType, byteSize: received.byteSize })
  })
}

async function attachIn(
  trx: Transaction<DB>,
  ctx: Ctx,
  row: repo.CaseRow,
  evidence: { id: string; title: string },
  file: { sha256: string; fileName: string; mediaType: SniffedMediaType; byteSize: number },
): Promise<{ row: files.EvidenceFileRow; created: boolean }> {
  const attached = await files.insertEvidenceFile(trx, {
    evidence_id: evidence.id,
    case_id: row.id,
    sha256: file.sha256,
    file_name: file.fileName,
    media_type: file.mediaType,
    byte_size: file.byteSize,
    attached_by: ctx.actor.userId,
    attached_at: ctx.now,
  })
  if (!attached.created) return attached
  await markUploadsLinked(trx, [file.sha256], ctx.now)
  await recordAudit(trx, ctx, {
    action: 'case.attach_evidence_file',
    entityType: 'case_evidence_file',
    entityId: attached.row.id,
    orgId: row.org_id,
    summary: `${row.case_no ?? row.title}：为证据“${evidence.title}”附加${mediaTypeLabels[file.mediaType]}文件“${file.fileName}”`,
    after: { caseId: row.id, evidenceId: evidence.id, sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize },
  })
  return attached
}

/**
 * The same inside a caller's transaction, for bytes already in hand (the demo's seeded files): the
 * same checks, the type from the bytes (`acceptUpload`), the upload recorded and linked, the audit
 * row and leaf. The bytes are stored first; a refusal leaves only an unreferenced file for the cleanup.
 */
export async function attachEvidenceBytesIn(trx: Transaction<DB>, ctx: Ctx, store: FileStore, options: { caseId: string; evidenceId: string; bytes: Buffer; fileName: string }) {
  const { mediaType } = acceptUpload('evidence', options.bytes.subarray(0, SNIFF_HEAD_BYTES))
  const { sha256 } = await store.putBytes(options.bytes)
  const { row, evidence } = await mayAttach(trx, ctx, options.caseId, options.evidenceId, { lock: true })
  await recordInlineUploads(trx, ctx, 'evidence', [{ name: options.fileName, bytes: options.bytes, sha256, byteSize: options.bytes.length, mediaType }])
  return attachIn(trx, ctx, row, evidence, { sha256, fileName: options.fileName, mediaType, byteSize: options.bytes.length })
}

/**
 * Whether the caller may attach files to the case's evidence now (the case detail shows the upload
 * button only then): one of the case's officers or its unit head, in an open status.
 */
export async function mayAttachNow(db: Kysely<DB>, ctx: Ctx, row: repo.CaseRow, officerPersonIds: readonly string[]): Promise<boolean> {
  if (!evidenceFilesOpen(row.status)) return false
  return attachers(ctx, row, await personIdOn(db, ctx, row), officerPersonIds)
}

/**
 * A file of a case's evidence for download: to those who may see the case (its unit, the county's
 * supervisors, admins) and to the 案卷评查 reviewers assigned to a review file of the case — anyone
 * else gets 404. The type is sniffed again from the stored bytes (a file of no accepted type is an
 * opaque download); the name carries that type's extension, whatever the officer typed.
 */
export async function openEvidenceFile(db: Kysely<DB>, ctx: Ctx, store: FileStore, caseId: string, fileId: string) {
  const row = await repo.findCase(db, caseId)
  if (!row || !(canSeeCase(ctx.actor, row) || (await files.reviewsCase(db, ctx.actor.userId, caseId)))) throw notFound('证据文件')
  const file = await files.findEvidenceFile(db, caseId, fileId)
  if (!file) throw notFound('证据文件')
  const head = await store.readHead(file.sha256, SNIFF_HEAD_BYTES)
  const opened = await store.openRead(file.sha256)
  if (!head || !opened) throw notFound('证据文件')
  const sniffed = sniffMediaType(head)
  const mediaType: SniffedMediaType | 'application/octet-stream' = sniffed && uploadRules.evidence[sniffed] !== undefined ? sniffed : 'application/octet-stream'
  return { stream: opened.stream, size: opened.size, mediaType, fileName: downloadName(file.file_name, mediaType) }
}

/**
 * The name a file downloads under: the officer's name without its extension, with the extension of
 * the type its content shows — a "报告.html" that is a PDF saves as 报告.pdf, never as a page a
 * browser would open.
 *
 * @example
 * downloadName('现场照片.html', 'image/png') // '现场照片.png'
 */
export function downloadName(name: string, mediaType: SniffedMediaType | 'application/octet-stream'): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,8}$/, '') || '证据文件'
  return `${base}.${mediaType === 'application/octet-stream' ? 'bin' : extensionOf[mediaType]}`
}

const extensionOf: Record<SniffedMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
}

async function mayAttach(db: Parameters<typeof repo.findCase>[0], ctx: Ctx, caseId: string, evidenceId: string, options: { lock?: boolean } = {}) {
  const row = options.lock ? await repo.lockCase(db, caseId) : await repo.findCase(db, caseId)
  if (!row || !canSeeCase(ctx.actor, row)) throw notFound('案件', { id: caseId })
  const evidence = await files.findEvidenceOfCase(db, caseId, evidenceId)
  if (!evidence) throw notFound('证据', { id: evidenceId })
  const officers = await repo.listOfficers(db, caseId)
  if (!attachers(ctx, row, await personIdOn(db, ctx, row), officers.map((o) => o.person_id))) throw forbidden('证据文件须由本案承办人或本单位负责人上传')
  if (!evidenceFilesOpen(row.status)) {
    throw new AppError('EVIDENCE_FROZEN', `案件当前为“${labels.caseStatus[row.status]}”，证据已固定，不能再附加文件（证据材料在作出处罚决定前收集）`, { status: row.status })
  }
  return { row, evidence }
}

function attachers(ctx: Ctx, row: repo.CaseRow, personId: string | null, officerPersonIds: readonly string[]): boolean {
  const kinds = actorKinds(ctx.actor, row, personId, officerPersonIds)
  return kinds.has('case_officer') || kinds.has('unit_head')
}

async function personIdOn(db: Parameters<typeof repo.findCase>[0], ctx: Ctx, row: repo.CaseRow): Promise<string | null> {
  const person = await repo.findPersonOfUser(db, ctx.actor.userId)
  return person && person.org_id === row.org_id && person.status === 'active' ? person.id : null
}
