import { labels, type DelegationEffectiveStatus } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { delegationActions } from './delegation.policy'
import type { DelegationRow } from './delegation.repository'

/** A delegation's status today: the term decides once it is not revoked. */
export function delegationEffectiveStatus(row: { status: 'active' | 'revoked'; valid_from: string; valid_to: string }, today: string): DelegationEffectiveStatus {
  if (row.status === 'revoked') return 'revoked'
  if (today < row.valid_from) return 'not_yet_valid'
  if (today > row.valid_to) return 'expired'
  return 'active'
}

export function presentDelegation(actor: Actor, row: DelegationRow, today: string) {
  const effectiveStatus = delegationEffectiveStatus(row, today)
  return {
    id: row.id,
    principalEntityId: row.principal_entity_id,
    principalName: row.principal_name,
    principalOrgId: row.principal_org_id,
    agentOrgId: row.agent_org_id,
    agentName: row.agent_name,
    documentNo: row.document_no,
    documentTitle: row.document_title,
    scope: row.scope,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    effectiveStatus,
    statusLabel: labels.delegationStatus[effectiveStatus],
    revokedReason: row.revoked_reason,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedByName: row.revoked_by_name,
    createdAt: row.created_at.toISOString(),
    actions: delegationActions(actor, row),
  }
}

/** What the portal shows of a delegation: the document, the parties, the matters and the term. */
export function presentPublicDelegation(row: DelegationRow) {
  return {
    id: row.id,
    // The name as published, not as a new draft may have it.
    principalName: row.principal_snapshot?.name ?? row.principal_name,
    agentName: row.agent_name,
    documentNo: row.document_no,
    documentTitle: row.document_title,
    scope: row.scope,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }
}
