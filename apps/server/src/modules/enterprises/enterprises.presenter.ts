import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { enterpriseActions } from './enterprises.policy'
import type { EnterpriseRow } from './enterprises.repository'

export function presentEnterprise(actor: Actor, row: EnterpriseRow) {
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    kind: row.kind,
    kindLabel: labels.enterpriseKind[row.kind],
    address: row.address,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    industry: row.industry,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    hasQr: row.qr_token_hash !== null,
    qrIssuedAt: row.qr_issued_at?.toISOString() ?? null,
    qrVersion: row.qr_version,
    accounts: Number(row.accounts ?? 0),
    actions: enterpriseActions(actor),
  }
}
