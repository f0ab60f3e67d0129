import type { Actor } from '../../platform/auth/actor'
import { certificateEffectiveStatus } from './certificate-validity'
import { isSupervisorOver, mayReadPerson } from './person.policy'

export type CertificateAction = 'change' | 'suspend' | 'restore' | 'cancel' | 'renew'

export type CertificatePolicyRow = {
  org_id: string
  org_region_path: string
  status: 'valid' | 'suspended' | 'cancelled'
  valid_from: string
  valid_to: string
}

export function mayReadCertificate(actor: Actor, row: CertificatePolicyRow): boolean {
  return mayReadPerson(actor, row)
}

/** 执法证 are managed by the 司法局: supervisors of the holder's unit's jurisdiction. */
export function certificateRoleAllows(actor: Actor, _action: CertificateAction, row: CertificatePolicyRow): boolean {
  return isSupervisorOver(actor, row.org_region_path)
}

/**
 * - change (变更 areas or issuer) and cancel (注销): any certificate not yet cancelled;
 * - suspend (暂扣): a valid certificate that has not expired;
 * - restore (恢复): a suspended one;
 * - renew (换证, a new term): a valid one, expired or not — not a suspended or cancelled one.
 */
export function certificateStateAllows(action: CertificateAction, row: CertificatePolicyRow, today: string): boolean {
  switch (action) {
    case 'change':
    case 'cancel':
      return row.status !== 'cancelled'
    case 'suspend':
      return row.status === 'valid' && certificateEffectiveStatus({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, today) !== 'expired'
    case 'restore':
      return row.status === 'suspended'
    case 'renew':
      return row.status === 'valid'
  }
}

export function certificateActions(actor: Actor, row: CertificatePolicyRow, today: string): CertificateAction[] {
  return (['change', 'suspend', 'restore', 'cancel', 'renew'] as const).filter((a) => certificateRoleAllows(actor, a, row) && certificateStateAllows(a, row, today))
}
