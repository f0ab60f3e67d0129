import type { Actor } from '../../platform/auth/actor'

export type UserAction = 'read' | 'create' | 'update' | 'disable' | 'enable' | 'reset_password'

/**
 * Accounts are managed by admins. Supervisors may read the accounts in their jurisdiction
 * (to know who acted), never change them.
 */
export function canUser(actor: Actor, action: UserAction, row?: { id: string; status: string }): boolean {
  if (actor.role === 'admin') {
    if (!row) return action === 'create' || action === 'read'
    if (action === 'disable') return row.status === 'active' && row.id !== actor.userId
    if (action === 'enable') return row.status === 'disabled'
    return true
  }
  if (actor.role === 'supervisor') return action === 'read'
  return false
}

export function userActions(actor: Actor, row: { id: string; status: string }): UserAction[] {
  return (['update', 'disable', 'enable', 'reset_password'] as const).filter((a) => canUser(actor, a, row))
}
