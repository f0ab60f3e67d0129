import http from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyRequest } from 'fastify'
import { AppError } from '../errors'

/**
 * Input that cannot hurt: checks made once at the HTTP edge, before any route sees a request.
 *
 * PostgreSQL refuses U+0000 in text (“invalid byte sequence”), so a NUL anywhere in a string would
 * surface as a 500 from whichever query first stored or compared it. Refusing it here turns every
 * such case into one 400 with a stable code, whatever the endpoint.
 */

/** Deeper JSON than any form of the platform sends; beyond it a body is refused before it is walked. */
export const MAX_JSON_DEPTH = 32

/** onRequest: a NUL in the path or query (raw `\0` or percent-encoded `%00`) is refused. */
export async function rejectNulInUrl(req: FastifyRequest): Promise<void> {
  if (req.url.includes('\0') || /%00/i.test(req.url)) {
    throw new AppError('VALIDATION_FAILED', '输入有误：地址或查询参数含有不允许的空字符（\\u0000）', { where: 'url' })
  }
}

/**
 * preValidation: walks a parsed body (JSON or text) without recursion, refusing NUL in any string
 * or key and nesting deeper than {@link MAX_JSON_DEPTH}. Buffers (uploaded files) are not text and
 * are left to their own parsers.
 */
export async function rejectBadBody(req: FastifyRequest): Promise<void> {
  const body: unknown = req.body
  if (body === undefined || body === null || Buffer.isBuffer(body)) return
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }]
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!
    if (typeof value === 'string') {
      if (value.includes('\0')) throw nulInBody(path)
      continue
    }
    if (!isJsonContainer(value)) continue
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError('VALIDATION_FAILED', `输入有误：请求内容嵌套超过 ${MAX_JSON_DEPTH} 层`, { path, maxDepth: MAX_JSON_DEPTH })
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: join(path, String(i)) }))
      continue
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) throw nulInBody(path)
      stack.push({ value: item, depth: depth + 1, path: join(path, key) })
    }
  }
}

/**
 * Errors Node's HTTP parser raises before Fastify has a request (a request line or headers over
 * `maxHeaderSize`, a malformed request): answered in the platform's `{code, message, details}`
 * shape, in Chinese, instead of Fastify's English default.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, code, message } = describeClientError(error)
  const body = JSON.stringify({ code, message, details: { reason: error.code ?? null } })
  // Only answer when nothing has been written yet: a half-sent response must not get a second head.
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}

function describeClientError(error: ConnectionError): { status: number; code: string; message: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'REQUEST_TIMEOUT', message: '请求超时' }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Node counts the request line toward the header limit; when the packet that overflowed
    // still is the request line (a method, a space, and no line end for a long way), the address
    // is what is too long.
    // Fastify types rawPacket as a serialised Buffer; at run time it is the Buffer itself.
    const raw: unknown = error.rawPacket
    const packet = Buffer.isBuffer(raw) ? raw.toString('latin1') : ''
    const lineEnd = packet.indexOf('\r\n')
    const firstLine = lineEnd === -1 ? packet : packet.slice(0, lineEnd)
    if (/^[A-Z]+ \//.test(firstLine) && firstLine.length > 4096) return { status: 414, code: 'URI_TOO_LONG', message: '请求地址过长' }
    return { status: 431, code: 'HEADERS_TOO_LARGE', message: '请求头过大' }
  }
  return { status: 400, code: 'BAD_REQUEST', message: '请求格式有误' }
}

/** Arrays and plain objects, as JSON.parse makes them; anything else is not walked. */
function isJsonContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return true
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function nulInBody(path: string) {
  return new AppError('VALIDATION_FAILED', '输入有误：请求内容含有不允许的空字符（\\u0000）', { path })
}

function join(path: string, key: string) {
  return path === '' ? key : `${path}.${key}`
}
