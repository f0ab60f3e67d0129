import type { Actor } from '../../platform/auth/actor'

/**
 * Receipts carry the salt that opens a record's content digest: only the platform's administrators
 * and the justice bureau's supervisors read them (documents hand theirs to the holder directly).
 */
export function canReadRecordReceipts(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor'
}
