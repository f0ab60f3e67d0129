import type { UploadKind } from '../db/upload-schema'
import { AppError } from '../errors'
import { mediaTypeLabels, type SniffedMediaType, sniffMediaType } from './file-type-sniff'

export type { UploadKind }

const MB = 1024 * 1024

/**
 * What each kind of upload accepts, and how large each type may be. A photo is an on-site picture
 * (现场照片); evidence (证据材料) adds documents, sound and video recorded while handling a case.
 * The cap depends on the detected type, so a 200 MB "photo" is refused even inside evidence.
 *
 * @example
 * ```ts
 * uploadRules.evidence['video/mp4'] // 209715200 (200 MB)
 * uploadRules.photo['application/pdf'] // undefined: not accepted
 * ```
 */
export const uploadRules: Record<UploadKind, Partial<Record<SniffedMediaType, number>>> = {
  photo: { 'image/jpeg': 15 * MB, 'image/png': 15 * MB, 'image/webp': 15 * MB, 'image/heic': 15 * MB },
  evidence: {
    'image/jpeg': 15 * MB,
    'image/png': 15 * MB,
    'image/webp': 15 * MB,
    'image/heic': 15 * MB,
    'application/pdf': 50 * MB,
    'audio/mpeg': 100 * MB,
    'audio/mp4': 100 * MB,
    'video/mp4': 200 * MB,
  },
}

/** The largest file a kind accepts at all: a declared Content-Length above it is refused unread. */
export function largestUploadOf(kind: UploadKind): number {
  return Math.max(...Object.values(uploadRules[kind]))
}

/** '照片', '证据材料': the kind in a refusal. */
export const uploadKindLabels: Record<UploadKind, string> = { photo: '照片', evidence: '证据材料' }

/**
 * Decides an upload's type from its first bytes (see `sniffMediaType`) and returns it with the cap
 * for that type; refuses with 415 `UNSUPPORTED_MEDIA_TYPE` anything the kind does not accept,
 * naming the accepted types. What the client called the file plays no part.
 *
 * @example
 * ```ts
 * acceptUpload('photo', pngHead)           // { mediaType: 'image/png', maxBytes: 15728640 }
 * acceptUpload('photo', Buffer.from('<html>')) // throws AppError UNSUPPORTED_MEDIA_TYPE
 * ```
 */
export function acceptUpload(kind: UploadKind, head: Uint8Array): { mediaType: SniffedMediaType; maxBytes: number } {
  const mediaType = sniffMediaType(head)
  const maxBytes = mediaType ? uploadRules[kind][mediaType] : undefined
  if (!mediaType || maxBytes === undefined) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${uploadKindLabels[kind]}只接受 ${acceptedLabels(kind)} 格式的文件，该文件的内容不是其中任何一种`, {
      kind,
      detected: mediaType,
      accepted: Object.keys(uploadRules[kind]),
    })
  }
  return { mediaType, maxBytes }
}

/** The refusal of a file over its cap. */
export function tooLarge(kind: UploadKind, mediaType: SniffedMediaType | null, maxBytes: number): AppError {
  const what = mediaType ? `${mediaTypeLabels[mediaType]} ${uploadKindLabels[kind]}` : uploadKindLabels[kind]
  return new AppError('PAYLOAD_TOO_LARGE', `${what}不能超过 ${Math.round(maxBytes / MB)} MB`, { kind, mediaType, maxBytes })
}

function acceptedLabels(kind: UploadKind): string {
  return (Object.keys(uploadRules[kind]) as SniffedMediaType[]).map((t) => mediaTypeLabels[t]).join('、')
}
