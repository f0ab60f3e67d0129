import { createHash } from 'node:crypto'
import type { Actor, RequestContext } from '../auth/actor'
import type { Executor } from '../audit/audit'
import { AppError } from '../errors'
import { SNIFF_HEAD_BYTES, type SniffedMediaType } from './file-type-sniff'
import { quotaExceeded } from './receive-upload'
import { acceptUpload, tooLarge, type UploadKind } from './upload-limits'
import * as repo from './uploads.repository'

/** A file sent inside a JSON body: its name and its bytes in base64. */
export type InlineFile = { name: string; contentBase64: string }

/** A file that passed the checks: its bytes, digest and the type its content shows. */
export type AcceptedInlineFile = { name: string; bytes: Buffer; sha256: string; byteSize: number; mediaType: SniffedMediaType }

export type InlineFileOptions = {
  kind: UploadKind
  /** The cap of one file in this form (the JSON body carries it whole), below the per-type cap. */
  maxBytes: number
  /** Bytes one user may upload in 24 hours (config `UPLOAD_QUOTA_BYTES_PER_DAY`), shared with streamed uploads. */
  quotaBytesPerDay: number
  /** The body field, for the error details: 'attachments', 'evidence'. */
  field: string
  /** How the form calls one file, in refusals: '附件', '证明材料'. */
  label: string
}

const DAY_MS = 24 * 3_600_000
const MB = 1024 * 1024

/**
 * Checks files sent as base64 inside a JSON body (volunteer attachments, rectification evidence) by the
 * rules of streamed uploads (receive-upload.ts): the type is decided by the content, never the name
 * (415 with upload-limits.ts's message for anything the kind does not accept), each file is capped, and
 * the new bytes count against the sender's 24-hour quota (429). Nothing is written: the caller stores
 * the files, then records them with `recordInlineUploads` in the transaction of its record.
 *
 * @example
 * const files = await acceptInlineFiles(db, ctx, input.evidence, { kind: 'evidence', maxBytes: 5 * 1024 * 1024, quotaBytesPerDay, field: 'evidence', label: '证明材料' })
 * files[0].mediaType // 'application/pdf', whatever the file was called
 */
export async function acceptInlineFiles(db: Executor, ctx: RequestContext & { actor: Actor }, files: readonly InlineFile[], options: InlineFileOptions): Promise<AcceptedInlineFile[]> {
  const accepted: AcceptedInlineFile[] = []
  for (const file of files) {
    const bytes = Buffer.from(file.contentBase64, 'base64')
    if (bytes.length === 0 || bytes.length > options.maxBytes) {
      throw new AppError('VALIDATION_FAILED', `${options.label}“${file.name}”为空或超过 ${Math.round(options.maxBytes / MB)} MB`, { field: options.field, name: file.name })
    }
    const { mediaType, maxBytes } = withFileName(file.name, options.field, () => acceptUpload(options.kind, bytes.subarray(0, SNIFF_HEAD_BYTES)))
    if (bytes.length > maxBytes) throw tooLarge(options.kind, mediaType, maxBytes)
    accepted.push({ name: file.name, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), byteSize: bytes.length, mediaType })
  }
  // As for streamed uploads, a file this user already sent costs nothing again; each new file counts once.
  const fresh = new Map<string, number>()
  for (const file of accepted) {
    if (fresh.has(file.sha256) || (await repo.hasUploaded(db, ctx.actor.userId, file.sha256))) continue
    fresh.set(file.sha256, file.byteSize)
  }
  const newBytes = [...fresh.values()].reduce((a, b) => a + b, 0)
  if (newBytes > 0) {
    const used = await repo.bytesUploadedSince(db, ctx.actor.userId, new Date(ctx.now.getTime() - DAY_MS))
    if (used + newBytes > options.quotaBytesPerDay) throw quotaExceeded(options.quotaBytesPerDay)
  }
  return accepted
}

/**
 * Records the files in the upload table (with their detected type, counted in the quota) as linked
 * to the record being written, in the record's transaction.
 */
export async function recordInlineUploads(trx: Executor, ctx: RequestContext & { actor: Actor }, kind: UploadKind, files: readonly AcceptedInlineFile[]): Promise<void> {
  for (const file of files) {
    await repo.insertUpload(trx, { sha256: file.sha256, uploaderUserId: ctx.actor.userId, kind, mediaType: file.mediaType, byteSize: file.byteSize, uploadedAt: ctx.now })
  }
  await repo.markUploadsLinked(trx, [...new Set(files.map((f) => f.sha256))], ctx.now)
}

/** The refusal of one file names it, so the sender knows which of several to replace. */
function withFileName<T>(name: string, field: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `“${name}”：${error.message}`, { ...error.details, field, name })
    throw error
  }
}
