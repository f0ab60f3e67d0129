import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../platform/errors'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentRegion } from './regions.presenter'
import { findRegion } from './regions.repository'
import { createRegionBody, listRegionsQuery, regionView } from './regions.schema'
import * as service from './regions.service'

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['区域 regions']

  // Public: the portal filters published entities by township with it.
  app.get(
    '/regions',
    { schema: { tags, summary: '行政区域（扁平列表，按树序；公开）', querystring: listRegionsQuery, response: { 200: z.object({ items: z.array(regionView) }) } } },
    async (req) => ({ items: (await service.listRegions(db, req.query)).map(presentRegion) }),
  )

  app.post(
    '/regions',
    { schema: { tags, summary: '新增区域（系统管理员）', body: createRegionBody, response: { 201: z.object({ region: regionView }), 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const code = await service.createRegion(db, ctx, req.body)
      const row = await findRegion(db, code)
      if (!row) throw notFound('区域', { code })
      return reply.status(201).send({ region: presentRegion(row) })
    },
  )
}
