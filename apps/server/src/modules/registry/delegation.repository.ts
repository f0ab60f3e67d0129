import type { Executor } from '../../platform/audit/audit'
import { orgInScope, type OrgScope } from '../../platform/auth/scope'
import type { NewRow, RowUpdate } from '../../platform/db/schema'

export type DelegationFilter = {
  entityId?: string
  agentOrgId?: string
  /** Stored status, or 'expired' (active but past its term) / 'current' (active and in its term). */
  status?: 'active' | 'revoked' | 'expired' | 'current'
  q?: string
  today: string
  limit: number
  offset: number
}

function selectDelegations(db: Executor) {
  return db
    .selectFrom('delegation as d')
    .innerJoin('enforcement_entity as pe', 'pe.id', 'd.principal_entity_id')
    .innerJoin('org as po', 'po.id', 'pe.org_id')
    .innerJoin('region as rpo', 'rpo.code', 'po.region_code')
    .innerJoin('org as ao', 'ao.id', 'd.agent_org_id')
    .innerJoin('region as rao', 'rao.code', 'ao.region_code')
    .leftJoin('app_user as ur', 'ur.id', 'd.revoked_by')
    .select([
      'd.id',
      'd.principal_entity_id',
      'd.agent_org_id',
      'd.document_no',
      'd.document_title',
      'd.scope',
      'd.valid_from',
      'd.valid_to',
      'd.status',
      'd.revoked_reason',
      'd.revoked_at',
      'd.created_at',
      'pe.name as principal_name',
      'pe.status as principal_status',
      'pe.published_snapshot as principal_snapshot',
      'pe.org_id as principal_org_id',
      'rpo.path as principal_region_path',
      'ao.name as agent_name',
      'rao.path as agent_region_path',
      'ur.display_name as revoked_by_name',
    ])
}

/** Delegations where the principal's unit or the agent unit is in scope: both parties see it. */
export async function listDelegations(db: Executor, f: DelegationFilter, scope: OrgScope) {
  let query = selectDelegations(db).where((eb) => eb.or([orgInScope('pe.org_id', scope), orgInScope('d.agent_org_id', scope)]))
  if (f.entityId) query = query.where('d.principal_entity_id', '=', f.entityId)
  if (f.agentOrgId) query = query.where('d.agent_org_id', '=', f.agentOrgId)
  if (f.status === 'revoked') query = query.where('d.status', '=', 'revoked')
  if (f.status === 'active') query = query.where('d.status', '=', 'active')
  if (f.status === 'expired') query = query.where('d.status', '=', 'active').where('d.valid_to', '<', f.today)
  if (f.status === 'current') query = query.where('d.status', '=', 'active').where('d.valid_from', '<=', f.today).where('d.valid_to', '>=', f.today)
  if (f.q) {
    const like = `%${f.q}%`
    query = query.where((eb) => eb.or([eb('d.document_no', 'ilike', like), eb('d.document_title', 'ilike', like), eb('pe.name', 'ilike', like), eb('ao.name', 'ilike', like)]))
  }
  const [items, total] = await Promise.all([
    query.orderBy('d.valid_from', 'desc').orderBy('d.document_no').limit(f.limit).offset(f.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function findDelegation(db: Executor, id: string) {
  return selectDelegations(db).where('d.id', '=', id).executeTakeFirst()
}

export type DelegationRow = NonNullable<Awaited<ReturnType<typeof findDelegation>>>

export async function lockDelegation(db: Executor, id: string) {
  return db.selectFrom('delegation').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertDelegation(db: Executor, row: NewRow<'delegation'>) {
  const { id } = await db.insertInto('delegation').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateDelegation(db: Executor, id: string, patch: RowUpdate<'delegation'>) {
  await db.updateTable('delegation').set(patch).where('id', '=', id).execute()
}

export async function findAgentOrg(db: Executor, orgId: string) {
  return db.selectFrom('org').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst()
}

/**
 * Delegations in force today whose principal entity is published, for the portal: both the
 * entrusting and the entrusted side publish them (行政处罚法 art. 20).
 */
export async function listPublishedDelegations(db: Executor, f: { principalEntityIds: string[]; agentOrgIds: string[]; today: string }) {
  if (f.principalEntityIds.length === 0 && f.agentOrgIds.length === 0) return []
  return selectDelegations(db)
    .where('d.status', '=', 'active')
    .where('d.valid_from', '<=', f.today)
    .where('d.valid_to', '>=', f.today)
    .where('pe.published_snapshot', 'is not', null)
    .where((eb) => {
      const sides = []
      if (f.principalEntityIds.length) sides.push(eb('d.principal_entity_id', 'in', f.principalEntityIds))
      if (f.agentOrgIds.length) sides.push(eb('d.agent_org_id', 'in', f.agentOrgIds))
      return eb.or(sides)
    })
    .orderBy('d.valid_from', 'desc')
    .execute()
}

/** Active delegations ending between today and `until`, in scope (for reminders). */
export async function listDelegationsEnding(db: Executor, scope: OrgScope, today: string, until: string) {
  return selectDelegations(db)
    .where(orgInScope('pe.org_id', scope))
    .where('d.status', '=', 'active')
    .where('d.valid_to', '>=', today)
    .where('d.valid_to', '<=', until)
    .orderBy('d.valid_to')
    .limit(100)
    .execute()
}
