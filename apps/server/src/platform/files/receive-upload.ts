import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../auth/actor'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { type FileStore, Sha256MismatchError } from './file-store'
import { SNIFF_HEAD_BYTES, type SniffedMediaType } from './file-type-sniff'
import { acceptUpload, largestUploadOf, tooLarge, type UploadKind } from './upload-limits'
import * as repo from './uploads.repository'

export type ReceiveUploadOptions = {
  kind: UploadKind
  /** The digest the client recorded (a photo hashed at capture); the bytes must match it. */
  expectedSha256: string
  /** The request body, read chunk by chunk: never held whole in memory. */
  body: AsyncIterable<Uint8Array>
  /** The Content-Length the client declared, if any: a file declared too large is refused unread. */
  declaredBytes: number | null
  /** Bytes one user may upload in 24 hours (config `UPLOAD_QUOTA_BYTES_PER_DAY`). */
  quotaBytesPerDay: number
}

export type ReceivedUpload = { sha256: string; byteSize: number; created: boolean; mediaType: SniffedMediaType }

const DAY_MS = 24 * 3_600_000

/**
 * Receives one user file into the content-addressed store: its type is sniffed from the first bytes
 * and must be one the kind accepts (415), its size is capped for that type while it streams (413),
 * the uploader's bytes over the last 24 hours stay within the quota (429), and the digest must be the
 * one the client recorded (400). The file is streamed to a temp file and hashed on the way, renamed
 * under its digest only when all of that holds; the upload is recorded with the detected type, unlinked
 * until a record (an inspection's photos) names it.
 *
 * @example
 * ```ts
 * const photo = await receiveUpload(db, ctx, store, { kind: 'photo', expectedSha256, body: req.raw, declaredBytes: 48213, quotaBytesPerDay: 2 * 1024 ** 3 })
 * photo.mediaType // 'image/jpeg', whatever the Content-Type said
 * ```
 */
export async function receiveUpload(db: Kysely<DB>, ctx: RequestContext & { actor: Actor }, store: FileStore, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  const { kind, quotaBytesPerDay } = options
  const largest = largestUploadOf(kind)
  if (options.declaredBytes !== null && options.declaredBytes > largest) throw tooLarge(kind, null, largest)
  // Sending the same file again (a phone retrying a sync) costs nothing; new files count against the quota.
  const again = await repo.hasUploaded(db, ctx.actor.userId, options.expectedSha256)
  const remaining = again ? Number.POSITIVE_INFINITY : quotaBytesPerDay - (await repo.bytesUploadedSince(db, ctx.actor.userId, new Date(ctx.now.getTime() - DAY_MS)))
  if (remaining <= 0 || (options.declaredBytes !== null && options.declaredBytes > remaining)) throw quotaExceeded(quotaBytesPerDay)

  let mediaType: SniffedMediaType | null = null
  const checked = async function* (): AsyncGenerator<Uint8Array> {
    let head = Buffer.alloc(0)
    let maxBytes = 0
    let total = 0
    for await (const chunk of options.body) {
      total += chunk.length
      let out = chunk
      if (mediaType === null) {
        // Nothing is written before the type is known: the first bytes wait until the sniffing window is full.
        head = Buffer.concat([head, chunk])
        if (head.length < SNIFF_HEAD_BYTES) continue
        ;({ mediaType, maxBytes } = acceptUpload(kind, head))
        out = head
      }
      if (total > maxBytes) throw tooLarge(kind, mediaType, maxBytes)
      if (total > remaining) throw quotaExceeded(quotaBytesPerDay)
      yield out
    }
    if (mediaType !== null) return
    // The whole file was shorter than the sniffing window.
    if (head.length === 0) throw new AppError('BAD_REQUEST', '请上传文件：请求内容为空', { kind })
    ;({ mediaType, maxBytes } = acceptUpload(kind, head))
    if (total > remaining) throw quotaExceeded(quotaBytesPerDay)
    yield head
  }

  let stored: { sha256: string; byteSize: number; created: boolean }
  try {
    stored = await store.putStream(checked(), options.expectedSha256)
  } catch (error) {
    if (error instanceof Sha256MismatchError) {
      throw new AppError('VALIDATION_FAILED', '文件内容与拍摄时记录的哈希不一致，文件可能已被改动', { expected: options.expectedSha256, actual: error.message })
    }
    throw error
  }
  const detected = mediaType as SniffedMediaType | null
  if (detected === null) throw new AppError('BAD_REQUEST', '请上传文件：请求内容为空', { kind })
  await repo.insertUpload(db, { sha256: stored.sha256, uploaderUserId: ctx.actor.userId, kind, mediaType: detected, byteSize: stored.byteSize, uploadedAt: ctx.now })
  return { ...stored, mediaType: detected }
}

/** The refusal of an upload over the uploader's 24-hour quota (also used for files sent inline, accept-inline-files.ts). */
export function quotaExceeded(quotaBytesPerDay: number): AppError {
  const amount = [
    { unit: 'GB', bytes: 1024 ** 3 },
    { unit: 'MB', bytes: 1024 ** 2 },
    { unit: 'KB', bytes: 1024 },
  ]
    .filter((u) => quotaBytesPerDay >= u.bytes)
    .map((u) => `${Number((quotaBytesPerDay / u.bytes).toFixed(1))} ${u.unit}`)[0] ?? `${quotaBytesPerDay} 字节`
  return new AppError('UPLOAD_QUOTA_EXCEEDED', `今日上传已达上限（每人 24 小时内 ${amount}），请明天再传或联系系统管理员`, { quotaBytesPerDay })
}
