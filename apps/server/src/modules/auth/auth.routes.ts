import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import '../../platform/auth/attempt-retention.jobs'
import { SESSION_COOKIE } from '../../platform/http/app'
import { signedIn } from '../../platform/http/request'
import { errorBody } from '../../platform/http/openapi'
import { presentMe } from './auth.presenter'
import { changePasswordBody, loginBody, meResponse } from './auth.schema'
import {
  changeOwnPassword,
  LOCK_MINUTES,
  login,
  logout,
  MAX_ACCOUNT_FAILURES,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_ADDRESS_AND_USER,
  WINDOW_MINUTES,
} from './auth.service'

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps
  const tags = ['认证 auth']

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: '登录',
        description:
          `用户名不存在与密码错误的回答相同（401 AUTH_INVALID_CREDENTIALS）。连续 ${MAX_ACCOUNT_FAILURES} 次失败锁定 ${LOCK_MINUTES} 分钟（423 ACCOUNT_LOCKED）；` +
          `${WINDOW_MINUTES} 分钟内同一地址对同一用户名失败 ${MAX_FAILURES_PER_ADDRESS_AND_USER} 次、同一地址共失败 ${MAX_FAILURES_PER_ADDRESS} 次后 429 RATE_LIMITED。`,
        body: loginBody,
        response: { 200: meResponse, 401: errorBody, 403: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const session = await login(database.db, req.ctx, req.body, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours })
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        // Behind a (TLS-terminating) proxy, or reached over https: the cookie never travels in clear.
        secure: config.trustProxy !== false || config.publicUrl.startsWith('https:'),
        path: '/',
        expires: session.expiresAt,
      })
      return presentMe(session.actor)
    },
  )

  app.post('/auth/logout', { schema: { tags, summary: '退出登录', response: { 204: z.null() } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE]
    if (token) await logout(database.db, token)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.status(204).send(null)
  })

  app.get('/auth/me', { schema: { tags, summary: '当前用户', response: { 200: meResponse, 401: errorBody } } }, async (req) => {
    return presentMe(signedIn(req).actor)
  })

  app.post(
    '/auth/password',
    { schema: { tags, summary: '修改本人密码', body: changePasswordBody, response: { 204: z.null(), 401: errorBody, 422: errorBody, 423: errorBody } } },
    async (req, reply) => {
      await changeOwnPassword(database.db, signedIn(req), req.body)
      return reply.status(204).send(null)
    },
  )
}
