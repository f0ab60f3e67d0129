import type { Role } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { governs } from '../catalogue/catalogue.policy'

export type DutyAdjustmentAction = 'approve' | 'reject'

/** What the policies need to know about a township (乡镇). */
export type TownshipFacts = { path: string; governmentOrgId: string | null }

const staffRoles: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']

/** Staff read the duty lists of the townships in their scope (the list query applies the scope). */
export function canReadDuties(actor: Actor): boolean {
  return staffRoles.includes(actor.role)
}

/**
 * 动态调整 is proposed by the township itself (the head of its 人民政府) or by a supervisor who
 * governs it, always with a reason.
 */
export function canProposeDuty(actor: Actor, township: TownshipFacts): boolean {
  if (governs(actor, township.path)) return true
  return actor.role === 'unit_head' && actor.orgId !== null && actor.orgId === township.governmentOrgId
}

/** A pending adjustment is approved (with the approval reference) or rejected by a supervisor who governs the township. */
export function canDecideDuty(actor: Actor, _action: DutyAdjustmentAction, adjustment: { status: string }, township: TownshipFacts): boolean {
  return adjustment.status === 'pending' && governs(actor, township.path)
}

export function dutyAdjustmentActions(actor: Actor, adjustment: { status: string }, township: TownshipFacts): DutyAdjustmentAction[] {
  return (['approve', 'reject'] as const).filter((a) => canDecideDuty(actor, a, adjustment, township))
}

export function dutyItemActions(actor: Actor, item: { status: string }, township: TownshipFacts): Array<'propose'> {
  return item.status === 'active' && canProposeDuty(actor, township) ? ['propose'] : []
}
