import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'

export type OrgAction = 'read' | 'update' | 'update_contact' | 'onboard' | 'offboard'

/** What a policy needs to know about a unit. */
export type OrgPolicyRow = { id: string; region_path: string; onboarded_on: string | null }

/**
 * Units are kept by admins everywhere and by supervisors (司法局) inside their jurisdiction;
 * unit staff read their own unit, and its head keeps its address, postal code and telephone (the
 * contact its documents print).
 */
export function canOrg(actor: Actor, action: OrgAction, row: OrgPolicyRow): boolean {
  if (action === 'read') return scopeCovers(orgScopeOf(actor), row.id, row.region_path)
  if (action === 'update_contact' && actor.role === 'unit_head' && actor.orgId === row.id) return true
  if (!mayManageOrgIn(actor, row.region_path)) return false
  if (action === 'onboard') return row.onboarded_on === null
  if (action === 'offboard') return row.onboarded_on !== null
  return true
}

/** Whether the actor may create or keep units in the region with this path. */
export function mayManageOrgIn(actor: Actor, regionPath: string): boolean {
  if (actor.role === 'admin') return true
  return actor.role === 'supervisor' && actor.regionPath !== null && regionPath.startsWith(actor.regionPath)
}

export function orgActions(actor: Actor, row: OrgPolicyRow): OrgAction[] {
  return (['update', 'update_contact', 'onboard', 'offboard'] as const).filter((a) => canOrg(actor, a, row))
}
