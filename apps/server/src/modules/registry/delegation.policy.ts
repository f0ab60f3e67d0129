import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { mayEditEntityOf } from './entity.policy'

export type DelegationAction = 'revoke'

export type DelegationPolicyRow = {
  principal_org_id: string
  principal_region_path: string
  agent_org_id: string
  agent_region_path: string
  status: 'active' | 'revoked'
}

/** Both parties of a delegation may read it. */
export function mayReadDelegation(actor: Actor, row: DelegationPolicyRow): boolean {
  const scope = orgScopeOf(actor)
  return scopeCovers(scope, row.principal_org_id, row.principal_region_path) || scopeCovers(scope, row.agent_org_id, row.agent_region_path)
}

/**
 * 委托 is the principal's act: whoever writes the principal entity's drafts (its unit head, a
 * supervisor of the jurisdiction, an admin) registers and revokes its delegations.
 */
export function delegationRoleAllows(actor: Actor, _action: DelegationAction, row: DelegationPolicyRow): boolean {
  return mayEditEntityOf(actor, { id: row.principal_org_id, region_path: row.principal_region_path })
}

export function delegationStateAllows(action: DelegationAction, row: DelegationPolicyRow): boolean {
  return action === 'revoke' && row.status === 'active'
}

export function delegationActions(actor: Actor, row: DelegationPolicyRow): DelegationAction[] {
  return (['revoke'] as const).filter((a) => delegationRoleAllows(actor, a, row) && delegationStateAllows(a, row))
}
