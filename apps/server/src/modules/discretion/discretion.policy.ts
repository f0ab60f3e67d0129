import type { Role } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { governs } from '../catalogue/catalogue.policy'

export type DiscretionAction = 'read' | 'update' | 'delete' | 'publish' | 'revise' | 'withdraw'

/**
 * What the policies need to know about a 裁量基准 or a 首违不罚 list item and the caller.
 * `holdsItem`: the caller's unit holds the power item (directly, through its township government
 * or by a delegation in force — `unitHoldsPowerItem`); `hasDraft`: a newer draft of the same
 * benchmark exists already.
 */
export type DiscretionFacts = {
  status: 'draft' | 'published' | 'superseded'
  regionPath: string
  createdBy: string | null
  holdsItem: boolean
  hasDraft?: boolean
}

const staffRoles: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']
const draftingUnitRoles: readonly Role[] = ['unit_head', 'legal_reviewer']

/**
 * Who drafts a benchmark (art. 34 行政处罚法: the agency sets it; 国办发〔2022〕27号: the 司法行政
 * department reviews and supervises): supervisors and admins for the regions they govern, and the
 * unit head or legal reviewer of a unit that holds the item — a unit never writes benchmarks for
 * powers it does not hold (清单之外无权力).
 */
export function canDraft(actor: Actor, regionPath: string, holdsItem: boolean): boolean {
  if (governs(actor, regionPath)) return true
  return draftingUnitRoles.includes(actor.role) && holdsItem
}

/**
 * The lifecycle: 草稿 (edited, deleted) → 已公布 (immutable) → 已停止适用, superseded by its next
 * version or withdrawn. Publishing is the act that makes the benchmark binding, so it is done by
 * those who answer for it: a supervisor of the jurisdiction (legality review) or the unit head of a
 * unit holding the item — and never by the person who drafted it (four eyes; a legal reviewer drafts,
 * the head or the 司法局 publishes).
 */
export function canDiscretion(actor: Actor, action: DiscretionAction, row: DiscretionFacts): boolean {
  if (!staffRoles.includes(actor.role)) return false
  const drafting = canDraft(actor, row.regionPath, row.holdsItem)
  switch (action) {
    case 'read':
      return row.status !== 'draft' || drafting
    case 'update':
    case 'delete':
      return row.status === 'draft' && drafting
    case 'publish':
      return (
        row.status === 'draft' &&
        (governs(actor, row.regionPath) || (actor.role === 'unit_head' && row.holdsItem)) &&
        (row.createdBy === null || row.createdBy !== actor.userId)
      )
    case 'revise':
      return row.status === 'published' && drafting && !row.hasDraft
    case 'withdraw':
      return row.status === 'published' && (governs(actor, row.regionPath) || (actor.role === 'unit_head' && row.holdsItem))
  }
}

export function discretionActions(actor: Actor, row: DiscretionFacts, available: readonly DiscretionAction[]): DiscretionAction[] {
  return available.filter((a) => canDiscretion(actor, a, row))
}
