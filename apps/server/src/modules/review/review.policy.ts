import type { Actor } from '../../platform/auth/actor'
import type { ReviewBatchStatus } from '../../platform/db/review-schema'

/** What can be done to a batch, in the order the screens show the buttons. */
export type ReviewBatchAction = 'freeze' | 'draw' | 'assign' | 'publish' | 'supervise'

/**
 * Whether the actor supervises the jurisdiction of a batch (region path): admins everywhere, supervisors (司法局)
 * for batches in their own region or below. Only they create, freeze, draw, assign and publish.
 *
 * @example
 * managesBatch(sfj, '530000/532300/532331/') // true for 禄丰市司法局
 */
export function managesBatch(actor: Actor, batchRegionPath: string): boolean {
  if (actor.role === 'admin') return true
  return actor.role === 'supervisor' && !!actor.regionPath && batchRegionPath.startsWith(actor.regionPath)
}

/**
 * 评查标准: administrators enter the platform's defaults; a county bureau adopts standards for its own
 * jurisdiction (they apply to its batches only), and adds versions only to codes that are new or its
 * own — never a new version of another county's standard or of the platform's.
 *
 * @example
 * mayEnterStandard(sfj, ['532331']) // true: 禄丰市司法局's own code
 * mayEnterStandard(mdSfj, ['532331']) // false
 */
export function mayEnterStandard(actor: Actor, codeRegions: ReadonlyArray<string | null>): boolean {
  if (actor.role === 'admin') return true
  if (actor.role !== 'supervisor' || !actor.regionCode) return false
  return codeRegions.every((r) => r === actor.regionCode)
}

/** Whether the actor is unit staff who may read (head, legal reviewer, officer) their unit's published results. */
export function isUnitStaff(actor: Actor): boolean {
  return (actor.role === 'unit_head' || actor.role === 'legal_reviewer' || actor.role === 'officer') && actor.orgId !== null
}

/** Only the unit head or its legal reviewer answer for the unit. */
export function mayRespond(actor: Actor, fileOrgId: string): boolean {
  return (actor.role === 'unit_head' || actor.role === 'legal_reviewer') && actor.orgId === fileOrgId
}

/**
 * The batch actions open to the actor now.
 *
 * @example
 * batchActions(sfj, { status: 'frozen', region_path }) // ['draw']
 */
export function batchActions(actor: Actor, batch: { status: ReviewBatchStatus; region_path: string; origin: string }, allScored = false): ReviewBatchAction[] {
  if (!managesBatch(actor, batch.region_path)) return []
  // Published results, imported ones included, are followed up with a 监督建议书 on the common problems.
  if (batch.status === 'published') return ['supervise']
  if (batch.origin !== 'platform') return []
  switch (batch.status) {
    case 'draft':
      return ['freeze']
    case 'frozen':
      return ['draw']
    case 'drawn':
      return ['assign']
    case 'reviewing':
      return allScored ? ['assign', 'publish'] : ['assign']
  }
}

/**
 * Whether the actor may issue a 监督文书 from a file's deductions: a manager of the batch, once the results are
 * published (the unit learns of its results by publication, not by a document) and when the sheet lost points.
 */
export function maySupervise(actor: Actor, batch: { status: ReviewBatchStatus; region_path: string }, deductionCount: number): boolean {
  return managesBatch(actor, batch.region_path) && batch.status === 'published' && deductionCount > 0
}
