import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, statusOf } from '../errors'

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
    const issues = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
      message: v.message ?? '',
    }))
    const first = issues[0]
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: `输入有误：${first ? `${first.path} ${first.message}` : '请检查填写内容'}`, details: { issues } },
    }
  }
  const pgCode = (error as { code?: string }).code
  if (pgCode === '23505') {
    const constraint = (error as { constraint?: string }).constraint
    return { status: 409, body: { code: 'DUPLICATE', message: '记录已存在（唯一性冲突）', details: { constraint } } }
  }
  if (pgCode === '23503') {
    return { status: 409, body: { code: 'CONFLICT', message: '引用的记录不存在或仍被引用', details: {} } }
  }
  if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: '输入的数据不符合要求', details: {} } }
  }
  const fastifyError = error as FastifyError
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    const code = fastifyError.statusCode === 413 ? 'BAD_REQUEST' : fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'
    const message = fastifyError.statusCode === 413 ? '请求内容过大' : fastifyError.statusCode === 415 ? '不支持的请求内容类型' : '请求格式有误'
    return { status: fastifyError.statusCode, body: { code, message, details: { reason: fastifyError.code } } }
  }
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: {} } }
}
