import type { Actor } from '../../platform/auth/actor'
import type { OrgScope } from '../../platform/auth/scope'

export type EnterpriseAction = 'read' | 'read_contact' | 'create' | 'update' | 'import' | 'issue_qr' | 'issue_activation'

/** What the policies need to know about an enterprise: where it was registered and by which unit. */
export type EnterpriseFacts = { regionPath: string | null; registeredByOrgId: string | null }

/** The facts the policy decides on, from a row of the repository. */
export function enterpriseFacts(row: { region_path: string | null; registered_by_org_id: string | null }): EnterpriseFacts {
  return { regionPath: row.region_path, registeredByOrgId: row.registered_by_org_id }
}

const staff = new Set(['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer'])
const unitRoles = new Set(['unit_head', 'legal_reviewer', 'officer'])

/**
 * 市场主体 belong to the region where they were registered. Staff of that county read the shared
 * master data (every unit of the county inspects the same enterprises); other counties see only what
 * the portal shows. What reaches the enterprise itself — its contact data, edits, QR posters and the
 * activation code that opens an account in its name — is kept by the unit that registered it and the
 * county's 司法局 (supervisors whose jurisdiction covers it), and by administrators.
 *
 * Without `row` the answer is whether the role may do this at all (to refuse before any lookup).
 */
export function canEnterprise(actor: Actor, action: EnterpriseAction, row?: EnterpriseFacts): boolean {
  if (!staff.has(actor.role)) return false
  switch (action) {
    case 'read':
      return !row || inArea(actor, row)
    case 'create':
      return true
    case 'import':
      return actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'unit_head'
    case 'read_contact':
    case 'update':
      return !row || keeps(actor, row)
    case 'issue_qr':
      return actor.role !== 'legal_reviewer' && (!row || keeps(actor, row))
    case 'issue_activation':
      return (actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'unit_head') && (!row || keeps(actor, row))
  }
}

export function enterpriseActions(actor: Actor, row: EnterpriseFacts): EnterpriseAction[] {
  return (['update', 'issue_qr', 'issue_activation'] as const).filter((a) => canEnterprise(actor, a, row))
}

/**
 * The region an actor reads enterprises in: administrators everywhere, supervisors their jurisdiction,
 * unit staff the county their unit lies in (a township's unit meets enterprises across the county).
 *
 * @example
 * enterpriseArea(jsHead) // { kind: 'region', path: '530000/532300/532331/' }
 */
export function enterpriseArea(actor: Actor): OrgScope {
  if (actor.role === 'admin') return { kind: 'all' }
  if (!staff.has(actor.role) || !actor.regionPath) return { kind: 'none' }
  if (actor.role === 'supervisor') return { kind: 'region', path: actor.regionPath }
  return { kind: 'region', path: countyPathOf(actor.regionPath) }
}

/**
 * The county part of a region path: GB/T 2260 puts the county third (省/州/县), so a township's
 * '530000/532300/532331/532331100/' lies in '530000/532300/532331/'. A shorter path is kept whole.
 */
export function countyPathOf(regionPath: string): string {
  const parts = regionPath.split('/').filter(Boolean)
  return `${parts.slice(0, 3).join('/')}/`
}

function inArea(actor: Actor, row: EnterpriseFacts): boolean {
  const area = enterpriseArea(actor)
  if (area.kind === 'all') return true
  return area.kind === 'region' && row.regionPath !== null && row.regionPath.startsWith(area.path)
}

/** The keepers of an enterprise's record: administrators, the bureau of its region, the registering unit. */
function keeps(actor: Actor, row: EnterpriseFacts): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'supervisor') return Boolean(actor.regionPath) && row.regionPath !== null && row.regionPath.startsWith(actor.regionPath as string)
  return unitRoles.has(actor.role) && actor.orgId !== null && actor.orgId === row.registeredByOrgId
}
