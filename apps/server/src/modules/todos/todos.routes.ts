import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { collectTodos } from './todo-registry'

const todoView = z.object({
  kind: z.string(),
  section: z.string(),
  title: z.string(),
  link: z.string(),
  dueDate: z.string().nullable(),
  urgent: z.boolean(),
})

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  app.get(
    '/todos',
    {
      schema: {
        tags: ['待办 todos'],
        summary: '我的待办（含各菜单的数量）',
        response: { 200: z.object({ items: z.array(todoView), counts: z.record(z.string(), z.number()) }), 401: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const items = await collectTodos(db, ctx.actor, ctx.now)
      const counts: Record<string, number> = {}
      for (const item of items) counts[item.section] = (counts[item.section] ?? 0) + 1
      return { items: items.map((i) => ({ ...i, dueDate: i.dueDate ?? null, urgent: Boolean(i.urgent) })), counts }
    },
  )
}
