import type { FastifyRequest } from 'fastify'
import type { Actor, RequestContext } from '../auth/actor'
import { AppError } from '../errors'

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext
    /** Set when the request carried a session cookie that has expired. */
    sessionExpired?: boolean
  }
}

/** The request's context with a signed-in actor, or AUTH_REQUIRED. */
export function signedIn(req: FastifyRequest): RequestContext & { actor: Actor } {
  const { actor } = req.ctx
  if (!actor) {
    if (req.sessionExpired) throw new AppError('AUTH_SESSION_EXPIRED', '登录已超时，请重新登录')
    throw new AppError('AUTH_REQUIRED', '请先登录')
  }
  return { ...req.ctx, actor }
}
