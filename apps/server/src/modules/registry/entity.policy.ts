import type { EntityAction } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'

/** What a policy needs to know about an entity. */
export type EntityPolicyRow = {
  org_id: string
  /** Region path of the entity's unit (scope follows the unit). */
  org_region_path: string
  status: 'draft' | 'audited' | 'confirmed' | 'published'
  audited_by: string | null
  /** Whether the portal shows a published version now. */
  published_snapshot: unknown
}

/**
 * 执法主体 publication follows 审核 → 确认 → 公示:
 * - the unit's head (or a supervisor or admin) writes the draft, and may edit a published entity,
 *   which starts a new draft version;
 * - 司法局 supervisors of the jurisdiction audit, confirm and publish; the one who confirms must
 *   not be the one who audited (four eyes); they may send an entity back to draft or withdraw
 *   its publication, with a reason.
 *
 * `entityRoleAllows` answers "is this their business", `entityStateAllows` "is it the moment";
 * both together (and four eyes) make {@link canEntity}. Services use the split to answer 403
 * or 409.
 */
export function canEntity(actor: Actor, action: EntityAction | 'read' | 'delegate', row: EntityPolicyRow): boolean {
  if (action === 'read') return mayReadEntity(actor, row)
  if (!entityRoleAllows(actor, action, row) || !entityStateAllows(action, row)) return false
  return !(action === 'confirm' && row.audited_by === actor.userId)
}

export function mayReadEntity(actor: Actor, row: Pick<EntityPolicyRow, 'org_id' | 'org_region_path'>): boolean {
  return scopeCovers(orgScopeOf(actor), row.org_id, row.org_region_path)
}

/** Who writes drafts for a unit: its head, a supervisor of its jurisdiction, an admin. */
export function mayEditEntityOf(actor: Actor, org: { id: string; region_path: string }): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'unit_head') return actor.orgId === org.id
  return isSupervisorOver(actor, org.region_path)
}

export function entityRoleAllows(actor: Actor, action: EntityAction | 'delegate', row: EntityPolicyRow): boolean {
  if (action === 'update' || action === 'delegate') return mayEditEntityOf(actor, { id: row.org_id, region_path: row.org_region_path })
  return isSupervisorOver(actor, row.org_region_path)
}

export function entityStateAllows(action: EntityAction | 'delegate', row: Pick<EntityPolicyRow, 'status' | 'published_snapshot'>): boolean {
  switch (action) {
    case 'update':
      return row.status === 'draft' || row.status === 'published'
    case 'audit':
      return row.status === 'draft'
    case 'confirm':
      return row.status === 'audited'
    case 'publish':
      return row.status === 'confirmed'
    case 'return':
      return row.status === 'audited' || row.status === 'confirmed'
    case 'withdraw':
      return row.published_snapshot !== null
    case 'delegate':
      return true
  }
}

export function entityActions(actor: Actor, row: EntityPolicyRow): Array<EntityAction | 'delegate'> {
  return (['update', 'audit', 'confirm', 'publish', 'return', 'withdraw', 'delegate'] as const).filter((a) => canEntity(actor, a, row))
}

function isSupervisorOver(actor: Actor, regionPath: string): boolean {
  return actor.role === 'supervisor' && actor.regionPath !== null && regionPath.startsWith(actor.regionPath)
}
