import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentDutyAdjustment, presentDutyItem, presentTownship, totalsOf } from './duties.presenter'
import {
  approveDutyBody,
  createDutyAdjustmentBody,
  dutyAdjustmentsQuery,
  dutyAdjustmentView,
  dutyItemsQuery,
  dutyItemView,
  dutySummaryView,
  rejectDutyBody,
} from './duties.schema'
import * as service from './duties.service'
import './duties.todos'

/** 乡镇履职事项清单 for staff: lists per township and category, and their 动态调整. */
export const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['乡镇履职清单 duties']
  const oneAdjustment = z.object({ adjustment: dutyAdjustmentView })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody }

  app.get(
    '/duties/summary',
    { schema: { tags, summary: '各乡镇各类履职事项数量与逐年调整数', response: { 200: dutySummaryView, 401: errorBody, 403: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      const { townships, byYear } = await service.summary(db, ctx)
      return { townships: townships.map((t) => presentTownship(ctx.actor, t)), totals: totalsOf(townships), adjustmentsByYear: byYear }
    },
  )

  app.get(
    '/duties/items',
    { schema: { tags, summary: '履职事项（按乡镇、类别筛选，可搜索）', querystring: dutyItemsQuery, response: { 200: pageOf(dutyItemView), 401: errorBody, 403: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      const { township, ...rest } = req.query
      const { items, total } = await service.listDutyItems(db, ctx, { ...rest, townshipCode: township, ...pageOffset(req.query) })
      return { items: items.map((i) => presentDutyItem(ctx.actor, i)), total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.get(
    '/duties/adjustments',
    {
      schema: {
        tags,
        summary: '履职事项动态调整（按乡镇、状态、年度筛选）',
        querystring: dutyAdjustmentsQuery,
        response: { 200: pageOf(dutyAdjustmentView), 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const { township, ...rest } = req.query
      const { items, total } = await service.listDutyAdjustments(db, ctx, { ...rest, townshipCode: township, ...pageOffset(req.query) })
      return { items: items.map((a) => presentDutyAdjustment(ctx.actor, a)), total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.post(
    '/duties/adjustments',
    { schema: { tags, summary: '提出调整（新增、取消、变更、调整类别）', body: createDutyAdjustmentBody, response: { 201: oneAdjustment, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await service.proposeDutyAdjustment(db, ctx, req.body)
      return reply.status(201).send({ adjustment: await present(ctx, id) })
    },
  )

  app.post(
    '/duties/adjustments/:id/approve',
    { schema: { tags, summary: '批准调整（须填写审批依据；批准后清单随之变更）', params: idParams, body: approveDutyBody, response: { 200: oneAdjustment, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await service.approveDutyAdjustment(db, ctx, req.params.id, req.body)
      return { adjustment: await present(ctx, req.params.id) }
    },
  )

  app.post(
    '/duties/adjustments/:id/reject',
    { schema: { tags, summary: '驳回调整', params: idParams, body: rejectDutyBody, response: { 200: oneAdjustment, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await service.rejectDutyAdjustment(db, ctx, req.params.id, req.body.note)
      return { adjustment: await present(ctx, req.params.id) }
    },
  )

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentDutyAdjustment(ctx.actor, await service.getDutyAdjustment(db, ctx, id))
  }
}
