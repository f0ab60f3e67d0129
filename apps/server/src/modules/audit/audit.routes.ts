import { isoDateSchema } from '@yangguang/core'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { orgScopeOf } from '../../platform/auth/scope'
import { pageOf, pageOffset, pageQuery } from '../../platform/db/pagination'
import { forbidden } from '../../platform/errors'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { listAudit } from './audit.repository'

const auditQuery = pageQuery.extend({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  q: z.string().trim().max(50).optional(),
})

const auditView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  orgId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  app.get(
    '/audit-logs',
    { schema: { tags: ['审计 audit'], summary: '审计日志（管理员、监督人员）', querystring: auditQuery, response: { 200: pageOf(auditView), 401: errorBody, 403: errorBody } } },
    async (req) => {
      const { actor } = signedIn(req)
      if (actor.role !== 'admin' && actor.role !== 'supervisor') throw forbidden('仅系统管理员和监督人员可查看审计日志')
      const { items, total } = await listAudit(db, { ...req.query, ...pageOffset(req.query) }, orgScopeOf(actor))
      return {
        items: items.map((a) => ({
          id: a.id,
          at: a.at.toISOString(),
          actorId: a.actor_id,
          actorName: a.actor_name,
          actorRole: a.actor_role,
          orgId: a.org_id,
          ip: a.ip,
          action: a.action,
          entityType: a.entity_type,
          entityId: a.entity_id,
          summary: a.summary,
          before: a.before,
          after: a.after,
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      }
    },
  )
}
