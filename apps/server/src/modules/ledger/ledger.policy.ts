import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import type { RecordOwner } from './record-owner.repository'

/**
 * Receipts carry the salt that opens a record's content digest, so they go only to those who may read
 * the record itself: the platform's administrators, and the justice bureau's supervisors for records
 * of units in their jurisdiction (documents hand theirs to the holder directly). A record that names
 * no owner is the administrators'.
 *
 * Without `owners`: whether the role reads receipts at all (checked before any lookup).
 */
export function canReadRecordReceipts(actor: Actor, owners?: readonly RecordOwner[]): boolean {
  if (actor.role === 'admin') return true
  if (actor.role !== 'supervisor') return false
  if (!owners) return true
  const scope = orgScopeOf(actor)
  return owners.length > 0 && owners.every((o) => scopeCovers(scope, o.orgId, o.regionPath))
}
