import type { Actor } from '../../platform/auth/actor'

/** The region tree is reference data: everyone reads it (the portal too); only admins extend it. */
export function canAddRegion(actor: Actor): boolean {
  return actor.role === 'admin'
}
