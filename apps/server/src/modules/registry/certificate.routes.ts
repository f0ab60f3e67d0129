import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { shanghaiDateOf } from '@yangguang/core'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentCertificate } from './certificate.presenter'
import { listCertificateEvents } from './certificate.repository'
import { certificateReasonBody, certificateView, changeCertificateBody, issueCertificateBody, listCertificatesQuery, renewCertificateBody } from './certificate.schema'
import * as service from './certificate.service'

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const { publicUrl } = app.deps.config
  const tags = ['执法证 certificates']
  const one = z.object({ certificate: certificateView })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody }

  app.get('/certificates', { schema: { tags, summary: '执法证列表（可按今日状态、即将到期筛选）', querystring: listCertificatesQuery, response: { 200: pageOf(certificateView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listCertificates(db, ctx, { ...req.query, ...pageOffset(req.query) })
    const today = shanghaiDateOf(ctx.now)
    return { items: items.map((c) => presentCertificate(ctx.actor, c, today, publicUrl)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/certificates/:id', { schema: { tags, summary: '执法证详情及变动记录', params: idParams, response: { 200: one, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { certificate: await present(ctx, req.params.id) }
  })

  app.post('/persons/:id/certificates', { schema: { tags, summary: '核发执法证（辖区监督人员）', params: idParams, body: issueCertificateBody, response: { 201: one, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.issueCertificate(db, ctx, req.params.id, req.body)
    return reply.status(201).send({ certificate: await present(ctx, id) })
  })

  app.post('/certificates/:id/change', { schema: { tags, summary: '变更执法领域或发证机关（须说明原因）', params: idParams, body: changeCertificateBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.changeCertificate(db, ctx, req.params.id, req.body)
    return { certificate: await present(ctx, req.params.id) }
  })

  app.post('/certificates/:id/suspend', { schema: { tags, summary: '暂扣（须说明原因）', params: idParams, body: certificateReasonBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.suspendCertificate(db, ctx, req.params.id, req.body.reason)
    return { certificate: await present(ctx, req.params.id) }
  })

  app.post('/certificates/:id/restore', { schema: { tags, summary: '恢复（须说明原因）', params: idParams, body: certificateReasonBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.restoreCertificate(db, ctx, req.params.id, req.body.reason)
    return { certificate: await present(ctx, req.params.id) }
  })

  app.post('/certificates/:id/cancel', { schema: { tags, summary: '注销（须说明原因）', params: idParams, body: certificateReasonBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.cancelCertificate(db, ctx, req.params.id, req.body.reason)
    return { certificate: await present(ctx, req.params.id) }
  })

  app.post('/certificates/:id/renew', { schema: { tags, summary: '换证/延续有效期（须说明原因）', params: idParams, body: renewCertificateBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.renewCertificate(db, ctx, req.params.id, req.body)
    return { certificate: await present(ctx, req.params.id) }
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    const row = await service.getCertificate(db, ctx, id)
    const events = await listCertificateEvents(db, [id])
    return presentCertificate(ctx.actor, row, shanghaiDateOf(ctx.now), publicUrl, events)
  }
}
