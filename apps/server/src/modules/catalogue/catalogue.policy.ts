import type { Role } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'

export type PowerItemAction = 'read' | 'create' | 'update' | 'repeal' | 'restore'

/** What the policies need to know about a power item: its state, the jurisdiction that entered it, and where it is held. */
export type PowerItemFacts = { status: string; region_path: string | null; holders: ReadonlyArray<{ regionPath: string }> }
export type VersionAction = 'read' | 'propose' | 'approve' | 'publish'
export type AdjustmentAction = 'accept' | 'reject'

/** What the policies need to know about a version. */
export type VersionFacts = { status: string; regionPath: string; pendingCount: number; itemCount: number }

const staffRoles: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']
const unitRoles: readonly Role[] = ['unit_head', 'legal_reviewer', 'officer']

/**
 * Power items (权力事项) are the master list every unit works from: all staff read them; the
 * 司法局 keeps them up to date (supervisors and admins) — each bureau the items of its own
 * jurisdiction only. An item is repealed, never deleted, so inspections and cases that cite it
 * stay readable.
 *
 * Without `row`: whether the role may do this at all (checked before any lookup).
 */
export function canPowerItem(actor: Actor, action: PowerItemAction, row?: PowerItemFacts): boolean {
  if (!staffRoles.includes(actor.role)) return false
  if (action === 'read') return true
  if (actor.role !== 'admin' && actor.role !== 'supervisor') return false
  if (action === 'create' || !row) return true
  if (!governsPowerItem(actor, row)) return false
  if (action === 'repeal') return row.status === 'active'
  if (action === 'restore') return row.status === 'repealed'
  return true
}

/**
 * Whether the actor governs an item: the jurisdiction that entered it and every region it is held in
 * lie within theirs. An older item entered before jurisdictions were recorded and held nowhere is
 * the administrators'.
 */
export function governsPowerItem(actor: Actor, row: PowerItemFacts): boolean {
  if (actor.role === 'admin') return true
  if (row.region_path === null && row.holders.length === 0) return false
  return (row.region_path === null || governs(actor, row.region_path)) && row.holders.every((h) => governs(actor, h.regionPath))
}

export function powerItemActions(actor: Actor, row: PowerItemFacts): PowerItemAction[] {
  return (['update', 'repeal', 'restore'] as const).filter((a) => canPowerItem(actor, a, row))
}

/** Supervisors govern their jurisdiction (their region and everything below it); admins govern all. */
export function governs(actor: Actor, regionPath: string): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'supervisor') return Boolean(actor.regionPath) && regionPath.startsWith(actor.regionPath as string)
  return false
}

/** Unit staff belong to a catalogue's region when their unit lies inside it. */
function belongsTo(actor: Actor, regionPath: string): boolean {
  return unitRoles.includes(actor.role) && Boolean(actor.regionPath) && (actor.regionPath as string).startsWith(regionPath)
}

/** Who may draft a new version for a region: those who govern it. */
export function canCreateVersion(actor: Actor, regionPath: string): boolean {
  return governs(actor, regionPath)
}

/**
 * The version workflow: 草稿 (adjusted by requests) → 已审议通过 (with the meeting that decided it)
 * → 已公布 → 已被替代. Supervisors run it; unit heads of the region may propose adjustments to a draft.
 * A draft is approved only once every adjustment request has been decided.
 */
export function canVersion(actor: Actor, action: VersionAction, v: VersionFacts): boolean {
  const governing = governs(actor, v.regionPath)
  switch (action) {
    case 'read':
      return governing || belongsTo(actor, v.regionPath)
    case 'propose':
      return v.status === 'draft' && (governing || (actor.role === 'unit_head' && belongsTo(actor, v.regionPath)))
    case 'approve':
      return v.status === 'draft' && governing && v.pendingCount === 0 && v.itemCount > 0
    case 'publish':
      return v.status === 'approved' && governing
  }
}

export function versionActions(actor: Actor, v: VersionFacts): VersionAction[] {
  return (['propose', 'approve', 'publish'] as const).filter((a) => canVersion(actor, a, v))
}

/** A pending request on a draft is accepted or rejected by whoever governs the version. */
export function canAdjustment(actor: Actor, _action: AdjustmentAction, adjustment: { status: string }, v: VersionFacts): boolean {
  return adjustment.status === 'pending' && v.status === 'draft' && governs(actor, v.regionPath)
}

export function adjustmentActions(actor: Actor, adjustment: { status: string }, v: VersionFacts): AdjustmentAction[] {
  return (['accept', 'reject'] as const).filter((a) => canAdjustment(actor, a, adjustment, v))
}
