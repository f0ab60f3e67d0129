import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { shanghaiDateOf } from '@yangguang/core'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentDelegation } from './delegation.presenter'
import { createDelegationBody, delegationView, listDelegationsQuery } from './delegation.schema'
import * as service from './delegation.service'
import { reasonBody } from './registry.schema'

export const delegationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['委托 delegations']
  const one = z.object({ delegation: delegationView })

  app.get('/delegations', { schema: { tags, summary: '委托列表（委托方和受委托方均可见）', querystring: listDelegationsQuery, response: { 200: pageOf(delegationView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listDelegations(db, ctx, { ...req.query, ...pageOffset(req.query) })
    const today = shanghaiDateOf(ctx.now)
    return { items: items.map((d) => presentDelegation(ctx.actor, d, today)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/delegations/:id', { schema: { tags, summary: '委托详情', params: idParams, response: { 200: one, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { delegation: await present(ctx, req.params.id) }
  })

  app.post('/delegations', { schema: { tags, summary: '登记委托（委托方单位负责人、监督人员、管理员）', body: createDelegationBody, response: { 201: one, 400: errorBody, 401: errorBody, 403: errorBody } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createDelegation(db, ctx, req.body)
    return reply.status(201).send({ delegation: await present(ctx, id) })
  })

  app.post('/delegations/:id/revoke', { schema: { tags, summary: '撤销委托（须说明原因）', params: idParams, body: reasonBody, response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.revokeDelegation(db, ctx, req.params.id, req.body.reason)
    return { delegation: await present(ctx, req.params.id) }
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentDelegation(ctx.actor, await service.getDelegation(db, ctx, id), shanghaiDateOf(ctx.now))
  }
}
