import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { currentMigration } from '../../platform/db/migrate'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['系统 system'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.object({ engine: z.enum(['pglite', 'postgresql']), migration: z.string().nullable() }) }) },
      },
    },
    async () => {
      const { database } = app.deps
      return { status: 'ok' as const, database: { engine: database.engine, migration: await currentMigration(database.db) } }
    },
  )
}
