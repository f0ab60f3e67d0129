import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorBody } from '../http/openapi'
import { signedIn } from '../http/request'
import { calendarActions } from './calendar.policy'
import { presentHolidayYear, presentHolidayYearSummary } from './calendar.presenter'
import { dayView, daysQuery, holidayYearBody, holidayYearSummaryView, holidayYearView, yearParams } from './calendar.schema'
import * as calendar from './work-calendar.service'

/** 节假日安排: the years the working-day calendar knows, and admins' additions and corrections. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['节假日安排 calendar']
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody }

  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        summary: '已录入放假安排的年份（内置或管理员录入）',
        response: { 200: z.object({ items: z.array(holidayYearSummaryView), actions: z.array(z.string()) }), 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const items = await calendar.listHolidayYears(db, ctx)
      return { items: items.map(presentHolidayYearSummary), actions: calendarActions(ctx.actor) }
    },
  )

  app.get(
    '/calendar/years/:year',
    { schema: { tags, summary: '某年的放假日期与调休上班日', params: yearParams, response: { 200: z.object({ year: holidayYearView }), ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      return { year: presentHolidayYear(ctx.actor, await calendar.getHolidayYear(db, ctx, req.params.year)) }
    },
  )

  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入或修正某年的放假安排（仅系统管理员；替换内置数据）',
        params: yearParams,
        body: holidayYearBody,
        response: { 200: z.object({ year: holidayYearView }), ...refusals },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      return { year: presentHolidayYear(ctx.actor, await calendar.saveHolidayYear(db, ctx, req.params.year, req.body)) }
    },
  )

  app.get(
    '/calendar/days',
    { schema: { tags, summary: '日期区间内每天的类型（工作日、周末、节假日、调休上班）', querystring: daysQuery, response: { 200: z.object({ days: z.array(dayView) }), ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      return { days: await calendar.listDays(db, ctx, req.query.from, req.query.to) }
    },
  )
}
