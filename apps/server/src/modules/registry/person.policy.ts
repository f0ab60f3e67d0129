import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'

export type PersonAction = 'update' | 'leave' | 'rejoin' | 'transfer' | 'issue_certificate'

export type PersonPolicyRow = {
  org_id: string
  org_region_path: string
  status: 'active' | 'left'
  /** Holds a certificate that is neither cancelled nor past its end date (then no second one is issued). */
  holds_live_certificate?: boolean
}

/** Staff of the unit, supervisors of its jurisdiction and admins read a unit's officers. */
export function mayReadPerson(actor: Actor, row: Pick<PersonPolicyRow, 'org_id' | 'org_region_path'>): boolean {
  return scopeCovers(orgScopeOf(actor), row.org_id, row.org_region_path)
}

/** Who keeps a unit's officer records: its head, a supervisor of its jurisdiction, an admin. */
export function mayKeepPersonsOf(actor: Actor, org: { id: string; region_path: string }): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'unit_head') return actor.orgId === org.id
  return isSupervisorOver(actor, org.region_path)
}

/**
 * Unit heads keep their own officers' records; moving an officer to another unit (调动) and issuing
 * certificates belong to the 司法局 supervisors of the jurisdiction (and, for the records, admins).
 */
export function personRoleAllows(actor: Actor, action: PersonAction, row: PersonPolicyRow): boolean {
  const org = { id: row.org_id, region_path: row.org_region_path }
  switch (action) {
    case 'update':
    case 'leave':
    case 'rejoin':
      return mayKeepPersonsOf(actor, org)
    case 'transfer':
      return actor.role === 'admin' || isSupervisorOver(actor, row.org_region_path)
    case 'issue_certificate':
      return isSupervisorOver(actor, row.org_region_path)
  }
}

export function personStateAllows(action: PersonAction, row: Pick<PersonPolicyRow, 'status' | 'holds_live_certificate'>): boolean {
  if (action === 'issue_certificate') return row.status === 'active' && !row.holds_live_certificate
  if (action === 'leave') return row.status === 'active'
  if (action === 'rejoin') return row.status === 'left'
  return true
}

export function canPerson(actor: Actor, action: PersonAction, row: PersonPolicyRow): boolean {
  return mayReadPerson(actor, row) && personRoleAllows(actor, action, row) && personStateAllows(action, row)
}

export function personActions(actor: Actor, row: PersonPolicyRow): PersonAction[] {
  return (['update', 'leave', 'rejoin', 'transfer', 'issue_certificate'] as const).filter((a) => canPerson(actor, a, row))
}

export function isSupervisorOver(actor: Actor, regionPath: string): boolean {
  return actor.role === 'supervisor' && actor.regionPath !== null && regionPath.startsWith(actor.regionPath)
}
