import type { Actor } from '../../platform/auth/actor'

export type EnterpriseAction = 'read' | 'create' | 'update' | 'import' | 'issue_qr' | 'issue_activation'

const staff = new Set(['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer'])

/**
 * 市场主体 are shared master data: every unit inspects the same enterprises, so every staff
 * member reads them and records them. Bulk import and account activation codes are for unit heads
 * and the justice bureau; a QR poster may be re-issued by anyone who meets the enterprise.
 */
export function canEnterprise(actor: Actor, action: EnterpriseAction): boolean {
  if (!staff.has(actor.role)) return false
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
      return true
    case 'issue_qr':
      return actor.role !== 'legal_reviewer'
    case 'import':
    case 'issue_activation':
      return actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'unit_head'
  }
}

export function enterpriseActions(actor: Actor): EnterpriseAction[] {
  return (['update', 'issue_qr', 'issue_activation'] as const).filter((a) => canEnterprise(actor, a))
}
