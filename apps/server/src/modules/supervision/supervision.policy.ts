import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import type { RectificationStatus, SupervisionDocumentStatus } from '../../platform/db/supervision-schema'

/**
 * Who may do what with supervision documents, tasks and 普法提示单:
 * - the bureau (supervisors of the jurisdiction, and admins) drafts, issues, verifies, and configures
 *   its own region's document types;
 * - a unit sees only the documents and notices addressed to it; its head and legal reviewer respond
 *   to its own tasks. Everyone else gets 404, as if the record did not exist.
 */

/** 司法局 staff or an admin: the supervising side. */
export function isBureau(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor'
}

/** Whether the bureau actor's jurisdiction covers an issuer (or recipient) unit. */
export function bureauCovers(actor: Actor, orgId: string, regionPath: string): boolean {
  return isBureau(actor) && scopeCovers(orgScopeOf(actor), orgId, regionPath)
}

/**
 * 监督文书种类 (一函三书) are kept per jurisdiction: a platform default set (region NULL) and each
 * county bureau's own rows, which override a platform code in that county or add codes. A period or an
 * escalation binds the documents of the region that keeps the row, so a row is changed by the
 * administrators (every row) or by the supervisors of exactly its region — never by another county's
 * bureau, and no county bureau changes the platform's defaults.
 */
export function canUpdateDocType(actor: Actor, row: { region_code: string | null }): boolean {
  if (actor.role === 'admin') return true
  return actor.role === 'supervisor' && actor.regionCode !== null && row.region_code === actor.regionCode
}

/** Whether the actor may keep rows for `regionCode` (NULL: the platform's defaults). */
export function canConfigureDocTypesOf(actor: Actor, regionCode: string | null): boolean {
  return canUpdateDocType(actor, { region_code: regionCode })
}

export type DocTypeAction = 'update' | 'override'

/**
 * On a row of the set shown for `regionCode`: `update` changes the row itself; `override` writes the
 * region's own row in place of one inherited from the platform (or a region above).
 */
export function docTypeActions(actor: Actor, row: { region_code: string | null }, regionCode: string | null): DocTypeAction[] {
  if (row.region_code === regionCode) return canUpdateDocType(actor, row) ? ['update'] : []
  return canConfigureDocTypesOf(actor, regionCode) ? ['override'] : []
}

/** Unit staff who may read what the bureau sends and answer it. */
export function isUnitReader(actor: Actor): boolean {
  return (actor.role === 'unit_head' || actor.role === 'legal_reviewer') && actor.orgId !== null
}

/** The read receipt is the unit head's: the first opening by the head counts as 已阅. */
export function countsAsReading(actor: Actor): boolean {
  return actor.role === 'unit_head'
}

export type DocumentAction = 'issue' | 'download'

export function documentActions(actor: Actor, doc: { status: SupervisionDocumentStatus; issuer_org_id: string; issuer_region_path: string }): DocumentAction[] {
  const out: DocumentAction[] = []
  if (doc.status === 'draft' && bureauCovers(actor, doc.issuer_org_id, doc.issuer_region_path)) out.push('issue')
  if (doc.status === 'issued') out.push('download')
  return out
}

export type TaskAction = 'respond' | 'accept' | 'return'

export function taskActions(actor: Actor, task: { status: RectificationStatus; org_id: string; issuer_org_id: string; issuer_region_path: string }): TaskAction[] {
  if (bureauCovers(actor, task.issuer_org_id, task.issuer_region_path)) return task.status === 'responded' ? ['accept', 'return'] : []
  if (isUnitReader(actor) && actor.orgId === task.org_id && task.status === 'open') return ['respond']
  return []
}
