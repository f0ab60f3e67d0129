import { labels } from '@yangguang/core'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody } from '../../platform/http/openapi'
import { presentPublicDutyItem, totalsOf } from './duties.presenter'
import { dutyItemsQuery, publicDutyItemView, publicTownshipsView } from './duties.schema'
import * as service from './duties.service'

/** 乡镇履职事项清单 on the portal: no login; active items only, public columns only. */
export const dutyPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['公示 public']

  app.get(
    '/public/duties/townships',
    { schema: { tags, summary: `各乡镇${labels.dutyCategory.basic}、${labels.dutyCategory.cooperative}、${labels.dutyCategory.reclaimed}数量`, response: { 200: publicTownshipsView } } },
    async () => {
      const rows = await service.publicTownships(db)
      return { items: rows.map(({ code, name, basic, cooperative, reclaimed }) => ({ code, name, basic, cooperative, reclaimed })), totals: totalsOf(rows) }
    },
  )

  app.get(
    '/public/duties',
    { schema: { tags, summary: '乡镇履职事项（按乡镇、类别筛选，可搜索）', querystring: dutyItemsQuery, response: { 200: pageOf(publicDutyItemView), 400: errorBody } } },
    async (req) => {
      const { township, ...rest } = req.query
      const { items, total } = await service.publicDutyItems(db, { ...rest, townshipCode: township, ...pageOffset(req.query) })
      return { items: items.map(presentPublicDutyItem), total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )
}
