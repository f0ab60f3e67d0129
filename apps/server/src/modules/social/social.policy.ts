import type { Actor } from '../../platform/auth/actor'

/**
 * Who may do what in social supervision (社会监督). The justice bureau (司法局: supervisors, and the
 * platform admin for reading) keeps volunteers, complaints, meetings and events; a unit sees only
 * what concerns it — complaints handed to it (without the complainant's identity), transfers from
 * or to it, meeting tasks assigned to it; a volunteer sees their own appointment, tasks and opinions.
 */

/** 司法局 staff acting as the supervision organ. */
export function isBureau(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin'
}

/** Writes of the supervision organ: supervisors only (admins operate the platform, they do not supervise). */
export function canSupervise(actor: Actor): boolean {
  return actor.role === 'supervisor'
}

export function isUnitStaff(actor: Actor): boolean {
  return (actor.role === 'unit_head' || actor.role === 'legal_reviewer' || actor.role === 'officer') && actor.orgId !== null
}

/** Who answers for a unit: its head or legal reviewer. */
export function canActForUnit(actor: Actor, orgId: string | null): boolean {
  return (actor.role === 'unit_head' || actor.role === 'legal_reviewer') && orgId !== null && actor.orgId === orgId
}

export type ComplaintRowForPolicy = { status: string; handler_kind: string | null; handler_org_id: string | null; feedback: string | null }

/**
 * The complaint acts this actor may take now.
 *
 * @example
 * complaintActions(sfj, { status: 'received', handler_kind: null, handler_org_id: null, feedback: null })
 * // ['accept', 'not_accept', 'transfer']
 */
export function complaintActions(actor: Actor, row: ComplaintRowForPolicy): string[] {
  const out: string[] = []
  if (canSupervise(actor)) {
    if (row.status === 'received') out.push('accept', 'not_accept', 'transfer')
    if (row.status === 'accepted' || row.status === 'assigned') out.push('assign')
    if (row.status === 'assigned' && row.handler_kind === 'bureau') out.push('answer')
    if (row.status === 'answered') out.push('close')
  }
  if (row.status === 'assigned' && row.handler_kind === 'unit' && canActForUnit(actor, row.handler_org_id)) out.push('answer')
  return out
}

/** Transfer acts: the receiving unit's head accepts or refuses a pending transfer. */
export function transferActions(actor: Actor, row: { status: string; to_org_id: string }): string[] {
  if (row.status !== 'pending') return []
  return actor.role === 'unit_head' && actor.orgId === row.to_org_id ? ['accept', 'refuse'] : []
}

/** Meeting task acts: the assigned unit (head or legal reviewer) or a supervisor marks it done. */
export function meetingTaskActions(actor: Actor, row: { status: string; org_id: string }): string[] {
  if (row.status !== 'open') return []
  return canActForUnit(actor, row.org_id) || canSupervise(actor) ? ['done'] : []
}
