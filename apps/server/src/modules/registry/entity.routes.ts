import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentEntity } from './entity.presenter'
import { createEntityBody, entitySummaryQuery, entitySummaryView, entityView, listEntitiesQuery, updateEntityBody } from './entity.schema'
import * as service from './entity.service'
import { reasonBody } from './registry.schema'

export const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['执法主体 entities']
  const one = z.object({ entity: entityView })
  const refusals = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody }

  app.get('/entities', { schema: { tags, summary: '执法主体列表（按管辖范围）', querystring: listEntitiesQuery, response: { 200: pageOf(entityView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listEntities(db, ctx, { ...req.query, ...pageOffset(req.query) })
    return { items: items.map((e) => presentEntity(ctx.actor, e)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/entities/summary', { schema: { tags, summary: '执法主体按状态统计', querystring: entitySummaryQuery, response: { 200: entitySummaryView, 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return service.entitySummary(db, ctx, req.query.regionCode)
  })

  app.get('/entities/:id', { schema: { tags, summary: '执法主体详情', params: idParams, response: { 200: one, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { entity: presentEntity(ctx.actor, await service.getEntity(db, ctx, req.params.id)) }
  })

  app.post('/entities', { schema: { tags, summary: '登记执法主体（单位负责人、监督人员、管理员）', body: createEntityBody, response: { 201: one, 400: errorBody, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createEntity(db, ctx, req.body)
    return reply.status(201).send({ entity: await present(ctx, id) })
  })

  app.patch('/entities/:id', { schema: { tags, summary: '修改执法主体（已公示的转为新版本草稿）', params: idParams, body: updateEntityBody, response: { 200: one, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.updateEntity(db, ctx, req.params.id, req.body)
    return { entity: await present(ctx, req.params.id) }
  })

  const noBody = z.object({}).optional()
  app.post('/entities/:id/audit', { schema: { tags, summary: '审核（监督人员）', params: idParams, body: noBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.auditEntity(db, ctx, req.params.id)
    return { entity: await present(ctx, req.params.id) }
  })

  app.post('/entities/:id/confirm', { schema: { tags, summary: '确认（另一名监督人员）', params: idParams, body: noBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.confirmEntity(db, ctx, req.params.id)
    return { entity: await present(ctx, req.params.id) }
  })

  app.post('/entities/:id/publish', { schema: { tags, summary: '公示（监督人员）', params: idParams, body: noBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.publishEntity(db, ctx, req.params.id)
    return { entity: await present(ctx, req.params.id) }
  })

  app.post('/entities/:id/return', { schema: { tags, summary: '退回草稿（监督人员，须说明原因）', params: idParams, body: reasonBody, response: { 200: one, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.returnEntity(db, ctx, req.params.id, req.body.reason)
    return { entity: await present(ctx, req.params.id) }
  })

  app.post('/entities/:id/withdraw', { schema: { tags, summary: '撤销公示（监督人员，须说明原因）', params: idParams, body: reasonBody, response: { 200: one, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.withdrawEntity(db, ctx, req.params.id, req.body.reason)
    return { entity: await present(ctx, req.params.id) }
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentEntity(ctx.actor, await service.getEntity(db, ctx, id))
  }
}
