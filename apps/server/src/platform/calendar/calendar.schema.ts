import { isoDateSchema } from '@yangguang/core'
import { z } from 'zod'

export const yearParams = z.object({ year: z.coerce.number().int('年份应为整数').min(2000, '年份应在2000–2100之间').max(2100, '年份应在2000–2100之间') })

export const holidayYearOrigin = z.enum(['built_in', 'added', 'replaced']).describe('built_in 内置；added 管理员新增；replaced 管理员修正了内置年份')

export const holidayYearSummaryView = z.object({
  year: z.number(),
  source: z.string().nullable().describe('国务院办公厅通知名称和文号'),
  origin: holidayYearOrigin,
  holidayCount: z.number(),
  workdayCount: z.number(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
})

export const holidayYearView = holidayYearSummaryView.extend({
  holidays: z.array(z.string()).describe('放假日期（含假期内的周末）'),
  workdays: z.array(z.string()).describe('调休上班的周末'),
  actions: z.array(z.string()),
})

export const holidayYearBody = z.object({
  holidays: z.array(isoDateSchema).max(60, '放假日期不超过60天'),
  workdays: z.array(isoDateSchema).max(30, '调休上班日不超过30天'),
  source: z.string().trim().min(1, '请填写来源（通知名称和文号）').max(200),
})

export const daysQuery = z.object({ from: isoDateSchema, to: isoDateSchema })

export const dayView = z.object({
  date: z.string(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted_workday']),
  working: z.boolean(),
  known: z.boolean().describe('false：该年放假安排尚未录入，仅按周末推算'),
})
