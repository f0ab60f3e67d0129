import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { dashboardQuery, supervisionDashboardView } from './dashboard.schema'
import { supervisionDashboard } from './dashboard.service'

/** 监督驾驶舱: one read-only route for the justice bureau. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const ledger = app.deps.ledger
  app.get(
    '/dashboard/supervision',
    {
      schema: {
        tags: ['监督驾驶舱 dashboard'],
        summary: '监督驾驶舱：整改逾期与账龄、评查优良率与不合格率、投诉举报、预警（超频次检查、超裁量基准、案件期限、公示逾期）及年度数量，各项附明细链接；存证见证方拒绝联署时附告警',
        querystring: dashboardQuery,
        response: { 200: supervisionDashboardView, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => supervisionDashboard(db, signedIn(req), req.query.year, ledger),
  )
}
