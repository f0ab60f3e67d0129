import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { currentMigration } from '../../platform/db/migrate'
import { ledgerHealth } from '../../platform/ledger/ledger-health'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['系统 system'],
        summary: '健康检查：数据库，以及存证日志的见证方是否拒绝联署（拒绝即告警，status 为 degraded 并附原因）',
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            database: z.object({ engine: z.enum(['pglite', 'postgresql']), migration: z.string().nullable() }),
            ledger: z.object({
              status: z.enum(['ok', 'degraded']),
              reasons: z.array(z.string()).describe('每个拒绝联署或无法联系的见证方一条，中文'),
            }),
          }),
        },
      },
    },
    async () => {
      const { database, ledger } = app.deps
      const health = await ledgerHealth(database.db, ledger)
      return {
        status: health.status,
        database: { engine: database.engine, migration: await currentMigration(database.db) },
        ledger: { status: health.status, reasons: health.alarms.map((a) => a.reason) },
      }
    },
  )
}
