import { fieldLabelOf } from '@yangguang/core'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, statusOf, type ErrorCode } from '../errors'

type ErrorBody = { code: string; message: string; details: Record<string, unknown> }

/**
 * The HTTP edge: every error becomes `{code, message, details}`. Callers' mistakes are 4xx with a
 * Chinese message; anything unexpected is logged and answered with a bare 500 — no stack, no SQL.
 */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toResponse(error)
  if (status >= 500) req.log.error({ err: error }, 'unhandled error')
  return reply.status(status).send(body)
}

function toResponse(error: FastifyError | Error): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: statusOf(error.code), body: { code: error.code, message: error.message, details: error.details } }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // The message names the field in Chinese; details keep the machine path for clients.
    const issues = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter((s) => s !== '')
      return {
        path: [error.validationContext, ...segments].filter(Boolean).join('.'),
        field: segments.length > 0 ? fieldLabelOf(segments) : null,
        message: v.message ?? '',
      }
    })
    const first = issues[0]
    const firstText = first ? (first.field ? `${first.field}：${first.message}` : first.message) : '请检查填写内容'
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: `输入有误：${firstText}`, details: { issues } } }
  }
  const pgCode = (error as { code?: string }).code
  if (pgCode === '23505') {
    const constraint = (error as { constraint?: string }).constraint
    return { status: 409, body: { code: 'DUPLICATE', message: '记录已存在（唯一性冲突）', details: { constraint } } }
  }
  if (pgCode === '23503') {
    return { status: 409, body: { code: 'CONFLICT', message: '引用的记录不存在或仍被引用', details: {} } }
  }
  // Class 22 is PostgreSQL's “data exception” (a malformed number or date, a value out of range,
  // a string too long for its column): the caller's input, not a fault of the server.
  if (pgCode === '23514' || (pgCode !== undefined && /^22[0-9A-Z]{3}$/.test(pgCode))) {
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: '输入的数据不符合要求', details: {} } }
  }
  const fastifyError = error as FastifyError
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    const known = frameworkStatus[fastifyError.statusCode] ?? { code: 'BAD_REQUEST', message: '请求格式有误' }
    return { status: fastifyError.statusCode, body: { code: known.code, message: known.message, details: { reason: fastifyError.code } } }
  }
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: {} } }
}

/** Fastify's own 4xx (body parser, router) in the platform's codes; anything else is a malformed request. */
const frameworkStatus: Record<number, { code: ErrorCode; message: string }> = {
  // @fastify/static refusing a path that climbs out of its root (`/assets/../..`), whether or not the target exists.
  403: { code: 'FORBIDDEN', message: '无权访问该地址' },
  404: { code: 'NOT_FOUND', message: '请求的地址不存在' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  414: { code: 'URI_TOO_LONG', message: '请求地址过长' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
}
