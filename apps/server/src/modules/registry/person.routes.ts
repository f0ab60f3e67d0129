import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { shanghaiDateOf } from '@yangguang/core'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentCertificate } from './certificate.presenter'
import { listCertificateEvents, listCertificatesOfPersons } from './certificate.repository'
import { presentPerson } from './person.presenter'
import { createPersonBody, listPersonsQuery, personDetailView, personView, updatePersonBody } from './person.schema'
import * as service from './person.service'
import { reasonBody } from './registry.schema'

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const { publicUrl } = app.deps.config
  const tags = ['执法人员 persons']
  const refusals = { 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody }

  app.get('/persons', { schema: { tags, summary: '执法人员列表（身份证号一律脱敏）', querystring: listPersonsQuery, response: { 200: pageOf(personView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listPersons(db, ctx, { ...req.query, ...pageOffset(req.query) })
    const today = shanghaiDateOf(ctx.now)
    return { items: items.map((p) => presentPerson(ctx.actor, p, today)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/persons/:id', { schema: { tags, summary: '执法人员详情，含执法证及其变动记录（仅管理员可见完整身份证号）', params: idParams, response: { 200: personDetailView, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return detail(ctx, req.params.id)
  })

  app.post('/persons', { schema: { tags, summary: '登记执法人员（单位负责人限本单位；监督人员、管理员）', body: createPersonBody, response: { 201: personDetailView, 400: errorBody, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createPerson(db, ctx, req.body)
    return reply.status(201).send(await detail(ctx, id))
  })

  app.patch('/persons/:id', { schema: { tags, summary: '修改执法人员（调动须监督人员或管理员）', params: idParams, body: updatePersonBody, response: { 200: personDetailView, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.updatePerson(db, ctx, req.params.id, req.body)
    return detail(ctx, req.params.id)
  })

  app.post('/persons/:id/leave', { schema: { tags, summary: '标记离岗（须说明原因）', params: idParams, body: reasonBody, response: { 200: personDetailView, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.markPersonLeft(db, ctx, req.params.id, req.body.reason)
    return detail(ctx, req.params.id)
  })

  app.post('/persons/:id/rejoin', { schema: { tags, summary: '标记返岗（须说明原因）', params: idParams, body: reasonBody, response: { 200: personDetailView, 400: errorBody, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await service.markPersonRejoined(db, ctx, req.params.id, req.body.reason)
    return detail(ctx, req.params.id)
  })

  async function detail(ctx: RequestContext & { actor: Actor }, id: string): Promise<z.infer<typeof personDetailView>> {
    const row = await service.getPerson(db, ctx, id)
    const today = shanghaiDateOf(ctx.now)
    const certificates = await listCertificatesOfPersons(db, [id])
    const events = await listCertificateEvents(db, certificates.map((c) => c.id))
    return {
      person: presentPerson(ctx.actor, row, today, { fullIdNumber: true }),
      certificates: certificates.map((c) => presentCertificate(ctx.actor, c, today, publicUrl, events)),
    }
  }
}
