import type { FastifyReply } from 'fastify'
import { imageMediaTypes, type SniffedMediaType } from './file-type-sniff'

/**
 * The headers of every response that carries a file a user uploaded or the platform stored. The
 * file comes from the platform's own origin, where `script-src 'self'` would let a script run, so:
 * `X-Content-Type-Options: nosniff` keeps the browser on the declared type; the file's own
 * `Content-Security-Policy` (GitHub's raw-file policy: nothing loads, no script runs, the document is
 * sandboxed into an opaque origin without cookies or storage) replaces the application's policy set
 * by helmet; and only images shown in an `<img>` are `inline` — everything else downloads.
 */
export const STORED_FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

export type StoredFileResponse = {
  body: Buffer | NodeJS.ReadableStream
  /** The type the bytes show (sniffed), or `application/octet-stream` for a file of no known type. */
  mediaType: SniffedMediaType | 'application/octet-stream'
  /** The name offered on download (may be Chinese; sent as RFC 5987 `filename*` with an ASCII fallback). */
  fileName: string
  cacheControl: string
  /** Set when the length is known without reading the body (a stream from the store). */
  byteSize?: number
}

/**
 * Sends a stored file with the headers above; `inline` only for the image types.
 *
 * @example
 * ```ts
 * return sendStoredFile(reply, { body: bytes, mediaType: 'application/pdf', fileName: '整改报告.pdf', cacheControl: 'private, no-store' })
 * ```
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFileResponse) {
  const disposition = dispositionOf(file.mediaType)
  setStoredFileHeaders(reply, disposition, file.fileName)
  reply.type(file.mediaType).header('cache-control', file.cacheControl)
  if (file.byteSize !== undefined) reply.header('content-length', String(file.byteSize))
  return reply.send(file.body)
}

/** `inline` for images shown in an `<img>`, `attachment` for everything else (PDF, audio, video, unknown). */
export function dispositionOf(mediaType: string): 'inline' | 'attachment' {
  return (imageMediaTypes as readonly string[]).includes(mediaType) ? 'inline' : 'attachment'
}

/**
 * The protective headers alone, for routes that set their own type and body (issued PDFs).
 *
 * @example
 * ```ts
 * setStoredFileHeaders(reply, 'attachment', '行政处罚决定书.pdf')
 * ```
 */
export function setStoredFileHeaders(reply: FastifyReply, disposition: 'inline' | 'attachment', fileName: string): FastifyReply {
  return reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', STORED_FILE_CSP)
    .header('content-disposition', `${disposition}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`)
}

/** RFC 5987 value-chars: percent-encode everything but attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

// The quoted `filename` for clients without RFC 5987: the name itself when it is plain ASCII, else
// 'document' with the name's extension — never a quote, backslash or control character that could
// break out of the header value.
function asciiFallback(name: string): string {
  if (/^[A-Za-z0-9._-]{1,100}$/.test(name)) return name
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? ''
  return `document${extension}`
}
