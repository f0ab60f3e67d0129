import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { notFound } from '../../platform/errors'
import { presentUser } from './users.presenter'
import { findUser } from './users.repository'
import { createUserBody, listUsersQuery, reasonBody, resetPasswordBody, updateUserBody, userView } from './users.schema'
import * as service from './users.service'

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['账号 users']
  const one = z.object({ user: userView })

  app.get('/users', { schema: { tags, summary: '账号列表', querystring: listUsersQuery, response: { 200: pageOf(userView), 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listUsers(db, ctx, { ...req.query, ...pageOffset(req.query) })
    return { items: items.map((u) => presentUser(ctx.actor, u, ctx.now)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.post('/users', { schema: { tags, summary: '创建账号', body: createUserBody, response: { 201: one, 400: errorBody, 403: errorBody, 409: errorBody, 422: errorBody } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createUser(db, ctx, req.body)
    return reply.status(201).send({ user: await present(ctx, id) })
  })

  app.patch('/users/:id', { schema: { tags, summary: '修改账号', params: idParams, body: updateUserBody, response: { 200: one, 400: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.updateUser(db, ctx, req.params.id, req.body)
    return { user: await present(ctx, req.params.id) }
  })

  app.post('/users/:id/disable', { schema: { tags, summary: '停用账号', params: idParams, body: reasonBody, response: { 200: one, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.setUserStatus(db, ctx, req.params.id, 'disabled', req.body.reason)
    return { user: await present(ctx, req.params.id) }
  })

  app.post('/users/:id/enable', { schema: { tags, summary: '启用账号', params: idParams, body: reasonBody, response: { 200: one, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.setUserStatus(db, ctx, req.params.id, 'active', req.body.reason)
    return { user: await present(ctx, req.params.id) }
  })

  app.post('/users/:id/reset-password', { schema: { tags, summary: '重置密码', params: idParams, body: resetPasswordBody, response: { 200: one, 403: errorBody, 404: errorBody, 422: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.resetPassword(db, ctx, req.params.id, req.body.newPassword)
    return { user: await present(ctx, req.params.id) }
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    const row = await findUser(db, id)
    if (!row) throw notFound('账号', { id })
    return presentUser(ctx.actor, row, ctx.now)
  }
}
