import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { orgActions } from './orgs.policy'
import type { OrgRow } from './orgs.repository'

export function presentOrg(actor: Actor, row: OrgRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    kindLabel: labels.orgKind[row.kind],
    regionCode: row.region_code,
    regionName: row.region_name,
    parentId: row.parent_id,
    parentName: row.parent_name,
    onboarded: row.onboarded_on !== null,
    onboardedOn: row.onboarded_on,
    contactPhone: row.contact_phone,
    address: row.address,
    postalCode: row.postal_code,
    entityId: row.entity_id,
    entityStatus: row.entity_status,
    entityStatusLabel: row.entity_status ? labels.entityStatus[row.entity_status] : null,
    personCount: Number(row.person_count ?? 0),
    validCertificateCount: Number(row.valid_certificate_count ?? 0),
    actions: orgActions(actor, row),
  }
}
