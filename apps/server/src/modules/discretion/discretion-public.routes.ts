import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorBody } from '../../platform/http/openapi'
import { presentPublicBenchmark, presentPublicNoPenalty } from './discretion.presenter'
import { publicBenchmarkView, publicBenchmarksQuery, publicNoPenaltyQuery, publicNoPenaltyView } from './discretion.schema'
import * as discretion from './discretion.service'

/**
 * 裁量基准公示 (行政处罚法 第三十四条: 裁量基准应当向社会公布): no login; only published rows,
 * through the public presenters.
 */
export const discretionPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['公示 public']

  app.get(
    '/public/benchmarks',
    {
      schema: {
        tags,
        summary: '现行行政处罚裁量基准（可按事项、领域、关键词查询）',
        querystring: publicBenchmarksQuery,
        response: { 200: z.object({ items: z.array(publicBenchmarkView) }), 400: errorBody },
      },
    },
    async (req) => ({ items: (await discretion.publicBenchmarks(db, req.query)).map(presentPublicBenchmark) }),
  )

  app.get(
    '/public/no-penalty-items',
    {
      schema: {
        tags,
        summary: '现行首违不罚、轻微违法免罚清单',
        querystring: publicNoPenaltyQuery,
        response: { 200: z.object({ items: z.array(publicNoPenaltyView) }), 400: errorBody },
      },
    },
    async (req) => ({ items: (await discretion.publicNoPenaltyItems(db, req.query)).map(presentPublicNoPenalty) }),
  )
}
