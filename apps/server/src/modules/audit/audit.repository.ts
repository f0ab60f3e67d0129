import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'

export type AuditFilter = {
  action?: string
  entityType?: string
  entityId?: string
  actorId?: string
  from?: string
  to?: string
  q?: string
  limit: number
  offset: number
}

export async function listAudit(db: Executor, f: AuditFilter, scope: OrgScope) {
  let query = db.selectFrom('audit_log as a')
  if (scope.kind !== 'all') query = query.where(orgInScope('a.org_id', scope))
  if (f.action) query = query.where('a.action', '=', f.action)
  if (f.entityType) query = query.where('a.entity_type', '=', f.entityType)
  if (f.entityId) query = query.where('a.entity_id', '=', f.entityId)
  if (f.actorId) query = query.where('a.actor_id', '=', f.actorId)
  if (f.from) query = query.where('a.at', '>=', new Date(`${f.from}T00:00:00+08:00`))
  if (f.to) query = query.where('a.at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000))
  if (f.q) query = query.where((eb) => eb.or([eb('a.summary', 'ilike', `%${f.q}%`), eb('a.actor_name', 'ilike', `%${f.q}%`)]))
  const [items, total] = await Promise.all([
    query.selectAll('a').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}
