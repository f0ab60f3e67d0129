import { labels, type CaseActorKind, type CaseTransition } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'

/**
 * Who may do what on a case. The transition table names the kinds of actor of each act (`by`):
 * - `case_officer`: an officer (or head) of the case's unit who is on the case (承办人);
 * - `unit_head`: the head of the case's unit;
 * - `legal_reviewer`: a legal reviewer (法制审核员) of the case's unit.
 * Supervisors (司法局) and admins read cases in their jurisdiction and act on none.
 */

export type CaseLike = { org_id: string; org_region_path: string }

/** Whether the actor may see the case at all (else the API answers 404). */
export function canSeeCase(actor: Actor, row: CaseLike): boolean {
  return scopeCovers(orgScopeOf(actor), row.org_id, row.org_region_path)
}

/** Officers and heads of a unit register cases (线索登记) and decide simple-procedure cases. */
export function canRegisterCase(actor: Actor): boolean {
  return (actor.role === 'officer' || actor.role === 'unit_head') && actor.orgId !== null
}

/**
 * The kinds of actor the caller is on this case.
 *
 * @example
 * actorKinds(headActor, row, null, []) // Set {'unit_head'}
 */
export function actorKinds(actor: Actor, row: { org_id: string }, personId: string | null, officerPersonIds: readonly string[]): Set<CaseActorKind> {
  const kinds = new Set<CaseActorKind>()
  if (actor.orgId !== row.org_id) return kinds
  if (actor.role === 'unit_head') kinds.add('unit_head')
  if (actor.role === 'legal_reviewer') kinds.add('legal_reviewer')
  if ((actor.role === 'officer' || actor.role === 'unit_head') && personId && officerPersonIds.includes(personId)) kinds.add('case_officer')
  return kinds
}

/** Null when the caller may perform the act, else the Chinese reason. */
export function policyRefusal(transition: CaseTransition, kinds: ReadonlySet<CaseActorKind>): string | null {
  if (transition.by.some((k) => kinds.has(k))) return null
  const who = transition.by.map((k) => actorKindLabel[k]).join('或')
  return `“${labels.caseAction[transition.action]}”须由${who}进行`
}

const actorKindLabel: Record<CaseActorKind, string> = {
  case_officer: '本案承办人',
  unit_head: '本单位负责人',
  legal_reviewer: '本单位法制审核人员',
}

/** Full ID numbers for the case's own unit and admins; supervisors see them masked. */
export function seesPartyIdNumber(actor: Actor, row: { org_id: string }): boolean {
  return actor.role === 'admin' || actor.orgId === row.org_id
}
