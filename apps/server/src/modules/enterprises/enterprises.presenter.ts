import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { canEnterprise, enterpriseActions, enterpriseFacts } from './enterprises.policy'
import type { EnterpriseRow } from './enterprises.repository'

/** An enterprise as staff see it; contact data only for those who keep its record (the registering unit, the county bureau). */
export function presentEnterprise(actor: Actor, row: EnterpriseRow) {
  const facts = enterpriseFacts(row)
  const contactVisible = canEnterprise(actor, 'read_contact', facts)
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
    contactName: contactVisible ? row.contact_name : null,
    contactPhone: contactVisible ? row.contact_phone : null,
    contactVisible,
    hasQr: row.qr_token_hash !== null,
    qrIssuedAt: row.qr_issued_at?.toISOString() ?? null,
    qrVersion: row.qr_version,
    accounts: Number(row.accounts ?? 0),
    actions: enterpriseActions(actor, facts),
  }
}
