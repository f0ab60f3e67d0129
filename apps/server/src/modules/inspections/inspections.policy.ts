import type { Actor } from '../../platform/auth/actor'

type InspectionLike = { org_id: string; status: string; officer_ids: string[] }

/** Unit staff who do inspections: officers and unit heads (who also approve). */
export function isInspector(actor: Actor): boolean {
  return (actor.role === 'officer' || actor.role === 'unit_head') && actor.orgId !== null
}

export function isUnitHeadOf(actor: Actor, orgId: string): boolean {
  return actor.role === 'unit_head' && actor.orgId === orgId
}

export function isSupervisor(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin'
}

/** What the caller may do with an inspection now; `personId` is the caller's enforcement person. */
export function inspectionActions(actor: Actor, row: InspectionLike, personId: string | null): string[] {
  const actions: string[] = []
  const ownUnit = actor.orgId === row.org_id
  if (row.status === 'pending_approval' && isUnitHeadOf(actor, row.org_id)) actions.push('approve', 'reject')
  if (row.status === 'scheduled' && ownUnit && isInspector(actor)) {
    if (personId && (row.officer_ids.length === 0 || row.officer_ids.includes(personId))) actions.push('start')
    actions.push('request_override', 'propose_joint')
  }
  if ((row.status === 'scheduled' || row.status === 'pending_approval') && isUnitHeadOf(actor, row.org_id)) actions.push('cancel')
  if (row.status === 'in_progress' && ownUnit && personId && row.officer_ids.includes(personId)) actions.push('complete')
  if (row.status === 'in_progress' || row.status === 'completed') actions.push('documents')
  return actions
}

export type PlanLike = { org_id: string; status: string }

export function planActions(actor: Actor, row: PlanLike): string[] {
  const own = actor.orgId === row.org_id
  const actions: string[] = []
  if (row.status === 'draft' && own && isInspector(actor)) actions.push('submit')
  if (row.status === 'submitted' && isUnitHeadOf(actor, row.org_id)) actions.push('approve', 'reject')
  if (row.status === 'approved' && isUnitHeadOf(actor, row.org_id)) actions.push('publish')
  if (row.status === 'published' && own && isInspector(actor)) actions.push('schedule')
  return actions
}
