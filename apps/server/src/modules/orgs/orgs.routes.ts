import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { forbidden } from '../../platform/errors'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentOrg } from './orgs.presenter'
import { listOrgOptions } from './orgs.repository'
import { createOrgBody, listOrgsQuery, offboardBody, onboardBody, orgOptionView, orgSummaryQuery, orgSummaryView, orgView, updateOrgBody, updateOrgContactBody } from './orgs.schema'
import * as service from './orgs.service'

const staffRoles = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['执法单位 orgs']
  const one = z.object({ org: orgView })

  app.get('/orgs', { schema: { tags, summary: '执法单位列表（按管辖范围）', querystring: listOrgsQuery, response: { 200: pageOf(orgView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listOrgs(db, ctx, { ...req.query, ...pageOffset(req.query) })
    return { items: items.map((o) => presentOrg(ctx.actor, o)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/orgs/summary', { schema: { tags, summary: '开通使用情况（如 49 个单位中 46 个已开通）', querystring: orgSummaryQuery, response: { 200: orgSummaryView, 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return service.orgSummary(db, ctx, req.query.regionCode)
  })

  app.get('/orgs/options', { schema: { tags, summary: '全部单位名称（选择框用）', response: { 200: z.object({ items: z.array(orgOptionView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const { actor } = signedIn(req)
    if (!staffRoles.includes(actor.role)) throw forbidden()
    const rows = await listOrgOptions(db)
    return { items: rows.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, regionCode: o.region_code })) }
  })

  app.get('/orgs/:id', { schema: { tags, summary: '执法单位详情', params: idParams, response: { 200: one, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { org: presentOrg(ctx.actor, await service.getOrg(db, ctx, req.params.id)) }
  })

  app.post('/orgs', { schema: { tags, summary: '新增执法单位（管理员；监督人员限本辖区）', body: createOrgBody, response: { 201: one, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createOrg(db, ctx, req.body)
    return reply.status(201).send({ org: await present(ctx, id) })
  })

  app.patch('/orgs/:id', { schema: { tags, summary: '修改执法单位', params: idParams, body: updateOrgBody, response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.updateOrg(db, ctx, req.params.id, req.body)
    return { org: await present(ctx, req.params.id) }
  })

  app.patch(
    '/orgs/:id/contact',
    {
      schema: {
        tags,
        summary: '修改单位通信地址、邮政编码和联系电话（印在告知书、决定书上；单位负责人限本单位）',
        params: idParams,
        body: updateOrgContactBody,
        response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      await service.updateOrgContact(db, ctx, req.params.id, req.body)
      return { org: await present(ctx, req.params.id) }
    },
  )

  app.post('/orgs/:id/onboard', { schema: { tags, summary: '标记已开通使用平台', params: idParams, body: onboardBody, response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.markOnboarded(db, ctx, req.params.id, req.body.onboardedOn)
    return { org: await present(ctx, req.params.id) }
  })

  app.post('/orgs/:id/offboard', { schema: { tags, summary: '标记未开通使用平台', params: idParams, body: offboardBody, response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.markNotOnboarded(db, ctx, req.params.id, req.body.reason)
    return { org: await present(ctx, req.params.id) }
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentOrg(ctx.actor, await service.getOrg(db, ctx, id))
  }
}
